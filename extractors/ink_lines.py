"""Which text line a word joins, where the words' boxes hug their ink (OCR) rather than span the font's height.

In:  a word and the words of the line being gathered (PDF points, top-left origin), words sorted by their tops.
Out: whether the word belongs to that line.

A text layer gives every word of a line the font's box, so their tops agree within a point or two. OCR draws each
box round the word's ink: a word with no capital and no ascender ("yang", "ran", "-") starts lower than the rest of
its line by a third of the font size, more than that tolerance, and would stand alone on a line of its own: a
sentence split in two phrases (a caption or a line of prose read as a table's row), a word moved after the next
line of its cell ("melaksanakan musyawarah yang"), a value set off its row. Such a word starts below the line's top
and ends where a word of the line ends (on their baseline, or their descenders' line), or has its middle where the
line's words have theirs (figures beside a bold label whose box OCR drew taller): it joins it. A word of the next
line of a heading, beside a box OCR drew over two lines ("Capaian / 2023" as one word), ends lower than any word of
the line and stands off the line's middle: it stays apart.
"""
from __future__ import annotations

import statistics

from extractors.page_source import Word

# A word's box this many times as tall as another's covers two lines (two lines and the space between them).
TWO_LINES = 2.0


def joins_line(w: Word, line: list[Word], tolerance: float, ink_boxes: bool) -> bool:
    """The word's top is within `tolerance` of the line's first word's top; or, for OCR words (`ink_boxes`), it
    starts below the line's top and its bottom is within `tolerance` of a word's of the line, or its middle within
    `tolerance` of the median of the middles of the line's words that are no box over two lines (`TWO_LINES`)."""
    if abs(line[0].top - w.top) <= tolerance:
        return True
    if not ink_boxes or w.top < min(v.top for v in line) - tolerance:
        return False
    if any(abs(w.bottom - v.bottom) <= tolerance for v in line):
        return True
    # a box at least TWO_LINES times the word's height was drawn over two lines: its middle is no line's
    single = [v for v in line if v.bottom - v.top < TWO_LINES * (w.bottom - w.top)]
    return bool(single) and abs((w.top + w.bottom) / 2 - statistics.median((v.top + v.bottom) / 2 for v in single)) \
        <= tolerance
