"""Letter-spaced text (extractors/letter_spacing.py): cells set with character spacing (0.28 em, 2.2 pt
at 8 pt) keep their words whole, short runs too ("7 0"); ordinary text, justified prose and columns that
stand close are read as before. Each test draws its own page and reads it back with `python -m pipeline
tables --json` (or the page's words and lines)."""
from __future__ import annotations

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from extractors.letter_spacing import steady_gap
from extractors.page_source import TextLayerPage

EDGES = [40, 70, 250, 300, 380, 470, 550]
HEADER = ["No", "Indikator Kinerja", "Satuan", "Target 2024", "Realisasi 2024", "Capaian (%)"]
ROWS = [["1", "Persentase sumur terawat", "%", "70", "72,45", "103,50"],
        ["2", "Jumlah kolam Kampung Sallo", "unit", "1.250", "1.100", "88,00"]]
SIZE = 8.0
SPACING = 0.28 * SIZE


def _spaced(c, x: float, y: float, text: str, size: float = SIZE, spacing: float = SPACING) -> None:
    t = c.beginText(x, y)
    t.setFont("Helvetica", size)
    t.setCharSpace(spacing)
    t.textOut(text)
    c.drawText(t)




def test_letter_spaced_cells_keep_their_words_and_numbers_whole(tmp_path, saved_tables, ruled_table):
    pdf = tmp_path / "spaced.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    ruled_table(c, EDGES, [HEADER, *ROWS], 700.0, 24.0, lambda c, x, y, text, _: _spaced(c, x, y, text))
    tables = saved_tables(c, pdf)
    assert [t["method"] for t in tables] == ["lattice"]
    assert tables[0]["rows"] == [HEADER, *ROWS]


def test_a_letter_spaced_title_and_line_of_large_type_read_as_words(tmp_path):
    """12 pt set 3.4 pt apart (wider than the words' three-point tolerance): words of the page and its lines."""
    pdf = tmp_path / "title.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    _spaced(c, 40, 780, "LAPORAN KINERJA DINAS CONTOH", size=12.0, spacing=0.28 * 12.0)
    _spaced(c, 40, 760, "Tahun 2024", size=12.0, spacing=0.28 * 12.0)
    c.setFont("Helvetica", 10)
    c.drawString(40, 740, "Teks biasa tanpa spasi huruf.")
    c.showPage()
    c.save()
    with pdfplumber.open(pdf) as doc:
        page = TextLayerPage(doc.pages[0], 1)
    assert [line.text for line in page.lines] == ["LAPORAN KINERJA DINAS CONTOH", "Tahun 2024",
                                                  "Teks biasa tanpa spasi huruf."]
    assert [w.text for w in page.words][:6] == ["LAPORAN", "KINERJA", "DINAS", "CONTOH", "Tahun", "2024"]


def test_columns_that_stand_close_stay_apart(tmp_path):
    """Single figures in narrow columns 3.5 pt apart at 8 pt (an even gap, but between a few pairs of a line
    whose letters touch): each column's word stands alone."""
    pdf = tmp_path / "close.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", SIZE)
    x = 40.0
    for text in ["Sumur", "contoh", "1", "2", "3", "4"]:
        c.drawString(x, 700, text)
        x += stringWidth(text, "Helvetica", SIZE) + 3.5
    c.showPage()
    c.save()
    with pdfplumber.open(pdf) as doc:
        page = TextLayerPage(doc.pages[0], 1)
    assert [w.text for w in page.words] == ["Sumur", "contoh", "1", "2", "3", "4"]


def _char(text: str, x0: float, width: float, size: float = 8.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": 100.0, "size": size}


def test_a_steady_gap_is_one_between_most_letters_of_the_line():
    spaced = [_char(t, 10 + k * 6.0, 3.8) for k, t in enumerate("Target")]  # 2.2 pt between every two letters
    assert round(steady_gap(spaced, 2.0) or 0, 1) == 2.2
    ordinary = [_char(t, 10 + k * 4.0, 4.0) for k, t in enumerate("Target")]
    assert steady_gap(ordinary, 2.0) is None
    columns = ordinary + [_char("7", 36.5, 4.0), _char("8", 43.0, 4.0)]  # two close columns, 2.5 pt on
    assert steady_gap(columns, 2.0) is None


def test_a_page_number_set_without_spaces_is_no_letter_spacing():
    """'I - 1' printed as three glyphs a word gap apart (no space characters): two equal gaps prove nothing,
    and a line of words whose word gaps match a gap known from letter-spaced text keeps its words."""
    page_number = [_char("I", 10.0, 3.3, 12.0), _char("-", 17.0, 4.0, 12.0), _char("1", 24.7, 6.7, 12.0)]
    assert steady_gap(page_number, 3.0) is None
    words = [_char(t, 10 + k * 6.0, 6.0, 12.0) for k, t in enumerate("Laporan")]
    words += [_char(t, 55.7 + k * 6.0, 6.0, 12.0) for k, t in enumerate("Kinerja")]  # a word gap of 3.7 pt
    assert steady_gap(words, 3.0, known=(3.7,)) is None
    assert steady_gap([_char("7", 10.0, 4.4), _char("0", 16.6, 4.4)], 2.0, known=(2.2,)) == 2.2
