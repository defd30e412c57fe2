"""Rows of a table read line by line: the lines of one logical row joined.

The white-space and rule-under-header readers give one body row per printed line. A name that wraps
over three lines then gives three rows, only one of which carries the values:

    1.2.2 Jumlah unit usaha yang  |     |
    mendapat sertifikat           |     |
    jaminan mutu                  | 48  |      -> "1.2.2 Jumlah unit usaha yang mendapat sertifikat
    (%)                           |     |          jaminan mutu (%)" | 48

In:  a `RawTable` read line by line by the white-space reader (alone, or as the body of a ruled header)
     such a body).
Out: the table with its lines joined into logical rows: the lines without values above a value line
     are the start of its names (unless they end with a colon: then they head a list and stay a row
     of their own); a line without values right after a value line that starts no new item (no row
     code, no bullet) is the rest of its names. Ruled tables are returned as they are.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import is_pure_number, text_of
from normalizers.numbers import GRADE_RE, RATING
from pipeline.field_rows import is_bare_field
from pipeline.lexicon import HYPHEN_CODE_NAME, ITEM_MARK, LIST_INTRODUCTION, LONE_BULLET, PROGRAM_NAME
from pipeline.models import Cell, RawTable

LINE_READERS = ("whitespace",)  # the rule-under-header reader joins its wrapped lines itself
# A value column: most of its filled cells are numbers.
VALUE_COLUMN_SHARE = 0.5


# An amount in Rupiah closed by a dash for the absent sen: "Rp. 18.972.674.100,-".
NO_CENTS = re.compile(r"[,.]-\s*$")


def _is_amount(text: str) -> bool:
    return is_pure_number(NO_CENTS.sub("", text))


def value_columns(body: list[list[Cell]]) -> set[int]:
    columns = set()
    for j in range(len(body[0]) if body else 0):
        texts = [text_of(r[j]) for r in body if j < len(r) and text_of(r[j])]
        if texts and sum(1 for t in texts if _is_amount(t)) > VALUE_COLUMN_SHARE * len(texts):
            columns.add(j)
    return columns


def _is_value_line(row: list[Cell], values: set[int]) -> bool:
    return any(_is_amount(text_of(row[j])) for j in values if j < len(row))


def _starts_item(row: list[Cell], values: set[int]) -> bool:
    """A row code, a bullet, a letter item, a program's name ("Program Pengelolaan Kawasan …"), or a name
    after its budget code and a hyphen ("5735-Peningkatan …")."""
    return any(ITEM_MARK.match(text_of(c)) or PROGRAM_NAME.match(text_of(c)) or HYPHEN_CODE_NAME.match(text_of(c))
               for j, c in enumerate(row) if j not in values and text_of(c))


def _names(row: list[Cell], values: set[int]) -> str:
    return " ".join(text_of(c) for j, c in enumerate(row) if j not in values and text_of(c))


def _merged(first: list[Cell], second: list[Cell]) -> list[Cell]:
    """Two lines as one row: each cell's texts joined top to bottom."""
    out = []
    for a, b in zip(first, second):
        texts = [t for t in (text_of(a), text_of(b)) if t]
        out.append(replace(a if text_of(a) else b, text=" ".join(texts) if texts else a.text))
    return out




def _lone_bullet(row: list[Cell]) -> int | None:
    """The column of a line whose only text is a bullet mark, else None."""
    filled = [j for j, c in enumerate(row) if text_of(c)]
    return filled[0] if len(filled) == 1 and LONE_BULLET.match(text_of(row[filled[0]])) else None


def _with_bullet(row: list[Cell], column: int) -> list[Cell]:
    """A bullet set a little lower than its item's words read as a line of its own, put back in front."""
    return [replace(c, text=f"- {text_of(c)}") if j == column else c for j, c in enumerate(row)]


def _names_a_field(row: list[Cell]) -> bool:
    """A line of an indicator's own table of fields ('Indikator Kinerja | …', 'Satuan | orang', 'Target 2030 | 82,88':
    `pipeline.field_rows`): a row of its own, though it may print no figure, never the upper lines of the row
    below it nor the rest of the one above."""
    first = text_of(row[0]) if row else ""
    return bool(first) and is_bare_field(first)


def join_wrapped_lines(table: RawTable) -> RawTable:
    if not any(reader in table.method for reader in LINE_READERS):
        return table
    values = value_columns(table.body)
    out: list[list[Cell]] = []
    pending: list[Cell] | None = None  # lines without values waiting for the value line below them
    last_value_row: int | None = None
    for row in table.body:
        bullet = _lone_bullet(row)
        if (bullet is not None and pending is None and last_value_row == len(out) - 1 and last_value_row is not None
                and text_of(out[-1][bullet]) and not ITEM_MARK.match(text_of(out[-1][bullet]))):
            out[-1] = _with_bullet(out[-1], bullet)
            continue
        if _names_a_field(row):
            if pending is not None:
                out.append(pending)
            out.append(row)
            pending, last_value_row = None, len(out) - 1
            continue
        if _is_value_line(row, values):
            if pending is not None and LIST_INTRODUCTION.search(_names(pending, values)):
                out.append(pending)  # a list's heading: a row of its own
            elif pending is not None:
                row = _merged(pending, row)
            pending = None
            out.append(row)
            last_value_row = len(out) - 1
        elif pending is None and last_value_row is not None and not _starts_item(row, values) \
                and last_value_row == len(out) - 1:
            out[last_value_row] = _merged(out[last_value_row], row)  # the rest of the names above
        else:
            pending = row if pending is None else _merged(pending, row)
    if pending is not None:
        out.append(pending)
    return replace(table, body=out) if len(out) != len(table.body) else table


