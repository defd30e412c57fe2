"""Every printed number of the shared corpus gold files parses to the gold value.

A measurement, not a unit test: marked `corpus`, deselected by `make test` (pyproject addopts) and run
by `make eval-corpus`; skipped when ../shared/corpus is absent."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalizers.numbers import FormatNote, in_row_context, parse_number

GOLD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gold"
FUTURE_FLAGS = (FormatNote.FUTURE_REALISATION, FormatNote.FUTURE_CAPAIAN)
FIELDS = (("target_text", "target"), ("realization_text", "realization"), ("achievement_text", "achievement_pct"))


def gold_cells():
    if not GOLD.is_dir():
        return []
    cells = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text())
        for row in gold["performance"]:
            parsed = [parse_number(row[t]) if row.get(t) is not None else None for t, _ in FIELDS]
            # the same row context the pipeline applies (future years, capaian read through the ratio)
            parsed = in_row_context(*parsed, year=row.get("year"), report_year=gold.get("report_year"))
            for (text_key, value_key), p in zip(FIELDS, parsed):
                if p is not None:
                    cells.append((path.stem[:3], row["table"], p, row[value_key]))
    return cells


CELLS = gold_cells()


@pytest.mark.corpus
@pytest.mark.skipif(not CELLS, reason="shared corpus not present")
def test_gold_number_cells_parse_to_gold_values():
    wrong = []
    for report, table, parsed, expected in CELLS:
        value, printed = parsed.value, parsed.printed
        if expected is None and parsed.format_note in FUTURE_FLAGS:
            continue  # the house rule keeps a value printed for a year after the fiscal year, flagged
        if (value is None) != (expected is None) or (value is not None and abs(value - expected) > 1e-9 * max(1, abs(expected))):
            wrong.append(f"{report} {table}: {printed!r} -> {value} (gold {expected})")
    assert not wrong, f"{len(wrong)}/{len(CELLS)} cells differ:\n" + "\n".join(wrong[:60])
