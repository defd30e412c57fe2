"""inconsistencies.html: every finding ranked by how sure we are, sortable and filterable in the browser.

In:  the findings (view rows), the reports (with their PDF path), the Evidence, the language.
Out: the page's text: a summary per report, then one table of every finding (certain ones first; a
     doubtful one shown "perlu dicek" / "to check" with its reason), each with the PDF page and a
     file:// link opening the PDF at that page, and the rules. A small inline script sorts by a clicked
     heading and filters by text, level and rule (no network).
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from pipeline.report.render import fmt_number, render
from pipeline.report.sureness import Evidence, Sureness, assess
from pipeline.report.texts import texts

LEVELS_SHOWN = ["error", "warning", "to_check", "info"]  # the order a reader meets them (select, summary)


def pdf_link(pdf: str | None, page: int | None) -> str | None:
    """In: the report's absolute path, the PDF page (1-based). Out: a file:// URL opening that page
    (#page=N, read by browsers' PDF viewers), or None when the path is unknown or not absolute."""
    if not pdf or not Path(pdf).is_absolute():
        return None
    url = Path(pdf).as_uri()
    return f"{url}#page={page}" if page else url


def _reasons(sureness: Sureness, words: dict) -> list[str]:
    confidence = f"{sureness.ocr_confidence:.0f}" if sureness.ocr_confidence is not None else "?"
    return [words["doubts"][d.value].format(confidence=confidence) for d in sureness.doubts]


def finding_rows(findings: list[dict], reports: list[dict], evidence: Evidence, lang: str) -> list[dict]:
    """In: view rows, reports, evidence, language. Out: one dict per finding with everything a row of the
    page (and of the XLSX sheet) shows, ranked: certain first (by severity), then the ones to check."""
    words = texts(lang)
    by_file = {r["source_file"]: r for r in reports}
    rows = []
    for f in findings:
        report = by_file.get(f["source_file"], {})
        sureness = assess(f, evidence)
        level = sureness.level(f["severity"])
        agency = ", ".join(str(x) for x in (f.get("agency") or report.get("agency"), f.get("region") or report.get("region"))
                           if x)
        rows.append({
            **f, "agency_region": agency, "report_year": f.get("report_year") or report.get("report_year"),
            "sureness": sureness, "level": level, "level_label": words["levels"][level],
            "reasons": _reasons(sureness, words), "rule_title": words["rules"].get(f["rule"], ""),
            "link": pdf_link(report.get("pdf"), f.get("page")), "pdf": report.get("pdf"),
            "printed_page": f.get("printed_page"),
            "reported_text": fmt_number(f.get("reported"), lang), "expected_text": fmt_number(f.get("expected"), lang),
            "rank": sureness.rank(f["severity"]),
        })
    rows.sort(key=lambda r: (r["rank"], r["source_file"], r.get("page") or 0, r.get("table_label") or "", r["rule"]))
    return rows


def report_summaries(rows: list[dict], reports: list[dict]) -> list[dict]:
    """One line per report: its findings counted by rule and by level shown."""
    out = []
    for r in reports:
        mine = [f for f in rows if f["source_file"] == r["source_file"]]
        out.append({**r, "n": len(mine), "by_rule": sorted(Counter(f["rule"] for f in mine).items()),
                    "by_level": sorted(Counter(f["level"] for f in mine).items(), key=lambda kv: LEVELS_SHOWN.index(kv[0]))})
    return out


def render_findings_page(findings: list[dict], reports: list[dict], evidence: Evidence, lang: str = "id") -> str:
    rows = finding_rows(findings, reports, evidence, lang)
    words = texts(lang)
    return render("inconsistencies.html.j2", t=words, p=words["page"], rows=rows, reports=report_summaries(rows, reports),
                  generated=f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M}",
                  rules_used=sorted({f["rule"] for f in rows}), levels=LEVELS_SHOWN)
