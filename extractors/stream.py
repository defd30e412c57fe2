"""Borderless tables: no cell borders, a horizontal rule under the header (and often one under
the last row). Columns come from the rule's segment ends when the rule is drawn cell by cell,
otherwise from the vertical gaps between the body's words.

In:  a `PageText` and the boxes of tables already read as ruled tables (skipped here).
Out: `RawTable`s (method "stream"). Header cells that span several columns (a year over Target /
     Realisasi / Capaian) become spanning cells (None in the columns they cover), so the same
     header logic serves ruled and borderless tables.

Steps: find rules -> pair a header rule with the bottom rule below it -> take the header lines
above the rule (up to a rule drawn over the header's first line, a caption, a bigger font or a wide gap) and
the body lines below it -> fix column boundaries -> group body lines into rows by vertical gaps, then deal the
lines between two rows' values by the widest step between them (cells set in their middle) -> rebuild the
multi-row header.

Header lines at different heights (`_group_span`): a group heading at the top, its sub-headings on the last line,
beside headings set in the middle of their cells (one line, or two whose first stands at the group heading's
height). A heading spans only columns whose headings all lie under it, never one beside it; it is centred over
their stops or over the sub-headings' text (the body's right-aligned values set the stops off the headings'
centres), and over every sub-heading of its line, not the few in its middle it is centred over too.

Striped rows (`shaded_body_end`): a web application's print paints every other body row with a light box as wide
as the table, often with a hairline under each row; the stripes are the body's rows, and the hairlines between them
part rows, not tables: the table ends where the stripes (and the unpainted row after the last one) end.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from extractors.captions import parse_label
from extractors.grid import (
    YEAR_RE,
    count_header_continuation,
    is_column_numbering,
    is_pure_number,
    without_column_numbering,
)
from extractors.header_fill import band_foot_rules
from extractors.ink_lines import joins_line
from extractors.ink_words import covers_column
from extractors.page_source import Fill, HeaderPhrase, PageText, Word
from extractors.ruled_rows import ruled_rows_end
from pipeline.lexicon import SCALE_NOTE
from pipeline.models import Cell, RawTable

MIN_RULE_FRACTION = 0.25  # a rule shorter than this part of the page width is no table rule
ROW_GAP_FACTOR = 1.3  # a gap between line tops above this many font sizes starts a new row
WORD_JOIN_GAP = 4.0  # words closer than this on one line belong to one phrase
MAX_HEADER_LINES = 5  # a header printed between two rules has at most this many lines
HEADER_NUMBER_SHARE = 0.35  # and less than this share of numbers ("Under 18 years": a quarter; data: over half)
INDENT_STEP = 2.0  # points: an item set this much right of the group label above it is indented under it
MIN_VALUE_COLLISIONS = 2  # a line that puts a second value in this many cells of a row starts a row
COLUMN_GAP = 6.0  # points of white between the body's words that part two columns
NARROW_COLUMN_GAP = 3.0  # a narrower white band parts them at the edge of a left-aligned column (a word space: ~2)
ALIGNED_START_PT = 1.0  # cells of a left-aligned column start within this many points
MIN_ALIGNED_STARTS = 3  # lines whose cells start at that edge


@dataclass
class Rule:
    y: float
    x0: float
    x1: float
    stops: list[float]  # segment ends along the rule (column boundaries when drawn per cell)


def find_rules(page: PageText, exclude: list) -> list[Rule]:
    rows: dict[float, list] = {}
    for seg in page.horizontal_segments:
        if any(b[0] - 2 <= seg.x0 and seg.x1 <= b[2] + 2 and b[1] - 2 <= seg.y <= b[3] + 2 for b in exclude):
            continue
        key = next((k for k in rows if abs(k - seg.y) <= 1.5), seg.y)
        rows.setdefault(key, []).append(seg)
    rules = []
    for y, segs in rows.items():
        segs.sort(key=lambda s: s.x0)
        runs = [[segs[0]]]
        for s in segs[1:]:
            if s.x0 - runs[-1][-1].x1 <= 2:
                runs[-1].append(s)
            else:
                runs.append([s])
        if not page.height * 0.08 < y < page.height * 0.92:
            continue  # running header / footer rules
        for run in runs:
            x0, x1 = run[0].x0, max(s.x1 for s in run)
            if x1 - x0 >= page.width * MIN_RULE_FRACTION:
                stops = sorted({round(s.x0, 1) for s in run} | {round(x1, 1)})
                rules.append(Rule(y, x0, x1, stops))
    return sorted(rules, key=lambda r: r.y)


LINE_TOLERANCE_PT = 2.0  # words whose tops differ by less than this are on one line


def _lines(words: list[Word], ink_boxes: bool = False) -> list[list[Word]]:
    """Words as text lines, top to bottom, each left to right (`ink_boxes`: OCR words, `ink_lines.joins_line`)."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and joins_line(w, lines[-1], LINE_TOLERANCE_PT, ink_boxes):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(l, key=lambda w: w.x0) for l in lines]


