"""A figure the page's OCR read as a short word, told by the column of figures its cell stands in.

In:  a scanned page's words (text and box, in pixels), the cells of its ruled tables (boxes, pixels), and for
     some words a second reading as a bare number (`extractors.ocr.reread_number`) that the word's own text did
     not let replace it (a short word "M", "Ri" may be a unit or a grade: only a "%" replaces it there).
Out: `figures_in_figure_columns`: the words (by index) whose number reading replaces them, because their cell
     stands in a column of figures: the other cells of the same column (cells spanning the same horizontal
     range) hold numbers, and at most a header's few words. Only a word without vowels that fills its cell
     alone is one: a header's "No" or "TA", the "Rp" before an amount, stay words.

Tables print a column's figures right-aligned in cells of one width; Tesseract's page reading sometimes takes
two digits close together for one letter ("91" read as "M", "11" as "N") where it reads the same figures fine
in other columns. The whitelist reading of that box reads the digits surely. A unit column ("%", "indeks",
"ha") holds no numbers, so its short words keep their letters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_RE = re.compile(r"[(\-]?\d[\d.,]*%?\)?")
VOWEL_RE = re.compile(r"[aeiouAEIOU]")


@dataclass(frozen=True)
class FigureColumnSettings:
    # Cells are one column when their left and right edges lie this close (pixels at 300 dpi: a rule's width
    # and its blur, about 1 pt): cells of one ruled column share both rules.
    edge_tolerance_px: int = 6
    min_figures: int = 2  # the column's other cells hold at least this many numbers
    # and at least this many numbers for each word that is no number (a header cell "Target TA 2021" holds two)
    figures_per_word: float = 2.0
    sure: float = 85.0  # the number reading is at least this sure (a unit's letters read as digits are less)


FIGURE_COLUMNS = FigureColumnSettings()
Box = tuple[int, int, int, int]


def _cell_of(box: Box, cells: list[Box]) -> int | None:
    x = (box[0] + box[2]) / 2
    y = (box[1] + box[3]) / 2
    for k, (x0, top, x1, bottom) in enumerate(cells):
        if x0 <= x <= x1 and top <= y <= bottom:
            return k
    return None


def figures_in_figure_columns(words: list[tuple[str, Box]], readings: dict[int, tuple[str, float]],
                              cells: list[Box], settings: FigureColumnSettings = FIGURE_COLUMNS) -> dict[int, str]:
    """The words (index -> number text) whose bare-number second reading is sure and whose cell stands in a
    column of figures (see the module's docstring)."""
    if not readings or not cells:
        return {}
    cell_of = {k: _cell_of(box, cells) for k, (_, box) in enumerate(words)}
    sure = {k for k, (number, confidence) in readings.items()
            if confidence >= settings.sure and NUMBER_RE.fullmatch(number)}  # figures read as words count as figures
    out: dict[int, str] = {}
    for k, (number, confidence) in readings.items():
        if k not in sure:
            continue
        own = cell_of.get(k)
        if own is None or VOWEL_RE.search(words[k][0]) or not words[k][0].isalpha():
            continue  # a header's word ("No", "TA") has vowels; digits read as letters ("M", "N", "H") have none
        if sum(cell == own for cell in cell_of.values()) > 1:
            continue  # a figure fills its cell alone: "Rp" before an amount is a word of it
        x0, _, x1, _ = cells[own]
        column = {c for c, (a, _, b, _) in enumerate(cells) if c != own and abs(a - x0) <= settings.edge_tolerance_px
                  and abs(b - x1) <= settings.edge_tolerance_px}
        others_in_column = [j for j in range(len(words)) if j != k and cell_of[j] in column]
        figures = sum(j in sure or bool(NUMBER_RE.fullmatch(words[j][0])) for j in others_in_column)
        others = len(others_in_column) - figures
        if figures >= settings.min_figures and figures >= settings.figures_per_word * others:
            out[k] = number
    return out
