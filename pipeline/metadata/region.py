"""The region a report's agency belongs to: "Provinsi Jawa Barat", "Kabupaten Grobogan", "Kota
Sungai Penuh", or "Pusat" for a central institution.

In:  the `Source`s of a report.
Out: a `Decision` whose value is the region's name.

A region's name is the kind of region and one to three capitalised words. Where the name ends is
decided by the votes, not by one line: a cover joined line by line reads "Kabupaten Grobogan Kata
Pengantar", a sentence "Kabupaten Sidoarjo Dalam rangka"; the name the texts print most is the name,
a longer form counts only when most mentions carry it (EXTENSION_SHARE).
"""
from __future__ import annotations

import re
from collections import defaultdict

from normalizers.names import name_word_form
from pipeline.lexicon import PROVINCE_SHORT_NAMES, REGION_NAME_SHORT_WORDS
from pipeline.metadata.evidence import Decision, Source, Where
from pipeline.metadata.year import CITATION_RE, MONTHS

# A province named without its kind: Daerah Istimewa Yogyakarta, DKI (Daerah Khusus Ibukota) Jakarta.
PROVINCE_WITHOUT_KIND_RE = re.compile(r"\b(?<!provinsi\s)(daerah\s+istimewa|dki)\s+([A-Z][\w'’-]*)", re.IGNORECASE)
REGION_KINDS = {"provinsi": "Provinsi", "propinsi": "Provinsi", "prov": "Provinsi", "kabupaten": "Kabupaten", "kab": "Kabupaten",
                "kota": "Kota", "kota administrasi": "Kota Administrasi"}
# The head of a regional government named instead of its region: Bupati Sidoarjo, Walikota Sungai Penuh.
HEAD_KINDS = {"bupati": "Kabupaten", "walikota": "Kota", "wali kota": "Kota", "gubernur": "Provinsi"}
# A name goes on over a line's end ("Provinsi Jawa" / "Barat"), but a line that starts with a region's
# kind starts another mention: a cover printing its region twice ("KOTA CONTOH" / "KOTA CONTOH") names it twice.
NAME_GAP = r"(?:[ \t]+|[ \t]*\n\s*(?!(?:kota|kabupaten|kab|provinsi|propinsi|prov)\b))"
# A kind followed by another kind ("… DAN TATA KOTA" / "KABUPATEN CONTOH") names no region: the second one does.
# "Kab." and "Prov." end on their period (a word boundary after it would need a letter next).
REGION_RE = re.compile(
    r"\b(kota administrasi|kabupaten|kab\b\.?|provinsi|propinsi|prov\b\.?|kota|bupati|wali\s?kota|gubernur)(?!\w)"
    r"(?!\s*/)\s+"
    r"(?!(?:kota|kabupaten|kab|provinsi|propinsi|prov)\b)"
    rf"((?:[A-Z][\w'’-]*\.?{NAME_GAP}){{0,3}}[A-Z][\w'’-]*)", re.IGNORECASE)
