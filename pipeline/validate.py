"""Validator: check the arithmetic of every report in the database.

In:  the database (performance and budget values with their printed text and provenance, the text
     below each table, cell notes and printed aggregates the extractor kept).
Out: `Finding`s, one per inconsistency, each with the printed and the expected value, the
     computation in words, and file, page and table. Rule ids follow shared/eval/CONTRACT.md:
     achievement_ratio, budget_ratio, efficiency, children_sum, total_sum, row_sum, cross_table,
     format_anomaly.

A finding is raised only when the difference exceeds what rounding of the printed value explains;
Rupiah must add up exactly. The rules live in `pipeline.checks` as pure functions over `PerfRow` /
`BudgetRow` lists, so they are tested without a database; this module reads the database and runs
them.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Label, select
from sqlalchemy.engine import Engine

from pipeline import db
from pipeline.checks.amount_slips import amount_slip_findings
from pipeline.checks.budget import (
    aggregate_findings,
    budget_ratio_findings,
    efficiency_findings,
    sum_findings,
)
from pipeline.checks.common import BudgetRow, PerfRow
from pipeline.checks.cross_table import cross_table_findings
from pipeline.checks.future_note import note_future_findings
from pipeline.checks.narrative import narrative_claims, narrative_findings
from pipeline.checks.ocr_note import note_ocr_findings
from pipeline.checks.performance import (
    achievement_findings,
    average_findings,
    cell_note_findings,
    format_findings,
    program_capaian_findings,
    stated_caps,
)
from pipeline.models import Finding

__all__ = ["BudgetRow", "PerfRow", "achievement_findings", "aggregate_findings", "average_findings",
           "budget_ratio_findings", "cell_note_findings", "cross_table_findings", "efficiency_findings",
           "format_findings", "narrative_claims", "narrative_findings", "program_capaian_findings", "stated_caps",
           "sum_findings", "validate_database", "validate_rows"]


def _labelled(columns: dict[str, ColumnElement[Any]]) -> list[Label[Any]]:
    """In: {field of a row dataclass: the column that fills it}. Out: the columns labelled with their fields,
    so each result row builds its dataclass by keyword (`Row._asdict()`), never by column order."""
    return [column.label(field) for field, column in columns.items()]


def read_rows(engine: Engine) -> tuple[list[PerfRow], list[BudgetRow]]:
    """Every performance and budget value of the database, with its table's label and caption."""
    p, b, r, t = db.performance_values, db.budget_values, db.reports, db.source_tables
    perf_columns: dict[str, ColumnElement[Any]] = {
        "source_file": r.c.source_file, "table_index": t.c.table_index, "table_label": t.c.label, "page": p.c.page,
        "row_index": p.c.row_index, "indicator": p.c.indicator, "year": p.c.year, "level": p.c.level,
        "target": p.c.target, "target_text": p.c.target_text, "realization": p.c.realization,
        "realization_text": p.c.realization_text, "achievement": p.c.achievement_pct,
        "achievement_text": p.c.achievement_text, "format_notes": p.c.format_notes, "column_paths": p.c.column_paths,
        "caption": t.c.caption}
    budget_columns: dict[str, ColumnElement[Any]] = {
        "source_file": r.c.source_file, "table_index": t.c.table_index, "table_label": t.c.label, "page": b.c.page,
        "row_index": b.c.row_index, "name": b.c.name, "code": b.c.code, "level": b.c.level, "year": b.c.year,
        "pagu": b.c.pagu, "pagu_text": b.c.pagu_text, "realization": b.c.realization,
        "realization_text": b.c.realization_text, "pct": b.c.realization_pct, "pct_text": b.c.realization_pct_text,
        "achievement": b.c.achievement_pct, "efficiency": b.c.efficiency_pct, "efficiency_text": b.c.efficiency_text,
        "parent_row": b.c.parent_row, "is_total": b.c.is_total, "caption": t.c.caption,
        "pagu_initial": b.c.pagu_initial, "pagu_initial_text": b.c.pagu_initial_text}
    with engine.connect() as conn:
        perf = [PerfRow(**row._asdict()) for row in conn.execute(
            select(*_labelled(perf_columns))
            .select_from(p.join(r, r.c.id == p.c.report_id).outerjoin(t, t.c.id == p.c.table_id))
            .order_by(r.c.source_file, t.c.table_index, p.c.row_index))]
        budget = [BudgetRow(**row._asdict()) for row in conn.execute(
            select(*_labelled(budget_columns))
            .select_from(b.join(r, r.c.id == b.c.report_id).outerjoin(t, t.c.id == b.c.table_id))
            .order_by(r.c.source_file, t.c.table_index, b.c.row_index))]
    return perf, budget


