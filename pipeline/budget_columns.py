"""Budget columns that say more than a role: which level of the budget hierarchy they belong to.

Wide budget sheets print the hierarchy across columns instead of down one name column:
- a Renstra program table names its rows in one column per level ("PROGRAM | KEGIATAN | SUB KEGIATAN"):
  the level of a row is the column its name is printed in, and an indicator line that prints its own
  Rupiah but no name of a level is a row of its own, named by the indicator (level "other");
- a realisation sheet printed from a spreadsheet puts each level's ceiling in its own column ("ANGGARAN ›
  PER PAKET | PER SUB-KEGIATAN | PER KEGIATAN | PER PROGRAM"), stepping right as the level rises: a row's
  ceiling is the one in the column of the highest level it fills (a sub-kegiatan without works packages
  prints its ceiling under PER PAKET too), and that column tells the row's level;
- physical progress ("Realisasi Fisik (%)") is no spending: role "progress", which no record reads;
- a ceiling broken down by kind of expenditure ("JENIS BELANJA › PEGAWAI | BARANG | MODAL") beside the
  ceiling itself ("PAGU") gives the parts, not a ceiling each.

In:  a `TableLayout` (column roles and header paths) and the table's rows.
Out: the level name columns of a table, and for one row its level and name read from them.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.grid import PATH_SEP, text_of
from pipeline.lexicon import (
    AVERAGE_OVER_YEARS,
    EXPENDITURE_KINDS,
    HYPHEN_CODE_NAME,
    LEVEL_HEADING,
    ORDINAL_YEARS,
    PER_LEVEL,
    PHYSICAL,
    PLAN_END_HEADING,
    RATIO,
)
from pipeline.models import Cell, RawTable

if TYPE_CHECKING:  # classify calls this module: no import of it at run time
    from normalizers.numbers import ParsedNumber
    from pipeline.classify import ColumnRole, TableLayout

# One column per level is a hierarchy printed across: two levels at least (a lone "Program" column is
# the usual name column).
MIN_LEVEL_COLUMNS = 2
# The leaf of a name column under a level's heading ("KEGIATAN › Uraian", "Sub Kegiatan › Nama").
NAME_LEAF = re.compile(r"\s*(uraian|nama)\s*", re.IGNORECASE)
# Roles a level name column can hold after the header words (the words "program" / "kegiatan" make a name column).
NAME_ROLES = ("program", "indicator", "sasaran", "tujuan", "other")


def _leaf(path: str) -> str:
    return path.split(PATH_SEP)[-1].strip()


def level_name_columns(layout: TableLayout) -> list[tuple[str, ColumnRole]]:
    """The name columns headed by one level each, left to right: [("program", col), ("kegiatan", col),
    ("sub_kegiatan", col)]; [] when the table prints fewer than MIN_LEVEL_COLUMNS of them."""
    found: list[tuple[str, ColumnRole]] = []
    for c in layout.columns:
        if c.role not in NAME_ROLES:
            continue
        parts = c.path.split(PATH_SEP)
        m = LEVEL_HEADING.fullmatch(parts[-1].lower())
        if not m and len(parts) > 1 and NAME_LEAF.fullmatch(parts[-1]):
            m = LEVEL_HEADING.fullmatch(parts[0].lower())  # "KEGIATAN › Uraian": the names of that level
        if m:
            found.append(("sub_kegiatan" if m.group("sub") else m.group("level"), c))
    levels = [level for level, _ in found]
    if len(set(levels)) < MIN_LEVEL_COLUMNS or len(set(levels)) != len(levels):
        return []
    return found


def _own(table: RawTable, rows: list[list[Cell]], i: int, j: int) -> str:
    """The row's own text in column j: not a name carried down from the row above (a covered cell)."""
    if i < len(table.body) and j < len(table.body[i]) and table.body[i][j].text is None:
        return ""
    return text_of(rows[i][j]) if j < len(rows[i]) else ""


