"""What is not a record: rows of measurement tables that name no indicator.

A performance record needs an indicator name. Tables also carry rows that are not indicators: the
districts of a statistics table ("KABUPATEN CIAMIS"), a row code standing alone in the name cell
("5.7.3.3."), punctuation. Names keep what was printed, less the row number printed in front of
them ("6.1 Jumlah kawasan", "7) Prosentase …") and letter-spaced words are closed up
("T e r s e l e n g g a r a n y a" -> "Terselenggaranya").

In:  the `PerformanceRecord`s of one report.
Out: the records kept (names tidied) and the `RejectedRow`s, each with its `RejectReason`, which
     stay in the extracted JSON so a reader can see what was left out and why.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.models import PerformanceRecord, RejectedRow, RejectReason

# The row number printed in front of a name: "6", "6.1", "2.", "7)", "a.", "(3)".
LEADING_NUMBER = re.compile(r"^\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z][.)])\s+(?=[A-Za-z])", re.IGNORECASE)
ROW_CODE = re.compile(r"\W*(?:\d{1,3}(?:[.,]\d{1,3})*|[a-z]|[ivx]+)\W*", re.IGNORECASE)
# A district, city or province named alone: the rows of a statistics table by region.
REGION = re.compile(r"(?:kabupaten|kab\.|kota|provinsi|prov\.)(?:[\s_]+[a-z.'-]+){0,3}|jawa barat|jumlah kab(?:upaten)?/kota",
                    re.IGNORECASE)
# Letters printed with a space between each ("T e r s e l e n g g a r a n y a"): four or more in a row.
LETTER_SPACED = re.compile(r"\b(?:[A-Za-z] ){3,}[A-Za-z]\b")


# Bullets a font maps into the private use area (Symbol / Wingdings "\uf0b7", "\uf0a7", …).
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def closed_up(text: str) -> str:
    """Letter-spaced words closed up: "T O T A L" -> "TOTAL"."""
    return LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def tidy_name(name: str) -> str:
    """The printed name less its row number and private-use bullet glyphs, with letter-spaced words closed up."""
    name = PRIVATE_USE.sub(" ", name).strip()
    name = closed_up(name)
    stripped = LEADING_NUMBER.sub("", name, count=1).strip()
    return stripped if re.search(r"[A-Za-z]{2}", stripped) else name.strip()


def reason_not_a_record(name: str) -> RejectReason | None:
    text = name.strip()
    if ROW_CODE.fullmatch(text):
        return RejectReason.ROW_CODE_ONLY
    if not re.search(r"[A-Za-z]{2}", text):
        return RejectReason.NO_WORDS
    if REGION.fullmatch(text):
        return RejectReason.REGION_NAME
    return None


def keep_records(records: list[PerformanceRecord]) -> tuple[list[PerformanceRecord], list[RejectedRow]]:
    kept: list[PerformanceRecord] = []
    rejected: list[RejectedRow] = []
    for record in records:
        reason = reason_not_a_record(closed_up(record.indicator))
        if reason is not None:
            rejected.append(RejectedRow(reason, record.prov.table_label, record.prov.page, record.prov.row_index,
                                        record.indicator))
            continue
        kept.append(replace(record, indicator=tidy_name(record.indicator)))
    return kept, rejected
