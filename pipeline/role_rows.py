"""Role-as-row tables: an indicator's target, realisasi and capaian printed as sub-rows, one column per year.

A comparison of several years often gives each indicator a block of rows whose column "Uraian" (or an
unheaded one) names what the row holds, with the years across:

    No | Indikator Kinerja | Uraian      | 2019   | 2020   | …
    1  | Produksi …        | Target      | 12.500 | 13.000 | …
       |                   | Realisasi   | 12.810 | 12.455 | …
       |                   | Capaian (%) | 102,48 | 95,81  | …

Read column by column, every year column would hold three quantities. The table is turned into the
usual form, one row per indicator and one column per (year, role): "2019 › Target | 2019 › Realisasi |
2019 › Capaian (%) | 2020 › …", so the columns are classified like any other table's.

In:  a `RawTable` (after the row and line joins of `pipeline.extract`).
Out: `roles_down_the_rows(table)`: the table turned, or the same table when it is not one (see the
     constants for what makes one).
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import PATH_SEP, text_of
from pipeline.lexicon import YEAR_IN_TEXT
from pipeline.models import Cell, RawTable

# A cell that names a row's role and nothing else: "Target", "Realisasi", "Capaian", "Capaian (%)", "% Capaian",
# and their initials "T", "R".
ROLE_CELL = re.compile(r"^\s*(?:%\s*)?(target|realisasi|capaian|t|r)\b\s*(?:\(?\s*%\s*\)?)?\s*(?:kinerja)?\s*$",
                       re.IGNORECASE)
# At least this many blocks (indicators), each printing at least this many of the roles: two rows that happen
# to begin with "Target" are no such table.
MIN_BLOCKS = 2
MIN_ROLES_IN_BLOCK = 2
# At least this many columns right of the role column are headed by a year.
MIN_YEAR_COLUMNS = 2


def _role(text: str) -> str | None:
    m = ROLE_CELL.match(text)
    if not m:
        return None
    word = m.group(1).lower()
    return {"t": "target", "r": "realisasi"}.get(word, word)


def leaf_paths(table: RawTable) -> list[str]:
    """Each column's heading: the texts of its header cells top to bottom, a text repeated under itself once."""
    paths = []
    for j in range(table.n_cols):
        parts: list[str] = []
        for row in table.header:
            text = text_of(row[j]) if j < len(row) else ""
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        paths.append(PATH_SEP.join(parts))
    return paths


def _role_column(table: RawTable) -> int | None:
    """The column whose filled cells all name a role, in blocks of at least MIN_ROLES_IN_BLOCK roles."""
    for k in range(1, table.n_cols - MIN_YEAR_COLUMNS):
        texts = [text_of(row[k]) for row in table.body if k < len(row) and text_of(row[k])]
        if len(texts) < MIN_BLOCKS * MIN_ROLES_IN_BLOCK or not all(_role(t) for t in texts):
            continue
        if len({_role(t) for t in texts}) >= MIN_ROLES_IN_BLOCK:
            return k
    return None


def _blocks(table: RawTable, k: int) -> list[list[list[Cell]]] | None:
    """The body's rows grouped by indicator: a block starts with the first row, and again where a role the block
    already holds comes back (a "Target" after a "Capaian"); a name wrapped onto the next sub-row stays in its
    block. None when a row prints values without a role (its quantity unknown: the table is left as printed)."""
    blocks: list[list[list[Cell]]] = []
    held: set[str | None] = set()
    for row in table.body:
        role = _role(text_of(row[k])) if text_of(row[k]) else None
        if role is None and any(text_of(c) for c in row[k + 1:]):
            return None
        if not blocks or (role is not None and role in held):
            blocks.append([])
            held = set()
        blocks[-1].append(row)
        held.add(role)
    return blocks


def roles_down_the_rows(table: RawTable) -> tuple[RawTable, str | None]:
    """The table in the usual form when it prints roles down the rows and years across (see the module), with
    the evidence of the turn in words; the same table and None when it is not one."""
    if not table.header or not table.body:
        return table, None
    k = _role_column(table)
    if k is None:
        return table, None
    paths = leaf_paths(table)
    year_columns = [j for j in range(k + 1, table.n_cols) if YEAR_IN_TEXT.search(paths[j])]
    if len(year_columns) < MIN_YEAR_COLUMNS or len(year_columns) != table.n_cols - k - 1:
        return table, None
    blocks = _blocks(table, k)
    if blocks is None or len(blocks) < MIN_BLOCKS or any(
            len({_role(text_of(r[k])) for r in b if text_of(r[k])}) < MIN_ROLES_IN_BLOCK for b in blocks):
        return table, None
    roles: list[str] = []  # the roles in the order the blocks print them, each with its printed label
    labels: dict[str, str] = {}
    for block in blocks:
        for row in block:
            role = _role(text_of(row[k]))
            if role and role not in roles:
                roles.append(role)
                labels[role] = text_of(row[k])
    page = table.pages[0]
    header = [[Cell(paths[j], page) for j in range(k)] + [Cell(paths[j], page) for j in year_columns for _ in roles],
              [Cell(None, page) for _ in range(k)] + [Cell(labels[r], page) for _ in year_columns for r in roles]]
    body = []
    for block in blocks:
        first = block[0]
        names = [_joined([r[j] for r in block]) for j in range(k)]
        by_role = {_role(text_of(r[k])): r for r in block if text_of(r[k])}
        values = [by_role[r][j] if r in by_role else Cell("", first[0].page) for j in year_columns for r in roles]
        body.append(names + values)
    evidence = (f"column {k} {paths[k]!r} prints {' / '.join(labels[r] for r in roles)} down {len(blocks)} blocks, "
                f"the years across: one row per indicator, one column per (year, role)")
    return replace(table, header=header, body=body), evidence


def _joined(cells: list[Cell]) -> Cell:
    """One name cell from a block's cells of one column: their texts joined, the first cell's bold, indent and
    page, the lowest OCR confidence (the least sure reading of any line)."""
    texts = [text_of(c) for c in cells if text_of(c)]
    confidences = [c.ocr_confidence for c in cells if c.ocr_confidence is not None]
    return replace(cells[0], text=" ".join(texts) if texts else cells[0].text,
                   ocr_confidence=min(confidences) if confidences else cells[0].ocr_confidence)
