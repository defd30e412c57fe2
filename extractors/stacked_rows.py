"""Rows a ruled table does not rule: several logical rows printed inside one grid row.

Word tables often rule the columns but leave the rows of a block unruled: one grid row then holds
a sasaran, its indicators (some numbered, some bulleted, some wrapped over two lines) and, in each
value column, one number per indicator on the indicator's line. Counting lines cannot deal them
out (a wrapped name has two lines, a group's figure sits on its heading's line, a bullet set a
little lower is a line of its own in the text); their positions can: each number line starts a
logical row, and every line of the grid row belongs to the logical row at whose height it starts.
A Perjanjian Kinerja prints one value column only (its targets) beside names stacked without marks: there the
names are told apart by where Word broke their lines (a line with room left for the next line's first word,
or a paragraph's gap, ends a name; `_names_beside_one_column`), and each name takes the figure printed level
with its first line or centred on it.

In:  one grid row: per cell its bounding box and the words inside it (PDF points).
Out: None when the row is not stacked, else the logical rows as lists of `Cell`s: a cell whose
     text is one paragraph of words printed from the top (a sasaran beside its indicators, one name
     beside two lines of values) stays whole on the first logical row and is covered (text None) on
     the others, as a cell spanning them would be.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extractors.grid import is_pure_number
from extractors.page_source import Word
from pipeline.lexicon import ITEM_MARK, LIST_INTRODUCTION, LONE_BULLET, RUNS_ON_END, RUNS_ON_START
from pipeline.models import Cell

# Words whose vertical centres are closer than this share of their font size stand on one line
# (a bullet set a little lower than its item's words is on the item's line).
SAME_LINE_SHARE = 0.6
# A grid row is stacked when at least this many cells print at least this many number lines, or one
# does beside a cell of marked items, each figure beside an item (see `_figures_of_items`).
MIN_STACKED_CELLS = 2
MIN_NUMBER_LINES = 2
# A lone mark standing for no value ("-") counts as a number line.
NO_VALUE_MARKS = {"-", "–", "—"}


@dataclass
class _Line:
    text: str
    top: float
    middle: float
    size: float
    x0: float
    bold: bool
    x1: float = 0.0
    first: float = 0.0  # the width of the line's first word (0 when not known)


def _lines(words: list[Word]) -> list[_Line]:
    """The words of one cell as lines, top to bottom, each line's words left to right."""
    groups: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        middle = (w.top + w.bottom) / 2
        if groups:
            last = groups[-1]
            last_middle = sum((v.top + v.bottom) / 2 for v in last) / len(last)
            if abs(middle - last_middle) <= SAME_LINE_SHARE * max(w.size, last[0].size, 1.0):
                last.append(w)
                continue
        groups.append([w])
    out = []
    for g in groups:
        g.sort(key=lambda w: w.x0)
        out.append(_Line(" ".join(w.text for w in g), min(w.top for w in g),
                         sum((w.top + w.bottom) / 2 for w in g) / len(g), max(w.size for w in g),
                         min(w.x0 for w in g), sum(w.bold for w in g) * 2 > len(g), max(w.x1 for w in g),
                         g[0].x1 - g[0].x0))
    return out


# A number as printed whole: digits grouped by thousands ("1.234.567", "1,234,567") with an optional
# decimal part, or plain digits with one ("82,50", "400.0"), an optional sign and percent; not a
# group cut short ("114.051.57"), a separator at either end ("11.427 .") or a leading zero ("00").
WHOLE_NUMBER = re.compile(r"^[-+(]?(?:[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|"
                          r"(?:0|[1-9]\d*)(?:[.,]\d+)?)\)?\s*%?$")
NUMBER_PIECE = re.compile(r"^[\d\s.,]+$")


def _whole(text: str) -> bool:
    return bool(WHOLE_NUMBER.match(text.replace(" ", "")))


# A number is broken over at most this many lines of a narrow cell ("11.427" / ".794 .4" / "00").
MAX_NUMBER_PIECES = 4


def _stands_apart(run: list[_Line]) -> bool:
    """A whole number before the pieces of another ("3" over "2.261." / "565"): the rest of the run is
    a number by itself and starts with a digit, not with a separator, so the first line is no part of it."""
    rest = run[1:]
    return (_whole(run[0].text) and bool(rest) and rest[0].text[:1].isdigit()
            and _whole("".join(line.text for line in rest)))


