"""Rows of a ruled header that are no column headings.

A table's title printed inside its own frame: the first rows of the ruled grid, each one cell as wide
as the table, read "Tabel T-C 24" / "Anggaran dan Realisasi Pendanaan …" / "Kabupaten Contoh", then the
column headings. The ruled reader takes those rows for the top of the header, so every column's path
would start with the title's words ("Anggaran dan Realisasi …" would make the name column a budget column).

In:  a table.
Out: the same table, or, when its header opens with a row as wide as the table that starts with a table
     label ("Tabel …"), with that row and the rows as wide as the table right under it taken out of the
     header as its caption (and label, when the label reads as one), and any heading cell that repeats
     the label line blanked (a copy of the label in a heading cell is no heading).

A white-space table whose caption lines were read as its header, its heading row the first of its body, gets its
caption and header back (`caption_rows_out_of_header`).

A header row that numbers the columns in brackets ("(1) | (2) | (3) | (5) | (13) | (17)", the numbers of
another copy of the table, out of order) names no column: `headings_only` leaves it out of the paths.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.captions import parse_label
from extractors.grid import is_pure_number, text_of
from pipeline.models import Cell, RawTable

# The word that opens a table's label, as printed in the title row ("Tabel T-C 24", "TABEL 2.1").
LABEL_WORD = re.compile(r"^\s*(tabel|table)\b", re.IGNORECASE)
# A label line is short ("Tabel T-C 24"); a longer line opening with "Tabel" is a label and its title.
MAX_LABEL_WORDS = 4


def _as_wide_as_the_table(row: list[Cell]) -> str | None:
    """The text of a row whose first cell holds it and every other cell is covered by it, else None."""
    if len(row) < 2 or not text_of(row[0]).strip() or any(c.text is not None for c in row[1:]):
        return None
    return " ".join(text_of(row[0]).split())


def title_rows_out_of_header(table: RawTable) -> RawTable:
    """See the module docstring."""
    if not table.header:
        return table
    first = _as_wide_as_the_table(table.header[0])
    if first is None or not LABEL_WORD.match(first):
        return table
    titles = [first]
    k = 1
    while k < len(table.header) - 1 and (line := _as_wide_as_the_table(table.header[k])) is not None:
        titles.append(line)
        k += 1
    if k >= len(table.header):
        return table  # nothing but title rows: no headings left to stand for the columns
    parsed = parse_label(first)
    own_label = parsed[0] if parsed else first if len(first.split()) <= MAX_LABEL_WORDS else None
    label = table.label or own_label
    rest = ([parsed[1]] if parsed[1] else []) if parsed else ([] if own_label else [first])
    caption = table.caption or " ".join(rest + titles[1:]) or None
    header = [[replace(c, text="") if " ".join(text_of(c).split()) == first else c for c in row]
              for row in table.header[k:]]
    body = [[replace(c, text="") if " ".join(text_of(c).split()) == first else c for c in row] for row in table.body]
    return replace(table, label=label, caption=caption, header=header, body=body)


# The heading of a column of row numbers, which opens a table's heading row: "No", "No.", "Nomor", "No Urut".
NUMBER_HEADING = re.compile(r"^\s*(?:no\.?|nomor|no\.?\s*urut)\s*$", re.IGNORECASE)
# A heading row names at least this many columns.
MIN_HEADINGS = 3
# A caption cut into columns leaves a piece of at least this many words in some cell ("Program Tahun Anggaran
# 2024"); a group heading over columns is a word or two ("Target", "Realisasi 2023").
MIN_TITLE_PIECE_WORDS = 3


def _heading_row(row: list[Cell]) -> bool:
    """A row of column headings: opens with the row numbers' heading ("No"), names at least MIN_HEADINGS
    columns, and prints no number."""
    texts = [text_of(c).strip() for c in row if text_of(c).strip()]
    return (bool(row) and bool(NUMBER_HEADING.match(text_of(row[0]))) and len(texts) >= MIN_HEADINGS
            and not any(is_pure_number(t) for t in texts))


def caption_rows_out_of_header(table: RawTable) -> RawTable:
    """A table read by its white space whose caption lines ("Realisasi Anggaran per Program Tahun Anggaran 2024",
    cut into columns by the gaps between its words) were taken for its header, its real heading row ("No |
    Program | Pagu Anggaran (Rp) | …") the first of its body: the header's rows become the caption (when the
    table has none), and the body's heading rows, down to its first row of values, the header. Other tables
    unchanged. The header rows must leave the row numbers' column empty (no heading of a column stands there) and
    hold a piece of a sentence (MIN_TITLE_PIECE_WORDS), not a group heading."""
    if not table.header or not table.body or not _heading_row(table.body[0]):
        return table
    if any(text_of(row[0]).strip() for row in table.header) or not any(
            len(text_of(c).split()) >= MIN_TITLE_PIECE_WORDS for row in table.header for c in row):
        return table
    depth = 1
    while depth < len(table.body) and _heading_row_or_continuation(table.body[depth]):
        depth += 1
    title = " ".join(" ".join(text_of(c).split()) for row in table.header for c in row if text_of(c).strip())
    return replace(table, caption=table.caption or title or None, header=table.body[:depth], body=table.body[depth:])


def _heading_row_or_continuation(row: list[Cell]) -> bool:
    """A second line of headings under the first ("(Rp)", "Murni | Perubahan"): no number, not opening a row."""
    texts = [text_of(c).strip() for c in row if text_of(c).strip()]
    return bool(texts) and not text_of(row[0]).strip() and not any(is_pure_number(t) for t in texts) and len(texts) >= 2


# A column number in brackets, the whole cell: "(13)".
BRACKETED_NUMBER = re.compile(r"^\(\d{1,2}\)$")
# A numbering row numbers most columns; a lone "(1)" may be a heading's own note.
MIN_NUMBERED_CELLS = 3


def headings_only(header: list[list[Cell]]) -> list[list[Cell]]:
    """In: a table's header rows. Out: those rows less the rows that number the columns in brackets (every
    filled cell "(n)", in any order), which name no column."""
    def numbering(row: list[Cell]) -> bool:
        texts = [text_of(c).strip() for c in row if text_of(c).strip()]
        return len(texts) >= MIN_NUMBERED_CELLS and all(BRACKETED_NUMBER.match(t) for t in texts)

    kept = [row for row in header if not numbering(row)]
    return kept or header
