"""Starting the window: QApplication, the bundled font, translations, settings, the workspace.

`run_gui(args)` is what `python main.py gui` calls (args.workspace, args.demo,
args.screenshot, args.view, args.lang). With --screenshot FILE the window is shown,
rendered to a PNG and the program exits (works offscreen, for docs and checks);
`--view compare` renders instead the year comparison of the first department that
has two years, on a matched project with many changes and a row added or removed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from ui.fonts import install_application_font
from ui.i18n import install_translators
from ui.settings import APPLICATION, ORGANISATION, AppSettings

if TYPE_CHECKING:
    from core.compare import Comparison
    from core.store.workspace import Workspace
    from ui.comparing import ComparisonWindow
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
    """Run the checks once on each demo document that has never been checked (a fresh demo,
    or a sample added since), so the demo opens with findings to review."""
    from core.checks.settings import CheckSettings
    from core.checks.workspace_run import check_workspace_documents

    unchecked = [d.id for d in workspace.documents(current_only=True) if not workspace.findings(d.id)]
    if unchecked:
        check_workspace_documents(workspace, unchecked, CheckSettings())


def run_gui(args: argparse.Namespace) -> int:
    if args.screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        # A screenshot needs no screen: render offscreen when there is none.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    if not args.screenshot:
        # An uncaught fault is logged and shown in a dialog (a screenshot run has nobody to see it).
        from ui.crash import install_crash_handler

        install_crash_handler()
    settings = AppSettings()
    language = args.lang or settings.language
    # kept on the application so the translators live as long as it does
    app._translators = install_translators(app, language)  # type: ignore[attr-defined]  # a Python attribute on QApplication

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
        size = tuple(int(n) for n in str(getattr(args, "size", "1440x900")).lower().split("x", 1))
        return screenshot(window, Path(args.screenshot), getattr(args, "view", "main"), (size[0], size[-1]))
    window.show()
    return app.exec()


def screenshot(window: MainWindow, path: Path, view: str = "main", size: tuple[int, int] = (1440, 900)) -> int:
    """Show the window at `size` with a project open (or the year comparison), render it to
    `path` (PNG) and close."""
    app = QApplication.instance()
    assert app is not None
    window.resize(*size)
    window.show()
    window.size_docks()  # the first-run layout for this size, whatever a previous session left
    target: QWidget = window
    if view == "compare":
        compare = show_comparison(window, size)
        if compare is None:
            print("错误：工作区中没有同时有两个年度文本的部门，无法显示年度对比。", file=sys.stderr)
            window.close()
            return EXIT_FAILED
        target = compare
    else:
        first = window.first_project_with_findings()
        if first is not None:
            window.open_project(first)
    for _ in range(5):
        app.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = target.grab().save(str(path), "PNG")
    if target is not window:
        target.close()
    QTimer.singleShot(0, window.close)
    app.processEvents()
    window.close()
    return EXIT_OK if ok else EXIT_FAILED


def show_comparison(window: MainWindow, size: tuple[int, int] = (1440, 900)) -> ComparisonWindow | None:
    """Open the comparison of the first department with two years, on a project with many kinds of change."""
    from ui.comparing import open_comparison, year_documents

    ws = window.ws
    if ws is None:
        return None
    for info in ws.documents(current_only=True):
        years = year_documents(ws, info.department_id)
        projects = ws.projects(years[0][1]) if len(years) >= 2 else []
        if not projects:
            continue
        window.open_project(projects[0].id)
        compare = open_comparison(window, background=False)
        if compare is None:
            return None
        compare.resize(*size)
        if compare.view.comparison is not None:
            best = most_telling_match(compare.view.comparison)
            if best is not None:
                compare.view.select_match(best)
        return compare
    return None


def most_telling_match(comparison: Comparison) -> int | None:
    """The matched project that shows the most: a row added or removed (a blank counterpart), then most changes."""
    def worth(row: int) -> tuple[bool, int, int]:
        changes = comparison.project_changes(comparison.matches[row])
        rows_moved = any(c.kind in ("indicator_added", "indicator_removed") for c in changes)
        return rows_moved, len(changes), -row

    matched = [r for r, m in enumerate(comparison.matches) if m.matched]
    return max(matched, key=worth) if matched else None
