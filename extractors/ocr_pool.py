"""OCR a report's scanned pages in parallel worker processes, handed back in page order; one OCR pool
for the whole run.

In:  a PDF path, the 1-based numbers of the pages to OCR, the OCR settings; the run's `OcrSlots`
     when it shares them (`share_slots`, called by the run before it forks its report workers).
Out: `OcrPool.get(page)`: that page's `OcrResult` (or raises `OcrError`), while the workers keep
     reading the pages after it.

Workers are forked (the report's own worker process is a daemon, which multiprocessing forbids to
have children, so this is a plain os.fork): worker k reads pages k, k + n, k + 2n, ... and writes
each result, pickled, into its own pipe; the pipe's buffer keeps it at most a page or two ahead.
Each worker runs Tesseract single-threaded (OMP_THREAD_LIMIT=1) and dies with its parent
(PR_SET_PDEATHSIG). Nothing of pdfium or Tesseract runs in the report's own process: under the
memory limit they abort instead of raising MemoryError (`in_child` runs the page plan the same way).

The run's slots bound the OCR of all its reports together: a report forks as many workers as the run
has slots (`--jobs`), and a worker reads a page only while it holds a slot, so a run of one scanned
report reads `--jobs` pages at once and a run of many never more. A slot is a lock on one byte of a
file the run opened (`fcntl.lockf`): the kernel frees it when its holder dies, so a report killed
over its time or memory limit leaves no slot taken. Without shared slots (a report read in this
process, a Dask worker) a report forks `OcrSettings.jobs` workers, unbounded by others.
"""
from __future__ import annotations

import fcntl
import os
import pickle
import signal
import struct
import tempfile
import time
from dataclasses import dataclass, replace

from extractors.ocr import SETTINGS, OcrResult, OcrSettings, ocr_pdf_page
from extractors.picture_tables import PicturePlan
from pipeline.libc import die_with_parent, give_back_memory

# How often a worker waiting for a slot tries again: a page takes seconds, so the wait adds at most a
# few per cent to a page, and a few lock calls 40 times a second cost nothing measurable.
SLOT_POLL_S = 0.025


class OcrError(Exception):
    """A page could not be read by OCR (the reason in the message)."""


