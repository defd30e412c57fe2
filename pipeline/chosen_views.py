"""One answer per question: the views that pick, for each (report, indicator, year) and each (report,
program / kegiatan, year), the row of the table that measures it, and list every copy beside it.

In:  the base tables (`performance_values`, `budget_values`, `reports`, `agencies`, `source_tables`).
Out: SQL of four views, registered in `db.VIEWS` (plain SQL that SQLite and PostgreSQL both run):
  - `indicator_results`: one row per (source_file, indicator, year): the values of the chosen copy,
    `chosen_table` / `chosen_page`, `chosen_because` (in words), `copies` (how many tables print it)
    and `disagreeing_copies` (how many of the others print a different target, realisasi or capaian;
    such a difference is a `cross_table` finding already);
  - `indicator_copies`: every copy, with `chosen` (1 for the one `indicator_results` shows) and `agrees`;
  - `program_budgets` and `budget_copies`: the same for budget rows of programs, kegiatan and sub kegiatan.

The chosen copy is the most complete one: a table that prints target, realisasi and capaian (the
measurement table of the year) over one that prints realisasi and capaian, the realisasi, the capaian,
then the target alone (a Perjanjian Kinerja, a Renstra); among equals the first printed (page, then
row). An indicator is one across tables by its reconciled name (`indicator_canonical`, the printed
name where there is none); a budget row by its level, code and name.
"""
from __future__ import annotations

# Two printings of a value agree when they differ by no more than the rounding of the coarser: half a
# unit in the second decimal (0,005) plus 0,05 % of the value for amounts printed in thousands.
AGREE_ABSOLUTE = 0.005
AGREE_RELATIVE = 0.0005


def _agrees(column: str, chosen: str) -> str:
    return (f"({column} IS NULL OR {chosen} IS NULL OR "
            f"ABS({column} - {chosen}) <= {AGREE_RELATIVE} * ABS({chosen}) + {AGREE_ABSOLUTE})")


PERFORMANCE_JUDGED = f"""
    WITH base AS (
        SELECT r.source_file, a.agency, a.region, r.report_year, t.label AS table_label, v.page, v.row_index,
               v.level, v.sasaran, v.indicator, v.indicator_canonical, v.unit, v.unit_kind, v.year,
               v.target, v.target_text, v.realization, v.realization_text, v.achievement_pct, v.achievement_text,
               v.target_base, v.realization_base, v.base_unit, v.scale_source, v.scale_evidence,
               v.id AS value_id, COALESCE(v.indicator_canonical, v.indicator) AS indicator_key,
               CASE WHEN v.target IS NOT NULL AND v.realization IS NOT NULL AND v.achievement_pct IS NOT NULL THEN 5
                    WHEN v.realization IS NOT NULL AND v.achievement_pct IS NOT NULL THEN 4
                    WHEN v.realization IS NOT NULL THEN 3
                    WHEN v.achievement_pct IS NOT NULL THEN 2
                    WHEN v.target IS NOT NULL THEN 1 ELSE 0 END AS completeness
        FROM performance_values v JOIN reports r ON r.id = v.report_id
        LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN source_tables t ON t.id = v.table_id
        WHERE v.level <> 'total' AND v.year IS NOT NULL),
    ranked AS (
        SELECT base.*, ROW_NUMBER() OVER w AS choice,
               COUNT(*) OVER (PARTITION BY source_file, indicator_key, year) AS copies,
               FIRST_VALUE(target) OVER w AS chosen_target, FIRST_VALUE(realization) OVER w AS chosen_realization,
               FIRST_VALUE(achievement_pct) OVER w AS chosen_achievement,
               FIRST_VALUE(table_label) OVER w AS chosen_table, FIRST_VALUE(page) OVER w AS chosen_page
        FROM base
        WINDOW w AS (PARTITION BY source_file, indicator_key, year ORDER BY completeness DESC, page, row_index, value_id)),
    judged AS (
        SELECT ranked.*,
               CASE WHEN {_agrees("target", "chosen_target")} AND {_agrees("realization", "chosen_realization")}
                         AND {_agrees("achievement_pct", "chosen_achievement")} THEN 1 ELSE 0 END AS agrees
        FROM ranked)"""

