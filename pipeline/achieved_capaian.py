"""A "Capaian" column that prints the achieved quantity, not a share of the target (Readings settled 1).

Many reports head the achieved value "Capaian": "Jumlah Laporan › Target | Capaian" with 20 | 17,
"Target | Capaian" with "3,00 Indeks" | "3,12 Indeks". The word says capaian; the values say realisasi:
they are in the target's unit and scale. Words are evidence, values decide.

In:  a table's `ColumnRole`s (after the header words and year groups gave them) and its `RawTable`.
Out: the achievement column turned into the realization of the same year where its values show it
     holds the achieved quantity (changed in place), and one sentence of evidence per change.

Evidence, any one of which decides (counted on the rows where both cells print a number):
- unit: the capaian cells print the same non-percent unit word as the target cells ("Indeks", "Orang");
- total: the column's total row is the sum of the rows above it (shares of a target do not add up);
- scale: the value follows the target row by row (value / target within `TRACKS`) on most rows, on
  targets far from 100 where a share of the target would be implausibly small or large;
- count heading: target and capaian sit under one spanning heading that names a count ("Jumlah
  Laporan › Target | Capaian") and the value follows the target on every row (a one-row table too).
- band: the other years under the same heading as a year read so ("Capaian Kinerja › 2021 | 2022 | 2023"), or the
  band's years weighed together against the table's one target (`_band_of_years`).
Never applied when the table has a realisasi column of the same year (then capaian is what it says),
or when the cells print "%" beside targets printed in percent (both readings stay open: the word decides).
"""
from __future__ import annotations

import re

from extractors.grid import PATH_SEP, text_of
from normalizers.levels import level_from_name
from normalizers.numbers import ParsedNumber, parse_column
from pipeline.models import RawTable

# A realisasi is usually within half and one and a half times its target; a share of the target near
# the target's own number (17 % achieved of a target 20) happens by chance on a row, not on most rows.
TRACKS = (0.5, 1.5)
# The scale evidence needs this share of the numeric rows to follow the target, on at least
# MIN_TRACKING rows, and at least MIN_TELLING rows whose target is below FAR_BELOW or above FAR_ABOVE
# (targets near 100 tell nothing: 95 achieved of 100 and 95 % of 100 look alike).
TRACKING_SHARE = 0.8
MIN_TRACKING = 2
MIN_TELLING = 2
FAR_BELOW, FAR_ABOVE = 40.0, 250.0
# A printed total equals the sum of the rows within the rounding of the printed numbers.
SUM_TOLERANCE = 0.51
MIN_SUMMED = 2
# A spanning heading that names what is counted ("Jumlah Peserta", "Jumlah Dokumen"): both leaves under it
# are numbers of that thing.
COUNT_HEADING = re.compile(r"^\s*jumlah\b", re.IGNORECASE)


def _cells(table: RawTable, j: int) -> list[ParsedNumber]:
    texts: list[str | None] = [text_of(row[j]) if j < len(row) else "" for row in table.body]
    return parse_column(texts)


def _is_total(table: RawTable, i: int, name_columns: list[int]) -> bool:
    row = table.body[i]
    return any(level_from_name(text_of(row[j])) == "total"
               for j in range(min(len(row), (max(name_columns, default=0) + 1))))


def _percent(cell: ParsedNumber) -> bool:
    return cell.kind == "percent" or "%" in cell.printed


def same_unit_evidence(targets: list[ParsedNumber], values: list[ParsedNumber]) -> str | None:
    """The capaian cells print the target's own unit word (not "%") on most rows that print one."""
    pairs = [(t.unit_tail.lower(), v.unit_tail.lower()) for t, v in zip(targets, values)
             if t.value is not None and v.value is not None and t.unit_tail and v.unit_tail]
    same = [t for t, v in pairs if t == v and "%" not in t and "persen" not in t]
    if pairs and len(same) >= max(1, TRACKING_SHARE * len(pairs)):
        return f"its cells print the target's unit \"{same[0]}\""
    return None


def additive_total_evidence(values: list[ParsedNumber], totals: list[int]) -> str | None:
    """A total row whose value is the sum of the rows above it, since the previous total."""
    start = 0
    for i in totals:
        above = [v.value for v in values[start:i] if v.value is not None]
        total = values[i].value
        start = i + 1
        if total is None or len(above) < MIN_SUMMED or abs(sum(above)) < 1e-9:
            continue
        if abs(sum(above) - total) <= SUM_TOLERANCE and not all(abs(a - 100) < 1e-9 for a in above):
            return f"its total row ({values[i].printed}) is the sum of the {len(above)} rows above it"
    return None


def scale_evidence(targets: list[ParsedNumber], values: list[ParsedNumber], totals: list[int]) -> str | None:
    """The value follows the target row by row, on targets where a share would be implausible."""
    rows = [(t.value, v.value) for i, (t, v) in enumerate(zip(targets, values))
            if i not in totals and t.value and v.value is not None and not _percent(t)]
    if not rows:
        return None
    tracking = [(t, v) for t, v in rows if TRACKS[0] <= v / t <= TRACKS[1]]
    telling = [t for t, _ in tracking if t < FAR_BELOW or t > FAR_ABOVE]
    if (len(tracking) >= max(MIN_TRACKING, TRACKING_SHARE * len(rows)) and len(telling) >= MIN_TELLING):
        return f"its values follow the target row by row ({len(tracking)} of {len(rows)} rows within " \
               f"{TRACKS[0]}-{TRACKS[1]} x the target, {len(telling)} of them on targets far from 100)"
    return None


