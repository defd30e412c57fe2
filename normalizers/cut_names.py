"""Indicator names cut short in their cells, and the whole name each is the beginning of.

In:  every distinct (report, printed name) with its words as compared (`catalogue.comparison_words`)
     and the catalogue group it was placed in.
Out: for each name that was cut, the group of the names that continue it, with the evidence (`CutMatch`),
     or nothing.

Two structures show that a name was cut, not that it names a smaller quantity ("Produksi ikan budidaya"
is a total, not a cut "Produksi ikan budidaya air tawar"):
- an open end: the name as printed ends on a word no name ends on, a joining word or one that needs
  what follows ("… Berbasis", "… dalam rangka Mendukung", "… yang", `concepts.OPEN_ENDINGS`), or on a
  comma or hyphen;
- a split cell: the rest of the name is printed as a name of its own in the same report (the cell's
  second line read as another row): "Persentase Capaian" and "Sistem Arsip" in one report, "Persentase
  Capaian Sistem Arsip" in another. The rest must not open with a measure word ("Jumlah …" is an
  indicator of its own, `concepts.INDICATOR_OPENINGS`).
Either way the cut name meets the names of other reports that begin with its words, when all of them lie
in one group; two continuations that are two indicators leave it alone. Only the beginning moves: a
cell's second line alone ("Sistem Arsip") says nothing of what is measured.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from normalizers.concepts import INDICATOR_OPENINGS, OPEN_ENDINGS

# A cut name keeps at least this many words: a measure word and what it measures ("Persentase Rekomendasi").
MIN_CUT_WORDS = 2
# The marks a cell's line may end on when its name goes on below ("Pengelolaan Informasi,", "Perundang-").
OPEN_MARKS = (",", "-", "/", "&")


@dataclass(frozen=True)
class CutMatch:
    group: tuple[str, ...]
    whole: str
    why: str

    def evidence(self) -> str:
        return f"cut in its cell ({self.why}): the beginning of '{self.whole}'"


def open_end(printed: str) -> str | None:
    """Why a printed name cannot end where it does ('ends on "berbasis"'), or None."""
    text = (printed or "").strip()
    if text.endswith(OPEN_MARKS):
        return f"ends on '{text[-1]}'"
    words = re.findall(r"[A-Za-z]+", text)
    if words and words[-1].lower() in OPEN_ENDINGS:
        return f"ends on '{words[-1].lower()}'"
    return None


Entry = tuple[str, str]  # (report, printed name)


def find_cut_names(words: dict[Entry, tuple[str, ...]], groups: dict[Entry, tuple[str, ...]],
                   movable: set[Entry] | None = None) -> dict[Entry, CutMatch]:
    """The cut names among `words` (see the module) and the group each is the beginning of. Only the names in
    `movable` (all when None) are read as cut; every name may be the whole one a cut name begins."""
    by_report: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    beginnings: dict[tuple[str, ...], list[Entry]] = defaultdict(list)  # the first words of a name -> the name
    for entry, w in words.items():
        by_report[entry[0]].add(w)
        for size in range(MIN_CUT_WORDS, len(w)):
            beginnings[w[:size]].append(entry)
    found: dict[Entry, CutMatch] = {}
    for entry, cut in words.items():
        if movable is not None and entry not in movable:
            continue
        report, name = entry
        continuations = [(other, words[other]) for other in beginnings.get(cut, []) if other[0] != report]
        if not continuations:
            continue
        why = open_end(name) or _split_cell(cut, continuations, by_report[report])
        targets = {groups[other] for other, _ in continuations}
        if why and len(targets) == 1 and groups[entry] not in targets:
            found[entry] = CutMatch(targets.pop(), continuations[0][0][1], why)
    return found


def _split_cell(cut: tuple[str, ...], continuations: list[tuple[Entry, tuple[str, ...]]],
                own_names: set[tuple[str, ...]]) -> str | None:
    """Why the rest of a continuation is the cut name's second line printed as a row of its own report."""
    for _, whole in continuations:
        rest = whole[len(cut):]
        if rest in own_names and rest[0] not in INDICATOR_OPENINGS:
            return f"its rest '{' '.join(rest)}' is printed as a row of its own"
    return None
