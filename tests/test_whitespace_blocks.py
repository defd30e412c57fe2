"""The white-space reader's runs of lines: a table's caption ends the run above it, so a paragraph that OCR broke
into phrases (a justified line's wide spaces) does not join the table under its caption (extractors/whitespace.py).
Words placed by hand, as an OCR page gives them."""
from __future__ import annotations

from extractors.page_source import PageText, Word
from extractors.whitespace import read_whitespace_tables

SIZE = 9.0


def _line(top: float, phrases: list[tuple[float, str]]) -> list[Word]:
    words = []
    for x, text in phrases:
        for k, piece in enumerate(text.split()):
            x0 = x + k * 40
            words.append(Word(piece, x0, x0 + 35, top, top + SIZE, SIZE, False))
    return words


def _page() -> PageText:
    lines: list[tuple[float, list[tuple[float, str]]]] = [
        (200, [(60, "sebagaimana ditetapkan dalam perjanjian"), (430, "realisasi")]),  # a justified line broken
        (212, [(60, "dibagi target dikali"), (300, "hasil pengukuran disajikan")]),
        (224, [(60, "persen.")]),
        (236, [(60, "Tabel 3.25 Capaian Kinerja Tahun 2023")]),
        (250, [(60, "No"), (120, "Indikator"), (330, "Target"), (400, "Realisasi"), (470, "Capaian")]),
    ]
    for k, (name, t, r, c) in enumerate([("Persentase desa contoh", "90", "88,20", "98,00"),
                                          ("Persentase keluarga contoh", "75", "79,10", "105,47"),
                                          ("Jumlah kelompok contoh", "40", "44", "110,00")]):
        lines.append((264 + 14 * k, [(60, str(k + 1)), (120, name), (330, t), (400, r), (470, c)]))
    words = [w for top, phrases in lines for w in _line(top, phrases)]
    page = PageText()
    page.number, page.width, page.height, page.words, page.lines, page.horizontal_segments = 1, 595, 842, words, [], []
    return page


def test_caption_ends_the_run_of_lines_above_the_table():
    [table] = read_whitespace_tables(_page(), exclude=[])
    assert [c.text for c in table.header[0]][:2] == ["No", "Indikator"]
    assert len(table.body) == 3


def _headed_page(heading_bold: bool, row: list[tuple[float, str]]) -> PageText:
    """A paragraph, a caption, a heading line 'Indikator | Target | Realisasi | Capaian' and one row, then prose."""
    def placed(top: float, phrases: list[tuple[float, str]], bold: bool) -> list[Word]:
        return [Word(w.text, w.x0, w.x1, w.top, w.bottom, w.size, bold) for w in _line(top, phrases)]

    words = placed(200, [(60, "Indikator contoh pada tahun ini ditargetkan sebesar enam puluh tujuh")], False)
    words += placed(236, [(200, "Tabel 3.3 Capaian Indikator Contoh")], True)
    words += placed(256, [(120, "Indikator"), (330, "Target"), (400, "Realisasi"), (470, "Capaian")], heading_bold)
    words += placed(270, row, False)
    words += placed(300, [(60, "Faktor pendukung keberhasilan antara lain koordinasi yang baik")], False)
    page = PageText()
    page.number, page.width, page.height, page.words, page.lines, page.horizontal_segments = 1, 595, 842, words, [], []
    return page


def test_one_row_under_its_own_bold_heading_line_is_a_table():
    """An indicator's analysis table without rules: a bold heading line over one row of the indicator's name and
    figures is a table of one row (three lines of several phrases are asked of other tables)."""
    [table] = read_whitespace_tables(_headed_page(True, [(120, "Nilai contoh petani"), (330, "67,02"),
                                                         (400, "70,77"), (470, "105,60")]), exclude=[])
    assert [c.text for c in table.header[0]] == ["Indikator", "Target", "Realisasi", "Capaian"]
    assert [c.text for c in table.body[0]] == ["Nilai contoh petani", "67,02", "70,77", "105,60"]
    assert table.method == "whitespace"


def test_two_lines_without_a_bold_heading_or_figures_are_no_table():
    """The same two lines with the heading not in bold, or a second line of words: no table."""
    row = [(120, "Nilai contoh petani"), (330, "67,02"), (400, "70,77"), (470, "105,60")]
    assert read_whitespace_tables(_headed_page(False, row), exclude=[]) == []
    words_row = [(120, "Nilai contoh petani"), (330, "naik"), (400, "tetap"), (470, "baik")]
    assert read_whitespace_tables(_headed_page(True, words_row), exclude=[]) == []


def test_fields_under_their_own_bold_heading_line_are_a_table():
    """An indicator's fields without rules under a bold 'Uraian | Keterangan': a two-column table, though its values
    are words as well as figures (a list of labels and figures asks for figures in three quarters of them)."""
    page = _headed_page(True, [])
    page.words = [w for w in page.words if w.top < 250]  # the paragraph and the caption
    page.words += [Word(w.text, w.x0, w.x1, w.top, w.bottom, w.size, True)
                   for w in _line(256, [(120, "Uraian"), (330, "Keterangan")])]
    for k, (field, value) in enumerate([("Indikator Kinerja", "Persentase sumur contoh"), ("Satuan", "%"),
                                        ("Target 2031", "82,88"), ("Realisasi 2031", "76,87"), ("Capaian", "92,75%")]):
        page.words += _line(270 + 14 * k, [(120, field), (330, value)])
    [table] = read_whitespace_tables(page, exclude=[])
    assert [c.text for c in table.header[0]] == ["Uraian", "Keterangan"]
    assert [row[0].text for row in table.body] == ["Indikator Kinerja", "Satuan", "Target 2031", "Realisasi 2031",
                                                  "Capaian"]
