"""Indonesian terms that name what a table or a column holds, each with what it means.

In:  nothing; a vocabulary the classifier and the row stages read.
Out: patterns and the role each one gives. The header-word ladder of `pipeline.classify.role_of` is
     older and still holds most column vocabulary; new terms go here, one entry each, with a comment.
"""
from __future__ import annotations

import re

# Words of a caption that say which role a run of bare year columns (2013 | 2014 | … | 2018) holds.
CAPTION_ROLE_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\btarget\b"), "target"),  # target
    (re.compile(r"\brealisasi\b"), "realization"),  # realization
    (re.compile(r"\bcapaian\b"), "achievement"),  # achievement (% of target)
    # "Sasaran Populasi Ternak 2013-2018": sasaran followed by a quantity is the planned level of it, a
    # target; "Sasaran Strategis" / "Sasaran Stratejik" / "Sasaran Kinerja" name objectives, not numbers.
    (re.compile(r"^\W*(?:tabel\s+[\d.]+\s*)?sasaran\s+(?!strategis|stratejik|kinerja|program|kegiatan)[a-z]"), "target"),
    (re.compile(r"\b(?:proyeksi|rencana capaian)\b"), "target"),  # projection / planned level
)


def caption_roles(caption: str | None) -> list[str]:
    """The roles a caption names for its bare year columns, in the order of CAPTION_ROLE_WORDS."""
    text = (caption or "").lower()
    return list(dict.fromkeys(role for pattern, role in CAPTION_ROLE_WORDS if pattern.search(text)))


# A quarter of the year heading a column: triwulan (quarter) and its abbreviations TW / TRW / TRIW with the
# quarter's number in Roman or Arabic figures ("TW II", "Trw 3", "Triw IV"), or the abbreviation alone.
QUARTER = re.compile(r"\btriwulan\b|\bt(?:r|ri)?w\.?\s*(i|ii|iii|iv|[1-4])\b|^t(?:r|ri)?w$|\bquarter", re.IGNORECASE)
# Up to the end of the last quarter ("Realisasi s.d. Triwulan IV", "s/d TW 4", "sampai dengan Triwulan IV"): the
# whole year's value, not a quarter's (Readings settled 7 leaves out the quarters themselves).
THROUGH_LAST_QUARTER = re.compile(
    r"(?:\bs\.?\s?/?\s?d\.?|\bsampai\s+dengan|\bhingga)\s*(?:triwulan|t(?:r|ri)?w\.?)\s*(?:iv|4)\b", re.IGNORECASE)
# The same short heading as OCR reads it in small bold print: letters of "triw" run together or lost, w read
# as v, Roman I read as l or 1 ("Tiwi", "Tnw III", "Triv IV", "Triw ll", "Triw 11)"). Too loose to trust alone;
# `pipeline.classify.quarter_siblings` trusts it for sibling columns under one group heading.
QUARTER_MISREAD = re.compile(r"^\W*t[a-z]{0,2}[wv]\.?\s*[ivxl1-4|]{0,4}\W*$", re.IGNORECASE)

# What is left of a budget: SILPA (sisa lebih pembiayaan anggaran), sisa anggaran, selisih (difference).
# Neither a ceiling nor spending, although remainder / pagu × 100 is a percentage like spending's.
# "Lebih / (Kurang)" (over / (under)): the difference a realisation table prints beside its amounts.
REMAINDER = re.compile(r"\bsilpa\b|\bsisa\b|\bselisih\b|\blebih\s*/?\s*\(?\s*kurang\b", re.IGNORECASE)

# A national or provincial benchmark printed beside the agency's figure ("Standar Nasional",
# "Rata-rata Nasional", "Angka Provinsi"): a figure to compare with, neither the agency's target nor its capaian.
BENCHMARK = re.compile(r"\b(standar|rata-rata|capaian|kinerja|angka)\s+(kinerja\s+)?(nasional|provinsi)\b|\bstandar\s+nasional\b",
                       re.IGNORECASE)

# The marks a printed list puts before its items (dash, en dash, bullets, arrow), as a regex class body;
# Word's Symbol and Wingdings bullets come out of the text layer as private-use characters
# (U+F0B7 "", U+F0D8 "", …).
BULLETS = "-–•●▪➢\uf0a7\uf0b7\uf0d8\uf076\uf0fc\uf0a8"
# A line that starts an item of a list: a row code ("1.2.2 ", "3. ", "7) "), a bullet, a letter item ("a. ", "b) ").
ITEM_MARK = re.compile(rf"^\s*(?:\d{{1,3}}(?:\.\d{{1,3}})*[.)]?\s|[{BULLETS}]|[a-z][.)]\s)", re.IGNORECASE)
# A line holding a list mark and nothing else: a bullet set a little lower than its item's words.
LONE_BULLET = re.compile(rf"^\s*[{BULLETS}]\s*$")
# A name that introduces a list of items below it ends with a colon ("Jumlah produksi (ton) :").
LIST_INTRODUCTION = re.compile(r":\s*$")


