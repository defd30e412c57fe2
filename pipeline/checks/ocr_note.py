"""Findings about values read by OCR say so: an OCR misread is not the agency's error.

In:  the findings, and the OCR confidence of every performance and budget value read by OCR
     (source file, table label, page, subject, confidence), from the database.
Out: the same findings; those about a value read by OCR end their detail with a note that the
     value came from OCR, with its confidence, and may be misread.

A finding is matched to values by file, table and subject (the indicator or program it names),
else by file, table and page.
"""
from __future__ import annotations

from pipeline.models import Finding

NOTE = " [read by OCR, confidence {:.0f}/100: the printed value may be misread; check the page image]"


def _lowest(rows, key) -> dict:
    out: dict = {}
    for row in rows:
        k, confidence = key(row), row[4]
        if confidence is not None:
            out[k] = min(confidence, out.get(k, 100.0))
    return out


def note_ocr_findings(findings: list[Finding], ocr_values: list[tuple]) -> list[Finding]:
    """In: findings; rows (source_file, table_label, page, subject, ocr_confidence). Out: the
    findings, those about OCR-read values with the note in their detail."""
    by_subject = _lowest(ocr_values, lambda r: (r[0], r[1], r[3]))
    by_page = _lowest(ocr_values, lambda r: (r[0], r[1], r[2]))
    for f in findings:
        confidence = by_subject.get((f.source_file, f.table_label, f.subject),
                                    by_page.get((f.source_file, f.table_label, f.page)))
        if confidence is not None and "read by OCR" not in f.detail:
            f.detail = f"{f.detail}{NOTE.format(confidence)}"
    return findings
