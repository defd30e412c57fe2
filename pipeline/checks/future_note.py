"""Findings that rest on a value flagged as printed for a year after the fiscal year say so.

In:  the findings, and the performance rows with their format notes (the rows stage flags a realisasi
     or capaian printed for a year after the fiscal year: `FormatNote.FUTURE_REALISATION` /
     `FUTURE_CAPAIAN`; the value is kept, it is not certain: the column's year or the value may be
     misread).
Out: the same findings; one about such a value (its row, or its indicator and year in the subject)
     ends its detail with a note naming the flagged value, and an "error" becomes a "warning": the
     inconsistency may be the year's, not the agency's arithmetic.
"""
from __future__ import annotations

from normalizers.numbers import FormatNote
from pipeline.checks.common import PerfRow
from pipeline.models import Finding

FUTURE_FLAGS = {FormatNote.FUTURE_REALISATION.value: "realisasi", FormatNote.FUTURE_CAPAIAN.value: "capaian"}
NOTE = (" [rests on a {what} printed for {year}, after the fiscal year: not measured yet when the report was "
        "written, so the column's year or the value may be misread; check the table]")


def _flagged(row: PerfRow) -> str | None:
    """In: a performance row. Out: "realisasi" / "capaian" (joined) when its notes carry a future-year
    flag, else None."""
    notes = [part.split(": ", 1)[1] for part in (row.format_notes or "").split("; ") if ": " in part]
    what = [FUTURE_FLAGS[n] for n in notes if n in FUTURE_FLAGS]
    return " and ".join(what) or None


RULES_USING_EVERY_VALUE = {"achievement_ratio"}
"""Rules whose arithmetic uses the row's target, realisasi and capaian together."""
FIELD_WORDS = {"realisasi": ("realisasi", "realization"), "capaian": ("capaian", "achievement")}


def _rests_on(finding: Finding, what: str) -> bool:
    """In: a finding about a flagged row; what was flagged ("realisasi", "capaian" or both joined). Out: True
    when the finding uses that value: a rule over the whole row, or one whose subject or computation
    names the field ("capaian … (2018)", "realisasi printed … in …"), not a finding about the target alone."""
    if finding.rule in RULES_USING_EVERY_VALUE:
        return True
    words = f"{finding.subject} {finding.detail.split(' in ')[0]}".lower()
    return any(w in words for field in what.split(" and ") for w in FIELD_WORDS[field])


def note_future_findings(findings: list[Finding], perf: list[PerfRow]) -> list[Finding]:
    """In: findings; the performance rows. Out: the findings, those resting on a future-year value with
    the note in their detail and an error lowered to a warning."""
    by_row: dict[tuple, tuple[str, int | None]] = {}
    by_name: dict[tuple, list[tuple[str, str]]] = {}
    for r in perf:
        what = _flagged(r)
        if what is None:
            continue
        by_row[(r.source_file, r.table_index, r.row_index, r.year)] = (what, r.year)
        by_name.setdefault((r.source_file, r.year), []).append((r.indicator, what))
    if not by_row:
        return findings
    for f in findings:
        if "after the fiscal year" in f.detail:
            continue
        hit = next(((what, year) for (file, t, row, year), (what, _) in by_row.items()
                    if (file, t, row) == (f.source_file, f.table_index, f.row_index) and f"({year})" in f.subject), None)
        if hit is None:
            hit = next(((what, year) for (file, year), names in by_name.items() if file == f.source_file
                        and f"({year})" in f.subject for name, what in names if name and name in f.subject), None)
        if hit is None or not _rests_on(f, hit[0]):
            continue
        f.detail = f"{f.detail}{NOTE.format(what=hit[0], year=hit[1])}"
        if f.severity == "error":
            f.severity = "warning"
    return findings
