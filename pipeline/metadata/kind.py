"""What kind of document a report is: LKjIP, Renstra, RPJMD, Renja, PK, IKU, Rencana Aksi,
budget-realisation, budget-plan, evaluation, financial-notes or other.

In:  the `Source`s of a report.
Out: a `Decision` whose value is one of KINDS.

A document names its own kind in its title: on the cover, in the PDF's title, in its file name and
in the headings that open its pages. Its sentences name other documents too (an LKjIP cites the
Renstra it measures against), so a sentence weighs little (WEIGHT_SENTENCE).
"""
from __future__ import annotations

import re

from pipeline.metadata.evidence import (
    CAPTION_LINE_RE,
    HEADING_LINE_MAX_CHARS,
    HEADING_MAX_LINES,
    TITLES,
    Decision,
    Source,
    Where,
)
from pipeline.metadata.year import without_citations

# The titles of each kind, as covers, headings and file names print them.
KIND_TITLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Laporan Kinerja (Instansi Pemerintah), LKjIP / LKIP / LAKIP / LAKIN, Laporan Akuntabilitas Kinerja
    # and its mandated opening chapter, the Ikhtisar Eksekutif (executive summary), printed as a page's heading
    ("LKjIP", re.compile(r"\blaporan\s+(?:akuntabilitas\s+)?kinerja\b(?!\s+(?:pada\s+)?triwulan)|\blkj?ip\b|\blakip\b|"
                         r"\blakin\b|\blaporan\s+akuntabilitas\b|^\W*ikhtisar\s+eksekutif\W*$", re.I)),
    # Rencana Strategis (Renstra) of an agency; "Rencana Strategi" as some covers print it
    ("Renstra", re.compile(r"\brenstra\b|\brencana\s+strategi(?:s)?\b", re.I)),
    # Rencana Pembangunan Jangka Menengah Daerah: the regional government's five-year plan
    ("RPJMD", re.compile(r"\brpjmd\b|\brencana\s+pembangunan\s+jangka\s+menengah\s+daerah\b", re.I)),
    # Rencana Kerja (Renja): an agency's plan for one year; not RKPD (the government's), not RKT
    # (nor the RKA, Rencana Kerja dan Anggaran: a budget)
    ("Renja", re.compile(r"\brenja\b|\brencana\s+kerja\b(?!\s+(?:pemerintah|tahunan|(?:dan\s+)?anggaran))", re.I)),
    # Perjanjian Kinerja (PK), formerly Penetapan Kinerja: the year's targets signed with the superior
    ("PK", re.compile(r"\bperjanjian\s+kinerja\b|\bpenetapan\s+kinerja\b|(?<![\w.])pk(?![\w.])", re.I)),
    # Indikator Kinerja Utama as a document of its own
    ("IKU", re.compile(r"^\W*(?:penetapan\s+)?indikator\s+kinerja\s+utama\b|(?<![\w.])iku(?![\w.])", re.I)),
    # Rencana Aksi (kinerja): the quarterly steps towards the PK's targets
    ("Rencana Aksi", re.compile(r"\brencana\s+aksi\b|\brenc\.?\s+aksi\b|\brenaksi\b", re.I)),
    # Realisasi Fisik dan Keuangan (RFK), realisasi anggaran, monitoring & evaluasi of the budget
    ("budget-realisation", re.compile(r"\brealisasi\s+(?:fisik\s+dan\s+keuangan|anggaran)\b|\brfk\b|\bmonev\b|"
                                      r"\blaporan\s+realisasi\b", re.I)),
    # DIPA, DPA (Dokumen Pelaksanaan Anggaran), RKA (Rencana Kerja dan Anggaran), APBD and its Perubahan: budgets
    # as planned
    ("budget-plan", re.compile(r"\bdipa\b|\bdpa\b|\brka\b|\banggaran\s+pendapatan\s+dan\s+belanja\b|\bapbd\b|"
                               r"\bdokumen\s+pelaksanaan\s+anggaran\b|\brencana\s+kerja\s+(?:dan\s+)?anggaran\b", re.I)),
    # Evaluasi (triwulan): the quarterly evaluation of the Renja or RKPD
    ("evaluation", re.compile(r"\btriwulan\b|\bevaluasi\s+(?:hasil\s+)?(?:pelaksanaan\s+)?(?:renja|rkpd|rencana\s+kerja|kinerja)\b",
                              re.I)),
    # Catatan atas Laporan Keuangan (CaLK), Laporan Keuangan Pemerintah Daerah
    ("financial-notes", re.compile(r"\bcatatan\s+atas\s+laporan\s+keuangan\b|\bcalk\b|\blaporan\s+keuangan\b", re.I)),
)
KINDS = tuple(k for k, _ in KIND_TITLES) + ("other",)
# A title the cover prints is short; a sentence naming a document in passing is not. A page's heading
# is shorter still: the first lines of a page are as often the end of the sentence of the page before.
COVER_LINE_MAX_CHARS = 90
HEADING_MAX_CHARS = 60
HEADING_LINES = 3  # the lines that open a page (its heading) name what the page holds
LEADER_DOTS_RE = re.compile(r"\.{4,}|…{2,}")  # "BAB I PENDAHULUAN ........ 1": a table of contents' entry
WEIGHT_SENTENCE = 0.1  # a document named inside a sentence of the first pages, or in a table's caption
# A sentence about the document itself: "menyusun Laporan Kinerja", "penyusunan LKIP", "Renstra ini".
WEIGHT_SELF = 1.0
SELF_BEFORE_RE = re.compile(r"(?:menyusun|penyusunan|disusunnya|tersusunnya|diselesaikan|dokumen)\s+(?:\w+\s+){0,2}$",
                            re.IGNORECASE)
