"""Turn classified tables into performance and budget records, one per (row, year).

In:  a `RawTable`, its `TableLayout`, the source file name.
Out: `PerformanceRecord`s and `BudgetRecord`s with provenance (file, page, table, row, printed
     text). Year columns are expanded into one record per year; row-spanning cells are carried
     down to the rows they cover; quarterly columns are not years and are left out.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from extractors.grid import (
    PATH_SEP,
    given_back,
    is_column_numbering,
    is_pure_number,
    realign_rows,
    spilled_below,
    text_of,
)
from normalizers.concepts import INDICATOR_OPENINGS, OPEN_ENDINGS
from normalizers.levels import (
    AVERAGE_WORD,
    child_level_from_header,
    is_indicator_wording,
    is_letter_code,
    level_from_code,
    level_from_name,
    split_inline_code,
)
from normalizers.numbers import (
    Evidence,
    FormatNote,
    ParsedNumber,
    decide_by_row,
    evaluate_expression,
    in_row_context,
    parse_column,
    parse_number,
)
from normalizers.units import unit_kind
from pipeline.base_values import applied_scales
from pipeline.budget_columns import (
    code_or_none,
    indicator_column_after,
    indicator_line,
    is_amount,
    level_ceilings,
    level_name_columns,
    level_owning_the_amount,
    name_by_level_column,
    prints_every_ceiling,
    row_ceiling,
    split_hyphen_code,
    unlabelled_total,
    unreadable_amount,
    without_letter_bullet,
)
from pipeline.budget_parents import Hierarchy
from pipeline.budget_years import AMOUNT_ROLES, printed_in_full
from pipeline.classify import ColumnRole, Role, TableLayout, role_of, year_of
from pipeline.lexicon import (
    BULLETS,
    DATE,
    GOAL_LABEL,
    INDICATOR_ROW_LABEL,
    ITEM_MARK,
    LIST_INTRODUCTION,
    PROGRAM_LABEL,
    PROGRAM_NAME,
    RUNS_ON_END,
    RUNS_ON_START,
    UNIT_PRICE,
)
from pipeline.models import (
    BudgetRecord,
    Cell,
    CellNote,
    PerformanceRecord,
    PrintedAggregate,
    Provenance,
    RawTable,
)
from pipeline.not_records import closed_up
from pipeline.part_rows import named_parts
from pipeline.year_group_rows import group_years
from pipeline.year_rows import year_row_records, years_down_the_rows

CARRY_DOWN_ROLES = {"tujuan", "sasaran", "program", "indicator", "unit", "no"}
BULLET_SPLIT = re.compile(r"\s*(?:<li>|•|●|▪|\n\s*[-–]\s+)\s*")
# Real markup only: the tags converters leave in cells ("<br>", "</li>", "<span class=...>"), so a
# printed comparison such as "(TB/U <-2 SD)", "< 5 %" or "a <b dan c> d" keeps its text.
MARKUP_TAGS = "br|p|li|ul|ol|b|i|u|s|em|strong|span|div|font|sup|sub|td|tr|th|table|tbody|thead|a|hr"
HTML_TAG = re.compile(rf"""</?(?:{MARKUP_TAGS})(?:\s+[a-z-]+=(?:"[^"]*"|'[^']*'|[^\s>]+))*\s*/?>""", re.IGNORECASE)


# Word's symbol-font bullets read as private-use characters: marks, not words of a name.
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _clean(text: str | None) -> str:
    text = PRIVATE_USE.sub(" ", HTML_TAG.sub(" ", text or ""))
    return " ".join(text.replace("•", " ").split())


NUMBER_ROLES = {"target", "realization", "achievement", "pagu", "pagu_initial", "budget_realization", "budget_pct",
                "efficiency", "plan_total"}  # plan_total: the plan's amount over its years (budget_columns), no record
TEXT_ROLES = {"indicator", "sasaran", "program", "tujuan", "unit"}

# Value columns' parsed cells: {column index: one parsed cell per row}.
ParsedColumns = dict[int, list[ParsedNumber]]
# A table's value columns by year and role: {year (None: no year printed or known): {role: column}}.
YearGroups = dict[int | None, dict[str, ColumnRole]]


def filled_rows(table: RawTable, layout: TableLayout) -> list[list[Cell]]:
    """The row stages below take these rows as `rows` (computed once per table by the caller) or
    compute them. Body rows realigned where OCR shifted them by a column, with covered cells (text None) of
    name-like columns filled from the row above."""
    roles = {c.index: c.role for c in layout.columns}
    expected = ["number" if roles.get(j) in NUMBER_ROLES else "text" if roles.get(j) in TEXT_ROLES else None
                for j in range(table.n_cols)]
    out: list[list[Cell]] = []
    last: int | None = None  # the row a continuation row is joined to
    headings = _heading_texts(table)
    realigned = realign_rows(table.body, expected)
    for k, row in enumerate(realigned):
        # the row above as printed: out[-1] may be blanked already (its lone digits repeat the header's ordinals)
        if k and _numbering_over_two_lines(realigned[k - 1], row):
            # "… 9 | 1 | 11 | 12 | 1 | 1 …" over "… 9 | 0 | 11 | 12 | 3 | 4 …": the column numbers 10, 13, 14 broken
            out[-1] = [Cell("", c.page) for c in out[-1]]
            out.append([Cell("", c.page) for c in row])
            last = None
            continue
        if is_column_numbering(row) or _repeats_headings(row, headings):
            # "(1) (2) (3) …" or a line of the header ("No | (Rp.) | (Rp.) | %") printed again where a
            # part of the table on the next page was joined under the first part's header
            out.append([Cell("", c.page) for c in row])
            if k + 1 < len(realigned):
                realigned[k + 1] = given_back(realigned[k + 1], spilled_below(row))
            continue
        if last is not None and _continues_previous(row, out[last], roles):
            out[last] = [Cell(f"{text_of(a)} {text_of(b)}".strip() if text_of(b) else a.text, a.page)
                         for a, b in zip(out[last], row)]
            out.append([Cell("", c.page) for c in row])  # keep row numbers aligned with the body
            continue
        if last is not None and last == len(out) - 1 and _fills_the_gaps_of(out[last], row, roles):
            # the row's percentages printed a grid line above its name and amounts: one row
            above = out[last - 1] if last else None
            out[last] = _filled([Cell(text_of(b) or text_of(a), b.page) if (text_of(a) or text_of(b)) else b
                                 for a, b in zip(out[last], row)], above, roles)
            out.append([Cell("", c.page) for c in row])
            continue
        out.append(_filled(row, out[-1] if out else None, roles))
        last = len(out) - 1
    return out


def _names_a_program(name: str) -> bool:
    """'Program Penunjang Urusan …' or 'Program : Program Dukungan …'."""
    return bool(PROGRAM_NAME.match(name) or PROGRAM_NAME.match(PROGRAM_LABEL.sub("", name)))


def _block_amounts_to_programs(table: RawTable, rows: list[list[Cell]], name_col: ColumnRole,
                               amount_cols: list[ColumnRole]) -> list[list[Cell]]:
    """A Perjanjian Kinerja prints a block per program: its tujuan, its sasaran, then the program, with the
    block's anggaran in one cell merged down the block and so read on the block's first row ("Tujuan: …").
    The amount is the program's: moved to the one row of the block that names a program, where the rows
    under the goal's amount are covered by it (their cells empty of any text of their own). In: the table,
    its filled rows, the name column, the amount columns. Out: a copy of the rows, the amounts moved."""
    moved = [list(r) for r in rows]
    for col in amount_cols:
        for i, row in enumerate(rows):
            name = _clean(text_of(row[name_col.index]))
            if not text_of(row[col.index]) or not GOAL_LABEL.match(name) or _names_a_program(name):
                continue
            block = list(itertools.takewhile(lambda j: j < len(table.body) and col.index < len(table.body[j])
                                             and table.body[j][col.index].text is None, range(i + 1, len(rows))))
            programs = [j for j in block if _names_a_program(_clean(text_of(rows[j][name_col.index])))]
            if len(programs) == 1:
                moved[programs[0]][col.index] = row[col.index]
                moved[i][col.index] = Cell("", row[col.index].page)
    return moved


