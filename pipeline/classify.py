"""Classify a table and its columns from header vocabulary, never from table numbers.

In:  a `RawTable` (header rows + body) and the report year.
Out: a `TableLayout`: one `ColumnRole` per column (what the column holds and for which year) and
     the table's kinds: "performance" (target / realisasi / capaian of indicators), "budget"
     (pagu / anggaran / realisasi in Rupiah), both, "transposed" performance (rows Target /
     Realisasi, columns years) or "other".
"""
from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field
from typing import Literal, TypeGuard, get_args

from extractors.grid import PATH_SEP, column_paths, text_of
from normalizers.heading_words import with_role_words_spelled_right
from normalizers.numbers import Evidence
from pipeline.achieved_capaian import achieved_quantity_capaian
from pipeline.arithmetic import BUDGET_ROLES, PERFORMANCE_ROLES, infer_roles, is_money, unsure_readings
from pipeline.budget_columns import budget_column_roles, ordinal_year_columns, plan_end_amounts
from pipeline.budget_years import AMOUNT_ROLES, budget_year_columns
from pipeline.lexicon import (
    BENCHMARK,
    LAST_YEAR,
    PLAN_BASELINE,
    QUARTER,
    QUARTER_MISREAD,
    REALISED_ACHIEVEMENT,
    RELATIVE_YEAR,
    REMAINDER,
    REVENUE,
    STANDARD_TARGET,
    THIS_YEAR,
    THROUGH_LAST_QUARTER,
    YEAR_IN_TEXT,
    caption_roles,
)
from pipeline.metadata import CITATION_RE
from pipeline.models import Cell, RawTable
from pipeline.schedule_columns import schedule_columns
from pipeline.title_rows import headings_only
from pipeline.title_year import TitleYear, title_year
from pipeline.year_rows import years_down_the_rows

YEAR_RE = YEAR_IN_TEXT  # a year inside a heading path or a caption (pipeline.lexicon)
BUDGET_WORDS = re.compile(r"\b(pagu|anggaran|apbd-?p?|alokasi|dpa|belanja|keuangan|serapan)\b|\(rp\.?\)|\brp\b|rupiah", re.I)


# What a column holds: a row's number or code, a name (tujuan, sasaran, indicator, program), its unit, an
# indicator's target / realisasi / capaian (target_initial: the target a revised PK replaced), a budget's
# ceiling (pagu; pagu_initial before the revision), spending and its share of the ceiling, efficiency, a
# quarter's value, physical progress, a plan's total over its years, or nothing a record reads (other).
Role = Literal["no", "tujuan", "sasaran", "indicator", "program", "unit", "target", "realization", "achievement",
               "target_initial", "pagu", "pagu_initial", "budget_realization", "budget_pct", "efficiency", "quarter",
               "progress", "plan_total", "other"]
ROLES: frozenset[str] = frozenset(get_args(Role))


def is_role(name: str) -> TypeGuard[Role]:
    """Whether a role name read from the vocabulary (lexicon.caption_roles) is one of the roles."""
    return name in ROLES


@dataclass
class ColumnRole:
    index: int
    path: str
    role: Role
    year: int | None = None


@dataclass
class TableLayout:
    columns: list[ColumnRole]
    kinds: set[str] = field(default_factory=set)
    default_year: int | None = None
    report_year: int | None = None
    evidence: list[str] = field(default_factory=list)  # why columns got roles the words did not give
    document_evidence: Evidence | None = None  # the whole report's number convention, for small tables

    def of(self, role: Role) -> list[ColumnRole]:
        return [c for c in self.columns if c.role == role]

    def first(self, role: Role) -> ColumnRole | None:
        found = self.of(role)
        return found[0] if found else None

    @property
    def kind(self) -> str:
        if {"performance", "budget"} <= self.kinds:
            return "performance+budget"
        return next(iter(self.kinds), "other")


def _leaf(path: str) -> str:
    return path.split(PATH_SEP)[-1]


HEADER_VOCABULARY = ("realisasi", "capaian", "target", "anggaran", "rencana", "strategis", "perjanjian", "kinerja",
                     "indikator", "sasaran", "program", "kegiatan", "satuan", "tahunan")


def complete_words(text: str) -> str:
    """Header words cut at a cell border ("Realisa", "Perjanji", "Rencan") completed to the header
    vocabulary word they begin, when they are five letters or more."""
    def complete(m: re.Match[str]) -> str:
        word = m.group(0)
        if len(word) < 5 or word in ("tahun", "renstra"):  # whole words of their own
            return word
        return next((v for v in HEADER_VOCABULARY if v.startswith(word) and v != word), word)
    return re.sub(r"[a-z]+", complete, text)


# The starting point of a plan with the year it was measured: that year's realisasi.
BASELINE_OF_YEAR = re.compile(r"\s*(kondisi\s+)?(awal|baseline)\s*(tahun\s*)?\(?\s*(19|20)\d\d\s*\)?\s*")
# "Target Capaian", "Rencana Capaian", "Rencana Tingkat Capaian (Target)" (the PermenPAN-RB forms' name of the target
# column), "Rencana" alone beside "Realisasi": the level planned, a target.
PLANNED_ACHIEVEMENT = re.compile(r"\b(target|rencana)\s+(?:tingkat\s+)?capaian\b|^\W*rencana(?:\s+kinerja)?\W*$")


# Words of a header path that name a column's role, in the order the whole path is read when no
# heading nearer the leaf decides (`_nearest_heading_role` asks which of them one heading names).
ROLE_WORDS: tuple[tuple[re.Pattern[str], Role], ...] = (
    (re.compile(r"\bindikator\b|\bkinerja utama\b|\biku\b"), "indicator"),
    (re.compile(r"\bcapaian\b|\bkemajuan\b"), "achievement"), (re.compile(r"\btarget\b"), "target"),
    (re.compile(r"\brealisasi\b"), "realization"))


# Sub-headings abbreviated to one letter under each year of a narrow year group ("2017 › T | R | %", "2017 › T | R |
# C"): T the target, R the realisasi, C the capaian (a "%" beside them is their capaian too, `bare_percent_capaian`).
ABBREVIATED_LEAF_ROLES: dict[str, Role] = {"t": "target", "r": "realization", "c": "achievement"}


# A leaf that names no role of its own: a unit, a percent sign, a year or a column number ("(%)", "2016").
BARE_LEAF = re.compile(r"[\s\d()%.,*/-]*(?:\b(?:persen|tahun|rp)\b[\s\d()%.,*/-]*)*")


def _nearest_heading_role(p: str) -> Role | None:
    """The role named by the heading nearest the leaf that names one: under "Indikator Kinerja ›
    Capaian › (%)" the column is the capaian, the wide group heading above it says less."""
    levels = p.split(PATH_SEP.lower())[:-1]
    for level in reversed(levels):
        named = [role for pattern, role in ROLE_WORDS if pattern.search(level)]
        if len(named) == 1:
            return named[0]
        if named:
            return None  # one heading naming two roles ("Target dan Realisasi"): the old order decides
    return None


