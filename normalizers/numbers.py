"""Parse numbers as Indonesian government reports print them.

In:  the printed text of one table cell ("25.449.669.550", "72,25 (BB)", "96,33%", "-", "Rp.33,86 Triliun",
     "15,826,297,300", "12.540 *)", "82,5 % (Baik)"), or the cells of one column together (`parse_column`).
Out: a `ParsedNumber`: the value (float or None; scale words such as juta / miliar are applied, so the value
     is in base units and the printed scale word is kept in `scale`), what kind of quantity it is
     (`Kind`), the grade, rating, comparator, currency and footnote mark that came with it, and, when the
     printed form was unusual, a `FormatNote` code. The validator turns the notes in `FORMAT_ANOMALIES`
     into format_anomaly findings; the other notes only document how a cell was read.

Conventions: Indonesian "1.234.567,89" (dot thousands, comma decimals) is the national one; some reports,
tables or columns print the English "1,234,567.89". A cell proves its convention when it can be read only
one way ("1,234,567" or "12.34" is English, "1.234.567" or "12,5" Indonesian); a lone "1.234" / "1,234" is
ambiguous and follows the evidence of its column, then of its table (`parse_column`). Never raises:
a cell that cannot be read is value None with `FormatNote.UNREADABLE` or `FormatNote.RUN_TOGETHER`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from normalizers.units import is_counted


class Kind(StrEnum):
    """What a parsed cell holds. A StrEnum, so it compares equal to the plain strings callers use."""

    PERCENT = "percent"
    RUPIAH = "rupiah"
    NUMBER = "number"
    GRADE = "grade"  # a grade without a number: "BB", "WTP"
    EMPTY = "empty"  # "-", "N/A", a bare footnote mark or currency marker
    TEXT = "text"  # words, or a number the parser cannot read


class Convention(StrEnum):
    """How digits are grouped: which of '.' and ',' marks the decimals."""

    INDONESIAN = "indonesian"  # 1.234.567,89
    ENGLISH = "english"  # 1,234,567.89
    MIXED = "mixed"  # a column printing both: a lone three-digit group is read as thousands


class FormatNote(StrEnum):
    """Why a cell was read the way it was. The values are the texts stored in the database (`format_notes`)
    and kept stable: the checks still match some of them by substring ("decimal point", "malformed",
    "leading zero", "English number format", "comma used as thousands", "several decimal commas")."""

    DECIMAL_POINT = "decimal point instead of comma"
    DECIMAL_POINT_BY_COLUMN = "decimal point instead of comma (decided from the column)"
    ENGLISH_FORMAT = "English number format (comma thousands, point decimal)"
    COMMA_THOUSANDS = "comma used as thousands separator"
    COMMA_THOUSANDS_BY_COLUMN = "comma used as thousands separator (decided from the column)"
    COMMA_THOUSANDS_BY_ROW = "comma used as thousands separator (realisasi / target agrees with the capaian)"
    DECIMAL_POINT_BY_ROW = "decimal point instead of comma (realisasi / target agrees with the capaian)"
    SEVERAL_DECIMAL_COMMAS = "malformed number (several decimal commas)"
    ADJACENT_SEPARATORS = "malformed number (adjacent separators)"
    MALFORMED = "malformed number"
    MALFORMED_GROUPS = "malformed digit groups"
    LEADING_ZERO = "malformed number (leading zero before digits: a damaged print)"
    SPACED_GROUPS = "digit groups broken by spaces"
    OCR_DIGITS = "OCR letters read as digits"
    SEVERAL_NUMBERS = "several numbers in one cell"
    NUMBER_LIST = "a list of numbers"
    PROPORTION = "a proportion of two numbers (a : b)"
    SEVERAL_QUANTITIES = "two quantities of different units in one cell"
    IMPLAUSIBLE_PERCENT_BY_ROW = "implausible percent, read as realisasi / target × 100 agrees"
    FUTURE_REALISATION = "realisation printed for a year after the fiscal year (kept: the year or the value may be misread)"
    FUTURE_CAPAIAN = "capaian printed for a year after the fiscal year (kept: the year or the value may be misread)"
    # no format anomaly: the cell follows a convention its table uses, or could not be read at all
    INDONESIAN_IN_ENGLISH_TABLE = "Indonesian form in a table printed in the English convention"
    RANGE = "a range, no single value"
    RUN_TOGETHER = "unreadable: two numbers run together in one cell"
    BROKEN_AMOUNT = "unreadable: an amount broken apart (digit groups after a gap)"
    UNREADABLE = "unreadable number"


FORMAT_ANOMALIES = frozenset({
    FormatNote.DECIMAL_POINT, FormatNote.DECIMAL_POINT_BY_COLUMN, FormatNote.ENGLISH_FORMAT,
    FormatNote.COMMA_THOUSANDS, FormatNote.COMMA_THOUSANDS_BY_COLUMN, FormatNote.COMMA_THOUSANDS_BY_ROW,
    FormatNote.DECIMAL_POINT_BY_ROW, FormatNote.SEVERAL_DECIMAL_COMMAS, FormatNote.ADJACENT_SEPARATORS,
    FormatNote.MALFORMED, FormatNote.MALFORMED_GROUPS, FormatNote.IMPLAUSIBLE_PERCENT_BY_ROW,
})
"""Notes that mean the printed number breaks its document's convention (a format_anomaly finding)."""


def note_code(text: str | None) -> FormatNote | None:
    """A note as stored ("decimal point instead of comma") -> its code; None for a text no FormatNote has."""
    try:
        return FormatNote(text) if text else None
    except ValueError:
        return None


EMPTY_MARKERS = {
    "", "-", "–", "—", "--", "n/a", "na", "n.a", "n.a.", "nihil", "tidak ada", "tidak ada target",
    "indikator belum ditetapkan", "belum ditetapkan", "belum ada", "x", "*", "…", "...",
}
SCALE_WORDS = {"triliun": 1e12, "trilyun": 1e12, "miliar": 1e9, "milyar": 1e9, "juta": 1e6, "ribu": 1e3}
# Scale words shortened after a number: "45 jt" (juta), "850 rb" (ribu) anywhere; "Rp 1,2 M" (miliar) and
# "Rp 2,5 T" (triliun) only in an amount of money, where M and T are no unit (elsewhere "12 M" is metres).
SCALE_ABBREVIATIONS = (
    (re.compile(r"(?<=\d)\s*(?:jt|jta)\b\.?", re.IGNORECASE), "juta", False),
    (re.compile(r"(?<=\d)\s*rb\b\.?", re.IGNORECASE), "ribu", False),
    (re.compile(r"(?<=\d)\s*M\b\.?"), "miliar", True),
    (re.compile(r"(?<=\d)\s*T\b\.?"), "triliun", True),
)
GRADE_RE = re.compile(r"^(AA|A|BB|B|CC|C|D|E|WTP|WDP|TW|TMP)$")
COMPARATORS = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<"}

