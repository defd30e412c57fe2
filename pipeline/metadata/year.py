"""The fiscal year and, for a plan, its period.

In:  the `Source`s of a report and its kind.
Out: `Decision`s: the fiscal year (an LKjIP's reported year, a Renja's or PK's plan year, the first
     year of a Renstra's or RPJMD's period) and the plan period ("2021-2026").

A regulation's year ("Peraturan Daerah Nomor 12 Tahun 2009", broken over two lines or not), the
year of an official gazette ("Lembaran Negara Tahun 2004 Nomor 104"), a date ("28 Februari 2017",
"Januari 2017") and a plan period ("Tahun 2016 sampai dengan Tahun 2020") never vote for the
fiscal year.
"""
from __future__ import annotations

import datetime
import re
from collections import Counter

from pipeline.metadata.evidence import CAPTION_LINE_RE, HEADING_LINE_MAX_CHARS, Decision, Source, Where

MONTHS = "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember|janur?i"
YEAR = r"(?:19|20)\d\d(?!\d)"
# A regulation cited by its number and year ("Nomor 12 Tahun 2009", "No. 53 Tahun 2014", "UU 23/2014",
# "Nomor : 900/Kep.921-Keu/2009"), in any case, across the line break the sentence has.
# A regulation cited by its short name and number without "Nomor" ("PermenPANRB 14 Tahun 2017", "Perpres 18 Tahun
# 2020", "PP 12 Tahun 2019", "UU 23 Tahun 2014").
CITATION_RE = re.compile(rf"\b(?:nomor|no\.?)\s*:?\s*[\w./-]+\s+tahun\s+{YEAR}|"
                         rf"\b(?:permen\w*|kepmen\w*|perpres|keppres|inpres|perda|perkada|pergub|perbup|perwal|pp|uu)"
                         rf"\s+\d{{1,3}}\s+tahun\s+{YEAR}", re.IGNORECASE)
# The gazette a law is published in: "Lembaran Negara Republik Indonesia Tahun 2004 Nomor 104",
# "Berita Daerah ... Tahun 2016 Nomor 5": a year followed by a number is a citation too.
GAZETTE_RE = re.compile(rf"\btahun\s+{YEAR}\s+nomor\b", re.IGNORECASE)
# A date ("28 Februari 2017", "Januari 2017", "per 31 Desember 2020"): when it was signed, not the year measured.
DATE_RE = re.compile(rf"(?:\b\d{{1,2}}\s+)?\b(?:{MONTHS})\b\s*,?\s*{YEAR}", re.IGNORECASE)
# A period: "2021-2026", "2021 – 2026", "2013 s.d. 2018", "Tahun 2016 sampai dengan Tahun 2020".
PERIOD_RE = re.compile(rf"({YEAR})\s*(?:[-–—]|s\.?\s?/?d\.?|sampai\s+dengan|sampai|hingga)\s*(?:tahun\s+)?({YEAR})",
                       re.IGNORECASE)
# A period whose end the line leaves out ("Tahun 2013 –" at the end of a line, the end year lost).
DANGLING_PERIOD_RE = re.compile(rf"{YEAR}\s*[-–—]\s*$", re.IGNORECASE | re.MULTILINE)
# A year the report measures: "Tahun 2016", "Tahun Anggaran 2016", "T.A. 2016", "TA.2025", and as a form's field
# ("Tahun : 2023", "Tahun Anggaran: 2023": a web application's printed header).
YEAR_WORD_RE = re.compile(rf"\b(?<!edisi )(?:tahun\s+anggaran|tahun|t\.\s?a\.?|ta\.?)\s*:?\s*({YEAR})", re.IGNORECASE)
# An edition's year ("Edisi Tahun 2023", "Edisi 2023"): when the report was published, not the year it reports on.
EDITION_RE = re.compile(rf"\bedisi\s+(?:tahun\s+)?{YEAR}", re.IGNORECASE)
# The end of the period financial statements cover: "untuk tahun yang berakhir 31 Desember 2022", "periode yang
# berakhir pada tanggal 31 Desember 2023": that year is the fiscal year (the date is no signature's).
PERIOD_END_RE = re.compile(rf"\b(?:tahun|periode)\s+yang\s+berakhir\s+(?:pada\s+)?(?:tanggal\s+)?31\s+desember\s+({YEAR})",
                           re.IGNORECASE)
