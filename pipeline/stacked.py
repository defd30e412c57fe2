"""Stacked rows: several table rows printed as lines of one ruled row.

Word tables often rule the columns but not the rows of a group: one ruled row then holds a list of
indicators ("- Jumlah produksi padi" / "- Jumlah produksi jagung" …) and, in each value column, one
line per indicator ("12.540.550 *)" / "1.630.238 *)"). A value column may print the group's own
figure (its average capaian) on the first line, above the items' lines.

In:  a `RawTable` (after `pipeline.spans`).
Out: the same table with each such row split into one row per item: the list and the value lines
     are dealt out line by line; cells that hold one text (the sasaran) stay on the first row and are
     covered (None) on the others. A row is split only when every multi-line value column has as
     many number lines as the list has items (or one more, the group's figure, which is dropped).

Renja / RKT rows list their measures without bullets ("Output :" / "Padi (ton)" / "Jagung (ton)" /
"Outcome :" / prose): the lines ending with a unit in brackets are the items, split when the value
column prints exactly one line each. A list of short measures of one unit printed one per row whose
heading stands in the name cell of its first item ("Jumlah produksi … hortikultura" / "Padi (ton)")
gets the heading as a row of its own, so the first item is named like the others.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import is_pure_number, text_of
from pipeline.lexicon import BULLETS
from pipeline.models import Cell, RawTable

# An item of a printed list starts a line with a bullet: "-", "–", "•", "➢", "a.", "1)".
ITEM_START = re.compile(rf"^\s*(?:[{BULLETS}]|[a-z][.)]|\d{{1,2}}[.)])\s+", re.IGNORECASE)
# The fewest items that make a list (one item is an ordinary row).
MIN_ITEMS = 2


def list_items(text: str) -> list[str]:
    """The items of a bulleted list in one cell (lines without a bullet continue the item above)."""
    items: list[str] = []
    for line in text.split("\n"):
        if ITEM_START.match(line) or not items:
            items.append(line.strip())
        else:
            items[-1] = f"{items[-1]} {line.strip()}"
    return items if len(items) >= MIN_ITEMS and all(ITEM_START.match(i) for i in items) else []


# A measure named with its unit in brackets at the end of its line: "Padi (ton)", "Luas Sawah Baru ( Ha )",
# "Tingkat Kehilangan Hasil (%)"; an acronym in capitals ("(OPT)", "(PHBS)") is part of a name, no unit.
UNIT_AT_END = re.compile(r"\(\s*(?![A-Z]{2,}\s*\))[A-Za-z%][A-Za-z%/. ]{0,15}\)\s*$")
# A line that continues the name above it: it starts in lower case or with a bracket ("yang mengikuti
# pelatihan (orang)", "(%)").
CONTINUATION_LINE = re.compile(r"^\s*[a-z(]")


def measure_lines(text: str) -> list[str]:
    """The measures listed one per line in a cell that also holds labels and prose (a Renja / RKT row:
    "Output :" / "Padi (ton)" / "Jagung (ton)" / … / "Outcome :" / the outcome in words): the lines, joined
    with the lines that continue them, that end with a unit in brackets. [] when fewer than MIN_ITEMS."""
    joined: list[str] = []
    for line in text.split("\n"):
        if joined and CONTINUATION_LINE.match(line) and not joined[-1].rstrip().endswith(":"):
            joined[-1] = f"{joined[-1]} {line.strip()}"
        elif line.strip():
            joined.append(line.strip())
    items = [line for line in joined if UNIT_AT_END.search(line)]
    return items if len(items) >= MIN_ITEMS else []


def value_lines(text: str) -> list[str] | None:
    """The lines of a value cell when every line is a number ("12.540.550 *)", "98,98", "-")."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_ITEMS or not all(is_pure_number(_without_marks(line)) or line in ("-", "–") for line in lines):
        return None
    return lines


def _without_marks(line: str) -> str:
    return re.sub(r"\s*\*+\)?$", "", line)  # a footnote mark after the number ("*)", "**)")


def _split_row(row: list[Cell]) -> list[list[Cell]] | None:
    split = _split_by(row, list_items)
    return split if split is not None else _split_by(row, measure_lines, exact=True)


