"""Validator: check the arithmetic of every report in the database.

In:  the database (performance and budget values with their printed text and provenance).
Out: `Finding`s, one per inconsistency, each with the printed and the expected value, the
     computation in words, and file, page and table. Rule ids follow shared/eval/CONTRACT.md:
     achievement_ratio, budget_ratio, efficiency, children_sum, total_sum, row_sum, cross_table,
     format_anomaly.

A finding is raised only when the difference exceeds what rounding of the printed value explains
(one unit of its last printed decimal); Rupiah must add up exactly. The rules are pure functions
over `PerfRow` / `BudgetRow` lists, so they are tested without a database.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.engine import Engine

from normalizers.names import indicator_form
from normalizers.numbers import parse_number
from pipeline import db
from pipeline.models import Finding

LOWER_IS_BETTER = re.compile(
    r"inflasi|kemiskinan|pengangguran|disparitas|keluhan|pengaduan|fluktuasi|koefisien variasi|gini|"
    r"kematian|stunting|kasus|kerugian|temuan|\bmenurun|\bpenurunan|\bturunnya|\bberkurang|waktu (tunggu|penyelesaian)",
    re.I,
)
CAPS = (105.0, 110.0, 115.0, 120.0, 125.0, 150.0)  # printed caps agencies declare; 100 is not assumed


@dataclass
class PerfRow:
    source_file: str
    table_index: int | None
    table_label: str | None
    page: int | None
    row_index: int | None
    indicator: str
    year: int | None
    level: str | None
    target: float | None
    target_text: str | None
    realization: float | None
    realization_text: str | None
    achievement: float | None
    achievement_text: str | None
    format_notes: str | None = None  # "target: decimal point instead of comma; …" as the rows stage recorded
    column_paths: str | None = None  # JSON {role: header path} of the columns the values came from
    caption: str | None = None  # the table's caption


@dataclass
class BudgetRow:
    source_file: str
    table_index: int | None
    table_label: str | None
    page: int | None
    row_index: int | None
    name: str
    code: str | None
    level: str | None
    year: int | None
    pagu: float | None
    pagu_text: str | None
    realization: float | None
    realization_text: str | None
    pct: float | None
    pct_text: str | None
    achievement: float | None
    efficiency: float | None
    efficiency_text: str | None
    parent_row: int | None
    is_total: bool
    caption: str | None = None  # the table's caption
    pagu_initial: float | None = None  # the ceiling before the change (murni / sebelum perubahan)
    pagu_initial_text: str | None = None


def fmt(value: float | None, decimals: int = 2) -> str:
    """Indonesian form for the detail texts: 1.234,56."""
    if value is None:
        return "-"
    text = f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def rounding_unit(printed: str | None) -> float:
    return 10.0 ** -parse_number(printed).decimals if printed else 1.0


def differs(reported: float, expected: float, printed: str | None) -> bool:
    return abs(reported - expected) > rounding_unit(printed) + 1e-9


def differ_printed(a: float, a_text: str | None, b: float, b_text: str | None) -> bool:
    """Two printings of one quantity differ when the coarser cannot be the rounding of the finer:
    further apart than half a unit of the coarser printing's last decimal (73,4 vs 73,44 agree;
    69 vs 70 and 9 vs 8,05 do not)."""
    return abs(a - b) > max(rounding_unit(a_text), rounding_unit(b_text)) / 2 + 1e-9


def _num(value: float) -> str:
    """A number as Indonesian reports print it, without trailing zeros: 8,05 / 25.449.669.550."""
    return fmt(value, 4).rstrip("0").rstrip(",")


def _where(row) -> str:
    return f"{row.table_label or 'an unlabelled table'} (page {row.page})"


# ---------------------------------------------------------------- performance
def achievement_findings(rows: list[PerfRow]) -> list[Finding]:
    out = []
    for r in rows:
        if r.level == "total":
            continue
        if None in (r.target, r.realization, r.achievement) or r.target == 0:
            continue
        if parse_number(r.target_text).grade and parse_number(r.realization_text).grade is None:
            continue
        t, real, reported = r.target, r.realization, r.achievement
        lower = bool(LOWER_IS_BETTER.search(r.indicator))
        R, T = _num(real), _num(t)
        formulas = {f"{R} / {T} × 100 (realisasi / target)": real / t * 100}
        if lower:
            formulas = {f"(2 × {T} − {R}) / {T} × 100 ((2 × target − realisasi) / target)": (2 * t - real) / t * 100}
            if real:
                formulas[f"{T} / {R} × 100 (target / realisasi)"] = t / real * 100
        if any(not differs(reported, v, r.achievement_text) for v in formulas.values()):
            continue
        if any(abs(reported - cap) < 1e-9 and v > cap for cap in CAPS for v in formulas.values()):
            continue  # capped capaian (many agencies cap at 100 / 110 / 120 %)
        name, expected = next(iter(formulas.items()))
        direction = "lower is better" if lower else "higher is better"
        detail = (f"{name} = {fmt(expected)}, printed {r.achievement_text!s}; {direction}, judged from the "
                  f"indicator's wording" + ("; the inverse formulas do not give it either" if lower else ""))
        out.append(Finding(r.source_file, r.table_label, r.page, "achievement_ratio",
                           "error" if abs(reported - expected) > 1 else "warning",
                           f"{r.indicator} ({r.year})", reported, round(expected, 4), detail, r.table_index, r.row_index))
    return out


def _literal_reading(printed: str) -> float | None:
    digits = re.sub(r"[^\d]", "", printed or "")
    return float(digits) if digits else None


FORMAT_PROBLEMS = ("decimal point", "malformed", "implausible", "English number format", "comma used as thousands")


def is_format_anomaly(note: str | None) -> bool:
    """A printed number the normalizer had to read against the document's own convention: a
    decimal point where the report writes decimal commas ("12.4", "30.769%"), malformed digit
    groups, English format."""
    return bool(note) and any(p in note for p in FORMAT_PROBLEMS) and "leading zero" not in note


def format_findings(rows: list[PerfRow]) -> list[Finding]:
    """Numbers whose printed form is implausible, as the normalizer recorded when it read them."""
    out = []
    for r in rows:
        notes = dict(part.split(": ", 1) for part in (r.format_notes or "").split("; ") if ": " in part)
        for field, label, value, printed in (("target", "target", r.target, r.target_text),
                                             ("realization", "realisasi", r.realization, r.realization_text),
                                             ("achievement", "capaian", r.achievement, r.achievement_text)):
            note = notes.get(field)
            if value is None or not is_format_anomaly(note):
                continue
            literal = _literal_reading(printed)
            detail = (f"Printed \"{printed}\": read with '.' as thousands separator it is {_num(literal)}; "
                      f"taken as {_num(value)} ({note}).")
            out.append(Finding(r.source_file, r.table_label, r.page, "format_anomaly", "info",
                               f"{r.indicator} {label} ({r.year})", literal, value, detail, r.table_index, r.row_index))
    return out


def cell_note_findings(notes: list[tuple]) -> list[Finding]:
    """(source_file, table_index, table_label, page, row_index, column_path, subject, printed, value, note) rows:
    odd numbers in quarterly columns and malformed numbers in the running text."""
    out = []
    for file, table_index, label, page, row_index, column_path, subject, printed, value, note in notes:
        if not is_format_anomaly(note):
            continue
        if "several decimal commas" in (note or ""):
            head, decimals = re.sub(r"[^\d.,]", "", printed).split(",", 2)[:2]
            reported, expected = value, float(f"{head.replace('.', '')}.{decimals}")
            detail = (f"Printed \"{printed}\" has more than one decimal comma, not a valid number: dropping the "
                      f"extra comma gives {_num(reported)}; up to the first decimal group it is {_num(expected)}.")
            label = f"{label or 'unlabelled'} ({column_path})" if row_index is None and label else label
        else:
            reported, expected = _literal_reading(printed), value
            detail = (f"Printed \"{printed}\": read with '.' as thousands separator it is {_num(reported)}; "
                      f"taken as {_num(value)} ({note}).")
        out.append(Finding(file, label, page, "format_anomaly", "info", subject, reported, expected, detail,
                           table_index, row_index))
    return out


def _same_version(a: dict, b: dict, printed: dict) -> bool:
    """Two tables print the same version of a set of values when most shared keys agree."""
    shared = [k for k in a if k in b]
    agree = sum(1 for k in shared if not differs(a[k], b[k], printed.get(k)))
    return len(shared) >= 2 and agree >= 1 and agree * 2 >= len(shared)


def cross_table_findings(perf: list[PerfRow], budget: list[BudgetRow]) -> list[Finding]:
    out = []
    # performance targets / realisations of the same indicator and year in two tables
    for field in ("target", "realization"):
        by_table: dict[tuple[str, int | None], dict] = defaultdict(dict)
        rows_by_key: dict = {}
        for r in perf:
            value = getattr(r, field)
            if value is None or r.level == "total":
                continue
            key = (indicator_form(r.indicator), r.year)  # one indicator, whatever level a table files it under
            by_table[(r.source_file, r.table_index)].setdefault(key, value)
            rows_by_key[(r.source_file, r.table_index, key)] = r
        out += _compare_tables(by_table, rows_by_key, field, lambda r: getattr(r, f"{field}_text"),
                               lambda r: f"{r.indicator} ({r.year})")
    by_table = defaultdict(dict)
    rows_by_key = {}
    ceilings = _ceilings(budget)
    same_name = _name_representatives(b.name for _, b in ceilings if b.level in ("program", "kegiatan", "sub_kegiatan"))
    for table_id, b in ceilings:
        if b.level not in ("program", "kegiatan", "sub_kegiatan"):
            continue
        key = (same_name[indicator_form(b.name)], b.year)
        by_table[table_id].setdefault(key, b.pagu)
        rows_by_key[(*table_id, key)] = b
    out += _compare_tables(by_table, rows_by_key, "pagu", lambda r: r.pagu_text, lambda r: f"{r.name} ({r.year})")
    out += _confirmed_by_children(budget, by_table, rows_by_key)
    out += _compare_totals(ceilings, by_table)
    return out


def _ceilings(budget: list[BudgetRow]) -> list[tuple[tuple, BudgetRow]]:
    """Every printed ceiling with the identity of its column: (file, table, "pagu") for the final
    ceiling and (file, table, "pagu_initial") for the one before the change, as a row whose pagu is
    that ceiling, so a table printing both is compared column by column with the others."""
    out = []
    for b in budget:
        if b.pagu is not None:
            out.append(((b.source_file, b.table_index, "pagu"), b))
        if b.pagu_initial is not None:
            label = f"{b.table_label or 'unlabelled'} (pagu awal)"
            out.append(((b.source_file, b.table_index, "pagu_initial"),
                        replace(b, pagu=b.pagu_initial, pagu_text=b.pagu_initial_text, table_label=label)))
    return out


def _name_representatives(names) -> dict[str, str]:
    """Normalised names mapped to the first name printed almost the same (ratio ≥ 95: "Urusan
    Pemerintah Daerah" / "Urusan Pemerintahan Daerah"), so two printings of one program meet."""
    out: dict[str, str] = {}
    for form in dict.fromkeys(indicator_form(n) for n in names):
        out[form] = next((rep for rep in dict.fromkeys(out.values()) if fuzz.ratio(form, rep) >= 95), form)
    return out


def _compare_totals(ceilings: list[tuple[tuple, BudgetRow]], by_table) -> list[Finding]:
    """Two tables (or ceiling columns) that list exactly the same programs (at least two) for a
    year must print the same TOTAL / JUMLAH ceiling for it."""
    totals = [(table_id, b) for table_id, b in ceilings if b.is_total]
    out, seen = [], set()
    for i, (id_a, ta) in enumerate(totals):
        keys_a = {k for k in by_table.get(id_a, {}) if k[1] == ta.year}
        for id_b, tb in totals[i + 1:]:
            if id_b[0] != id_a[0] or id_b[1] == id_a[1] or tb.year != ta.year or (id_a[0], ta.year) in seen:
                continue
            keys_b = {k for k in by_table.get(id_b, {}) if k[1] == tb.year}
            if not _best_matching_columns(by_table, id_a, id_b):
                continue
            if len(keys_a) < 2 or keys_a != keys_b or abs(ta.pagu - tb.pagu) < 0.5:
                continue
            seen.add((id_a[0], ta.year))
            detail = (f"{_where(tb)} and {_where(ta)} list the same {len(keys_a)} programs for {ta.year} but print "
                      f"totals {tb.pagu_text} and {ta.pagu_text} (difference {fmt(tb.pagu - ta.pagu, 0)})")
            out.append(Finding(tb.source_file, f"{tb.table_label or 'unlabelled'} vs {ta.table_label or 'unlabelled'}",
                               tb.page, "cross_table", "error", f"{tb.name} pagu ({ta.year})", tb.pagu, ta.pagu,
                               detail, tb.table_index, tb.row_index))
    return out


def _confirmed_by_children(budget: list[BudgetRow], by_table, rows_by_key) -> list[Finding]:
    """A ceiling printed differently in two tables where one printing is confirmed by the sum of
    its own sub-rows: the other printing is the odd one out, even when the tables share nothing else."""
    sums: dict[tuple, float] = defaultdict(float)
    for b in budget:
        if b.parent_row is not None and b.pagu is not None:
            sums[(b.source_file, b.table_index, b.parent_row)] += b.pagu
    out = []
    for id_b, values_b in by_table.items():
        if id_b[2] != "pagu":
            continue
        for key, value_b in values_b.items():
            rb = rows_by_key[(*id_b, key)]
            children_sum = sums.get((id_b[0], id_b[1], rb.row_index))
            if children_sum is None or abs(children_sum - value_b) < 0.5:
                continue
            for id_a, values_a in by_table.items():
                if id_a[0] != id_b[0] or id_a[1] == id_b[1] or key not in values_a:
                    continue
                if abs(values_a[key] - children_sum) < 0.5:
                    ra = rows_by_key[(*id_a, key)]
                    detail = (f"pagu printed {rb.pagu_text} in {_where(rb)} but {ra.pagu_text} in {_where(ra)}; "
                              f"the sub-rows under it in {rb.table_label or 'its table'} add up to {ra.pagu_text}")
                    out.append(Finding(rb.source_file, f"{rb.table_label or 'unlabelled'} vs {ra.table_label or 'unlabelled'}",
                                       rb.page, "cross_table", "error", f"{rb.name} ({rb.year})", value_b,
                                       values_a[key], detail, rb.table_index, rb.row_index))
                    break
    return out


def _agreement_count(a: dict, b: dict) -> int:
    return sum(1 for k in a if k in b and abs(a[k] - b[k]) < 0.5)


def _best_matching_columns(by_table, ta: tuple, tb: tuple) -> bool:
    """A table that prints a ceiling before and after the change is compared with another table
    through the column that other table agrees with most (a PK signed in January matches the
    "sebelum perubahan" column, a spending table the final one); tables of one column always pair."""
    for one, other in ((ta, tb), (tb, ta)):
        siblings = [t for t in by_table if t[:2] == other[:2] and t != other]
        here = _agreement_count(by_table[one], by_table[other])
        if any(_agreement_count(by_table[one], by_table[s]) > here for s in siblings):
            return False
    return True


def _compare_tables(by_table, rows_by_key, field, printed_of, subject_of) -> list[Finding]:
    """Tables (identified by tuples starting with file, table index) that print the same version of
    a set of values, compared key by key; rows_by_key is keyed by (*table id, key)."""
    out, seen = [], set()
    tables = sorted(by_table, key=lambda t: tuple(str(x) for x in t))
    for i, ta in enumerate(tables):
        for tb in tables[i + 1:]:
            if ta[0] != tb[0] or ta[1] == tb[1]:
                continue
            a, b = by_table[ta], by_table[tb]
            printed = {k: printed_of(rows_by_key[(*ta, k)]) for k in a}
            if not _same_version(a, b, printed) or not _best_matching_columns(by_table, ta, tb):
                continue
            for k in a:
                if k not in b or (ta[0], k) in seen or not differ_printed(
                        a[k], printed[k], b[k], printed_of(rows_by_key[(*tb, k)])):
                    continue
                seen.add((ta[0], k))
                ra, rb = rows_by_key[(*ta, k)], rows_by_key[(*tb, k)]
                detail = (f"{field} printed {printed_of(rb)} in {_where(rb)} but {printed_of(ra)} in {_where(ra)}; "
                          f"the two tables agree on their other shared values")
                out.append(Finding(rb.source_file, f"{rb.table_label or 'unlabelled'} vs {ra.table_label or 'unlabelled'}",
                                   rb.page, "cross_table",
                                   "error", subject_of(rb), b[k], a[k], detail, rb.table_index, rb.row_index))
    return out


# ---------------------------------------------------------------- budget
def budget_ratio_findings(rows: list[BudgetRow]) -> list[Finding]:
    out = []
    for r in rows:
        if r.pagu in (None, 0) or r.realization is None or r.pct is None:
            continue
        if any("leading zero" in (parse_number(t).format_note or "") for t in (r.pagu_text, r.realization_text, r.pct_text)):
            continue  # a damaged print ("00.097.400.400") proves nothing about the arithmetic
        expected = r.realization / r.pagu * 100
        if differs(r.pct, expected, r.pct_text):
            detail = f"{fmt(r.realization, 0)} / {fmt(r.pagu, 0)} × 100 = {fmt(expected)}, printed {r.pct_text}"
            out.append(Finding(r.source_file, r.table_label, r.page, "budget_ratio",
                               "error" if abs(r.pct - expected) > 1 else "warning", f"{r.name} ({r.year})",
                               r.pct, round(expected, 4), detail, r.table_index, r.row_index))
    return out


def efficiency_findings(rows: list[BudgetRow]) -> list[Finding]:
    out = []
    for r in rows:
        if None in (r.efficiency, r.achievement, r.pct):
            continue
        formulas = {"capaian kinerja − % realisasi anggaran": r.achievement - r.pct}
        if r.pct:
            formulas["(capaian / % realisasi − 1) × 100"] = (r.achievement / r.pct - 1) * 100
            formulas["capaian / % realisasi × 100"] = r.achievement / r.pct * 100
        if any(not differs(r.efficiency, v, r.efficiency_text) for v in formulas.values()):
            continue
        name, expected = next(iter(formulas.items()))
        detail = (f"{name} = {fmt(r.achievement)} − {fmt(r.pct)} = {fmt(expected)}, printed {r.efficiency_text}; "
                  f"no known efficiency formula gives the printed value")
        out.append(Finding(r.source_file, r.table_label, r.page, "efficiency", "warning", f"{r.name} ({r.year})",
                           r.efficiency, round(expected, 4), detail, r.table_index, r.row_index))
    return out


def _sum_check(parent: BudgetRow, children: list[BudgetRow], rule: str, what: str) -> list[Finding]:
    out = []
    for field in ("pagu", "realization"):
        reported = getattr(parent, field)
        values = [getattr(c, field) for c in children]
        if reported is None or not values or any(v is None for v in values):
            continue
        expected = sum(values)
        if abs(reported - expected) > 0.5:
            detail = (f"{field} {fmt(reported, 0)} printed, but the {len(values)} {what} add up to {fmt(expected, 0)} "
                      f"(difference {fmt(reported - expected, 0)})")
            out.append(Finding(parent.source_file, parent.table_label, parent.page, rule, "error",
                               f"{parent.name} ({parent.year}) {field}", reported, expected, detail,
                               parent.table_index, parent.row_index))
    return out


def sum_findings(rows: list[BudgetRow]) -> list[Finding]:
    """children_sum: a row vs the rows under it (in its table part). total_sum: a TOTAL / JUMLAH row
    vs the top-level rows above it, back to the previous total, over every part of a table split by
    a re-printed header (the parts share the label)."""
    out = []
    tables: dict[tuple, list[BudgetRow]] = defaultdict(list)
    labelled: dict[tuple, list[BudgetRow]] = defaultdict(list)
    for r in rows:
        tables[(r.source_file, r.table_index, r.year)].append(r)
        labelled[(r.source_file, r.table_label or r.table_index, r.year)].append(r)
    for members in tables.values():
        by_row = {r.row_index: r for r in members}
        children: dict[int, list[BudgetRow]] = defaultdict(list)
        for r in members:
            if r.parent_row is not None and r.parent_row in by_row:
                children[r.parent_row].append(r)
        for parent_row, kids in children.items():
            out += _sum_check(by_row[parent_row], kids, "children_sum", "rows under it")
    for members in labelled.values():
        members.sort(key=lambda r: (r.table_index or 0, r.row_index or 0))
        levels = [r.level for r in members if not r.is_total]
        top = next((lvl for lvl in ("program", "sasaran", "unit", "kegiatan", "sub_kegiatan") if lvl in levels), None)
        start = 0
        for k, total in enumerate(members):
            if not total.is_total:
                continue
            above = [r for r in members[start:k] if not r.is_total and (r.level == top if top else r.parent_row is None)]
            start = k + 1
            out += _sum_check(total, above, "total_sum", f"{top or 'rows'} rows above it")
    return out


CAP_STATEMENT = re.compile(
    r"capaian[^.]{0,120}?(?:di atas|lebih dari|melebihi|maksimal|maksimum|dibatasi|paling tinggi)\s*(?P<a>\d{3})\s*%"
    r"(?:[^.%]{0,60}?(?:menjadi|sebesar|pada)\s*(?P<b>\d{3})\s*%)?", re.I)


def stated_caps(contexts: dict[tuple, str]) -> dict[str, float]:
    """The capaian cap a report states in its text ("capaian indikator kinerja di atas 110% telah
    dijustifikasi menjadi 110%"), by source file. 100 % is a chart convention, not a cap."""
    found: dict[str, list[float]] = defaultdict(list)
    for (source_file, _), text in contexts.items():
        for m in CAP_STATEMENT.finditer(" ".join(text.split())):
            cap = float(m.group("b") or m.group("a"))
            if cap in CAPS:
                found[source_file].append(cap)
    return {f: max(set(caps), key=caps.count) for f, caps in found.items()}


def _capaian_confirmed(rows: list[PerfRow]) -> bool:
    """Most rows that print target, realisasi and capaian agree with realisasi / target (or an
    inverse formula, or a cap), or, where no row prints all three, the column's header says
    capaian: the column averaged really holds capaian."""
    checked = agreeing = 0
    for r in rows:
        if None in (r.target, r.realization, r.achievement) or not r.target or not r.realization:
            continue
        checked += 1
        ratios = (r.realization / r.target * 100, (2 * r.target - r.realization) / r.target * 100,
                  r.target / r.realization * 100)
        agreeing += any(abs(r.achievement - v) <= 1 or (r.achievement in CAPS and v > r.achievement) for v in ratios)
    if checked == 0:
        return any("capaian" in json.loads(r.column_paths or "{}").get("achievement", "").lower() for r in rows)
    return agreeing * 2 >= checked


def judge_mean(printed_value: float, printed_text: str | None, values: list[float],
               stated_cap: float | None) -> tuple[float, str] | None:
    """A printed average capaian vs the mean of `values`: None when the plain mean or a capped one
    (the report's stated cap, else 110 % / 120 %) gives it within rounding; else the expected value
    (capped when the report states its cap) and the computation in words."""
    raw = sum(values) / len(values)
    caps = [stated_cap] if stated_cap else [110.0, 120.0]
    capped = {cap: sum(min(v, cap) for v in values) / len(values) for cap in caps}
    if any(not differs(printed_value, c, printed_text) for c in [raw, *capped.values()]):
        return None
    cap_words = ", ".join(f"capped at {fmt(cap, 0)} %: {fmt(v)}" for cap, v in capped.items())
    detail = (f"mean of the {len(values)} capaian above = {fmt(raw)} ({cap_words}"
              f"{'; the report states this cap' if stated_cap else ''}), printed {printed_text}")
    return (capped[stated_cap] if stated_cap else raw), detail


def average_findings(rows: list[PerfRow], capped_at: dict[str, float] | None = None) -> list[Finding]:
    """RATA-RATA rows: the printed average capaian vs the mean of the rows above it, back to the
    previous average row; the parts of a table split by a re-printed header count as one table.
    Also accepted: the mean with capaian capped at 110 % or 120 %, as agencies that cap do. When
    the report states its cap (`capped_at`, by source file), the capped mean is the expected value."""
    out = []
    groups: dict[tuple, list[PerfRow]] = defaultdict(list)
    for r in rows:
        groups[(r.source_file, r.table_label or r.table_index, r.year)].append(r)
    for members in groups.values():
        members.sort(key=lambda r: (r.table_index or 0, r.row_index or 0))
        start = 0
        for k, total in enumerate(members):
            if total.level != "total":
                continue
            above, start = members[start:k], k + 1
            values = [r.achievement for r in above if r.level != "total" and r.achievement is not None]
            if total.achievement is None or len(values) < 2:
                continue
            if not _capaian_confirmed(above):
                continue  # the column is not shown to hold capaian (a header read wrongly, another quantity)
            judged = judge_mean(total.achievement, total.achievement_text, values,
                                (capped_at or {}).get(total.source_file))
            if judged is None:
                continue
            expected, detail = judged
            out.append(Finding(total.source_file, total.table_label, total.page, "total_sum", "warning",
                               f"{total.indicator} capaian ({total.year})", total.achievement, round(expected, 4),
                               detail, total.table_index, total.row_index))
    return out


def program_capaian_findings(perf: list[PerfRow], budget: list[BudgetRow]) -> list[Finding]:
    """A budget table's "Capaian Kinerja" of each program vs the capaian of that program's
    indicator, where the report prints both for one subject: a table of program indicators and a
    budget table whose captions end in the same words (the indicator they support), listing as many
    indicators as programs, in the same order."""
    perf_tables: dict[tuple, list[PerfRow]] = defaultdict(list)
    for r in perf:
        if r.level == "program" and r.caption:
            perf_tables[(r.source_file, r.table_index, r.year)].append(r)
    budget_tables: dict[tuple, list[BudgetRow]] = defaultdict(list)
    for b in budget:
        if b.level == "program" and b.caption:
            budget_tables[(b.source_file, b.table_index, b.year)].append(b)
    out = []
    for (file, _, year), programs in budget_tables.items():
        if any(p.achievement is None for p in programs):
            continue
        for (pfile, _, pyear), indicators in perf_tables.items():
            if pfile != file or pyear != year or len(indicators) != len(programs):
                continue
            if _shared_caption_ending(indicators[0].caption, programs[0].caption) < 3:
                continue
            for program, indicator in zip(sorted(programs, key=lambda b: b.row_index or 0),
                                          sorted(indicators, key=lambda r: r.row_index or 0)):
                if indicator.achievement is None or not differ_printed(
                        program.achievement, None, indicator.achievement, indicator.achievement_text):
                    continue
                detail = (f"{_where(program)} prints capaian kinerja {fmt(program.achievement)} for {program.name}; "
                          f"{_where(indicator)} prints capaian {indicator.achievement_text} for its indicator "
                          f"{indicator.indicator}")
                out.append(Finding(file, f"{indicator.table_label or 'unlabelled'} vs {program.table_label or 'unlabelled'}",
                                   indicator.page, "cross_table", "warning",
                                   f"capaian {indicator.indicator} / {program.name} ({year})", indicator.achievement,
                                   program.achievement, detail, indicator.table_index, indicator.row_index))
    return out


def _shared_caption_ending(a: str | None, b: str | None) -> int:
    """How many words two captions end alike ("… Utama Persentase Ketersediaan Kelompok Bahan Pokok" /
    "… Sasaran Persentase Ketersediaan Kelompok Bahan Pokok" -> 5)."""
    wa, wb = (re.findall(r"\w+", (x or "").lower()) for x in (a, b))
    n = 0
    while n < min(len(wa), len(wb)) and wa[-1 - n] == wb[-1 - n]:
        n += 1
    return n


# ---------------------------------------------------------------- narrative next to a table
NARRATIVE_VALUE = re.compile(
    r"\b(?P<field>target|(?:te)?realisasi(?! anggaran)|capaian(?:nya)?(?: kinerja)?|pagu(?: anggaran)?|"
    r"realisasi anggaran|serapan anggaran)\b"
    r"(?P<gap>(?:(?!\b(?:kenaikan|penurunan|selisih|naik|turun|dibandingkan|target|realisasi|capaian)\b)[^.;:\d]){0,160}?)"
    r"(?:tahun\s+(?P<year>20\d\d)(?:(?!\b(?:kenaikan|penurunan|selisih|naik|turun|target|realisasi|capaian)\b)[^.;:\d]){0,50}?)?"
    r"(?:\b(?P<verb>sebesar|adalah|yaitu|hanya|senilai|sejumlah)\s+)?"
    r"(?<![\d.,])(?P<value>(?:rp\.?\s*)?\d[\d.,]*(?:\s*(?:%|persen))?)",
    re.I,
)
CLAUSE_YEAR = re.compile(r"\btahun\s+(20\d\d|ini|berjalan)\b", re.I)


@dataclass
class NarrativeClaim:
    """One figure a sentence states: field (target / realisasi / capaian / pagu / realisasi anggaran),
    the year it names or that its clause is about, and the printed number."""
    field: str
    year: int | None
    printed: str
    value: float
    is_percent: bool
    text: str


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;])\s+(?=[A-Z0-9])|\n\s*\n", " ".join(text.split("\n"))) if s.strip()]


