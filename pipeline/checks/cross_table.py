"""The same number printed differently in two tables of one report (rule cross_table).

In:  `PerfRow`s (targets, realisasi per indicator and year) and `BudgetRow`s (ceilings per program and
     year, before and after the change).
Out: `Finding`s where two tables that otherwise agree print one value differently, where a ceiling
     is confirmed by its own sub-rows, or where two tables listing the same programs print different
     totals.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import replace

from rapidfuzz import fuzz

from normalizers.names import indicator_form
from pipeline.checks.common import (
    BudgetRow,
    PerfRow,
    differ_printed,
    differs,
    fmt,
    location,
)
from pipeline.models import Finding

# The plan a target column is set by, as its heading or its table's caption names it: the region's RPJMD (Rencana
# Pembangunan Jangka Menengah Daerah) or the agency's Renstra (Rencana Strategis; "target jangka menengah"). A year's
# target in the RPJMD, in the Renstra and in the year's PK are three quantities: they differ without contradicting.
PLAN_OF_TARGET = ((re.compile(r"\brpjmd\b|jangka\s+menengah\s+daerah", re.I), "RPJMD"),
                  (re.compile(r"\brenstra\b|rencana\s+strategis|jangka\s+menengah", re.I), "Renstra"))


def _target_plan(r: PerfRow) -> str | None:
    """The plan a row's target is set by (`PLAN_OF_TARGET`): its target column's heading first, then its table's
    caption; None for a target of no plan (the PK's, a measurement table's)."""
    for text in (json.loads(r.column_paths or "{}").get("target", ""), r.caption or ""):
        for pattern, plan in PLAN_OF_TARGET:
            if pattern.search(text):
                return plan
    return None


def _same_version(a: dict, b: dict, printed: dict) -> bool:
    """Two tables print the same version of a set of values when most shared keys agree."""
    shared = [k for k in a if k in b]
    agree = sum(1 for k in shared if not differs(a[k], b[k], printed.get(k)))
    return len(shared) >= 2 and agree >= 1 and agree * 2 >= len(shared)


def cross_table_findings(perf: list[PerfRow], budget: list[BudgetRow]) -> list[Finding]:
    """Targets and realisasi of one indicator and year, and ceilings of one program and year,
    printed differently in two tables of one report that otherwise agree."""
    out = []
    # performance targets / realisations of the same indicator and year in two tables
    for field in ("target", "realization"):
        by_table: dict[tuple[str, int | None, str | None], dict] = defaultdict(dict)
        rows_by_key: dict = {}
        for r in perf:
            value = getattr(r, field)
            if value is None or r.level == "total":
                continue
            key = (indicator_form(r.indicator), r.year)  # one indicator, whatever level a table files it under
            # a table's targets set by a plan (its Renstra's, the RPJMD's) apart from those set by none
            table_id = (r.source_file, r.table_index, _target_plan(r) if field == "target" else None)
            by_table[table_id].setdefault(key, value)
            rows_by_key[(*table_id, key)] = r
        plans = {t for t, values in by_table.items() if len({year for _, year in values}) >= 3}
        out += _compare_tables(by_table, rows_by_key, field, lambda r: getattr(r, f"{field}_text"),
                               lambda r: f"{r.indicator} ({r.year})",
                               comparable=lambda a, b: field != "target" or ((a in plans) == (b in plans) and a[2] == b[2]))
    by_table = defaultdict(dict)
    rows_by_key = {}
    names_of: dict[tuple[tuple, tuple], set[str]] = defaultdict(set)  # the names each (table, key) joins
    ceilings = _ceilings(budget)
    same_name = _name_representatives(b.name for _, b in ceilings if b.level in ("program", "kegiatan", "sub_kegiatan"))
    for table_id, b in ceilings:
        if b.level not in ("program", "kegiatan", "sub_kegiatan"):
            continue
        key = (same_name[indicator_form(b.name)], b.year)
        by_table[table_id].setdefault(key, b.pagu)
        rows_by_key[(*table_id, key)] = b
        names_of[(table_id, key)].add(indicator_form(b.name))
    for (table_id, key), names in names_of.items():
        if len(names) > 1:  # two rows of one table the names' likeness joins ("… Kantor UPTD" and "… (DAK)"): no match
            by_table[table_id].pop(key, None)
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
    # every ceiling row holds its ceiling in pagu (see _ceilings): the guard only tells the type
    totals = [(table_id, b, b.pagu) for table_id, b in ceilings if b.is_total and b.pagu is not None]
    out, seen = [], set()
    for i, (id_a, ta, pagu_a) in enumerate(totals):
        keys_a = {k for k in by_table.get(id_a, {}) if k[1] == ta.year}
        for id_b, tb, pagu_b in totals[i + 1:]:
            if id_b[0] != id_a[0] or id_b[1] == id_a[1] or tb.year != ta.year or (id_a[0], ta.year) in seen:
                continue
            keys_b = {k for k in by_table.get(id_b, {}) if k[1] == tb.year}
            if not _best_matching_columns(by_table, id_a, id_b):
                continue
            if len(keys_a) < 2 or keys_a != keys_b or abs(pagu_a - pagu_b) < 0.5:
                continue
            seen.add((id_a[0], ta.year))
            detail = (f"{location(tb)} and {location(ta)} list the same {len(keys_a)} programs for {ta.year} but print "
                      f"totals {tb.pagu_text} and {ta.pagu_text} (difference {fmt(pagu_b - pagu_a, 0)})")
            out.append(Finding(tb.source_file, f"{tb.table_label or 'unlabelled'} vs {ta.table_label or 'unlabelled'}",
                               tb.page, "cross_table", "error", f"{tb.name} pagu ({ta.year})", pagu_b, pagu_a,
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
                    detail = (f"pagu printed {rb.pagu_text} in {location(rb)} but {ra.pagu_text} in {location(ra)}; "
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


def _compare_tables(by_table, rows_by_key, field, printed_of, subject_of, comparable=None) -> list[Finding]:
    """Tables (identified by tuples starting with file, table index) that print the same version of
    a set of values, compared key by key; rows_by_key is keyed by (*table id, key). `comparable(a, b)`
    can rule a pair out: a multi-year plan (Renstra) and a one-year agreement (PK) may set different
    targets for the same year without contradicting each other."""
    out, seen = [], set()
    tables = sorted(by_table, key=lambda t: tuple(str(x) for x in t))
    for i, ta in enumerate(tables):
        for tb in tables[i + 1:]:
            if ta[0] != tb[0] or ta[1] == tb[1] or (comparable is not None and not comparable(ta, tb)):
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
                detail = (f"{field} printed {printed_of(rb)} in {location(rb)} but {printed_of(ra)} in {location(ra)}; "
                          f"the two tables agree on their other shared values")
                out.append(Finding(rb.source_file, f"{rb.table_label or 'unlabelled'} vs {ra.table_label or 'unlabelled'}",
                                   rb.page, "cross_table",
                                   "error", subject_of(rb), b[k], a[k], detail, rb.table_index, rb.row_index))
    return out