def _phrases(line: list[Word]) -> list[list[Word]]:
    out = [[line[0]]]
    for w in line[1:]:
        if w.x0 - out[-1][-1].x1 <= WORD_JOIN_GAP:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def _gap_boundaries(words: list[Word], x0: float, x1: float, ink_boxes: bool = False) -> list[float]:
    """Column boundaries where no body word covers the x axis (projection profile): a gap of `COLUMN_GAP`, or a
    narrower one (wider than a word space) at the left edge of a column whose cells start at one x in at least
    `MIN_ALIGNED_STARTS` lines (a short unit column, "%", right after names that run close to it). On an OCR
    page (`ink_boxes`) a speck or a smear (`ink_words.covers_column`) covers nothing: marks in the white between
    two columns, read as quotes, a dash or one wide word, would join them."""
    covered = sorted((w.x0, w.x1) for w in words if not ink_boxes or covers_column(w))
    stops, reach = [x0], x0
    for a, b in covered:
        if reach > x0 and (a - reach >= COLUMN_GAP or (
                a - reach >= NARROW_COLUMN_GAP
                and sum(1 for w in words if abs(w.x0 - a) <= ALIGNED_START_PT) >= MIN_ALIGNED_STARTS)):
            stops.append((a + reach) / 2)
        reach = max(reach, b)
    return stops + [x1]


def _column_of(x_center: float, stops: list[float]) -> int:
    for j in range(len(stops) - 1):
        if stops[j] - 1 <= x_center < stops[j + 1] + 1:
            return j
    return 0 if x_center < stops[0] else len(stops) - 2


def _body_words(page: PageText, rule: Rule, bottom: Rule | None) -> list[Word]:
    in_x = [w for w in page.words if w.x0 >= rule.x0 - 3 and w.x1 <= rule.x1 + 3 and w.top > rule.y
            and w.bottom < page.height * 0.95]
    if bottom is not None:
        return [w for w in in_x if w.bottom <= bottom.y + 1]
    first = sorted(in_x, key=lambda w: w.top)[:8]
    if not first:
        return []
    size = statistics.median(w.size for w in first)
    out, last_bottom = [], rule.y
    for line in _lines(in_x):
        if any(w.size > size + 0.6 for w in line) or line[0].top - last_bottom > size * 2.5:
            break
        out.extend(line)
        last_bottom = max(w.bottom for w in line)
    return out


def _header_words(page: PageText, rule: Rule, size: float, ceiling: float, by_size: bool = True) -> list[Word]:
    """Header lines above the rule, up to the caption, a bigger font (unless not `by_size`), a wide gap, or
    `ceiling` (the rule that closes the table above, or the one drawn over the header). An OCR page's line has
    the page's usual size unless clearly taller or shorter (`ocr_page._sizes`): the first line of a tall heading
    over a small-print header ("Target" over "Akhir / Renstra / 2025") may get the prose's size, and is no
    bigger font: under the rule drawn over the header, sizes are not asked."""
    candidates = [w for w in page.words if w.bottom <= rule.y + 1 and w.x0 >= rule.x0 - 3 and w.x1 <= rule.x1 + 3
                  and w.top > max(page.height * 0.05, ceiling)]
    out, last_top = [], rule.y
    for line in reversed(_lines(candidates)):
        line_bottom = max(w.bottom for w in line)
        text = " ".join(w.text for w in line)
        # a bigger font ends the header: the line's own size (the median of its words: one box OCR drew over two
        # of the header's lines, "N" over "o", is no bigger font)
        bigger = by_size and statistics.median(w.size for w in line) > size + 0.6
        if last_top - line_bottom > size * 1.8 or bigger or parse_label(text):
            break
        out.extend(line)
        last_top = min(w.top for w in line)
    return out


def _rows(words: list[Word], stops: list[float], page_no: int, ink_boxes: bool = False) -> list[list[Cell]]:
    n = len(stops) - 1
    rows: list[list[list[Word]]] = []
    row_lines: list[list[_PlacedLine]] = []  # each row's lines, for `_deal_between_values`
    last_top = None
    for line in _lines(words, ink_boxes):
        size = max(w.size for w in line) or 8
        placed = [(_column_of((w.x0 + w.x1) / 2, stops), w) for phrase in _phrases(line) for w in phrase]
        if (last_top is None or line[0].top - last_top > size * ROW_GAP_FACTOR
                or _second_value(rows[-1], placed) or _item_under_label(rows[-1], placed)):
            rows.append([[] for _ in range(n)])
            row_lines.append([])
        for j, w in placed:
            rows[-1][j].append(w)
        row_lines[-1].append(_PlacedLine(min(w.top for w in line), placed, _places_a_value(placed)))
        last_top = line[0].top
    for k in range(len(row_lines) - 1):
        _deal_between_values(row_lines, k)
    return [[_cell(parts, stops[j], page_no) for j, parts in enumerate(_words_by_column(lines, n))]
            for lines in row_lines]


