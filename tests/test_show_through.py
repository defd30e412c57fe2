"""Show-through (`extractors.show_through`): a report printed on both sides of thin paper is scanned with the
verso's print showing through, mirrored and pale. Its glyphs are no ink of the page: the table's words and
figures are read without fragments of the mirrored text between them, while a faded print (pale toner, but
every glyph with its dark core) keeps all its ink. The tables, names and numbers are invented."""
from __future__ import annotations

import io

import numpy as np
import pytest
from conftest import draw_cells
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors.ocr import OcrSettings, binarize, components, engine_available, ocr_pdf_page

ROWS = [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
        ["1", "Persentase desa tangguh bencana", "64,50", "61,27", "94,99"],
        ["2", "Jumlah relawan terlatih", "120", "134", "111,67"],
        ["3", "Indeks kesiapsiagaan warga", "72,40", "70,05", "96,75"],
        ["4", "Persentase laporan tepat waktu", "90", "93,10", "103,44"]]
WIDTHS = [30, 230, 70, 70, 70]
VERSO = ["Rencana aksi kegiatan sosialisasi pengurangan risiko di sekolah dasar dan menengah",
         "Koordinasi lintas sektor melalui forum kecamatan serta pelatihan tim reaksi cepat",
         "Pemutakhiran peta rawan dan jalur evakuasi bersama aparat kelurahan setempat"]


def _render(draw, dpi: int = 200) -> Image.Image:
    import pypdfium2

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    draw(c)
    c.save()
    doc = pypdfium2.PdfDocument(buf.getvalue())
    image = doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    return image


def _recto(c: canvas.Canvas) -> None:
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, 790, "Tabel 3.1 Capaian Kinerja Badan Contoh Tahun 2023")
    draw_cells(c, ROWS, WIDTHS, 770, 22, 15, right_from=2, header_size=9)


def _verso(c: canvas.Canvas) -> None:
    c.setFont("Times-Roman", 12)
    for k in range(40):
        c.drawString(60, 800 - k * 18, VERSO[k % len(VERSO)])


def _two_sided(contrast: float = 0.22) -> Image.Image:
    """The recto with the verso seen through the paper: mirrored, blurred, keeping `contrast` of its ink."""
    recto = np.asarray(_render(_recto), np.float32)
    verso = _render(_verso).transpose(Image.Transpose.FLIP_LEFT_RIGHT).filter(ImageFilter.GaussianBlur(1.5))
    seen = 255 - (255 - np.asarray(verso, np.float32)) * contrast
    rng = np.random.default_rng(3)
    page = recto * seen / 255 + rng.normal(0, 4, recto.shape)
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8))


def _faded() -> Image.Image:
    recto = np.asarray(_render(_recto), np.float32)
    return Image.fromarray((150 + recto / 255 * (236 - 150)).astype(np.uint8))


def _ink_components(image: Image.Image) -> int:
    grey = np.asarray(image.resize((image.width * 3 // 2, image.height * 3 // 2)), np.uint8)  # 300 dpi
    n, _, _ = components(binarize(np.ascontiguousarray(grey), OcrSettings()))
    return n - 1


def test_the_verso_seen_through_the_paper_is_no_ink():
    clean = _ink_components(_render(_recto))
    assert _ink_components(_two_sided()) <= clean * 1.05


def test_a_faded_print_keeps_its_ink():
    assert _ink_components(_faded()) >= _ink_components(_render(_recto)) * 0.95


@pytest.mark.skipif(not engine_available(), reason="Tesseract with its Indonesian model is not installed")
def test_a_two_sided_scan_reads_its_table_without_the_verso(tmp_path):
    path = tmp_path / "dua_sisi.pdf"
    _two_sided().save(path, "PDF", resolution=200.0, quality=80)
    result = ocr_pdf_page(str(path), 0)
    words = [w.text for w in result.words]
    assert {cell for row in ROWS[1:] for cell in row[2:]} <= set(words)
    table_words = {w for row in ROWS for cell in row for w in cell.split()} | {"Tabel", "3.1", "Capaian", "Kinerja",
                                                                               "Badan", "Contoh", "Tahun", "2023"}
    assert [w for w in words if w not in table_words] == []
