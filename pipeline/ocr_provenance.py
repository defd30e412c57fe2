"""How sure OCR was of a record's values.

In:  a `PerformanceRecord` or `BudgetRecord` and the report's `RawTable`s by index.
Out: the lowest OCR confidence (0-100) of the cells its printed values came from, or None when
     the table was read from a text layer (nothing was OCRed).

The record names its table and row (`prov`); its printed values are looked up in that row (the
row index counts the table's rows as the row reader saw them, which may have merged a row broken
by a page break, so the rows next to it are searched too). A value not found there takes the
lowest confidence of its row.
"""
from __future__ import annotations

from extractors.grid import text_of
from pipeline.models import BudgetRecord, PerformanceRecord, RawTable

PRINTED_FIELDS = ("target_text", "realization_text", "achievement_text", "pagu_initial_text", "pagu_text",
                  "realization_pct_text", "efficiency_text")
NEAR_ROWS = 2  # the row reader's index may be this many rows off the extracted body's


def _is_ocr(table: RawTable) -> bool:
    return any(c.ocr_confidence is not None for row in table.header + table.body for c in row)


def _row_confidence(row) -> float | None:
    found = [c.ocr_confidence for c in row if c.ocr_confidence is not None and text_of(c)]
    return min(found) if found else None


def record_confidence(record: PerformanceRecord | BudgetRecord, tables: dict[int, RawTable]) -> float | None:
    """The lowest OCR confidence of the record's printed values; None for text-layer tables."""
    table = tables.get(record.prov.table_index) if record.prov.table_index is not None else None
    if table is None or not _is_ocr(table):
        return None
    printed = {" ".join(str(getattr(record, f)).split()) for f in PRINTED_FIELDS if getattr(record, f, None)}
    i = record.prov.row_index if record.prov.row_index is not None else 0
    rows = [table.body[k] for k in sorted(range(max(0, i - NEAR_ROWS), min(len(table.body), i + NEAR_ROWS + 1)),
                                          key=lambda k: abs(k - i))]
    found = []
    for text in printed:
        for row in rows:
            hit = [c.ocr_confidence for c in row if c.ocr_confidence is not None and " ".join(text_of(c).split()) == text]
            if hit:
                found.append(min(hit))
                break
    if found:
        return min(found)
    return _row_confidence(table.body[i]) if 0 <= i < len(table.body) else None
