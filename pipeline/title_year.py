"""The year a table's own title names, when the table has no labelled caption ("Tabel 3.1 …").

In:  a `RawTable` (its caption and the lines printed right above it, `context_before`).
Out: a `TitleYear` (the year and the title line read), or None.

A report's appendix prints whole documents after it, each under its own title and with no "Tabel" label: the
Perjanjian Kinerja of the year, or of the next one (signed in January, bound into the report on the year before),
a Rencana Aksi, a Renja ("PERJANJIAN KINERJA TAHUN 2019" over the signatory's office, then the table). Their
target columns print no year: the title's year is theirs. A document's title names one document of one year and
is no sentence; prose above a table ("capaian kinerja tahun 2023 dibandingkan …") names years in passing and
gives none.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.lexicon import YEAR_IN_TEXT
from pipeline.metadata import CITATION_RE
from pipeline.metadata.kind import COVER_LINE_MAX_CHARS, SENTENCE_WORDS_RE, kinds_in
from pipeline.models import RawTable

# The documents made for one year, whose title's year is their targets' year: Perjanjian Kinerja, Renja,
# Rencana Aksi, an IKU set for one year. (An LKjIP's title names the fiscal year the report has already; a Renstra
# or RPJMD names a period.)
ONE_YEAR_KINDS = ("PK", "Renja", "Rencana Aksi", "IKU")
# A title stands within this many lines above its table (the title, the signatory's office or the agency's name,
# a sub-title).
TITLE_LINES = 3


@dataclass(frozen=True)
class TitleYear:
    year: int
    title: str

    @property
    def evidence(self) -> str:
        return f"the year of columns printing none, {self.year}, from the title above the table: '{self.title}'"


def title_year(table: RawTable) -> TitleYear | None:
    """The year of the nearest one-year document's title among the `TITLE_LINES` lines above a table with no
    caption of its own (a labelled caption's year, or its lack of one, is decided by `classify.caption_year`)."""
    if table.label or table.caption:
        return None
    lines = [line.strip() for line in (table.context_before or "").splitlines() if line.strip()]
    for line in reversed(lines[-TITLE_LINES:]):
        found = _year_of_title(line)
        if found is not None:
            return TitleYear(found, line)
    return None


def _year_of_title(line: str) -> int | None:
    """The one year a one-year document's title line prints (no range, no regulation's year), else None."""
    if len(line) > COVER_LINE_MAX_CHARS or SENTENCE_WORDS_RE.search(line):
        return None
    if not set(kinds_in(line)) & set(ONE_YEAR_KINDS):
        return None
    years = {int(y) for y in YEAR_IN_TEXT.findall(CITATION_RE.sub(" ", line))}
    return years.pop() if len(years) == 1 else None
