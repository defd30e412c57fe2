"""Ruled tables: every cell has drawn borders (Word exports).

In:  a `PageText` with its pdfplumber page.
Out: `RawTable`s (method "lattice") with merged cells kept as None (pdfplumber leaves the cells a
     spanning cell covers empty), header rows split from the body, bbox in PDF points.

The grid is read from the rules; boxes that paint cells (white, or a shading) count only where no
rules frame a table. A frame left open at a page break is closed where its column rules end.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import pairwise
from typing import Any

from pdfplumber.table import Table
from pdfplumber.utils import extract_text as pdfplumber_text
from pdfplumber.utils.text import DEFAULT_Y_TOLERANCE, WORD_EXTRACTOR_KWARGS

from extractors.fast_words import FastWordExtractor, extract_text, spaced_extractor
from extractors.grid import (
    HEADER_WORDS,
    YEAR_RE,
    is_value_like,
    looks_like_header_row,
    split_header,
    text_of,
    without_column_numbering,
)
from extractors.inside_borders import outer_sides
from extractors.page_source import PageText, Word, luminance, sideways_reading
from extractors.stacked_rows import SPAN_TOLERANCE, deal_spanning_figures, split_stacked_row
from extractors.table_finder import find_tables
from pipeline.models import Cell, RawTable

COLUMN_GAP_EM = 1.0  # words further apart than one font size on a line of one cell stand in different columns
MAX_COLUMNS_IN_CELL = 2  # "Rp | 1.000.000" set apart by a tab is one cell; three phrases on a line are columns
MAX_SHARE_IN_COLUMNED_CELLS = 0.3  # when more of a table's words stand on lines of columns inside one
#                                    cell, the rules are shading stripes or a frame, not cell borders

FINDER_TOLERANCE = 3  # points: pdfplumber's finder snaps, joins and crosses rules this close
SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": FINDER_TOLERANCE,
            "join_tolerance": FINDER_TOLERANCE, "intersection_tolerance": FINDER_TOLERANCE, "text_x_tolerance": 2}


def _inside(char: dict, bbox) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _inside_box(word: Word, bbox) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _style(chars: list[dict], bbox) -> tuple[bool | None, float | None]:
    """(bold, indent) of a cell's text: bold when most of its characters are set in a bold font;
    indent is the distance from the cell's left border to its leftmost character, in points."""
    if not chars:
        return None, None
    bold = sum(1 for c in chars if "bold" in c.get("fontname", "").lower()) * 2 > len(chars)
    return bold, round(min(c["x0"] for c in chars) - bbox[0], 1)


JUSTIFIED_SPREAD_EM = 0.1  # a justified line stretches every space between its words alike, to this much


def _justified(line: list[Word]) -> bool:
    """A line of three or more words whose spaces are all one width: text set justified across its
    cell (wide spaces, but one phrase); columns keep narrow spaces inside each phrase."""
    spaces = [b.x0 - a.x1 for a, b in pairwise(line)]
    return len(spaces) >= 2 and max(spaces) - min(spaces) <= JUSTIFIED_SPREAD_EM * max(w.size for w in line)


def _columned_words(words: list[Word]) -> int:
    """In: the words of one cell. Out: how many of them stand on lines of more than
    `MAX_COLUMNS_IN_CELL` phrases (runs of words closer than a column gap; a justified line is one
    phrase): rows of columns."""
    lines: dict[float, list[Word]] = {}
    for w in words:
        key = next((k for k in lines if abs(k - w.top) <= 2), w.top)
        lines.setdefault(key, []).append(w)
    columned = 0
    for line in lines.values():
        line.sort(key=lambda w: w.x0)
        if _justified(line):
            continue
        gaps = sum(1 for a, b in pairwise(line) if b.x0 - a.x1 > COLUMN_GAP_EM * max(a.size, b.size, 1.0))
        if gaps + 1 > MAX_COLUMNS_IN_CELL:
            columned += len(line)
    return columned


def rules_are_cell_borders(page: PageText, found) -> bool:
    """In: a table pdfplumber found from the page's rules. Out: False when its cells hold rows of
    columns set apart by white space (rules that stripe or frame a borderless table). Only the words
    on such lines count: a ruled column's tall cell with one wide-spaced line (a justified name, a
    bullet, its item and a unit) is still a cell."""
    inside = [w for w in page.words if found.bbox[0] <= (w.x0 + w.x1) / 2 <= found.bbox[2]
              and found.bbox[1] <= (w.top + w.bottom) / 2 <= found.bbox[3]]
    if not inside:
        return True
    columned = 0
    by_middle = ByMiddle(inside, word_middle)
    for bbox in found.cells:
        words = [w for w in by_middle.between(bbox[1], bbox[3])
                 if bbox[0] <= (w.x0 + w.x1) / 2 <= bbox[2] and bbox[1] <= (w.top + w.bottom) / 2 <= bbox[3]]
        columned += _columned_words(words)
    return columned <= MAX_SHARE_IN_COLUMNED_CELLS * len(inside)


