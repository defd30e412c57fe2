"""Scale legends: tables that say how a capaian or a score is graded, not what was measured.

LKjIP chapters print the grading scale before the results: "Amat Baik | 86 ≤ 100", "Baik | 71 ≤
85", …, "Kurang | ≤ 55" (categories of capaian), a predikat scale ("AA | > 90 -
100"), an IKM interval table ("A | 88,31 - 100,00 | Sangat Baik"). Read as a measurement table, each
grade becomes an indicator whose capaian is the lower bound of its band. The values say what the
table is: every value the table's rows print is a band (two bounds, "71 - 85", "71 ≤ 85", "71 s/d 85")
or a one-sided bound ("≤ 50", "> 90"), at least two rows print a two-bound band, and the bands, put
in order, do not overlap: they share the scale out between the grades. A target printed as a bound
("≤ 7,82", Readings settled 5) is a target, and a table of indicators with such targets also prints
point values, so it is no legend.

In:  the `PerformanceRecord`s of one report.
Out: the records of other tables, and one `RejectedRow` (reason `SCALE_LEGEND`) per record of a legend
     table: the rows stay in the extracted JSON with the reason, and the table keeps its cells in
     `source_tables`; no indicator values come from it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from normalizers.numbers import parse_number
from pipeline.models import PerformanceRecord, RejectedRow, RejectReason

# A number as the bands print it: "91", "88,31", "3.5324".
_NUMBER = r"\d+(?:[.,]\d+)*"
# A band between two bounds: "71 - 85", "71 – 85", "71 ≤ 85", "71 < x ≤ 85", "71 s/d 85", "71 s.d. 85",
# "71 sampai 85", with an optional comparison in front ("> 90 - 100", "≥ 91 – 100") and a percent sign.
TWO_BOUNDS = re.compile(
    rf"^\s*[<>≤≥=]?\s*(?P<low>{_NUMBER})\s*%?\s*"
    rf"(?:-|–|—|≤|<|<=|s\s*/\s*d\.?|s\.\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*"
    rf"(?:x\s*(?:≤|<|<=)\s*)?(?P<high>{_NUMBER})\s*%?\s*$", re.IGNORECASE)
# A one-sided bound: "≤ 50", "< 50", "> 90", ">= 90", "kurang dari 50", "lebih dari 90".
ONE_BOUND = re.compile(rf"^\s*(?:[<>≤≥]=?|kurang\s+dari|lebih\s+dari)\s*{_NUMBER}\s*%?\s*$", re.IGNORECASE)
# A legend grades the scale in a few bands: at least this many rows print two bounds (one row with a
# band beside one-sided bounds is a target range, not a scale).
MIN_BANDS = 2
# Bands that share a scale out may touch (90 and 91 with integer grades, 90,00 and 90,01): a band may
# start at most this far below the end of the one before it without overlapping it, in the units of
# the scale (half a point covers "71 - 85 / 85 - 100" printed with a shared bound).
TOUCHING = 0.5


@dataclass(frozen=True)
class Band:
    low: float
    high: float


def printed_values(record: PerformanceRecord) -> list[str]:
    """The texts the record's value cells print (target, realisasi, capaian), blanks and dashes aside."""
    texts = (record.target_text, record.realization_text, record.achievement_text)
    return [t.strip() for t in texts if t and t.strip() and t.strip() not in {"-", "–"}]


def band_of(text: str) -> Band | None:
    """The band a cell prints between two bounds, lower first, else None."""
    match = TWO_BOUNDS.match(text)
    if not match:
        return None
    low, high = parse_number(match["low"]).value, parse_number(match["high"]).value
    if low is None or high is None or low == high:
        return None
    return Band(min(low, high), max(low, high))


def bands_share_a_scale(bands: list[Band]) -> bool:
    """The bands, put in order, do not overlap: each starts where the one below it ends, or above."""
    ordered = sorted(bands, key=lambda b: (b.low, b.high))
    return all(upper.low >= lower.high - TOUCHING for lower, upper in zip(ordered, ordered[1:]))


def is_scale_legend(records: list[PerformanceRecord]) -> bool:
    """The records of one table print bands and bounds only, two bands at least, sharing one scale out."""
    values = [printed_values(r) for r in records]
    if not all(values):
        return False
    texts = [t for printed in values for t in printed]
    read = [band_of(t) for t in texts]  # each cell read once: a band, or None
    if not all(band is not None or ONE_BOUND.match(t) for t, band in zip(texts, read)):
        return False
    bands = [band for band in read if band is not None]
    return len(bands) >= MIN_BANDS and bands_share_a_scale(bands)


def set_aside_scale_legends(records: list[PerformanceRecord]) -> tuple[list[PerformanceRecord], list[RejectedRow]]:
    """The records of tables that are not legends, and the legends' rows set aside with their reason."""
    by_table: dict[tuple[int | None, str | None], list[PerformanceRecord]] = defaultdict(list)
    for record in records:
        if record.prov.table_index is not None:
            by_table[(record.prov.table_index, record.prov.table_label)].append(record)
    legends = {key for key, rows in by_table.items() if is_scale_legend(rows)}
    kept: list[PerformanceRecord] = []
    rejected: list[RejectedRow] = []
    for record in records:
        if (record.prov.table_index, record.prov.table_label) in legends:
            rejected.append(RejectedRow(RejectReason.SCALE_LEGEND, record.prov.table_label, record.prov.page,
                                        record.prov.row_index, record.indicator))
        else:
            kept.append(record)
    return kept, rejected
