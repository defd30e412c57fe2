"""pdfplumber's words and text lines of a page, the same dicts, with less work per character.

In:  a page's characters (pdfplumber's dicts), and for `text_lines` the pdfplumber page.
Out: `extract_words(chars, **settings)`: what `pdfplumber.utils.extract_words` gives for the same
     settings; `text_lines(page)`: what `page.extract_text_lines(return_chars=True)` gives.

Why: grouping characters into words ran twice on every text-layer page (the words, then the words of the
text lines) and took a fifth of a page's time; most of it went to per-character method calls
(`char_begins_new_word`, with its keyword arguments) and per-word boxes (`objects_to_bbox`, a zip and four
generators for a word of a few characters). `FastWordExtractor` is pdfplumber's `WordExtractor` with those
two steps written out for left-to-right lines, the same comparisons in the same order (so the same words,
and the same box: `min` and `max` keep the first of equal values, as the loop here does). Every other
direction, and tolerances given as ratios, go through pdfplumber's own code.
"""
from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import Any

from pdfplumber.utils.clustering import cluster_objects
from pdfplumber.utils.text import LIGATURES, WordExtractor

Obj = dict[str, Any]


def chars_box(chars: list[Obj]) -> tuple[Any, Any, Any, Any]:
    """In: a non-empty list of objects. Out: pdfplumber's `objects_to_bbox` of them (x0, top, x1, bottom):
    the smallest and largest values, the first of equal ones kept, as `min` and `max` keep it."""
    first = chars[0]
    x0, top, x1, bottom = first["x0"], first["top"], first["x1"], first["bottom"]
    for c in chars[1:]:
        v = c["x0"]
        if v < x0:
            x0 = v
        v = c["top"]
        if v < top:
            top = v
        v = c["x1"]
        if v > x1:
            x1 = v
        v = c["bottom"]
        if v > bottom:
            bottom = v
    return x0, top, x1, bottom


class FastWordExtractor(WordExtractor):
    """pdfplumber's `WordExtractor`, its per-character word test and per-word box written out."""

    def iter_chars_to_words(self, ordered_chars: Iterable[Obj], direction: Any) -> Generator[list[Obj], None, None]:
        """In: a line's characters in reading order. Out: its words, as pdfplumber's `iter_chars_to_words`
        cuts them (its `char_begins_new_word` for left-to-right text, inlined)."""
        if direction != "ltr" or self.x_tolerance_ratio is not None or self.y_tolerance_ratio is not None:
            yield from super().iter_chars_to_words(ordered_chars, direction)
            return
        xt, yt = self.x_tolerance, self.y_tolerance
        keep_blank, split = self.keep_blank_chars, self.split_at_punctuation
        current: list[Obj] = []
        for char in ordered_chars:
            text = char["text"]
            if not keep_blank and text.isspace():
                if current:
                    yield current
                current = []
            elif text in split:
                if current:
                    yield current
                yield [char]
                current = []
            elif current:
                prev = current[-1]
                cx = char["x0"]
                if cx < prev["x0"] or cx > prev["x1"] + xt or abs(char["top"] - prev["top"]) > yt:
                    yield current
                    current = [char]
                else:
                    current.append(char)
            else:
                current.append(char)
        if current:
            yield current

    def merge_chars(self, ordered_chars: list[Obj]) -> Obj:
        """pdfplumber's `merge_chars`: the word's dict, its box by `chars_box`."""
        x0, top, x1, bottom = chars_box(ordered_chars)
        first = ordered_chars[0]
        doctop_adj = first["doctop"] - first["top"]
        upright = first["upright"]
        expansions = self.expansions
        word = {
            "text": "".join(expansions.get(c["text"], c["text"] or "") for c in ordered_chars),
            "x0": x0,
            "x1": x1,
            "top": top,
            "doctop": top + doctop_adj,
            "bottom": bottom,
            "upright": upright,
            "height": bottom - top,
            "width": x1 - x0,
            "direction": self.get_char_dir(upright),
        }
        for key in self.extra_attrs:
            word[key] = first[key]
        return word


def extract_words(chars: list[Obj], return_chars: bool = False, **kwargs: Any) -> list[Obj]:
    """pdfplumber's `utils.extract_words`, by `FastWordExtractor`."""
    return FastWordExtractor(**kwargs).extract_words(chars, return_chars)


# pdfplumber's text map puts its lines this close in `top` (points) together: `to_textmap`'s default y_tolerance.
TEXTMAP_Y_TOLERANCE = 3


def text_lines(page) -> list[Obj]:
    """In: a pdfplumber page (or a derived one). Out: `page.extract_text_lines(return_chars=True)`.

    pdfplumber builds a text map of the whole page (no layout: the words of a line one space apart, the
    lines one newline apart, every letter paired with its character, ligatures spelled out) and searches it
    with `" *([^\\n]+?) *(\\n|$)"`: each line, its spaces at either end left out, with the characters of
    the letters matched and their box. Here each line is made and cut the same way on its own (the pattern
    cannot cross a newline); a page with a character whose text holds a newline is left to pdfplumber."""
    words = FastWordExtractor().extract_wordmap(page.chars).tuples
    out: list[Obj] = []
    expansions = LIGATURES
    for line in cluster_objects(words, _word_top, TEXTMAP_Y_TOLERANCE, preserve_order=True):
        letters: list[tuple[str, Obj | None]] = []
        for _, chars in line:
            if letters:
                letters.append((" ", None))
            for c in chars:
                letters += [(letter, c) for letter in expansions.get(c["text"], c["text"])]
        text = "".join(letter for letter, _ in letters)
        if "\n" in text:
            return page.extract_text_lines(return_chars=True)
        found = _line_match(text, letters)
        if found is not None:
            out.append(found)
    return out


def _word_top(item: tuple[Obj, list[Obj]]) -> Any:
    return item[0]["top"]


def _line_match(text: str, letters: list[tuple[str, Obj | None]]) -> Obj | None:
    """What pdfplumber's search gives for one line of the text map (`text`, its letters with their
    characters): the line without its spaces at either end, or None for a line of white space."""
    kept = text.strip(" ")
    if not kept.strip():
        return None
    start = len(text) - len(text.lstrip(" "))
    chars = [c for _, c in letters[start:start + len(kept)] if c is not None]
    x0, top, x1, bottom = chars_box(chars)
    return {"text": kept, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "chars": chars}