# Column rules closer than this (PDF points) are one rule (Word draws a rule as two thin rectangles).
SAME_RULE = 1.5
# Rules ending within this distance of each other end at one height.
SAME_END = 2.0
# A column rule ending this close (points) to a rule across it meets that rule: pdfplumber's finder
# joins them within its intersection tolerance (some PDF printers stop every segment 1-3 pt short of
# the rule it crosses); only a frame with no rule across within this reach is open.
CROSSING_REACH = float(FINDER_TOLERANCE)
# A frame needs at least this many column rules (the two sides and one between).
MIN_COLUMN_RULES = 3
# A horizontal rule closes the frame where it covers this share of the frame's width.
CLOSING_SHARE = 0.8


# A rule is drawn as a line or as a rectangle at most this thick (PDF points); the sides of wider
# rectangles (cell shading, text boxes) are not rules.
MAX_RULE_WIDTH = 2.0


def _column_rules(plumber_page, across: RulesByHeight | None = None) -> list[tuple[float, float, float]]:
    """(x, top, bottom) of each vertical rule (a line, or a thin rectangle), its pieces joined: those
    meeting within `SAME_END`, and those stopping short on both sides of a rule across them (`across`,
    each end within `CROSSING_REACH` of it: a printer's segment per cell side, short of the crossing)."""
    pieces = [(o["x0"], o["top"], o["bottom"]) for o in plumber_page.lines if abs(o["x1"] - o["x0"]) <= MAX_RULE_WIDTH]
    pieces += [(o["x0"], o["top"], o["bottom"]) for o in plumber_page.rects
               if o["x1"] - o["x0"] <= MAX_RULE_WIDTH and o["bottom"] - o["top"] > o["x1"] - o["x0"]]
    rules: list[list[float]] = []
    for x, top, bottom in sorted(pieces, key=lambda p: (round(p[0]), p[1])):
        last = rules[-1] if rules else None
        if last is not None and abs(x - last[0]) <= SAME_RULE and (
                top <= last[2] + SAME_END or _crossed_between(across, x, last[2], top)):
            last[2] = max(last[2], bottom)
            continue
        rules.append([x, top, bottom])
    return [(x, top, bottom) for x, top, bottom in rules]


def _crossed_between(across: RulesByHeight | None, x: float, above: float, below: float) -> bool:
    """Whether a rule across column x lies in the gap from `above` to `below`, each within
    `CROSSING_REACH` of it."""
    if across is None or below - above > 2 * CROSSING_REACH:
        return False
    middle = (above + below) / 2
    return any(e["x0"] - CROSSING_REACH <= x <= e["x1"] + CROSSING_REACH
               for e in across.near(middle, CROSSING_REACH - (below - above) / 2))


def _union_width(spans: list[tuple[float, float]]) -> float:
    """The width the sorted spans cover together (a rule drawn as a thin rectangle has two edges, one
    above the other: the width they cover counts once)."""
    width, reach = 0.0, float("-inf")
    for a, b in spans:
        if b > max(a, reach):
            width += b - max(a, reach)
            reach = b
    return width


def _closing(y: float, x0: float, x1: float, at_head: bool) -> dict:
    """A line across the frame; `at_head` marks the head of a frame that goes on from the page before."""
    return {"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0,
            "at_head": at_head}


def _side(x: float, top: float, bottom: float) -> dict:
    """A vertical line: the side of a grid ruled inside only."""
    return {"object_type": "line", "x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0,
            "height": bottom - top, "at_head": False}


# Rules are first looked up by height in a window this much wider than asked (points), then tested as
# before: a rounding difference between "top >= y - d" and "abs(top - y) <= d" loses no rule.
LOOKUP_SLACK = 1e-6


class RulesByHeight:
    """Horizontal rules sorted by their top, to find those near a height without a pass over all.
    In: the rules (pdfplumber edges). `near(y, d)`: those whose top is within d of y (`abs(top - y) <= d`)."""

    def __init__(self, rules: list[dict]) -> None:
        self.rules = sorted(rules, key=lambda e: e["top"])
        self.tops = [e["top"] for e in self.rules]

    def near(self, y: float, d: float) -> list[dict]:
        lo = bisect_left(self.tops, y - d - LOOKUP_SLACK)
        hi = bisect_right(self.tops, y + d + LOOKUP_SLACK)
        return [e for e in self.rules[lo:hi] if abs(e["top"] - y) <= d]