# A heading that starts with "Indikator" names the indicators of the rows, even when a role word follows it
# ("Indikator Capaian Program", "Indikator Target Kinerja"): the cells below are names, not values.
NAMES_AN_INDICATOR = re.compile(r"\W*indikator\b")


# The role words of a leaf heading, in the order they are tried (a leaf naming two is the first's).
LEAF_ROLE_WORDS: tuple[tuple[str, Role], ...] = (("capaian", "achievement"), ("target", "target"),
                                                  ("realisasi", "realization"))


# The words of a heading over a K | Rp pair that name its money: "dan Anggaran", "dan Realisasi Anggaran".
MONEY_WORDS_OF_HEADING = re.compile(r"\b(?:dan\s+)?(?:realisasi\s+)?(?:anggaran|keuangan|dana|pagu)\b")


# The code of what a row names: "Kode SKPD" / "Kode OPD" (an agency's code in a region's budget), "Kode Urusan",
# "Kode Program", "Kode Sub Kegiatan", "Kode Akun": a code column like "Kode".
CODE_OF_A_UNIT = re.compile(r"kode\s+(?:skpd|opd|pd|unit|satker|urusan|bidang|program|kegiatan|sub\s*-?\s*kegiatan|akun)")


def role_of(path: str) -> Role:
    """The role of one column from its header path (lower-cased vocabulary)."""
    p = with_role_words_spelled_right(complete_words(path.lower()))
    p = REALISED_ACHIEVEMENT.sub("realisasi", p)  # "Realisasi Capaian": the quantity reached
    leaf = _leaf(p)
    if not p.strip():
        return "other"
    if "efisiensi" in p:
        return "efficiency"
    p = THROUGH_LAST_QUARTER.sub(" ", p)  # "Realisasi s.d. TW IV": the year's realisasi
    if any(QUARTER.search(part.strip()) for part in p.split(PATH_SEP.lower())):
        return "quarter"
    if leaf.strip() == "k" and PATH_SEP.lower() in p:
        # "Target Kinerja dan Anggaran … › K | Rp": K is the kinerja (the indicator's value), Rp its money; K takes
        # the role its heading gives the indicator, read without the words that name the money
        return role_of(MONEY_WORDS_OF_HEADING.sub(" ", p.rsplit(PATH_SEP.lower(), 1)[0]))
    if re.fullmatch(r"((no|n o|nomor|kode|vada|kode ?rekening|no urut|ref)\.?\s*){1,2}|#", leaf.strip()) or \
            CODE_OF_A_UNIT.fullmatch(leaf.strip()) or re.fullmatch(
            r"((no|nomor|kode)\.?\s*)+", p.replace(PATH_SEP.lower(), " ").strip()):
        return "no"
    budgetish = BUDGET_WORDS.search(p) and not re.search(r"\bindikator\b|\bsasaran\b", leaf)
    name_like = re.search(r"\b(program|kegiatan|uraian|nama|jenis belanja|perangkat daerah|unit kerja|ukpd|opd|skpd|"
                          r"okpd|pd|sumber (anggaran|dana|pendanaan))\b", leaf)  # "Sumber Anggaran": the source named
    if budgetish and REMAINDER.search(p):
        return "other"  # what is left unspent (SILPA, sisa anggaran) is neither ceiling nor spending
    if budgetish and not (name_like and not re.search(r"pagu|anggaran \(|\(rp\)|realisasi|apbd", leaf)):
        if "realisasi" in p or "serapan" in p or "penyerapan" in p:
            if re.search(r"%|persen", leaf):
                return "budget_pct"
            return "budget_realization"
        if re.search(r"%|persen|\bcapaian\b", leaf) and not re.search(r"pagu|apbd", leaf):
            return "budget_pct"  # "Anggaran › Capaian": the share of the ceiling spent
        if re.search(r"\bsebelum\b", p) and not re.search(r"\b(sesudah|setelah)\b", p):
            return "pagu_initial"  # "Anggaran › Sebelum Perubahan"
        if re.search(r"\b(murni|awal|induk|penetapan)\b|\bapbd\b(?!\s*-?\s*p)(?!\s*perubahan)", p) and not re.search(
            r"\b(akhir|perubahan|sesudah|setelah)\b|apbd\s*-?\s*p\b", p
        ):
            return "pagu_initial"
        if re.search(r"\bselisih|\bsisa|\bpergeseran", leaf):
            return "other"
        if re.search(r"\bharga\b", leaf):
            return "other"  # "Harga (Rp)", "Harga Satuan": an item's unit price beside its Jumlah, no ceiling
        return "pagu"
    if re.search(r"\bsatuan\b", leaf):
        return "unit"
    if leaf.strip() in ABBREVIATED_LEAF_ROLES and (YEAR_RE.search(p) or THIS_YEAR.search(p) or LAST_YEAR.search(p)):
        return ABBREVIATED_LEAF_ROLES[leaf.strip()]  # "Tahun 2017 › T", "Tahun Ini › T": that year's target
    if NAMES_AN_INDICATOR.match(leaf):
        return "indicator"  # "Indikator Capaian Program (Outcome)": the indicator's name, whatever word follows
    if BASELINE_OF_YEAR.fullmatch(leaf):
        return "realization"  # "Kondisi Awal (2013)": what was reached in the plan's starting year
    if re.fullmatch(r"\s*(kondisi\s+)?(awal|baseline)(\s+renstra)?\s*", leaf):
        return "other"  # the baseline ("Kondisi Awal") a plan starts from, not a target of a year
    if re.search(r"\bhasil (perhitungan|pengukuran)\b", leaf):
        return "realization"
    if re.search(r"\b(tingkat )?kemajuan\b", leaf):
        return "achievement"
    if re.search(r"\btarget\b", leaf) and (re.search(r"\bsebelum\b", p) or re.search(r"\btarget\s+(?:awal|semula)\b", leaf)):
        return "target_initial"  # "Target Sebelum Perubahan", "Target Awal": the target the revised PK replaced
    if BENCHMARK.search(p) and "realisasi" not in p:
        return "other"  # a national benchmark beside the agency's figure
    if PLANNED_ACHIEVEMENT.search(leaf):
        return "target"  # "Target Capaian Kinerja", "Rencana Capaian": the level planned, a target
    if re.match(r"\s*indikator\b", leaf):
        return "indicator"  # "Indikator Capaian Program (Outcome) / …": the names of the measures
    for word, role in LEAF_ROLE_WORDS:
        if re.search(rf"\b{word}\b", leaf):
            return role
    if re.fullmatch(r"(target\s+)?tahunan", leaf.strip()):
        # the annual column beside quarterly ones: of what its heading names ("Realisasi › TW I … | Tahunan"), else
        # the year's target (a Rencana Aksi's "Tahunan | TW I …")
        return (_nearest_heading_role(p) if leaf.strip() == "tahunan" else None) or "target"
    if re.search(r"\b(formula\w*|rumus|definisi|metode|variabel|keterangan|sumber data|penjelasan|alasan)\b", leaf):
        return "other"  # "Indikator … › Formula Perhitungan": a description beside the indicator, not its name
    nearest = _nearest_heading_role(p) if BARE_LEAF.fullmatch(leaf) else None
    if nearest:
        return nearest
    named = next((role for pattern, role in ROLE_WORDS if pattern.search(p)), None)
    if named:
        return named
    if name_like:
        return "program"
    if re.search(r"\bsasaran\b", leaf):
        return "sasaran"
    if re.search(r"\btujuan\b", leaf):
        return "tujuan"
    return "other"


