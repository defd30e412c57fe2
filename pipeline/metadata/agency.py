"""The agency a report is about: "Dinas Perikanan", "Badan Keamanan Laut", "Biro Organisasi";
"Pemerintah Daerah" for a document of the whole regional government (RPJMD, APBD, CaLK).

In:  the `Source`s of a report and its kind.
Out: a `Decision` whose value is the agency's name as printed (tidied), its votes keyed by
     `normalizers.names.agency_key` so "DINAS PERIKANAN" and "Dinas Perikanan" vote together.

An agency's name starts with the word that says what it is (Dinas, Badan, Biro, Pusat, Staf,
RSUD, ...) and ends where the name ends: at the region, the year, a line's end, a word in lower
case. It is not taken from a cited regulation (its title lists the agencies it sets up), a
legal-basis list or a signature block. An acronym ("LKIP BRIDA", "BKD Wilayah II", "SDM Polda")
votes for the full name whose initials it spells.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from normalizers.names import ABBREVIATIONS, AGENCY_CONTRACTIONS, PERSON_TITLES, agency_key, tidy_agency_name
from pipeline.metadata.evidence import Decision, Source, Where
from pipeline.metadata.year import CITATION_RE

# The words an agency's name starts with.
AGENCY_HEADS = (r"suku\s+dinas|dinas|badan|sekretariat|inspektorat|kantor|biro|satuan\s+polisi|rumah\s+sakit|rsud|blud|"
                r"kecamatan|kelurahan|bagian|kementerian|lembaga|direktorat|pusat|staf|balai|uptd?|bappeda|puskesmas|"
                r"arsip\s+nasional")  # a Suku Dinas: a city's office of a Jakarta Dinas; a kelurahan: a village office
HEAD_RE = re.compile(rf"\b(?:{AGENCY_HEADS})\b", re.IGNORECASE)
# Words that end a name: the region, the year, the document's own words, the start of a sentence.
NAME_END_WORDS = {
    "provinsi", "propinsi", "prov", "kabupaten", "kab", "kota", "pemerintah", "tahun", "ta", "t.a", "republik", "nomor",
    "tentang", "kata", "pengantar", "laporan", "perjanjian", "rencana", "renstra", "periode", "bulan", "di", "pada",
    "yang", "dalam", "untuk", "sebagai", "merupakan", "adalah", "telah", "selaku", "dengan", "oleh", "ke", "dari",
    "bab", "halaman", "website", "web", "jl", "jalan", "telp", "email", "selanjutnya", "bertempat",
    "tersebut", "ini", "mempunyai", "memiliki", "terdiri", "berdasarkan", "sesuai", "pelaksanaan",
}
CONNECTORS = {"dan", "serta", "&", ",", "/"}
# Heads that are a whole name alone: every region has one Inspektorat, one Bappeda.
SINGLE_WORD_NAMES = {"inspektorat", "bappeda", "bapelitbangda", "bappelitbangda", "bappeda-litbang"}
# A region whose name starts without its kind: Daerah Istimewa Yogyakarta, DKI Jakarta.
REGION_WITHOUT_KIND_RE = re.compile(r"\s*(?:daerah\s+istimewa|daerah\s+khusus|dki)\b", re.IGNORECASE)
# A name runs at most this many words (a board named after three fields of duty, listed with a comma
# and "dan", runs to 9).
NAME_MAX_WORDS = 12
# A cited regulation on how agencies are set up lists many of them ("Peraturan Daerah ... tentang
# Organisasi dan Tata Kerja Inspektorat, Badan ..., Lembaga Teknis dan Satuan Polisi Pamong Praja"):
# the clause from "tentang" to the end of its sentence names no agency of the report.
ORGANISATION_CLAUSE_RE = re.compile(r"\btentang\b[^.;]{0,40}?\b(?:organisasi|tata\s+kerja|pembentukan|susunan)\b"
                                    r"[^.;]*", re.IGNORECASE)
# A legal-basis item ("1. Undang-Undang Nomor 23 Tahun 2014 ...", "b. Peraturan Menteri ..."): cites, names no agency.
LEGAL_BASIS_RE = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+(?:undang|peraturan|keputusan|instruksi|surat|permen|perda|"
                            r"pp\b|uu\b|inpres|perpres|kepmen)", re.IGNORECASE)
# A signature block's lines: the office of whoever signs, then the name, rank and NIP.
SIGNATURE_RE = re.compile(r"^\s*(?:plt\.?|plh\.?|pj\.?|a\.?\s?n\.?|kepala|sekretaris|direktur|bupati|wali\s?kota|gubernur|"
                          r"pihak|nip|pembina|ditandatangani)\b", re.IGNORECASE)
# The document's own title words: the agency named right after them is the one the document is about.
TITLE_BEFORE_RE = re.compile(
    r"(?:laporan\s+(?:akuntabilitas\s+)?kinerja(?:\s+instansi\s+pemerintah)?|lkj?ip|lakip|lakin|perjanjian\s+kinerja|"
    r"rencana\s+strategi(?:s)?|renstra|rencana\s+kerja|renja|rencana\s+aksi(?:\s+kinerja)?|catatan\s+atas\s+laporan\s+"
    r"keuangan|realisasi\s+fisik\s+dan\s+keuangan)(?:\s*\([^)]{1,12}\))?(?:\s+(?:tahun|ta\.?|t\.a\.?)\s*(?:anggaran\s+)?"
    r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*[,:]?\s*$", re.IGNORECASE)
TITLE_FACTOR = 3.0
# A form's field that names the agency: "SKPD : Dinas ...", "Unit Organisasi : 119.01 Badan ...".
FIELD_BEFORE_RE = re.compile(r"(?:skpd|opd|perangkat\s+daerah|unit\s+organisasi|satuan\s+kerja|kementerian\s+negara\s*/"
                             r"\s*lembaga|instansi)\s*:\s*[\d.]*\s*$", re.IGNORECASE)
FIELD_FACTOR = 3.0
# An acronym printed after the title words: "LKIP BRIDA", "Laporan Kinerja BKD Wilayah II", "SDM Polda".
# A contraction the vocabulary knows (`AGENCY_CONTRACTIONS`), as a word of its own: it names its agency.
CONTRACTION_RE = re.compile(r"\b(" + "|".join(k.replace(" ", r"\s+") for k in AGENCY_CONTRACTIONS) + r")\b", re.IGNORECASE)
ACRONYM_RE = re.compile(r"\b([A-Z][A-Z0-9]{2,7})\b((?:\s+(?:[A-Z][a-z]+|[A-Z]+|[IVX]+)){0,2})")
WHOLE_GOVERNMENT = "Pemerintah Daerah"
WHOLE_GOVERNMENT_KINDS = ("RPJMD", "financial-notes")  # documents of the whole government, unless an agency's (CaLK)
# A Peraturan Daerah on the APBD is the whole government's budget.
REGIONAL_LAW_RE = re.compile(r"\bperaturan\s+daerah\b.*\b(?:anggaran\s+pendapatan\s+dan\s+belanja|apbd)\b",
                             re.IGNORECASE | re.DOTALL)
# A central institution's names: the region of its documents is "Pusat".
CENTRAL_RE = re.compile(r"\brepublik\s+indonesia\b|\bkementerian\b|\bkepolisian\s+negara\b|\bmarkas\s+besar\b|"
                        r"\b[A-Z][a-z]+\s+RI\b|\bnasional\b|\bpolri\b", re.IGNORECASE)


def clean_for_names(text: str) -> str:
    """The text without cited regulations, the clauses of organisation laws, legal-basis items and
    signature lines (line by line: a name never runs across them)."""
    kept = [line for line in text.split("\n") if not LEGAL_BASIS_RE.match(line) and not SIGNATURE_RE.match(line)]
    text = "\n".join(kept)
    text = ORGANISATION_CLAUSE_RE.sub(" ", text)
    return CITATION_RE.sub(" ", text)


def name_after_head(text: str, start: int) -> str:
    """The agency's name from its head word at `start`: words up to a word that ends names."""
    words: list[str] = []
    for m in re.finditer(r"\([^)\n]{1,30}\)|[\w.'’-]+|[,&/]|[:;|]|\n", text[start:]):
        token = m.group()
        bare = token.strip(".").lower()
        if token in (":", ";", "|"):
            break
        if token == "\n":
            if words and words[-1].lower() in CONNECTORS:
                continue  # a line ending in a comma or "dan" ("Badan Alpha, Beta" / "dan Gamma"): the name goes on
            if words and len(words) >= 2 and not _continues(text, start + m.end(), " ".join(words).isupper()):
                break
            continue
        if token.startswith("("):
            inner = token[1:-1].strip()
            if re.fullmatch(r"[A-Z][A-Za-z0-9 ]{1,20}", inner) and inner.split()[-1].isupper():
                words.append(token)  # "(BPLHD)", "(BKPSDMD)": the acronym of the name
            break
        if words and (bare in NAME_END_WORDS or any(ch.isdigit() for ch in token)
                      or REGION_WITHOUT_KIND_RE.match(text, start + m.start())):
            break
        if words and token[0].islower() and bare not in CONNECTORS and bare not in PERSON_TITLES:
            break
        if len(words) >= NAME_MAX_WORDS:
            break
        words.append(token)
    while words and words[-1].lower() in CONNECTORS | {"daerah,"}:
        words.pop()
    return " ".join(words).replace(" ,", ",")