def narrative_claims(sentence: str) -> list[NarrativeClaim]:
    """The figures a sentence states about a table's quantities: "realisasi sebesar 8,05%",
    "(tahun 2021) dengan target 4% dan realisasi 5,88%", "capaiannya sebesar 75,00%". Figures about
    something else (national, previous-year, cumulative values; a target that is the object of
    "melampaui" / "dari") are left out."""
    claims = []
    for m in NARRATIVE_VALUE.finditer(sentence):
        field = m.group("field").lower().replace("capaiannya", "capaian")
        field = field[2:] if field.startswith("terealisasi") else field
        if re.search(r"capaian\s*$", sentence[max(0, m.start() - 12):m.start()], re.I):
            field = "capaian"  # "capaian target sebesar 89,49%"
        gap = m.group("gap")
        if not m.group("verb") and (len(gap.split()) > 2 or m.group("year")):
            continue  # without "sebesar" only a figure right after its word counts ("realisasi 5,88%")
        if re.match(r"\s*(nasional|provinsi|rata-rata|tahun (lalu|sebelumnya)|sebelumnya|kumulatif)", gap, re.I):
            continue
        if re.search(r"\b(melampaui|mencapai|dari|terhadap|memenuhi|atas)\s*$", sentence[:m.start()], re.I):
            continue  # "melampaui target yaitu sebesar 160,42%": the target is the object, not the figure
        printed = m.group("value").strip()
        parsed = parse_number(printed)
        if parsed.value is None or "malformed" in (parsed.format_note or ""):
            continue  # reported as a format anomaly
        if not m.group("verb") and re.fullmatch(r"(19|20)\d\d", printed):
            continue  # "Target Akhir Renstra 2018", "Pagu Belanja Tahun 2024": a year, not a figure
        year = int(m.group("year")) if m.group("year") else None
        if year is None:  # the year of the clause: "(tahun 2021) dengan target 4% …"
            before = CLAUSE_YEAR.findall(sentence[:m.start()])
            year = int(before[-1]) if before and before[-1].isdigit() else None
        claims.append(NarrativeClaim(field, year, printed, parsed.value, parsed.kind == "percent", m.group(0).strip()))
    return claims


