"""The cross-agency indicator catalogue (`normalizers.catalogue`): abbreviations decided from evidence,
recurring concepts meeting across agencies, and names that differ in what they measure kept apart.
Every agency and name here is invented."""
from __future__ import annotations

from normalizers.catalogue import PrintedName, build, read_name
from normalizers.concepts import CONCEPTS

# the satisfaction index as the vocabulary names it (its label, the canonical name the views show)
SATISFACTION = next(c for c in CONCEPTS if c.key == "satisfaction_index")

INDUSTRY_AGENCY = "Dinas Koperasi, Perindustrian dan Tenaga Kerja Kabupaten Contoh"
HEALTH_AGENCY = "Dinas Kesehatan"
PLANNING_AGENCY = "Badan Perencanaan Kabupaten Contoh"


def canonicals(names: list[PrintedName], **kw) -> dict[tuple[str, str], str]:
    return {(r.report, r.variant): r.canonical for r in build(names, **kw)}


def evidence(names: list[PrintedName], **kw) -> dict[tuple[str, str], str]:
    return {(r.report, r.variant): r.evidence for r in build(names, **kw)}


def meet(names: list[PrintedName], **kw) -> bool:
    return len(set(canonicals(names, **kw).values())) == 1


def apart(names: list[PrintedName], **kw) -> bool:
    return len(set(canonicals(names, **kw).values())) == len(names)


def across(*texts: str) -> list[PrintedName]:
    """One name per invented agency (report r0, r1, …)."""
    return [PrintedName(text, f"r{i}", f"Dinas Contoh {chr(65 + i)}") for i, text in enumerate(texts)]


# --- abbreviations decided from evidence -------------------------------------------------------------

def test_abbreviation_decided_by_agency():
    """'Capaian IKM' says nothing itself: an industry agency's IKM is small industry, any other agency's
    the public-satisfaction index; the evidence names the agency."""
    industry = read_name("Capaian IKM", INDUSTRY_AGENCY)
    health = read_name("Capaian IKM", HEALTH_AGENCY)
    assert "industri" in industry.words and "kepuasan" not in industry.words
    assert "kepuasan" in health.words
    assert "agency" in industry.decisions[0] and INDUSTRY_AGENCY in industry.decisions[0]
    rows = canonicals([PrintedName("Capaian IKM", "a", INDUSTRY_AGENCY), PrintedName("Capaian IKM", "b", HEALTH_AGENCY)])
    assert rows[("a", "Capaian IKM")] != rows[("b", "Capaian IKM")]  # one printed name, two indicators


def test_abbreviation_decided_by_surrounding_words():
    """Words of the same name outweigh the agency: 'Nilai IKM' is a satisfaction score even at an industry
    agency; 'Jumlah sentra IKM' counts small-industry centres at any agency."""
    score = read_name("Nilai IKM", INDUSTRY_AGENCY)
    centres = read_name("Jumlah sentra IKM", HEALTH_AGENCY)
    assert "kepuasan" in score.words and "words in the name" in score.decisions[0]
    assert "industri" in centres.words and "sentra" in centres.decisions[0]


def test_abbreviation_decided_by_expansion_printed_in_the_report():
    """A report that spells the abbreviation out elsewhere ('… industri kecil dan menengah (IKM)') reads it
    that way, whatever its agency; the evidence quotes the spelled-out form."""
    names = [PrintedName("Capaian IKM", "plan", PLANNING_AGENCY), PrintedName("Capaian IKM", "other", PLANNING_AGENCY)]
    texts = {"plan": ["Pembinaan usaha industri kecil dan menengah (IKM) di tiap kecamatan"],
             "other": ["Survei tahunan atas indeks kepuasan masyarakat (IKM) di loket pelayanan"]}
    found = evidence(names, report_texts=texts)
    assert "industri kecil dan menengah" in found[("plan", "Capaian IKM")]
    assert "spells it out" in found[("plan", "Capaian IKM")]
    assert "indeks kepuasan masyarakat" in found[("other", "Capaian IKM")]
    rows = canonicals(names, report_texts=texts)
    assert rows[("plan", "Capaian IKM")] != rows[("other", "Capaian IKM")]


def test_abbreviation_after_its_own_words_is_not_counted_twice():
    assert read_name("Indeks kepuasan wajib pajak (IKWP)").words == read_name("Indeks kepuasan wajib pajak").words


# --- recurring concepts meet across agencies ---------------------------------------------------------

def test_abbreviation_of_word_roots_after_its_own_words_is_dropped():
    """An abbreviation may take the initial of a word's root, past a prefix pember- / ber- ('Desa
    Berketahanan Pangan (DKP)': root ketahanan): after its own words it adds nothing. Letters that are
    not the words' initials nor their roots' name something else and stay."""
    assert meet(across("Persentase Desa Berketahanan Pangan (DKP)", "Persentase desa berketahanan pangan"))
    assert meet(across("Indeks Pemberdayaan Petani Pesisir (IDPP)", "Indeks pemberdayaan petani pesisir"))
    assert apart(across("Jumlah dokumen perencanaan (DPA)", "Jumlah dokumen perencanaan"))


def test_abbreviation_spelled_out_in_another_name_is_read_so():
    """An abbreviation one name spells out ('Indeks Tata Kelola Arsip Digital (ITKAD)') is read as those words
    where another report prints it bare ('Indeks ITKAD'); one spelled out two ways is left as printed."""
    assert meet(across("Indeks Tata Kelola Arsip Digital (ITKAD)", "Indeks ITKAD"))
    rows = evidence(across("Indeks Tata Kelola Arsip Digital (ITKAD)", "Indeks ITKAD"))
    assert "spelled out so in another name" in rows[("r1", "Indeks ITKAD")]
    two_ways = across("Nilai Kinerja Lumbung Desa (KLD)", "Jumlah Kelompok Lahan Desa (KLD)", "Nilai KLD")
    assert apart(two_ways)


