"""Operations on extracted grids that do not depend on where the grid came from.

In:  rows of `Cell`s (text None = covered by a merged cell, "" = empty cell).
Out: the header rows split from the body (`split_header`), one path per column built from a
     multi-row header with spanning cells (`column_paths`, e.g. "2022 › Target"), and tables that
     continue over page breaks joined into one (`join_continuations`; `columns_line_up` for a part read by
     white space alone).
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from normalizers.numbers import FormatNote, parse_number
from pipeline.models import Cell, RawTable

PATH_SEP = " › "
HEADER_WORDS = re.compile(
    r"^(target|realisasi|capaian|tahun|tw|triwulan|anggaran|pagu|rp|\(rp\)|%|\(%\)|persen|jumlah|murni|akhir|"
    r"perubahan|apbd|apbd-?p|awal|satuan|keterangan|ket|nilai|bobot|sebelum|sesudah|setelah|i|ii|iii|iv|"
    r"kinerja|fisik|keuangan|pergeseran|selisih|sisa|total|no|uraian|status|kondisi|standar|nasional|"
    r"tahunan|realisasi anggaran|capaian kinerja|rupiah|persentase)\b",
    re.I,
)
YEAR_RE = re.compile(r"\b(19[89]\d|20\d\d)\b")


def text_of(cell: Cell | None) -> str:
    return "" if cell is None or cell.text is None else re.sub(r"<[^>]+>", "", cell.text).strip()


def is_value_like(text: str) -> bool:
    """A cell that carries data rather than a heading: a number that is not a bare year or a
    column number like "(1)", or long running text."""
    t = re.sub(r"<[^>]+>", "", text).strip()
    if not t:
        return False
    if re.fullmatch(r"\(?\d{1,2}\)?", t) and t.startswith("("):
        return False  # column numbering row "(1) (2) (3)"
    if re.fullmatch(r"(tahun\s*)?(19[89]\d|20\d\d)", t, re.I):
        return False
    if re.fullmatch(r"\(?\s*(rp|%|rp\.?)\s*\)?", t, re.I):
        return False
    if len(t) > 80:
        return True
    parsed = parse_number(t)
    return parsed.value is not None and not re.fullmatch(r"[A-Za-z\s/().-]*(19[89]\d|20\d\d)[A-Za-z\s/().-]*", t)


PURE_NUMBER = re.compile(r"^\s*(rp\.?\s*)?[-–(]?\s*\d[\d.,\s]*\)?\s*%?\s*(\(\w{1,3}\))?\s*$", re.I)


def is_pure_number(text: str) -> bool:
    """'1.234', '96,33%', '75 (BB)', 'Rp 5.000' but not a year, '(1)' or '5 PD/OKPD'."""
    t = re.sub(r"<[^>]+>", "", text).strip()
    return bool(PURE_NUMBER.match(t)) and not re.fullmatch(r"(19[89]\d|20\d\d)", t) and not re.fullmatch(r"\(\d{1,2}\)", t)


def _is_vocabulary(text: str) -> bool:
    words = re.sub(r"[^\w%]+", " ", text).strip()
    return bool(HEADER_WORDS.match(words) or YEAR_RE.search(words) or words == "")


def _spanned_from_left(prev: list[Cell], col: int) -> bool:
    """True when column `col` of a header row is covered by a cell that starts further left."""
    if text_of(prev[col]):
        return False
    k = col - 1
    while k >= 0 and not text_of(prev[k]):
        k -= 1
    return k >= 0


# A cell of the numbering row that also holds the last words of the heading above it, spilled under the
# heading's rule ("Penang" / "gung Alfa" over "22"): words on the lines above, the number on the last.
SPILLED_HEADING_OVER_NUMBER = re.compile(r"(?s)(?=.*[A-Za-z]).*\n\s*(\(?\d{1,2}[a-z]?\)?)\s*")
# ... or the first lines of the next row's name, spilled over the numbering row's rule on a page where the
# rules sit out of line ("2" over "Program Alfa" / "Beta Gama"): the number on the first line.
NUMBER_OVER_SPILLED_NAME = re.compile(r"(?s)\s*(\(?\d{1,2}[a-z]?\)?)\s*\n(?=.*[A-Za-z])(.*)")


# A heading whose line breaks after a hyphen, the number on the next line: "Tahun-" / "1", "Tahun ke-" / "2".
HEADING_CUT_AT_HYPHEN = re.compile(r"[A-Za-z]\s*-\s*\n\s*\d{1,2}\s*$")


def _numbering_text(cell: Cell) -> str:
    """A numbering cell's number: the cell's text, or the line of it that is the number when words of the
    heading above or of the row below spilled into it."""
    text = text_of(cell)
    if HEADING_CUT_AT_HYPHEN.search(text):
        return text  # "Tahun-" / "1": the number ends the heading ("Tahun-1", the plan's first year)
    spilled = SPILLED_HEADING_OVER_NUMBER.fullmatch(text) or NUMBER_OVER_SPILLED_NAME.fullmatch(text)
    return spilled.group(1) if spilled else text


def spilled_below(row: list[Cell]) -> dict[int, str]:
    """The words a numbering row's cells hold under their number ({column: text}): the next row's, to be
    given back to it."""
    out = {}
    for j, c in enumerate(row):
        m = NUMBER_OVER_SPILLED_NAME.fullmatch(text_of(c))
        if m:
            out[j] = m.group(2).strip()
    return out


def is_column_numbering(row: list[Cell]) -> bool:
    """A row '(1) (2) (3) …' or '1 2 3 …' that numbers the columns; a cell may number two columns
    or more ('3 4': the rule between them not drawn in that row), or hold a heading's last words
    above its number ('gung Alfa' over '22') or the next row's first words under it ('2' over 'Program …')."""
    cells = [_numbering_text(c) for c in row if text_of(c)]
    texts = [t for c in cells for t in (c.split() if re.fullmatch(r"\d{1,2}(\s+\d{1,2})+", c) else [c])]
    if len(texts) < 3:
        return False
    # a sub-column is numbered with a letter after its column's number ("3 | 3a | 3b | 3c")
    numbers = [re.fullmatch(r"\(?(\d{1,2})([a-z]?)\)?(\s*=.*)?", t) for t in texts]
    stray = [t for t, m in zip(texts, numbers) if not m]
    if stray and (len(texts) < 6 or len(stray) > 1 or len(stray[0]) > 2):
        return False  # one stray mark ("Ī") is OCR noise in a long numbering row, more is data
    values = [(int(m.group(1)), m.group(2)) for m in numbers if m]
    return values == sorted(values) and len(set(values)) == len(values) and values[0][0] <= 2


