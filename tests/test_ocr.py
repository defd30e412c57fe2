"""OCR of scanned pages: a report with one born-digital page and one scanned page (a ruled table
rendered with reportlab, rasterised with pypdfium2, noised, skewed and wrapped as an image-only
page) loads both pages, the numbers of the scanned table come back in the Indonesian convention,
every value read by OCR carries its confidence and no born-digital value does."""
from __future__ import annotations

import io
import random
import shutil
import sqlite3

import numpy as np
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors.grid import text_of
from extractors.ocr import OcrSettings, engine_available, skew_angle
from extractors.ocr_page import is_garbage_text, pages_needing_ocr
from extractors.ocr_pool import OcrPool
from extractors.pdf import read_pdf
from pipeline.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

HEADER = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
SCANNED_ROWS = [["1", "Persentase pelayanan perizinan", "72,25", "69,60", "96,33%"],
                ["2", "Jumlah pelaku usaha dibina", "1.250", "1.310", "104,80%"],
                ["3", "Nilai kepuasan masyarakat", "85,50", "81,23", "97,01%"]]  # planted: 81,23 / 85,50 = 95,01 %
DIGITAL_ROWS = [["1", "Persentase pasar tertib ukur", "80,00", "76,00", "95,00%"],
                ["2", "Jumlah industri kecil baru", "40", "42", "105,00%"]]
WIDTHS = [30, 220, 75, 75, 75]


def _table(c: canvas.Canvas, label: str, rows: list[list[str]], top: float) -> None:
    """A ruled table with its caption, every cell bordered, numbers right-aligned."""
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, top + 14, f"{label} Capaian Kinerja Dinas Perdagangan Tahun 2022")
    x0, row_h = 60, 24
    for r, row in enumerate([HEADER] + rows):
        y = top - r * row_h
        x = x0
        for j, (text, width) in enumerate(zip(row, WIDTHS)):
            c.rect(x, y - row_h, width, row_h)
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
            if j >= 2 and r:
                c.drawRightString(x + width - 5, y - 16, text)
            else:
                c.drawString(x + 5, y - 16, text)
            x += width


def _page_pdf(rows: list[list[str]], label: str) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(60, 780, "Berikut capaian indikator kinerja tahun 2022 yang diukur.")
    _table(c, label, rows, 740)
    c.drawString(60, 580, "Capaian kinerja tersebut menunjukkan hasil yang baik.")
    c.save()
    return buf.getvalue()


