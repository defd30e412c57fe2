"""A ruled header whose body was found as a table of its own (pipeline/parts.py)."""
from pipeline.models import Cell, RawTable
from pipeline.parts import join_header_and_body


def _table(index: int, label: str | None, header: list[list[str]], body: list[list[str]], page: int = 3) -> RawTable:
    return RawTable(index, [page], label, "Target" if label else None, [[Cell(t, page) for t in r] for r in header],
                    [[Cell(t, page) for t in r] for r in body], "lattice" if label else "whitespace")


def test_ruled_header_without_body_takes_the_table_below_as_its_body():
    header = _table(0, "Tabel 1", [["Indikator", "2014", "2015"]], [])
    body = _table(1, None, [["Produksi daging", "715.901", "741.709"]], [["Produksi telur", "204.344", "210.664"]])
    joined = join_header_and_body([header, body])
    assert len(joined) == 1 and joined[0].label == "Tabel 1"
    assert [[c.text for c in r] for r in joined[0].body] == [["Produksi daging", "715.901", "741.709"],
                                                             ["Produksi telur", "204.344", "210.664"]]


def test_a_table_with_its_own_caption_or_width_or_page_stays_apart():
    header = _table(0, "Tabel 1", [["Indikator", "2014", "2015"]], [])
    captioned = _table(1, "Tabel 2", [["A", "B", "C"]], [["x", "1", "2"]])
    wider = _table(1, None, [["A", "B", "C", "D"]], [["x", "1", "2", "3"]])
    next_page = _table(1, None, [["A", "B", "C"]], [["x", "1", "2"]], page=4)
    for other in (captioned, wider, next_page):
        assert len(join_header_and_body([header, other])) == 2


def test_caption_less_part_under_the_repeated_header_takes_the_tables_label():
    first = _table(0, "Tabel 4.1", [["No", "Kegiatan", "", "Target"]], [["1", "Kegiatan A", "", "15"]], page=39)
    first.caption = "Rencana Tindak Lanjut Tahun 2017"
    second = _table(1, None, [["No", "Kegiatan", "Target"]], [["2", "Kegiatan B", "40"]], page=40)
    third = _table(2, None, [["No", "Kegiatan", "Target"]], [["3", "Kegiatan C", "4"]], page=41)
    other = _table(3, None, [["Uraian", "Jumlah"]], [["x", "1"]], page=41)
    out = join_header_and_body([first, second, third, other])
    assert [(t.label, t.caption) for t in out[1:]] == [("Tabel 4.1", first.caption), ("Tabel 4.1", first.caption),
                                                       (None, None)]


def test_body_ruled_in_blocks_continues_right_under_the_table():
    first = _table(0, "Tabel 3", [["No", "Jenis", "2021", "2022"]], [["I", "Kayu", "1.200", "1.300"]])
    first.bbox = [100.0, 150.0, 540.0, 270.0]
    block = _table(1, None, [["II", "Getah", "4.000", "4.200"]], [["1", "Pinus", "4.000", "4.200"]])
    block.bbox = [104.0, 271.5, 536.0, 300.0]
    out = join_header_and_body([first, block])
    assert len(out) == 1 and [r[1].text for r in out[0].body] == ["Kayu", "Getah", "Pinus"]


def test_a_headed_table_or_one_further_down_is_not_a_block_of_the_table_above():
    first = _table(0, "Tabel 3", [["No", "Jenis", "2021", "2022"]], [["I", "Kayu", "1.200", "1.300"]])
    first.bbox = [100.0, 150.0, 540.0, 270.0]
    headed = _table(1, None, [["No", "Uraian", "Target", "Realisasi"]], [["1", "Pinus", "4.000", "4.200"]])
    headed.bbox = [100.0, 272.0, 540.0, 300.0]
    far = _table(1, None, [["II", "Getah", "4.000", "4.200"]], [])
    far.bbox = [100.0, 330.0, 540.0, 360.0]
    for other in (headed, far):
        assert len(join_header_and_body([first, other])) == 2


def test_header_strip_repeated_on_every_page_and_joined_over_them_heads_each_pages_body():
    # the reader found the ruled strip "Indikator | SAT | TARGET" of pages 8-10 as one table of
    # headings only, and each page's years and rows as a ruled table of its own right after it
    def ruled(index: int, pages: list[int], header: list[list[str]], body: list[list[str]]) -> RawTable:
        page = pages[0]
        return RawTable(index, pages, None, None, [[Cell(t, page) for t in r] for r in header],
                        [[Cell(t, page) for t in r] for r in body], "lattice")

    strip = ruled(0, [8, 9, 10], [["Indikator", "SAT", "TARGET", ""]], [["Sasaran / Program", "", "", ""]])
    bodies = [ruled(k, [page], [["Program/Output", "SAT", "2025", "2026"]], [[f"Indikator {page}", "%", "80", "85"]])
              for k, page in enumerate((8, 9, 10), start=1)]
    out = join_header_and_body([strip, *bodies])
    assert [t.pages for t in out] == [[8], [9], [10]]
    assert all([c.text for c in t.header[-1]] == ["Program/Output", "SAT", "2025", "2026"] for t in out)
    assert [t.body[0][0].text for t in out] == ["Indikator 8", "Indikator 9", "Indikator 10"]
    assert [c.text for c in out[0].header[0]] == ["Indikator", "SAT", "TARGET", ""]


def test_header_strip_over_pages_with_no_ruled_body_after_it_stays_as_it_is():
    strip = RawTable(0, [8, 9], None, None, [[Cell(t, 8) for t in ("Indikator", "TARGET")]],
                     [[Cell(t, 8) for t in ("Sasaran", "")]], "lattice")
    other = _table(1, "Tabel 2", [["Uraian", "Jumlah"]], [["x", "1"]], page=8)
    assert join_header_and_body([strip, other])[0] == strip


def test_running_head_read_into_the_header_of_tables_on_several_pages_is_left_out():
    from pipeline.parts import without_running_heads

    head = ["Dinas Perikanan Renstra Tahun 2021", "", "", "- 2026", "", ""]
    heading = ["No", "Indikator", "Kondisi awal", "Target", "", ""]
    tables = [_table(k, None, [head, heading], [["1", "Produksi", "554", "560", "561", "562"]], page=40 + k)
              for k in range(3)]
    assert [[c.text for c in t.header[0]] for t in without_running_heads(tables)] == [heading] * 3


def test_header_repeated_over_a_tables_pages_is_no_running_head():
    from pipeline.parts import without_running_heads

    tables = [_table(k, None, [["No", "Indikator", "Target", "Realisasi"], ["", "", "2021", "2021"]],
                     [["1", "Produksi", "560", "561"]], page=40 + k) for k in range(3)]
    assert without_running_heads(tables) == tables


def test_year_cut_in_two_at_a_cell_border_in_the_years_row():
    from pipeline.parts import with_rejoined_years

    table = _table(0, "Tabel 4.1", [["Indikator", "Kondisi awal", "Target", "", "", "", ""]],
                   [["", "2020", "2021", "20", "22", "2023", "2024"], ["Produksi", "554", "560", "561", "", "562", "563"]])
    years = with_rejoined_years([table])[0].body[0]
    assert [c.text for c in years] == ["", "2020", "2021", "2022", "", "2023", "2024"]
    assert with_rejoined_years([table])[0].body[1] == table.body[1]