CURRENCY_MARKERS = {"IDR": re.compile(r"(?i)\brp\.?\s*|\brupiah\b"), "USD": re.compile(r"(?i)\bus\s?\$|\busd\b|\$")}
"""Currency words stripped from a cell before its number is read ("Rp25.449.669.550,-", "USD 85.797");
the code is kept in `currency`."""
BARE_CURRENCY = re.compile(r"(?i)\(?\s*(rp\.?|rupiah|us\s?\$|usd|\$)\s*\)?\s*(,-)?")
"""A currency marker printed in a cell of its own ("Rp" | "1.250.000.000"): no value by itself."""
FOOTNOTE = r"\(\*+\)|\*+\)?|\^+|#+"
"""A footnote mark ("*)", "(*)", "**", "^", "#"): after a number ("12.540 *)", "203,440*" for angka
sementara) it is kept in `footnote`; alone in a cell it is no value."""
FOOTNOTE_MARK = re.compile(rf"\s*({FOOTNOTE})\s*$")
RATING = re.compile(r"\(\s*(sangat\s+baik|baik|cukup|kurang|sangat\s+kurang|sb|sk|tercapai|tidak\s+tercapai)\s*\)", re.IGNORECASE)
"""A verbal rating printed beside a capaian ("82,5 % (Baik)", "111,54 (SB)"); kept in `rating`."""

# "000" as a scale stands alone ("Rp. 000", "(000)"), never as the last group of a printed amount ("47.536.981.000").
HEADER_SCALES = (("juta", 1e6, re.compile(r"(?i)(?<!\d)(?<!\d[.,])000[.,]000\b(?![.,]\d)|\bjuta(an)?\b")),
                 ("ribu", 1e3, re.compile(r"(?i)(?<!\d)(?<!\d[.,])000\b(?![.,]\d)|\bribu(an)?\b")),
                 ("miliar", 1e9, re.compile(r"(?i)\bmil[iy]ar\b")))
"""Scale words of a currency column's heading ("Pagu Indikatif (Rp. 000)", "Dalam Juta (Rp)"): its amounts
are printed in thousands / millions of rupiah and stored in rupiah."""
CURRENCY_HEADING = re.compile(r"(?i)\brp\b|rupiah")

LABEL_PREFIX = re.compile(r"^([A-Z]{2,6})\s*:\s*(?=[-(<>≥≤]?\s*\d)")
"""An acronym naming the quantity before its number ("UTTP : 6.089.916 buah"), kept in `label`; words
before a colon ("Y on Y TW III: 11,56") are a note, not a value."""

LABELLED_QUANTITY = re.compile(r"[A-Za-z][A-Za-z ]*?\s*:\s*\d[\d.,]*")
"""A quantity named by the words before a colon ("benur : 175.000"): a cell that starts with one and lists
two or more ("benur : 175.000 ekor, nener : 60.000 ekor") holds several quantities and no single value."""
MIN_LISTED_QUANTITIES = 2

CONSISTENT_SHARE = 0.8
"""A column or table follows one convention when at least this share of its unambiguous cells does: the
English Jawa Barat tables print a stray Indonesian "66,67" among dozens of "89.68" (about 1 in 8)."""
MIN_ENGLISH_EVIDENCE = 5
"""Cells proving the English convention a table needs before its English prints stop being anomalies:
Indonesian reports slip into a dot decimal in two to four cells of a table ("12.4", "93.7"), a table
written in English prints it throughout."""
LONE_GROUP_DECIMALS = 3
"""Decimals a lone "1,234" / "1.234" would have: in a column printing its decimals with fewer digits
("185,80", "2,5" beside "3,000"; "89.68" beside "1.712") the lone group is thousands, not a decimal."""
ROW_TOLERANCE = 0.01
"""Relative gap between a printed capaian and realisasi / target × 100 still taken as agreement (rounding)."""

# A digit run with "." or "," separators and maybe stray spaces; `_join_chunks` decides which
# spaces belong inside the number.
_NUMBER_TOKEN = re.compile(r"\d(?:[\d.,]|\s(?=[\s.,]*\d))*")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_AMBIGUOUS = re.compile(r"([1-9]\d{0,2})([.,])(\d{3})")
_INDONESIAN = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d+,\d+")
_ENGLISH = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+")
_MIXED_GROUPS = re.compile(r"[1-9]\d{0,2}(?:[.,]\d{3})+")  # "11.038,000,000": one separator mistyped
_SEVERAL_COMMAS = re.compile(r"\d{1,3}(?:\.\d{3})*,\d+(?:,\d+)+")
_RUN_TOGETHER = re.compile(r",\d+\.\d|\.\d+,\d")  # a decimal part followed by the next number's groups


class UnreadableNumber(ValueError):
    """Digits that cannot be one number; carries the note to record."""

    def __init__(self, note: FormatNote):
        super().__init__(note.value)
        self.note = note


@dataclass(frozen=True)
class ParsedNumber:
    printed: str
    value: float | None
    kind: Kind
    grade: str | None = None
    comparator: str | None = None  # ">=", "<", "range" ...
    upper: float | None = None  # upper bound of a range "80 - 90"
    lower: float | None = None  # lower bound of a range (the value `parse_number` gives it)
    unit_tail: str | None = None  # words printed after the number ("75 Peserta" -> "Peserta")
    decimals: int = 0  # decimals as printed, for rounding tolerance
    format_note: FormatNote | None = None
    decided_by_context: bool = False
    ambiguous_dot: bool = False  # a lone "1.234" read by default as thousands: thousands or decimal?
    convention: Convention | None = None  # the convention the printed form proves, None when it proves none
    alternative: float | None = None  # the other reading of a lone "1.234" / "1,234"
    scale: str | None = None  # the printed scale word ("juta", "miliar"); value is in base units
    currency: str | None = None  # "IDR" / "USD" when a currency marker was printed
    footnote: str | None = None  # a footnote mark printed with the number ("*", "*)", "^")
    rating: str | None = None  # a verbal rating printed with the number ("Baik", "SB")
    label: str | None = None  # an acronym printed before the number ("UTTP : 6.089.916")
    space_grouped: bool = False  # thousands grouped by spaces, the printed form proving it ("4 506 361 000")


@dataclass(frozen=True)
class _Reading:
    """One digit token read: value, printed decimals, the convention it proves and the note it earns."""

    value: float
    decimals: int
    convention: Convention | None = None
    note: FormatNote | None = None
    ambiguous: str | None = None  # the separator of a lone three-digit group
    alternative: float | None = None
    decided: bool = False  # an ambiguous token read by a column's or table's convention


