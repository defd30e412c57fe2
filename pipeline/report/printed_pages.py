"""The page number a PDF page prints (in its header or footer), so a finding names the page a reader of
the paper copy turns to as well as the PDF's own page index.

In:  a PDF path and the PDF pages (1-based) asked about.
Out: {PDF page: printed page ("14", "II-3")} for the pages whose printed number is confirmed; a page
     whose number is not confirmed is left out (the report then shows the PDF page only).

A number at the end of a line in the top or bottom margin band is a page number when the page before or
after prints the same line with the number one less or one more ("Page 14" / "Page 15", "Laporan Kinerja
… 78" / "… 79", "II - 2" / "II - 3"); a year ("Tahun 2016" on every page) never steps by one. The
database does not keep the margins (the extractor drops them as running headers), so the PDF is read
again, only at the pages asked about and their neighbours.
"""
from __future__ import annotations

import re
from pathlib import Path

MARGIN_BAND = 0.12  # top and bottom share of the page height where running headers and footers print
# A line ending in a page number: "14", "- 14 -", "Page 14", "Hal. 14", "Laporan Kinerja Dinas X | 78".
NUMBER_AT_END_RE = re.compile(r"^(?P<prefix>.*?)[\s|(\-–]*(?P<number>\d{1,4})[\s)\-–]*$")
# A page numbered within its chapter: "BAB II | II - 3", "III-14".
CHAPTER_AT_END_RE = re.compile(r"^(?P<prefix>.*?)\b(?P<chapter>[IVXLC]+)\s*[-–.]\s*(?P<number>\d{1,4})\s*$")


def _candidates(lines: list[str]) -> set[tuple[str, int, str]]:
    """(what stays the same from page to page, the number, the number as printed) of each margin line."""
    out = set()
    for line in lines:
        line = " ".join(line.split())
        m = CHAPTER_AT_END_RE.match(line)
        if m:
            out.add((f"{m['prefix'].lower()}\x00{m['chapter']}", int(m["number"]), f"{m['chapter']}-{m['number']}"))
            continue
        m = NUMBER_AT_END_RE.match(line)
        if m:
            out.add((m["prefix"].lower(), int(m["number"]), m["number"]))
    return out


def _margin_lines(pdf, index: int) -> list[str]:
    page = pdf[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    text = (textpage.get_text_bounded(0, 0, width, height * MARGIN_BAND) + "\n"
            + textpage.get_text_bounded(0, height * (1 - MARGIN_BAND), width, height))
    return [line for line in text.splitlines() if line.strip()]


def printed_pages(path: str | Path, pages: set[int]) -> dict[int, str]:
    """In: a PDF, its pages (1-based) asked about. Out: {page: printed page number} where confirmed by a
    neighbouring page; {} when the file cannot be read."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except (OSError, pypdfium2.PdfiumError):
        return {}
    try:
        n = len(pdf)
        cache: dict[int, set[tuple[str, int, str]]] = {}

        def candidates(page: int) -> set[tuple[str, int, str]]:
            if page not in cache:
                cache[page] = _candidates(_margin_lines(pdf, page - 1)) if 1 <= page <= n else set()
            return cache[page]

        out = {}
        for page in sorted(p for p in pages if p and 1 <= p <= n):
            before = {(key, number + 1) for key, number, _ in candidates(page - 1)}
            after = {(key, number - 1) for key, number, _ in candidates(page + 1)}
            confirmed = {printed for key, number, printed in candidates(page) if (key, number) in before | after}
            if len(confirmed) == 1:
                out[page] = confirmed.pop()
        return out
    finally:
        pdf.close()


def add_printed_pages(findings: list[dict], reports: list[dict]) -> None:
    """Set each finding's `printed_page` (None when not confirmed) from its report's PDF, read once per report."""
    pdf_of = {r["source_file"]: r.get("pdf") for r in reports}
    wanted: dict[str, set[int]] = {}
    for f in findings:
        if f.get("page"):
            wanted.setdefault(f["source_file"], set()).add(f["page"])
    found: dict[str, dict[int, str]] = {}
    for source_file, pages in wanted.items():
        pdf = pdf_of.get(source_file)
        is_pdf = bool(pdf) and str(pdf).lower().endswith(".pdf") and Path(str(pdf)).is_file()
        found[source_file] = printed_pages(str(pdf), pages) if is_pdf else {}
    for f in findings:
        f["printed_page"] = found.get(f["source_file"], {}).get(f.get("page") or 0)
