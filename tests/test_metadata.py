"""The fiscal year, agency and region of a report (pipeline/metadata.py)."""
import pytest

from pipeline.metadata import read_metadata
from pipeline.models import Cell, RawTable, TextLine


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


# ---- decisions voted from all the evidence (issue 15, item 2) ----------------------------------------------

def _pages(*pages: list[str], title: str | None = None, file_name: str | None = None, tables=None):
    """read_metadata over pages of lines (page 1 first)."""
    lines = [TextLine(n, text) for n, page in enumerate(pages, start=1) for text in page]
    return read_metadata(lines, title, None, file_name, tables)


FOREWORD = ["KATA PENGANTAR", "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya laporan ini."]


def test_cover_with_a_regulation_citation_broken_over_lines_gives_the_report_year():
    meta = _pages(["LAPORAN KINERJA INSTANSI PEMERINTAH", "DINAS KESEHATAN", "KABUPATEN CONTOH", "TAHUN 2016"],
                  ["Laporan ini disusun berdasarkan Peraturan Daerah Kabupaten Contoh Nomor 12 Tahun",
                   "2009 tentang Organisasi Perangkat Daerah dan Peraturan Menteri Nomor 53 Tahun",
                   "2014, Peraturan Gubernur Nomor 7 Tahun", "2009, Nomor 8 Tahun", "2009."])
    assert meta.report_year == 2016
    assert meta.kind == "LKjIP" and meta.period is None


def test_gazette_year_of_a_cited_law_casts_no_vote():
    meta = _pages(["RENCANA KERJA", "DINAS CONTOH", "TAHUN 2022"],
                  ["(Lembaran Negara Republik Indonesia Tahun 2004 Nomor 104, Tambahan Lembaran Negara",
                   "Tahun 2004 Nomor 125) dan (Lembaran Negara Tahun 2004 Nomor 5)"])
    assert meta.report_year == 2022 and meta.kind == "Renja"


def test_renstra_fiscal_year_is_the_first_year_of_its_period_and_a_leftover_period_loses():
    meta = _pages(["LOGO", "Dinas Penanaman Modal", "Kabupaten Contoh", "Rencana Strategis (Renstra)",
                   "Tahun 2021 - 2026"],
                  FOREWORD + ["Renstra Dinas Penanaman Modal Kabupaten Contoh Tahun 2016 – 2021 dapat diselesaikan",
                              "sesuai Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan"])
    assert meta.kind == "Renstra"
    assert meta.period == "2021-2026" and meta.report_year == 2021
    assert meta.renstra_end == 2026


def test_plan_period_written_out_in_words_is_a_period():
    meta = _pages(["RENCANA STRATEGIS", "BADAN CONTOH", "KOTA CONTOH", "Tahun 2016 sampai dengan Tahun 2020"])
    assert meta.period == "2016-2020" and meta.report_year == 2016


def test_region_ends_where_its_name_ends_before_kata_pengantar():
    meta = _pages(["LAPORAN KINERJA INSTANSI", "PEMERINTAH (LKJIP)", "TAHUN 2021", "DINAS PERUMAHAN",
                   "DAN KAWASAN PERMUKIMAN", "KABUPATEN SUKAMAJU"],
                  ["KATA PENGANTAR", "Penyelenggaraan pemerintahan yang baik merupakan tuntutan masyarakat.",
                   "Laporan Kinerja Dinas Perumahan dan Kawasan Permukiman Kabupaten Sukamaju tahun 2021."])
    assert meta.region == "Kabupaten Sukamaju"
    assert meta.agency == "Dinas Perumahan dan Kawasan Permukiman"


def test_region_ends_before_the_sentence_that_follows_it():
    meta = _pages(["PERJANJIAN KINERJA TAHUN 2021", "DINAS PERIKANAN", "KABUPATEN SIDOARJO",
                   "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel"],
                  ["Dinas Perikanan Kabupaten Sidoarjo Renstra Tahun 2021 - 2026", "Bupati Sidoarjo"])
    assert meta.region == "Kabupaten Sidoarjo"
    assert meta.kind == "PK" and meta.report_year == 2021


def test_central_institution_has_region_pusat():
    meta = _pages(["KEPALA BADAN KEAMANAN LAUT", "REPUBLIK INDONESIA",
                   "KEPUTUSAN KEPALA BADAN KEAMANAN LAUT REPUBLIK INDONESIA", "NOMOR 348 TAHUN 2024", "TENTANG",
                   "RENCANA KERJA", "BADAN KEAMANAN LAUT REPUBLIK INDONESIA", "TAHUN 2025"],
                  ["Patroli di perairan Provinsi Kepulauan Riau dilaksanakan bersama."])
    assert meta.region == "Pusat"
    assert meta.agency == "Badan Keamanan Laut"
    assert meta.kind == "Renja" and meta.report_year == 2025  # a plan for next year, made the year before


def test_file_name_names_the_year_the_agency_and_the_kind_a_bare_document_leaves_out():
    meta = _pages(["Sasaran strategis dan indikator kinerja yang disepakati."], file_name="PK DINAS PERIKANAN 2023.pdf")
    assert meta.agency == "Dinas Perikanan" and meta.report_year == 2023 and meta.kind == "PK"
    meta = _pages(["Capaian kinerja sasaran strategis."], file_name="Kota Sukamaju/LKIP BPBD 2016.pdf")
    assert meta.report_year == 2016 and meta.kind == "LKjIP" and meta.region == "Kota Sukamaju"


def test_file_name_written_in_one_word_votes_for_the_region_the_text_spells_apart():
    meta = _pages(["RPJMD", "Rencana Pembangunan Jangka Menengah Daerah periode 2021-2025",
                   "Kabupaten Boven Digoel mampu berperan dalam perubahan"], file_name="kab-bovendigoel-2021-rpjmd.pdf")
    assert meta.region == "Kabupaten Boven Digoel"
    assert meta.agency == "Pemerintah Daerah"  # an RPJMD is the whole regional government's
    assert meta.kind == "RPJMD" and meta.period == "2021-2025" and meta.report_year == 2021


