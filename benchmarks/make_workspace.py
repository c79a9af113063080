"""Build a synthetic province-scale workspace for benchmarks/workspace_speed.py.

    python benchmarks/make_workspace.py [--regions 180] [--departments 80] [--projects 20]
                                        [--indicators 8] [--out /tmp/workbench-province.sqlite]

The schema comes from the real migrations: the file is created at the first revision,
filled with bulk inserts (plain sqlite3 executemany, ids assigned here), then upgraded
to the head revision, which builds the full-text index over everything, exactly as an
old workspace would be upgraded. Deterministic (fixed seed), so figures compare.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine

from core.store import migrate, sqlite_specific
from core.store.schema import DocumentFileRow, DocumentRow, IndicatorRow, ProjectRow

LEVELS = (("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标"),
          ("效益指标", "社会效益指标"), ("效益指标", "经济效益指标"), ("效益指标", "可持续影响指标"),
          ("满意度指标", "服务对象满意度指标"))
SUBJECTS = ("督查", "热线", "档案", "信息化", "培训", "接待", "宣传", "调研", "安全", "维修", "保洁", "车辆", "网络",
            "会议", "印刷", "法律", "审计", "统计", "应急", "消防", "绿化", "供暖", "医疗", "教育", "扶贫", "水利",
            "道路", "环保", "文物", "体育", "社区", "养老", "就业", "农业", "林业", "科技")
OBJECTS = ("设备", "系统", "平台", "项目", "工程", "服务", "人员", "资料", "场所", "活动", "经费", "物资")
MEASURES = ("完成率", "覆盖率", "次数", "满意度", "及时率", "合格率", "数量", "使用率", "达标率", "响应时间")
VALUES = ("≥95%", "≥90%", "100%", "≤230万元", "31人", "12次", "2025年12月31日前", "及时保障", "≥85比率", "有所提高")
BASES = ("计划标准", "行业标准", "历史标准", "唐政办〔2024〕12号")
CITIES = ("市", "县", "区")


def region_names(count: int, rng: random.Random) -> list[str]:
    syllables = "安宁平阳泉丰和兴华昌乐康德顺清河山新城东西南北"
    names: set[str] = set()
    while len(names) < count:
        names.add(rng.choice(syllables) + rng.choice(syllables) + rng.choice(CITIES) + f"{len(names) + 1:03d}")
    return sorted(names)


def build(out: Path, *, regions: int, departments: int, projects: int, indicators: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{out}")
    sqlite_specific.install_connection_setup(engine, foreign_keys=False)
    first = migrate.all_revisions()[0]
    with engine.begin() as conn:
        migrate.upgrade(conn, first)
    engine.dispose()

    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-200000")

    def inserter(table: object) -> tuple[str, list[str]]:
        # The columns the first revision has (later revisions add theirs with defaults).
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}  # type: ignore[attr-defined]
        cols = [c.name for c in table.columns if c.name in present]  # type: ignore[attr-defined]
        return (f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",  # type: ignore[attr-defined]
                cols)

    doc_sql, doc_cols = inserter(DocumentRow.__table__)
    file_sql, _ = inserter(DocumentFileRow.__table__)
    proj_sql, proj_cols = inserter(ProjectRow.__table__)
    ind_sql, ind_cols = inserter(IndicatorRow.__table__)
    now = datetime(2025, 3, 1, 9, 0).isoformat(sep=" ")
    started = time.monotonic()
    project_id = indicator_id = document_id = 0
    conn.execute("BEGIN")
    for r, region in enumerate(region_names(regions, rng), start=1):
        conn.execute("INSERT INTO regions (id, name) VALUES (?, ?)", (r, region))
        dept_rows, doc_rows, file_rows, proj_rows, ind_rows = [], [], [], [], []
        for d in range(1, departments + 1):
            dept_id = (r - 1) * departments + d
            code = f"{100 + d}"
            dept_name = f"{region}{rng.choice(SUBJECTS)}局{d}"
            dept_rows.append((dept_id, r, code, dept_name))
            document_id += 1
            doc = {c: None for c in doc_cols}
            doc.update(id=document_id, department_id=dept_id, year=2025, kind="performance",
                       source_name=f"2025_{r}_{code}.docx", source_format="docx",
                       sha256=f"{document_id:064x}", year_source="title", money_unit="万元", page_count=30,
                       imported_at=now, is_current=1, region_hint=region, dept_code=code, dept_name=dept_name,
                       overall_goal="全面完成年度工作任务，提升服务质量。", overall_goal_prov="1,,,,2",
                       units_json=f'[["{code}001","本级"]]', sub_goals_json="[]", measures_json="[]",
                       issues_json="[]")
            doc_rows.append(tuple(doc[c] for c in doc_cols))
            file_rows.append((document_id, f"2025_{r}_{code}.docx", 16, b"synthetic document"))
            for p in range(projects):
                project_id += 1
                subject = rng.choice(SUBJECTS)
                name = f"{subject}{rng.choice(OBJECTS)}{rng.choice(('运行', '维护', '购置', '专项'))}经费"
                budget = f"{rng.randint(1, 9999)}.{rng.randint(0, 99):02d}"
                row = {c: None for c in proj_cols}
                row.update(id=project_id, document_id=document_id, position=p, seq=p + 1, title=name,
                           title_prov=f"{p + 2},,,,{p * 3}", unit_code=f"{code}001", unit_name=f"{dept_name}本级",
                           money_unit="万元", code=f"13{r:04d}25P{project_id:012d}", code_prov=f"{p + 2},{p},0,1,",
                           name=name, name_prov=f"{p + 2},{p},0,3,", budget_total=budget,
                           budget_total_prov=f"{p + 2},{p},1,1,", budget_total_yuan=str(
                               round(float(budget) * 10000)),
                           fiscal_funds=budget, fiscal_funds_prov=f"{p + 2},{p},1,3,", other_funds="",
                           other_funds_prov=f"{p + 2},{p},1,5,", usage=f"用于{name}支出",
                           usage_prov=f"{p + 2},{p},2,1,",
                           goal=f"1. 保障{subject}工作正常开展；2. 完成{rng.choice(OBJECTS)}{rng.choice(MEASURES)}目标；"
                                f"3. 提高{subject}服务水平。",
                           goal_prov=f"{p + 2},{p},4,1,",
                           spending_plan_json='{"3月底":["25",null],"6月底":["50",null],"10月底":["80",null],'
                                              '"12月底":["100",null]}',
                           prov=f"{p + 2},{p},,,")
                proj_rows.append(tuple(row[c] for c in proj_cols))
                for i in range(indicators):
                    indicator_id += 1
                    l1, l2 = LEVELS[i % len(LEVELS)]
                    level3 = f"{rng.choice(SUBJECTS)}{rng.choice(OBJECTS)}{rng.choice(MEASURES)}"
                    pg = f"{p + 2},{p}"
                    ind_rows.append((indicator_id, project_id, i, l1, f"{pg},{6 + i},0,", l2, f"{pg},{6 + i},1,",
                                     level3, f"{pg},{6 + i},2,", level3 + "情况", f"{pg},{6 + i},3,",
                                     rng.choice(VALUES), f"{pg},{6 + i},4,", rng.choice(BASES),
                                     f"{pg},{6 + i},5,", None))
        conn.executemany("INSERT INTO departments (id, region_id, code, name) VALUES (?, ?, ?, ?)", dept_rows)
        conn.executemany(doc_sql, doc_rows)
        conn.executemany(file_sql, file_rows)
        conn.executemany(proj_sql, proj_rows)
        assert ind_cols[0] == "id" and len(ind_cols) == len(ind_rows[0]) if ind_rows else True
        conn.executemany(ind_sql, ind_rows)
        if r % 20 == 0:
            print(f"  {r}/{regions} regions, {project_id:,} projects, {indicator_id:,} indicators, "
                  f"{time.monotonic() - started:.0f} s", flush=True)
    conn.execute("COMMIT")
    conn.close()
    print(f"rows written in {time.monotonic() - started:.1f} s; building the search index (migration to head)…",
          flush=True)
    index_started = time.monotonic()
    engine = create_engine(f"sqlite:///{out}")
    sqlite_specific.install_connection_setup(engine, foreign_keys=False)
    with engine.begin() as conn2:
        migrate.upgrade(conn2)
        sqlite_specific.analyse(conn2)
    with engine.connect() as conn2:
        conn2.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    print(f"search index in {time.monotonic() - index_started:.1f} s; total {time.monotonic() - started:.1f} s; "
          f"{project_id:,} projects, {indicator_id:,} indicators; file {out.stat().st_size / 2**20:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regions", type=int, default=180)
    parser.add_argument("--departments", type=int, default=80)
    parser.add_argument("--projects", type=int, default=20)
    parser.add_argument("--indicators", type=int, default=8)
    parser.add_argument("--out", type=Path, default=Path("/tmp/workbench-province.sqlite"))
    args = parser.parse_args()
    build(args.out, regions=args.regions, departments=args.departments, projects=args.projects,
          indicators=args.indicators)


if __name__ == "__main__":
    main()
