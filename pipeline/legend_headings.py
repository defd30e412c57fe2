"""Column headings abbreviated to a letter or two, spelled out by the legend printed with the table.

A narrow table heads its value columns "T | R | C" (or "T | R | %") and says under it (or above it) what the
letters mean: "Keterangan: T = Target; R = Realisasi; C = Capaian (%)". The legend decides what the columns
are: each heading it defines is read as the letters and their meaning ("T = Target"), so the column's role is
read from the meaning and the printed letters stay in the heading.

In:  a table, with the text right above (`context_before`) and under it (`context_after`).
Out: the same table, its header cells that the legend defines spelled out; unchanged when no legend defines any.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import text_of
from pipeline.models import RawTable

# One entry of a legend: an abbreviation of one to four letters (or a sign: "%"), "=" or ":", its meaning up
# to the next entry's separator (";", ",", a line's end) or the next abbreviation ("T = Target R = Realisasi").
# A dash stands for the "=" as well ("T - Target"; OCR reads a small "=" as one).
LEGEND_ENTRY = re.compile(r"(?<![\w%])(?P<short>[A-Za-z]{1,4}\.?|%)\s*[=:\-–]\s*(?P<meaning>[A-Za-z][A-Za-z ()%/.]{2,40}?)"
                          r"(?=\s*[;,:\n]|\s+[A-Za-z]{1,4}\.?\s*[=:\-–]|\s*$)")
# The word that opens a legend: keterangan (note), ket., catatan.
LEGEND_OPENING = re.compile(r"\b(?:keterangan|ket\.|catatan)\s*:?", re.IGNORECASE)
# A heading this short is an abbreviation a legend may define.
MAX_ABBREVIATION_LETTERS = 4
# The legend's lines read: the few right under the table, then the few right above it.
LEGEND_LINES = 3


def legend(text: str) -> dict[str, str]:
    """{abbreviation (lower case, no dot): meaning} of the entries of a legend in `text`; only text after a
    legend's opening word is read (a sentence's "X = Y" is no legend)."""
    opening = LEGEND_OPENING.search(text)
    if opening is None:
        return {}
    return {m.group("short").rstrip(".").lower(): " ".join(m.group("meaning").split()).rstrip(".")
            for m in LEGEND_ENTRY.finditer(text[opening.end():])}


def _near_lines(table: RawTable) -> str:
    below = (table.context_after or "").splitlines()[:LEGEND_LINES]
    above = (table.context_before or "").splitlines()[-LEGEND_LINES:]
    return "\n".join(below + above)


def spell_out_headings(table: RawTable) -> RawTable:
    """See the module docstring."""
    meanings = legend(_near_lines(table))
    if not meanings:
        return table
    changed = False
    header = []
    for row in table.header:
        new_row = []
        for cell in row:
            short = text_of(cell).strip().rstrip(".").lower()
            if cell.text is not None and 0 < len(short) <= MAX_ABBREVIATION_LETTERS and short in meanings:
                cell = replace(cell, text=f"{text_of(cell).strip()} = {meanings[short]}")
                changed = True
            new_row.append(cell)
        header.append(new_row)
    return replace(table, header=header) if changed else table

