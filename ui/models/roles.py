"""Custom item data roles shared by the models and their views."""

from __future__ import annotations

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole)

RAW_ROLE = _BASE + 1  # the value as submitted (str)
REVISED_ROLE = _BASE + 2  # the suggested revision, or None
NODE_ROLE = _BASE + 3  # the tree node object
ID_ROLE = _BASE + 4  # a workspace id (project, finding …)
SORT_ROLE = _BASE + 5  # a value for sorting
CHANGE_ROLE = _BASE + 6  # comparison: the change kind for a cell, or None
OBJECT_ROLE = _BASE + 7  # the record object behind a row
ANNOTATION_ROLE = _BASE + 8  # the reviewer's annotations on a cell (text, one per line), or None