def test_regional_law_on_the_budget_is_the_whole_government_document():
    meta = _pages(["SALINAN", "WALIKOTA SUNGAI PENUH", "PROVINSI JAMBI", "PERATURAN DAERAH KOTA SUNGAI PENUH",
                   "NOMOR 4 TAHUN 2020", "TENTANG", "PERUBAHAN ANGGARAN PENDAPATAN DAN BELANJA DAERAH",
                   "KOTA SUNGAI PENUH TAHUN ANGGARAN 2020"] + ["Menimbang : a. bahwa untuk melaksanakan ketentuan "
                                                               "Pasal 316 ayat (1) Undang-Undang"] * 25)
    assert meta.agency == "Pemerintah Daerah" and meta.region == "Kota Sungai Penuh"
    assert meta.kind == "budget-plan" and meta.report_year == 2020


def test_agency_is_not_taken_from_an_organisation_regulation_or_a_legal_basis_list():
    meta = _pages(["BAB I", "PENDAHULUAN", "Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat dibentuk berdasarkan",
                   "Peraturan Daerah Nomor 22 Tahun 2008 tentang Organisasi dan Tata Kerja Inspektorat, Badan",
                   "Perencanaan Pembangunan Daerah, Lembaga Teknis dan Satuan Polisi Pamong Praja Provinsi Jawa Barat.",
                   "1. Peraturan Menteri Nomor 5 Tahun 2010 tentang Satuan Polisi Pamong Praja",
                   "2. Peraturan Gubernur Nomor 6 Tahun 2011 tentang Satuan Polisi Pamong Praja",
                   "Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat menyusun LKIP Tahun 2016."])
    assert meta.agency == "Badan Kesatuan Bangsa dan Politik"
    assert meta.region == "Provinsi Jawa Barat"


def test_agency_is_not_run_together_with_a_signature_block():
    meta = _pages(["RENCANA AKSI KINERJA TAHUN 2022", "DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN"],
                  ["Sukamaju, 18 Januari 2022", "KEPALA DINAS PERUMAHAN DAN", "KAWASAN PERMUKIMAN KABUPATEN SUKAMAJU",
                   "Ir. BUDI SANTOSO, MM.", "NIP. 19700101 199903 1 001"])
    assert meta.agency == "Dinas Perumahan dan Kawasan Permukiman"
    assert meta.region == "Kabupaten Sukamaju"
    assert meta.kind == "Rencana Aksi" and meta.report_year == 2022


def test_form_field_names_the_agency_and_a_change_of_case_ends_it():
    meta = _pages(["PELAKSANAAN KEGIATAN APBD KABUPATEN SUKAMAJU TAHUN ANGGARAN 2021",
                   "REALISASI FISIK DAN KEUANGAN", "Bulan : Desember 2021",
                   "SKPD : DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN", "Penanggung Jawab : Ir. BUDI SANTOSO, MM"])
    assert meta.agency == "Dinas Perumahan dan Kawasan Permukiman"
    assert meta.kind == "budget-realisation" and meta.report_year == 2021


def test_acronym_after_the_title_words_votes_for_the_full_name_it_spells():
    body = ["Misi Staf Sumber Daya Manusia Polri adalah pembinaan."] + ["Renstra SSDM Polri Tahun 2020-2024"] * 3
    meta = _pages(["MARKAS BESAR", "KEPOLISIAN NEGARA REPUBLIK INDONESIA", "STAF SUMBER DAYA MANUSIA",
                   "RENCANA STRATEGIS", "SUMBER DAYA MANUSIA POLRI", "TAHUN 2020-2024"], body)
    assert meta.agency == "Staf Sumber Daya Manusia Polri"
    assert meta.region == "Pusat" and meta.period == "2020-2024" and meta.report_year == 2020
    lkip = _pages(["Laporan Kinerja BKPP Wilayah I Provinsi Jawa Barat Tahun 2016"] * 2,
                  ["Badan Koordinasi Pemerintahan dan Pembangunan (BKPP) Wilayah I Provinsi Jawa Barat"])
    assert lkip.agency == "Badan Koordinasi Pemerintahan dan Pembangunan (BKPP) Wilayah I"


def test_unit_named_with_its_parent_after_it_is_the_unit():
    meta = _pages(["BAB I", "PENDAHULUAN", "Laporan Kinerja Instansi Pemerintah (LKIP) Biro Organisasi Sekretariat",
                   "Daerah Tahun 2016 disusun sebagai bahan LKIP Pemerintah Daerah Provinsi Jawa Barat."])
    assert meta.agency == "Biro Organisasi"


def test_report_that_quotes_other_documents_in_its_captions_keeps_its_own_kind():
    tables = [RawTable(index=k, pages=[k + 3], label=None, caption=caption, header=[], body=[], method="ruled")
              for k, caption in enumerate(["Perjanjian Kinerja Tahun 2016", "Perjanjian Kinerja Program Tahun 2016",
                                           "Rencana Strategis Tahun 2013-2018", "Pagu APBD Tahun 2016"])]
    meta = _pages(["BAB I", "PENDAHULUAN", "Dinas Perkebunan Provinsi Jawa Barat menyusun Laporan Kinerja Instansi",
                   "Pemerintah (LKIP) Tahun 2016 sesuai Renstra Tahun 2013-2018."], tables=tables)
    assert meta.kind == "LKjIP" and meta.report_year == 2016 and meta.period is None


def test_report_of_tables_only_names_its_agency_and_region_in_cells():
    tables = [RawTable(index=0, pages=[1], label=None, caption=None, method="ruled",
                       header=[[Cell("Program", 1), Cell("Realisasi Kinerja Pada Triwulan I - IV Tahun 2023", 1)]],
                       body=[[Cell("DINAS PERHUBUNGAN", 1), Cell("19.229.162.077", 1)],
                             [Cell("Persentase jalan Kota Sukamaju yang disetujui", 1), Cell("100", 1)]])]
    meta = read_metadata([], None, ["Realisasi Kinerja Pada Triwulan I - IV Tahun 2023"], "dishub-triwulan.pdf", tables)
    assert meta.agency == "Dinas Perhubungan" and meta.region == "Kota Sukamaju"
    assert meta.kind == "evaluation" and meta.report_year == 2023


def test_each_decision_keeps_its_evidence_in_words():
    meta = _pages(["LAPORAN KINERJA", "DINAS KESEHATAN", "KOTA CONTOH", "TAHUN 2016"], file_name="lkip-2016.pdf")
    assert set(meta.evidence) == {"agency", "region", "report_year", "kind", "period"}
    assert any("(cover)" in line and "TAHUN 2016" in line for line in meta.evidence["report_year"])
    assert any("(file name)" in line for line in meta.evidence["report_year"])
    assert meta.evidence["region"][0].startswith("rule: ")


