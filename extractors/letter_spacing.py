"""Letter-spaced text: a line whose letters all stand one steady gap apart, wider than a word gap test allows.

In:  a line's characters (pdfplumber's dicts, left to right), and the gap (points) beyond which the word
     builder would start a new word.
Out: `steady_gap(chars, tolerance)`: the line's steady gap between letters when the line is letter-spaced,
     else None; `joins(gap, size, steady)`: whether two letters `gap` apart stand in one word of such text.

Why: a cell set with character spacing (a PDF's Tc, Word's "expanded" spacing: 0.28 em is 2.2 pt at 8 pt)
puts every letter further from the next than the word builder's fixed tolerance, and each letter becomes a
word ("R e a l i s a s i", "5 3 , 4 5"): no heading is recognised, no value is a number. Such a line keeps
one gap between all its letters (the spacing is added after every glyph), and its words are set apart by
a space character or by a gap wider by a space's width. A word gap is judged against that steady gap:
wider than `tolerance`, the same (within `STEADY_SLACK_EM`) between most of the line's letters, and no
more than `MAX_LETTER_GAP_EM` of the type size (wider gaps part columns, not letters). Ordinary text has
its letters touching (gaps under the tolerance), justified prose stretches its spaces, not its letters,
and columns that stand close part at a gap seen once or twice on a line, not between most of its letters.
"""
from __future__ import annotations

from itertools import pairwise
from typing import Any

Obj = dict[str, Any]

# Character spacing that readers still read as words stays under half an em (0.1-0.3 em in practice);
# two glyphs further apart than this stand in different words or columns.
MAX_LETTER_GAP_EM = 0.5
# Gaps produced by one character spacing differ by rounding only (hundredths of a point); a tenth of an
# em also takes a kerned pair, and stays under a space's width (a quarter em), which parts two words.
STEADY_SLACK_EM = 0.1
# A line shows its steady gap between four letters at least: three gaps. Fewer prove nothing: a page
# number "I - 1" set without space characters has two equal gaps, each a word gap. A shorter run ("7 0",
# "( % )") is read with a gap its page or table shows elsewhere (`steady_gap`'s `known`).
MIN_STEADY_GAPS = 3


def steady_gap(chars: list[Obj], tolerance: float, known: tuple[float, ...] = ()) -> float | None:
    """In: a line's characters, left to right; the word builder's gap tolerance (points); the steady gaps
    found on other lines of the same page or table. Out: the line's steady gap between letters, else None:
    the gap wider than `tolerance` that parts most of the line's neighbouring letters, at least
    `MIN_STEADY_GAPS` of them within `STEADY_SLACK_EM` of it; or, on a line too short to show one, a known
    gap that parts every pair of its neighbouring letters (a line of ordinary words whose word gaps match a
    known gap has its letters touching: it keeps its words)."""
    gaps: list[float] = []
    wide: list[tuple[float, float]] = []  # (gap, size) of the gaps wider than the tolerance
    for a, b in pairwise(chars):
        if a["text"].isspace() or b["text"].isspace():
            continue
        gap = b["x0"] - a["x1"]
        gaps.append(gap)
        if tolerance < gap <= MAX_LETTER_GAP_EM * a["size"]:
            wide.append((gap, a["size"]))
    if not wide or 2 * len(wide) <= len(gaps):
        return None
    middle, size = sorted(wide)[len(wide) // 2]
    steady = sum(1 for g, _ in wide if abs(g - middle) <= STEADY_SLACK_EM * size)
    if steady >= MIN_STEADY_GAPS and 2 * steady > len(gaps):
        return middle
    if len(wide) == len(gaps):
        for g in known:
            if all(joins(gap, size, g) for gap, size in wide):
                return g
    return None


def joins(gap: float, size: float, steady: float) -> bool:
    """Two letters `gap` apart (type of `size` points) stand in one word of text letter-spaced by `steady`."""
    return gap <= MAX_LETTER_GAP_EM * size and abs(gap - steady) <= STEADY_SLACK_EM * size
