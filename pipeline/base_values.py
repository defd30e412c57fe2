"""Values in base units: one scale for the figures analysts compare across tables and reports.

The same quantity prints as "26,18" under a Satuan "Juta US$", "26.180.000", "1,8 miliar", or "185,80"
under a Satuan "Triliun Rupiah". The rows stage keeps each value as the report gives it: a cell's own
scale word ("1,8 miliar", Readings settled 5) and a money column's heading ("Pagu Indikatif (Rp. 000)")
are applied when the cell is read (and `budget_years` undoes a heading's scale for amounts printed in
full); a Satuan's scale word or a caption's note ("(dalam ribuan rupiah)") is not. This stage puts the
value in base units beside the value as read, with where its scale was read, so that a person can see why.

In:  an ExtractedReport after the rows stage (records with `applied_scales`; the tables with their captions).
Out: each record's `*_base` values, `scale_source` (a ScaleSource code) and `scale_evidence` (the printed
     words and the factor); a performance record's `base_unit` (the unit without its scale word) and, where no
     Satuan is printed, its `unit_kind` from the currency its cells print. The values as read, their printed
     text and provenance are untouched.

The first rule that holds for a value decides:
  1. a scale applied when read: the cell's own word (CELL) or its column heading's (COLUMN_HEADING): base = value;
  2. performance: a share, index, score, ratio or grade has no scale (NOT_SCALED): base = value;
  3. performance: a Satuan with a scale word, not a rate's denominator (UNIT_COLUMN): base = value × scale;
  4. a scale note in the value column's heading not applied when read: a budget amount the pipeline read as
     printed in full (PRINTED_IN_FULL, base = value); a performance value of money ("Target (juta)" with a
     Satuan "Rp") (COLUMN_HEADING, base = value × scale);
  5. money under a scale note in the caption or in a short line right above the table ("(dalam ribuan rupiah)")
     (TABLE_HEADING): base = value × scale, unless the amounts so scaled would pass any agency's budget
     (PRINTED_IN_FULL, base = value);
  6. no scale printed (NONE): base = value.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from normalizers.numbers import ParsedNumber, header_scale, parse_number
from normalizers.units import UnitScale, scale_factor, unit_scale
from pipeline.budget_years import beyond_any_budget
from pipeline.lexicon import SCALE_NOTE
from pipeline.models import BudgetRecord, ExtractedReport, PerformanceRecord, RawTable


class ScaleSource(StrEnum):
    CELL = "cell"  # the cell prints its scale word: "1,8 miliar", "157,64 Triliun Rupiah"
    COLUMN_HEADING = "column_heading"  # the value column's heading: "Pagu Indikatif (Rp. 000)"
    UNIT_COLUMN = "unit_column"  # the row's Satuan: "Triliun Rupiah", "Juta US$", "Ribu Ton"
    TABLE_HEADING = "table_heading"  # the caption or a note above the table: "(dalam ribuan rupiah)"
    PRINTED_IN_FULL = "printed_in_full"  # a heading names a scale its amounts do not follow
    NOT_SCALED = "not_scaled"  # a share, index, score, ratio or grade: no scale
    NONE = "none"  # no scale printed


# Kinds of unit that a scale never applies to: shares, indexes, scores, ratios, grades (normalizers/units.py).
UNSCALED_KINDS = {"percent", "index", "score", "ratio", "grade"}
# Kinds of unit that are money, which a table's note "(dalam ribuan rupiah)" scales.
MONEY_KINDS = {"rupiah", "usd"}
# A line above a table that states its scale and nothing much else ("(Dalam Ribuan Rupiah)", "dalam juta
# rupiah"): longer lines are narrative, whose "(juta)" may speak of another figure.
SCALE_NOTE_LINE = 60
# The lines right above a table searched for such a note (the caption's own line is searched whole).
NOTE_LINES_ABOVE = 2
CURRENCY_UNITS = {"IDR": "Rupiah", "USD": "US$"}
CURRENCY_KINDS = {"IDR": "rupiah", "USD": "usd"}


@dataclass(frozen=True)
class Decision:
    """The scale of one value: where it was read, the factor the stored value still needs, the words."""
    source: ScaleSource
    factor: float
    words: str


def applied_scales(cells: dict[str, ParsedNumber | None]) -> dict[str, str]:
    """{role: parsed cell} -> {role: scale word} for the values read with a scale applied ("juta")."""
    return {role: p.scale for role, p in cells.items() if p is not None and p.value is not None and p.scale}


def power(factor: float) -> str:
    """1e6 -> '× 10^6'."""
    return f"× 10^{round(math.log10(factor))}"


def _applied(word: str, text: str | None, heading: str | None) -> Decision:
    """A value read with its scale applied: its own cell's word, else its column heading's."""
    factor = scale_factor(word)
    if text and parse_number(text).scale:
        return Decision(ScaleSource.CELL, 1.0, f'cell "{" ".join(text.split())}" ({power(factor)}, applied when read)')
    where = f'column heading "{heading}"' if heading else "column heading"
    return Decision(ScaleSource.COLUMN_HEADING, 1.0, f"{where} ({power(factor)}, applied when read)")


def note_scale(text: str | None) -> tuple[str, float] | None:
    """A scale note in a heading -> (the note as printed, factor): '(dalam ribuan rupiah)' -> 1e3."""
    match = SCALE_NOTE.search(text or "")
    if match is None:
        return None
    return " ".join(match.group(0).split()), scale_factor(match.group("word") or match.group("word2"))


def table_note(table: RawTable | None) -> tuple[str, str, float] | None:
    """The scale a table's caption, or a short line right above it, states -> (where, the note, factor)."""
    if table is None:
        return None
    found = note_scale(table.caption)
    if found is not None:
        return "caption", *found
    lines = [line.strip() for line in (table.context_before or "").splitlines() if line.strip()]
    for line in reversed(lines[-NOTE_LINES_ABOVE:]):
        found = note_scale(line) if len(line) <= SCALE_NOTE_LINE else None
        if found is not None:
            return "line above the table", *found
    return None