def _numbering_over_two_lines(upper: list[Cell], lower: list[Cell]) -> bool:
    """A row numbering the columns whose two-digit numbers a narrow cell broke over two lines: the upper
    line holds tens digits alone, the two read together number the columns."""
    uppers = [text_of(c).strip() for c in upper]
    if not any(uppers) or not all(re.fullmatch(r"\d?", t) for t in uppers):
        return False
    return is_column_numbering([Cell(a + text_of(b).strip(), b.page) for a, b in zip(uppers, lower)])


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _heading_texts(table: RawTable) -> set[str]:
    """The table's headings and each of their lines, normalised."""
    out: set[str] = set()
    for row in table.header:
        for c in row:
            out |= {_norm(t) for t in [text_of(c), *text_of(c).splitlines()] if t.strip()}
    return out


# A header line printed again fills at least two cells with headings; one heading alone may be a row's label.
MIN_REPEATED_HEADINGS = 2


def _repeats_headings(row: list[Cell], headings: set[str]) -> bool:
    texts = [_norm(text_of(c)) for c in row if text_of(c)]
    return len(texts) >= MIN_REPEATED_HEADINGS and all(t in headings for t in texts)


def _filled(row: list[Cell], above: list[Cell] | None, roles: dict[int, Role]) -> list[Cell]:
    """Covered cells (text None) of a row: a name cell right of a label in the number column takes
    the label ("TOTAL" over No + name); a name cell covered from above takes the text above."""
    new: list[Cell] = []
    spanning = False  # the cell on the left holds a label of this row (its own, or one spanning into it)
    for j, cell in enumerate(row):
        # a label spans right over covered cells; a name carried down from the row above does not
        left = text_of(new[j - 1]) if j and spanning else ""
        spanning = cell.text is not None
        if cell.text is None and left and roles.get(j) not in NUMBER_ROLES and not is_pure_number(left) \
                and not re.fullmatch(r"[A-Za-z]\.?|[\d.]+|\(?\d+\)", left):
            new.append(Cell(left, cell.page))
            spanning = True
        elif cell.text is None and above is not None and roles.get(j) in CARRY_DOWN_ROLES:
            new.append(Cell(above[j].text, cell.page))
        else:
            new.append(cell)
    return new


def _continues_previous(row: list[Cell], previous: list[Cell], roles: dict[int, Role]) -> bool:
    """A row without values or a number whose text runs on in two or more name columns continues
    the row above (a cell's lines printed as separate rows), unless each of them starts with a row
    code or bullet; a heading row names one column only."""
    if _fills_the_gaps_of(row, previous, roles) or _rest_of_row_above(row, previous, roles):
        return True
    if any(text_of(row[j]) for j, r in roles.items() if r in NUMBER_ROLES or r == "no"):
        return False
    if not any(text_of(previous[j]) for j, r in roles.items() if r in NUMBER_ROLES):
        return False
    named = [j for j, r in roles.items() if r in TEXT_ROLES and r != "unit" and text_of(row[j])]
    if len(named) >= 2 and all(ITEM_MARK.match(text_of(row[j])) for j in named):
        return False  # each name numbered anew ("1.2 Meningkatnya …" | "1.2.1 Prosentase …"): a row of its own
    if len(named) == 1:
        above, cell = previous[named[0]], row[named[0]]
        return _runs_on(text_of(above), text_of(cell)) or _same_paragraph(above, cell)
    return len(named) >= 2


INDICATOR_VALUE_ROLES = {"target", "realization", "achievement"}


def _rest_of_row_above(row: list[Cell], previous: list[Cell], roles: dict[int, Role]) -> bool:
    """A row cut by a page or grid line: the rest of the names above (in columns whose name above it
    continues) and the values the row above left empty, no indicator of its own, no row number ("e. Kegiatan
    Administrasi | • Terlaksananya … | 100% | | " over "Umum Perangkat Daerah. | | | 100% | 100 %").
    In: the row, the row above, the column roles. Out: True when the row is the rest of the row above."""
    if "indicator" not in roles.values() or any(r in NUMBER_ROLES - INDICATOR_VALUE_ROLES for r in roles.values()):
        return False  # an indicator table without amounts: its indicator column tells a new row from the rest of one
    values = [j for j, r in roles.items() if r in NUMBER_ROLES and j < len(row)]
    filled = [j for j in values if text_of(row[j])]
    if not filled or any(text_of(previous[j]) for j in filled) or not any(text_of(previous[j]) for j in values):
        return False
    if not all(text_of(previous[j]) or text_of(row[j]) for j in values):
        return False  # together the two rows fill every value column, each cell once
    if any(text_of(row[j]) for j, r in roles.items() if r in ("no", "indicator") and j < len(row)):
        return False
    names = [j for j, r in roles.items() if r in TEXT_ROLES and r != "unit" and j < len(row) and text_of(row[j])]
    if any(level_from_name(_clean(text_of(row[j]))) == "total" for j in names):
        return False  # a TOTAL / RATA-RATA row of its own
    return bool(names) and all(text_of(previous[j]) for j in names) and not any(
        text_of(c) for j, c in enumerate(row) if j not in roles or roles[j] not in NUMBER_ROLES | TEXT_ROLES)


def _fills_the_gaps_of(row: list[Cell], previous: list[Cell], roles: dict[int, Role]) -> bool:
    """A row with values but no name, every one of whose cells is empty in the named row above: the
    rest of that row, printed a grid line lower (the kegiatan's amounts under its name and
    percentages; its number and amounts set level with the middle of a name over several lines)."""
    names = [j for j, r in roles.items() if r in TEXT_ROLES and r != "unit"]
    if any(text_of(row[j]) for j in names):
        return False
    if not any(text_of(previous[j]) for j in names):
        return False
    filled = [j for j, c in enumerate(row) if text_of(c)]
    return bool(filled) and any(roles.get(j) in NUMBER_ROLES for j in filled) \
        and all(not text_of(previous[j]) for j in filled)


def _same_paragraph(above: Cell, cell: Cell) -> bool:
    """A line set like the one above it (same weight, no item mark, not capitals under lower case):
    the same name going on, not a heading of its own."""
    text, upper = text_of(cell), text_of(above)
    if not upper or above.bold is None or cell.bold != above.bold or LIST_ITEM.match(text) or \
            re.match(r"\d+(\.\d+)*[.)]?\s", text):
        return False
    return not (text.isupper() and not upper.isupper()) and len(text.split()) <= SHORT_CONTINUATION_WORDS


# A line that runs on is short (the last words of a wrapped name); a longer one is a row of its own.
SHORT_CONTINUATION_WORDS = 4


def _runs_on(above: str, text: str) -> bool:
    """One name cell printed over two grid rows: the lower line continues the upper one."""
    return bool(above) and bool(RUNS_ON_START.match(text) or RUNS_ON_END.search(above))


def _parsed_columns(rows: list[list[Cell]], columns: list[ColumnRole],
                    document: Evidence | None = None) -> ParsedColumns:
    """Value columns -> their parsed cells. Each column decides its lone "1.234" / "1,234" from its own
    cells, then from the table's (all of `columns`), which also says whether the table prints English;
    a table with too few cells to say takes the whole report's cells (`document`) as well. A scale
    word in its heading ("Pagu Indikatif (Rp. 000)") applies to its amounts."""
    from normalizers.numbers import MIN_ENGLISH_EVIDENCE, table_evidence

    texts: dict[int, list[str | None]] = {col.index: [text_of(r[col.index]) if col.index < len(r) else "" for r in rows]
                                          for col in columns}
    table = table_evidence(list(texts.values()))
    if document is not None and table.total < MIN_ENGLISH_EVIDENCE:
        table = table + document
    parsed = {col.index: parse_column(texts[col.index], percent_column=col.role in ("achievement", "budget_pct", "efficiency"),
                                      table=table, heading=col.path, money=col.role in AMOUNT_ROLES) for col in columns}
    return printed_in_full(parsed, columns)


