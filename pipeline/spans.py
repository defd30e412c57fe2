"""Logical columns: body cells printed under one spanning header cell become one cell.

Word tables often split a body column where the header does not: a row code and its name under
one "Indikator Kinerja Kegiatan" heading ("1.1.1.1" | "Luas lahan …"), a currency marker and its
amount under one "Anggaran" heading ("Rp" | "1.250.000.000"). The ruled reader gives such a grid
column no header cell of its own (covered, text None, or an empty sliver, in every header row).
Body and header rulings are often out of line, so a body cell may start a grid column left of the
heading it belongs to; and the second line of a heading may be read as a body row.

In:  a `RawTable` as extracted.
Out: the same table with (1) heading lines left in the body (short headings and years, above the
     column numbering row or the first data row) moved into the header, (2) each body cell moved under
     the heading its span overlaps most, and a value spilled into a name's span moved to the next
     heading, (3) grid columns that no heading starts joined into the column of the heading that spans
     them (texts joined with a space, in reading order) when their cells read as one cell in every row;
     or the table unchanged. Pure: the extracted table itself is kept as it was (intermediate JSON).
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import is_column_numbering, is_pure_number, is_value_like, text_of, without_column_numbering
from normalizers.numbers import parse_number
from pipeline.lexicon import EXPENDITURE_GROUP, PROGRAM_NAME, YEAR, YEAR_CELL
from pipeline.models import Cell, RawTable

# A heading line is short; a longer cell is a row's name or a note.
HEADING_LENGTH = 30
# Header lines the reader may leave in the body: as many as the deepest headers seen (four rows).
MAX_LEAKED_HEADER_ROWS = 4
# A column's formula printed in its heading: "(5/4)*100", "(3)-(4)".
FORMULA_RE = re.compile(r"[()\d\s]*\d\)?\s*[/*x×:+-]\s*\(?[()\d\s/*x×:+-]*")

# A row code ("1.", "1.1.2", "3.30.04.2.01", "A."): not a value, so it may share a span with a name.
ROW_CODE_RE = re.compile(r"\(?[0-9]{1,3}(\.[0-9]{1,3})*[.)]?|[A-Za-z][.)]")
# Digit groups of three after the first ("158.180.092", "3.200"): an amount, not a row code.
THOUSANDS_RE = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+")
# A value a table prints in a value column: "3.200", "12,5", "82,5 %", "(1,25)".
VALUE_RE = re.compile(r"[(]?[-+]?[0-9][0-9.,\s]*[)]?\s*%?")


# A bare number after the first cell of a span is a quantity, not a row number.
BARE_NUMBER_RE = re.compile(r"[0-9]+")
# A currency marker printed in a cell of its own, left of the amount.
CURRENCY_RE = re.compile(r"(rp|idr|us\$|usd)\.?", re.IGNORECASE)


def _is_value(text: str) -> bool:
    t = text.strip()
    if not t or not VALUE_RE.fullmatch(t):
        return False
    return bool(THOUSANDS_RE.fullmatch(t)) or not ROW_CODE_RE.fullmatch(t)


def span_owners(header: list[list[Cell]]) -> list[int]:
    """For each grid column, the column whose header cell covers it: itself when some header row
    has a heading starting there, else its left neighbour's owner. An empty header cell starts no
    heading: misaligned rulings leave slivers of empty cells between the headings."""
    n_cols = len(header[0]) if header else 0
    owners: list[int] = []
    for j in range(n_cols):
        starts = any(j < len(row) and (row[j].text or "").strip() for row in header)
        owners.append(j if starts or j == 0 else owners[j - 1])
    return owners


def _one_cell_split(body: list[list[Cell]], columns: list[int]) -> bool:
    """The body cells under one span read as one cell in every row: a code and a name, a name in
    two parts, a currency marker and its amount, a number and its unit. A value after the first cell
    beside anything but a currency marker means the span is two quantities under a header that lost
    a cell (left as they are); the first cell, followed by more, is a row code or row number."""
    for row in body:
        texts = [(row[j].text or "").strip() for j in columns if j < len(row) and (row[j].text or "").strip()]
        values = [t for t in texts[1:] if _is_value(t) or BARE_NUMBER_RE.fullmatch(t)] if len(texts) > 1 else \
            [t for t in texts if _is_value(t)]
        if values and (len(values) > 1 or any(not CURRENCY_RE.fullmatch(t) for t in texts if t not in values)):
            return False
    return True


def _joined(cells: list[Cell]) -> Cell:
    parts = [c.text for c in cells if c.text]
    first = next((c for c in cells if c.text), cells[0])
    if not parts:
        return replace(cells[0])
    return replace(first, text=" ".join(parts))


def _extent(row: list[Cell], start: int) -> range:
    """The grid columns a body cell covers: from where it starts to the next cell of its row (a
    covered cell right of it is read as its own horizontal span)."""
    end = start + 1
    while end < len(row) and row[end].text is None:
        end += 1
    return range(start, end)


def _heading_of(row: list[Cell], j: int, groups: list[list[int]], group_of: dict[int, int],
                taken: set[int] | None = None, offset: set[int] | None = None) -> int:
    """The heading whose span a body cell's own span overlaps most; a tie stays where it starts,
    unless a value left of it already went there (body rulings a column left of the header's: the
    amount moved under "Anggaran", the % beside it straddling "Anggaran" and "Realisasi (%)")."""
    span = set(_extent(row, j))
    overlaps = [len(span & set(cols)) for cols in groups]
    own = group_of[j]
    best = [g for g, n in enumerate(overlaps) if n == max(overlaps)]
    best = _heading_started_inside(span, best, groups, own, offset or set())
    taken = taken or set()
    if own in best and (own not in taken or len(best) == 1):
        return own
    free = [g for g in best if g not in taken]
    return free[0] if free else (own if own in best else best[0])


# Body rulings one grid column left of the header's: in the first column of such a heading body cells
# start at most this fraction as often as in the column left of it, over at least this many rows.
OFFSET_START_RATIO = 1 / 3
OFFSET_MIN_ROWS = 3
# A shifted body grid misses the rulings of several headings; one heading alone is a name's span
# reaching over into the next column ("Program/Kegiatan" names under "Lokasi").
OFFSET_MIN_HEADINGS = 2


def offset_headings(body: list[list[Cell]], groups: list[list[int]]) -> set[int]:
    """The headings whose first grid column the body's rulings miss: body cells start there (almost)
    never but often in the column just left of it, the last sliver of the heading before (each body
    cell starts in that sliver and reaches over the border: unit under "Penanggung jawab", the 2025 value
    under "SAT", the 2026 value under "2025").
    In: body rows, the grid columns of each heading. Out: the indexes of those headings (none when
    fewer than OFFSET_MIN_HEADINGS)."""
    def starts(j: int) -> int:
        return sum(1 for row in body if j < len(row) and row[j].text is not None)

    slivers = {cols[-1] for cols in groups if len(cols) > 1}  # a heading's last column, not its first
    missed = {g for g, cols in enumerate(groups)
              if cols[0] - 1 in slivers and starts(cols[0] - 1) >= OFFSET_MIN_ROWS
              and starts(cols[0]) <= starts(cols[0] - 1) * OFFSET_START_RATIO}
    return missed if len(missed) >= OFFSET_MIN_HEADINGS else set()


def _heading_started_inside(span: set[int], best: list[int], groups: list[list[int]], own: int,
                            offset: set[int]) -> list[int]:
    """Of two headings a body cell overlaps equally, its own and one whose rulings the body misses
    (`offset_headings`) and whose first column lies inside the cell: the cell is printed under that one.
    In: the cell's grid columns, the equally overlapped headings, all headings, the cell's own one,
    the offset headings. Out: that single heading, or `best` unchanged."""
    if len(best) != 2 or own not in best:
        return best
    started = [g for g in best if g != own and g in offset and groups[g][0] in span]
    return started if len(started) == 1 else best


def _line_of_a_tall_cell(row: list[Cell]) -> bool:
    """A grid row holding one line of a name printed over several grid rows: every other cell, left
    and right of it, is covered from the rows above, so the covered cells right of it are no span
    of its own and it stays in its column."""
    own = [j for j, c in enumerate(row) if c.text is not None]
    if len(own) == 1:
        return 0 < own[0] and all(c.text is None for j, c in enumerate(row) if j != own[0])
    return _line_beside_empty_cells(row)


def _line_beside_empty_cells(row: list[Cell]) -> bool:
    """One line of a tall name whose row also holds empty cells of its own left of it (an empty
    number cell of a higher level, ruled anew on each row) and covered cells right of it: the
    covered cells are the name's tall neighbours, not a span of its own, so it stays in its column.
    In: a body row. Out: True for such a row."""
    texts = [j for j, c in enumerate(row) if text_of(c)]
    if len(texts) != 1 or texts[0] == 0:
        return False
    right = row[texts[0] + 1:]
    return bool(right) and all(c.text is None for c in right) and all(not text_of(c) for c in row[:texts[0]])


def _realigned(row: list[Cell], groups: list[list[int]], offset: set[int] | None = None) -> list[Cell] | None:
    """The row with each body cell moved under the heading its span overlaps most (rulings of
    body rows and header rows out of line), in reading order inside that heading's columns; None
    when a heading receives more cells than it has columns."""
    group_of = {j: g for g, cols in enumerate(groups) for j in cols}
    if _line_of_a_tall_cell(row):
        return row
    landed: dict[int, list[Cell]] = {}
    for j, cell in enumerate(row):
        if cell.text is not None and j in group_of:
            taken = {g for g, cells in landed.items() if any(is_pure_number(text_of(c)) for c in cells)}
            target = _heading_of(row, j, groups, group_of, taken if is_pure_number(text_of(cell)) else set(), offset)
            landed.setdefault(target, []).append(cell)
    out = [replace(c, text=None) for c in row]
    for g, cells in landed.items():
        filled = [c for c in cells if (c.text or "").strip()] or cells[:1]
        if len(filled) > len(groups[g]):
            return None
        for j, cell in zip(groups[g], filled):
            out[j] = cell
    return out


def _section_row(row: list[Cell]) -> bool:
    """One label spanning the rest of the row ("SASARAN STRATEGIS", "Misi 1"): a section of the body."""
    filled = [j for j, c in enumerate(row) if text_of(c)]
    return len(filled) == 1 and len(row) - filled[0] > 2 and all(c.text is None for c in row[filled[0] + 1:])


def _continues_header(row: list[Cell]) -> bool:
    """A row of short headings and years with no data value: the second line of a heading that the
    ruled reader cut into a grid row of its own (rulings of other columns out of line)."""
    texts = [text_of(c) for c in row if text_of(c)]
    if any(len(t) > HEADING_LENGTH or PROGRAM_NAME.match(t) for t in texts) or _section_row(row):
        return False  # a long text, a program's name or a section label is a row of the body
    if len(texts) == 1 and EXPENDITURE_GROUP.match(texts[0]):
        return False  # "Belanja Langsung" alone on its line: the group row the programs follow
    return not any(is_value_like(t) for t in texts if not FORMULA_RE.fullmatch(t))


# Years counted within a plan's period under each group ("Target Tahun Ke- › 1 2 3 4 5 | Realisasi Tahun
# Ke- › 1 2 3 4 5"): runs 1 … k, at least this many of them and each at least MIN_RELATIVE_RUN long.
MIN_RELATIVE_RUNS = 2
MIN_RELATIVE_RUN = 3


def _relative_year_numbers(row: list[Cell]) -> bool:
    """A row of small numbers that count 1, 2, … k again and again: the years of the plan's period
    under each group heading, a header row (not a column numbering, which counts on)."""
    texts = [text_of(c) for c in row if text_of(c)]
    if not texts or not all(re.fullmatch(r"\d", t) for t in texts):
        return False
    runs: list[int] = []
    for t in texts:
        if t == "1":
            runs.append(1)
        elif runs and int(t) == runs[-1] + 1:
            runs[-1] += 1
        else:
            return False
    return len(runs) >= MIN_RELATIVE_RUNS and min(runs) >= MIN_RELATIVE_RUN


def _empty_rows(rows: list[list[Cell]]) -> int:
    """Rows with no text at all: slivers of the grid (a running head's frame drawn over the table's
    top), no heading line, so they do not count against MAX_LEAKED_HEADER_ROWS."""
    return sum(1 for row in rows if not any(text_of(c) for c in row))


# A heading row names at least this many columns; a lone text over an empty grid is a name or a note.
MIN_HEADINGS_IN_ROW = 2


def heading_row_under_empty_header(table: RawTable) -> RawTable:
    """A header of empty grid rows only (a running head's frame drawn over the table's top cut the
    ruled reader's header there): the first filled body row, when it prints no value and names
    several columns, is the header's first row, as it would have been without the frame.
    In: a table. Out: the same table, or with its empty rows and that row moved to the header."""
    if any(text_of(c) for row in table.header for c in row):
        return table
    n = 0
    while n < len(table.body) and not any(text_of(c) for c in table.body[n]):
        n += 1
    if n >= len(table.body):
        return table
    texts = [text_of(c) for c in table.body[n] if text_of(c)]
    if len(texts) < MIN_HEADINGS_IN_ROW or any(is_value_like(t) for t in texts):
        return table
    return replace(table, header=table.header + table.body[:n + 1], body=table.body[n + 1:])


# A row numbering the columns inside the body (the header printed again on the next page: its numbering row
# under it) numbers at least this share of the table's columns; a shorter run of small numbers may be data.
INNER_NUMBERING_SHARE = 0.5


def without_inner_numbering(table: RawTable) -> RawTable:
    """The body less the rows numbering the columns ("1 | 2 | 3 | … | 14") below its first row: a table
    part's header printed again on the next page brings its numbering row along, and its numbers are no
    values (a row below it whose cells OCR left empty took them for its targets).
    In: a table. Out: the same table without those rows."""
    width = max((len(r) for r in table.body), default=0)

    def numbering(row: list[Cell]) -> bool:
        return is_column_numbering(row) and sum(1 for c in row if text_of(c)) >= INNER_NUMBERING_SHARE * width

    body = [row for k, row in enumerate(table.body) if k == 0 or not numbering(row)]
    return table if len(body) == len(table.body) else replace(table, body=body)


def absorb_header_rows(table: RawTable) -> RawTable:
    """Body rows above the column numbering row ("1 2 3 …"), or above the first data row, that hold
    only headings become header rows; the numbering row itself is dropped, and so are the numbering
    rows a header printed again further down brings (`without_inner_numbering`)."""
    return without_inner_numbering(_absorb_top_header_rows(table))


def _absorb_top_header_rows(table: RawTable) -> RawTable:
    table = heading_row_under_empty_header(table)
    n = 0
    while n < min(len(table.body), MAX_LEAKED_HEADER_ROWS + _empty_rows(table.body[:n])) \
            and not is_column_numbering(table.body[n]) \
            and (_continues_header(table.body[n]) or _relative_year_numbers(table.body[n])):
        n += 1
    numbered = n < len(table.body) and is_column_numbering(table.body[n])
    if n == 0 or not (numbered or any(text_of(c) for r in table.body[:n] for c in r)):
        return table
    body = without_column_numbering(table.body[n:]) if numbered else table.body[n:]
    return replace(table, header=table.header + table.body[:n], body=body)


# A header row with this many data values (numbers that are neither years nor column numbers, or long
# running text) is a body row the reader took for a heading: headings hold words, years and "(1)".
MIN_DATA_CELLS_IN_HEADER = 3


def release_data_rows(table: RawTable) -> RawTable:
    """The last rows of a header that print data (amounts, "2 kelompok", a name of a sub-kegiatan):
    the first body rows of a continuation part the reader put under its table's header. Their data go
    back to the top of the body; short headings among them ("Rp") stay in the header. The first header
    row always stays.
    In: a table. Out: the same table, or with those rows moved from the header to the body."""
    n = len(table.header)
    if not table.body and n > 1 and _prints_a_value(table.header[-1]):
        # a table read as all header: its last row of values ("… | Nilai | 38 | -") is its one body row
        return replace(table, header=table.header[:-1], body=[table.header[-1]])
    while n > 1 and _prints_data(table.header[n - 1]):
        n -= 1
    if n == len(table.header):
        return table
    headings = [[c if _is_heading(c) else replace(c, text="") for c in row] for row in table.header[n:]]
    data = [[replace(c, text="") if _is_heading(c) else c for c in row] for row in table.header[n:]]
    kept = [row for row in headings if any(text_of(c) for c in row)]
    return replace(table, header=table.header[:n] + kept, body=data + table.body)


def _is_heading(cell: Cell) -> bool:
    """A short cell of words in a header row that prints data: a sub-heading ("Rp", "Target") the row's
    data did not cover, left where it was printed."""
    t = text_of(cell)
    return bool(t) and len(t) <= HEADING_LENGTH and len(t.split()) <= SUB_HEADING_WORDS and not is_value_like(t)


# A sub-heading is a word or two ("Rp", "Target", "Sub Kegiatan"); a longer text in a data row is a name.
SUB_HEADING_WORDS = 2


# A cell of data: an amount or a count, with its unit or currency ("2 kelompok", "Rp. 60.500/kg", "15.800").
DATA_CELL = re.compile(r"\s*(rp\.?\s*)?[-(]?\d", re.IGNORECASE)
# What a heading prints with digits: a year, with or without its column number ("2022 (6)"), a column number.
HEADING_DIGITS = re.compile(rf"\s*((tahun\s*)?{YEAR}\s*(\(\d{{1,2}}\))?|\(?\d{{1,2}}\)?)\s*", re.IGNORECASE)


def _prints_data(row: list[Cell]) -> bool:
    texts = [text_of(c) for c in row if text_of(c)]
    data = [t for t in texts if DATA_CELL.match(t) and not HEADING_DIGITS.fullmatch(t)]
    return not is_column_numbering(row) and len(data) >= MIN_DATA_CELLS_IN_HEADER


def _prints_a_value(row: list[Cell]) -> bool:
    """A row with a number that is no year, not a column numbering: in a table with no body, where the
    row under the headings is the only one, a single value ("38") marks it as data."""
    texts = [text_of(c) for c in row if text_of(c)]
    return not is_column_numbering(row) and any(DATA_CELL.match(t) and not YEAR_CELL.fullmatch(t) for t in texts)


def _move_spilled_values(row: list[Cell], groups: list[list[int]]) -> list[Cell]:
    """A value printed after a name or unit inside one heading's columns, with nothing but covered
    cells between it and the next heading, which has nothing of its own in this row: the value's
    cell starts left of the border the header draws, so it belongs to the next heading."""
    row = list(row)
    for here, there in zip(groups, groups[1:]):
        filled = [j for j in here if j < len(row) and text_of(row[j])]
        if len(filled) < 2 or not _is_value(text_of(row[filled[-1]])) or there[0] >= len(row):
            continue
        start = filled[-1]
        if all(row[k].text is None for k in range(start + 1, there[0] + 1)):
            row[there[0]] = row[start]
            row[start] = replace(row[start], text=None)
    return row


def join_spanned_columns(table: RawTable) -> RawTable:
    """Join the grid columns that no header cell starts into the column whose header spans them."""
    if not table.header:
        return table
    if not table.body:
        return release_data_rows(table)  # a table read as all header: its row of values is its body
    table = absorb_header_rows(release_data_rows(table))
    owners = span_owners(table.header)
    groups: dict[int, list[int]] = {}
    for j, owner in enumerate(owners):
        groups.setdefault(owner, []).append(j)
    ordered = [groups[k] for k in sorted(groups)]
    offset = offset_headings(table.body, ordered)
    body = [_move_spilled_values(_realigned(row, ordered, offset) or row, ordered) for row in table.body]
    merged = {owner: cols for owner, cols in groups.items()
              if len(cols) > 1 and _one_cell_split(body, cols)}
    if not merged:
        return table
    table = replace(table, body=body)
    keep = [j for j in range(len(owners)) if owners[j] == j or owners[j] not in merged]

    def collapse(row: list[Cell], is_header: bool) -> list[Cell]:
        out = []
        for j in keep:
            if j in merged and not is_header:
                out.append(_joined([row[k] for k in merged[j] if k < len(row)]))
            else:
                out.append(row[j])
        return out

    return replace(table, header=[collapse(r, True) for r in table.header],
                   body=[collapse(r, False) for r in table.body])


# A column without a heading is a sliver of a headed one at most this many columns away.
SLIVER_REACH = 2


def _headless(table: RawTable, j: int) -> bool:
    return not any(j < len(row) and text_of(row[j]) for row in table.header)


def join_headless_slivers(table: RawTable) -> RawTable:
    """Values printed in a sliver of grid column with no heading over it, in rows where the headed
    column beside it is empty (its rulings differ from row to row), moved into that headed column.
    In: a table after `join_spanned_columns`. Out: the same grid with those cells moved."""
    if not table.header or not table.body or not table.method.startswith("lattice"):
        return table  # only rulings make slivers; a header guessed from white space names no sliver
    body = [list(row) for row in table.body]
    moved = False
    for j in range(table.n_cols):
        filled = [i for i, row in enumerate(body) if j < len(row) and text_of(row[j])]
        if not filled or not _headless(table, j) or not all(parse_number(text_of(body[i][j])).value is not None
                                                             for i in filled):
            continue
        for k in list(range(j + 1, min(table.n_cols, j + SLIVER_REACH + 1))) + list(range(j - 1, max(-1, j - SLIVER_REACH - 1), -1)):
            if _headless(table, k):
                continue
            if any(k < len(body[i]) and text_of(body[i][k]) for i in filled):
                break  # both printed in one row: two columns
            for i in filled:
                body[i][k], body[i][j] = replace(body[i][j]), replace(body[i][j], text="")
            moved = True
            break
    return replace(table, body=body) if moved else table
