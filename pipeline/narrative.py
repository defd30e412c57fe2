"""Facts from a report's running text, for the validator.

In:  the narrative lines of one report (`TextLine`: page, text) and its tables.
Out: `CellNote`s, one per malformed number ("Rp.37.241,44,94 miliar": two decimal commas), and
     `PrintedAggregate`s of kind "complement" where the text states both the share of the budget
     spent and the share not spent ("penyerapan anggaran … 74,65 %. Tidak terserapnya anggaran …
     15,35 %"), each tied to the nearest table so findings carry file, page and table.
"""
from __future__ import annotations

import re

from normalizers.numbers import parse_number
from pipeline.models import CellNote, PrintedAggregate, Provenance, RawTable, TextLine

# a thousands group, then two or more decimal groups: enumerations such as "2,3,4" are not numbers
MALFORMED_NUMBER = re.compile(r"(?<![\d,])(?<!\d\.)\d{1,3}(?:\.\d{3})+,\d+(?:,\d+)+(?![\d,])")


PERCENT = r"(\d{1,3}(?:,\d+)?)\s*(?:%|persen)"
ABSORPTION = re.compile(
    r"\b(?:penyerapan|serapan|realisasi)\s+anggaran\b[^.%]{0,160}?\b(?:mencapai|sebesar|adalah)\s+" + PERCENT
    + r"[^%]{0,200}?\btidak\s+(?:terserap(?:nya)?|terealisasi(?:nya)?)\s+anggaran\b[^.%]{0,60}?" + PERCENT,
    re.I)


def page_texts(lines: list[TextLine]) -> list[tuple[int, str]]:
    """The narrative of each page as one line of single-spaced text, so a phrase broken across
    lines is found whole."""
    pages: dict[int, list[str]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line.text)
    return [(page, " ".join(" ".join(texts).split())) for page, texts in sorted(pages.items())]


def absorption_complements(lines: list[TextLine], tables: list[RawTable], source_file: str) -> list[PrintedAggregate]:
    """Budget absorption and its complement stated in one passage: the two must add up to 100 %."""
    out = []
    for page, flat in page_texts(lines):
        for m in ABSORPTION.finditer(flat):
            spent, unspent = parse_number(m.group(1)), parse_number(m.group(2))
            if spent.value is None or unspent.value is None:
                continue
            table, _ = _nearest_table(m.group(2), page, tables)
            out.append(PrintedAggregate(
                "complement", Provenance(source_file, page, table.index if table else None,
                                         table.label if table else None, None),
                "text", "anggaran tidak terserap (%)", m.group(2), unspent.value, [m.group(1)], [spent.value],
                max(spent.decimals, unspent.decimals)))
    return out


def _nearest_table(printed: str, page: int, tables: list[RawTable]) -> tuple[RawTable | None, str]:
    """The table whose surrounding text holds the number ("text after" / "text before" it), else
    the last table that starts on an earlier page."""
    for t in tables:
        if printed in " ".join(t.context_after.split()):
            return t, "text after the table"
    for t in tables:
        if printed in " ".join(t.context_before.split()):
            return t, "text before the table"
    earlier = [t for t in tables if t.pages and min(t.pages) < page]
    return (max(earlier, key=lambda t: t.index), "text on a later page") if earlier else (None, "text")


def malformed_number_notes(lines: list[TextLine], tables: list[RawTable], source_file: str) -> list[CellNote]:
    """Numbers that are not valid Indonesian numbers ("37.241,44,94"), one note each."""
    notes = []
    for page, flat in page_texts(lines):
        for m in MALFORMED_NUMBER.finditer(flat):
            parsed = parse_number(m.group(0))
            if parsed.value is None:
                continue
            table, where = _nearest_table(m.group(0), page, tables)
            words = " ".join(flat[max(0, m.start() - 80):m.start()].split()[-8:])
            notes.append(CellNote(
                Provenance(source_file, page, table.index if table else None, table.label if table else None, None),
                where, f"… {words} {m.group(0)}", m.group(0), parsed.value,
                parsed.format_note or "malformed number"))
    return notes
