"""One answer per question: `indicator_results` gives exactly one row per (report, indicator, year) and
`program_budgets` one per (report, program / kegiatan, year), each from the most complete table, saying
which and why; the copies in other tables are listed, and a copy printing another target is counted
as disagreeing. One report also prints the grading scale of its capaian as a table of bands: its
grades are no indicators."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline.cli import main
from pipeline.samples import default_spec, plant_other_target_in_comparison, render_pdf, with_capaian_legend


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("chosen")
    spec = with_capaian_legend(plant_other_target_in_comparison(default_spec(), 0, "9.999"))
    render_pdf(spec, root / "in" / "a.word.pdf", "ruled")
    render_pdf(default_spec(region="Kabupaten Contoh"), root / "in" / "b.plain.pdf", "borderless")
    path = str(root / "lkjip.sqlite")
    assert main(["extract", str(root / "in"), "--db", path, "--out", str(root / "out"), "--quiet"]) == 0
    return path


def _rows(db: str, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchall()


def test_one_row_per_report_indicator_and_year(db):
    keys = _rows(db, "SELECT source_file, COALESCE(indicator_canonical, indicator), year FROM indicator_results")
    assert keys and len(keys) == len(set(keys))
    printed = _rows(db, "SELECT DISTINCT source_file, COALESCE(indicator_canonical, indicator), year FROM performance")
    assert set(keys) == set(printed)  # every indicator and year of the reports, once
    assert max(c for (c,) in _rows(db, "SELECT copies FROM indicator_results")) >= 2  # printed in several tables


def test_the_chosen_copy_is_the_table_that_measures_it(db):
    for target, realization, capaian, because in _rows(
            db, "SELECT target, realization, achievement_pct, chosen_because FROM indicator_results WHERE copies > 1"):
        assert None not in (target, realization, capaian)
        assert because.startswith("the table that measures it")


def test_a_copy_printing_another_target_is_counted_as_disagreeing(db):
    disagreeing = _rows(db, "SELECT source_file, COALESCE(indicator_canonical, indicator), disagreeing_copies "
                            "FROM indicator_results WHERE disagreeing_copies > 0")  # indicator_copies names the canonical
    assert [(f, n) for f, _, n in disagreeing] == [("a.word.pdf", 1)]
    [(indicator,)] = {(i,) for _, i, _ in disagreeing}
    copies = _rows(db, f"SELECT chosen, agrees FROM indicator_copies WHERE source_file = 'a.word.pdf' AND indicator = '{indicator}' "
                       "AND year = (SELECT MAX(year) FROM indicator_copies WHERE source_file = 'a.word.pdf' AND agrees = 0)")
    assert sorted(copies) == [(0, 0), (1, 1)]


def test_one_budget_row_per_report_program_and_year(db):
    keys = _rows(db, "SELECT source_file, level, COALESCE(code, ''), LOWER(TRIM(name)), year FROM program_budgets")
    assert keys and len(keys) == len(set(keys))
    assert {level for _, level, *_ in keys} <= {"program", "kegiatan", "sub_kegiatan"}
    assert all(because for (because,) in _rows(db, "SELECT chosen_because FROM program_budgets"))


def test_the_canned_questions_count_each_indicator_once(db):
    """The Datasette questions are asked of the chosen rows: an indicator printed in the PK, the IKU and
    the measurement table counts as one indicator of its report and year, not three."""
    from pipeline.serve import QUERIES

    sql = QUERIES["capaian_by_agency_and_year"]["sql"]
    counted = sum(n for *_, n, _met, _mean in _rows(db, sql))
    distinct = _rows(db, "SELECT COUNT(*) FROM (SELECT DISTINCT source_file, COALESCE(indicator_canonical, indicator), "
                         "year FROM performance WHERE achievement_pct IS NOT NULL)")[0][0]
    printed = _rows(db, "SELECT COUNT(*) FROM performance WHERE achievement_pct IS NOT NULL AND level <> 'total'")[0][0]
    assert counted == distinct < printed


def test_the_grades_of_a_capaian_legend_are_no_indicators(db):
    legend = _rows(db, "SELECT label FROM source_tables WHERE label = 'Tabel 2.1'")
    assert legend  # the legend table is read and kept with its cells
    grades = {"Sangat Baik", "Baik", "Cukup", "Kurang"}
    assert not grades & {name for (name,) in _rows(db, "SELECT indicator FROM indicator_results")}
    assert not _rows(db, "SELECT indicator FROM performance WHERE table_label = 'Tabel 2.1'")


def test_the_summary_counts_each_indicator_once_with_its_measured_capaian(db):
    """summary.html draws the chosen rows: one per indicator and year, with the capaian of the table that
    measures it even where another table of the report (the PK) prints the target alone."""
    from pipeline import db as database
    from pipeline.report import summary_sources

    indicators, programs = summary_sources(database.engine_for(db))
    keys = [(r["source_file"], r["indicator_canonical"] or r["indicator"], r["year"]) for r in indicators]
    assert keys and len(keys) == len(set(keys))
    assert all(r["achievement_pct"] is not None for r in indicators if r["copies"] > 1)
    assert programs and {r["level"] for r in programs} <= {"program", "kegiatan", "sub_kegiatan"}
