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