class ByMiddle:
    """Objects (characters as dicts, or `Word`s) sorted by their middle along one axis, to find those whose
    middle lies in a band without a pass over all. `between(low, high)`: every object whose middle lies in
    [low, high] (and a hair more, `LOOKUP_SLACK`), in the order they were given in: the callers keep their
    own test of a box, so the objects they select, and their order, are the same as a pass over all gives.
    In: the objects, and their middle (`char_middle`, `char_centre`, `word_middle`: as the tests compute it)."""

    def __init__(self, objects: list, middle) -> None:
        self.objects = objects
        self.order = sorted(range(len(objects)), key=lambda k: middle(objects[k]))
        self.middles = [middle(objects[k]) for k in self.order]

    def between(self, low: float, high: float) -> list:
        lo = bisect_left(self.middles, low - LOOKUP_SLACK)
        hi = bisect_right(self.middles, high + LOOKUP_SLACK)
        objects = self.objects
        return [objects[k] for k in sorted(self.order[lo:hi])]


def char_middle(char: dict) -> float:
    """A character's vertical middle, as `_inside` and pdfplumber's `Table.extract` compute it."""
    return (char["top"] + char["bottom"]) / 2


def char_centre(char: dict) -> float:
    """A character's horizontal middle, as `_inside` and pdfplumber's `Table.extract` compute it."""
    return (char["x0"] + char["x1"]) / 2


def word_middle(word: Word) -> float:
    """A word's vertical middle, as `_inside_box` computes it."""
    return (word.top + word.bottom) / 2


def open_frame_closings(plumber_page) -> list[dict]:
    """Lines closing a ruled table left open at a page break: where three or more column rules end
    (or start) at one height with no rule across them there, the frame is closed by a line from the
    first rule to the last (the rows beside that height are then cells, as the agency meant them).
    Word leaves the frame open at the foot of the page a table breaks over, or at the head of the
    page it goes on on. Where the rules across run on past the outermost column rules to no drawn side,
    the grid is ruled inside only (`inside_borders.outer_sides`): it is closed at its top and bottom from
    side to side, no head left open, and its sides are drawn (vertical lines, `_side`)."""
    across = [e for e in plumber_page.edges if e["orientation"] == "h"]
    level = RulesByHeight(across)
    rules = _column_rules(plumber_page, level)
    answers: dict[tuple[float, float, float, float], bool] = {}  # many rules stand at one height: asked once each

    def covered(y: float, x0: float, x1: float, reach: float = SAME_END) -> bool:
        if (y, x0, x1, reach) not in answers:
            spans = sorted((max(e["x0"], x0), min(e["x1"], x1)) for e in level.near(y, reach))
            answers[y, x0, x1, reach] = _union_width(spans) >= CLOSING_SHARE * (x1 - x0)
        return answers[y, x0, x1, reach]

    closings: list[dict] = []
    for at_foot in (True, False):
        done: list[float] = []
        for edge in sorted(b if at_foot else t for _, t, b in rules):
            if any(abs(edge - d) <= SAME_END for d in done):
                continue
            done.append(edge)
            meeting = [(x, t, b) for x, t, b in rules if abs((b if at_foot else t) - edge) <= SAME_END]
            xs = sorted(x for x, _, _ in meeting)
            ends = [b if at_foot else t for _, t, b in meeting]
            middle, spread = (min(ends) + max(ends)) / 2, (max(ends) - min(ends)) / 2
            if len(xs) < MIN_COLUMN_RULES or xs[-1] - xs[0] <= 0 or covered(middle, xs[0], xs[-1], spread + CROSSING_REACH):
                continue
            if at_foot:  # a rule across them from where they start to above the open end
                far = min(t for _, t, _ in meeting)
                inside = [e for e in across if far - SAME_END <= e["top"] < edge - SAME_END]
            else:  # a rule across them from below the open end to where they end
                far = max(b for _, _, b in meeting)
                inside = [e for e in across if edge + SAME_END < e["top"] <= far + SAME_END]
            crossing = [e for e in inside if covered(e["top"], xs[0], xs[-1])]
            if not crossing:
                continue  # no rule across them between their ends either: not the frame of a table
            y = max(b for _, _, b in meeting) if at_foot else min(t for _, t, _ in meeting)
            top, bottom = min(t for _, t, _ in meeting), max(b for _, _, b in meeting)
            sides = outer_sides(xs, crossing, rules, (top, bottom))
            if sides is None:
                closings.append(_closing(y, xs[0], xs[-1], not at_foot))
                continue
            # ruled inside only: no page break here, the grid's sides are where its row rules end
            closings.append(_closing(y, sides[0], sides[1], False))
            closings += [_side(x, top, bottom) for x, rule in zip(sides, (xs[0], xs[-1])) if x != rule]
    return closings


