"""Figures stated in the text right below a table vs the table (rule cross_table).

In:  `PerfRow`s, `BudgetRow`s and the text printed after each table (its context).
Out: `Finding`s where "realisasi sebesar 8,05%" (or "(tahun 2021) … realisasi 5,88%", "realisasi
     anggaran sebesar 93,95%") contradicts what the table, or the report's total, prints.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from normalizers.names import indicator_form
from normalizers.numbers import parse_number
from pipeline.checks.common import BudgetRow, PerfRow, differ_printed
from pipeline.models import Finding

# Words a figure's field does not reach across: another field, its verb ("ditargetkan" = targeted, "terealisasi" =
# realised, "tercapai" = achieved) and the words of a change between years.
_OTHER_FIELD = (r"(?!\b(?:kenaikan|penurunan|selisih|naik|turun|target|realisasi|capaian|ditargetkan|terealisasi|"
                r"tercapai)\b)")
NARRATIVE_VALUE = re.compile(
    r"\b(?P<field>target|(?:te)?realisasi(?! anggaran)|capaian(?:nya)?(?: kinerja)?|pagu(?: anggaran)?|"
    r"realisasi anggaran|serapan anggaran)\b"
    rf"(?P<gap>(?:(?!\bdibandingkan\b){_OTHER_FIELD}[^.;:\d]){{0,160}}?)"
    rf"(?:tahun\s+(?P<year>20\d\d)(?:{_OTHER_FIELD}[^.;:\d]){{0,50}}?)?"
    r"(?:\b(?P<verb>sebesar|adalah|yaitu|hanya|senilai|sejumlah)\s+)?"
    r"(?<![\d.,])(?P<value>(?:rp\.?\s*)?\d[\d.,]*(?:\s*(?:%|persen))?)",
    re.I,
)


# An indicator's name is recognised in a sentence when it is at least this many words long (shorter names,
# "Nilai SAKIP", are words any sentence may use).
MIN_NAMED_WORDS = 4
# The text has gone on to another indicator of the report when it names one of at least this many words
# ("Tingkat sumur contoh kering"): a wrong guess only spares a finding.
MIN_OTHER_NAME_WORDS = 3

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
    indicator (or program) until the text names another indicator of the report (an analysis chapter
    introduces the next indicator's table below this one's), or about the one indicator of the table it names; a value that table
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
    tabled_rows: list[PerfRow | BudgetRow] = [*perf, *budget]
    labels = {(r.source_file, r.table_index): r.table_label for r in tabled_rows}
    named_in_report: dict[str, set[str]] = defaultdict(set)
    for r in perf:
        form = indicator_form(r.indicator)
        if len(form.split()) >= MIN_OTHER_NAME_WORDS:
            named_in_report[r.source_file].add(form)
    for key, text in contexts.items():
        programs = budget_by_table.get(key, [])
        rows = [] if key in spending_tables else perf_by_table.get(key, [])  # capaian beside a budget is another quantity
        indicators = {indicator_form(r.indicator) for r in rows}
        # another indicator: not a part of this table's own name ("PDRB sektor perdagangan" in "Pertumbuhan PDRB …")
        others = {o for o in named_in_report[key[0]] - indicators if not any(f" {o} " in f" {i} " for i in indicators)}
        moved_on = False  # the text has gone on to another indicator of the report
        for sentence in _sentences(text):
            moved_on = moved_on or (len(indicators) == 1 and _names_one_of(sentence, others, MIN_OTHER_NAME_WORDS)
                                    and not _names_one_of(sentence, indicators, MIN_OTHER_NAME_WORDS))
            for claim in narrative_claims(sentence):
                if moved_on and not claim.field.startswith(("pagu", "realisasi anggaran", "serapan")):
                    continue
                field = claim.field
                where: PerfRow | BudgetRow  # the row the claim is compared with
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
                    row = candidates[0]
                    if getattr(row, attr) is None:  # not printed in this table: the same indicator elsewhere
                        row = next((r for r in by_indicator.get((key[0], indicator_form(row.indicator), row.year), [])
                                    if getattr(r, attr) is not None), row)
                    table_value, table_text = getattr(row, attr), getattr(row, f"{attr}_text")
                    subject = f"{row.indicator} {field} ({row.year})"
                    where = row
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


def _names_one_of(sentence: str, forms: set[str], min_words: int) -> bool:
    """Whether the sentence contains one of the (normalised, at least `min_words` long) indicator names."""
    form = f" {indicator_form(sentence)} "
    return any(len(i.split()) >= min_words and f" {i} " in form for i in forms)


def _rows_named(sentence: str, rows: list[PerfRow], indicators: set[str]) -> list[PerfRow]:
    """The rows a sentence is about: all of them when the table has one indicator, else those of
    the one indicator whose (normalised, at least four words long) name the sentence contains."""
    if len(indicators) == 1:
        return rows
    form = indicator_form(sentence)
    named = {i for i in indicators if len(i.split()) >= MIN_NAMED_WORDS and f" {i} " in f" {form} "}
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
        # every row kept above prints its % spent: the guard only tells the type
        if len({round(r.pct, 2) for r in rows if r.pct is not None}) == 1:
            out[file] = rows[0]
    return out