def _join_runs(lines: list[_Line], joins: Callable[[list[_Line]], bool]) -> list[_Line]:
    """Each longest run of lines (at most MAX_NUMBER_PIECES) that `joins` accepts, from the first line on,
    as one line: its texts joined without spaces, from the first line's left to the run's right end."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        end = next((j for j in range(min(len(lines), i + MAX_NUMBER_PIECES), i + 1, -1) if joins(lines[i:j])), i + 1)
        first = lines[i]
        if end > i + 1:
            text = "".join(line.text for line in lines[i:end]).replace(" ", "")
            first = _Line(text, first.top, first.middle, first.size, first.x0, first.bold,
                          max(line.x1 for line in lines[i:end]))
        out.append(first)
        i = end
    return out


def _rejoin_broken_numbers(lines: list[_Line]) -> list[_Line]:
    """A number a narrow cell broke over lines ("11.427 ." / "794 .400", "11.427" / ".794 .4" / "00")
    is one line again: consecutive pieces of digits, not all whole numbers alone, that are one whole
    number joined (the longest such run that does not take in a number standing apart before it)."""
    def broken(run: list[_Line]) -> bool:
        return (all(NUMBER_PIECE.match(line.text) for line in run) and not all(_whole(line.text) for line in run)
                and _whole("".join(line.text for line in run)) and not _stands_apart(run))

    return _join_runs(lines, broken)


# Word and Excel set a cell's text at most this far (PDF points) from each side of its cell (Word's
# default margin is 5.4 pt; wider ones reach a tenth of an inch).
MAX_CELL_MARGIN = 7.2
# A number grouped by thousands ("60.500", "101.524.575", "1,479,044,570"), with an optional decimal part.
GROUPED_NUMBER = re.compile(r"^(?:[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?)$")


def _full_line(line: _Line, below: _Line, cell_width: float) -> bool:
    """A line of a cell that one more character (as wide as those of the line below) would not fit in:
    where Word breaks a token longer than the cell's text width."""
    char = (below.x1 - below.x0) / max(len(below.text.replace(" ", "")), 1)
    return (line.x1 - line.x0) + char > cell_width - 2 * MAX_CELL_MARGIN


# A figure Word broke inside its decimals ("93,4" / "8": 93,48 %) or a budget code broken after one of its
# separators ("2.15.02." / "2.01"): two pieces, the second a few digits, that fill a narrow cell.
DECIMAL_CUT = re.compile(r"^\d{1,3}[.,]\d$")
DECIMAL_REST = re.compile(r"^\d{1,2}$")
CODE_CUT = re.compile(r"^\d{1,2}(?:\.\d{1,3})+\.$")
CODE_REST = re.compile(r"^\d{1,3}(?:\.\d{1,3})*$")


def _cut_after_separator(pieces: list[str]) -> bool:
    return len(pieces) == 2 and bool(DECIMAL_CUT.match(pieces[0]) and DECIMAL_REST.match(pieces[1])
                                     or CODE_CUT.match(pieces[0]) and CODE_REST.match(pieces[1]))


def _rejoin_wrapped_numbers(lines: list[_Line], bbox: tuple[float, float, float, float] | None) -> list[_Line]:
    """A number Word broke over the lines of a cell too narrow for it, each piece a number by itself
    ("60.50" / "0", "633.2" / "68.78" / "2", which `_rejoin_broken_numbers` leaves apart): one line
    again when the cell holds digits only, the pieces joined are one number grouped by thousands (or a
    decimal or a budget code cut after a separator, `_cut_after_separator`) and every piece but the last
    fills its line (`_full_line`). Two figures of two rows each fit beside
    room to spare.
    In: a cell's lines and its bbox. Out: its lines, wrapped numbers joined."""
    if bbox is None or len(lines) < 2 or not all(NUMBER_PIECE.match(line.text) for line in lines):
        return lines  # a cell of one number and nothing else: a figure with its unit or a note is read as printed
    width = bbox[2] - bbox[0]

    def wrapped(run: list[_Line]) -> bool:
        pieces = [line.text.replace(" ", "") for line in run]
        return (all(NUMBER_PIECE.match(line.text) for line in run)
                and (GROUPED_NUMBER.match("".join(pieces)) is not None or _cut_after_separator(pieces))
                and all(_full_line(a, b, width) for a, b in zip(run, run[1:])))

    return _join_runs(lines, wrapped)