def _own_bottom(row_obj) -> float:
    """The bottom of a grid row: its shortest cell's (a cell spanning the rows below ends lower)."""
    return min(c[3] for c in row_obj.cells if c is not None)


Band = tuple[float, float]


def _spanning_figures_dealt(found, rows: list[list], words: ByMiddle) -> tuple[list[list], dict[tuple[int, int], Band]]:
    """The texts of the grid with each tall value cell's figures dealt to the rows of names it spans
    (`stacked_rows.deal_spanning_figures`), other cells as pdfplumber read them; and, for each tall
    cell dealt, (row, column) -> the band of its own row (the words it keeps there)."""
    out = [list(r) for r in rows]
    dealt_cells: dict[tuple[int, int], Band] = {}
    for i, row_obj in enumerate(found.rows):
        for j, bbox in enumerate(row_obj.cells):
            if bbox is None or bbox[3] <= _own_bottom(row_obj) + SPAN_TOLERANCE:
                continue
            spanned = [k for k in range(i + 1, len(found.rows))
                       if j < len(found.rows[k].cells) and found.rows[k].cells[j] is None
                       and found.rows[k].bbox[1] >= bbox[1] - SPAN_TOLERANCE and found.rows[k].bbox[3] <= bbox[3] + SPAN_TOLERANCE]
            if not spanned:
                continue
            bands = [(bbox[1], _own_bottom(row_obj))] + [(found.rows[k].bbox[1], found.rows[k].bbox[3]) for k in spanned]
            dealt = deal_spanning_figures(_cell_words(words, bbox, None), bands)
            if dealt is None:
                continue
            dealt_cells[(i, j)] = bands[0]
            for k, text in zip([i, *spanned], dealt):
                while len(out[k]) <= j:
                    out[k].append(None)
                out[k][j] = text
    return out, dealt_cells


def _cell_words(words: ByMiddle, bbox, band: Band | None) -> list[Word]:
    """The words of a cell (in the table's words' order); of a tall cell whose figures were dealt out, those
    in its own row's band."""
    inside = [w for w in words.between(bbox[1], bbox[3]) if _inside_box(w, bbox)]
    return inside if band is None else [w for w in inside if band[0] <= (w.top + w.bottom) / 2 <= band[1]]


PAPER_WHITE = 0.99  # a colour component at least this bright (gray or RGB) paints white on the paper
CMYK_NO_INK = 0.01  # a CMYK colour whose every ink is below this paints white


def _paints_white(colour) -> bool:
    """In: a pdfplumber colour (a gray value, an RGB or CMYK tuple, or None). Out: True when it is white."""
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not colour or not all(isinstance(v, (int, float)) for v in colour):
        return False
    if len(colour) == 4:
        return all(v <= CMYK_NO_INK for v in colour)
    return len(colour) in (1, 3) and all(v >= PAPER_WHITE for v in colour)


# Painted shapes: Word's boxes, and the closed paths a page template fills (a rounded banner of the
# running head, which a table at the head of a page runs under).
PAINTED_SHAPES = ("rect", "curve")


# A filled bar up to this thick (points) is a rule when it is long (`MIN_BAR_LENGTH` times its
# thickness): Excel's thick border is a 2.25 pt bar, Word's thickest plain line 3 pt (6 pt lines are
# drawn double). A cell's shading box is a text line tall (a 6 pt font's line is taller); a padding's
# box that thin lies within the finder's snap distance of the cell's border, and joins it.
MAX_BAR_WIDTH = 3.0
# A bar drawn per cell side is at least a tight row long: a 9 pt row over a 2.25 pt bar is 4 times.
MIN_BAR_LENGTH = 4.0
# A thick rule is drawn in ink: darker than this (luminance, 0 black .. 1 white). Word paints a shaded
# cell's paddings as strips as thin (2.2 pt) in its light tint (0.85-0.95 grey): shading, no rule.
MAX_BAR_LUMINANCE = 0.6


