"""Extract reports in worker processes, each under a memory and a time limit; long reports in page ranges.

In:  `SourceFile`s, `Limits` (memory in MiB, seconds per report), a number of workers, an optional
     password for encrypted PDFs.
Out: one `Outcome` per file, in the order they finish: the `ExtractedReport` or a `Failure` with a
     `FailureCode` and a one-line reason.

Each report runs in a fresh process (forked, so nothing is imported again): a report that needs too
much memory (RLIMIT_AS) or time, or whose worker is killed (the OOM killer), fails alone with that
reason and the next report gets a new worker. A worker dies with its parent: PR_SET_PDEATHSIG on
Linux, and on every system a thread that exits when the parent process is gone. A report longer than
its share of the run is read in page ranges (`pipeline.page_ranges`), each range in its own worker under
the same limits; when its last range is in, the ranges are joined (`join_parts`: the later stages, run
once) in one more worker, forked with the ranges already in memory, and the report yielded once, as if
read whole. The parent only starts, collects and yields: a free slot gets its next task before the
caller loads what came back, so no core waits on the loader.
"""
from __future__ import annotations

import enum
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING

from pipeline.libc import die_with_parent
from pipeline.models import ExtractedReport, SourceFile
from pipeline.page_ranges import SPLIT, SplitSettings, Task, plan_tasks

if TYPE_CHECKING:
    from extractors.pdf import PagesRead

# The largest real report (110 pages) peaks at 350 MB resident and 19 s on one shared core;
# the defaults leave room for reports several times that big while stopping a decompression bomb
# (a 4 MB PDF that inflates to 4 GiB) or a runaway page long before it hurts the machine.
DEFAULT_MAX_MEMORY_MB = 2048
DEFAULT_TIMEOUT_S = 600
# The default limit grows with the report: a scanned page takes about 3 s of OCR on a shared core
# (2.9 s measured on a 142-page scan), a text page a tenth of that; 10 s per page leaves room for a
# machine three times as loaded while a runaway report still stops.
DEFAULT_TIMEOUT_PER_PAGE_S = 10.0
PARENT_POLL_S = 1.0  # how often a worker checks that its parent is still alive (where prctl is missing)
POLL_S = 0.5  # how often the parent looks at the clock while it waits for its workers


class FailureCode(enum.Enum):
    ENCRYPTED = "encrypted"
    UNREADABLE = "unreadable"  # broken file, no pages, no text layer, unreadable text report
    MEMORY = "memory"
    TIMEOUT = "timeout"
    WORKER_DIED = "worker_died"
    UNEXPECTED = "unexpected"  # a bug met in this report: the report fails, the batch goes on


@dataclass(frozen=True)
class Limits:
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB  # 0: no limit
    timeout_s: float = DEFAULT_TIMEOUT_S  # 0: no limit
    timeout_per_page_s: float = 0.0  # > 0: the limit is at least this per page of the report

    def timeout_for(self, n_pages: int) -> float:
        """The time limit of a report of `n_pages` pages (0: none)."""
        if not self.timeout_s:
            return 0.0
        return max(self.timeout_s, self.timeout_per_page_s * n_pages)


@dataclass(frozen=True)
class Failure:
    code: FailureCode
    reason: str  # one line


@dataclass
class Outcome:
    source: SourceFile
    report: ExtractedReport | None
    n_pages: int
    failure: Failure | None
    seconds: float = 0.0
    worker: str = ""  # the Dask worker that extracted it (--dask); empty for a local worker


PageCallback = Callable[[SourceFile, int, int], None]  # (source, pages done, pages in all)


def extract_in_process(source: SourceFile, password: str = "", page_progress=None) -> tuple[ExtractedReport, int]:
    """What a worker runs: read the file, then every later stage (pipeline.extract)."""
    from pipeline.extract import ExtractionError, extract_report

    if source.kind != "pdf":
        return extract_report(source, page_progress)
    from extractors.pdf import PdfReadError, read_pdf

    try:
        doc = read_pdf(source.path, page_progress=page_progress, password=password)
    except PdfReadError as exc:
        raise ExtractionError(source.name, str(exc)) from exc
    return report_of(source, doc), doc.n_pages