def _continues(text: str, pos: int, in_capitals: bool) -> bool:
    """The next line goes on with the name: it starts with a capitalised word that ends no name (in
    capitals when the name is: "SKPD : DINAS ... RUANG" / "Penanggung Jawab" is another field), or with
    a joining word ("Dinas Alpha, Beta" / "dan Gamma")."""
    m = re.match(r"\s*([\w'’-]+|&)", text[pos:])
    if m and m.group(1).lower() in CONNECTORS:
        return True
    if not m or not m.group(1)[0].isupper() or m.group(1).lower() in NAME_END_WORDS:
        return False
    return m.group(1).isupper() or not in_capitals


# Words after a unit's head word that name no unit by themselves: "Kantor Wilayah", "Sekretariat Jenderal", "Balai
# Besar" are units of every ministry; their parent ("… Kementerian Agama") says which.
GENERIC_UNIT_WORDS = {"wilayah", "jenderal", "besar", "utama"}


def sub_unit(name: str) -> str:
    """'Biro Organisasi Sekretariat Daerah' -> 'Biro Organisasi': a unit named with its parent after it; a unit
    whose own words are generic ('Kantor Wilayah Kementerian Agama') keeps its parent."""
    words = name.split()
    for i in range(2, len(words)):
        if HEAD_RE.fullmatch(words[i]) and i + 1 < len(words):
            if all(w.lower() in GENERIC_UNIT_WORDS for w in words[1:i]):
                return name
            return " ".join(words[:i])
    return name


