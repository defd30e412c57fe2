"""Ruled rows cut into one grid row per printed line: the lines of one row joined again.

Some exports shade each printed line of a tall cell as a box of its own, so the ruled-table reader
gives one grid row per line. A narrow year column then prints a cell with two quantities over four
lines, each a grid row; a name's last words and a decimal's last digit fall a grid row lower:

    2. Subdimensi Hari Patroli |  % | 122  | 127 hari (53%) |
    Kapal                      |  ^ | hari |       ^        |       -> "2. Subdimensi Hari Patroli Kapal"
       ^                       |  ^ | (51  |       ^        |          | % | "122 hari (51%)" | "127 hari (53%)"
       ^                       |  ^ | %)   |       ^        |
    2. Persentase Penyelesaian |  % | 86,0 |     86,02      |
    Penataan Organisasi        |  ^ | 1    |       ^        |       -> "… Penataan Organisasi" | % | 86,01 | 86,02

A lower grid row lies inside the row above when some value cell of it is covered (text None: the cell
above spans down into it) or continues the cell above it, and every value it prints is a piece of the
value above it: words or brackets that no number completes ("hari", "(51", "%)", "km²") or the last
digits of a number cut after its separator ("86,0" / "1", "33.2" / "80.0" / "00"). A whole number
under another ("90" under "100") is a row of its own. The lower row starts no new item (a row code or
bullet in a name cell), unless the row above names nothing there: a row of values whose name is
printed a grid line lower, level with the middle of the values ("33.2" over "4. Subdimensi Cakupan
Area Kapal | 0.000 km² (54%)").

In:  a `RawTable` from a ruled reader (covered cells are text None).
Out: the table with those grid rows joined into the row above; value pieces joined as printed (no
     space inside a number, "(51" + "%)" -> "(51%)", other lines kept as lines); other tables unchanged.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import text_of
from normalizers.levels import level_from_name
from pipeline.lexicon import ITEM_MARK
from pipeline.models import Cell, RawTable

RULED_READERS = ("lattice",)  # only rulings make covered cells
# The number a line ends with: "86,0", "33.2", "179.", "(2,8".
TRAILING_NUMBER = re.compile(r"(\d[\d.,]*)$")
# Where a narrow cell cuts a number: inside a group of thousands ("1.15" / "2.000", "33.2" / "80.0"), after
# the first decimal digit ("86,0" / "1"), or right after the separator ("179." / "200").
GROUP_CUT = re.compile(r"^\d{1,3}(?:[.,]\d{3})*[.,](?P<head>\d{1,2})$")
GROUP_REST = re.compile(r"^(?P<rest>\d{1,2})(?:[.,]\d{3})*(?:[.,]\d{0,2})?$")
DECIMAL_CUT = re.compile(r"^\d+[.,]\d$")
DECIMAL_REST = re.compile(r"^\d$")
SEPARATOR_CUT = re.compile(r"^\d{1,3}(?:[.,]\d{3})*[.,]$")
NUMBER_REST = re.compile(r"^\d+(?:[.,]\d+)*$")
SEPARATOR_REST = re.compile(r"^\d{3}(?:[.,]\d{3})*$|^\d{1,2}$")
# A piece that closes what the line above opened, or a unit sign: set without a space ("(51" + "%)").
CLOSING_PIECE = re.compile(r"^[%)]")


# A cell that starts with a figure: "122", "(51", "86,0", "127 hari (53%)".
STARTS_WITH_FIGURE = re.compile(r"^\s*\(?[-–]?\s*\d")
# A row's name after its item number ("1. Jumlah pasar", "4 Subdimensi Cakupan"): a name, not a figure.
NUMBERED_NAME = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})*(?:[.)]\s*[^\W\d_]{3,}|\s+[A-Z][^\W\d_]{3,})")
# A name: a word of four letters or more.
NAME_WORD = re.compile(r"[^\W\d_]{4,}")
# A column of values or names: more than this share of its filled cells start with a figure / hold a name.
COLUMN_SHARE = 0.5


def _starts_with_figure(text: str) -> bool:
    return bool(STARTS_WITH_FIGURE.match(text)) and not NUMBERED_NAME.match(text)


def _share(texts: list[str], test) -> float:
    return sum(1 for t in texts if test(t)) / len(texts)


def _has_name(text: str) -> bool:
    return bool(NAME_WORD.search(text))


def value_columns(body: list[list[Cell]]) -> set[int]:
    """The columns right of the first name column most of whose filled cells in rows of figures start with
    a figure (a value cell that holds two quantities or wraps over lines still starts with its number; a
    code column left of the names is no value column)."""
    n_cols = max((len(r) for r in body), default=0)
    filled = [[text_of(r[j]) for r in body if j < len(r) and text_of(r[j])] for j in range(n_cols)]
    names = [j for j, texts in enumerate(filled) if texts and _share(texts, _has_name) > COLUMN_SHARE
             and _share(texts, _starts_with_figure) <= COLUMN_SHARE]
    if not names:
        return set()
    # rows printing figures in two cells or more: a heading spilled into a value column is no evidence
    figures = [r for r in body if sum(1 for c in r if _starts_with_figure(text_of(c))) >= 2]
    in_value_rows = [[text_of(r[j]) for r in figures if j < len(r) and text_of(r[j])] for j in range(n_cols)]
    return {j for j, texts in enumerate(in_value_rows)
            if j > names[0] and texts and _share(texts, _starts_with_figure) > COLUMN_SHARE}


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _first_line(text: str) -> str:
    """The first word of a cell's text (the piece a cut number continues with): "0.000" of "0.000 km² (54%)"."""
    words = text.split()
    return words[0] if words else ""


