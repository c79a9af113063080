"""The Qt front end: a thin layer of models, views and dialogs over core/."""

from ui.pyside_fixes import protect_booleans, protect_none

# Before any module of the window emits a signal or calls Qt: see ui/pyside_fixes.py.
protect_booleans()
protect_none()
