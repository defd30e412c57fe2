"""Read a report's agency, region and fiscal year from its cover and first pages.

In:  the narrative `TextLine`s of the first pages (and the PDF's title metadata if any).
Out: `ReportMeta`. The fiscal year is the year the report measures ("LKjIP Tahun 2022",
     "T.A. 2022"), not the date it was signed ("28 Februari 2023").
"""
from __future__ import annotations

import datetime
import re
from collections import Counter

from normalizers.names import agency_key, region_key, tidy_agency_name
from pipeline.models import ReportMeta, TextLine

MONTHS = "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
AGENCY_RE = re.compile(
    r"\b((?:dinas|badan|sekretariat|inspektorat|kantor|biro|satuan polisi|rumah sakit|kecamatan|bappeda|"
    r"bagian|kementerian|lembaga|direktorat)\b[^\n]{3,160}?)\s+(?=(?:kota|kabupaten|kab\.|provinsi|prov\.)\s)",
    re.I,
)
# The kind of region in any case, then its name: capitalised words ("Jawa Barat", "JAWA BARAT"), so the
# words of the sentence that follows ("… Jawa Barat terdiri dari") are not taken into the name.
REGION_RE = re.compile(r"\b((?i:kota administrasi|kota|kabupaten|kab\.|provinsi|prov\.))\s+"
                       r"([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})")
REGION_STOP = re.compile(r"\s+(tahun|t\.a\.?|ta\b|jl\.?|jalan|\d).*$", re.I)


# A regulation cited by its number and year ("Peraturan Daerah Nomor 12 Tahun 2009",
# "Permenpan RB No. 53 Tahun 2014"): its year is not the year the report measures.
CITATION_RE = re.compile(r"\b(?:nomor|no\.?)\s*:?\s*[\w./-]+\s+tahun\s+(?:19|20)\d\d(?!\d)", re.IGNORECASE)
# A plan period ("Tahun 2013-2018", "Tahun 2013 – ", "2005-2025"): its first year is not the fiscal year.
PERIOD_RE = re.compile(r"(?:19|20)\d\d\s*(?:[-–]|s\.?\s?d\.?|sampai)\s*(?:(?:19|20)\d\d\b|$)", re.IGNORECASE)
# Years a report can measure: a year outside the table headers' range of the document is a cited one.
HEADER_YEAR_RE = re.compile(r"\b(?:tahun|ta\.?|t\.a\.?)\s*(20\d\d)\b", re.IGNORECASE)


# The first year a report can measure: Inpres 7/1999 made agencies report their performance (LAKIP).
FIRST_REPORT_YEAR = 1999


def plausible_year(year: int, this_year: int | None = None) -> bool:
    """A year a report can measure: from FIRST_REPORT_YEAR to this calendar year (a year is reported
    on once it has run; a later one is a misread, OCR reads "2016" as "2076"). Not bounded by the
    dates the report prints: its first pages may date only a cited decree, years before."""
    return FIRST_REPORT_YEAR <= year <= (this_year or datetime.date.today().year)


def fiscal_year(lines: list[str], this_year: int | None = None) -> int | None:
    """The plausible year the title lines name most ("LKjIP Tahun 2022" weighs most)."""
    votes: Counter[int] = Counter()
    for i, line in enumerate(lines):
        line_no_dates = re.sub(rf"\d{{1,2}}\s+({MONTHS})\s+(20\d\d)", " ", line, flags=re.I)
        line_no_dates = CITATION_RE.sub(" ", line_no_dates)
        line_no_dates = PERIOD_RE.sub(" ", line_no_dates)
        weight = 3 if re.search(r"lkj?ip|lakip|laporan kinerja", line, re.I) else 1
        for m in re.finditer(r"(?:tahun anggaran|t\.\s?a\.?|tahun|ta)\s*(20\d\d)\b", line_no_dates, re.I):
            if plausible_year(int(m.group(1)), this_year):
                votes[int(m.group(1))] += weight * (3 if i < 40 else 1)
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def _region_of(text: str) -> str | None:
    m = REGION_RE.search(text)
    if not m:
        return None
    kind = {"kab.": "Kabupaten", "prov.": "Provinsi"}.get(m.group(1).lower(), m.group(1).title())
    name = re.split(r"\.(?:\s|$)", REGION_STOP.sub("", m.group(2)))[0].strip(" ,.")  # a sentence ends the name
    if not name:
        return None
    words = [w if w.isupper() and len(w) <= 3 else w.capitalize() for w in name.split()]
    return f"{kind} {' '.join(words)}"


RENSTRA_RE = re.compile(r"\b(renstra|rencana strategis)\b[^\n]{0,80}?(20\d\d)\s*[-–]\s*(20\d\d)", re.I)


def renstra_end(lines: list[str]) -> int | None:
    """The last year of the Renstra period most often named in the report ("Renstra 2021-2026")."""
    votes: Counter[int] = Counter()
    for line in lines:
        for m in RENSTRA_RE.finditer(line):
            start, end = int(m.group(2)), int(m.group(3))
            if 2 <= end - start <= 6:
                votes[end] += 1
    return votes.most_common(1)[0][0] if votes else None


def year_of_tables(headings: list[str]) -> int | None:
    """The year most table headings and captions name ("Realisasi … Tahun 2023"): the fiscal year of a
    report that prints no narrative (a quarterly evaluation made of tables only)."""
    votes: Counter[int] = Counter(int(m.group(1)) for text in headings for m in HEADER_YEAR_RE.finditer(text or "")
                                  if plausible_year(int(m.group(1))))
    return votes.most_common(1)[0][0] if votes else None


def read_metadata(lines: list[TextLine], pdf_title: str | None = None,
                  table_headings: list[str] | None = None) -> ReportMeta:
    """`table_headings`: the captions and header texts of the report's tables, read when the
    narrative names no fiscal year."""
    first = [l.text for l in lines if l.page <= 4][:400]
    clean = [re.sub(r"[*#_`]+", " ", l).strip() for l in first]
    agency = region = None
    candidates = ([pdf_title] if pdf_title else []) + clean
    joined_cover = " ".join(c for c in clean[:30] if c)
    for text in candidates + [joined_cover]:
        m = AGENCY_RE.search(text or "")
        if m:
            agency = tidy_agency_name(m.group(1))
            region = _region_of(text[m.end():])
            if region:
                break
    if region is None:
        for text in candidates:
            region = _region_of(text or "")
            if region:
                break
    year = fiscal_year(([pdf_title] if pdf_title else []) + clean) or year_of_tables(table_headings or [])
    title = next((c for c in clean if re.search(r"laporan kinerja|lkj?ip|lakip", c, re.I)), pdf_title)
    return ReportMeta(agency=agency, region=region, report_year=year, agency_key=agency_key(agency),
                      region_key=region_key(region), title=title, renstra_end=renstra_end([l.text for l in lines]))