def _is_number_line(text: str) -> bool:
    return text in NO_VALUE_MARKS or is_pure_number(re.sub(r"\s*\*+\)?$", "", text))


# A count printed with its unit word, one item's target on its line: "156 stel", "5 unit", "1 Paket", "3 kali".
COUNT_WITH_UNIT = re.compile(r"^[1-9]\d{0,2}(?:[.,]\d{3})*\s+[^\W\d_]{2,8}\.?$")


def _is_figure_line(text: str) -> bool:
    """A number line, or a count with its unit word (the targets of a list of goods: "45 stel")."""
    return _is_number_line(text) or bool(COUNT_WITH_UNIT.match(text.strip()))


def _unit_word(text: str) -> str | None:
    m = COUNT_WITH_UNIT.match(text.strip())
    return text.split()[-1].lower().rstrip(".") if m and not _is_number_line(text) else None


def _figure_lines(lines: list[_Line]) -> list[_Line]:
    """A cell's figure lines: its number lines; or, in a cell whose every figure is a count with one
    unit word ("45 stel" / "16 stel"), those counts. A count beside a bare number ("12 Bulan" / "20") is one
    cell's two quantities, not a list."""
    units = {_unit_word(line.text) for line in lines if _is_figure_line(line.text)}
    if len(units) == 1 and None not in units:
        return [line for line in lines if _is_figure_line(line.text)]
    return [line for line in lines if _is_number_line(line.text)]


def _anchors(cell_lines: list[list[_Line]], min_cells: int = MIN_STACKED_CELLS) -> list[float]:
    """The heights (line middles) at which logical rows start: the figure lines of the stacked cells."""
    stacked = [_figure_lines(lines) for lines in cell_lines]
    stacked = [figures for figures in stacked if len(figures) >= MIN_NUMBER_LINES]
    if len(stacked) < min_cells:
        return []
    middles = sorted(line.middle for figures in stacked for line in figures)
    size = max(line.size for lines in stacked for line in lines)
    anchors: list[float] = []
    for m in middles:
        if anchors and m - anchors[-1] <= SAME_LINE_SHARE * size:
            continue
        anchors.append(m)
    return anchors


def _slot(line: _Line, anchors: list[float]) -> int | None:
    """The logical row a line starts (the anchor at its height), else None."""
    for k, a in enumerate(anchors):
        if abs(line.middle - a) <= SAME_LINE_SHARE * max(line.size, 1.0):
            return k
    return None


def _paragraphs(lines: list[_Line], anchors: list[float]) -> dict[int, list[_Line]]:
    """A cell's lines dealt to logical rows: a line at an anchor's height starts that row's text,
    unless it runs on from the line above; other lines go on with the text above them."""
    out: dict[int, list[_Line]] = {}
    current = 0
    for i, line in enumerate(lines):
        slot = _slot(line, anchors)
        runs_on = i > 0 and not ITEM_MARK.match(line.text) and (bool(RUNS_ON_START.match(line.text)) or bool(RUNS_ON_END.search(lines[i - 1].text)))
        if slot is not None and not (runs_on and current in out):
            current = slot
        elif not out:
            current = max([k for k, a in enumerate(anchors) if a <= line.middle] or [0])
        out.setdefault(current, []).append(line)
    return out


# A list of items in one cell: at least this many of its lines start with an item mark.
MIN_MARKED_ITEMS = 2


def _bullets_in_front(lines: list[_Line]) -> list[_Line]:
    """A bullet printed a little lower than its item's words is a line of its own in the text
    ("Susu" / "-"): it goes back in front of the item above it."""
    out: list[_Line] = []
    for line in lines:
        if (LONE_BULLET.match(line.text) and out and not ITEM_MARK.match(out[-1].text)
                and line.middle - out[-1].middle <= out[-1].size):
            above = out[-1]
            out[-1] = _Line(f"{line.text.strip()} {above.text}", above.top, above.middle, above.size,
                            min(above.x0, line.x0), above.bold, max(above.x1, line.x1), above.first)
            continue
        out.append(line)
    return out