def _year_groups(layout: TableLayout, roles: tuple[str, ...]) -> YearGroups:
    """{year: {role: column}}; the first column wins when a role repeats for a year, except that a
    column marked 'tahunan' (annual) beats quarterly ones; columns after a quarter column are
    quarterly values and are dropped."""
    quarter_at = min((c.index for c in layout.columns if c.role == "quarter"
                      and re.fullmatch(r"(triwulan|tw|quarter)\.?", c.path.split(PATH_SEP)[-1].strip().lower())), default=None)
    groups: YearGroups = {}
    for col in layout.columns:
        if col.role not in roles:
            continue
        if quarter_at is not None and col.index > quarter_at:
            continue
        year = col.year or layout.default_year
        slot = groups.setdefault(year, {})
        if col.role not in slot or ("tahunan" in col.path.lower() and "tahunan" not in slot[col.role].path.lower()):
            slot[col.role] = col
    return groups


def _without_row_label(text: str) -> str:
    """An indicator name without the row label and list number printed before it in a plan's
    hierarchy table ("I P (1) Nilai AKIP" -> "Nilai AKIP", lexicon.INDICATOR_ROW_LABEL).
    In: a name as read. Out: the name, the label and number left out when both are there."""
    return INDICATOR_ROW_LABEL.sub("", text, count=1)


def _indicator_items(text: str, read_by_ocr: bool = False) -> list[str]:
    text = _without_row_label(text or "")
    if read_by_ocr:
        text = with_lost_bullets(text)
    items = [_clean(p) for p in BULLET_SPLIT.split(text or "") if _clean(p)]
    return items if len(items) > 1 else [_clean(text)]


# OCR drops a list's bullet now and then ("• Persentase ketersediaan / bahan … / Persentase ketersediaan /
# kelompok …": two indicators, the second bullet lost). In a cell whose list opens with a bullet, a line that
# opens with an indicator's measure word in capitals ("Persentase", "Jumlah", `INDICATOR_OPENINGS`) starts
# an item of its own when the item above has at least this many words and does not end on a word that needs
# what follows ("… antara", "… dan"): "• Nilai / Indeks Kepuasan …" is one name cut after its first word.
LOST_BULLET_MIN_WORDS = 3


def with_lost_bullets(text: str) -> str:
    """A cell's text read by OCR with the bullets it lost put back (see `LOST_BULLET_MIN_WORDS`)."""
    lines = text.split("\n")
    if len(lines) < 2 or not LIST_ITEM.match(lines[0]):
        return text
    out = [lines[0]]
    item_words = len(re.findall(r"\w+", lines[0]))
    for line in lines[1:]:
        first = re.match(r"\s*([A-Z][a-z]+)\b", line)
        above = re.findall(r"[A-Za-z]+", out[-1])
        if (first and first.group(1).lower() in INDICATOR_OPENINGS and item_words >= LOST_BULLET_MIN_WORDS
                and not (above and above[-1].lower() in OPEN_ENDINGS)):
            out.append("• " + line.strip())
            item_words = len(re.findall(r"\w+", line))
            continue
        if LIST_ITEM.match(line):
            item_words = len(re.findall(r"\w+", line))
        else:
            item_words += len(re.findall(r"\w+", line))
        out.append(line)
    return "\n".join(out)


UNNAMED_INDICATOR = "(indikator tidak tercantum)"
# The items below a list introduction (lexicon.LIST_INTRODUCTION) start with a dash or bullet.
LIST_ITEM = re.compile(rf"^\s*[{BULLETS}]\s*\S")


# An item whose bullet was read after its words ("Telur -"), the mark set a little lower.
TRAILING_BULLET = re.compile(rf"^\s*([^{BULLETS}\s].*?)\s+[{BULLETS}]\s*$", re.S)
# An outline of measures and their parts: a row numbered with a roman numeral that prints values of
# its own (a total: "I | Daging | 692.191.196"), then its parts numbered from 1 ("1 | Sapi Lokal").
# A part's name alone does not say what is measured ("Ayam Buras" under meat and under eggs), so
# each part is named after its group: "Daging - Sapi Lokal".
ROMAN_NUMBER = re.compile(r"^\s*[IVX]+\s*[.)]?\s*$")
ARABIC_NUMBER = re.compile(r"^\s*(\d+)\s*[.)]?\s*$")


class _Outline:
    """The group of an outline the rows are in, read from the row-number column row by row."""

    def __init__(self) -> None:
        self.group = ""  # a roman-numbered row with values, until its parts start at 1
        self.confirmed = False

    def name(self, number: str, name: str, has_values: bool) -> str:
        if ROMAN_NUMBER.match(number):
            self.group, self.confirmed = (_clean(name) if has_values else ""), False
            return name
        item = ARABIC_NUMBER.match(number)
        if item and self.group:
            self.confirmed = self.confirmed or item.group(1) == "1"
            if self.confirmed:
                return f"{self.group} - {_clean(name)}"
            self.group = ""
        return name


SASARAN_WORDING = re.compile(
    r"^\W*(meningkat|menurun|terwujud|tercapai|terlaksana|terselenggara|terkelola|tersedia|terjamin|terimplementasi|"
    r"berkurang|peningkatan|penurunan|penguatan|pengembangan|optimalisasi)\w*\b", re.I)