def count_header_continuation(header: list[list[Cell]], rows: list[list[Cell]], limit: int = 3) -> int:
    """How many of `rows` continue `header`: rows without data values that sit under a spanning
    cell of the row above or consist of header vocabulary and years."""
    n = 0
    while n < len(rows) and n < limit:
        if is_column_numbering(rows[n]):
            break
        texts = [(j, text_of(c)) for j, c in enumerate(rows[n]) if text_of(c)]
        if not texts or any(len(t) > 80 for _, t in texts):
            break
        if sum(1 for _, t in texts if is_pure_number(t)) > (1 if len(texts) >= 5 else 0):
            break
        vocabulary_share = sum(1 for _, t in texts if _is_vocabulary(t)) / len(texts)
        depth = len(header) + n
        if depth >= 2 and vocabulary_share < 0.6:
            break  # a third header row must be mostly header vocabulary
        above = header[-1] if n == 0 else rows[n - 1]
        under_span = any(_spanned_from_left(above, j) or (above[j].text is None) for j, _ in texts if j < len(above))
        if not (under_span or vocabulary_share >= 0.6):
            break
        n += 1
    return n


# A figure with decimals ("56,64", "89,90 %", "1.250,5"): what a row of values prints and a heading does not (headings
# print years, column numbers, "(%)"). A first row printing MIN_DECIMAL_FIGURES of them is the body's first row (the
# continuation of a table on its next page, its name and unit beside them), though its name and unit outnumber them.
DECIMAL_FIGURE = re.compile(r"[-−]?\d{1,3}(?:\.\d{3})*,\d+\s*%?")
MIN_DECIMAL_FIGURES = 2