def _marked_items(lines: list[_Line]) -> list[list[_Line]] | None:
    """A cell of numbered or bulleted items (no figures in it) as its items, each from its mark to
    the line before the next mark; None when the cell is not such a list."""
    if any(_is_number_line(line.text) for line in lines) or sum(bool(ITEM_MARK.match(line.text)) for line in lines) < MIN_MARKED_ITEMS:
        return None
    items: list[list[_Line]] = []
    for line in lines:
        if ITEM_MARK.match(line.text) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return items


def _anchors_within(item: list[_Line], anchors: list[float]) -> list[int]:
    """The logical rows whose number lines stand beside an item's lines (first to last)."""
    top = item[0].middle - SAME_LINE_SHARE * item[0].size
    bottom = item[-1].middle + SAME_LINE_SHARE * item[-1].size
    return [k for k, a in enumerate(anchors) if top <= a <= bottom]


def _figures_of_items(cell_lines: list[list[_Line]], cell_items: list[list[list[_Line]] | None]) -> list[float]:
    """One value column beside a cell of marked items: its number lines start logical rows when each
    of them stands beside one of the items (a kegiatan list beside another column's names does not)."""
    anchors = _anchors(cell_lines, 1)
    for items in cell_items:
        if items and anchors and all(any(_anchors_within(item, [a]) for item in items if ITEM_MARK.match(item[0].text))
                                     for a in anchors):
            return anchors
    return []


def _heading_anchors(cell_items: list[list[list[_Line]] | None], anchors: list[float]) -> list[float]:
    """Items of a list that print no figure beside any of their lines (a measure heading its parts,
    "1.2 Jumlah populasi (ekor) :"), and an unmarked introduction ending with a colon above the
    first marked item, are logical rows of their own, at their first line's height."""
    out: list[float] = []
    for items in cell_items:
        for item in items or []:
            first = item[0]
            heads = ITEM_MARK.match(first.text) or LIST_INTRODUCTION.search(item[-1].text)
            if (heads and not _anchors_within(item, anchors)
                    and not any(abs(first.middle - a) <= SAME_LINE_SHARE * first.size for a in out)):
                out.append(first.middle)  # a sasaran and its first indicator side by side: one row
    return out


def _runs_on(lines: list[_Line], i: int) -> bool:
    return i > 0 and not ITEM_MARK.match(lines[i].text) and (
        bool(RUNS_ON_START.match(lines[i].text)) or bool(RUNS_ON_END.search(lines[i - 1].text)))


def _list_heading_anchor(cell_lines: list[list[_Line]], cell_items: list[list[list[_Line]] | None],
                         anchors: list[float]) -> list[float]:
    """A list of goods without marks whose heading prints no figure ("Jumlah pengadaan Peralatan gedung" /
    "kantor" above "Komputer PC | 5 unit", "Laptop | 3 unit"): the heading's lines above the first figure,
    in the cell whose lines start two logical rows or more, are a logical row of their own.
    Out: the heading's height, or nothing."""
    if not anchors:
        return []
    for lines, items in zip(cell_lines, cell_items):
        if items or any(_is_figure_line(line.text) for line in lines):
            continue  # marked items: `_heading_anchors` deals with their headings
        starts = [i for i, line in enumerate(lines) if _slot(line, anchors) is not None and not _runs_on(lines, i)]
        if len(starts) < MIN_NUMBER_LINES or not lines or starts[0] == 0:
            continue
        if lines[0].middle < anchors[0] - SAME_LINE_SHARE * max(lines[0].size, 1.0):
            return [lines[0].middle]
    return []


def _deal_items(items: list[list[_Line]], anchors: list[float]) -> dict[int, list[_Line]]:
    """A list's lines dealt to logical rows item by item: an item beside one logical row's figures
    (on its first line, its last, or between) is wholly that row's name; an item beside several is
    dealt line by line."""
    out: dict[int, list[_Line]] = {}
    for item in items:
        within = _anchors_within(item, anchors)
        if len(within) == 1:
            out.setdefault(within[0], []).extend(item)
            continue
        for k, own in _paragraphs(item, anchors).items():
            out.setdefault(k, []).extend(own)
    return out


# Names stacked without marks beside one value column (a Perjanjian Kinerja prints only its targets): where
# one name ends and the next begins is read from the positions of the name cell's lines. Word breaks a line
# only when its next word does not fit, so a line followed by one whose first word would have fitted after
# it (a space being about this share of the font size wide) ends its name ...
SPACE_SHARE = 0.3
# ... and so does a line followed by a gap this many times the row's closest line spacing (the blank space
# Word leaves between two paragraphs, "spacing after"; a name's own lines are single-spaced).
PARAGRAPH_GAP = 1.4
# A figure ending with a separator is the first piece of an amount wrapped over two lines ("3.773." /
# "280.000"), not a value of its own.
PIECE_END = re.compile(r"[.,]$")