def initials(name: str) -> str:
    """'Badan Koordinasi Pemerintahan dan Pembangunan' -> 'BKPP'; digits spell repeats: P3 = PPP."""
    words = [w for w in re.findall(r"[A-Za-z]+", re.sub(r"\([^)]*\)", " ", name)) if w.lower() not in {"dan", "serta"}]
    return "".join(w[0].upper() for w in words)


def spelled(acronym: str) -> str:
    """'BP3AKB' -> 'BPPPAKB'."""
    return re.sub(r"([A-Z])(\d)", lambda m: m.group(1) * int(m.group(2)), acronym)


def agency_votes(sources: list[Source], kind: str) -> Decision:
    """The agency the texts name most, the one named after the document's title words and in a form's
    field weighing most; acronyms vote for the full name they spell."""
    decision = Decision()
    printed: dict[str, Counter] = defaultdict(Counter)
    acronyms: list[tuple[str, str, float, str, str]] = []  # (acronym, words after, weight, where, text)
    printed_after: dict[str, Counter] = defaultdict(Counter)  # acronym -> the words printed after it, counted
    contractions: list[tuple[str, float, str, str]] = []  # (the name it stands for, weight, where, text)
    for source in sources:
        if source.kind is Where.EVERY_CELL:
            continue
        text = clean_for_names(source.text.title() if source.kind is Where.FILE_NAME else source.text)
        for m in HEAD_RE.finditer(text):
            name = sub_unit(name_after_head(text, m.start()))
            words = name.split()
            if len(words) < 2 and name.lower() not in SINGLE_WORD_NAMES or len(words) >= 2 and words[1].lower() in CONNECTORS:
                continue  # "Pusat dan Daerah", "Lembaga / Instansi": a word, no name
            before = text[max(0, m.start() - 80):m.start()]
            factor = TITLE_FACTOR if TITLE_BEFORE_RE.search(before) else FIELD_FACTOR if FIELD_BEFORE_RE.search(before) \
                else 1.0
            key = agency_key(re.sub(r"\([^)]*\)", " ", name)) or name
            printed[key][tidy_agency_name(name) or name] += 1
            decision.add(key, source.weight * factor, source.where, text[max(0, m.start() - 30):m.start() + len(name)])
        for m in CONTRACTION_RE.finditer(text):
            factor = TITLE_FACTOR if TITLE_BEFORE_RE.search(text[max(0, m.start() - 80):m.start()]) else 1.0
            contractions.append((AGENCY_CONTRACTIONS[" ".join(m.group(1).lower().split())], source.weight * factor,
                                 source.where, text[max(0, m.start() - 30):m.end() + 30]))
        for m in ACRONYM_RE.finditer(text):
            if m.group(1).lower() in AGENCY_CONTRACTIONS or not is_acronym(m.group(1), text, m.start()):
                continue  # a known contraction votes above
            printed_after[m.group(1)][qualifier_of(m.group(2))] += 1
            before = text[max(0, m.start() - 60):m.start()]
            if TITLE_BEFORE_RE.search(before) and source.weight > 0:
                acronyms.append((m.group(1), qualifier_of(m.group(2)), source.weight * TITLE_FACTOR, source.where,
                                 text[max(0, m.start() - 30):m.end()]))
    qualifiers: dict[str, Counter] = defaultdict(Counter)
    for acronym, after, weight, where, text in acronyms:
        after = printed_after[acronym].most_common(1)[0][0]  # "BKPP Wilayah I" as the whole text prints it most
        expanded = expansion_of(acronym, after, printed)
        if expanded is None:  # no full name spells it: the acronym is the name the report gives, a weak one
            if acronym.lower() in ABBREVIATIONS:
                continue  # "Renstra OPD", "LKjIP SKPD": a kind of body, no name
            key = f"{acronym} {after}".strip()
            printed[key][key] += 1
            weight /= TITLE_FACTOR
        else:
            key = expanded
            qualifiers[key][after] += 1
        decision.add(key, weight, where + " (acronym)", text)
    for full, weight, where, text in contractions:
        named = printed_name_beginning(full, printed)
        if named is None:  # no printed name spells it out: the vocabulary's name is shown
            named = agency_key(full) or full
            printed[named][full] += 1
        decision.add(named, weight, where + " (contraction)", text)
    _merge_qualified(decision, printed, qualifiers)
    _merge_contractions(decision, printed)
    winner, variants = _winning_group(decision, {k: _best_printed(v) for k, v in printed.items()})
    if winner is None:
        return decision
    name = _best_printed(printed[str(winner)])
    if len(variants) > 1:  # OCR spells the name differently on each page: each word as most mentions spell it
        name = _spelled_by_most(name, {n: decision.totals()[k] for k in variants for n in printed[str(k)]})
    qualifier = qualifiers[str(winner)].most_common(1)[0][0] if qualifiers[str(winner)] else ""
    if qualifier and not name.lower().endswith(qualifier.lower()):
        name = f"{name} {qualifier}"  # "Staf Sumber Daya Manusia" + "Polri" ("SSDM Polri")
    decision.value = name
    decision.labels = {key: _best_printed(names) for key, names in printed.items()}
    return decision


