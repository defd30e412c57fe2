"""Logical columns: body cells printed under one spanning header cell become one cell.

Word tables often split a body column where the header does not: a row code and its name under
one "Indikator Kinerja Kegiatan" heading ("1.1.1.1" | "Luas lahan …"), a currency marker and its
amount under one "Anggaran" heading ("Rp" | "1.250.000.000"). The ruled reader gives such a grid
column no header cell of its own (covered, text None, in every header row).

In:  a `RawTable` as extracted.
Out: the same table whose grid columns that no header cell starts are joined into the column of the
     header cell that spans them (texts joined with a space, in reading order), or the table
     unchanged. Pure: the extracted table itself is kept as it was (intermediate JSON).
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.models import Cell, RawTable

# A row code ("1.", "1.1.2", "3.30.04.2.01", "A."): not a value, so it may share a span with a name.
ROW_CODE_RE = re.compile(r"\(?[0-9]{1,3}(\.[0-9]{1,3})*[.)]?|[A-Za-z][.)]")
# Digit groups of three after the first ("158.180.092", "3.200"): an amount, not a row code.
THOUSANDS_RE = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+")
# A value a table prints in a value column: "3.200", "12,5", "82,5 %", "(1,25)".
VALUE_RE = re.compile(r"[(]?[-+]?[0-9][0-9.,\s]*[)]?\s*%?")


# A currency marker printed in a cell of its own, left of the amount.
CURRENCY_RE = re.compile(r"(rp|idr|us\$|usd)\.?", re.I)


# A bare row number ("1", "12.", "(3)"): a code when a name follows it in the same span.
ROW_NUMBER_RE = re.compile(r"\(?([0-9]{1,3})[.)]?")


def _is_value(text: str, numbers_a_name: bool = False) -> bool:
    t = text.strip()
    if not t or not VALUE_RE.fullmatch(t):
        return False
    if ROW_NUMBER_RE.fullmatch(t):
        return not numbers_a_name
    return bool(THOUSANDS_RE.fullmatch(t)) or not ROW_CODE_RE.fullmatch(t)


def span_owners(header: list[list[Cell]]) -> list[int]:
    """For each grid column, the column whose header cell covers it: itself when some header row
    has a cell starting there, else its left neighbour's owner."""
    n_cols = len(header[0]) if header else 0
    owners: list[int] = []
    for j in range(n_cols):
        starts = any(j < len(row) and row[j].text is not None for row in header)
        owners.append(j if starts or j == 0 else owners[j - 1])
    return owners


def _one_cell_split(body: list[list[Cell]], columns: list[int]) -> bool:
    """The body cells under one span read as one cell in every row: a code and a name, a name in
    two parts, a currency marker and its amount. A value beside anything but a currency marker means
    the span is two quantities under a header that lost a cell (left as they are)."""
    for row in body:
        texts = [(row[j].text or "").strip() for j in columns if j < len(row) and (row[j].text or "").strip()]
        values = [t for k, t in enumerate(texts) if _is_value(t, numbers_a_name=k == 0 and len(texts) > 1)]
        if values and (len(values) > 1 or any(not CURRENCY_RE.fullmatch(t) for t in texts if t not in values)):
            return False
    return True


def _joined(cells: list[Cell]) -> Cell:
    parts = [c.text for c in cells if c.text]
    first = next((c for c in cells if c.text), cells[0])
    if not parts:
        return replace(cells[0])
    return replace(first, text=" ".join(parts))


def join_spanned_columns(table: RawTable) -> RawTable:
    """Join the grid columns that no header cell starts into the column whose header spans them."""
    if not table.header or not table.body:
        return table
    owners = span_owners(table.header)
    groups: dict[int, list[int]] = {}
    for j, owner in enumerate(owners):
        groups.setdefault(owner, []).append(j)
    merged = {owner: cols for owner, cols in groups.items()
              if len(cols) > 1 and _one_cell_split(table.body, cols)}
    if not merged:
        return table
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