SELF_AFTER_RE = re.compile(r"^[^.,;]{0,40}?\bini\b", re.IGNORECASE)
# A kind needs at least one title or one sentence about the document itself: documents named in passing
# (WEIGHT_SENTENCE each) are what a report cites, not what it is.
MIN_KIND_WEIGHT = 1.0
# Words of a sentence, never of a title: a cover's line holding one is a sentence (it votes as one).
SENTENCE_WORDS_RE = re.compile(r"\b(?:yang|merupakan|adalah|dengan|untuk|dalam|sesuai|menyusun|disusun|telah|akan|"
                               r"oleh|bahwa|sebagai|tersebut|dapat|berdasarkan)\b", re.IGNORECASE)
# A regulation's title after "tentang" names the documents it rules on, not this one.
REGULATION_TITLE_RE = re.compile(r"\btentang\b.*$", re.IGNORECASE)
# Kinds whose words appear inside the titles of others: "Realisasi Anggaran" inside an LKjIP's chapter,
# "Perjanjian Kinerja" inside a "Rencana Aksi Capaian Perjanjian Kinerja". The longer title wins a line.
# The five-year plans, and the documents made under one: a cover titled by one of the latter that names a plan on a
# later line ("Mengacu Renstra 2021-2026") is the latter.
PLANS = ("RPJMD", "Renstra")
FOLLOWS_A_PLAN = ("LKjIP", "PK", "Renja", "IKU", "Rencana Aksi", "evaluation")
KIND_PRIORITY = ("Rencana Aksi", "financial-notes", "budget-realisation", "evaluation", "RPJMD", "Renstra", "Renja",
                 "LKjIP", "PK", "budget-plan", "IKU")


def kinds_in(text: str) -> list[str]:
    """The kinds whose titles a text names, the one a line is about first (KIND_PRIORITY)."""
    found = [kind for kind, pattern in KIND_TITLES if pattern.search(text)]
    return sorted(found, key=KIND_PRIORITY.index)


def _clean(line: str) -> str:
    return REGULATION_TITLE_RE.sub(" ", without_citations(line))


