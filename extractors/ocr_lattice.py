"""Ruled tables on OCR pages: cell borders detected in the image, text from the OCR words.

In:  an `OcrPage` (words with confidences, horizontal and vertical rule segments, PDF points).
Out: `RawTable`s (method "ocr_lattice") shaped like the text-layer ruled reader's: merged cells
     leave the cells they cover as None (text in the top-left cell), header rows split from the
     body, each cell with its OCR confidence (the lowest of its words).

The rules are grouped into tables (rules that touch, transitively); inside a table the distinct
rule positions give a grid, and a grid line is a cell border between two cells where a rule runs
along most of that edge.
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.grid import split_header
from extractors.page_source import Word
from pipeline.models import Cell, RawTable


@dataclass(frozen=True)
class OcrLatticeSettings:
    snap_pt: float = 4.0  # rules closer than this are one grid line (a scanned rule is 1-3 pt thick, skewed)
    touch_pt: float = 5.0  # a rule ending this close to another one meets it (scans break corners)
    edge_cover: float = 0.6  # a border exists where a rule runs along this share of a cell edge
    min_rows: int = 2  # fewer body + header rows is a box round a paragraph, not a table
    min_cols: int = 2
    min_filled: int = 3  # a table has at least this many cells with text
    line_overlap: float = 0.5  # words of a cell on one line overlap by this share of the lower one's height


SETTINGS = OcrLatticeSettings()


def _groups(horizontal, vertical, settings: OcrLatticeSettings) -> list[tuple[list, list]]:
    """Rules that touch one another (transitively), each group as (horizontal, vertical) rules."""
    rules = [("h", r) for r in horizontal] + [("v", r) for r in vertical]
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    t = settings.touch_pt
    hs = [i for i, (k, _) in enumerate(rules) if k == "h"]
    vs = [i for i, (k, _) in enumerate(rules) if k == "v"]
    for i in hs:
        x0, x1, y = rules[i][1]
        for j in vs:
            top, bottom, x = rules[j][1]
            if x0 - t <= x <= x1 + t and top - t <= y <= bottom + t:
                parent[find(i)] = find(j)
    out: dict[int, tuple[list, list]] = {}
    for i, (kind, r) in enumerate(rules):
        group = out.setdefault(find(i), ([], []))
        group[0 if kind == "h" else 1].append(r)
    return [g for g in out.values() if g[0] and g[1]]


def _snap(values: list[float], tolerance: float) -> list[float]:
    """Distinct positions: values closer than `tolerance` are one (their mean)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tolerance:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _covered(segments: list[tuple[float, float, float]], at: float, start: float, end: float,
             settings: OcrLatticeSettings) -> bool:
    """A rule at position `at` (within snap) runs along at least `edge_cover` of [start, end]."""
    length = 0.0
    for a, b, pos in segments:
        if abs(pos - at) <= settings.snap_pt:
            length += max(0.0, min(b, end) - max(a, start))
    return length >= settings.edge_cover * (end - start)