# A program named in a row of the table ("PROGRAM PROMOSI KESEHATAN"): "program" and a name of at least
# two words. A heading over the name column reads "Program / Kegiatan", "Program dan Kegiatan", "Program".
PROGRAM_NAME = re.compile(r"^\s*program\s+(?!dan\b|kegiatan\b|/)[a-z]+\s+[a-z]", re.IGNORECASE)
# A row naming the goal a block of a Perjanjian Kinerja serves: "Tujuan: …", "Sasaran : …", "Sasaran Strategis:"
# (tujuan: objective, sasaran: target outcome); the block's program follows it ("Program : Program …").
GOAL_LABEL = re.compile(r"^\s*(tujuan|sasaran)(\s+strategis)?\s*:", re.IGNORECASE)
PROGRAM_LABEL = re.compile(r"^\s*program\s*:\s*", re.IGNORECASE)

# The rows of a spending table by kind of expenditure (jenis belanja): belanja langsung (direct: programs and
# kegiatan) and belanja tidak langsung ("tdk", indirect); since 2021 belanja operasi (operating), modal
# (capital), tidak terduga (contingency), transfer; within them belanja pegawai (staff), barang dan jasa
# (goods and services), hibah (grants), bantuan sosial / keuangan (social / financial aid), bunga
# (interest), subsidi, bagi hasil (revenue sharing); capital spending by its asset class: belanja modal tanah
# (land), peralatan dan mesin (equipment), gedung dan bangunan (buildings), jalan, irigasi dan jaringan (roads,
# irrigation, networks), aset tetap lainnya (other fixed assets). An aside may follow ("(Honor + Lembur)": what
# the kind holds). "BelanjaHibah": the space lost in the text layer. A label of the body, never a heading; a
# row of its own level, not a program.
EXPENDITURE_GROUP = re.compile(
    r"^\s*belanja\s*((tidak|tdk\.?)\s+langsung|langsung|operasi|modal(\s+(tanah|peralatan\s+dan\s+mesin|"
    r"gedung\s+dan\s+bangunan|jalan,?\s+irigasi,?\s+dan\s+jaringan|aset\s+(tetap\s+)?lainnya))?|"
    r"tidak\s+terduga|transfer|pegawai|"
    r"barang(\s+(dan|&)\s+jasa)?|hibah|bantuan\s+(sosial|keuangan)|bunga|subsidi|bagi\s+hasil)"
    r"\s*(\([^)]*\))?\s*:?\s*$", re.IGNORECASE)
# A government affair over its programs (urusan pemerintahan: the affairs a region runs; unsur pendukung /
# penunjang urusan: the support units, such as a DPRD secretariat), printed as a row of its own above them:
# the sum of its programs, not one of them (level other: a total printed above its rows would be summed
# against the rows above it).
GOVERNMENT_AFFAIR = re.compile(
    r"^\s*(unsur\s+(pendukung|penunjang)\s+)?urusan\s+(pemerintahan|wajib|pilihan)\b[^:]*$", re.IGNORECASE)
# Direct spending (belanja langsung): the kind that holds the programs and their kegiatan. Indirect spending
# (salaries, grants) and the kinds within a kegiatan (pegawai, barang dan jasa, modal) hold no program.
DIRECT_SPENDING = re.compile(r"^\s*belanja\s+langsung\b", re.IGNORECASE)
# The split of a budget into indirect and direct spending: a row of it closes the programs above it; the
# kinds within a kegiatan (its belanja pegawai, barang dan jasa, modal) do not.
SPENDING_SPLIT = re.compile(r"^\s*belanja\s+((tidak|tdk\.?)\s+)?langsung\b", re.IGNORECASE)
# A regional government's or an agency's whole spending, over its kinds: belanja daerah (regional spending),
# belanja perangkat daerah (the agency's), printed "Belanja Daerah/Perangkat Daerah" in a Renstra's table of
# funding. A total of the kinds below it, not a program.
WHOLE_SPENDING = re.compile(
    r"^\s*belanja\s+(daerah(\s*/\s*perangkat\s+daerah)?|perangkat\s+daerah)\s*:?\s*$", re.IGNORECASE)

