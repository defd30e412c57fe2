"""Which text-layer indicator name an OCR-read name is a misreading of.

In:  the words of one name read by OCR (`comparison_words`), the words of the names printed in
     reports with a text layer, each with the catalogue group it was placed in, and the vocabulary of
     those reports (every word their names and texts print).
Out: the one group the OCR name misreads, with the slips as evidence (`SlipMatch`), or None.

The structure: OCR misreads letters ("Indoks" for "Indeks", "Jurnlah" for "Jumlah", "matenal" for
"material"; one glyph may come out as two letters, "rr" for "m") but keeps the words of a cell, their order and their number. A misread letter seldom makes
another real word, while two indicators that measure different quantities differ by real words: the
measure ("Persentase" / "Jumlah"), a commodity or sector ("tawar" / "payau", "laut" / "darat"), a
document ("RKA" / "DPA"), a year. So:
- an OCR word that the text-layer reports print somewhere was read right and must equal its counterpart;
  only a word they never print may be a slip, within `edits_allowed` of its counterpart;
- a word with a digit is never a slip (years, levels, list numbers stay exact);
- the two names have the same number of words, at least one equal, and are close as a whole
  (`NAME_SIMILARITY`); an OCR name that opens in lower case without a measure word lost its first line's
  start ("cetak dan penggandaan …"): it may be a text-layer name less its measure word ("Jumlah cetak …");
- every text-layer name the OCR name could be lies in one group; two groups within reach is no answer
  (the name keeps its own group).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from normalizers.concepts import INDICATOR_OPENINGS

# A misread word may differ from its counterpart by one edit per this many letters of the longer word,
# and by at least one: "Jurnlah"/"Jumlah" (2 edits, 7 letters), "kapwasan"/"kepuasan" (2, 8), "ASM"/"ASN" (1, 3).
# Three letters per edit keeps two thirds of a word as printed; a word damaged further is not guessed.
LETTERS_PER_EDIT = 3
# The two names as a whole (letters of the words joined by spaces), rapidfuzz's ratio (0-100): "indoks kapwasan
# asn" / "indeks kepuasan asn" is 84. Below 80 a fifth of the name differs, more than misread letters do.
NAME_SIMILARITY = 80.0
# Letters OCR reads one glyph as (its shape split in two): "m" as "rn" / "rr" / "ni", "h" as "li", "d" as
# "cl", "u" as "ii", "w" as "vv". Each such pair counts as one misread letter, not two edits ("Jurriah" is
# "Jumlah" with two misread letters: rr~m, i~l).
SPLIT_GLYPHS = (("rn", "m"), ("rr", "m"), ("ni", "m"), ("li", "h"), ("cl", "d"), ("ii", "u"), ("vv", "w"))
# OCR marks inside a word that split it ("konsu'tasi", "diadakan”"): removed before the words are read.
OCR_MARKS = re.compile(r"['’‘`\"“”]")


@dataclass(frozen=True)
class SlipMatch:
    """The group an OCR name misreads, the text-layer name it was matched with, and the slipped words."""
    group: tuple[str, ...]
    name: str
    slips: tuple[tuple[str, str], ...]
    lost: str = ""  # the measure word the OCR name lost at its start ("jumlah"), if any

    def evidence(self) -> str:
        shown = ", ".join(f"{a}~{b}" for a, b in self.slips)
        parts = [f"misread words ({shown}) that no text-layer report prints"] if self.slips else []
        if self.lost:
            parts.append(f"its first word '{self.lost}' lost (it opens in lower case)")
        return f"read by OCR: '{self.name}' up to " + " and ".join(parts)


def edits_allowed(a: str, b: str) -> int:
    """The edits a misread word may be away from its counterpart (see `LETTERS_PER_EDIT`)."""
    return max(1, max(len(a), len(b)) // LETTERS_PER_EDIT)


def word_slip(ocr_word: str, word: str, vocabulary: set[str]) -> bool | None:
    """True when `ocr_word` is `word` misread, None when they are equal, False when they differ."""
    if ocr_word == word:
        return None
    if ocr_word in vocabulary or not (ocr_word.isalpha() and word.isalpha()):
        return False
    limit = edits_allowed(ocr_word, word)
    return misread_letters(ocr_word, word, limit) <= limit


def misread_letters(ocr_word: str, word: str, limit: int) -> int:
    """The letters of `word` misread in `ocr_word`: the edits between them, a glyph read as two letters
    (`SPLIT_GLYPHS`) counting as one where the word prints that glyph."""
    best = Levenshtein.distance(ocr_word, word, score_cutoff=limit + 1)
    for split, glyph in SPLIT_GLYPHS:
        if split in ocr_word and glyph in word:
            joined = ocr_word.replace(split, glyph)
            best = min(best, ocr_word.count(split) + Levenshtein.distance(joined, word, score_cutoff=limit + 1))
    return best


def slips_between(ocr_words: tuple[str, ...], words: tuple[str, ...],
                  vocabulary: set[str]) -> tuple[tuple[str, str], ...] | None:
    """The misread words that make `ocr_words` read as `words` (word by word, in order; none when they are
    equal), or None when they are other words, another number of words, or share no word."""
    if len(ocr_words) != len(words):
        return None
    slips = []
    for ocr_word, word in zip(ocr_words, words):
        slip = word_slip(ocr_word, word, vocabulary)
        if slip is False:
            return None
        if slip:
            slips.append((ocr_word, word))
    return tuple(slips) if len(slips) < len(words) else None


class TextLayerNames:
    """The names of text-layer reports, searchable for the one an OCR name misreads."""

    def __init__(self, names: Iterable[tuple[tuple[str, ...], str, tuple[str, ...]]], vocabulary: set[str]):
        """`names`: (words, printed name, catalogue group) of every distinct text-layer name."""
        self.entries = list(names)
        self.joined = [" ".join(words) for words, _, _ in self.entries]
        # the words after a measure word ("jumlah", "persentase"): what a name that lost its first word may be
        self.after_measure = [" ".join(words[1:]) if words and words[0] in INDICATOR_OPENINGS else ""
                              for words, _, _ in self.entries]
        self.vocabulary = vocabulary

    def misread(self, ocr_words: tuple[str, ...], lost_first_word: bool = False) -> SlipMatch | None:
        """The one group whose names `ocr_words` misreads (see the module), or None. `lost_first_word`: the
        OCR name opens in lower case without a measure word, so it may be a name less its measure word."""
        if not ocr_words:
            return None
        found: dict[tuple[str, ...], SlipMatch] = {}
        for index, words, lost in self._near(ocr_words, lost_first_word):
            _, name, group = self.entries[index]
            slips = slips_between(ocr_words, words, self.vocabulary)
            if slips is not None and group not in found:
                found[group] = SlipMatch(group, name, slips, lost)
        return next(iter(found.values())) if len(found) == 1 else None

    def _near(self, ocr_words: tuple[str, ...], lost_first_word: bool) -> list[tuple[int, tuple[str, ...], str]]:
        """(index, the words to compare, the first word taken as lost or '') of the names close as a whole."""
        query = " ".join(ocr_words)
        near = [(index, self.entries[index][0], "") for _, _, index in
                process.extract(query, self.joined, scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY, limit=None)]
        if lost_first_word and ocr_words[0] not in INDICATOR_OPENINGS:
            near += [(index, self.entries[index][0][1:], self.entries[index][0][0]) for _, _, index in
                     process.extract(query, self.after_measure, scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY,
                                     limit=None)]
        return near