@dataclass
class _PlacedLine:
    """A body line: its top, its words with their columns, and whether it prints a value right of the first column."""
    top: float
    placed: list[tuple[int, Word]]
    values: bool


def _places_a_value(placed: list[tuple[int, Word]]) -> bool:
    return any(j > 0 and is_pure_number(w.text) for j, w in placed)


def _words_by_column(lines: list[_PlacedLine], n: int) -> list[list[Word]]:
    row: list[list[Word]] = [[] for _ in range(n)]
    for line in sorted(lines, key=lambda line: line.top):
        for j, w in line.placed:
            row[j].append(w)
    return row


# Between two rows' lines of values, a column's lines printed without values are dealt at the widest step between
# them: cells set at their top wrap a name under its values (the widest step, the space between two cells, comes
# last: the lines stay with the row above), cells set in their middle put a name's first lines above its values
# (the widest step comes before them: they go to the row below). The widest step must be this much wider than the
# column's other steps to tell (single-spaced rows: all alike; then the lines stay where the gaps put them).
CELL_GAP_RATIO = 1.3


def _deal_between_values(row_lines: list[list[_PlacedLine]], k: int) -> None:
    """Re-deal, column by column, the lines between row k's last line of values and row k + 1's first (see
    CELL_GAP_RATIO): a sasaran centred over its group keeps its own place while the indicator beside it moves.
    In: every row's lines (rows k and k + 1 changed in place)."""
    upper, lower = row_lines[k], row_lines[k + 1]
    last = max((i for i, line in enumerate(upper) if line.values), default=None)
    first = next((i for i, line in enumerate(lower) if line.values), None)
    if last is None or first is None:
        return
    between = [(line, True) for line in upper[last + 1:]] + [(line, False) for line in lower[:first]]
    if not between:
        return
    to_lower: set[tuple[int, int]] = set()  # (index in `between`, column) dealt to row k + 1
    for j in sorted({j for line, _ in between for j, _w in line.placed}):
        own = [i for i, (line, _) in enumerate(between) if any(col == j for col, _w in line.placed)]
        tops = [upper[last].top] + [between[i][0].top for i in own] + [lower[first].top]
        steps = [b - a for a, b in zip(tops, tops[1:])]
        widest = max(range(len(steps)), key=lambda s: steps[s])
        others = [step for s, step in enumerate(steps) if s != widest]
        if not others or steps[widest] < CELL_GAP_RATIO * max(others):
            to_lower |= {(i, j) for i in own if not between[i][1]}  # no telling: as the gaps put them
        else:
            to_lower |= {(i, j) for i in own[widest:]}
    moved = any(((i, j) in to_lower) == from_upper for i, (line, from_upper) in enumerate(between)
                for j, _w in line.placed)
    if not moved:
        return
    new_upper, new_lower = list(upper[:last + 1]), []
    for i, (line, _) in enumerate(between):
        stay = [(j, w) for j, w in line.placed if (i, j) not in to_lower]
        go = [(j, w) for j, w in line.placed if (i, j) in to_lower]
        if stay:
            new_upper.append(_PlacedLine(line.top, stay, _places_a_value(stay)))
        if go:
            new_lower.append(_PlacedLine(line.top, go, _places_a_value(go)))
    row_lines[k], row_lines[k + 1] = new_upper, new_lower + lower[first:]


def _second_value(row: list[list[Word]], placed: list[tuple[int, Word]]) -> bool:
    """In: the row being built and the next line's words by column. Out: whether the line puts a
    whole number under a whole number the row already holds, in two columns or more: single-spaced
    rows, each line a row of its own. A wrapped name adds words to its cell, a wrapped number
    ("1.234." over "567") does not end in a digit, a numbered list ("1. …") is text."""
    line_cols: dict[int, list[str]] = {}
    for j, w in placed:
        line_cols.setdefault(j, []).append(w.text)
    hits = 0
    for j, texts in line_cols.items():
        held = " ".join(w.text for w in row[j])
        new = " ".join(texts)
        if held and held[-1].isdigit() and is_pure_number(held) and is_pure_number(new) and new.lstrip("(-–")[:1].isdigit():
            hits += 1
    return hits >= MIN_VALUE_COLLISIONS


def _item_under_label(row: list[list[Word]], placed: list[tuple[int, Word]]) -> bool:
    """In: the row being built and the next line's words by column. Out: whether the row is a group
    label alone in the first column ("Wealth index") and the line an item indented under it with
    values of its own ("Lowest 64.5 48.6"); a wrapped name goes on at the label's indent."""
    if not row or not row[0] or any(row[1:]):
        return False
    first = [w for j, w in placed if j == 0]
    values = {j for j, w in placed if j > 0 and is_pure_number(w.text)}
    return (bool(first) and len(values) >= MIN_VALUE_COLLISIONS
            and min(w.x0 for w in first) >= min(w.x0 for w in row[0]) + INDENT_STEP)