@dataclass(frozen=True)
class Evidence:
    """Counts of cells proving each convention, over a column or a table."""

    english: int = 0
    indonesian: int = 0
    space_grouped: int = 0  # cells proving thousands grouped by spaces (`proves_space_grouping`)

    def __add__(self, other: Evidence) -> Evidence:
        return Evidence(self.english + other.english, self.indonesian + other.indonesian,
                        self.space_grouped + other.space_grouped)

    @property
    def total(self) -> int:
        return self.english + self.indonesian

    def decided(self) -> Convention | None:
        """The convention this evidence shows: one of the two when it is consistent, MIXED when both are
        printed, None when there is no evidence."""
        if not self.total:
            return None
        if self.english >= CONSISTENT_SHARE * self.total:
            return Convention.ENGLISH
        if self.indonesian >= CONSISTENT_SHARE * self.total:
            return Convention.INDONESIAN
        return Convention.MIXED

    def reference(self) -> Convention:
        """The convention prints are judged against: English only for a table written in it, else the
        national Indonesian one."""
        if self.english >= MIN_ENGLISH_EVIDENCE and self.decided() is Convention.ENGLISH:
            return Convention.ENGLISH
        return Convention.INDONESIAN


MARKUP_TAG = re.compile(r"</?(?:br|p|li|ul|ol|b|i|u|s|em|strong|span|div|font|sup|sub|td|tr|th|a)\b[^>]*>", re.IGNORECASE)
"""Tags converters leave in cells ("<br>", "</li>"); a printed comparison "< 5 % dan > 2" is no tag."""


def _clean(text: str) -> str:
    text = MARKUP_TAG.sub(" ", str(text or ""))
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u2212", "-")
    return " ".join(text.split())


# Single digits with a space between each, right before a thousands group or a decimal part: one
# letter-spaced number ("4 7 6 .950.840", "9 9 . 24" in a bold row).
LETTER_SPACED_DIGITS = re.compile(r"^\d(?: \d)+(?= ?[.,] ?\d)")
# The same before a percent sign, the whole cell: "7 0 %" is 70 %, not the two numbers 7 and 0.
LETTER_SPACED_PERCENT = re.compile(r"^(\d(?: \d)+)(?=\s*%\s*$)")
# The first group of a number grouped by thousands cut by a space (a spreadsheet printed to PDF spaces
# its glyphs: "1 24.495.000", "3 04.495.000", "1 0.119.173.523"): one or two digits, a space, one or two
# digits, together no longer than a group (three digits), right before a thousands group.
SPACED_FIRST_GROUP = re.compile(r"^(\d{1,2}) (\d{1,2})(?=[.,]\d{3}\b)")
# The same space after the first glyph of a percentage with decimals ("9 1,13", "1 00,00"): one number.
SPACED_FIRST_DIGIT = re.compile(r"^(\d) (\d{1,2})(?=,\d+$)")


# Thousands grouped by spaces (the SI convention, typed with a non-breaking or thin space, which reaches the cell as
# a space): a head of one to three digits, then groups of exactly three, maybe decimals after a comma.
SPACE_GROUPED = re.compile(r"[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?(?![\d.,])")
SPACE_GROUPS_PROVING = 3
"""Groups after the head that prove space grouping by themselves: "4 506 361 000" is no four numbers in a cell,
while "100 200" may be two (columns run together) and follows its column and table (`parse_column`)."""


def proves_space_grouping(token: str) -> bool:
    """A space-grouped form that can be read only as one number: a group opening with 0 ("12 031", "1 000": no one
    prints a number "031"), or `SPACE_GROUPS_PROVING` groups after the head."""
    m = SPACE_GROUPED.fullmatch(token)
    if not m:
        return False
    groups = token.split(",")[0].split(" ")[1:]
    return len(groups) >= SPACE_GROUPS_PROVING or any(g.startswith("0") for g in groups)


def _join_chunks(token: str, space_groups: bool = False) -> str:
    """Keep the spaces that split one number ("1. 234", "11.427 .794 .400", "5.253.23 7.180", "2,602,500 ,000"),
    cut at a space that separates two numbers ("15 80", "50 89", "6.264.744.698,00 6.213.614.698,00").
    Digits printed letter-spaced before a thousands group ("4 7 6 .950.840") are one number, and so are
    thousands grouped by spaces when the form proves it or `space_groups` (the column's or table's cells prove
    it) says so."""
    spaced = SPACE_GROUPED.match(token)
    if spaced and (space_groups or proves_space_grouping(spaced.group(0))):
        return spaced.group(0)
    token = LETTER_SPACED_DIGITS.sub(lambda m: m.group(0).replace(" ", ""), token)
    token = SPACED_FIRST_DIGIT.sub(r"\1\2", token)
    token = SPACED_FIRST_GROUP.sub(lambda m: m.group(0).replace(" ", "") if len(m.group(1) + m.group(2)) <= 3
                                   else m.group(0), token)
    chunks = token.split()
    joined = chunks[0]
    for chunk in chunks[1:]:
        last_group = re.split(r"[.,]", joined)[-1]
        first_group = re.split(r"[.,]", chunk)[0]
        last_separator = max(joined.rfind("."), joined.rfind(","))
        if joined.endswith((".", ",")) or chunk.startswith((".", ",")):
            joined += chunk
        elif last_separator >= 0 and joined[last_separator] == "." and "," not in joined \
                and len(last_group) + len(first_group) == 3:
            joined += chunk  # a thousands group cut by a space
        else:
            break
    return joined.rstrip(".,")


def _plain(digits: str) -> float:
    """Digits with at most one '.' -> float; an overflow ("9" * 400) is unreadable, not infinity."""
    value = float(digits)
    if not math.isfinite(value):
        raise UnreadableNumber(FormatNote.UNREADABLE)
    return value


def _indonesian(compact: str) -> tuple[float, int]:
    whole, _, decimals = compact.partition(",")
    return _plain(f"{whole.replace('.', '') or 0}.{decimals or 0}"), len(decimals)


def _english(compact: str) -> tuple[float, int]:
    whole, _, decimals = compact.partition(".")
    return _plain(f"{whole.replace(',', '') or 0}.{decimals or 0}"), len(decimals)


def _convention_note(proved: Convention, grouped: bool, has_decimals: bool, reference: Convention) -> FormatNote | None:
    """The note an unambiguous print earns against the reference convention of its table."""
    if proved is Convention.ENGLISH and reference is not Convention.ENGLISH:
        if grouped:
            return FormatNote.ENGLISH_FORMAT if has_decimals else FormatNote.COMMA_THOUSANDS
        return FormatNote.DECIMAL_POINT
    if proved is Convention.INDONESIAN and reference is Convention.ENGLISH:
        return FormatNote.INDONESIAN_IN_ENGLISH_TABLE
    return None


def _read_ambiguous(head: str, separator: str, tail: str, reading: Convention | None,
                    reference: Convention) -> _Reading:
    """A lone three-digit group ("1.234", "1,234"): thousands or decimals, as `reading` says; None keeps the
    document default (a dot groups thousands, a comma marks decimals) and flags the token."""
    thousands, decimal = _plain(head + tail), _plain(f"{head}.{tail}")
    if reading is Convention.MIXED:
        as_thousands = True
    elif reading is Convention.ENGLISH:
        as_thousands = separator == ","
    else:  # Indonesian, or no evidence: the national convention
        as_thousands = separator == "."
    english_reading = as_thousands == (separator == ",")
    note = None
    if english_reading and reference is not Convention.ENGLISH:
        by_column = reading is not None
        if separator == ".":
            note = FormatNote.DECIMAL_POINT_BY_COLUMN
        else:
            note = FormatNote.COMMA_THOUSANDS_BY_COLUMN if by_column else FormatNote.COMMA_THOUSANDS
    elif not english_reading and reference is Convention.ENGLISH:
        note = FormatNote.INDONESIAN_IN_ENGLISH_TABLE
    value, other = (thousands, decimal) if as_thousands else (decimal, thousands)
    return _Reading(value, 0 if as_thousands else len(tail), None, note, separator, other,
                    decided=reading is not None)