# A year cut by a line break inside a narrow heading cell ("202\n3", read "202 3").
SPLIT_YEAR = re.compile(r"(?<!\d)(19[89]|20\d)\s+(\d)(?!\d)")


def year_of(path: str) -> int | None:
    """The year a column's heading path prints (the leaf's first), None when it prints none or several."""
    path = SPLIT_YEAR.sub(r"\1\2", path)
    leaf_years = YEAR_RE.findall(_leaf(path))
    if len(leaf_years) == 1:
        return int(leaf_years[0])
    years = YEAR_RE.findall(path)
    if len(set(years)) == 1:
        return int(years[0])
    return None


def caption_years(caption: str | None) -> list[int]:
    """'Tahun 2023-2026' -> [2023, 2024, 2025, 2026]; 'Tahun 2023 dan 2024' -> [2023, 2024]."""
    text = caption or ""
    m = re.search(r"(20\d\d)\s*[-–]\s*(20\d\d)", text)
    if m and 0 < int(m.group(2)) - int(m.group(1)) <= 10:
        return list(range(int(m.group(1)), int(m.group(2)) + 1))
    return sorted({int(y) for y in YEAR_RE.findall(text)})


def _next_year(year: int | None, following: int | None) -> bool:
    """Whether `following` is the year after `year` (both printed)."""
    return year is not None and following is not None and following == year + 1


def year_runs(columns: list[ColumnRole], header: list[list[Cell]], caption: str | None) -> None:
    """A run of columns headed by consecutive bare years (2023 2024 2025 2026) takes its role from
    the heading above the run: first the text above the run itself, else the text just left of it
    (OCR and merged cells often shift a spanning heading by one column), else the one role a column
    of the run carries in its own path, else the caption."""
    years = [year_of(c.path) if re.fullmatch(r"(tahun\s*)?(19[89]\d|20\d\d)", _leaf(c.path).strip(), re.I) else None
             for c in columns]
    words: tuple[tuple[str, Role], ...] = (("target", "target"), ("realisasi", "realization"), ("capaian", "achievement"))

    def role_in(cols: range) -> Role | None:
        text = " ".join(text_of(row[k]) for row in header[:-1] for k in cols if 0 <= k < len(row))
        squeezed = re.sub(r"[^a-z]", "", complete_words(text.lower()))
        found = [(squeezed.find(w), role) for w, role in words if w in squeezed]
        return min(found)[1] if found else None

    j = 0
    while j < len(columns):
        if years[j] is None:
            j += 1
            continue
        end = j
        while end + 1 < len(columns) and _next_year(years[end], years[end + 1]):
            end += 1
        if end > j:
            role = role_in(range(j, end)) or role_in(range(j - 1, j))
            if role is None:  # one column of the run kept the heading in its own path ("Realisa › 2024")
                own = {c.role for c in columns[j:end + 1]} - {"other"}
                role = own.pop() if len(own) == 1 and own <= {"target", "realization", "achievement"} else None
            if role is None:
                named = caption_roles(caption)
                role = named[0] if len(named) == 1 and is_role(named[0]) \
                    and all(c.role == "other" for c in columns[j:end + 1]) else None
            if role:
                for c, year in zip(columns[j:end + 1], years[j:end + 1]):
                    c.role, c.year = role, year
        j = end + 1


def orphan_year_columns(columns: list[ColumnRole]) -> None:
    """A column headed by a year and nothing that names a role, right before a target / realisasi /
    capaian column of the next year, is the first of that run ("Tahu 2023 | Realisasi Tahunan 2024":
    the run's heading was printed over the second column only). The year must be its own heading: a "%"
    under a year's group ("2022 › %") is that year's capaian, not a column of the run."""
    for left, right in zip(reversed(columns[:-1]), reversed(columns[1:])):
        if (left.role == "other" and left.year is not None and right.year == left.year + 1
                and YEAR_RE.search(_leaf(left.path))
                and right.role in ("target", "realization", "achievement")
                and not re.search(r"[a-z]{5,}", re.sub(r"\b(tahun|tahu|th)\b", "", _leaf(left.path).lower()))):
            left.role = right.role


# A heading that is the role's word and nothing else: what is left when its year was cut off ("Target IKK" or
# "Target NSPK" names a standard, no year of the run).
BARE_ROLE_WORD = re.compile(r"\W*(?:target|realisasi|capaian)\s*(?:\(?\s*%\s*\)?)?\W*", re.IGNORECASE)


def year_before_a_run(columns: list[ColumnRole]) -> list[str]:
    """A column of one role with no year right before two columns of that role whose years run on ("Realisasi |
    Realisasi 2022 | Realisasi 2023": the first year lost, cut from its cell or misread by OCR) is the year before
    the run. Out: the evidence of each change, for the layout."""
    evidence = []
    for first, second, third in zip(columns, columns[1:], columns[2:]):
        if (first.year is None and first.role in ("target", "realization", "achievement")
                and BARE_ROLE_WORD.fullmatch(_leaf(first.path)) is not None
                and first.role == second.role == third.role and second.year is not None
                and third.year == second.year + 1):
            first.year = second.year - 1
            evidence.append(f"col {first.index} {first.path!r}: no year, before {second.role} {second.year} and "
                            f"{third.year}: {first.year}")
    return evidence


# A heading of digits only, at least three, where a year was misread ("2 1023", "20 23", "2O23" read "2023" aside).
MISREAD_YEAR = re.compile(r"[\d\s.,'’`-]*\d[\d\s.,'’`-]*")
MIN_MISREAD_YEAR_DIGITS = 3


def year_inside_a_run(columns: list[ColumnRole]) -> list[str]:
    """A column whose heading is digits that make no year ("2 1023": OCR misread the year) between two columns
    of one role whose years are two apart (target 2022 | ? | target 2024) is the year between, of that role: a
    plan's years run on. Out: the evidence of each change, for the layout."""
    evidence = []
    for first, mid, last in zip(columns, columns[1:], columns[2:]):
        leaf = _leaf(mid.path).strip()
        if (mid.year is None and first.year is not None and last.year == first.year + 2
                and first.role == last.role and first.role in ("target", "realization", "achievement")
                and mid.role in (first.role, "other") and MISREAD_YEAR.fullmatch(leaf)
                and sum(ch.isdigit() for ch in leaf) >= MIN_MISREAD_YEAR_DIGITS):
            mid.year, mid.role = first.year + 1, first.role
            evidence.append(f"col {mid.index} {mid.path!r}: no year read, between {first.role} {first.year} and "
                            f"{last.year}: {mid.year}")
    return evidence