def test_satisfaction_index_meets_across_agencies():
    assert meet(across("Skor kepuasan masyarakat atas pelayanan (IKM)", "Nilai Survei Kepuasan Masyarakat (SKM)", "IKM Pelayanan",
                       "Nilai IKM OPD", "Rata-rata skor survey Indeks Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat"))
    assert apart(across("Indeks Kepuasan Masyarakat", "Indeks Kepuasan Pegawai", "Persentase masyarakat yang puas",
                        "Survei Kepuasan Masyarakat pada Layanan Perizinan Khusus"))


def test_akip_score_and_grade_meet_across_agencies():
    assert meet(across("Nilai SAKIP", "Nilai AKIP", "Hasil Evaluasi AKIP", "Skor Hasil Evaluasi Implementasi SAKIP",
                       "Nilai SAKIP OPD"))
    assert meet(across("Predikat SAKIP", "Predikat AKIP"))
    assert apart(across("Nilai SAKIP", "Predikat SAKIP", "Nilai komponen pengukuran kinerja dalam AKIP"))


def test_akip_score_of_the_evaluation_report_meets_and_the_report_itself_does_not():
    """'Nilai LHE AKIP' (the score of the evaluation report) and 'Nilai Evaluasi Akuntabilitas Kinerja' (without
    'instansi pemerintah') are the AKIP score; the accountability report itself is a document."""
    assert meet(across("Nilai SAKIP", "Nilai LHE AKIP", "Nilai Evaluasi Akuntabilitas Kinerja"))
    assert meet(across("Predikat SAKIP", "Predikat LHE AKIP"))
    assert apart(across("Nilai SAKIP", "Laporan tahunan akuntabilitas kinerja dinas", "Persentase dokumen akuntabilitas kinerja"))


def test_satisfaction_of_customers_is_the_satisfaction_index():
    assert meet(across("Indeks Kepuasan Masyarakat", "Indeks Kepuasan Pelanggan"))


def test_akip_score_allows_the_agency_own_name():
    names = [PrintedName("Nilai SAKIP Badan Contoh Raya", "a", "Badan Contoh Raya"),
             PrintedName("Nilai SAKIP BCR", "b", "Badan Contoh Raya"), PrintedName("Nilai AKIP", "c", "Dinas Lain")]
    assert meet(names)


def test_bpk_opinion_meets_across_agencies():
    assert meet(across("Opini BPK", "Opini BPK atas Laporan Keuangan", "Opini WTP", "Opini Badan Pemeriksa Keuangan"))
    assert apart(across("Opini BPK", "Jumlah temuan BPK", "Persentase tindak lanjut rekomendasi BPK"))


def test_pdrb_growth_meets_per_sector():
    assert meet(across("Laju pertumbuhan PDRB sektor pertanian", "Pertumbuhan PDRB Sub Sektor Pertanian (%)",
                       "Laju Pertumbuhan Produk Domestik Regional Bruto subsektor pertanian"))


def test_pdrb_sectors_kept_apart():
    assert apart(across("Laju pertumbuhan PDRB sektor pertanian", "Laju pertumbuhan PDRB sektor perdagangan",
                        "Laju pertumbuhan PDRB", "Kontribusi sektor pertanian terhadap PDRB"))


def test_pdrb_sector_named_like_the_agency_keeps_the_sector():
    """A Dinas Pertanian's 'sektor pertanian' is still a sector, not the agency's name."""
    names = [PrintedName("Laju pertumbuhan PDRB sektor pertanian", "a", "Dinas Pertanian"),
             PrintedName("Laju pertumbuhan PDRB", "b", "Dinas Pertanian")]
    assert apart(names)


def test_two_names_glued_into_one_are_not_a_sector():
    glued = read_name("Laju pertumbuhan PDRB sektor pertanian Persentase peningkatan pendapatan petani")
    assert glued.concept is None


def test_budget_absorption_meets_across_agencies():
    assert meet(across("Persentase penyerapan anggaran", "Persentase realisasi anggaran OPD", "Tingkat serapan anggaran",
                       "Persentase realisasi anggaran dinas", "Daya serap anggaran"))
    assert apart(across("Persentase penyerapan anggaran", "Realisasi anggaran", "Persentase realisasi fisik",
                        "Membuat laporan realisasi anggaran"))


def test_spip_maturity_meets_across_agencies():
    assert meet(across("Level maturitas SPIP", "Maturitas Sistem Pengendalian Intern Pemerintah", "Nilai SPIP",
                       "Tingkat Maturitas Penyelenggaraan SPIP"))
    assert apart(across("Level maturitas SPIP", "Nilai SPI"))


def test_apip_capability_meets_across_agencies():
    assert meet(across("Level kapabilitas APIP", "Kapabilitas APIP", "Level IACM",
                       "Tingkat Kapabilitas Aparat Pengawasan Intern Pemerintah"))