def narrative_findings(perf: list[PerfRow], budget: list[BudgetRow], contexts: dict[tuple, str]) -> list[Finding]:
    """A number stated in the text right below a table ("realisasi sebesar 8,05%", "pagu anggaran
    sebesar Rp25.449.669.550") that contradicts the table. A sentence is about the table's only
    indicator (or program), or about the one indicator of the table it names; a value that table
    does not print is compared with the same indicator and year in the report's other tables. A
    budget absorption stated without naming a program is compared with the report's own total."""
    out = []
    perf_by_table: dict[tuple, list[PerfRow]] = defaultdict(list)
    for r in perf:
        if r.level != "total":
            perf_by_table[(r.source_file, r.table_index)].append(r)
    budget_by_table: dict[tuple, list[BudgetRow]] = defaultdict(list)
    spending_tables = {(b.source_file, b.table_index) for b in budget}
    for b in budget:
        if b.level in ("program", "total"):
            budget_by_table[(b.source_file, b.table_index)].append(b)
    overall = _overall_absorption(budget)
    by_indicator: dict[tuple, list[PerfRow]] = defaultdict(list)
    for r in perf:
        if r.level != "total":
            by_indicator[(r.source_file, indicator_form(r.indicator), r.year)].append(r)
    labels = {(r.source_file, r.table_index): r.table_label for r in [*perf, *budget]}
    for key, text in contexts.items():
        programs = budget_by_table.get(key, [])
        rows = [] if key in spending_tables else perf_by_table.get(key, [])  # capaian beside a budget is another quantity
        indicators = {indicator_form(r.indicator) for r in rows}
        for sentence in _sentences(text):
            for claim in narrative_claims(sentence):
                field = claim.field
                if field.startswith(("pagu", "realisasi anggaran", "serapan")):
                    if len(programs) == 1:
                        where = programs[0]
                    elif claim.is_percent and key[0] in overall and not re.search(r"\b(?:[Pp]rogram|[Kk]egiatan)\s+[A-Z]", sentence):
                        where = overall[key[0]]
                    else:
                        continue
                    table_value, table_text = ((where.pct, where.pct_text) if claim.is_percent else
                                               (where.pagu, where.pagu_text) if field.startswith("pagu")
                                               else (where.realization, where.realization_text))
                    subject = f"{where.name} ({where.year})"
                elif rows:
                    subject_rows = _rows_named(sentence, rows, indicators)
                    attr = {"target": "target", "realisasi": "realization"}.get(field.split()[0], "achievement")
                    if not subject_rows or (attr == "achievement" and not claim.is_percent):
                        continue
                    if claim.year is None and len({r.year for r in subject_rows}) > 1:
                        continue
                    candidates = [r for r in subject_rows if claim.year is None or r.year == claim.year]
                    if not candidates:
                        continue
                    where = candidates[0]
                    if getattr(where, attr) is None:  # not printed in this table: the same indicator elsewhere
                        where = next((r for r in by_indicator.get((key[0], indicator_form(where.indicator), where.year), [])
                                      if getattr(r, attr) is not None), where)
                    table_value, table_text = getattr(where, attr), getattr(where, f"{attr}_text")
                    subject = f"{where.indicator} {field} ({where.year})"
                else:
                    continue
                if table_value is None or not differ_printed(claim.value, claim.printed, table_value, table_text):
                    continue
                detail = (f"the text below {labels.get(key) or 'the table'} says \"{claim.text}\", "
                          f"{where.table_label or 'the table'} prints {table_text}")
                out.append(Finding(where.source_file, f"{where.table_label or 'unlabelled'} vs narrative", where.page,
                                   "cross_table", "warning", subject, claim.value, table_value, detail,
                                   where.table_index, where.row_index))
    return out