def _read_malformed(compact: str) -> _Reading:
    """Digit groups no convention produces: the best literal reading and its note, or UnreadableNumber."""
    if _MIXED_GROUPS.fullmatch(compact):  # every group of three: thousands, one separator mistyped
        return _Reading(_plain(re.sub(r"[.,]", "", compact)), 0, None, FormatNote.MALFORMED)
    if _SEVERAL_COMMAS.fullmatch(compact):  # "37.241,44,94": the extra commas dropped
        whole, _, decimals = compact.partition(",")
        value = _plain(f"{whole.replace('.', '')}.{decimals.replace(',', '')}")
        return _Reading(value, len(decimals.replace(",", "")), Convention.INDONESIAN, FormatNote.SEVERAL_DECIMAL_COMMAS)
    if _RUN_TOGETHER.search(compact):  # "6.264.744.698,006.213.614.698,00"
        raise UnreadableNumber(FormatNote.RUN_TOGETHER)
    if "," not in compact:  # "1.23.456", "5.253.23"
        return _Reading(_plain(compact.replace(".", "")), 0, None, FormatNote.MALFORMED_GROUPS)
    if "." not in compact:  # "1,23,456"
        return _Reading(_plain(compact.replace(",", "")), 0, None, FormatNote.MALFORMED)
    last = max(compact.rfind("."), compact.rfind(","))
    whole, decimals = re.sub(r"[.,]", "", compact[:last]), compact[last + 1:]
    return _Reading(_plain(f"{whole or 0}.{decimals or 0}"), len(decimals), None, FormatNote.MALFORMED)


def _read_token(token: str, reading: Convention | None = None, reference: Convention | None = None) -> _Reading:
    """Digits with separators -> their reading. `reading` decides a lone three-digit group, `reference`
    (default: `reading`, else Indonesian) is the convention notes are judged against."""
    reference = reference or (reading if reading in (Convention.ENGLISH, Convention.INDONESIAN) else Convention.INDONESIAN)
    compact = re.sub(r"\s+", "", token).strip(".,")
    if not compact:
        raise UnreadableNumber(FormatNote.UNREADABLE)
    adjacent = re.search(r"[.,]{2,}", compact) is not None
    if adjacent:  # "1.,60": keep the last of the separators
        compact = re.sub(r"[.,]{2,}", lambda m: m.group(0)[-1], compact)
    out = _read_compact(compact, reading, reference)
    if adjacent:
        out = replace(out, note=FormatNote.ADJACENT_SEPARATORS)
    if re.match(r"0\d", compact):  # "00.097.400.400", "00,1176"
        out = replace(out, note=FormatNote.LEADING_ZERO)
    return out


def _read_compact(compact: str, reading: Convention | None, reference: Convention) -> _Reading:
    if compact.isdigit():
        return _Reading(_plain(compact), 0)
    ambiguous = _AMBIGUOUS.fullmatch(compact)
    if ambiguous:
        return _read_ambiguous(ambiguous.group(1), ambiguous.group(2), ambiguous.group(3), reading, reference)
    if _INDONESIAN.fullmatch(compact):
        value, decimals = _indonesian(compact)
        note = _convention_note(Convention.INDONESIAN, "." in compact, decimals > 0, reference)
        return _Reading(value, decimals, Convention.INDONESIAN, note)
    if _ENGLISH.fullmatch(compact):
        value, decimals = _english(compact)
        note = _convention_note(Convention.ENGLISH, "," in compact, decimals > 0, reference)
        return _Reading(value, decimals, Convention.ENGLISH, note)
    return _read_malformed(compact)


def _split_grade(text: str) -> tuple[str, str | None]:
    """'75 (BB)' -> ('75', 'BB'); 'A (82)' -> ('82', 'A'); '(3) WTP' -> ('3', 'WTP')."""
    m = re.fullmatch(r"(.*?)\s*\(\s*([A-Za-z]{1,3})\s*\)\s*", text)
    if m and GRADE_RE.match(m.group(2).upper()):
        return m.group(1), m.group(2).upper()
    m = re.fullmatch(r"([A-Za-z]{1,3})\s*\(\s*([^)]*)\)\s*", text)
    if m and GRADE_RE.match(m.group(1).upper()):
        return m.group(2), m.group(1).upper()
    m = re.fullmatch(r"\(\s*([^)]*)\)\s*([A-Za-z]{1,3})", text)
    if m and GRADE_RE.match(m.group(2).upper()):
        return m.group(1), m.group(2).upper()
    m = re.fullmatch(r"(.*?\d)\s+([A-Za-z]{1,3})", text)
    if m and GRADE_RE.match(m.group(2)):
        return m.group(1), m.group(2)
    return text, None


PARSE_CACHE_SIZE = 1 << 16
"""Cells remembered by `parse_number`: a report's value cells are parsed once per column, table and check."""


def parse_number(printed: str | None, reading: Convention | None = None,
                 reference: Convention | None = None, space_groups: bool = False) -> ParsedNumber:
    """Parse one printed cell. `reading` is the convention of its column for a lone "1.234" / "1,234"
    (None: a dot groups thousands, a comma marks decimals), `reference` the convention of its table that
    notes are judged against (default `reading`, else Indonesian); `space_groups`: its column or table proves
    thousands grouped by spaces, so "30 740" is one number. Never raises: unreadable text gives
    value None, kind 'text' and, when digits could not be read, a FormatNote saying why."""
    return _parse_guarded("" if printed is None else str(printed), reading, reference, space_groups)


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _parse_guarded(raw: str, reading: Convention | None, reference: Convention | None,
                   space_groups: bool = False) -> ParsedNumber:
    try:
        return _parse(raw, reading, reference, space_groups)
    except (ValueError, ArithmeticError, IndexError) as exc:  # UnreadableNumber, or a form no rule foresaw
        note = exc.note if isinstance(exc, UnreadableNumber) else FormatNote.UNREADABLE
        return ParsedNumber(raw, None, Kind.TEXT, format_note=note)


LEVEL_WITH_SCORE = re.compile(
    r"(?i)(?P<word>level|nilai|kategori|predikat|tingkat)\s+(?P<grade>[A-Z]{1,3}|[IVX]{1,4}|\d{1,2})\s*"
    r"(?:\(\s*(?P<score>\d[\d.,]*)\s*\)|\(\s*(?P<name>[A-Za-z][A-Za-z ]{2,24}?)\s*\)|[-–:]?\s*(?P<bare_name>[A-Za-z]{4,24}))?")