def test_documents_view_has_one_row_per_document_also_one_without_rows(tmp_path):
    from test_reliability_support import extract, rows, write_report

    write_report(tmp_path / "in" / "lkip-2023.md", region="KABUPATEN CONTOH", year=2023)
    (tmp_path / "in" / "renstra.md").write_text(
        "# RENCANA STRATEGIS DINAS PERIKANAN KABUPATEN CONTOH TAHUN 2021 - 2026\n\n"
        "Renstra Dinas Perikanan Kabupaten Contoh disusun untuk lima tahun.\n")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 0
    docs = {r[0]: r[1:] for r in rows(db, "SELECT source_file, agency, region, report_year, kind, period, pages, "
                                          "evidence FROM documents")}
    assert set(docs) == {"lkip-2023.md", "renstra.md"}
    assert docs["lkip-2023.md"][:5] == ("Dinas Koperasi dan UKM", "Kabupaten Contoh", 2023, "LKjIP", None)
    assert docs["renstra.md"][:5] == ("Dinas Perikanan", "Kabupaten Contoh", 2021, "Renstra", "2021-2026")
    assert docs["renstra.md"][5] >= 1 and "rule: a Renstra's fiscal year" in docs["renstra.md"][6]
    assert rows(db, "SELECT COUNT(*) FROM performance WHERE source_file = 'renstra.md'")[0][0] == 0


def test_agency_named_by_one_word_and_hospital_named_after_a_doctor():
    assert _pages(["LAPORAN KINERJA", "INSPEKTORAT", "KABUPATEN CONTOH", "TAHUN 2022"]).agency == "Inspektorat"
    assert _pages(["RENCANA KERJA", "BAPPEDA KABUPATEN SLEMAN", "TAHUN 2023"]).agency == "Bappeda"
    meta = _pages(["Laporan Kinerja RSUD dr. Soekardjo Kota Tasikmalaya Tahun 2022"])
    assert meta.agency == "RSUD dr. Soekardjo" and meta.region == "Kota Tasikmalaya"


def test_province_named_without_its_kind_and_region_names_holding_kota():
    meta = _pages(["LAPORAN KINERJA", "DINAS PARIWISATA", "DAERAH ISTIMEWA YOGYAKARTA", "TAHUN 2021"])
    assert meta.agency == "Dinas Pariwisata" and meta.region == "Provinsi Daerah Istimewa Yogyakarta"
    assert _pages(["LAKIP Dinas Kesehatan Provinsi DKI Jakarta Tahun 2021"]).region == "Provinsi DKI Jakarta"
    meta = _pages(["LAPORAN KINERJA", "SATUAN POLISI PAMONG PRAJA", "KABUPATEN LIMA PULUH KOTA", "TAHUN 2022"])
    assert meta.region == "Kabupaten Lima Puluh Kota" and meta.agency == "Satuan Polisi Pamong Praja"


def test_ocr_variants_of_the_agency_name_vote_together_each_word_as_most_spell_it():
    # a scanned report: the cover and each page misread one word or another of the same name
    meta = _pages(["PEMERINTAH KABUPATEN SUKAMAJU", "LAPORAN", "ta", "AKUNTABILITAS KINERJA.", "TAHUN 2022",
                   "BADAN PENGELOLAAN KEUANGAN DAN", "PENDAPATAM ASET DAERAH"],
                  ["Laporan Kinerja Badan Pengelolaan Keuangen dan Pendapatan Aset Daerah Kabupaten Sukamaju",
                   "Tahun 2022 ini disusun oleh Badan Pengelolaan Keuangan dan Pendapatan Asot Daerah."],
                  ["Tugas Badan Pengelolean Keuangan dan Pendapatan Aset Dacrah adalah membantu Bupati."])
    assert meta.agency == "Badan Pengelolaan Keuangan dan Pendapatan Aset Daerah"
    assert meta.kind == "LKjIP" and meta.region == "Kabupaten Sukamaju" and meta.report_year == 2022


def test_file_name_word_shared_with_documents_of_one_region_names_the_region_of_one_that_prints_none():
    from pipeline.metadata.siblings import regions_from_siblings

    named = {"tangsel-2023-dinkes.pdf": "Kota Tangerang Selatan", "tangsel-2023-dishub.pdf": "Kota Tangerang Selatan",
             "jabar-2023-dinkes.pdf": "Provinsi Jawa Barat", "jabar-2023-disbun.pdf": "Provinsi Jawa Barat"}
    found = regions_from_siblings(named, ["tangsel-2023-disnaker.pdf", "lkip-2023-dinkes.pdf", "misc.pdf"])
    assert set(found) == {"tangsel-2023-disnaker.pdf"}  # "2023" and "dinkes" are in documents of two regions
    assert found["tangsel-2023-disnaker.pdf"][0] == "Kota Tangerang Selatan"
    assert "'tangsel'" in found["tangsel-2023-disnaker.pdf"][1]


def test_documents_view_gives_the_region_the_file_names_teach(tmp_path):
    from test_reliability_support import extract, rows, write_report

    for name, capaian in (("sukamaju-2023-diskop.md", "115,00"), ("sukamaju-2023-dinkes.md", "110,00")):
        write_report(tmp_path / "in" / name, region="KOTA SUKAMAJU", year=2023, capaian=capaian)  # two contents
    (tmp_path / "in" / "sukamaju-2023-dishub.md").write_text(
        "# RENCANA KERJA DINAS PERHUBUNGAN TAHUN 2024\n\nRenja Dinas Perhubungan disusun untuk satu tahun.\n")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 0
    docs = {r[0]: r[1:] for r in rows(db, "SELECT source_file, agency, region, report_year, kind, evidence FROM documents")}
    assert docs["sukamaju-2023-dishub.md"][:4] == ("Dinas Perhubungan", "Kota Sukamaju", 2024, "Renja")
    assert "'sukamaju'" in docs["sukamaju-2023-dishub.md"][4]


