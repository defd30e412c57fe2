"""Checks of budget tables: % realisasi, efficiency, sums of sub-rows and totals, Jumlah columns.

In:  `BudgetRow`s, and the printed aggregates (row sums, quarterly averages, absorption complements)
     the extractor kept.
Out: `Finding`s with rule ids budget_ratio, efficiency, children_sum, total_sum, row_sum, cross_table.
"""
from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict

from normalizers.levels import level_from_name
from normalizers.numbers import parse_number
from pipeline.checks.common import (
    BudgetRow,
    as_printed,
    differ_printed,
    differs,
    fmt,
    rounding_unit,
)
from pipeline.checks.performance import judge_mean
from pipeline.models import Finding


def budget_ratio_findings(rows: list[BudgetRow]) -> list[Finding]:
    """% realisasi anggaran vs realisasi / pagu × 100."""
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


EFFICIENCY_FORMULAS = {
    "capaian kinerja − % realisasi anggaran": lambda ach, pct: ach - pct,
    "(capaian / % realisasi − 1) × 100": lambda ach, pct: (ach / pct - 1) * 100 if pct else None,
    "capaian / % realisasi × 100": lambda ach, pct: ach / pct * 100 if pct else None,
}


def efficiency_findings(rows: list[BudgetRow]) -> list[Finding]:
    """Tingkat efisiensi vs the formulas agencies use. The formula a table evidently follows (the
    one that explains most of its rows) is named, and gives the expected value, in each finding."""
    # the rows printing efficiency, capaian and % realisasi, each with its efficiency
    checked = [(r, r.efficiency) for r in rows
               if r.efficiency is not None and r.achievement is not None and r.pct is not None]
    explained: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    fitting: dict[int, list[str]] = {}
    for r, efficiency in checked:
        values = {name: f(r.achievement, r.pct) for name, f in EFFICIENCY_FORMULAS.items()}
        fitting[id(r)] = [name for name, v in values.items()
                          if v is not None and not differs(efficiency, v, r.efficiency_text)]
        for name in fitting[id(r)]:
            explained[(r.source_file, r.table_index)][name] += 1
    out = []
    for r, _ in checked:
        if fitting[id(r)]:
            continue
        counts = explained[(r.source_file, r.table_index)]
        used = max(counts, key=counts.__getitem__) if counts else None
        name = used if used and EFFICIENCY_FORMULAS[used](r.achievement, r.pct) is not None \
            else next(iter(EFFICIENCY_FORMULAS))  # the difference formula needs no division
        expected = EFFICIENCY_FORMULAS[name](r.achievement, r.pct)
        evidence = (f"the table's other rows follow {used} ({counts[used]} of them)" if used
                    else "no known efficiency formula gives the printed value")
        detail = (f"{name} with capaian {fmt(r.achievement)} and % realisasi {fmt(r.pct)} = {fmt(expected)}, "
                  f"printed {r.efficiency_text}; {evidence}")
        out.append(Finding(r.source_file, r.table_label, r.page, "efficiency", "warning", f"{r.name} ({r.year})",
                           r.efficiency, round(expected, 4), detail, r.table_index, r.row_index))
    return out


# Sums are of printed whole rupiah: within half a rupiah they agree.
SUM_TOLERANCE = 0.5
# A subtotal heads at least this many rows of the level below it.
MIN_NESTED = 2


def subtotal_spans(values: list[float]) -> list[tuple[int, int]]:
    """In: the values of the rows counted under one parent, in printed order. Out: (subtotal, end) for each
    row that is the subtotal of the rows right after it, up to `end` (exclusive): a kegiatan printed with its
    sub kegiatan, all given the same parent when the levels are not told apart. A subtotal equals the sum of
    the next MIN_NESTED or more rows, which then belong to it. Greedy from the top."""
    spans, i = [], 0
    while i < len(values):
        running, j = 0.0, i + 1
        while j < len(values) and running + values[j] <= values[i] + SUM_TOLERANCE:
            running += values[j]
            j += 1
            if j - i - 1 >= MIN_NESTED and abs(running - values[i]) <= SUM_TOLERANCE:
                break
        if j - i - 1 >= MIN_NESTED and abs(running - values[i]) <= SUM_TOLERANCE and values[i] > 0:
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def nested_subtotals(values: list[float]) -> list[int]:
    """The positions of the rows that are subtotals of the rows right after them (`subtotal_spans`)."""
    return [head for head, _ in subtotal_spans(values)]