def _continues_number(above: str, piece: str) -> bool:
    """In: the text above, the first line of the piece. Out: True when the piece is the rest of a number
    the line above cut inside a group of thousands ("1.15" + "2.000": the two parts of the group make three
    digits), after its first decimal digit ("86,0" + "1") or right after its separator ("179." + "200")."""
    m = TRAILING_NUMBER.search(_last_line(above))
    if m is None:
        return False
    tail = m.group(1)
    return _cut_in_group(above, piece) or bool(DECIMAL_CUT.match(tail) and DECIMAL_REST.match(piece)
                or SEPARATOR_CUT.match(tail) and SEPARATOR_REST.match(piece))


# A unit or word a narrow cell cut after its number: "hari", "kapa" / "l", "km²", "km2", "titik".
WORD_PIECE = re.compile(r"^[^\W\d_]{1,5}[²³23]?$")
# A bracket opened around the second quantity and not closed on its line: "(51", "(2,8", "(3,1%".
OPEN_BRACKET = re.compile(r"^\(\s*\d[\d.,]*\s*%?$")
def _cut_in_group(above: str, piece: str) -> bool:
    """True when the piece completes a group of thousands the line above cut ("1.15" + "2.000")."""
    m = TRAILING_NUMBER.search(_last_line(above))
    group, rest = (GROUP_CUT.match(m.group(1)) if m else None), GROUP_REST.match(piece)
    return bool(group and rest and len(group.group("head")) + len(rest.group("rest")) == 3)


# Digits no number starts with: the rest of a group of thousands cut after its first digits ("0.000", "00").
LEADING_ZERO = re.compile(r"^0(?:\d|[.,]\d{3})")


def _rest_of_cut_group(above: str, first: str) -> bool:
    """True when the line is the rest of a number cut inside a group of thousands ("34.56" / "0.000"): it
    starts as no number does, and the two read as one number."""
    return bool(LEADING_ZERO.match(first)) and _continues_number(above, first)


def _is_piece(above: str, text: str) -> bool:
    """In: a value cell's text above and the text below it. Out: True when the text below is a piece of
    the value above: the rest of a cut number, a closing sign, an opened bracket, a short unit word after a
    figure or a word piece; never a value of its own ("90" under "100", "-", "Baik")."""
    first, tail = _first_line(text), _last_line(above)
    if not tail or not first or (len(text.split()) > 1 and not _rest_of_cut_group(above, first)):
        return False
    if _continues_number(above, first) or CLOSING_PIECE.match(first) or OPEN_BRACKET.match(first):
        return not (OPEN_BRACKET.match(first) and tail.endswith(")"))
    starts_with_figure = bool(STARTS_WITH_FIGURE.match(_first_line(above)))
    return bool(WORD_PIECE.match(first)) and starts_with_figure and not tail.endswith((")", "%"))