def split_header(rows: list[list[Cell]], max_header_rows: int = 4) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """The first row is a header; each following row is one too while it holds no data value and
    either sits under a spanning cell of the row above or consists of header vocabulary/years."""
    if not rows:
        return [], []
    first = [text_of(c) for c in rows[0]]
    if any(is_value_like(t) for t in first if t) and sum(1 for t in first if t and is_value_like(t)) > len(first) // 2 \
            or sum(1 for t in first if DECIMAL_FIGURE.fullmatch(t)) >= MIN_DECIMAL_FIGURES:
        return [], rows  # no header at all (a caption-less continuation)
    n = 1 + count_header_continuation(rows[:1], rows[1:], max_header_rows - 1)
    return rows[:n], without_column_numbering(rows[n:])


def without_column_numbering(body: list[list[Cell]]) -> list[list[Cell]]:
    """The body rows after the row numbering the columns ("1 | 2 | 3 …") that may open them, the words of
    the next row spilled over the numbering row given back to it (`spilled_below`)."""
    while body and is_column_numbering(body[0]):
        spilled, body = spilled_below(body[0]), body[1:]
        if body and spilled:
            body = [given_back(body[0], spilled), *body[1:]]
    return body


def given_back(row: list[Cell], spilled: dict[int, str]) -> list[Cell]:
    """The row with the words spilled over the numbering row above it put back in its empty cells."""
    return [Cell(spilled[j], c.page) if j in spilled and not text_of(c) else c for j, c in enumerate(row)]


def rejoin_split_years(header: list[list[Cell]]) -> list[list[Cell]]:
    """A year cut at a cell border ("TAHUN 202" | "4") put back together ("TAHUN 2024" | "")."""
    out = [list(row) for row in header]
    for row in out:
        for j in range(len(row) - 1):
            left, right = text_of(row[j]), text_of(row[j + 1])
            m = re.search(r"\b(19|20)\d$", left)
            if m and re.fullmatch(r"\d", right):
                row[j] = Cell(left + right, row[j].page)
                row[j + 1] = Cell("", row[j + 1].page)
    return out


def repeated_blocks(header: list[list[Cell]]) -> list[list[Cell]]:
    """Blocks of columns under repeated headings ("TW I", "TW II", … each over Target / Realisasi /
    Capaian) whose headings sit at a regular stride with empty cells between them. A heading is
    centred over its block when the blocks only fit the table that way (or when the sub-headings
    of the first block start left of it); every column of a block gets the heading, and blocks
    whose sub-headings were left blank get those of the first block."""
    if len(header) < 2:
        return header
    out = [list(row) for row in header]
    n_cols = len(header[0])
    for r in range(len(out) - 1):
        labelled = [j for j, c in enumerate(out[r]) if text_of(c)]
        run = _regular_run(labelled, [_heading_key(text_of(out[r][j])) for j in labelled])
        if run is None:
            continue
        first, stride, count = run
        sub = out[-1]
        start = first
        while start > first - stride + 1 and start - 1 >= 0 and not text_of(out[r][start - 1]) \
                and not _covered_from_above(out, r, start - 1) \
                and text_of(sub[start - 1]) and all(text_of(sub[j]) for j in range(start, first)) \
                and not _heading_starts_above(out, r, start):
            start -= 1
        start = min(start, n_cols - stride * count)
        if start < first - stride + 1 or start < 0 or any(text_of(out[r][j]) for j in range(start, first)):
            continue
        pattern = [sub[start + k] for k in range(stride)]
        for b in range(count):
            label = out[r][first + b * stride]
            for k in range(stride):
                j = start + b * stride + k
                if text_of(out[r][j]) and j != first + b * stride:
                    continue  # a heading of its own ("Target Renstra" after the last year's block)
                out[r][j] = Cell(label.text, out[r][j].page)
                if b and not text_of(sub[j]) and text_of(pattern[k]):
                    out[-1][j] = Cell(pattern[k].text, sub[j].page)
    return out


