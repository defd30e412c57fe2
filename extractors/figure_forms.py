"""Whether the figures OCR read from a table keep the form a number is printed in: the test a table read from a
picture in small print must pass to be kept.

In:  the texts of a table's number cells (as `picture_tables` finds them), or of all its cells.
Out: how many of its figures OCR may have misread, as their form shows (`unsure_figures`); how many of its text
     cells hold an amount beside their words, a column OCR did not part (`figures_among_words`).

A report prints its figures one way: Indonesian ("1.250.000", "96,33", "2.774.931,0") or English, as an Excel sheet
may ("1,250,000", "96.33"); with a sign, brackets or a percent sign around them. OCR of small print breaks the
form: a space read inside a figure ("42. 180.0"), a separator lost or doubled ("629,040,0", "2.947,435.000"), a
group of the wrong length ("2.774, 9330"); or it reads a dot as a comma and leaves a well-formed figure of the
other convention ("339,000" among "2.774.931,0"). A figure out of form, and each figure of the convention fewer
figures of the table follow, is unsure.
"""
from __future__ import annotations

import re

# The forms of a figure, without the sign, brackets and percent sign around it (`_core`), by convention.
# A count, a year, a capaian without decimals, or an amount a spreadsheet prints without grouping ("1250000000");
# a leading zero is no figure's ("071.507.545" is a misread).
NEUTRAL = re.compile(r"0|[1-9]\d*")
INDONESIAN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+")  # thousands by dots, decimals after a comma
ENGLISH = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{1,2}")  # thousands by commas, decimals after a dot
AROUND = re.compile(r"^[(<>≤≥±+−-]?\s*(.*?)\s*%?\s*\)?$")
# An amount grouped in thousands ("2.947.435.000", "1,250,000") and a word: letters of two or more.
GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{3})+(?![\d])")
WORD = re.compile(r"[A-Za-z]{2,}")


def _core(text: str) -> str:
    m = AROUND.match(text.strip())
    return m.group(1) if m else text.strip()


def figures_of(cells: list[str]) -> list[str]:
    """The figures of number cells: a cell's lines each (a column numbering stacked in one header cell)."""
    return [line.strip() for cell in cells for line in cell.splitlines() if line.strip()]


def unsure_figures(figures: list[str]) -> int:
    """How many figures are out of every form, plus those of the minority convention."""
    cores = [_core(f) for f in figures]
    indonesian = sum(1 for c in cores if INDONESIAN.fullmatch(c))
    english = sum(1 for c in cores if ENGLISH.fullmatch(c))
    malformed = sum(1 for c in cores if not (NEUTRAL.fullmatch(c) or INDONESIAN.fullmatch(c) or ENGLISH.fullmatch(c)))
    return malformed + min(indonesian, english)


def figures_among_words(cells: list[str]) -> int:
    """How many cells hold words and an amount grouped in thousands: a table whose column rule was not seen (small
    print, a light grid) reads a name and the amount beside it as one cell ("PROGRAM PENDAFTARAN 3.149.663.000"),
    its amount column left empty."""
    return sum(1 for cell in cells if WORD.search(cell) and GROUPED.search(cell))