# Words that never belong to a region's name: what a title, a sentence or a signature goes on with.
NAME_STOP = {
    "kata", "pengantar", "dalam", "renstra", "perjanjian", "kinerja", "tahun", "ir", "dr", "drs", "h", "hj",
    "nomor", "no", "tentang", "dan", "yang", "periode", "laporan", "rencana", "bab", "daftar", "pemerintah",
    "kepala", "dinas", "badan", "sekretariat", "bupati", "walikota", "gubernur", "puji", "visi", "misi", "pada",
    "di", "untuk", "sebagai", "telah", "merupakan", "adalah", "tujuan", "sasaran", "program", "kegiatan", "bidang",
    "urusan", "dprd", "selanjutnya", "lkip", "lkjip", "lakip", "ta", "t", "a", "serta", "atau", "ini", "tersebut",
    "nip", "jl", "jalan", "telp", "email", "website", "web", "republik", "indonesia", "the", "maka", "sesuai",
    "berdasarkan", "dengan", "oleh", "ke", "dari", "pengelolaan", "keuangan", "anggaran", "perubahan", "realisasi",
    "strategis", "akuntabilitas", "instansi", "bulan", "skpd", "opd", "halaman", "judul", "peraturan",
    "kabupaten", "provinsi", "kab", "prov", "se", "pembina", "utama", "muda", "madya", "tk", "audited",
    "tabel", "gambar", "grafik", "lampiran", "sumber",
    # the head word of an agency's name, printed on the cover's next line ("KABUPATEN CONTOH" / "INSPEKTORAT"):
    # the agency begins there (agency.AGENCY_HEADS; not "pusat": Kota Administrasi Jakarta Pusat is a region)
    "inspektorat", "kantor", "biro", "rsud", "blud", "kecamatan", "kementerian", "lembaga", "direktorat", "balai",
    "upt", "uptd", "bappeda", "puskesmas", "rumah", "satpol",
    # a document's kind printed on the cover's next line ("KOTA CONTOH" / "RENJA"), and a heading word
    "renja", "lakin", "lkj", "iku", "indikator", "reviu", "review", "dokumen", "rpjmd", "rkpd",
    # a month: the date printed under the region on a cover ("KABUPATEN CONTOH" / "MARET 2023")
    *MONTHS.split("|"),
    # an official's title after the region on a signature line ("BUPATI CONTOH" / "DIREKTUR RSUD …")
    "direktur", "sekretaris", "camat", "lurah", "wakil", "plt", "plh", "pj",
}
# A longer form of a name counts when at least this share of the shorter form's mentions carry it
# ("Provinsi Jawa" broken at a line end, "Provinsi Jawa Barat" everywhere else).
EXTENSION_SHARE = 0.5
# A region printed right after an agency's head word ("Dinas Perikanan Kabupaten Sidoarjo") is the
# agency's own; one in a sentence may be a neighbour the report compares with.
AGENCY_NEAR_RE = re.compile(r"\b(?:dinas|badan|sekretariat|inspektorat|kantor|biro|rsud|rumah sakit|pemerintah|"
                            r"satuan|kecamatan|blud|uptd?)\b[^.\n]{0,80}$", re.IGNORECASE)
AGENCY_NEAR_FACTOR = 2.0


def name_words(raw: str, in_capitals: bool = False) -> list[str]:
    """The words of a region's name: up to the first word that cannot be part of one. A name printed
    in capitals ("KABUPATEN CONTOH") goes on in capitals only: "Berikut" starts the next sentence; a
    comma ends it ("Contoh, Maret 2023": the place of a signature's date)."""
    words = []
    for word in raw.split():
        bare = word.strip(".,'’").lower()
        if not bare or bare in NAME_STOP or not word[0].isupper() or any(ch.isdigit() for ch in word):
            break
        if in_capitals and not word.isupper():
            break
        words.append(word.strip(".,"))
        if word.endswith(","):
            break
    return words


def words_before_break(raw: str, count: int) -> int:
    """How many of a name's first `count` words stand on the line its kind is printed on (the words of
    `raw` before its first line break, at least one: "KABUPATEN" / "CONTOH" is one name)."""
    first_line = raw.split("\n", 1)[0]
    return max(1, min(count, len(first_line.split())))


def word_form(word: str) -> str:
    """'GROBOGAN' / 'Grobogan' -> 'Grobogan', 'MAS' -> 'Mas'; an acronym the vocabulary knows stays
    ('DKI'): `normalizers.names.name_word_form`."""
    return name_word_form(word) if word.isupper() else word.capitalize()


def display(kind: str, words: tuple[str, ...]) -> str:
    return " ".join([kind, *words])


def spelled_out_name(kind: str | None, words: tuple[str, ...]) -> tuple[str, ...]:
    """A region's name as it is recorded: a province named by its short name ("Prov. Jabar", "Provinsi NTT") by its
    full name (`PROVINCE_SHORT_NAMES`), a word printed short ("Kep.") in full (`REGION_NAME_SHORT_WORDS`)."""
    if kind == "Provinsi" and len(words) == 1 and words[0].lower() in PROVINCE_SHORT_NAMES:
        return tuple(PROVINCE_SHORT_NAMES[words[0].lower()].split())
    return tuple(REGION_NAME_SHORT_WORDS.get(w.lower(), w) if i < len(words) - 1 else w for i, w in enumerate(words))