def indicator_column_after(layout: TableLayout, level_cols: list[tuple[str, ColumnRole]]) -> ColumnRole | None:
    """The indicator column printed right of the level columns (the measures of the program, kegiatan
    or sub-kegiatan on that row)."""
    last = level_cols[-1][1].index
    return next((c for c in layout.columns if c.index > last and c.role == "indicator"), None)


def name_by_level_column(table: RawTable, rows: list[list[Cell]], i: int, level_cols: list[tuple[str, ColumnRole]],
                         indicator: ColumnRole | None) -> tuple[str, str] | None:
    """(level, name) of row i: the deepest level column holding a name of the row's own; else, on an
    indicator line, ("other", the indicator's text); else None (the row names nothing of the budget)."""
    for level, col in reversed(level_cols):
        name = _own(table, rows, i, col.index)
        if name and not re.fullmatch(r"[\W\d]*", name):
            return level, name
    if indicator is not None:
        name = _own(table, rows, i, indicator.index)
        if name:
            return "other", name
    return None


# The levels of the state budget's codes (RKA-K/L, DIPA): the budget section of the ministry or agency
# (three digits: the whole table), its eselon-I unit (two digits), a program (two capitals), a kegiatan
# (four digits).
STATE_BUDGET_LEVELS = ((re.compile(r"\d{3}"), "total"), (re.compile(r"\d{2}"), "unit"),
                       (re.compile(r"[A-Z]{2}"), "program"), (re.compile(r"\d{4}"), "kegiatan"))


def split_hyphen_code(name: str) -> tuple[str | None, str, str | None]:
    """'5735-Peningkatan Operasi …' -> ('5735', 'Peningkatan Operasi …', 'kegiatan'): the state budget's
    code printed before the name with a hyphen, the name, and the level the code gives; (None, name,
    None) for any other name."""
    m = HYPHEN_CODE_NAME.match(name or "")
    if not m:
        return None, name, None
    code = m.group("code")
    level = next((lvl for pattern, lvl in STATE_BUDGET_LEVELS if pattern.fullmatch(code)), None)
    return code, m.group("name").strip(), level


# The levels a per-level ceiling column can name, lowest first; a works package (paket) is a row of no
# level of the budget hierarchy ("other").
PER_LEVEL_ORDER = ("other", "sub_kegiatan", "kegiatan", "program")
# An average beside two years' amounts at least is an average over the years (beside none, it may be an
# average over the rows, the programs' own share spent).
MIN_YEARS_AVERAGED = 2
# The roles of a budget table's value columns.
BUDGET_VALUE_ROLES = ("pagu_initial", "pagu", "budget_realization", "budget_pct")
# Money words over a per-level column: the ceiling (anggaran, pagu, DPA) of each level.
CEILING_WORDS = re.compile(r"\b(anggaran|pagu|dpa|apbd)\b", re.IGNORECASE)


def per_level_of(path: str) -> str | None:
    """The level a ceiling column is for, from its own heading under a money heading ("ANGGARAN › PER
    SUB-KEGIATAN" -> "sub_kegiatan", "… › PER PAKET" -> "other"); None for any other column."""
    parts = [p for p in path.split(PATH_SEP) if re.search(r"[A-Za-z]", p)]  # a stray "-" read into the header names nothing
    if not parts:
        return None
    m = PER_LEVEL.fullmatch(parts[-1])
    if not m or not CEILING_WORDS.search(PATH_SEP.join(parts[:-1])):
        return None
    word = re.sub(r"[\s-]", "", m.group("level").lower())
    return {"paket": "other", "pekerjaan": "other", "subkegiatan": "sub_kegiatan"}.get(word, word)


