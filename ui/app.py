"""Starting the window: QApplication, the bundled font, translations, settings, the workspace.

`run_gui(args)` is what `python main.py gui` calls (args.workspace, args.demo,
args.screenshot, args.lang). With --screenshot FILE the window is shown, rendered
to a PNG and the program exits (works offscreen, for docs and checks).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ui.fonts import install_application_font
from ui.i18n import install_translators
from ui.settings import APPLICATION, ORGANISATION, AppSettings

if TYPE_CHECKING:
    from core.store.workspace import Workspace
    from ui.main_window import MainWindow

EXIT_OK = 0
EXIT_FAILED = 1


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with its names and the bundled font, before any widget exists."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("预算绩效目标审核工作台")
    install_application_font(app)
    return app


def open_workspace(args: argparse.Namespace):
    """The workspace the arguments name: --demo builds it from the samples, else --workspace or the default."""
    from core.store.workspace import Workspace

    if getattr(args, "demo", False):
        from core.demo import build_demo_workspace

        path, _outcomes = build_demo_workspace(args.workspace)
        workspace = Workspace.open(path)
        _check_demo(workspace)
        return workspace
    return Workspace.open(args.workspace)


def _check_demo(workspace: Workspace) -> None:
    """Run the checks once on a fresh demo workspace, so it opens with findings to review."""
    from core.checks.settings import CheckSettings
    from core.progress import NoProgress
    from ui.checking import check_documents

    documents = workspace.documents(current_only=True)
    if any(workspace.findings(d.id) for d in documents):
        return
    check_documents(workspace, None, CheckSettings(), NoProgress())


def run_gui(args: argparse.Namespace) -> int:
    if args.screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        # A screenshot needs no screen: render offscreen when there is none.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    settings = AppSettings()
    language = args.lang or settings.language
    app._translators = install_translators(app, language)  # type: ignore[attr-defined]

    from ui.errors import show_error
    from ui.main_window import MainWindow

    window = MainWindow(settings)
    try:
        workspace = open_workspace(args)
    except Exception as error:
        if args.screenshot:
            print(f"错误：{error}", file=sys.stderr)
            return 2
        show_error(window, error)
        workspace = None
    window.set_workspace(workspace)
    if args.screenshot:
        return screenshot(window, Path(args.screenshot))
    window.show()
    return app.exec()


def screenshot(window: MainWindow, path: Path) -> int:
    """Show the window with a project open, render it to `path` (PNG) and close."""
    app = QApplication.instance()
    assert app is not None
    window.resize(1440, 900)
    window.show()
    first = window.first_project_with_findings()
    if first is not None:
        window.reveal_project(first)
        window.load_project(first)
    for _ in range(5):
        app.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(path), "PNG")
    QTimer.singleShot(0, window.close)
    app.processEvents()
    window.close()
    return EXIT_OK if ok else EXIT_FAILED