def _top_level_sum(values: list[float]) -> tuple[float, int]:
    """The sum of the rows under a parent, counting a nested subtotal once (not with its own rows), and the
    number of rows summed that way."""
    inside = {k for head, end in subtotal_spans(values) for k in range(head + 1, end)}
    kept = [v for k, v in enumerate(values) if k not in inside]
    return sum(kept), len(kept)


# The separators of a budget code's parts ("5735.BCE", "1.02.01.2.01", "5735-BCE").
CODE_PARTS = re.compile(r"[.\-/ ]")


def code_nested(children: list[BudgetRow]) -> list[BudgetRow]:
    """The rows under a parent less those whose code extends another of these rows' codes ("5735.BCE" under
    "5735"): the budget code says they are inside that row, whatever level the rows were given.
    In: the rows counted under one parent. Out: the rows to sum."""
    codes = {c.code.strip() for c in children if c.code and c.code.strip()}

    def inside_another(code: str | None) -> bool:
        code = (code or "").strip()
        return any(code != other and code.startswith(other) and CODE_PARTS.match(code[len(other):])
                   for other in codes)

    return [c for c in children if not inside_another(c.code)]


def _sum_check(parent: BudgetRow, children: list[BudgetRow], rule: str, what: str) -> list[Finding]:
    out = []
    children = code_nested(children)
    for field in ("pagu", "realization"):
        reported = getattr(parent, field)
        values = [getattr(c, field) for c in children]
        if reported is None or not values or any(v is None for v in values):
            continue
        expected, counted = _top_level_sum(values)
        if abs(reported - expected) > SUM_TOLERANCE:
            nested = (f", counting once the {len(values) - counted} rows inside subtotals printed among them"
                      if counted < len(values) else "")
            detail = (f"{field} {fmt(reported, 0)} printed, but the {len(values)} {what} add up to {fmt(expected, 0)}"
                      f"{nested} (difference {fmt(reported - expected, 0)})")
            out.append(Finding(parent.source_file, parent.table_label, parent.page, rule, "error",
                               f"{parent.name} ({parent.year}) {field}", reported, expected, detail,
                               parent.table_index, parent.row_index))
    return out


def _kind_with_rows_between(parent: BudgetRow, children: list[BudgetRow], members: list[BudgetRow]) -> bool:
    """A kind of expenditure ("BELANJA LANGSUNG") whose first row under it does not follow it: the rows
    between were given no place (a kind's name misread by OCR, an amount inside a name), so its list of
    rows may be short and its sum is not checked. In: the kind, its rows, its table's rows."""
    if parent.level != "jenis_belanja" or parent.row_index is None:
        return False
    first = min((c.row_index for c in children if c.row_index is not None), default=None)
    return first is not None and any(r.row_index is not None and parent.row_index < r.row_index < first
                                     and not r.is_total for r in members)


def _run_to_last_row(children: list[BudgetRow], last_row: int | None) -> bool:
    """Whether a parent's rows run to its table's last row (where a page or a clip may have cut them)."""
    return last_row is not None and max((c.row_index or 0) for c in children) == last_row


def _cut_off_copy(parent: BudgetRow, children: list[BudgetRow], last_row: int | None, rows: list[BudgetRow]) -> bool:
    """A parent whose rows run to the last row of its table, in a table part clipped there (a first rendering
    of a program table cut at the page's edge, printed again in full after it): its list of children may be
    cut off. When another table of the report prints the same parent (name, year, level, pagu), that copy
    is the one whose children are checked. In: the parent, its children, its table's last row, every row.
    Out: whether the check is left to the other copy."""
    if not _run_to_last_row(children, last_row):
        return False
    return any(r.source_file == parent.source_file and r.table_index != parent.table_index and r.year == parent.year
               and r.level == parent.level and r.name == parent.name and r.pagu == parent.pagu for r in rows)


