"""How sure we are of a finding: certain, or resting on a reading that may be wrong.

In:  a finding (a row of the `findings` view, as a dict) and the `Evidence` of the values it concerns:
     the OCR confidence and format notes of each performance / budget value by (file, table, row), and
     the tables whose column roles were decided by arithmetic between columns.
Out: `Sureness`: the `Doubt`s (none = certain), the lowest OCR confidence seen, the level the finding
     is shown at (its severity when certain, "to_check" otherwise: a doubtful finding is never shown
     as an error) and its rank (certain findings first).

A finding is matched to its values by file, table and row (the row's value of the finding's year when
the row prints several years), else by file, table and page. Codes are used where the database has
them (`ocr_confidence`, the `FormatNote`s of `format_notes`); the two places that read words instead
(the role evidence of the intermediate JSON, the notes the checks append to a finding's detail) are one
function each, said so in their docstrings.
"""
from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from normalizers.numbers import FormatNote


class Doubt(enum.Enum):
    """Why a finding may not be the agency's error."""
    OCR_READ = "ocr_read"  # a value it concerns was read by OCR (ocr_confidence, or an OCR_DIGITS note)
    OCR_NOTE = "ocr_note"  # only the finding's detail says a value was read by OCR
    ROLE_BY_ARITHMETIC = "role_by_arithmetic"  # its table's column roles were inferred from arithmetic
    YEAR_AFTER_FISCAL = "year_after_fiscal"  # a value it concerns is printed for a year after the fiscal year


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
TO_CHECK = "to_check"

# Format notes (normalizers.numbers.FormatNote members, by name so a renamed text still matches) that put
# a value in doubt. Others (a decimal point instead of a comma…) are what the finding is about, not a doubt.
DOUBT_OF_NOTE = {"FUTURE_REALISATION": Doubt.YEAR_AFTER_FISCAL, "FUTURE_CAPAIAN": Doubt.YEAR_AFTER_FISCAL,
                 "OCR_DIGITS": Doubt.OCR_READ}
NOTE_NAMES = {note.value: note.name for note in FormatNote}


@dataclass(frozen=True)
class ValueFacts:
    """What the database says about one stored value: its year, OCR confidence and format-note names."""
    year: int | None
    ocr_confidence: float | None
    notes: frozenset[str] = frozenset()


@dataclass
class Evidence:
    """The values of the database by (file, table index, row index) and by (file, table index, page),
    and the roles arithmetic gave columns of a table, by (file, table index)."""
    by_row: dict[tuple, list[ValueFacts]] = field(default_factory=dict)
    by_page: dict[tuple, list[ValueFacts]] = field(default_factory=dict)
    arithmetic_roles: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)

    def add(self, source_file: str, table_index: int | None, row_index: int | None, page: int | None,
            facts: ValueFacts) -> None:
        self.by_row.setdefault((source_file, table_index, row_index), []).append(facts)
        self.by_page.setdefault((source_file, table_index, page), []).append(facts)


@dataclass(frozen=True)
class Sureness:
    doubts: tuple[Doubt, ...] = ()
    ocr_confidence: float | None = None

    @property
    def certain(self) -> bool:
        return not self.doubts

    def level(self, severity: str) -> str:
        """The level shown: the severity when certain, else "to_check" (never "error")."""
        return severity if self.certain else TO_CHECK

    def rank(self, severity: str) -> tuple[int, int, float]:
        """Sort key: certain findings first, by severity; then the doubtful ones, least sure (lowest OCR
        confidence) last."""
        if self.certain:
            return (0, SEVERITY_ORDER.get(severity, len(SEVERITY_ORDER)), 0.0)
        return (1, SEVERITY_ORDER.get(severity, len(SEVERITY_ORDER)), -(self.ocr_confidence or 100.0))


def note_names(format_notes: str | None) -> frozenset[str]:
    """In: the `format_notes` column ("target: <note>; realization: <note>"). Out: the FormatNote member
    names among them (texts that are no FormatNote, such as "indicator: not printed…", are skipped)."""
    names = set()
    for part in (format_notes or "").split("; "):
        note = part.split(": ", 1)[-1].strip()
        if note in NOTE_NAMES:
            names.add(NOTE_NAMES[note])
    return frozenset(names)


SUBJECT_YEAR_RE = re.compile(r"\((\d{4})\)")


