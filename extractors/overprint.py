"""Characters drawn twice at (nearly) one place: bold simulated by overprinting, a text layer duplicated.

In:  a page's characters (pdfplumber's dicts, in the order the page draws them).
Out: `distinct_glyphs(chars)`: the same list without each character that repeats another one already
     kept, the list itself when none does.

Why: some printer drivers make a bold face out of a regular one by drawing the string a second time a
fraction of a point to the right; a PDF whose text layer was copied onto itself (two layers merged) draws
every glyph twice at the same place. Both read as doubled letters ("NNoo", "6677,,0022"): no heading is
recognised, no value is a number, the cover names no agency. A character repeats another when it has the
same text, font, size and direction, its top lies within `OVERPRINT_Y_PT` of the other's and its left edge
less than `OVERPRINT_WIDTH_SHARE` of the glyph's width and `OVERPRINT_EM` of its size from the other's.
Two glyphs printed one after the other ("ll", "00") stand a whole advance apart, however small the type;
one drawn over the other to thicken it stands a fraction of a point off. Of the two, the one further left
is kept (the first drawn when both stand at one place).

pdfplumber's `dedupe_chars` tests the same with a fixed tolerance of one point: two narrow letters of 4 pt
type ("ll" in a sheet printed two pages to a side) stand less than a point apart and would be taken for one,
as would two letters of a font whose widths are wider than its glyphs are set ("ii" of 8 pt type 1.8 pt
apart).
Cost: one sort of the page's characters by height and one of each line's by position; the list is rebuilt
only when a repeat is found.
"""
from __future__ import annotations

from itertools import compress, count
from operator import add, itemgetter, lt, sub
from typing import Any

Obj = dict[str, Any]

# Two glyphs drawn to thicken a stroke share their baseline; drivers that offset the second copy
# diagonally move it a fraction of a point. Lines of text stand at least their type size apart.
OVERPRINT_Y_PT = 1.0
# The second copy of a simulated bold stands 0.2-0.5 pt to the right at 7-10 pt (a tenth to a fifth of a
# letter's width, under a tenth of an em); the next letter of a word stands its whole width on (kerning
# takes a tenth of it at most). Both bounds hold: a font whose widths overstate its glyphs (an 'i' of
# 8 pt type said to be 4 pt wide, set 1.8 pt after the one before) is set closer than half its widths,
# and a narrow letter of tiny type ('l' at 4 pt, 0.9 pt wide) closer than a tenth of an em.
OVERPRINT_WIDTH_SHARE = 0.5
OVERPRINT_EM = 0.1

_top = itemgetter("top")
_x0 = itemgetter("x0")
_x1 = itemgetter("x1")
_size = itemgetter("size")


def distinct_glyphs(chars: list[Obj]) -> list[Obj]:
    """In: a page's characters in drawing order. Out: those that repeat no character kept before them
    (`_repeats`), in the same order; `chars` itself when there is none."""
    if len(chars) < 2:
        return chars
    dropped: set[int] = set()
    for line in _overlapping_lines(chars):
        dropped.update(_repeats(line))
    if not dropped:
        return chars
    return [c for c in chars if id(c) not in dropped]


def _overlapping_lines(chars: list[Obj]) -> list[list[Obj]]:
    """The lines of the page (runs of tops that follow each other within `OVERPRINT_Y_PT`), each by left
    edge (in drawing order for equal ones), in which a glyph starts within the reach of the one before it
    (`OVERPRINT_WIDTH_SHARE` of its width, `OVERPRINT_EM` of its size): a repeat is such a glyph, or lies
    beyond one (the character next to another starts no later than any other after it). Written with `map` over the page's lists: a page has thousands of
    characters, and few lines hold two glyphs that overlap."""
    by_top = sorted(chars, key=_top)
    tops = list(map(_top, by_top))
    starts = [0, *compress(count(1), map(OVERPRINT_Y_PT.__lt__, map(sub, tops[1:], tops))), len(by_top)]
    ordered: list[Obj] = []
    for a, b in zip(starts, starts[1:]):
        ordered += sorted(by_top[a:b], key=_x0)
    xs = list(map(_x0, ordered))
    reach = map(add, xs, map(min, map(OVERPRINT_WIDTH_SHARE.__mul__, map(sub, map(_x1, ordered), xs)),
                             map(OVERPRINT_EM.__mul__, map(_size, ordered))))
    overlaps = set(compress(count(1), map(lt, xs[1:], reach))).difference(starts)
    if not overlaps:
        return []
    lines = []
    for a, b in zip(starts, starts[1:]):
        if any(a < k < b for k in overlaps):
            lines.append(ordered[a:b])
    return lines


def _repeats(ordered: list[Obj]) -> list[int]:
    """The ids of a line's characters (by left edge; in drawing order for equal ones) that repeat one kept
    before them."""
    out: list[int] = []
    gone: set[int] = set()
    for k, c in enumerate(ordered):
        if k in gone:
            continue
        reach = c["x0"] + min(OVERPRINT_WIDTH_SHARE * (c["x1"] - c["x0"]), OVERPRINT_EM * c["size"])
        for j in range(k + 1, len(ordered)):
            d = ordered[j]
            if d["x0"] >= reach:
                break
            if j not in gone and _same_glyph(c, d):
                gone.add(j)
                out.append(id(d))
    return out


def _same_glyph(a: Obj, b: Obj) -> bool:
    return (a["text"] == b["text"] and a["fontname"] == b["fontname"] and a["size"] == b["size"]
            and a["upright"] == b["upright"] and abs(a["top"] - b["top"]) <= OVERPRINT_Y_PT)