# "Tahun", "TA", "T.A." right before a year: that year is counted by YEAR_WORD_RE already.
YEAR_WORD_BEFORE_RE = re.compile(r"\b(?:tahun\s+anggaran|tahun|t\.\s?a\.?|ta\.?)\s*$", re.IGNORECASE)
# A year alone as a word of a file name ("LKIP BPBD 2016.pdf").
BARE_YEAR_RE = re.compile(rf"(?<!\d)({YEAR})")
# The words of a document's own title near a year: that year is the one it is about.
TITLE_WORDS_RE = re.compile(
    r"laporan\s+kinerja|lkj?ip|lakip|lakin|laporan\s+akuntabilitas|perjanjian\s+kinerja|penetapan\s+kinerja|"
    r"rencana\s+kerja|renja|rencana\s+aksi|apbd|dipa|laporan\s+keuangan|laporan\s+realisasi|rencana\s+strategis|"
    r"renstra|rpjmd",
    re.IGNORECASE)
TITLE_WORD_FACTOR = 3.0  # "LKIP Tahun 2016" weighs three times a "tahun 2016" in a sentence
TITLE_WORD_REACH = 60  # characters before the year the title words may stand
# A cover's heading lines are the document's title whole: its title words reach every year printed under them
# ("LAPORAN KINERJA" / "DINAS …" / "KABUPATEN …" / "TAHUN 2022"), however long the agency's name between.
WHOLE_TEXT_REACH = (Where.COVER, Where.PDF_TITLE)
# What a period, a citation or a date is blanked with: the reach of title words stops there ("Renstra
# Tahun 2021-2026. Pada tahun 2018 …": "Renstra" titles the period, not the next sentence's year).
BLANK = "\x1f"
# A plan's period: a Renstra is made for 5 years (a reviewed one for what is left: 2021-2023), an RPJMD
# for 5; an RPJPD's 20 years are no plan period of a report.
PERIOD_MIN_YEARS, PERIOD_MAX_YEARS = 2, 6
PLAN_WORDS_RE = re.compile(r"renstra|rencana\s+strategis|rencana\s+strategi\b|rpjmd?|jangka\s+menengah|periode",
                           re.IGNORECASE)
# The first year a report can measure: Inpres 7/1999 made agencies report their performance (LAKIP).
FIRST_REPORT_YEAR = 1999
PLAN_KINDS = ("Renstra", "RPJMD")
# Documents set for a period that is no plan of their own: an IKU (or a decree setting one, read as "other") names
# the years it holds for; its fiscal year is the period's first when no text names another.
PERIOD_KINDS = ("IKU", "other")


def plausible_year(year: int, this_year: int | None = None) -> bool:
    """A year a report can measure: from FIRST_REPORT_YEAR to this calendar year (a year is reported
    on once it has run; a later one is a misread, OCR reads "2016" as "2076"). A plan's period may
    reach later (see `plausible_plan_year`)."""
    return FIRST_REPORT_YEAR <= year <= (this_year or datetime.date.today().year)


def plausible_plan_year(year: int, this_year: int | None = None) -> bool:
    """A year a plan can start in: a Renja or Renstra is made the year before it starts."""
    return FIRST_REPORT_YEAR <= year <= (this_year or datetime.date.today().year) + 1


def without_citations(text: str, blank: str = " ") -> str:
    """The text with cited regulations, gazettes, dates and editions blanked (their years are not the report's)."""
    text = EDITION_RE.sub(blank, text)
    text = CITATION_RE.sub(blank, text)
    text = GAZETTE_RE.sub(blank, text)
    return DATE_RE.sub(blank, text)


def title_reach(source: Source, text: str, start: int) -> str:
    """The text before `start` where the document's title words may stand: TITLE_WORD_REACH characters, and
    on a cover or a PDF title also the heading lines above (lines of at most HEADING_LINE_MAX_CHARS, up to
    a sentence); never across a blanked period or citation."""
    before = text[max(0, start - TITLE_WORD_REACH):start]
    if source.kind in WHOLE_TEXT_REACH:
        *above, own = text[:start].split("\n")
        heading = []
        for line in reversed(above):
            if len(line) > HEADING_LINE_MAX_CHARS:
                break  # a sentence: the title is not above it
            heading.append(line)
        before = "\n".join([*reversed(heading), own[-TITLE_WORD_REACH:]])
    return before.rsplit(BLANK, 1)[-1]