def test_macro_indicators_meet_whatever_their_word_of_measure():
    """The macro indicators of the regional plans meet, printed whole, as their abbreviation or with a word of
    measure ('Nilai IPM', 'Angka …', 'Rasio kematian …', '… per 100.000 Kelahiran Hidup')."""
    assert meet(across("Indeks Pembangunan Manusia", "IPM", "Nilai IPM", "Angka Indeks Pembangunan Manusia (IPM)"))
    assert meet(across("TPT", "TPT (%)", "Angka pengangguran terbuka", "Persentase pengangguran terbuka"))
    assert meet(across("Persentase Penduduk Miskin", "Angka Kemiskinan", "Tingkat Kemiskinan"))
    assert meet(across("Angka Kematian Ibu", "AKI", "Rasio Kematian Ibu", "Angka Kematian Ibu per 100.000 Kelahiran Hidup"))
    assert meet(across("Angka Kematian Bayi", "AKB (per 1.000 KH)", "Ratio kematian bayi"))
    assert meet(across("Laju Pertumbuhan Ekonomi", "Pertumbuhan Ekonomi", "LPE (%)"))
    assert meet(across("Rata-rata Lama Sekolah", "RLS"))
    assert meet(across("Harapan Lama Sekolah", "HLS (tahun)"))
    assert meet(across("Angka Harapan Hidup", "AHH", "Usia Harapan Hidup"))
    assert meet(across("Nilai Tukar Petani", "NTP"))
    assert meet(across("Rasio Gini", "Indeks Gini", "Gini Ratio"))
    assert meet(across("Indeks SPBE", "Level Kematangan SPBE", "Nilai SPBE"))
    assert meet(across("Indeks Merit", "Indeks Sistem Merit"))
    assert meet(across("Indeks Desa Membangun", "IDM", "Rata-rata Indeks Desa Membangun"))


def test_macro_indicators_kept_apart_from_other_measures_of_their_subject():
    """A count, a part of the population, a group or a subsector is another quantity than the macro indicator."""
    assert apart(across("Persentase Penduduk Miskin", "Jumlah penduduk miskin", "Persentase penduduk miskin ekstrem",
                        "Indeks Kedalaman Kemiskinan"))
    assert apart(across("Angka Kematian Ibu", "Jumlah kematian ibu", "Angka Kematian Bayi", "Angka kematian balita"))
    assert apart(across("Indeks Pembangunan Manusia", "Indeks Pembangunan Gender", "Indeks Pemberdayaan Gender"))
    assert apart(across("Nilai Tukar Petani", "Nilai Tukar Petani Hortikultura", "Nilai Tukar Nelayan"))
    assert apart(across("Rata-rata Lama Sekolah", "Harapan Lama Sekolah", "Angka Harapan Hidup"))
    assert apart(across("Laju Pertumbuhan Ekonomi", "Laju pertumbuhan ekonomi sektor pertanian",
                        "Laju pertumbuhan PDRB atas dasar harga berlaku"))
    assert apart(across("TPT", "Jumlah pengangguran terbuka"))


def test_concept_allows_the_name_of_its_own_region():
    """'IPM Kabupaten Contoh', '… di Contoh Raya': the region the agency belongs to names where the macro
    indicator is measured, not another quantity; another region's name is not allowed."""
    names = [PrintedName("IPM Kabupaten Contoh", "a", "Badan Perencanaan", region="Kabupaten Contoh"),
             PrintedName("Indeks Pembangunan Manusia Kab. Contoh", "b", "Dinas Sosial", region="Kabupaten Contoh"),
             PrintedName("Indeks Demokrasi Indonesia di Contoh Raya", "c", "Badan Kesatuan", region="Provinsi Contoh Raya"),
             PrintedName("Indeks Demokrasi Indonesia (IDI)", "d", "Dinas Lain", region="Provinsi Lain")]
    rows = canonicals(names)
    assert rows[("a", "IPM Kabupaten Contoh")] == rows[("b", "Indeks Pembangunan Manusia Kab. Contoh")]
    assert rows[("c", "Indeks Demokrasi Indonesia di Contoh Raya")] == rows[("d", "Indeks Demokrasi Indonesia (IDI)")]
    assert apart([PrintedName("IPM Kabupaten Seberang", "a", "Badan Perencanaan", region="Kabupaten Contoh"),
                  PrintedName("IPM", "b", "Dinas Sosial", region="Kabupaten Contoh")])


def test_concept_evidence_is_readable():
    [row] = build([PrintedName("Nilai IKM OPD", "a", HEALTH_AGENCY)])
    assert row.canonical == SATISFACTION.label
    assert "IKM read as indeks kepuasan masyarakat" in row.evidence and "concept satisfaction_index" in row.evidence


# --- other names: the same words, nothing else ------------------------------------------------------

def test_persentase_and_jumlah_kept_apart():
    assert apart(across("Persentase kelompok tani yang dibina", "Jumlah kelompok tani yang dibina"))


def test_years_kept_apart():
    assert apart(across("Rata-rata capaian sasaran tahun 2021", "Rata-rata capaian sasaran tahun 2022"))


def test_commodities_and_targets_kept_apart():
    assert apart(across("Produksi ikan budidaya air payau", "Produksi ikan budidaya air tawar", "Produksi ikan budidaya"))
    assert apart(across("Jumlah dokumen RKA yang disusun", "Jumlah dokumen DPA yang disusun"))
    assert apart(across("Persentase kerja sama luar negeri", "Persentase kerja sama dalam negeri"))
    assert apart(across("Asia Contoh Index (Military Capability)", "Asia Contoh Index (Economic Relationship)"))


def test_typing_slips_case_order_and_units_meet():
    assert meet(across("Prevalensi gizi buruk", "Pevalensi Gizi Buruk", "PREVALENSI GIZI BURUK (%)",
                       "2. Prevalensi gizi buruk"))
    assert meet(across("Produksi padi (ton)", "Produksi Padi"))
    assert meet(across("Persentase produksi benih unggul Rp. 60.000/kg", "Prosentase produksi benih unggul"))