def _cell_text(words: list[Word], settings: OcrLatticeSettings) -> str:
    """Words of one cell as lines (top to bottom), words in a line left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        if lines:
            # against the line's middle word, not its growing extent (that would swallow the next line)
            middle = sorted(lines[-1], key=lambda v: v.bottom - v.top)[len(lines[-1]) // 2]
            top, bottom = middle.top, middle.bottom
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap >= settings.line_overlap * min(bottom - top, w.bottom - w.top):
                lines[-1].append(w)
                continue
        lines.append([w])
    return "\n".join(" ".join(w.text for w in sorted(line, key=lambda w: w.x0)) for line in lines)


def _owners(horizontal, vertical, settings: OcrLatticeSettings):
    """The grid of one group of rules: (row lines ys, column lines xs, owner) where owner[i][j] is
    the top-left grid cell of the merged cell that covers (i, j); None when it is no table."""
    ys = _snap([y for _, _, y in horizontal], settings.snap_pt)
    xs = _snap([x for _, _, x in vertical], settings.snap_pt)
    if len(ys) - 1 < settings.min_rows or len(xs) - 1 < settings.min_cols:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    owner = [[(i, j) for j in range(n_cols)] for i in range(n_rows)]
    for i in range(n_rows):
        for j in range(n_cols):
            if j and not _covered(vertical, xs[j], ys[i], ys[i + 1], settings):
                owner[i][j] = owner[i][j - 1]
            elif i and not _covered(horizontal, ys[i], xs[j], xs[j + 1], settings):
                owner[i][j] = owner[i - 1][j]
    return ys, xs, owner


def cell_boxes(horizontal, vertical, settings: OcrLatticeSettings = SETTINGS) -> list[tuple[float, float, float, float]]:
    """In: rule segments (horizontal (x0, x1, y), vertical (top, bottom, x), PDF points). Out: the
    box (x0, top, x1, bottom) of every cell, merged cells as one, of every ruled table."""
    out = []
    for hs, vs in _groups(horizontal, vertical, settings):
        grid = _owners(hs, vs, settings)
        if grid is None:
            continue
        ys, xs, owner = grid
        ends: dict[tuple[int, int], tuple[int, int]] = {}
        for i, row in enumerate(owner):
            for j, o in enumerate(row):
                last = ends.get(o, (i, j))
                ends[o] = (max(last[0], i), max(last[1], j))
        out += [(xs[j0], ys[i0], xs[j1 + 1], ys[i1 + 1]) for (i0, j0), (i1, j1) in ends.items()]
    return out


def _grid(page, horizontal, vertical, settings: OcrLatticeSettings):
    """The table of one group of rules: (rows of Cells, bbox) or None when it is no table."""
    grid = _owners(horizontal, vertical, settings)
    if grid is None:
        return None
    ys, xs, owner = grid
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    inside = [(w, c) for w, c in zip(page.words, page.confidences)
              if bbox[0] <= (w.x0 + w.x1) / 2 <= bbox[2] and bbox[1] <= (w.top + w.bottom) / 2 <= bbox[3]]
    unruled = [i for i in range(n_rows)
               if not any(_covered(vertical, xs[j], ys[i], ys[i + 1], settings) for j in range(1, n_cols))]
    split_runs_by_words(owner, [w for w, _ in inside], ys, xs, unruled)
    placed: dict[tuple[int, int], list[tuple[Word, float]]] = {}
    for w, c in inside:
        i = _index((w.top + w.bottom) / 2, ys)
        j = _index((w.x0 + w.x1) / 2, xs)
        placed.setdefault(owner[i][j], []).append((w, c))
    rows = []
    for i in range(n_rows):
        cells = []
        for j in range(n_cols):
            if owner[i][j] != (i, j):
                cells.append(Cell(None, page.number))
                continue
            found = placed.get((i, j), [])
            words = [w for w, _ in found]
            text = _cell_text(words, settings)
            indent = round(min(w.x0 for w in words) - xs[j], 1) if words else None
            cells.append(Cell(text, page.number, None, indent,
                              ocr_confidence=min(c for _, c in found) if found else None))
        rows.append(cells)
    return rows, bbox


def split_runs_by_words(owner: list[list[tuple[int, int]]], words: list[Word], ys: list[float], xs: list[float],
                        unruled: list[int]) -> None:
    """In a row with no column rule at all (`unruled`), a run of merged cells whose words stand apart in two or more
    columns, no word crossing the column lines between them, is cells of their own, one per column (a word that
    crosses a line keeps its cells together): a header band printed white on a dark fill, turned black on white for
    OCR, shows no column rules, but its headings stand over their columns. A group row's words run on from its first
    column as one phrase and stay one cell; a row that has column rules keeps the spans they draw (a heading over
    several years, its words apart). Changes `owner` in place."""
    for i in unruled:
        row = owner[i]
        in_row = [w for w in words if ys[i] <= (w.top + w.bottom) / 2 < ys[i + 1]]
        j = 0
        while j < len(row):
            k = j
            while k + 1 < len(row) and row[k + 1] == row[j]:
                k += 1
            if k > j:
                _split_run(row, i, j, k, [w for w in in_row if xs[j] <= (w.x0 + w.x1) / 2 < xs[k + 1]], xs)
            j = k + 1


def _split_run(row: list[tuple[int, int]], i: int, j: int, k: int, words: list[Word], xs: list[float]) -> None:
    """Split the run of columns j..k of row i at every column line no word crosses, when that leaves words in two
    pieces or more."""
    cuts = [m for m in range(j + 1, k + 1) if not any(w.x0 < xs[m] < w.x1 for w in words)]
    bounds = [j, *cuts, k + 1]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:])]
    filled = sum(1 for a, b in pieces if any(xs[a] <= (w.x0 + w.x1) / 2 < xs[b] for w in words))
    if filled < 2:
        return
    for a, b in pieces:
        for m in range(a, b):
            row[m] = (i, a)


def _index(value: float, stops: list[float]) -> int:
    """The band of `stops` (between two consecutive ones) that holds value, clamped to the ends."""
    for k in range(len(stops) - 1):
        if value < stops[k + 1]:
            return k
    return len(stops) - 2


def read_ocr_ruled_tables(page, settings: OcrLatticeSettings = SETTINGS) -> list[RawTable]:
    """In: an `OcrPage`. Out: its ruled tables, top to bottom."""
    vertical = getattr(page, "vertical_segments", None)
    if not vertical:
        return []
    horizontal = [(s.x0, s.x1, s.y) for s in page.horizontal_segments]
    out = []
    for hs, vs in _groups(horizontal, vertical, settings):
        made = _grid(page, hs, vs, settings)
        if made is None:
            continue
        rows, bbox = made
        if sum(1 for r in rows for c in r if c.text) < settings.min_filled:
            continue
        header, body = split_header(rows)
        out.append(RawTable(index=0, pages=[page.number], label=None, caption=None, header=header, body=body,
                            method="ocr_lattice", bbox=[round(v, 1) for v in bbox]))
    out.sort(key=lambda t: t.bbox[1] if t.bbox else 0.0)
    return out
