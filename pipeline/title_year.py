"""The year a table's own title names, when the table has no labelled caption ("Tabel 3.1 …").

In:  a `RawTable` (its caption and the lines printed right above it, `context_before`); or a report's tables in order.
Out: a `TitleYear` (the year and the title line read), or None; for the tables in order, each table's `TitleYear`.

A report's appendix prints whole documents after it, each under its own title and with no "Tabel" label: the
Perjanjian Kinerja of the year, or of the next one (signed in January, bound into the report on the year before),
a Rencana Aksi, a Renja ("PERJANJIAN KINERJA TAHUN 2019" over the signatory's office, then the table). Their
target columns print no year: the title's year is theirs. A document's title names one document of one year and
is no sentence; prose above a table ("capaian kinerja tahun 2023 dibandingkan …") names years in passing and
gives none.

One title heads every table printed under it on its page: a Perjanjian Kinerja prints its indicators' targets,
then the programs' budgets for them, under one title ("PERJANJIAN KINERJA TAHUN 2019", the indicator table, then
"Program | Anggaran | Ket."). A table right below a titled one on the same page, with no caption and nothing
between but lines that are no sentence and print no year (a cell's wrapped words, an empty line), or first on the
next page with nothing printed between, is under the same title (`titles_down_the_page`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

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
# A table "right below" another starts at most this far above the other's bottom edge (PDF points): the bounding
# boxes of two tables read from one picture may overlap by a rule's width.
BELOW_TOLERANCE_PT = 2.0


@dataclass(frozen=True)
class TitleYear:
    year: int
    title: str
    below_table: int | None = None  # the index of the titled table above this one on its page, when carried

    @property
    def evidence(self) -> str:
        where = ("the title above the table" if self.below_table is None
                 else f"the title over table {self.below_table} above it on the page")
        return f"the year of columns printing none, {self.year}, from {where}: '{self.title}'"


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


def titles_down_the_page(tables: Sequence[RawTable]) -> dict[int, TitleYear]:
    """Each table's title year, by table index: its own title's (`title_year`), else that of the table right
    above it on its page when nothing between starts another heading (`_under_the_same_title`)."""
    found: dict[int, TitleYear] = {}
    previous: RawTable | None = None
    for table in tables:
        own = title_year(table)
        if own is not None:
            found[table.index] = own
        elif previous is not None and previous.index in found and _under_the_same_title(previous, table):
            above = found[previous.index]
            found[table.index] = replace(above, below_table=above.below_table if above.below_table is not None
                                         else previous.index)
        previous = table
    return found


def _under_the_same_title(above: RawTable, table: RawTable) -> bool:
    """Whether `table` is printed right after `above` with no caption of its own and nothing between that could
    head it: below it on the same page, every line between no sentence and printing no year; or first on the next
    page, nothing printed after `above` on its page nor before `table` on its own (the agreement's budget table
    turned over to the next page)."""
    if table.label or table.caption:
        return False
    between = [line.strip() for line in (table.context_before or "").splitlines() if line.strip()]
    if any(SENTENCE_WORDS_RE.search(line) or YEAR_IN_TEXT.search(line) for line in between):
        return False
    if table.pages[0] == above.pages[-1]:
        return above.bbox is not None and table.bbox is not None and table.bbox[1] >= above.bbox[3] - BELOW_TOLERANCE_PT
    return table.pages[0] == above.pages[-1] + 1 and not between and not (above.context_after or "").strip()