def test_syllable_typed_twice_is_a_typing_slip():
    """A run of two letters typed twice in one word ('Keselamatatan', 'Ketahananan') is the same word; a word
    that differs otherwise by two letters is not."""
    assert meet(across("Indeks Keselamatatan Pelayaran", "Indeks Keselamatan Pelayaran"))
    assert meet(across("Indeks Ketahananan Pangan Kecamatan", "Indeks Ketahanan Pangan Kecamatan"))
    assert apart(across("Indeks Keselamatan Pelayaran", "Indeks Kesehatan Pelayaran"))


def test_verb_voice_meets():
    assert meet(across("Jumlah kendaraan operasional yang disediakan", "Jumlah kendaraan operasional yang tersedia"))
    assert meet(across("Jumlah kendaraan dinas yang dipelihara", "Jumlah kendaraan dinas terpelihara"))


def test_words_of_one_meaning_meet():
    """Synonyms (`concepts.SYNONYMS`): wilayah / daerah (area), kenaikan / peningkatan (increase), kuantitas /
    jumlah (quantity, here printed after a dash), cakupan / persentase (a share); 'dalam' (in) joins words
    like 'di'. The measure word still keeps two quantities apart, and 'dalam' / 'luar negeri' stay two."""
    assert meet(across("Persentase wilayah rawan longsor tertangani", "persentase daerah rawan longsor tertangani"))
    assert meet(across("Persentase kenaikan produksi madu hutan", "Persentase peningkatan produksi madu hutan"))
    assert meet(across("Bibit mangrove ditanam - Kuantitas (batang)", "Jumlah bibit mangrove ditanam"))
    assert meet(across("Cakupan sumur resapan dalam kondisi baik", "Persentase sumur resapan kondisi baik"))
    assert apart(across("Jumlah daerah rawan longsor", "Persentase wilayah rawan longsor"))
    assert apart(across("Jumlah festival dalam negeri", "Jumlah festival luar negeri"))


def test_word_broken_by_the_cell_line_is_joined():
    """A narrow cell breaks a word and leaves a piece of it on the next line: one or two letters after it
    ('tersertifikas i', 'teregistra si') or one letter before it ('t erdata'). The pieces joined make
    a word another name prints whole; a piece that makes no such word stays, and so do pieces of three letters
    or more that other names print as words of their own ('desa baru'); pieces no other name prints are two
    halves of one word ('Penera ngan')."""
    assert meet(across("Jumlah lumbung pangan desa tersertifikas i", "Jumlah lumbung pangan desa tersertifikasi"))
    assert meet(across("Jumlah lumbung pangan desa t erdata", "Jumlah lumbung pangan desa yang terdata"))
    assert meet(across("Persentase lumbung pangan teregistra si", "Persentase lumbung pangan teregistrasi"))
    words_elsewhere = across("Jumlah lumbung pangan desa baru", "Jumlah lumbung pangan desabaru",
                             "Jumlah kelompok tani baru di desa")
    assert len({canonical for canonical in canonicals(words_elsewhere).values()}) == 3
    assert meet(across("Jumlah lampu jalan penera ngan kota", "Jumlah lampu jalan penerangan kota"))


def test_fused_column_heading_ignored():
    assert meet(across("Indikator Kinerja Sasaran Strategis (1) Indeks Keamanan Pesisir", "Indeks Keamanan Pesisir"))


def test_reviewed_synonyms_win_over_concepts():
    names = across("Nilai SAKIP", "Nilai AKIP")
    split = [{"variant": "Nilai AKIP", "canonical": "", "action": "split"}]
    assert apart(names, synonyms=split)
    merge = [{"variant": "Indeks Kepuasan Pegawai", "canonical": SATISFACTION.label, "action": "merge"}]
    assert meet(across("Indeks Kepuasan Pegawai", SATISFACTION.label), synonyms=merge)


def test_unit_column_read_into_the_name_ignored():
    """The satuan printed after the name in the same cell ('… jaminan sosial Persen')."""
    assert meet(across("Persentase penduduk dengan jaminan sosial", "Persentase penduduk dengan jaminan sosial Persen"))
    assert meet(across("Jumlah dokumen rencana kerja", "Jumlah dokumen rencana kerja Dokumen"))


def test_short_forms_of_regions_and_agencies_meet():
    assert meet(across("Persentase kab/kota yang membentuk forum", "Persentase kabupaten/kota yang membentuk forum"))
    assert meet(across("Laporan kinerja Setwan yang tepat waktu", "Laporan kinerja Sekretariat DPRD yang tepat waktu"))


def test_verb_of_provision_and_own_agency_left_out():
    """'… yang diselenggarakan' and the agency's own name ('… SKPD') say nothing of the thing counted;
    work done ('dilakukan') and a region's plan ('perencanaan daerah') do."""
    assert meet(across("Jumlah rapat koordinasi SKPD", "Jumlah rapat koordinasi yang diselenggarakan"))
    assert apart(across("Jumlah fasilitasi pemasaran yang dilakukan", "Jumlah fasilitasi pemasaran yang disediakan"))
    assert apart(across("Jumlah dokumen perencanaan daerah", "Jumlah dokumen perencanaan perangkat daerah"))


