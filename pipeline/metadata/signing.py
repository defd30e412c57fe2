"""The date a report is signed on, and the last fiscal year a report on a year gone by can then be on.

In:  the `Source`s of a report (its cover and first pages) and its kind.
Out: None, or (the last fiscal year possible, the signature line that says so).

A foreword, a statement of responsibility or a letter is signed under a line giving the place and the
date ("Purwodadi, 20 Februari 2023" / "Kepala Dinas" / the name). A report on a year gone by (an LKjIP,
an evaluation) is made after that year ends: signed in the first months of year Y, it reports on Y - 1
at the latest, however its cover is titled (covers print the year of publication too: "LAPORAN
KINERJA" / "2024" over a report on 2023). The latest signature of the first pages counts: a Perjanjian
Kinerja bound in early is signed at the start of the year it sets targets for, before the report.
"""
from __future__ import annotations

import re

from pipeline.metadata.evidence import Source, Where
from pipeline.metadata.kind import COVER_LINE_MAX_CHARS, SENTENCE_WORDS_RE
from pipeline.metadata.year import YEAR

# Month names as reports print them, with the spellings and slips seen in signatures ("Nopember", "Janury").
MONTH_NUMBERS = {
    "januari": 1, "janury": 1, "janri": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5,
    "juni": 6, "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11,
    "desember": 12,
}
# A signature's place and date on a line of their own: a place name (letters, at most a few words), a
# comma, the day (some leave it blank: "Bandung,      Maret 2017"), the month in words, the year.
SIGNING_LINE_RE = re.compile(
    rf"^\s*[^\W\d][^\W\d.,]*(?:[ .'-]+[^\W\d][^\W\d.,]*){{0,3}}\s*,\s*(?:tanggal\s+)?(?:\d{{1,2}}\s+)?"
    rf"({'|'.join(MONTH_NUMBERS)})\s+({YEAR})\s*$",
    re.IGNORECASE)
# Kinds that report on a year gone by (CONTRACT.md, documents: kind).
REPORTS_ON_PAST_YEAR = ("LKjIP", "evaluation")
# The months a report on the year before is made in: an LKjIP is due by the end of March
# (PermenPANRB 53/2014), some are signed later; one signed in the second half of a year may be a
# report on that year's first half (a quarterly or semester report), so it bounds nothing below it.
LAST_MONTH_AFTER_YEAR = 6
# The sources a foreword or statement stands in.
SIGNED_SOURCES = (Where.COVER, Where.PAGE)


# A page titled as a Perjanjian Kinerja: a line that opens with its name (formerly Penetapan Kinerja), as a title
# ("PERJANJIAN KINERJA TAHUN 2019") or a caption ("Tabel 2.1 Perjanjian Kinerja Tahun 2019"), short and no sentence
# (`metadata.kind`'s tests); a sentence naming one ("… terhadap perjanjian kinerja.") does not.
AGREEMENT_TITLE_RE = re.compile(r"^\W*(?:tabel\s+[\d.]+\s*)?(?:perjanjian|penetapan)\s+kinerja\b", re.IGNORECASE)


def _is_agreement_page(source: Source) -> bool:
    """A page that prints a Perjanjian Kinerja: its signature is the agreement's, made at the start of the year it
    sets targets for (an LKjIP's second chapter shows the year's signed PK), not the report's."""
    return source.kind is Where.PAGE and any(
        AGREEMENT_TITLE_RE.search(line) and len(line) <= COVER_LINE_MAX_CHARS and not SENTENCE_WORDS_RE.search(line)
        for line in source.lines)


def signing_dates(sources: list[Source]) -> list[tuple[int, int, str]]:
    """(year, month, line) of every signature's place and date line in the cover and pages given, less those of
    pages that print a Perjanjian Kinerja (`_is_agreement_page`)."""
    out = []
    for source in sources:
        if source.kind not in SIGNED_SOURCES or _is_agreement_page(source):
            continue
        for line in source.lines:
            m = SIGNING_LINE_RE.match(line)
            if m:
                out.append((int(m.group(2)), MONTH_NUMBERS[m.group(1).lower()], f"{source.where}: {line.strip()}"))
    return out


def last_year_reported(sources: list[Source], kind: str) -> tuple[int, str] | None:
    """The last fiscal year a report of `kind` signed as its first pages show can be on, and the line
    that says so; None for a kind made before or during its year (a plan, a PK) or without a signature."""
    if kind not in REPORTS_ON_PAST_YEAR:
        return None
    dates = signing_dates(sources)
    if not dates:
        return None
    year, month, line = max(dates)
    return (year - 1 if month <= LAST_MONTH_AFTER_YEAR else year), line
