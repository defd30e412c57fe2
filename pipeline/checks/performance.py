"""Checks of performance tables: capaian vs realisasi / target, averages, format anomalies, and a
program's capaian in a budget table vs its indicator's.

In:  `PerfRow`s (and `BudgetRow`s, cell notes, report texts where a check needs them).
Out: `Finding`s with rule ids achievement_ratio, total_sum (averages), format_anomaly, cross_table.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict

from normalizers.numbers import parse_number
from pipeline.checks.common import (
    CAPS,
    BudgetRow,
    PerfRow,
    as_printed,
    differ_printed,
    differs,
    either_direction,
    fmt,
    location,
    lower_is_better,
)
from pipeline.models import Finding
from pipeline.rows import UNNAMED_INDICATOR

# A target printed as a share of a base it names ("1% dr jumlah pddk", "5 % dari total PMKS"): against a realisasi
# printed as a count, the capaian needs the base, which the row does not print.
SHARE_OF_A_BASE = re.compile(r"%\s*(?:dari|dr\.?|thd\.?|terhadap)\s+\w", re.IGNORECASE)


def _printed_triple(r: PerfRow) -> tuple[float, float, float] | None:
    """In: a performance row. Out: its target, realisasi and capaian when it prints all three, else None."""
    if r.target is None or r.realization is None or r.achievement is None:
        return None
    return r.target, r.realization, r.achievement


def achievement_findings(rows: list[PerfRow]) -> list[Finding]:
    """Capaian vs realisasi / target × 100, or the inverse formulas for indicators where lower
    is better (`lower_is_better`: a target printed as a ceiling or a floor, else the wording); capped capaian and
    grades are not flagged."""
    out = []
    later = _later_targets(rows)
    for r in rows:
        if r.level == "total":
            continue
        triple = _printed_triple(r)
        if triple is None or triple[0] == 0:
            continue
        if parse_number(r.target_text).grade and parse_number(r.realization_text).grade is None:
            continue
        if SHARE_OF_A_BASE.search(r.target_text or "") and "%" not in (r.realization_text or ""):
            continue  # "1% dari jumlah penduduk" against a count: the base is not printed, no ratio to check
        t, real, reported = triple
        lower = lower_is_better(r.indicator, r.target_text)
        either = lower and either_direction(r.indicator, r.target_text)
        R, T = as_printed(real), as_printed(t)
        formulas = {f"{R} / {T} × 100 (realisasi / target)": real / t * 100}
        if lower:
            inverse = {f"(2 × {T} − {R}) / {T} × 100 ((2 × target − realisasi) / target)": (2 * t - real) / t * 100}
            if real:
                inverse[f"{T} / {R} × 100 (target / realisasi)"] = t / real * 100
            # printed both ways: realisasi / target first, the inverses after; else the inverses alone
            formulas = {**formulas, **inverse} if either else inverse
        if any(not differs(reported, v, r.achievement_text) for v in formulas.values()):
            continue
        if r.year is not None and any(not differs(reported, real / end * 100, r.achievement_text)
                                      for year, end in later.get(_row_key(r), []) if end and year > r.year):
            continue  # the capaian against the plan's end target its table prints beside (Readings settled 3)
        if any(abs(reported - cap) < 1e-9 and v > cap for cap in CAPS for v in formulas.values()):
            continue  # capped capaian (many agencies cap at 100 / 110 / 120 %)
        name, expected = next(iter(formulas.items()))
        direction = "lower is better" if lower else "higher is better"
        others = ("" if not lower else "; neither the inverse formulas nor realisasi / target give it" if either
                  else "; the inverse formulas do not give it either")
        detail = (f"{name} = {fmt(expected)}, printed {r.achievement_text!s}; {direction}, judged from the "
                  f"indicator's wording and its target's print" + others)
        out.append(Finding(r.source_file, r.table_label, r.page, "achievement_ratio",
                           "error" if abs(reported - expected) > 1 else "warning",
                           f"{r.indicator} ({r.year})", reported, round(expected, 4), detail, r.table_index, r.row_index))
    return out


def _row_key(r: PerfRow) -> tuple:
    return r.source_file, r.table_index, r.indicator


def _later_targets(rows: list[PerfRow]) -> dict[tuple, list[tuple[int, float]]]:
    """For each indicator of a table, the (year, target) of its target-only rows: a plan's end target ("Target
    Renstra 2018") printed beside this year's, against which a column of capaian may be measured whatever its
    heading says (the check takes those of years after a row's). Keyed by (file, table, indicator)."""
    ends: dict[tuple, list[tuple[int, float]]] = defaultdict(list)
    for r in rows:
        if r.target is not None and r.realization is None and r.year is not None:
            ends[_row_key(r)].append((r.year, r.target))
    return ends


def _literal_reading(printed: str | None) -> float | None:
    digits = re.sub(r"[^\d]", "", printed or "")
    return float(digits) if digits else None


FORMAT_PROBLEMS = ("decimal point", "malformed", "implausible", "English number format", "comma used as thousands")


def is_format_anomaly(note: str | None) -> bool:
    """A printed number the normalizer had to read against the document's own convention: a
    decimal point where the report writes decimal commas ("12.4", "30.769%"), malformed digit
    groups, English format."""
    if not note:
        return False
    return any(p in note for p in FORMAT_PROBLEMS) and "leading zero" not in note


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
            detail = (f"Printed \"{printed}\": read with '.' as thousands separator it is {as_printed(literal)}; "
                      f"taken as {as_printed(value)} ({note}).")
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
                      f"extra comma gives {as_printed(reported)}; up to the first decimal group it is {as_printed(expected)}.")
            label = f"{label or 'unlabelled'} ({column_path})" if row_index is None and label else label
        else:
            reported, expected = _literal_reading(printed), value
            detail = (f"Printed \"{printed}\": read with '.' as thousands separator it is {as_printed(reported)}; "
                      f"taken as {as_printed(value)} ({note}).")
        out.append(Finding(file, label, page, "format_anomaly", "info", subject, reported, expected, detail,
                           table_index, row_index))
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
        triple = _printed_triple(r)
        if triple is None or not triple[0] or not triple[1]:
            continue
        target, realization, achievement = triple
        checked += 1
        ratios = (realization / target * 100, (2 * target - realization) / target * 100,
                  target / realization * 100)
        agreeing += any(abs(achievement - v) <= 1 or (achievement in CAPS and v > achievement) for v in ratios)
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


def _rows_nest(rows: list[PerfRow]) -> bool:
    """Some rows are a sasaran's own capaian printed with no indicator, above the capaian of its
    indicators: an average below them may be over the sasaran, over the indicators, or both."""
    return any(r.indicator.startswith(UNNAMED_INDICATOR) and r.achievement is not None for r in rows)


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
            if _rows_nest(above):
                continue  # a sasaran's own capaian above its indicators': which rows are averaged is not known
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
                # every program prints its capaian (a table where one does not is skipped above)
                if program.achievement is None or indicator.achievement is None or not differ_printed(
                        program.achievement, None, indicator.achievement, indicator.achievement_text):
                    continue
                detail = (f"{location(program)} prints capaian kinerja {fmt(program.achievement)} for {program.name}; "
                          f"{location(indicator)} prints capaian {indicator.achievement_text} for its indicator "
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