def test_database_catalogue_reads_each_report_with_its_agency(tmp_path):
    """`pipeline.finalize.update_catalogue`: one printed name in two agencies' reports gets the canonical of
    its own reading in `indicator_canonical`, and the evidence column keeps each decision."""
    from sqlalchemy import insert, select

    from pipeline import db
    from pipeline.finalize import update_catalogue

    engine = db.engine_for(str(tmp_path / "c.sqlite"))
    db.create_schema(engine)
    with engine.begin() as conn:
        for i, agency in enumerate((INDUSTRY_AGENCY, HEALTH_AGENCY), start=1):
            conn.execute(insert(db.agencies).values(id=i, agency_key=f"k{i}", region_key="r", agency=agency))
            conn.execute(insert(db.reports).values(id=i, source_file=f"{i}.pdf", sha256=str(i) * 64, agency_id=i))
            for name in ("Capaian IKM", "Nilai SAKIP"):
                conn.execute(insert(db.performance_values).values(report_id=i, indicator=name, level="indikator"))
    update_catalogue(engine, synonyms_path=None)
    with engine.connect() as conn:
        pv = db.performance_values
        got = {(r, n): c for r, n, c in conn.execute(select(pv.c.report_id, pv.c.indicator, pv.c.indicator_canonical))}
        evidence = [e for (e,) in conn.execute(select(db.indicator_catalogue.c.evidence))]
    assert got[(1, "Capaian IKM")] != got[(2, "Capaian IKM")]
    assert got[(1, "Nilai SAKIP")] == got[(2, "Nilai SAKIP")] == "Nilai SAKIP (hasil evaluasi AKIP)"
    assert any("IKM read as industri kecil dan menengah: the agency" in e for e in evidence)


# --- names read by OCR: misread letters, real words kept --------------------------------------------

def scanned(text: str, report: str = "scan") -> PrintedName:
    """A name read by OCR from a scanned report of an invented agency."""
    return PrintedName(text, report, "Dinas Contoh Pindaian", ocr=True)


def test_ocr_misread_letters_meet_the_text_layer_name():
    """OCR misreads letters, not words: 'Jurnlah … halai …' is the text layer's 'Jumlah … halal …'; the
    evidence names the slips and says the name was read by OCR."""
    names = across("Jumlah sertifikat halal yang diterbitkan", "Indeks kepuasan peserta pelatihan")
    names += [scanned("Jurnlah sertifikat halai yang diterbitkan"), scanned("Indoks kapuasan peserta pelatihan")]
    rows = canonicals(names)
    assert rows[("scan", "Jurnlah sertifikat halai yang diterbitkan")] == rows[("r0", "Jumlah sertifikat halal yang diterbitkan")]
    assert rows[("scan", "Indoks kapuasan peserta pelatihan")] == rows[("r1", "Indeks kepuasan peserta pelatihan")]
    found = evidence(names)[("scan", "Jurnlah sertifikat halai yang diterbitkan")]
    assert "read by OCR" in found and "jurnlah~jumlah" in found and "halai~halal" in found


def test_ocr_glyph_read_as_two_letters_is_one_slip():
    """OCR splits the shape of 'm' into 'rr' and reads 'l' as 'i': 'Jurriah' is 'Jumlah' with two misread
    letters, within a third of the word."""
    names = across("Jumlah tenaga kontrak yang terbayar") + [scanned("Jurriah tenaga kontrak yang terbayar")]
    assert meet(names)
    assert "jurriah~jumlah" in evidence(names)[("scan", "Jurriah tenaga kontrak yang terbayar")]


def test_ocr_real_words_keep_quantities_apart():
    """A word the text layer prints was read right: 'sedang' is not a slip of 'baik', 'Persentase' goes
    to the percentage and not to the count, years stay exact."""
    names = across("Jumlah ruas jalan kondisi baik", "Persentase ruas jalan kondisi baik", "Jumlah ruas jalan kondisi sedang",
                   "Rata-rata nilai ujian sekolah tahun 2023")
    names += [scanned("Persentase ruas jaian kondisi baik"), scanned("Jurnlah ruas jaian kondisi sedang"),
              scanned("Rata-rata nilai ujlan sekolah tahun 2024")]
    rows = canonicals(names)
    assert rows[("scan", "Persentase ruas jaian kondisi baik")] == rows[("r1", "Persentase ruas jalan kondisi baik")]
    assert rows[("scan", "Jurnlah ruas jaian kondisi sedang")] == rows[("r2", "Jumlah ruas jalan kondisi sedang")]
    assert rows[("scan", "Rata-rata nilai ujlan sekolah tahun 2024")] != rows[("r3", "Rata-rata nilai ujian sekolah tahun 2023")]


def test_ocr_name_near_two_indicators_stays_alone():
    """'pali' is one slip from 'padi' and from 'pala': the OCR name keeps its own group."""
    names = across("Luas tanam padi", "Luas tanam pala") + [scanned("Luas tanam pali")]
    assert apart(names)


def test_text_layer_names_are_not_read_as_ocr_slips():
    """Only a name read by OCR may be a misreading: two text-layer names stay word for word."""
    assert apart(across("Indeks kepuasan peserta pelatihan", "Indoks kapuasan peserta pelatihan"))


# --- names cut short in their cells --------------------------------------------------------------------

def test_name_cut_on_an_open_end_meets_the_whole_name():
    """A name ending on a word that needs what follows ('… berbasis', '… dalam rangka mendukung') was cut in
    its cell: it meets the whole name printed by another report."""
    names = across("Indeks tata kelola arsip berbasis", "Indeks tata kelola arsip berbasis digital")
    assert meet(names)
    assert "cut in its cell (ends on 'berbasis')" in evidence(names)[("r0", "Indeks tata kelola arsip berbasis")]


def test_name_cut_where_the_cell_split_into_two_rows():
    """The cell's second line printed as a row of its own ('arsip statis'): the first line meets the whole name
    of another report; the second line alone stays apart."""
    names = [PrintedName("Persentase penyelesaian dokumen", "a", "Dinas Contoh"), PrintedName("arsip statis", "a", "Dinas Contoh"),
             PrintedName("Persentase penyelesaian dokumen arsip statis", "b", "Dinas Contoh")]
    rows = canonicals(names)
    assert rows[("a", "Persentase penyelesaian dokumen")] == rows[("b", "Persentase penyelesaian dokumen arsip statis")]
    assert rows[("a", "arsip statis")] != rows[("b", "Persentase penyelesaian dokumen arsip statis")]