"""A grade or level named with its word, maybe with its score in brackets (Readings settled 4): "Level 3
(3,2)" -> 3,2; "Nilai A (83,5)" -> 83,5; "Kategori II (70)" -> 70; "Level 3" -> 3; "Kategori II" alone is a
grade (no value, the text kept); the level's name after it ("Level 3 (Terdefinisi)", "Level 3 - Terdefinisi": the
SPIP maturity levels' and APIP capability levels' names) changes nothing. Words: level (maturity level, SPIP / SAKIP),
nilai (score), kategori and predikat (rating class), tingkat (level)."""


def _level_and_score(text: str) -> tuple[str, str | None]:
    """In: a cell's text. Out: (the number to read, the level or grade as printed), or (text, None) when the
    cell is no named level: "Level 3 (3,2)" -> ("3,2", "Level 3"); "Level 3" -> ("3", None);
    "Predikat BB" -> ("", "Predikat BB")."""
    m = LEVEL_WITH_SCORE.fullmatch(text.strip())
    if m is None:
        return text, None
    grade = f"{m.group('word')} {m.group('grade')}"
    if m.group("score"):
        return m.group("score"), grade
    return (m.group("grade"), None) if m.group("grade").isdigit() else ("", grade)


def _strip_marks(text: str) -> tuple[str, str | None, str | None]:
    """'12.540 *)' -> ('12.540', '*)', None); '82,5 % (Baik)' -> ('82,5 %', None, 'Baik')."""
    rating = None
    m = RATING.search(text)
    if m and re.search(r"\d", text[:m.start()]):
        rating, text = " ".join(m.group(1).split()), (text[:m.start()] + text[m.end():]).strip()
    footnote = None
    m = FOOTNOTE_MARK.search(text)
    if m and re.search(r"[\d%]\s*$", text[:m.start()]):
        footnote, text = m.group(1), text[:m.start()].strip()
    return text, footnote, rating


def _marker_only(raw: str, text: str) -> ParsedNumber | None:
    """Cells that hold no number: empty markers, a bare footnote mark, a bare currency marker, a grade."""
    low = text.lower().strip(" .:")
    if low in EMPTY_MARKERS or re.fullmatch(r"[-–—_.\s]*", low) or low.startswith(("indikator belum", "tidak ada")):
        return ParsedNumber(raw, None, Kind.EMPTY)
    if re.fullmatch(FOOTNOTE, text.strip()):
        return ParsedNumber(raw, None, Kind.EMPTY, footnote=text.strip())
    if BARE_CURRENCY.fullmatch(text.strip()):
        usd = re.search(r"(?i)us|\$", text) is not None
        return ParsedNumber(raw, None, Kind.EMPTY, currency="USD" if usd else "IDR")
    if GRADE_RE.match(text.upper().strip()) and len(text.strip()) <= 3 and text.strip().isalpha():
        return ParsedNumber(raw, None, Kind.GRADE, grade=text.strip().upper())
    return None


def _currency_and_scale(body: str) -> tuple[str, str | None, str | None, float]:
    """Strip currency markers; find the scale word. -> (body, currency code, scale word, factor)."""
    currency = next((code for code, marker in CURRENCY_MARKERS.items() if marker.search(body)), None)
    if currency is not None:
        body = CURRENCY_MARKERS[currency].sub(" ", body)
    for word, factor in SCALE_WORDS.items():
        if re.search(rf"\b{word}\b", body, re.IGNORECASE):
            return body, currency, word, factor
    for pattern, word, money_only in SCALE_ABBREVIATIONS:
        if (currency or not money_only) and pattern.search(body):
            return pattern.sub(f" {word}", body), currency, word, SCALE_WORDS[word]
    return body, currency, None, 1.0


def _comparator_and_sign(body: str, grade: str | None) -> tuple[str, str | None, bool]:
    """'≥ 80' -> ('80', '>=', False); '(1.234)' (accounting negative) and '-210,80' -> negative."""
    comparator = None
    m = re.match(r"^(≥|>=|≤|<=|>|<)\s*", body)
    if m:
        comparator, body = COMPARATORS[m.group(1)], body[m.end():]
    m = re.fullmatch(r"\(\s*([\d.,\s]+)\s*\)\s*%?", body)
    if m and grade is None:  # "(1.234)", "(1,25) %"; "(82)" beside a grade is the score
        return m.group(1), comparator, True
    if re.match(r"^[-–]\s*\d", body):
        return re.sub(r"^[-–]\s*", "", body), comparator, True
    return body, comparator, False


# A dash set apart from the number by a space, as lists print their items ("- 300 orang"); whether it is a
# minus is decided by the unit after the number (things counted one by one are never negative).
LIST_DASH = re.compile(r"^\s*[-–]\s+\d")


# Two numbers set against each other with a colon, and nothing else: "12 : 88", "35:65".
PROPORTION = re.compile(r"\d+(?:[.,]\d+)?\s*:\s*\W?\d+(?:[.,]\d+)?")


TWO_QUANTITIES = re.compile(
    r"^[-–]?\s*\d[\d.,]*\s*(?P<first>[^\d()]*?(?:[A-Za-z]\s?[23])?)\s*(?P<sep>\(|/)\s*\d[\d.,]*\s*(?P<second>%|[^\W\d][^()]*?)\s*\)?\s*$")
"""A number with its unit and a second number with another unit, in brackets or after a slash:
"20 orang (1 angkatan)", "5 (21.840 unit)", "2,481,251 (9,53%)", "122 hari (51%)", "12 Angkatan/240 Orang", an area with its power in figures "1.152.000 km2 (18%)"
(Readings settled 5). After a slash the first number needs its own unit: "87/100.000 KH" is one rate."""


def _unit_key(unit: str) -> str:
    """A printed unit compared with another: lower case, letters and % only ("Kab/Kota" = "kab / kota")."""
    return re.sub(r"[^a-z%]", "", unit.lower())


def _two_quantities(body: str) -> bool:
    """In: a cell's body (marks, grade and currency stripped). Out: True when it prints two quantities of
    different units (`TWO_QUANTITIES`): no single value, the text is kept."""
    m = TWO_QUANTITIES.match(body.strip())
    if m is None or (m.group("sep") == "/" and not m.group("first").strip()):
        return False
    return _unit_key(m.group("first")) != _unit_key(m.group("second"))


# An amount OCR or a narrow cell broke apart: a number ending in a group of thousands (or its separator), then after
# a gap more groups of three ("1.325. -000.000", "945.500 000"). Its first part is no value: reading it would give
# a thousandth or a millionth of the amount printed.
GROUP_ENDED = re.compile(r"[.,]\d{3}[.,]?$|[.,]$")
GROUPS_AFTER_GAP = re.compile(r"^[ \t]*[-–.,]?[ \t]+[-–.,]?[ \t]*\d{3}(?:[.,]\d{3})*(?:,\d{1,2})?\s*$|"
                              r"^[ \t]*[-–][ \t]*\d{3}(?:[.,]\d{3})+")


def _broken_amount(token: str, rest: str) -> bool:
    """The number read (`token`) ends in a thousands group and what follows it in the cell is more groups of three
    after a gap: one amount broken apart, not two numbers."""
    return bool(GROUP_ENDED.search(token)) and bool(GROUPS_AFTER_GAP.match(rest))


