"""Table parts: a ruled header whose body the reader found as a table of its own.

Word tables often rule the header and the frame but not the rows of the body, and leave the frame
open at a page break. The ruled reader then finds a table of header rows and no body, and the body
below it is found by its white space as a caption-less table of its own, the same width.

A table whose body is ruled in blocks (a rule under each group of rows) is sometimes found as the
captioned table down to the first rule and, right under it, a table with no header and no caption,
as wide and in line with it: the rest of the same body.

A table that runs over several pages under a header printed again on each page is sometimes found
as one table per page (the reader could not tell the parts belong together); the parts after the
first carry no caption. They are parts of the captioned table above them with the same header.

A white-space table whose rows are set with a wider gap somewhere (a blank line between two groups
of programs) is found as two tables, the second with no header: on the same page, right below
the first with no text between them and as many columns, it is the rest of the first one's body.

A header printed apart from its body: the headings' line at the foot of a page ("Program  Anggaran
Keterangan"), read as narrative, and the body at the top of the next page, found without a header.
When that line is as many heading words as the body has columns, it is the body's header.

In:  the tables of one report, in reading order.
Out: the same list with each header-and-body pair joined (the header of the first, the rows of the
     second, its first rows, which the white-space reader took for a header, included, as body), and
     each headerless block right under a table joined to it, and each caption-less part under a
     repeated header given the label and caption of its table.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import HEADER_WORDS, is_pure_number, text_of
from pipeline.lexicon import BARE_YEAR
from pipeline.models import Cell, RawTable
from pipeline.regrid import join_other_grid_parts
from pipeline.title_rows import caption_rows_out_of_header, title_rows_out_of_header

# The body part may have one column more or less than the header (a column of row codes read as
# its own, or two narrow columns read as one): beyond that they are different tables.
COLUMN_SLACK = 0


def _ruled(table: RawTable) -> bool:
    return table.method.startswith("lattice")


def _header_only(table: RawTable) -> bool:
    return bool(table.header) and not any(text_of(c) for row in table.body for c in row)


def _headings_only(table: RawTable) -> bool:
    """Header rows and body rows of words only: a header the reader cut at a stray rule."""
    return bool(table.header) and not any(is_pure_number(text_of(c)) for row in table.body for c in row)


def _is_its_body(header_part: RawTable, body_part: RawTable) -> bool:
    """The next table on the same page, with no label or caption of its own, as wide as the header."""
    own_caption = bool(body_part.label or body_part.caption) and body_part.label != header_part.label
    return (body_part.page == header_part.pages[-1] and not own_caption
            and abs(body_part.n_cols - header_part.n_cols) <= COLUMN_SLACK)


def _joined(header_part: RawTable, body_part: RawTable) -> RawTable:
    if _ruled(body_part):  # a stray rule across the header: the ruled part below goes on with the header
        return replace(header_part, header=header_part.header + header_part.body + body_part.header, body=body_part.body,
                       pages=sorted(set(header_part.pages) | set(body_part.pages)),
                       method=f"{header_part.method}+{body_part.method}", context_after=body_part.context_after)
    return replace(header_part, body=body_part.header + body_part.body,
                   pages=sorted(set(header_part.pages) | set(body_part.pages)),
                   method=f"{header_part.method}+{body_part.method}",
                   context_after=body_part.context_after)


# Parts of one table follow each other closely: a header repeated further on starts another table.
MAX_PAGES_BETWEEN_PARTS = 1
# Roles of the headings over values: a line of headings names at least one.
VALUE_HEADINGS = {"target", "realization", "achievement", "pagu", "pagu_initial", "budget_realization", "budget_pct"}


def _header_key(table: RawTable) -> tuple[str, ...]:
    """The header's headings in reading order (the grids of two pages may differ in empty slivers)."""
    return tuple(t for row in table.header for c in row if (t := " ".join(text_of(c).lower().split())))