def test_name_cut_where_the_cell_split_meets_a_concept():
    """The whole name a cut one begins may be a recurring concept's: 'Rata-rata Indeks Desa', its rest
    'Membangun Kabupaten Contoh' printed as a row of its own, is the beginning of the developing-village index
    another report prints whole; the cut name meets the concept's group."""
    names = [PrintedName("Rata-rata Indeks Desa", "a", "Dinas Contoh", region="Kabupaten Contoh"),
             PrintedName("Membangun Kabupaten Contoh", "a", "Dinas Contoh", region="Kabupaten Contoh"),
             PrintedName("Rata-rata Indeks Desa Membangun Kabupaten Contoh", "b", "Badan Contoh", region="Kabupaten Contoh")]
    rows = canonicals(names)
    assert rows[("a", "Rata-rata Indeks Desa")] == rows[("b", "Rata-rata Indeks Desa Membangun Kabupaten Contoh")]
    assert "cut in its cell" in evidence(names)[("a", "Rata-rata Indeks Desa")]


def test_shorter_name_without_sign_of_a_cut_stays_apart():
    """A shorter name is a total or another quantity unless it shows it was cut; a cut name that two
    indicators continue meets neither."""
    assert apart(across("Jumlah bibit tanaman", "Jumlah bibit tanaman buah"))
    assert apart(across("Jumlah bibit yang", "Jumlah bibit yang disalurkan", "Jumlah bibit yang ditanam"))


def test_column_heading_in_capitals_fused_before_the_name():
    """'SASARAN STRATEGIS/…' read into the start of the cell is the heading, not the name; a name printed
    all in capitals keeps its words."""
    assert meet(across("SASARAN STRATEGIS/SASARAN Persentase desa mandiri", "Persentase desa mandiri"))
    assert apart(across("PROGRAM PENGELOLAAN SAMPAH", "Pengelolaan sampah"))


def test_ocr_name_that_lost_its_first_word_meets_the_whole_name():
    """An OCR name opening in lower case without a measure word lost its start ('bibit ikan …' for 'Jumlah
    bibit ikan …'); one that opens in capitals, or could be the count or the share, keeps its own group."""
    names = across("Jumlah bibit ikan yang disalurkan", "Jumlah papan informasi yang dipasang",
                   "Persentase papan informasi yang dipasang")
    names += [scanned("bibit ikan yang disalurkan"), scanned("Bibit ikan yang disalurkan", "scan2"),
              scanned("papan informasi yang dipasang")]
    rows = canonicals(names)
    assert rows[("scan", "bibit ikan yang disalurkan")] == rows[("r0", "Jumlah bibit ikan yang disalurkan")]
    assert "first word 'jumlah' lost" in evidence(names)[("scan", "bibit ikan yang disalurkan")]
    assert rows[("scan2", "Bibit ikan yang disalurkan")] != rows[("r0", "Jumlah bibit ikan yang disalurkan")]
    assert rows[("scan", "papan informasi yang dipasang")] not in {rows[("r1", "Jumlah papan informasi yang dipasang")],
                                                                   rows[("r2", "Persentase papan informasi yang dipasang")]}


def test_ocr_word_the_scanned_report_repeats_is_a_word_of_its_own():
    """A word the OCR-read report prints the same way in several of its texts ('baduta', children under two)
    is its term, not a misreading of the text layer's 'balita': the two indicators stay apart. Printed once,
    it would be taken for a slip."""
    names = across("Persentase balita gizi kurang") + [scanned("Persentase baduta gizi kurang")]
    texts = {"scan": ["Persentase baduta gizi kurang", "Pemberian makanan tambahan bagi baduta",
                      "Jumlah baduta yang ditimbang", "Cakupan imunisasi baduta"]}
    assert apart(names, report_texts=texts)
    assert meet(names)


def test_group_is_named_after_a_name_printed_whole():
    """A name misread by OCR, cut in its cell or printed after a column heading is not the group's name, however
    often it is printed."""
    names = [PrintedName("Indeks layanan arsip berbasis", "a", "Dinas Contoh")] * 3
    names += [PrintedName("Indeks layanan arsip berbasis digital", "b", "Dinas Contoh")]
    names += [PrintedName("PROGRAM/KEGIATAN Jumlah desa binaan", "c", "Dinas Contoh")] * 3
    names += [PrintedName("Jumlah desa binaan", "d", "Dinas Contoh"), scanned("Jurnlah desa binaan")] + [scanned("Jurnlah desa binaan")] * 2
    rows = canonicals(names)
    assert rows[("a", "Indeks layanan arsip berbasis")] == "Indeks layanan arsip berbasis digital"
    assert rows[("c", "PROGRAM/KEGIATAN Jumlah desa binaan")] == rows[("scan", "Jurnlah desa binaan")] == "Jumlah desa binaan"


