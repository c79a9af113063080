"""Schema migrations: from an empty file, from every earlier revision with rows in it, and refusals."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from core.errors import WorkspaceError
from core.import_report import ImportReport, WarningCode
from core.store import Workspace, migrate, sqlite_specific
from core.store.schema import Base
from tests.store.factory import make_document, make_report

SEARCH_TABLES = set(sqlite_specific.search_table_names())


def _engine_at(path: Path, revision: str):  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{path}")
    sqlite_specific.install_connection_setup(engine, foreign_keys=False)
    with engine.begin() as conn:
        migrate.upgrade(conn, revision)
    return engine


def _seed(engine) -> None:  # type: ignore[no-untyped-def]
    """Rows in every table of the initial schema, written with plain SQL as an old build would."""
    now = datetime(2025, 3, 1, 9, 0)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO regions (id, name) VALUES (1, '唐山市')"))
        conn.execute(text("INSERT INTO departments (id, region_id, code, name) VALUES (1, 1, '113', '政府办')"))
        conn.execute(text(
            "INSERT INTO documents (id, department_id, year, kind, source_name, source_format, sha256, year_source,"
            " imported_at, is_current, dept_code, dept_name, units_json, sub_goals_json, measures_json, issues_json)"
            " VALUES (1, 1, 2025, 'performance', 'a.docx', 'docx', 'ab', 'title', :now, 1, '113', '政府办',"
            " '[]', '[]', '[]', '[]')"), {"now": now})
        conn.execute(text("INSERT INTO document_files VALUES (1, 'a.docx', 3, :b)"), {"b": b"abc"})
        conn.execute(text(
            "INSERT INTO projects (id, document_id, position, seq, title, unit_code, unit_name, name, goal)"
            " VALUES (1, 1, 0, 1, '督查专项经费', '115001', '督查室', '督查专项经费', '完成督查任务')"))
        conn.execute(text(
            "INSERT INTO indicators (id, project_id, position, level1, level2, level3, description, value)"
            " VALUES (1, 1, 0, '产出指标', '数量指标', '督查次数', '督查次数', '≥12次')"))
        conn.execute(text(
            "INSERT INTO revisions (document_id, project_id, indicator_id, loc_project_seq, loc_indicator,"
            " loc_column, loc_key, original, suggested, author, note, updated_at)"
            " VALUES (1, 1, 1, 1, 0, 'value', 'p1|fNone|i0|cvalue', '≥12次', '≥24次', '', '', :now)"), {"now": now})
        conn.execute(text(
            "INSERT INTO annotations (document_id, project_id, loc_project_seq, loc_key, text, author, updated_at)"
            " VALUES (1, 1, 1, 'p1|fNone|iNone|cNone', '请补充依据', '', :now)"), {"now": now})
    engine.dispose()


def test_empty_file_is_migrated_to_head(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    with Workspace.open(path) as ws:
        assert ws.schema_revision == migrate.head_revision()
    assert not sqlite_specific.list_backups(path)  # nothing to lose, nothing backed up


def test_empty_file_at_head_records_import_reports(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    doc = make_document(1, projects=0)
    doc.report = make_report(projects=0, warnings=(WarningCode.NO_PROJECTS,))
    with Workspace.open(path) as ws:
        document_id = ws.import_document(doc, b"no projects", "a.docx").document_id
        assert document_id is not None
        assert ws.import_report(document_id) == doc.report


def test_orm_and_migrations_agree(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.open(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "include_name": lambda name, kind, _parent: not (kind == "table" and name in SEARCH_TABLES)})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    assert diff == []


@pytest.mark.parametrize("start", migrate.all_revisions()[:-1])
def test_upgrade_from_every_earlier_revision_keeps_rows(tmp_path: Path, start: str) -> None:
    path = tmp_path / "old.sqlite"
    _seed(_engine_at(path, start))
    with Workspace.open(path) as ws:
        assert ws.schema_revision == migrate.head_revision()
        doc = ws.load_document(1)
        assert doc.projects[0].indicators[0].value.raw == "≥12次"
        assert [r.revision.suggested for r in ws.revisions(1)] == ["≥24次"]
        assert [a.annotation.text for a in ws.annotations(1)] == ["请补充依据"]
        assert ws.document_file(1) == ("a.docx", b"abc")
        # no report was recorded before 0004: none is invented
        assert ws.import_report(1) is None
        assert doc.report == ImportReport()
        # rows written before the search revision are in the index
        assert [(h.project_id, h.field) for h in ws.search("督查任务")] == [(1, "goal")]
        assert [(h.indicator_id, h.field) for h in ws.search("督查次数")] == [(1, "level3")]
    backups = sqlite_specific.list_backups(path)
    assert len(backups) == 1 and "before" in backups[0].name
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == start


def test_upgrade_from_0003_keeps_a_stored_document_and_records_reports_after(tmp_path: Path) -> None:
    """A workspace written by the 0003 build (a whole document, imported, then the schema taken
    back to 0003 as that build had it) opens, keeps the document exactly and has no report for
    it; a document imported after the upgrade has its report."""
    path = tmp_path / "w0003.sqlite"
    old_doc = make_document(7, projects=3)
    with Workspace.open(path) as ws:
        old_id = ws.import_document(old_doc, b"before 0004", "old.docx").document_id
    engine = create_engine(f"sqlite:///{path}")
    sqlite_specific.install_connection_setup(engine, foreign_keys=False)
    with engine.begin() as conn:
        migrate.downgrade(conn, "0003_short_search")
        assert migrate.schema_state(conn).current == "0003_short_search"
    engine.dispose()

    new_doc = make_document(8, dept_code="114", projects=0)
    new_doc.report = make_report(projects=0, warnings=(WarningCode.NO_PROJECTS, WarningCode.ROTATED_PAGES))
    with Workspace.open(path) as ws:
        assert ws.schema_revision == migrate.head_revision()
        assert old_id is not None and ws.import_report(old_id) is None
        assert ws.load_document(old_id) == old_doc  # its report was empty: the same after the trip
        assert len(ws.projects(old_id)) == 3
        assert [h.project_id for h in ws.search(old_doc.projects[0].name.raw)]  # type: ignore[union-attr]
        new_id = ws.import_document(new_doc, b"after 0004", "new.docx").document_id
        assert new_id is not None and ws.import_report(new_id) == new_doc.report
    # the first session's closing backup, and the one taken before the upgrade
    assert any(f"before-{migrate.head_revision()[:4]}" in b.name for b in sqlite_specific.list_backups(path))


def test_upgrade_from_0004_keeps_indicators_annual_and_stores_long_term_grids(tmp_path: Path) -> None:
    """Rows of a 0004 workspace become the 年度 grid; a form with a 长期 grid stored after the
    upgrade keeps both grids, its 长期目标, and the 年度 rows' positions (what findings use)."""
    from core.model import LONG_TERM, CostItem, Field, Indicator

    path = tmp_path / "w0004.sqlite"
    old_doc = make_document(7, projects=2)
    with Workspace.open(path) as ws:
        old_id = ws.import_document(old_doc, b"before 0005", "old.docx").document_id
    engine = create_engine(f"sqlite:///{path}")
    sqlite_specific.install_connection_setup(engine, foreign_keys=False)
    with engine.begin() as conn:
        migrate.downgrade(conn, "0004_import_report")
    engine.dispose()

    new_doc = make_document(8, dept_code="114", projects=1)
    project = new_doc.projects[0]
    project.long_term_goal = Field("三年内改善基础设施")
    project.long_term_indicators = [Indicator(Field("产出指标"), Field("数量指标"), Field("改造道路"), Field(""),
                                              Field("≥20公里"), Field(""), period=LONG_TERM)]
    project.funding = {"上级财政资金": Field("6923.3552"), "自有资金": Field("0")}
    project.cost_items = [CostItem(Field("保安服务费"), Field("191"), Field("依据招标文件"),
                                   {"2020年实际执行数": Field("191")})]
    project.cost_total = Field("814")
    with Workspace.open(path) as ws:
        assert old_id is not None and ws.load_document(old_id) == old_doc
        new_id = ws.import_document(new_doc, b"after 0005", "new.docx").document_id
        assert new_id is not None
        loaded = ws.load_document(new_id)
        assert loaded.projects[0] == project
        (info,) = ws.projects(new_id)
        record = ws.project(info.id)
        assert len(record.indicator_ids) == len(project.indicators) == info.indicator_count
        assert record.project.long_term_indicators[0].value.raw == "≥20公里"


