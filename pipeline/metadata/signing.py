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


def signing_dates(sources: list[Source]) -> list[tuple[int, int, str]]:
    """(year, month, line) of every signature's place and date line in the cover and pages given."""
    out = []
    for source in sources:
        if source.kind not in SIGNED_SOURCES:
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
