"""Amounts a budget row could not have meant (pipeline.checks.amount_slips), on invented plan tables: a
digit typed too many or too few in a yearly series, and a count typed in the Rupiah column."""
from __future__ import annotations

from pipeline.checks.amount_slips import amount_slip_findings, digit_edits, series_slips
from pipeline.checks.common import BudgetRow


def _row(row: int, name: str, year: int, pagu: float, table: int = 3) -> BudgetRow:
    return BudgetRow("plan.pdf", table, "Tabel 6.9", 40, row, name, None, "kegiatan", year, pagu,
                     f"{pagu:,.0f}", None, None, None, None, None, None, None, None, False)


def _plan(first: float, rate: float) -> list[float]:
    """A plan's amounts for 2021-2026, growing by `rate` a year, to the Rupiah."""
    return [float(round(first * rate ** k)) for k in range(6)]


def test_one_digit_more_and_one_fewer_are_the_edits():
    edits = {amount for amount, _ in digit_edits(1205)}
    assert {205, 105, 125, 120} <= edits and {12005, 11205, 12050} <= edits
    assert all(not str(int(a)).startswith("0") for a in edits)


def test_a_digit_typed_twice_in_a_growing_plan_is_a_slip():
    amounts = _plan(412_300_000, 1.10)
    printed = amounts.copy()
    printed[3] = float(str(int(amounts[3]))[:2] + "7" + str(int(amounts[3]))[2:])  # a 7 typed into 2024's amount
    slips = series_slips(dict(zip(range(2021, 2027), printed)))
    assert [(s.year, s.meant, s.edit) for s in slips] == [(2024, amounts[3], "one digit more")]


def test_a_digit_dropped_is_a_slip_and_a_real_jump_is_not():
    amounts = _plan(1_213_000_000, 1.05)
    dropped = amounts.copy()
    dropped[2] = float(str(int(amounts[2]))[:3] + str(int(amounts[2]))[4:])
    assert [(s.year, s.meant) for s in series_slips(dict(zip(range(2021, 2027), dropped)))] == [(2023, amounts[2])]
    jump = amounts.copy()
    jump[2] = 9_870_000_000.0  # a new building: eight times the trend, no digit edit away from it
    assert series_slips(dict(zip(range(2021, 2027), jump))) == []


def test_a_series_of_two_years_or_unsteady_neighbours_tells_nothing():
    assert series_slips({2021: 100_000_000.0, 2022: 1_100_000_000.0}) == []
    # the two years around the suspect disagree with each other (a tripling): no trend to lean on
    assert series_slips({2021: 100_000_000.0, 2022: 3_000_000_000.0, 2023: 330_000_000.0}) == []


def test_findings_name_the_printed_and_the_meant_amount():
    amounts = _plan(500_000_000, 1.10)
    printed = amounts.copy()
    printed[4] = float(str(int(amounts[4]))[:5] + "0" + str(int(amounts[4]))[5:])  # a 0 typed into 2025's amount
    rows = [_row(0, "Kegiatan Gama", y, a) for y, a in zip(range(2021, 2027), printed)]
    found = amount_slip_findings(rows)
    assert [(f.rule, f.subject, f.reported, f.expected) for f in found] == [
        ("format_anomaly", "Kegiatan Gama pagu (2025)", printed[4], amounts[4])]


def test_a_count_in_the_rupiah_column_of_a_table_of_millions():
    rows = [_row(0, "Kegiatan Delta", y, a) for y, a in zip(range(2021, 2024), (320_000_000, 352_000_000, 387_200_000))]
    rows += [_row(1, "Program Epsilon", y, 25.0) for y in range(2021, 2024)]
    found = amount_slip_findings(rows)
    assert [(f.subject, f.reported, f.expected) for f in found] == [("Program Epsilon pagu (2021-2023)", 25.0, None)]
    # the same small numbers in a table of small numbers (amounts printed in millions) are no finding
    small = [_row(0, "Kegiatan Delta", y, a) for y, a in zip(range(2021, 2024), (320.0, 352.0, 387.2))]
    assert amount_slip_findings(small + rows[3:]) == []


def test_the_slip_copied_into_the_next_year_leans_on_the_steady_years_before():
    """2025 lost a digit and 2026 repeats 2025 as printed: the pair around 2025 disagrees, so the trend of
    2023-2024 predicts it; 2026, two digits' worth of edits away, is left to the reader."""
    amounts = _plan(1_000_000_000, 1.10)
    printed = amounts[:4] + [float(str(int(amounts[4]))[:2] + str(int(amounts[4]))[3:])] * 2
    slips = series_slips(dict(zip(range(2021, 2027), printed)))
    assert [(s.year, s.meant) for s in slips] == [(2025, amounts[4])]


def test_a_plan_that_steps_up_tenfold_is_no_slip():
    """5.000.000 a year for two years, then 50.000.000 a year: as many years print each amount, so neither
    half is the other's slip."""
    assert series_slips({2023: 5e6, 2024: 5e6, 2025: 5e7, 2026: 5e7}) == []