def is_rule_bar(obj: dict) -> bool:
    """A filled box thicker than `MAX_RULE_WIDTH` drawn as a rule: at most `MAX_BAR_WIDTH` thick,
    `MIN_BAR_LENGTH` times as long, in a dark colour (`MAX_BAR_LUMINANCE`)."""
    thickness = min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"])
    length = max(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"])
    shade = luminance(obj.get("non_stroking_color"))
    return thickness <= MAX_BAR_WIDTH and length >= MIN_BAR_LENGTH * thickness \
        and shade is not None and shade < MAX_BAR_LUMINANCE


def is_cell_paint(obj: dict) -> bool:
    """True for a rectangle (or a closed shape) filled and not stroked that is no rule: white (on white
    paper it shows nothing), or wider than a rule both ways (a cell's shading, a banner) and no long
    thin bar (`is_rule_bar`). Word paints a cell's shading as one box per text line of the cell, and
    one for each of its paddings."""
    return (obj.get("object_type") in PAINTED_SHAPES and bool(obj.get("fill")) and not obj.get("stroke")
            and (_paints_white(obj.get("non_stroking_color"))
                 or (min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) > MAX_RULE_WIDTH
                     and not is_rule_bar(obj))))


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _in_cell(char: dict, bbox) -> bool:
    """pdfplumber's `Table.extract` test of a character in a row or cell: its middle in the box, the right
    and bottom sides left out."""
    v_mid = (char["top"] + char["bottom"]) / 2
    h_mid = (char["x0"] + char["x1"]) / 2
    x0, top, x1, bottom = bbox
    return bool((h_mid >= x0) and (h_mid < x1) and (v_mid >= top) and (v_mid < bottom))


class FoundTable(Table):
    """A table pdfplumber found, its rows and box computed once (pdfplumber's `Table` recomputes both
    from its cells on every access, and the steps below ask for them per row, cell and character), and
    its cells' text read as pdfplumber's `extract` reads them, each row looking only at the characters
    whose middles lie at its height (pdfplumber tests every character of the page against every row:
    the same characters pass, in the same order).
    In: a pdfplumber `Table`. Out: the same table, its answers unchanged."""

    def __init__(self, found: Table) -> None:
        super().__init__(found.page, found.cells)

    @cached_property
    def rows(self) -> list:  # type: ignore[override]
        return Table.rows.fget(self)  # type: ignore[attr-defined]

    @cached_property
    def bbox(self) -> tuple:  # type: ignore[override]
        return Table.bbox.fget(self)  # type: ignore[attr-defined]

    def extract(self, **kwargs: Any) -> list[list[str | None]]:
        """pdfplumber's `Table.extract` (step by step) over the characters whose middles lie in the table's
        box (every row's box lies in it), each row's found through `ByMiddle`; its cells' words by
        `fast_words` (a letter-spaced cell keeps its words whole): read again knowing the table's steady
        letter gaps when some cell shows them (a short run, "7 0", shows none of its own)."""
        x0, top, x1, bottom = self.bbox
        near = ByMiddle([c for c in self.page.chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1
                         and top <= (c["top"] + c["bottom"]) / 2 <= bottom], char_middle)
        kwargs = {**kwargs, **sideways_reading(near.objects)}  # headings set sideways read upwards
        cells = [[(cell, [c for c in row_chars.between(cell[0], cell[2]) if _in_cell(c, cell)] if cell else None)
                  for cell in row.cells]
                 for row, row_chars in ((row, ByMiddle([c for c in near.between(row.bbox[1], row.bbox[3])
                                                        if _in_cell(c, row.bbox)], char_centre))  # by its sides
                                        for row in self.rows)]
        if "layout" in kwargs:
            return [[None if chars is None else _layout_text(chars, cell, kwargs) for cell, chars in row]
                    for row in cells]
        settings = {k: v for k, v in kwargs.items() if k in WORD_EXTRACTOR_KWARGS}
        y_tolerance = kwargs.get("y_tolerance", DEFAULT_Y_TOLERANCE)
        extractor = FastWordExtractor(**settings)
        table_arr = [[None if chars is None else extract_text(chars, extractor, y_tolerance) for _, chars in row]
                     for row in cells]
        again = spaced_extractor(extractor, settings)
        if again is None:
            return table_arr
        return [[None if chars is None else extract_text(chars, again, y_tolerance) for _, chars in row]
                for row in cells]


def _layout_text(chars: list[dict], cell: tuple, kwargs: dict[str, Any]) -> str:
    """pdfplumber's text of a cell's characters laid out in the cell's box."""
    if not chars:
        return ""
    return pdfplumber_text(chars, **{**kwargs, "layout_width": cell[2] - cell[0], "layout_height": cell[3] - cell[1],
                                     "layout_bbox": cell})


def _found_tables(plumber_page) -> list[tuple[Table, bool]]:
    """Each table pdfplumber finds, with whether its frame was open at its head (the table goes on
    from the page before: the rows under that head are body rows, under no header of their own)."""
    closings = open_frame_closings(plumber_page)
    across = [c for c in closings if c["height"] == 0]
    sides = [c for c in closings if c["height"] > 0]
    settings = {**SETTINGS, "explicit_horizontal_lines": across, "explicit_vertical_lines": sides} if closings else SETTINGS
    heads = [c for c in closings if c["at_head"]]
    return [(f, any(abs(f.bbox[1] - c["top"]) <= SAME_END and c["x0"] - SAME_END <= f.bbox[0] < c["x1"]
                    for c in heads))
            for f in map(FoundTable, find_tables(plumber_page, settings))]