def test_every_revision_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    engine = _engine_at(path, "head")
    with engine.begin() as conn:
        for rev in reversed(migrate.all_revisions()[:-1]):
            migrate.downgrade(conn, rev)
            assert migrate.schema_state(conn).current == rev
        migrate.upgrade(conn)
        assert migrate.schema_state(conn).up_to_date
    engine.dispose()


def test_revision_newer_than_this_build_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    Workspace.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="更新版本"):
        Workspace.open(path)
    assert path.read_bytes() == before
    with pytest.raises(WorkspaceError, match="更新版本"):
        Workspace.open(path)  # refused again, not "locked"


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    with pytest.raises(WorkspaceError, match="不是本程序的工作区"):
        Workspace.open(path)


def test_upgrade_from_0006_keeps_findings_as_written_and_a_check_run_types_them(tmp_path: Path) -> None:
    """A 0006 workspace stored findings as Chinese sentences: after 0007 each reads as its
    sentence under the key "legacy" with its state and reason, a check run replaces open
    ones by typed findings (key and parameters) carrying the states, and the downgrade
    writes the Chinese text back."""
    from core.checks.registry import load_checks, run_checks

    load_checks()

    path = tmp_path / "w0006.sqlite"
    engine = _engine_at(path, "0006_stated_totals")
    _seed(engine)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        for n, (state, reason) in enumerate([("open", None), ("dismissed", "已与单位核实")]):
            conn.execute(text(
                "INSERT INTO findings (document_id, project_id, loc_project_seq, loc_field, loc_key, check_id,"
                " severity, criterion, quote, message, state, reason)"
                " VALUES (1, 1, 1, 'goal', :key, 'A1', 'E', '完整性', '', :message, :state, :reason)"),
                {"key": f"p1|fgoal{n}|iNone|cNone", "message": f"旧的句子{n}", "state": state, "reason": reason})
    engine.dispose()
    with Workspace.open(path) as ws:
        stored = ws.findings(1)
        assert [(f.finding.key, f.finding.params, f.finding.text("en"), f.finding.state.value, f.finding.reason)
                for f in stored] == [("legacy", {"text": "旧的句子0"}, "旧的句子0", "open", None),
                                     ("legacy", {"text": "旧的句子1"}, "旧的句子1", "dismissed", "已与单位核实")]
        document = ws.load_document(1)
        ws.replace_findings(1, run_checks(document))
        typed = [f.finding for f in ws.findings(1)]
        assert typed and all(f.key != "legacy" for f in typed if f.state.value == "open")
        assert any(f.text("en") != f.text("zh") for f in typed)  # rendered from the catalogue
    engine = create_engine(f"sqlite:///{path}")
    sqlite_specific.install_connection_setup(engine, foreign_keys=False)
    with engine.begin() as conn:
        migrate.downgrade(conn, "0006_stated_totals")
        messages = [r[0] for r in conn.execute(text("SELECT message FROM findings"))]
    engine.dispose()
    assert messages and all(m for m in messages)


def test_the_revisions_known_without_alembic_are_alembics_own() -> None:
    """core.store.migrate lists the revisions so that opening a workspace needs no Alembic;
    the list must be exactly the migration scripts' chain, oldest first."""
    chain = [rev.revision for rev in reversed(list(migrate.script_directory().walk_revisions()))]
    assert list(migrate.REVISIONS) == chain
    assert migrate.head_revision() == migrate.script_directory().get_current_head()
