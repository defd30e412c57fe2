"""Vocabulary of the indicator catalogue: abbreviations whose reading depends on evidence, and the
recurring indicators that must meet across agencies as named concepts.

In:  nothing; `normalizers.catalogue` reads these tables.
Out: `AMBIGUOUS` (an abbreviation's senses, each with the words that point to it), `READINGS` (the
     abbreviations read one way everywhere, added to `normalizers.names.ABBREVIATIONS`), `CONCEPTS`
     (what a name must say, and may say besides, to be one of the recurring indicators), and the
     words that never tell two indicators apart (`SOFT_WORDS`, `ORGANISATION_WORDS`, `SPELLINGS`).

Words are lower-case, after abbreviations are expanded (so a concept names "kepuasan masyarakat",
never "IKM").
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sense:
    """One reading of an ambiguous abbreviation.

    expansion: the words it stands for.
    name_words: words of the same indicator name that point to this reading.
    word_before: words printed right before the abbreviation that point to it ("Nilai IKM").
    agency_words: words of the agency's name that point to it (an industry agency's IKM).
    """
    expansion: str
    name_words: frozenset[str] = frozenset()
    word_before: frozenset[str] = frozenset()
    agency_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Ambiguous:
    """An abbreviation read from evidence; `default` is the sense of any agency without other evidence."""
    senses: tuple[Sense, ...]
    default: int = 0


AMBIGUOUS: dict[str, Ambiguous] = {
    # IKM: Indeks Kepuasan Masyarakat (the public-satisfaction index every agency measures, PermenPAN-RB
    # 14/2017) or Industri Kecil dan Menengah (small and medium industry, an industry/trade agency's
    # subject: "Jumlah sentra IKM", "Nilai produksi IKM", "Pelaku usaha IKM").
    "ikm": Ambiguous(senses=(
        Sense("indeks kepuasan masyarakat",
              name_words=frozenset({"kepuasan", "survei", "responden", "indeks", "skor", "pelayanan", "layanan", "publik"}),
              word_before=frozenset({"nilai", "hasil", "indeks", "skor", "survei", "rata"})),
        Sense("industri kecil dan menengah",
              name_words=frozenset({"sentra", "usaha", "pelaku", "unit", "produksi", "industri", "produk", "omzet",
                                    "omset", "ekspor", "sertifikat", "bersertifikat", "sdm", "berkembang", "wirausaha",
                                    "binaan", "fasilitasi", "difasilitasi", "dibina", "pembinaan", "kemitraan",
                                    "pemasaran", "investasi", "kluster", "klaster"}),
              word_before=frozenset({"jumlah", "sentra", "pelaku", "unit", "produksi", "terhadap"}),
              agency_words=frozenset({"perindustrian", "industri", "perdagangan", "koperasi", "ukm", "umkm"})),
    )),
    # IKP: Indeks Ketahanan Pangan (a food agency's food security index), Indeks Kepuasan Pelanggan (the
    # satisfaction of a hospital's or a water utility's customers), Insiden Keselamatan Pasien (patient safety
    # incidents), or the mark of a program's key indicator (indikator kinerja program: "IKP 1 …"), read as
    # nothing, as the marks IKU / IKK are (`SOFT_WORDS`): the reading of an agency without other evidence.
    "ikp": Ambiguous(senses=(
        Sense(""),
        Sense("indeks ketahanan pangan", name_words=frozenset({"ketahanan", "pangan", "kerawanan"}),
              agency_words=frozenset({"pangan", "ketahanan"})),
        Sense("indeks kepuasan pelanggan", name_words=frozenset({"kepuasan", "pelanggan", "survei", "pelayanan", "layanan"}),
              agency_words=frozenset({"rsud", "rumah", "sakit", "pdam", "perumda", "minum"})),
        Sense("insiden keselamatan pasien", name_words=frozenset({"insiden", "keselamatan", "pasien", "kejadian"})),
    )),
}

# Abbreviations read one way wherever they stand, beside `normalizers.names.ABBREVIATIONS`.
READINGS: dict[str, str] = {
    "skm": "survei kepuasan masyarakat",  # survei kepuasan masyarakat: the survey behind the satisfaction index
    "spip": "sistem pengendalian intern pemerintah",  # the government's internal control system
    "apip": "aparat pengawasan intern pemerintah",  # the government's internal auditors (inspectorates)
    "iacm": "internal audit capability model",  # the model APIP capability levels are scored on
    "bpk": "badan pemeriksa keuangan",  # the supreme audit board
    "wtp": "wajar tanpa pengecualian",  # unqualified opinion (the best BPK opinion)
    "lkpd": "laporan keuangan pemerintah daerah",  # regional government financial statements
    "tlhp": "tindak lanjut hasil pemeriksaan",  # follow-up of audit results (of BPK's or the inspectorate's findings)
    "lhe": "hasil evaluasi",  # laporan hasil evaluasi, the evaluation report ("Nilai LHE AKIP": the score it gives)
    "pd": "perangkat daerah", "opd": "organisasi perangkat daerah",  # a regional agency
    "sub": "",  # "sub sektor" = "subsektor"
    "kab": "kabupaten", "prov": "provinsi", "kec": "kecamatan", "kel": "kelurahan",  # "kab/kota", "Prov."
    # The macro indicators of every regional plan (RPJMD, the regional LKjIP), as Statistics Indonesia names them
    "ipm": "indeks pembangunan manusia",  # human development index
    "ipg": "indeks pembangunan gender",  # gender development index
    "idg": "indeks pemberdayaan gender",  # gender empowerment measure
    "tpt": "tingkat pengangguran terbuka",  # open unemployment rate
    "lpe": "laju pertumbuhan ekonomi",  # economic growth rate
    "ahh": "angka harapan hidup",  # life expectancy at birth
    "rls": "rata lama sekolah",  # mean years of schooling ("rata-rata" read as one "rata")
    "hls": "harapan lama sekolah",  # expected years of schooling
    "aki": "angka kematian ibu",  # maternal mortality ratio (per 100.000 live births)
    "akb": "angka kematian bayi",  # infant mortality rate (per 1.000 live births)
    "ntp": "nilai tukar petani",  # farmers' terms of trade
    "ntn": "nilai tukar nelayan",  # fishers' terms of trade
    "iklh": "indeks kualitas lingkungan hidup",  # environmental quality index
    "idm": "indeks desa membangun",  # developing-village index (Kemendes)
    "idi": "indeks demokrasi indonesia",  # democracy index
    # The indices every agency is scored on by the ministry of administrative reform
    "spbe": "sistem pemerintahan berbasis elektronik",  # e-government (the SPBE index)
    # The subjects of recurring agency indicators
    "bor": "bed occupancy rate",  # a hospital's bed occupancy rate
    "pad": "pendapatan asli daerah",  # the region's own-source revenue
    "ktp": "kartu tanda penduduk",  # identity card ("KTP-el": the electronic one)
    "raperda": "rancangan peraturan daerah", "perda": "peraturan daerah",  # (draft) regional regulation
    "tpak": "tingkat partisipasi angkatan kerja",  # labour force participation rate
    "akba": "angka kematian balita",  # under-five mortality rate
    # The indices every agency is scored on, named in issue 16
    "rb": "reformasi birokrasi",  # bureaucratic reform (Indeks / Nilai RB)
    "ipkd": "indeks pengelolaan keuangan daerah",  # regional financial management index
    "uhh": "umur harapan hidup",  # life expectancy (umur: age), the same as AHH
    # Health facilities: fasilitas (pelayanan) kesehatan
    "faskes": "fasilitas kesehatan", "fasyankes": "fasilitas pelayanan kesehatan",
}

# Abbreviations of two printed words read as one ("Nilai IP ASN": indeks profesionalitas ASN).
PHRASE_READINGS: dict[tuple[str, str], str] = {
    ("ip", "asn"): "indeks profesionalitas aparatur sipil negara",  # ASN professionalism index (BKN)
}

# A rate's base printed after the name ("per 1.000 KH", "per 100.000 kelahiran hidup", "per 1000 penduduk"): the unit
# of the rate, not a word of what is measured (thousands separators and brackets around it included).
RATE_BASE = r"\(?\s*per\s+\d{1,3}(?:[.,]?\d{3})*\s*(?:kh|kelahiran\s+hidup|penduduk|jiwa)\b\s*\)?"

# Spelling variants and misspellings of the same word (typists' forms seen across agencies).
SPELLINGS: dict[str, str] = {
    "prosentase": "persentase", "presentase": "persentase", "prosentasi": "persentase", "persentasi": "persentase", "persen": "persentase",
    "survey": "survei", "subsektor": "sektor", "sub-sektor": "sektor", "fasilitas": "fasilitasi",
    "kontrbusi": "kontribusi", "progres": "progress", "intern": "internal", "aparatur": "aparat",
    "el": "elektronik",  # "KTP-el": the electronic identity card
    "rerata": "rata",  # rerata = rata-rata (mean)
    "akte": "akta",  # akte = akta (certificate)
    "ranperda": "raperda",  # rancangan peraturan daerah, both short forms
}

# Words of one meaning that agencies print for the same quantity (synonyms, not spelling): each is read as
# the word after it. Only words that name the same thing in any indicator are here: "wilayah" and "daerah"
# both mean the area of a region ("Persentase wilayah rawan longsor" / "… daerah rawan longsor"); "kenaikan"
# and "peningkatan" both mean an increase ("Persentase kenaikan produksi madu hutan" / "… peningkatan …");
# "kuantitas" (quantity) is what "jumlah" measures of a product ("Bibit mangrove - Kuantitas" / "Jumlah bibit
# mangrove"); "cakupan" (coverage) is a share like "persentase" ("Cakupan sumur resapan" / "Persentase sumur
# resapan"). The measure word stays a word of the name: "Jumlah X" and "Persentase X" stay apart.
SYNONYMS: dict[str, str] = {
    "wilayah": "daerah",  # area, region
    "kenaikan": "peningkatan",  # increase
    "kuantitas": "jumlah",  # quantity
    "cakupan": "persentase",  # coverage, a share of the whole
}

# Words that never tell two indicators apart: the marks of a key-indicator list (IKU = indikator kinerja
# utama, IKP / IKK = indikator kinerja program / kegiatan, IKSS = … sasaran strategis) and joining words.
SOFT_WORDS = frozenset({"iku", "ikk", "ikss", "iksp", "indikator", "dan", "yang", "di", "ke", "dari", "pada",
                        "terhadap", "atas", "untuk", "dengan", "oleh", "serta", "the", "of", "telah", "atau",
                        "secara", "dalam"})
# Verbs that say a counted thing was provided or held, not which thing ("Jumlah rapat koordinasi yang
# diselenggarakan" = "Jumlah rapat koordinasi", "… yang disediakan" = "… yang tersedia"), as verb stems
# (`normalizers.catalogue.verb_stem`). Verbs that change the thing counted (dihasilkan, ditebar,
# dipelihara, diadakan) and those of work done (dilakukan, dilaksanakan: "fasilitasi yang dilakukan" is
# not "fasilitas yang disediakan") are not among them.
SOFT_PARTICIPLES = frozenset({"sedia", "selenggara"})
# The agency itself named inside an indicator's name ("… Konsultasi SKPD", "dokumen perencanaan PD"):
# the expansions of PD / OPD / SKPD, dropped as whole phrases (a lone "daerah" still counts).
OWN_AGENCY_PHRASES = (("organisasi", "perangkat", "daerah"), ("satuan", "kerja", "perangkat", "daerah"),
                      ("perangkat", "daerah"))
# Words a name never ends on: printed last, they show the name was cut in its cell and goes on below
# (`normalizers.cut_names`). Joining words, and words that need what follows them: "berbasis" (based on …),
# "mendukung" (supporting …), "rangka" (dalam rangka: in the framework of …), "sesuai" (according to …),
# "berdasarkan" (based on …), "melalui" (through …), "maupun" (as well as …), "antara" (between …).
OPEN_ENDINGS = frozenset({"dan", "atau", "serta", "di", "ke", "dari", "pada", "untuk", "dengan", "yang", "dalam",
                          "oleh", "terhadap", "sebagai", "bagi", "tentang", "berbasis", "mendukung", "rangka",
                          "sesuai", "berdasarkan", "melalui", "maupun", "antara"})
# Words of the column headings of an indicator table ("SASARAN STRATEGIS", "INDIKATOR KINERJA", "PROGRAM/
# KEGIATAN", "URAIAN"): printed in capitals at the start of a name, they are the heading read into its cell.
FUSED_HEADING_WORDS = frozenset({"sasaran", "strategis", "indikator", "kinerja", "utama", "program", "kegiatan",
                                 "uraian"})
# Leading words of an objective printed as the indicator ("Meningkatnya Indeks …", "Tingkat kepuasan …").
SOFT_LEADING = frozenset({"meningkatnya", "tingkat"})

# Units that are measured, not counted (`normalizers.units` knows the counted ones and the kinds): in
# brackets after a name they are its satuan, not part of what is measured.
MEASURE_UNITS = frozenset({"ton", "kg", "kuintal", "ku", "kw", "ha", "hektar", "km", "m", "m2", "m3", "liter", "tangkai",
                           "batang", "pohon", "kwh", "mw", "gram"})

# Words that say how a quantity is measured, not which: a name left with these alone ("Nilai IKU", "Skor",
# "Capaian Kinerja", once the marks are dropped) names no quantity another agency could share, and meets only the
# same print of the same agency.
MEASURE_ONLY_WORDS = frozenset({"nilai", "skor", "angka", "indeks", "tingkat", "capaian", "poin", "persentase", "jumlah",
                                "rasio", "laju", "rata", "hasil", "realisasi", "target", "total", "kinerja", "evaluasi",
                                "prevalensi", "proporsi"})

# Words that begin an indicator's name: inside a concept's qualifier they show two names glued together
# by the reader ("… sektor perikanan Persentase peningkatan pendapatan …"), not one sector.
INDICATOR_OPENINGS = frozenset({"persentase", "jumlah", "rasio", "indeks", "nilai", "tingkat", "angka", "cakupan"})

# Words that name the agency measured rather than the quantity: a recurring concept allows them
# ("Nilai SAKIP OPD", "Persentase realisasi anggaran Perangkat Daerah").
ORGANISATION_WORDS = frozenset({"opd", "organisasi", "perangkat", "daerah", "skpd", "satuan", "kerja", "dinas",
                                "badan", "kantor", "instansi", "sekretariat", "unit", "lembaga", "kementerian"})


@dataclass(frozen=True)
class Concept:
    """A recurring indicator. A name is this concept when it holds one word of each `required` set and
    every other word is `allowed`, an organisation word, or a word of the agency's own name. A concept
    with `qualifier_markers` keeps the words after a marker ("sektor perikanan") in its key: two
    qualifiers are two indicators."""
    key: str
    label: str
    required: tuple[frozenset[str], ...]
    allowed: frozenset[str] = frozenset()
    qualifier_markers: frozenset[str] = frozenset()
    qualifier_fillers: frozenset[str] = field(default_factory=frozenset)
    # A share ("Prevalensi stunting", "Persentase jalan mantap"): the name holds a share word (`SHARE_WORDS`)
    # or prints a percent unit in brackets ("Akses air minum layak (%)"); without either it is a count or an
    # amount of the same subject ("Jumlah balita stunting", "Panjang jalan kondisi mantap (km)").
    share: bool = False
    # A closed list of terms (phrase -> its one form) read as the qualifier wherever they stand, one of them
    # required ("APM SD/MI" = "Angka Partisipasi Murni Sekolah Dasar": qualifier "sd"; "APM SMP" is another).
    qualifier_terms: tuple[tuple[tuple[str, ...], str], ...] = ()
    # The name must name a qualifier (a term of the list or words after a marker: a sector's share of the PDRB),
    # or a term of the list itself (school levels; "Pertumbuhan sektor X" without the PDRB's words).
    qualifier_needed: bool = False
    term_needed: bool = False
    # What the number is, when a sibling concept of the same subject is another measure (`UNIT_MEASURES`): the
    # SAKIP score and the SAKIP grade. A unit in brackets of another measure ("Hasil evaluasi SAKIP (Predikat)")
    # is not this concept.
    measure: str = ""


# Words of measure the macro indicators are printed with ("Nilai IPM", "Angka Harapan Hidup", "Capaian IPM",
# "Skor IPM (poin)"): the number itself, not another quantity.
_MACRO_MEASURES = frozenset({"nilai", "angka", "capaian", "skor", "poin", "indeks", "tingkat"})
# The words around a mortality rate: "Angka Kematian Ibu per 100.000 Kelahiran Hidup", "Rasio kematian bayi"
# ("100" and "000": the base of the rate, per 1.000 or 100.000 live births, read as words).
_PER_BIRTHS = frozenset({"rasio", "ratio", "per", "kelahiran", "hidup", "kh", "100", "000"})
# A count of an office service's output: "Jumlah Paket … yang Disediakan", "Jumlah laporan … yang tersedia".
_OUTPUT_COUNTS = frozenset({"jumlah", "paket", "dokumen", "laporan", "unit", "penyediaan", "disediakan", "tersedia",
                            "tersedianya", "terpenuhinya", "terlaksananya", "pengadaan"})
_SCORE_WORDS = frozenset({"nilai", "hasil", "evaluasi", "implementasi", "skor", "indeks", "penilaian", "capaian"})
# Akuntabilitas kinerja (instansi pemerintah): "Nilai Evaluasi Akuntabilitas Kinerja" leaves out the agency words.
_AKIP = (frozenset({"akuntabilitas"}), frozenset({"kinerja"}))
_AKIP_AGENCY = frozenset({"instansi", "pemerintah"})

# The measure a unit printed in brackets gives the number (`normalizers.units.unit_kind` -> measure): a share
# ("(%)"), a grade ("(Predikat)", "(kategori)": AA, A, BB …), a score ("(poin)", "(nilai)", "(indeks)"), an amount
# of money ("(Rp)"). The bracket is dropped from the name's words; its measure is kept aside on the reading.
UNIT_MEASURES = {"percent": "share", "grade": "grade", "score": "score", "index": "score", "rupiah": "amount"}
# The word a name prints for the measure its bracketed unit gives: "Realisasi fisik (%)" says what "Persentase
# realisasi fisik" says, "Hasil evaluasi SAKIP (Predikat)" what "Predikat hasil evaluasi SAKIP" says.
MEASURE_WORDS = {"share": "persentase", "grade": "predikat"}
# The words that already say a measure: a name holding one says it without its unit ("Prevalensi gizi buruk
# (%)" = "Prevalensi gizi buruk").
GRADE_WORDS = frozenset({"predikat", "kategori"})

# Words that make a name a share of a whole: persentase (percentage; "cakupan", coverage, is read as it), prevalensi
# (prevalence), proporsi (proportion), rasio (ratio), tingkat / angka (rate: "Angka stunting", "Tingkat kemantapan").
SHARE_WORDS = frozenset({"persentase", "prevalensi", "proporsi", "rasio", "tingkat", "angka"})
SAYS_MEASURE = {"share": SHARE_WORDS, "grade": GRADE_WORDS}
# The categories of Statistics Indonesia's PDRB by lapangan usaha (KBLI, the 17 categories A-U of the 2010 series),
# each in one form, however an agency names it ("sektor pertanian" and "pertanian, kehutanan dan perikanan" are
# category A; "industri" is C, industri pengolahan), and the subcategories agencies print on their own
# (perikanan, kehutanan, peternakan, perkebunan, tanaman pangan, hortikultura: each another quantity than A).
# Old nine-sector names that group categories otherwise ("perdagangan, hotel dan restoran") keep their own form.
# A sector not in the list ("sektor pariwisata") is kept as printed after its marker.
BPS_SECTORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("pertanian", "kehutanan", "perikanan"), "pertanian kehutanan dan perikanan"),
    (("pertanian",), "pertanian kehutanan dan perikanan"),
    (("perikanan",), "perikanan"), (("kehutanan",), "kehutanan"), (("peternakan",), "peternakan"),
    (("perkebunan",), "perkebunan"), (("tanaman", "pangan"), "tanaman pangan"), (("hortikultura",), "hortikultura"),
    (("pertambangan", "penggalian"), "pertambangan dan penggalian"), (("pertambangan",), "pertambangan dan penggalian"),
    (("industri", "pengolahan"), "industri pengolahan"), (("industri",), "industri pengolahan"),
    (("manufaktur",), "industri pengolahan"),
    (("pengadaan", "listrik", "gas"), "pengadaan listrik dan gas"), (("listrik", "gas"), "pengadaan listrik dan gas"),
    (("pengadaan", "air"), "pengadaan air"),
    (("konstruksi",), "konstruksi"), (("bangunan",), "konstruksi"),
    (("perdagangan", "hotel", "restoran"), "perdagangan hotel dan restoran"),
    (("perdagangan", "besar", "eceran"), "perdagangan besar dan eceran"), (("perdagangan",), "perdagangan besar dan eceran"),
    (("transportasi", "pergudangan"), "transportasi dan pergudangan"), (("transportasi",), "transportasi dan pergudangan"),
    (("pengangkutan", "komunikasi"), "pengangkutan dan komunikasi"),
    (("penyediaan", "akomodasi", "makan", "minum"), "penyediaan akomodasi dan makan minum"),
    (("akomodasi", "makan", "minum"), "penyediaan akomodasi dan makan minum"),
    (("informasi", "komunikasi"), "informasi dan komunikasi"),
    (("jasa", "keuangan", "asuransi"), "jasa keuangan dan asuransi"), (("keuangan", "asuransi"), "jasa keuangan dan asuransi"),
    (("real", "estate"), "real estat"), (("real", "estat"), "real estat"),
    (("jasa", "perusahaan"), "jasa perusahaan"),
    (("administrasi", "pemerintahan"), "administrasi pemerintahan"),
    (("jasa", "pendidikan"), "jasa pendidikan"),
    (("jasa", "kesehatan", "kegiatan", "sosial"), "jasa kesehatan dan kegiatan sosial"),
    (("jasa", "kesehatan"), "jasa kesehatan dan kegiatan sosial"),
    (("jasa", "lainnya"), "jasa lainnya"),
)
# The words that mark a sector ("sektor", "sub sektor", "kategori", "lapangan usaha") and fill around it.
_SECTOR_MARKERS = frozenset({"sektor", "kategori", "lapangan"})
_SECTOR_FILLERS = frozenset({"sektor", "kategori", "lapangan", "usaha"})
# The regional GDP at constant prices (atas dasar harga konstan, ADHK): its growth is the economy's growth; at
# current prices (ADHB, harga berlaku) the growth is nominal, another quantity.
_PDRB = tuple(frozenset({w}) for w in ("produk", "domestik", "regional", "bruto"))
_GROWTH_WORDS = _MACRO_MEASURES | {"laju", "persentase", "rata", "adhk", "atas", "dasar", "harga", "konstan"}

# The levels of schooling a participation or drop-out rate is printed for, each in the one form the national
# statistics use: SD with its madrasah equal MI and "Sekolah Dasar" (primary), SMP / MTs / SLTP (lower secondary),
# SMA / MA / SLTA (upper secondary), SMK (vocational, a level of its own), PAUD (early childhood).
SCHOOL_LEVELS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("sekolah", "dasar"), "sd"), (("sekolah", "menengah", "pertama"), "smp"), (("sekolah", "menengah", "atas"), "sma"),
    (("sekolah", "menengah", "kejuruan"), "smk"), (("pendidikan", "anak", "usia", "dini"), "paud"),
    (("sd",), "sd"), (("mi",), "sd"), (("smp",), "smp"), (("mts",), "smp"), (("sltp",), "smp"), (("sma",), "sma"),
    (("ma",), "sma"), (("slta",), "sma"), (("smk",), "smk"), (("paud",), "paud"),
)
# "SD sederajat" (or equal), "jenjang SD" (the level of schooling SD).
_SCHOOL_LEVEL_WORDS = frozenset({"sederajat", "jenjang", "pendidikan", "tingkat"})
# What a person holds or owns: "kepemilikan KTP-el" (ownership), "penduduk yang memiliki …", "ber-KTP-el" (holding).
_OWNING = frozenset({"kepemilikan", "memiliki", "mempunyai", "punya", "ber"})
# A share of households or residents with access to a service: "Persentase rumah tangga (yang mendapatkan) akses …".
_HOUSEHOLD_ACCESS = frozenset({"rumah", "tangga", "penduduk", "akses", "mendapatkan", "memiliki", "pelayanan", "layanan"})

# The words of a bed occupancy rate in either language: bed occupancy rate / ratio, angka (tingkat) hunian or
# penggunaan / pemakaian tempat tidur.
_BED_OCCUPANCY_WORDS = frozenset({"bed", "occupancy", "rate", "ratio", "tempat", "tidur", "hunian", "penggunaan",
                                  "pemakaian", "angka"})

CONCEPTS: tuple[Concept, ...] = (
    # Indeks Kepuasan Masyarakat: the public-satisfaction index (IKM, IKM Pelayanan, Nilai / Survei Kepuasan
    # Masyarakat, Indeks Kepuasan Pengguna Layanan / Pelanggan). Satisfaction of staff, of the council or with one
    # named service ("… pada Diklat X") is another quantity: those words are not allowed.
    Concept("satisfaction_index", "Indeks Kepuasan Masyarakat (IKM)",
            required=(frozenset({"kepuasan"}), frozenset({"masyarakat", "pengguna", "pelanggan"})),
            allowed=frozenset({"indeks", "nilai", "survei", "skor", "rata", "hasil", "layanan", "pelayanan", "publik"})),
    # Nilai SAKIP / AKIP: the score of an agency's performance-accountability evaluation (Nilai SAKIP,
    # Nilai AKIP, Hasil Evaluasi AKIP, a score of the evaluation of SAKIP's implementation, Nilai LHE AKIP: the
    # score of the evaluation report, Nilai Evaluasi Akuntabilitas Kinerja without "instansi pemerintah"). The
    # report itself (a "laporan" of accountability) is a document, not the score.
    Concept("akip_score", "Nilai SAKIP (hasil evaluasi AKIP)", required=_AKIP,
            allowed=_SCORE_WORDS | _AKIP_AGENCY | {"sistem"}, measure="score"),
    # Predikat SAKIP / AKIP: the grade of the same evaluation (AA, A, BB, B, CC …): another quantity than the score.
    Concept("akip_grade", "Predikat SAKIP (hasil evaluasi AKIP)", required=_AKIP + (frozenset({"predikat", "kategori"}),),
            allowed=_AKIP_AGENCY | {"sistem", "hasil", "evaluasi"}, measure="grade"),
    # Opini BPK: the audit board's opinion on the financial statements (WTP, WDP, TW, TMP).
    Concept("bpk_opinion", "Opini BPK atas laporan keuangan",
            required=(frozenset({"opini", "wajar"}),),
            allowed=frozenset({"opini", "badan", "pemeriksa", "keuangan", "laporan", "pemerintah", "predikat", "tanpa",
                               "pengecualian", "memperoleh", "mendapatkan", "hasil", "ri", "republik", "indonesia", "kabupaten",
                               "kota", "provinsi"})),
    # The follow-up of the audit board's (BPK) findings: the share of its findings or recommendations followed up
    # ("Persentase temuan BPK yang ditindaklanjuti", "Persentase penyelesaian TLHP BPK"). The inspectorate's (APIP)
    # findings and a count of findings ("Jumlah temuan BPK") are other quantities.
    Concept("bpk_followup", "Tindak lanjut temuan dan rekomendasi BPK (persentase)",
            required=(frozenset({"pemeriksa"}), frozenset({"tindak", "tindaklanjut", "tindaklanjuti", "ditindaklanjuti"})),
            allowed=frozenset({"badan", "keuangan", "lanjut", "temuan", "rekomendasi", "hasil", "pemeriksaan",
                               "penyelesaian", "ri", "republik", "indonesia", "atas", "laporan"}),
            share=True),
    # Laju pertumbuhan ekonomi (LPE) = laju pertumbuhan PDRB atas dasar harga konstan: one quantity however it
    # is printed ("Laju Pertumbuhan Ekonomi", "Pertumbuhan PDRB ADHK", "LPE"); of one sector when one is named, the
    # sector read from the BPS categories ("LPE sektor pertanian" = "Laju Pertumbuhan PDRB Pertanian" = "Pertumbuhan
    # Sektor Pertanian"): two sectors are two indicators, no sector is the whole economy.
    Concept("economic_growth", "Laju pertumbuhan ekonomi (PDRB atas dasar harga konstan)",
            required=(frozenset({"pertumbuhan"}), frozenset({"ekonomi"})), allowed=_GROWTH_WORDS | set().union(*_PDRB),
            qualifier_markers=_SECTOR_MARKERS, qualifier_fillers=_SECTOR_FILLERS, qualifier_terms=BPS_SECTORS),
    Concept("economic_growth", "Laju pertumbuhan ekonomi (PDRB atas dasar harga konstan)",
            required=(frozenset({"pertumbuhan"}), *_PDRB), allowed=_GROWTH_WORDS,
            qualifier_markers=_SECTOR_MARKERS, qualifier_fillers=_SECTOR_FILLERS, qualifier_terms=BPS_SECTORS),
    Concept("economic_growth", "Laju pertumbuhan ekonomi (PDRB atas dasar harga konstan)",
            required=(frozenset({"pertumbuhan"}), _SECTOR_MARKERS), allowed=_GROWTH_WORDS,
            qualifier_markers=_SECTOR_MARKERS, qualifier_fillers=_SECTOR_FILLERS, qualifier_terms=BPS_SECTORS,
            term_needed=True),
    # A sector's share of the PDRB: "Kontribusi sektor X terhadap PDRB", "Kontribusi PDRB sektor X", "Peran
    # sektor X dalam struktur PDRB"; the sector is its qualifier and must be named.
    Concept("pdrb_sector_share", "Kontribusi terhadap PDRB",
            required=(frozenset({"kontribusi", "peran", "peranan", "distribusi"}), *_PDRB),
            allowed=frozenset({"struktur", "persentase", "adhb", "dasar", "harga", "berlaku"}),
            qualifier_markers=_SECTOR_MARKERS, qualifier_fillers=_SECTOR_FILLERS, qualifier_terms=BPS_SECTORS,
            qualifier_needed=True),
    # Persentase penyerapan / realisasi anggaran: the share of the budget spent. "Realisasi anggaran" alone
    # is an amount in Rupiah, another quantity: a share needs absorption (penyerapan, serapan, daya serap)
    # or a share word (persentase, tingkat).
    Concept("budget_absorption", "Persentase penyerapan anggaran",
            required=(frozenset({"anggaran", "keuangan"}), frozenset({"penyerapan", "serapan", "serap"})),
            allowed=frozenset({"persentase", "tingkat", "daya", "belanja", "realisasi", "capaian"})),
    Concept("budget_absorption", "Persentase penyerapan anggaran",
            required=(frozenset({"anggaran", "keuangan"}), frozenset({"realisasi"}), frozenset({"persentase", "tingkat"})),
            allowed=frozenset({"belanja", "capaian"})),
    # Maturitas SPIP: the maturity level of the internal control system (Level / Maturitas / Nilai SPIP).
    Concept("spip_maturity", "Level maturitas SPIP",
            required=(frozenset({"sistem"}), frozenset({"pengendalian"}), frozenset({"internal"}), frozenset({"pemerintah"})),
            allowed=frozenset({"level", "maturitas", "tingkat", "nilai", "skor", "kematangan", "penyelenggaraan",
                               "implementasi", "penerapan"})),
    # Kapabilitas APIP: the capability level of the internal auditors (Level Kapabilitas APIP, IACM level).
    Concept("apip_capability", "Level kapabilitas APIP",
            required=(frozenset({"aparat"}), frozenset({"pengawasan"}), frozenset({"internal"}), frozenset({"pemerintah"}),
                      frozenset({"kapabilitas", "level", "iacm"})),
            allowed=frozenset({"kapabilitas", "level", "tingkat", "nilai", "skor", "audit", "capability", "model"})),
    Concept("apip_capability", "Level kapabilitas APIP",
            required=(frozenset({"internal"}), frozenset({"audit"}), frozenset({"capability"}), frozenset({"model"})),
            allowed=frozenset({"kapabilitas", "level", "tingkat", "nilai", "skor", "aparat", "pengawasan", "pemerintah"})),
    # The macro indicators of the regional plans, as Statistics Indonesia publishes them. A region's LKjIP,
    # its RPJMD and its agencies print them with a word of measure ("Nilai IPM", "Angka IPM", "Capaian
    # …") and the region's name ("IPM Kabupaten X"): those words are allowed. Another measure of the same
    # subject is another quantity: "Jumlah penduduk miskin" (a count), "… miskin ekstrem", the IPM of a
    # group ("… Gender") or a subsector's terms of trade ("NTP Hortikultura") stay apart.
    *(Concept(key, label, required=tuple(frozenset({w}) for w in words),
              allowed=_MACRO_MEASURES | extra)
      for key, label, words, extra in (
          ("human_development_index", "Indeks Pembangunan Manusia (IPM)", ("indeks", "pembangunan", "manusia"), frozenset()),
          ("gender_development_index", "Indeks Pembangunan Gender (IPG)", ("indeks", "pembangunan", "gender"), frozenset()),
          ("gender_empowerment_index", "Indeks Pemberdayaan Gender (IDG)", ("indeks", "pemberdayaan", "gender"), frozenset()),
          ("environmental_quality_index", "Indeks Kualitas Lingkungan Hidup (IKLH)",
           ("indeks", "kualitas", "lingkungan", "hidup"), frozenset()),
          ("developing_village_index", "Indeks Desa Membangun (IDM)", ("indeks", "desa", "membangun"),
           frozenset({"status", "rata"})),
          ("democracy_index", "Indeks Demokrasi Indonesia (IDI)", ("indeks", "demokrasi"), frozenset({"indonesia"})),
          ("open_unemployment_rate", "Tingkat Pengangguran Terbuka (TPT)", ("pengangguran", "terbuka"),
           frozenset({"persentase", "rasio"})),
          ("gini_ratio", "Rasio Gini", ("gini",), frozenset({"rasio", "ratio", "indeks", "koefisien", "ketimpangan",
                                                            "pendapatan", "pengeluaran"})),
          ("life_expectancy", "Angka Harapan Hidup (AHH)", ("harapan", "hidup"),
           frozenset({"usia", "umur", "tahun", "saat", "lahir"})),
          # BPS's definition is printed with it: "… penduduk usia 25 tahun ke atas"
          ("mean_years_of_schooling", "Rata-rata Lama Sekolah (RLS)", ("rata", "lama", "sekolah"),
           frozenset({"tahun", "penduduk", "usia", "umur", "25"})),
          ("expected_years_of_schooling", "Harapan Lama Sekolah (HLS)", ("harapan", "lama", "sekolah"), frozenset({"tahun"})),
          ("maternal_mortality", "Angka Kematian Ibu (AKI)", ("kematian", "ibu"), _PER_BIRTHS | {"melahirkan"}),
          ("infant_mortality", "Angka Kematian Bayi (AKB)", ("kematian", "bayi"), _PER_BIRTHS),
          ("farmer_terms_of_trade", "Nilai Tukar Petani (NTP)", ("nilai", "tukar", "petani"), frozenset({"rata"})),
          ("fisher_terms_of_trade", "Nilai Tukar Nelayan (NTN)", ("nilai", "tukar", "nelayan"), frozenset({"rata"})),
          ("asn_professionalism_index", "Indeks Profesionalitas ASN", ("indeks", "profesionalitas", "aparat"),
           frozenset({"sipil", "negara", "pegawai"})),
          ("merit_system_index", "Indeks Sistem Merit", ("merit",),
           frozenset({"indeks", "sistem", "penerapan", "manajemen", "aparat", "sipil", "negara"})),
          ("spbe_index", "Indeks SPBE", ("sistem", "pemerintahan", "berbasis", "elektronik"),
           frozenset({"indeks", "tingkat", "level", "kematangan", "maturitas", "implementasi", "penerapan"})),
          ("public_service_index", "Indeks Pelayanan Publik", ("indeks", "pelayanan", "publik"),
           frozenset({"penyelenggaraan", "kinerja"})),
      )),
    # The share of the poor: "Persentase Penduduk Miskin", "Angka / Tingkat Kemiskinan"; a count ("Jumlah
    # penduduk miskin"), the extreme poor or a group of them are other quantities.
    Concept("poverty_rate", "Persentase penduduk miskin",
            required=(frozenset({"miskin", "kemiskinan"}),),
            allowed=_MACRO_MEASURES | {"persentase", "penduduk", "rasio"}),
    # The outputs of the office services every regional agency budgets under its "Program Penunjang Urusan
    # Pemerintahan Daerah" (the national nomenclature of sub kegiatan since 2021): printing and copying, reading
    # matter and regulations, the upkeep of official vehicles, the building's electrical fittings, the utility
    # bills paid (the bills themselves: a count of payments for the communication, water and power services
    # is another). Agencies print them as the sub kegiatan's name or a count of it, in their own words ("Jumlah
    # Barang Cetakan dan Penggandaan yang disediakan", "Jumlah cetakan dan penggandaan tersedia"); a share
    # ("Persentase …") or another count is another quantity.
    *(Concept(key, label, required=required, allowed=_OUTPUT_COUNTS | extra)
      for key, label, required, extra in (
          ("printing_and_copying", "Jumlah paket barang cetakan dan penggandaan",
           (frozenset({"cetak", "cetakan"}), frozenset({"penggandaan"})), frozenset({"barang"})),
          ("reading_matter", "Jumlah dokumen bahan bacaan dan peraturan perundang-undangan",
           (frozenset({"bacaan"}), frozenset({"peraturan"})), frozenset({"buku", "bahan", "perundang", "undangan",
                                                                         "perundangan", "perundangundangan"})),
          ("official_vehicle_upkeep", "Jumlah kendaraan dinas yang dipelihara",
           (frozenset({"kendaraan"}), frozenset({"dipelihara", "terpelihara", "pemeliharaan", "pelihara"})),
           frozenset({"dinas", "operasional", "lapangan", "jabatan", "perorangan", "roda", "dua", "empat"})),
          ("office_electrical_fittings", "Jumlah paket komponen instalasi listrik / penerangan bangunan kantor",
           (frozenset({"komponen"}), frozenset({"listrik", "penerangan"})),
           frozenset({"instalasi", "bangunan", "kantor"})),
          ("utility_bills", "Jumlah rekening listrik, air, telepon dan internet yang terbayar",
           (frozenset({"rekening"}), frozenset({"listrik"}), frozenset({"telepon"})),
           frozenset({"air", "internet", "terbayar", "dibayar", "terbayarkan", "dibayarkan"})),
      )),
    # Recurring indicators of regional plans and agency LKjIPs across Indonesia, printed with a word of measure
    # and the region's name. A share needs a share word or a percent unit (`Concept.share`); a count, an amount
    # or another subject ("Jumlah balita stunting", "Inflasi bahan pangan", "Indeks RB Tematik") stays apart.
    # Indeks Reformasi Birokrasi: the ministry's evaluation of an agency's bureaucratic reform (Nilai RB, Nilai
    # Evaluasi RB); a thematic RB index ("RB Tematik") is another.
    Concept("bureaucratic_reform_index", "Indeks Reformasi Birokrasi (RB)",
            required=(frozenset({"reformasi"}), frozenset({"birokrasi"})),
            allowed=_MACRO_MEASURES | {"evaluasi", "hasil", "pelaksanaan", "implementasi"}),
    # Inflation: "Tingkat / Laju / Angka Inflasi (yoy)", year on year unless another base is printed; the inflation
    # of a group of goods ("bahan pangan", "komponen bergejolak") is another.
    Concept("inflation_rate", "Tingkat inflasi", required=(frozenset({"inflasi"}),),
            allowed=_MACRO_MEASURES | {"laju", "persentase", "yoy", "tahunan"}),
    # Indeks Pengelolaan Keuangan Daerah (IPKD): the Home Affairs ministry's index of regional financial management.
    Concept("regional_finance_index", "Indeks Pengelolaan Keuangan Daerah (IPKD)",
            required=tuple(frozenset({w}) for w in ("indeks", "pengelolaan", "keuangan", "daerah")), allowed=_MACRO_MEASURES),
    # Indeks Ketahanan Pangan (IKP): the food agency's food security index.
    Concept("food_security_index", "Indeks Ketahanan Pangan (IKP)",
            required=tuple(frozenset({w}) for w in ("indeks", "ketahanan", "pangan")), allowed=_MACRO_MEASURES),
    # Skor Pola Pangan Harapan (PPH): the diversity score of food consumption; that of availability ("PPH
    # Ketersediaan") is another.
    Concept("desirable_dietary_pattern", "Skor Pola Pangan Harapan (PPH)",
            required=tuple(frozenset({w}) for w in ("pola", "pangan", "harapan")), allowed=_MACRO_MEASURES | {"konsumsi"}),
    # Prevalensi stunting: the share of children under five too short for their age (stunted: "pendek dan sangat
    # pendek", kerdil).
    Concept("stunting_prevalence", "Prevalensi stunting pada balita", required=(frozenset({"stunting", "kerdil"}),),
            allowed=frozenset({"balita", "anak", "bayi", "pendek", "sangat", "usia", "bawah", "lima", "tahun", "baduta"}),
            share=True),
    # Kemantapan jalan: the share of the road length in steady (good or fair) condition; "kemantapan" is itself the
    # share ("Tingkat kemantapan jalan"); "mantap" needs a share word ("Persentase jalan (dalam kondisi) mantap").
    # Length in km and roads in good condition ("kondisi baik") are others.
    Concept("road_steadiness", "Persentase panjang jalan dalam kondisi mantap",
            required=(frozenset({"jalan"}), frozenset({"kemantapan"})),
            allowed=SHARE_WORDS | {"kondisi", "panjang", "mantap", "kabupaten", "kota", "provinsi"}),
    Concept("road_steadiness", "Persentase panjang jalan dalam kondisi mantap",
            required=(frozenset({"jalan"}), frozenset({"mantap"})),
            allowed=frozenset({"kondisi", "panjang", "kabupaten", "kota", "provinsi"}), share=True),
    # Bed Occupancy Rate (BOR) of a hospital: "Angka penggunaan / Tingkat hunian tempat tidur".
    # printed in English, in Indonesian, or both ("Angka penggunaan tempat tidur (BOR)"): each form allows the other's words
    Concept("bed_occupancy_rate", "Bed Occupancy Rate (BOR)", required=(frozenset({"bed"}), frozenset({"occupancy"})),
            allowed=SHARE_WORDS | _BED_OCCUPANCY_WORDS),
    Concept("bed_occupancy_rate", "Bed Occupancy Rate (BOR)",
            required=(frozenset({"tempat"}), frozenset({"tidur"}), frozenset({"hunian", "penggunaan", "pemakaian"})),
            allowed=SHARE_WORDS | _BED_OCCUPANCY_WORDS),
    # Persalinan di fasilitas pelayanan kesehatan: the share of births in a health facility ("faskes",
    # "fasyankes"); births attended by health workers ("pertolongan … oleh tenaga kesehatan") is another.
    Concept("births_in_health_facilities", "Persentase persalinan di fasilitas pelayanan kesehatan",
            required=(frozenset({"persalinan", "bersalin"}), frozenset({"fasilitasi", "faskes", "fasyankes"})),
            allowed=frozenset({"pelayanan", "kesehatan", "ibu", "mendapatkan", "mendapat"}), share=True),
    # Households with access to drinking water / sanitation of decent quality ("layak"); "aman" (safely managed)
    # is a stricter standard, another quantity.
    Concept("drinking_water_access", "Persentase rumah tangga dengan akses air minum layak",
            required=(frozenset({"air"}), frozenset({"minum"}), frozenset({"layak"})), allowed=_HOUSEHOLD_ACCESS, share=True),
    Concept("sanitation_access", "Persentase rumah tangga dengan akses sanitasi layak",
            required=(frozenset({"sanitasi"}), frozenset({"layak"})), allowed=_HOUSEHOLD_ACCESS, share=True),
    # Realisasi PAD: own-source revenue realised against its target, a share ("… terhadap target (%)"); the amount
    # in Rupiah, its growth and the whole revenue ("pendapatan daerah" without "asli") are others.
    Concept("own_revenue_realisation", "Persentase realisasi Pendapatan Asli Daerah (PAD)",
            required=(frozenset({"pendapatan"}), frozenset({"asli"}), frozenset({"realisasi", "capaian", "pencapaian"})),
            allowed=frozenset({"target", "penerimaan", "realisasi", "capaian", "pencapaian"}), share=True),
    # Kepemilikan KTP-el: the share of residents due one who hold an electronic identity card; recording
    # ("perekaman KTP-el") and the children's card (KIA) are others.
    Concept("e_id_card_ownership", "Persentase kepemilikan KTP elektronik",
            required=(frozenset({"kartu"}), frozenset({"tanda"}), frozenset({"penduduk"}), frozenset({"elektronik"}),
                      _OWNING),
            allowed=_OWNING | {"wajib"}, share=True),
    # Kepemilikan akta kelahiran anak (usia 0-18 tahun): children holding a birth certificate; death certificates
    # and a count of certificates issued are others.
    Concept("child_birth_certificates", "Persentase anak yang memiliki akta kelahiran",
            required=(frozenset({"akta"}), frozenset({"kelahiran"}), frozenset({"anak"}), _OWNING),
            allowed=_OWNING | {"usia", "umur", "tahun", "th", "18"}, share=True),
    # Nilai realisasi investasi (PMA dan PMDN): the amount invested, foreign (penanaman modal asing) and domestic
    # (… dalam negeri); its growth or its share of a target is another.
    Concept("investment_value", "Nilai realisasi investasi (PMA dan PMDN)",
            required=(frozenset({"investasi"}), frozenset({"nilai", "realisasi", "jumlah"})),
            allowed=frozenset({"nilai", "realisasi", "jumlah", "total", "pma", "pmdn", "penanaman", "modal", "asing",
                               "negeri"})),
    # Izin terbit tepat waktu: the share of permits issued within the service standard's time; a count is another.
    Concept("permits_on_time", "Persentase perizinan yang diterbitkan tepat waktu",
            required=(frozenset({"izin", "perizinan"}), frozenset({"tepat"}), frozenset({"waktu"})),
            allowed=frozenset({"terbit", "diterbitkan", "penerbitan", "diselesaikan", "selesai", "penyelesaian", "sesuai",
                               "sop", "standar", "pelayanan", "layanan", "dokumen"}), share=True),
    # Raperda ditetapkan: the share of draft regional regulations enacted (ditetapkan / disahkan menjadi Perda).
    Concept("draft_regulations_enacted", "Persentase Raperda yang ditetapkan menjadi Perda",
            required=(frozenset({"rancangan"}), frozenset({"peraturan"}), frozenset({"daerah"}),
                      frozenset({"ditetapkan", "disahkan", "penetapan", "pengesahan"})),
            allowed=frozenset({"menjadi", "perda", "ditetapkan", "disahkan", "penetapan", "pengesahan"}), share=True),
    # Konsistensi program RPJMD dalam RKPD: how far the yearly work plan carries the five-year plan's programs.
    Concept("plan_consistency", "Persentase konsistensi program RPJMD dalam RKPD",
            required=(frozenset({"konsistensi", "keselarasan", "kesesuaian"}), frozenset({"rpjmd"}), frozenset({"rkpd"})),
            allowed=SHARE_WORDS | {"program", "antara"}),
    # School participation: Angka Partisipasi Murni / Kasar (APM, APK) of one level of schooling (the level is the
    # qualifier: APM SD and APM SMP, APM and APK are four indicators), and the drop-out rate by level.
    *(Concept(key, label, required=required, allowed=_SCHOOL_LEVEL_WORDS | extra, qualifier_terms=SCHOOL_LEVELS,
              term_needed=True)
      for key, label, required, extra in (
          ("net_enrolment_rate", "Angka Partisipasi Murni (APM)",
           (frozenset({"angka"}), frozenset({"partisipasi"}), frozenset({"murni"})), frozenset()),
          ("net_enrolment_rate", "Angka Partisipasi Murni (APM)", (frozenset({"apm"}),), frozenset({"angka"})),
          ("gross_enrolment_rate", "Angka Partisipasi Kasar (APK)",
           (frozenset({"angka"}), frozenset({"partisipasi"}), frozenset({"kasar"})), frozenset()),
          ("gross_enrolment_rate", "Angka Partisipasi Kasar (APK)", (frozenset({"apk"}),), frozenset({"angka"})),
          ("dropout_rate", "Angka Putus Sekolah", (frozenset({"putus"}), frozenset({"sekolah"})),
           frozenset({"angka", "persentase", "rasio", "siswa", "anak"})),
      )),
    # Macro indicators of the labour market, health and education printed like the ones above.
    *(Concept(key, label, required=tuple(frozenset({w}) for w in words), allowed=_MACRO_MEASURES | extra)
      for key, label, words, extra in (
          ("labour_participation_rate", "Tingkat Partisipasi Angkatan Kerja (TPAK)", ("partisipasi", "angkatan", "kerja"),
           frozenset({"persentase"})),
          ("under_five_mortality", "Angka Kematian Balita (AKBa)", ("kematian", "balita"), _PER_BIRTHS),
          ("neonatal_mortality", "Angka Kematian Neonatal (AKN)", ("kematian", "neonatal"), _PER_BIRTHS),
          ("literacy_rate", "Angka Melek Huruf (AMH)", ("melek", "huruf"),
           frozenset({"persentase", "penduduk", "usia", "tahun", "15", "atas", "dewasa"})),
          ("electrification_ratio", "Rasio elektrifikasi", ("elektrifikasi",), frozenset({"rasio", "persentase"})),
          ("regional_competitiveness_index", "Indeks Daya Saing Daerah (IDSD)", ("indeks", "daya", "saing"), frozenset()),
          ("disaster_risk_index", "Indeks Risiko Bencana", ("indeks", "risiko", "bencana"), frozenset({"indonesia"})),
          ("public_information_openness_index", "Indeks Keterbukaan Informasi Publik", ("keterbukaan", "informasi", "publik"),
           frozenset()),
          ("water_quality_index", "Indeks Kualitas Air (IKA)", ("indeks", "kualitas", "air"), frozenset()),
          ("air_quality_index", "Indeks Kualitas Udara (IKU)", ("indeks", "kualitas", "udara"), frozenset()),
          ("land_cover_quality_index", "Indeks Kualitas Tutupan Lahan (IKTL)", ("indeks", "kualitas", "tutupan", "lahan"),
           frozenset()),
      )),
    # Imunisasi dasar lengkap: the share of infants fully immunised; a village's UCI status is another.
    Concept("full_basic_immunisation", "Persentase bayi yang mendapat imunisasi dasar lengkap",
            required=(frozenset({"imunisasi"}), frozenset({"dasar"}), frozenset({"lengkap"})),
            allowed=frozenset({"bayi", "anak", "mendapat", "mendapatkan", "memperoleh"}), share=True),
)