Candidate = tuple[Table, bool, list[list]]  # a table found, whether its head was open, its cells' texts


# Drawings reaching further than this (PDF points) past an edge of the page are the page's artwork: the
# frame or stripes of a letterhead template drawn longer than the paper and cut off by it. A table's
# rules end on the paper (a rule a point or two past the edge is the page box rounded).
OFF_PAGE_SLACK = 5.0
DRAWINGS = ("line", "curve", "rect")


def runs_off_page(obj: dict, page_box: tuple[float, float, float, float]) -> bool:
    """In: a pdfplumber object and its page's bbox. Out: True for a line, curve or rectangle that reaches
    more than `OFF_PAGE_SLACK` points past an edge of the page (page art: its strokes that cross a table
    are no cell borders, they cut its columns into slivers)."""
    x0, top, x1, bottom = page_box
    return obj.get("object_type") in DRAWINGS and (
        obj["x0"] < x0 - OFF_PAGE_SLACK or obj["top"] < top - OFF_PAGE_SLACK
        or obj["x1"] > x1 + OFF_PAGE_SLACK or obj["bottom"] > bottom + OFF_PAGE_SLACK)


def without_page_art(plumber_page):
    """In: a pdfplumber page. Out: the page without its drawings that run off it (`runs_off_page`), or
    the page itself when none does."""
    box = tuple(float(v) for v in plumber_page.bbox)
    if not any(runs_off_page(o, box) for o in plumber_page.lines + plumber_page.rects + plumber_page.curves):
        return plumber_page
    return plumber_page.filter(lambda obj: not runs_off_page(obj, box))


def _candidate_tables(page: PageText) -> list[Candidate]:
    """The tables pdfplumber finds from the page's drawing (with `_found_tables`' open head and the
    texts of their cells, read once): first from its rules alone, without the boxes that paint cells
    (`is_cell_paint`), whose edges are no cell borders where rules frame a table (cell text centred per
    column puts the boxes at other heights in each column: taken for rules, their edges split one
    ruled row into a row per text line); then, where no such table is, from the boxes too (a Word
    table drawn without borders: its painted cells are all there is of its grid). Drawings that run off
    the page are left out first (`without_page_art`)."""
    if page.plumber is None:  # an OCR page has no PDF objects: its rules are read from the image (ocr_lattice)
        return []
    plumber = without_page_art(page.plumber)
    paints = [o for o in plumber.rects + plumber.curves if is_cell_paint(o)]
    if not paints:
        return _accepted(page, _found_tables(plumber))
    ruled = _accepted(page, _found_tables(plumber.filter(lambda obj: not is_cell_paint(obj))))
    painted = [] if _all_shading_of(paints, ruled) else \
        _accepted(page, [(f, head) for f, head in _found_tables(plumber)
                         if not any(_overlap(f.bbox, r.bbox) for r, _, _ in ruled)])
    return sorted(ruled + painted, key=lambda c: (c[0].bbox[1], c[0].bbox[0]))


# Word paints a cell's shading up to the middle of the rules around it, where the table's frame is
# measured: a box reaching less than this (points) past the frame lies in it (a rule's half width).
SHADING_SLACK = 1.0


def _all_shading_of(paints: list[dict], ruled: list[Candidate]) -> bool:
    """Whether every box painting cells lies in the frame of a ruled table already read (Word's cell
    shading, one box per text line of a cell): a table read from the boxes too would overlap that table
    and be dropped, so the page is not searched again with them. (Measured on the five-report set: 115
    of 283 pages with painted boxes; a table kept from the boxes on none of them.)"""
    frames = [r.bbox for r, _, _ in ruled]
    return all(any(f[0] - SHADING_SLACK <= o["x0"] and o["x1"] <= f[2] + SHADING_SLACK
                   and f[1] - SHADING_SLACK <= o["top"] and o["bottom"] <= f[3] + SHADING_SLACK for f in frames)
               for o in paints)


def _accepted(page: PageText, found: list[tuple[Table, bool]]) -> list[Candidate]:
    """The tables of two rows and two columns or more whose rules are cell borders, with their texts."""
    out = []
    for table, open_head in found:
        rows = table.extract(x_tolerance=2, y_tolerance=3)
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2 and rules_are_cell_borders(page, table):
            out.append((table, open_head, rows))
    return out


