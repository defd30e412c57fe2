"""The texts a report's metadata is read from, each with where it stands and what its word weighs,
and the tally that turns weighted votes into a decision that keeps its evidence.

In:  the narrative `TextLine`s, the PDF's title, the file name, the tables (captions, header and
     body cells).
Out: `Source`s (text, where, weight) and `Decision`s (the value, its votes in words).
"""
from __future__ import annotations

import enum
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from pipeline.models import RawTable, TextLine

# What a text's word weighs, by where it stands. The cover (page 1 when it is short) and the PDF's
# title name the document on purpose; a file name is chosen by a person who knows what it holds;
# the first pages' sentences name it in passing, among other documents they cite.
WEIGHT_COVER = 4.0
WEIGHT_TITLE = 2.0
WEIGHT_FILE_NAME = 2.0
WEIGHT_PAGE = 1.0
WEIGHT_CAPTION = 1.0
WEIGHT_RUNNING_HEAD = 2.0  # printed on every page to say what the document is, like its title
WEIGHT_TABLE_CELL = 0.5
WEIGHT_LATER_PAGE = 0.3  # pages past FIRST_PAGES: a plan's period may first be named there
# The pages read as the report's opening (cover, foreword, executive summary, Bab I).
FIRST_PAGES = 4
LATER_PAGES = 10
# A page 1 with at most this many lines is a cover (a title, the agency, the year, a logo's text);
# a longer one is a page of text (a report that starts at "BAB I PENDAHULUAN").
COVER_MAX_LINES = 22
# The tables whose cells are read: a report made of tables only names its agency in the first rows.
TABLES_READ = 3
ROWS_READ = 8


class Where(enum.Enum):
    """Where a text stands in the report (the value is how the evidence names it)."""
    FILE_NAME = "file name"
    PDF_TITLE = "PDF title"
    COVER = "cover"
    PAGE = "page"  # a page's text (its number in Source.page)
    CAPTION = "caption"
    RUNNING_HEAD = "running head"  # a line printed on two pages or more: the document's running head or footer
    TABLE = "table"  # the cells of one of the first tables
    EVERY_CELL = "any table cell"  # every cell: read for the region only when the texts name none
    WHOLE_TEXT = "whole text"  # every line, weighing nothing: where an acronym's full name is looked up


TITLES = (Where.FILE_NAME, Where.PDF_TITLE, Where.COVER, Where.RUNNING_HEAD)


@dataclass(frozen=True)
class Source:
    """One text the metadata is read from. `lines`: the text as printed, one string a line (a
    cover's lines, a page's lines); `kind`: where it stands; `where` says it in words ("p3")."""
    kind: Where
    weight: float
    lines: tuple[str, ...]
    page: int | None = None  # the page a page's text or the cover is on
    cover_page: int | None = None  # the page the cover was read from (its heading lines voted there)

    @property
    def where(self) -> str:
        return f"{self.kind.value} p{self.page}" if self.page and self.kind is not Where.COVER else self.kind.value

    @property
    def text(self) -> str:
        """The lines joined; a table's cells apart (" | "): a name never runs from one cell into the next."""
        return (" | " if self.kind in (Where.TABLE, Where.EVERY_CELL) else "\n").join(self.lines)


@dataclass
class Decision:
    """A value decided by weighted votes, with every vote kept: (value, weight, where, the text)."""
    value: Any = None
    votes: list[tuple[Any, float, str, str]] = field(default_factory=list)
    rule: str = ""  # a rule that decided instead of the tally ("a plan's first year", ...)
    labels: dict[Any, str] = field(default_factory=dict)  # how a value is shown when it is a key

    def add(self, value: Any, weight: float, where: str, text: str) -> None:
        if value is not None and weight > 0:
            self.votes.append((value, weight, where, " ".join(text.split())[:120]))

    def totals(self) -> dict[Any, float]:
        out: dict[Any, float] = defaultdict(float)
        for value, weight, _, _ in self.votes:
            out[value] += weight
        return dict(out)

    def winner(self) -> Any:
        totals = self.totals()
        return max(totals, key=lambda v: totals[v]) if totals else None

    def readable(self, limit: int = 12) -> list[str]:
        """The decision in words: its rule, each value's total, then the heaviest votes."""
        out = [f"rule: {self.rule}"] if self.rule else []
        totals = sorted(self.totals().items(), key=lambda kv: -kv[1])
        out += [f"{self.labels.get(value, value)}: {total:g}" for value, total in totals[:5]]
        heaviest = sorted(self.votes, key=lambda v: -v[1])[:limit]
        out += [f"  {self.labels.get(value, value)} +{weight:g} ({where}) {text!r}" for value, weight, where, text in heaviest]
        return out


