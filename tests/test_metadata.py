"""The fiscal year, agency and region of a report (pipeline/metadata.py)."""
from pipeline.metadata import read_metadata
from pipeline.models import TextLine


def _meta(lines: list[str], headings: list[str] | None = None):
    return read_metadata([TextLine(1, t) for t in lines], None, headings)


def test_year_of_a_cited_regulation_is_not_the_fiscal_year():
    meta = _meta(["LAPORAN KINERJA", "TAHUN 2016",
                  "Peraturan Daerah Nomor 12 Tahun 2009 tentang Tata Ruang",
                  "Keputusan Gubernur No. 17 Tahun 2011", "Instruksi Presiden Nomor 7 Tahun 1999 tahun 2006"])
    assert meta.report_year == 2016


def test_first_year_of_a_plan_period_is_not_the_fiscal_year():
    meta = _meta(["TAHUN 2016", "RPJMD Tahun 2013-2018 merupakan", "Tahun 2013 – 2018 merupakan penjabaran",
                  "Tahun 2013 -", "visi tahun 2013 s.d. 2018"])
    assert meta.report_year == 2016


def test_report_made_of_tables_only_takes_the_year_its_headings_name():
    meta = _meta([], ["Realisasi Kinerja Pada Triwulan I - IV Tahun 2023", "Target Tahun 2023", "Urusan"])
    assert meta.report_year == 2023


def test_region_name_stops_where_the_sentence_goes_on():
    meta = _meta(["Dinas Kesehatan Provinsi Jawa Barat terdiri dari 5 bidang"])
    assert meta.region == "Provinsi Jawa Barat"
    assert _meta(["Rumah Sakit Daerah Provinsi Jawa Barat. Selanjutnya Dalam hal ini"]).region == "Provinsi Jawa Barat"


def test_caption_year_leaves_out_a_cited_law_even_glued_to_the_next_word():
    from pipeline.classify import caption_year
    caption = "Rencana Tindak Lanjut Tahun 2017 (Implementasi UU No. 23 Tahun 2014Tentang Pemerintahan Daerah)"
    assert caption_year(caption, 2016) == 2017


def test_a_year_still_to_come_is_a_misread_not_the_fiscal_year():
    """An OCR misread ("2016" read "2076") names a year that has not run yet: it is not the year a
    report measures; the plausible year its pages name is."""
    from pipeline.metadata import fiscal_year, plausible_year

    lines = ["LAPORAN KINERJA", "TAHUN 2076", "Dinas Contoh", "capaian kinerja tahun 2016",
             "realisasi tahun 2016 dibanding tahun 2015", "Bandung, 28 Februari 2017"]
    assert fiscal_year(lines, this_year=2026) == 2016
    assert not plausible_year(2076, 2026) and not plausible_year(1998, 2026) and plausible_year(2016, 2026)
    meta = _meta(["LAPORAN KINERJA TAHUN 2076"], ["Realisasi Tahun 2076", "Target Tahun 2021"])
    assert meta.report_year == 2021