def _combined(decisions: dict[str, Decision]) -> tuple[str | None, str | None]:
    """Per-value decisions -> the row's (scale_source, scale_evidence): one when they agree, else each named."""
    if not decisions:
        return None, None
    distinct = list(dict.fromkeys((d.source, d.words) for d in decisions.values()))
    if len(distinct) == 1:
        return distinct[0][0].value, distinct[0][1]
    source = next((d.source for d in decisions.values() if d.source is not ScaleSource.NONE), ScaleSource.NONE)
    return source.value, "; ".join(f"{role}: {d.words}" for role, d in decisions.items())


def _performance_decision(r: PerformanceRecord, role: str, text: str | None, money: bool,
                          note: tuple[str, str, float] | None, scale: UnitScale | None) -> Decision:
    heading = r.column_paths.get(role) or r.column_paths.get("column")
    if role in r.applied_scales:
        return _applied(r.applied_scales[role], text, heading)
    if r.unit_kind in UNSCALED_KINDS:
        return Decision(ScaleSource.NOT_SCALED, 1.0, f"{r.unit_kind}: no scale")
    if scale is not None:
        return Decision(ScaleSource.UNIT_COLUMN, scale.factor, f'unit column "{r.unit}" ({power(scale.factor)})')
    in_heading = note_scale(heading)
    if money and in_heading is not None:
        return Decision(ScaleSource.COLUMN_HEADING, in_heading[1], f'column heading "{heading}" ({power(in_heading[1])})')
    if money and note is not None:
        return Decision(ScaleSource.TABLE_HEADING, note[2], f'{note[0]} "{note[1]}" ({power(note[2])})')
    return Decision(ScaleSource.NONE, 1.0, "no scale printed")


