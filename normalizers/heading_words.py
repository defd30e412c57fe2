"""Role words of a table heading read through the typos agencies print ("REALALISASI", "Realisai", "Tagret"), and
through OCR, which drops the space between a heading's word and its year ("Target2020", "Renstra2026").

In:  a heading's text, lower-cased.
Out: the same text with each word that is a near miss of a role word replaced by that word, so the
     heading's role is read from what it means to say; every other word unchanged.

A near miss is one edit away (a letter missing, added, changed or two letters swapped), or two edits away
when the word keeps the role word's first and last three letters (a syllable typed twice: "realalisasi").
Words shorter than MIN_LENGTH are never corrected: "tarif" or "karet" must not become "target".
A year glued to the word before it is set apart from it by a space: the heading's words are read as words.
"""
from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from pipeline.lexicon import HEADING_ROLE_WORDS

# Below five letters one edit turns many words into another ("taget" is the shortest typo kept).
MIN_LENGTH = 5
ONE_EDIT = 1
TWO_EDITS = 2
KEPT_ENDS = 3  # letters at each end a two-edit typo must keep
WORD = re.compile(r"[a-z]+")
# A year (1980-2099) right after a letter, no digit after it: where OCR lost the space ("target2020", "ta2023").
GLUED_YEAR = re.compile(r"(?<=[a-z])(?=(?:19[89]\d|20\d\d)(?!\d))")


def _near_miss(word: str, right: str) -> bool:
    distance = OSA.distance(word, right, score_cutoff=TWO_EDITS)
    if distance <= ONE_EDIT:
        return True
    return (distance == TWO_EDITS and word[:KEPT_ENDS] == right[:KEPT_ENDS]
            and word[-KEPT_ENDS:] == right[-KEPT_ENDS:])


def spelled_right(word: str) -> str:
    """The role word `word` is a typo of, else `word`."""
    if len(word) < MIN_LENGTH or word in HEADING_ROLE_WORDS:
        return word
    return next((right for right in HEADING_ROLE_WORDS if _near_miss(word, right)), word)


def with_role_words_spelled_right(text: str) -> str:
    """`text` (lower case) with every near miss of a role word corrected, and a year glued to the word before
    it set apart (`GLUED_YEAR`)."""
    return WORD.sub(lambda m: spelled_right(m.group(0)), GLUED_YEAR.sub(" ", text))