def test_database_catalogue_knows_the_names_read_by_ocr(tmp_path):
    """`pipeline.finalize.update_catalogue`: a row with an OCR confidence is a name read by OCR, so its misread
    letters meet the text-layer name of another report; a row without one is read word for word."""
    from sqlalchemy import insert, select

    from pipeline import db
    from pipeline.finalize import update_catalogue

    engine = db.engine_for(str(tmp_path / "c.sqlite"))
    db.create_schema(engine)
    rows = [(1, "Jumlah sertifikat halal yang diterbitkan", None), (2, "Jurnlah sertifikat halai yang diterbitkan", 71.0),
            (3, "Indoks kapuasan peserta pelatihan", None), (1, "Indeks kepuasan peserta pelatihan", None)]
    with engine.begin() as conn:
        for report in (1, 2, 3):
            conn.execute(insert(db.agencies).values(id=report, agency_key=f"k{report}", region_key="r", agency=f"Dinas {report}"))
            conn.execute(insert(db.reports).values(id=report, source_file=f"{report}.pdf", sha256=str(report) * 64,
                                                   agency_id=report))
        for report, name, confidence in rows:
            conn.execute(insert(db.performance_values).values(report_id=report, indicator=name, level="indikator",
                                                              ocr_confidence=confidence))
    update_catalogue(engine, synonyms_path=None)
    with engine.connect() as conn:
        pv = db.performance_values
        got = {(r, n): c for r, n, c in conn.execute(select(pv.c.report_id, pv.c.indicator, pv.c.indicator_canonical))}
        evidence = [e for (e,) in conn.execute(select(db.indicator_catalogue.c.evidence))]
    assert got[(2, rows[1][1])] == got[(1, rows[0][1])] == rows[0][1]
    assert got[(3, rows[2][1])] != got[(1, rows[3][1])]
    assert any("read by OCR" in e for e in evidence)


# --- the office services every regional agency budgets (national sub kegiatan nomenclature) ------------

def test_office_service_outputs_meet_across_agencies_in_their_own_words():
    assert meet(across("Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan",
                       "Jumlah cetakan dan penggandaan tersedia"))
    assert meet(across("Jumlah Dokumen Bahan Bacaan dan Peraturan Perundang-undangan yang Disediakan",
                       "Jumlah buku bacaan dan peraturan yang tersedia"))
    assert meet(across("Jumlah Kendaraan Dinas Operasional atau Lapangan yang Dipelihara",
                       "Jumlah unit kendaraan dinas terpelihara"))
    assert meet(across("Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan",
                       "Jumlah komponen penerangan kantor tersedia"))


def test_a_share_of_an_office_service_or_a_payment_for_it_is_another_quantity():
    assert apart(across("Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan",
                        "Persentase barang cetakan dan penggandaan yang disediakan tepat waktu"))
    assert apart(across("Jumlah rekening listrik, telepon dan air yang terbayar",
                        "Jumlah pembayaran jasa komunikasi dan listrik kantor contoh"))


# --- recurring indicators of agencies across Indonesia (issue 16) ------------------------------------------


def test_recurring_agency_indicators_meet_however_their_measure_word_is_printed():
    """Inflation, stunting, road steadiness, bed occupancy, births in facilities: the word of measure (tingkat,
    laju, angka, prevalensi, persentase) and the describing words agencies add do not make another indicator."""
    assert meet(across("Tingkat Inflasi Tahunan", "Laju inflasi (yoy)", "Angka inflasi"))
    assert meet(across("Prevalensi balita kerdil", "Persentase stunting pada anak balita", "Angka stunting"))
    assert meet(across("Tingkat kemantapan jalan kota", "Persentase panjang jalan dalam kondisi mantap",
                       "Proporsi jalan mantap"))
    assert meet(across("Bed Occupancy Rate", "Angka pemakaian tempat tidur", "Tingkat hunian tempat tidur"))
    assert meet(across("Cakupan ibu bersalin di faskes", "Persentase persalinan di fasilitas pelayanan kesehatan"))
    assert meet(across("Persentase rumah tangga yang mendapatkan akses air minum layak", "Cakupan air minum layak"))


def test_a_share_concept_needs_a_share_word_or_a_percent_unit():
    """A count or a length of the same subject is another quantity: no share word, no percent unit."""
    assert apart(across("Persentase balita stunting", "Jumlah balita stunting"))
    assert apart(across("Persentase jalan dalam kondisi mantap", "Panjang jalan kondisi mantap (km)",
                        "Persentase jalan dalam kondisi baik"))
    assert meet(across("Persentase balita stunting", "Balita stunting (%)"))
    assert apart(across("Inflasi", "Inflasi bahan makanan"))


def test_school_level_is_the_qualifier_of_participation_rates():
    """APM / APK of one level of schooling, printed as SD/MI, SD sederajat or Sekolah Dasar, meet; another level
    or the other rate stays apart."""
    assert meet(across("APM SD/MI", "Angka Partisipasi Murni Sekolah Dasar", "APM SD sederajat"))
    assert apart(across("APM SD/MI", "APM SMP/MTs", "APK SD/MI"))


def test_economic_growth_is_pdrb_growth_and_its_sector_is_a_bps_category():
    """LPE = growth of the PDRB at constant prices; a sector is read from Statistics Indonesia's categories with
    or without a marker word and in one form ("industri" = "industri pengolahan"); the sector's own growth
    printed without the PDRB's words is the same. Another sector, a subcategory, a growth at current prices, a
    sector outside the list without a marker ("Pertumbuhan IKM") stay apart."""
    assert meet(across("Laju Pertumbuhan Ekonomi", "Pertumbuhan PDRB ADHK", "LPE"))
    assert meet(across("LPE sektor industri", "Laju pertumbuhan PDRB industri pengolahan",
                       "Pertumbuhan lapangan usaha industri pengolahan"))
    assert apart(across("LPE sektor industri", "LPE sektor perikanan", "Laju pertumbuhan PDRB sektor pertanian",
                        "LPE", "Pertumbuhan PDRB ADHB", "Pertumbuhan industri kecil"))
    assert meet(across("Kontribusi sektor konstruksi terhadap PDRB", "Kontribusi PDRB sektor konstruksi"))