def _holds_values(words: list[Word]) -> bool:
    """In: the words above a rule. Out: whether a line of them holds two values or more (numbers
    other than years, "2021 (5)", and column numbers "1 2 3"): data rows, not a header."""
    for line in _lines(words):
        values = [w for w in line if is_pure_number(w.text) and not YEAR_RE.search(w.text)
                  and not re.fullmatch(r"\d{1,2}", w.text)]
        if len(values) >= 2:
            return True
    return False


def _cell(words: list[Word], left: float, page_no: int) -> Cell:
    """A cell from its words, with whether they are bold and how far the text is indented from
    the column's left edge (levels of rows that print no codes)."""
    if not words:
        return Cell("", page_no)
    bold = sum(1 for w in words if w.bold) * 2 > len(words)
    return Cell(" ".join(w.text for w in words), page_no, bold, round(min(w.x0 for w in words) - left, 1))


# A heading lies under a group heading when its top is at most this far (points) above the group heading's bottom;
# one that overlaps it more stands beside it (a heading set in the middle of its cell, lines of two headings
# interleaved).
UNDER_OVERLAP_PT = 1.0
# A group heading is centred over its sub-headings' text when its centre lies this close (points) to theirs.
TEXT_CENTRE_PT = 3.0
# A heading lies across a column when this much (points) of its text is inside the column's stops: more than
# the slack of a stop set between two values, less than a short word ("K", "Rp").
CROSSING_PT = 4.0
# Sub-headings on one line: their tops this close (points); a heading set in the middle of a two-line cell sits
# more than a quarter line off.
SAME_LINE_PT = 2.0


def _text_centre(headings: list[HeaderPhrase]) -> float:
    """The centre of a column's sub-heading text (its widest extent)."""
    return (min(o.x0 for o in headings) + max(o.x1 for o in headings)) / 2


def _group_span(ph: HeaderPhrase, info: list[HeaderPhrase], stops: list[float]) -> tuple[int, int] | None:
    """The columns a group heading spans: those whose headings all lie under it (none beside it: a heading set
    in the middle of its cell, or a line of one, at the group heading's height, is no sub-heading), with the
    heading centred over the columns (the stops), over the sub-headings' text (headings centred over their
    columns while the body's values, right-aligned, set the stops), or midway between the centres of its first
    and last sub-headings (a merged-and-centred cell over sub-headings each centred in its own cell: a web
    print's colspan, a spreadsheet's merge, where the first and last sub-headings differ in length). A span whose sub-headings share one line is
    taken whole (the widest: 'Target › I … V' over five columns, not the three in its middle); otherwise the
    narrowest that fits."""
    n = len(stops) - 1
    centre = (ph.x0 + ph.x1) / 2
    under: dict[int, list[HeaderPhrase]] = {}
    for c in range(n):
        column = [o for o in info if o is not ph and o.col == c and o.bottom > ph.top + UNDER_OVERLAP_PT]
        if column and all(o.top >= ph.bottom - UNDER_OVERLAP_PT for o in column):
            under[c] = column
    best = best_line = None
    for a in range(ph.col + 1):
        for b in range(ph.col, n):
            if b == a or any(c not in under for c in range(a, b + 1)):
                continue
            lo, hi = stops[a], stops[b + 1]
            subs = [o for c in range(a, b + 1) for o in under[c]]
            text_lo, text_hi = min(o.x0 for o in under[a]), max(o.x1 for o in under[b])
            if ph.x0 < lo - 2 or ph.x1 > hi + 2:
                continue
            by_stops = abs((lo + hi) / 2 - centre) <= max(6.0, (hi - lo) * 0.05)
            by_text = abs((text_lo + text_hi) / 2 - centre) <= TEXT_CENTRE_PT
            by_cells = abs((_text_centre(under[a]) + _text_centre(under[b])) / 2 - centre) <= TEXT_CENTRE_PT
            if not (by_stops or by_text or by_cells):
                continue
            if best is None or b - a < best[1] - best[0]:
                best = (a, b)
            # each column's last heading on one line, and nothing else under the group heading but its own
            # second line (in its own column)
            tops = [max(o.top for o in under[c]) for c in range(a, b + 1)]
            own_lines = len(under[ph.col]) - 1
            if max(tops) - min(tops) <= SAME_LINE_PT and len(subs) == b - a + 1 + own_lines and (
                    best_line is None or b - a > best_line[1] - best_line[0]):
                best_line = (a, b)
    return best_line or best or _span_crossed(ph, under, stops)


