"""Time the window on a province-scale workspace: tree filter, search, closing after an edit.

    python benchmarks/make_workspace.py          # once: builds /tmp/workbench-province.sqlite
    QT_QPA_PLATFORM=offscreen python benchmarks/province_window.py [--workspace PATH]

Drives the real MainWindow (offscreen is fine):
- tree filter: the store's query alone (`Workspace.tree_matches`, the window's first page)
  and the whole filter as the reviewer sees it (query, listing and opening the branches
  above the first page's matches, the view laid out), then 显示更多 (the next page);
- search: the dialog's first page of 200 with its total, then 显示更多;
- closing after an edit: one suggested revision typed into the indicator table, then
  `window.close()` (the backup is due: the benchmark ages the existing backups), the time
  until the background backup is written, and for comparison the old way, a workspace
  closed with the backup written before close() returns.
The workspace gets one revision per run and the backups the run took are deleted again.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from core.review import Location
from core.store import Workspace, sqlite_specific

FILTER_TERMS = ("督查", "热线", "安全局1", "信息化平台", "1300012", "没有这个名称")
SEARCH_TERMS = ("督查设备", "满意度", "热线服务及时率", "督查", "没有这个词语")


def ms(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def line(name: str, times: list[float], note: str = "") -> None:
    print(f"{name:<44} median {statistics.median(times):8.1f} ms   worst {max(times):8.1f} ms  {note}")


def age_backups(path: Path) -> set[Path]:
    """Make the existing backups a day old (so closing takes one); the set of them."""
    old = set(sqlite_specific.list_backups(path))
    day_ago = time.time() - 86400
    for backup in old:
        os.utime(backup, (day_ago, day_ago))
    return old


def drop_new_backups(path: Path, before: set[Path]) -> None:
    for backup in set(sqlite_specific.list_backups(path)) - before:
        backup.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workspace", type=Path, default=Path("/tmp/workbench-province.sqlite"))
    args = parser.parse_args()
    path: Path = args.workspace
    if not path.exists():
        sys.exit(f"{path} not found: run benchmarks/make_workspace.py first")
    print(f"workspace {path} ({path.stat().st_size / 2**20:,.0f} MiB)")

    app = QApplication.instance() or QApplication([])
    from ui import tree_filtering
    from ui.dialogs import search_dialog
    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.models.indicator_model import VALUE
    from ui.settings import AppSettings

    settings_dir = Path(os.environ.get("TMPDIR", "/tmp")) / "province_window_settings"
    settings_dir.mkdir(exist_ok=True)
    app._translators = install_translators(app, "zh_CN")  # type: ignore[attr-defined]
    settings = AppSettings(QSettings(str(settings_dir / "workbench.ini"), QSettings.Format.IniFormat))

    took, ws = ms(lambda: Workspace.open(path))
    assert isinstance(ws, Workspace)
    window = MainWindow(settings)
    window.resize(1440, 900)
    window.show()
    took_set, _ = ms(lambda: window.set_workspace(ws))
    app.processEvents()
    print(f"{'open + first tree level':<44} {took + took_set:8.1f} ms")

    # -- tree filter ------------------------------------------------------------------------
    query_times, filter_times, more_times = [], [], []
    for term in FILTER_TERMS:
        t_query, page = ms(lambda t=term: ws.tree_matches(t, tree_filtering.PAGE))
        query_times.append(t_query)
        window.filter_box.blockSignals(True)  # no typing pause: apply() is timed directly
        window.filter_box.setText(term)
        window.filter_box.blockSignals(False)
        t_filter, _ = ms(lambda: (window.tree_filter.apply(), app.processEvents()))
        filter_times.append(t_filter)
        note = f"{term}: {page.total} matches ({window.tree_filter.status.text()})"  # type: ignore[attr-defined]
        if window.tree_filter.more_button.isVisible():
            t_more, _ = ms(lambda: (window.tree_filter.show_more(), app.processEvents()))
            more_times.append(t_more)
            note += f", more {t_more:.0f} ms"
        print(f"  filter {t_query:6.1f} ms query, {t_filter:6.1f} ms in the window  {note}")
    line(f"tree filter: store query (first {tree_filtering.PAGE})", query_times)
    line("tree filter: in the window (query + branches)", filter_times)
    if more_times:
        line(f"tree filter: 显示更多 (next {tree_filtering.PAGE})", more_times)
    window.filter_box.clear()
    window.tree_filter.apply()

    # -- search -----------------------------------------------------------------------------
    window.open_search()
    dialog = window.search_dialog
    search_times, search_more = [], []
    for term in SEARCH_TERMS:
        dialog.query.blockSignals(True)
        dialog.query.setText(term)
        dialog.query.blockSignals(False)
        t_search, _ = ms(lambda: (dialog.run_search(), app.processEvents()))
        search_times.append(t_search)
        note = f"{term}: {dialog.status.text()}"
        if dialog.more_button.isVisible():
            t_more, _ = ms(lambda: (dialog.show_more(), app.processEvents()))
            search_more.append(t_more)
            note += f", more {t_more:.0f} ms"
        print(f"  search {t_search:6.1f} ms  {note}")
    line(f"search: first page ({search_dialog.PAGE}) + total", search_times)
    if search_more:
        line("search: 显示更多", search_more)
    dialog.close()

    # -- closing after an edit --------------------------------------------------------------
    before = age_backups(path)
    project_id = ws.department_projects(ws.departments(ws.regions()[0].id)[0].id)[0].id
    window.open_project(project_id)
    app.processEvents()
    stamp = time.strftime("%H%M%S")
    window.indicators.setData(window.indicators.index(0, VALUE), f"≥9{stamp[-1]}%（基准{stamp}）")
    window.finish_writes()
    t_close, _ = ms(window.close)
    hidden = not window.isVisible()
    t_backup, done = ms(lambda: ws.wait_closed(600))
    backups = set(sqlite_specific.list_backups(path)) - before
    size = sum(b.stat().st_size for b in backups) / 2**20
    print(f"{'close after an edit: window.close()':<44} {t_close:8.1f} ms  (window hidden: {hidden})")
    print(f"{'  backup written behind it':<44} {t_close + t_backup:8.1f} ms from close  "
          f"({len(backups)} backup, {size:,.0f} MiB, finished: {done}, problem: {ws.close_problem})")
    drop_new_backups(path, before)

    # The old way for comparison: the backup written before close() returns.
    before = age_backups(path)
    again = Workspace.open(path)
    record = again.project(project_id)
    again.set_revision(record.document_id, Location(project_seq=record.project.seq, indicator=0, column="value"),
                       f"≥9{stamp[-1]}%（基准{stamp}）", author="基准")
    t_sync, _ = ms(again.close)
    print(f"{'close after an edit, backup before returning':<44} {t_sync:8.1f} ms  (before this change)")
    drop_new_backups(path, before)
    peak = __import__("resource").getrusage(__import__("resource").RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory (max RSS)':<44} {peak:8.0f} MB")


if __name__ == "__main__":
    main()
