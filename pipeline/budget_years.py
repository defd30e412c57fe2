"""Budget tables laid out by year: one column of amounts per year, no role word over them.

An agency's budget over several years is often printed as "No | Kewenangan / Program | 2012 | 2013 |
… | 2016" under a caption or heading that names the money ("Anggaran Pendapatan dan Belanja Negara …",
"Alokasi APBD", "Pagu Anggaran (Rp)"). The year headings say nothing of the role; the caption says the
table is a budget, and the cells are Rupiah amounts: each year's column holds that year's ceiling.

A scale word over such a run ("Tahun (ribu)") applies to its amounts, but a year the agency printed
in full Rupiah under the same heading stays as printed: its amounts would otherwise come out about
a thousand times those of the other years.

In:  a `RawTable` and its `ColumnRole`s after the header words (changed in place); for the rows
     stage, the parsed amount columns of a table.
Out: the bare year columns given the role "pagu" (their year kept), when the caption or their
     headings name a budget and their amounts are Rupiah-sized; a scaled column printed in full
     unscaled again; otherwise nothing changes.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import PATH_SEP, text_of
from normalizers.numbers import SCALE_WORDS, ParsedNumber, parse_column
from pipeline.lexicon import YEAR_CELL
from pipeline.models import RawTable

# A caption or heading that names money: a ceiling, an allocation, a budget of the region or the state,
# funding ("Kerangka Pendanaan": a plan's funding framework).
BUDGET_NAMES = re.compile(r"\b(anggaran|pagu|alokasi|apbd|apbn|belanja|dpa|pendanaan)\b", re.IGNORECASE)
# Rupiah amounts of a ceiling run to hundreds of thousands and more (counts and percentages do not).
RUPIAH_MAGNITUDE = 1e5
# The year columns of a budget: two years at least, most of their cells amounts.
MIN_YEARS = 2
AMOUNT_SHARE = 0.6
# Columns of money, whose heading's scale word ("ribu", "juta") applies even without "Rp".
AMOUNT_ROLES = {"pagu", "pagu_initial", "budget_realization"}
# A year's amounts this many times the median of the other years' under one scale word: printed in
# full, not in the heading's unit (budgets of one office do not grow a hundredfold in a year).
PRINTED_IN_FULL_RATIO = 100


def _amounts(table: RawTable, j: int) -> bool:
    texts: list[str | None] = [text_of(row[j]) if j < len(row) else "" for row in table.body]
    filled = [t for t in texts if t]
    values = [p.value for p in parse_column(texts) if p.value is not None]
    return bool(filled) and len(values) >= AMOUNT_SHARE * len(filled) and \
        sorted(abs(v) for v in values)[len(values) // 2] >= RUPIAH_MAGNITUDE


def budget_year_columns(columns: list, table: RawTable) -> None:
    """Bare year columns without a role, in a table whose caption or headings name a budget and whose
    year cells are Rupiah amounts, are the ceilings (pagu) of those years."""
    if any(c.role in ("target", "realization", "achievement", "pagu", "pagu_initial", "budget_realization")
           for c in columns):
        return  # the words already name the value columns
    years = [c for c in columns if c.role == "other" and c.year is not None
             and YEAR_CELL.fullmatch(c.path.split(PATH_SEP)[-1])]
    if len(years) < MIN_YEARS:
        return
    named = BUDGET_NAMES.search(table.caption or "") or any(BUDGET_NAMES.search(c.path) for c in years)
    if named and all(_amounts(table, c.index) for c in years):
        for c in years:
            c.role = "pagu"


# The largest ministries of Indonesia spend 150-200 trillion Rupiah a year (public works, defence: about
# 150 T in 2024) out of a state budget of 3.325 T: the usual row of any agency's table (a program, a
# kegiatan, a five-year total) is below it, while figures printed in full read as millions exceed it
# (a kegiatan of 48.114.709.000 Rp read as 48 quadrillion).
LARGEST_MINISTRY_RP = 2e14


def _median(values: list[float]) -> float:
    ordered = sorted(abs(v) for v in values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def printed_in_full(parsed: dict[int, list[ParsedNumber]], columns: list) -> dict[int, list[ParsedNumber]]:
    """Scaled amount columns of one table read as printed (the scale word of the heading was not meant
    for them): a column whose amounts are PRINTED_IN_FULL_RATIO times the median of the others', and
    any column whose amounts, scaled, would be beyond any agency's budget (`beyond_any_budget`)."""
    scaled = [c.index for c in columns if c.role in AMOUNT_ROLES
              and any(p.scale is not None and p.value is not None for p in parsed.get(c.index, []))]
    medians = {j: _median([p.value for p in parsed[j] if p.value is not None]) for j in scaled}
    out = dict(parsed)
    for j in scaled:
        others = _median([m for k, m in medians.items() if k != j])
        relative = len(scaled) >= MIN_YEARS and others and medians[j] >= PRINTED_IN_FULL_RATIO * others
        if relative or beyond_any_budget(medians[j]):
            out[j] = [_unscaled(p) for p in parsed[j]]
    return out


def beyond_any_budget(median_amount: float) -> bool:
    """The median amount of a column, in Rupiah, above the largest ministry's budget of a year
    (LARGEST_MINISTRY_RP): read through a heading's "Rp (juta)", the column's usual row would spend more
    than any agency of the state, so its figures were printed in full."""
    return median_amount > LARGEST_MINISTRY_RP


def _unscaled(p: ParsedNumber) -> ParsedNumber:
    if p.scale is None or p.value is None:
        return p
    factor = SCALE_WORDS.get(p.scale, 1.0)

    def back(v: float | None) -> float | None:
        return None if v is None else v / factor

    return replace(p, value=back(p.value), alternative=back(p.alternative), lower=back(p.lower),
                   upper=back(p.upper), scale=None)