def _several_numbers(body: str, start: int, token: str) -> FormatNote | None:
    """Three or more bare numbers in one cell ("62 80 14") or a list ("Tw 2, 3, 4") are no value, nor
    are two quantities of different units ("20 orang (1 angkatan)"); two bare numbers ("15 80") give the first."""
    if _two_quantities(body):
        return FormatNote.SEVERAL_QUANTITIES
    remainder = body[start + len(token):] if body[start:].startswith(token) else ""
    other_numbers = [c for c in re.sub(r"\s*([.,])\s*", r"\1", remainder).split() if re.search(r"\d", c)]
    if not re.search(r"[A-Za-z%]", body) and len(other_numbers) >= 2:
        return FormatNote.SEVERAL_NUMBERS
    if re.search(r"\d\s*,\s+\d+\s*,\s+\d", body):
        return FormatNote.NUMBER_LIST
    if PROPORTION.fullmatch(body.strip()):
        return FormatNote.PROPORTION  # "12 : 88", the shares of two parts: no single value
    return None


# A number wrapped inside its decimals in a narrow cell: "79,4" / "1" is 79,41 (the last decimal digits on
# a line of their own, no separator: a second value would print its own comma or a group of three).
WRAPPED_DECIMALS = re.compile(r"^\s*(\d[\d.]*,\d+)\n(\d{1,2})(\s*%?\s*)$")
# A thousands group wrapped onto the next line of a narrow cell without the separator before it: "2.614" /
# "545." / "100" is 2.614.545.100 (the next line is a group of three and a separator, nothing after it: the
# same number going on; a second amount on its own line would be complete: "500.000").
WRAPPED_GROUP = re.compile(r"([.,])(\d{3})\n(?=\d{3}[.,]\n)")
# An amount whose last group of zeros wrapped onto a line of its own, its separator lost ("8.625" / "000" is 8.625.000):
# "000" alone is no value of its own.
WRAPPED_ZEROS = re.compile(r"^(\s*\d{1,3}(?:([.,])\d{3})+)\n(000)(\s*)$")


def _parse(raw: str, reading: Convention | None, reference: Convention | None,
           space_groups: bool = False) -> ParsedNumber:
    """`parse_number` without its guard: may raise UnreadableNumber (or a ValueError no rule foresaw)."""
    text = _clean(WRAPPED_ZEROS.sub(r"\1\2\3\4", WRAPPED_DECIMALS.sub(r"\1\2\3", WRAPPED_GROUP.sub(r"\1\2\1", raw))))
    marker = _marker_only(raw, text)
    if marker is not None:
        return marker
    text, footnote, rating = _strip_marks(text)
    text, level = _level_and_score(text)
    if level is not None and not text:  # a grade alone: no value, the text kept
        return ParsedNumber(raw, None, Kind.GRADE, grade=level)
    if LABELLED_QUANTITY.match(text.strip()) and len(LABELLED_QUANTITY.findall(text)) >= MIN_LISTED_QUANTITIES:
        # a list of named quantities; a figure printed before its parts ("49,63% - Industri: 19,93% …") is the value
        return ParsedNumber(raw, None, Kind.TEXT, format_note=FormatNote.SEVERAL_QUANTITIES)
    label = LABEL_PREFIX.match(text)
    if label:
        text = text[label.end():]
    body, grade = _split_grade(text)
    grade = grade or level
    is_percent = "%" in body or re.search(r"\bpersen\b", body, re.IGNORECASE) is not None
    body, currency, scale_word, scale = _currency_and_scale(body)
    body = body.replace(",-", "").strip()
    extras = {"currency": currency, "scale": scale_word, "footnote": footnote, "rating": rating,
              "label": label.group(1) if label else None}
    list_dash = LIST_DASH.match(body) is not None
    body, comparator, negative = _comparator_and_sign(body, grade)
    body = LETTER_SPACED_PERCENT.sub(lambda m: m.group(1).replace(" ", ""), body)
    ocr_note = None
    if re.fullmatch(r"[\dOolI|.,\s%]+", body) and re.search(r"\d", body) and re.search(r"[OolI|]", body):
        body, ocr_note = body.translate(_OCR_DIGITS), FormatNote.OCR_DIGITS  # "1O0"
    match = _NUMBER_TOKEN.search(body)
    glued = match is not None and re.search(r"[A-Za-z][-–]?$", body[: match.start()])  # "M-DM-1", "TW1"
    if match is None or glued or match.start() > 0 and re.search(r"[A-Za-z]{3,}", body[: match.start()]):
        return _no_number(raw, body, negative, is_percent, grade, reading, reference)

    token = _join_chunks(match.group(0), space_groups)
    several = _several_numbers(body, match.start(), token)
    if several is not None:
        return ParsedNumber(raw, None, Kind.TEXT, format_note=several)
    if "\n" not in raw.strip() and _broken_amount(token, body[match.start() + len(token):]):  # a cell's next line may be a second amount
        return ParsedNumber(raw, None, Kind.TEXT, format_note=FormatNote.BROKEN_AMOUNT)
    read = _read_token(token, reading, reference)
    note = read.note if read.note is FormatNote.LEADING_ZERO else (ocr_note or read.note)
    if " " in token:
        note = note or FormatNote.SPACED_GROUPS
    rest = body[match.start() + len(token):].strip()
    upper = None
    range_match = re.match(r"^[-–]\s*(\d[\d.,]*)\s*%?$", rest)
    if range_match and not negative:
        upper = _read_token(range_match.group(1), reading, reference).value * scale
        comparator, rest = "range", ""
    unit_tail, is_percent = _unit_tail(rest, is_percent)
    if negative and list_dash and is_counted(unit_tail):
        negative = False  # "- 300 orang": the dash of a list item; no count of people is negative
    sign = -1.0 if negative else 1.0
    kind = Kind.PERCENT if is_percent else Kind.RUPIAH if currency == "IDR" else Kind.NUMBER
    lone_default = read.ambiguous == "." and not read.decided and read.decimals == 0 and scale == 1.0
    lower = sign * read.value * scale if comparator == "range" else None
    return ParsedNumber(raw, sign * read.value * scale, kind, grade=grade, comparator=comparator, upper=upper, lower=lower,
                        unit_tail=unit_tail, decimals=read.decimals, format_note=note,
                        decided_by_context=read.decided or _grouped_by_context(token, space_groups),
                        ambiguous_dot=lone_default, convention=read.convention,
                        alternative=None if read.alternative is None else sign * read.alternative * scale,
                        space_grouped=proves_space_grouping(token), **extras)


def _grouped_by_context(token: str, space_groups: bool) -> bool:
    """A space-grouped number read as one because its column or table proves the convention, not its own form."""
    return space_groups and SPACE_GROUPED.fullmatch(token) is not None and not proves_space_grouping(token)