def _rows_named(sentence: str, rows: list[PerfRow], indicators: set[str]) -> list[PerfRow]:
    """The rows a sentence is about: all of them when the table has one indicator, else those of
    the one indicator whose (normalised, at least four words long) name the sentence contains."""
    if len(indicators) == 1:
        return rows
    form = indicator_form(sentence)
    named = {i for i in indicators if len(i.split()) >= 4 and f" {i} " in f" {form} "}
    return [r for r in rows if indicator_form(r.indicator) in named] if len(named) == 1 else []


def _overall_absorption(budget: list[BudgetRow]) -> dict[str, BudgetRow]:
    """Per report, the TOTAL row of the fiscal year's budget tables, when they agree on the % spent."""
    totals: dict[str, list[BudgetRow]] = defaultdict(list)
    for b in budget:
        if b.is_total and b.pct is not None:
            totals[b.source_file].append(b)
    out = {}
    for file, rows in totals.items():
        latest = max(r.year or 0 for r in rows)
        rows = [r for r in rows if (r.year or 0) == latest]
        if len({round(r.pct, 2) for r in rows}) == 1:
            out[file] = rows[0]
    return out


# ---------------------------------------------------------------- database
def read_rows(engine: Engine) -> tuple[list[PerfRow], list[BudgetRow]]:
    p, b, r, t = db.performance_values, db.budget_values, db.reports, db.source_tables
    with engine.connect() as conn:
        perf = [PerfRow(*row) for row in conn.execute(
            select(r.c.source_file, t.c.table_index, t.c.label, p.c.page, p.c.row_index, p.c.indicator, p.c.year,
                   p.c.level, p.c.target, p.c.target_text, p.c.realization, p.c.realization_text,
                   p.c.achievement_pct, p.c.achievement_text, p.c.format_notes, p.c.column_paths, t.c.caption)
            .select_from(p.join(r, r.c.id == p.c.report_id).outerjoin(t, t.c.id == p.c.table_id))
            .order_by(r.c.source_file, t.c.table_index, p.c.row_index))]
        budget = [BudgetRow(*row) for row in conn.execute(
            select(r.c.source_file, t.c.table_index, t.c.label, b.c.page, b.c.row_index, b.c.name, b.c.code, b.c.level,
                   b.c.year, b.c.pagu, b.c.pagu_text, b.c.realization, b.c.realization_text, b.c.realization_pct,
                   b.c.realization_pct_text, b.c.achievement_pct, b.c.efficiency_pct, b.c.efficiency_text,
                   b.c.parent_row, b.c.is_total, t.c.caption, b.c.pagu_initial, b.c.pagu_initial_text)
            .select_from(b.join(r, r.c.id == b.c.report_id).outerjoin(t, t.c.id == b.c.table_id))
            .order_by(r.c.source_file, t.c.table_index, b.c.row_index))]
    return perf, budget


