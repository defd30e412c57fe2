"""Year groups with one-letter sub-headings ("TAHUN 2016 | 2017 | … › T | R | %") under a banner that names
the IKU: each year's target, realisasi and capaian."""
from __future__ import annotations

from extractors.grid import column_paths
from pipeline.classify import classify
from pipeline.models import Cell, RawTable


def _abbreviated_year_group_table() -> RawTable:
    banner = ["TARGET DAN REALISASI ATAS IKU URUSAN"] + [None] * 9
    years = ["INDIKATOR KINERJA", "TAHUN 2016", None, None, "2017", None, None, "2018", None, None]
    leaves = [None] + ["T", "R", "%"] * 3
    header = [[Cell(t, 1) for t in row] for row in (banner, years, leaves)]
    body = [[Cell(t, 1) for t in row] for row in (
        ("Jumlah Izin Lokasi", "40", "-", "-", "40", "18", "45%", "40", "95", "237%"),
        ("Persentase Promosi", "-", "-", "-", "100%", "75%", "75%", "100%", "25%", "25%"))]
    return RawTable(0, [1], None, None, header, body, "lattice")


def test_year_run_whose_first_heading_says_tahun_keeps_each_year_over_its_block():
    """"TAHUN 2016" then "2017", "2018": one run of years, each heading over the three columns it starts."""
    paths = column_paths(_abbreviated_year_group_table().header)
    assert [p.split(" › ")[-2:] for p in paths[1:5]] == [["TAHUN 2016", "T"], ["TAHUN 2016", "R"],
                                                         ["TAHUN 2016", "%"], ["2017", "T"]]


def test_one_letter_sub_headings_under_an_iku_banner_are_target_realisasi_capaian():
    layout = classify(_abbreviated_year_group_table(), 2021)
    assert [(c.role, c.year) for c in layout.columns[4:7]] == [("target", 2017), ("realization", 2017),
                                                               ("achievement", 2017)]
    assert layout.columns[0].role == "indicator"
    assert "performance" in layout.kinds


def test_c_beside_t_and_r_under_a_year_is_its_capaian():
    """"2022 › T | R | C": C for capaian, as T for target and R for realisasi."""
    table = _abbreviated_year_group_table()
    table.header[2] = [Cell(t, 1) for t in [None] + ["T", "R", "C"] * 3]
    layout = classify(table, 2021)
    assert [(c.role, c.year) for c in layout.columns[1:4]] == [("target", 2016), ("realization", 2016),
                                                               ("achievement", 2016)]