YEAR_TRIPLE = frozenset({"target", "realization", "achievement"})  # what a year prints side by side


def year_between_its_year(columns: list[ColumnRole]) -> list[str]:
    """A target, realisasi or capaian column with no year between two columns of one year and the other two roles
    ("Target 2022 | Realisasi ?? | Capaian 2022": OCR misread the middle heading's year) is of that year: a year's
    target, realisasi and capaian are printed side by side. Without it, the arithmetic of a capaian against the
    plan's end target (realisasi / target akhir) would give the realisasi the plan's last year. Out: the evidence."""
    evidence = []
    for first, mid, last in zip(columns, columns[1:], columns[2:]):
        if (mid.year is None and first.year is not None and last.year == first.year
                and {first.role, mid.role, last.role} == YEAR_TRIPLE):
            mid.year = first.year
            evidence.append(f"col {mid.index} {mid.path!r}: no year read, between {first.role} and {last.role} of "
                            f"{first.year}: {mid.year}")
    return evidence


def caption_year(caption: str | None, report_year: int | None) -> int | None:
    """The one year a caption names, less the years of regulations it cites ("Tahun 2017 (Implementasi UU
    No. 23 Tahun 2014)" is 2017); the report's year when it names none or several."""
    years = sorted({int(y) for y in YEAR_RE.findall(CITATION_RE.sub(" ", caption or ""))})
    if len(years) == 1:
        return years[0]
    return report_year


def _transposed(table: RawTable) -> bool:
    """Rows named Target / Realisasi / Capaian in the first column, years across the header."""
    first = [text_of(r[0]).lower() for r in table.body if r]
    hits = sum(1 for t in first if re.fullmatch(r"(target|realisasi|capaian)( kinerja)?( \(%\))?", t))
    return hits >= 2 and hits >= len(first) - 1


VALUE_ROLES = ("target", "realization", "achievement", "pagu", "pagu_initial", "budget_realization", "budget_pct")


def _numeric_column(table: RawTable, j: int) -> bool:
    from extractors.grid import is_pure_number
    from normalizers.numbers import parse_number

    cells = [text_of(r[j]) for r in table.body if j < len(r) and text_of(r[j])]
    cells = [c for c in cells if parse_number(c).kind != "empty"]
    return bool(cells) and sum(1 for c in cells if is_pure_number(c)) >= 0.6 * len(cells)


def assign_year_groups(columns: list[ColumnRole], header_years: list[int], table: RawTable) -> None:
    if len(set(header_years)) < 2:
        header_years = caption_years(table.caption)
    _assign_year_groups(columns, header_years, table)


def _assign_year_groups(columns: list[ColumnRole], header_years: list[int], table: RawTable) -> None:
    """Year blocks whose year label is damaged or misplaced (OCR, merged cells): when the value
    columns repeat one role sequence k times and the header names k years, block i gets year i.
    An unlabelled numeric column that completes a block takes the role the other blocks have there."""
    years = list(dict.fromkeys(header_years))  # in the order printed: "2019 | 2018" reads right to left
    if len(years) < 2:
        return
    value_idx = [c.index for c in columns if c.role in VALUE_ROLES]
    if not value_idx:
        return
    start = value_idx[0]
    while start > 0 and columns[start - 1].role == "other" and _numeric_column(table, start - 1):
        start -= 1
    block_cols = [c for c in columns[start:value_idx[-1] + 1]]
    k = len(years)
    if len(block_cols) % k:
        return
    size = len(block_cols) // k
    blocks = [block_cols[i * size:(i + 1) * size] for i in range(k)]
    for pos in range(size):
        roles = {b[pos].role for b in blocks if b[pos].role != "other"}
        if len(roles) != 1:
            return
    for pos in range(size):
        for b in blocks:
            if b[pos].role == "other" and not _numeric_column(table, b[pos].index):
                return
    if any(year_of(_leaf(col.path)) not in (None, years[i]) for i, block in enumerate(blocks) for col in block):
        return  # a column's own heading prints another year ("Realisasi s.d. 2023" beside the plan end): no damage
    for i, block in enumerate(blocks):
        for pos, col in enumerate(block):
            col.role = next(b[pos].role for b in blocks if b[pos].role != "other")
            col.year = years[i]


def _budget_context(columns: list[ColumnRole]) -> None:
    """Beside Rupiah ceilings and with no target column, "Realisasi" is spending in Rupiah and a
    bare "%" is the spending ratio; "Capaian (%)" is the spending ratio too unless an indicator
    column gives it an indicator to belong to."""
    roles = {c.role for c in columns}
    if not roles & {"pagu", "pagu_initial", "budget_realization"}:
        return
    if "target" in roles:  # a performance + budget table: the columns right of the first ceiling are spending
        first_pagu = min(c.index for c in columns if c.role in ("pagu", "pagu_initial", "budget_realization"))
        for c in columns[first_pagu + 1:]:
            if _leaf(c.path).strip().lower() == "k":
                continue  # the kinerja of a K | Rp pair is the indicator's, beside its money
            if c.role == "realization":
                c.role = "budget_realization"
            elif c.role == "achievement" or (c.role == "other" and re.search(r"%|persen", _leaf(c.path))):
                c.role = "budget_pct"
        return
    for c in columns:
        leaf = _leaf(c.path).strip().lower()
        if c.role == "realization":
            c.role = "budget_realization"
        elif c.role == "achievement" and "budget_pct" not in roles and "indicator" not in roles:
            c.role = "budget_pct"
        elif c.role == "other" and re.fullmatch(r"\(?(%|persen|persentase)\)?", leaf) and not REMAINDER.search(c.path):
            c.role = "budget_pct"


# Amounts in Rupiah: the caption or heading says so ("(dalam rupiah)", "(Rp)"), or the cells print sen
# (two decimals) on amounts of a million and more, as financial statements do.
RUPIAH_WORDS = re.compile(r"\brupiah\b|\brp\b\.?", re.IGNORECASE)
CENTS_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3}){2,},\d{2}|\d{1,3}(?:,\d{3}){2,}\.\d{2}")
MONEY_SHARE = 0.6  # most of a column's filled cells, so one stray amount does not make it money


def _prints_amounts(table: RawTable, j: int) -> bool:
    cells = [text_of(r[j]) for r in table.body if j < len(r) and text_of(r[j])]
    return bool(cells) and sum(1 for c in cells if CENTS_AMOUNT.search(c)) >= MONEY_SHARE * len(cells)


# An average of the rows' capaian ("Rata-rata Capaian"), printed on the group rows: not a row's own.
AVERAGE = re.compile(r"\b(rata-\s*rata|rerata)\b", re.I)


