"""`python -m extractors.compare_objects PDF_OR_FOLDER ...`: every page's objects as pdfplumber builds
them and as `fast_objects` builds them, compared key by key.

In:  PDFs, or folders searched for *.pdf (scans, *.scan.pdf, are skipped: they have no text layer).
Out: one line per PDF (pages, pages equal, CPU seconds of pdfminer's layout, of pdfplumber's object
     building and of `fast_objects`'), then every page that differs with its first differences, and a
     total. Exit status 1 when a page differs.

Equal means: the same kinds of objects, as many of each, in the same order, with the same keys in the
same order; each value equal, floats within `FLOAT_TOLERANCE` (sequences element by element, of one type).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdftypes import PDFStream

from extractors.fast_content import fallbacks
from extractors.fast_objects import page_objects

FLOAT_TOLERANCE = 1e-6  # two readings of one coordinate differ by float rounding at most
MAX_SHOWN = 5  # differences printed per page


def same(a: Any, b: Any) -> bool:
    """Equal values, floats within FLOAT_TOLERANCE, sequences of one type element by element; two
    streams (an image's) with the same dictionary and bytes."""
    if isinstance(a, PDFStream) and isinstance(b, PDFStream):
        return same(a.attrs, b.attrs) and a.rawdata == b.rawdata
    if isinstance(a, float) and isinstance(b, (int, float)) and not isinstance(b, bool):
        return abs(a - b) <= FLOAT_TOLERANCE
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return bool(a == b) or a is b


def differences(ref: dict[str, list[dict]], new: dict[str, list[dict]]) -> list[str]:
    """Each difference between two pages' objects, in words."""
    out: list[str] = []
    if list(ref) != list(new):
        out.append(f"kinds {list(ref)} vs {list(new)}")
    for kind in ref.keys() & new.keys():
        a, b = ref[kind], new[kind]
        if len(a) != len(b):
            out.append(f"{kind}: {len(a)} objects vs {len(b)}")
            continue
        for i, (x, y) in enumerate(zip(a, b)):
            if list(x) != list(y):
                out.append(f"{kind}[{i}] keys {list(x)} vs {list(y)}")
            out += [f"{kind}[{i}].{key}: {x[key]!r} vs {y[key]!r}"
                    for key in x.keys() & y.keys() if not same(x[key], y[key]) and not _both_inline(kind, key, x, y)]
    return out


def _both_inline(kind: str, key: str, x: dict, y: dict) -> bool:
    """An inline image has no name: pdfminer names it by the address of its object in memory, which
    differs between any two readings (its stream is compared instead)."""
    return kind == "image" and key == "name" and x[key].isdigit() and y[key].isdigit()


def compare_pdf(path: Path) -> tuple[Counter, list[str]]:
    """Counts (pages, equal, ms of layout / pdfplumber / fast) and a line per differing page."""
    count: Counter = Counter()
    bad: list[str] = []
    with pdfplumber.open(str(path)) as pdf:
        for k, page in enumerate(pdf.pages, start=1):
            t0 = time.process_time()
            page.layout
            t1 = time.process_time()
            ref = page.parse_objects()
            del page._layout  # pdfminer's objects no longer needed: fast_objects reads the page anew
            t2 = time.process_time()
            new = page_objects(page)
            t3 = time.process_time()
            count.update(pages=1, ms_layout=round(1000 * (t1 - t0)), ms_plumber=round(1000 * (t2 - t1)),
                         ms_fast=round(1000 * (t3 - t2)))
            diffs = differences(ref, new)
            if diffs:
                bad.append(f"  page {k}: " + "; ".join(diffs[:MAX_SHOWN])
                           + (f" … ({len(diffs)} in all)" if len(diffs) > MAX_SHOWN else ""))
            else:
                count["equal"] += 1
            page.close()
    return count, bad


def pdfs_of(targets: list[str]) -> list[Path]:
    out: list[Path] = []
    for t in map(Path, targets):
        found = sorted(t.rglob("*.pdf")) if t.is_dir() else [t]
        out += [p for p in found if not p.name.endswith(".scan.pdf")]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="compare pdfplumber's page objects with fast_objects'")
    parser.add_argument("targets", nargs="+", help="PDFs or folders of PDFs")
    args = parser.parse_args(argv)
    totals: Counter = Counter()
    for path in pdfs_of(args.targets):
        try:
            count, bad = compare_pdf(path)
        except Exception as exc:  # noqa: BLE001 - a file pdfplumber cannot read: the pipeline fails it alike
            print(f"{path.name}: not read ({type(exc).__name__}: {exc})")
            totals["unread"] += 1
            continue
        totals += count
        print(f"{path.name}: {count['pages']} pages, {count['equal']} equal; layout {count['ms_layout'] / 1000:.2f} s, "
              f"objects pdfplumber {count['ms_plumber'] / 1000:.2f} s; fast layout + objects {count['ms_fast'] / 1000:.2f} s")
        for line in bad:
            print(line)
    print(f"TOTAL {totals['pages']} pages: {totals['equal']} equal, {totals['pages'] - totals['equal']} differ, "
          f"{totals['unread']} files unread; layout {totals['ms_layout'] / 1000:.1f} s, objects pdfplumber "
          f"{totals['ms_plumber'] / 1000:.1f} s; fast layout + objects {totals['ms_fast'] / 1000:.1f} s; "
          f"content streams tokenised by pdfminer: {dict(fallbacks)}")
    return 0 if totals["pages"] == totals["equal"] else 1


if __name__ == "__main__":
    sys.exit(main())