# Revenue: pendapatan (income), PAD / PADS (pendapatan asli daerah, own-source revenue), retribusi
# (user charges). A revenue target and its realisasi in Rupiah are a budget's ceiling and its
# realisation, not a performance indicator's target.
REVENUE = re.compile(r"\bpendapatan\b|\bpads?\b|\bretribusi\b", re.IGNORECASE)

# A line that goes on from the one above: it starts in lower case or with a bracket, or the line above
# ends with a comma, a hyphen, a slash or a word that needs one after it (dan, atau, yang, untuk, …).
RUNS_ON_START = re.compile(r"^[a-z(]")
RUNS_ON_END = re.compile(r"(?:[,\-/]|\b(?:dan|atau|oleh|di|ke|yang|untuk|dengan|pada|dari|serta|dalam|bagi|terhadap))$",
                         re.IGNORECASE)

# A heading that names the starting point of a plan: kondisi / capaian / kinerja awal (the condition, level,
# performance at the start), "pada awal periode / tahun perencanaan" (at the start of the period), "data capaian
# pada tahun 2018" (the data reached in a year before the plan), baseline. With a year printed, it is what was
# reached in that year: its realisasi (CONTRACT "Readings settled" 2), not a capaian of a target.
PLAN_BASELINE = re.compile(r"\b(?:kondisi|capai\s?an|kinerja)\b.*\bawal\b|\bawal\s+(?:periode|tahun|perio)\b|"
                           r"\bdata\s+capai\s?an\b|\bbaseline\b", re.IGNORECASE)

# "Realisasi Capaian (Kinerja)": the realisation of what was achieved, the quantity reached, not a percentage
# of the target (that one is the "Rasio / Persentase Capaian" beside it).
REALISED_ACHIEVEMENT = re.compile(r"\brealisasi\s+capaian\b", re.IGNORECASE)
# A year counted within the plan's period: "Tahun Ke- › 3", "Tahun ke-3", "Tahun-3" (the Renstra template's
# headings), "Tahun 3" (one digit is no calendar year), "Tahun III" (the third year), "Tahun ke- › III" (the
# group heading over I … V), "TH III", "Thn. 3" (tahun shortened).
RELATIVE_YEAR = re.compile(r"\b(?:tahun|thn|th)\.?\s*(?:ke\s*-?|-)?\s*(?:›\s*)?(\d)\b(?![.,]\d)|"
                           r"\b(?:tahun|thn|th)\.?(?:\s+|\s*ke\s*-\s*(?:›\s*)?)(i{1,3}|iv|v|vi)\b"
                           r"(?!\s*\(?\s*(?:19|20)\d\d)", re.IGNORECASE)
# A year counted from the fiscal year the report is about: the year before it ("Realisasi Tahun Lalu", "Thn.
# Lalu", "Tahun sebelumnya", "N-1") and that year itself ("Tahun Ini", "Tahun berjalan"), CONTRACT readings 2.
LAST_YEAR = re.compile(r"\b(?:tahun|thn|th)\.?\s*(?:lalu|sebelumnya)\b|\bn\s*-\s*1\b", re.IGNORECASE)
THIS_YEAR = re.compile(r"\b(?:tahun|thn|th)\.?\s*(?:ini|berjalan)\b", re.IGNORECASE)

# A target set by a standard, not by the plan for a year: NSPK (norma, standar, prosedur dan kriteria), IKK
# (indikator kinerja kunci), SPM (standar pelayanan minimal). Printed without a year beside the plan's years.
STANDARD_TARGET = re.compile(r"\b(nspk|ikk|spm)\b", re.IGNORECASE)

# A column heading that is one level of the budget hierarchy and nothing else: program, kegiatan
# (activity), sub kegiatan (sub-activity; "sub-kegiatan", "subkegiatan"). Wide Renstra tables print one
# name column per level ("PROGRAM | KEGIATAN | SUB KEGIATAN").
LEVEL_HEADING = re.compile(r"\s*(?P<sub>sub\s*-?\s*)?(?P<level>program|kegiatan)\s*")

# A budget code of the state budget (RKA-K/L, DIPA) printed before its name with a hyphen: the budget
# section ("119-BADAN …"), the eselon-I unit ("01-Badan …"), the program (two capitals, "BN-Program …",
# "WA-Program …"), the kegiatan (four digits, "5735-Peningkatan …"). It starts a row of its own.
HYPHEN_CODE_NAME = re.compile(r"^\s*(?P<code>\d{2,4}|[A-Z]{2})\s*-\s*(?=[A-Za-z])(?P<name>.+)$", re.DOTALL)