def bare_percent_capaian(columns: list[ColumnRole]) -> None:
    """A column headed "%" alone right after an indicator's realisasi, in a table with no budget column
    and no capaian column of the rows' own (a group average may be printed beside it), is the capaian
    of that realisasi's year ("Realisasi 2016 | %")."""
    roles = {c.role for c in columns}
    own_capaian = any(c.role == "achievement" and not AVERAGE.search(c.path) for c in columns)
    if roles & {"pagu", "pagu_initial", "budget_realization", "budget_pct"} or own_capaian:
        return
    for left, c in zip(columns, columns[1:]):
        # a "%" column names no indicator, even under a banner that says "IKU" ("… IKU › 2017 › T | R | %")
        if (c.role in ("other", "indicator") and left.role == "realization"
                and re.fullmatch(r"\(?(%|persen)\)?", _leaf(c.path).strip().lower())):
            c.role, c.year = "achievement", left.year


# The unit cells that say a row is measured in percent.
PERCENT_UNIT = re.compile(r"^\W*(%|persen|persentase|prosentase)\W*$", re.I)
# Most rows with a unit printed: a few percent-measured rows among tonnes and heads do not change
# what the column holds.
MEASURED_SHARE = 0.6


def realisasi_percent_of_measures(columns: list[ColumnRole], table: RawTable) -> list[str]:
    """Realisasi columns headed in percent ("Realisasi (%) › 2015 | 2016") with no target beside them,
    in a table whose rows are measured in tonnes, heads, units ("Satuan: Ton, Ekor"), hold how much
    of each target was reached: the capaian, not the realisasi (which would be in tonnes).
    Out: the evidence of each change, for the layout."""
    roles = {c.role for c in columns}
    unit = next((c for c in columns if c.role == "unit"), None)
    reals = [c for c in columns if c.role == "realization"]
    if unit is None or not reals or roles & {"target", "achievement", "target_initial"}:
        return []
    if not all(re.search(r"\(\s*%\s*\)|\bpersen\b", c.path.lower()) for c in reals):
        return []
    units = [text_of(r[unit.index]) for r in table.body if unit.index < len(r) and text_of(r[unit.index])]
    measured = [u for u in units if not PERCENT_UNIT.match(u)]
    if not units or len(measured) < MEASURED_SHARE * len(units):
        return []
    for c in reals:
        c.role = "achievement"
    return [f"columns {[c.index for c in reals]}: realisasi in percent beside units "
            f"{sorted(set(measured))[:3]}: capaian (no target to be a realisasi of)"]


def revenue_as_budget(columns: list[ColumnRole], table: RawTable) -> list[str]:
    """Target and realisasi of revenue (a caption or heading naming pendapatan, PAD, retribusi) printed
    in Rupiah are the revenue budget and what came in: pagu, realisasi anggaran and its %.
    Out: the evidence, for the layout."""
    from normalizers.numbers import parse_number

    words = " ".join([table.caption or ""] + [c.path for c in columns])
    targets = [c for c in columns if c.role == "target"]
    if not REVENUE.search(words) or not targets or not any(c.role == "realization" for c in columns):
        return []
    if not is_money([parse_number(text_of(r[targets[0].index])).value for r in table.body if targets[0].index < len(r)]):
        return []  # a revenue target is an amount of Rupiah
    new_role: dict[str, Role] = {"target": "pagu", "realization": "budget_realization", "achievement": "budget_pct"}
    changed = [c for c in columns if c.role in new_role]
    for c in changed:
        c.role = new_role[c.role]
    return [f"columns {[c.index for c in changed]}: revenue (pendapatan) in Rupiah: a revenue budget, not indicators"]


def empty_twin_columns(columns: list[ColumnRole], table: RawTable) -> None:
    """Two neighbouring columns under one heading ("Realisasi | Realisasi", a cell split by a stray
    rule), one of which holds nothing in any row: the empty one is a sliver of the other, which takes
    its year when it has none; the sliver gives up its role. Likewise a column headed by a bare year
    beside an empty value column of that year takes the empty one's role."""
    def empty(c: ColumnRole) -> bool:
        return not any(text_of(r[c.index]) for r in table.body if c.index < len(r))

    for a, b in zip(columns, columns[1:]):
        bare_year, named = (a, b) if a.role == "other" else (b, a)
        if (bare_year.role == "other" and named.role in VALUE_COLUMN_ROLES and bare_year.year is not None
                and bare_year.year == named.year and YEAR_RE.fullmatch(_leaf(bare_year.path).strip())
                and empty(named) and not empty(bare_year)):
            # "2015" printed left of the "Realisasi" heading centred over it: the values under the bare
            # year are the named column's, whose own cells are empty
            bare_year.role, named.role = named.role, "other"
            continue
        if a.role != b.role or a.role not in VALUE_COLUMN_ROLES or a.path.strip().lower() != b.path.strip().lower():
            continue
        full, sliver = (a, b) if empty(b) and not empty(a) else (b, a) if empty(a) and not empty(b) else (None, None)
        if full is None or sliver is None:
            continue
        full.year = full.year or sliver.year
        sliver.role = "other"


VALUE_COLUMN_ROLES = PERFORMANCE_ROLES | BUDGET_ROLES


def spending_in_rupiah(columns: list[ColumnRole], table: RawTable) -> None:
    """Realisasi in Rupiah with no target or capaian beside it is spending (a financial statement's
    "Realisasi 2019 | Realisasi 2018"), not an indicator's realisasi."""
    if any(c.role in ("target", "achievement", "target_initial") for c in columns):
        return
    in_words = bool(RUPIAH_WORDS.search(table.caption or ""))
    for c in columns:
        if c.role == "realization" and (in_words or RUPIAH_WORDS.search(c.path) or _prints_amounts(table, c.index)):
            c.role = "budget_realization"


def unlabelled_capaian(columns: list[ColumnRole], table: RawTable) -> list[str]:
    """A numeric column whose heading was lost or misread (OCR: "Capalan") but whose values are
    realisasi / target × 100 on most rows is the capaian column of that target / realisasi pair. A row
    that disagrees through an unsure OCR reading is left out (`arithmetic.OCR_SURE`): the words name the
    pair, and a misread digit is no evidence against the column beside it. Out: the evidence, for the layout."""
    from normalizers.numbers import parse_number

    targets, reals = [c for c in columns if c.role == "target"], [c for c in columns if c.role == "realization"]
    if len(targets) != 1 or len(reals) != 1 or any(c.role == "achievement" and c.index < reals[0].index + 2 for c in columns):
        return []
    t, r = targets[0], reals[0]
    for c in columns:
        if c.role != "other" or c.index <= r.index or not _numeric_column(table, c.index):
            continue
        checked = agree = left_out = 0
        for row, unsure in zip(table.body, unsure_readings(table, (t.index, r.index, c.index))):
            tv, rv, cv = (parse_number(text_of(row[k])).value for k in (t.index, r.index, c.index))
            if tv and rv is not None and cv is not None:
                agrees = abs(cv - rv / tv * 100) <= max(0.5, 0.01 * abs(cv))
                if unsure and not agrees:
                    left_out += 1
                    continue
                checked += 1
                agree += agrees
        if checked >= 3 and agree >= 0.6 * checked:
            c.role, c.year = "achievement", t.year
            unsure_rows = f" ({left_out} disagreeing through unsure OCR readings left out)" if left_out else ""
            return [f"col {c.index} = col {r.index} / col {t.index} × 100 on {agree} of {checked} rows{unsure_rows}: "
                    f"other -> achievement"]
        return []  # only the column right after the pair is considered
    return []


