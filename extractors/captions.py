"""Find a table's caption ("Tabel 3.1 Target, Realisasi …", also "Tabel 3. 1", "TABEL III.1")
among the text lines just above (or, failing that, just below) the table.

In:  the text lines before and after a table, nearest first.
Out: (label, caption) with the label normalised to "Tabel 3.1", or (None, None).
"""
from __future__ import annotations

import re

LABEL_RE = re.compile(
    r"^\W*(tabel|table|tab\.)\s*((?:[IVX]+|\d+)(?:\s*[.\-]\s*\d+)*[a-z]?)\b\.?\s*[:.\-–]?\s*(.*)$", re.I
)
MAX_CAPTION_LINES = 4


def normalise_label(word: str, number: str) -> str:
    number = re.sub(r"\s+", "", number).replace("-", ".")
    return f"Tabel {number}"


def parse_label(line: str) -> tuple[str, str] | None:
    """'**Tabel 3. 1**  Target …' -> ('Tabel 3.1', 'Target …'); None if the line is no caption.
    A cross-reference inside a sentence ("... pada Tabel 3.1 berikut") is not a caption, nor a
    table-of-contents line ending in a page number after dots."""
    text = re.sub(r"[*_`#]+", "", line).strip()
    m = LABEL_RE.match(text)
    if not m:
        return None
    rest = m.group(3).strip()
    if re.search(r"\.{4,}|…{2,}|\t\s*\d+\s*$", line) or re.search(r"\.{3,}\s*\d+\s*$", rest):
        return None  # table of contents / list of tables
    if re.match(r"^(di ?atas|di ?bawah|berikut|tersebut|menunjukkan|diatas)\b", rest, re.I):
        return None
    return normalise_label(m.group(1), m.group(2)), rest


def _clean(line: str) -> str:
    return re.sub(r"[*_`#]+", "", line).strip()


def find_caption(lines_above: list[str], lines_below: list[str] | None = None) -> tuple[str | None, str | None]:
    """lines_above: nearest first. A caption is the nearest label line within MAX_CAPTION_LINES
    non-empty lines, plus the title lines between it and the table. A label just below the table
    is taken only when nothing stands above it (callers drop it when the next table claims it)."""
    seen: list[str] = []
    for line in lines_above:
        if not line.strip():
            continue
        parsed = parse_label(line)
        if parsed:
            label, rest = parsed
            title = " ".join([rest] + [_clean(s) for s in reversed(seen)]).strip()
            return label, title or None
        if len(seen) >= MAX_CAPTION_LINES - 1 or len(line) > 200:
            break
        seen.append(line)
    if any(l.strip() for l in lines_above[:2]):
        return None, None
    for line in (lines_below or [])[:3]:
        if not line.strip():
            continue
        parsed = parse_label(line)
        if parsed:
            return parsed[0], parsed[1] or None
    return None, None