def test_the_measure_of_a_dropped_unit_keeps_grade_and_score_share_and_amount_apart():
    """A unit in brackets is not a word of the name, but what it measures is kept: '(Predikat)' makes the grade of
    an evaluation, not its score; '(%)' says what 'Persentase' says; an amount in Rupiah is no share."""
    assert apart(across("Nilai hasil evaluasi AKIP", "Hasil evaluasi AKIP (Predikat)"))
    assert meet(across("Hasil evaluasi AKIP (Predikat)", "Predikat AKIP"))
    assert meet(across("Realisasi kegiatan fisik (%)", "Persentase realisasi kegiatan fisik"))
    assert apart(across("Produksi jagung (ton)", "Produksi jagung (%)"))
    assert apart(across("Realisasi anggaran sumur contoh (Rp)", "Persentase realisasi anggaran sumur contoh"))
    assert apart(across("Realisasi PAD terhadap target (Rp)", "Realisasi PAD terhadap target (%)"))


def test_ikp_is_read_from_the_agency_and_a_measure_alone_never_meets_another_agency():
    """IKP is the food security index at a food agency, customer satisfaction at a hospital, otherwise the mark of
    a program indicator; a name left with measure words only ('Nilai IKU') meets no other agency's."""
    food = [PrintedName("Skor IKP", "a", "Dinas Ketahanan Pangan Kabupaten Contoh"),
            PrintedName("Indeks Ketahanan Pangan", "b", "Badan Pangan Daerah")]
    assert meet(food)
    assert apart([PrintedName("Nilai IKP", "a", "Dinas Ketahanan Pangan"),
                  PrintedName("Nilai IKP", "b", "RSUD Contoh Sehat"),
                  PrintedName("Nilai IKU", "c", "Dinas Contoh"),
                  PrintedName("Nilai IKK", "d", "Dinas Lain")])
    assert meet([PrintedName("Nilai IKU", "a", "Dinas Contoh"), PrintedName("Nilai IKU", "b", "Dinas Contoh")])


def test_readings_spellings_rate_bases_and_the_agency_read_like_the_name():
    """RB, UHH, IPKD, IP ASN read; rerata / akte / ranperda spelled one way; a rate's base ('per 1.000 KH') and a
    unit of two measures ('(kw/ha)') are units; the agency's abbreviation is read as the name's is."""
    assert meet(across("Nilai RB", "Indeks Reformasi Birokrasi"))
    assert apart(across("Nilai RB", "Indeks RB Tematik"))
    assert meet(across("UHH", "Angka Harapan Hidup"))
    assert meet(across("Nilai IP ASN", "Indeks Profesionalitas Aparatur Sipil Negara"))
    assert meet(across("Rerata lama sekolah", "Rata-rata Lama Sekolah"))
    assert meet(across("Persentase Ranperda yang disahkan", "Persentase rancangan peraturan daerah yang ditetapkan"))
    assert meet(across("Angka kematian bayi per 1000 kelahiran hidup", "AKB (per 1.000 KH)", "Angka Kematian Bayi"))
    assert apart(across("Angka kematian bayi per 1000 kelahiran hidup", "Angka kematian balita per 1.000 KH"))
    assert meet(across("Produktivitas jagung (kw/ha)", "Produktivitas Jagung"))
    assert meet([PrintedName("Indeks Kepuasan Masyarakat terhadap pelayanan Dinas Koperasi dan UKM", "a",
                             "Dinas Koperasi dan UKM"),
                 PrintedName("IKM", "b", "Dinas Pendidikan")])


def test_the_agencys_own_region_is_no_word_of_the_name():
    """'Jumlah penduduk miskin Kabupaten Contoh' at an agency of Kabupaten Contoh is its region's count; another
    region's name stays a word."""
    names = [PrintedName("Jumlah penduduk miskin Kabupaten Contoh", "a", "Dinas Sosial", region="Kabupaten Contoh"),
             PrintedName("Jumlah Penduduk Miskin", "b", "Dinas Sosial", region="Kabupaten Lain"),
             PrintedName("Jumlah penduduk miskin Kabupaten Contoh", "c", "Dinas Sosial", region="Kabupaten Lain")]
    rows = canonicals(names)
    assert rows[("a", names[0].name)] == rows[("b", names[1].name)] != rows[("c", names[2].name)]


def test_follow_up_of_the_audit_boards_findings_meets_however_it_is_printed():
    """The share of BPK findings or recommendations followed up: "temuan … yang ditindaklanjuti", "tindak lanjut
    rekomendasi hasil pemeriksaan", "penyelesaian TLHP"; the inspectorate's findings and a count are other quantities."""
    assert meet(across("Persentase temuan BPK contoh yang ditindaklanjuti", "Persentase tindak lanjut rekomendasi BPK",
                       "Persentase penyelesaian TLHP BPK"))
    assert apart(across("Persentase tindak lanjut temuan BPK", "Persentase tindak lanjut temuan APIP contoh",
                        "Jumlah temuan BPK"))


def test_bed_occupancy_printed_in_both_languages_meets_either():
    assert meet(across("Bed Occupancy Rate", "Angka penggunaan tempat tidur (BOR)", "Tingkat hunian tempat tidur"))


def test_an_abbreviation_in_capitals_with_a_letter_ocr_misread_is_read_as_printed():
    """OCR reads the I of "SAKIP" as a small l and the O of "OPD" as a zero: the abbreviation is still read."""
    assert meet(across("Nilai SAKlP Dinas Contoh", "Nilai SAKIP", "Nilai AKIP 0PD"))
    assert apart(across("lndeks Contoh Sumur", "Nilai SAKIP"))