# In a line printed in capitals every word looks like an acronym; there an acronym is a word of few vowels
# (BKPP, PPSDM, BP3AKB: none or one), a word of the language has more (SUMBER, DINAS).
ACRONYM_MAX_VOWEL_SHARE = 0.3


def is_acronym(word: str, text: str, pos: int) -> bool:
    """`word` (in capitals) at `pos` of `text` is an acronym, not a word of a title in capitals."""
    if word.lower() in NAME_END_WORDS:
        return False  # "(LKjIP) TAHUN 2023"
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    if any(ch.islower() for ch in line):
        return True
    letters = [ch for ch in word if ch.isalpha()]
    return sum(ch in "AEIOU" for ch in letters) / max(len(letters), 1) < ACRONYM_MAX_VOWEL_SHARE


# Two printed names of as many words this similar (rapidfuzz ratio, 0-100) are one name misread by OCR ("Badan Kepegawaian"
# / "Badan Kepegewalan"); names of two agencies differ in whole words ("Dinas Pertanian" / "Dinas Perikanan"
# score about 80).
OCR_VARIANT_SIMILARITY = 85.0


def _ocr_variants(a: str, b: str) -> bool:
    """Two printed names are one misread by OCR: as many words, the same head word (Dinas / Balai are
    two agencies), letters OCR_VARIANT_SIMILARITY alike."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and fuzz.ratio(wa[0], wb[0]) >= OCR_VARIANT_SIMILARITY \
        and fuzz.ratio(a, b) >= OCR_VARIANT_SIMILARITY


def _winning_group(decision: Decision, names: dict[str, str]) -> tuple[str | None, list[str]]:
    """The key with the most votes once the votes of its OCR variants are added (`names`: key -> its
    printed name, compared letter by letter), and those variants."""
    totals = decision.totals()
    groups: list[list[str]] = []

    def form(key: str) -> str:
        return re.sub(r"\([^)]*\)", " ", names.get(key, key)).lower()

    for key in sorted(totals, key=lambda k: -totals[k]):
        home = next((g for g in groups if _ocr_variants(form(g[0]), form(key))), None)
        if home is None:
            groups.append([key])
        else:
            home.append(key)
    if not groups:
        return None, []
    best = max(groups, key=lambda g: sum(totals[k] for k in g))
    if len(best) > 1:
        decision.rule = f"OCR variants voted together: {', '.join(map(str, best[:6]))}"
    return best[0], best


def _spelled_by_most(name: str, weighted: dict[str, float]) -> str:
    """`name` with each word as the variants of as many words spell it most (by their votes)."""
    size = len(name.split())
    columns: list[dict[str, float]] = [{} for _ in range(size)]
    for variant, weight in weighted.items():
        words = re.sub(r"\([^)]*\)", " ", variant).split() if "(" not in name else variant.split()
        if len(words) == size:
            for i, w in enumerate(words):
                columns[i][w] = columns[i].get(w, 0.0) + weight
    return " ".join(max(col, key=lambda w: col[w]) if col else word for col, word in zip(columns, name.split()))


def _bare(name: str) -> str:
    return " ".join(re.sub(r"\([^)]*\)", " ", name).split()).lower()


def _merge_qualified(decision: Decision, printed: dict[str, Counter], qualifiers: dict[str, Counter]) -> None:
    """An agency printed with and without the words its acronym carries ("Staf Sumber Daya Manusia" /
    "Staf Sumber Daya Manusia Polri", acronym "SSDM Polri") is one agency: the votes go together."""
    for key, words_after in list(qualifiers.items()):
        qualifier = words_after.most_common(1)[0][0].lower()
        if not qualifier or key not in printed:
            continue
        base = _bare(_best_printed(printed[key]))
        base = base[: -len(qualifier)].strip() if base.endswith(qualifier) else base
        for other in [k for k in printed if k != key and _bare(_best_printed(printed[k])) in (base, f"{base} {qualifier}")]:
            decision.votes = [(key if v == other else v, w, where, text) for v, w, where, text in decision.votes]
            printed[key].update(printed.pop(other))


# A contraction's piece taken from inside a word (pe-ne-LIT-ian in Bapelitbangda) is at least this long; shorter
# pieces come from a word's start (BA-dan, P-erencanaan), or any word would hold them.
INNER_PIECE_MIN = 3


def contracts(short: str, full: str) -> bool:
    """Whether a one-word name is the syllable contraction (singkatan) of a full name: cut into pieces, each the
    start of the full name's next word, or a piece of `INNER_PIECE_MIN` letters inside it, every word giving one
    ("Bappeda" = BA-dan P-erencanaan PE-mbangunan DA-erah; "dan" and "serta" give none)."""
    letters = re.sub(r"[^a-z]", "", short.lower())
    words = [w for w in re.findall(r"[a-z]+", full.lower()) if w not in CONNECTORS]
    if len(words) < 2 or not letters:
        return False

    @functools.cache
    def fits(i: int, j: int) -> bool:  # letters[i:] spelled by words[j:]
        if j == len(words):
            return i == len(letters)
        return any(letters[i:k] and (words[j].startswith(letters[i:k])
                                     or k - i >= INNER_PIECE_MIN and letters[i:k] in words[j]) and fits(k, j + 1)
                   for k in range(i + 1, len(letters) + 1))
    return fits(0, 0)


def printed_name_beginning(full: str, printed: dict[str, Counter]) -> str | None:
    """The key of the most printed name that begins with the name a contraction stands for: a region names its
    agency longer ("Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana" for Dinkes)."""
    start = _bare(full)
    keys = [k for k, names in printed.items() if any(_bare(n).startswith(start) for n in names)]
    return max(keys, key=lambda k: sum(printed[k].values()), default=None)


def _merge_contractions(decision: Decision, printed: dict[str, Counter]) -> None:
    """A one-word name ("Bapelitbangda") and the full name it contracts (`contracts`), also printed, are one agency:
    its votes go to the full name, which is shown."""
    for key in [k for k, names in printed.items() if len(_best_printed(names).split()) == 1]:
        short = _best_printed(printed[key])
        full = next((k for k, names in printed.items() if k != key and contracts(short, _best_printed(names))), None)
        if full is not None:
            decision.votes = [(full if v == key else v, w, where, text) for v, w, where, text in decision.votes]
            del printed[key]  # the full name is shown


def qualifier_of(words: str) -> str:
    """The words printed after an acronym that belong to the name ("Wilayah I", "Aparatur", "Polri"):
    up to a word that ends names (the region, the year)."""
    kept = []
    for word in words.split():
        if word.lower() in NAME_END_WORDS:
            break
        kept.append(word)
    return " ".join(kept)


def expansion_of(acronym: str, qualifier: str, printed: dict[str, Counter]) -> str | None:
    """The key of the full name, the most printed, whose initials spell `acronym` (with or without its
    qualifier words at the end: "BKPP Wilayah I" = "Badan Koordinasi Pemerintahan dan Pembangunan Wilayah I")."""
    letters = spelled(acronym)
    best, best_count = None, 0
    for key, names in printed.items():
        for name in names:
            bare = re.sub(r"\([^)]*\)", " ", name).strip()
            if qualifier and bare.lower().endswith(qualifier.lower()):
                bare = bare[: -len(qualifier)].strip()
            if initials(bare) == letters and sum(names.values()) > best_count:
                best, best_count = key, sum(names.values())
    return best


def _best_printed(names: Counter) -> str:
    """The form to show: one with its acronym in brackets when the report prints one, else the full
    words before an acronym's ("Rumah Sakit Umum Daerah Al Ihsan" before "RSUD Al Ihsan"), the most printed."""
    def rank(item: tuple[str, int]) -> tuple:
        name, count = item
        return ("(" in name, not name.split()[0].isupper(), count, len(name))
    return max(names.items(), key=rank)[0]