def _scan(pdf_bytes: bytes, dpi: int = 200, angle: float = 0.8) -> Image.Image:
    """The page as a scanner returns it: grey, slightly turned, with paper noise and specks."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf_bytes)
    image = doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    pixels = np.asarray(image, dtype=np.int16)
    rng = np.random.default_rng(7)
    pixels = pixels + rng.normal(0, 12, pixels.shape).astype(np.int16)
    rnd = random.Random(7)
    for _ in range(300):
        y, x = rnd.randrange(pixels.shape[0]), rnd.randrange(pixels.shape[1])
        pixels[y:y + 2, x:x + 2] = 0
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _mixed_report(path) -> None:
    """Page 1 born-digital (Tabel 3.1), page 2 an image-only scan of a table (Tabel 3.2)."""
    import pypdfium2

    digital = pypdfium2.PdfDocument(_page_pdf(DIGITAL_ROWS, "Tabel 3.1"))
    scan = _scan(_page_pdf(SCANNED_ROWS, "Tabel 3.2"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.showPage()
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(scan), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    scanned = pypdfium2.PdfDocument(buf.getvalue())
    out = pypdfium2.PdfDocument.new()
    out.import_pages(digital)
    out.import_pages(scanned, [1])
    out.save(str(path))


# Tests that recognise text need Tesseract and its Indonesian model, which `make install` installs with
# apt-get when it runs as root; elsewhere they are skipped with the command that installs them.
needs_tesseract = pytest.mark.skipif(
    not engine_available(), reason="Tesseract with its Indonesian model is not installed and `make install` could "
                                   "not install it (not root): sudo apt-get install -y tesseract-ocr tesseract-ocr-ind")


@pytest.fixture(scope="module")
def mixed_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("ocr") / "laporan_campuran.pdf"
    _mixed_report(path)
    return path


def test_pages_are_chosen_one_by_one(mixed_pdf):
    assert pages_needing_ocr(str(mixed_pdf)) == [2]  # the born-digital page is never OCRed


def test_garbage_text_layer_is_not_words():
    assert is_garbage_text("")
    assert is_garbage_text("ÿþ3 #$%^ qzx̃ ¤¤¤ ÐÐ ¬¬¬ ¦¦¦ ØØØØ ####")
    assert not is_garbage_text("Capaian kinerja Dinas Perdagangan tahun 2022 sebesar 96,33%")


@pytest.fixture(scope="module")
def mixed_doc(mixed_pdf):
    return read_pdf(str(mixed_pdf))


@needs_tesseract
def test_scanned_and_born_digital_pages_load_with_ocr_provenance(mixed_doc):
    doc = mixed_doc
    by_label = {t.label: t for t in doc.tables}
    assert set(by_label) >= {"Tabel 3.1", "Tabel 3.2"}
    digital, scanned = by_label["Tabel 3.1"], by_label["Tabel 3.2"]
    assert scanned.method == "ocr_lattice" and scanned.pages == [2]
    assert [text_of(c) for c in scanned.header[0]] == HEADER
    numbers = [[text_of(c) for c in row[2:]] for row in scanned.body]
    assert numbers == [row[2:] for row in SCANNED_ROWS]  # "72,25" not "72.25", "96,33%" not "96.3396"
    assert all(c.ocr_confidence is not None for row in scanned.body for c in row if text_of(c))
    assert all(c.ocr_confidence is None for row in digital.header + digital.body for c in row)


@needs_tesseract
def test_records_of_a_scanned_page_reach_the_database(mixed_pdf, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(mixed_pdf, folder / mixed_pdf.name)
    db = str(tmp_path / "ocr.sqlite")
    assert main(["extract", str(folder), "--db", db, "--out", str(tmp_path / "out"), "--quiet"]) == 0
    with sqlite3.connect(db) as con:
        got = {(r[0], r[1], r[2], r[3]) for r in con.execute(
            "SELECT table_label, target, realization, achievement_pct FROM performance")}
    assert ("Tabel 3.2", 72.25, 69.6, 96.33) in got
    assert ("Tabel 3.1", 80.0, 76.0, 95.0) in got
    with sqlite3.connect(db) as con:
        confidence = con.execute("SELECT s.label, v.ocr_confidence FROM performance_values v "
                                 "JOIN source_tables s ON s.id = v.table_id").fetchall()
    assert all(c is None for label, c in confidence if label == "Tabel 3.1")  # born-digital: no OCR
    assert all(c is not None and 0 < c <= 100 for label, c in confidence if label == "Tabel 3.2")
    with sqlite3.connect(db) as con:
        findings = con.execute("SELECT table_label, rule, subject, detail FROM findings").fetchall()
    planted = [f for f in findings if f[0] == "Tabel 3.2" and f[1] == "achievement_ratio"]
    assert planted and all("read by OCR" in f[3] for f in planted)  # may be a misread, not the agency's error
    assert not any("read by OCR" in f[3] for f in findings if f[0] == "Tabel 3.1")


def test_findings_about_ocr_values_say_so():
    from pipeline.checks.ocr_note import note_ocr_findings
    from pipeline.models import Finding

    ocr = Finding("a.pdf", "Tabel 3.2", 2, "achievement_ratio", "error", "Nilai kepuasan", 97.01, 95.01, "capaian")
    digital = Finding("a.pdf", "Tabel 3.1", 1, "achievement_ratio", "error", "Jumlah industri", 1.0, 2.0, "capaian")
    note_ocr_findings([ocr, digital], [("a.pdf", "Tabel 3.2", 2, "Nilai kepuasan", 61.5)])
    assert ocr.detail.endswith("[read by OCR, confidence 62/100: the printed value may be misread; check the page image]")
    assert digital.detail == "capaian"


@needs_tesseract
def test_worker_processes_read_in_page_order(mixed_pdf):
    with OcrPool(str(mixed_pdf), [1, 2], OcrSettings(jobs=2, dpi=200)) as pool:  # two workers, a page each
        assert pool.n == 2 and len(pool.children) == 2
        first, second = pool.get(1), pool.get(2)
    assert (first.number, second.number) == (1, 2)
    assert any(w.text == "Tabel" for w in first.words) and any(w.text == "Tabel" for w in second.words)
    assert second.vertical and second.horizontal
    assert pool.children == []


@needs_tesseract
def test_a_sideways_page_is_turned_upright(mixed_pdf):
    import cv2

    from extractors.ocr import page_turn, render_page

    grey, _, _ = render_page(str(mixed_pdf), 1, 300)
    assert page_turn(grey) is None
    assert page_turn(cv2.rotate(grey, cv2.ROTATE_90_COUNTERCLOCKWISE)) == cv2.ROTATE_90_CLOCKWISE
    assert page_turn(cv2.rotate(grey, cv2.ROTATE_90_CLOCKWISE)) == cv2.ROTATE_90_COUNTERCLOCKWISE


@needs_tesseract
def test_the_turn_of_a_sideways_page_is_detected_once(mixed_pdf, monkeypatch):
    """Tesseract's orientation detection runs once on a sideways page, whichever way it lies (not
    once per candidate turn), and not at all on an upright one."""
    import cv2

    from extractors import ocr

    grey, _, _ = ocr.render_page(str(mixed_pdf), 1, 300)
    calls: list[tuple[int, int]] = []
    detect = ocr._orientation

    def counted(image, settings):
        calls.append(image.shape)
        return detect(image, settings)

    monkeypatch.setattr(ocr, "_orientation", counted)
    assert ocr.page_turn(grey) is None and calls == []
    for turn, back in ((cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE),
                       (cv2.ROTATE_90_COUNTERCLOCKWISE, cv2.ROTATE_90_CLOCKWISE)):
        calls.clear()
        assert ocr.page_turn(cv2.rotate(grey, turn)) == back
        assert len(calls) == 1


def test_deskew_finds_the_turn():
    canvas_image = np.full((800, 800), 255, np.uint8)
    for y in range(100, 700, 40):
        canvas_image[y:y + 8, 100:700] = 0
    turned = np.asarray(Image.fromarray(canvas_image).rotate(1.5, fillcolor=255))
    assert abs(abs(skew_angle(turned)) - 1.5) <= 0.2


@needs_tesseract
def test_bench_ocr_counts_the_second_readings_and_the_turn_reads(mixed_pdf, tmp_path, monkeypatch):
    """pipeline.bench_ocr on a report with one scanned page: that page measured against bare
    Tesseract, with its second readings and orientation reads counted (none on an upright page)."""
    from extractors import ocr
    from pipeline import bench_ocr

    for name in bench_ocr.STAGES:  # the clock wraps these; put back after the test
        monkeypatch.setattr(ocr, name, getattr(ocr, name))
    result = bench_ocr.bench_ocr([str(mixed_pdf)], progress=False)
    figures = result["all"]
    assert figures["pages"] == 1 and figures["ours_cpu_s"] > 0 and figures["bare_cpu_s"] > 0
    assert figures["turn_reads"] == 0
    assert figures["number_rereads"] > 0
    assert "read_words" in figures["stages"]


def test_deskew_finds_a_page_laid_crooked_on_the_glass():
    """A sheet laid on a flatbed by hand lies 3-5 degrees off: its turn is found, not stopped at 3."""
    canvas_image = np.full((800, 800), 255, np.uint8)
    for y in range(100, 700, 40):
        canvas_image[y:y + 8, 100:700] = 0
    for angle in (3.5, -4.5):
        turned = np.asarray(Image.fromarray(canvas_image).rotate(angle, fillcolor=255))
        assert abs(skew_angle(turned) + angle) <= 0.2 or abs(skew_angle(turned) - angle) <= 0.2