def _covered_from_above(header: list[list[Cell]], r: int, j: int) -> bool:
    """The cell at (r, j) is covered (text None) by a heading above it in its own column ("Capaian pada
    Awal Tahun" over two header rows): it belongs to that heading, not to a block of the row it is in."""
    if header[r][j].text is not None:
        return False
    for rr in range(r - 1, -1, -1):
        if text_of(header[rr][j]):
            return True
        if header[rr][j].text is not None:
            return False
    return False


def _heading_starts_above(header: list[list[Cell]], r: int, j: int) -> bool:
    """A heading of a row above row `r` begins in column `j`: column j - 1 stands under another heading
    ("Capaian Awal › 2020 | Target Kinerja dan Pendanaan › 2021 › Target | Rp"), so a block of row r
    that starts in column j does not reach left over j - 1."""
    return any(text_of(header[rr][j]) for rr in range(r))


def _heading_key(text: str) -> str:
    """'TW II' / 'TWI' / 'Triwulan 3' -> 'tw' / 'tw' / 'triwulan'; 'TAHUN 2023' and '2024' -> '' (a year
    group's first heading may say "Tahun", the next ones the year alone: one run of years)."""
    return re.sub(r"[ivx]+$|\d+", "", re.sub(r"^tahun(?=(19|20)\d\d$)", "", re.sub(r"\W+", "", text.lower())))


def _regular_run(columns: list[int], keys: list[str]) -> tuple[int, int, int] | None:
    """The longest run (≥ 2) of headings of one kind (the same words but for a number: TW I, TW II,
    …) at one stride ≥ 2: (first column, stride, count)."""
    best = None
    for i in range(len(columns) - 1):
        stride = columns[i + 1] - columns[i]
        if stride < 2 or keys[i + 1] != keys[i]:
            continue
        count = 2
        while (i + count < len(columns) and columns[i + count] - columns[i + count - 1] == stride
               and keys[i + count] == keys[i]):
            count += 1
        if count >= 2 and (best is None or count > best[2]):
            best = (columns[i], stride, count)
    return best


def _spans_down_only(header: list[list[Cell]], r: int, start: int, j: int) -> bool:
    """The heading at (r, start) covers the row below it in its own column, and the row below has a
    heading of its own in column j: the heading spans downwards, not over column j (pdfplumber
    marks a cell covered from above and from the left alike)."""
    if r + 1 >= len(header):
        return False
    below = header[r + 1]
    return below[start].text is None and bool(text_of(below[j]))


def column_paths(header: list[list[Cell]]) -> list[str]:
    """One path per column: the texts of the header cells above it, top to bottom. A cell spans
    to the right over empty cells whose lower header rows hold sub-headings."""
    if not header:
        return []
    header = repeated_blocks(rejoin_split_years(header))
    n_cols = len(header[0])
    paths: list[list[str]] = [[] for _ in range(n_cols)]
    for r, row in enumerate(header):
        current_span: str | None = None
        span_start = 0
        for j in range(n_cols):
            t = " ".join(text_of(row[j]).split())
            has_sub = any(text_of(header[rr][j]) for rr in range(r + 1, len(header)))
            if t:
                current_span, span_start = t, j
                paths[j].append(t)
            elif (current_span and has_sub and not _spans_down_only(header, r, span_start, j)
                  and paths[j] == paths[span_start][:-1]):  # only under the headings it stands under itself
                paths[j].append(current_span)
            else:
                current_span = None
    return [PATH_SEP.join(dict.fromkeys(p)) for p in paths]


