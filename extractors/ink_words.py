"""OCR words that stand for no text of a column, and so mark no column's place on the page.

In:  one word OCR read (PDF points, top-left origin; its box drawn round its ink).
Out: whether it may say where a column's text lies (`covers_column`).

A scan's white holds marks OCR reads as words: specks read as quotes or a dash (`is_speck`), and runs of small
marks or figures read as one word whose box spans all of them (`is_smear`): a column-number row ("1 2 3 4 5 6")
set in small print under a header is read "3" over two columns' width, or "GT" across the white between two
columns. Either would join the columns it bridges. Such a word is still placed in a column by its middle; it only
says nothing about where the columns' edges are.
"""
from __future__ import annotations

from extractors.page_source import Word

# A letter or figure is at most about as wide as its ink is tall ("W", "M" at 1.0-1.3; "0" at 0.7; "1" at 0.3).
# A word whose box gives each of its characters more than twice its height has marks inside it it did not read.
MAX_WIDTH_PER_CHARACTER = 2.0


def is_speck(text: str) -> bool:
    """An OCR word with neither a letter nor a digit ("'”", "—", "."): what specks on the paper are read as
    (a dash standing for an empty value is one too, and still placed in its column by its middle)."""
    return not any(ch.isalnum() for ch in text)


def is_smear(w: Word) -> bool:
    """A word whose box is wider than `MAX_WIDTH_PER_CHARACTER` times its height for each character it holds."""
    height = w.bottom - w.top
    return height > 0 and w.x1 - w.x0 > MAX_WIDTH_PER_CHARACTER * height * max(1, len(w.text))


def covers_column(w: Word) -> bool:
    """Whether an OCR word may mark where a column's text lies: neither a speck nor a smear."""
    return not is_speck(w.text) and not is_smear(w)