# A ceiling column for one level of the hierarchy, in a realisation sheet that prints each level's
# ceiling in its own column ("ANGGARAN › PER PAKET | PER SUB-KEGIATAN | PER KEGIATAN | PER PROGRAM"):
# per (for each) paket (a works package or contract), sub kegiatan, kegiatan, program.
PER_LEVEL = re.compile(r"\s*per\s*[-.]?\s*(?P<level>paket|pekerjaan|sub\s*-?\s*kegiatan|kegiatan|program)\s*", re.IGNORECASE)
# Physical progress (realisasi fisik, progres fisik): a percentage of works done, neither a ceiling nor spending.
PHYSICAL = re.compile(r"\bfisik\b", re.IGNORECASE)

# A date printed with slashes or dashes ("29/10/2021", "19-07-21"): a day of the calendar, no division.
DATE = re.compile(r"\s*\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*(\d{2}|\d{4})\s*")

# The heading over a breakdown of a ceiling by kind of expenditure (jenis belanja: pegawai / staff, barang /
# goods, modal / capital, bantuan sosial): the parts of the pagu printed beside them, not a ceiling each.
EXPENDITURE_KINDS = re.compile(r"\bjenis\s+belanja\b", re.IGNORECASE)

# A heading over the years of a plan counted from its first ("Anggaran pada Tahun Ke-" over 1 | 2 | 3 | 4 | 5):
# tahun ke-N is the N-th year of the plan period.
ORDINAL_YEARS = re.compile(r"\btahun\s*ke\s*-?\s*$", re.IGNORECASE)
# A ratio (rasio) of spending to the ceiling, in percent.
RATIO = re.compile(r"\brasio\b", re.IGNORECASE)

# The label of an indicator row in a plan's hierarchy table, printed in a narrow column beside the name
# (sometimes letter by letter: "I / P"), then the indicator's list number: IP = indikator program,
# IK = indikator kegiatan / kinerja, IKU = indikator kinerja utama, IKK = indikator kinerja kegiatan,
# IKP = indikator kinerja program, IKSS = indikator kinerja sasaran strategis. "IP (1) Nilai AKIP".
INDICATOR_ROW_LABEL = re.compile(r"^\s*(I\s?P|I\s?K|IKU|IKK|IKP|IKSS)\s*\(\d{1,2}\)\s+(?=\S)")

# A scale word: the figures are printed in thousands (ribu, ribuan), millions (juta, jutaan), billions (miliar,
# milyar, miliaran: 10^9) or trillions (triliun, trilyun) of their unit ("185,80 | Triliun Rupiah", "Ribu Ton");
# "000" after Rp or an opening bracket ("Rp. 000", "(000)") is thousands, "000.000" millions.
SCALE_WORD = re.compile(r"\b(?P<word>ribu(?:an)?|juta(?:an)?|mil[iy]ar(?:an)?|tril[iy]un)\b"
                        r"|(?:\brp\.?\s*|\(\s*)(?P<zeros>000(?:[.,]000)?)(?![.,]?\d)", re.IGNORECASE)
# A rate whose denominator carries the scale word: "per 1000 Penduduk", "per Juta Rupiah PDRB",
# "Kasus/100.000 KH": per (for each) or a slash before it; the scale word scales nothing.
RATE_BEFORE_SCALE = re.compile(r"\bper\b|/", re.IGNORECASE)
# A note saying in which scale a table or column prints its amounts: in brackets ("(juta)", "(Rp. 000)",
# "(dalam ribuan rupiah)", "(dlm juta)") or after dalam (in): "dalam juta rupiah". dlm = dalam abbreviated.
SCALE_NOTE = re.compile(r"\(\s*(?:(?:dalam|dlm|dim)\.?\s+)?(?:rp\.?\s*)?(?P<word>ribu(?:an)?|juta(?:an)?|mil[iy]ar(?:an)?"
                        r"|tril[iy]un|000(?:[.,]000)?)\s*(?:rupiah|rp\.?|us\s?\$|usd)?\s*\)"
                        r"|\b(?:dalam|dlm)\.?\s+(?P<word2>ribu(?:an)?|juta(?:an)?|mil[iy]ar(?:an)?|tril[iy]un)"
                        r"\s+(?:rupiah|rp\b|us\s?\$|usd)", re.IGNORECASE)

