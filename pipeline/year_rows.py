"""Year-as-row tables: one row per year, one column per quantity.

A Renstra's review of the past period often prints each indicator's history as a small table of its
own: the first column counts the years ("Tahun" 2016 … 2020, then perhaps a "Rata rata" row), and
the columns are the quantities measured, under group headings that say what each is: "Target ›
Nilai (Rp)", "Realisasi › Nilai (Rp)", "Realisasi › Kenaikan", "Persentase › Realisasi thd Target".
The table names no indicator in its body: its caption names the subject ("Produksi Perikanan
Tangkap Laut Tahun 2016-2020") and each quantity is an indicator of it, named "<subject> - <quantity>".

A column's heading parts say its role and its quantity:
- the last part a capaian heading ("Persentase", "Capaian", "Realisasi thd Target") -> the capaian of
  the quantity the other parts name (of the table's first measured quantity when they name none);
- a part that is a role word with at most a unit ("Target", "Realisasi (Rp/Kg)") -> that role of the
  quantity the other parts name ("Krupuk Udang › Target (Rp/Kg)": the target of Krupuk Udang);
- no role word ("Persentase › Kenaikan") -> the realisation of the quantity the whole path names.

In:  a table and its layout (column paths).
Out: `years_down_the_rows(table)`: whether the table is one; `year_row_records(...)`: one record per
     (quantity, year), values as printed, rows of no year (averages) left out.
"""
from __future__ import annotations

import re

from extractors.grid import PATH_SEP, text_of
from normalizers.numbers import parse_column
from normalizers.units import unit_kind
from pipeline.base_values import applied_scales
from pipeline.lexicon import BARE_YEAR, YEAR, YEAR_IN_TEXT
from pipeline.models import PerformanceRecord, Provenance, RawTable

# The year column's heading: "Tahun", or none.
YEAR_HEADING = re.compile(r"(tahun|thn)?", re.I)
# At least this many rows are years, and most filled cells of the first column (an average row may follow).
MIN_YEAR_ROWS = 2
YEAR_ROW_SHARE = 0.6
UNIT_IN_BRACKETS = re.compile(r"\s*\(([^()]*)\)\s*$")
ROLE_WORDS = {"target": "target", "realisasi": "realization"}
# The last heading of a capaian column: realisation against target, in percent.
CAPAIAN_HEADING = re.compile(r"persentase|capaian|%|realisasi\s+(thd|terhadap)\s+target", re.I)
# A group heading over percentages only, no quantity of its own.
PERCENT_GROUP = re.compile(r"persentase|%", re.I)
# The caption's words that frame the subject: "Target dan Realisasi …", "Peningkatan …" (the table
# follows the quantity itself year by year), "… Tahun 2016 - 2020".
CAPTION_FRAME = re.compile(r"^\s*(target\s+dan\s+realisasi|realisasi\s+dan\s+target|peningkatan)\s+|"
                           rf"\s*(tahun\s*)?{YEAR}(\s*[-–]\s*{YEAR})?\s*$", re.I)


def _first_column(table: RawTable) -> list[str]:
    return [" ".join(text_of(r[0]).split()) for r in table.body if r and text_of(r[0])]


def years_down_the_rows(table: RawTable) -> bool:
    """The first column is headed "Tahun" (or not at all) and its cells are years, most of them; the
    other headings name a target or a realisation; no heading prints a year."""
    if table.n_cols < 2 or not table.header:
        return False
    first_heading = " ".join(text_of(row[0]) for row in table.header if row).strip()
    if not YEAR_HEADING.fullmatch(first_heading):
        return False
    first = _first_column(table)
    years = [t for t in first if BARE_YEAR.fullmatch(t)]
    if len(years) < MIN_YEAR_ROWS or len(years) < YEAR_ROW_SHARE * len(first):
        return False
    headings = " ".join(text_of(c) for row in table.header for c in row[1:])
    return bool(re.search(r"\b(target|realisasi)\b", headings, re.I)) and not YEAR_IN_TEXT.search(headings)


def caption_subject(caption: str | None, label: str | None) -> str:
    """The caption without its label, its "Target dan Realisasi" and its years."""
    text = " ".join((caption or "").split())
    if label and text.lower().startswith(label.lower()):
        text = text[len(label):]
    previous = None
    while previous != text:
        previous, text = text, CAPTION_FRAME.sub("", text).strip(" -–:")
    return text


def _role_part(part: str) -> str | None:
    """The role a heading part names when it is a role word with at most a unit ("Target (kg)")."""
    return ROLE_WORDS.get(UNIT_IN_BRACKETS.sub("", part).strip().lower())


def column_reading(path: str) -> tuple[str, str, str | None]:
    """(role, quantity, unit) of one column from its heading parts; quantity "" when the parts name
    none but the role (the table's first quantity)."""
    parts = [p.strip() for p in path.split(PATH_SEP) if p.strip()]
    if not parts:
        return "realization", "", None
    units = [m.group(1) for p in parts if (m := UNIT_IN_BRACKETS.search(p))]
    unit = units[-1].strip() if units else None
    if CAPAIAN_HEADING.fullmatch(parts[-1]):
        rest = [p for p in parts[:-1] if not PERCENT_GROUP.fullmatch(p)]
        return "achievement", " ".join(rest), None
    for k, part in enumerate(parts):
        role = _role_part(part)
        if role is not None:
            return role, " ".join(parts[:k] + parts[k + 1:]), unit
    return "realization", " ".join(parts), unit


def year_row_records(table: RawTable, paths: list[str], source_file: str) -> list[PerformanceRecord]:
    """One record per quantity and year of a year-as-row table (see the module's docstring)."""
    readings = {j: column_reading(paths[j]) for j in range(1, min(len(paths), table.n_cols))}
    measured = [q for role, q, _ in readings.values() if q and role != "achievement"]
    main = measured[0] if measured else ""
    by_quantity: dict[str, dict[str, int]] = {}
    units: dict[str, str | None] = {}
    for j, (role, quantity, unit) in readings.items():
        quantity = quantity or main
        by_quantity.setdefault(quantity, {}).setdefault(role, j)
        units[quantity] = units.get(quantity) or unit
    parsed = {j: parse_column([text_of(r[j]) if j < len(r) else "" for r in table.body]) for j in readings}
    subject = caption_subject(table.caption, table.label)
    records = []
    for i, row in enumerate(table.body):
        year_text = text_of(row[0]).strip() if row else ""
        if not BARE_YEAR.fullmatch(year_text):
            continue
        for quantity, roles in by_quantity.items():
            values = {role: parsed[j][i] for role, j in roles.items()}
            if all(v.kind == "empty" for v in values.values()):
                continue
            name = f"{subject} - {quantity}" if subject and quantity else (subject or quantity)
            t, r, a = values.get("target"), values.get("realization"), values.get("achievement")
            unit = units.get(quantity)
            records.append(PerformanceRecord(
                prov=Provenance(source_file, row[0].page or table.page, table.index, table.label, i),
                level="sasaran", sasaran=None, indicator=name, unit=unit, unit_kind=unit_kind(unit),
                year=int(year_text),
                target=t.value if t else None, target_text=t.printed if t else None,
                realization=r.value if r else None, realization_text=r.printed if r else None,
                achievement_pct=a.value if a else None, achievement_text=a.printed if a else None,
                column_paths={role: paths[j] for role, j in roles.items()},
                format_notes=[f"{k}: {v.format_note}" for k, v in values.items() if v.format_note],
                applied_scales=applied_scales({"target": t, "realization": r})))
    return records
