"""The current project's findings as a table: severity, rule, place, message, state."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core.review import FindingState, Severity
from core.store.records import StoredFinding
from ui.labels import finding_text, location_label, severity_label, state_label
from ui.models.roles import ID_ROLE, OBJECT_ROLE, SORT_ROLE
from ui.resources import icon
from ui.settings import QT_TRANSLATE_NOOP

COLUMN_TITLES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("FindingsModel", "级别"),
    QT_TRANSLATE_NOOP("FindingsModel", "规则"),
    QT_TRANSLATE_NOOP("FindingsModel", "位置"),
    QT_TRANSLATE_NOOP("FindingsModel", "说明"),
    QT_TRANSLATE_NOOP("FindingsModel", "状态"),
)
SEVERITY, RULE, PLACE, MESSAGE, STATE = range(5)
_SEVERITY_ICON = {Severity.ERROR: "error", Severity.WARNING: "finding", Severity.NOTE: "note"}
_STATE_ICON = {FindingState.ACCEPTED: "accepted", FindingState.DISMISSED: "dismissed"}
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}
_STATE_ORDER = {FindingState.OPEN: 0, FindingState.ACCEPTED: 1, FindingState.DISMISSED: 2}


def _rule_key(check_id: str) -> tuple[object, ...]:
    """C2 before C10: the rule's letters, then its number."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|\D+", check_id))


def document_order(stored: StoredFinding) -> tuple[object, ...]:
    """Where a finding sits in its document: department part, then each project's header, then its rows."""
    loc = stored.finding.location
    return (stored.document_id, loc.project_seq if loc.project_seq is not None else -1,
            loc.indicator is not None, loc.indicator if loc.indicator is not None else -1,
            loc.field or "", loc.column or "")


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StoredFinding] = []

    def set_findings(self, findings: Sequence[StoredFinding]) -> None:
        self.beginResetModel()
        self._rows = sorted(findings, key=lambda f: (
            f.finding.state != FindingState.OPEN, _SEVERITY_ORDER.get(f.finding.severity, 3),
            f.finding.location.indicator if f.finding.location.indicator is not None else -1,
            f.finding.check_id))
        self.endResetModel()

    def finding_at(self, row: int) -> StoredFinding:
        return self._rows[row]

    def sort_key(self, row: int, column: int) -> tuple[object, ...]:
        """What a click on a column header sorts by: severity E > W > I, the rule (C2 before C10),
        the place, the message or the state; equal ones stay in document order."""
        stored = self._rows[row]
        f = stored.finding
        place = (*document_order(stored), row)
        if column == SEVERITY:
            return (_SEVERITY_ORDER.get(f.severity, 3), *place)
        if column == RULE:
            return (_rule_key(f.check_id), *place)
        if column == MESSAGE:
            return (finding_text(f), *place)
        if column == STATE:
            return (_STATE_ORDER.get(f.state, 3), *place)
        return place

    def rules(self) -> list[str]:
        """The rules of the findings shown, C2 before C10."""
        return sorted({f.finding.check_id for f in self._rows}, key=_rule_key)

    def row_of(self, finding_id: int) -> int | None:
        for i, f in enumerate(self._rows):
            if f.id == finding_id:
                return i
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMN_TITLES):
            return self.tr(COLUMN_TITLES[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        stored = self._rows[index.row()]
        f = stored.finding
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == SEVERITY:
                return severity_label(f.severity)
            if col == RULE:
                return f.check_id
            if col == PLACE:
                return location_label(f.location)
            if col == MESSAGE:
                return finding_text(f)
            if col == STATE:
                return state_label(f.state)
        if role == Qt.ItemDataRole.DecorationRole:
            if col == SEVERITY:
                return icon(_SEVERITY_ICON.get(f.severity, "note"))
            if col == STATE and f.state in _STATE_ICON:
                return icon(_STATE_ICON[f.state])
        if role == Qt.ItemDataRole.ForegroundRole and f.state != FindingState.OPEN:
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{f.check_id} · {f.criterion}", finding_text(f)]
            if f.quote:
                lines.append(self.tr("原文：{quote}").format(quote=f.quote))
            if f.suggestion:
                lines.append(self.tr("建议：{suggestion}").format(suggestion=f.suggestion))
            if f.prov is not None:
                lines.append(self.tr("出处：{place}").format(place=f.prov.describe()))
            if f.reason:
                lines.append(self.tr("驳回理由：{reason}").format(reason=f.reason))
            return "\n".join(lines)
        if role == ID_ROLE:
            return stored.id
        if role == OBJECT_ROLE:
            return stored
        if role == SORT_ROLE:
            return (_SEVERITY_ORDER.get(f.severity, 3), f.check_id)
        return None
