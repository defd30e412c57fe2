"""Page-level text sources, swappable: the PDF's text layer now, OCR of the page image later.

In:  one page of a PDF.
Out: a `PageText`: the page size, its words and text lines with positions (PDF points, top-left
     origin), and its ruled horizontal segments. Table parsers only use this interface (and, for
     ruled tables, the pdfplumber page when there is one).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class Segment:
    x0: float
    x1: float
    y: float


class PageText:
    number: int
    width: float
    height: float
    words: list[Word]
    lines: list[Line]
    horizontal_segments: list[Segment]
    plumber = None  # the pdfplumber page, when the page comes from a text layer

    @property
    def n_chars(self) -> int:
        return sum(len(w.text) for w in self.words)


class TextLayerPage(PageText):
    """A page read from the PDF's own text layer with pdfplumber."""

    def __init__(self, plumber_page, number: int):
        self.plumber = plumber_page
        self.number = number
        self.width = float(plumber_page.width)
        self.height = float(plumber_page.height)
        raw_words = plumber_page.extract_words(keep_blank_chars=False, use_text_flow=False,
                                               extra_attrs=["size", "fontname"])
        self.words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], round(w["size"], 1),
                           "bold" in w["fontname"].lower()) for w in raw_words]
        self.lines = [Line(l["text"], l["x0"], l["x1"], l["top"], l["bottom"],
                           round(l["chars"][0]["size"], 1) if l.get("chars") else 0.0)
                      for l in plumber_page.extract_text_lines(return_chars=True)]
        segments = []
        for obj in plumber_page.lines + plumber_page.rects:
            if abs(obj["top"] - obj["bottom"]) <= 2 and obj["x1"] - obj["x0"] > 3:
                segments.append(Segment(obj["x0"], obj["x1"], (obj["top"] + obj["bottom"]) / 2))
        self.horizontal_segments = segments
