"""Zoom of the reading surfaces (the indicator tables, the findings table, the project form).

Ctrl+= (also Ctrl++ and the platform's zoom-in key) enlarges, Ctrl+- reduces, Ctrl+0
restores 100 %; Ctrl+wheel over any of them does the same. The zoom scales each
target's font from the one it had when the zoom was installed (and a table's default
row height with it), steps through ZOOM_STEPS, and is kept in the settings
(AppSettings.zoom), so the window opens at the reviewer's size.

    zoom = Zoom(window, settings, [table, findings_view, form])
    zoom.actions()  # for the View menu
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QTableView, QWidget

from ui.settings import ZOOM_MAX, ZOOM_MIN, AppSettings

ZOOM_STEPS: tuple[int, ...] = (70, 80, 90, 100, 110, 125, 150, 175, 200, 250)
assert ZOOM_STEPS[0] >= ZOOM_MIN and ZOOM_STEPS[-1] <= ZOOM_MAX


class Zoom(QObject):
    """Scales the fonts of its targets; the actions carry the shortcuts (on the window)."""

    changed = Signal(int)  # the new zoom in percent

    def __init__(self, window: QWidget, settings: AppSettings, targets: Sequence[QWidget]) -> None:
        super().__init__(window)
        self.settings = settings
        self.targets = list(targets)
        self._fonts = {id(t): QFont(t.font()) for t in self.targets}
        self._rows = {id(t): t.verticalHeader().defaultSectionSize() for t in self.targets
                      if isinstance(t, QTableView)}
        self.percent = 100
        self.zoom_in_action = self._action(window, self.tr("放大"), self.zoom_in,
                                           [QKeySequence("Ctrl+="), QKeySequence("Ctrl++"),
                                            *QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn)])
        self.zoom_out_action = self._action(window, self.tr("缩小"), self.zoom_out,
                                            [QKeySequence("Ctrl+-"),
                                             *QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut)])
        self.reset_action = self._action(window, self.tr("实际大小"), self.reset, [QKeySequence("Ctrl+0")])
        for target in self.targets:
            self._watch(target)
        self.set_percent(settings.zoom(), save=False)

    def _action(self, window: QWidget, text: str, slot: Callable[[], None], keys: list[QKeySequence]) -> QAction:
        action = QAction(text, window)
        unique: list[QKeySequence] = []
        for key in keys:
            if not key.isEmpty() and key not in unique:
                unique.append(key)
        action.setShortcuts(unique)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        window.addAction(action)  # the shortcuts work wherever the focus is in the window
        return action

    def actions(self) -> list[QAction]:
        return [self.zoom_in_action, self.zoom_out_action, self.reset_action]

    def _watch(self, target: QWidget) -> None:
        """Ctrl+wheel anywhere over the target (its viewport, its editors) zooms."""
        target.installEventFilter(self)
        for child in target.findChildren(QWidget):
            child.installEventFilter(self)

    # -- zooming ---------------------------------------------------------------------
    def zoom_in(self) -> None:
        self.set_percent(next((s for s in ZOOM_STEPS if s > self.percent), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_percent(next((s for s in reversed(ZOOM_STEPS) if s < self.percent), ZOOM_STEPS[0]))

    def reset(self) -> None:
        self.set_percent(100)

    def set_percent(self, percent: int, *, save: bool = True) -> None:
        percent = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], int(percent)))
        changed = percent != self.percent
        self.percent = percent
        factor = percent / 100
        for target in self.targets:
            base = self._fonts[id(target)]
            font = QFont(base)
            if base.pointSizeF() > 0:
                font.setPointSizeF(base.pointSizeF() * factor)
            elif base.pixelSize() > 0:
                font.setPixelSize(max(1, round(base.pixelSize() * factor)))
            target.setFont(font)
            if isinstance(target, QTableView):
                target.verticalHeader().setDefaultSectionSize(max(1, round(self._rows[id(target)] * factor)))
                if target.model() is not None:
                    target.doItemsLayout()
        self.zoom_out_action.setEnabled(percent > ZOOM_STEPS[0])
        self.zoom_in_action.setEnabled(percent < ZOOM_STEPS[-1])
        if save:
            self.settings.set_zoom(percent)
        if changed:
            self.changed.emit(percent)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = event.angleDelta().y() or event.angleDelta().x()
            if step > 0:
                self.zoom_in()
            elif step < 0:
                self.zoom_out()
            return True  # not the widget's own Ctrl+wheel (a text box would zoom itself alone)
        return super().eventFilter(watched, event)
