"""The database layer: SQLAlchemy tables, the three analyst views, and loading one report.

In:  an SQLAlchemy URL (or a plain path, taken as SQLite) and `ExtractedReport`s / `Finding`s.
Out: tables `agencies`, `reports`, `source_tables`, `performance_values`, `budget_values`,
     `finding_records`, `indicator_catalogue`, and the views `performance`, `budget`, `findings`
     of shared/eval/CONTRACT.md. A report is written in one transaction: everything it had before is
     replaced, so re-running the same folder never duplicates rows.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (Boolean, Column, DateTime, Float, ForeignKey, Integer, MetaData, String, Table, Text,
                        create_engine, delete, event, insert, select, text)
from sqlalchemy.engine import Engine

from pipeline.models import ExtractedReport, Finding

metadata = MetaData()

agencies = Table(
    "agencies", metadata,
    Column("id", Integer, primary_key=True),
    Column("agency_key", Text, nullable=False),
    Column("region_key", Text, nullable=False),
    Column("agency", Text), Column("region", Text),
)

reports = Table(
    "reports", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_file", String(500), nullable=False, unique=True),
    Column("path", Text), Column("sha256", String(64), nullable=False),
    Column("agency_id", Integer, ForeignKey("agencies.id")),
    Column("report_year", Integer), Column("title", Text),
    Column("n_pages", Integer), Column("loaded_at", DateTime(timezone=True)),
    Column("warnings", Text),
)

source_tables = Table(
    "source_tables", metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("table_index", Integer, nullable=False),
    Column("label", Text), Column("caption", Text),
    Column("page", Integer), Column("pages", Text), Column("bbox", Text),
    Column("method", String(40)), Column("kind", String(40)),
    Column("n_rows", Integer), Column("column_paths", Text),
    Column("context_after", Text),  # the narrative printed right below the table
)

_provenance = lambda: [  # noqa: E731 - the same provenance columns on every value table
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("table_id", Integer, ForeignKey("source_tables.id", ondelete="CASCADE")),
    Column("page", Integer), Column("row_index", Integer),
]

performance_values = Table(
    "performance_values", metadata, *_provenance(),
    Column("level", String(40)), Column("sasaran", Text), Column("indicator", Text),
    Column("indicator_canonical", Text), Column("unit", Text), Column("unit_kind", String(20)),
    Column("year", Integer),
    Column("target", Float), Column("target_text", Text),
    Column("realization", Float), Column("realization_text", Text),
    Column("achievement_pct", Float), Column("achievement_text", Text),
    Column("column_paths", Text), Column("format_notes", Text),
)

budget_values = Table(
    "budget_values", metadata, *_provenance(),
    Column("level", String(40)), Column("code", Text), Column("name", Text), Column("year", Integer),
    Column("pagu_initial", Float), Column("pagu_initial_text", Text),
    Column("pagu", Float), Column("pagu_text", Text),
    Column("realization", Float), Column("realization_text", Text),
    Column("realization_pct", Float), Column("realization_pct_text", Text),
    Column("achievement_pct", Float), Column("achievement_text", Text),
    Column("efficiency_pct", Float), Column("efficiency_text", Text),
    Column("parent_row", Integer), Column("is_total", Boolean),
)

cell_notes = Table(
    "cell_notes", metadata, *_provenance(),
    Column("column_path", Text), Column("subject", Text), Column("printed", Text), Column("value", Float),
    Column("note", Text),
)

printed_aggregates = Table(
    "printed_aggregates", metadata, *_provenance(),
    Column("kind", String(20)), Column("column_path", Text), Column("subject", Text), Column("printed", Text),
    Column("value", Float), Column("parts", Text), Column("part_values", Text), Column("parts_decimals", Integer),
)

finding_records = Table(
    "finding_records", metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("table_index", Integer), Column("table_label", Text), Column("page", Integer),
    Column("row_index", Integer),
    Column("rule", String(40), nullable=False), Column("severity", String(20)),
    Column("subject", Text), Column("reported", Float), Column("expected", Float), Column("detail", Text),
)

indicator_catalogue = Table(
    "indicator_catalogue", metadata,
    Column("id", Integer, primary_key=True),
    Column("variant", Text, nullable=False), Column("canonical", Text, nullable=False),
    Column("score", Float), Column("evidence", Text),
)

VIEWS = {
    "performance": """
        SELECT r.source_file, a.agency, a.region, r.report_year, t.label AS table_label, v.page,
               v.level, v.sasaran, v.indicator, v.indicator_canonical, v.unit, v.unit_kind, v.year,
               v.target, v.target_text, v.realization, v.realization_text,
               v.achievement_pct, v.achievement_text, v.row_index, t.table_index, v.id AS value_id
        FROM performance_values v JOIN reports r ON r.id = v.report_id
        LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN source_tables t ON t.id = v.table_id
        WHERE v.level <> 'total'""",
    "performance_totals": """
        SELECT r.source_file, t.label AS table_label, v.page, v.indicator AS label, v.year,
               v.target, v.realization, v.achievement_pct, v.achievement_text, v.row_index, t.table_index
        FROM performance_values v JOIN reports r ON r.id = v.report_id
        LEFT JOIN source_tables t ON t.id = v.table_id WHERE v.level = 'total'""",
    "budget": """
        SELECT r.source_file, a.agency, a.region, r.report_year, t.label AS table_label, v.page,
               v.level, v.code, v.name, v.year, v.pagu_initial, v.pagu, v.realization, v.realization_pct,
               v.pagu_initial_text, v.pagu_text, v.realization_text, v.realization_pct_text,
               v.row_index, t.table_index, v.id AS value_id
        FROM budget_values v JOIN reports r ON r.id = v.report_id
        LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN source_tables t ON t.id = v.table_id""",
    "findings": """
        SELECT r.source_file, f.table_label, f.page, f.rule, f.severity, f.subject, f.reported, f.expected,
               f.detail, a.agency, a.region, r.report_year, f.table_index, f.row_index, f.id AS finding_id
        FROM finding_records f JOIN reports r ON r.id = f.report_id
        LEFT JOIN agencies a ON a.id = r.agency_id""",
}


def engine_for(db: str) -> Engine:
    """A path (data/out/lkjip.sqlite) or any SQLAlchemy URL (postgresql+psycopg://…)."""
    url = db if "://" in db else f"sqlite:///{Path(db).resolve()}"
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _):  # noqa: ANN001
            dbapi_conn.execute("PRAGMA foreign_keys=ON")
    return engine


