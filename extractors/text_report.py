"""Extract tables from a report already converted to text (`*.txt` / `*.md`), as OCR services
and converters emit them: tables as TAB-separated lines or markdown pipe tables, narrative
around them, pages either unmarked or separated by form feeds.

In:  the file's text.
Out: `RawTable`s (method "text") and the narrative `TextLine`s, ready for the same later stages as
     tables read from PDFs.
"""
from __future__ import annotations

import re
from pathlib import Path

from extractors.captions import find_caption, parse_label
from extractors.grid import join_continuations, split_header
from pipeline.models import Cell, RawTable, TextLine

PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _is_table_line(line: str) -> bool:
    if "\t" in line:
        return True
    return line.strip().startswith("|") and line.strip().endswith("|") and line.count("|") >= 3


def _cells(line: str) -> list[str]:
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _is_toc(block: list[str]) -> bool:
    """A table of contents: most rows end in a page number after dots or a tab."""
    hits = sum(1 for line in block if re.search(r"(\.{3,}|…)\s*\t?\s*[ivx\d]+\s*$", line) or re.search(r"\t\s*[ivx\d]+\s*$", line) and "..." in line)
    return hits >= max(2, len(block) // 2)


def read_text_report(path: str | Path) -> tuple[list[RawTable], list[TextLine]]:
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    pages = text.split("\f")
    tables: list[RawTable] = []
    narrative: list[TextLine] = []
    block_gaps: list[tuple[int, int]] = []  # (line index of first line, of last line) per table
    all_lines: list[tuple[int, str]] = []
    for page_no, page_text in enumerate(pages, start=1):
        all_lines.extend((page_no, line) for line in page_text.splitlines())

    i = 0
    while i < len(all_lines):
        page_no, line = all_lines[i]
        if not _is_table_line(line):
            narrative.append(TextLine(page_no, line))
            i += 1
            continue
        start = i
        block: list[tuple[int, str]] = []
        while i < len(all_lines) and _is_table_line(all_lines[i][1]):
            if not PIPE_RULE.match(all_lines[i][1]):
                block.append(all_lines[i])
            i += 1
        raw_lines = [b[1] for b in block]
        if _is_toc(raw_lines):
            narrative.extend(TextLine(p, l) for p, l in block)
            continue
        rows = [_cells(l) for l in raw_lines]
        for r in rows:  # trailing empty cells carry no column: parts of one table then have one width
            while len(r) > 1 and not r[-1].strip():
                r.pop()
        width = max(len(r) for r in rows)
        grid = [[Cell(t, p) for t in r + [""] * (width - len(r))] for r, (p, _) in zip(rows, block)]
        above = [l for _, l in reversed(all_lines[max(0, start - 8):start])]
        below = [l for _, l in all_lines[i:i + 4]]
        following = []
        for _, l in all_lines[i:i + 30]:
            if _is_table_line(l) or parse_label(l):
                break
            following.append(l)
        label, caption = find_caption(above, below)
        header, body = split_header(grid)
        tables.append(RawTable(
            index=len(tables), pages=[block[0][0]], label=label, caption=caption, header=header, body=body,
            method="text", context_before="\n".join(reversed(above[:6])), context_after="\n".join(following),
        ))
        block_gaps.append((start, i - 1))

    gap_of = {id(t): g for t, g in zip(tables, block_gaps)}

    def consecutive(a: RawTable, b: RawTable) -> bool:
        end_a, start_b = gap_of[id(a)][1], gap_of[id(b)][0]
        between = [l for _, l in all_lines[end_a + 1:start_b]]
        if all(not l.strip() for l in between):
            gap_of[id(a)] = (gap_of[id(a)][0], gap_of[id(b)][1])
            return True
        return False

    joined = join_continuations(tables, consecutive)
    return joined, narrative
