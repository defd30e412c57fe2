"""Reconcile names: indicators across tables, years and agencies; agencies and regions.

In:  names as printed ("Persentase peningkatan Fasilitasi terhadap IKM", "DINAS PERDAGANGAN DAN
     PERINDUSTRIAN", "Kota Bekasi").
Out: a normalised comparison form (`indicator_form`), canonical indicator names with the evidence
     of each merge (`build_catalogue`), and stable agency / region keys for grouping.

A reviewed-synonyms CSV (columns: variant, canonical, action = merge | split) wins over the
catalogue's matching (`normalizers.catalogue`), so a user can force a merge or keep two indicators apart.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from normalizers.concepts import READINGS

ABBREVIATIONS = {
    "ikm": "industri kecil dan menengah",
    "umkm": "usaha mikro kecil dan menengah",
    "ukm": "usaha kecil dan menengah",
    "pdrb": "produk domestik regional bruto",
    "akip": "akuntabilitas kinerja instansi pemerintah",
    "sakip": "sistem akuntabilitas kinerja instansi pemerintah",
    "opd": "organisasi perangkat daerah",
    "pd": "perangkat daerah",
    "skpd": "satuan kerja perangkat daerah",
    "asn": "aparatur sipil negara",
    "uttp": "alat ukur takar timbang dan perlengkapannya",
    "bmd": "barang milik daerah",
    "disdagperin": "dinas perdagangan dan perindustrian",
    "disperindag": "dinas perindustrian dan perdagangan",
    "lkjip": "laporan kinerja instansi pemerintah",
    "lkip": "laporan kinerja instansi pemerintah",
}
STOPWORDS = {"dan", "yang", "di", "ke", "dari", "pada", "terhadap", "atas", "untuk", "dengan", "oleh", "serta", "the", "of"}
# spelling variants that are the same word
VARIANTS = {"fasilitas": "fasilitasi", "presentase": "persentase", "prosentase": "persentase", "kontrbusi": "kontribusi",
            "progres": "progress", "sertifikasi": "sertifikasi"}
DEFAULT_THRESHOLD = 90.0  # the similarity ratio of the former fuzzy matching, kept for callers
LOWER_WORDS = {"dan", "serta", "atau", "di", "ke", "dari", "pada", "untuk", "&"}


def indicator_form(name: str) -> str:
    """Case, punctuation, numbering, stopwords and abbreviations removed or expanded."""
    text = re.sub(r"<[^>]+>", " ", name or "").lower()
    text = re.sub(r"^\s*(\d+(\.\d+)*|[a-z])[.)]\s+", "", text)
    text = re.sub(r"\(([a-z]{2,6})\)", r" \1 ", text)
    words = re.findall(r"[a-z0-9]+", text)
    out: list[str] = []
    for w in words:
        w = VARIANTS.get(w, w)
        out.extend(ABBREVIATIONS.get(w, w).split())
    return " ".join(w for w in out if w not in STOPWORDS)


@dataclass
class CatalogueEntry:
    variant: str
    canonical: str
    score: float
    evidence: str


def read_synonyms(path: str | Path | None) -> list[dict[str, str]]:
    if not path or not Path(path).exists():
        return []
    with open(path, newline="", encoding="utf-8") as f:
        return [row for row in csv.DictReader(f) if row.get("variant")]


def build_catalogue(names: list[str], threshold: float = DEFAULT_THRESHOLD,
                    synonyms: list[dict[str, str]] | None = None) -> list[CatalogueEntry]:
    """Group indicator names printed without a report or agency (one entry per distinct name); the
    rules are `normalizers.catalogue.build`'s. `threshold` is kept for callers: names now meet on the
    same words up to typing slips, not on a similarity ratio. Reviewed synonyms win."""
    from normalizers.catalogue import PrintedName, build

    rows = build([PrintedName(n) for n in names], synonyms=synonyms)
    return [CatalogueEntry(r.variant, r.canonical, r.score, r.evidence) for r in rows]


# Agency names that are acronyms of the words they stand for: one key for both forms.
AGENCY_ACRONYMS = {
    "rsud": "rumah sakit umum daerah",  # regional general hospital
    "rsd": "rumah sakit daerah",  # regional hospital
    "blud": "badan layanan umum daerah",  # regional public service agency (a status of hospitals, clinics)
    "upt": "unit pelaksana teknis", "uptd": "unit pelaksana teknis daerah",  # technical implementation unit
    "setwan": "sekretariat dprd",  # secretariat of the regional parliament
    "dprd": "dewan perwakilan rakyat daerah",  # the regional parliament
}


# The contractions (singkatan) regional agencies go by, each standing for one agency's name under the regional
# nomenclature, as the name is recorded. Covers and running heads print them alone ("LKjIP DISDUKCAPIL KAB. X");
# a contraction standing for two agencies in different regions (DKP: kelautan dan perikanan, or ketahanan pangan)
# has no entry, nor one whose agency regions merge with another under the same letters (public works with housing,
# investment with manpower, industry and trade with cooperatives: each region's own name stands for it).
AGENCY_CONTRACTIONS = {
    "dinkes": "Dinas Kesehatan",  # health
    "disdik": "Dinas Pendidikan",  # education
    "dishub": "Dinas Perhubungan",  # transport
    "dinsos": "Dinas Sosial",  # social affairs
    "disnaker": "Dinas Tenaga Kerja",  # manpower
    "disnakertrans": "Dinas Tenaga Kerja dan Transmigrasi",  # manpower and transmigration
    "diskominfo": "Dinas Komunikasi dan Informatika",  # communication and informatics
    "disperkim": "Dinas Perumahan dan Kawasan Permukiman",  # housing and settlement areas
    "disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil",  # population and civil registry
    "dispendukcapil": "Dinas Kependudukan dan Pencatatan Sipil",  # the same, another contraction
    "dispora": "Dinas Pemuda dan Olahraga",  # youth and sports
    "distan": "Dinas Pertanian",  # agriculture
    "dlh": "Dinas Lingkungan Hidup",  # environment
    "dpmd": "Dinas Pemberdayaan Masyarakat dan Desa",  # community and village empowerment
    "bapenda": "Badan Pendapatan Daerah",  # regional revenue
    "bpkad": "Badan Pengelolaan Keuangan dan Aset Daerah",  # regional finance and assets
    "bkd": "Badan Kepegawaian Daerah",  # regional civil service
    "bpbd": "Badan Penanggulangan Bencana Daerah",  # disaster management
    "bakesbangpol": "Badan Kesatuan Bangsa dan Politik",  # national unity and politics
    "kesbangpol": "Badan Kesatuan Bangsa dan Politik",  # the same, shorter
    "satpol pp": "Satuan Polisi Pamong Praja",  # municipal police
}

# Acronyms printed inside agency and region names that the vocabulary above does not hold (it holds the
# ones indicator names and agency keys expand): they stay in capitals when a name printed in capitals is
# title-cased. A word without a vowel needs no entry (see `name_word_form`).
NAME_ACRONYMS = {
    "dki": "daerah khusus ibukota",  # the capital's province ("Provinsi DKI Jakarta")
    "ri": "republik indonesia",  # a central institution's suffix ("Badan Contoh RI")
}
# Titles of the person a hospital is named after ("RSUD dr. Contoh"): printed in lower case inside a name in capitals.
PERSON_TITLES = {"dr", "drs", "h", "hj", "prof", "ir"}
VOWELS = set("aeiouy")


def is_name_acronym(word: str) -> bool:
    """A word printed in capitals inside a name is an acronym, not a word of the language: one the
    vocabulary reads as several words (`ABBREVIATIONS`, `concepts.READINGS`, `AGENCY_ACRONYMS`, `NAME_ACRONYMS`), a
    Roman numeral ("Wilayah II"), or a word without a vowel (PTSP, SDM: no Indonesian word lacks one).
    An ordinary word that spells like an acronym ("MAS", "API") is a word."""
    low = word.lower().strip(".,")
    if not low.isalpha():
        return False
    known = next((v[low] for v in (ABBREVIATIONS, AGENCY_ACRONYMS, NAME_ACRONYMS, READINGS) if low in v), "")
    # an acronym spells several words; a short form of one word ("Kab", "Prov", "Sub") is no acronym
    return len(known.split()) >= 2 or re.fullmatch(r"[ivx]+", low) is not None or not set(low) & VOWELS


def name_word_form(word: str) -> str:
    """A word of a name printed in capitals, title-cased: 'GROBOGAN' -> 'Grobogan', 'MAS' -> 'Mas';
    an acronym (`is_name_acronym`) stays as printed ('DKI', 'PTSP', 'II')."""
    return word if is_name_acronym(word) else word.capitalize()


def tidy_agency_name(raw: str | None) -> str | None:
    """'DINAS CONTOH DAN PERCOBAAN' -> 'Dinas Contoh dan Percobaan'; an acronym
    (RSUD, BLUD, PTSP) and what stands in brackets ("(BPLHD)") keep their capitals; 'Dan' -> 'dan'. A
    name in capitals but for the titles of the person it is named after ("RUMAH SAKIT dr. CONTOH") is
    title-cased too, the titles as printed."""
    if not raw:
        return None
    text = " ".join(re.sub(r"[*_#]+", " ", raw).split()).strip(" ,.")
    pieces = re.split(r"(\([^)]*\))", text)  # the bracketed acronyms stay as printed
    bare = " ".join(w for w in " ".join(pieces[0::2]).split() if w.strip(".").lower() not in PERSON_TITLES
                    or not w.islower())
    recase = bare.isupper() or bare.islower()

    def word(w: str, first: bool) -> str:
        low = w.lower()
        if low in LOWER_WORDS and not first:
            return low
        if not recase or (w.islower() and low.strip(".") in PERSON_TITLES):
            return w
        return w.upper() if is_name_acronym(w) else w.capitalize()

    out = []
    for k, piece in enumerate(pieces):
        if k % 2:
            out.append(piece)
        else:
            out.append(" ".join(word(w, not out and i == 0) for i, w in enumerate(piece.split())))
    return " ".join(p for p in out if p)


# the syllables agency acronyms are built from: Dis-kop-perin-dag, Dis-dag-perin, Perin-dag …
ACRONYM_PIECES = {
    "perindag": "perindustrian perdagangan", "indag": "perindustrian perdagangan",
    "perind": "perindustrian", "perin": "perindustrian", "prin": "perindustrian", "ind": "perindustrian",
    "dag": "perdagangan", "kop": "koperasi", "ko": "koperasi", "ukm": "usaha kecil menengah", "umkm": "usaha mikro kecil menengah",
    "naker": "tenaga kerja", "trans": "transmigrasi", "kes": "kesehatan", "dik": "pendidikan",
    "pmptsp": "penanaman modal pelayanan terpadu satu pintu", "pm": "penanaman modal",
}


def expand_agency_acronym(word: str) -> str | None:
    """'diskoperindag' -> 'dinas koperasi perindustrian perdagangan'; 'perindag' -> 'perindustrian
    perdagangan'; None when the word is not built from known pieces."""
    head, rest = ("dinas", word[3:]) if word.startswith(("dis", "din")) and len(word) > 5 else ("", word)

    def split(text: str) -> list[str] | None:
        if not text:
            return []
        for size in range(len(text), 1, -1):
            piece = ACRONYM_PIECES.get(text[:size])
            if piece:
                tail = split(text[size:])
                if tail is not None:
                    return [piece] + tail
        return None

    pieces = split(rest)
    if not pieces or (not head and len(pieces) < 2 and not (word in ACRONYM_PIECES and len(word) >= 5)):
        return None
    return " ".join(([head] if head else []) + pieces)