def read_contexts(engine: Engine) -> dict[tuple, str]:
    t, r = db.source_tables, db.reports
    with engine.connect() as conn:
        return {(f, i): text for f, i, text in conn.execute(
            select(r.c.source_file, t.c.table_index, t.c.context_after).select_from(t.join(r, r.c.id == t.c.report_id)))
            if text}


def validate_rows(perf: list[PerfRow], budget: list[BudgetRow], contexts: dict[tuple, str] | None = None) -> list[Finding]:
    return (achievement_findings(perf) + average_findings(perf, stated_caps(contexts or {})) + budget_ratio_findings(budget)
            + efficiency_findings(budget) + sum_findings(budget) + cross_table_findings(perf, budget)
            + program_capaian_findings(perf, budget)
            + narrative_findings(perf, budget, contexts or {}) + format_findings(perf))


def read_cell_notes(engine: Engine) -> list[tuple]:
    n, t, r = db.cell_notes, db.source_tables, db.reports
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(
            select(r.c.source_file, t.c.table_index, t.c.label, n.c.page, n.c.row_index, n.c.column_path, n.c.subject,
                   n.c.printed, n.c.value, n.c.note)
            .select_from(n.join(r, r.c.id == n.c.report_id).outerjoin(t, t.c.id == n.c.table_id)))]


