"""Field tables: one indicator printed as fields down the rows, its values across.

The analysis chapter of an LKjIP often gives each indicator a small table of its own, the field names
down the first column and the values beside them:

    Uraian            | Keterangan                      Uraian    | 2021  | 2022  | 2023
    Indikator Kinerja | Persentase … terlayani          Target    | 80    | 82    | 85
    Satuan            | %                               Realisasi | 78,5  | 83,1  | 84,2
    Target 2023       | 82,88                           Capaian   | 98,13 | 101,3 | 99,06
    Realisasi 2023    | 76,87
    Capaian           | 92,75%                          (the indicator named in the caption:
                                                         "Tabel 3.5 Capaian Indikator Persentase …")

Read column by column, the values would be one column of mixed quantities. The table is turned into the
usual form, one row for the indicator and one column per field (per value column and field when the
value columns are years: "2021 › Target | 2021 › Realisasi | …"), so its columns are classified like
any other table's. The indicator's name is its "Indikator" field, else the caption without its label
and the words that introduce it ("Capaian Indikator", "Perbandingan Realisasi …", "Tahun 2021-2023").

In:  a `RawTable` (after the row and line joins of `pipeline.extract`).
Out: `fields_down_the_rows(table)`: the table turned, with its evidence in words; the same table and
     None when it is not one (see the constants for what makes one).
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import text_of
from pipeline.lexicon import YEAR_IN_TEXT
from pipeline.models import Cell, RawTable
from pipeline.role_rows import leaf_paths

# The field that names the indicator: "Indikator", "Indikator Kinerja (Utama)", "IKU", "Indikator Sasaran".
NAME_FIELD = re.compile(r"^\s*(?:indikator(?:\s+(?:kinerja|sasaran))?(?:\s+utama)?|iku)\s*:?\s*$", re.IGNORECASE)
# The field that gives the indicator's unit (satuan).
UNIT_FIELD = re.compile(r"^\s*satuan\s*:?\s*$", re.IGNORECASE)
# Fields that hold a quantity of the indicator, with a year or a "%" after the word: target, realisasi,
# capaian (and "% capaian", "persentase capaian"); the word decides which field it is.
ROLE_FIELD = re.compile(r"^\s*(?:%\s*|persentase\s+)?(target|realisasi|capaian)\b", re.IGNORECASE)
# The heading of a field column ("Uraian" = description, "Keterangan" = remarks, "Komponen", "Aspek") and
# of a single value column: words that name no quantity.
FIELD_HEADING = re.compile(r"^\s*(uraian|keterangan|komponen|aspek|kriteria|deskripsi|nilai|data)?\s*$", re.IGNORECASE)
# A field table prints at least MIN_ROLES of the three quantities and at most MAX_ROWS rows in all: a longer
# table whose first column happens to start with "Target" is a list of something else.
MIN_ROLES = 2
MAX_ROWS = 14
# The words a caption introduces an indicator's own table with, before its name: "Capaian (Kinerja)
# (Indikator)", "Perbandingan / Analisis / Pengukuran (Capaian) (Kinerja) (Indikator) (Kinerja)"; and after it,
# the years it covers ("Tahun 2021-2023", "Tahun 2023").
CAPTION_LEAD = re.compile(
    r"^\W*(?:(?:capaian|perbandingan|analisis|pengukuran|realisasi|target|dan|kinerja|indikator|sasaran|iku)"
    r"\b[\s:,]*)+", re.IGNORECASE)
CAPTION_TAIL = re.compile(r"\s*(?:,|\()?\s*(?:tahun|ta\.?)?\s*(?:19|20)\d\d(?:\s*(?:[-–]|s\.?\s?/?d\.?)\s*(?:19|20)\d\d)?\)?\W*$",
                          re.IGNORECASE)
# A name read from a caption has at least this many words (shorter leftovers are the caption's own words).
MIN_CAPTION_NAME_WORDS = 3


def _field_role(text: str) -> str | None:
    m = ROLE_FIELD.match(text)
    return m.group(1).lower() if m else None


def is_field(text: str) -> bool:
    """A field's name: the indicator ('Indikator Kinerja'), its unit ('Satuan') or a quantity ('Target 2030')."""
    return bool(NAME_FIELD.match(text) or UNIT_FIELD.match(text) or _field_role(text))


# A quantity's field name and nothing more: "Target", "Realisasi 2030", "Capaian (%)", "Target Tahun 2030".
BARE_ROLE_FIELD = re.compile(r"^\s*(?:target|realisasi|capaian)(?:\s+(?:tahun\s+)?(?:19|20)\d\d)?\s*(?:\(\s*%\s*\)|%)?\s*:?\s*$",
                             re.IGNORECASE)


def is_bare_field(text: str) -> bool:
    """A cell that is a field's name and nothing more (a wrapped name's next line may open with "capaian …")."""
    return bool(NAME_FIELD.match(text) or UNIT_FIELD.match(text) or BARE_ROLE_FIELD.match(text))


def _rows(table: RawTable) -> list[list[Cell]]:
    """The rows that carry fields: the body's, and header rows whose first cell is a field (a table printed
    without a heading row has its first field taken for one); a field's name wrapped in its cell is joined
    (`_with_wrapped_years`)."""
    header = [row for row in table.header if row and is_field(text_of(row[0]))]
    return _with_wrapped_years(header + [row for row in table.body if row and any(text_of(c) for c in row)])


