"""Run the per-report stages: read tables -> metadata -> classify -> rows -> canonical names.

In:  one `SourceFile`.
Out: one `ExtractedReport`, or an `ExtractionError` naming the file and what is wrong with it.
This function touches no database and no shared state, so it can run in a worker process (or on a
Dask worker); the loader writes its result.
"""
from __future__ import annotations

import json
from pathlib import Path

from extractors.grid import text_of
from normalizers.numbers import Evidence, table_evidence
from pipeline.base_values import attach_base_values
from pipeline.cell_lines import join_cell_lines
from pipeline.classify import classify
from pipeline.column_parts import join_right_hand_parts
from pipeline.cut_rows import join_cut_rows
from pipeline.field_rows import fields_down_the_rows
from pipeline.files import write_chunks_whole
from pipeline.json_stream import json_chunks
from pipeline.legend_headings import spell_out_headings
from pipeline.lines import join_broken_numbers, join_grade_lines, join_header_lines, join_wrapped_lines
from pipeline.metadata import read_metadata
from pipeline.models import Cell, ExtractedReport, RawTable, SourceFile, TextLine
from pipeline.narrative import absorption_complements, malformed_number_notes
from pipeline.not_records import keep_records
from pipeline.page_cut_cells import carry_merged_cells_over_pages
from pipeline.parts import join_header_and_body
from pipeline.plan_end import set_aside_plan_end_capaian
from pipeline.role_rows import roles_down_the_rows
from pipeline.rows import (
    budget_records,
    filled_rows,
    performance_records,
    printed_computations,
    quarter_cell_notes,
    quarter_means,
    restore_unnamed_indicators,
    row_sums,
    transposed_records,
)
from pipeline.scale_legends import set_aside_scale_legends
from pipeline.sheet_headings import without_sheet_headings
from pipeline.sides import side_by_side_halves
from pipeline.spans import join_headless_slivers, join_spanned_columns
from pipeline.stacked import split_stacked_rows
from pipeline.title_year import titles_down_the_page
from pipeline.year_group_rows import year_row_out_of_header


class ExtractionError(Exception):
    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def read_tables(source: SourceFile, page_progress=None):
    """(tables, narrative lines, document title, page count, the first pages' margin lines) from a PDF or a
    text report (which has no margins)."""
    if source.kind == "pdf":
        from extractors.pdf import PdfReadError, read_pdf

        try:
            doc = read_pdf(source.path, page_progress=page_progress)
        except PdfReadError as exc:
            raise ExtractionError(source.name, str(exc)) from exc
        return doc.tables, doc.lines, doc.title, doc.n_pages, doc.margin_lines
    from extractors.text_report import read_text_report

    try:
        tables, lines = read_text_report(source.path)
    except (OSError, UnicodeError) as exc:
        raise ExtractionError(source.name, f"cannot read text report: {exc}") from exc
    return tables, lines, None, max((l.page for l in lines), default=1), []


def extract_report(source: SourceFile, page_progress=None) -> tuple[ExtractedReport, int]:
    tables, lines, title, n_pages, margin_lines = read_tables(source, page_progress)
    return build_report(source, tables, lines, title, n_pages, margin_lines), n_pages


def document_evidence(tables: list[RawTable]) -> Evidence:
    """How the whole report prints its numbers (English or Indonesian separators), from every
    table's columns: the prior of a table too small to show it."""
    return table_evidence([[text_of(row[j]) for row in t.body if j < len(row)] for t in tables for j in range(t.n_cols)])


def _records_of_table(report: ExtractedReport, table: RawTable, layout, source: SourceFile, carried: dict) -> None:
    """The records, notes and aggregates of one classified table, added to `report` (`carried`: the
    quarterly capaian of the table's earlier parts, which `quarter_means` reads and extends)."""
    report.table_kinds[table.index] = layout.kind
    report.column_roles[table.index] = [{"index": c.index, "header": c.path, "role": c.role, "year": c.year}
                                        for c in layout.columns]
    if layout.evidence:
        report.role_evidence.setdefault(table.index, []).extend(layout.evidence)
    rows = filled_rows(table, layout)  # once per table, for every row stage below
    if "performance" in layout.kinds:
        report.performance.extend(performance_records(table, layout, source.name, rows))
    report.cell_notes.extend(quarter_cell_notes(table, layout, source.name, rows))
    report.aggregates.extend(row_sums(table, layout, source.name, rows)
                             + quarter_means(table, layout, source.name, carried, rows)
                             + printed_computations(table, layout, source.name, rows))
    if "transposed" in layout.kinds:
        report.performance.extend(transposed_records(table, layout, source.name))
    if "budget" in layout.kinds:
        report.budget.extend(budget_records(table, layout, source.name, rows))