def _year_in_subject(subject: str | None) -> int | None:
    """Words, not a code: the findings view has no year column; every check names the year it compares
    in the subject as "<indicator> (2016)". Out: that year, or None."""
    m = SUBJECT_YEAR_RE.search(subject or "")
    return int(m.group(1)) if m else None


OCR_WORDS = "read by OCR"  # pipeline/checks/ocr_note.py NOTE
YEAR_WORDS = "after the fiscal year"  # the note of a finding resting on a future-year value (checks)


def _doubts_named_in_detail(detail: str | None) -> set[Doubt]:
    """Words, not a code: when the checks matched a finding to an OCR or a future-year value by its
    subject or page (which the report cannot redo exactly), only the note they appended to the detail
    says so. Out: the doubts those notes name."""
    detail = detail or ""
    return ({Doubt.OCR_NOTE} if OCR_WORDS in detail else set()) | ({Doubt.YEAR_AFTER_FISCAL} if YEAR_WORDS in detail else set())


def _values_of(finding: dict, evidence: Evidence) -> list[ValueFacts]:
    """The values a finding concerns: its row's (that year's when the row prints several), else its page's."""
    key = (finding["source_file"], finding.get("table_index"), finding.get("row_index"))
    values = evidence.by_row.get(key) if finding.get("row_index") is not None else None
    if not values:
        return evidence.by_page.get((finding["source_file"], finding.get("table_index"), finding.get("page")), [])
    year = _year_in_subject(finding.get("subject"))
    of_year = [v for v in values if v.year == year]
    return of_year or values


def _ocr_confidence(values: Iterable[ValueFacts]) -> float | None:
    found = [v.ocr_confidence for v in values if v.ocr_confidence is not None]
    return min(found) if found else None


def assess(finding: dict, evidence: Evidence) -> Sureness:
    """In: a finding (source_file, table_index, row_index, page, subject, detail); the evidence.
    Out: its Sureness."""
    values = _values_of(finding, evidence)
    doubts = {DOUBT_OF_NOTE[n] for v in values for n in v.notes if n in DOUBT_OF_NOTE}
    confidence = _ocr_confidence(values)
    if confidence is not None:
        doubts.add(Doubt.OCR_READ)
    table = finding.get("table_index")
    changed = evidence.arithmetic_roles.get((finding["source_file"], table), frozenset()) if table is not None else frozenset()
    if changed & RULE_ROLES.get(finding["rule"], changed):
        doubts.add(Doubt.ROLE_BY_ARITHMETIC)
    doubts |= _doubts_named_in_detail(finding.get("detail"))
    if Doubt.OCR_READ in doubts:
        doubts.discard(Doubt.OCR_NOTE)
    return Sureness(tuple(sorted(doubts, key=lambda d: list(Doubt).index(d))), confidence)


ROLE_CHANGE_RE = re.compile(r":\s*(\S+)\s*->\s*(\S+)\s*$")
AMOUNTS = frozenset({"pagu", "budget_realization", "target", "realization"})
# The column roles each rule's arithmetic uses (classify's role names); a rule not listed (cross_table,
# format_anomaly) may use any column, so any role arithmetic gave puts its findings in doubt.
RULE_ROLES = {"achievement_ratio": frozenset({"target", "realization", "achievement"}),
              "budget_ratio": frozenset({"pagu", "budget_realization", "budget_pct"}),
              "efficiency": frozenset({"pagu", "budget_realization", "budget_pct", "efficiency"}),
              "children_sum": AMOUNTS, "total_sum": AMOUNTS, "row_sum": AMOUNTS}


def roles_changed_by_arithmetic(evidence_line: str) -> frozenset[str]:
    """Words, not a code: the intermediate JSON keeps each table's role evidence as sentences
    ("col 5 = col 4 / col 3 × 100 on 8 of 11 rows: other -> achievement"); the database keeps none.
    Out: the roles the arithmetic gave where the headings had given another (before and after "->"
    differ, column by column); none when it only confirmed them."""
    m = ROLE_CHANGE_RE.search(evidence_line)
    if m is None:
        return frozenset()
    before, after = m.group(1).split("/"), m.group(2).split("/")
    if len(before) == len(after):
        return frozenset(a for b, a in zip(before, after) if a != b)
    return frozenset(after) - frozenset(before)
