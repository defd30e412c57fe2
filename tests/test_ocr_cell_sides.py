"""Rules of a scanned table: a header row's column rules, one row tall (shorter than a rule's minimum length),
over a full-width group row that no column rule crosses, are rules where they run from one horizontal rule to
the next; a letter's stem of the same height between them is not (extractors/ocr.py find_rules)."""
from __future__ import annotations

import numpy as np

from extractors.ocr import find_rules

PX_PER_PT = 300 / 72  # a 300-dpi scan


def _ink() -> np.ndarray:
    ink = np.zeros((400, 1200), np.uint8)
    for y in (40, 100, 160, 360):  # the table's top, the header's foot, the group row's foot, the table's foot
        ink[y:y + 3, 40:1160] = 255
    for x in (40, 1157):  # the frame's sides run the whole height
        ink[40:363, x:x + 3] = 255
    for x in (400, 700, 900):  # column rules: in the header row, then in the body under the group row
        ink[40:103, x:x + 3] = 255
        ink[160:363, x:x + 3] = 255
    ink[120:175, 1000:1003] = 0
    ink[115:150, 1000:1003] = 255  # a stem inside the group row, touching no rule
    return ink


def test_header_row_column_rules_over_a_group_row_are_rules():
    _, _, vertical = find_rules(_ink(), PX_PER_PT)
    header_sides = sorted(x for top, bottom, x in vertical if bottom < 110)
    assert len(header_sides) == 3 and all(abs(x - drawn) <= 2 for x, drawn in zip(header_sides, (401, 701, 901)))
    assert not any(990 <= x <= 1010 for _, _, x in vertical)  # the stem touching no rule stays out