def _span_crossed(ph: HeaderPhrase, under: dict[int, list[HeaderPhrase]], stops: list[float]) -> tuple[int, int] | None:
    """The columns a group heading's own text lies across, when it crosses a column stop and every column it
    crosses has one sub-heading under it, all on one line: a spanning heading over a few rows of values (the
    continuation of a table on its next page), whose stops, set by so few values, centre it over no run of
    columns. A heading centred over one of those sub-headings is the first line of that column's own heading
    ('Kondisi' over 'Akhir', set wider than the column's values), not a group heading."""
    crossed = [c for c in range(len(stops) - 1)
               if min(ph.x1, stops[c + 1]) - max(ph.x0, stops[c]) > CROSSING_PT]
    if len(crossed) < 2 or any(len(under.get(c, [])) != 1 for c in crossed):
        return None
    subs = [under[c][0] for c in crossed]
    centre = (ph.x0 + ph.x1) / 2
    if max(o.top for o in subs) - min(o.top for o in subs) > SAME_LINE_PT or any(
            abs(_text_centre([o]) - centre) <= TEXT_CENTRE_PT for o in subs):
        return None
    return crossed[0], crossed[-1]


def _header_rows(words: list[Word], stops: list[float], page_no: int) -> list[list[Cell]]:
    """Rebuild a header whose spanning cells are centred over the columns they cover."""
    n = len(stops) - 1
    phrases = [p for line in _lines(words) for p in _phrases(line)]
    info = []
    for p in phrases:
        x0, x1 = p[0].x0, p[-1].x1
        info.append(HeaderPhrase(" ".join(w.text for w in p), x0, x1, p[0].top, max(w.bottom for w in p),
                                 max(w.size for w in p), _column_of((x0 + x1) / 2, stops)))
    spans: list[tuple[int, int, HeaderPhrase]] = []
    info_ids_merged: set[int] = set()
    for ph in sorted(info, key=lambda o: o.top):
        best = _group_span(ph, info, stops)
        if best:
            same = next((s for s in spans if (s[0], s[1]) == best), None)
            if same:  # a spanning heading printed on two lines
                same[2].text += " " + ph.text
                info_ids_merged.add(id(ph))
            else:
                spans.append((best[0], best[1], ph))
    span_ids = {id(s[2]) for s in spans} | info_ids_merged
    depth = {}
    for a, b, ph in spans:
        depth[id(ph)] = sum(1 for a2, b2, o in spans if o is not ph and a2 <= a and b <= b2 and o.top < ph.top)
    levels = (max(depth.values()) + 1) if depth else 0
    grid: list[list[Cell]] = [[Cell("", page_no) for _ in range(n)] for _ in range(levels + 1)]
    for a, b, ph in spans:
        row = depth[id(ph)]
        grid[row][a] = Cell(ph.text, page_no)
        for c in range(a + 1, b + 1):
            grid[row][c] = Cell(None, page_no)
    for c in range(n):
        own = [ph.text for ph in sorted(info, key=lambda o: (o.top, o.x0)) if ph.col == c and id(ph) not in span_ids]
        covering = [depth[id(ph)] for a, b, ph in spans if a <= c <= b]
        grid[max(covering) + 1 if covering else 0][c] = Cell(" ".join(own), page_no)
    return grid


# A word lies within a rule's width when it overhangs its ends by at most this much (points).
WORD_OVERHANG_PT = 3.0


def _words_between(page: PageText, upper: Rule, lower: Rule) -> list[Word]:
    """The words whose middle lies between two rules, within the lower rule's width (`WORD_OVERHANG_PT`)."""
    return [w for w in page.words if upper.y < (w.top + w.bottom) / 2 < lower.y
            and w.x0 >= lower.x0 - WORD_OVERHANG_PT and w.x1 <= lower.x1 + WORD_OVERHANG_PT]


def _only_headings_between(page: PageText, upper: Rule, lower: Rule) -> bool:
    """True when the words between two rules carry no data (column numbers "(1) (2)" or headings)."""
    words = _words_between(page, upper, lower)
    return bool(words) and not any(is_pure_number(w.text) for w in words)


# Two rules are drawn as wide as each other when both their ends lie this close (points): a table's rules are
# drawn cell by cell or as one line, and their ends differ by a border's width, never by a column's.
SAME_WIDTH_PT = 8.0


def _same_width(x0: float, x1: float, rule: Rule) -> bool:
    """A rule or a box from x0 to x1 drawn as wide as `rule` (both ends within SAME_WIDTH_PT)."""
    return abs(x0 - rule.x0) < SAME_WIDTH_PT and abs(x1 - rule.x1) < SAME_WIDTH_PT


def _rule_over_header(page: PageText, upper: Rule, lower: Rule, head: Rule) -> bool:
    """Whether `upper`, a rule as wide as the header rule `head`, is drawn over the header's first line: the
    words between it and the next rule are headings, not a row of column numbers under a heading printed above
    it (`grid.is_column_numbering`, "(5)=(4)/(3)" too). Then the lines above it are no header (a caption's last
    line in the table's print size)."""
    same_width = _same_width(upper.x0, upper.x1, head)
    words = _words_between(page, upper, lower)
    numbering = is_column_numbering([Cell(w.text, page.number) for w in sorted(words, key=lambda w: w.x0)])
    return same_width and bool(words) and not numbering