def join_header_lines(table: RawTable) -> RawTable:
    """In: a table read line by line whose header holds several lines. Out: the table with its header as rows of
    headings: each group heading (a cell followed by the cells it covers, text None; one printed on two lines
    is one) on a row of its own, deeper groups lower, then one row of the columns' own headings, the lines of
    each column's heading joined top to bottom ("Realisasi" / "2020" -> "Realisasi 2020": a heading wrapped in
    its cell, set in its middle at its own height beside others)."""
    header = table.header
    if not any(reader in table.method for reader in LINE_READERS) or len(header) < 2:
        return table
    n = len(header[0])
    spans: list[list] = []  # [row, first column, last column, text]
    for r, row in enumerate(header):
        for a, c in enumerate(row):
            b = a
            while text_of(c) and b + 1 < n and row[b + 1].text is None:
                b += 1
            if b > a:
                same = next((sp for sp in spans if (sp[1], sp[2]) == (a, b)), None)
                if same is not None:
                    same[3] += " " + text_of(c)
                else:
                    spans.append([r, a, b, text_of(c)])
    grouped = {(r, a) for r, row in enumerate(header) for a, c in enumerate(row)
               if text_of(c) and a + 1 < n and row[a + 1].text is None}
    depth = [sum(1 for r2, a2, b2, _ in spans if r2 < r and a2 <= a and b <= b2) for r, a, b, _ in spans]
    levels = max(depth) + 1 if depth else 0
    page = header[0][0].page
    out = [[Cell("", page) for _ in range(n)] for _ in range(levels + 1)]
    for (_, a, b, text), d in zip(spans, depth):
        out[d][a] = Cell(text, page)
        for col in range(a + 1, b + 1):
            out[d][col] = Cell(None, page)
    for col in range(n):
        own = [text_of(row[col]) for r, row in enumerate(header) if text_of(row[col]) and (r, col) not in grouped]
        covering = [d for (_, a, b, _), d in zip(spans, depth) if a <= col <= b]
        out[max(covering) + 1 if covering else 0][col] = Cell(" ".join(own), header[0][col].page)
    return replace(table, header=out)


# A grade or verbal rating in brackets, printed on a line of its own under its score: "(A)", "(BB)", "(Baik)".
BRACKETED_GRADE = re.compile(r"^\s*\(\s*([A-Za-z]{1,3})\s*\)\s*$")


def _is_bracketed_grade(text: str) -> bool:
    m = BRACKETED_GRADE.match(text)
    return bool(m and GRADE_RE.match(m.group(1).upper())) or bool(RATING.fullmatch(text.strip()))


def join_grade_lines(table: RawTable) -> RawTable:
    """In: any table. Out: the table with each row whose only texts are bracketed grades ("80,10" /
    "(A)": a row the grid split off under its scores) joined to the row above, each grade under its
    own score, so "80,10 (A)" is read as the score with its grade and the grade line is no row."""
    out: list[list[Cell]] = []
    for row in table.body:
        filled = [text_of(c) for c in row if text_of(c)]
        if out and filled and all(_is_bracketed_grade(t) for t in filled):
            out[-1] = [replace(a, text=f"{text_of(a)} {text_of(b)}".strip()) if text_of(b) else a
                       for a, b in zip(out[-1], row)] + out[-1][len(row):]
            continue
        out.append(row)
    return replace(table, body=out) if len(out) != len(table.body) else table


# A number a narrow cell broke over two grid rows, cut inside a group of thousands ("12.31" over
# "7.066", "113.8" over "89"): the upper part ends in a group of one or two digits, the lower part
# is digits grouped by thousands, and the two together are one number grouped by thousands.
CUT_GROUP = re.compile(r"^\d{1,3}(?:\.\d{3})*\.\d{1,2}$")
THOUSANDS_PIECE = re.compile(r"^\d{1,3}(?:\.\d{3})*$")
GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def _row_of_its_own(row: list[Cell], piece: int) -> bool:
    """A row printing another figure besides the piece, or a name starting a new item left of it, is a
    row of its own (its figure is no piece of the one above); the rest of a wrapped name is not."""
    if any(is_pure_number(text_of(c)) for k, c in enumerate(row) if k != piece and text_of(c)):
        return True
    return any(ITEM_MARK.match(text_of(c)) for c in row[:piece] if text_of(c))


def join_broken_numbers(table: RawTable) -> RawTable:
    """In: any table. Out: the table with each number cut inside a group of thousands at a grid line
    joined again in the upper cell ("12.31" / "7.066" -> "12.317.066"; the lower cell left empty),
    unless the lower row is a row of its own (`_row_of_its_own`)."""
    body = [list(r) for r in table.body]
    changed = False
    for i in range(len(body) - 1):
        for j, (upper, lower) in enumerate(zip(body[i], body[i + 1])):
            top, rest = text_of(upper).strip(), text_of(lower).strip()
            if CUT_GROUP.match(top) and THOUSANDS_PIECE.match(rest) and GROUPED.match(top + rest) \
                    and not _row_of_its_own(body[i + 1], j):
                body[i][j] = replace(upper, text=top + rest)
                body[i + 1][j] = replace(lower, text="")
                changed = True
    return replace(table, body=body) if changed else table