# A capaian measured against the plan's end target (its heading says "terhadap target akhir"): it belongs to
# the year of that target, the year printed in its heading is the year of the realisasi.
AGAINST_PLAN_END = re.compile(r"\bterhadap\s+target\s+akhir\b", re.I)
# A "% Realisasi" heading: the realisasi as a share of its target, the capaian.
PERCENT_REALISASI = re.compile(r"^\W*(%|persen(tase)?)\s*realisasi\W*$", re.I)


def percent_realisasi_capaian(columns: list[ColumnRole]) -> None:
    """A "% Realisasi" column beside a realisasi of the same heading, in a table without budget
    columns, is that realisasi's capaian ("Tahun 2016 › Target | Realisasi | % Realisasi")."""
    if any(c.role in ("pagu", "pagu_initial", "budget_realization", "budget_pct") for c in columns):
        return
    for left, c in zip(columns, columns[1:]):
        if c.role == "realization" and left.role == "realization" and PERCENT_REALISASI.match(_leaf(c.path)):
            c.role = "achievement"


# Siblings under one group heading that read as quarters before the rest of them count as quarters too
# (one misread heading alone is not a group of quarters).
MIN_QUARTER_SIBLINGS = 2
# A sibling's own heading that OCR garbled beyond the quarter pattern ("Tas Ii", "Triw IN") is short and
# holds no word of the header vocabulary (those are five letters and more: "Jumlah", "Total", "Target").
GARBLED_LEAF = re.compile(r"(?!.*[a-z]{5})\W*[\w|]{1,5}(\s+[\w|]{1,3})?\W*", re.IGNORECASE)


def quarter_siblings(columns: list[ColumnRole]) -> None:
    """Columns under one group heading whose own headings name quarters ("% Capaian Kinerja › Triw I |
    Triw II | Triw III | Triw IV"): the per-quarter values of what the group heading names, not a target,
    a realisasi and a capaian of the year, whatever role the group's word gives them. In OCR'd headings
    the quarters are often misread ("Tiwi", "Tnw III"): when at least MIN_QUARTER_SIBLINGS siblings read
    as quarters (`QUARTER`, or `QUARTER_MISREAD` among siblings), every sibling whose own heading is such
    a reading or a short garble naming no role is a quarter column."""
    def group_of(c: ColumnRole) -> str:
        return c.path.rpartition(PATH_SEP)[0].strip().lower()

    j = 0
    while j < len(columns):
        end = j
        while end + 1 < len(columns) and group_of(columns[end + 1]) == group_of(columns[j]):
            end += 1
        group, j = columns[j:end + 1], end + 1
        if not group_of(group[0]) or len(group) < MIN_QUARTER_SIBLINGS:
            continue
        leaves = [_leaf(c.path).strip() for c in group]
        read = [bool(QUARTER.search(leaf) or QUARTER_MISREAD.fullmatch(leaf)) for leaf in leaves]
        if sum(read) < MIN_QUARTER_SIBLINGS:
            continue
        for c, leaf, quarter in zip(group, leaves, read):
            if quarter or (GARBLED_LEAF.fullmatch(leaf) and role_of(leaf) == "other"):
                c.role = "quarter"


RENSTRA_END_RE = re.compile(r"\b(target akhir|akhir (periode )?(renstra|rencana strategis)|kemajuan)\b", re.I)


def first_quarter_block(columns: list[ColumnRole]) -> None:
    """Quarter headings that each span several columns (TW I … TW IV over Target / Realisasi /
    Capaian): the block of the first quarter ends where the second begins and is as wide as the
    others, so the yearless target / realisasi / capaian columns in it (a header read without its
    spans) belong to that quarter, not to the year."""
    starts: dict[str, int] = {}
    for c in columns:
        if c.role == "quarter":
            starts.setdefault(c.path.split(PATH_SEP)[0].strip().lower(), c.index)
    firsts = sorted(starts.values())
    if len(firsts) < 3:
        return
    stride = firsts[2] - firsts[1]
    if stride < 2 or any(b - a != stride for a, b in zip(firsts[1:], firsts[2:])):
        return
    for c in columns:
        if firsts[1] - stride <= c.index < firsts[1] and c.role in ("target", "realization", "achievement") \
                and c.year is None and "tahun" not in c.path.lower():
            c.role = "quarter"


# A total row's label read into the header ("Uraian › TOTAL ANGGARAN"): the header ended above it.
TOTAL_ROW_LABEL = re.compile(r"(total|jumlah)(\s+(anggaran|belanja|keseluruhan|seluruhnya))?", re.IGNORECASE)


def without_total_row(path: str) -> str:
    """The path less a last part that is a total row's label, when a heading stands above it."""
    parts = path.split(PATH_SEP)
    if len(parts) > 1 and TOTAL_ROW_LABEL.fullmatch(parts[-1].strip()):
        return PATH_SEP.join(parts[:-1])
    return path


def baseline_realisation(columns: list[ColumnRole]) -> list[str]:
    """A column of a year under a heading that names the plan's starting point ("Capaian pada Awal Tahun
    Perencanaan › 2020", "Data Capaian pada Tahun 2018", "Kondisi Kinerja pada Awal Periode › Tahun 2018")
    holds what was reached in that year, the realisasi, when no target of that year stands beside it (then
    nothing in the table is a target it could be the capaian of). With no year printed in its heading it
    holds no year's capaian (as "Kondisi Awal" alone). A budget column under it stays a budget column.
    Out: the evidence of each change, for the layout."""
    evidence = []
    for c in columns:
        if c.role not in ("achievement", "target", "other") or not PLAN_BASELINE.search(complete_words(c.path.lower())):
            continue
        if not YEAR_RE.search(c.path):
            if c.role == "achievement":  # a capaian of the starting point, no year printed: no year's (readings 2)
                evidence.append(f"col {c.index} {c.path!r}: the plan's starting point, no year printed: {c.role} -> other")
                c.role, c.year = "other", None
            continue
        if any(o is not c and o.year == c.year and o.role == "target" for o in columns):
            continue
        if str(c.year) not in c.path:
            continue  # the year came from elsewhere (a caption, a banner): no year of its own printed
        evidence.append(f"col {c.index} {c.path!r}: the plan's starting point in {c.year}, no target of {c.year} "
                        f"beside it: {c.role} -> realization of {c.year}")
        c.role = "realization"
    return evidence


# A money heading over a column of names: at least this many of its cells hold words, and at most this share of
# them a number (a realisation table's "BELANJA PEGAWAI" over "Belanja Gaji dan Tunjangan", "Belanja Lembur";
# a column of amounts holds one word among many numbers at most, a "Nihil" or a "-").
NAMES_MIN_CELLS = 2
NAMES_MAX_NUMBER_SHARE = 0.2
NAME_ROLES = {"indicator", "sasaran", "program", "tujuan"}  # the columns that name a table's rows