# A rule drawn over a header stands at most this many line heights above the rule under it (MAX_HEADER_LINES
# lines and their spacing).
OVER_HEADER_REACH_LINES = 2 * MAX_HEADER_LINES


def _ocr_header_ceiling(page: PageText, above: list[Rule], head: Rule, size: float) -> float:
    """On an OCR page, the rule drawn over a tall header (further above the header rule than the rules stacked
    under a heading): the nearest rule above `head`, as wide as it, within `OVER_HEADER_REACH_LINES` line
    heights, with headings under it (`_rule_over_header`) and no note of the amounts' scale over it. Its height,
    else 0. OCR gives every line within a third of the page's usual height the usual size, so a caption set a
    point or two larger than the header is no bigger font there, and stands as close above the header as the
    header's own lines: without its rule, the caption's last line is read as the header's first."""
    near = [r for r in above if head.y - r.y <= OVER_HEADER_REACH_LINES * size]
    if not near:
        return 0.0
    upper = near[-1]
    if _rule_over_header(page, upper, head, head) and not _scale_note_above(page, upper):
        return upper.y
    return 0.0


# A note of the amounts' scale printed right over the table ("(dalam ribuan rupiah)") lies within this many
# line heights of the rule over the header: the header takes it in, as a band over the columns it scales.
SCALE_NOTE_REACH = 2.0


def _scale_note_above(page: PageText, rule: Rule) -> bool:
    """Whether the line right above `rule` is a note of the amounts' scale (`lexicon.SCALE_NOTE`)."""
    above = [w for w in page.words if w.bottom <= rule.y + 1 and w.x0 >= rule.x0 - WORD_OVERHANG_PT
             and w.x1 <= rule.x1 + WORD_OVERHANG_PT and rule.y - w.bottom < SCALE_NOTE_REACH * (w.size or 8)]
    if not above:
        return False
    nearest = max(w.top for w in above)
    line = " ".join(w.text for w in sorted(above, key=lambda w: w.x0) if abs(w.top - nearest) <= 2)
    return bool(SCALE_NOTE.search(line))


def _band(page: PageText, upper: Rule, lower: Rule) -> tuple[int, float]:
    """In: two rules of one width. Out: the number of text lines between them (on an OCR page, the most lines
    stacked over one another: `_stacked_lines`) and the share of their words that are numbers."""
    words = _words_between(page, upper, lower)
    if not words:
        return 0, 0.0
    lines = _lines(words, ink_boxes=True)
    count = _stacked_lines(lines) if getattr(page, "ocr", False) else len(_lines(words))
    return count, sum(1 for w in words if is_pure_number(w.text)) / len(words)


def _stacked_lines(lines: list[list[Word]]) -> int:
    """The most lines that hold a word over one another (overlapping it across): how many lines the band's
    tallest cell has. OCR boxes hug the ink, so the lines of headings set in the middle of their cells, each
    wrapped to its own number of lines, stand at as many heights as there are such headings, more than any one
    column holds: a five-line header reads as eight lines across the page."""
    def over(w: Word, line: list[Word]) -> bool:
        return any(v.x0 < w.x1 and w.x0 < v.x1 for v in line)

    return max(sum(1 for line in lines if over(w, line)) for line in lines for w in line)


# Two borderless tables printed one under the other, each with a rule under its header only: the lower one's header
# rule is no bottom of the upper one. Its header lines stand apart from the upper body by a wider gap than the body's
# lines (NEXT_HEADER_GAP_FACTOR times their median gap), and a row holding a value follows its rule within
# NEXT_BODY_REACH_LINES line heights.
NEXT_HEADER_GAP_FACTOR = 1.8
NEXT_BODY_REACH_LINES = 3.0


def _holds_a_value(words: list[Word]) -> bool:
    """Whether any of the words is a value: a number other than a year or a row's or column's number."""
    return any(is_pure_number(w.text) and not YEAR_RE.search(w.text) and not re.fullmatch(r"\d{1,2}", w.text)
               for w in words)


def next_table_starts(page: PageText, head: Rule, lower: Rule) -> float | None:
    """Whether the rule `lower`, as wide as the header rule `head`, is the rule under the header of another table
    printed right below: the lines between them end with up to MAX_HEADER_LINES lines holding no value, set apart
    from lines holding a value above them by the widest gap between the lines (at least NEXT_HEADER_GAP_FACTOR times
    their median gap), and a row holding a value follows `lower`. Out: the height where the upper table ends (the
    middle of that gap), else None."""
    lines = _lines(_words_between(page, head, lower))
    if len(lines) < 3:
        return None
    gaps = [min(w.top for w in b) - max(w.bottom for w in a) for a, b in zip(lines, lines[1:])]
    k = max(range(len(gaps)), key=gaps.__getitem__)
    if gaps[k] < NEXT_HEADER_GAP_FACTOR * max(statistics.median(gaps), 0.5):
        return None
    above, header = [w for line in lines[:k + 1] for w in line], [w for line in lines[k + 1:] for w in line]
    if len(lines) - k - 1 > MAX_HEADER_LINES or _holds_a_value(header) or not _holds_a_value(above):
        return None
    size = statistics.median(w.size for w in header) or 8.0
    below = [w for w in page.words if lower.y < w.top <= lower.y + NEXT_BODY_REACH_LINES * size
             and w.x0 >= lower.x0 - WORD_OVERHANG_PT and w.x1 <= lower.x1 + WORD_OVERHANG_PT]
    if not _holds_a_value(below):
        return None
    return (max(w.bottom for w in lines[k]) + min(w.top for w in lines[k + 1])) / 2