def budget_column_roles(columns: list[ColumnRole]) -> None:
    """Roles of budget columns the header words misread (changed in place): each per-level ceiling
    column is a pagu (its level word made it a name column), and physical progress is no spending."""
    levels = [per_level_of(c.path) for c in columns]
    if sum(1 for level in levels if level) >= MIN_LEVEL_COLUMNS:
        for c, level in zip(columns, levels):
            if level:
                c.role = "pagu"
    parts = [c for c in columns if c.role == "pagu" and EXPENDITURE_KINDS.search(c.path.split(PATH_SEP)[0])]
    if parts and any(c.role == "pagu" and c not in parts and CEILING_WORDS.search(_leaf(c.path)) for c in columns):
        for c in parts:
            c.role = "other"  # "JENIS BELANJA › PEGAWAI | BARANG | MODAL" beside "PAGU": the ceiling's parts
    for c in columns:
        if c.role in ("budget_realization", "budget_pct", "realization", "achievement", "other") \
                and PHYSICAL.search(c.path):
            c.role = "progress"  # a role of its own: the arithmetic between columns does not re-read it
    years = {c.year for c in columns if c.role in BUDGET_VALUE_ROLES and c.year is not None}
    for c in columns:
        if c.role in BUDGET_VALUE_ROLES and c.year is None and len(years) >= MIN_YEARS_AVERAGED \
                and AVERAGE_OVER_YEARS.search(c.path):
            c.role = "other"  # "Rata - rata Pertumbuhan › Anggaran" beside the years: an average over them, no year's
        elif c.role == "budget_realization" and RATIO.search(c.path):
            c.role = "budget_pct"  # "Rasio antara Realisasi dan Anggaran": the share spent, in percent


def level_ceilings(layout: TableLayout) -> list[tuple[str, ColumnRole]]:
    """The pagu columns one per level, lowest level first; [] when the table has fewer than two."""
    found = [(per_level_of(c.path), c) for c in layout.columns if c.role == "pagu"]
    ceilings = [(level, c) for level, c in found if level]
    if len(ceilings) < MIN_LEVEL_COLUMNS:
        return []
    return sorted(ceilings, key=lambda lc: PER_LEVEL_ORDER.index(lc[0]))


def row_ceiling(parsed: dict[int, list[ParsedNumber]], i: int,
                ceilings: list[tuple[str, ColumnRole]]) -> tuple[str, ColumnRole] | None:
    """The ceiling of row i: the column of the highest level holding an amount in that row, with its
    level; None when the row prints none."""
    filled = [(level, c) for level, c in ceilings if parsed[c.index][i].value is not None]
    return filled[-1] if filled else None


def prints_every_ceiling(parsed: dict[int, list[ParsedNumber]], i: int, ceilings: list[tuple[str, ColumnRole]],
                         body_row: list[Cell]) -> bool:
    """Row i prints one amount in every level's column: the total of the sheet (nothing else sits in
    every level at once). A level's cell covered by the cell on its left (the amount printed across
    the name and the first ceiling column) counts as printing it."""
    values = {parsed[c.index][i].value for _, c in ceilings
              if not (c.index < len(body_row) and body_row[c.index].text is None)}
    return len(values) == 1 and None not in values and len(ceilings) > 2


# An amount grouped in thousands twice or more ("202.700.000", "1 62.528.648.998"): never a row code.
AMOUNT_IN_CODE = re.compile(r"^\s*\d[\d ]{0,3}(?:[.,]\s?\d{3}){2,}(?:,\d{1,2})?\s*$")


def code_or_none(code: str) -> str:
    """The row's code as printed, or "" when the code column holds an amount (a stray ceiling or total
    printed into it: a code is never an amount)."""
    return "" if is_amount(code) else code


def is_amount(text: str) -> bool:
    """An amount grouped in thousands twice or more: a value, never a name or a code."""
    return bool(AMOUNT_IN_CODE.match(text or ""))


def indicator_line(table: RawTable, rows: list[list[Cell]], i: int, name_col: ColumnRole,
                   indicator: ColumnRole | None) -> str | None:
    """The indicator's text of row i when the row names no program or kegiatan of its own (its name cell
    is covered by the name above) but prints its own indicator: an indicator line that carries its own
    Rupiah is a row of its own, named by the indicator (level "other"); else None."""
    if indicator is None or indicator.index <= name_col.index or _own(table, rows, i, name_col.index):
        return None
    if not (i < len(table.body) and name_col.index < len(table.body[i]) and table.body[i][name_col.index].text is None):
        return None  # an empty name cell of its own: no name above runs into it
    return _own(table, rows, i, indicator.index) or None