def whole_government(kind: str, sources: list[Source]) -> str | None:
    """Why the document is the whole regional government's, or None: an RPJMD, a CaLK, a Peraturan
    Daerah on the APBD; a performance document whose title names a regional government as its owner
    (`titled_for_government`)."""
    if kind == "RPJMD":
        return "an RPJMD is the whole regional government's plan"
    if kind == "financial-notes" and not _heads_name_agency(sources):
        return "financial statements whose cover names no agency are the whole regional government's"
    cover = next((s for s in sources if s.kind is Where.COVER), None)
    if kind == "budget-plan" and cover is not None and bool(REGIONAL_LAW_RE.search(cover.text)):
        return "a Peraturan Daerah on the APBD is the whole regional government's document"
    if cover is not None and GOVERNMENT_DOCUMENT_RE.search(cover.text) and not HEAD_RE.search(cover.text):
        return "the cover names a document only a regional government makes (RKPD, LKPJ, LPPD, RPJPD), and no agency"
    if kind in GOVERNMENT_PERFORMANCE_KINDS and titled_for_government(sources):
        return f"the {kind}'s title names a regional government as its owner, and no agency"
    if kind in BUDGET_KINDS and _form_owner_is_government(sources):
        return f"the {kind}'s form names the regional government as its owner (\"Pemerintah Daerah : …\"), and no agency"
    return None