# A line that only says in which unit (and scale) a table prints its amounts: "(dalam rupiah)", "(dalam ribuan
# rupiah)", "(Rp)", "(Rp. 000)", "dalam juta rupiah". A continued table repeats it on its next page above its
# header: no text between the two parts.
AMOUNT_NOTE_LINE = re.compile(r"\s*\(?\s*(?:(?:dalam|dlm)\.?\s+)?(?:(?:ribu|juta|mil[iy]ar|tril[iy]un)(?:an)?\s+)?"
                              r"(?:rupiah|rp\.?(?:\s*000(?:[.,]000)?)?|us\s?\$|usd)\s*\)?\s*", re.IGNORECASE)

# An average over the plan's years ("Rata - rata Pertumbuhan" = average growth, "Rerata"), printed beside the
# years' amounts: the value of no single year.
AVERAGE_OVER_YEARS = re.compile(r"\brata\s*-\s*rata\b|\brerata\b", re.IGNORECASE)

# A heading over the end of the plan's period: "Target Akhir Renstra", "Kondisi Kinerja pada Akhir Periode
# Renstra", "Akhir Periode RPJMD" (akhir = end). Over Rupiah beside the years' amounts, the plan's total.
PLAN_END_HEADING = re.compile(r"\btarget\s+akhir\b|\bakhir\s+(periode\s+)?(renstra|rpjmd|rencana\s+strategis)\b",
                              re.IGNORECASE)

# The words that name a column's role in a heading, read through typos by normalizers/heading_words:
# realisasi (what was reached), capaian (the share of the target reached), target, indikator (the measures'
# names: "Indkikator Kinerja Individu" is still the indicator column).
HEADING_ROLE_WORDS = ("realisasi", "capaian", "target", "indikator")

# A year as these reports print one: the fiscal and plan years of regional and central government
# documents, 1980 to 2099 (RPJMD baselines reach back to the 1990s; a four-digit count below 1980 or
# above 2099 is a quantity, not a year).
YEAR = r"(?:19[89]\d|20\d\d)"
# A year inside any text (a caption, a heading path): not part of a longer number.
YEAR_IN_TEXT = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
# A cell or heading that is a year and nothing else, "2019" or "Tahun 2019" (fullmatch).
YEAR_CELL = re.compile(rf"\s*(?:tahun\s*)?({YEAR})\s*", re.IGNORECASE)
# A cell that is a bare year, "2019" (fullmatch; its text is the year itself).
BARE_YEAR = re.compile(rf"\s*({YEAR})\s*")


# The short names provinces go by in print ("Prov. Jabar", "Pemprov Jateng", "BKD Prov. Sumbar"): each province's
# common contraction of its full name (singkatan), lower case -> the name as the region is recorded.
PROVINCE_SHORT_NAMES = {
    "sumut": "Sumatera Utara", "sumbar": "Sumatera Barat", "sumsel": "Sumatera Selatan",  # Sumatera
    "kepri": "Kepulauan Riau", "babel": "Kepulauan Bangka Belitung",  # the island provinces off Sumatera
    "jabar": "Jawa Barat", "jateng": "Jawa Tengah", "jatim": "Jawa Timur",  # Jawa
    "ntb": "Nusa Tenggara Barat", "ntt": "Nusa Tenggara Timur",  # Nusa Tenggara
    "kalbar": "Kalimantan Barat", "kalteng": "Kalimantan Tengah", "kalsel": "Kalimantan Selatan",  # Kalimantan
    "kaltim": "Kalimantan Timur", "kaltara": "Kalimantan Utara",
    "sulut": "Sulawesi Utara", "sulteng": "Sulawesi Tengah", "sulsel": "Sulawesi Selatan",  # Sulawesi
    "sultra": "Sulawesi Tenggara", "sulbar": "Sulawesi Barat",
    "malut": "Maluku Utara", "pabar": "Papua Barat",  # Maluku, Papua
}
# Words of a region's name printed short: "Kab. Kep. Selayar", "Kab. Kep. Meranti" (Kepulauan, islands).
REGION_NAME_SHORT_WORDS = {"kep": "Kepulauan"}

# The price of one unit of an item (harga, harga satuan, tarif, biaya satuan): an RKA / DPA rincian multiplies it by
# the quantity (koefisien, volume) to give the row's Jumlah; it is no addend of that Jumlah.
UNIT_PRICE = re.compile(r"\bharga\b|\btarif\b|\bbiaya\s+satuan\b", re.IGNORECASE)