def _names_share(table: RawTable, j: int) -> tuple[int, float]:
    """(cells with words, share of them that read as a number) of column j's body."""
    from normalizers.numbers import parse_number

    cells = [text_of(r[j]) for r in table.body if j < len(r) and re.search(r"[A-Za-z]{3,}", text_of(r[j]))]
    numbers = sum(1 for c in cells if parse_number(c).value is not None)
    return len(cells), numbers / len(cells) if cells else 0.0


def names_under_money_heading(columns: list[ColumnRole], table: RawTable) -> list[str]:
    """A column headed by a money word whose cells are names, in a table with no name column, names the rows:
    a budget realisation table heads its first column with the kind of spending it lists ("BELANJA PEGAWAI" |
    "ANGGARAN 2019" | "REALISASI 2019"). The values decide, the heading's word is evidence. Out: the evidence
    of each change, for the layout."""
    if any(c.role in NAME_ROLES for c in columns):
        return []
    evidence = []
    for c in columns:
        if c.role not in AMOUNT_ROLES:
            continue
        named, number_share = _names_share(table, c.index)
        if named >= NAMES_MIN_CELLS and number_share <= NAMES_MAX_NUMBER_SHARE:
            evidence.append(f"col {c.index}: headed '{c.path}' but {named} of its cells are names, "
                            f"{number_share:.0%} of them numbers: {c.role} -> program (the rows' names)")
            c.role = "program"
            break
    return evidence


def target_beside_rupiah(columns: list[ColumnRole], table: RawTable) -> list[str]:
    """A plan table prints each year as a pair, the indicator's target and its Rupiah ("2021 › Target | Rp").
    When the target's own sub-heading is lost (misspelt, or covered by the first data row), the year's
    pair is one column of Rupiah and one of values named by nothing: that column is the year's target,
    in a table whose rows name indicators. Out: the evidence of each change, for the layout."""
    if not any(c.role == "indicator" for c in columns):
        return []
    evidence = []
    for year in sorted({c.year for c in columns if c.year is not None}):
        pair = [c for c in columns if c.year == year]
        money = [c for c in pair if c.role == "pagu"]
        unnamed = [c for c in pair if c.role == "other" and any(text_of(r[c.index]) for r in table.body if c.index < len(r))]
        if len(pair) != 2 or len(money) != 1 or len(unnamed) != 1 or abs(money[0].index - unnamed[0].index) != 1:
            continue
        unnamed[0].role = "target"
        evidence.append(f"col {unnamed[0].index}: the unnamed values of {year} beside its Rupiah (col {money[0].index}): "
                        f"other -> target")
    return evidence


def target_of_its_capaian(columns: list[ColumnRole]) -> list[str]:
    """A target column with no year right before a capaian column of year Y, no other target being Y's, is
    the target that capaian is measured against: Y's (a plan-end heading, "… Target … Periode Tahun 2026",
    broken over the cells so that its year sits over the Capaian only). Out: the evidence, for the layout."""
    evidence = []
    for left, right in zip(columns, columns[1:]):
        if (left.role == "target" and left.year is None and right.role == "achievement" and right.year is not None
                and not any(c.role == "target" and c.year == right.year for c in columns)):
            left.year = right.year
            evidence.append(f"col {left.index} {left.path!r}: the target of the capaian beside it, "
                            f"col {right.index} ({right.year}): year None -> {right.year}")
    return evidence


def yearless_standards(columns: list[ColumnRole]) -> list[str]:
    """A target column of a standard ("Target NSPK", "Target IKK", "Target SPM") with no year of its own,
    beside target columns of the plan's years, is the standard's level, no year's target: no row.
    Out: the evidence, for the layout."""
    if len({c.year for c in columns if c.role == "target" and c.year is not None}) < 2:
        return []
    evidence = []
    for c in columns:
        if c.role == "target" and c.year is None and STANDARD_TARGET.search(c.path):
            c.role = "other"
            evidence.append(f"col {c.index} {c.path!r}: a standard's target, no year, beside the plan's years: "
                            f"target -> other")
    return evidence


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


# A Renstra runs five years (an RPJMD's five, Permendagri 86/2017): "Tahun I … V" of a report's plan whose
# period only its last year tells (an LKjIP names its Renstra's end) are the five years up to that end.
PLAN_YEARS = 5


def relative_years(columns: list[ColumnRole], caption: str | None, plan_period: str | None = None,
                   renstra_end: int | None = None) -> list[str]:
    """Columns headed by a year counted within the plan's period ("Target Renstra Tahun Ke- › 3",
    "Tahun III", "TH III", "Tahun-3") take that year of the period the caption names ("Periode 2014 - 2018": the
    third year is 2016, CONTRACT readings 2), else of the plan the report is (`plan_period`, "2022-2026"), else
    of the five years up to the Renstra's end the report names (`renstra_end`). A column with a year of its own
    keeps it. Out: the evidence, for the layout."""
    period = caption_years(caption)
    if len(period) < 2:
        period = caption_years(plan_period)
    if len(period) < 2 and renstra_end:
        period = list(range(renstra_end - PLAN_YEARS + 1, renstra_end + 1))
    if len(period) < 2:
        return []
    evidence = []
    for c in columns:
        m = RELATIVE_YEAR.search(c.path)
        if c.year is not None or m is None:
            continue
        n = int(m.group(1)) if m.group(1) else ROMAN[m.group(2).lower()]
        if 1 <= n <= len(period):
            c.year = period[n - 1]
            evidence.append(f"col {c.index} {c.path!r}: year {n} of the period {period[0]}-{period[-1]}: {c.year}")
    return evidence


def fiscal_relative_years(columns: list[ColumnRole], report_year: int | None) -> list[str]:
    """Columns headed by a year counted from the report's fiscal year take it (CONTRACT readings 2): "Realisasi
    Tahun Lalu", "N-1" the year before, "Tahun Ini › Target" the fiscal year itself. A column with a year of its
    own keeps it. Out: the evidence, for the layout."""
    if report_year is None:
        return []
    evidence = []
    for c in columns:
        if c.year is not None:
            continue
        # the nearest heading that counts a year: the leaf first ("Tahun Ini › Target": the band); a heading that
        # names both years ("Perbandingan Realisasi Tahun Ini dengan Tahun Lalu") compares them and dates nothing
        heading = next((part for part in reversed(c.path.split(PATH_SEP))
                        if LAST_YEAR.search(part) or THIS_YEAR.search(part)), "")
        last, this = bool(LAST_YEAR.search(heading)), bool(THIS_YEAR.search(heading))
        if last == this:
            continue
        c.year = report_year - 1 if last else report_year
        evidence.append(f"col {c.index} {c.path!r}: counted from the fiscal year {report_year}: {c.year}")
    return evidence