def report_of(source: SourceFile, doc) -> ExtractedReport:
    """The stages after reading (pipeline.extract.build_report) over a read `PdfDocument`."""
    from extractors.picture_tables import small_print_summary, unread_summary
    from pipeline.extract import build_report

    report = build_report(source, doc.tables, doc.lines, doc.title, doc.n_pages, doc.margin_lines)
    for unread in (unread_summary(doc.unread_pictures), small_print_summary(doc.small_print_pictures)):
        if unread:
            report.warnings.append(unread)
    return report


@dataclass
class PartOutcome:
    """A page range of a split report, read by a worker: its `PagesRead`, or why it failed."""
    task: Task
    read: PagesRead | None
    failure: Failure | None
    seconds: float = 0.0


def read_part(task: Task, password: str = "", page_progress=None) -> PartOutcome:
    """What a worker runs for one range of a split report (OCR planned over the whole document)."""
    from extractors.pdf import PdfReadError, read_pages
    from pipeline.extract import ExtractionError

    started = time.monotonic()
    try:
        try:
            read = read_pages(task.source.path, page_progress, task.pages, password, whole_plan=True)
        except PdfReadError as exc:
            raise ExtractionError(task.source.name, str(exc)) from exc
        return PartOutcome(task, read, None, time.monotonic() - started)
    except Exception as exc:  # noqa: BLE001 - one range's trouble costs its report only
        return PartOutcome(task, None, failure_of(exc), time.monotonic() - started)


def join_parts(parts: list[PartOutcome]) -> Outcome:
    """The Outcome of a split report from all its ranges: the first failure if one failed, else its pages
    put together in order (`extractors.pdf.assemble`) and the later stages run once."""
    from extractors.pdf import PagesRead, PdfReadError, assemble
    from pipeline.extract import ExtractionError

    parts = sorted(parts, key=lambda p: p.task.part)
    source, seconds = parts[0].task.source, max(p.seconds for p in parts)
    failed = next((p.failure for p in parts if p.failure is not None), None)
    if failed is not None:
        return Outcome(source, None, 0, failed, seconds)
    reads = [p.read for p in parts if p.read is not None]
    started = time.monotonic()
    try:
        whole = PagesRead(reads[0].title, reads[0].n_pages, [page for r in reads if r is not None for page in r.pages])
        try:
            doc = assemble(whole)
        except PdfReadError as exc:
            raise ExtractionError(source.name, str(exc)) from exc
        return Outcome(source, report_of(source, doc), doc.n_pages, None, seconds + time.monotonic() - started)
    except Exception as exc:  # noqa: BLE001 - one report's trouble costs that report only
        return Outcome(source, None, 0, failure_of(exc), seconds)


def failure_of(exc: BaseException) -> Failure:
    """The code and one line for an exception raised while extracting one report."""
    from extractors.pdf import PdfEncryptedError
    from pipeline.extract import ExtractionError

    if any(isinstance(e, MemoryError) for e in _chain(exc)):
        return Failure(FailureCode.MEMORY, "needs more memory than the limit (--max-memory)")
    if isinstance(exc, ExtractionError):
        code = FailureCode.ENCRYPTED if isinstance(exc.__cause__, PdfEncryptedError) else FailureCode.UNREADABLE
        return Failure(code, _one_line(exc.reason))
    if isinstance(exc, RecursionError):
        return Failure(FailureCode.UNEXPECTED, "structure nested too deeply to read (RecursionError)")
    return Failure(FailureCode.UNEXPECTED, _one_line(f"unexpected {type(exc).__name__}: {exc}"))


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, its causes and contexts, and exceptions wrapped as arguments (pdfplumber)."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo and len(seen) < 10:
        e = todo.pop()
        if e is None or any(e is s for s in seen):
            continue
        seen.append(e)
        todo += [c for c in (e.__cause__, e.__context__) if c is not None]
        todo += [a for a in e.args if isinstance(a, BaseException)]
    return seen


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def run_inline(source: SourceFile, password: str = "", page_progress=None) -> Outcome:
    """Extract in this process (no limits): for callers that cannot fork, and for tests."""
    started = time.monotonic()
    try:
        report, n_pages = extract_in_process(source, password, page_progress)
        return Outcome(source, report, n_pages, None, time.monotonic() - started)
    except Exception as exc:  # noqa: BLE001 - one report's trouble costs that report only
        return Outcome(source, None, 0, failure_of(exc), time.monotonic() - started)


