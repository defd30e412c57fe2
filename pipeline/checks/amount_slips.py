"""Amounts a budget row could not have meant: a digit typed too many or too few in a plan's yearly
amounts, and a count typed where Rupiah belong.

In:  the budget rows (`BudgetRow`) of the database.
Out: format_anomaly `Finding`s, each with the amount as printed (reported), the amount it most likely
     meant where the values say it (expected, else None), and the reasoning in words.

Two structures, both decided by the values, never by a name:
  - **A digit slip in a yearly series.** A Renstra prints each program's and kegiatan's ceiling for five
    or six years, growing at a steady rate (often a fixed 5 or 10 % a year). An amount typed with one
    digit too many or too few is about ten times off the years around it. It is flagged when it is at
    least OFF_BY times off what the row's nearest two other years predict (those two agreeing with each
    other: STEADY), and one digit added to or removed from its printed digits gives an amount within FIT
    of the prediction, and fewer years print about the printed amount than about the predicted one (a row
    that steps from 5.000.000 a year to 50.000.000 a year is a plan that changed, not a slip). A real jump
    of a budget (a building, a new programme) is rarely one digit edit away from the trend, so it is left
    alone.
  - **A count in the Rupiah column.** No line of an agency's budget is under RUPIAH_FLOOR; a row whose
    amounts all are, printed as bare digits (BARE_COUNT), in a table whose other rows print millions
    (MILLIONS), holds a number of something else (a target typed into the Rupiah cell, digits lost in a
    scan). One finding per row, all its years, at level info: the number is as printed, only implausible.
"""
from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass

from pipeline.checks.common import BudgetRow, fmt
from pipeline.models import Finding

RULE = "format_anomaly"
# At least this many times off its prediction: a digit more or fewer makes about ten times; a budget that
# triples from one year to the next is a plan, not a slip.
OFF_BY = 5.0
# The slip's corrected amount is within this share of the prediction: plans grow by a fixed rate printed to
# the Rupiah, so the right digit edit lands on the trend almost exactly; any looser and one of the many
# edits of a long number would land near the trend by chance.
FIT = 0.02
# The two years the prediction rests on differ by at most this factor per year between them: a steady plan.
STEADY = 2.0
# Yearly amounts a row needs before its series says anything: the suspect and two others.
SERIES_YEARS = 3
# No line of an agency's budget is below a thousand Rupiah.
RUPIAH_FLOOR = 1_000.0
# The other rows of the table print amounts of at least a million Rupiah (their median does).
MILLIONS = 1_000_000.0
# A count as typed: digits alone ("40"). A cell holding more ("021) 825.000.000": the end of a name and an
# amount read as one cell) is a reading of ours gone wrong, not a number the agency printed.
BARE_COUNT = re.compile(r"\s*\d{1,3}\s*")


@dataclass(frozen=True)
class Slip:
    """One amount of a series that a one-digit edit puts back on its row's trend."""
    year: int
    printed: float
    meant: float
    predicted: float
    edit: str  # "one digit more" / "one digit fewer"


def digit_edits(amount: float) -> list[tuple[float, str]]:
    """In: a whole amount. Out: every amount one digit away from its digits, with the edit in words: each
    digit removed (the amount was typed with one digit more), each digit 0-9 added at each place (one digit
    fewer); no edit that leaves a leading zero."""
    digits = str(int(round(amount)))
    out: list[tuple[float, str]] = []
    for i in range(len(digits)):
        shorter = digits[:i] + digits[i + 1:]
        if shorter and not shorter.startswith("0"):
            out.append((float(shorter), "one digit more"))
    for i in range(len(digits) + 1):
        for d in "0123456789":
            longer = digits[:i] + d + digits[i:]
            if not longer.startswith("0"):
                out.append((float(longer), "one digit fewer"))
    return out


def _prediction(year: int, series: dict[int, float]) -> float | None:
    """The amount a steady trend of the row's other years gives `year`: of the pairs of other years, the
    nearest pair (least distance to `year` in all) whose growth per year is within STEADY, on the straight
    line through their logarithms; None when no pair is steady. A pair holding a slip of its own is not
    steady, so the next pair stands in ("2024, 2026" when 2026 repeats the slipped 2025)."""
    others = [y for y in series if y != year and series[y] > 0]
    pairs = sorted(itertools.combinations(sorted(others), 2),
                   key=lambda p: (abs(p[0] - year) + abs(p[1] - year), p))
    for a, b in pairs:
        growth = (math.log(series[b]) - math.log(series[a])) / (b - a)
        if abs(growth) <= math.log(STEADY):
            return math.exp(math.log(series[a]) + growth * (year - a))
    return None