def _joined_value(above: str, piece: str) -> str:
    """A value cell's text and its piece one grid row lower, set as printed: no space inside a number or
    before a closing sign, other lines kept as lines."""
    if not above:
        return piece
    first = _first_line(piece)
    rest = piece.strip()[len(first):]
    if _continues_number(above, first) or CLOSING_PIECE.match(first) or above.rstrip().endswith("("):
        return above.rstrip() + first + rest
    return f"{above.rstrip()}\n{piece.strip()}"


# A name cell holding its item number only ("3.", "4"), the name printed a grid row lower.
ITEM_NUMBER_ONLY = re.compile(r"^\s*\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s*$")
# A name's last line that is an acronym alone ("PBJ", "SPBE"): the end of the name above, never a name.
ACRONYM_LINE = re.compile(r"^\s*\(?[A-Z]{2,5}\)?\s*$")


def _names_nothing_where(row: list[Cell], above: list[Cell], labels: list[int]) -> bool:
    """True when the row above names nothing (no words in its label cells, a unit at most) and every label
    cell the row fills is empty or covered in the row above: the row names the values printed above its name."""
    return not any(_has_name(text_of(above[j])) and len(text_of(above[j]).split()) > 1 for j in labels) and all(
        not text_of(above[j]) or ITEM_NUMBER_ONLY.match(text_of(above[j])) for j in labels if text_of(row[j]))


# A block's heading names its level before a colon ("Misi Keempat: …", "Sasaran ke-1 : …", "Tujuan :"): the
# start of a block, printed across the row, never the name of the figures above it.
BLOCK_HEADING = re.compile(r"^[^:\n]{1,30}:")


def _block_heading(row: list[Cell], labels: list[int]) -> bool:
    return any(BLOCK_HEADING.match(text_of(row[j])) for j in labels if text_of(row[j]))


def _ends_the_name_with_an_acronym(row: list[Cell], above: list[Cell], labels: list[int]) -> bool:
    """True when the row's only text is an acronym in a label cell under the name above ("evaluasi Indeks" /
    "PBJ")."""
    texts = [j for j in labels if text_of(row[j])]
    return len(texts) == 1 and bool(ACRONYM_LINE.match(text_of(row[texts[0]]))) and _has_name(text_of(above[texts[0]]))


def _lies_inside(row: list[Cell], above: list[Cell], values: set[int]) -> bool:
    """In: a grid row, the (joined) row above it, the value columns. Out: True when the row is the rest of
    the row above: every value it prints a piece of the value above it (`_is_piece`), with the evidence that
    the row lies inside the row above (a value cell covered beside its pieces, or the rest of a cut number),
    and no new item started where the row above has a name; or no value, its value cells covered by the
    row above, which names nothing (the values printed a grid line above their name)."""
    value_cells = [j for j in sorted(values) if j < len(row)]
    if not value_cells or not any(text_of(above[j]) for j in value_cells):
        return False
    filled = [j for j in value_cells if text_of(row[j])]
    covered = [j for j in value_cells if row[j].text is None]
    if not all(_is_piece(text_of(above[j]), text_of(row[j])) for j in filled):
        return False
    labels = [j for j in range(len(row)) if j not in values]
    names_nothing = _names_nothing_where(row, above, labels)
    if any(_cut_in_group(text_of(above[j]), _first_line(text_of(row[j]))) for j in filled) \
            and any(text_of(row[j]) for j in labels) and not names_nothing:
        return False  # a group of thousands is cut in a value cell only: a row with a name is a row of its own
    cut_number = any(_rest_of_cut_group(text_of(above[j]), _first_line(text_of(row[j]))) for j in filled)
    if filled and not (covered or cut_number):
        return False
    if not filled and not (covered and any(text_of(row[j]) for j in labels)
                           and (names_nothing and not _block_heading(row, labels)
                                or _ends_the_name_with_an_acronym(row, above, labels))):
        return False
    if any(level_from_name(text_of(row[j])) == "total" for j in labels if text_of(row[j])):
        return False  # a TOTAL / RATA-RATA row of its own
    starts_item = any(ITEM_MARK.match(text_of(row[j])) for j in labels if text_of(row[j]))
    return not starts_item or names_nothing


