"""A table part's header printed again on the next page brings its column numbering row ("1 | 2 | … | 8")
into the body (`pipeline.spans.without_inner_numbering`): the row is dropped, so its numbers never become a
row's targets; a row of data whose values happen to rise stays. Names and figures are invented."""
from __future__ import annotations

from pipeline.models import Cell, RawTable
from pipeline.spans import absorb_header_rows

HEADER = ["No", "Sasaran", "Indikator", "Satuan", "Target 2023", "Target 2024", "Target 2025", "Sumber Data"]


def _table(body: list[list[str | None]]) -> RawTable:
    return RawTable(0, [7, 8], "Tabel 9.9", "Target Contoh", [[Cell(t, 7) for t in HEADER]],
                    [[Cell(t, 8) for t in row] for row in body], "ocr_lattice")


def test_a_numbering_row_printed_again_inside_the_body_is_dropped():
    body = [["1", "Meningkatnya mutu contoh", "Persentase layanan contoh", "%", "70", "75", "80", "Bidang A"],
            [None, None, None, None, None, None, None, "Penanggung"],
            ["1", "2", "3", "4", "5", "6", "7", "8"],
            ["2", "Meningkatnya omset contoh", "Persentase omset contoh", "%", "", "", "", "Bidang B"]]
    rows = [[c.text for c in r] for r in absorb_header_rows(_table(body)).body]
    assert ["1", "2", "3", "4", "5", "6", "7", "8"] not in rows
    assert rows[-1][:4] == ["2", "Meningkatnya omset contoh", "Persentase omset contoh", "%"]


def test_a_row_of_rising_values_is_data():
    body = [["1", "Meningkatnya mutu contoh", "Persentase layanan contoh", "%", "70", "75", "80", "Bidang A"],
            ["2", "Meningkatnya jumlah contoh", "Jumlah kegiatan contoh", "kegiatan", "3", "4", "5", "Bidang B"]]
    assert len(absorb_header_rows(_table(body)).body) == 2