def test_year_printed_without_tahun_after_the_title_words():
    assert _pages(["LKjIP 2022", "DINAS KESEHATAN", "KOTA CONTOH"]).report_year == 2022
    meta = _pages(["PERJANJIAN KINERJA 2023", "DINAS PERIKANAN", "Sidoarjo, 26 Januari 2023"], ["Nomor 5 Tahun 2019"])
    assert meta.report_year == 2023 and meta.kind == "PK"
    assert _pages(["Laporan Kinerja 2022/2023"]).report_year is None  # a pair of years names no one year


def test_running_head_names_the_document_that_has_no_cover():
    sentence = "Setiap aparatur pemerintah harus dapat mempertanggungjawabkan kepada publik tugas dan wewenangnya."
    meta = _pages(["LKIP BRIDA Provinsi Sulawesi Tengah 2019", "BAB I", "PENDAHULUAN"] + [sentence] * 30,
                  ["LKIP BRIDA Provinsi Sulawesi Tengah 2019"] + [sentence] * 30,
                  ["Badan Riset dan Inovasi Daerah (BRIDA) dibentuk untuk mengembangkan riset daerah."])
    assert meta.kind == "LKjIP" and meta.report_year == 2019 and meta.region == "Provinsi Sulawesi Tengah"
    assert meta.agency == "Badan Riset dan Inovasi Daerah (BRIDA)"
    assert any("(running head)" in line for line in meta.evidence["kind"])


def test_report_of_tables_only_says_its_kind_in_the_table_heading():
    tables = [RawTable(index=0, pages=[1], label=None, caption=None, method="ruled",
                       header=[[Cell("Program", 1), Cell("Realisasi Kinerja Pada Triwulan I - IV Tahun 2023", 1)]],
                       body=[[Cell("DINAS TENAGA KERJA", 1), Cell("1.000", 1)]])]
    meta = read_metadata([], None, ["Realisasi Kinerja Pada Triwulan I - IV Tahun 2023"], None, tables)
    assert meta.kind == "evaluation" and meta.agency == "Dinas Tenaga Kerja" and meta.report_year == 2023


def test_names_printed_in_capitals_keep_known_acronyms_and_title_case_ordinary_words():
    """A cover in capitals: ordinary words that spell like acronyms ("MAS", "API") are title-cased; the
    vocabulary's acronyms, words without a vowel and Roman numerals stay in capitals; a hospital named
    after a doctor is title-cased, the doctor's titles as printed."""
    meta = _pages(["LAPORAN KINERJA", "DINAS PENANAMAN MODAL DAN PTSP", "KOTA LEMBAH MAS", "TAHUN 2023"])
    assert meta.agency == "Dinas Penanaman Modal dan PTSP" and meta.region == "Kota Lembah Mas"
    meta = _pages(["LAPORAN KINERJA", "BADAN KOORDINASI WILAYAH II", "KABUPATEN API MERAH", "TAHUN 2023"])
    assert meta.agency == "Badan Koordinasi Wilayah II" and meta.region == "Kabupaten Api Merah"
    meta = _pages(["LAPORAN KINERJA", "RUMAH SAKIT UMUM DAERAH dr. H. BUDI CONTOH", "KABUPATEN SUKAMAJU", "TAHUN 2023"])
    assert meta.agency == "Rumah Sakit Umum Daerah dr. H. Budi Contoh"
    assert _pages(["LAPORAN KINERJA", "DINAS KESEHATAN", "PROVINSI DKI SUKAMAJU", "TAHUN 2023"]).region == "Provinsi DKI Sukamaju"


def test_region_printed_twice_on_the_cover_is_named_once():
    """A cover printing the region on two lines (under the agency, and again above the year of
    publication): a line that starts with a region's kind starts another mention of it."""
    meta = _pages(["LAPORAN KINERJA", "TAHUN 2023", "SEKRETARIAT DPRD", "KOTA TELAGA JERNIH", "KOTA TELAGA JERNIH", "2024"])
    assert meta.region == "Kota Telaga Jernih"
    assert _pages(["LAPORAN KINERJA DINAS KESEHATAN PROVINSI TELUK", "SUNYI TAHUN 2023",
                   "Dinas Kesehatan Provinsi Teluk Sunyi"]).region == "Provinsi Teluk Sunyi"


def test_performance_report_titled_for_a_regional_government_is_the_whole_governments():
    """An LKjIP whose title names a regional government as its owner, and no agency, is the whole
    government's; a dinas's cover printing the government above its title (its letterhead) is the dinas's."""
    meta = _pages(["LAPORAN KINERJA", "PEMERINTAH KABUPATEN TANAH CONTOH", "TAHUN 2023"],
                  ["Dinas Kesehatan Kabupaten Tanah Contoh mencapai target angka harapan hidup."])
    assert meta.agency == "Pemerintah Daerah" and meta.region == "Kabupaten Tanah Contoh" and meta.kind == "LKjIP"
    assert any("owner" in line for line in meta.evidence["agency"])
    assert _pages(["LKjIP KOTA SUKAMAJU TAHUN 2023"]).agency == "Pemerintah Daerah"
    meta = _pages(["PEMERINTAH KOTA SUKAMAJU", "LAPORAN KINERJA", "DINAS PERHUBUNGAN", "TAHUN 2023"])
    assert meta.agency == "Dinas Perhubungan"
    meta = _pages(["LAPORAN KINERJA", "PEMERINTAH KOTA SUKAMAJU", "TAHUN 2023"], ["LKjIP Dinas Perhubungan 2023"],
                  ["LKjIP Dinas Perhubungan 2023"])
    assert meta.agency == "Dinas Perhubungan"  # its running head names the dinas
    meta = _pages(["RENCANA STRATEGIS", "KABUPATEN TANAH CONTOH", "2021-2026"], ["Dinas Pertanian menyusun Renstra ini."])
    assert meta.agency != "Pemerintah Daerah"  # a Renstra is an agency's plan