def heading_of(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The heading a page opens with: its short lines (a letterhead, a title) up to the first
    sentence, HEADING_LINES at least; a table of contents' entries (leader dots) are no heading."""
    out = []
    for k, line in enumerate(lines):
        if k >= HEADING_LINES and (len(line) > HEADING_LINE_MAX_CHARS or k >= HEADING_MAX_LINES):
            break
        if not LEADER_DOTS_RE.search(line):
            out.append(line)
    return tuple(out)


def title_votes(source: Source) -> dict[str, str]:
    """kind -> the line that names it, of a source's title lines (one vote per kind and source)."""
    if source.kind in TITLES or (source.kind is Where.TABLE and source.weight >= 1):  # a report made of tables only
        lines, limit = source.lines, COVER_LINE_MAX_CHARS
    elif source.kind is Where.PAGE and source.page != source.cover_page:
        lines, limit = heading_of(source.lines), HEADING_MAX_CHARS
    else:
        return {}
    out: dict[str, str] = {}
    for line in lines:
        found = kinds_in(_clean(line))
        if found and len(line) <= limit and not SENTENCE_WORDS_RE.search(line) and not CAPTION_LINE_RE.match(line):
            out.setdefault(found[0], line)
    if source.kind is Where.COVER and not out:  # a title broken over the cover's lines ("LAPORAN" / "AKUNTABILITAS KINERJA")
        titled = [line for line in lines if len(line) <= limit and not SENTENCE_WORDS_RE.search(line)]
        found = kinds_in(_clean(" ".join(titled)))
        if found:
            out[found[0]] = " / ".join(titled)
    if source.kind in TITLES and len(out) > 1:  # "Realisasi ... APBD": the title's own kind outranks what it names
        chosen = min(out, key=KIND_PRIORITY.index)
        first = next(iter(out))
        if chosen in PLANS and first in FOLLOWS_A_PLAN:
            chosen = first  # "LAPORAN KINERJA" / … / "Tahun Ketiga RPJMD 2021-2026": the plan the report follows
        return {chosen: out[chosen]}
    return out


def sentence_votes(source: Source) -> list[tuple[str, float, str]]:
    """(kind, weight, text) of the documents the sentences of a first page or a caption name; a
    sentence about this document itself ("menyusun LKIP ...", "Renstra ini") weighs WEIGHT_SELF."""
    if not (source.kind in (Where.CAPTION, Where.COVER) or (source.kind is Where.PAGE and source.weight >= 1)):
        return []
    out = []
    text = " ".join(_clean(line) for line in source.lines)
    for kind, pattern in KIND_TITLES:
        for m in pattern.finditer(text):
            self_named = source.kind is not Where.CAPTION and (
                SELF_BEFORE_RE.search(text[max(0, m.start() - 60):m.start()]) or SELF_AFTER_RE.search(text[m.end():]))
            out.append((kind, WEIGHT_SELF if self_named else WEIGHT_SENTENCE, text[max(0, m.start() - 40):m.end() + 20]))
    return out


def kind_votes(sources: list[Source]) -> Decision:
    """The cover's lines, the PDF's title, the file name and the headings that open each page vote
    with their weight (one vote per kind and text); the first pages' sentences and the captions with
    WEIGHT_SENTENCE, a sentence about the document itself with WEIGHT_SELF."""
    decision = Decision()
    pages = {s.page for s in sources if s.kind is Where.PAGE}
    for source in sources:
        for kind, line in title_votes(source).items():
            decision.add(kind, source.weight, source.where, line)
        if source.kind is Where.COVER and source.page in pages:
            continue  # its sentences vote with the page it heads
        for kind, weight, text in sentence_votes(source):
            decision.add(kind, weight, source.where, text)
    winner = decision.winner()
    decision.value = winner if winner and decision.totals()[winner] >= MIN_KIND_WEIGHT else "other"
    return decision