BUDGET_JUDGED = f"""
    WITH base AS (
        SELECT r.source_file, a.agency, a.region, r.report_year, t.label AS table_label, v.page, v.row_index,
               v.level, v.code, v.name, v.year, v.pagu_initial, v.pagu, v.realization, v.realization_pct,
               v.pagu_initial_base, v.pagu_base, v.realization_base, v.scale_source, v.scale_evidence,
               v.id AS value_id, LOWER(TRIM(v.name)) AS name_key,
               CASE WHEN v.pagu IS NOT NULL AND v.realization IS NOT NULL THEN 3
                    WHEN v.realization IS NOT NULL THEN 2
                    WHEN v.pagu IS NOT NULL THEN 1 ELSE 0 END AS completeness
        FROM budget_values v JOIN reports r ON r.id = v.report_id
        LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN source_tables t ON t.id = v.table_id
        WHERE v.level IN ('program', 'kegiatan', 'sub_kegiatan') AND v.year IS NOT NULL),
    ranked AS (
        SELECT base.*, ROW_NUMBER() OVER w AS choice,
               COUNT(*) OVER (PARTITION BY source_file, level, COALESCE(code, ''), name_key, year) AS copies,
               FIRST_VALUE(pagu) OVER w AS chosen_pagu, FIRST_VALUE(realization) OVER w AS chosen_realization,
               FIRST_VALUE(table_label) OVER w AS chosen_table, FIRST_VALUE(page) OVER w AS chosen_page
        FROM base
        WINDOW w AS (PARTITION BY source_file, level, COALESCE(code, ''), name_key, year
                     ORDER BY completeness DESC, page, row_index, value_id)),
    judged AS (
        SELECT ranked.*,
               CASE WHEN {_agrees("pagu", "chosen_pagu")} AND {_agrees("realization", "chosen_realization")}
                    THEN 1 ELSE 0 END AS agrees
        FROM ranked)"""

INDICATOR_BECAUSE = """
        CASE completeness WHEN 5 THEN 'the table that measures it: target, realisasi and capaian'
                          WHEN 4 THEN 'the table that prints its realisasi and capaian'
                          WHEN 3 THEN 'the table that prints its realisasi'
                          WHEN 2 THEN 'the table that prints its capaian'
                          ELSE 'the table that sets its target' END"""
BUDGET_BECAUSE = """
        CASE completeness WHEN 3 THEN 'the budget realisation table: pagu and realisasi'
                          WHEN 2 THEN 'the table that prints its realisasi'
                          ELSE 'the table that sets its pagu' END"""

INDICATOR_RESULTS = f"""{PERFORMANCE_JUDGED},
    counted AS (
        SELECT judged.*, SUM(1 - agrees) OVER (PARTITION BY source_file, indicator_key, year) AS disagreeing_copies
        FROM judged)
    SELECT source_file, agency, region, report_year, level, sasaran, indicator, indicator_canonical, unit, unit_kind,
           year, target, target_text, realization, realization_text, achievement_pct, achievement_text,
           target_base, realization_base, base_unit, scale_source, scale_evidence,
           table_label AS chosen_table, page AS chosen_page, {INDICATOR_BECAUSE} AS chosen_because,
           copies, disagreeing_copies, value_id
    FROM counted WHERE choice = 1"""

INDICATOR_COPIES = f"""{PERFORMANCE_JUDGED}
    SELECT source_file, indicator_key AS indicator, year, table_label, page, target, realization, achievement_pct,
           unit, unit_kind, target_base, realization_base, base_unit, scale_source, scale_evidence,
           CASE WHEN choice = 1 THEN 1 ELSE 0 END AS chosen, agrees, chosen_table, chosen_page, value_id
    FROM judged"""

PROGRAM_BUDGETS = f"""{BUDGET_JUDGED},
    counted AS (
        SELECT judged.*, SUM(1 - agrees) OVER (PARTITION BY source_file, level, COALESCE(code, ''), name_key, year)
               AS disagreeing_copies
        FROM judged)
    SELECT source_file, agency, region, report_year, level, code, name, year, pagu_initial, pagu, realization,
           realization_pct, pagu_initial_base, pagu_base, realization_base, scale_source, scale_evidence,
           table_label AS chosen_table, page AS chosen_page, {BUDGET_BECAUSE} AS chosen_because,
           copies, disagreeing_copies, value_id
    FROM counted WHERE choice = 1"""

BUDGET_COPIES = f"""{BUDGET_JUDGED}
    SELECT source_file, level, code, name, year, table_label, page, pagu, realization,
           pagu_base, realization_base, scale_source, scale_evidence,
           CASE WHEN choice = 1 THEN 1 ELSE 0 END AS chosen, agrees, chosen_table, chosen_page, value_id
    FROM judged"""

CHOSEN_VIEWS = {"indicator_results": INDICATOR_RESULTS, "indicator_copies": INDICATOR_COPIES,
                "program_budgets": PROGRAM_BUDGETS, "budget_copies": BUDGET_COPIES}