def _unit_tail(rest: str, is_percent: bool) -> tuple[str | None, bool]:
    """Words printed after the number -> (unit, percent?): '75 Peserta' -> 'Peserta'; '5 persen' -> '%'."""
    tail = re.sub(r"^%\s*", "", rest)
    tail_word = re.match(r"^([A-Za-z][A-Za-z ./]*)$", tail)
    if not tail_word or any(w in tail.lower() for w in SCALE_WORDS):
        return None, is_percent
    unit = tail_word.group(1).strip()
    if unit.lower() == "persen":
        return "%", True
    return unit, is_percent


def _no_number(raw: str, body: str, negative: bool, is_percent: bool, grade: str | None,
               reading: Convention | None, reference: Convention | None) -> ParsedNumber:
    """A cell whose digits are hidden by letters: OCR letters for digits ("1O0"), a grade, or text."""
    candidate = body.translate(_OCR_DIGITS)
    ocr = re.fullmatch(r"\s*(\d+(?:[.,]\d+)*)\s*%?\s*", candidate)
    if ocr and body.strip() != candidate.strip():
        read = _read_token(ocr.group(1), reading, reference)
        return ParsedNumber(raw, -read.value if negative else read.value, Kind.PERCENT if is_percent else Kind.NUMBER,
                            decimals=read.decimals, format_note=FormatNote.OCR_DIGITS, convention=read.convention)
    if grade:
        return ParsedNumber(raw, None, Kind.GRADE, grade=grade)
    return ParsedNumber(raw, None, Kind.TEXT)


def evidence_of(parsed: list[ParsedNumber]) -> Evidence:
    """Cells -> how many prove each convention."""
    english = sum(1 for p in parsed if p.convention is Convention.ENGLISH)
    indonesian = sum(1 for p in parsed if p.convention is Convention.INDONESIAN)
    return Evidence(english, indonesian, sum(1 for p in parsed if p.space_grouped))


def table_evidence(columns: list[list[str | None]]) -> Evidence:
    """The printed cells of a table's value columns, column by column -> the evidence `parse_column` takes
    as its prior. A lone "202,955" in a column that prints English counts as English: read there as
    thousands, it is one more cell in the English convention."""
    total = Evidence()
    for texts in columns:
        parsed = [parse_number(t) for t in texts]
        column = evidence_of(parsed)
        if column.decided() is Convention.ENGLISH:
            lone_commas = sum(1 for p in parsed if p.alternative is not None and "," in p.printed)
            column = column + Evidence(english=lone_commas)
        total = total + column
    return total


def header_scale(heading: str | None, money: bool = False) -> tuple[str, float] | None:
    """A value column's heading -> (scale word, factor) its amounts are printed in; None for "(Rp)", a
    heading without a currency (unless the column is known to hold money: `money`, a ceiling or a
    spending column under "Tahun (ribu)"), or no heading."""
    if not heading or not (money or CURRENCY_HEADING.search(heading)):
        return None
    return next(((word, factor) for word, factor, pattern in HEADER_SCALES if pattern.search(heading)), None)


def _scaled(p: ParsedNumber, word: str, factor: float) -> ParsedNumber:
    """A cell of a column printed in thousands / millions -> its value in base units (cells that print
    their own scale word, percentages and empty cells unchanged)."""
    if p.value is None or p.scale is not None or p.kind == Kind.PERCENT:
        return p
    def times(v: float | None) -> float | None:
        return None if v is None else v * factor

    return replace(p, value=p.value * factor, alternative=times(p.alternative), lower=times(p.lower),
                   upper=times(p.upper), scale=word)


def _implausible_percent(p: ParsedNumber, percent_column: bool) -> bool:
    """A lone "30.769%" read as thousands: a percent over 1000 is not meant."""
    thousands = p.alternative is not None and p.decimals == 0 and "." in p.printed and "," not in p.printed
    return thousands and (p.kind == Kind.PERCENT or percent_column) and abs(p.value or 0) >= 1000


def parse_column(texts: list[str | None], percent_column: bool = False, table: Evidence | None = None,
                 heading: str | None = None, money: bool = False) -> list[ParsedNumber]:
    """Parse the cells of one column together.

    In:  the column's printed cells; whether it holds percentages; the evidence of its whole table
         (`table_evidence`), if known; its heading, whose scale word ("(Rp. 000)") applies to its amounts.
    Out: one ParsedNumber per cell. A lone "1.234" / "1,234" follows the convention the column's other cells
         prove (its table's when they prove none; thousands when the column prints both conventions), so does
         "30 740" (one number when a cell of the column or table proves thousands grouped by spaces), and a
         lone-dot percent over 1000 is a decimal point; a range "5-6 %" has value None (its bounds in
         lower / upper); amounts under a heading "(Rp. 000)" are in rupiah, the scale word in `scale`. Prints are judged against the table's convention:
         English prints in a table written in English earn no format note. Cells decided this way carry
         decided_by_context=True."""
    first = [parse_number(t) for t in texts]
    column = evidence_of(first)
    reading = column.decided() or (table.decided() if table is not None else None)
    widths = [p.decimals for p in first if p.convention is not None and p.decimals]
    if reading is not None and widths and max(widths) < LONE_GROUP_DECIMALS:
        reading = Convention.MIXED  # a lone three-digit group is no decimal in this column: thousands
    reference = (table if table is not None and table.total else column).reference()
    space_groups = bool(column.space_grouped or (table is not None and table.space_grouped))
    scale = None if percent_column else header_scale(heading, money)
    out = []
    for text, p in zip(texts, first):
        if reading is not None or reference is Convention.ENGLISH or space_groups:
            p = parse_number(text, reading, reference, space_groups)
        if p.decided_by_context and p.alternative is not None and abs(p.alternative) > abs(p.value or 0) \
                and is_counted(p.unit_tail):
            p = _other_reading(p)  # "365.250 Orang" in a column read English: people are counted, no decimals
        if _implausible_percent(p, percent_column) and column.decided() is not Convention.INDONESIAN:
            # a lone-dot "capaian" over 1000 is a decimal point, unless its own column proves dot thousands
            p = parse_number(text, Convention.ENGLISH, reference)
        if scale is not None:
            p = _scaled(p, *scale)
        if p.comparator == "range":  # "5-6 %": a target band is no single value (bounds kept)
            p = replace(p, value=None, format_note=FormatNote.RANGE)
        out.append(p)
    return out


def decide_by_row(achievement: ParsedNumber, target: float | None, realization: float | None) -> ParsedNumber:
    """A capaian whose printed form is implausible or ambiguous ("30.769%": 30.769? 3.076,9? 30.769?)
    is read the way that agrees with the row's own realisasi / target × 100, when one does."""
    if achievement.value is None or not target or realization is None:
        return achievement
    if not (achievement.ambiguous_dot or achievement.decided_by_context or (achievement.format_note or "").startswith("decimal point")):
        return achievement
    digits = re.sub(r"\D", "", achievement.printed or "")
    if not digits:
        return achievement
    ratio = realization / target * 100
    candidates = [int(digits) / 10 ** k for k in range(len(digits))]
    best = min(candidates, key=lambda c: abs(c - ratio))
    if abs(best - ratio) <= max(ROW_TOLERANCE * abs(ratio), 0.01) and best != achievement.value:
        decimals = len(digits) - len(str(int(best))) if best != int(best) else 0
        return replace(achievement, value=best, decimals=max(decimals, 0), ambiguous_dot=False, decided_by_context=True,
                       format_note=FormatNote.IMPLAUSIBLE_PERCENT_BY_ROW)
    return achievement


