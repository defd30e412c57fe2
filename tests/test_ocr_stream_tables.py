"""Tables with a rule over the header, one under it and one under the body (hlines), read from OCR words
(extractors/stream.py): OCR gives every line within a third of the page's usual height the same size, so a
caption's last line set a point larger than the header is no bigger font; over a header of three lines the rule
drawn over it stands further above the header rule than rules stacked under a heading, and it is what parts the
caption from the header. Specks in the white between the names and a short unit column, read as quotes, cover
no column gap; a word with no ascender ("yang"), whose ink box starts lower than its line's, stays in its place in
the cell's text. Words and rules placed by hand, as `extractors.ocr_page.OcrPage` gives them."""
from __future__ import annotations

from extractors.grid import text_of
from extractors.page_source import PageText, Segment, Word
from extractors.stream import read_borderless_tables


class _OcrPage(PageText):
    ocr = True

    def __init__(self, words: list[Word], rules: list[float]):
        self.number, self.width, self.height = 1, 595.0, 842.0
        self.words, self.lines = words, []
        self.horizontal_segments = [Segment(68.0, 543.0, y) for y in rules]


def _w(text: str, x0: float, top: float, height: float = 8.0, width: float | None = None) -> Word:
    return Word(text, x0, x0 + (width if width is not None else 4.3 * len(text)), top, top + height, 7.5, False)


def _page() -> _OcrPage:
    words = [_w("Tabel", 284, 163), _w("3.1", 310, 163),
             _w("Pengukuran", 165, 175), _w("Capaian", 215, 175), _w("Dinas", 250, 175), _w("Contoh", 275, 175),
             _w("Tahun", 450, 193), _w("2023", 475, 193),
             _w("No", 78, 205), _w("Sasaran", 120, 205), _w("Indikator", 240, 205), _w("Satuan", 380, 205),
             _w("Target", 440, 212), _w("Realisasi", 470, 212), _w("Capaian", 510, 212)]
    rows = [("1", "Meningkatnya sumur contoh", "Jumlah sumur yang dipelihara", "unit", "330", "283"),
            ("2", "Meningkatnya desa contoh", "Persentase desa yang tertata", "%", "58,15", "56,87"),
            ("3", "Meningkatnya layanan contoh", "Persentase layanan yang prima", "%", "84", "79,36"),
            ("4", "Meningkatnya pasar contoh", "Jumlah pasar yang tertib", "pasar", "12", "11"),
            ("5", "Meningkatnya taman contoh", "Luas taman yang terawat", "ha", "40,5", "38,2"),
            ("6", "Meningkatnya jalan contoh", "Panjang jalan yang mantap", "km", "96", "90")]
    for k, (no, sasaran, name, unit, target, real) in enumerate(rows):
        top = 232 + 16 * k
        words += [_w(no, 78, top), _w(sasaran, 100, top, width=120)]
        first, *rest = name.split()
        x = 232.0
        for part in [first, *rest]:
            low = part == "yang"
            words.append(_w(part, x, top + (2.6 if low else 0), 8.0 - (2.6 if low else 0)))
            x += 4.3 * len(part) + 2.5
        words += [_w(unit, 378, top), _w(target, 440, top), _w(real, 478, top), _w("90,00", 515, top)]
    words.append(_w("'”", 366, 264, width=7))  # specks between the name and the unit column, read as quotes
    return _OcrPage(words, [188.7, 227.7, 330.0])


def _table(page: _OcrPage):
    [table] = read_borderless_tables(page, exclude=[])
    return table


def test_the_rule_over_a_tall_header_parts_the_caption_from_it():
    table = _table(_page())
    header = " ".join(text_of(c) for row in table.header for c in row)
    assert "Pengukuran" not in header and "Tahun 2023" in header


def test_specks_between_columns_cover_no_gap_and_a_low_word_keeps_its_place():
    table = _table(_page())
    body = [[text_of(c) for c in row] for row in table.body]
    assert [row[2] for row in body][:2] == ["Jumlah sumur yang dipelihara", "Persentase desa yang tertata"]
    assert [row[3].split()[-1] for row in body] == ["unit", "%", "%", "pasar", "ha", "km"]  # the speck kept, placed
    assert [row[-2] for row in body] == ["283", "56,87", "79,36", "11", "38,2", "90"]


def _tall_header_page() -> _OcrPage:
    """A header of five lines in its tallest cell, set in the middle beside cells of one and two lines, so that its
    lines stand at seven heights across the page; a caption over the rule drawn over the header."""
    words = [_w("Tabel", 284, 150), _w("3.2", 310, 150),
             _w("Perbandingan", 150, 162), _w("Capaian", 215, 162), _w("Dinas", 250, 162), _w("Contoh", 275, 162)]
    for k, text in enumerate(["Capaian", "2023", "terhadap", "Target", "Renstra"]):  # the tallest cell
        words.append(_w(text, 470, 182 + 7.5 * k, 6.0))
    words += [_w("Realisasi", 380, 192.5, 6.0), _w("2022", 385, 200, 6.0),  # a two-line heading in its middle
              _w("Realisasi", 420, 192.5, 6.0), _w("2023", 425, 200, 6.0),
              _w("No", 78, 196.2, 6.0), _w("Indikator", 200, 196.2, 6.0), _w("Satuan", 330, 196.2, 6.0)]
    for k in range(6):
        top = 226 + 14 * k
        words += [_w(str(k + 1), 78, top), _w(f"Indikator contoh {k + 1}", 100, top, width=110),
                  _w("%", 330, top), _w(f"{60 + k},5", 385, top), _w(f"{70 + k},25", 425, top), _w("91,0", 475, top)]
    return _OcrPage(words, [176.0, 222.0, 312.0])


def test_a_tall_header_set_in_the_middle_of_its_cells_is_a_header_band():
    [table] = read_borderless_tables(_tall_header_page(), exclude=[])
    header = " ".join(text_of(c) for row in table.header for c in row)
    assert "Perbandingan" not in header and "terhadap" in header and "Realisasi" in header
    assert [text_of(row[-1]) for row in table.body] == ["91,0"] * 6