def performance_base(r: PerformanceRecord, table: RawTable | None) -> None:
    """Fill one performance record's target_base, realization_base, base_unit, scale_source and scale_evidence."""
    texts = {"target": r.target_text, "realization": r.realization_text}
    values = {"target": r.target, "realization": r.realization}
    currency = next((c for c in (parse_number(t).currency for t in texts.values() if t) if c), None)
    if r.unit_kind is None and currency is not None:
        r.unit_kind = CURRENCY_KINDS[currency]  # "157,64 Triliun Rupiah" with no Satuan printed
    money = r.unit_kind in MONEY_KINDS
    scale = unit_scale(r.unit)
    note = table_note(table)
    decisions = {role: _performance_decision(r, role, texts[role], money, note, scale)
                 for role, value in values.items() if value is not None}
    r.target_base = None if r.target is None else r.target * decisions["target"].factor
    r.realization_base = None if r.realization is None else r.realization * decisions["realization"].factor
    r.scale_source, r.scale_evidence = _combined(decisions)
    if scale is not None:
        r.base_unit = scale.base_unit or (CURRENCY_UNITS["IDR"] if r.unit_kind == "rupiah" else None)
    elif r.unit:
        r.base_unit = r.unit
    elif currency is not None:
        r.base_unit = CURRENCY_UNITS[currency]


BUDGET_AMOUNTS = (("pagu_initial", "pagu_initial"), ("pagu", "pagu"), ("realization", "budget_realization"))
"""(record field, column role) of the amounts of a budget row."""


def _budget_heading(columns: list[dict], role: str, year: int | None) -> str | None:
    """The heading of the budget table's column of that role and year (else of that role) that states a scale."""
    scaled = [c for c in columns if c.get("role") == role and header_scale(c.get("header"), money=True)]
    return next((c["header"] for c in scaled if c.get("year") == year), scaled[0]["header"] if scaled else None)


def _budget_decision(b: BudgetRecord, field: str, role: str, columns: list[dict],
                     note: tuple[str, str, float] | None, table_median: float) -> Decision:
    heading = _budget_heading(columns, role, b.year)
    if field in b.applied_scales:
        return _applied(b.applied_scales[field], getattr(b, f"{field}_text"), heading)
    if heading is not None:
        return Decision(ScaleSource.PRINTED_IN_FULL, 1.0,
                        f'column heading "{heading}" names a scale; its amounts are printed in full (as read)')
    if note is not None:
        if beyond_any_budget(table_median * note[2]):
            return Decision(ScaleSource.PRINTED_IN_FULL, 1.0, f'{note[0]} "{note[1]}" names a scale; {power(note[2])} '
                            "would pass any agency's budget: printed in full")
        return Decision(ScaleSource.TABLE_HEADING, note[2], f'{note[0]} "{note[1]}" ({power(note[2])})')
    return Decision(ScaleSource.NONE, 1.0, "no scale printed")


def _median(values: list[float]) -> float:
    ordered = sorted(abs(v) for v in values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def budget_base(b: BudgetRecord, table: RawTable | None, columns: list[dict], table_median: float) -> None:
    """Fill one budget record's pagu_initial_base, pagu_base, realization_base, scale_source and scale_evidence."""
    note = table_note(table)
    decisions = {}
    for field, role in BUDGET_AMOUNTS:
        value = getattr(b, field)
        if value is None:
            continue
        decisions[field] = _budget_decision(b, field, role, columns, note, table_median)
        setattr(b, f"{field}_base", value * decisions[field].factor)
    b.scale_source, b.scale_evidence = _combined(decisions)


def attach_base_values(report: ExtractedReport) -> None:
    """Every record of the report gets its values in base units and the evidence of their scale (in place)."""
    tables = {t.index: t for t in report.tables}
    for r in report.performance:
        performance_base(r, tables.get(r.prov.table_index) if r.prov.table_index is not None else None)
    medians: dict[int | None, list[float]] = {}
    for b in report.budget:
        medians.setdefault(b.prov.table_index, []).extend(
            v for v in (b.pagu_initial, b.pagu, b.realization) if v is not None and not b.is_total)
    for b in report.budget:
        index = b.prov.table_index
        budget_base(b, tables.get(index) if index is not None else None,
                    report.column_roles.get(index, []) if index is not None else [], _median(medians.get(index, [])))

