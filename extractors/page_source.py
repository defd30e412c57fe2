"""Page-level text sources, swappable: the PDF's text layer now, OCR of the page image later.

In:  one page of a PDF.
Out: a `PageText`: the page size, its words and text lines with positions (PDF points, top-left
     origin), and its ruled horizontal segments. Table parsers only use this interface (and, for
     ruled tables, the pdfplumber page when there is one). A page whose text runs sideways or
     upside down (a landscape table printed on a portrait page) is turned upright first
     (`upright_page`), so every parser sees horizontal text.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from pdfplumber.page import DerivedPage

from extractors.fast_objects import feed
from extractors.fast_words import extract_words, text_lines
from extractors.overprint import distinct_glyphs


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
class HeaderPhrase:
    """Words of a header line close enough to be one heading (the borderless readers' header phrases): their text,
    extent, the largest of their sizes and the column under their centre. Mutable: a group heading printed on two
    lines takes its second line's text."""
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    col: int


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


@dataclass
class Fill:
    """A box painted without a border, taller than a rule (a shaded row or cell); `colour` as the PDF sets it."""
    x0: float
    x1: float
    top: float
    bottom: float
    colour: tuple


# A painted box at most this tall (points) is a rule drawn as a box, not a shaded area.
RULE_HEIGHT_PT = 2.0


class PageText:
    number: int
    width: float
    height: float
    words: list[Word]
    lines: list[Line]
    horizontal_segments: list[Segment]
    fills: tuple[Fill, ...] = ()  # boxes painted without a border (text layer only: an OCR page has none)
    plumber = None  # the pdfplumber page, when the page comes from a text layer

    @property
    def n_chars(self) -> int:
        return sum(len(w.text) for w in self.words)


class TextLayerPage(PageText):
    """A page read from the PDF's own text layer with pdfplumber."""

    def __init__(self, plumber_page, number: int):
        feed(plumber_page)  # pdfplumber's objects of the page, built faster (`fast_objects`)
        drop_repeated_glyphs(plumber_page)
        plumber_page = upright_page(plumber_page)
        self.plumber = plumber_page
        self.number = number
        self.width = float(plumber_page.width)
        self.height = float(plumber_page.height)
        raw_words = page_words(plumber_page.chars)
        self.words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], round(w["size"], 1),
                           "bold" in w["fontname"].lower()) for w in raw_words]
        self.lines = [Line(l["text"], l["x0"], l["x1"], l["top"], l["bottom"],
                           round(l["chars"][0]["size"], 1) if l.get("chars") else 0.0)
                      for l in text_lines(plumber_page)]
        segments = []
        for obj in plumber_page.lines + plumber_page.rects:
            if abs(obj["top"] - obj["bottom"]) <= RULE_HEIGHT_PT and obj["x1"] - obj["x0"] > 3:
                segments.append(Segment(obj["x0"], obj["x1"], (obj["top"] + obj["bottom"]) / 2))
        self.horizontal_segments = segments
        self.fills = tuple(Fill(r["x0"], r["x1"], r["top"], r["bottom"], _colour(r.get("non_stroking_color")))
                           for r in plumber_page.rects
                           if r.get("fill") and not r.get("stroke") and r["bottom"] - r["top"] > RULE_HEIGHT_PT)


def drop_repeated_glyphs(plumber_page) -> None:
    """The page's characters without those drawn a second time over one already drawn (simulated bold, a
    duplicated text layer: `overprint.distinct_glyphs`), for every reader of them (words, text lines,
    ruled tables' cells, the narrative and the cover's names)."""
    objects = plumber_page._objects
    chars = objects.get("char")
    if chars:
        objects["char"] = distinct_glyphs(chars)


def _colour(value) -> tuple:
    """A fill colour as a tuple of rounded components (pdfplumber gives a tuple, a list, a number or None)."""
    if value is None:
        return ()
    if isinstance(value, (int, float)):
        return (round(float(value), 3),)
    return tuple(round(float(v), 3) if isinstance(v, (int, float)) else v for v in value)


def luminance(colour) -> float | None:
    """0 (black) .. 1 (white) of a colour as the PDF sets it (grey, RGB or CMYK; a number, a tuple or a list:
    `_colour`); None when unknown."""
    colour = _colour(colour)
    if not colour or not all(isinstance(v, (int, float)) for v in colour):
        return None
    if len(colour) == 1:
        return float(colour[0])
    if len(colour) == 3:
        r, g, b = colour
        return 0.299 * r + 0.587 * g + 0.114 * b
    if len(colour) == 4:
        c, m, y, k = colour
        return (1 - k) * (1 - (0.299 * c + 0.587 * m + 0.114 * y))
    return None


def runs_upward(char: dict) -> bool:
    """A character whose baseline runs up the page (text turned a quarter anticlockwise: a narrow column's
    heading set sideways, read from bottom to top)."""
    a, b = char["matrix"][0], char["matrix"][1]
    return abs(b) > abs(a) and b > 0


