"""What the reports read: findings, reports with their PDF, the values behind each finding, the views.

In:  the database (views `findings`, `performance`, `budget`; tables `reports`, `report_locations`,
     `performance_values`, `budget_values`), and optionally the folder of intermediate JSON
     (`<out>/extracted/*.json`), the only place the column roles decided by arithmetic are kept.
Out: plain dicts and an `Evidence` for `pipeline.report.sureness`.
"""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from pipeline.report.sureness import Evidence, ValueFacts, note_names, roles_changed_by_arithmetic


def read_findings(engine: Engine) -> list[dict]:
    """Every row of the findings view."""
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text(
            "SELECT * FROM findings ORDER BY source_file, page, table_label, rule"))]


def read_reports(engine: Engine) -> list[dict]:
    """Every report: source_file, agency, region, report_year, sha256, and `pdf`, the absolute path of its
    first location (None when none is recorded)."""
    with engine.connect() as conn:
        reports = [dict(r._mapping) for r in conn.execute(text(
            "SELECT r.id, r.source_file, a.agency, a.region, r.report_year, r.sha256, r.n_pages FROM reports r "
            "LEFT JOIN agencies a ON a.id = r.agency_id ORDER BY r.source_file"))]
        locations: dict[int, str] = {}
        for report_id, path in conn.execute(text("SELECT report_id, path FROM report_locations ORDER BY id")):
            locations.setdefault(report_id, path)
    for r in reports:
        r["pdf"] = locations.get(r["id"])
    return reports


def _columns(engine: Engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


def read_evidence(engine: Engine, extracted_dir: Path | None = None, reports: list[dict] | None = None) -> Evidence:
    """The OCR confidence and format notes of every value by file, table, row and page; the roles arithmetic
    gave columns, from the intermediate JSON of `extracted_dir` when it is there and was
    written from the same file (same SHA-256) as the database's report."""
    evidence = Evidence()
    with engine.connect() as conn:
        for table in ("performance_values", "budget_values"):
            have = _columns(engine, table)
            notes = "v.format_notes" if "format_notes" in have else "NULL"
            confidence = "v.ocr_confidence" if "ocr_confidence" in have else "NULL"
            rows = conn.execute(text(
                f"SELECT r.source_file, t.table_index, v.row_index, v.page, v.year, {confidence}, {notes} "
                f"FROM {table} v JOIN reports r ON r.id = v.report_id "
                f"LEFT JOIN source_tables t ON t.id = v.table_id"))
            for source_file, table_index, row_index, page, year, ocr, format_notes in rows:
                evidence.add(source_file, table_index, row_index, page, ValueFacts(year, ocr, note_names(format_notes)))
    if extracted_dir is not None:
        evidence.arithmetic_roles = arithmetic_roles(extracted_dir, reports or read_reports(engine))
    return evidence


def arithmetic_roles(extracted_dir: Path, reports: list[dict]) -> dict[tuple[str, int], frozenset[str]]:
    """{(source_file, table index): the column roles arithmetic gave instead of the headings'}, read from
    the intermediate JSON of reports whose content is the database's."""
    out: dict[tuple[str, int], frozenset[str]] = {}
    for r in reports:
        path = Path(extracted_dir) / f"{r['source_file']}.json"
        if not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if data.get("source", {}).get("sha256") != r.get("sha256"):
            continue  # written from another version of the file: its tables are not the database's
        for index, lines in (data.get("role_evidence") or {}).items():
            changed: frozenset[str] = frozenset().union(*(roles_changed_by_arithmetic(line) for line in lines))
            if changed:
                out[(r["source_file"], int(index))] = changed
    return out


def read_view(engine: Engine, view: str) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {view}"))]