def build_report(source: SourceFile, tables: list[RawTable], lines: list[TextLine], title: str | None,
                 n_pages: int, margin_lines: list[TextLine] | None = None) -> ExtractedReport:
    """Every stage after reading the file: metadata, classify, rows, facts from the text. Pure, so
    it can re-run from the intermediate JSON without the PDF. `margin_lines`: the first pages' running heads
    and feet the narrative leaves out (evidence for the metadata)."""
    headings = [t.caption or "" for t in tables] + [c.text or "" for t in tables for row in t.header for c in row]
    meta = read_metadata(lines, title, headings, source.name, tables, margin_lines)
    report = ExtractedReport(source=source, meta=meta, tables=tables, text_lines=lines, performance=[], budget=[],
                             n_pages=n_pages, title=title, margin_lines=list(margin_lines or []))
    carried: dict = {}  # quarterly capaian of a table's earlier parts, for its RATA-RATA row
    # the extracted tables stay as they were in report.tables; a header read line by line is made rows of headings
    parts = join_right_hand_parts(join_header_and_body([join_header_lines(without_sheet_headings(t)) for t in tables]))
    document = document_evidence(parts)
    titles = titles_down_the_page(parts)
    for k, table in enumerate(parts):
        if k == 0 or not table.label or table.label != parts[k - 1].label:
            carried = {}
        # the extracted grid stays in report.tables
        table = join_broken_numbers(join_cut_rows(join_cell_lines(join_headless_slivers(join_spanned_columns(table)))))
        table = carry_merged_cells_over_pages(table)  # a merged name cell cut by the page covers its rows overleaf
        table = year_row_out_of_header(table)  # a "Tahun 2022" row under the header heads the rows below it
        table = spell_out_headings(table)  # "T | R | C" as the legend under the table spells them
        table, turned = roles_down_the_rows(join_grade_lines(split_stacked_rows(join_wrapped_lines(table))))
        if turned:
            report.role_evidence.setdefault(table.index, []).append(turned)
        table, turned = fields_down_the_rows(table)
        if turned:
            report.role_evidence.setdefault(table.index, []).append(turned)
        layout = classify(table, meta.report_year, meta.renstra_end, document, meta.period, titles.get(table.index))
        halves = side_by_side_halves(table, layout)
        if halves:
            report.role_evidence.setdefault(table.index, []).append(
                f"columns 0-{halves[0].n_cols - 1} repeat as {halves[0].n_cols}-{table.n_cols - 1}: two lists side by side")
        for part in halves or [table]:
            part_layout = layout if part is table else classify(part, meta.report_year, meta.renstra_end, document,
                                                                meta.period, titles.get(table.index))
            _records_of_table(report, part, part_layout, source, carried)
    restore_unnamed_indicators(report.performance)
    set_aside_plan_end_capaian(report.performance, meta.report_year)  # Readings settled 3
    report.performance, report.rejected_rows = keep_records(report.performance)
    report.performance, legend_rows = set_aside_scale_legends(report.performance)
    report.rejected_rows.extend(legend_rows)
    attach_base_values(report)  # values in base units beside the values as read
    report.cell_notes.extend(malformed_number_notes(lines, tables, source.name))
    report.aggregates.extend(absorption_complements(lines, tables, source.name))
    if meta.report_year is None:
        report.warnings.append("fiscal year not found on the first pages")
    if not tables:
        report.warnings.append("no tables found")
    return report


def write_intermediate(report: ExtractedReport, out_dir: str | Path) -> Path:
    """The raw tables, narrative lines and records of one report as JSON, for users and for
    re-running the later stages (`read_intermediate`, `python -m pipeline rebuild`). Written in chunks
    (`pipeline.json_stream`): the text of `json.dumps(report.to_json(), ensure_ascii=False, indent=1)`
    without that string or the whole dict of it in memory."""
    path = Path(out_dir) / "extracted" / f"{report.source.name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_chunks_whole(path, json_chunks(report, ensure_ascii=False, indent=1))
    return path


def read_intermediate(path: str | Path) -> ExtractedReport:
    """Rebuild a report from its intermediate JSON with the current stages (no PDF is read)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if "text_lines" not in data:
        raise ValueError("written by an older version without the narrative lines; run extract --force")

    def cells(rows):
        return [[Cell(**c) for c in row] for row in rows]

    tables = [RawTable(**{**t, "header": cells(t["header"]), "body": cells(t["body"])}) for t in data["tables"]]
    lines = [TextLine(**line) for line in data.get("text_lines", [])]
    margin = [TextLine(**line) for line in data.get("margin_lines", [])]  # absent from files of earlier versions
    return build_report(SourceFile(**data["source"]), tables, lines, data.get("title"), data.get("n_pages", 0), margin)