def looks_like_header_row(row: list[Cell]) -> bool:
    texts = [text_of(c) for c in row if text_of(c)]
    if len(texts) < 3 or any(len(t) > 60 for t in texts):
        return False
    if any(is_pure_number(t) or not re.search(r"\w", t) for t in texts) or _prints_measures(row):
        return False  # numbers, or quantities with their units ("Rp. 60.500/kg" in every year): values
    vocabulary = sum(1 for t in texts if _is_vocabulary(t) or re.fullmatch(r"[A-Z /.]{2,}", t)) / len(texts)
    return vocabulary >= 0.75 and any(YEAR_RE.search(t) or HEADER_WORDS.match(t.lower()) for t in texts)


# One word, then a number and at most one unit word: a quantity printed after the name of the part it
# measures ("Bandeng 8.750 Kg", "Udang 600 kg").
NAMED_QUANTITY = re.compile(r"[A-Za-z][A-Za-z-]{2,}\s+[1-9][\d.,]*\s*(?:[A-Za-z/%.]+)?", re.DOTALL)


# A value printed as a word: a grade alone ("B", "BB", "WTP") or a rating ("Baik", "Sangat Baik"): as much a
# target's or a capaian's cell as a name's, so it tells nothing of a row's place (Readings settled 4: a row whose
# values are all text is still a row).
RATING_WORDS = re.compile(r"\s*(?:sangat\s+)?(?:baik|cukup|kurang|memuaskan|tercapai|tidak\s+tercapai)\s*", re.IGNORECASE)


def _cell_type(text: str) -> str:
    if not text:
        return "empty"
    parsed = parse_number(text)
    if parsed.kind == "grade" or RATING_WORDS.fullmatch(text):
        return "word value"
    words = re.findall(r"[A-Za-z]{2,}", text)
    if parsed.kind == "empty" or (parsed.value is not None and re.match(r"^\W{0,3}\d", text) and len(words) <= 2):
        return "number"  # "1.234", "96,33%", "75 Peserta", "-", "N/A"
    if parsed.grade and parsed.value is not None:
        return "number"  # a score with its grade: "A (82)", "(3) WTP"
    if parsed.currency and parsed.value is not None and len(words) <= 2:
        return "number"  # an amount with its currency in front: "Rp. 60.500", "Rp.\n53.000", "Rp 2.500/kg"
    if NAMED_QUANTITY.fullmatch(text.strip()) and parse_number(text.split(None, 1)[1]).value is not None:
        return "number"  # a quantity the part it measures names: "Bandeng 8.750 Kg"
    if parsed.label and parsed.value is not None:
        return "number"  # a quantity named by its acronym: "BDKT : 1.528 buah"
    if parsed.format_note is FormatNote.SEVERAL_QUANTITIES:
        return "number"  # two quantities in one value cell: "20 orang (1 angkatan)"
    return "text"


def realign_rows(rows: list[list[Cell]], expected: list[str | None]) -> list[list[Cell]]:
    """Repair rows that OCR shifted by one column. `expected` gives each column's cell type
    ("number", "text" or None when unknown, from the header). A row moved one column right (or
    left) is kept moved when its cells then fit the expected types clearly better (+1 per fitting
    cell, -1 per clashing one, at least 2 better), provided the cell pushed off the edge is empty."""
    def fit(types: list[str]) -> int:
        return sum((1 if t == e else -1) for t, e in zip(types, expected) if t not in ("empty", "word value") and e)

    out = []
    for row in rows:
        if _spans_columns(row):
            out.append(row)  # a cell printed across two columns: the rules placed it, no shift
            continue
        types = [_cell_type(text_of(c)) for c in row]
        best, best_row = fit(types), row
        if types[-1] == "empty" and fit(["empty"] + types[:-1]) >= best + 2:
            best, best_row = fit(["empty"] + types[:-1]), [Cell("", row[0].page)] + row[:-1]
        if types[0] == "empty" and fit(types[1:] + ["empty"]) >= best + 2:
            best, best_row = fit(types[1:] + ["empty"]), row[1:] + [Cell("", row[-1].page)]
        out.append(best_row)
    return out