def _has_room(line: _Line, below: _Line, bbox: tuple[float, float, float, float]) -> bool:
    """Word would have set the first word of `below` at the end of `line` (it fits in the cell's width
    less its widest margin): `line` ends a paragraph."""
    return below.first > 0 and line.x1 + SPACE_SHARE * line.size + below.first <= bbox[2] - MAX_CELL_MARGIN


def _closest_spacing(cell_lines: list[list[_Line]]) -> float:
    """The smallest distance between two lines' middles in one cell of the row (single spacing), 0 if none."""
    gaps = [b.middle - a.middle for lines in cell_lines for a, b in zip(lines, lines[1:]) if b.middle > a.middle]
    return min(gaps, default=0.0)


def _paragraphs_of(lines: list[_Line], bbox: tuple[float, float, float, float], spacing: float,
                   figures: list[_Line]) -> tuple[list[list[_Line]], bool]:
    """A cell's lines as paragraphs by their positions: a line that does not run on from the line above (it
    starts in lower case, or the line above ends with "dan", "yang", a comma ...) starts a new one when the
    line above had room for its first word (`_has_room`), a paragraph's gap lies between them, or it stands
    level with one of `figures`. Out: the paragraphs, and whether any of them ended visibly (room or gap):
    a line level with a figure after a line Word filled may as well go on with the name above."""
    out: list[list[_Line]] = []
    seen = False
    for i, line in enumerate(lines):
        visible = i > 0 and (_has_room(lines[i - 1], line, bbox)
                             or spacing > 0 and line.middle - lines[i - 1].middle > PARAGRAPH_GAP * spacing)
        level = any(abs(f.middle - line.middle) <= SAME_LINE_SHARE * max(f.size, line.size, 1.0) for f in figures)
        if not out or (visible or level) and not _runs_on(lines, i):
            seen |= bool(out) and visible
            out.append([line])
        else:
            out[-1].append(line)
    return out, seen


def _beside(figure: _Line, name: list[_Line]) -> bool:
    """A figure printed level with a name's first line, or centred on its lines."""
    tolerance = SAME_LINE_SHARE * max(figure.size, name[0].size, 1.0)
    return (abs(figure.middle - name[0].middle) <= tolerance
            or abs(figure.middle - (name[0].middle + name[-1].middle) / 2) <= tolerance)


def _names_beside_one_column(cells: list[tuple[tuple[float, float, float, float] | None, list[Word]]],
                             cell_lines: list[list[_Line]], cell_items: list[list[list[_Line]] | None]
                             ) -> tuple[list[float], list[dict[int, list[_Line]]]] | None:
    """Several names stacked in one cell without marks, beside the one value column of the row, one figure
    line per name, level with the name's first line or centred on it.
    In: the row's cells (bbox, words), their lines and marked items. Out: the logical rows' heights (each
    name's first line) and every cell's lines dealt to them; None when the row is no such row: the value
    cell must print only whole figures (at least two, no piece of a wrapped amount), and exactly one cell
    without figures must break into as many paragraphs (`_paragraphs_of`), each beside its figure, not all
    in capitals (a label the cell's width broke over lines)."""
    figures = [_figure_lines(lines) for lines in cell_lines]
    columns = [j for j, f in enumerate(figures) if len(f) >= MIN_NUMBER_LINES]
    if len(columns) != 1:
        return None
    value = columns[0]
    numbers = cell_lines[value]
    if len(figures[value]) != len(numbers) or any(PIECE_END.search(line.text) for line in numbers):
        return None
    spacing = _closest_spacing(cell_lines)
    paragraphs: dict[int, list[list[_Line]]] = {}
    texts: dict[int, int] = {}  # each text cell's paragraphs by visible ends alone
    for j, ((bbox, _), lines, items) in enumerate(zip(cells, cell_lines, cell_items)):
        if bbox is None or not lines or figures[j] or items is not None:
            continue
        texts[j] = len(_paragraphs_of(lines, bbox, spacing, [])[0])
        names, seen = _paragraphs_of(lines, bbox, spacing, numbers)
        if (seen and len(names) == len(numbers) and all(_beside(f, name) for f, name in zip(numbers, names))
                and any(ch.islower() for line in lines for ch in line.text)):
            paragraphs[j] = names
    if len(paragraphs) != 1:
        return None
    (name_cell, names), = paragraphs.items()
    anchors = [name[0].middle for name in names]
    dealt: list[dict[int, list[_Line]]] = []
    for j, lines in enumerate(cell_lines):
        if j == value:
            dealt.append({k: [line] for k, line in enumerate(numbers)})
        elif j == name_cell:
            dealt.append(dict(enumerate(names)))
        elif texts.get(j) == 1:
            dealt.append({0: lines})  # one text beside all the names (the sasaran): as a spanning cell
        else:
            dealt.append(_paragraphs(lines, anchors))
    return anchors, dealt


