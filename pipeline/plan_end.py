"""A capaian measured against the plan-end target is the capaian of no year (Readings settled 3).

Tables comparing this year's realisasi with the end of the Renstra / RPJMD print, beside the plan-end
target ("Target Akhir Renstra", "Tahun 2018 › Target"), a capaian of this year's realisasi against that
target ("Capaian Tahun 2016 terhadap Target Akhir Renstra (%)", or just "Capaian Kinerja (%)"). The
column model gives it the plan-end year, where no realisasi can exist yet. The values decide: where the
capaian is realisasi (of the row's latest earlier year) / the plan-end target × 100, the column is that
progress, not the year's capaian; the heading's words ("terhadap target akhir", "kemajuan") are evidence
too when the row prints no earlier realisasi to test.

In:  the performance records of one report, its fiscal year.
Out: the same records; in such a column the capaian number is set aside (achievement_pct None), its printed
     text kept, with a format note saying why: the value stays readable by a person, no year claims it.
"""
from __future__ import annotations

import re
from collections import defaultdict

from pipeline.checks.common import lower_is_better
from pipeline.models import PerformanceRecord

PLAN_END_NOTE = ("achievement: capaian against the plan-end target (realisasi of an earlier year / this target), "
                 "the capaian of no year: printed text kept, no number")
AGAINST_PLAN_END_WORDS = re.compile(r"\bterhadap\s+target\s+akhir\b|\btarget\s+akhir\b|\bakhir\s+(renstra|rpjmd|periode)\b|"
                                    r"\bkemajuan\b|\bthadap\s+rpjmd\b|\bterhadap\s+(renstra|rpjmd)\b", re.I)
"""Words of a capaian heading that measure against the plan end: "terhadap target akhir (Renstra)", "target
akhir", "akhir Renstra / RPJMD / periode", "(tingkat) kemajuan", "% Capaian … thadap RPJMD"."""
RELATIVE_TOLERANCE = 0.01
"""Relative gap between the printed capaian and realisasi / target × 100 still taken as agreement: reports
round the ratio, some from unrounded realisasi (86,5 printed for 56,03 / 65 = 86,2)."""
MIN_AGREEING_SHARE = 0.5
"""Share of a column's testable rows that must agree before the column is read as progress to the plan end:
a column of capaian of the year agrees on none (its own realisasi is missing), so half is a clear margin."""


def _agrees(capaian: float, realisation: float, target: float, lower: bool) -> bool:
    """In: a printed capaian, an earlier realisasi, the plan-end target. Out: True when the capaian is that
    realisasi against that target (× 100; for lower-is-better indicators also the inverse forms)."""
    if not target:
        return False
    ratios = [realisation / target * 100]
    if lower:
        ratios.append((2 * target - realisation) / target * 100)
        if realisation:
            ratios.append(target / realisation * 100)
    return any(abs(capaian - r) <= max(0.5, RELATIVE_TOLERANCE * abs(r)) for r in ratios)


def _column_key(r: PerformanceRecord) -> tuple:
    return r.prov.source_file, r.prov.table_index, r.column_paths.get("achievement")


def set_aside_plan_end_capaian(records: list[PerformanceRecord], fiscal_year: int | None) -> None:
    """In: one report's performance records; its fiscal year. Out: None; the capaian of a column measured
    against the plan-end target (see the module) are set aside, their text kept and noted."""
    if fiscal_year is None:
        return
    earlier: dict[tuple, PerformanceRecord] = {}  # (file, table, row) -> the latest record of a year up to the fiscal year with a realisasi
    for r in records:
        key = (r.prov.source_file, r.prov.table_index, r.prov.row_index)
        if r.year is not None and r.year <= fiscal_year and r.realization is not None:
            if key not in earlier or (earlier[key].year or 0) < r.year:
                earlier[key] = r
    candidates: dict[tuple, list[PerformanceRecord]] = defaultdict(list)
    for r in records:
        if (r.year is not None and r.year > fiscal_year and r.achievement_pct is not None and r.realization is None
                and r.target is not None and r.column_paths.get("achievement")):
            candidates[_column_key(r)].append(r)
    for key, column in candidates.items():
        tested = agreeing = 0
        for r in column:
            before = earlier.get((r.prov.source_file, r.prov.table_index, r.prov.row_index))
            if before is None or before.realization is None or r.target is None or r.achievement_pct is None:
                continue
            tested += 1
            agreeing += _agrees(r.achievement_pct, before.realization, r.target, lower_is_better(r.indicator, r.target_text))
        by_values = tested > 0 and agreeing >= MIN_AGREEING_SHARE * tested
        by_words = tested == 0 and AGAINST_PLAN_END_WORDS.search(str(key[2] or "")) is not None
        if not (by_values or by_words):
            continue
        for r in column:
            r.achievement_pct = None
            r.format_notes = [n for n in r.format_notes if not n.startswith("achievement:")] + [PLAN_END_NOTE]