def page_words(chars: list[dict]) -> list[dict]:
    """pdfplumber's words of a page's characters (with their size and font); the words set sideways read apart,
    in their own direction (`sideways_reading`), their size the median of their characters' (pdfminer gives a
    sideways character's width as its size, which differs letter by letter and would cut every word apart).
    The words are pdfplumber's, grouped by `fast_words.extract_words`."""
    sideways = [c for c in chars if not c.get("upright", True)]
    if not sideways:
        return extract_words(chars, keep_blank_chars=False, use_text_flow=False, extra_attrs=["size", "fontname"])
    upright = [c for c in chars if c.get("upright", True)]
    words = extract_words(upright, keep_blank_chars=False, use_text_flow=False, extra_attrs=["size", "fontname"])
    for w in extract_words(sideways, keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname"],
                           return_chars=True, **sideways_reading(sideways)):
        sizes = sorted(c["size"] for c in w.pop("chars"))
        words.append(dict(w, size=sizes[len(sizes) // 2]))
    return words


def sideways_reading(chars: list[dict]) -> dict[str, str]:
    """pdfplumber's reading direction for the sideways characters among `chars`: bottom to top when most of them
    run upwards (its default, top to bottom, spells 'Satuan' printed upwards as 'nautaS' and breaks its words)."""
    sideways = [c for c in chars if not c.get("upright", True) and c["text"].strip()]
    if sideways and sum(runs_upward(c) for c in sideways) > len(sideways) / 2:
        return {"char_dir_rotated": "btt"}
    return {}


ROTATED_SHARE = 0.5  # a page is turned when more than this share of its characters run one other way


def text_turn(chars: list[dict]) -> str | None:
    """In: a page's characters. Out: how its text runs when most of it is not upright: "down"
    (the page turned clockwise), "up" (anticlockwise), "upside_down", else None. Read from each
    character's text matrix (a, b: the baseline's direction, PDF y upwards)."""
    ways: Counter = Counter()
    for c in chars:
        if not c["text"].strip():
            continue
        a, b = c["matrix"][0], c["matrix"][1]
        ways["right" if abs(a) >= abs(b) and a > 0 else "upside_down" if abs(a) >= abs(b)
             else "down" if b < 0 else "up"] += 1
    if not ways:
        return None
    way, n = ways.most_common(1)[0]
    return way if way != "right" and n > ROTATED_SHARE * sum(ways.values()) else None


class UprightPage(DerivedPage):
    """A pdfplumber page turned so that its text reads left to right (every object's coordinates
    mapped, characters marked upright); table finding and word grouping then work as usual."""

    def __init__(self, parent, turn: str):
        super().__init__(parent)
        self.turn = turn
        w, h = float(parent.width), float(parent.height)
        self._w, self._h = w, h
        self.bbox = (0, 0, h, w) if turn in ("down", "up") else (0, 0, w, h)
        self._objects = {kind: [self._map(o) for o in objs] for kind, objs in parent.objects.items()}

    def _point(self, x: float, y: float) -> tuple[float, float]:
        if self.turn == "down":
            return y, self._w - x
        if self.turn == "up":
            return self._h - y, x
        return self._w - x, self._h - y

    def _map(self, obj: dict) -> dict:
        out = dict(obj)
        xa, ya = self._point(obj["x0"], obj["top"])
        xb, yb = self._point(obj["x1"], obj["bottom"])
        out["x0"], out["x1"] = min(xa, xb), max(xa, xb)
        out["top"], out["bottom"] = min(ya, yb), max(ya, yb)
        height = float(self.bbox[3])
        out["y0"], out["y1"] = height - out["bottom"], height - out["top"]
        out["doctop"] = self.initial_doctop + out["top"]
        out["width"], out["height"] = out["x1"] - out["x0"], out["bottom"] - out["top"]
        if "pts" in obj:
            out["pts"] = [self._point(x, y) for x, y in obj["pts"]]
        if obj.get("object_type") == "char":
            out["upright"] = True
            if self.turn in ("down", "up"):  # pdfminer measured a sideways glyph's size along its baseline
                out["size"] = out["height"]
        return out


# A text matrix whose shear terms (b, c) are this small against its scale (a, d) runs left to right: a
# rounding error of the producer ("-1.4e-08"), which pdfminer takes for a character that is not upright.
SKEW_TOLERANCE = 1e-4


def _runs_right_marked_sideways(char: dict) -> bool:
    """A character pdfminer marked not upright whose baseline runs left to right all the same."""
    a, b, c, d = char["matrix"][:4]
    return not char.get("upright", True) and a > 0 and d > 0 and \
        abs(b) <= SKEW_TOLERANCE * a and abs(c) <= SKEW_TOLERANCE * d


class SquaredPage(DerivedPage):
    """A pdfplumber page whose left-to-right characters that a rounding error in their text matrix made
    'not upright' are marked upright, so words are grouped along the line (instead of one character
    per word, read as vertical text)."""

    def __init__(self, parent):
        super().__init__(parent)
        self.bbox = parent.bbox
        self._objects = {kind: [_squared(o) if kind == "char" and _runs_right_marked_sideways(o) else o
                                for o in objs] for kind, objs in parent.objects.items()}


def _squared(char: dict) -> dict:
    """The character marked upright, its size its height (pdfminer measured a sideways glyph along its
    baseline: every letter of another width would break the word)."""
    return dict(char, upright=True, size=round(char["bottom"] - char["top"], 1))


def upright_page(plumber_page):
    """In: a pdfplumber page. Out: the same page, or an `UprightPage` when its text runs sideways, or a
    `SquaredPage` when most of its characters run left to right but were marked not upright."""
    turn = text_turn(plumber_page.chars)
    if turn:
        return UprightPage(plumber_page, turn)
    chars = [c for c in plumber_page.chars if c["text"].strip()]
    if chars and sum(map(_runs_right_marked_sideways, chars)) > ROTATED_SHARE * len(chars):
        return SquaredPage(plumber_page)
    return plumber_page