def restore_unnamed_indicators(records: list[PerformanceRecord]) -> None:
    """Rows that print values without naming their indicator get the indicator another table of
    the same report prints for the same numbers: rows whose indicator cell is empty, and rows named
    only by their sasaran / tujuan ("Meningkatnya Penjualan Produk …", which then becomes the row's
    sasaran). A name is taken when the targets of every year both rows print agree (at least two
    agreeing values, targets or realisasi / capaian) and exactly one indicator fits best. Changes
    the records in place and notes where the name came from."""
    from normalizers.names import indicator_form

    rows: dict[tuple[int | None, int | None, str], list[PerformanceRecord]] = {}
    for r in records:
        rows.setdefault((r.prov.table_index, r.prov.row_index, r.indicator), []).append(r)

    def unnamed(name: str, members: list[PerformanceRecord]) -> bool:
        return name.startswith(UNNAMED_INDICATOR) or (
            members[0].level in ("sasaran", "tujuan") and bool(SASARAN_WORDING.match(name))
            and not is_indicator_wording(name))

    named = {k: v for k, v in rows.items() if not unnamed(k[2], v)}
    for (table_index, _, name), members in rows.items():
        if not unnamed(name, members):
            continue
        scores: dict[str, tuple[int, str, str | None]] = {}
        for (other_table, _, other_name), others in named.items():
            if other_table == table_index:
                continue
            score = _agreement(members, others)
            form = indicator_form(other_name)
            if score and score > scores.get(form, (0,))[0]:
                scores[form] = (score, other_name, others[0].prov.table_label)
        ranked = sorted(scores.values(), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            _, found, where = ranked[0]
            for r in members:
                if not name.startswith(UNNAMED_INDICATOR):
                    r.sasaran = r.sasaran or name  # the printed name was the sasaran's
                r.indicator = found
                r.format_notes.append(f"indicator: not printed in this row; named as in {where or 'another table'}")


def _agreement(row: list[PerformanceRecord], other: list[PerformanceRecord]) -> int:
    """How well two rows' year values agree: 0 on any clash of targets, otherwise the number of
    agreeing targets plus agreeing realisasi / capaian; 0 when fewer than two values agree."""
    by_year = {r.year: r for r in other}
    score = 0
    for r in row:
        o = by_year.get(r.year)
        if o is None:
            continue
        for quantity in ("target", "realization", "achievement_pct"):
            mine, theirs = getattr(r, quantity), getattr(o, quantity)
            if mine is None or theirs is None:
                continue
            if mine == theirs:
                score += 1
            elif quantity == "target":
                return 0  # another indicator: its targets differ
    return score if score >= 2 else 0


def _total_label_left_of(row: list[Cell], column: int) -> str:
    """A TOTAL / JUMLAH / RATA-RATA label printed left of the name column (under No, or a spanning
    label a borderless table split), or ''."""
    return next((text_of(c) for c in row[:column] if level_from_name(_clean(text_of(c))) == "total"), "")


def _average_row_values(target: ParsedNumber | None, real: ParsedNumber | None, ach: ParsedNumber | None,
                        ) -> tuple[ParsedNumber | None, ParsedNumber | None, ParsedNumber | None]:
    """A RATA-RATA row averages capaian: when it prints a single number for a year and the capaian
    cell is empty (the number drifted left under a spanning cell), that number is the capaian."""
    numbers = [p for p in (target, real) if p is not None and p.value is not None]
    if len(numbers) == 1 and (ach is None or ach.value is None) and numbers[0].kind in ("percent", "number"):
        return None, None, numbers[0]
    return target, real, ach


PERF_LEVEL_WORDS = (("sub kegiatan", "sub_kegiatan"), ("kegiatan", "kegiatan"), ("program", "program"), ("tujuan", "tujuan"))


def _perf_level(layout: TableLayout, name_col: ColumnRole) -> str:
    """The level of a table's indicators: from the name column's header ("Indikator Program"),
    else from the finest program / kegiatan column beside it, else sasaran."""
    path = name_col.path.lower()
    for word, level in PERF_LEVEL_WORDS:
        if word in path:
            return level
    beside = " ".join(c.path.lower() for c in layout.columns if c.role == "program")
    for word, level in PERF_LEVEL_WORDS[:3]:
        if word in beside:
            return level
    return "sasaran"


LevelColumns = list[tuple[ColumnRole, ColumnRole | None]]


@dataclass
class IndicatorBlock:
    """One block of a table's indicators: the column naming them, the columns it owns (its values and
    unit), the column naming their sasaran / program / tujuan (None when there is none), and the
    indicator columns of higher levels whose rows share its values (each with its context column)."""
    name_col: ColumnRole
    owned: list[ColumnRole]
    context_col: ColumnRole | None
    higher: LevelColumns = field(default_factory=list)


def _indicator_groups(layout: TableLayout) -> list[IndicatorBlock]:
    """Tables that print several indicator blocks side by side (sasaran indicators, then program
    indicators, each with its own capaian) are read block by block: each indicator column owns the
    value columns up to the next indicator column, and the name column just before it."""
    indicators = layout.of("indicator")
    if len(indicators) <= 1:
        name_col = indicators[0] if indicators else (layout.first("program") or layout.first("sasaran") or layout.first("tujuan"))
        sasaran = layout.first("sasaran")
        return [IndicatorBlock(name_col, layout.columns, sasaran if sasaran is not name_col else None)] if name_col else []
    groups = []
    for k, ind in enumerate(indicators):
        end = indicators[k + 1].index if k + 1 < len(indicators) else len(layout.columns)
        start = indicators[k - 1].index + 1 if k else 0
        owned = [c for c in layout.columns if ind.index < c.index < end or (c.role == "unit" and start <= c.index < end)]
        context = next((c for c in reversed(layout.columns[start:ind.index]) if c.role in ("sasaran", "program", "tujuan")), None)
        groups.append(IndicatorBlock(ind, owned, context))
    return groups


def _levels_sharing_values(groups: list[IndicatorBlock]) -> list[IndicatorBlock]:
    """Indicator columns of several levels side by side that share one set of value columns ("Tujuan ›
    Indikator | Sasaran › Indikator | Program | Indikator | 2021 | 2022"): an indicator column that owns no
    value column of its own is a higher level of the next block, whose rows name their indicator in the
    column of their level. Out: each block with its higher levels (indicator column, its context column)."""
    out: list[IndicatorBlock] = []
    higher: LevelColumns = []
    for k, block in enumerate(groups):
        if k + 1 < len(groups) and not any(c.role in NUMBER_ROLES for c in block.owned):
            higher.append((block.name_col, block.context_col))
            continue
        out.append(IndicatorBlock(block.name_col, block.owned, block.context_col, higher))
        higher = []
    return out


def performance_records(table: RawTable, layout: TableLayout, source_file: str,
                        rows: list[list[Cell]] | None = None) -> list[PerformanceRecord]:
    records: list[PerformanceRecord] = []
    rows = filled_rows(table, layout) if rows is None else rows
    for block in _levels_sharing_values(_indicator_groups(layout)):
        sub_layout = TableLayout([c for c in block.owned if c is not block.name_col], layout.kinds, layout.default_year,
                                 layout.report_year, document_evidence=layout.document_evidence)
        records.extend(_group_records(table, rows, sub_layout, block.name_col, block.context_col, source_file,
                                      block.higher))
    return records


def _higher_level_name(table: RawTable, rows: list[list[Cell]], i: int,
                       higher: LevelColumns) -> tuple[str, ColumnRole, ColumnRole | None] | None:
    """The indicator a row names in the column of a higher level (its own text, not one carried down from
    the row above), the nearest level first: (name, indicator column, its context column) or None."""
    for col, context in reversed(higher):
        text = _own_text(table, rows, i, col)
        if text:
            return text, col, context
    return None


def _group_records(table: RawTable, rows: list[list[Cell]], layout: TableLayout, name_col: ColumnRole,
                   sasaran_col: ColumnRole | None, source_file: str,
                   higher: LevelColumns | None = None) -> list[PerformanceRecord]:
    groups = _year_groups(layout, ("target", "realization", "achievement", "target_initial"))
    value_cols = [c for g in groups.values() for c in g.values()]
    rows, part_of = named_parts(table.body, rows, value_cols, name_col)  # "Bandeng 8.750 Kg" / "Udang 600 kg"
    row_years = group_years(rows)  # "Tahun 2022" rows across the table: the year of the rows under them
    yearless = {year for year, slot in groups.items() if all(c.year is None for c in slot.values())}
    parsed = _parsed_columns(rows, value_cols, layout.document_evidence)
    unit_col = layout.first("unit")
    level = _perf_level(layout, sasaran_col if sasaran_col is not None and "indikator" not in name_col.path.lower() else name_col)
    records: list[PerformanceRecord] = []
    owner_col = layout.first("program") or sasaran_col
    parent = ""  # a name introducing a list of items ("Jumlah produksi (ton) :"), for the items below it
    number_col = layout.first("no")
    outline = _Outline()
    named_above: tuple[int, str] | None = None  # the last row that named its indicator, and that name
    for i, row in enumerate(rows):
        name_text = text_of(row[name_col.index])
        if not name_text:  # a TOTAL / RATA-RATA label printed in another column of the row
            name_text = _total_label_left_of(row, name_col.index)
        if number_col is not None and name_text:
            name_text = outline.name(text_of(row[number_col.index]), name_text,
                                     any(parsed[c.index][i].value is not None for c in value_cols))
        trailing = TRAILING_BULLET.match(name_text or "")
        if trailing:  # "Telur\n-": the bullet set lower than its item, read after it
            name_text = f"- {trailing.group(1)}"
        if name_text and LIST_INTRODUCTION.search(_clean(name_text)):
            parent = _clean(name_text)  # with or without a figure of its own (the list's average)
        elif name_text and not any(parsed[c.index][i].value is not None for c in value_cols):
            parent = ""
        elif parent and LIST_ITEM.match(name_text):
            name_text = f"{parent} {_clean(name_text)}"  # "Jumlah produksi (ton) : - Daging"
        elif name_text:
            parent = ""
        row_level, row_sasaran_col = level, sasaran_col
        higher_name = _higher_level_name(table, rows, i, higher or []) if not name_text else None
        if higher_name is not None:  # a tujuan's or sasaran's own indicator, in the column of its level
            name_text, level_col, row_sasaran_col = higher_name
            row_level = next((lvl for word, lvl in PERF_LEVEL_WORDS if word in level_col.path.lower()), "sasaran")
        if not name_text and named_above is not None and _second_measure(
                rows, parsed, value_cols, unit_col, number_col, named_above[0], i):
            name_text = named_above[1]  # "UTTP : 6.831.222 buah" then "BDKT : 3.900 buah": one indicator, two measures
        if not name_text:
            owner = _clean(text_of(row[owner_col.index])) if owner_col else ""
            if not owner or not any(parsed[c.index][i].value is not None for c in value_cols):
                continue
            name_text = f"{UNNAMED_INDICATOR} {owner}"  # the report left the indicator cell empty
        if i in part_of:
            name_text = f"{_clean(name_text)} - {part_of[i]}"  # one indicator per part its cells name
        named_above = (i, name_text)
        is_total = level_from_name(_clean(name_text)) == "total"
        for group_year, slot in sorted(groups.items(), key=lambda kv: kv[0] or 0):
            year = row_years[i] if group_year in yearless and row_years[i] is not None else group_year
            cells = {role: parsed[col.index][i] for role, col in slot.items()}
            initial = cells.pop("target_initial", None)
            if initial is not None and initial.value is not None and (cells.get("target") is None
                                                                       or cells["target"].value is None):
                cells["target"] = initial  # the revised target left empty: the earlier one still holds
            if all(p.kind == "empty" and not text_of(row[slot[r].index]) for r, p in cells.items()):
                continue
            if not any(text_of(row[col.index]) for col in slot.values()):
                continue
            if all(p.value is None for p in cells.values()) and any(p.kind == "text" for p in cells.values()) \
                    and not any(p.format_note is FormatNote.SEVERAL_QUANTITIES for p in cells.values()) \
                    and any(re.search(r"\d", p.printed) or _heading_word(p.printed) for p in cells.values()
                            if p.kind == "text"):
                continue  # a note with a figure in the value cells ("Y on Y TW III: 11,56") or a heading or unit
                # word out of place ("Target", "Persen"); words alone are a target or realisasi in words
                # ("inflasi daerah < inflasi nasional", "WUB"): a row (Readings settled 4)
            target, real, ach = in_row_context(cells.get("target"), cells.get("realization"),
                                               cells.get("achievement"),
                                               year, layout.report_year)
            if is_total and AVERAGE_ROW.match(name_text):
                target, real, ach = _average_row_values(target, real, ach)
            unit = _clean(text_of(row[unit_col.index])) if unit_col else None
            if not unit:
                unit = next((p.unit_tail for p in (target, real) if p is not None and p.unit_tail), None)
                unit = unit or ("%" if any(p is not None and p.kind == "percent" for p in (target, real)) else None)
            page = row[slot[next(iter(slot))].index].page or table.page
            for item in _indicator_items(name_text, row[name_col.index].ocr_confidence is not None):
                records.append(PerformanceRecord(
                    prov=Provenance(source_file, page, table.index, table.label, i),
                    level="total" if is_total else row_level,
                    sasaran=_clean(text_of(row[row_sasaran_col.index])) or None if row_sasaran_col else None,
                    indicator=item,
                    unit=unit or None,
                    unit_kind=unit_kind(unit),
                    year=year,
                    target=target.value if target else None,
                    target_text=target.printed if target else None,
                    realization=real.value if real else None,
                    realization_text=real.printed if real else None,
                    achievement_pct=ach.value if ach else None,
                    achievement_text=ach.printed if ach else None,
                    column_paths={r: c.path for r, c in slot.items()},
                    format_notes=[f"{r}: {p.format_note}" for r, p in
                                  (("target", target), ("realization", real), ("achievement", ach))
                                  if p is not None and p.format_note],
                    applied_scales=applied_scales({"target": target, "realization": real}),
                ))
    return records


def transposed_records(table: RawTable, layout: TableLayout, source_file: str) -> list[PerformanceRecord]:
    """Rows Target / Realisasi / Capaian, one column per year; the indicator is named in the header.
    (A table of one row per year, one column per quantity: pipeline/year_rows.py.)"""
    if years_down_the_rows(table):
        return year_row_records(table, [c.path for c in layout.columns], source_file)
    records = []
    unit_col = layout.first("unit")
    roles_by_row = {}
    for i, row in enumerate(table.body):
        word = text_of(row[0]).lower()
        for key, role in (("target", "target"), ("realisasi", "realization"), ("capaian", "achievement")):
            if word.startswith(key):
                roles_by_row[role] = i
    for col in layout.columns[1:]:
        if col.role == "unit":
            continue
        year = year_of(col.path)
        if year is None:
            continue
        indicator = PATH_SEP.join(p for p in col.path.split(PATH_SEP) if not re.fullmatch(r"(tahun\s*)?\d{4}", p.strip(), re.I))
        values = {role: parse_column([text_of(table.body[i][col.index])])[0] for role, i in roles_by_row.items()}
        if all(v.kind == "empty" for v in values.values()):
            continue
        unit = _clean(text_of(table.body[roles_by_row.get("target", 0)][unit_col.index])) if unit_col else None
        t, r, a = values.get("target"), values.get("realization"), values.get("achievement")
        first_row = min(roles_by_row.values())
        records.append(PerformanceRecord(
            prov=Provenance(source_file, table.body[first_row][col.index].page or table.page, table.index, table.label, first_row),
            level="sasaran", sasaran=None, indicator=_clean(indicator), unit=unit or None, unit_kind=unit_kind(unit),
            year=year,
            target=t.value if t else None, target_text=t.printed if t else None,
            realization=r.value if r else None, realization_text=r.printed if r else None,
            achievement_pct=a.value if a else None, achievement_text=a.printed if a else None,
            column_paths={"column": col.path},
            format_notes=[f"{k}: {v.format_note}" for k, v in values.items() if v.format_note],
            applied_scales=applied_scales({"target": t, "realization": r}),
        ))
    return records


def _heading_word(text: str) -> bool:
    """A value cell holding a column heading's word or a unit's name ("Target", "Tgt", "Tahun", "Persen",
    "Indeks"): a heading or Satuan cell read out of its place, not a value printed in words."""
    word = _clean(text).lower().strip(" .:")
    return role_of(word) != "other" or word in ("tahun", "tgt", "satuan") or unit_kind(word) not in (None, "count", "other")


def _second_measure(rows: list[list[Cell]], parsed: ParsedColumns, value_cols: list[ColumnRole], unit_col: ColumnRole | None,
                    number_col: ColumnRole | None, above: int, i: int) -> bool:
    """An indicator measured in two quantities printed on two lines of the table, its name only on the first
    ("Jumlah UTTP dan BDKT | Buah | 6,831,222 | 4,341,614" over " | Buah | 3,900 | 928"): row i, without a
    name or a row number, right under the named row `above`, prints values only in value columns the row above
    fills too, in the same unit (its Satuan cell, or the unit words after its numbers, "buah").
    In: the rows, their parsed value cells, the value and unit columns, the number column, the two rows.
    Out: True when row i is the second measure of the indicator named above."""
    if above != i - 1 or (number_col is not None and text_of(rows[i][number_col.index])):
        return False
    filled = [c for c in value_cols if parsed[c.index][i].value is not None]
    if not filled or any(parsed[c.index][above].value is None for c in filled):
        return False
    value_indexes = {c.index for c in value_cols}
    words = [j for j, c in enumerate(rows[i]) if j not in value_indexes and text_of(c)]
    if unit_col is not None or words:  # its Satuan cell (a column with or without its heading) repeats
        same = [j for j in words if _clean(text_of(rows[i][j])).lower() == _clean(text_of(rows[above][j])).lower()]
        return bool(words) and same == words
    tails = {(parsed[c.index][k].unit_tail or "").lower() for c in filled for k in (i, above)}
    return len(tails) == 1 and tails != {""}


# A name column headed by the agencies it lists: SKPD / OPD (satuan / organisasi perangkat daerah), perangkat daerah,
# unit kerja, satker (satuan kerja, a central unit): a region's or a ministry's budget per agency.
UNIT_HEADING = re.compile(r"\b(?:skpd|opd|perangkat\s+daerah|unit\s+kerja|satker|satuan\s+kerja)\b", re.IGNORECASE)
# A name column headed by one level alone ("Kegiatan", "Nama Program", "Uraian Sub Kegiatan"): a flat list of
# that level, each row one of them whether or not its name repeats the word ("Kegiatan Pencegahan …" beside
# "Pemantapan Ideologi Bangsa"). A heading naming two levels ("Program/Kegiatan") lists both.
ONE_LEVEL_HEADING = re.compile(r"^\s*(?:nama\s+|uraian\s+)?(program|kegiatan|sub\s*-?\s*kegiatan)\s*$", re.IGNORECASE)


def level_of_heading(header_path: str, names: list[str]) -> str | None:
    """The level a name column's heading names alone: 'Kegiatan' -> kegiatan, 'Nama Sub Kegiatan' ->
    sub_kegiatan, 'Program/Kegiatan' or 'Uraian' -> None. The names printed under it outweigh it: None
    when one of them names another level ("Kegiatan …" rows under a heading "PROGRAM")."""
    m = ONE_LEVEL_HEADING.match(_leaf_of(header_path))
    if not m:
        return None
    level = "sub_kegiatan" if m.group(1).lower().startswith("sub") else m.group(1).lower()
    named = {level_from_name(n) for n in names} & {"program", "kegiatan", "sub_kegiatan"}
    return level if named <= {level} else None


def _budget_level(code: str | None, name: str, header_path: str, current_program: bool,
                  by_style: str | None = None, heading_level: str | None = None) -> str:
    by_name = level_from_name(name)
    if by_name:
        return by_name
    if UNIT_HEADING.search(_leaf_of(header_path)):
        return "unit"  # "Nama SKPD": the rows are the region's agencies (their codes are no program's)
    by_code = level_from_code(code)
    if by_code:
        return by_code
    if is_letter_code(code):
        return "program"
    if by_style:
        return by_style
    letters = re.sub(r"[^A-Za-z]", "", name)
    if letters and letters.isupper() and len(name.split()) >= 2 and not current_program:
        return "program"
    if current_program:
        return child_level_from_header(header_path)
    return heading_level or "other"


def style_levels(rows: list[list[Cell]], name_col: ColumnRole, codes: list[str]) -> dict[int, str]:
    """Row levels from how the names are set, for tables whose codes tell no level: indentation first
    (the least indented names are programs, the next kegiatan, deeper ones sub-kegiatan), else bold
    (bold names are programs, the others kegiatan). {} when the layout tells nothing."""
    if any(level_from_code(c) or is_letter_code(c) for c in codes):
        return {}  # the codes tell the levels
    named = [(i, row[name_col.index]) for i, row in enumerate(rows) if text_of(row[name_col.index])
             and level_from_name(_clean(text_of(row[name_col.index]))) is None]
    indents = sorted({c.indent for _, c in named if c.indent is not None})
    steps: list[float] = []
    for x in indents:  # indents within 3 points of each other are one step
        if not steps or x - steps[-1] > 3:
            steps.append(x)
    if 2 <= len(steps) <= 3 and named and named[0][1].indent is not None and named[0][1].indent - steps[0] <= 3:
        names = ("program", "kegiatan", "sub_kegiatan")
        return {i: names[max(k for k, step in enumerate(steps) if c.indent - step >= -3)]
                for i, c in named if c.indent is not None}
    bolds = {c.bold for _, c in named if c.bold is not None}
    if bolds == {True, False} and named[0][1].bold:
        return {i: "program" if c.bold else "kegiatan" for i, c in named if c.bold is not None}
    return {}


def _text_column(table: RawTable, layout: TableLayout) -> ColumnRole | None:
    from pipeline.classify import _numeric_column

    return next((c for c in layout.of("other") if not _numeric_column(table, c.index)
                 and any(text_of(r[c.index]) for r in table.body)), None)


def _bare_program_heading(level: str, name: str, groups: YearGroups, table: RawTable, i: int,
                          name_col: ColumnRole) -> bool:
    """A program's heading row printed without amounts (its kegiatan below carry them) in a table
    of one budget year: still a row of the table, its values empty. It names a program ("Program
    Promosi Kesehatan"); a name carried down into a covered cell, or the second line of a name, is
    the heading above going on, not a row of its own."""
    return (level == "program" and bool(PROGRAM_NAME.match(name)) and len(groups) == 1 and i < len(table.body)
            and name_col.index < len(table.body[i]) and table.body[i][name_col.index].text is not None)


def _child_name_column(layout: TableLayout, name_col: ColumnRole) -> ColumnRole | None:
    """Programs and their kegiatan named in two columns side by side ("Program | Kegiatan | Anggaran",
    "Uraian | Kegiatan | Rencana Anggaran"): a second name column, headed by kegiatan, names the
    rows below the program's (a "Sumber Dana" column names where the money comes from, no row)."""
    if name_col.role != "program":
        return None
    return next((c for c in layout.columns if c.role == "program" and c.index > name_col.index
                 and child_level_from_header(_leaf_of(c.path)) != "other"), None)


def _leaf_of(path: str) -> str:
    return path.split(PATH_SEP)[-1]


def _own_text(table: RawTable, rows: list[list[Cell]], i: int, col: ColumnRole) -> str:
    """The row's own text in a name column: not a name carried down from the row above."""
    if i < len(table.body) and col.index < len(table.body[i]) and table.body[i][col.index].text is None:
        return ""
    return text_of(rows[i][col.index])


def _last_unnamed_total(parsed: ParsedColumns, i: int, slot_cols: list[ColumnRole], named_above: list[int]) -> bool:
    """Row i, with no name and no code, is the last row printing an amount and totals the named rows above
    (`budget_columns.unlabelled_total`)."""
    amount_cols = [c.index for c in slot_cols if c.role in AMOUNT_ROLES]
    if not amount_cols or any(parsed[j][k].value is not None for j in amount_cols for k in range(i + 1, len(parsed[amount_cols[0]]))):
        return False
    return unlabelled_total(parsed, i, amount_cols, named_above)


def _code_column(layout: TableLayout) -> ColumnRole | None:
    """The column of the rows' codes: one headed "Kode …" beside a column of row numbers ("No | Kode SKPD"), else
    the first numbering column."""
    numbering = layout.of("no")
    coded = [c for c in numbering if re.match(r"\s*kode\b", _leaf_of(c.path), re.IGNORECASE)]
    return next(iter(coded or numbering), None)


def budget_records(table: RawTable, layout: TableLayout, source_file: str,
                   rows: list[list[Cell]] | None = None) -> list[BudgetRecord]:
    name_col = (layout.first("program") or layout.first("sasaran") or layout.first("indicator")
                or _text_column(table, layout))
    if name_col is None:
        return []
    code_col = _code_column(layout)
    rows = filled_rows(table, layout) if rows is None else rows
    groups = _year_groups(layout, ("pagu_initial", "pagu", "budget_realization", "budget_pct", "achievement", "efficiency"))
    amounts = {y: g for y, g in groups.items() if g.keys() & {"pagu_initial", "pagu", "budget_realization"}}
    shares = {y: {"budget_pct": g["budget_pct"]} for y, g in groups.items() if "budget_pct" in g}
    if amounts:  # a year printing only its share of the ceiling spent (no amounts of that year): still that year's row
        amounts.update({y: g for y, g in shares.items() if y is not None and y not in amounts})
    groups = amounts or shares  # shares alone
    ceilings = level_ceilings(layout)  # each level's ceiling in a column of its own
    slot_cols = [c for g in groups.values() for c in g.values()]
    rows = _block_amounts_to_programs(table, rows, name_col, [c for c in slot_cols if c.role in AMOUNT_ROLES])
    parsed = _parsed_columns(rows, slot_cols + [c for _, c in ceilings if c not in slot_cols], layout.document_evidence)
    records: list[BudgetRecord] = []
    row_years = group_years(rows)  # "Tahun 2022" rows across the table: the year of the rows under them
    yearless = {year for year, slot in groups.items() if all(c.year is None for c in slot.values())}

    def prints_amount(k: int) -> bool:
        return any(parsed[c.index][k].value is not None for c in slot_cols if c.role in AMOUNT_ROLES)

    hierarchy = Hierarchy()  # where each row sits (`parent_row`)
    named_above: list[int] = []  # the named rows so far (not totals), which an unnamed last row may total
    seen_program = False
    sub_col = layout.first("indicator") if name_col.role == "sasaran" else None
    codes = [text_of(row[code_col.index]) if code_col else "" for row in rows]
    codes = [c or (split_inline_code(_clean(text_of(row[name_col.index])))[0] or "") for c, row in zip(codes, rows)]
    by_style = style_levels(rows, name_col, codes) if name_col.role == "program" else {}
    child_col = _child_name_column(layout, name_col)
    level_cols = level_name_columns(layout)  # a hierarchy printed across: one name column per level
    level_indicator = indicator_column_after(layout, level_cols) if level_cols else None
    line_indicator_col = indicator_column_after(layout, [("program", name_col)])  # the measures right of the names
    heading_level = level_of_heading(name_col.path, [_clean(text_of(r[name_col.index])) for r in rows])
    for i, row in enumerate(rows):
        raw_name = text_of(row[name_col.index]) if row[name_col.index].text is not None else ""
        by_column = name_by_level_column(table, rows, i, level_cols, level_indicator) if level_cols else None
        if by_column and level_cols:
            by_column = level_owning_the_amount(table, rows, i, level_cols, prints_amount) or by_column
        line_indicator = indicator_line(table, rows, i, name_col, line_indicator_col) \
            if not level_cols and name_col.role == "program" else None
        if line_indicator:
            by_column = ("other", line_indicator)  # an indicator line under the program or kegiatan above
        if by_column:
            raw_name = by_column[1]
        child_name = _own_text(table, rows, i, child_col) if child_col else ""
        if child_name:  # a kegiatan named in its own column, beside its program's name
            raw_name = child_name
        # a TOTAL / JUMLAH label printed in a column left of the names names the row (a name carried
        # down into its covered name cell from the row above is not its own)
        raw_name = _total_label_left_of(row, name_col.index) or raw_name
        sub_row = False
        if sub_col is not None:
            sub_text = text_of(row[sub_col.index])
            if not raw_name:  # an indicator sub-row under its sasaran
                raw_name, sub_row = sub_text, True
            elif sub_text[:1].islower():  # a word OCR split across the two columns
                raw_name = f"{raw_name}{sub_text}" if raw_name[-1:].isalpha() and " " not in sub_text[:2] else f"{raw_name} {sub_text}"
        code = code_or_none(text_of(row[code_col.index])) if code_col else ""
        inline_code, name = split_inline_code(closed_up(without_letter_bullet(_clean(raw_name))))
        hyphen_code, name, code_level = split_hyphen_code(name) if not inline_code else (None, name, None)
        code = code.rstrip(".") or inline_code or hyphen_code or ""  # "": no code printed
        ceiling = row_ceiling(parsed, i, ceilings) if ceilings else None
        sheet_total = bool(ceilings) and not code and (not _own_text(table, rows, i, name_col) or is_amount(name)) \
            and i < len(table.body) and prints_every_ceiling(parsed, i, ceilings, table.body[i])
        if sheet_total:
            name = ""  # the sheet's total prints no label: a name carried down from above is not its own
        unnamed_total = not name and not code and not sheet_total and _last_unnamed_total(parsed, i, slot_cols, named_above)
        if not name and not code and not sheet_total and not unnamed_total:
            continue
        level = _budget_level(code, name or code or "", child_col.path, True) if child_name and child_col else \
            _budget_level(code, name or code or "", name_col.path, seen_program, by_style.get(i), heading_level)
        if by_column and level != "total":
            level = by_column[0]  # the column the name is printed in
        level = code_level or level  # "5735-…": the state budget's code tells the level
        if ceiling and level != "total":
            level = "total" if sheet_total else ceiling[0]  # the column its ceiling is printed in
        if level == "program" and not by_column and not child_name and name_col.index < len(table.body[i]) \
                and table.body[i][name_col.index].text is None and not (code_col and _own_text(table, rows, i, code_col)):
            level = "other"  # a line under a program whose merged name cell covers it: a part of it, not the program again
        if sub_col is not None and level not in ("total", "program", "jenis_belanja"):
            # an indicator printed in the sasaran column is still the sasaran's indicator sub-row
            level = "other" if sub_row or is_indicator_wording(name) else "sasaran"
        level = "total" if unnamed_total else level
        if level == "total" and not name:
            name = code or ""
        elif level != "total":
            named_above.append(i)
        seen_program = seen_program or level == "program"
        parent = hierarchy.place(level, name, code, i)
        for group_year, slot in sorted(groups.items(), key=lambda kv: kv[0] or 0):
            year = row_years[i] if group_year in yearless and row_years[i] is not None else group_year
            cells = {role: parsed[col.index][i] for role, col in slot.items()}
            if ceiling and "pagu" in cells:
                cells["pagu"] = parsed[ceiling[1].index][i]
            for role in ("pagu_initial", "pagu", "budget_realization"):
                if role in cells and unreadable_amount(cells[role].printed):
                    cells[role] = replace(cells[role], value=None)  # a name's glyphs over the amount: kept as text
            if not any(text_of(row[col.index]) for col in slot.values()) and ceiling is None \
                    and not _bare_program_heading(level, name, groups, table, i, name_col):
                continue

            def value(role: str) -> float | None:
                return cells[role].value if role in cells else None

            def printed(role: str) -> str | None:
                return cells[role].printed if role in cells else None

            page = row[next(iter(slot.values())).index].page or table.page
            records.append(BudgetRecord(
                prov=Provenance(source_file, page, table.index, table.label, i),
                level=level, code=code or None, name=name or (code or ""), year=year,
                pagu_initial=value("pagu_initial"), pagu_initial_text=printed("pagu_initial"),
                pagu=value("pagu"), pagu_text=printed("pagu"),
                realization=value("budget_realization"), realization_text=printed("budget_realization"),
                realization_pct=value("budget_pct"), realization_pct_text=printed("budget_pct"),
                achievement_pct=value("achievement"), achievement_text=printed("achievement"),
                efficiency_pct=value("efficiency"), efficiency_text=printed("efficiency"),
                parent_row=parent, is_total=level == "total",
                applied_scales=applied_scales({"pagu_initial": cells.get("pagu_initial"), "pagu": cells.get("pagu"),
                                               "realization": cells.get("budget_realization")}),
            ))
    return records


def _quarter_slots(quarter_cols: list[ColumnRole]) -> dict[str, dict[str, ColumnRole]]:
    """{quarter heading: {role: first column}} for columns whose paths read "TW II › Capaian"."""
    from pipeline.classify import role_of

    slots: dict[str, dict[str, ColumnRole]] = {}
    for col in quarter_cols:
        quarter, _, leaf = col.path.rpartition(PATH_SEP)
        slots.setdefault(quarter, {}).setdefault(role_of(leaf), col)
    return slots


def quarter_cell_notes(table: RawTable, layout: TableLayout, source_file: str,
                       rows: list[list[Cell]] | None = None) -> list[CellNote]:
    """Quarterly columns give no records, but a number there whose printed form has two readings
    ("30.769%": thirty thousand or thirty point seven?) and was decided by context is still worth an
    auditor's look: one note per such cell. A quarter's capaian is decided by that quarter's own
    realisasi / target when the row prints them."""
    from pipeline.classify import _numeric_column, role_of

    quarter_cols = [c for c in layout.columns if c.role == "quarter"]
    if quarter_cols:  # unlabelled numeric columns among quarterly blocks are quarterly values too
        quarter_cols += [c for c in layout.columns if c.role == "other" and c.index > quarter_cols[0].index
                         and _numeric_column(table, c.index)]
    name_col = layout.first("indicator") or layout.first("program") or layout.first("sasaran")
    if not quarter_cols or name_col is None:
        return []
    rows = filled_rows(table, layout) if rows is None else rows
    parsed = _parsed_columns(rows, quarter_cols, layout.document_evidence)  # one table: lone groups and English prints read alike
    quarters = _quarter_slots(quarter_cols)
    notes = []
    for i, row in enumerate(rows):
        for col in quarter_cols:
            value = parsed[col.index][i]
            quarter, _, leaf = col.path.rpartition(PATH_SEP)
            slot = quarters[quarter]
            if role_of(leaf) == "achievement" and quarter and "target" in slot and "realization" in slot:
                value = decide_by_row(value, parsed[slot["target"].index][i].value,
                                      parsed[slot["realization"].index][i].value)
            if value.value is None or not (value.decided_by_context or value.format_note):
                continue  # the validator keeps the notes that are format anomalies
            subject = f"{_clean(text_of(row[name_col.index]))} ({col.path})"
            notes.append(CellNote(Provenance(source_file, row[col.index].page or table.page, table.index,
                                             table.label, i), col.path, subject, value.printed, value.value,
                                  value.format_note))
    return notes


ROW_TOTAL = re.compile(r"^\W*(jumlah|total)\b", re.I)
SUMMABLE_ROLES = {"other", "quarter", "pagu", "pagu_initial", "budget_realization", "realization", "target"}


def row_sums(table: RawTable, layout: TableLayout, source_file: str,
             rows: list[list[Cell]] | None = None) -> list[PrintedAggregate]:
    """For every column headed Jumlah / Total that has two or more numeric columns of one kind
    under the same heading right before it ("Realisasi › TW I … TW IV › Jumlah", "Belanja Pegawai |
    Belanja Barang | Jumlah"), each row's printed total and the sum of its printed parts."""
    from pipeline.classify import _numeric_column

    name_col = (layout.first("indicator") or layout.first("program") or layout.first("sasaran")
                or layout.first("tujuan") or _text_column(table, layout))
    rows = filled_rows(table, layout) if rows is None else rows
    out = []
    for col in layout.columns:
        parent, _, leaf = col.path.rpartition(PATH_SEP)
        if not ROW_TOTAL.match(leaf) or col.index == 0:
            continue
        parts = []
        for c in reversed(layout.columns[:col.index]):
            if c.path.rpartition(PATH_SEP)[0] != parent or not _numeric_column(table, c.index):
                break
            parts.append(c)
        if len(parts) < 2 or len({c.role for c in parts}) != 1 or parts[0].role not in SUMMABLE_ROLES:
            continue
        if any(UNIT_PRICE.search(c.path.rpartition(PATH_SEP)[2]) for c in parts):
            continue  # quantity × unit price (+ tax) = Jumlah: a product, not a sum
        parts.reverse()
        values_of = _parsed_columns(rows, [col, *parts], layout.document_evidence)
        total_values, part_values = values_of[col.index], [values_of[c.index] for c in parts]
        for i, total in enumerate(total_values):
            values = [pv[i] for pv in part_values]
            if total.value is None or sum(1 for v in values if v.value is not None) < 2:
                continue
            if any(v.value is None and v.kind not in ("empty",) for v in values):
                continue  # a word among the parts: not a sum
            subject = _clean(text_of(rows[i][name_col.index])) if name_col else f"row {i + 1}"
            out.append(PrintedAggregate("row_sum", Provenance(source_file, rows[i][col.index].page or table.page,
                                                              table.index, table.label, i),
                                        col.path, subject, total.printed, total.value, [v.printed for v in values],
                                        [v.value for v in values], max(v.decimals or 0 for v in values)))
    return out


AVERAGE_ROW = re.compile(rf"^\W*({AVERAGE_WORD})\b", re.I)


def quarter_means(table: RawTable, layout: TableLayout, source_file: str,
                  carried: dict[str, list[ParsedNumber]] | None = None,
                  rows: list[list[Cell]] | None = None) -> list[PrintedAggregate]:
    """RATA-RATA rows of quarterly capaian columns (TW I … TW IV › Capaian): the printed average and
    the capaian printed above it (back to the previous average row), each read through its quarter's
    realisasi / target when its printed form is ambiguous. `carried` holds, per quarter, the capaian
    of the earlier parts of the same table not yet averaged; it is updated for the next part."""
    carried = {} if carried is None else carried
    quarter_cols = [c for c in layout.columns if c.role == "quarter"]
    if not quarter_cols:
        return []
    rows = filled_rows(table, layout) if rows is None else rows
    slots = _quarter_slots(quarter_cols)
    averages = [i for i, row in enumerate(rows) if any(AVERAGE_ROW.match(text_of(c)) for c in row[:4])]
    out = []
    for quarter, slot in slots.items():
        if not quarter or "achievement" not in slot:
            continue
        key = re.sub(r"\W+", "", quarter.lower())  # "TW I" and "TWI" are one quarter across parts
        col = slot["achievement"]
        parsed = parse_column([text_of(r[col.index]) for r in rows], percent_column=True)
        if "target" in slot and "realization" in slot:
            targets = parse_column([text_of(r[slot["target"].index]) for r in rows])
            reals = parse_column([text_of(r[slot["realization"].index]) for r in rows])
            parsed = [decide_by_row(p, t.value, r.value) for p, t, r in zip(parsed, targets, reals)]
        start = 0
        for i in averages:
            above = carried.pop(key, []) + [p for p in parsed[start:i] if p.value is not None]
            start = i + 1
            mean = parsed[i]
            if mean.value is None or len(above) < 2:
                continue
            out.append(PrintedAggregate("column_mean", Provenance(source_file, rows[i][col.index].page or table.page,
                                                                  table.index, table.label, i),
                                        col.path, f"RATA-RATA {col.path}", mean.printed, mean.value,
                                        [p.printed for p in above], [p.value for p in above],
                                        max(p.decimals or 0 for p in above)))
        carried[key] = carried.get(key, []) + [p for p in parsed[start:] if p.value is not None]
    return out


def printed_computations(table: RawTable, layout: TableLayout, source_file: str,
                         rows: list[list[Cell]] | None = None) -> list[PrintedAggregate]:
    """Worksheet rows (Kertas Kerja, "Formula / Nilai / Hasil Perhitungan") that print a computation
    ("(3.835.029 - 3.831.430) / 3.831.430 × 100") and, to its right, the result: both kept, so the
    validator can check that the printed result is what the computation gives."""
    name_col = layout.first("indicator") or layout.first("program") or layout.first("sasaran")
    rows = filled_rows(table, layout) if rows is None else rows
    out = []
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            computed = evaluate_expression(text_of(cell)) if not DATE.fullmatch(text_of(cell)) else None
            if computed is None:
                continue
            result = _result_right_of(row, j)
            if result is not None:
                k, parsed, value = result
                subject = _clean(text_of(row[name_col.index])) if name_col else f"row {i + 1}"
                out.append(PrintedAggregate(
                    "computation", Provenance(source_file, row[k].page or table.page, table.index, table.label, i),
                    layout.columns[k].path if k < len(layout.columns) else "", subject, parsed.printed,
                    value, [_clean(text_of(cell))], [computed], parsed.decimals))
            break  # one computation per row
    return out


def _result_right_of(row: list[Cell], j: int) -> tuple[int, ParsedNumber, float] | None:
    """The result printed right of a computation in column j: the first cell after it that prints a
    number and no computation. Out: (its column, the number, its value), or None."""
    for k, c in enumerate(row[j + 1:], start=j + 1):
        if evaluate_expression(text_of(c)) is not None:
            continue
        parsed = parse_number(text_of(c))
        if parsed.value is not None:
            return k, parsed, parsed.value
    return None
