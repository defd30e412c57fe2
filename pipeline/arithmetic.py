"""Column roles from the arithmetic the table's rows satisfy, where the header words leave them open.

A measurement table must satisfy capaian = realisasi / target × 100 on most rows, a budget table
% = realisasi / pagu × 100. When three numeric columns satisfy that identity on most rows, they are
(target, realisasi, capaian) or (pagu, realisasi anggaran, %), whatever their headings say: a lost
heading, a sub-heading misplaced by out-of-line rulings ("ANGGARAN › Rp." over the spending), two
columns that got the same role from one spanning heading.

In:  a `RawTable` and the `ColumnRole`s the header words gave (changed in place).
Out: the `RoleDecision`s taken, each with its evidence (the columns, the identity, how many rows
     agree), kept in the table's `TableLayout.evidence` and in the extracted JSON.
The numbers win only where the words are missing or contradict themselves (a role given twice in one
year, a column with no role, a budget role beside performance values); a consistent reading of the
words is never overturned.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations

from extractors.grid import text_of
from normalizers.numbers import parse_column
from pipeline.lexicon import REMAINDER
from pipeline.models import RawTable

# Rows must agree within the rounding of a printed percentage: truncated or rounded to a whole
# percent (the widest printing seen), or within 1 % of the value for large percentages.
ABSOLUTE_TOLERANCE = 0.6
RELATIVE_TOLERANCE = 0.01
# An identity is evidence when it holds on at least this share of the rows where all three cells
# are numbers, and on at least MIN_AGREEING rows (one agreeing row can be chance).
MIN_AGREEMENT = 0.6
MIN_AGREEING = 2
# Three columns with no heading at all (lost in OCR, or a table without header) need more rows:
# counts in a statistics table meet the identity by chance on a row or two.
MIN_AGREEING_UNNAMED = 3
# Tesseract reads a clean printed number with a confidence of 95 and more; below this, a digit of it may
# be misread ("100" read "400"). Where the header words already name a target and its realisasi, a row that
# disagrees with the identity through such a cell is no evidence against the column beside them being their
# capaian: the reading, not the column, may be what is wrong. (Text-layer cells carry no confidence.)
OCR_SURE = 90.0
# Spending and ceilings are Rupiah amounts: a column whose median is at least this is money.
RUPIAH_MAGNITUDE = 1e5

# Headings that already tell the base from what is measured against it, in whichever order printed.
NAMED_BASES = {("target", "realization"), ("pagu", "budget_realization"), ("pagu_initial", "budget_realization")}
PERFORMANCE_TRIPLE = ("target", "realization", "achievement")
BUDGET_TRIPLE = ("pagu", "budget_realization", "budget_pct")
# Roles the identity may assign, and the roles a column may already hold and still be re-read.
VALUE_ROLES = {"target", "realization", "achievement", "pagu", "pagu_initial", "budget_realization",
               "budget_pct", "other"}


@dataclass
class RoleDecision:
    """Three columns given their roles by the identity their rows satisfy."""
    columns: tuple[int, int, int]
    roles: tuple[str, str, str]
    previous: tuple[str, str, str]
    agreeing: int
    checked: int

    @property
    def evidence(self) -> str:
        a, b, c = self.columns
        return (f"col {c} = col {b} / col {a} × 100 on {self.agreeing} of {self.checked} rows: "
                f"{'/'.join(self.previous)} -> {'/'.join(self.roles)}")


def _values(table: RawTable, j: int) -> list[float | None]:
    texts: list[str | None] = [text_of(row[j]) if j < len(row) else "" for row in table.body]
    return [p.value for p in parse_column(texts)]


def unsure_readings(table: RawTable, indexes: tuple[int, ...]) -> list[bool]:
    """Per body row: one of the cells in these columns was read by OCR less surely than OCR_SURE."""
    def unsure(row) -> bool:
        return any(j < len(row) and row[j].ocr_confidence is not None and row[j].ocr_confidence < OCR_SURE
                   for j in indexes)
    return [unsure(row) for row in table.body]


def _numeric(values: list[float | None]) -> bool:
    present = [v for v in values if v is not None]
    return len(present) >= MIN_AGREEING


def _agrees(a: float, b: float, c: float) -> bool:
    expected = b / a * 100
    return abs(c - expected) <= max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * abs(c))


def _agreement(a: list[float | None], b: list[float | None], c: list[float | None]) -> tuple[int, int]:
    checked = agreeing = 0
    for x, y, z in zip(a, b, c):
        if x and y and z:  # 0 = 0 / x × 100 holds for any x, and a 0 % is any small count over an amount: no evidence
            checked += 1
            agreeing += _agrees(x, y, z)
    return agreeing, checked


def is_money(values: list[float | None]) -> bool:
    """Rupiah amounts: the median of the values is at least RUPIAH_MAGNITUDE."""
    present = sorted(abs(v) for v in values if v is not None)
    return bool(present) and present[len(present) // 2] >= RUPIAH_MAGNITUDE


BUDGET_ROLES = {"pagu", "pagu_initial", "budget_realization", "budget_pct"}
PERFORMANCE_ROLES = {"target", "realization", "achievement"}


def _kind_of(triple: tuple, values: dict) -> tuple[str, str, str]:
    """Budget or performance: as the words of the three columns say, else (no words) by magnitude,
    as Rupiah are amounts of hundreds of thousands and more (a harvest in tonnes can be too, which
    is why the words come first)."""
    roles = {col.role for col in triple}
    if roles & BUDGET_ROLES and not roles & PERFORMANCE_ROLES:
        return BUDGET_TRIPLE
    if roles & PERFORMANCE_ROLES and not roles & BUDGET_ROLES:
        return PERFORMANCE_TRIPLE
    a, b, _ = triple
    return BUDGET_TRIPLE if is_money(values[a.index]) and is_money(values[b.index]) else PERFORMANCE_TRIPLE


def _words_contradict(roles: tuple[str, str, str], years: tuple[int | None, ...]) -> bool:
    """The header words leave these three columns open: a column has no role, one role (in one
    year) is given twice, or none of the three is a ratio although one is the ratio of the others."""
    if "other" in roles or not {"achievement", "budget_pct"} & set(roles):
        return True
    if set(roles) & BUDGET_ROLES and set(roles) & PERFORMANCE_ROLES:
        return True  # a ceiling and its spending with a capaian, or a target with a spending share
    return len({(r, y) for r, y in zip(roles, years)}) < 3


def _years_compared(a, b) -> bool:
    """Two columns of one role in two years (Realisasi 2016 | Realisasi 2015): either may be the base."""
    return a.role == b.role and None not in (a.year, b.year) and a.year != b.year


def _one_role_over_years(triple: tuple) -> bool:
    """Three columns the words give one role in three different years ("Target Kinerja › 2021 | 2022 |
    2023"): a run of years of that role; no identity between them makes them a target, a realisasi and
    a capaian."""
    roles = {col.role for col in triple}
    years = [col.year for col in triple]
    return len(roles) == 1 and roles <= VALUE_ROLES - {"other"} and None not in years and len(set(years)) == 3


def _uniform(a: list[float | None], b: list[float | None], c: list[float | None]) -> bool:
    """Every row where the three columns print numbers prints the same number in the first two and 100 in
    the third (all targets met exactly, all "100 %"): the identity holds whatever the columns are, so it
    cannot overturn words that name one role for all three (headings lost altogether leave it the only
    evidence there is)."""
    rows = [(x, y, z) for x, y, z in zip(a, b, c) if x and y is not None and z is not None]
    return bool(rows) and all(x == y and abs(z - 100) <= ABSOLUTE_TOLERANCE for x, y, z in rows)


# Columns the words name with one role among three whose rows all read 100 = 100 / 100 × 100: a unit
# column printing "100" beside two target years ("SAT | 2025 … 2029", every cell 100) is no target,
# realisasi and capaian; two named columns are enough words to keep.
MIN_NAMED_FOR_UNIFORM = 2


def _one_named_role(triple: tuple) -> bool:
    """At least MIN_NAMED_FOR_UNIFORM of the three columns have a role from their words, all the same
    one (the rest headed by words that name no role). In: three columns. Out: True or False."""
    named = [col.role for col in triple if col.role != "other"]
    return len(named) >= MIN_NAMED_FOR_UNIFORM and len(set(named)) == 1


def infer_roles(table: RawTable, columns: list) -> list[RoleDecision]:
    """Give roles to the numeric columns whose rows satisfy capaian = realisasi / target × 100 (or
    % = realisasi / pagu × 100) where the words leave the roles open. Changes `columns` in place."""
    candidates = [c for c in columns if c.role in VALUE_ROLES and not REMAINDER.search(c.path)]
    values = {c.index: _values(table, c.index) for c in candidates}
    numeric = [c for c in candidates if _numeric(values[c.index])]
    found = []
    for a, b, c in permutations(numeric, 3):
        if a.index > b.index and not (_years_compared(a, b) or (a.role, b.role) in NAMED_BASES):
            continue  # the base is printed before what is measured against it, unless the words say which it is
        if _one_role_over_years((a, b, c)):
            continue  # "Target 2021 | 2022 | 2023": a run of years, not a target, its realisasi and capaian
        agreeing, checked = _agreement(values[a.index], values[b.index], values[c.index])
        if _one_named_role((a, b, c)) and _uniform(values[a.index], values[b.index], values[c.index]):
            continue  # three targets, 100 = 100 / 100 × 100 on every row: any such columns agree, no evidence
        if agreeing >= MIN_AGREEING and agreeing >= MIN_AGREEMENT * checked:
            found.append((agreeing, a.index > b.index, -c.index, a, b, c, checked))
    decisions: list[RoleDecision] = []
    used: set[int] = set()
    settled: set[tuple[str, int | None]] = set()  # (role, year) a stronger identity already gave
    # most agreeing rows first; then the base printed before what is measured against it
    for agreeing, _, _, a, b, c, checked in sorted(found, key=lambda f: (-f[0], f[1], f[2])):
        triple = (a, b, c)
        if used & {a.index, b.index, c.index}:
            continue
        roles = _kind_of(triple, values)
        previous = (a.role, b.role, c.role)
        if previous == ("other",) * 3 and (agreeing < MIN_AGREEING_UNNAMED or any(col.path.strip() for col in triple)):
            continue  # headings that name no role ("KIB A", "KIB B") are not lost ones: not a measurement
        used |= {a.index, b.index, c.index}
        if previous == roles or (roles == BUDGET_TRIPLE and previous == ("pagu_initial",) + roles[1:]):
            decision = _shared_year(triple, agreeing, checked)
            if decision is not None:
                decisions.append(decision)
            _drop_empty_duplicates(table, columns, triple, values)
            settled |= {(col.role, col.year) for col in triple}
            continue  # the words already say which is which
        if not _words_contradict(previous, (a.year, b.year, c.year)):
            continue
        if _years_compared(a, b) and a.role in ("realization", "budget_realization"):
            roles = (a.role, b.role, "achievement" if a.role == "realization" else "budget_pct")
            c.role, c.year = roles[2], b.year  # this year's realisasi against last year's
        else:
            year = next((col.year for col in triple if col.year is not None), None)
            if any((role, year) in settled for role in roles):
                continue  # a few rows of sliver columns beside columns a stronger identity settled
            for col, role in zip(triple, roles):
                col.role, col.year = role, year
        decisions.append(RoleDecision((a.index, b.index, c.index), roles, previous, agreeing, checked))
        settled |= {(col.role, col.year) for col in triple}
        _drop_empty_duplicates(table, columns, triple, values)
    return decisions


def _shared_year(triple: tuple, agreeing: int, checked: int) -> RoleDecision | None:
    """Three columns the identity binds measure one year: a column whose year heading was lost (a
    sub-heading printed left of its block's year) takes the year the other two carry."""
    years = {col.year for col in triple} - {None}
    a, b, c = triple
    roles = tuple(col.role for col in triple)
    if c.year is None and roles == PERFORMANCE_TRIPLE and None not in (a.year, b.year) and a.year != b.year:
        c.year = a.year  # a realisasi measured against another year's target: the capaian of that target
        return RoleDecision((a.index, b.index, c.index), roles, roles, agreeing, checked)
    if len(years) != 1 or all(col.year is not None for col in triple):
        return None
    year = years.pop()
    for col in triple:
        col.year = year
    return RoleDecision((a.index, b.index, c.index), roles, roles, agreeing, checked)


def _drop_empty_duplicates(table: RawTable, columns: list, triple: tuple, values: dict) -> None:
    """A column left with the role and year the identity gave to another, holding no number (the
    heading the misplaced sub-heading came from), gives its role up."""
    taken = {(col.role, col.year) for col in triple}
    for col in columns:
        if col in triple or (col.role, col.year) not in taken:
            continue
        if not any(v is not None for v in values.get(col.index, _values(table, col.index))):
            col.role = "other"
