"""Undoable edits: one QUndoCommand per reviewer action, each queuing one workspace op.

redo() (QUndoStack.push runs it the first time) and undo() first show the step in the
window's models at once (the context's `view`), then queue the op on the window's one
writer (ui/background.Writer): the window never waits for SQLite, and the ops run in
the order the reviewer made the steps, undo and redo included. undo() queues the op
that restores what was captured at construction; an op that needs what an earlier
one wrote (the id of an added annotation) reads it when it runs, after that one.

Every op returns a `Changes` record, handed to `on_changes` once it has run, so the
window redraws from what the workspace holds. A failing op (e.g. the place vanished
after a re-import) marks the command obsolete, so the stack drops it; the command's
later ops, queued before the failure was known, are skipped (they built on it); and
the error goes to `on_error` with the command, so the window can tell the reviewer and
show the workspace's state again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from core.review import FindingState, Grade, Location
from core.store.records import NO_CHANGES, Changes
from core.store.reviewer import GradeFunction
from core.store.workspace import Workspace
from ui.background import Writer

ChangesSink = Callable[[Changes], None]
ErrorSink = Callable[[BaseException, "WorkspaceCommand"], None]


class CommandView(Protocol):
    """Where a command shows its step at once, before the workspace has it (the window).

    Each call names the project it is about; a view showing another project ignores it.
    """

    def preview_revision(self, project_id: int | None, location: Location, text: str | None) -> None: ...

    def preview_finding(self, project_id: int | None, finding_id: int, state: FindingState,
                        reason: str | None) -> None: ...

    def preview_annotation_added(self, project_id: int | None, document_id: int, location: Location,
                                 text: str, author: str) -> None: ...

    def preview_annotation_removed(self, project_id: int | None, annotation_id: int | None,
                                   location: Location, text: str) -> None: ...

    def preview_annotation_text(self, project_id: int | None, annotation_id: int, text: str) -> None: ...

    def preview_grade(self, project_id: int, grade: Grade | None) -> None: ...


@dataclass(frozen=True, slots=True)
class CommandContext:
    """What every command needs: the workspace, its one writer, the view, and the sinks."""

    ws: Workspace
    writer: Writer
    view: CommandView
    on_changes: ChangesSink
    on_error: ErrorSink
    # The check's grading with the reviewer's settings: a decision re-grades its projects.
    grade: GradeFunction | None = None


class WorkspaceCommand(QUndoCommand):
    """Base: shows a step, queues its op, forwards its Changes, turns a failure into an obsolete command."""

    def __init__(self, context: CommandContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.ws = context.ws
        self.view = context.view
        # Set on the writer's thread when an op of this command failed; read there by the ops
        # queued after it, and here, so that nothing more of this command is shown or written.
        self.failed = False

    def _run(self, show: Callable[[], None], op: Callable[[], Changes]) -> None:
        """Show the step now and queue its op on the writer."""
        if self.failed:
            return
        show()

        def write() -> Changes:
            if self.failed:  # an earlier op of this command failed: this one would build on nothing
                return NO_CHANGES
            try:
                return op()
            except BaseException:
                self.failed = True
                raise

        self.context.writer.submit(write, self.context.on_changes, self._failed)

    def _failed(self, error: BaseException) -> None:
        # The workspace refused: drop this step (the stack deletes an obsolete command when it
        # next reaches it), tell the reviewer.
        with suppress(RuntimeError):  # already deleted by the stack (cleared, or a workspace change)
            self.setObsolete(True)
        self.context.on_error(error, self)


class SetRevisionCommand(WorkspaceCommand):
    """Suggest `suggested` at a place; undo restores the earlier suggestion or none."""

    def __init__(self, context: CommandContext, document_id: int, project_id: int | None, location: Location,
                 suggested: str, previous: str | None, author: str, text: str) -> None:
        super().__init__(context, text)
        self.document_id = document_id
        self.project_id = project_id
        self.location = location
        self.suggested = suggested
        self.previous = previous
        self.author = author

    def redo(self) -> None:
        self._run(lambda: self.view.preview_revision(self.project_id, self.location, self.suggested),
                  lambda: self.ws.set_revision(self.document_id, self.location, self.suggested,
                                               author=self.author))

    def undo(self) -> None:
        previous = self.previous
        show = lambda: self.view.preview_revision(self.project_id, self.location, previous)  # noqa: E731
        if previous is None:
            self._run(show, lambda: self.ws.clear_revision(self.document_id, self.location))
        else:
            self._run(show, lambda: self.ws.set_revision(self.document_id, self.location, previous,
                                                         author=self.author))


class FindingStateCommand(WorkspaceCommand):
    """Accept, dismiss (with a reason) or reopen a finding."""

    def __init__(self, context: CommandContext, finding_id: int, project_id: int | None, state: FindingState,
                 reason: str | None, old_state: FindingState, old_reason: str | None, text: str) -> None:
        super().__init__(context, text)
        self.finding_id = finding_id
        self.project_id = project_id
        self.state, self.reason = state, reason
        self.old_state, self.old_reason = old_state, old_reason

    def redo(self) -> None:
        self._run(lambda: self.view.preview_finding(self.project_id, self.finding_id, self.state, self.reason),
                  lambda: self.ws.set_finding_state(self.finding_id, self.state, self.reason,
                                                    regrade=self.context.grade))

    def undo(self) -> None:
        self._run(lambda: self.view.preview_finding(self.project_id, self.finding_id, self.old_state,
                                                    self.old_reason),
                  lambda: self.ws.set_finding_state(self.finding_id, self.old_state, self.old_reason,
                                                    regrade=self.context.grade))


class FindingsStateCommand(WorkspaceCommand):
    """Accept, dismiss (one reason) or reopen several findings: one step, one transaction;
    undo restores each finding's earlier state and reason."""

    def __init__(self, context: CommandContext, findings: list[tuple[int, int | None, FindingState, str | None]],
                 state: FindingState, reason: str | None, by: str | None, text: str) -> None:
        """`findings`: (finding id, project id, earlier state, earlier reason) of each."""
        super().__init__(context, text)
        self.findings = list(findings)
        self.state, self.reason, self.by = state, reason, by

    def _show(self, states: list[tuple[int, int | None, FindingState, str | None]]) -> Callable[[], None]:
        def show() -> None:
            for finding_id, project_id, state, reason in states:
                self.view.preview_finding(project_id, finding_id, state, reason)
        return show

    def redo(self) -> None:
        ids = [f[0] for f in self.findings]
        self._run(self._show([(i, p, self.state, self.reason) for i, p, _, _ in self.findings]),
                  lambda: self.ws.set_findings_state(ids, self.state, self.reason, by=self.by,
                                                     regrade=self.context.grade))

    def undo(self) -> None:
        groups: dict[tuple[FindingState, str | None], list[int]] = {}
        for finding_id, _, old_state, old_reason in self.findings:
            groups.setdefault((old_state, old_reason), []).append(finding_id)

        def op() -> Changes:
            changes = NO_CHANGES
            for (state, reason), ids in groups.items():
                changes = changes | self.ws.set_findings_state(ids, state, reason, regrade=self.context.grade)
            return changes
        self._run(self._show(self.findings), op)