def test_central_badan_whose_name_does_not_say_so_is_read_from_what_its_report_prints():
    """A national badan named without 'Nasional', 'RI' or a Kementerian: its pages say it answers to the
    President and spends the APBN; a report naming no region nor anything regional says nothing either way
    (its region stays unknown); a regional agency (a Dinas, one that prints the APBD) is not central, nor is
    one whose vision names the unitary state ("… Kesatuan Republik Indonesia")."""
    meta = _pages(["LAPORAN KINERJA", "BADAN RISET SAGU LESTARI", "TAHUN ANGGARAN 2023"],
                  ["Badan Riset Sagu Lestari merupakan lembaga pemerintah nonkementerian yang bertanggung jawab "
                   "kepada Presiden, dibiayai APBN melalui DIPA Satuan Kerja."])
    assert meta.region == "Pusat" and meta.agency == "Badan Riset Sagu Lestari"
    assert any(line.startswith("rule: central") for line in meta.evidence["central"])
    assert _pages(["LAPORAN KINERJA", "BADAN PENGAWAS MUTU SAGU", "TAHUN 2023"]).region is None
    vision = _pages(["LAPORAN KINERJA", "BADAN PENGAWAS MUTU SAGU", "TAHUN 2023"],
                    ["Visi: mutu sagu yang unggul bagi wilayah Kesatuan Republik Indonesia."])
    assert vision.region is None
    assert _pages(["LAPORAN KINERJA", "DINAS PERHUBUNGAN", "TAHUN 2023"]).region is None
    assert _pages(["LAPORAN KINERJA", "BADAN PENANGGULANGAN BENCANA DAERAH", "TAHUN 2023"]).region is None
    meta = _pages(["LAPORAN KINERJA", "BADAN KESATUAN BANGSA", "TAHUN 2023"],
                  ["Badan Kesatuan Bangsa melaksanakan urusan perangkat daerah dibiayai APBD, dilaporkan kepada Bupati."])
    assert meta.region is None


def test_a_region_on_the_cover_does_not_run_into_the_agency_on_the_next_line():
    """"KABUPATEN TANAH CONTOH" / "INSPEKTORAT": the agency's head word starts the next name."""
    meta = _pages(["LAPORAN KINERJA", "PEMERINTAH KABUPATEN TANAH CONTOH", "INSPEKTORAT", "TAHUN 2023"])
    assert meta.region == "Kabupaten Tanah Contoh"


def test_region_on_the_cover_ends_at_its_line_when_no_line_prints_it_longer():
    """A cover prints its region above the date or the document's kind ("KOTA LEMBAH MAS" / "MARET 2023",
    "KOTA LEMBAH MAS" / "LAKIN"): the next line is not part of the name."""
    for next_line in ("MARET 2023", "LAKIN", "INDIKATOR KINERJA UTAMA", "SENTOSA"):
        meta = _pages(["LAPORAN KINERJA", "DINAS SOSIAL", "KOTA LEMBAH MAS", next_line], FOREWORD)
        assert meta.region == "Kota Lembah Mas", next_line


def test_region_broken_over_a_line_is_whole_where_another_line_prints_it_whole():
    meta = _pages(["LAPORAN KINERJA", "DINAS SOSIAL PROVINSI TANAH", "RAYA", "TAHUN 2022"],
                  ["Dinas Sosial Provinsi Tanah Raya menyusun laporan ini."])
    assert meta.region == "Provinsi Tanah Raya"


def test_region_name_ends_at_a_comma():
    meta = _pages(["Kota Lembah Mas, Maret 2023"], FOREWORD, file_name="laporan.pdf")
    assert meta.region == "Kota Lembah Mas"


def test_region_a_chapter_cites_page_after_page_does_not_outweigh_the_cover():
    """A city agency's Bab I cites its province's plans many times: each page supports a name once."""
    cited = ["Rencana Provinsi Tanah Raya dan Provinsi Tanah Raya serta Provinsi Tanah Raya menjadi acuan."] * 3
    meta = _pages(["LAPORAN KINERJA", "DINAS KOPERASI", "KOTA LEMBAH MAS", "TAHUN 2021"], FOREWORD, cited, cited, cited)
    assert meta.region == "Kota Lembah Mas"


def test_cover_year_far_below_the_title_words_is_the_titled_year():
    """'LAPORAN KINERJA' / a long agency name / the region / 'TAHUN 2022': the cover is the title, whatever
    stands between its title words and its year; a sentence's 'realisasi tahun 2018' is no title."""
    body = ["Dibandingkan dengan realisasi tahun 2018 dan realisasi tahun 2018, capaian naik."] * 2
    meta = _pages(["LAPORAN KINERJA", "DINAS PEMBERDAYAAN MASYARAKAT, DESA, KEPENDUDUKAN",
                   "DAN PENCATATAN SIPIL", "KABUPATEN SUKAMAJU", "TAHUN 2022"], body, body)
    assert meta.report_year == 2022


def test_title_words_do_not_reach_past_a_blanked_period():
    """'Renstra Tahun 2021-2026. Pada tahun 2018 …': 'Renstra' titles the period, not the next sentence's year."""
    page = ["Sesuai Renstra Tahun 2021-2026. Pada tahun 2018 dan tahun 2018 kondisi awal dicatat.",
            "Laporan ini menyajikan kinerja tahun 2022."]
    meta = _pages(["LAPORAN KINERJA", "DINAS SOSIAL KOTA LEMBAH MAS", "TAHUN 2022"], page, page)
    assert meta.report_year == 2022


def test_year_alone_on_a_cover_line_votes_for_the_year():
    meta = _pages(["LAPORAN KINERJA", "DINAS TENAGA KERJA", "KABUPATEN SUKAMAJU", "2022"],
                  ["Capaian dibandingkan dengan tahun 2021, dan rencana tahun 2023."])
    assert meta.report_year == 2022


def test_plan_period_on_the_cover_outweighs_the_previous_plan_a_chapter_evaluates():
    chapter = ["Evaluasi Renstra 2014-2018 menunjukkan capaian Renstra 2014-2018 yang baik."]
    meta = _pages(["RENCANA STRATEGIS", "DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN", "KABUPATEN SUKAMAJU",
                   "TAHUN 2019 -", "2023"], FOREWORD, chapter, chapter)
    assert meta.period == "2019-2023" and meta.report_year == 2019



def test_agency_whose_name_is_the_states_is_central_without_other_words():
    meta = _pages(["LAPORAN KINERJA", "BADAN SANDI DAN SIBER NEGARA", "TAHUN 2021"], FOREWORD)
    assert meta.region == "Pusat"
    meta = _pages(["LAPORAN KINERJA", "LEMBAGA PENGADAAN CONTOH", "TAHUN 2019"], FOREWORD)
    assert meta.region == "Pusat"