def label_repeated_header_parts(tables: list[RawTable]) -> list[RawTable]:
    """A caption-less table under the same header as the captioned table just before it (on the same
    or the next page) is a part of it: it takes that table's label and caption."""
    out: list[RawTable] = []
    for table in tables:
        before = out[-1] if out else None
        if (before is not None and before.label and not table.label and not table.caption and table.header
                and any(_header_key(table)) and _header_key(table) == _header_key(before)
                and 0 <= table.page - before.pages[-1] <= MAX_PAGES_BETWEEN_PARTS):
            table = replace(table, label=before.label, caption=before.caption)
        out.append(table)
    return out


# Blocks of one body follow with no more than a rule and a row's spacing between them (PDF points;
# a body row of these reports is 8-14 pt high): a wider gap is a table of its own.
MAX_GAP_BETWEEN_BLOCKS = 6.0
# Blocks of one body span the same width; a table indented or narrower than this share of the one
# above is another table.
MIN_SHARED_WIDTH = 0.9


def _shared_width(a: list[float], b: list[float]) -> float:
    overlap = min(a[2], b[2]) - max(a[0], b[0])
    return max(0.0, overlap) / max(a[2] - a[0], b[2] - b[0], 1e-9)


def _right_under(above: RawTable, below: RawTable) -> bool:
    """`below` starts right under `above`, as wide and in line with it (its bounding box)."""
    if above.bbox is None or below.bbox is None or len(above.pages) != 1:
        return False
    gap = below.bbox[1] - above.bbox[3]
    return -1.0 <= gap <= MAX_GAP_BETWEEN_BLOCKS and _shared_width(above.bbox, below.bbox) >= MIN_SHARED_WIDTH


# An amount or a measure as body rows print it ("1.250", "82,5"); headings carry none.
_PRINTED_VALUE = re.compile(r"\d[.,]\d")


def _rows_read_as_header(table: RawTable) -> bool:
    """Header rows the white-space reader took from the body: each prints a value."""
    return bool(table.header) and all(any(_PRINTED_VALUE.search(text_of(c)) for c in row) for row in table.header)


def _rest_of_body(above: RawTable, below: RawTable) -> bool:
    """`below` goes on with the body of `above`: no caption of its own, on the same page, as many columns,
    no text between them, and either no header under a table that has one (a wider gap in a body read
    by white space) or only rows that print values right under it (a body ruled in blocks)."""
    if below.label or below.caption or below.page != above.pages[-1] or below.n_cols != above.n_cols:
        return False
    if above.context_after.strip() or below.context_before.strip():
        return False
    right_under = bool(above.body) and _right_under(above, below)
    if not below.header:
        return bool(below.body) and (bool(above.header) or right_under)
    return _rows_read_as_header(below) and right_under


def _with_rest(above: RawTable, below: RawTable) -> RawTable:
    bbox = above.bbox
    if above.bbox is not None and below.bbox is not None:
        bbox = [min(above.bbox[0], below.bbox[0]), above.bbox[1], max(above.bbox[2], below.bbox[2]), below.bbox[3]]
    return replace(above, body=above.body + below.header + below.body, bbox=bbox,
                   method=f"{above.method}+{below.method}", context_after=below.context_after)


# A row number as the first cell of a list's rows: "5.", "6)", "12".
ROW_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s*$")
# The frames of two parts of one table line up: left and right edges within this many points.
FRAME_EDGE_TOLERANCE = 3.0


def _last_row_number(table: RawTable) -> int | None:
    for row in reversed(table.body):
        m = ROW_NUMBER.match(text_of(row[0])) if row else None
        if m:
            return int(m.group(1))
    return None