def create_schema(engine: Engine) -> None:
    metadata.create_all(engine)
    with engine.begin() as conn:
        for name, sql in VIEWS.items():
            conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
            conn.execute(text(f"CREATE VIEW {name} AS {sql}"))


def loaded_hash(engine: Engine, source_file: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(reports.c.sha256).where(reports.c.source_file == source_file)).scalar()


def _agency_id(conn, meta) -> int | None:
    if not meta.agency_key:
        return None
    key = (meta.agency_key, meta.region_key or "")
    found = conn.execute(select(agencies.c.id).where(agencies.c.agency_key == key[0], agencies.c.region_key == key[1])).scalar()
    if found:
        return found
    return conn.execute(insert(agencies).values(agency_key=key[0], region_key=key[1], agency=meta.agency,
                                                region=meta.region)).inserted_primary_key[0]


def _delete_report(conn, source_file: str) -> None:
    old = conn.execute(select(reports.c.id).where(reports.c.source_file == source_file)).scalar()
    if old is None:
        return
    for table in (finding_records, performance_values, budget_values, cell_notes, printed_aggregates, source_tables):
        conn.execute(delete(table).where(table.c.report_id == old))
    conn.execute(delete(reports).where(reports.c.id == old))


def load_report(engine: Engine, report: ExtractedReport, n_pages: int | None = None) -> int:
    """Replace everything stored for this source file with `report`, in one transaction."""
    with engine.begin() as conn:
        _delete_report(conn, report.source.name)
        report_id = conn.execute(insert(reports).values(
            source_file=report.source.name, path=report.source.path, sha256=report.source.sha256,
            agency_id=_agency_id(conn, report.meta), report_year=report.meta.report_year, title=report.meta.title,
            n_pages=n_pages, loaded_at=datetime.now(timezone.utc), warnings=json.dumps(report.warnings),
        )).inserted_primary_key[0]
        table_ids: dict[int, int] = {}
        for t in report.tables:
            table_ids[t.index] = conn.execute(insert(source_tables).values(
                report_id=report_id, table_index=t.index, label=t.label, caption=t.caption, page=t.page,
                pages=",".join(map(str, t.pages)), bbox=json.dumps(t.bbox) if t.bbox else None, method=t.method,
                kind=report.table_kinds.get(t.index, "other"), n_rows=len(t.body),
                context_after=(t.context_after or "")[:3000],
            )).inserted_primary_key[0]
        perf_rows = [dict(
            report_id=report_id, table_id=table_ids.get(r.prov.table_index), page=r.prov.page, row_index=r.prov.row_index,
            level=r.level, sasaran=r.sasaran, indicator=r.indicator, indicator_canonical=r.indicator_canonical,
            unit=r.unit, unit_kind=r.unit_kind, year=r.year, target=r.target, target_text=r.target_text,
            realization=r.realization,
            realization_text=r.realization_text, achievement_pct=r.achievement_pct, achievement_text=r.achievement_text,
            column_paths=json.dumps(r.column_paths, ensure_ascii=False), format_notes="; ".join(r.format_notes) or None,
        ) for r in report.performance]
        budget_rows = [dict(
            report_id=report_id, table_id=table_ids.get(r.prov.table_index), page=r.prov.page, row_index=r.prov.row_index,
            level=r.level, code=r.code, name=r.name, year=r.year, pagu_initial=r.pagu_initial,
            pagu_initial_text=r.pagu_initial_text, pagu=r.pagu, pagu_text=r.pagu_text, realization=r.realization,
            realization_text=r.realization_text, realization_pct=r.realization_pct,
            realization_pct_text=r.realization_pct_text, achievement_pct=r.achievement_pct,
            achievement_text=r.achievement_text, efficiency_pct=r.efficiency_pct, efficiency_text=r.efficiency_text,
            parent_row=r.parent_row, is_total=r.is_total,
        ) for r in report.budget]
        if perf_rows:
            conn.execute(insert(performance_values), perf_rows)
        note_rows = [dict(report_id=report_id, table_id=table_ids.get(n.prov.table_index), page=n.prov.page,
                          row_index=n.prov.row_index, column_path=n.column_path, subject=n.subject, printed=n.printed,
                          value=n.value, note=n.note) for n in report.cell_notes]
        if note_rows:
            conn.execute(insert(cell_notes), note_rows)
        aggregate_rows = [dict(
            report_id=report_id, table_id=table_ids.get(a.prov.table_index), page=a.prov.page,
            row_index=a.prov.row_index, kind=a.kind, column_path=a.column_path, subject=a.subject, printed=a.printed,
            value=a.value, parts=json.dumps(a.parts, ensure_ascii=False), part_values=json.dumps(a.part_values),
            parts_decimals=a.parts_decimals) for a in report.aggregates]
        if aggregate_rows:
            conn.execute(insert(printed_aggregates), aggregate_rows)
        if budget_rows:
            conn.execute(insert(budget_values), budget_rows)
    return report_id


def replace_findings(engine: Engine, findings: list[Finding]) -> None:
    """Replace the findings of every report named in `findings` (and of those with none)."""
    with engine.begin() as conn:
        ids = dict(conn.execute(select(reports.c.source_file, reports.c.id)).all())
        conn.execute(delete(finding_records))
        rows = [dict(report_id=ids[f.source_file], table_index=f.table_index, table_label=f.table_label, page=f.page,
                     row_index=f.row_index, rule=f.rule, severity=f.severity, subject=f.subject,
                     reported=f.reported, expected=f.expected, detail=f.detail)
                for f in findings if f.source_file in ids]
        if rows:
            conn.execute(insert(finding_records), rows)


def replace_catalogue(engine: Engine, entries: list[dict]) -> None:
    with engine.begin() as conn:
        conn.execute(delete(indicator_catalogue))
        if entries:
            conn.execute(insert(indicator_catalogue), entries)
        for e in entries:
            conn.execute(performance_values.update().where(performance_values.c.indicator == e["variant"])
                         .values(indicator_canonical=e["canonical"]))


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {name: conn.execute(text(f"SELECT COUNT(*) FROM {name}")).scalar()
                for name in ("reports", "source_tables", "performance_values", "budget_values", "finding_records")}