def test_year_printed_as_a_form_field_of_a_web_print():
    """A web application's print heads its table with fields: 'Perangkat Daerah : Dinas … | Tahun : 2023'."""
    meta = _pages(["Perangkat Daerah : Dinas Perhubungan Kabupaten Sukamaju", "Tahun : 2023"], file_name="cetak.pdf")
    assert meta.report_year == 2023 and meta.region == "Kabupaten Sukamaju"


def test_running_foot_in_the_page_margin_names_a_report_without_a_cover():
    """A chapter printed alone: its agency, region and year stand only in the running foot in the page's margin."""
    foot = [TextLine(1, "LKjIP Dinas Perpustakaan Kota Lembah Mas Tahun 2023 III-4")]
    meta = read_metadata([TextLine(1, "BAB III"), TextLine(1, "AKUNTABILITAS KINERJA")], None, None, "bab3.pdf",
                         None, foot)
    assert (meta.agency, meta.region, meta.report_year) == ("Dinas Perpustakaan", "Kota Lembah Mas", 2023)


def test_margin_lines_of_a_pdf_reach_the_metadata(tmp_path):
    """The extractor leaves running heads out of the narrative but keeps the first pages' for the metadata."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from pipeline.extract import SourceFile, extract_report
    pdf = tmp_path / "bab.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    for page in (1, 2):
        c.setFont("Helvetica", 8)
        c.drawString(72, A4[1] - 30, "Laporan Kinerja Dinas Sosial Kabupaten Sukamaju Tahun 2022")
        c.setFont("Helvetica", 11)
        c.drawString(72, A4[1] - 120, f"BAB {page} Uraian capaian kinerja organisasi selama setahun.")
        c.showPage()
    c.save()
    report, _ = extract_report(SourceFile(str(pdf), "bab.pdf", "0" * 64, pdf.stat().st_size, "pdf"))
    assert report.margin_lines and report.meta.region == "Kabupaten Sukamaju" and report.meta.report_year == 2022


def test_plan_a_cover_line_refers_to_does_not_make_the_report_that_plan():
    """'LAPORAN KINERJA' titles the cover; 'Tahun Ketiga RPJMD 2021-2026' below it names the plan it follows."""
    meta = _pages(["LAPORAN KINERJA", "BADAN PENANGGULANGAN BENCANA DAERAH",
                   "KABUPATEN SUKAMAJU", "TAHUN 2023", "Tahun Ketiga RPJMD 2021-2026"], FOREWORD)
    assert (meta.kind, meta.report_year, meta.period, meta.agency) == (
        "LKjIP", 2023, None, "Badan Penanggulangan Bencana Daerah")


def test_financial_statements_of_an_agency_are_the_agencys():
    meta = _pages(["CATATAN ATAS LAPORAN KEUANGAN", "DINAS PERHUBUNGAN", "KABUPATEN SUKAMAJU",
                   "UNTUK TAHUN YANG BERAKHIR 31 DESEMBER 2023"], FOREWORD)
    assert (meta.kind, meta.agency, meta.report_year) == ("financial-notes", "Dinas Perhubungan", 2023)
    whole = _pages(["CATATAN ATAS LAPORAN KEUANGAN", "PEMERINTAH KABUPATEN SUKAMAJU",
                    "UNTUK TAHUN YANG BERAKHIR 31 DESEMBER 2023"], FOREWORD)
    assert whole.agency == "Pemerintah Daerah"




def test_a_region_kind_ending_an_agency_name_does_not_hide_the_region_on_the_next_line():
    meta = _pages(["LAPORAN KINERJA", "DINAS CIPTA KARYA DAN TATA KOTA", "KABUPATEN SUKAMAJU", "TAHUN 2023"], FOREWORD)
    assert meta.region == "Kabupaten Sukamaju"


def test_financial_statements_year_is_the_end_of_the_period_they_cover():
    meta = _pages(["LAPORAN REALISASI ANGGARAN", "SATUAN POLISI PAMONG PRAJA KOTA LEMBAH MAS",
                   "Untuk periode yang berakhir pada tanggal 31 Desember 2023"], FOREWORD, file_name="lra.pdf")
    assert meta.report_year == 2023


def test_budget_documents_spelled_out_are_budget_plans():
    """A DPA's name spelled out and broken over the cover's lines as a long title is; an RKA's on one line."""
    for title in (["DOKUMEN PELAKSANAAN", "ANGGARAN SATUAN KERJA"], ["RENCANA KERJA DAN ANGGARAN SATUAN KERJA"]):
        meta = _pages([*title, "DINAS SOSIAL KABUPATEN SUKAMAJU", "TAHUN ANGGARAN 2024"], FOREWORD, file_name="upload_3.pdf")
        assert meta.kind == "budget-plan", title


def test_a_report_opening_on_its_executive_summary_is_an_lkjip():
    page = ["IKHTISAR EKSEKUTIF", "Dinas Pertanian Kabupaten Sukamaju menyajikan capaian kinerja tahun 2022 berikut."]
    meta = _pages(page + ["Capaian indikator kinerja utama tahun 2022 baik."] * 30, file_name="upload_7.pdf")
    assert meta.kind == "LKjIP" and meta.report_year == 2022


def test_an_editions_year_is_not_the_fiscal_year():
    meta = _pages(["LAPORAN KINERJA TAHUN 2022", "DINAS PEKERJAAN UMUM KOTA LEMBAH MAS", "EDISI TAHUN 2023"], FOREWORD,
                  file_name="Laporan Kinerja Edisi 2023.pdf")
    assert meta.report_year == 2022


def test_tables_printing_years_bare_give_the_year_when_no_text_names_one():
    meta = _meta([], ["Anggaran 2022", "Realisasi 2022", "Realisasi 2021", "Uraian"])
    assert meta.report_year == 2022


def test_a_regulation_cited_by_its_short_name_casts_no_vote():
    meta = _meta([], ["Sumber: PermenPANRB 14 Tahun 2017", "Dasar: Perpres 18 Tahun 2020", "Target 2023"])
    assert meta.report_year != 2017 and meta.report_year != 2020


def test_an_iku_set_for_a_period_takes_its_first_year():
    meta = _pages(["INDIKATOR KINERJA UTAMA", "DINAS KEPENDUDUKAN KABUPATEN SUKAMAJU", "TAHUN 2023-2027"],
                  ["Sasaran strategis dan indikator kinerja utama ditetapkan sebagai berikut."], file_name="upload_9.pdf")
    assert meta.kind == "IKU" and meta.report_year == 2023