def agency_key(name: str | None) -> str | None:
    """One key for the many ways an agency is named: expand abbreviations and acronyms
    (Disdagperin, Diskoperindag, Perindag), drop 'dan'/'&' and punctuation, sort the fields
    (Perdagangan dan Perindustrian = Perindustrian dan Perdagangan only when the words are the same)."""
    if not name:
        return None
    words = re.findall(r"[a-z0-9]+", name.lower().replace("&", " dan "))
    name = " ".join(AGENCY_ACRONYMS.get(w) or expand_agency_acronym(w) or w for w in words)
    form = indicator_form(name)
    words = [w for w in form.split() if w not in {"dinas", "badan", "kantor"}]
    head = next((w for w in ("dinas", "badan", "kantor", "sekretariat", "inspektorat") if w in form.split()), "")
    return " ".join(([head] if head else []) + sorted(set(words)))


def region_key(region: str | None) -> str | None:
    """'Pemerintah Kota Bekasi' / 'KOTA BEKASI' -> 'kota bekasi'; 'Kab. X' -> 'kabupaten x'."""
    if not region:
        return None
    text = region.lower()
    text = re.sub(r"\bpemkot\b", " kota ", text)
    text = re.sub(r"\bpemkab\b", " kabupaten ", text)
    text = re.sub(r"\bpemprov\b", " provinsi ", text)
    text = re.sub(r"\bpemerintah\b", " ", text)
    text = re.sub(r"\bkab\.?\s", "kabupaten ", text)
    text = re.sub(r"\bprov\.?\s", "provinsi ", text)
    words = re.findall(r"[a-z0-9]+", text)
    deduped = [w for k, w in enumerate(words) if k == 0 or w != words[k - 1]]  # "Pemkot Kota X"
    return " ".join(deduped)