def split_stacked_row(cells: list[tuple[tuple[float, float, float, float] | None, list[Word]]],
                      page: int) -> list[list[Cell]] | None:
    """In: (bbox, words) of each cell of one grid row. Out: its logical rows, or None (not stacked)."""
    cell_lines = [_rejoin_wrapped_numbers(_rejoin_broken_numbers(_lines(words)), bbox) for bbox, words in cells]
    cell_lines = [_bullets_in_front(lines) for lines in cell_lines]
    cell_items = [_marked_items(lines) for lines in cell_lines]
    anchors = _anchors(cell_lines) or _figures_of_items(cell_lines, cell_items)
    dealt: list[dict[int, list[_Line]]]
    if len(anchors) >= MIN_NUMBER_LINES:
        headings = _heading_anchors(cell_items, anchors)
        goods = any(_unit_word(line.text) for lines in cell_lines for line in _figure_lines(lines))
        anchors = sorted(anchors + (headings or (_list_heading_anchor(cell_lines, cell_items, anchors) if goods else [])))
        dealt = [_deal_items(items, anchors) if items else _paragraphs(lines, anchors)
                 for lines, items in zip(cell_lines, cell_items)]
    else:
        names = _names_beside_one_column(cells, cell_lines, cell_items)
        if names is None:
            return None
        anchors, dealt = names
    rows: list[list[Cell]] = [[] for _ in anchors]
    for (bbox, _), lines, parts in zip(cells, cell_lines, dealt):
        # one text printed from the top beside several logical rows (a sasaran, one indicator over two
        # values): it holds for each of them, as a cell spanning them would
        one_text = len(parts) == 1 and 0 in parts and not any(_is_figure_line(line.text) for line in lines)
        for k in range(len(anchors)):
            if one_text and k > 0:
                rows[k].append(Cell(None, page))
                continue
            own = parts.get(k, [])
            if not own:
                rows[k].append(Cell("" if bbox is not None else None, page))
                continue
            indent = round(min(line.x0 for line in own) - bbox[0], 1) if bbox is not None else None
            rows[k].append(Cell("\n".join(line.text for line in own), page,
                                sum(line.bold for line in own) * 2 > len(own), indent))
    return rows


# A value cell taller than its row ends this many points below the row's other cells' bottom at least.
SPAN_TOLERANCE = 2.0


def deal_spanning_figures(words: list[Word], bands: list[tuple[float, float]]) -> list[str] | None:
    """A value cell spanning several grid rows of names, one figure per name ("Padi (ton)" / "Jagung (ton)"
    beside "12.317.066" / "1.190.793" in one tall cell): its figures dealt to the rows at whose height
    they stand. In: the cell's words and the (top, bottom) of each row it spans. Out: one text per row,
    or None when the cell holds anything but figures or fewer than two rows get one."""
    lines = _rejoin_broken_numbers(_lines(words))
    if len(lines) < MIN_NUMBER_LINES or not all(_is_number_line(line.text) for line in lines):
        return None
    dealt: list[list[str]] = [[] for _ in bands]
    for line in lines:
        inside = [k for k, (top, bottom) in enumerate(bands) if top <= line.middle <= bottom]
        k = inside[0] if inside else min(range(len(bands)), key=lambda k: min(abs(line.middle - bands[k][0]),
                                                                            abs(line.middle - bands[k][1])))
        dealt[k].append(line.text)
    if sum(1 for texts in dealt if texts) < MIN_NUMBER_LINES:
        return None
    return ["\n".join(texts) for texts in dealt]