def _capaian_agrees(capaian: float, target: float | None, realization: float | None) -> bool:
    """realisasi / target × 100 (or target / realisasi × 100, lower is better) equals the capaian?"""
    if target is None or realization is None:
        return False
    ratios = [realization / target * 100 if target else None, target / realization * 100 if realization else None]
    return any(r is not None and abs(r - capaian) <= max(ROW_TOLERANCE * abs(capaian), 0.01) for r in ratios)


def _other_reading(cell: ParsedNumber) -> ParsedNumber:
    """A lone-group cell read the other way, with the note saying which way it now reads."""
    if cell.alternative is None or cell.value is None:
        return cell
    as_thousands = abs(cell.alternative) > abs(cell.value)
    separator = "," if "," in cell.printed else "."
    note: FormatNote | None
    if (separator == ",") == as_thousands:  # now the English reading
        note = FormatNote.COMMA_THOUSANDS_BY_ROW if as_thousands else FormatNote.DECIMAL_POINT_BY_ROW
    else:  # back to the Indonesian reading: a note only where the table prints English
        note = None if cell.format_note in FORMAT_ANOMALIES else FormatNote.INDONESIAN_IN_ENGLISH_TABLE
    return replace(cell, value=cell.alternative, alternative=cell.value, decimals=0 if as_thousands else 3,
                   ambiguous_dot=False, decided_by_context=True, format_note=note)


def decide_separator_by_row(target: ParsedNumber | None, realization: ParsedNumber | None,
                            achievement: ParsedNumber | None) -> tuple[ParsedNumber | None, ParsedNumber | None]:
    """A lone "352,390" in a target or realisasi cell is read the other way when only that reading makes
    the row's printed (unambiguous) capaian agree with realisasi / target × 100. -> (target, realisasi)."""
    if achievement is None or achievement.value is None or achievement.alternative is not None:
        return target, realization
    if target is None or realization is None or target.value is None or realization.value is None:
        return target, realization
    if _capaian_agrees(achievement.value, target.value, realization.value):
        return target, realization
    candidates = []  # (switched cell reads thousands now?, target, realisasi)
    if target.alternative is not None and _capaian_agrees(achievement.value, target.alternative, realization.value):
        candidates.append((abs(target.alternative) > abs(target.value), _other_reading(target), realization))
    if realization.alternative is not None and _capaian_agrees(achievement.value, target.value, realization.alternative):
        candidates.append((abs(realization.alternative) > abs(realization.value), target, _other_reading(realization)))
    if not candidates:
        return target, realization
    _, target, realization = max(candidates, key=lambda c: c[0])  # thousands is the usual meaning of a lone group
    return target, realization


def in_row_context(target: ParsedNumber | None, realization: ParsedNumber | None, achievement: ParsedNumber | None,
                   year: int | None = None, report_year: int | None = None):
    """Decisions that need the whole row: a lone-group target or realisasi read through the capaian, an
    implausible capaian read through realisasi / target, and a realisasi or capaian for a year after the
    fiscal year flagged (`flag_future_year`).
    In: the row's three parsed cells, the year of their column and the report's fiscal year.
    Out: the three cells as read in the row's context; no value is dropped."""
    target, realization = decide_separator_by_row(target, realization, achievement)
    if achievement is not None and target is not None and realization is not None:
        achievement = decide_by_row(achievement, target.value, realization.value)
    if year and report_year and year > report_year:
        realization = flag_future_year(realization, FormatNote.FUTURE_REALISATION)
        achievement = flag_future_year(achievement, FormatNote.FUTURE_CAPAIAN)
    return target, realization, achievement


def flag_future_year(cell: ParsedNumber | None, note: FormatNote) -> ParsedNumber | None:
    """A realisasi or capaian printed for a year after the fiscal year cannot have been measured yet: the
    column's year or the value may be misread (OCR noise such as "1" in an empty cell, a heading year read
    wrong). The value is an inference away from being wrong, never dropped for it: it is kept, with `note`
    as a flag the checks read (a finding resting on it says so). A note the cell already has (a format
    anomaly) is kept instead: it is a finding of its own.
    In: the parsed cell (or None), the flag. Out: the cell, flagged when it holds a value."""
    if cell is None or cell.value is None or cell.format_note is not None:
        return cell
    return replace(cell, format_note=note)


def _from_latex(text: str) -> str:
    """Math as OCR services write it: "$\\frac{a - b}{b} \\times 100$" -> "(a - b)/(b) × 100"."""
    text = text.replace("$", "")
    for _ in range(3):  # nested fractions, innermost first
        text = re.sub(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"(\1)/(\2)", text)
    return re.sub(r"\\(times|cdot)", "×", text).replace("\\div", "/").replace("\\left", "").replace("\\right", "")


EXPRESSION = re.compile(r"^[\d\s.,()+\-−–×xX*/:]+$")


def evaluate_expression(text: str | None) -> float | None:
    """A computation printed in a cell, "(3.835.029 - 3.831.430) / 3.831.430 × 100" or "30 / 33 x 100",
    evaluated with Indonesian numbers; None when the cell is not such a computation (two operators
    or more, one of them × or /; only + − × / and parentheses). A trailing "= result" is ignored."""
    import ast
    import operator

    body = _from_latex(text or "")
    body = " ".join(body.split("=")[0].split())
    if not body or not EXPRESSION.match(body) or len(re.findall(r"\d[\d.,]*", body)) < 2:
        return None
    if not re.search(r"[×xX*/:]", body) or len(re.findall(r"[-+−–×xX*/:]", body)) < 2:
        return None  # "80 - 90", "2023 - 2024": a range; "0/2": a fraction or a unit, not a computation
    numbers: list[float] = []

    def number(m: re.Match) -> str:
        parsed = parse_number(m.group(0))
        if parsed.value is None:
            raise ValueError(m.group(0))
        numbers.append(parsed.value)
        return f"n{len(numbers) - 1}"

    try:
        source = re.sub(r"\d[\d.,]*\d|\d", number, body)
    except ValueError:
        return None
    source = re.sub(r"[×xX*]", "*", source.replace("−", "-").replace("–", "-").replace(":", "/"))
    ops = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}

    def value(node) -> float:
        if isinstance(node, ast.BinOp) and type(node.op) in ops:
            return ops[type(node.op)](value(node.left), value(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -value(node.operand)
        if isinstance(node, ast.Name) and re.fullmatch(r"n\d+", node.id):
            return numbers[int(node.id[1:])]
        raise ValueError("not arithmetic")

    try:
        return value(ast.parse(source, mode="eval").body)
    except (SyntaxError, ValueError, ZeroDivisionError):
        return None