def _spans_columns(row: list[Cell]) -> bool:
    """A row of the text layer with a cell that spans the next column (its text, then a covered cell)."""
    return not any(c.ocr_confidence is not None for c in row) and \
        any(text_of(a) and b.text is None for a, b in zip(row, row[1:]))


def continued_header(previous: list[list[Cell]], new: list[list[Cell]]) -> list[list[Cell]]:
    """The header of a table part printed again (differently): the first part's spanning headings
    stay in force above a single new header row, and the new row's empty cells keep the first
    part's column names."""
    if len(new) != 1 or not previous or len(previous[-1]) != len(new[0]):
        return new
    row = [c if text_of(c) else Cell(previous[-1][j].text, c.page) for j, c in enumerate(new[0])]
    return previous[:-1] + [row]


def split_inner_headers(tables: list[RawTable]) -> list[RawTable]:
    """A header printed again inside a table body (a repeated header the page join did not see):
    dropped when it repeats the table's header, otherwise it starts a new part of the same table
    (same label and caption) read under that header."""
    out: list[RawTable] = []
    for t in tables:
        current = t
        out.append(current)
        body = list(t.body)
        current.body = []
        signature = header_signature(t.header[-1:]) if t.header else None
        for row in body:
            if looks_like_header_row(row) and len(current.body) > 0:
                if signature and header_signature([row]) == signature:
                    continue
                current = RawTable(index=0, pages=[row[0].page], label=t.label, caption=t.caption,
                                   header=continued_header(current.header, [row]), body=[],
                                   method=t.method, bbox=t.bbox, context_before=t.context_before,
                                   context_after=t.context_after)
                out.append(current)
                continue
            current.body.append(row)
    for i, t in enumerate(out):
        t.index = i
    return out


def header_signature(header: list[list[Cell]]) -> str:
    return "|".join(_heading_letters(c) for row in header for c in row)


def _heading_letters(cell: Cell) -> str:
    """A heading cell as headers are compared: its letters and digits, lower case ("Target 2023" -> "target2023")."""
    return re.sub(r"\W+", "", text_of(cell).lower())


# A header read by OCR prints again with letters misread ("Indikator erja", "(&)" for "Capaian (%)"). It is a
# copy of the first part's header when this share of the cells that print text on either side are alike …
COPIED_HEADER_SHARE = 0.75
# … each equal, or this alike by rapidfuzz's ratio (0-100): "indikatorerja" / "indikatorkinerja" is 90,
# "realisasi" / "target" 27; two different headings are far below it.
ALIKE_HEADING = 80.0
# and at least this many cells are compared (a header of one or two cells says too little to be a copy).
COPIED_HEADER_MIN_CELLS = 3


def is_copied_header(new: list[list[Cell]], old: list[list[Cell]]) -> bool:
    """The header of a table's next part is its first part's header printed again: the same signature, or,
    when OCR read it (`Cell.ocr_confidence`), the same cells up to misread letters (see the constants)."""
    if not new or not old:
        return False
    if header_signature(new) == header_signature(old[: len(new)]):
        return True
    if not any(c.ocr_confidence is not None for row in new for c in row):
        return False
    pairs = [(_heading_letters(a), _heading_letters(b))
             for new_row, old_row in zip(new, old) if len(new_row) == len(old_row)
             for a, b in zip(new_row, old_row) if a.text is not None and b.text is not None]
    compared = [(a, b) for a, b in pairs if a or b]
    if len(compared) < COPIED_HEADER_MIN_CELLS:
        return False
    alike = sum(1 for a, b in compared if a == b or (a and b and fuzz.ratio(a, b) >= ALIKE_HEADING))
    return alike >= COPIED_HEADER_SHARE * len(compared)