# A leaf under a budget banner that names an indicator's quantity ("Anggaran › TARGET | Rp"): the words
# say target, the banner says budget; the values decide.
TARGET_LEAF = re.compile(r"\btarget\b", re.I)


def target_under_budget_banner(columns: list[ColumnRole], table: RawTable) -> list[str]:
    """A PK table printing each row's indicator target and its program's anggaran under one banner
    ("Anggaran › TARGET | Rp"): a column headed "Target" whose values are indices and percentages (not
    Rupiah) beside a column of Rupiah amounts is the rows' target, not a second ceiling.
    In: the columns as the header words named them. Out: the evidence of each change, for the layout."""
    from normalizers.numbers import parse_number

    def values(c: ColumnRole) -> list[float | None]:
        return [parse_number(text_of(r[c.index])).value for r in table.body if c.index < len(r)]

    ceilings = [c for c in columns if c.role == "pagu"]
    amounts = [c for c in ceilings if is_money(values(c))]
    evidence = []
    for c in ceilings:
        filled = [v for v in values(c) if v is not None]
        if c in amounts or not amounts or not filled or not TARGET_LEAF.search(_leaf(c.path)):
            continue
        c.role = "target"
        evidence.append(f"col {c.index} {c.path!r}: headed target, values {filled[:3]} are no Rupiah beside the "
                        f"amounts of col {amounts[0].index}: pagu -> target")
    return evidence


def capaian_of_sasaran(roles: Set[str]) -> bool:
    """A table of the sasaran strategis and the capaian each reached ("Sasaran Strategis | Capaian (%) |
    Kriteria"), no indicator column and no budget: the sasaran are the measures, the capaian theirs.
    In: the roles of a table's columns. Out: whether they make such a table."""
    return ("achievement" in roles and "sasaran" in roles and "indicator" not in roles
            and not roles & (BUDGET_ROLES | {"program"}))


def naming_column(columns: list[ColumnRole], table: RawTable) -> ColumnRole | None:
    """With no named indicator column, the column that names the rows: the text column right before the
    first value column (a table prints tujuan, sasaran, indicator left to right, the indicator beside its
    values, as a continuation part with no heading of its own shows), else the first text column.
    In: the columns, some with a value role. Out: that column, None when no column holds text."""
    texts = [c for c in columns if c.role == "other" and c.year is None and not _numeric_column(table, c.index)
             and any(text_of(r[c.index]) for r in table.body if c.index < len(r))]
    first_value = min((c.index for c in columns if c.role in ("target", "realization", "achievement")), default=0)
    before_values = [c for c in texts if c.index < first_value]
    if before_values:
        return before_values[-1]
    return texts[0] if texts else None


def classify(table: RawTable, report_year: int | None, renstra_end: int | None = None,
             document_evidence: Evidence | None = None, plan_period: str | None = None,
             titled: TitleYear | None = None) -> TableLayout:
    """`renstra_end`: the year "Target Akhir Renstra" and "Tingkat Kemajuan" columns refer to; `plan_period`:
    the period of the plan the report is ("2022-2026"), for years counted within it; `titled`: the title year the
    report's tables in order give this one (`title_year.titles_down_the_page`), else its own title's."""
    paths = [without_total_row(p) for p in column_paths(headings_only(table.header))] if table.header else [""] * table.n_cols
    columns = [ColumnRole(j, path, role_of(path), year_of(path)) for j, path in enumerate(paths)]
    for c in columns:
        if c.year is None and renstra_end and c.role in ("target", "achievement") and RENSTRA_END_RE.search(c.path):
            c.year = renstra_end
        elif renstra_end and c.role == "achievement" and AGAINST_PLAN_END.search(c.path):
            c.year = renstra_end  # the capaian of this year's realisasi against the end target: that target's year
    relative_evidence = relative_years(columns, table.caption, plan_period, renstra_end)
    relative_evidence += fiscal_relative_years(columns, report_year)
    relative_evidence += target_under_budget_banner(columns, table)
    relative_evidence += names_under_money_heading(columns, table)
    relative_evidence += year_before_a_run(columns)
    quarter_siblings(columns)
    percent_realisasi_capaian(columns)
    # the years the header prints, left to right (a year's column, not its header row, gives its place)
    header_years = [int(y) for j in range(table.n_cols) for row in table.header if j < len(row)
                    for y in YEAR_RE.findall(text_of(row[j]))]
    first_quarter_block(columns)
    _budget_context(columns)
    measured_evidence = relative_evidence + unlabelled_capaian(columns, table)
    year_runs(columns, table.header, table.caption)
    orphan_year_columns(columns)
    measured_evidence += year_inside_a_run(columns) + year_between_its_year(columns)
    assign_year_groups(columns, header_years, table)
    _budget_context(columns)
    spending_in_rupiah(columns, table)
    budget_year_columns(columns, table)
    bare_percent_capaian(columns)
    measured_evidence += realisasi_percent_of_measures(columns, table) + revenue_as_budget(columns, table)
    empty_twin_columns(columns, table)
    measured_evidence += baseline_realisation(columns) + yearless_standards(columns) + target_of_its_capaian(columns)
    measured_evidence += target_beside_rupiah(columns, table)
    budget_column_roles(columns)
    measured_evidence += ordinal_year_columns(columns, table)
    measured_evidence += achieved_quantity_capaian(columns, table)  # Readings settled 1
    decisions = infer_roles(table, columns)
    measured_evidence += plan_end_amounts(columns)
    measured_evidence += schedule_columns(columns, table)
    roles = {c.role for c in columns}
    if roles & {"target", "realization", "achievement"} and not roles & NAME_ROLES:
        namer = naming_column(columns, table)
        if namer is not None:
            namer.role = "indicator"
        roles = {c.role for c in columns}
    default_year = caption_year(table.caption, report_year)
    titled = titled or title_year(table)
    if titled is not None and titled.year != default_year:
        default_year = titled.year
        measured_evidence.append(titled.evidence)
    layout = TableLayout(columns, default_year=default_year, report_year=report_year,
                         evidence=measured_evidence + [d.evidence for d in decisions], document_evidence=document_evidence)
    has_name = bool(roles & NAME_ROLES)
    has_perf_values = bool(roles & {"target", "realization"}) or ("achievement" in roles and "indicator" in roles)
    has_perf_values |= capaian_of_sasaran(roles)
    has_budget = bool(roles & {"pagu", "pagu_initial", "budget_realization"})
    if has_budget and has_name | ("program" in roles or "other" in roles):
        layout.kinds.add("budget")
    elif "budget_pct" in roles and roles & {"sasaran", "program"}:
        layout.kinds.add("budget")  # the share of its budget each sasaran / program spent, no amounts
    if has_perf_values and (has_name or "other" in roles):
        if not has_budget or roles & {"target", "realization"} or "indicator" in roles:
            layout.kinds.add("performance")
    if not layout.kinds and _transposed(table):
        layout.kinds.add("transposed")
    if years_down_the_rows(table):  # years as rows, quantities as columns: see pipeline/year_rows.py
        layout.kinds = {"transposed"}
    return layout