def _merged(above: list[Cell], row: list[Cell], values: set[int]) -> list[Cell]:
    out = []
    for j, (a, b) in enumerate(zip(above, row)):
        upper, lower = text_of(a), text_of(b)
        if not lower:
            out.append(a)
        elif j in values:
            out.append(replace(a, text=_joined_value(upper, lower)))
        else:
            out.append(replace(a if upper else b, text=f"{upper}\n{lower}" if upper else lower))
    return out + above[len(row):]


def join_cell_lines(table: RawTable) -> RawTable:
    """Join the grid rows that lie inside the row above (`_lies_inside`) into it; rows between the two that
    print no value and start no item (the rest of a name) are joined with them."""
    if not any(reader in table.method for reader in RULED_READERS) or len(table.body) < 2:
        return table
    values = value_columns(table.body)
    if not values:
        return table
    body = [[replace(c, text=_cut_groups_joined(c.text)) if j in values and c.text and "\n" in c.text else c
             for j, c in enumerate(row)] for row in table.body]
    out: list[list[Cell]] = []
    anchor: int | None = None  # the last row printing a value, in `out`
    for row in body:
        joined = _joined_since(out, anchor, values) if anchor is not None else None
        if joined is not None and anchor is not None and _lies_inside(row, joined, values):
            out[anchor:] = [_merged(joined, row, values)]
            continue
        if out and anchor == len(out) - 1 and _names_the_values_above(row, out, values):
            out[-1] = _merged(out[-1], row, values)
            continue
        out.append(row)
        if any(text_of(row[j]) for j in values if j < len(row)):
            anchor = len(out) - 1
    changed = len(out) != len(table.body) or any(a.text != b.text for r, q in zip(body, table.body) for a, b in zip(r, q))
    return replace(table, body=out) if changed else table


def _cut_groups_joined(text: str) -> str:
    """A value cell's lines with a number cut inside a group of thousands joined again ("192.2" / "00" /
    "km2" -> "192.200" / "km2")."""
    lines = [line for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if out and _cut_in_group(out[-1], line.strip()) and NUMBER_REST.match(line.strip()):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _names_the_values_above(row: list[Cell], out: list[list[Cell]], values: set[int]) -> bool:
    """A row with a name and no value under a row of figures without a name, whose own row above leaves none
    of those values' cells empty (a complete row, the header, the top of a page): the values are this row's,
    printed a grid line above its name. Above a row that leaves them empty they would be that row's rest."""
    above = out[-1]
    labels = [j for j in range(len(row)) if j not in values]
    if any(row[j].text is None or text_of(row[j]) for j in values if j < len(row)):
        return False
    if not any(_has_name(text_of(row[j])) for j in labels) or not _names_nothing_where(row, above, labels):
        return False
    printed = [j for j in values if j < len(above) and text_of(above[j])]
    if not all(STARTS_WITH_FIGURE.match(text_of(above[j])) for j in printed):
        return False  # a line of headings or of named quantities ("Udang 600 kg"), not a row of figures
    before = out[-2] if len(out) >= 2 else None
    return bool(printed) and (before is None or all(before[j].text is None or text_of(before[j]) for j in printed))


def _joined_since(out: list[list[Cell]], anchor: int, values: set[int]) -> list[Cell] | None:
    """The anchor row joined with the rows after it when each of them is the rest of its name (no value, no
    item started, a cell covered under a filled cell above it); None when one of them is a row of its own."""
    joined = out[anchor]
    for row in out[anchor + 1:]:
        if any(text_of(row[j]) for j in values if j < len(row)) \
                or any(ITEM_MARK.match(text_of(c)) for c in row if text_of(c)) \
                or not any(c.text is None and text_of(joined[j]) for j, c in enumerate(row) if j < len(joined)):
            return None
        joined = _merged(joined, row, values)
    return joined
