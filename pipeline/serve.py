"""`python -m pipeline serve`: the database in Datasette, with its views documented and questions ready.

In:  a SQLite database written by `pipeline extract` (Datasette reads SQLite only).
Out: full-text search on indicator and program names (sqlite-utils FTS tables kept in step by
     triggers), a Datasette metadata file (OUT/datasette.json: a title and description for every view
     and column, with units), canned queries for the questions analysts ask most, and Datasette
     serving them on localhost (`--port`, default 8001). `--prepare-only` stops before serving.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

# Column descriptions shared by the views; units in brackets where a column has one.
COMMON_COLUMNS = {
    "source_file": "The report's file name relative to the folder extracted (its location in report_locations).",
    "agency": "The agency the report names (Dinas, Badan, Sekretariat, …; 'Pemerintah Daerah' for a whole government).",
    "region": "Kabupaten / Kota / Provinsi the agency belongs to; 'Pusat' for a central institution.",
    "report_year": "The fiscal year the report covers (first year of a Renstra / RPJMD period).",
    "table_label": "The table's printed label ('Tabel 3.1'), or empty when it has none.",
    "page": "1-based page of the PDF where the row is printed.",
    "level": "Row level: tujuan, sasaran, program, kegiatan, sub_kegiatan, jenis_belanja (a kind of expenditure: belanja langsung, pegawai, modal …), total or other.",
    "year": "The year the values are for.",
    "row_index": "The row's position in its table (provenance).",
    "table_index": "The table's position in its report (provenance).",
}
# The values in base units (pipeline/base_values.py) and where their scale was read, shared by the views.
SCALE_COLUMNS = {
    "scale_source": "Where the scale of the values was read: cell ('1,8 miliar'), column_heading ('Pagu (Rp. 000)'), "
                    "unit_column (Satuan 'Triliun Rupiah'), table_heading (caption '(dalam ribuan rupiah)'), "
                    "printed_in_full (a heading names a scale its amounts do not follow), not_scaled (percent, index, "
                    "score, ratio, grade), none (no scale printed).",
    "scale_evidence": "The printed words that decided the scale, and its factor ('unit column \"Triliun Rupiah\" "
                      "(× 10^12)'); 'applied when read' where the value itself is already in base units.",
}
PERFORMANCE_BASE = {
    "target_base": "Target in base units [base_unit]: the target times the scale printed in its cell, Satuan or "
                   "heading ('185,80' under 'Triliun Rupiah' -> 1.858e14); the target itself where no scale is printed "
                   "and for percent, index and score; NULL for a grade.",
    "realization_base": "Realisasi in base units [base_unit], as target_base.",
    "base_unit": "The unit of the base values: the Satuan without its scale word ('Rupiah' of 'Triliun Rupiah', "
                 "'Ton' of 'Ribu Ton'; the currency a cell prints where no Satuan is).",
    **SCALE_COLUMNS,
}
BUDGET_BASE = {
    "pagu_initial_base": "pagu_initial in Rupiah [Rp] whatever scale the table prints (a caption '(dalam ribuan "
                         "rupiah)' included); equal to pagu_initial where the scale was applied when read.",
    "pagu_base": "pagu in Rupiah [Rp], as pagu_initial_base.",
    "realization_base": "Realisasi anggaran in Rupiah [Rp], as pagu_initial_base.",
    **SCALE_COLUMNS,
}
VIEWS = {
    "documents": ("Documents", "One row per document loaded: agency, region, fiscal year, kind and plan period.", {
        "kind": "LKjIP, Renstra, RPJMD, Renja, PK, Rencana Aksi, budget-realisation, budget-plan, evaluation, …",
        "period": "The plan period ('2021-2026') of a Renstra / RPJMD, else empty.",
        "pages": "Pages in the file."}),
    "performance": ("Performance indicators", "One row per (table row, indicator, year): target, realisasi and capaian "
                    "as printed and as numbers.", {
                        "sasaran": "The objective (sasaran / tujuan) the indicator measures.",
                        "indicator": "The indicator as printed (lines joined).",
                        "indicator_canonical": "The indicator's name reconciled across agencies and years.",
                        "unit": "Satuan as printed.", "unit_kind": "The kind of unit (percent, people, money, index, …).",
                        "target": "Target (in the unit printed).", "target_text": "The target cell as printed.",
                        "realization": "Realisasi (in the unit printed).", "realization_text": "The realisasi cell as printed.",
                        "achievement_pct": "Capaian [%]: the share of the target achieved.",
                        "achievement_text": "The capaian cell as printed.", **PERFORMANCE_BASE}),
    "budget": ("Budget", "One row per (table row, year): pagu and realisasi anggaran in Rupiah.", {
        "code": "The row code as printed (2.17.01, A, 1).", "name": "The program / kegiatan / account as printed.",
        "pagu_initial": "Original ceiling (murni / APBD) [Rp], when the table prints one before a revision.",
        "pagu": "Final ceiling (perubahan / APBD-P; the only one when one is printed) [Rp].",
        "realization": "Realisasi anggaran [Rp].", "realization_pct": "Realisasi as printed [% of pagu].",
        **BUDGET_BASE}),
    "indicator_results": ("Indicator results (one per report, indicator and year)",
                          "The values of the table that measures each indicator (target, realisasi and capaian in "
                          "one table first), which table and why, and how many other tables print it differently.", {
                              "chosen_table": "The table the values come from.", "chosen_page": "Its page.",
                              "chosen_because": "Why that table was chosen.",
                              "copies": "How many tables of the report print this indicator for this year.",
                              "disagreeing_copies": "How many of them print another target, realisasi or capaian.",
                              **PERFORMANCE_BASE}),
    "indicator_copies": ("Every copy of an indicator's values",
                         "Each table printing an indicator for a year, the chosen one marked, and whether it agrees "
                         "with the chosen copy.", {
                             "chosen": "1 for the copy indicator_results shows.",
                             "agrees": "1 when its target, realisasi and capaian agree with the chosen copy's.",
                             **PERFORMANCE_BASE}),
    "program_budgets": ("Program budgets (one per report, program and year)",
                        "Pagu and realisasi of each program, kegiatan and sub kegiatan from the budget realisation "
                        "table where there is one, which table and why, and how many copies disagree.", {
                            "chosen_table": "The table the values come from.", "chosen_page": "Its page.",
                            "chosen_because": "Why that table was chosen.",
                            "copies": "How many tables print this row for this year.",
                            "disagreeing_copies": "How many of them print another pagu or realisasi.",
                            **BUDGET_BASE}),
    "budget_copies": ("Every copy of a program's budget",
                      "Each table printing a program, kegiatan or sub kegiatan for a year, the chosen one marked.", {
                          "chosen": "1 for the copy program_budgets shows.",
                          "agrees": "1 when its pagu and realisasi agree with the chosen copy's.",
                          **{k: v for k, v in BUDGET_BASE.items() if k != "pagu_initial_base"}}),
    "findings": ("Findings", "Arithmetic that does not add up, each pointing to file, page and table.", {
        "rule": "achievement_ratio, budget_ratio, efficiency, children_sum, total_sum, row_sum, cross_table, format_anomaly.",
        "severity": "error / warning / info.", "subject": "The indicator, program or row concerned.",
        "reported": "The value as printed.", "expected": "The value the arithmetic gives.",
        "detail": "The computation in words."}),
}
# The questions are asked of the chosen-row views (`pipeline.chosen_views`): one answer per (report,
# indicator, year) and per (report, program, year), however many tables of the report print it.
QUERIES = {
    "capaian_by_agency_and_year": {
        "title": "Capaian by agency and year",
        "description": "Indicators measured (each counted once per report and year, from the table that "
                       "measures it), how many met their target, and their mean capaian.",
        "sql": "SELECT agency, region, report_year, year, COUNT(*) AS indicators,\n"
               "       SUM(achievement_pct >= 100) AS met, ROUND(AVG(achievement_pct), 2) AS mean_capaian_pct\n"
               "FROM indicator_results WHERE achievement_pct IS NOT NULL\n"
               "GROUP BY agency, region, report_year, year ORDER BY agency, year"},
    "indicators_below_target": {
        "title": "Indicators below target",
        "description": "Every indicator whose capaian is under 100 %, lowest first, with the table it was "
                       "read from and how many other tables print a different value.",
        "sql": "SELECT agency, region, year, indicator, unit, target, realization, achievement_pct,\n"
               "       source_file, chosen_table, chosen_page, copies, disagreeing_copies\n"
               "FROM indicator_results WHERE achievement_pct < 100 ORDER BY achievement_pct"},
    "budget_absorption": {
        "title": "Budget absorption per program and agency",
        "description": "Realisasi against pagu of every program, in percent, from the budget realisation table.",
        "sql": "SELECT agency, region, year, name AS program, pagu, realization,\n"
               "       ROUND(100.0 * realization / pagu, 2) AS absorption_pct, source_file, chosen_table, chosen_page\n"
               "FROM program_budgets WHERE level = 'program' AND pagu > 0 AND realization IS NOT NULL\n"
               "ORDER BY absorption_pct"},
    "indicator_across_agencies": {
        "title": "One indicator across agencies",
        "description": "Every agency's values of one canonical indicator (search by a word of its name).",
        "sql": "SELECT indicator_canonical, agency, region, year, target, realization, achievement_pct,\n"
               "       source_file, chosen_table, chosen_page\n"
               "FROM indicator_results WHERE indicator_canonical LIKE '%' || :indicator || '%'\n"
               "ORDER BY indicator_canonical, agency, year"},
    "findings_of_a_report": {
        "title": "Every finding of a report",
        "description": "The findings of one report (part of its file name), by page.",
        "sql": "SELECT source_file, page, table_label, rule, severity, subject, reported, expected, detail\n"
               "FROM findings WHERE source_file LIKE '%' || :source_file || '%' ORDER BY source_file, page"},
}
# Full-text search: the base tables behind the views, and the name columns searched.
FTS = {"performance_values": ["indicator", "sasaran"], "budget_values": ["name"]}


def metadata(database: str) -> dict:
    """Datasette metadata: titles and descriptions of the views and their columns, and the canned queries."""
    tables = {}
    for view, (title, description, columns) in VIEWS.items():
        tables[view] = {"title": title, "description": description,
                        "columns": {**COMMON_COLUMNS, **columns}}
    for view, table in (("performance", "performance_values"), ("budget", "budget_values")):
        tables[view].update({"fts_table": f"{table}_fts", "fts_pk": "value_id"})  # search the names from the view
    return {"title": "LKjIP: performance and budget of Indonesian government agencies",
            "description": "Extracted from the agencies' published reports; every value keeps its file, page and table.",
            "databases": {database: {"tables": tables, "queries": QUERIES}}}


def enable_search(db_path: str) -> list[str]:
    """FTS tables over the name columns (sqlite-utils), kept in step with later loads by triggers."""
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    done = []
    for name, columns in FTS.items():
        if name not in db.table_names():
            continue
        table = db.table(name)
        if not table.detect_fts():
            table.enable_fts(columns, create_triggers=True)
        done.append(name)
    db.conn.close()
    return done


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="browse the database in Datasette on localhost (views documented, queries ready)")
    p.add_argument("--db", default="data/out/lkjip.sqlite", help="SQLite database (default data/out/lkjip.sqlite)")
    p.add_argument("--out", default="data/out", help="folder for datasette.json (default data/out)")
    p.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default 8001)")
    p.add_argument("--prepare-only", action="store_true", help="add search and write the metadata, do not serve")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    db = Path(args.db)
    if "://" in args.db or not db.is_file():
        print(f"error: {args.db}: serve needs an existing SQLite file (Datasette reads SQLite only)", file=sys.stderr)
        return 2
    searched = enable_search(str(db))
    meta_path = Path(args.out) / "datasette.json"
    meta_path.parent.mkdir(parents=True, exist_ok=True)
    meta_path.write_text(json.dumps(metadata(db.stem), indent=2, ensure_ascii=False))
    print(f"search on {', '.join(searched)}; metadata {meta_path}")
    if args.prepare_only:
        return 0
    command = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(meta_path),
               "--host", "127.0.0.1", "--port", str(args.port)]
    print(f"serving on http://127.0.0.1:{args.port}/ (Ctrl-C stops)")
    return subprocess.call(command)