# A column's values are of one kind (numbers or words, `_cell_type`) when this share of its filled cells are;
# a column of mixed kinds (notes, figures with words) tells nothing of where the column lies.
USUAL_KIND_SHARE = 0.75
# A part's columns are compared with the table above on at least this many columns of a clear kind (one
# column alike, the numbering, says nothing of the others).
MIN_KIND_COLUMNS = 2
# A table part lies under the table above when this share of its width lies within the above table's width:
# the same columns, a longer or shorter name in the last row aside.
PART_WITHIN_SHARE = 0.9


def _usual_kind(cells: tuple[Cell, ...]) -> str | None:
    kinds = [_cell_type(text_of(c)).replace("word value", "text") for c in cells if text_of(c)]  # words, for a column's kind
    if not kinds:
        return None
    kind = max(set(kinds), key=kinds.count)
    return kind if kinds.count(kind) >= USUAL_KIND_SHARE * len(kinds) else None


def columns_line_up(above: RawTable, part: RawTable) -> bool:
    """A table part with no header of its own (read on the next page) continues the table above by its geometry
    and its values: its box lies within the above table's width (`PART_WITHIN_SHARE`), and every column whose
    values are of a clear kind on both sides holds the same kind ("No" numbers, names words, targets numbers)
    on `MIN_KIND_COLUMNS` columns or more. A block of other columns (another table, prose cut into columns)
    puts words where the table above has numbers, or lies elsewhere on the page. A part under a header of its
    own with a column more or less (a split or merged heading) is placed by its box alone."""
    if above.bbox is None or part.bbox is None:
        return False
    width = part.bbox[2] - part.bbox[0]
    inside = min(part.bbox[2], above.bbox[2]) - max(part.bbox[0], above.bbox[0])
    if width <= 0 or inside < PART_WITHIN_SHARE * width:
        return False
    if above.n_cols != part.n_cols:
        return bool(part.header)
    kinds = [(_usual_kind(a), _usual_kind(b)) for a, b in zip(zip(*above.body), zip(*(part.header + part.body)))]
    compared = [(a, b) for a, b in kinds if a and b]
    return len(compared) >= MIN_KIND_COLUMNS and all(a == b for a, b in compared)


# A heading line of its own that only names a unit: "(%)", "(Rp)", "Rp.".
UNIT_MARK = re.compile(r"\(?\s*(%|rp\.?|persen)\s*\)?", re.IGNORECASE)


def looks_like_row_continuation(prev_row: list[Cell], next_row: list[Cell]) -> bool:
    """The first row on a new page continues the last row of the previous page (a row broken by
    the page break): its first cell is empty and no column holds a value on both sides."""
    if not prev_row or not next_row or len(prev_row) != len(next_row):
        return False
    if text_of(next_row[0]):
        return False
    filled = [j for j, c in enumerate(next_row) if text_of(c)]
    if not filled or all(_is_vocabulary(text_of(next_row[j])) or UNIT_MARK.fullmatch(text_of(next_row[j]))
                         for j in filled):
        return False  # nothing, or a line of the header printed again ("(%)" under "Capaian Kinerja")
    for j in filled:
        a, b = text_of(prev_row[j]), text_of(next_row[j])
        if a and is_value_like(a) and is_value_like(b):
            return False
    starts_lower = any(text_of(next_row[j])[:1].islower() for j in filled)
    fills_gap = any(not text_of(prev_row[j]) for j in filled)
    text_only = not any(is_value_like(text_of(next_row[j])) for j in filled)
    return starts_lower or fills_gap or text_only


def merge_rows(upper: list[Cell], lower: list[Cell]) -> list[Cell]:
    out = []
    for a, b in zip(upper, lower):
        ta, tb = text_of(a), text_of(b)
        text = f"{ta}\n{tb}".strip() if ta and tb else (ta or tb)
        out.append(Cell(text if (a.text is not None or b.text is not None) else None, a.page))
    return out