def _years_near(amount: float, series: dict[int, float]) -> int:
    """How many years of the row print an amount within a factor STEADY of `amount`."""
    return sum(1 for v in series.values() if v > 0 and max(v / amount, amount / v) <= STEADY)


def series_slips(series: dict[int, float]) -> list[Slip]:
    """In: one row's amount per year. Out: the years whose amount is a digit slip (module docstring)."""
    if len([v for v in series.values() if v > 0]) < SERIES_YEARS:
        return []
    out = []
    for year, amount in sorted(series.items()):
        predicted = _prediction(year, series)
        if amount <= 0 or predicted is None or max(amount / predicted, predicted / amount) < OFF_BY:
            continue
        meant, edit = min(digit_edits(amount), key=lambda e: abs(e[0] / predicted - 1))
        if abs(meant / predicted - 1) <= FIT and _years_near(amount, series) < _years_near(predicted, series):
            out.append(Slip(year, amount, meant, predicted, edit))
    return out


def _slip_finding(row: BudgetRow, slip: Slip) -> Finding:
    detail = (f"pagu {row.pagu_text or fmt(slip.printed, 0)} printed for {slip.year}, but the row's other years "
              f"give about {fmt(slip.predicted, 0)}; with {slip.edit} it would read {fmt(slip.meant, 0)}, "
              f"on that trend: a digit typed {'too many' if slip.edit == 'one digit more' else 'too few'}?")
    return Finding(row.source_file, row.table_label, row.page, RULE, "warning", f"{row.name} pagu ({slip.year})",
                   slip.printed, slip.meant, detail, row.table_index, row.row_index)


def _count_finding(rows: list[BudgetRow], table_median: float) -> Finding:
    years = sorted(r.year for r in rows if r.year is not None)
    span = f"{years[0]}-{years[-1]}" if len(years) > 1 else f"{years[0] if years else ''}"
    first = rows[0]
    printed = ", ".join(sorted({r.pagu_text or fmt(r.pagu, 0) for r in rows}))
    detail = (f"pagu printed {printed} Rupiah, while the table's other rows print amounts of about "
              f"{fmt(table_median, 0)}: no budget line is under {fmt(RUPIAH_FLOOR, 0)} Rupiah, so this is a number "
              f"of something else (a target typed in the Rupiah cell, digits lost) kept as printed")
    return Finding(first.source_file, first.table_label, first.page, RULE, "info", f"{first.name} pagu ({span})",
                   first.pagu, None, detail, first.table_index, first.row_index)


def _series_by_row(rows: list[BudgetRow]) -> dict[tuple, list[BudgetRow]]:
    """The non-total rows with a pagu, grouped by (file, table, row): one row's years."""
    by_row: dict[tuple, list[BudgetRow]] = defaultdict(list)
    for r in rows:
        if r.pagu is not None and r.year is not None and not r.is_total and r.table_index is not None:
            by_row[(r.source_file, r.table_index, r.row_index)].append(r)
    return by_row


def amount_slip_findings(rows: list[BudgetRow]) -> list[Finding]:
    """format_anomaly findings of both structures (module docstring) over every budget row."""
    out: list[Finding] = []
    by_row = _series_by_row(rows)
    table_amounts: dict[tuple, list[float]] = defaultdict(list)
    for (file, table, _), members in by_row.items():
        table_amounts[(file, table)] += [r.pagu for r in members if r.pagu and r.pagu >= RUPIAH_FLOOR]
    table_median = {key: statistics.median(amounts) for key, amounts in table_amounts.items() if amounts}
    for (file, table, _), members in by_row.items():
        if any(c.isalpha() for c in members[0].name) and all(
                r.pagu is not None and 0 < r.pagu < RUPIAH_FLOOR and BARE_COUNT.fullmatch(r.pagu_text or "")
                for r in members):  # a row named by a number alone is a numbering row misread, not a budget line
            median = table_median.get((file, table))
            if median is not None and median >= MILLIONS:
                out.append(_count_finding(members, median))
            continue
        by_year = {r.year: r for r in members if r.year is not None}
        series = {y: r.pagu for y, r in by_year.items() if r.pagu is not None}
        out += [_slip_finding(by_year[s.year], s) for s in series_slips(series)]
    return out