def _numbered_rest_on_next_page(above: RawTable, below: RawTable) -> bool:
    """`below` is the next page's part of `above` whose first row the ruled reader took for a header: both
    ruled, as many columns, frames of one width, no label or caption and no text above it on its page, its
    header rows printing values, and its first row numbered right after the last numbered row of `above`
    ("5." then "6."; a page footer between them is no text of the table, Readings settled 8)."""
    if not (_ruled(above) and _ruled(below) and below.page == above.pages[-1] + 1 and below.n_cols == above.n_cols):
        return False
    if below.label or below.caption or below.context_before.strip() or not _rows_read_as_header(below):
        return False
    if above.bbox is None or below.bbox is None or abs(above.bbox[0] - below.bbox[0]) > FRAME_EDGE_TOLERANCE \
            or abs(above.bbox[2] - below.bbox[2]) > FRAME_EDGE_TOLERANCE:
        return False
    last, first = _last_row_number(above), ROW_NUMBER.match(text_of(below.header[0][0])) if below.header[0] else None
    return last is not None and first is not None and int(first.group(1)) == last + 1


def join_numbered_rest(tables: list[RawTable]) -> list[RawTable]:
    """Each next-page part whose first row was read as its header (see `_numbered_rest_on_next_page`) joined
    to the table above it as more body rows."""
    out: list[RawTable] = []
    for table in tables:
        if out and _numbered_rest_on_next_page(out[-1], table):
            out[-1] = replace(out[-1], body=out[-1].body + table.header + table.body,
                              pages=sorted(set(out[-1].pages) | set(table.pages)), context_after=table.context_after)
            continue
        out.append(table)
    return out


def join_rest_of_body(tables: list[RawTable]) -> list[RawTable]:
    """Each table that goes on with the body of the table before it (see `_rest_of_body`) joined to it."""
    out: list[RawTable] = []
    for table in tables:
        if out and _rest_of_body(out[-1], table):
            out[-1] = _with_rest(out[-1], table)
            continue
        out.append(table)
    return out


def _heading_words(line: str, n_cols: int) -> list[str] | None:
    """The words of a line that heads `n_cols` columns, one heading word each, among them a name
    heading and a value heading ("Program Anggaran Keterangan"); None for any other line."""
    from pipeline.classify import role_of

    words = line.split()
    if len(words) != n_cols or n_cols < 2:
        return None
    roles = [role_of(w) for w in words]
    if not ({"program", "indicator", "sasaran"} & set(roles)) or not set(roles) & VALUE_HEADINGS:
        return None
    if any(r == "other" and not HEADER_WORDS.match(w) for w, r in zip(words, roles)):
        return None
    return words


def header_from_the_line_above(tables: list[RawTable]) -> list[RawTable]:
    out: list[RawTable] = []
    for table in tables:
        before = out[-1] if out else None
        if (before is not None and not table.header and table.body and not table.label and not table.caption
                and not table.context_before.strip() and 0 <= table.page - before.pages[-1] <= MAX_PAGES_BETWEEN_PARTS
                and before.context_after.strip()):
            words = _heading_words(before.context_after.strip().splitlines()[-1], table.n_cols)
            if words:
                table = replace(table, header=[[Cell(w, table.page) for w in words]])
        out.append(table)
    return out


def _strip_over_pages(strip: RawTable, tables: list[RawTable], k: int) -> list[RawTable]:
    """A ruled header strip printed again on every page of a table, which the reader joined over
    those pages into one table of headings only, each page's body found as a ruled table of its own
    right after it: the strip heads the body part of each of its pages.
    In: the strip, the report's tables, the index of the table after the strip.
    Out: each such body part joined under the strip (one per page, in order); [] when none follows."""
    if len(strip.pages) < 2 or not _headings_only(strip):
        return []
    joined: list[RawTable] = []
    for body_part in tables[k:k + len(strip.pages)]:
        on_its_page = replace(strip, pages=[body_part.page])
        if not (_ruled(body_part) and body_part.page in strip.pages and body_part.label == strip.label
                and _is_its_body(on_its_page, body_part)):
            break
        joined.append(_joined(on_its_page, body_part))
    return joined


# A running head ("Dinas … Renstra Tahun 2021 - 2026") is printed on every page: a header row that the
# tables of this many pages or more open with is the page's running head read inside a table's frame.
MIN_RUNNING_HEAD_PAGES = 3


def _row_key(row: list[Cell]) -> str:
    """The row's words without digits: a running head clipped at a cell border ("Tahun 202") is the same."""
    return " ".join(re.findall(r"[a-z]+", " ".join(text_of(c) for c in row).lower()))


