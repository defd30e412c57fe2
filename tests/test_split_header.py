"""Which first rows of a grid are its header (extractors/grid.split_header): a table's continuation on its next
page opens with a row of values, though its item mark, name and unit outnumber its figures."""
from extractors.grid import split_header
from pipeline.models import Cell


def _rows(texts: list[list[str]]) -> list[list[Cell]]:
    return [[Cell(t, 7) for t in row] for row in texts]


def test_a_continuation_opening_with_a_row_of_decimal_figures_has_no_header():
    rows = _rows([["d.", "", "Persentase sumur contoh yang", "%", "63", "56,64", "89,90"],
                  ["", "", "terpelihara", "", "", "", ""],
                  ["e.", "Meningkatnya layanan contoh", "Jumlah taman contoh", "unit", "77", "68", "88,31"]])
    header, body = split_header(rows)
    assert header == [] and len(body) == 3


def test_a_heading_row_of_words_and_years_stays_the_header():
    rows = _rows([["No", "Indikator", "Satuan", "Target 2031", "Realisasi 2031", "Capaian (%)"],
                  ["1", "Persentase sumur contoh", "%", "63", "56,64", "89,90"]])
    header, body = split_header(rows)
    assert [c.text for c in header[0]][:2] == ["No", "Indikator"] and len(body) == 1