def file_name_words(name: str | None) -> str:
    """'LKIP BPBD 2016.pdf' / 'Kota Bekasi/2016/LKIP Dinas Perdagangan.pdf' -> the words of the
    report's path below the folder given (its folders name it too), without the extension."""
    if not name:
        return ""
    parts = list(PurePath(name).parts)
    parts[-1] = re.sub(r"(\.scan|\.plain|\.word)?\.(pdf|txt|md)$", "", parts[-1], flags=re.I)
    return " ".join(w for part in parts for w in re.split(r"[-_.\s]+", part) if w)


# A table's or a figure's caption ("Tabel 3.2 Realisasi Anggaran") names what the table holds, not the document.
CAPTION_LINE_RE = re.compile(r"^\W*(?:tabel|table|gambar|grafik|diagram|bagan)\s+[\dIVX]", re.IGNORECASE)
# A line longer than this is a sentence: the heading a page 1 without a cover starts with ends there.
HEADING_LINE_MAX_CHARS = 60
HEADING_MAX_LINES = 12


def cover_lines(lines: list[TextLine]) -> list[str]:
    """The cover's lines: page 1 when it is short (COVER_MAX_LINES), else the heading it starts with,
    up to the first long line (a decree's title above its "Menimbang", a report's "BAB I")."""
    first = min((x.page for x in lines), default=1)  # once: asked per line it cost a pass over the report per line
    page1 = [l.text for l in lines if l.page == first]
    if len(page1) <= COVER_MAX_LINES:
        return page1
    heading = []
    for text in page1[:HEADING_MAX_LINES]:
        if len(text) > HEADING_LINE_MAX_CHARS:
            break
        heading.append(text)
    return heading


MARKUP_RE = re.compile(r"[*#_`]+")  # a text report's Markdown marks (headings, bold)
# A line of one or two small letters is a speck OCR read as text (a logo's edge, a stain), no word.
SPECK_RE = re.compile(r"^\W*[a-z]{0,2}\W*$")


def _cleaned(lines: list[TextLine]) -> list[TextLine]:
    lines = [TextLine(l.page, MARKUP_RE.sub(" ", l.text).strip()) for l in lines]
    return [l for l in lines if not SPECK_RE.match(l.text)]


def gather(lines: list[TextLine], title: str | None, file_name: str | None,
           tables: list[RawTable] | None, margin_lines: list[TextLine] | None = None) -> list[Source]:
    """Every text the metadata is read from, with its weight; `margin_lines` (the first pages' running heads and
    feet, left out of the narrative) are read for the running heads only."""
    margins = _cleaned(margin_lines or [])
    lines = letterhead_lines(margins, lines) + _cleaned(lines)
    sources: list[Source] = []
    if file_name:
        sources.append(Source(Where.FILE_NAME, WEIGHT_FILE_NAME, (file_name_words(file_name),)))
    if title and title.strip():
        sources.append(Source(Where.PDF_TITLE, WEIGHT_TITLE, (title.strip(),)))
    cover = cover_lines(lines)
    first_page = min((l.page for l in lines), default=1)
    if cover:
        sources.append(Source(Where.COVER, WEIGHT_COVER, tuple(cover), first_page, first_page))
    pages = sorted({l.page for l in lines if l.page < first_page + LATER_PAGES})
    for page in pages:
        page_lines = tuple(l.text for l in lines if l.page == page)
        if page == first_page and len(cover) == len(page_lines):
            continue  # the cover is its own source
        weight = WEIGHT_PAGE if page < first_page + FIRST_PAGES else WEIGHT_LATER_PAGE
        sources.append(Source(Where.PAGE, weight, page_lines, page, first_page if cover else None))
    heads = running_heads(sorted(lines + margins, key=lambda l: l.page), first_page)
    keys = {head_key(h) for h in heads}
    heads += tuple(t for t in titled_margin_lines(margins) if head_key(t) not in keys)
    if heads:
        sources.append(Source(Where.RUNNING_HEAD, WEIGHT_RUNNING_HEAD, heads))
    sources.append(Source(Where.WHOLE_TEXT, 0.0, tuple(l.text for l in lines)))
    for t in (tables or []):
        if t.caption:
            sources.append(Source(Where.CAPTION, WEIGHT_CAPTION, (t.caption,), t.page))
    every_cell = tuple(" ".join(c.text.split()) for t in (tables or []) for row in t.header + t.body for c in row if c.text)
    if every_cell:  # read only when the texts name no region: a report made of tables may name it in one cell
        sources.append(Source(Where.EVERY_CELL, WEIGHT_TABLE_CELL, every_cell))
    # a report made of tables only says what it is in its first tables' headings: they weigh as a page
    cell_weight = WEIGHT_TABLE_CELL if lines else WEIGHT_PAGE
    for t in (tables or [])[:TABLES_READ]:
        cells = [c.text for row in t.header + t.body[:ROWS_READ] for c in row if c.text]
        if cells:
            sources.append(Source(Where.TABLE, cell_weight, tuple(" ".join(c.split()) for c in cells), t.page))
    return sources