# Documents a regional government makes as a whole, never one agency: the Rencana Kerja Pemerintah Daerah (RKPD, the
# government's yearly plan), the Laporan Keterangan Pertanggungjawaban (LKPJ, the head's yearly account to the DPRD),
# the Laporan Penyelenggaraan Pemerintahan Daerah (LPPD, its yearly report to the minister) and the Rencana Pembangunan
# Jangka Panjang Daerah (RPJPD, its twenty-year plan).
GOVERNMENT_DOCUMENT_RE = re.compile(
    r"\brkpd\b|\brencana\s+kerja\s+pemerintah\s+daerah\b|\blkpj\b|\blaporan\s+keterangan\s+pertanggung\s*jawaban\b|"
    r"\blppd\b|\blaporan\s+penyelenggaraan\s+pemerintahan\s+daerah\b|\brpjpd\b|"
    r"\brencana\s+pembangunan\s+jangka\s+panjang\s+daerah\b", re.IGNORECASE)
# Budget documents an application prints for one agency or for the whole region.
BUDGET_KINDS = ("budget-realisation", "budget-plan")
# A form's field naming who the document is for: "Pemerintah Daerah : Kabupaten X" (the whole region) or "SKPD :",
# "OPD :", "Perangkat Daerah :", "Unit Kerja :", "Satker :" (one agency).
GOVERNMENT_FIELD = re.compile(r"^\s*pemerintah\s+daerah\s*$", re.IGNORECASE)
AGENCY_FIELD = re.compile(r"^\s*(?:skpd|opd|perangkat\s+daerah|unit\s+kerja|satker|satuan\s+kerja|nama\s+skpd)\s*$",
                          re.IGNORECASE)