class AddAnnotationCommand(WorkspaceCommand):
    """Add an annotation; its id is known once the op has run, and undo's op reads it then."""

    def __init__(self, context: CommandContext, document_id: int, project_id: int | None, location: Location,
                 body: str, author: str, text: str) -> None:
        super().__init__(context, text)
        self.document_id = document_id
        self.project_id = project_id
        self.location = location
        self.body = body
        self.author = author
        self.annotation_id: int | None = None  # set on the writer's thread

    def redo(self) -> None:
        def op() -> Changes:
            self.annotation_id, changes = self.ws.add_annotation(self.document_id, self.location, self.body,
                                                                 author=self.author)
            return changes
        self._run(lambda: self.view.preview_annotation_added(self.project_id, self.document_id, self.location,
                                                             self.body, self.author), op)

    def undo(self) -> None:
        def op() -> Changes:  # runs after redo's op, which set the id
            return NO_CHANGES if self.annotation_id is None else self.ws.delete_annotation(self.annotation_id)
        self._run(lambda: self.view.preview_annotation_removed(self.project_id, self.annotation_id,
                                                               self.location, self.body), op)


class EditAnnotationCommand(WorkspaceCommand):
    def __init__(self, context: CommandContext, annotation_id: int, project_id: int | None, body: str,
                 old_body: str, text: str) -> None:
        super().__init__(context, text)
        self.annotation_id = annotation_id
        self.project_id = project_id
        self.body, self.old_body = body, old_body

    def redo(self) -> None:
        self._run(lambda: self.view.preview_annotation_text(self.project_id, self.annotation_id, self.body),
                  lambda: self.ws.update_annotation(self.annotation_id, self.body))

    def undo(self) -> None:
        self._run(lambda: self.view.preview_annotation_text(self.project_id, self.annotation_id, self.old_body),
                  lambda: self.ws.update_annotation(self.annotation_id, self.old_body))


class DeleteAnnotationCommand(WorkspaceCommand):
    """Delete an annotation; undo writes it again (under a new id)."""

    def __init__(self, context: CommandContext, annotation_id: int, document_id: int, project_id: int | None,
                 location: Location, body: str, author: str, text: str) -> None:
        super().__init__(context, text)
        self.annotation_id = annotation_id  # replaced on the writer's thread when undo writes it again
        self.document_id, self.project_id = document_id, project_id
        self.location, self.body, self.author = location, body, author

    def redo(self) -> None:
        # The id is read when the op runs: after an undo's op that wrote the annotation again.
        self._run(lambda: self.view.preview_annotation_removed(self.project_id, self.annotation_id,
                                                               self.location, self.body),
                  lambda: self.ws.delete_annotation(self.annotation_id))

    def undo(self) -> None:
        def op() -> Changes:
            self.annotation_id, changes = self.ws.add_annotation(self.document_id, self.location, self.body,
                                                                 author=self.author)
            return changes
        self._run(lambda: self.view.preview_annotation_added(self.project_id, self.document_id, self.location,
                                                             self.body, self.author), op)


class SetGradeCommand(WorkspaceCommand):
    """Set the reviewer's grade (an override); undo restores the stored grade or the computed one."""

    def __init__(self, context: CommandContext, project_id: int, grade: Grade, previous: Grade | None,
                 text: str) -> None:
        super().__init__(context, text)
        self.project_id = project_id
        self.grade = grade
        self.previous = previous

    def redo(self) -> None:
        self._run(lambda: self.view.preview_grade(self.project_id, self.grade),
                  lambda: self.ws.set_grade(self.project_id, self.grade))

    def undo(self) -> None:
        previous = self.previous
        # Without an earlier grade, clearing the override keeps the values, no longer overridden.
        shown = previous if previous is not None else dataclasses.replace(self.grade, overridden=False)
        show = lambda: self.view.preview_grade(self.project_id, shown)  # noqa: E731
        if previous is None or not previous.overridden:
            def op() -> Changes:
                changes = self.ws.clear_grade_override(self.project_id)
                if previous is not None:
                    changes = changes | self.ws.set_grade(self.project_id, previous)
                return changes
            self._run(show, op)
        else:
            self._run(show, lambda: self.ws.set_grade(self.project_id, previous))