def _children_go_on_overleaf(parent: BudgetRow, children: list[BudgetRow], last_row: int | None,
                             rows: list[BudgetRow]) -> bool:
    """A parent whose rows run to the last row of its table part, the report's next table opening on the next page
    with rows below a program (kegiatan, or rows of no level): the page cut the list of children, which goes on in
    a part not joined to this one. Its sum is not judged on the rows of one page. In: the parent, its children, its
    table's last row, every row of the report."""
    if not _run_to_last_row(children, last_row):
        return False
    last_page = max((c.page or 0) for c in children)
    following = sorted((r for r in rows if r.source_file == parent.source_file
                        and r.table_index == (parent.table_index or 0) + 1 and r.year == parent.year),
                       key=lambda r: r.row_index or 0)
    if not following or following[0].page != last_page + 1:
        return False
    return following[0].level not in (parent.level, "total", "jenis_belanja") and not following[0].is_total


# The level a table's total adds up where no split into kinds of expenditure decides it (`_top_level`), the
# highest printed first.
TOP_LEVELS = ("program", "sasaran", "unit", "kegiatan", "sub_kegiatan")


# A total adds up kinds of expenditure when it splits into at least two of them (indirect and direct
# spending); one kind alone over the programs ("BELANJA LANGSUNG") is their heading and the total adds up
# the programs (the kind's own sum is its children_sum).
MIN_KINDS_SPLIT = 2


def _top_level(rows: list[BudgetRow]) -> str | None:
    """The level of the rows a total adds up: None (the rows without a parent) when kinds of expenditure
    stand beside rows of another level without a parent (a capital-spending row read as a program by its
    account code); 'jenis_belanja' when the kinds printed before the first program, outside one
    another, are a split of at least MIN_KINDS_SPLIT; else the highest of TOP_LEVELS printed; None when
    none is."""
    levels = [r.level for r in rows]
    first_program = levels.index("program") if "program" in levels else len(rows)
    kinds = [r for r in rows[:first_program] if r.level == "jenis_belanja" and not _under_own_level(r, rows)]
    unplaced = [r for r in rows if r.parent_row is None and r.level != "jenis_belanja"]
    if kinds and unplaced:
        return None  # kinds beside rows of another level, none under the other: every row without a parent
    if len(code_nested(kinds)) >= MIN_KINDS_SPLIT:
        return "jenis_belanja"
    return next((lvl for lvl in TOP_LEVELS if lvl in levels), None)


def _totalled(members: list[BudgetRow], k: int, start: int) -> tuple[list[BudgetRow], str, str]:
    """The rows the total members[k] adds up, the rule that checks it and where the rows are, in words.
    Those above it back to the previous total (members[start:k]): total_sum. When none is above it, the
    total heads the rows below it, to the next total:
      - a TOTAL / JUMLAH over the kinds of expenditure ("TOTAL BELANJA" over "BELANJA TDK LANGSUNG" and
        "BELANJA LANGSUNG"): total_sum of the kinds;
      - a named row over its programs (the agency's or unit's row of a funding table, which the levels
        read as its total): children_sum, the row against the rows under it;
      - a TOTAL / JUMLAH over programs: not checked; such tables interleave group rows (a satker, a source
        of funds) with the one program each holds, at one level, and their sum would count both.
    Of the rows, those of the top level (`_top_level`), else those without parent."""
    rows = [r for r in members[start:k] if not r.is_total]
    rule, where = "total_sum", "above"
    if not rows:
        rows = list(itertools.takewhile(lambda r: not r.is_total, members[k + 1:]))
        named_total = level_from_name(members[k].name) == "total"
        rule, where = ("total_sum" if named_total else "children_sum"), "below"
    top = _top_level(rows)
    if where == "below" and rule == "total_sum" and top != "jenis_belanja":
        return [], rule, where
    return (_outermost_by_code([r for r in rows if (r.level == top and not _under_own_level(r, rows) if top
                                                   else r.parent_row is None)]),
            rule, f"{top or 'rows'} rows {where} it")


def _last_code(row: BudgetRow) -> str:
    """A row's outline code as its last line prints it ("1\n1.1" -> "1.1"), without a closing dot."""
    return (row.code or "").split()[-1].rstrip(".") if (row.code or "").split() else ""


def _outermost_by_code(rows: list[BudgetRow]) -> list[BudgetRow]:
    """The rows no other of them heads by its outline code: "1.1.2" under "1.1" (an account and its sub-account,
    read at one level) is counted once, in "1.1"."""
    codes = {_last_code(r) for r in rows} - {""}
    return [r for r in rows if not any(_last_code(r).startswith(c + ".") for c in codes)]


