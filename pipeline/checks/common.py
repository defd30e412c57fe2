"""What every check shares: the rows the checks read, and how printed numbers are compared.

`PerfRow` / `BudgetRow` are the performance and budget values as the database holds them (value,
printed text, provenance). A difference counts only when it exceeds the rounding of the printed
value; `differ_printed` compares two printings of one quantity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers.numbers import SCALE_WORDS, parse_number

# Wording of indicators that improve as they fall: prices rising (inflasi), poverty, unemployment, deaths, cases,
# losses (kerugian; kehilangan: water lost from the network), the time a service takes (waktu tunggu, lama
# penyelesaian / pelayanan / proses: "Rata-rata lama penyelesaian izin"), pupils dropping out (putus sekolah),
# accidents, crime, violations.
LOWER_IS_BETTER = re.compile(
    r"inflasi|kemiskinan|pengangguran|disparitas|keluhan|pengaduan|fluktuasi|koefisien variasi|gini|"
    r"kematian|stunting|kasus|kerugian|temuan|waktu (tunggu|penyelesaian)|"
    r"kehilangan|\blama\s+(?:waktu\s+)?(?:penyelesaian|pelayanan|proses|pengurusan|penerbitan|tunggu)|"
    r"putus\s+sekolah|kecelakaan|kriminalitas|pelanggaran",
    re.I,
)
# Indicators agencies print both ways (`either_direction`): a fall named as the aim (menurunnya, penurunan, turunnya,
# berkurangnya), where the indicator may print what is left (emissions, the share of land attacked: lower is better)
# or the size of the fall itself (the tonnes of emissions avoided: higher is better); and quantities better low whose
# capaian reports print as realisasi / target as often as by the inverse formulas: the prevalence of a disease or of
# malnutrition (prevalensi), the area pests attack (luas serangan OPT). The values decide.
FALL_AS_AIM = re.compile(r"\bmenurun|\bpenurunan|\bturunnya|\bberkurang|\bprevalensi\b|\bluas\s+serangan\b", re.I)
# Cases (kasus, temuan, pengaduan, keluhan, pelanggaran, kecelakaan) dealt with: handled (ditangani, tertangani,
# penanganan), settled (diselesaikan, terselesaikan, penyelesaian), followed up (ditindaklanjuti, tindak lanjut):
# "Persentase kasus … yang diselesaikan", "Persentase penyelesaian pengaduan" are higher-is-better; not when the cases
# were not (tidak, belum) dealt with, nor a time taken to deal with them ("waktu penyelesaian", "lama penanganan").
CASES = re.compile(r"\b(?:kasus|temuan|pengaduan|keluhan|pelanggaran|kecelakaan)\b", re.I)
DEALT_WITH = re.compile(r"(?<!tidak )(?<!belum )\b(?:(?:di|ter)tangani|(?:di|ter)selesaikan|ditindak\s?lanjuti|"
                        r"penanganan|penyelesaian|tindak\s?lanjut)\b", re.I)
TIME_TAKEN = re.compile(r"\b(?:waktu|lama|durasi)\b", re.I)


def printed_direction(target_text: str | None) -> bool | None:
    """Whether a target printed as a bound says the indicator improves as it falls: a ceiling ("< 40 %", "≤ 7,82")
    True, a floor ("> 80") False; a target printed as a plain value None."""
    comparator = parse_number(target_text).comparator if target_text else None
    if comparator in ("<", "<="):
        return True
    if comparator in (">", ">="):
        return False
    return None


def lower_is_better(indicator: str, target_text: str | None = None) -> bool:
    """Whether an indicator improves as its value falls: its target's print (`printed_direction`), else the
    wording (`LOWER_IS_BETTER`), unless the indicator counts the cases dealt with (`CASES`, `DEALT_WITH`, not a
    time taken). In: the indicator's name and its target as printed."""
    printed = printed_direction(target_text)
    if printed is not None:
        return printed
    if _printed_both_ways(indicator):
        return True  # the fall's size or what is left: the inverse formulas are tried too (`either_direction`)
    if not LOWER_IS_BETTER.search(indicator):
        return False
    cases_dealt_with = bool(CASES.search(indicator) and DEALT_WITH.search(indicator) and not TIME_TAKEN.search(indicator))
    return not cases_dealt_with


def either_direction(indicator: str, target_text: str | None = None) -> bool:
    """Whether an indicator's direction is open: no bound printed with its target, a fall named as its aim or a
    quantity printed both ways (`FALL_AS_AIM`), no word of a quantity always better low. Its capaian may follow
    either formula."""
    return printed_direction(target_text) is None and _printed_both_ways(indicator)


def _printed_both_ways(indicator: str) -> bool:
    """A fall named as the aim or a quantity printed both ways (`FALL_AS_AIM`), no word of one always better low."""
    return bool(FALL_AS_AIM.search(indicator)) and not LOWER_IS_BETTER.search(indicator)


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
    """One unit of the last decimal a number is printed with: "96,33" -> 0.01, "96" -> 1."""
    return 10.0 ** -parse_number(printed).decimals if printed else 1.0


def differs(reported: float, expected: float, printed: str | None) -> bool:
    """A computed value differs from a printed one by more than one unit of its last printed decimal."""
    return abs(reported - expected) > rounding_unit(printed) + 1e-9


def differ_printed(a: float, a_text: str | None, b: float, b_text: str | None) -> bool:
    """Two printings of one quantity differ when the coarser cannot be the rounding of the finer:
    further apart than half a unit of the coarser printing's last decimal (73,4 vs 73,44 agree;
    69 vs 70 and 9 vs 8,05 do not). A printing with its scale word ("185,80 Triliun Rupiah", stored in
    base units) and one without it ("185,80" under a Satuan "Triliun Rupiah") are compared as printed."""
    a, b = _as_printed_scale(a, a_text, b_text), _as_printed_scale(b, b_text, a_text)
    return abs(a - b) > max(rounding_unit(a_text), rounding_unit(b_text)) / 2 + 1e-9


def _as_printed_scale(value: float, text: str | None, other_text: str | None) -> float:
    """In: a value, its printed text, the other printing's text. Out: the value in the unit of its printed
    number when its text carries a scale word (juta, miliar, triliun) the other printing does not."""
    scale = parse_number(text).scale if text else None
    if scale is None or (other_text and parse_number(other_text).scale == scale):
        return value
    return value / SCALE_WORDS[scale]


def as_printed(value: float | None) -> str:
    """A number as Indonesian reports print it, without trailing zeros: 8,05 / 25.449.669.550; "-" for
    no number (a printing that gives no digits)."""
    return fmt(value, 4).rstrip("0").rstrip(",")


def location(row) -> str:
    """Where an auditor finds a row: "Tabel 3.1 (page 46)"."""
    return f"{row.table_label or 'an unlabelled table'} (page {row.page})"