# A header printed in white on a shaded band without rules inside it, right above a ruled grid that
# starts with data: the band lies within the grid's sides (BAND_SIDE_SLACK points) and ends at most
# MAX_BAND_GAP points above it (room for one section row framed by the sides only).
BAND_SIDE_SLACK = 3.0
MAX_BAND_GAP = 20.0
# Word paints such a band as one box, or as one box per header cell: together they cover the grid's width.
BAND_COVER = 0.95
# Words whose tops differ by less than this (points) stand on one line of the band.
SAME_LINE = 2.0


def _column_spans(found: Table, width: int) -> list[tuple[float, float]] | None:
    """Each grid column's left and right edges, from the first row where the column has a cell of its own."""
    spans: list[tuple[float, float] | None] = [None] * width
    for row in found.rows:
        for j, bbox in enumerate(row.cells[:width]):
            if bbox is not None and spans[j] is None:
                spans[j] = (bbox[0], bbox[2])
    return None if any(s is None for s in spans) else [s for s in spans if s is not None]


def header_band(page: PageText, found: Table, width: int) -> tuple[list[list[Cell]], float] | None:
    """The header a shaded band right above the grid prints, and the band's top; None when there is no
    such band. Each word goes to the column its middle stands over; the lines of one heading in a
    column are one cell (`_band_stacks`); a header row per line a heading starts on; a heading centred
    over a run of columns whose sub-headings start on one lower line spans that run (`_spread_centred`)."""
    if page.plumber is None:  # an OCR page: no painted boxes to read
        return None
    x0, top, x1, _ = found.bbox
    bands = [r for r in page.plumber.rects if is_cell_paint(r) and not _paints_white(r.get("non_stroking_color"))
             and x0 - BAND_SIDE_SLACK <= r["x0"] and r["x1"] <= x1 + BAND_SIDE_SLACK
             and -SAME_END <= top - r["bottom"] <= MAX_BAND_GAP]
    spans = _column_spans(found, width)
    if spans is None or _union_width(sorted((r["x0"], r["x1"]) for r in bands)) < BAND_COVER * (x1 - x0):
        return None  # no band, or shading of some cells only: the band is as wide as the grid
    band_top, band_bottom = min(r["top"] for r in bands), max(r["bottom"] for r in bands)
    words = [w for w in page.words if band_top <= (w.top + w.bottom) / 2 <= band_bottom and x0 <= (w.x0 + w.x1) / 2 <= x1]
    stacks = _band_stacks(words, spans)
    starts = sorted({round(stack[0].top) for column in stacks for stack in column})
    if not starts:
        return None
    line_of = {y: k for k, y in enumerate(starts)}
    grid: list[list[list[Word] | None]] = [[None] * width for _ in starts]
    for j, column in enumerate(stacks):
        for stack in column:
            grid[line_of[round(stack[0].top)]][j] = stack
    _spread_centred(grid, spans)
    rows = [[Cell(" ".join(w.text for w in stack) if stack else "", page.number, True if stack else None)
             for stack in row] for row in grid]
    return (rows, band_top) if _reads_as_headings([text_of(c) for row in rows for c in row if text_of(c)]) else None


# Words that head the name columns of a plan table, beside the value vocabulary of `grid.HEADER_WORDS`.
NAME_HEADINGS = re.compile(r"\b(indikator|sasaran|tujuan|misi|program|kegiatan)\b", re.IGNORECASE)
# Most of a band's cells are headings: a shaded row of data or a total row above a table is no header.
MIN_HEADING_SHARE = 0.5


def _reads_as_headings(texts: list[str]) -> bool:
    """The band's cells are headings: no data value among them, and most start with the header vocabulary,
    name a year or a name column."""
    if not texts or any(is_value_like(t) for t in texts):
        return False
    named = [t for t in texts if HEADER_WORDS.match(t.strip()) or YEAR_RE.search(t) or NAME_HEADINGS.search(t)]
    return len(named) >= MIN_HEADING_SHARE * len(texts)


def _band_stacks(words: list[Word], spans: list[tuple[float, float]]) -> list[list[list[Word]]]:
    """Per column, its headings: the words whose middles stand over it, in reading order, the lines of
    one heading together (a line starting less than a line's height below the one above it)."""
    year_lines = _year_lines(words)
    stacks: list[list[list[Word]]] = []
    for a, b in spans:
        mine = sorted((w for w in words if a <= (w.x0 + w.x1) / 2 < b), key=lambda w: (round(w.top), w.x0))
        column: list[list[Word]] = []
        for w in mine:
            last = column[-1] if column else None
            on_year_line = any(abs(w.top - y) < SAME_LINE for y in year_lines)
            if last and (abs(w.top - last[-1].top) < SAME_LINE or (
                    not on_year_line and w.top - max(v.bottom for v in last) < HEADING_LEADING * w.size)):
                last.append(w)
            else:
                column.append([w])
        stacks.append(column)
    return stacks


