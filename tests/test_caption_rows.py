"""A white-space table whose caption lines were read as its header rows, its heading row the first of its body
(pipeline/title_rows.py caption_rows_out_of_header). Synthetic tables with invented names."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import budget_records
from pipeline.title_rows import caption_rows_out_of_header


def _table(header: list[list[str]], body: list[list[str]]) -> RawTable:
    return RawTable(0, [4], "Tabel 3.5", None, [[Cell(t, 4) for t in r] for r in header],
                    [[Cell(t, 4) for t in r] for r in body], "whitespace")


BODY = [["No", "Program", "Pagu Anggaran (Rp)", "Realisasi (Rp)", "%"],
        ["1", "PROGRAM SUMUR CONTOH", "4.927.980.000", "4.087.221.846", "82,94"],
        ["2", "PROGRAM TAMAN CONTOH", "3.297.800.000", "2.961.955.957", "89,82"]]


def test_caption_lines_read_as_the_header_give_the_header_back_to_the_heading_row():
    table = caption_rows_out_of_header(_table([["", "Realisasi Anggaran", "Program Tahun Anggaran 2030", "", ""],
                                               ["", "per", "", "", ""]], BODY))
    assert table.caption == "Realisasi Anggaran Program Tahun Anggaran 2030 per"
    assert [c.text for c in table.header[0]] == BODY[0]
    rows = budget_records(table, classify(table, 2030), "x.pdf")
    assert ("PROGRAM SUMUR CONTOH", 4927980000.0, 4087221846.0) in {(r.name, r.pagu, r.realization) for r in rows}


def test_a_group_heading_over_the_heading_row_stays_a_heading():
    table = _table([["", "", "Anggaran", "", ""]], BODY)
    assert caption_rows_out_of_header(table) is table
