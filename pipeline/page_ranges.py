"""Which reports to split into page ranges across workers, so one long report does not bound a run.

In:  the reports to extract (`SourceFile`s), each one's page count, the number of workers.
Out: `Task`s: a whole report, or one range of a long report's pages (`part` of `parts`), largest first.

A report is split when it has more pages than a fair share of the run (all pages / workers) and at least
two ranges of `SplitSettings.min_range_pages`; it is cut into as many equal ranges as its pages hold fair
shares (at most one per worker). Each range is read by a worker (`extractors.pdf.read_pages`, OCR decided
over the whole document); the parent puts the ranges together in page order (`extractors.pdf.assemble`)
and runs the later stages once, so a split report comes out exactly as a whole one. With one worker, or
reports of even size, nothing is split.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.models import SourceFile


@dataclass(frozen=True)
class SplitSettings:
    # Below this many pages a range costs more in opening the PDF and planning its OCR (about a second
    # for a 150-page report, repeated by every range) than it saves.
    min_range_pages: int = 20


SPLIT = SplitSettings()


@dataclass(frozen=True)
class Task:
    """A report to extract whole (parts == 1), or its pages first..last (1-based, inclusive), part k of n."""
    source: SourceFile
    first: int = 0
    last: int = 0
    part: int = 0
    parts: int = 1
    n_pages: int = 0  # the report's pages (0: not counted)

    @property
    def pages(self) -> set[int] | None:
        return None if self.parts == 1 else set(range(self.first, self.last + 1))

    @property
    def work(self) -> float:
        """The task's share of its file's bytes: what `largest first` orders by."""
        if self.parts == 1:
            return float(self.source.size)
        return self.source.size * (self.last - self.first + 1) / max(1, self.n_pages)


def page_count(source: SourceFile) -> int:
    """The PDF's number of pages (0 for a text report or a file pdfium cannot open: it is not split)."""
    if source.kind != "pdf":
        return 0
    try:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(source.path)
        try:
            return len(pdf)
        finally:
            pdf.close()
    except Exception:  # noqa: BLE001 - a broken or encrypted file is read whole, and fails there with its reason
        return 0


def ranges(n_pages: int, parts: int) -> list[tuple[int, int]]:
    """`n_pages` cut into `parts` ranges of (almost) equal length, in order."""
    bounds = [round(k * n_pages / parts) for k in range(parts + 1)]
    return [(bounds[k] + 1, bounds[k + 1]) for k in range(parts)]


def _by_work(tasks: Iterable[Task]) -> list[Task]:
    """Largest work first (ties by name, then part, so a run's order is stable): a long report started first
    runs beside the short ones instead of alone at the end, which bounds a run by its longest report."""
    return sorted(tasks, key=lambda t: (-t.work, t.source.name, t.part))


def largest_first(sources: Iterable[SourceFile]) -> list[SourceFile]:
    """The sources, largest file first (bytes stand for work: pages, scanned images), as `_by_work` orders
    whole reports; for runners that take whole reports only (Dask)."""
    return [t.source for t in _by_work(Task(s) for s in sources)]


def plan_tasks(sources: Iterable[SourceFile], jobs: int, settings: SplitSettings = SPLIT,
               pages_of=page_count) -> list[Task]:
    """The tasks of a run, largest first (see the module's docstring for when a report is split)."""
    sources = list(sources)
    if jobs <= 1:
        return _by_work(Task(s) for s in sources)
    counts = {s.path: pages_of(s) for s in sources}
    fair_share = max(1.0, sum(counts.values()) / jobs)
    tasks: list[Task] = []
    for s in sources:
        n = counts[s.path]
        parts = min(jobs, math.ceil(n / fair_share), n // max(1, settings.min_range_pages))
        if parts < 2:
            tasks.append(Task(s))
            continue
        tasks += [Task(s, first, last, k, parts, n) for k, (first, last) in enumerate(ranges(n, parts))]
    return _by_work(tasks)