def _form_fields(sources: list[Source]) -> list[str]:
    """The labels of a form's fields the first tables and pages print: a cell or a line's words before a colon."""
    labels = []
    for source in sources:
        if source.kind not in (Where.TABLE, Where.PAGE, Where.COVER):
            continue
        cells = list(source.lines)
        for k, text in enumerate(cells):
            if ":" in text:
                labels.append(text.split(":", 1)[0])
            elif k + 1 < len(cells) and cells[k + 1].strip() == ":":
                labels.append(text)
    return labels


def _form_owner_is_government(sources: list[Source]) -> bool:
    """A form's field names the regional government as the document's owner, and none names an agency."""
    labels = _form_fields(sources)
    return any(GOVERNMENT_FIELD.match(label) for label in labels) and not any(AGENCY_FIELD.match(label) for label in labels)


# The performance documents a whole regional government publishes as each of its agencies does (the SAKIP
# rules ask both for them): its LKjIP, its Perjanjian Kinerja (the head of the region's), its IKU. Renstra and
# Renja are an agency's; the government's plans are the RPJMD and the RKPD.
GOVERNMENT_PERFORMANCE_KINDS = ("LKjIP", "PK", "IKU")
# The owner printed right after the document's title words is a regional government: "Pemerintah Kabupaten X",
# or the region alone ("LKjIP Kota X Tahun 2023").
GOVERNMENT_OWNER_RE = re.compile(r"(?:pemerintah\s+|pem(?:kab|kot|prov)\s+)?(?:kabupaten|kota|provinsi|propinsi|"
                                 r"kab\.?|prov\.?)\s+(?-i:[A-Z])", re.IGNORECASE)


def titled_for_government(sources: list[Source]) -> bool:
    """The cover's title words are followed by a regional government ("LAPORAN KINERJA INSTANSI
    PEMERINTAH" / "PEMERINTAH KABUPATEN X"), and neither the cover, the PDF's title nor a running head
    names an agency (a dinas's cover names the government above its title, as its letterhead, and the
    dinas after it)."""
    cover = next((s for s in sources if s.kind is Where.COVER), None)
    if cover is None:
        return False
    text = clean_for_names(cover.text)
    owned = any(TITLE_BEFORE_RE.search(text[max(0, m.start() - 80):m.start()])
                for m in GOVERNMENT_OWNER_RE.finditer(text))
    return owned and not _heads_name_agency(sources)


def _heads_name_agency(sources: list[Source]) -> bool:
    """The cover, the PDF's title or a running head names an agency."""
    heads = [s for s in sources if s.kind in (Where.COVER, Where.PDF_TITLE, Where.RUNNING_HEAD)]
    return any(names_agency(clean_for_names(s.text)) for s in heads)


def names_agency(text: str) -> bool:
    """The text names an agency: a head word and a name after it, as `agency_votes` reads one."""
    for m in HEAD_RE.finditer(text):
        name = sub_unit(name_after_head(text, m.start()))
        words = name.split()
        if (len(words) >= 2 and words[1].lower() not in CONNECTORS) or name.lower() in SINGLE_WORD_NAMES:
            return True
    return False


def is_central(sources: list[Source]) -> bool:
    """The cover or the PDF's title names a central institution (Republik Indonesia, a Kementerian,
    Polri, Bakamla RI); a cited law's "Presiden Republik Indonesia" does not count."""
    heads = [s for s in sources if s.kind in (Where.COVER, Where.PDF_TITLE)]
    return any(CENTRAL_RE.search(CITATION_RE.sub(" ", s.text)) for s in heads)