def test_a_tables_caption_on_a_one_page_report_is_no_title():
    meta = _pages(["LAPORAN KINERJA DINAS KESEHATAN KOTA LEMBAH MAS TAHUN 2024",
                   "Tabel 3.1 Capaian Kinerja Tahun 2023 dan 2024", "No Indikator Target Realisasi"], file_name="a.pdf")
    assert meta.report_year == 2024


def test_evaluation_of_the_renjas_implementation_is_an_evaluation():
    meta = _pages(["EVALUASI HASIL PELAKSANAAN RENJA", "DINAS SOSIAL KABUPATEN SUKAMAJU", "TAHUN 2024"], FOREWORD,
                  file_name="upload_2.pdf")
    assert meta.kind == "evaluation"


@pytest.mark.parametrize("cover, agency", [
    (["Laporan Kinerja", "Dinas Pemberdayaan Perempuan, Perlindungan Anak", "dan Keluarga Berencana",
      "Kota Lembah Mas", "Tahun 2023"], "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana"),
    (["LAPORAN KINERJA", "DINAS KEBUDAYAAN", "& PARIWISATA", "KABUPATEN SUKAMAJU", "TAHUN 2022"],
     "Dinas Kebudayaan & Pariwisata"),  # a name goes on over a line starting with a joining word
    (["LAPORAN KINERJA", "KELURAHAN SUKAMAJU", "KECAMATAN CONTOH", "KOTA LEMBAH MAS", "TAHUN 2022"], "Kelurahan Sukamaju"),
    (["LAPORAN KINERJA", "SUKU DINAS PERHUBUNGAN", "KOTA ADMINISTRASI LEMBAH TIMUR", "TAHUN 2022"],
     "Suku Dinas Perhubungan"),  # a village office, a city office of a Jakarta Dinas
    (["LAPORAN KINERJA", "KANTOR WILAYAH KEMENTERIAN AGAMA PROVINSI TANAH RAYA", "TAHUN 2023"],
     "Kantor Wilayah Kementerian Agama"),  # a unit named by generic words keeps its ministry
    (["LAPORAN KINERJA", "BIRO UMUM SEKRETARIAT DAERAH PROVINSI TANAH RAYA", "TAHUN 2023"], "Biro Umum"),
])
def test_agency_named_on_a_cover(cover, agency):
    assert _pages(cover, FOREWORD).agency == agency


def test_region_ends_before_an_officials_title_on_a_signature_line():
    signed = ["BUPATI SUKAMAJU DIREKTUR RSUD CONTOH"]
    meta = _pages(["PERJANJIAN KINERJA TAHUN 2020", "RSUD CONTOH"], signed, signed, signed, file_name="upload_1.pdf")
    assert meta.region == "Kabupaten Sukamaju"


SIGNED_FOREWORD = ["KATA PENGANTAR", "Laporan ini memuat capaian kinerja dinas selama tahun {fy} terhadap perjanjian kinerja.",
                   "Lembah Mas, 14 Februari {signed}", "Kepala Dinas", "Ir. CONTOH NAMA, M.T."]


@pytest.mark.parametrize("cover_year", ["TAHUN 2024", "2024"])
def test_a_report_on_a_year_gone_by_signed_early_in_a_year_is_on_the_year_before(cover_year):
    # the cover prints the year the report was published in; the foreword is signed in February of it
    foreword = [line.format(fy=2023, signed=2024) for line in SIGNED_FOREWORD]
    meta = _pages(["LAPORAN KINERJA", "DINAS CONTOH KOTA LEMBAH MAS", cover_year], foreword, file_name="upload_3.pdf")
    assert meta.kind == "LKjIP" and meta.report_year == 2023
    assert any("signed" in line for line in meta.evidence["report_year"])


def test_a_signature_bounds_no_plan_and_no_report_signed_late_in_its_year():
    signed_january = [line.format(fy=2024, signed=2024).replace("Februari", "Januari") for line in SIGNED_FOREWORD]
    pk = _pages(["PERJANJIAN KINERJA", "DINAS CONTOH KOTA LEMBAH MAS", "TAHUN 2024"], signed_january, file_name="upload_4.pdf")
    assert pk.report_year == 2024
    signed_october = [line.format(fy=2024, signed=2024).replace("Februari", "Oktober") for line in SIGNED_FOREWORD]
    lkjip = _pages(["LAPORAN KINERJA", "DINAS CONTOH KOTA LEMBAH MAS", "TAHUN 2024"], signed_october, file_name="upload_5.pdf")
    assert lkjip.report_year == 2024


def test_the_signature_of_the_agreement_an_lkjip_shows_bounds_not_its_year():
    # a short LKjIP whose second page shows the year's signed Perjanjian Kinerja (signed in January of that year),
    # with no signed foreword: the agreement's date says nothing of when the report was made
    agreement = ["Target tahun 2019 disusun dari realisasi tahun 2018.",
                 "Tabel 2.1 Perjanjian Kinerja Tahun 2019",
                 "PERJANJIAN KINERJA TAHUN 2019", "DINAS CONTOH KOTA LEMBAH MAS", "Lembah Mas, 2 Januari 2019",
                 "Kepala Dinas", "Ir. CONTOH NAMA, M.T."]
    meta = _pages(["LAPORAN KINERJA", "DINAS CONTOH KOTA LEMBAH MAS", "TAHUN 2019"], agreement, file_name="upload_6.pdf")
    assert meta.kind == "LKjIP" and meta.report_year == 2019


def test_a_letterhead_in_the_first_pages_top_margin_names_the_region():
    """A form or a spreadsheet printed from an application: the government's letterhead stands in the top band the
    reader keeps for running heads, printed on the first page only."""
    lines = [TextLine(1, "RENCANA AKSI PERJANJIAN KINERJA"), TextLine(1, "SKPD : Dinas Sumur Contoh"),
             TextLine(1, "Tahun : 2024")]
    margins = [TextLine(1, "RENAKSI 2024"), TextLine(1, "PEMERINTAH KABUPATEN SUKAMAJU"), TextLine(1, "Page 1")]
    assert read_metadata(lines, None, None, "upload_7.pdf", None, margins).region == "Kabupaten Sukamaju"
    sheet = [TextLine(1, "CAPAIAN KINERJA DINAS SUMUR CONTOH PEMERINTAH KOTA LEMBAH MAS")]
    meta = read_metadata([TextLine(1, "TAHUN 2024")], None, None, "upload_8.pdf", None, sheet)
    assert (meta.agency, meta.region) == ("Dinas Sumur Contoh", "Kota Lembah Mas")