# The ordinals under a "Tahun Ke-" heading: the years of a five-year plan, numbered from 1.
MAX_ORDINAL = 6


def _spans(row: list[Cell]) -> list[tuple[int, int]]:
    """(first, last) column of each heading of a header row: a heading covers the covered cells after it."""
    out: list[tuple[int, int]] = []
    for j, c in enumerate(row):
        if text_of(c):
            out.append((j, j))
        elif c.text is None and out and out[-1][1] == j - 1:
            out[-1] = (out[-1][0], j)
    return out


def _headings_and_ordinals(table: RawTable) -> tuple[list[Cell], list[Cell]]:
    """(the row of group headings, the row of their ordinals 1 … N): the ordinals in the first body row
    under the header, or, when the header repair took them in as its last row ("Anggaran pada Tahun Ke-
    › 1 | 2 | 3"), that row under the one before it."""
    last = [text_of(c).strip() for c in table.header[-1]]
    if len(table.header) > 1 and any(last) and all(not t or t.isdigit() for t in last):
        return table.header[-2], table.header[-1]
    return table.header[-1], table.body[0]


def ordinal_year_columns(columns: list[ColumnRole], table: RawTable) -> list[str]:
    """Money headings over plan years counted from the first ("Anggaran pada Tahun Ke-", "Realisasi
    Anggaran pada Tahun Ke-", "Rasio antara Realisasi dan Anggaran Tahun Ke-"), whose ordinals 1 … N the
    reader left in the first body row: each column is that heading's role (pagu, realisasi anggaran, its
    ratio in percent) for year start + N - 1 of the period the caption or the text above names
    ("Periode 2014 - 2018"). Changes `columns` in place. Out: the evidence, for the layout."""
    from pipeline.classify import caption_years, role_of

    if not table.header or not table.body:
        return []
    period = caption_years(table.caption) or caption_years((table.context_before or "").splitlines()[-1:][0]
                                                             if table.context_before else "")
    if len(period) < 2:
        return []
    headings, ordinal_row = _headings_and_ordinals(table)
    ordinals = [text_of(c).strip() for c in ordinal_row]
    evidence = []
    for first, last in _spans(headings):
        heading = text_of(headings[first])
        if not ORDINAL_YEARS.search(heading) or not CEILING_WORDS.search(heading):
            continue
        numbers = ordinals[first:last + 1]
        if not all(n.isdigit() and 1 <= int(n) <= min(MAX_ORDINAL, len(period)) for n in numbers):
            continue
        role = "budget_pct" if RATIO.search(heading) else role_of(heading)
        if role not in ("pagu", "budget_realization", "budget_pct"):
            continue
        for j, n in zip(range(first, last + 1), numbers):
            columns[j].role, columns[j].year = role, period[0] + int(n) - 1
        evidence.append(f"columns {first}-{last}: '{heading}' 1-{numbers[-1]} over the period {period[0]}-{period[-1]}: "
                        f"{role} of each year")
    return evidence


def level_owning_the_amount(table: RawTable, rows: list[list[Cell]], i: int, level_cols: list[tuple[str, ColumnRole]],
                            has_amount) -> tuple[str, str] | None:
    """A row that names two levels of its own (a kegiatan and, on the same line, its first sub kegiatan):
    the amount is the shallower level's when none of the lines below that name only the deeper level
    (up to the next name of the shallower level or above) prints an amount. (level, name), or None to
    keep the deepest level. `has_amount(k)`: row k prints an amount."""
    named = [(k, level, _own(table, rows, i, col.index)) for k, (level, col) in enumerate(level_cols)]
    named = [(k, level, name) for k, level, name in named if name and not re.fullmatch(r"[\W\d]*", name)]
    if len(named) < 2:
        return None
    (top, level, name), deepest = named[-2], named[-1][0]
    if named[-1][1] != "sub_kegiatan":
        return None  # a program and its first kegiatan on one line: the amount is the kegiatan's
    for below in range(i + 1, len(rows)):
        if any(_own(table, rows, below, col.index) for _, col in level_cols[:top + 1]):
            break  # the next kegiatan (or program) begins
        if _own(table, rows, below, level_cols[deepest][1].index) and has_amount(below):
            return None  # the deeper level prints its own amounts: this one is the deeper level's too
    return level, name