def _is_header_band(page: PageText, upper: Rule, lower: Rule) -> bool:
    """Whether the words between two rules are a header: a few lines (at most MAX_HEADER_LINES), few
    of them numbers (less than HEADER_NUMBER_SHARE; "Under 18 years")."""
    lines, numbers = _band(page, upper, lower)
    return 0 < lines <= MAX_HEADER_LINES and numbers < HEADER_NUMBER_SHARE


def _is_data_band(page: PageText, upper: Rule, lower: Rule) -> bool:
    """Whether the words between two rules are a table's body: more lines than a header, numbers
    among them at least HEADER_NUMBER_SHARE."""
    lines, numbers = _band(page, upper, lower)
    return lines > MAX_HEADER_LINES and numbers >= HEADER_NUMBER_SHARE


# Zebra rows: a web application's table (e-SAKIP, e-Kinerja printed from the browser) paints every other body
# row with a light box as wide as the table, often with a hairline under every row and no vertical rules.
STRIPE_JOIN_PT = 1.5  # two painted boxes this close (points) touch: rows painted one after the other
UNSHADED_ROW_FACTOR = 4.0  # an unpainted row between two stripes is at most this many times the tallest stripe
MIN_STRIPES = 2  # painted rows needed to call a table's body striped
TRAILING_LINE_PT = 1.0  # an unpainted last row's lines follow each other as a stripe's lines follow its top (+ this)


def shaded_body_end(page: PageText, head: Rule, rules: list[Rule]) -> float | None:
    """Where the striped body under the header rule `head` ends, or None when its rows are not striped.

    Row shading is no ruling of a table's boundary: boxes painted without a border, as wide as the header rule,
    that follow each other down from it either touching and alternating between two colours (every row painted,
    white and grey) or one row apart (every other row painted, the rows between left unpainted: no rule of the
    table's width inside such a gap, and the gap at most `UNSHADED_ROW_FACTOR` tallest stripes). At least
    `MIN_STRIPES` of them, and either two colours or unpainted rows between them (one colour painted over
    touching rows is one shaded block, not stripes). The hairlines drawn under each row part rows, not tables.
    When the stripes leave unpainted rows, the unpainted row after the last stripe is the body's too: the lines
    right under it, each starting as close to the one above as a stripe's first line starts below its top."""
    spanning = sorted((f for f in page.fills if _same_width(f.x0, f.x1, head) and f.top >= head.y - STRIPE_JOIN_PT),
                      key=lambda f: f.top)
    chain: list[Fill] = []
    colours: set[tuple] = set()
    gaps = False
    reach = head.y
    for f in spanning:
        gap = f.top - reach
        if gap < -STRIPE_JOIN_PT:
            continue  # drawn over a stripe already taken (a cell's own box)
        if gap > STRIPE_JOIN_PT:
            tallest = max((c.bottom - c.top for c in chain), default=f.bottom - f.top)
            if gap > UNSHADED_ROW_FACTOR * tallest or any(
                    reach + STRIPE_JOIN_PT < r.y < f.top - STRIPE_JOIN_PT and _same_width(r.x0, r.x1, head)
                    for r in rules):
                break
            gaps = gaps or bool(chain)
        elif chain and f.colour == chain[-1].colour:
            break  # one colour over touching rows: a shaded block, not alternating rows
        if f.colour not in colours and len(colours) == 2:
            break  # a third colour: another table's header band
        chain.append(f)
        colours.add(f.colour)
        reach = f.bottom
    if len(chain) < MIN_STRIPES or not (len(colours) == 2 or gaps):
        return None
    if not gaps:
        return reach
    # the unpainted row after the last stripe
    offsets = [min(w.top for w in inside) - f.top for f in chain
               if (inside := [w for w in page.words if f.top <= w.top and w.bottom <= f.bottom + STRIPE_JOIN_PT])]
    if not offsets:
        return reach
    step = max(offsets) + TRAILING_LINE_PT
    below = [w for w in page.words if w.top > reach and w.x0 >= head.x0 - WORD_OVERHANG_PT
             and w.x1 <= head.x1 + WORD_OVERHANG_PT]
    end = reach
    for line in _lines(below):
        if min(w.top for w in line) - end > step:
            break
        if any(end + STRIPE_JOIN_PT < r.y < min(w.top for w in line) and _same_width(r.x0, r.x1, head)
               for r in rules):
            break
        end = max(w.bottom for w in line)
    return end


