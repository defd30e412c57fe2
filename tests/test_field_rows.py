"""Field tables (pipeline/field_rows.py): one indicator's fields printed down the rows ("Indikator Kinerja",
"Satuan", "Target 2030", "Realisasi 2030", "Capaian"), its values across, turned into one row before its
columns are classified. Synthetic tables with invented indicators."""
from pipeline.classify import classify
from pipeline.field_rows import caption_name, fields_down_the_rows
from pipeline.models import Cell, RawTable
from pipeline.rows import performance_records


def _table(caption: str, header: list[list[str | None]], body: list[list[str | None]]) -> RawTable:
    return RawTable(0, [9], "Tabel 3.5", caption, [[Cell(t, 9) for t in r] for r in header],
                    [[Cell(t, 9) for t in r] for r in body], "lattice")


def _records(table: RawTable):
    turned, evidence = fields_down_the_rows(table)
    assert evidence
    return sorted((r.indicator, r.year, r.target, r.realization, r.achievement_pct)
                  for r in performance_records(turned, classify(turned, 2030), "x.pdf"))


def test_fields_down_the_rows_beside_one_column_of_values_are_one_row():
    table = _table("Tabel 3.5 Capaian Indikator Persentase sumur contoh yang terpelihara",
                   [["Uraian", "Keterangan"]],
                   [["Indikator Kinerja", "Persentase sumur contoh yang terpelihara"], ["Satuan", "%"],
                    ["Target 2030", "82,88"], ["Realisasi 2030", "76,87"], ["Capaian", "92,75%"]])
    assert _records(table) == [("Persentase sumur contoh yang terpelihara", 2030, 82.88, 76.87, 92.75)]


def test_fields_down_the_rows_under_years_name_the_indicator_by_the_caption():
    table = _table("Tabel 3.5 Perbandingan Capaian Indikator Jumlah kelompok tani contoh yang dibina Tahun 2028-2030",
                   [["Uraian", "2028", "2029", "2030"]],
                   [["Target", "40", "42", "44"], ["Realisasi", "41", "40", "45"], ["Capaian (%)", "102,50", "95,24", "102,27"]])
    assert _records(table) == [("Jumlah kelompok tani contoh yang dibina", 2028, 40.0, 41.0, 102.5),
                               ("Jumlah kelompok tani contoh yang dibina", 2029, 42.0, 40.0, 95.24),
                               ("Jumlah kelompok tani contoh yang dibina", 2030, 44.0, 45.0, 102.27)]


def test_a_list_whose_first_column_names_other_things_stays_as_printed():
    table = _table("Tabel 2.1 Sumber daya contoh", [["Uraian", "Keterangan"]],
                   [["Target", "pegawai"], ["Jumlah pegawai", "45"], ["Kendaraan", "3"]])
    assert fields_down_the_rows(table) == (table, None)


def test_a_caption_that_names_no_indicator_gives_no_name():
    table = _table("Tabel 3.5 Capaian Kinerja Tahun 2030", [["Uraian", "Keterangan"]], [["Target", "1"]])
    assert caption_name(table) is None


def test_fields_a_reader_took_for_header_rows_are_fields_too():
    table = _table("Tabel 3.6 Capaian Indikator Tingkat sumur contoh kering",
                   [["Uraian", "Keterangan"], ["Indikator Kinerja", "Tingkat sumur contoh kering"], ["Satuan", "%"]],
                   [["Target Tahun 2030", "22,66"], ["Realisasi Tahun 2030", "20,56"], ["Capaian", "109,27%"]])
    assert _records(table) == [("Tingkat sumur contoh kering", 2030, 22.66, 20.56, 109.27)]


def test_fields_read_line_by_line_keep_their_lines_apart():
    """A field table without rules, read line by line: the lines naming the indicator (its name wrapped onto a
    second line) and its unit print no figure, yet each is a field of its own, not the upper lines of the
    target's row (pipeline.lines.join_wrapped_lines)."""
    from pipeline.lines import join_wrapped_lines

    table = RawTable(0, [9], "Tabel 3.5", "Capaian Indikator Persentase sumur contoh yang terpelihara",
                     [[Cell("Uraian", 9), Cell("Keterangan", 9)]],
                     [[Cell(a, 9), Cell(b, 9)] for a, b in [
                         ("Indikator Kinerja", "Persentase sumur contoh yang"), ("", "terpelihara"), ("Satuan", "%"),
                         ("Target 2030", "82,88"), ("Realisasi 2030", "76,87"), ("Capaian", "92,75%")]],
                     "whitespace")
    joined = join_wrapped_lines(table)
    assert [[c.text for c in row] for row in joined.body][:2] == [
        ["Indikator Kinerja", "Persentase sumur contoh yang terpelihara"], ["Satuan", "%"]]
    assert _records(joined) == [("Persentase sumur contoh yang terpelihara", 2030, 82.88, 76.87, 92.75)]


def test_a_field_name_wrapped_onto_a_second_line_read_as_its_own_row_is_joined():
    """'Target / 2030' in one cell, its lines read as two rows (a scan's OCR): the year belongs to the field above."""
    table = _table("Tabel 3.3 Capaian Indikator Persentase sumur contoh yang terawat",
                   [["Uraian", "Keterangan"]],
                   [["Indikator Kinerja", "Persentase sumur contoh yang terawat"], ["Satuan", "%"],
                    ["Target", "64"], ["2030", ""], ["Realisasi", "67,70"], ["2030", ""], ["Capaian", "105,78%"]])
    assert _records(table) == [("Persentase sumur contoh yang terawat", 2030, 64.0, 67.7, 105.78)]