# Letters and digits alternating inside one word ("7a5ta0n.000"): the glyphs of a clipped name printed
# over an amount in the same cell. The amount cannot be read (its digits are mixed with the name's).
INTERLEAVED = re.compile(r"\d[A-Za-z]+\d|[A-Za-z]\d[A-Za-z]")


def unreadable_amount(printed: str | None) -> bool:
    """An amount cell whose digits are interleaved with letters: its value is unknown (the text is kept)."""
    return bool(INTERLEAVED.search(printed or ""))


# A sum printed with its cents ("14,041,089,100.00") is exact; this share allows the rounding of amounts
# printed to the rupiah from cents summed in the spreadsheet.
SUM_TOLERANCE = 1e-6
# A total adds up two rows at least (one row "adding up" to itself is a repeated line, no total).
MIN_TOTALLED_ROWS = 2


def unlabelled_total(parsed: dict[int, list[ParsedNumber]], i: int, amount_cols: list[int], named_rows: list[int]) -> bool:
    """A budget table's last row that prints no name and no number ("Jumlah" left out, its cell blank):
    it is the table's total when, in every amount column, its amount is the sum of the named rows' above
    (the values decide, not a word), and it adds at least one amount that is not zero.
    In: the parsed amount cells by column, the row, the amount columns, the named rows above it.
    Out: whether row i is that total."""
    if len(named_rows) < MIN_TOTALLED_ROWS:
        return False
    checked = 0
    for j in amount_cols:
        own = parsed[j][i].value
        if own is None:
            continue
        parts = [parsed[j][k].value for k in named_rows]
        if any(v is None for v in parts):
            return False
        total = sum(v for v in parts if v is not None)
        if abs(total - own) > SUM_TOLERANCE * max(1.0, abs(own)):
            return False
        checked += own != 0
    return checked > 0


# Word's Wingdings bullet (❖, character "v" of that font) comes out of a text layer that maps the font to
# letters as a lone "v" before the item's capitalised name ("v PAD"): the bullet, not a word of the name.
LETTER_BULLET = re.compile(r"^v\s+(?=[A-Z])")


def without_letter_bullet(name: str) -> str:
    """In: a row's name. Out: the name less a leading Wingdings bullet read as the letter "v"."""
    return LETTER_BULLET.sub("", name)


# Money roles a plan-end column may have taken from its heading's words.
AMOUNT_ROLES_OF_PLAN = ("pagu_initial", "pagu", "budget_realization")


def plan_end_amounts(columns: list[ColumnRole]) -> list[str]:
    """A money column under the plan's end ("Target Akhir Renstra › Rp", "Kondisi Kinerja pada Akhir Periode
    Renstra › Rp") beside money columns of the plan's years holds the plan's total over those years (a sum,
    Readings settled 12), no year's amount: role other, when it prints no year or one of those years (a
    heading's slip); a plan end printed with a year of its own is that year's (Readings settled 3). Role
    plan_total: still numbers where the rows are aligned, read by no record. Run after the
    arithmetic between columns has settled the others' roles, so only this column changes.
    In: the table's columns. Out: the evidence of each change, for the layout."""
    evidence = []
    for c in columns:
        if c.role not in AMOUNT_ROLES_OF_PLAN or not PLAN_END_HEADING.search(c.path):
            continue
        yearly = {o.year for o in columns if o is not c and o.role == c.role and o.year is not None
                  and not PLAN_END_HEADING.search(o.path)}
        if len(yearly) < MIN_YEARS_AVERAGED or (c.year is not None and c.year not in yearly):
            continue  # a plan end of its own year ("… Akhir Periode Renstra › 2026" after 2021-2025): that year's
        evidence.append(f"col {c.index} {c.path!r}: the plan-end amount beside the amounts of {min(yearly)}-{max(yearly)}: "
                        f"their total, no year's: {c.role} -> plan_total")
        c.role, c.year = "plan_total", None  # still a column of numbers for the rows' alignment, no record
    return evidence