# A running head names the document in a short line; a longer repeated line is a table's heading row.
RUNNING_HEAD_MAX_CHARS = 90


def running_heads(lines: list[TextLine], first_page: int) -> tuple[str, ...]:
    """The short lines printed alike (page numbers aside) on two or more of the first pages: a running
    head or footer ("LKIP BPLHD Provinsi Jawa Barat 2016"). The reader drops them from the third
    page on; the first two remain."""
    pages: dict[str, set[int]] = defaultdict(set)
    printed: dict[str, str] = {}
    for l in lines:
        if l.page < first_page + LATER_PAGES and len(l.text) <= RUNNING_HEAD_MAX_CHARS:
            key = head_key(l.text)
            pages[key].add(l.page)
            printed.setdefault(key, l.text)
    return tuple(printed[k] for k, p in pages.items() if len(p) >= 2 and k)


def head_key(text: str) -> str:
    """What a running head repeats from page to page: its text without the page number it prints ("Halaman 3",
    "II-4", a number at its end)."""
    return re.sub(r"\b(?:halaman|hal\.?)\s*\S+|\b[ivxl]+\s*-\s*\d+\b|\s\d{1,3}\s*$", " ", text.lower()).strip()


# A letterhead: the regional government an agency belongs to, printed at the top of a form or a spreadsheet's page
# ("PEMERINTAH KABUPATEN CONTOH", "CAPAIAN KINERJA DINAS X PEMERINTAH KOTA CONTOH").
LETTERHEAD_RE = re.compile(r"\bpemerintah\s+(?:kabupaten|kab\.?|kota|provinsi|prov\.?)\s+[A-Za-z]", re.IGNORECASE)


def letterhead_lines(margins: list[TextLine], lines: list[TextLine]) -> list[TextLine]:
    """The first page's margin lines that are a letterhead (`LETTERHEAD_RE`) printed on that page only: read as the
    first lines of the page (a one-page form's heading falls in the band the reader keeps for running heads);
    repeated on other pages, they are running heads and read as such."""
    first_page = min((l.page for l in [*lines, *margins]), default=1)
    elsewhere = {head_key(l.text) for l in margins if l.page != first_page}
    return [l for l in margins if l.page == first_page and LETTERHEAD_RE.search(l.text)
            and head_key(l.text) not in elsewhere]


def titled_margin_lines(margins: list[TextLine]) -> tuple[str, ...]:
    """The margin lines that name the document's kind ("LKjIP Dinas Contoh … Tahun 2023 III-4"): a running foot by
    its words, though a report of one page prints it once."""
    from pipeline.metadata.kind import kinds_in  # kind reads the sources this module gathers

    titled: dict[str, str] = {}
    for l in margins:
        if len(l.text) <= RUNNING_HEAD_MAX_CHARS and kinds_in(l.text):
            titled.setdefault(head_key(l.text), l.text)  # once, whatever page number it prints
    return tuple(titled.values())


def read_by(sources: list[Source], *kinds: Where) -> list[Source]:
    """The sources of these kinds."""
    return [s for s in sources if s.kind in kinds]