def test_a_budget_form_of_the_whole_region_is_the_regional_governments():
    """A region's recap printed from its budget application: "Pemerintah Daerah : Kabupaten …" names the owner, the
    agencies are its rows; a form naming an SKPD is that agency's."""
    def table(cells: list[list[str]]) -> RawTable:
        return RawTable(0, [1], None, None, [], [[Cell(t, 1) for t in row] for row in cells], "whitespace")
    form = table([["Pemerintah Daerah", ":", "Kabupaten Sukamaju"], ["Tahun Anggaran", ":", "2030"]])
    recap = table([["No", "Kode SKPD", "Nama SKPD", "Pagu"], ["1", "1.01", "DINAS SUMUR CONTOH", "300.000.000"],
                   ["2", "1.02", "DINAS TAMAN CONTOH", "200.000.000"]])
    lines = [TextLine(1, "REKAPITULASI REALISASI ANGGARAN BELANJA PER SKPD")]
    meta = read_metadata(lines, None, None, "upload_9.pdf", [form, recap])
    assert meta.kind == "budget-realisation" and meta.agency == "Pemerintah Daerah"
    own = table([["SKPD", ":", "Dinas Sumur Contoh"], ["Pemerintah Daerah", ":", "Kabupaten Sukamaju"]])
    assert read_metadata(lines, None, None, "upload_9.pdf", [own, recap]).agency != "Pemerintah Daerah"


def _cover_and_foreword(cover: list[str], foreword: str):
    return read_metadata([TextLine(1, t) for t in cover] + [TextLine(2, "KATA PENGANTAR"), TextLine(2, foreword)])


def test_a_region_abbreviated_kab_or_prov_with_its_period_is_the_region():
    """Covers and running heads print "KAB. CONTOH" and "Prov. Contoh": the period ends the kind's word."""
    meta = _cover_and_foreword(["LAPORAN KINERJA", "DINAS CONTOH", "KAB. SUKAMAJU", "TAHUN 2029"],
                               "Laporan ini disusun oleh Dinas Contoh Kab. Sukamaju sebagai wujud pertanggungjawaban.")
    assert meta.region == "Kabupaten Sukamaju"
    assert _cover_and_foreword(["LAPORAN KINERJA", "BADAN CONTOH", "Prov. Sukamaju", "TAHUN 2029"],
                               "Laporan ini disusun oleh Badan Contoh.").region == "Provinsi Sukamaju"


def test_a_province_printed_by_its_short_name_is_recorded_by_its_full_name():
    """"Prov. Jateng", "Provinsi NTT": a province's usual contraction stands for its full name."""
    meta = _cover_and_foreword(["LAPORAN KINERJA", "BADAN CONTOH", "PROV. JATENG", "TAHUN 2029"],
                               "Laporan ini disusun oleh Badan Contoh Provinsi Jawa Tengah sebagai wujud pertanggungjawaban.")
    assert meta.region == "Provinsi Jawa Tengah"
    assert _cover_and_foreword(["LAPORAN KINERJA", "BADAN CONTOH PROVINSI NTT", "TAHUN 2029"],
                               "Laporan ini disusun oleh Badan Contoh.").region == "Provinsi Nusa Tenggara Timur"


def test_a_one_word_contraction_on_the_cover_is_the_full_name_the_foreword_prints():
    """A one-word contraction on the cover ("BAPPEDA KOTA CONTOH"), a full name it contracts in the foreword (each
    piece the start of a word, or three letters inside one; the name invented: BA-dan P-engkajian PE-mberdayaan
    DA-erah): one agency, shown by its full name; a contraction no printed name spells stays as printed."""
    full = "Badan Pengkajian Pemberdayaan Daerah"
    meta = _cover_and_foreword(["LAPORAN KINERJA", "BAPPEDA KOTA SUKAMAJU", "TAHUN 2029"],
                               f"{full} Kota Sukamaju menyusun laporan ini.")
    assert meta.agency == full
    alone = _cover_and_foreword(["LAPORAN KINERJA", "BAPPEDA KOTA SUKAMAJU", "TAHUN 2029"], "Laporan ini disusun.")
    assert alone.agency == "Bappeda"


def test_an_agency_printed_only_by_its_contraction_is_named_by_the_name_it_stands_for():
    """"LKjIP DISDUKCAPIL KAB. SUKAMAJU", the foreword saying "Disdukcapil" too: the nomenclature's name; a region that
    names the agency longer, printing that name, keeps its own."""
    meta = _cover_and_foreword(["LKjIP", "DISDUKCAPIL KAB. SUKAMAJU", "TAHUN 2029"],
                               "Laporan ini disusun oleh Disdukcapil Kabupaten Sukamaju.")
    assert meta.agency == "Dinas Kependudukan dan Pencatatan Sipil"
    longer = _cover_and_foreword(["LAPORAN KINERJA", "DINKES KAB. SUKAMAJU", "TAHUN 2029"],
                                 "Dinas Kesehatan dan Contoh Lain Kabupaten Sukamaju menyusun laporan ini.")
    assert longer.agency == "Dinas Kesehatan dan Contoh Lain"


def test_kep_in_a_regions_name_is_kepulauan():
    meta = _cover_and_foreword(["LAPORAN KINERJA", "DINAS CONTOH", "KAB. KEP. SUKAMAJU", "TAHUN 2029"],
                               "Laporan ini disusun oleh Dinas Contoh Kab. Kep. Sukamaju.")
    assert meta.region == "Kabupaten Kepulauan Sukamaju"


def test_a_document_only_a_regional_government_makes_is_the_whole_governments():
    """RKPD, LKPJ, LPPD: the government's plan and accounts for a year, never one agency's."""
    for title in ("RKPD", "LKPJ BUPATI", "LPPD"):  # the documents as their covers abbreviate them
        meta = _cover_and_foreword([title, "KABUPATEN SUKAMAJU", "TAHUN 2029"], "Dokumen ini disusun oleh Bupati.")
        assert meta.agency == "Pemerintah Daerah" and meta.region == "Kabupaten Sukamaju", title
