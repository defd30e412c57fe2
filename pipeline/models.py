"""Plain data classes passed between the stages.

discover -> `SourceFile`; extract -> `RawTable` (a grid of `Cell`s with its caption and pages) plus
`TextLine`s of the narrative; metadata -> `ReportMeta`; rows -> `PerformanceRecord` /
`BudgetRecord`; the whole of one report -> `ExtractedReport`, which the loader writes in one
transaction and which serialises to JSON under data/out/ so later stages can re-run without PDFs.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


@dataclass
class SourceFile:
    path: str  # as found on disk
    name: str  # file name, the report's identity in the views
    sha256: str
    size: int
    kind: str  # pdf | text


@dataclass
class Cell:
    """One cell of an extracted grid. text None means covered by a spanning cell. `bold` and
    `indent` (points from the cell's left border to its text) come from PDFs with a text layer and
    tell row levels apart where a table prints no codes; None when unknown."""
    text: str | None
    page: int  # 1-based
    bold: bool | None = None
    indent: float | None = None
    ocr_confidence: float | None = None  # 0-100 when the text was read by OCR (may be misread); None: text layer


@dataclass
class RawTable:
    """A table as the extractor saw it, joined across pages. `header` rows and `body` rows are
    lists of cells of equal length; `method` says which extractor produced it."""
    index: int  # order in the report
    pages: list[int]
    label: str | None  # "Tabel 3.1"
    caption: str | None
    header: list[list[Cell]]
    body: list[list[Cell]]
    method: str
    bbox: list[float] | None = None  # of the first part, PDF points (x0, top, x1, bottom)
    context_before: str = ""  # narrative just above the table (sub-headings, sentences)
    context_after: str = ""  # narrative just below

    @property
    def page(self) -> int:
        return self.pages[0] if self.pages else 0

    @property
    def n_cols(self) -> int:
        rows = self.header or self.body
        return len(rows[0]) if rows else 0


@dataclass
class TextLine:
    page: int
    text: str


@dataclass
class ReportMeta:
    agency: str | None
    region: str | None
    report_year: int | None
    agency_key: str | None = None
    region_key: str | None = None
    title: str | None = None
    renstra_end: int | None = None  # last year of the strategic plan (Renstra) the report measures against
    kind: str | None = None  # LKjIP, Renstra, RPJMD, Renja, PK, IKU, Rencana Aksi, budget-realisation, ... (CONTRACT.md)
    period: str | None = None  # a plan's period, "2021-2026"; None for a document of one year
    evidence: dict[str, list[str]] = field(default_factory=dict)  # decision -> its votes and rule, in words


@dataclass
class Provenance:
    source_file: str
    page: int
    table_index: int | None  # None: a figure stated in the narrative, outside any table
    table_label: str | None
    row_index: int | None  # None: likewise


@dataclass
class PerformanceRecord:
    prov: Provenance
    level: str
    sasaran: str | None
    indicator: str
    unit: str | None
    year: int | None
    target: float | None
    target_text: str | None
    realization: float | None
    realization_text: str | None
    achievement_pct: float | None
    achievement_text: str | None
    column_paths: dict[str, str] = field(default_factory=dict)
    indicator_canonical: str | None = None
    format_notes: list[str] = field(default_factory=list)
    unit_kind: str | None = None  # percent, index, score, grade, rupiah, usd, ratio, time, count, other
    # the scale word already applied to a value when it was read (role -> "juta": the cell's own or its column
    # heading's), and the values in base units with where their scale was read (pipeline/base_values.py)
    applied_scales: dict[str, str] = field(default_factory=dict)
    target_base: float | None = None
    realization_base: float | None = None
    base_unit: str | None = None  # the unit without its scale word ("Rupiah" of "Triliun Rupiah")
    scale_source: str | None = None  # a ScaleSource code: cell, column_heading, unit_column, table_heading, none, ...
    scale_evidence: str | None = None  # the printed words that decided the scale, for a person to read


@dataclass
class BudgetRecord:
    prov: Provenance
    level: str
    code: str | None
    name: str
    year: int | None
    pagu_initial: float | None
    pagu_initial_text: str | None
    pagu: float | None
    pagu_text: str | None
    realization: float | None
    realization_text: str | None
    realization_pct: float | None
    realization_pct_text: str | None
    achievement_pct: float | None = None  # capaian kinerja printed beside the budget (efficiency tables)
    achievement_text: str | None = None
    efficiency_pct: float | None = None
    efficiency_text: str | None = None
    parent_row: int | None = None  # row_index of the parent program/kegiatan in the same table
    is_total: bool = False
    # as in PerformanceRecord: scale words applied when read, amounts in base units (Rupiah) and their evidence
    applied_scales: dict[str, str] = field(default_factory=dict)
    pagu_initial_base: float | None = None
    pagu_base: float | None = None
    realization_base: float | None = None
    scale_source: str | None = None
    scale_evidence: str | None = None


@dataclass
class CellNote:
    """A number in a column that yields no record (quarterly values) whose printed form is odd."""
    prov: Provenance
    column_path: str
    subject: str
    printed: str
    value: float | None
    note: str | None  # why its form is odd (a FormatNote); None: two readings, its row decided which


@dataclass
class Finding:
    source_file: str
    table_label: str | None
    page: int | None
    rule: str
    severity: str
    subject: str
    reported: float | None
    expected: float | None
    detail: str
    table_index: int | None = None
    row_index: int | None = None


@dataclass
class PrintedAggregate:
    """A printed sum or average and the printed values it aggregates, for the validator to judge:
    a Jumlah / Total column across its row (kind "row_sum"), or a RATA-RATA row down a quarterly
    capaian column (kind "column_mean"), where neither gives performance or budget records."""
    kind: str
    prov: Provenance
    column_path: str
    subject: str
    printed: str
    value: float
    parts: list[str]  # the printed values aggregated
    part_values: list[float | None]
    parts_decimals: int


class RejectReason(StrEnum):
    ROW_CODE_ONLY = "row_code_only"  # the name cell holds a code or number and nothing else
    REGION_NAME = "region_name"  # a district or city: a statistics table by region
    NO_WORDS = "no_words"  # punctuation, a lone letter
    SCALE_LEGEND = "scale_legend"  # a grade of a grading scale: its values are bands, not measurements


@dataclass
class RejectedRow:
    reason: RejectReason
    table_label: str | None
    page: int
    row_index: int | None
    name: str


@dataclass
class ExtractedReport:
    source: SourceFile
    meta: ReportMeta
    tables: list[RawTable]
    text_lines: list[TextLine]
    performance: list[PerformanceRecord]
    budget: list[BudgetRecord]
    cell_notes: list[CellNote] = field(default_factory=list)
    aggregates: list[PrintedAggregate] = field(default_factory=list)
    n_pages: int = 0
    title: str | None = None  # the PDF's own title, a hint for the metadata
    table_kinds: dict[int, str] = field(default_factory=dict)
    role_evidence: dict[int, list[str]] = field(default_factory=dict)  # table index -> roles the arithmetic gave
    # table index -> each column's final decision: {"index", "header" (its heading path), "role", "year"}
    column_roles: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    rejected_rows: list[RejectedRow] = field(default_factory=list)  # table rows that are no record, and why
    warnings: list[str] = field(default_factory=list)
    # the first pages' margin lines the narrative leaves out (running heads and feet): metadata evidence
    margin_lines: list[TextLine] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