# A running head is one line of text across the page: its pieces fill at most this many cells of a
# table's grid, where a header row repeated over a table's parts names most of its columns.
RUNNING_HEAD_CELLS = 2
MIN_COLUMNS_UNDER_A_HEAD = 4


def _a_line_across(row: list[Cell]) -> bool:
    return len(row) >= MIN_COLUMNS_UNDER_A_HEAD and sum(1 for c in row if text_of(c)) <= RUNNING_HEAD_CELLS


def without_running_heads(tables: list[RawTable]) -> list[RawTable]:
    """The first header row of each table that is the report's running head (the same text opens the
    tables of MIN_RUNNING_HEAD_PAGES pages or more) taken out of the header, when rows of headings
    remain under it.
    In: the tables of one report. Out: the same tables, those header rows left out."""
    pages: dict[str, set[int]] = {}
    for table in tables:
        for row in (table.header[:1] + table.body[:1]):
            if _row_key(row):
                pages.setdefault(_row_key(row), set()).add(table.page)
    heads = {key for key, on in pages.items() if len(on) >= MIN_RUNNING_HEAD_PAGES}
    out = []
    for table in tables:
        if len(table.header) > 1 and _row_key(table.header[0]) in heads and _a_line_across(table.header[0]):
            table = replace(table, header=table.header[1:])
        out.append(table)
    return out


def _rejoined_year_row(row: list[Cell]) -> list[Cell]:
    """A row of years with one year cut at a cell border into two halves ("2021 | 20 | 22 | 2023"):
    the halves joined in the left cell when they make the year between their neighbours."""
    texts = [text_of(c).strip() for c in row]
    years = [int(t) for t in texts if BARE_YEAR.fullmatch(t)]
    if len(years) < 2:
        return row
    out = list(row)
    for j in range(len(texts) - 1):
        joined = texts[j] + texts[j + 1]
        if re.fullmatch(r"\d\d", texts[j]) and re.fullmatch(r"\d\d", texts[j + 1]) and BARE_YEAR.fullmatch(joined):
            before = [y for y in (int(t) for t in texts[:j] if BARE_YEAR.fullmatch(t))]
            after = [y for y in (int(t) for t in texts[j + 2:] if BARE_YEAR.fullmatch(t))]
            if before and after and before[-1] < int(joined) < after[0]:
                out[j], out[j + 1] = replace(row[j], text=joined), replace(row[j + 1], text="")
    return out


# The years' row sits among the first rows of a table (header lines the reader left in the body).
YEAR_ROW_REACH = 4


def with_rejoined_years(tables: list[RawTable]) -> list[RawTable]:
    """Each header row and each of the first body rows with a year cut in two put back together."""
    return [replace(t, header=[_rejoined_year_row(r) for r in t.header],
                    body=[_rejoined_year_row(r) for r in t.body[:YEAR_ROW_REACH]] + t.body[YEAR_ROW_REACH:])
            for t in tables]


def join_header_and_body(tables: list[RawTable]) -> list[RawTable]:
    tables = with_rejoined_years(without_running_heads(tables))
    out: list[RawTable] = []
    k = 0
    while k < len(tables):
        table = tables[k]
        per_page = _strip_over_pages(table, tables, k + 1)
        if per_page:
            out.extend(per_page)
            k += 1 + len(per_page)
            continue
        if k + 1 < len(tables) and _is_its_body(table, tables[k + 1]) and (
                _header_only(table) or (_ruled(tables[k + 1]) and tables[k + 1].label == table.label
                                        and _headings_only(table))):
            out.append(_joined(table, tables[k + 1]))
            k += 2
            continue
        out.append(table)
        k += 1
    parts = join_rest_of_body(header_from_the_line_above(out))
    parts = [caption_rows_out_of_header(title_rows_out_of_header(t))
             for t in join_numbered_rest(join_other_grid_parts(parts))]
    return label_repeated_header_parts(parts)