# ---- inside a worker -------------------------------------------------------------------------

class _PipeProgress:
    """Looks like the tqdm bar read_pdf updates, and tells the parent instead."""

    def __init__(self, conn: Connection):
        self.conn, self.total, self.done = conn, 0, 0

    def reset(self, total: int = 0) -> None:
        self.total, self.done = total, 0
        self.conn.send(("page", 0, total))

    def update(self, n: int = 1) -> None:
        self.done += n
        self.conn.send(("page", self.done, self.total))


def _die_with_parent(parent_pid: int) -> None:
    if sys.platform.startswith("linux"):
        die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_S)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _address_space_now() -> int:
    """Bytes of address space this process has already (VmSize on Linux; 0 where unknown)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory(max_memory_mb: int) -> None:
    """The report may take `max_memory_mb` beyond what the forked worker starts with (the
    parent's modules, shared copy-on-write); over it, allocations fail with MemoryError."""
    if max_memory_mb <= 0:
        return
    import resource

    limit = _address_space_now() + max_memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker(conn: Connection, task: Task, password: str, limits: Limits, parent_pid: int,
            joining: list[PartOutcome] | None = None) -> None:
    """Run `task` (a whole report, a range of one, or with `joining` the join of a report's ranges) and
    send its result."""
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_memory(limits.max_memory_mb)
    over = Failure(FailureCode.MEMORY, f"needs more memory than the limit of {limits.max_memory_mb} MiB (--max-memory)")
    try:
        result: Outcome | PartOutcome
        if joining is not None:
            result = join_parts(joining)
        elif task.parts == 1:
            result = run_inline(task.source, password, _PipeProgress(conn))
        else:
            result = read_part(task, password, _PipeProgress(conn))
        if result.failure is not None and result.failure.code is FailureCode.MEMORY:
            result.failure = over
        conn.send(("done", result))
    except MemoryError:  # sending a huge result can itself go over the limit
        conn.send(("done", Outcome(task.source, None, 0, over) if task.parts == 1 else PartOutcome(task, None, over)))


# ---- in the parent ---------------------------------------------------------------------------

@dataclass
class _Running:
    process: multiprocessing.Process
    conn: Connection
    task: Task  # for a join: the whole report (parts == 1), so a failure is the report's Outcome
    started: float
    n_pages: int = 0  # as the worker reports them
    earlier_seconds: float = 0.0  # a join: the longest of its ranges' times, added to its own

    @property
    def source(self) -> SourceFile:
        return self.task.source


def _load_readers() -> None:
    """Import the readers (and the OCR's OpenCV and NumPy, which map large shared libraries) in the
    parent: forked workers inherit them, so a worker's memory limit measures the report it reads,
    not the libraries (a 64 MiB limit could not even load NumPy)."""
    import extractors.pdf  # noqa: F401
    import pipeline.extract  # noqa: F401


def _context():
    """fork where there is one: a worker starts in milliseconds with every module already loaded."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _start(ctx, task: Task, password: str, limits: Limits, joining: list[PartOutcome] | None = None) -> _Running:
    """A worker for `task`, or (`joining`) for the join of a split report's ranges: forked, it finds them in
    its memory, so they are not sent to it again."""
    parent_end, child_end = ctx.Pipe(duplex=False)
    part = " (joining its ranges)" if joining is not None else f" pages {task.first}-{task.last}" if task.parts > 1 else ""
    process = ctx.Process(target=_worker, args=(child_end, task, password, limits, os.getpid(), joining),
                          name=f"lkjip-extract {task.source.name}{part}", daemon=True)
    process.start()
    child_end.close()
    earlier = max((p.seconds for p in joining), default=0.0) if joining is not None else 0.0
    return _Running(process, parent_end, task, time.monotonic(), n_pages=task.n_pages if joining is not None else 0,
                    earlier_seconds=earlier)


def _join_task(parts: list[PartOutcome]) -> Task:
    """The task a join stands for: its report whole (so its failure is the report's `Outcome`)."""
    return Task(parts[0].task.source, n_pages=parts[0].task.n_pages)


def _death_reason(exitcode: int | None) -> Failure:
    if exitcode is not None and exitcode < 0:
        sig = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        hint = " (killed: probably out of memory)" if -exitcode == signal.SIGKILL else ""
        return Failure(FailureCode.WORKER_DIED, f"the worker process died of {sig}{hint}")
    return Failure(FailureCode.WORKER_DIED, f"the worker process exited with status {exitcode} before it finished")


def _stop(run: _Running) -> None:
    if run.process.is_alive():
        run.process.kill()
    run.process.join(5)
    run.conn.close()


def _collect(run: _Running, on_page: PageCallback | None) -> Outcome | PartOutcome | None:
    """Read what the worker sent; an Outcome (a PartOutcome for a range) when it is done (or dead), else None."""
    try:
        while run.conn.poll():
            message = run.conn.recv()
            if message[0] == "page":
                run.n_pages = message[2]
                if on_page is not None:
                    on_page(run.source, message[1], message[2])
            else:
                outcome = message[1]
                outcome.seconds = run.earlier_seconds + time.monotonic() - run.started
                return outcome
    except (EOFError, OSError):
        pass
    if run.process.is_alive():
        return None
    run.process.join()
    return _failed(run, _death_reason(run.process.exitcode))


def _failed(run: _Running, failure: Failure) -> Outcome | PartOutcome:
    seconds = time.monotonic() - run.started
    if run.task.parts > 1:
        return PartOutcome(run.task, None, failure, seconds)
    return Outcome(run.source, None, 0, failure, seconds)


def run_workers(sources: Iterable[SourceFile], jobs: int, limits: Limits, password: str = "",
                on_page: PageCallback | None = None, split: SplitSettings = SPLIT) -> Iterator[Outcome]:
    """Extract every source in at most `jobs` worker processes; yields each `Outcome` as it ends.
    Workers still running when the caller stops (or this process is interrupted) are killed.
    The largest start first, and a report longer than its fair share of the run is read in page ranges
    by several workers (pipeline/page_ranges.py); the join of its ranges goes ahead of the tasks still
    waiting, in a worker of its own, and its report is yielded when that ends. Every free slot gets
    its next task before an outcome is yielded: the caller's loading overlaps the workers.
    The OCR of all the reports shares `jobs` slots (extractors.ocr_pool): never more pages at once."""
    from extractors.ocr_pool import share_slots, unshare_slots

    ctx = _context()
    _load_readers()
    share_slots(jobs)
    pending = deque(plan_tasks(sources, jobs, split))
    joins: deque[list[PartOutcome]] = deque()  # split reports whose ranges are all read
    running: list[_Running] = []
    parts: dict[str, list[PartOutcome]] = {}
    try:
        while pending or joins or running:
            _fill(ctx, running, pending, joins, jobs, password, limits)
            wait([r.conn for r in running] + [r.process.sentinel for r in running], timeout=POLL_S)
            finished: list[Outcome] = []
            for run in list(running):
                result = _collect(run, on_page)
                limit = limits.timeout_for(run.n_pages)
                if result is None and limit and time.monotonic() - run.started > limit:
                    result = _failed(run, Failure(FailureCode.TIMEOUT, f"took longer than the limit of {limit:g} s (--timeout)"))
                if result is None:
                    continue
                running.remove(run)
                _stop(run)
                if isinstance(result, Outcome):
                    finished.append(result)
                    continue
                done = parts.setdefault(run.source.path, [])
                done.append(result)
                if len(done) == run.task.parts:
                    whole = parts.pop(run.source.path)
                    failed = next((p for p in whole if p.failure is not None), None)
                    if failed is not None:  # nothing to join: the report fails with its range's reason
                        finished.append(join_parts(whole))
                    else:
                        joins.append(whole)
            _fill(ctx, running, pending, joins, jobs, password, limits)
            yield from finished
    finally:
        for run in running:
            _stop(run)
        unshare_slots()


def _fill(ctx, running: list[_Running], pending: deque[Task], joins: deque[list[PartOutcome]], jobs: int,
          password: str, limits: Limits) -> None:
    """Start tasks while a slot is free: first the joins of reports whose ranges are all read (their
    pages wait in memory), then the next task in order."""
    while (joins or pending) and len(running) < max(1, jobs):
        if joins:
            whole = joins.popleft()
            running.append(_start(ctx, _join_task(whole), password, limits, joining=whole))
        else:
            running.append(_start(ctx, pending.popleft(), password, limits))