def region_mentions(source: Source) -> list[tuple[str, tuple[str, ...], float, str, int]]:
    """(kind, name words, weight, text, unbroken) of every region the source names; `unbroken`: how many
    of the words stand on the kind's own line (the rest went on over a line's end)."""
    text = CITATION_RE.sub(" ", source.text)
    if source.kind is Where.FILE_NAME:
        text = text.title()  # "kab-sidoarjo-2022-pk.pdf": a file name is written in lower case
    out = []
    for m in REGION_RE.finditer(text):
        word = re.sub(r"\s+", " ", m.group(1).lower()).rstrip(".")
        kind = REGION_KINDS.get(word) or HEAD_KINDS.get(word)
        printed = tuple(word_form(w) for w in name_words(m.group(2), m.group(1).isupper() and len(m.group(1)) > 3))
        words = spelled_out_name(kind, printed)
        if not kind or not words or re.search(r"/\s*$", text[max(0, m.start() - 3):m.start()]):
            continue  # "Kabupaten / Kota": a kind of region, no region
        weight = source.weight * (AGENCY_NEAR_FACTOR if AGENCY_NEAR_RE.search(text[max(0, m.start() - 90):m.start()])
                                  else 1.0)
        if word in HEAD_KINDS:
            weight *= 0.5  # the head of government signs many documents; the region's name is still his
        unbroken = len(words) if words != printed else words_before_break(m.group(2), len(words))
        out.append((kind, words, weight, text[max(0, m.start() - 30):m.end()], unbroken))
    for m in PROVINCE_WITHOUT_KIND_RE.finditer(text):
        words = (*m.group(1).split(), m.group(2))
        if m.group(2)[0].isupper():
            out.append(("Provinsi", tuple(word_form(w) for w in words),
                        source.weight, text[max(0, m.start() - 30):m.end()], len(words)))
    return out


def _compact(words: tuple[str, ...]) -> str:
    return "".join(words).lower()


def _within_lines(mentions: list[tuple[Source, tuple[str, tuple[str, ...], float, str, int]]]
                  ) -> list[tuple[Source, str, tuple[str, ...], float, str]]:
    """The mentions, each name's words that went on over a line's end kept only when some mention prints
    the same name on one line: "KOTA CONTOH" / "LAKIN" is Kota Contoh, "Provinsi Jawa" / "Barat" is
    Provinsi Jawa Barat where another line prints it whole."""
    whole = {(kind, words[:n]) for _, (kind, words, _, _, unbroken) in mentions for n in range(1, unbroken + 1)}
    return [(source, kind, words if (kind, words) in whole else words[:unbroken], weight, text)
            for source, (kind, words, weight, text, unbroken) in mentions]


def region_votes(sources: list[Source]) -> Decision:
    """The region the texts name most, its name as long as most mentions print it. A text naming a region
    many times supports it once, with its heaviest mention: a chapter citing its province's policies
    page after page does not outweigh the cover that names the agency's own region."""
    decision = Decision()
    support: dict[tuple[str, tuple[str, ...]], float] = defaultdict(float)
    mentions = _within_lines([(source, mention) for source in sources for mention in region_mentions(source)])
    # every name of two words or more, by its letters run together: "Bovendigoel" of a file name is
    # "Boven Digoel" of the text
    spaced = {(kind, _compact(words[:n])): words[:n] for _, kind, words, _, _ in mentions
              for n in range(2, len(words) + 1)}
    per_source: dict[tuple[int, str, tuple[str, ...]], float] = defaultdict(float)
    for source, kind, words, weight, text in mentions:
        words = spaced.get((kind, _compact(words[:1])), words[:1]) + words[1:]
        decision.add(display(kind, words), weight, source.where, text)
        for n in range(1, len(words) + 1):
            key = (id(source), kind, words[:n])
            per_source[key] = max(per_source[key], weight)
    for (_, kind, words), weight in per_source.items():
        support[(kind, words)] += weight
    if not support:
        return decision
    roots = {k: w for k, w in support.items() if len(k[1]) == 1}
    current = max(roots, key=lambda k: roots[k])
    while True:
        children = {k: w for k, w in support.items() if k[0] == current[0] and len(k[1]) == len(current[1]) + 1
                    and k[1][:len(current[1])] == current[1]}
        if not children:
            break
        best = max(children, key=lambda k: children[k])
        if children[best] < EXTENSION_SHARE * support[current]:
            break
        current = best
    decision.value = display(*current)
    decision.rule = (f"the name most mentions print ({support[current]:g} of {roots[(current[0], current[1][:1])]:g} "
                     f"for '{display(current[0], current[1][:1])}…')")
    return decision