AMOUNT = re.compile(r"\d{1,3}([.,]\d{3}){2,}")  # "408.000.000": grouped in thousands twice or more


def _prints_an_amount(row: list[Cell]) -> bool:
    return any(is_pure_number(text_of(c)) and AMOUNT.search(text_of(c)) for c in row) or _prints_measures(row)


# A quantity with its unit word ("2 lembaga/kelompok", "30 orang", "15.800 Ton", "Rp. 60.500/kg"): a target
# printed in a row, never a heading (a year, "(Rp)" or a column number is no quantity).
MEASURE = re.compile(r"\s*(?:rp\.?\s*)?\d[\d.,]*\s*/?\s*[a-z][a-z/ .]*", re.IGNORECASE)
# Two such cells make a row of values (one may be a heading that begins with a figure).
MIN_MEASURES = 2


def _prints_measures(row: list[Cell]) -> bool:
    """A row that prints quantities with their units in MIN_MEASURES cells or more: a row of targets."""
    cells = [text_of(c) for c in row]
    return sum(1 for t in cells if t and MEASURE.fullmatch(t) and not YEAR_RE.match(t.strip())) >= MIN_MEASURES


# A heading names its column in a few words ("Target", "Realisasi Anggaran", "Capaian Kinerja Tahun 2016"); a
# cell of more words that opens with one ("Target tahun ini telah terpenuhi dengan tiga berkas", a list of
# trainings "… Tahun 2018 …") is the rest of a Keterangan broken by the page, not a heading.
HEADING_MAX_WORDS = 6


def names_columns(header: list[list[Cell]]) -> bool:
    """Header rows that head columns: some cell is header vocabulary or a year ("Target", "Realisasi
    Anggaran", "2016", "%") in at most `HEADING_MAX_WORDS` words; a program's name and its amounts are not,
    nor is a row that prints an amount (a kegiatan's name with its year, "… Tahun 2016 | 408.000.000", is a
    body row), nor running text."""
    return any(_is_vocabulary(text_of(c)) and len(text_of(c).split()) <= HEADING_MAX_WORDS
               for row in header if not _prints_an_amount(row) for c in row if text_of(c))


def join_continuations(tables: list[RawTable], consecutive) -> list[RawTable]:
    """Join a table into the previous one when it has no label of its own, has the same number of
    columns, and either repeats the previous header or has no header. `consecutive(a, b)` tells
    whether b directly follows a (next page, or nothing but blank lines between); it is asked
    last, so it may record that b now ends the joined table."""
    out: list[RawTable] = []
    for t in tables:
        prev = out[-1] if out else None
        if (prev is not None and t.label is None and t.header and prev.label and abs(t.n_cols - prev.n_cols) == 1
                and consecutive(prev, t)):
            # the next part of the table under a header re-printed with a column more or less
            # (a split or merged cell): its own header, the label and caption of the table
            t.label, t.caption = prev.label, prev.caption
            out.append(t)
            continue
        if prev is not None and t.label is None and t.n_cols == prev.n_cols and consecutive(prev, t):
            repeated = is_copied_header(t.header, prev.header)
            if t.header and prev.header and not repeated and not names_columns(t.header):
                # the rows at the top of the next page read as its header hold no heading (empty cells,
                # a program's name, a kegiatan's amounts): the part is printed without a header
                t.body, t.header = t.header + t.body, []
            if t.header and not repeated:
                # continued under a header printed differently (OCR, re-typed): keep its own header,
                # under the spanning headings of the first part
                t.label, t.caption = prev.label, prev.caption
                t.header = continued_header(prev.header, t.header)
                out.append(t)
                continue
            body = t.body
            if body and prev.body and looks_like_row_continuation(prev.body[-1], body[0]):
                prev.body[-1] = merge_rows(prev.body[-1], body[0])
                body = body[1:]
            prev.body.extend(body)
            prev.pages.extend(p for p in t.pages if p not in prev.pages)
            prev.context_after = t.context_after
            continue
        out.append(t)
    return split_inner_headers(out)
