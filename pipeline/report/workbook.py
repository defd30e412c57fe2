"""inconsistencies.xlsx: every finding on one sheet first, then a summary and one sheet per report.

In:  the findings (view rows), the reports, the Evidence (optional: without it only the notes in a
     finding's detail make it doubtful), the language.
Out: the workbook: "Semua temuan" / "All findings" (agency, report, page with a link opening the PDF
     there, level coloured, ranked as the HTML page; header frozen and filtered, columns sized), the
     summary (counts by rule per report) and one filterable sheet per report (the view's columns).
     Text that a spreadsheet would read as a formula stays text.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from pipeline.report.findings_page import finding_rows
from pipeline.report.sureness import Evidence
from pipeline.report.texts import RULES, texts

FORMULA_STARTS = ("=", "+", "-", "@")  # a spreadsheet reads a cell beginning with these as a formula
COLUMNS = ["source_file", "table_label", "page", "rule", "severity", "subject", "reported", "expected", "detail"]
REPORT_SHEET_WIDTHS = (30, 22, 6, 18, 9, 50, 16, 16, 90)
# The all-findings sheet: (page word, row key, width in characters).
ALL_COLUMNS = (("agency", "agency_region", 34), ("report", "source_file", 34), ("year", "report_year", 7),
               ("page", "page", 8), ("table", "table_label", 16), ("rule", "rule", 17), ("level", "level_label", 12),
               ("subject", "subject", 55), ("printed", "reported", 15), ("expected", "expected", 15),
               ("arithmetic", "detail", 80), ("why_check", "why", 60))
LEVEL_FILLS = {"error": "F4C7C3", "warning": "FFE8A3", "to_check": "D6E6F7", "info": "EEF2FB"}  # as the HTML page


def _as_text(ws) -> None:
    """Cells of printed text beginning with =, +, - or @ stay text (no formula injection): typed as
    strings and quote-prefixed, so editing one in a spreadsheet keeps it text too."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"
                cell.quotePrefix = True


def _header(ws, names: list[str], widths) -> None:
    """Bold frozen header with a filter over every row; column widths."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(names))}{max(ws.max_row, 1)}"
    for k, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width


def _all_findings_sheet(wb, rows: list[dict], words: dict) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = wb.active
    ws.title = words["page"]["sheet_all"]
    names = [words["page"][name] for name, _, _ in ALL_COLUMNS]
    ws.append(names)
    level_col = [key for _, key, _ in ALL_COLUMNS].index("level_label") + 1
    page_col = [key for _, key, _ in ALL_COLUMNS].index("page") + 1
    for r in rows:
        values = {**r, "why": "; ".join(r["reasons"])}
        ws.append([values.get(key) for _, key, _ in ALL_COLUMNS])
        n = ws.max_row
        ws.cell(n, level_col).fill = PatternFill("solid", fgColor=LEVEL_FILLS.get(r["level"], "FFFFFF"))
        if r.get("link"):
            ws.cell(n, page_col).hyperlink = r["link"]
            ws.cell(n, page_col).font = Font(color="1F5FAE", underline="single")
        for k in (names.index(words["page"]["subject"]) + 1, names.index(words["page"]["arithmetic"]) + 1):
            ws.cell(n, k).alignment = Alignment(wrap_text=True, vertical="top")
    _header(ws, names, [w for _, _, w in ALL_COLUMNS])


def _summary_sheet(wb, rows: list[dict], reports: list[dict], words: dict) -> None:
    ws = wb.create_sheet(words["page"]["sheet_summary"])
    rules = sorted(RULES["en"])
    names = ["source_file", "agency", "region", "report_year", "findings"] + rules
    ws.append(names)
    for r in reports:
        mine = [f for f in rows if f["source_file"] == r["source_file"]]
        counts = Counter(f["rule"] for f in mine)
        ws.append([r["source_file"], r.get("agency"), r.get("region"), r.get("report_year"), len(mine)]
                  + [counts.get(k, 0) for k in rules])
    _header(ws, names, [34, 34, 20, 11, 9] + [14] * len(rules))


def _report_sheets(wb, findings: list[dict], reports: list[dict]) -> None:
    used = {ws.title for ws in wb.worksheets}
    for r in reports:
        name = "".join(ch for ch in r["source_file"] if ch not in "[]:*?/\\")[:28] or "report"
        base, k = name, 1
        while name in used:
            name, k = f"{base[:25]}_{k}", k + 1
        used.add(name)
        ws = wb.create_sheet(name)
        ws.append(COLUMNS)
        for f in findings:
            if f["source_file"] == r["source_file"]:
                ws.append([f.get(c) for c in COLUMNS])
        _header(ws, COLUMNS, REPORT_SHEET_WIDTHS)


def write_xlsx(findings: list[dict], reports: list[dict], path: Path, evidence: Evidence | None = None,
               lang: str = "id") -> None:
    """In: view rows, reports, evidence, language, the file to write. Out: the workbook at `path`."""
    from openpyxl import Workbook

    words = texts(lang)
    rows = finding_rows(findings, reports, evidence or Evidence(), lang)
    wb = Workbook()
    _all_findings_sheet(wb, rows, words)
    _summary_sheet(wb, rows, reports, words)
    _report_sheets(wb, rows, reports)
    for ws in wb.worksheets:
        _as_text(ws)
    wb.save(path)
