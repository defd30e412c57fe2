"""pdfplumber's words and text lines of a page, the same dicts, with less work per character.

In:  a page's characters (pdfplumber's dicts), and for `text_lines` the pdfplumber page.
Out: `extract_words(chars, **settings)`: what `pdfplumber.utils.extract_words` gives for the same
     settings; `text_lines(page)`: what `page.extract_text_lines(return_chars=True)` gives;
     `extract_text(chars, extractor, y_tolerance)`: what `pdfplumber.utils.extract_text` gives (no layout).
     One difference on purpose: the letters of letter-spaced text (`extractors.letter_spacing`: every
     letter of a line one steady gap wider than the tolerance from the next) stay in one word, where
     pdfplumber makes each a word of its own.

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

from extractors.letter_spacing import MAX_LETTER_GAP_EM, joins, steady_gap

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
    """pdfplumber's `WordExtractor`, its per-character word test and per-word box written out; a line of
    letter-spaced text (`letter_spacing`) keeps its words whole. `letter_gaps`: the steady gaps of the
    letter-spaced text of the same page or table (its short runs show none of their own); the gaps found
    on the lines read are gathered in `found_gaps`."""

    def __init__(self, *args: Any, letter_gaps: tuple[float, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.letter_gaps = letter_gaps
        self.found_gaps: list[float] = []

    def iter_chars_to_words(self, ordered_chars: Iterable[Obj], direction: Any) -> Generator[list[Obj], None, None]:
        """In: a line's characters in reading order. Out: its words, as pdfplumber's `iter_chars_to_words`
        cuts them (its `char_begins_new_word` for left-to-right text, inlined), save that two letters of
        letter-spaced text stay together (`_letter_spaced`)."""
        if direction != "ltr" or self.x_tolerance_ratio is not None or self.y_tolerance_ratio is not None:
            yield from super().iter_chars_to_words(ordered_chars, direction)
            return
        chars = ordered_chars if isinstance(ordered_chars, list) else list(ordered_chars)
        xt, yt = self.x_tolerance, self.y_tolerance
        keep_blank, split = self.keep_blank_chars, self.split_at_punctuation
        line_gap: list[float | None] = []  # the line's steady letter gap, read when a gap first asks for it
        current: list[Obj] = []
        for char in chars:
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
                    if cx > prev["x1"] + xt and cx >= prev["x0"] and abs(char["top"] - prev["top"]) <= yt \
                            and self._letter_spaced(cx - prev["x1"], prev["size"], chars, line_gap):
                        current.append(char)
                        continue
                    yield current
                    current = [char]
                else:
                    current.append(char)
            else:
                current.append(char)
        if current:
            yield current

    def _letter_spaced(self, gap: float, size: float, line: list[Obj], line_gap: list[float | None]) -> bool:
        """Whether two letters `gap` apart on `line` stand in one word of letter-spaced text: the line's
        steady gap (`letter_spacing.steady_gap`, its own or one of `letter_gaps`; read once per line into
        `line_gap`)."""
        if gap > MAX_LETTER_GAP_EM * size:
            return False
        if not line_gap:
            line_gap.append(steady_gap(line, self.x_tolerance, self.letter_gaps))
            if line_gap[0] is not None and line_gap[0] not in self.letter_gaps:
                self.found_gaps.append(line_gap[0])
        steady = line_gap[0]
        return steady is not None and joins(gap, size, steady)

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
    """pdfplumber's `utils.extract_words`, by `FastWordExtractor`; when some line is letter-spaced, the
    words are read again knowing its gaps (`spaced_extractor`)."""
    extractor = FastWordExtractor(**kwargs)
    words = extractor.extract_words(chars, return_chars)
    again = spaced_extractor(extractor, kwargs)
    return words if again is None else again.extract_words(chars, return_chars)


def spaced_extractor(extractor: FastWordExtractor, settings: dict[str, Any]) -> FastWordExtractor | None:
    """In: an extractor that has read some text, and its settings. Out: a new one with the same settings
    that knows the steady letter gaps it found (so that a short letter-spaced run elsewhere, "7 0", reads
    as one word), or None when it found none (the words read stand)."""
    if not extractor.found_gaps:
        return None
    return FastWordExtractor(letter_gaps=tuple(sorted(set(extractor.found_gaps))), **settings)


def extract_text(chars: list[Obj], extractor: FastWordExtractor, y_tolerance: float) -> str:
    """pdfplumber's `utils.extract_text` without layout (left-to-right lines: `extractor`'s `line_dir` is
    "ttb"): the words of `extractor`, clustered into lines `y_tolerance` apart in `top`, one space between
    the words of a line, a newline between lines."""
    if not chars:
        return ""
    words = extractor.extract_words(chars)
    return "\n".join(" ".join(w["text"] for w in line)
                     for line in cluster_objects(words, _top, y_tolerance))


def _top(word: Obj) -> Any:
    return word["top"]


# pdfplumber's text map puts its lines this close in `top` (points) together: `to_textmap`'s default y_tolerance.
TEXTMAP_Y_TOLERANCE = 3


def text_lines(page) -> list[Obj]:
    """In: a pdfplumber page (or a derived one). Out: `page.extract_text_lines(return_chars=True)`.

    pdfplumber builds a text map of the whole page (no layout: the words of a line one space apart, the
    lines one newline apart, every letter paired with its character, ligatures spelled out) and searches it
    with `" *([^\\n]+?) *(\\n|$)"`: each line, its spaces at either end left out, with the characters of
    the letters matched and their box. Here each line is made and cut the same way on its own (the pattern
    cannot cross a newline); a page with a character whose text holds a newline is left to pdfplumber."""
    extractor = FastWordExtractor()
    words = extractor.extract_wordmap(page.chars).tuples
    again = spaced_extractor(extractor, {})
    if again is not None:
        words = again.extract_wordmap(page.chars).tuples
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