def read_aggregates(engine: Engine) -> list[tuple]:
    g, t, r = db.printed_aggregates, db.source_tables, db.reports
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(
            select(g.c.kind, r.c.source_file, t.c.table_index, t.c.label, g.c.page, g.c.row_index, g.c.column_path,
                   g.c.subject, g.c.printed, g.c.value, g.c.parts, g.c.part_values, g.c.parts_decimals)
            .select_from(g.join(r, r.c.id == g.c.report_id).outerjoin(t, t.c.id == g.c.table_id)))]


def aggregate_findings(aggregates: list[tuple], caps: dict[str, float]) -> list[Finding]:
    """row_sum: a Jumlah / Total column vs the sum of the columns it totals in its row; whole numbers
    (Rupiah, counts) must add up exactly, decimals within the rounding of the printed parts.
    total_sum: a RATA-RATA row of a quarterly capaian column vs the mean above it.
    cross_table: the share of the budget the text says was not spent vs 100 − the share spent."""
    out = []
    for kind, file, table_index, label, page, row_index, path, subject, printed, value, parts, part_values, \
            decimals in aggregates:
        printed_parts, values = json.loads(parts), json.loads(part_values)
        if kind == "column_mean":
            judged = judge_mean(value, printed, [v for v in values if v is not None], caps.get(file))
            if judged is not None:
                out.append(Finding(file, label, page, "total_sum", "warning", subject, value, round(judged[0], 4),
                                   judged[1], table_index, row_index))
            continue
        if kind == "complement":
            expected = 100 - values[0]
            if differ_printed(value, printed, expected, printed_parts[0]):
                detail = (f"the text says {printed_parts[0]} % of the budget was spent and {printed} % was not; "
                          f"100 − {printed_parts[0]} = {_num(expected)}")
                out.append(Finding(file, f"{label or 'unlabelled'} (text)", page, "cross_table", "warning", subject,
                                   value, round(expected, 4), detail, table_index, row_index))
            continue
        parts_sum = sum(v or 0 for v in values)
        tolerance = 0.5 if not decimals and not parse_number(printed).decimals else (
            rounding_unit(printed) / 2 + len(values) * 10.0 ** -(decimals or 0) / 2)
        if abs(value - parts_sum) <= tolerance + 1e-9:
            continue
        detail = f"{' + '.join(printed_parts)} = {_num(parts_sum)}, but the {path} column prints {printed}"
        out.append(Finding(file, label, page, "row_sum", "error" if not decimals else "warning",
                           f"{subject} ({path})", value, round(parts_sum, 4), detail, table_index, row_index))
    return out


def validate_database(engine: Engine) -> list[Finding]:
    perf, budget = read_rows(engine)
    contexts = read_contexts(engine)
    return (validate_rows(perf, budget, contexts) + cell_note_findings(read_cell_notes(engine))
            + aggregate_findings(read_aggregates(engine), stated_caps(contexts)))