# A year alone (or "Tahun 2019"), the second line of a field's name ("Target / 2019").
WRAPPED_YEAR = re.compile(r"\s*(?:tahun\s*)?(?:19|20)\d\d\s*", re.IGNORECASE)


def _with_wrapped_years(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows with each row that prints a year alone in its first cell and nothing else joined to the row above
    when that one names a quantity (`ROLE_FIELD`): the field's name wrapped onto a second line of its cell
    ("Target / 2019"), read as a row of its own where the lines of a cell stand further apart than the reader
    joins (a scan's OCR boxes hug the ink: its lines look a row's height apart)."""
    out: list[list[Cell]] = []
    for row in rows:
        first = text_of(row[0])
        if (out and WRAPPED_YEAR.fullmatch(first) and not any(text_of(c) for c in row[1:])
                and _field_role(text_of(out[-1][0])) and not YEAR_IN_TEXT.search(text_of(out[-1][0]))):
            above = out[-1]
            out[-1] = [replace(above[0], text=f"{text_of(above[0])} {first.strip()}")] + above[1:]
            continue
        out.append(row)
    return out


def _headings(table: RawTable) -> list[str]:
    """Each column's heading from the header rows that are no field (a reader may have taken the first fields for
    header rows)."""
    return leaf_paths(replace(table, header=[row for row in table.header if not (row and is_field(text_of(row[0])))]))


def caption_name(table: RawTable) -> str | None:
    """The indicator a table's caption names: the caption without its label ("Tabel 3.5"), the words that
    introduce the name and the years after it; None when fewer than MIN_CAPTION_NAME_WORDS words are left."""
    caption = table.caption or ""
    if table.label and caption.lower().startswith(table.label.lower()):
        caption = caption[len(table.label):]
    caption = re.sub(r"^\s*(?:tabel|table)\s+[\w.]+\s*", "", caption, flags=re.IGNORECASE)
    name = CAPTION_TAIL.sub("", CAPTION_LEAD.sub("", caption)).strip(" .:-")
    return name if len(name.split()) >= MIN_CAPTION_NAME_WORDS else None


def _value_columns(table: RawTable, headings: list[str]) -> list[tuple[int, str]] | None:
    """(column, prefix of its fields' headings): one value column whose heading names no quantity (prefix ""),
    or value columns each headed by a year (prefix "2021"); None otherwise."""
    columns = list(range(1, table.n_cols))
    leaves = headings[1:]
    if len(columns) == 1 and FIELD_HEADING.match(leaves[0]):
        return [(columns[0], "")]
    if len(columns) >= 2 and all(YEAR_IN_TEXT.search(leaf) for leaf in leaves):
        return list(zip(columns, leaves))
    return None


def fields_down_the_rows(table: RawTable) -> tuple[RawTable, str | None]:
    """The table in the usual form when it prints one indicator's fields down the rows (see the module),
    with the evidence of the turn in words; the same table and None when it is not one."""
    headings = _headings(table)
    if table.n_cols < 2 or not FIELD_HEADING.match(headings[0]):
        return table, None
    rows = _rows(table)
    keys = [text_of(row[0]) for row in rows]
    if not rows or len(rows) > MAX_ROWS or not all(keys) or not all(is_field(k) for k in keys):
        return table, None
    roles = [_field_role(k) for k in keys]
    if len({r for r in roles if r}) < MIN_ROLES:
        return table, None
    value_columns = _value_columns(table, headings)
    if value_columns is None:
        return table, None
    named = [row for row, key in zip(rows, keys) if NAME_FIELD.match(key)]
    name = text_of(named[0][1]) if named and len(named[0]) > 1 else caption_name(table)
    if not name:
        return table, None
    page = table.pages[0]
    fields = [(row, key) for row, key in zip(rows, keys) if not NAME_FIELD.match(key)]
    unit = [(row, key) for row, key in fields if UNIT_FIELD.match(key)]
    quantities = [(row, key) for row, key in fields if not UNIT_FIELD.match(key)]
    names = [Cell("Indikator Kinerja", page)] + [Cell(key, page) for _, key in unit[:1]]
    leaves = [Cell(key, page) for _ in value_columns for _, key in quantities]
    if value_columns[0][1]:  # years over the fields, as a spanning heading over its leaves
        header = [names + [Cell(prefix, page) for _, prefix in value_columns for _ in quantities],
                  [Cell(None, page) for _ in names] + leaves]
    else:
        header = [names + leaves]
    body = [Cell(name, page)] + [row[value_columns[0][0]] for row, _ in unit[:1]] + [
        row[j] if j < len(row) else Cell("", page) for j, _ in value_columns for row, _ in quantities]
    source = "its \"Indikator\" field" if named else f"the caption {table.caption!r}"
    evidence = (f"column 0 prints the fields {' / '.join(keys)} of one indicator, its values across "
                f"{len(value_columns)} column(s): one row, one column per field; the indicator named by {source}")
    return replace(table, header=header, body=[body]), evidence