def _under_own_level(row: BudgetRow, rows: list[BudgetRow]) -> bool:
    """Whether the row sits under a row of its own level ("Belanja Pegawai" under "Belanja Tidak Langsung")."""
    return row.parent_row is not None and any(
        r.row_index == row.parent_row and r.table_index == row.table_index and r.level == row.level for r in rows)


def _grand_total(total: BudgetRow, previous: BudgetRow | None, totalled: list[BudgetRow]) -> bool:
    """A total that adds the previous total of its table to the rows after it ("JUMLAH TOTAL" = "TOTAL
    KEGIATAN" + "Belanja Tidak Langsung"): the values say so, both amounts adding up that way."""
    return previous is not None and bool(totalled) and not _sum_check(total, [previous, *totalled], "total_sum", "")


def sum_findings(rows: list[BudgetRow]) -> list[Finding]:
    """children_sum: a row vs the rows under it (in its table part). total_sum: a TOTAL / JUMLAH row
    vs the top-level rows above it, back to the previous total, over every part of a table split by
    a re-printed header (the parts share the label); a total printed above its rows vs the rows below it
    (`_totalled`); a grand total that adds the previous total to the rows after it is not judged again."""
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
        last_row = max((r.row_index for r in members if r.row_index is not None), default=None)
        for parent_row, kids in children.items():
            parent = by_row[parent_row]
            if _cut_off_copy(parent, kids, last_row, rows) or _kind_with_rows_between(parent, kids, members) \
                    or _children_go_on_overleaf(parent, kids, last_row, rows):
                continue
            out += _sum_check(parent, kids, "children_sum", "rows under it")
    for members in labelled.values():
        members.sort(key=lambda r: (r.table_index or 0, r.row_index or 0))
        start, previous = 0, None
        for k, total in enumerate(members):
            if not total.is_total:
                continue
            totalled, rule, what = _totalled(members, k, start)
            start = k + 1
            if not _grand_total(total, previous, totalled):
                out += _sum_check(total, totalled, rule, what)
            previous = total
    return out


def aggregate_findings(aggregates: list[tuple], caps: dict[str, float]) -> list[Finding]:
    """row_sum: a Jumlah / Total column vs the sum of the columns it totals in its row; whole numbers
    (Rupiah, counts) must add up exactly, decimals within the rounding of the printed parts.
    total_sum: a RATA-RATA row of a quarterly capaian column vs the mean above it.
    cross_table: the share of the budget the text says was not spent vs 100 − the share spent, and a
    worksheet's printed result vs the computation it prints beside it."""
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
        if kind == "computation":
            if differs(value, values[0], printed):
                detail = (f"the row computes {printed_parts[0]} = {as_printed(values[0])}, but prints {printed} as "
                          f"its result ({path or 'the next column'})")
                out.append(Finding(file, label, page, "cross_table", "warning", f"{subject} (result of its computation)",
                                   value, round(values[0], 4), detail, table_index, row_index))
            continue
        if kind == "complement":
            expected = 100 - values[0]
            if differ_printed(value, printed, expected, printed_parts[0]):
                detail = (f"the text says {printed_parts[0]} % of the budget was spent and {printed} % was not; "
                          f"100 − {printed_parts[0]} = {as_printed(expected)}")
                out.append(Finding(file, f"{label or 'unlabelled'} (text)", page, "cross_table", "warning", subject,
                                   value, round(expected, 4), detail, table_index, row_index))
            continue
        parts_sum = sum(v or 0 for v in values)
        tolerance = 0.5 if not decimals and not parse_number(printed).decimals else (
            rounding_unit(printed) / 2 + len(values) * 10.0 ** -(decimals or 0) / 2)
        if abs(value - parts_sum) <= tolerance + 1e-9:
            continue
        detail = f"{' + '.join(printed_parts)} = {as_printed(parts_sum)}, but the {path} column prints {printed}"
        out.append(Finding(file, label, page, "row_sum", "error" if not decimals else "warning",
                           f"{subject} ({path})", value, round(parts_sum, 4), detail, table_index, row_index))
    return out
