"""Undoable edits: one QUndoCommand per reviewer action, each calling one workspace op.

redo() calls the op (QUndoStack.push runs it the first time), undo() calls the
op that restores what was captured at construction. Every op returns a
`Changes` record, handed to `on_changes` so the window redraws only what changed.
A failing op (e.g. the place vanished after a re-import) marks the command
obsolete, so the stack drops it, and the error goes to `on_error`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from core.review import FindingState, Grade, Location
from core.store.records import Changes
from core.store.workspace import Workspace

ChangesSink = Callable[[Changes], None]
ErrorSink = Callable[[BaseException], None]


class WorkspaceCommand(QUndoCommand):
    """Base: runs an op, forwards its Changes, turns a failure into an obsolete command."""

    def __init__(self, ws: Workspace, text: str, on_changes: ChangesSink, on_error: ErrorSink) -> None:
        super().__init__(text)
        self.ws = ws
        self._on_changes = on_changes
        self._on_error = on_error

    def _run(self, op: Callable[[], Changes]) -> None:
        try:
            changes = op()
        except Exception as error:  # the workspace refused: drop this step, tell the reviewer
            self.setObsolete(True)
            self._on_error(error)
            return
        self._on_changes(changes)


class SetRevisionCommand(WorkspaceCommand):
    """Suggest `suggested` at a place; undo restores the earlier suggestion or none."""

    def __init__(self, ws: Workspace, document_id: int, location: Location, suggested: str,
                 previous: str | None, author: str, text: str, on_changes: ChangesSink,
                 on_error: ErrorSink) -> None:
        super().__init__(ws, text, on_changes, on_error)
        self.document_id = document_id
        self.location = location
        self.suggested = suggested
        self.previous = previous
        self.author = author

    def redo(self) -> None:
        self._run(lambda: self.ws.set_revision(self.document_id, self.location, self.suggested,
                                               author=self.author))

    def undo(self) -> None:
        if self.previous is None:
            self._run(lambda: self.ws.clear_revision(self.document_id, self.location))
        else:
            previous = self.previous
            self._run(lambda: self.ws.set_revision(self.document_id, self.location, previous,
                                                   author=self.author))


class FindingStateCommand(WorkspaceCommand):
    """Accept, dismiss (with a reason) or reopen a finding."""

    def __init__(self, ws: Workspace, finding_id: int, state: FindingState, reason: str | None,
                 old_state: FindingState, old_reason: str | None, text: str, on_changes: ChangesSink,
                 on_error: ErrorSink) -> None:
        super().__init__(ws, text, on_changes, on_error)
        self.finding_id = finding_id
        self.state, self.reason = state, reason
        self.old_state, self.old_reason = old_state, old_reason

    def redo(self) -> None:
        self._run(lambda: self.ws.set_finding_state(self.finding_id, self.state, self.reason))

    def undo(self) -> None:
        self._run(lambda: self.ws.set_finding_state(self.finding_id, self.old_state, self.old_reason))


class AddAnnotationCommand(WorkspaceCommand):
    def __init__(self, ws: Workspace, document_id: int, location: Location, body: str, author: str,
                 text: str, on_changes: ChangesSink, on_error: ErrorSink) -> None:
        super().__init__(ws, text, on_changes, on_error)
        self.document_id = document_id
        self.location = location
        self.body = body
        self.author = author
        self.annotation_id: int | None = None

    def redo(self) -> None:
        def op() -> Changes:
            self.annotation_id, changes = self.ws.add_annotation(self.document_id, self.location, self.body,
                                                                 author=self.author)
            return changes
        self._run(op)

    def undo(self) -> None:
        if self.annotation_id is not None:
            annotation_id = self.annotation_id
            self._run(lambda: self.ws.delete_annotation(annotation_id))


class EditAnnotationCommand(WorkspaceCommand):
    def __init__(self, ws: Workspace, annotation_id: int, body: str, old_body: str, text: str,
                 on_changes: ChangesSink, on_error: ErrorSink) -> None:
        super().__init__(ws, text, on_changes, on_error)
        self.annotation_id = annotation_id
        self.body, self.old_body = body, old_body

    def redo(self) -> None:
        self._run(lambda: self.ws.update_annotation(self.annotation_id, self.body))

    def undo(self) -> None:
        self._run(lambda: self.ws.update_annotation(self.annotation_id, self.old_body))


class DeleteAnnotationCommand(WorkspaceCommand):
    """Delete an annotation; undo writes it again (under a new id)."""

    def __init__(self, ws: Workspace, annotation_id: int, document_id: int, location: Location, body: str,
                 author: str, text: str, on_changes: ChangesSink, on_error: ErrorSink) -> None:
        super().__init__(ws, text, on_changes, on_error)
        self.annotation_id = annotation_id
        self.document_id, self.location, self.body, self.author = document_id, location, body, author

    def redo(self) -> None:
        annotation_id = self.annotation_id
        self._run(lambda: self.ws.delete_annotation(annotation_id))

    def undo(self) -> None:
        def op() -> Changes:
            self.annotation_id, changes = self.ws.add_annotation(self.document_id, self.location, self.body,
                                                                 author=self.author)
            return changes
        self._run(op)


class SetGradeCommand(WorkspaceCommand):
    """Set the reviewer's grade (an override); undo restores the stored grade or the computed one."""

    def __init__(self, ws: Workspace, project_id: int, grade: Grade, previous: Grade | None, text: str,
                 on_changes: ChangesSink, on_error: ErrorSink) -> None:
        super().__init__(ws, text, on_changes, on_error)
        self.project_id = project_id
        self.grade = grade
        self.previous = previous

    def redo(self) -> None:
        self._run(lambda: self.ws.set_grade(self.project_id, self.grade))

    def undo(self) -> None:
        previous = self.previous
        if previous is None or not previous.overridden:
            def op() -> Changes:
                changes = self.ws.clear_grade_override(self.project_id)
                if previous is not None:
                    changes = changes | self.ws.set_grade(self.project_id, previous)
                return changes
            self._run(op)
        else:
            self._run(lambda: self.ws.set_grade(self.project_id, previous))