def _write(fd: int, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(struct.pack("<Q", len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _read_exact(fd: int, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise OcrError("an OCR worker ended before its page was read")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class OcrSlots:
    """The run's OCR slots: `n` one-byte locks on the file open as `fd` (inherited by forked processes;
    a record lock belongs to the process that takes it, so each worker takes its own)."""
    fd: int
    n: int

    def acquire(self) -> int:
        """Wait for a free slot and take it. Out: its number (for `release`)."""
        start = os.getpid() % self.n  # workers spread over the slots instead of all trying slot 0 first
        while True:
            for k in range(self.n):
                slot = (start + k) % self.n
                try:
                    fcntl.lockf(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, slot, os.SEEK_SET)
                    return slot
                except OSError:
                    continue
            time.sleep(SLOT_POLL_S)

    def release(self, slot: int) -> None:
        fcntl.lockf(self.fd, fcntl.LOCK_UN, 1, slot, os.SEEK_SET)


_SHARED: OcrSlots | None = None


def share_slots(n: int) -> OcrSlots:
    """Create the run's `n` OCR slots, used by every OcrPool made in this process and in the processes it
    forks from now on (the run's report workers). The slot file has no name (deleted once open)."""
    global _SHARED
    handle, name = tempfile.mkstemp(prefix="lkjip-ocr-slots-")
    os.unlink(name)
    _SHARED = OcrSlots(handle, max(1, n))
    return _SHARED


def unshare_slots() -> None:
    """The run is over: its slots are closed and pools fork `OcrSettings.jobs` workers again."""
    global _SHARED
    if _SHARED is not None:
        os.close(_SHARED.fd)
        _SHARED = None


def shared_slots() -> OcrSlots | None:
    return _SHARED


def _give_back_memory() -> None:
    """Return the freed heap of a page (its images) to the system: a report keeps as many workers as the
    run has slots, most of them waiting for one, and a waiting worker should hold its models only
    (measured: 255 -> 174 MB resident after a 300-dpi page, in 9 ms)."""
    give_back_memory()  # not glibc: nothing to do


def _read_page(path: str, page: int, settings: OcrSettings, password: str, regions: list | None) -> OcrResult:
    """One page's OCR: a scan as it is (`ocr_pdf_page`), a text page read for its picture tables (`regions`)
    with the picture settings, its coarse pictures re-enlarged (`picture_pixels.ocr_picture_page`)."""
    if regions is None:
        return ocr_pdf_page(path, page - 1, settings, password)
    from extractors.picture_pixels import ocr_picture_page

    return ocr_picture_page(path, page - 1, picture_settings(settings), regions, password)


def _read_in_slot(path: str, page: int, settings: OcrSettings, password: str, slots: OcrSlots | None,
                  regions: list | None = None) -> OcrResult:
    """One page's OCR (`_read_page`), while holding a slot of the run (released before the result is written: a
    full pipe then blocks a worker that holds nothing)."""
    if slots is None:
        return _read_page(path, page, settings, password, regions)
    slot = slots.acquire()
    try:
        return _read_page(path, page, settings, password, regions)
    finally:
        slots.release(slot)
        _give_back_memory()


def picture_settings(settings: OcrSettings) -> OcrSettings:
    """The OCR settings of a text page read for its picture tables: its dark cells turned exactly
    (`OcrSettings.dark_cells`)."""
    return replace(settings, dark_cells=True)


def _worker(fd: int, path: str, pages: list[int], settings: OcrSettings, password: str,
            slots: OcrSlots | None, pictures: dict[int, list] | None = None) -> None:
    for page in pages:
        try:
            _write(fd, ("ok", page, _read_in_slot(path, page, settings, password, slots, (pictures or {}).get(page))))
        except BrokenPipeError:
            return
        except MemoryError as exc:
            _write(fd, ("memory", page, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one page's failure is that page's, reported to the parent
            _write(fd, ("error", page, f"{type(exc).__name__}: {exc}"))


def in_child(function, *args):
    """`function(*args)` run in a forked process: pdfium and Tesseract abort the process when an
    allocation fails under the report's memory limit, so they must not run in the report's worker.
    Out: the result; MemoryError when the child ran out of memory; OcrError when it died."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.close(read_fd)
            die_with_parent()  # elsewhere than Linux the worker ends when its pipe closes
            try:
                _write(write_fd, ("ok", 0, function(*args)))
            except MemoryError as exc:
                _write(write_fd, ("memory", 0, str(exc)))
        except BaseException:  # noqa: BLE001 - a child never returns into the parent's code
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    try:
        size = struct.unpack("<Q", _read_exact(read_fd, 8))[0]
        status, _, payload = pickle.loads(_read_exact(read_fd, size))
    finally:
        os.close(read_fd)
        os.waitpid(pid, 0)
    if status == "memory":
        raise MemoryError(payload)
    return payload


class OcrPool:
    """The OCR workers of one report: as many as the run's slots (`OcrSettings.jobs` without them), at
    most one per page."""

    def __init__(self, path: str, pages: list[int], settings: OcrSettings = SETTINGS, password: str = "",
                 slots: OcrSlots | None = None, pictures: dict[int, list] | None = None):
        """`pictures`: the pages read for their picture tables (text pages, not scans), each with its picture
        regions (`picture_tables.PictureRegion`): read by `_read_page`."""
        self.path, self.pages, self.settings, self.password = path, list(pages), settings, password
        self.pictures = pictures
        self.slots = slots if slots is not None else shared_slots()
        width = self.slots.n if self.slots is not None else settings.jobs
        self.n = max(1, min(width, len(self.pages)))
        self.children: list[tuple[int, int]] = []  # (pid, read fd)
        self.slot = {page: k % self.n for k, page in enumerate(self.pages)}
        self.done: dict[int, tuple] = {}
        for k in range(self.n if self.pages else 0):
            self._fork(self.pages[k::self.n])

    def _fork(self, pages: list[int]) -> None:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                os.close(read_fd)
                for _, fd in self.children:
                    os.close(fd)
                die_with_parent()  # elsewhere than Linux the worker ends when its pipe closes
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                _worker(write_fd, self.path, pages, self.settings, self.password, self.slots, self.pictures)
            except BaseException:  # noqa: BLE001 - a worker never returns into the parent's code
                code = 1
            finally:
                os._exit(code)
        os.close(write_fd)
        self.children.append((pid, read_fd))

    def get(self, page: int) -> OcrResult:
        """The page's OCR reading (waits for its worker)."""
        if page not in self.slot:
            raise KeyError(page)
        _, fd = self.children[self.slot[page]]
        while page not in self.done:
            size = struct.unpack("<Q", _read_exact(fd, 8))[0]
            status, number, payload = pickle.loads(_read_exact(fd, size))
            self.done[number] = (status, payload)
        status, payload = self.done.pop(page)
        if status == "memory":
            raise MemoryError(payload)
        if status != "ok":
            raise OcrError(f"OCR of page {page} failed ({payload})")
        return payload

    def close(self) -> None:
        for pid, fd in self.children:
            os.close(fd)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
        self.children = []

    def __enter__(self) -> OcrPool:  # noqa: PYI034
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _plan(path: str, pages: set[int] | None, password: str) -> tuple[list[int], PicturePlan]:
    """The scanned pages, and the picture regions of the other pages worth OCR with the pictures whose print
    is too small to read (see `picture_tables`): what `pages_needing_ocr` and `picture_regions` give, from one
    pass over the pages (pdfium loads each page once, not once for each)."""
    from extractors.ocr_page import each_page, needs_ocr
    from extractors.picture_tables import page_picture_regions, plan_pictures, without_decoration

    scans: list[int] = []
    regions: dict[int, list] = {}
    n_pages = 0
    for number, page in each_page(path, pages, password):
        n_pages += 1
        if needs_ocr(page):
            scans.append(number)
        found = page_picture_regions(page)
        if found:
            regions[number] = found
    pictures = {n: boxes for n, boxes in without_decoration(regions, n_pages).items() if n not in scans}
    return scans, plan_pictures(path, pictures, password)


class OcrPlan:
    """The OCR side of reading one PDF: which pages are scanned, which text pages hold a table as a
    picture (`pictures`: page -> regions), and their readings as `OcrPage`s. Without Tesseract (or
    its Indonesian model) installed no page is OCRed, and a scanned report fails as before ("no text
    layer")."""

    def __init__(self, path: str, pages: set[int] | None = None, password: str = "",
                 settings: OcrSettings = SETTINGS, only: set[int] | None = None):
        """`pages`: the pages the plan looks at (None: all; a page decoration is told by its repeating over
        them). `only`: the pages this reader will ask for (None: all), the only ones OCRed."""
        from extractors.ocr import engine_available

        scans: list[int] = []
        pictures = PicturePlan({})
        try:
            if engine_available():
                scans, pictures = in_child(_plan, path, pages, password)
        except MemoryError:
            raise
        except Exception:  # noqa: BLE001 - pdfium cannot read a file pdfplumber can: read its text layer alone
            scans, pictures = [], PicturePlan({})
        self.pictures: dict[int, list] = pictures.regions
        self.small_print: list[tuple[int, float]] = pictures.small_print  # (page, px): pictures left unread
        if only is not None:
            scans = [n for n in scans if n in only]
            self.pictures = {n: boxes for n, boxes in self.pictures.items() if n in only}
            self.small_print = [(n, px) for n, px in self.small_print if n in only]
        self.wanted = sorted(set(scans) | set(self.pictures))
        self.pool = (OcrPool(path, self.wanted, settings, password, pictures=self.pictures)
                     if self.wanted else None)

    def page(self, number: int):
        """The page as an `OcrPage` when it is a scan, else None (read its text layer)."""
        if number in self.pictures:
            return None
        return self.picture_page(number)

    def picture_page(self, number: int):
        """The OCR reading of a page (a scan, or a text page holding a picture table), else None."""
        if self.pool is None or number not in self.pool.slot:
            return None
        from extractors.ocr_page import OcrPage

        return OcrPage(self.pool.get(number))

    def __enter__(self) -> OcrPlan:  # noqa: PYI034
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.close()