def _year_lines(words: list[Word]) -> list[float]:
    """The tops of the band's lines that print years only ("2021 2022 2023"): the years under their group
    heading, a header row of their own however close the heading's last line stands."""
    lines: dict[float, list[str]] = {}
    for w in sorted(words, key=lambda w: w.top):
        top = next((t for t in lines if abs(w.top - t) < SAME_LINE), w.top)
        lines.setdefault(top, []).append(w.text)
    return [t for t, texts in lines.items() if all(YEAR_WORD.fullmatch(x) for x in texts)]


YEAR_WORD = re.compile(r"\(?(19[89]\d|20\d\d)\)?")


def _spread_centred(grid: list[list[list[Word] | None]], spans: list[tuple[float, float]]) -> None:
    """A heading centred over a run of columns ("Target Kinerja" over 2021 … 2025) spans the widest run,
    symmetric about the column it stands in, of columns empty on its line whose next heading below
    starts on one and the same line; the run's middle within CENTRED_SLACK of the heading's middle."""
    def next_line(j: int, r: int) -> int | None:
        return next((k for k in range(r + 1, len(grid)) if grid[k][j]), None)

    for r, row in enumerate(grid):
        for j, stack in enumerate(row):
            if not stack or next_line(j, r) is None:
                continue
            middle = (min(w.x0 for w in stack) + max(w.x1 for w in stack)) / 2
            below, k, best = next_line(j, r), 1, 0
            while j - k >= 0 and j + k < len(row):
                run = (j - k, j + k)
                if any(row[c] or next_line(c, r) != below for c in run):
                    break
                if abs((spans[j - k][0] + spans[j + k][1]) / 2 - middle) <= CENTRED_SLACK:
                    best = k
                k += 1
            for c in range(j - best, j + best + 1):
                row[c] = stack


# The lines of one heading follow each other closer than this share of the font size (between one
# line's foot and the next one's top); a heading on a line further down is another heading.
HEADING_LEADING = 1.0
# A centred heading's middle and the middle of the run it spans differ by at most this (points).
CENTRED_SLACK = 6.0


def read_ruled_tables(page: PageText) -> list[RawTable]:
    if page.plumber is None:
        return []
    out = []
    for found, open_head, rows in _candidate_tables(page):
        width = max(len(r) for r in rows)
        chars = ByMiddle([c for c in page.plumber.chars if c["text"].strip() and _inside(c, found.bbox)], char_middle)
        grid = []
        words = ByMiddle([w for w in page.words if _inside_box(w, found.bbox)], word_middle)
        rows, dealt_cells = _spanning_figures_dealt(found, rows, words)
        for i, (row_obj, texts) in enumerate(zip(found.rows, rows)):
            stacked = split_stacked_row([(bbox, _cell_words(words, bbox, dealt_cells.get((i, j))) if bbox else [])
                                         for j, bbox in enumerate(list(row_obj.cells) + [None] * (width - len(row_obj.cells)))],
                                        page.number)
            if stacked is not None:  # logical rows the table did not rule, dealt out by their heights
                grid.extend(stacked)
                continue
            row_chars = ByMiddle([c for c in chars.between(row_obj.bbox[1], row_obj.bbox[3]) if _inside(c, row_obj.bbox)],
                                 char_centre)  # each cell then looks at its row only, found by its sides
            cells = []
            for bbox, t in zip(list(row_obj.cells) + [None] * width, list(texts) + [""] * (width - len(texts))):
                bold, indent = (_style([c for c in row_chars.between(bbox[0], bbox[2]) if _inside(c, bbox)], bbox)
                                if bbox and t else (None, None))
                cells.append(Cell(t, page.number, bold, indent))
            grid.append(cells)
        if sum(1 for r in grid for c in r if c.text) < 3:
            continue
        header, body = ([], without_column_numbering(grid)) if open_head else split_header(grid)
        bbox = list(found.bbox)
        # (a frame open at its head under such a band is closed by the band: the band is its header)
        band = None if looks_like_header_row(grid[0]) else header_band(page, found, width)
        if band is not None:  # the header printed on a shaded band above the rules: the grid is all body
            header, body, bbox[1] = band[0], without_column_numbering(grid), band[1]
        out.append(RawTable(index=0, pages=[page.number], label=None, caption=None, header=header, body=body,
                            method="lattice", bbox=[round(v, 1) for v in bbox]))
    return out