def read_borderless_tables(page: PageText, exclude: list) -> list[RawTable]:
    rules = find_rules(page, exclude)
    feet = band_foot_rules(page, [(r.y, r.x0, r.x1) for r in rules])  # headers on dark bands: their feet
    rules = sorted(rules + [Rule(y, x0, x1, [round(x0, 1), round(x1, 1)]) for y, x0, x1 in feet], key=lambda r: r.y)
    tables: list[RawTable] = []
    i = 0
    while i < len(rules):
        # rules stacked under a header (one under the heading, one under a numbering row): the
        # lowest one that spans the others is the header rule
        first = i
        while (i + 1 < len(rules) and rules[i + 1].y - rules[i].y < 30
               and rules[i + 1].x0 <= rules[i].x0 + 8 and rules[i + 1].x1 >= rules[i].x1 - 8
               and _only_headings_between(page, rules[i], rules[i + 1])):
            i += 1
        head = rules[i]
        bottom_idx = next((k for k in range(i + 1, len(rules))
                           if _same_width(rules[k].x0, rules[k].x1, head)), None)
        bottom: Rule | None = None
        shaded_end = shaded_body_end(page, head, rules)
        if shaded_end is not None:
            # striped rows under the header rule: the rules between them part rows, the stripes' end is the bottom
            bottom = Rule(shaded_end, head.x0, head.x1, [head.x0, head.x1])
            inside = [k for k in range(i + 1, len(rules)) if rules[k].y <= shaded_end + STRIPE_JOIN_PT]
            bottom_idx = inside[-1] if inside else None
        elif bottom_idx is not None:
            bottom = rules[bottom_idx]
            below = next((r for r in rules[bottom_idx + 1:] if _same_width(r.x0, r.x1, head)),
                         None)
            if below is not None and _is_header_band(page, head, bottom) and _is_data_band(page, bottom, below):
                i = bottom_idx  # a rule above the header, one under it, one under the body: start at the second
                continue
            bottom_idx = ruled_rows_end(page, rules, i, bottom_idx)  # rows ruled past a merged cell go on
            bottom = rules[bottom_idx]
            end = next_table_starts(page, head, bottom)
            if end is not None:  # `bottom` is the rule under the header of a table printed right below: start there
                bottom, bottom_idx = Rule(end, head.x0, head.x1, [head.x0, head.x1]), bottom_idx - 1
        body = _body_words(page, head, bottom)
        if not body:
            i += 1
            continue
        size = statistics.median(w.size for w in body)
        # the bottom of the table above (every table read here has its box), or the rule drawn over the header
        ceiling = max((t.bbox[3] for t in tables if t.bbox is not None), default=0.0)
        ocr = bool(getattr(page, "ocr", False))
        over = 0.0  # the rule drawn over the header's first line, when there is one
        if i > first and _rule_over_header(page, rules[first], rules[first + 1], head) \
                and not _scale_note_above(page, rules[first]):
            over = rules[first].y
        elif i == first and ocr:
            over = _ocr_header_ceiling(page, rules[:i], head, size)
        ceiling = max(ceiling, over)
        # under a rule drawn over it, an OCR header's lines are the header whatever size OCR gave them
        header = _header_words(page, head, size, ceiling, by_size=not (ocr and over))
        if not header:
            i += 1
            continue
        stops = head.stops if len(head.stops) >= 3 else _gap_boundaries(body, head.x0, head.x1, getattr(page, "ocr", False))
        if len(stops) < 3:
            i = (bottom_idx + 1) if bottom_idx is not None else i + 1
            continue
        top = min(w.top for w in header)
        bottom_y = bottom.y if bottom else max(w.bottom for w in body)
        if any(top < b[3] and bottom_y > b[1] and head.x0 < b[2] and head.x1 > b[0] for b in exclude):
            i += 1  # runs into a ruled table: a page-header rule, not a table
            continue
        rows = _rows(body, stops, page.number, getattr(page, "ocr", False))
        header_rows = _header_rows(header, stops, page.number) if header else []
        if _holds_values(header):
            i += 1  # data above the rule: a rule between rows (stripes), not under a header
            continue
        extra = count_header_continuation(header_rows, rows) if header_rows else 0
        header_rows, rows = header_rows + rows[:extra], rows[extra:]
        rows = without_column_numbering(rows)
        tables.append(RawTable(index=0, pages=[page.number], label=None, caption=None, header=header_rows, body=rows,
                               method="stream", bbox=[round(head.x0, 1), round(top, 1), round(head.x1, 1), round(bottom_y, 1)]))
        i = (bottom_idx + 1) if bottom_idx is not None else i + 1
    return tables
