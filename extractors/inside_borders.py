"""A grid ruled inside only (Word's "inside borders"): rules between its rows and between its columns,
no frame round it.

In:  the column rules of a grid that end at one height with no rule across them there (their x), and
     the rules across them between their ends (pdfplumber's horizontal edges).
Out: `outer_sides(xs, across)`: the grid's left and right sides, where its rules across end, when those
     rules reach past its outermost column rules (the first and last columns lie outside them); None
     when they end at the outermost column rules (a frame: left open at a page break, or no table).

Why: a frame left open at a page break has rules across that end at its sides; a grid ruled inside
only has rules across that run on past the outermost column rules to the edges of the first and last
columns. Its top and bottom are then no open frame (no page break: its header is a header), and its
sides are where the rules across end.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True)
class InsideBorderSettings:
    # A rule across ending further than this (points) past the outermost column rule runs on to a side
    # of its own: pdfplumber's finder joins a rule within 3 pt of a crossing rule to it (its tolerance).
    reach_past: float = 3.0
    # Rules across at heights within this (points) are one row rule drawn in pieces (a merged cell
    # interrupts it).
    same_height: float = 2.0


SETTINGS = InsideBorderSettings()


def _row_rule_ends(across: list[dict], xs: list[float], settings: InsideBorderSettings) -> list[tuple[float, float]]:
    """(left end, right end) of each row rule crossing the column rules: the pieces at one height
    that follow on from each other (gaps up to `reach_past`: a cell side each, or a rule broken where
    the finder would join it) taken together, the run over the column rules."""
    heights: list[list[dict]] = []
    for e in sorted(across, key=lambda e: e["top"]):
        if heights and e["top"] - heights[-1][0]["top"] <= settings.same_height:
            heights[-1].append(e)
        else:
            heights.append([e])
    ends = []
    for pieces in heights:
        runs: list[list[float]] = []
        for e in sorted(pieces, key=lambda e: e["x0"]):
            if runs and e["x0"] <= runs[-1][1] + settings.reach_past:
                runs[-1][1] = max(runs[-1][1], e["x1"])
            else:
                runs.append([e["x0"], e["x1"]])
        over = [r for r in runs if r[0] < xs[-1] and r[1] > xs[0]]
        if over:
            ends.append((min(r[0] for r in over), max(r[1] for r in over)))
    return ends


def _drawn(x: float, top: float, bottom: float, columns: list[tuple[float, float, float]],
           settings: InsideBorderSettings) -> bool:
    """Whether a column rule stands at x beside the grid's height (a frame's side)."""
    return any(abs(cx - x) <= settings.reach_past and ct < bottom and cb > top for cx, ct, cb in columns)


def outer_sides(xs: list[float], across: list[dict], columns: list[tuple[float, float, float]],
                height: tuple[float, float], settings: InsideBorderSettings = SETTINGS) -> tuple[float, float] | None:
    """The grid's (left, right) sides: on each side the row rules' usual end (their median) when it lies
    more than `reach_past` beyond the outermost column rule and no column rule stands there (a frame's
    side: the grid is framed, its column rules inside start below a header row), else that column rule.
    None when the row rules reach past neither side so. `xs`: the column rules' x, sorted; `across`: the
    row rules between the column rules' ends that cross them; `columns`: the page's column rules
    (x, top, bottom); `height`: the grid's top and bottom."""
    ends = _row_rule_ends(across, xs, settings)
    if not ends:
        return None
    left, right = median(a for a, _ in ends), median(b for _, b in ends)
    top, bottom = height
    past_left = left < xs[0] - settings.reach_past and not _drawn(left, top, bottom, columns, settings)
    past_right = right > xs[-1] + settings.reach_past and not _drawn(right, top, bottom, columns, settings)
    if not (past_left or past_right):
        return None
    return (left if past_left else xs[0]), (right if past_right else xs[-1])
