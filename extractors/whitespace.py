"""Borderless tables with no rule at all: columns set apart by white space only, rows often
single-spaced (statistical tables, tables typeset without borders).

In:  a `PageText` and the boxes of tables other parsers already read (their words are skipped).
Out: `RawTable`s (method "whitespace"), one row per text line, header rows split from the body.

Steps (after camelot's stream parser): split each text line into phrases at wide gaps ->
find blocks of consecutive lines most of which hold several phrases -> column boundaries from
the gaps that run through the block's typical lines -> every phrase into the column its centre
falls in -> drop blocks that read like prose (too few columns or rows, mostly empty cells).
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from itertools import pairwise

from extractors.captions import parse_label
from extractors.grid import is_value_like, split_header, text_of, without_column_numbering
from extractors.ink_lines import joins_line
from extractors.ink_words import is_smear
from extractors.page_source import HeaderPhrase, PageText, Word
from pipeline.models import Cell, RawTable


@dataclass(frozen=True)
class WhitespaceSettings:
    column_gap_em: float = 0.9
    """Words further apart than this many font sizes are in different columns: a word space is
    about 0.25 em, a column gap is one em or more (pdfminer's char_margin of 2 character widths)."""
    line_tolerance: float = 2.0
    """Words whose tops differ by less than this many points are on one text line."""
    line_gap_em: float = 2.2
    """A vertical gap wider than this many font sizes between two lines ends a table (a blank line
    between paragraphs is about 1.2 em, a table's own rows are single- or one-and-a-half-spaced)."""
    max_single_run: int = 2
    """At most this many one-phrase lines in a row inside a table (wrapped cells, group rows);
    more is running text."""
    min_rows: int = 3
    """A table has at least this many lines of several phrases (camelot asks 4 aligned text edges)."""
    min_part_rows: int = 2
    """A block that opens the page's text may be the last rows of a table from the page before with as few lines
    of several phrases as this: read as a part (`PART_METHOD`), kept only if it joins the table above."""
    min_headed_figures: int = 2
    """A one-row table under a bold heading line (`_headed_single_row`) prints at least this many figures: an
    indicator's target and realisasi."""
    min_columns: int = 3
    """Two columns of words are too often a list or a form ("Nama : …"); tables have three or more,
    or two when the second holds figures (see `min_figure_share`)."""
    min_figure_share: float = 0.75
    """A two-column table is a list of labels and figures: at least this share of its second
    column's cells carry a digit ("5,111,372", "12.5CL"); a form's values are mostly words."""
    max_contents_falls: float = 0.2
    """Page numbers in a table of contents go up; this share of them may go down (a misprint)
    before the column is taken for figures."""
    min_two_column_rows: int = 4
    """A two-column table has at least this many rows (three label-figure lines are a sentence's list)."""
    min_gap: float = 4.0
    """A column boundary is a vertical band at least this wide (points) that no word of the
    block's typical lines crosses."""
    min_fill: float = 0.45
    """At least this share of the block's cells must hold text; prose cut into columns is emptier."""
    margin_fraction: float = 0.05
    """Running headers and page numbers live in this top and bottom share of the page."""
    span_centring: float = 0.05
    span_centring_pt: float = 6.0
    """A group heading is centred over the columns it spans: the middle of their run lies within this share
    of the run's width (at least this many points) of the heading's middle."""
    sub_heading_line: float = 0.6
    """The sub-headings under one group heading are one header row: the middles of their cells' lines
    differ by at most this many font sizes."""
    heading_size: float = 1.3
    """A one-phrase line this many times the size of a block's lines is a section heading under the table
    (`_heading_between`; OCR pages only: the same share `extractors.ocr_page` gives a heading its own size)."""
    max_heading_lines: int = 6
    heading_width_em: float = 12.0
    """A wrapped heading's line is at most this many font sizes wide; running text is wider."""
    """At most this many one-phrase lines above a block are the first lines of a tall heading (`_headings_above`)."""
    heading_line_gap: float = 0.5
    """A heading's next line follows it at most this many font sizes below it (a wrapped cell's line
    spacing); a table's rows stand further apart."""
    max_crossed_share: float = 0.34
    edge_tolerance: float = 1.5
    """A column boundary that a few phrases cross at a word space (`_cell_starts`): crossed in at most this
    share of the lines, the column right of it left-aligned (its cells start within this many points)."""
    band_overlap: float = 1.0
    """A line whose top lies this many points above the bottom of the line before it is another line of
    the same row (cells set in their middle at different heights), not a new row."""


SETTINGS = WhitespaceSettings()
PART_METHOD = "whitespace-part"  # a short block opening a page: the rest of a table, or nothing (extractors/pdf.py)


def _lines(words: list[Word], s: WhitespaceSettings, ink_boxes: bool = False) -> list[list[Word]]:
    """In: words (`ink_boxes`: boxes OCR drew round each word's ink, not the font's box). Out: text lines, top
    to bottom, each sorted left to right (`ink_lines.joins_line`)."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and joins_line(w, lines[-1], s.line_tolerance, ink_boxes):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _phrases(line: list[Word], s: WhitespaceSettings) -> list[list[Word]]:
    """In: one text line. Out: its phrases, split where the gap between words is a column gap."""
    out = [[line[0]]]
    for w in line[1:]:
        size = max(w.size, out[-1][-1].size) or 8.0
        if w.x0 - out[-1][-1].x1 > s.column_gap_em * size:
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _blocks(lines: list[list[list[Word]]], s: WhitespaceSettings,
            ink_boxes: bool = False) -> list[list[list[list[Word]]]]:
    """In: lines as lists of phrases. Out: runs of lines that may form a table: several-phrase lines
    close together, with at most `max_single_run` one-phrase lines between them (a one-phrase line beside a line of
    several, overlapping it, counts as one of these: `_of_rows`; on an OCR page, `ink_boxes`, so does a run of
    a tall cell's wrapped lines: `_wrapped_run`). A table's caption ("Tabel
    3.25 …") ends the run above it: what stands over a caption is not the table (OCR breaks a justified
    paragraph into phrases, which would otherwise join it)."""
    blocks: list[list[list[list[Word]]]] = []
    current: list[list[list[Word]]] = []
    singles: list[list[list[Word]]] = []
    last_bottom = None
    of_rows = _of_rows(lines, s)
    for k, line in enumerate(lines):
        top = _top(line)
        size = statistics.median(w.size for p in line for w in p) or 8.0
        if current and last_bottom is not None and top - last_bottom > s.line_gap_em * size:
            blocks.append(current)
            current, singles = [], []
        if len(line) == 1 and parse_label(" ".join(w.text for w in line[0])) is not None \
                or ink_boxes and current and _heading_between(line, current, s):
            if current:
                blocks.append(current)
            current, singles, last_bottom = [], [], max(w.bottom for w in line[0])
            continue
        last_bottom = _bottom(line)
        if of_rows[k]:
            current.extend(singles)
            singles = []
            current.append(line)
        elif current:
            singles.append(line)
            if len(singles) > s.max_single_run and not (ink_boxes and _header_only(current)
                                                        and _wrapped_run(singles, current[-1], s)):
                blocks.append(current)
                current, singles = [], []
    if current:
        blocks.append(current)
    return [b for b in blocks if sum(1 for line in b if len(line) >= 2) >= s.min_rows
            or (b[0] is lines[0] and sum(1 for line in b if len(line) >= 2) >= s.min_part_rows)
            or _headed_single_row(b, s)]


def _headed_field_list(block: list[list[list[Word]]], s: WhitespaceSettings) -> bool:
    """An indicator's fields under their own bold heading line ('Uraian | Keterangan' over 'Indikator Kinerja | …',
    'Satuan | orang', 'Target 2031 | 378', …), a two-column table `_is_figure_list` does not take (its values are
    words as well as figures): the first line two bold phrases, no bold after it, at least `min_two_column_rows`
    labelled lines, `min_headed_figures` of whose values are figures."""
    head, rows = block[0], [line for line in block[1:] if len(line) == 2]
    if len(head) != 2 or not all(w.bold for p in head for w in p) \
            or any(w.bold for line in block[1:] for p in line for w in p):
        return False
    figures = sum(1 for line in rows if FIGURE_PHRASE.match(" ".join(w.text for w in line[1])))
    return len(rows) >= s.min_two_column_rows and figures >= s.min_headed_figures


FIGURE_PHRASE = re.compile(r"^[-(<>≤≥]?\s*\d[\d.,]*\s*%?\)?$")  # "67,02", "105,60 %", "(12)"


def _headed_single_row(block: list[list[list[Word]]], s: WhitespaceSettings) -> bool:
    """A table of one row under its own heading lines (an indicator's analysis table: 'Indikator | Target |
    Realisasi | Capaian' in bold over the indicator's name and its figures): every line above the row in bold,
    one of them with `min_columns` phrases or more; the row, and the lines of its wrapped name below it, not in
    bold, the row printing at least `min_headed_figures` figures. Prose has no lines of bold phrases set apart by
    column gaps."""
    def bold(line: list[list[Word]]) -> bool:
        return all(w.bold for p in line for w in p)

    rows = [k for k, line in enumerate(block) if len(line) >= 2 and not bold(line)]
    if len(rows) != 1 or rows[0] == 0:
        return False
    heading, row = block[:rows[0]], block[rows[0]]
    if not all(bold(line) for line in heading) or max(len(line) for line in heading) < s.min_columns \
            or any(w.bold for line in block[rows[0]:] for p in line for w in p):
        return False
    figures = sum(1 for p in row if FIGURE_PHRASE.match(" ".join(w.text for w in p)))
    return figures >= s.min_headed_figures


def _heading_between(line: list[list[Word]], block: list[list[list[Word]]], s: WhitespaceSettings) -> bool:
    """A one-phrase line set clearly larger than the block's lines (`heading_size`): a section's heading under
    the table, which ends it. On an OCR page a line's size is its ink's height, and the running text under a
    heading breaks into phrases at its wider word spaces: without this, a note line, the heading and the first
    line of prose would join the table above as rows (up to `max_single_run` one-phrase lines are let in)."""
    size = statistics.median(w.size for p in line for w in p)
    usual = statistics.median(w.size for row in block for p in row for w in p)
    return len(line) == 1 and size >= s.heading_size * usual


def _header_only(block: list[list[list[Word]]]) -> bool:
    """No line of the block holds a data value yet: it is a header so far."""
    return not any(_is_data(" ".join(w.text for w in p)) for line in block for p in line)


def _wrapped_run(singles: list[list[list[Word]]], above: list[list[Word]], s: WhitespaceSettings) -> bool:
    """One-phrase lines that continue a header above them on an OCR page (`_blocks` asks only while the block holds
    no data value, `_header_only`): at most `max_heading_lines` of them, each no wider than a heading's line
    (`_narrow`) and at a line's spacing from the line before it (`_tight`): the last lines of the tallest
    headings of a header set in their middle ("Target Akhir / 2026 / Renstra (%)" under a row of one-line
    headings). In a text layer the lines of such a header overlap the row beside them (font boxes) and count as
    its lines (`_of_rows`); OCR boxes hug the ink, and the overlap is gone. Under data rows such lines may be the
    headings of the next table, set in a narrow column: they part the two as before."""
    if len(singles) > s.max_heading_lines:
        return False
    return all(_narrow(line, s) and _tight(line, prev, s) for prev, line in zip([above, *singles], singles))


def _top(line: list[list[Word]]) -> float:
    return min(w.top for p in line for w in p)


def _bottom(line: list[list[Word]]) -> float:
    return max(w.bottom for p in line for w in p)


def _overlaps_above(line: list[list[Word]], bottom: float, s: WhitespaceSettings) -> bool:
    """The line starts above `bottom` (the lowest bottom of the lines before it) by more than
    `band_overlap` points: the two are lines of one row of cells set at different heights (a wrapped
    heading centred beside a one-line one), not two rows."""
    return _top(line) < bottom - s.band_overlap


def _narrow(line: list[list[Word]], s: WhitespaceSettings) -> bool:
    """A one-phrase line no wider than a heading's line (`heading_width_em`): a line of running text beside the
    table (a page in two columns) is wider."""
    size = statistics.median(w.size for p in line for w in p) or 8.0
    return line[0][-1].x1 - line[0][0].x0 <= s.heading_width_em * size


def _of_rows(lines: list[list[list[Word]]], s: WhitespaceSettings) -> list[bool]:
    """For each line: whether it holds several phrases, or overlaps vertically a line before or after it that
    does or that overlaps one that does (a chain of such lines), its phrase no wider than a heading's line
    (`_narrow`): the lines of a row whose headings wrap to different heights, set in their middle beside each
    other, not one-phrase lines alone."""
    flags = [len(line) >= 2 for line in lines]

    def overlap(a: list[list[Word]], b: list[list[Word]]) -> bool:
        return _top(a) < _bottom(b) - s.band_overlap and _top(b) < _bottom(a) - s.band_overlap

    changed = True
    while changed:
        changed = False
        for k, line in enumerate(lines):
            if not flags[k] and _narrow(line, s) \
                    and any(0 <= i < len(lines) and flags[i] and overlap(line, lines[i]) for i in (k - 1, k + 1)):
                flags[k] = changed = True
    return flags


def _bands(lines: list[list[list[Word]]], s: WhitespaceSettings = SETTINGS) -> list[list[list[list[Word]]]]:
    """In: lines as lists of phrases. Out: runs of lines each of which overlaps the ones above it
    vertically: the lines of one row whose cells are set in their middle, each wrapped to its own
    number of lines (a header's "Realisasi / 2020" beside "Capaian s.d. / 2022 / terhadap / …"). A band
    of one-phrase lines is one row of several cells, not a run of single lines."""
    bands: list[list[list[list[Word]]]] = []
    bottom = 0.0
    for line in lines:
        if bands and _overlaps_above(line, bottom, s):
            bands[-1].append(line)
            bottom = max(bottom, _bottom(line))
        else:
            bands.append([line])
            bottom = _bottom(line)
    return bands


# A year with the unit of its column in brackets ("2020 (%)", "Tahun 2021 (Rp)"): a heading, not a value.
YEAR_WITH_UNIT = re.compile(r"(tahun\s*)?(19|20)\d\d\s*\(\s*(%|rp\.?)\s*\)", re.IGNORECASE)


def _is_data(text: str) -> bool:
    return is_value_like(text) and not YEAR_WITH_UNIT.fullmatch(text.strip())


def _tight(line: list[list[Word]], above: list[list[Word]], s: WhitespaceSettings) -> bool:
    """The line follows `above` at a line's spacing or overlaps it: the next line of a wrapped heading."""
    size = statistics.median(w.size for p in line for w in p) or 8.0
    return _top(line) - _bottom(above) <= s.heading_line_gap * size


def _headings_above(lines: list[list[list[Word]]], block: list[list[list[Word]]], stops: list[float],
                    s: WhitespaceSettings) -> list[list[list[Word]]]:
    """The one-phrase lines right above a block that are the first lines of a heading wrapped in its cell
    (a five-line heading set in its middle starts above the other headings): each at a line's spacing from the
    line below it, no caption, and over no word of the block's other columns."""
    k = next(i for i, line in enumerate(lines) if line is block[0])
    out: list[list[list[Word]]] = []
    below = block[0]
    while k > 0 and len(out) < s.max_heading_lines:
        line = lines[k - 1]
        if len(line) != 1 or not _tight(below, line, s) or parse_label(" ".join(w.text for w in line[0])):
            break
        x0, x1 = line[0][0].x0, line[0][-1].x1
        j = _column_of((x0 + x1) / 2, stops)
        if any(w.x0 < x1 and x0 < w.x1 and _column_of((p[0].x0 + p[-1].x1) / 2, stops) != j
               for other in block for p in other for w in p):
            break
        out.insert(0, line)
        below, k = line, k - 1
    return out


def _wrapped_below(lines: list[list[list[Word]]], block: list[list[list[Word]]], stops: list[float],
                   s: WhitespaceSettings) -> list[list[list[Word]]]:
    """The one-phrase lines right under a block that end the cell of its last row wrapped over them (a name's
    last line): each at a line's spacing from the line above it, no caption, starting where a phrase of the
    block starts in its column (a left-aligned cell's next line), over no word of the block's other columns."""
    k = next(i for i, line in enumerate(lines) if line is block[-1])
    out: list[list[list[Word]]] = []
    above = block[-1]
    while k + 1 < len(lines) and len(out) < s.max_single_run:
        line = lines[k + 1]
        if len(line) != 1 or not _tight(line, above, s) or parse_label(" ".join(w.text for w in line[0])):
            break
        x0, x1 = line[0][0].x0, line[0][-1].x1
        j = _column_of((x0 + x1) / 2, stops)
        starts = [p[0].x0 for other in block for p in other if _column_of((p[0].x0 + p[-1].x1) / 2, stops) == j]
        if not any(abs(x - x0) <= s.edge_tolerance for x in starts) or any(
                w.x0 < x1 and x0 < w.x1 and _column_of((p[0].x0 + p[-1].x1) / 2, stops) != j
                for other in block for p in other for w in p):
            break
        out.append(line)
        above, k = line, k + 1
    return out


def _header_lines(block: list[list[list[Word]]], grid: list[list[Cell]], n_header: int,
                  s: WhitespaceSettings) -> int:
    """How many of the block's first lines make its header: the header rows `split_header` found, and the lines
    that overlap them vertically (a band of wrapped headings set in their middle) or, a phrase alone, follow them at
    a line's spacing (the last lines of the tallest heading), while they hold no data value."""
    n = n_header
    if n == 0:
        return 0
    bottom = max(_bottom(line) for line in block[:n])
    while n < len(block) and (_overlaps_above(block[n], bottom, s)
                              or (len(block[n]) == 1 and _tight(block[n], block[n - 1], s))) \
            and not any(_is_data(text_of(c)) for c in grid[n]):
        bottom = max(bottom, _bottom(block[n]))
        n += 1
    return n


def _span_of(h: HeaderPhrase, headings: list[HeaderPhrase], spans: list[tuple[int, int, HeaderPhrase]], stops: list[float],
             s: WhitespaceSettings) -> tuple[int, int] | None:
    """The columns a heading spans: the widest run of two or more columns centred on it (within
    `span_centring` of the run's width, at least `span_centring_pt`) over which it fits, each of which holds
    a sub-heading below the heading, all set around one middle (the row under a group heading, each cell's
    lines centred in it),
    none of which holds a heading of its own on the heading's line or above it (but for the group headings
    already found over it). None: the heading heads its own column only."""
    n = len(stops) - 1
    centre = (h.x0 + h.x1) / 2
    spanning = {id(sp) for _, _, sp in spans}
    best = None
    for a in range(h.col + 1):
        for b in range(max(h.col, a + 1), n):
            lo, hi = stops[a], stops[b + 1]
            if abs((lo + hi) / 2 - centre) > max(s.span_centring_pt, (hi - lo) * s.span_centring) \
                    or h.x0 < lo - 2 or h.x1 > hi + 2:
                continue
            if best is not None and b - a <= best[1] - best[0]:
                continue
            others = [o for o in headings if o is not h and id(o) not in spanning and a <= o.col <= b]
            if any(o.top <= h.top + s.line_tolerance for o in others):
                continue
            middles = []
            for c in range(a, b + 1):
                below = [o for o in others if o.col == c and o.top >= h.bottom - s.band_overlap]
                if not below:
                    break
                middles.append((min(o.top for o in below) + max(o.bottom for o in below)) / 2)
            else:
                if max(middles) - min(middles) <= s.sub_heading_line * h.size:
                    best = (a, b)
    return best


def _header_rows(lines: list[list[list[Word]]], stops: list[float], page_no: int,
                 s: WhitespaceSettings = SETTINGS) -> list[list[Cell]]:
    """In: a header's lines (phrases) and the columns' boundaries. Out: one row of cells per line, each phrase in
    the column its centre falls in, but a group heading in the first column it spans (`_span_of`), the others
    it covers marked covered (text None). `pipeline.lines.join_header_lines` makes the rows of headings of it."""
    n = len(stops) - 1
    rows = []
    headings: list[list[HeaderPhrase]] = [[HeaderPhrase(" ".join(w.text for w in p), p[0].x0, p[-1].x1, min(w.top for w in p),
                                                max(w.bottom for w in p), max(w.size for w in p) or 8.0,
                                                _column_of((p[0].x0 + p[-1].x1) / 2, stops)) for p in line]
                                      for line in lines]
    every = sorted((h for line in headings for h in line), key=lambda h: (h.top, h.x0))
    spans: list[tuple[int, int, HeaderPhrase]] = []
    for h in every:
        run = _span_of(h, every, spans, stops, s)
        if run is not None:
            spans.append((run[0], run[1], h))
    placed = {id(h): (a, b) for a, b, h in spans}
    for line in headings:
        texts: list[list[str]] = [[] for _ in range(n)]
        covered: set[int] = set()
        for h in line:
            a, b = placed.get(id(h), (h.col, h.col))
            texts[a].append(h.text)
            covered.update(range(a + 1, b + 1))
        rows.append([Cell(None if c in covered and not texts[c] else " ".join(texts[c]), page_no) for c in range(n)])
    return rows


def _boundaries(block: list[list[list[Word]]], s: WhitespaceSettings, ink_boxes: bool = False) -> list[float]:
    """In: a block (`ink_boxes`: of an OCR page). Out: column boundaries (x), from the white bands that run
    through the lines holding the block's most common number of phrases or more (headers that span are not
    typical). On an OCR page a phrase of one smeared word (`ink_words.is_smear`) covers no band: a column-number
    row read as one wide word would join two columns. (A lone mark does cover one: a unit column may print only
    "%".)"""
    counts = [len(line) for line in block if len(line) >= 2]
    typical = statistics.median_low(counts)
    phrases = [p for line in block if len(line) >= typical for p in line]
    marking = [p for p in phrases if not (ink_boxes and len(p) == 1 and is_smear(p[0]))]
    spans = sorted((p[0].x0, p[-1].x1) for p in marking or phrases)
    x0 = min(w.x0 for line in block for p in line for w in p)
    x1 = max(w.x1 for line in block for p in line for w in p)
    stops, reach = [x0], spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= s.min_gap:
            stops.append((a + reach) / 2)
        reach = max(reach, b)
    return stops + [x1]


def _cell_starts(block: list[list[list[Word]]], stops: list[float], s: WhitespaceSettings) -> list[float]:
    """In: a block and its column boundaries. Out: more boundaries, each where a left-aligned column starts
    that a few lines' phrases run into at a mere word space: a name that ends close to a short column's
    cell ("… anggota rapat %", "… investasi Persentase …"). A word-free band through the typical lines
    (those of `_boundaries`), crossed by phrases in at most `max_crossed_share` of the lines with words on both
    sides, a phrase starting right of it in the others, most of these at one x (a left-aligned column), and
    in each crossing phrase a word starting at that x."""
    counts = [len(line) for line in block if len(line) >= 2]
    typical = [line for line in block if len(line) >= statistics.median_low(counts)]
    words = sorted((w.x0, w.x1) for line in typical for p in line for w in p)
    reach, bands = words[0][1], []
    for a, b in words[1:]:
        if a > reach and not any(reach <= x <= a for x in stops):
            bands.append((reach, a))
        reach = max(reach, b)
    cuts = []
    for lo, hi in bands:
        starts, crossing = [], []
        for line in typical:
            across = [p for p in line if p[0].x0 < lo and p[-1].x1 > hi]
            right = [p[0].x0 for p in line if p[0].x0 >= hi]
            if across:
                crossing.append(across[0])
            elif right and any(p[-1].x1 <= lo for p in line):
                starts.append(min(right))
        if not crossing or len(starts) < s.min_rows or len(crossing) > s.max_crossed_share * (len(starts) + len(crossing)):
            continue
        edge = statistics.median_low(starts)
        if hi < edge - s.edge_tolerance:
            continue  # a word gap inside the crossing phrases, short of the column's edge
        aligned = sum(1 for x in starts if abs(x - edge) <= s.edge_tolerance)
        if aligned * 2 > len(starts) and all(any(abs(w.x0 - edge) <= s.edge_tolerance for w in p[1:]) for p in crossing):
            cuts.append((lo + edge) / 2)
    return cuts


def _split_at(line: list[list[Word]], cuts: list[float]) -> list[list[Word]]:
    """The line's phrases, each cut where a word starts right of a boundary of `cuts` that the word before it
    ends left of."""
    out = []
    for p in line:
        part = [p[0]]
        for prev, w in pairwise(p):
            if any(prev.x1 <= x <= w.x0 for x in cuts):
                out.append(part)
                part = []
            part.append(w)
        out.append(part)
    return out


def _column_of(x: float, stops: list[float]) -> int:
    for j in range(1, len(stops) - 1):
        if x < stops[j]:
            return j - 1
    return len(stops) - 2


def _grid(block: list[list[list[Word]]], stops: list[float], page_no: int) -> list[list[Cell]]:
    """In: a block and its column boundaries. Out: one row of cells per line; a phrase goes to the
    column its centre falls in (two phrases in one column are joined by a space)."""
    n = len(stops) - 1
    grid = []
    for line in block:
        parts: list[list[Word]] = [[] for _ in range(n)]
        for p in line:
            parts[_column_of((p[0].x0 + p[-1].x1) / 2, stops)].extend(p)
        grid.append([_cell(words, stops[j], page_no) for j, words in enumerate(parts)])
    return grid


def _cell(words: list[Word], left: float, page_no: int) -> Cell:
    if not words:
        return Cell("", page_no)
    bold = sum(1 for w in words if w.bold) * 2 > len(words)
    return Cell(" ".join(w.text for w in words), page_no, bold, round(min(w.x0 for w in words) - left, 1))


def _by_band(block: list[list[list[Word]]], grid: list[list[Cell]], s: WhitespaceSettings) -> list[list[Cell]]:
    """The grid with the lines of each band (`_bands`) joined into one row, each column's texts top to bottom:
    how full a table's cells are is judged on its rows, not on the lines of a cell wrapped in its middle."""
    out, k = [], 0
    for band in _bands(block, s):
        rows = grid[k:k + len(band)]
        k += len(band)
        out.append([Cell(" ".join(t for r in rows if (t := text_of(r[j]))), rows[0][j].page)
                    for j in range(len(rows[0]))])
    return out


def _is_table(grid: list[list[Cell]], s: WhitespaceSettings, n_lines: int, min_rows: int | None = None) -> bool:
    """In: a block's grid, its bands' lines joined (`_by_band`), and its number of lines. Out: whether it reads as a
    table rather than prose or a form (of `min_rows` lines at least: fewer for a part, see `min_part_rows`)."""
    n = len(grid[0]) if grid else 0
    if n == 2 and s.min_columns > 2:
        return _is_figure_list(grid, s)
    if n < s.min_columns or n_lines < (s.min_rows if min_rows is None else min_rows):
        return False
    filled = sum(1 for row in grid for c in row if c.text)
    used = sum(1 for j in range(n) if sum(1 for row in grid if row[j].text) >= 2)
    return filled >= s.min_fill * n * len(grid) and used >= s.min_columns


def _is_figure_list(grid: list[list[Cell]], s: WhitespaceSettings) -> bool:
    """In: a two-column grid. Out: whether it lists labels and their figures."""
    right = [row[1].text for row in grid if row[1].text]
    labelled = sum(1 for row in grid if row[0].text and row[1].text)
    with_digit = sum(1 for t in right if any(ch.isdigit() for ch in t))
    return (labelled >= s.min_two_column_rows and with_digit >= s.min_figure_share * len(right)
            and not _is_contents(right, s))


def _is_contents(figures: list[str], s: WhitespaceSettings) -> bool:
    """In: the second column of a two-column grid. Out: whether it holds page numbers (a table of
    contents or a list of tables): mostly bare integers or roman numerals, rarely decreasing (a
    misprinted page number)."""
    pages = [int(t) for t in figures if re.fullmatch(r"\d{1,4}", t)]
    romans = [t for t in figures if re.fullmatch(r"[ivxlcIVXLC]{1,6}", t)]
    if len(pages) + len(romans) < s.min_figure_share * len(figures):
        return False
    falls = sum(1 for a, b in pairwise(pages) if b < a)
    return falls <= s.max_contents_falls * max(1, len(pages) - 1)


def read_whitespace_tables(page: PageText, exclude: list, settings: WhitespaceSettings = SETTINGS) -> list[RawTable]:
    s = settings
    lo, hi = page.height * s.margin_fraction, page.height * (1 - s.margin_fraction)
    words = [w for w in page.words if lo < w.top and w.bottom < hi
             and not any(b[0] - 2 <= (w.x0 + w.x1) / 2 <= b[2] + 2 and b[1] - 2 <= (w.top + w.bottom) / 2 <= b[3] + 2
                         for b in exclude)]
    if not words:
        return []
    ink_boxes = bool(getattr(page, "ocr", False))
    lines = [_phrases(line, s) for line in _lines(words, s, ink_boxes)]
    out = []
    for block in _blocks(lines, s, ink_boxes):
        stops = _boundaries(block, s, ink_boxes)
        above, core = _headings_above(lines, block, stops, s), block
        block = above + core + _wrapped_below(lines, core, stops, s)
        cuts = _cell_starts(block, stops, s)
        if cuts:
            stops = sorted(stops + cuts)
            block = [_split_at(line, cuts) for line in block]
        grid = _grid(block, stops, page.number)
        headed = _headed_single_row(core, s)
        short = sum(1 for line in block if len(line) >= 2) < s.min_rows and not headed
        rows = grid[len(above):len(above) + len(core)]  # the lines added above and below leave the judgement as it was
        if not _headed_field_list(core, s) and not _is_table(
                _by_band(block[len(above):len(above) + len(core)], rows, s), s, len(core),
                s.min_part_rows if short or headed else None):
            continue
        header, body = split_header(grid)
        n_header = _header_lines(block, grid, len(header), s)
        if n_header >= 2:
            # a header of several lines: one row per line, each group heading over the columns it is centred on
            header = _header_rows(block[:n_header], stops, page.number)
            body = without_column_numbering(grid[n_header:])
        ws = [w for line in block for p in line for w in p]
        bbox = [round(min(w.x0 for w in ws), 1), round(min(w.top for w in ws), 1),
                round(max(w.x1 for w in ws), 1), round(max(w.bottom for w in ws), 1)]
        out.append(RawTable(index=0, pages=[page.number], label=None, caption=None, header=header, body=body,
                            method=PART_METHOD if short else "whitespace", bbox=bbox))
    return out
