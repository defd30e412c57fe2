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
from extractors.grid import split_header
from extractors.page_source import PageText, Word
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


SETTINGS = WhitespaceSettings()


def _lines(words: list[Word], s: WhitespaceSettings) -> list[list[Word]]:
    """In: words. Out: text lines, top to bottom, each sorted left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - w.top) <= s.line_tolerance:
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


def _blocks(lines: list[list[list[Word]]], s: WhitespaceSettings) -> list[list[list[list[Word]]]]:
    """In: lines as lists of phrases. Out: runs of lines that may form a table: several-phrase lines
    close together, with at most `max_single_run` one-phrase lines between them. A table's caption ("Tabel
    3.25 …") ends the run above it: what stands over a caption is not the table (OCR breaks a justified
    paragraph into phrases, which would otherwise join it)."""
    blocks: list[list[list[list[Word]]]] = []
    current: list[list[list[Word]]] = []
    singles: list[list[list[Word]]] = []
    last_bottom = None
    for line in lines:
        top = min(w.top for p in line for w in p)
        size = statistics.median(w.size for p in line for w in p) or 8.0
        if current and last_bottom is not None and top - last_bottom > s.line_gap_em * size:
            blocks.append(current)
            current, singles = [], []
        if len(line) == 1 and parse_label(" ".join(w.text for w in line[0])) is not None:
            if current:
                blocks.append(current)
            current, singles, last_bottom = [], [], max(w.bottom for w in line[0])
            continue
        last_bottom = max(w.bottom for p in line for w in p)
        if len(line) >= 2:
            current.extend(singles)
            singles = []
            current.append(line)
        elif current:
            singles.append(line)
            if len(singles) > s.max_single_run:
                blocks.append(current)
                current, singles = [], []
    if current:
        blocks.append(current)
    return [b for b in blocks if sum(1 for line in b if len(line) >= 2) >= s.min_rows]


def _boundaries(block: list[list[list[Word]]], s: WhitespaceSettings) -> list[float]:
    """In: a block. Out: column boundaries (x), from the white bands that run through the lines
    holding the block's most common number of phrases or more (headers that span are not typical)."""
    counts = [len(line) for line in block if len(line) >= 2]
    typical = statistics.median_low(counts)
    spans = sorted((p[0].x0, p[-1].x1) for line in block if len(line) >= typical for p in line)
    x0 = min(w.x0 for line in block for p in line for w in p)
    x1 = max(w.x1 for line in block for p in line for w in p)
    stops, reach = [x0], spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= s.min_gap:
            stops.append((a + reach) / 2)
        reach = max(reach, b)
    return stops + [x1]


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


def _is_table(grid: list[list[Cell]], s: WhitespaceSettings) -> bool:
    """In: a block's grid. Out: whether it reads as a table rather than prose or a form."""
    n = len(grid[0]) if grid else 0
    if n == 2 and s.min_columns > 2:
        return _is_figure_list(grid, s)
    if n < s.min_columns or len(grid) < s.min_rows:
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
    lines = [_phrases(line, s) for line in _lines(words, s)]
    out = []
    for block in _blocks(lines, s):
        stops = _boundaries(block, s)
        grid = _grid(block, stops, page.number)
        if not _is_table(grid, s):
            continue
        header, body = split_header(grid)
        ws = [w for line in block for p in line for w in p]
        bbox = [round(min(w.x0 for w in ws), 1), round(min(w.top for w in ws), 1),
                round(max(w.x1 for w in ws), 1), round(max(w.bottom for w in ws), 1)]
        out.append(RawTable(index=0, pages=[page.number], label=None, caption=None, header=header, body=body,
                            method="whitespace", bbox=bbox))
    return out