def period_votes(sources: list[Source]) -> Decision:
    """The plan periods the texts name, the cover's and those after a plan word weighing most. A text naming
    a period many times votes for it once, with its heaviest mention: a chapter evaluating the previous plan
    names that plan's period on every page."""
    decision = Decision()
    for source in sources:
        text = without_citations(source.text, BLANK)
        heaviest: dict[str, tuple[float, str]] = {}
        for m in PERIOD_RE.finditer(text):
            start, end = int(m.group(1)), int(m.group(2))
            if not (PERIOD_MIN_YEARS <= end - start <= PERIOD_MAX_YEARS and plausible_plan_year(start)):
                continue
            factor = TITLE_WORD_FACTOR if PLAN_WORDS_RE.search(title_reach(source, text, m.start())) else 1.0
            period = f"{start}-{end}"
            if source.weight * factor > heaviest.get(period, (0.0, ""))[0]:
                heaviest[period] = (source.weight * factor, text[max(0, m.start() - 40):m.end()])
        for period, (weight, printed) in heaviest.items():
            decision.add(period, weight, source.where, printed)
    return decision


def year_votes(sources: list[Source], this_year: int | None = None) -> Decision:
    """The years the texts say the report is about ("Tahun 2016", "T.A. 2016"), periods and
    citations set aside; a year near the document's title words weighs TITLE_WORD_FACTOR more."""
    decision = Decision()
    for source in sources:
        text = DANGLING_PERIOD_RE.sub(BLANK, PERIOD_RE.sub(BLANK, without_citations(_titles_of(source), BLANK)))
        pattern = BARE_YEAR_RE if source.kind is Where.FILE_NAME else YEAR_WORD_RE
        for m in PERIOD_END_RE.finditer(source.text):  # read before the date is blanked
            if plausible_plan_year(int(m.group(1)), this_year):
                decision.add(int(m.group(1)), source.weight, source.where, m.group(0))
        for m in pattern.finditer(text):
            year = int(m.group(1))
            if not plausible_plan_year(year, this_year):
                continue
            factor = TITLE_WORD_FACTOR if TITLE_WORDS_RE.search(title_reach(source, text, m.start())) else 1.0
            decision.add(year, source.weight * factor, source.where, text[max(0, m.start() - 50):m.end()])
        if source.kind is not Where.FILE_NAME:
            for year, line in titled_bare_years(text):
                if plausible_plan_year(year, this_year):
                    decision.add(year, source.weight * TITLE_WORD_FACTOR, source.where, line)
            for year, line in cover_year_lines(source, text):  # no "Tahun": it may be the date it was published
                if plausible_plan_year(year, this_year):
                    decision.add(year, source.weight, source.where, line)
    return decision


# A cover line that is a year and nothing else ("2022" under "LAPORAN KINERJA" / "DINAS …").
YEAR_LINE_RE = re.compile(rf"^\s*({YEAR})\s*$", re.MULTILINE)


def cover_year_lines(source: Source, text: str) -> list[tuple[int, str]]:
    """(year, line) of a year printed on a cover's line of its own below the cover's title words: most often
    the year the title is of, but without "Tahun" before it also the year the report was published in."""
    if source.kind is not Where.COVER:
        return []
    return [(int(m.group(1)), m.group(0).strip()) for m in YEAR_LINE_RE.finditer(text)
            if TITLE_WORDS_RE.search(title_reach(source, text, m.start()))]


def _titles_of(source: Source) -> str:
    """A source's text; a cover's without the captions of tables printed on it (a one-page report's "Tabel 3.1 …
    Tahun 2023 dan 2024" names the years the table holds, not the report's)."""
    if source.kind is not Where.COVER:
        return source.text
    return "\n".join(line for line in source.lines if not CAPTION_LINE_RE.match(line))


def titled_bare_years(text: str) -> list[tuple[int, str]]:
    """(year, line) of a year printed without "Tahun" after the title words on their line: "LKjIP
    2022", "LKIP BPLHD Provinsi Jawa Barat 2016" (a running head), "Perjanjian Kinerja 2023"."""
    out = []
    for line in text.split("\n"):
        title = TITLE_WORDS_RE.search(line)
        if not title:
            continue
        for m in BARE_YEAR_RE.finditer(line, title.end()):
            if m.start() - title.end() <= TITLE_WORD_REACH and not YEAR_WORD_BEFORE_RE.search(line[:m.start()]) \
                    and not re.match(r"\s*[-–./]", line[m.end():]) and not re.search(r"[-–./]\s*$", line[:m.start()]):
                out.append((int(m.group(1)), line))
    return out