def _split_by(row: list[Cell], items_of, exact: bool = False) -> list[list[Cell]] | None:
    """In: a row; how to find the items of a name cell (`list_items`, `measure_lines`); exact: the value
    columns must print exactly one line per item (no group figure above them). Out: the row split into one
    row per item, or None."""
    lists = {j: items_of(text_of(c)) for j, c in enumerate(row)}
    lists = {j: items for j, items in lists.items() if items}
    if len(lists) != 1:
        return None
    (list_col, items), = lists.items()
    n = len(items)
    columns: dict[int, list[str]] = {list_col: items}
    for j, cell in enumerate(row):
        if j == list_col or "\n" not in text_of(cell):
            continue
        lines = value_lines(text_of(cell))
        if lines is None:
            continue  # a text spread over lines (the sasaran): stays whole on the first row
        if len(lines) == n + 1 and not exact:
            lines = lines[1:]  # the group's own figure above its items' lines
        if len(lines) != n:
            return None
        columns[j] = lines
    if len(columns) < 2:
        return None
    rows = []
    for k in range(n):
        rows.append([replace(c, text=columns[j][k]) if j in columns else (c if k == 0 else replace(c, text=None))
                     for j, c in enumerate(row)])
    return rows


def split_stacked_rows(table: RawTable) -> RawTable:
    """Split every row that prints a list of items with one value line per item, and every row whose name
    cell prints a list's heading above its first item (`_heading_and_first_item`)."""
    body: list[list[Cell]] = []
    changed = False
    for row in table.body:
        split = _split_row(row)
        changed |= split is not None
        body.extend(split or [row])
    for i in range(len(body) - 1, -1, -1):
        split = _heading_and_first_item(body, i)
        if split is not None:
            body[i:i + 1] = split
            changed = True
    return replace(table, body=body) if changed else table


MIN_HEADING_WORDS = 3
"""Words a list's heading has at least ("Jumlah produksi tanaman pangan dan hortikultura"): a name wrapped
over two lines ("Persentase" / "Ketersediaan Obat (%)") has a shorter first part and is one name."""
MIN_ITEMS_BELOW = 2
"""Rows below that must be items of the same form (one line, its unit in brackets) for the first to be one."""


def _joined_lines(text: str) -> list[str]:
    """A cell's lines, each joined with the lines that continue it (`CONTINUATION_LINE`)."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and CONTINUATION_LINE.match(line):
            out[-1] = f"{out[-1]} {line.strip()}"
        elif line.strip():
            out.append(line.strip())
    return out


MAX_ITEM_WORDS = 3
"""Words an item of such a list names before its unit ("Kacang Tanah (ton)", "- Palawija (%)"): a commodity
or a part, not a measure's whole name, which is longer ("Jumlah Kaji Terap Pengembangan Teknologi (Paket)")."""


def _item_unit(line: str) -> str | None:
    """The unit of a short item line ("Kacang Tanah (ton)" -> "ton"), None for a line that is no such item."""
    m = UNIT_AT_END.search(line)
    words = re.findall(r"\w+", line[:m.start()]) if m else []
    if m is None or not words or len(words) > MAX_ITEM_WORDS:
        return None
    return re.sub(r"[^a-z%]", "", m.group(0).lower())


def _is_item(text: str, unit: str) -> bool:
    """One short measure with this unit in brackets, maybe wrapped ("Jagung (ton)", "Kacang\nTanah (ton)",
    "-\nSayuran\n(%)")."""
    return _item_unit(" ".join(text.split())) == unit


def _heading_and_first_item(body: list[list[Cell]], i: int) -> list[list[Cell]] | None:
    """A list of short measures of one unit printed one per row ("Jagung (ton)", "Kedelai (ton)" …) whose heading is printed
    in the name cell of its first item ("Jumlah produksi tanaman pangan dan hortikultura" / "Padi (ton)"):
    the row becomes a heading row (the heading and the row's other words, no values) and the first item's
    row (its name and the values; the words covered, as under a spanning cell).
    In: the body, a row index. Out: the two rows, or None when row i is no such row."""
    row = body[i]
    below = body[i + 1:i + 1 + MIN_ITEMS_BELOW]
    for j, cell in enumerate(row):
        lines = _joined_lines(text_of(cell))
        unit = _item_unit(lines[-1]) if len(lines) >= 2 else None
        if unit is None or any(UNIT_AT_END.search(x) for x in lines[:-1]):
            continue
        if len(" ".join(lines[:-1]).split()) < MIN_HEADING_WORDS or len(below) < MIN_ITEMS_BELOW:
            continue
        if not all(j < len(r) and _is_item(text_of(r[j]), unit) for r in below):
            continue
        # the values stand right of the name; a number left of it is the row's number ("4.")
        values = {k for k, c in enumerate(row) if k > j and is_pure_number(_without_marks(text_of(c)))}
        heading = [replace(c, text=" ".join(lines[:-1])) if k == j else replace(c, text="") if k in values else c
                   for k, c in enumerate(row)]
        item = [replace(c, text=lines[-1]) if k == j else c if k in values else replace(c, text=None)
                for k, c in enumerate(row)]
        return [heading, item]
    return None
