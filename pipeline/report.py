"""The auditors' inconsistency report.

In:  the database (the `findings` view and the reports it names).
Out: `inconsistencies.html`, one self-contained page (summary per report: counts by rule and
     severity; then every finding with the printed and expected numbers, the arithmetic and the
     page to open), and `inconsistencies.xlsx` (a summary sheet and one filterable sheet per report).
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

RULE_TITLES = {
    "achievement_ratio": "Capaian does not follow from realisasi / target",
    "budget_ratio": "% realisasi anggaran does not follow from realisasi / pagu",
    "efficiency": "Tingkat efisiensi explained by no known formula",
    "children_sum": "Program / kegiatan differs from the sum of its rows",
    "total_sum": "Total / Jumlah differs from the rows it totals",
    "row_sum": "Jumlah column differs from the row's other columns",
    "cross_table": "The same quantity printed differently in two places",
    "format_anomaly": "Implausible printed number format",
}
FORMULA_STARTS = ("=", "+", "-", "@")  # a spreadsheet reads a cell beginning with these as a formula
COLUMNS = ["source_file", "table_label", "page", "rule", "severity", "subject", "reported", "expected", "detail"]
STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d2330;max-width:1200px}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{margin-top:2.2rem;border-bottom:2px solid #dde3ee;padding-bottom:.3rem}
.meta{color:#5b6475} table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.9rem}
th,td{border:1px solid #dde3ee;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f6fb} td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.sev-error{color:#b3261e;font-weight:600} .sev-warning{color:#9a6700;font-weight:600} .sev-info{color:#3b5ba5}
.rule{font-family:ui-monospace,monospace;font-size:.85rem} .none{color:#2e7d32}
"""


def fmt_number(value) -> str:
    if value is None:
        return ""
    if abs(value - round(value)) < 1e-9:
        return f"{value:,.0f}".replace(",", ".")
    return f"{value:,.4f}".rstrip("0").replace(",", "_").replace(".", ",").replace("_", ".")


def read_findings(engine: Engine) -> tuple[list[dict], list[dict]]:
    with engine.connect() as conn:
        findings = [dict(r._mapping) for r in conn.execute(text(
            "SELECT * FROM findings ORDER BY source_file, page, table_label, rule"))]
        reports = [dict(r._mapping) for r in conn.execute(text(
            "SELECT r.source_file, a.agency, a.region, r.report_year FROM reports r "
            "LEFT JOIN agencies a ON a.id = r.agency_id ORDER BY r.source_file"))]
    return findings, reports


def render_html(findings: list[dict], reports: list[dict]) -> str:
    by_report: dict[str, list[dict]] = defaultdict(list)
    for f in findings:
        by_report[f["source_file"]].append(f)
    e = html.escape
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>LKjIP inconsistency report</title>"
             f"<style>{STYLE}</style></head><body>",
             "<h1>Inconsistencies found in the performance reports</h1>",
             f"<p class='meta'>{len(findings)} findings in {len(reports)} reports · generated "
             f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Each finding names the file, page and table to "
             f"open; a difference is reported only when it exceeds the rounding of the printed value.</p>",
             "<h2>Summary</h2><table><tr><th>Report</th><th>Agency</th><th>Year</th><th>Findings</th>"
             "<th>By rule</th><th>By severity</th></tr>"]
    for r in reports:
        items = by_report.get(r["source_file"], [])
        rules = ", ".join(f"{k} {v}" for k, v in sorted(Counter(f["rule"] for f in items).items())) or "–"
        sev = ", ".join(f"{k} {v}" for k, v in sorted(Counter(f["severity"] for f in items).items())) or "–"
        parts.append(f"<tr><td><a href='#{e(r['source_file'])}'>{e(r['source_file'])}</a></td>"
                     f"<td>{e(str(r.get('agency') or ''))} {e(str(r.get('region') or ''))}</td>"
                     f"<td>{r.get('report_year') or ''}</td><td class='num'>{len(items)}</td>"
                     f"<td class='rule'>{e(rules)}</td><td>{e(sev)}</td></tr>")
    parts.append("</table>")
    for r in reports:
        items = by_report.get(r["source_file"], [])
        parts.append(f"<h2 id='{e(r['source_file'])}'>{e(r['source_file'])}</h2>"
                     f"<p class='meta'>{e(str(r.get('agency') or ''))}, {e(str(r.get('region') or ''))}, "
                     f"fiscal year {r.get('report_year') or '?'}</p>")
        if not items:
            parts.append("<p class='none'>No inconsistency found.</p>")
            continue
        parts.append("<table><tr><th>Page</th><th>Table</th><th>Rule</th><th>Severity</th><th>Subject</th>"
                     "<th>Printed</th><th>Expected</th><th>Arithmetic</th></tr>")
        for f in items:
            parts.append(
                f"<tr><td class='num'>{f['page'] or ''}</td><td>{e(str(f['table_label'] or ''))}</td>"
                f"<td class='rule' title='{e(RULE_TITLES.get(f['rule'], ''))}'>{e(f['rule'])}</td>"
                f"<td class='sev-{e(str(f['severity']))}'>{e(str(f['severity']))}</td><td>{e(str(f['subject'] or ''))}</td>"
                f"<td class='num'>{fmt_number(f['reported'])}</td><td class='num'>{fmt_number(f['expected'])}</td>"
                f"<td>{e(str(f['detail'] or ''))}</td></tr>")
        parts.append("</table>")
    parts.append("<h2>Rules</h2><table>" + "".join(
        f"<tr><td class='rule'>{k}</td><td>{e(v)}</td></tr>" for k, v in RULE_TITLES.items()) + "</table></body></html>")
    return "\n".join(parts)


def _as_text(ws) -> None:
    """Cells of printed text beginning with =, +, - or @ stay text (no formula injection): typed as
    strings and quote-prefixed, so editing one in a spreadsheet keeps it text too."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"
                cell.quotePrefix = True


def write_xlsx(findings: list[dict], reports: list[dict], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    summary.append(["source_file", "agency", "region", "report_year", "findings"] + sorted(RULE_TITLES))
    for r in reports:
        items = [f for f in findings if f["source_file"] == r["source_file"]]
        counts = Counter(f["rule"] for f in items)
        summary.append([r["source_file"], r.get("agency"), r.get("region"), r.get("report_year"), len(items)]
                       + [counts.get(k, 0) for k in sorted(RULE_TITLES)])
    used: set[str] = {"Summary"}
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
                ws.append([f[c] for c in COLUMNS])
        ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
        ws.freeze_panes = "A2"
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for col, width in zip("ABCDEFGHI", (30, 22, 6, 18, 9, 50, 16, 16, 90)):
            ws.column_dimensions[col].width = width
    for ws in wb.worksheets:
        _as_text(ws)
    wb.save(path)


def write_reports(engine: Engine, out_dir: str | Path) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    findings, reports = read_findings(engine)
    html_path, xlsx_path = out / "inconsistencies.html", out / "inconsistencies.xlsx"
    html_path.write_text(render_html(findings, reports), encoding="utf-8")
    write_xlsx(findings, reports, xlsx_path)
    return [html_path, xlsx_path]