def fiscal_year_of(sources: list[Source], kind: str, period: str | None, table_years: Decision,
                   this_year: int | None = None, named_period: str | None = None,
                   last_year: tuple[int, str] | None = None) -> Decision:
    """The fiscal year: a plan's first year; else the year the texts vote for, a year still to come
    left out unless the report is a plan for next year (a Renja, PK or Rencana Aksi is made before
    its year starts), and a year after `last_year` (the last a report signed when it was can be on:
    `signing.last_year_reported`) left out when the texts vote for one before it; the first year of the
    period the texts name (`named_period`) when they name no year outside it; the tables' headings when
    the texts name neither."""
    decision = year_votes(sources, this_year)
    if kind in PLAN_KINDS and period:
        decision.value = int(period[:4])
        decision.rule = f"a {kind}'s fiscal year is the first year of its period {period}"
        return decision
    ahead_allowed = kind in ("Renja", "PK", "Rencana Aksi", "budget-plan")
    totals = {y: w for y, w in decision.totals().items()
              if isinstance(y, int) and (plausible_year(y, this_year) or ahead_allowed)}
    if last_year and any(y <= last_year[0] for y in totals) and any(y > last_year[0] for y in totals):
        totals = {y: w for y, w in totals.items() if y <= last_year[0]}
        decision.rule = f"signed '{last_year[1]}': a report on a year gone by is on {last_year[0]} at the latest"
    if totals:
        decision.value = max(totals, key=lambda y: totals[y])
        return decision
    if named_period and kind in PERIOD_KINDS:  # "IKU 2023-2027": the period's first year, as a plan's
        decision.value = int(named_period[:4])
        decision.rule = f"no text names a year but the period {named_period}: its first year"
        return decision
    table_years.value = table_years.winner()
    table_years.rule = "no text names the year: the year the tables' headings name most"
    return table_years


# A year printed bare in a heading ("Anggaran 2022", "2024") weighs this much of one after "Tahun": a table's
# columns run over several years, one of which is the report's.
BARE_HEADING_YEAR_WEIGHT = 0.5


def table_year_votes(headings: list[str]) -> Decision:
    """The years the tables' captions and headings name ("Realisasi … Tahun 2023"); years printed bare ("Anggaran
    2022 | Realisasi 2022 | Realisasi 2021") only when no heading names one after "Tahun"."""
    decision = Decision()
    bare = Decision()
    for text in headings:
        clean = PERIOD_RE.sub(" ", without_citations(text or ""))
        for m in YEAR_WORD_RE.finditer(clean):
            if plausible_year(int(m.group(1))):
                decision.add(int(m.group(1)), 1.0, "table heading", text)
        for m in BARE_YEAR_RE.finditer(clean):
            if plausible_year(int(m.group(1))):
                bare.add(int(m.group(1)), BARE_HEADING_YEAR_WEIGHT, "table heading, a year printed bare", text)
    return decision if decision.votes else bare


def fiscal_year(lines: list[str], this_year: int | None = None) -> int | None:
    """The plausible year lines of text name most (the title's words weighing most)."""
    decision = year_votes([Source(Where.PAGE, 1.0, tuple(lines))], this_year)
    totals = {y: w for y, w in decision.totals().items() if isinstance(y, int) and plausible_year(y, this_year)}
    return max(totals, key=lambda y: totals[y]) if totals else None


RENSTRA_RE = re.compile(r"\b(renstra|rencana strategis)\b[^\n]{0,80}?(20\d\d)\s*[-–]\s*(20\d\d)", re.I)


def renstra_end(lines: list[str]) -> int | None:
    """The last year of the Renstra period most often named in the report ("Renstra 2021-2026"): the
    year "Target akhir Renstra" columns refer to."""
    votes: Counter[int] = Counter()
    for line in lines:
        for m in RENSTRA_RE.finditer(line):
            start, end = int(m.group(2)), int(m.group(3))
            if 2 <= end - start <= 6:
                votes[end] += 1
    return votes.most_common(1)[0][0] if votes else None