def count_heading_evidence(target_path: str, capaian_path: str, targets: list[ParsedNumber],
                           values: list[ParsedNumber], totals: list[int]) -> str | None:
    """Both columns under one heading naming a count, and the value following the target on every row."""
    parent = target_path.split(PATH_SEP)[:-1]
    if not parent or parent != capaian_path.split(PATH_SEP)[:-1] or not COUNT_HEADING.match(parent[-1]):
        return None
    rows = [(t.value, v.value) for i, (t, v) in enumerate(zip(targets, values))
            if i not in totals and t.value and v.value is not None and not _percent(t) and not _percent(v)]
    if rows and all(TRACKS[0] <= v / t <= TRACKS[1] for t, v in rows):
        return f"it sits with the target under \"{parent[-1]}\" and follows the target on all {len(rows)} rows"
    return None


def achieved_quantity_capaian(columns: list, table: RawTable) -> list[str]:
    """Turn each capaian column that holds the achieved quantity into the realisasi of its year.
    In: the table's ColumnRoles (changed in place), the table. Out: the evidence of each change."""
    evidence: list[str] = []
    name_columns = [c.index for c in columns if c.role in ("no", "indicator", "sasaran", "program", "tujuan")]
    totals = [i for i in range(len(table.body)) if _is_total(table, i, name_columns)]
    flipped: list = []
    for ach in [c for c in columns if c.role == "achievement"]:
        if any(c.role == "realization" and c.year == ach.year for c in columns):
            continue
        target = next((c for c in columns if c.role == "target" and c.year == ach.year), None)
        if target is None:
            continue
        targets, values = _cells(table, target.index), _cells(table, ach.index)
        reason = (same_unit_evidence(targets, values) or additive_total_evidence(values, totals)
                  or scale_evidence(targets, values, totals)
                  or count_heading_evidence(target.path, ach.path, targets, values, totals))
        if reason is None:
            continue
        ach.role = "realization"
        flipped.append(ach)
        evidence.append(f"column {ach.index} \"{ach.path}\": read as the realisasi, not a capaian in percent: {reason}")
    evidence += _band_of_years(columns, table, totals, flipped)
    return evidence


def _heading_above(column) -> list[str]:
    return column.path.split(PATH_SEP)[:-1]


# A band's leaf: a year and nothing else ("2029"); "Capaian 2029 (%)" says what it holds itself.
BARE_YEAR_LEAF = re.compile(r"\s*(?:19|20)\d\d\s*")


def _bare_year(column) -> bool:
    return bool(BARE_YEAR_LEAF.fullmatch(column.path.split(PATH_SEP)[-1]))


def _targets_of_band(columns: list, members: list) -> list:
    """The target columns a band of years is weighed against: the table's one target, or, beside a target of
    another year (the plan's end: "Target Akhir Renstra (2029)"), the targets of the band's own years."""
    targets = [c for c in columns if c.role == "target"]
    if len(targets) <= 1:
        return targets
    years = {c.year for c in members}
    return [c for c in targets if c.year in years]


def _band_of_years(columns: list, table: RawTable, totals: list[int], flipped: list) -> list[str]:
    """The other years of a band ("Capaian Kinerja › 2021 | 2022 | 2023") hold what its read year holds: one
    heading over several years names one quantity. When no year of the band was read, the band's values are
    weighed together against the table's one target column (a comparison of years prints this year's target
    only): the years before follow it as closely as this year's realisasi does (not when a year of the band has a
    realisasi column of its own: then the band is what it says); beside a plan's end target, against the target of
    the band's own year (`_targets_of_band`). A band's leaves are bare years (`_bare_year`).
    `flipped`: the columns the values already read as realisasi. Out: the evidence."""
    evidence: list[str] = []
    capaian = [c for c in columns if c.role == "achievement" and c.year is not None and _heading_above(c)
               and _bare_year(c)]
    bands: dict[tuple[str, ...], list] = {}
    for c in capaian:
        bands.setdefault(tuple(_heading_above(c)), []).append(c)
    for heading, members in bands.items():
        read = [c for c in flipped if tuple(_heading_above(c)) == heading and c.year is not None]
        if not read:
            targets = _targets_of_band(columns, members)
            realised_years = {c.year for c in columns if c.role == "realization"}
            if len(targets) != 1 or len(members) < 2 or any(c.year in realised_years for c in members):
                continue
            target_cells = _cells(table, targets[0].index)
            pooled_targets = [t for _ in members for t in target_cells]
            pooled_values = [v for c in members for v in _cells(table, c.index)]
            pooled_totals = [k * len(target_cells) + i for k in range(len(members)) for i in totals]
            reason = scale_evidence(pooled_targets, pooled_values, pooled_totals)
            if reason is None:
                continue
            reason = f"the band's years weighed together against \"{targets[0].path}\": {reason}"
        else:
            reason = f"its band's year {read[0].year} (column {read[0].index}) was read as the realisasi"
        for c in members:
            if any(o.role == "realization" and o.year == c.year for o in columns):
                continue
            c.role = "realization"
            evidence.append(f"column {c.index} \"{c.path}\": read as the realisasi, not a capaian in percent: "
                            f"under \"{' › '.join(heading)}\", {reason}")
    return evidence
