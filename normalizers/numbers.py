"""Parse numbers as Indonesian government reports print them.

In:  the printed text of one table cell ("25.449.669.550", "72,25 (BB)", "96,33%", "-", "Rp.33,86 Triliun").
Out: a `ParsedNumber`: the value (float or None), what kind of quantity it is (percent, rupiah,
     number, grade, empty, text), the grade or comparator that came with it, and, when the printed
     form was unusual (a decimal point where Indonesian uses a comma, a malformed digit group), a
     `format_note` the validator turns into a format_anomaly finding.

Indonesian convention: "." groups thousands, "," marks decimals. Reports switch to the English
dot-decimal form now and then ("12.4", "0.094 %"); a lone "1.234" is ambiguous and is read as
thousands unless the column it sits in says otherwise (`parse_column`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

EMPTY_MARKERS = {
    "", "-", "–", "—", "--", "n/a", "na", "n.a", "n.a.", "nihil", "tidak ada", "tidak ada target",
    "indikator belum ditetapkan", "belum ditetapkan", "belum ada", "x", "*", "…", "...",
}
SCALE_WORDS = {"triliun": 1e12, "trilyun": 1e12, "miliar": 1e9, "milyar": 1e9, "juta": 1e6, "ribu": 1e3}
GRADE_RE = re.compile(r"^(AA|A|BB|B|CC|C|D|E|WTP|WDP|TW|TMP)$")
COMPARATORS = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<"}

# A digit run with "." or "," separators and maybe stray spaces; `_join_chunks` decides which
# spaces belong inside the number.
_NUMBER_TOKEN = re.compile(r"\d(?:[\d.,]|\s(?=[\s.,]*\d))*")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})


@dataclass(frozen=True)
class ParsedNumber:
    printed: str
    value: float | None
    kind: str  # percent | rupiah | number | grade | empty | text
    grade: str | None = None
    comparator: str | None = None  # ">=", "<", "range" ...
    upper: float | None = None  # upper bound of a range "80 - 90"
    unit_tail: str | None = None  # words printed after the number ("75 Peserta" -> "Peserta")
    decimals: int = 0  # decimals as printed, for rounding tolerance
    format_note: str | None = None
    decided_by_context: bool = False
    ambiguous_dot: bool = False  # a lone "1.234": thousands or decimal?


def _clean(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", str(text or ""))
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u2212", "-")
    return " ".join(text.split())


def _join_chunks(token: str) -> str:
    """Keep the spaces that split one number ("1. 234", "11.427 .794 .400", "5.253.23 7.180"),
    cut at a space that separates two numbers ("15 80", "50 89")."""
    chunks = token.split()
    joined = chunks[0]
    for chunk in chunks[1:]:
        last_group = re.split(r"[.,]", joined)[-1]
        first_group = re.split(r"[.,]", chunk)[0]
        if joined.endswith((".", ",")) or chunk.startswith((".", ",")):
            joined += chunk
        elif "." in joined and len(last_group) + len(first_group) == 3:
            joined += chunk
        else:
            break
    return joined.rstrip(".,")


def _token_to_float(token: str) -> tuple[float, int, str | None, bool]:
    """Digits with separators -> (value, printed decimals, format note, ambiguous lone dot)."""
    compact = re.sub(r"\s+", "", token)
    note = None
    dots, commas = compact.count("."), compact.count(",")
    if dots and commas:
        last = max(compact.rfind("."), compact.rfind(","))
        if compact[last] == ",":  # Indonesian 1.234,56
            int_part, dec = compact[:last].replace(".", ""), compact[last + 1:]
            if commas > 1:  # "37.241,44,94"
                int_part, dec = compact[:compact.find(",")].replace(".", ""), compact[compact.find(",") + 1:].replace(",", "")
                note = "malformed number (several decimal commas)"
            return float(f"{int_part}.{dec}"), len(dec), note, False
        int_part, dec = compact[:last].replace(",", ""), compact[last + 1:]
        return float(f"{int_part}.{dec}"), len(dec), "English number format (comma thousands, point decimal)", False
    if commas:
        if commas == 1:
            int_part, dec = compact.split(",")
            return float(f"{int_part or 0}.{dec}"), len(dec), note, False
        groups = compact.split(",")
        if all(len(g) == 3 for g in groups[1:]):
            return float("".join(groups)), 0, "comma used as thousands separator", False
        return float("".join(groups)), 0, "malformed number", False
    if dots:
        groups = compact.split(".")
        if dots == 1:
            head, tail = groups
            if len(tail) == 3 and head not in ("", "0"):
                return float(head + tail), 0, note, True  # ambiguous: thousands by default
            return float(f"{head or 0}.{tail}"), len(tail), "decimal point instead of comma", False
        if all(len(g) == 3 for g in groups[1:]):
            return float("".join(groups)), 0, note, False
        return float("".join(groups)), 0, note or "malformed digit groups", False
    return float(compact), 0, note, False


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


def parse_number(printed: str | None) -> ParsedNumber:
    """Parse one printed cell. Never raises: unreadable text gives value None, kind 'text'."""
    raw = "" if printed is None else str(printed)
    text = _clean(raw)
    low = text.lower().strip(" .:")
    if low in EMPTY_MARKERS or re.fullmatch(r"[-–—_.\s]*", low) or low.startswith(("indikator belum", "tidak ada")):
        return ParsedNumber(raw, None, "empty")
    if GRADE_RE.match(text.upper().strip()) and len(text.strip()) <= 3 and text.strip().isalpha():
        return ParsedNumber(raw, None, "grade", grade=text.strip().upper())

    body, grade = _split_grade(text)
    is_percent = "%" in body or re.search(r"\bpersen\b", body, re.I) is not None
    is_rupiah = re.search(r"\brp\.?", body, re.I) is not None
    scale = 1.0
    for word, factor in SCALE_WORDS.items():
        if re.search(rf"\b{word}\b", body, re.I):
            scale = factor
            break

    body = re.sub(r"(?i)\brp\.?\s*", "", body).replace(",-", "").strip()
    comparator = None
    m = re.match(r"^(≥|>=|≤|<=|>|<)\s*", body)
    if m:
        comparator = COMPARATORS[m.group(1)]
        body = body[m.end():]
    negative = False
    m = re.fullmatch(r"\(\s*([\d.,\s]+)\s*\)\s*%?", body)
    if m and grade is None:  # accounting negative "(1.234)"
        negative, body = True, m.group(1)
    elif re.match(r"^[-–]\s*\d", body):
        negative, body = True, re.sub(r"^[-–]\s*", "", body)

    if re.fullmatch(r"[\dOolI|.,\s%]+", body) and re.search(r"\d", body) and re.search(r"[OolI|]", body):
        body, ocr_note = body.translate(_OCR_DIGITS), "OCR letters read as digits"
    else:
        ocr_note = None
    match = _NUMBER_TOKEN.search(body)
    glued = match is not None and re.search(r"[A-Za-z][-–]?$", body[: match.start()])  # "M-DM-1", "TW1"
    if match is None or glued or match.start() > 0 and re.search(r"[A-Za-z]{3,}", body[: match.start()]):
        candidate = body.translate(_OCR_DIGITS)
        ocr = re.fullmatch(r"\s*(\d+(?:[.,]\d+)*)\s*%?\s*", candidate)
        if ocr and body.strip() != candidate.strip():
            value, decimals, note, ambiguous = _token_to_float(ocr.group(1))
            return ParsedNumber(raw, -value if negative else value, "percent" if is_percent else "number",
                                decimals=decimals, format_note="OCR letters read as digits", ambiguous_dot=ambiguous)
        if grade:
            return ParsedNumber(raw, None, "grade", grade=grade)
        return ParsedNumber(raw, None, "text")

    token = _join_chunks(match.group(0))
    remainder = body[match.start() + len(token):] if body[match.start():].startswith(token) else ""
    other_numbers = [c for c in re.sub(r"\s*([.,])\s*", r"\1", remainder).split() if re.search(r"\d", c)]
    if not re.search(r"[A-Za-z%]", body) and len(other_numbers) >= 2:
        return ParsedNumber(raw, None, "text", format_note="several numbers in one cell")
    if re.search(r"\d\s*,\s+\d+\s*,\s+\d", body):
        return ParsedNumber(raw, None, "text", format_note="a list of numbers")  # "Tw 2, 3, 4"
    value, decimals, note, ambiguous = _token_to_float(token)
    note = ocr_note or note
    if re.match(r"0\d", re.sub(r"\s+", "", token)):
        note = "malformed number (leading zero before digits: a damaged print)"  # "00.097.400.400", "00,1176"
    rest = body[match.start() + len(token):].strip()
    if " " in token:
        note = note or "digit groups broken by spaces"
    upper = None
    range_match = re.match(r"^[-–]\s*(\d[\d.,]*)\s*%?$", rest)
    if range_match and not negative:
        upper = _token_to_float(range_match.group(1))[0]
        comparator, rest = "range", ""
    if scale != 1.0:
        ambiguous, decimals = False, decimals
    value *= scale
    if negative:
        value = -value
    unit_tail = None
    tail = re.sub(r"^%\s*", "", rest)
    tail_word = re.match(r"^([A-Za-z][A-Za-z ./]*)$", tail)
    if tail_word and not any(w in tail.lower() for w in SCALE_WORDS):
        unit_tail = tail_word.group(1).strip()
        if unit_tail.lower() == "persen":
            unit_tail, is_percent = "%", True
    kind = "percent" if is_percent else "rupiah" if is_rupiah else "number"
    return ParsedNumber(raw, value, kind, grade=grade, comparator=comparator, upper=upper,
                        unit_tail=unit_tail, decimals=decimals, format_note=note, ambiguous_dot=ambiguous)


def _dot_as_decimal(parsed: ParsedNumber) -> ParsedNumber:
    token = _NUMBER_TOKEN.search(_clean(parsed.printed).replace(" ", ""))
    head, tail = token.group(0).split(".") if token and token.group(0).count(".") == 1 else (None, None)
    if head is None:
        return parsed
    value = float(f"{head}.{tail}") * (-1 if (parsed.value or 0) < 0 else 1)
    return replace(parsed, value=value, decimals=len(tail), ambiguous_dot=False, decided_by_context=True,
                   format_note="decimal point instead of comma (decided from the column)")


def parse_column(texts: list[str | None], percent_column: bool = False) -> list[ParsedNumber]:
    """Parse the cells of one column together, so ambiguous lone-dot values ("1.234") are decided
    from their neighbours: when the column otherwise writes decimals with a point and never with a
    comma, or when a thousands reading would give an implausible percent (> 1000), the point is a
    decimal point. Values decided this way carry decided_by_context=True."""
    parsed = [parse_number(t) for t in texts]
    dot_decimals = sum(1 for p in parsed if p.format_note and "decimal point" in p.format_note)
    comma_decimals = sum(1 for p, t in zip(parsed, texts) if p.value is not None and p.decimals and "," in str(t))
    out = []
    for p in parsed:
        if p.ambiguous_dot:
            implausible_percent = (p.kind == "percent" or percent_column) and abs(p.value or 0) >= 1000
            if implausible_percent or (dot_decimals > 0 and comma_decimals == 0):
                p = _dot_as_decimal(p)
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
    if abs(best - ratio) <= max(0.01 * abs(ratio), 0.01) and best != achievement.value:
        decimals = len(digits) - len(str(int(best))) if best != int(best) else 0
        return replace(achievement, value=best, decimals=max(decimals, 0), ambiguous_dot=False, decided_by_context=True,
                       format_note="implausible percent, read as realisasi / target × 100 agrees")
    return achievement


def in_row_context(target: ParsedNumber | None, realization: ParsedNumber | None, achievement: ParsedNumber | None,
                   year: int | None = None, report_year: int | None = None):
    """Decisions that need the whole row: an implausible capaian read through realisasi / target,
    and a realisasi for a year after the fiscal year (it cannot exist yet: OCR noise such as "1"
    in an empty cell) set to None with its text kept."""
    if realization is not None and realization.value is not None and year and report_year and year > report_year:
        realization = replace(realization, value=None, kind="text", format_note="realisation for a future year ignored")
        if achievement is not None and achievement.value is not None:
            achievement = replace(achievement, value=None, kind="text", format_note="capaian for a future year ignored")
    if achievement is not None and target is not None and realization is not None:
        achievement = decide_by_row(achievement, target.value, realization.value)
    return target, realization, achievement


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
