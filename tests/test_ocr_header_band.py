"""A scanned table's header band printed white on a dark fill shows no column rules once turned black on white for
OCR: its headings, standing apart over their columns, are split into one cell per column; a group row's phrase
running over the columns stays one cell (extractors/ocr_lattice.py split_runs_by_words). Words placed by hand."""
from __future__ import annotations

from extractors.ocr_lattice import split_runs_by_words
from extractors.page_source import Word

XS = [0.0, 50.0, 200.0, 260.0, 320.0]  # No | Indikator | Target | Realisasi
YS = [0.0, 20.0, 40.0]


def _word(text: str, x0: float, x1: float, top: float) -> Word:
    return Word(text, x0, x1, top, top + 8, 8.0, False)


def test_headings_standing_apart_over_their_columns_are_cells_of_their_own():
    owner = [[(0, 0)] * 4, [(1, 0)] * 4]
    words = [_word("No", 10, 25, 5), _word("Indikator", 80, 130, 5), _word("Target", 210, 245, 5),
             _word("Realisasi", 270, 310, 5),
             _word("Sasaran 1: Meningkatnya", 10, 150, 25), _word("kualitas layanan publik", 152, 290, 25)]
    split_runs_by_words(owner, words, YS, XS, [0, 1])
    assert owner[0] == [(0, 0), (0, 1), (0, 2), (0, 3)]
    assert owner[1] == [(1, 0)] * 4  # the group row's phrase crosses every column line: one cell
