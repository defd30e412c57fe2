"""Planted inconsistencies in generated reports are each found; a consistent report gives none."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline.cli import main
from pipeline.samples import (default_spec, plant_wrong_budget_pct, plant_wrong_capaian, plant_wrong_program_pagu,
                              plant_wrong_total, render_pdf)
from pipeline.validate import BudgetRow, PerfRow, achievement_findings, budget_ratio_findings, efficiency_findings


def findings_for(spec, tmp_path, style="ruled"):
    render_pdf(spec, tmp_path / "in" / f"report.{style}.pdf", style)
    db = str(tmp_path / "out.sqlite")
    assert main(["extract", str(tmp_path / "in"), "--db", db, "--out", str(tmp_path / "o"), "--quiet"]) == 0
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT rule, table_label, subject, reported, expected, detail, page FROM findings").fetchall()


@pytest.mark.parametrize("style", ["ruled", "borderless"])
def test_consistent_report_has_no_findings(tmp_path, style):
    assert findings_for(default_spec(), tmp_path, style) == []


def test_wrong_capaian_is_found_in_both_tables(tmp_path):
    found = findings_for(plant_wrong_capaian(default_spec(), 1, "95,00"), tmp_path)
    hits = [f for f in found if f[0] == "achievement_ratio"]
    assert {f[1] for f in hits} == {"Tabel 3.1", "Tabel 3.2"}
    assert all(f[3] == 95.0 and f[4] == pytest.approx(90.0) for f in hits)
    assert all("8,1 / 9 × 100" in f[5] and f[6] >= 1 for f in hits)


def test_program_pagu_typo_breaks_children_sum_and_ratio(tmp_path):
    # the printed program pagu is 50 million too high (the total was added up from the printed
    # programs, so it still checks); its % was computed from the true pagu
    found = findings_for(plant_wrong_program_pagu(default_spec(), 0, 50_000_000), tmp_path)
    assert sorted(f[0] for f in found) == ["budget_ratio", "children_sum"]
    child = next(f for f in found if f[0] == "children_sum")
    assert child[3] - child[4] == 50_000_000


def test_wrong_total_is_found(tmp_path):
    found = findings_for(plant_wrong_total(default_spec(), 1_000), tmp_path)
    assert [f[0] for f in found] == ["total_sum"]
    assert found[0][3] - found[0][4] == 1_000


def test_wrong_budget_percentage(tmp_path):
    found = findings_for(plant_wrong_budget_pct(default_spec(), 1, 0, "12,34"), tmp_path)
    assert [f[0] for f in found] == ["budget_ratio"]
    assert found[0][3] == pytest.approx(12.34)


def perf(indicator, target, real, ach, ach_text):
    return PerfRow("f.pdf", 0, "Tabel 1", 1, 0, indicator, 2023, "sasaran", target, str(target), real, str(real),
                   ach, ach_text)


def test_rounding_of_the_printed_value_is_tolerated():
    assert achievement_findings([perf("Persentase X", 9, 8.05, 89.44, "89,44")]) == []
    assert achievement_findings([perf("Persentase X", 8, 5.88, 73.49, "73,49")]) == []  # 73,50: one unit
    assert len(achievement_findings([perf("Persentase X", 9, 8.05, 89.49, "89,49")])) == 1


def test_lower_is_better_uses_the_inverse_formula():
    # inflation: target 4, realisation 2,52 -> (2*4-2,52)/4 = 137
    assert achievement_findings([perf("Laju inflasi", 4, 2.52, 137.0, "137,00")]) == []
    found = achievement_findings([perf("Laju inflasi", 4, 2.52, 100.0, "100,00")])
    assert found and found[0].expected == pytest.approx(137.0) and "lower is better" in found[0].detail


def test_capped_capaian_is_accepted():
    assert achievement_findings([perf("Persentase Y", 50, 80, 110.0, "110,00")]) == []


def budget(pagu, real, pct, pct_text, ach=None, eff=None, eff_text=None):
    return BudgetRow("f.pdf", 0, "Tabel 2", 1, 0, "Program X", None, "program", 2023, pagu, str(pagu), real, str(real),
                     pct, pct_text, ach, eff, eff_text, None, False)


def test_integer_percent_realisation_tolerated():
    assert budget_ratio_findings([budget(28718900, 26327400, 92, "92%")]) == []


def test_efficiency_formulas():
    assert efficiency_findings([budget(100, 90, 90.0, "90,00", ach=100.0, eff=10.0, eff_text="10,00")]) == []
    assert efficiency_findings([budget(100, 90, 90.0, "90,00", ach=100.0, eff=11.11, eff_text="11,11")]) == []
    found = efficiency_findings([budget(100, 90, 90.0, "90,00", ach=100.0, eff=0.0, eff_text="0")])
    assert found and found[0].expected == pytest.approx(10.0)
