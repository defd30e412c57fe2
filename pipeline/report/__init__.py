"""The auditors' reports (`python -m pipeline report`, `make report`).

In:  the database; the folder of intermediate JSON (`<out>/extracted`, for the column roles decided by
     arithmetic, which the database does not keep); the language ("id" by default, "en").
Out: in `out_dir`: `inconsistencies.html` (every finding ranked by how sure we are, sortable and
     filterable, each with a link opening its PDF page), `inconsistencies.xlsx` (all findings first, then
     a summary and a sheet per report) and `summary.html` (capaian, pagu / realisasi and findings per
     agency and year, as inline SVG charts).

One module per decision: `sureness` (how sure a finding is), `findings_page` (the HTML page of findings),
`printed_pages` (the page number a PDF page prints), `workbook` (the XLSX), `summary` and `charts` (the summary page), `texts` (every word in both languages),
`data` (what is read from the database), `render` (the jinja2 templates of pipeline/templates).
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from pipeline.report.data import read_evidence, read_findings, read_reports, read_view
from pipeline.report.findings_page import finding_rows, render_findings_page
from pipeline.report.printed_pages import add_printed_pages
from pipeline.report.summary import render_summary_page
from pipeline.report.texts import DEFAULT_LANGUAGE, LANGUAGES
from pipeline.report.workbook import write_xlsx

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "write_reports", "write_xlsx"]


def write_reports(engine: Engine, out_dir: str | Path, lang: str = DEFAULT_LANGUAGE,
                  extracted_dir: str | Path | None = None) -> list[Path]:
    """In: the database, the output folder, the language, the intermediate JSON folder (default
    `<out_dir>/extracted`). Out: the paths written (inconsistencies.html, .xlsx, summary.html)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    findings, reports = read_findings(engine), read_reports(engine)
    add_printed_pages(findings, reports)
    evidence = read_evidence(engine, Path(extracted_dir) if extracted_dir else out / "extracted", reports)
    html_path, xlsx_path, summary_path = out / "inconsistencies.html", out / "inconsistencies.xlsx", out / "summary.html"
    html_path.write_text(render_findings_page(findings, reports, evidence, lang), encoding="utf-8")
    write_xlsx(findings, reports, xlsx_path, evidence, lang)
    rows = finding_rows(findings, reports, evidence, lang)
    indicators, programs = summary_sources(engine)
    summary_path.write_text(render_summary_page(indicators, programs, rows, reports, lang), encoding="utf-8")
    return [html_path, xlsx_path, summary_path]


def summary_sources(engine: Engine) -> tuple[list[dict], list[dict]]:
    """The rows the summary draws: one per (report, indicator, year) and per (report, program, year), each
    from the table that measures it (`indicator_results`, `program_budgets`), so an indicator whose PK
    prints only its target still shows the capaian of the measurement table."""
    return read_view(engine, "indicator_results"), read_view(engine, "program_budgets")