def read_contexts(engine: Engine) -> dict[tuple, str]:
    """The text printed right below each table, by (source file, table index)."""
    t, r = db.source_tables, db.reports
    with engine.connect() as conn:
        return {(f, i): text for f, i, text in conn.execute(
            select(r.c.source_file, t.c.table_index, t.c.context_after).select_from(t.join(r, r.c.id == t.c.report_id)))
            if text}


def validate_rows(perf: list[PerfRow], budget: list[BudgetRow], contexts: dict[tuple, str] | None = None,
                  cell_notes: Sequence[tuple] = (), aggregates: Sequence[tuple] = ()) -> list[Finding]:
    """Every rule over rows, table contexts, cell notes and printed aggregates (pure: no database)."""
    contexts = contexts or {}
    caps = stated_caps(contexts)
    findings = (achievement_findings(perf) + average_findings(perf, caps) + budget_ratio_findings(budget)
            + efficiency_findings(budget) + sum_findings(budget) + amount_slip_findings(budget)
            + cross_table_findings(perf, budget)
            + program_capaian_findings(perf, budget)
            + narrative_findings(perf, budget, contexts) + format_findings(perf)
            + cell_note_findings(list(cell_notes)) + aggregate_findings(list(aggregates), caps))
    return note_future_findings(findings, perf)  # a finding resting on a future-year value says so


def read_cell_notes(engine: Engine) -> list[tuple]:
    """Odd numbers that gave no record (quarterly cells, malformed numbers in the text)."""
    n, t, r = db.cell_notes, db.source_tables, db.reports
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(
            select(r.c.source_file, t.c.table_index, t.c.label, n.c.page, n.c.row_index, n.c.column_path, n.c.subject,
                   n.c.printed, n.c.value, n.c.note)
            .select_from(n.join(r, r.c.id == n.c.report_id).outerjoin(t, t.c.id == n.c.table_id)))]


def read_aggregates(engine: Engine) -> list[tuple]:
    """Printed sums, averages and computations with the values they aggregate."""
    g, t, r = db.printed_aggregates, db.source_tables, db.reports
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(
            select(g.c.kind, r.c.source_file, t.c.table_index, t.c.label, g.c.page, g.c.row_index, g.c.column_path,
                   g.c.subject, g.c.printed, g.c.value, g.c.parts, g.c.part_values, g.c.parts_decimals)
            .select_from(g.join(r, r.c.id == g.c.report_id).outerjoin(t, t.c.id == g.c.table_id)))]


def read_ocr_values(engine: Engine) -> list[tuple]:
    """(source file, table label, page, subject, OCR confidence) of every value read by OCR."""
    r, t = db.reports, db.source_tables
    out: list[tuple] = []
    with engine.connect() as conn:
        for v, subject in ((db.performance_values, db.performance_values.c.indicator),
                           (db.budget_values, db.budget_values.c.name)):
            out += [tuple(row) for row in conn.execute(
                select(r.c.source_file, t.c.label, v.c.page, subject, v.c.ocr_confidence)
                .select_from(v.join(r, r.c.id == v.c.report_id).outerjoin(t, t.c.id == v.c.table_id))
                .where(v.c.ocr_confidence.is_not(None)))]
    return out


def validate_database(engine: Engine) -> list[Finding]:
    """All findings for the reports in the database (those about values read by OCR say so)."""
    perf, budget = read_rows(engine)
    findings = validate_rows(perf, budget, read_contexts(engine), read_cell_notes(engine), read_aggregates(engine))
    return note_ocr_findings(findings, read_ocr_values(engine))
