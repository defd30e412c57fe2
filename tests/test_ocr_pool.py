"""One OCR pool for the whole run (extractors/ocr_pool.py): the scanned pages of every report of a run
share the run's `--jobs` slots, so never more pages are read by Tesseract at once than the run has
workers, a run of one scanned report reads as many at once, a report killed while its pages hold
slots leaves none taken, and what is read equals a serial run."""
from __future__ import annotations

import hashlib
import io
import os
import time

import numpy as np
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import extractors.ocr_pool as ocr_pool
from extractors.ocr import OcrResult, OcrWord, engine_available
from extractors.ocr_pool import OcrPool, share_slots, unshare_slots
from pipeline.models import SourceFile
from pipeline.workers import Limits, run_workers

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

needs_tesseract = pytest.mark.skipif(not engine_available(), reason="Tesseract with its Indonesian model is not installed")


def _source(path) -> SourceFile:
    data = path.read_bytes()
    return SourceFile(str(path), path.name, hashlib.sha256(data).hexdigest(), len(data), "pdf")


def _image_only_pdf(path, n_pages: int, seed: int = 0) -> None:
    """A scan without a text layer: each page one image covering it (blank paper with a few marks)."""
    rng = np.random.default_rng(seed)
    pages = []
    for _ in range(n_pages):
        image = Image.new("L", (620, 877), 255)
        draw = ImageDraw.Draw(image)
        for _ in range(5):
            x, y = int(rng.integers(40, 500)), int(rng.integers(40, 800))
            draw.rectangle((x, y, x + 40, y + 3), fill=0)
        pages.append(image)
    pages[0].save(str(path), save_all=True, append_images=pages[1:], resolution=75.0)


class _Recorder:
    """Stands in for a page's OCR: notes when it starts and ends in a file shared by every process."""

    def __init__(self, log_path: str, seconds: float):
        self.log_path, self.seconds = log_path, seconds

    def __call__(self, path: str, index: int, settings, password: str = "") -> OcrResult:
        start = time.monotonic()
        time.sleep(self.seconds)
        line = f"{os.getpid()} {start} {time.monotonic()} {index + 1}\n".encode()
        fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
        words = [OcrWord(text, 60.0 + 70 * k, 120.0 + 70 * k, 100.0, 112.0, 95.0)
                 for k, text in enumerate(("Laporan", "kinerja", "halaman", str(index + 1)))]
        return OcrResult(index + 1, 595.0, 842.0, words, [[0, 1, 2, 3]])


def _most_at_once(log_path: str) -> tuple[int, int]:
    """(the most pages read at the same time, pages read) from the recorder's log."""
    with open(log_path) as f:
        spans = [tuple(map(float, line.split()[1:3])) for line in f if line.strip()]
    events = sorted([(a, 1) for a, _ in spans] + [(b, -1) for _, b in spans], key=lambda e: (e[0], e[1]))
    now = most = 0
    for _, step in events:
        now += step
        most = max(most, now)
    return most, len(spans)


def test_the_pages_of_many_scanned_reports_never_take_more_than_the_runs_workers(tmp_path, monkeypatch):
    """Three scanned reports, two workers: each report forks two OCR workers, yet no more than two pages
    are read at any time, and every page is read once."""
    log = tmp_path / "ocr.log"
    monkeypatch.setattr(ocr_pool, "ocr_pdf_page", _Recorder(str(log), 0.2))
    monkeypatch.setattr("extractors.ocr.engine_available", lambda: True)
    (tmp_path / "in").mkdir()
    sources = []
    for k in range(3):
        path = tmp_path / "in" / f"pindaian_{k}.pdf"
        _image_only_pdf(path, 4, seed=k)
        sources.append(_source(path))
    outcomes = list(run_workers(sources, 2, Limits()))
    assert len(outcomes) == 3 and all(o.failure is None for o in outcomes)
    most, pages = _most_at_once(str(log))
    assert pages == 12
    assert most <= 2


def test_one_scanned_report_reads_as_many_pages_at_once_as_the_run_has_workers(tmp_path, monkeypatch):
    log = tmp_path / "ocr.log"
    monkeypatch.setattr(ocr_pool, "ocr_pdf_page", _Recorder(str(log), 0.3))
    path = tmp_path / "pindaian.pdf"
    _image_only_pdf(path, 6)
    slots = share_slots(3)
    try:
        with OcrPool(str(path), [1, 2, 3, 4, 5, 6]) as pool:
            assert pool.n == 3 and len(pool.children) == 3  # the run's slots, not OcrSettings.jobs
            assert [pool.get(n).number for n in range(1, 7)] == [1, 2, 3, 4, 5, 6]  # in page order
    finally:
        unshare_slots()
    most, pages = _most_at_once(str(log))
    assert pages == 6 and most <= 3
    assert slots.n == 3


def test_a_killed_reader_leaves_its_slot_free(tmp_path):
    """A slot is a lock the kernel frees when its holder dies (a report killed over its limits)."""
    slots = share_slots(1)
    try:
        pid = os.fork()
        if pid == 0:  # takes the only slot and dies holding it
            slots.acquire()
            os._exit(0)
        os.waitpid(pid, 0)
        started = time.monotonic()
        slot = slots.acquire()
        assert slot == 0 and time.monotonic() - started < 1.0
        slots.release(slot)
    finally:
        unshare_slots()


def _scanned_table_pdf(path, n_pages: int) -> None:
    """Image-only pages, each a ruled table of numbers (rendered with reportlab, rasterised at 150 dpi)."""
    import pypdfium2

    images = []
    for page in range(n_pages):
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=A4)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(60, 760, f"Tabel 2.{page + 1} Realisasi Anggaran Tahun 2030")
        for r, row in enumerate([["No", "Program", "Pagu", "Realisasi"],
                                 ["1", "Program pelayanan", f"{120 + page}.500.000", f"{118 + page}.250.000"],
                                 ["2", "Program pembinaan", f"{80 + page}.000.000", f"{79 + page}.400.000"]]):
            x = 60
            for text, width in zip(row, [30, 200, 110, 110]):
                c.rect(x, 720 - r * 24, width, 24)
                c.setFont("Helvetica", 10)
                c.drawString(x + 5, 728 - r * 24, text)
                x += width
        c.save()
        doc = pypdfium2.PdfDocument(buf.getvalue())
        images.append(doc[0].render(scale=150 / 72, grayscale=True).to_pil().convert("L"))
        doc.close()
    images[0].save(str(path), save_all=True, append_images=images[1:], resolution=150.0)


@needs_tesseract
def test_a_scanned_report_read_by_the_shared_pool_equals_a_serial_run(tmp_path):
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "pindaian_tabel.pdf"
    _scanned_table_pdf(path, 3)
    source = _source(path)
    serial = list(run_workers([source], 1, Limits()))
    parallel = list(run_workers([source], 3, Limits()))
    assert serial[0].failure is None and parallel[0].failure is None
    assert serial[0].report is not None and parallel[0].report is not None
    assert len(serial[0].report.tables) >= 3
    assert parallel[0].report.to_json() == serial[0].report.to_json()
