"""Notes (I severity) are folded in the findings list: a button shows them, accepted ones stay."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.review import Criterion, Finding, FindingState, Location, Severity
from core.store.records import StoredFinding
from ui.views.findings_dock import FindingsPanel


def _stored(n: int, severity: Severity, state: FindingState = FindingState.OPEN) -> StoredFinding:
    finding = Finding(f"X{n}", severity, Criterion.COMPLETENESS, Location(project_seq=1, indicator=n),
                      "", "R", {"text": f"发现{n}"}, state=state)
    return StoredFinding(id=n, document_id=1, project_id=1, indicator_id=None, finding=finding)


def test_notes_are_folded_until_shown_and_accepted_notes_stay(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings([_stored(1, Severity.ERROR), _stored(2, Severity.NOTE), _stored(3, Severity.WARNING),
                        _stored(4, Severity.NOTE, FindingState.ACCEPTED), _stored(5, Severity.NOTE)])
    shown = [panel.finding_at_row(r).id for r in range(panel.proxy.rowCount())]
    assert shown == [1, 3, 4]  # open first, by severity; the accepted note after them
    assert panel.notes_button.text() == "显示提示（2）" and panel.notes_button.isEnabled()

    qtbot.mouseClick(panel.notes_button, Qt.MouseButton.LeftButton)
    assert [panel.finding_at_row(r).id for r in range(panel.proxy.rowCount())] == [1, 3, 2, 5, 4]
    assert panel.notes_button.text() == "隐藏提示"

    # a click on a shown row acts on that finding, not on the model's row of the same number
    panel.notes_button.setChecked(False)
    panel.view.selectRow(1)
    assert panel.current() is not None and panel.current().id == 3
