"""The cross-agency indicator catalogue: which printed indicator names measure the same quantity.

In:  every printed indicator name with the report and agency that print it (`PrintedName`), the other
     texts of each report (names, sasaran, captions, narrative: where "Indeks Kepuasan … (IKM)"
     is spelled out), and reviewed synonyms (variant, canonical, action = merge | split).
Out: one `CatalogueRow` per (report, printed name): its canonical name, a score and the evidence a
     person can read ("IKM read as indeks kepuasan masyarakat: words in the name ['nilai']; concept
     satisfaction_index …").

How a name is read, step by step:
1. Abbreviations. One with several senses (`concepts.AMBIGUOUS`, e.g. IKM) is decided from, in order,
   the words of the same name ("Nilai IKM", "sentra IKM"), the expansion printed elsewhere in the same
   report ("Industri Kecil … (IKM)"), the agency (an industry or trade agency), and last its
   default sense; the others are expanded one way (`names.ABBREVIATIONS`, `concepts.READINGS`). An
   abbreviation printed right after its own expansion ("Survei Kepuasan Masyarakat (SKM)", its letters the
   initials of the words or of their roots) is dropped; one the vocabulary does not know, that the names
   spell out one way only, is read as those words where it stands bare ("Indeks ITKAD").
   A word the cell's line broke ("teregistra si") is joined first, when names print it whole.
2. Words that never tell indicators apart are dropped: joining words, the IKU / IKP marks, list
   numbers, stray single letters, a unit in brackets ("(%)", "(Rp/kg)"), a fused column heading
   ("Indikator Kinerja … (1)").
3. Recurring concepts (`concepts.CONCEPTS`): a name holding a concept's words and nothing else but
   allowed words, organisation words or its own agency's name is that concept; a qualifier such as the
   PDRB sector or the level of schooling (read from a closed list) stays in the key; a share concept needs a
   share word or a percent unit in brackets.
4. Any other name meets another only when both hold the same words, in any order, up to one typing
   slip in one long word ("Masayarakat" / "Masyarakat"): "persentase X" and "jumlah X", two years, two
   sectors or two commodities stay apart. A column heading printed in capitals before the name
   ("SASARAN STRATEGIS/SASARAN Persentase …") is not among its words.
5. A name read by OCR (`PrintedName.ocr`) that met no text-layer name meets the one it misreads, letters
   misread in words the text-layer reports never print (`normalizers.ocr_slips`).
6. A name cut short in its cell (it ends on a word no name ends on, or its rest is printed as a row of
   its own) meets the names that go on from it, when they are one indicator (`normalizers.cut_names`).
A reviewed synonym wins over all of this; steps 5 and 6 never move a name a concept or a reviewer placed.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from normalizers.concepts import (
    AMBIGUOUS,
    CONCEPTS,
    FUSED_HEADING_WORDS,
    INDICATOR_OPENINGS,
    MEASURE_ONLY_WORDS,
    MEASURE_UNITS,
    MEASURE_WORDS,
    ORGANISATION_WORDS,
    OWN_AGENCY_PHRASES,
    PHRASE_READINGS,
    RATE_BASE,
    READINGS,
    SAYS_MEASURE,
    SHARE_WORDS,
    SOFT_LEADING,
    SOFT_PARTICIPLES,
    SOFT_WORDS,
    SPELLINGS,
    SYNONYMS,
    UNIT_MEASURES,
    Concept,
)
from normalizers.cut_names import find_cut_names
from normalizers.names import ABBREVIATIONS, AGENCY_ACRONYMS, VARIANTS, expand_agency_acronym, indicator_form
from normalizers.ocr_slips import OCR_MARKS, TextLayerNames
from normalizers.units import is_counted, unit_kind

# A typing slip: words of at least this many letters may differ by one edit ("masayarakat"); shorter
# words must be equal (RKA / DPA, luar / dalam, 2024 / 2025 differ by little and mean another thing).
TYPO_MIN_LETTERS = 5
TYPO_MAX_EDITS = 1
# A typist's stutter: a run of this many letters typed twice ("keamananan" for "keamanan"); Indonesian writes a
# doubled word with a hyphen ("laki-laki"), never inside one word.
REPEATED_RUN = 2
# The score taken off a name for each word read as a slip (of typing or of OCR): the evidence is weaker.
SLIP_PENALTY = 5
# A word the reports read by OCR print letter for letter in this many of their texts (names, sasaran, captions,
# narrative) is a word of theirs, not a misreading ("baduta" beside "balita"): OCR seldom misreads a word the
# same way three times, while a term of the agency recurs.
OCR_WORD_REPEATS = 3
# The score taken off a name read as the beginning of a longer one: its end is not printed.
CUT_PENALTY = 10
# A bracketed unit has at most this many words ("(%)", "(Rp/kg)", "(kasus/tahun)", "(Juta US$)").
BRACKET_ASIDE_WORDS = 2
# Verb affixes that change the voice, not the quantity ("disediakan" / "tersedia" / "tersedianya",
# "dipelihara" / "terpelihara"): a prefix is stripped from words of at least PREFIX_MIN_LETTERS, a suffix
# when STEM_MIN_LETTERS remain (short words keep their letters: "dinas", "teras").
VERB_PREFIXES = ("di", "ter")
VERB_SUFFIXES = ("nya", "kan")
PREFIX_MIN_LETTERS = 7
STEM_MIN_LETTERS = 4
# Letters of an abbreviation spelled out in brackets after its words ("… Masyarakat (IKM)"), and how many
# characters before the brackets are searched for its words (eight long words and their joining words).
ABBREVIATION_LETTERS = (2, 8)
# Prefixes an abbreviation skips to take the initial of a word's root: pember- (pemberdayaan: empowerment,
# root daya), ber- (berketahanan: being resilient, root ketahanan), longest first. Only these: they make nouns
# and verbs of a root whose initial the abbreviation keeps ("Desa Berketahanan Pangan (DKP)"); other prefixes
# (pe-, me-, di-) keep their own initial in abbreviations.
ROOT_PREFIXES = ("pember", "ber")
# A root keeps at least this many letters ("daya"): a shorter rest is no root but the end of a word
# that merely begins like a prefix ("beras": rice).
ROOT_MIN_LETTERS = 4
SPELLED_OUT_REACH = 200
# An abbreviation spelled out in one name is read so in the names of other reports from this many letters: two
# letters (PD, RB, TP) stand for too many things across agencies to carry a reading from one report to another.
SPELLED_LETTERS = 3


# A word the cell's line broke leaves a piece of one or two letters on the next line ("tersertifikas i",
# "teregistra si"), or one letter at the end of the line before ("t erdata"); a piece of three letters or more
# may be a word of its own and is left alone, unless no other name prints either piece ("Penera ngan").
BROKEN_PIECE_LETTERS = 2
# A word printed whole, that a broken word is joined into, has at least this many letters: joining words
# ("di", "ke") and stray letters are no such words.
WHOLE_WORD_LETTERS = 3

# The words of an indicator table's heading ("Indikator Kinerja Sasaran Strategis (1)") read into a name with "indikator".
HEADING_WORDS = ("kinerja", "sasaran", "strategis", "utama")
# An amount of a value cell glued to the name by the reader ("… air tawar Rp. 60.000/kg Rp. 127.000/kg").
GLUED_AMOUNT = re.compile(r"\bRp\.?\s*[\d.,]+(\s*/\s*[A-Za-z]+)?", re.IGNORECASE)


@dataclass(frozen=True)
class PrintedName:
    """An indicator name as printed in one report of one agency."""
    name: str
    report: str = ""
    agency: str | None = None
    ocr: bool = False  # read by OCR from a scanned page (its letters may be misread)
    region: str | None = None  # the region the agency belongs to ("Kabupaten Contoh"): a concept allows its name


@dataclass
class CatalogueRow:
    report: str
    variant: str
    canonical: str
    score: float
    evidence: str


@dataclass
class Reading:
    """How one printed name is read: its words, the abbreviation decisions, and its concept if any."""
    words: list[str]
    decisions: list[str] = field(default_factory=list)
    readings: dict[str, str] = field(default_factory=dict)  # ambiguous abbreviation -> the sense decided
    concept: Concept | None = None
    qualifier: str = ""
    concept_evidence: str = ""
    unit: str | None = None  # the kind of a unit printed in brackets and dropped from the words ("(%)": percent)
    region: frozenset[str] = frozenset()  # the words of the agency's own region (`region_words`)

    def measure(self) -> str:
        """The measure the bracketed unit gives the number (`concepts.UNIT_MEASURES`: share, grade, score, amount)."""
        return UNIT_MEASURES.get(self.unit or "", "")

    def signature(self) -> tuple[str, ...]:
        """The words as compared between names: verb affixes stripped, order and repetition ignored
        ('OPD Provinsi … SOTK Provinsi' = 'OPD … SOTK Provinsi'), the agency's own name ('… SKPD') and a
        verb of provision ('yang disediakan', 'yang diselenggarakan') and the words of the agency's own region
        ('… Kabupaten Contoh') left out; the word of the measure a
        bracketed unit gives ('Realisasi fisik (%)' = 'Persentase realisasi fisik', `concepts.MEASURE_WORDS`)."""
        own = [w for w in self.words if w not in self.region]  # "Jumlah penduduk miskin Kabupaten Contoh"
        stems = {verb_stem(w) for w in _without_own_agency(own or self.words)}
        kept = {w for w in stems if not any(same_word(w, p) for p in SOFT_PARTICIPLES)}
        return tuple(sorted((kept or stems) | self.measure_word()))

    def measure_word(self) -> set[str]:
        """The word of the measure the bracketed unit gives, when the name holds no word saying it ('Realisasi fisik
        (%)' -> {'persentase'}; 'Prevalensi gizi buruk (%)' -> {})."""
        measure = self.measure()
        if measure not in MEASURE_WORDS or set(self.words) & SAYS_MEASURE[measure]:
            return set()
        return {MEASURE_WORDS[measure]}

    def key(self) -> tuple[str, ...]:
        if self.concept:
            return ("concept", self.concept.key, self.qualifier)
        return ("words", *self.signature())


def _without_own_agency(words: list[str]) -> list[str]:
    """The words less the phrases that name the agency itself (`concepts.OWN_AGENCY_PHRASES`)."""
    out = list(words)
    for phrase in OWN_AGENCY_PHRASES:
        for start in range(len(out) - len(phrase), -1, -1):
            if tuple(out[start:start + len(phrase)]) == phrase:
                del out[start:start + len(phrase)]
    return out


def printed_expansions(texts: Iterable[str]) -> dict[str, set[str]]:
    """The abbreviations a report spells out: 'Tingkat Layanan Prima (TLP)' -> {'tlp': {'tingkat
    layanan prima'}}, the expansion being the words before the brackets whose initials (joining
    words skipped) make the abbreviation."""
    found: dict[str, set[str]] = {}
    low, high = ABBREVIATION_LETTERS
    for text in texts:
        for match in re.finditer(rf"\(\s*([A-Z]{{{low},{high}}})\s*\)", text or ""):
            before = text[max(0, match.start() - SPELLED_OUT_REACH):match.start()]
            expansion = _spelled_out(before, match.group(1).lower())
            if expansion:
                found.setdefault(match.group(1).lower(), set()).add(expansion)
    return found


def _spelled_out(before: str, abbreviation: str) -> str | None:
    """The words right before an abbreviation whose initials make it, or None."""
    words = re.findall(r"[A-Za-z]+", before)[-3 * len(abbreviation):]
    picked: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if low in SOFT_WORDS and picked:
            continue
        picked.insert(0, low)
        if len(picked) == len(abbreviation):
            break
    if len(picked) == len(abbreviation) and all(letter in _initials(w) for letter, w in zip(abbreviation, picked)):
        return " ".join(_spelling(w) for w in picked)
    return None


def _initials(word: str) -> set[str]:
    """The letters an abbreviation may take for a word: its first, and the first of its root when it opens
    with a derivation prefix (`ROOT_PREFIXES`): 'pemberdayaan' -> {'p', 'd'} ("Indeks Pemberdayaan Petani
    Pesisir (IDPP)"), 'berketahanan' -> {'b', 'k'} ("Desa Berketahanan Pangan (DKP)")."""
    letters = {word[0]}
    for prefix in ROOT_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= ROOT_MIN_LETTERS:
            letters.add(word[len(prefix)])
            break
    return letters


def agency_words(agency: str | None) -> set[str]:
    """The words of an agency's name, its acronyms expanded, and the initials of every run of two or
    more of its words ("Staf Sumber Daya Manusia" -> ssdm): a concept allows them ("Nilai SAKIP SSDM")."""
    if not agency:
        return set()
    raw = re.findall(r"[a-z0-9]+", agency.lower())
    words: list[str] = []
    for w in raw:
        words.extend(_agency_word(w).split())
    out = set(words) | set(raw)
    for start in range(len(words)):
        for end in range(start + 2, len(words) + 1):
            out.add("".join(w[0] for w in words[start:end]))
    return out


def _agency_word(word: str) -> str:
    """A word of an agency's name read with the vocabulary a name's words are read with ('UKM' -> usaha kecil dan
    menengah, 'Setwan' -> sekretariat dprd): an indicator naming its agency ('… pelayanan Dinas Koperasi dan UKM')
    names it in the same words."""
    return (AGENCY_ACRONYMS.get(word) or expand_agency_acronym(word) or READINGS.get(word) or ABBREVIATIONS.get(word)
            or word)


def region_words(region: str | None) -> set[str]:
    """The words of a region's name, its short forms read as a name's words are (`concepts.READINGS`: "Kab.
    Contoh" -> kab, kabupaten, contoh): a concept allows them ("IPM Kabupaten Contoh", "Indeks … di Contoh")."""
    words = set(re.findall(r"[a-z]+", (region or "").lower()))
    return words | {READINGS[w] for w in words if READINGS.get(w)}


def _spelling(word: str) -> str:
    """A word in the one form names are compared in: its spelling variant, then its synonym."""
    spelled = SPELLINGS.get(word, VARIANTS.get(word, word))
    return SYNONYMS.get(spelled, spelled)


def verb_stem(word: str) -> str:
    """'disediakan' -> 'sedia', 'tersedianya' -> 'sedia', 'terpelihara' -> 'pelihara' (one prefix, one
    suffix). Only names compared word by word are stemmed; concepts read the words as printed."""
    for suffix in VERB_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= STEM_MIN_LETTERS:
            word = word[:-len(suffix)]
            break
    if len(word) >= PREFIX_MIN_LETTERS - 1:
        for prefix in VERB_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= STEM_MIN_LETTERS:
                return word[len(prefix):]
    return word


def _tokens(name: str) -> list[tuple[str, bool]]:
    """(word, printed in capitals) for every word of a name, list numbering, bracketed asides (units,
    remarks) and a fused column heading removed."""
    return _without_fused_heading(_printed_tokens(name))


def has_fused_heading(name: str) -> bool:
    """A column heading is read into the name: in capitals before it ('SASARAN STRATEGIS/SASARAN Persentase …'),
    or 'Indikator Kinerja …' around it (`_drop_soft`)."""
    words = {w for w, _ in _printed_tokens(name)}
    return len(_tokens(name)) != len(_printed_tokens(name)) or bool("indikator" in words and words & set(HEADING_WORDS))


def _printed_tokens(name: str) -> list[tuple[str, bool]]:
    """(word, printed in capitals) for every word of a name, list numbering and bracketed asides removed."""
    text = re.sub(r"<[^>]+>", " ", name or "")
    text = re.sub(r"^\s*(\d+(\.\d+)*|[a-zA-Z])[.)]\s*", "", text)
    text = GLUED_AMOUNT.sub(" ", text)
    text = re.sub(RATE_BASE, " ", text, flags=re.IGNORECASE)  # "per 1.000 KH": the rate's base, a unit

    def aside(match: re.Match[str]) -> str:
        inner = match.group(1)
        return " " if _is_unit_aside(inner) else f" {inner} "

    text = re.sub(r"\(([^()]*)\)", aside, text)
    words = [_read_as_capitals(w) for w in re.findall(r"[A-Za-z0-9]+", text)]
    return [(w.lower(), w.isupper() and len(w) > 1) for w in words]


# Letters OCR reads for a capital in a word printed in capitals: "SAKlP" (l for I), "0PD" (zero for O).
OCR_CAPITAL_SLIPS = {"l": "I", "0": "O"}
# A word is an abbreviation in capitals when at least this many of its letters are capitals.
MIN_CAPITALS = 2


def _read_as_capitals(word: str) -> str:
    """An abbreviation in capitals with a letter OCR misread ("SAKlP") spelled in capitals ("SAKIP"); other
    words as printed."""
    if sum(c.isupper() for c in word) < MIN_CAPITALS or not any(c in OCR_CAPITAL_SLIPS for c in word):
        return word
    if not all(c.isupper() or c in OCR_CAPITAL_SLIPS for c in word):
        return word
    return "".join(OCR_CAPITAL_SLIPS.get(c, c) for c in word)


def _without_fused_heading(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A column heading printed in capitals and read into the start of the name ('SASARAN STRATEGIS/SASARAN
    Persentase …') left out: a leading run of heading words in capitals (`concepts.FUSED_HEADING_WORDS`)
    followed by a word not in capitals (a name printed all in capitals keeps its words)."""
    start = 0
    while start < len(tokens) and tokens[start][1] and tokens[start][0] in FUSED_HEADING_WORDS:
        start += 1
    return tokens[start:] if 0 < start < len(tokens) and not tokens[start][1] else tokens


def _is_unit_aside(inner: str) -> bool:
    """A bracketed unit or number beside a name: '(%)', '(Rp/Kg)', '(ton)', '(ekor)', '(kasus/tahun)', '(1)';
    not an abbreviation '(IKM)' nor words that name what is measured '(Military Capability)'."""
    text = inner.strip()
    if not text or re.fullmatch(r"[\d.,\s]+", text):
        return True
    if re.search(r"\b[A-Z]{2,}\b", text) or len(text.split()) > BRACKET_ASIDE_WORDS:
        return False
    kind = unit_kind(text)
    parts = [p.strip(" .") for p in text.lower().split("/")]
    return (kind not in (None, "count", "other") or is_counted(text)
            or all(p in MEASURE_UNITS for p in parts))  # "(ton)", "(ton/ha)", "(Kw/Ha)"


def aside_unit(name: str) -> str | None:
    """The kind (`normalizers.units.unit_kind`) of the unit a name prints in brackets and that is not read as its
    words ('Akses air minum layak (%)' -> percent, 'Panjang jalan mantap (km)' -> count); None without one.
    Of several, the last ('Nilai (poin) … (%)')."""
    kinds = [unit_kind(inner) for inner in re.findall(r"\(([^()]*)\)", name or "")
             if inner.strip() and not re.fullmatch(r"[\d.,\s]+", inner) and _is_unit_aside(inner)]
    return kinds[-1] if kinds else None


def _content(text: str) -> str:
    """The words of a phrase without joining words: 'industri kecil dan menengah' -> 'industri kecil menengah'."""
    return " ".join(w for w in text.split() if w not in SOFT_WORDS)


def _decide(abbreviation: str, words: list[str], position: int, agency: str | None,
            expansions: dict[str, set[str]]) -> tuple[str, str]:
    """The reading of an ambiguous abbreviation at `position` of `words`, and why."""
    entry = AMBIGUOUS[abbreviation]
    upper = abbreviation.upper()
    others = set(words[:position] + words[position + 1:])
    before = words[position - 1] if position else ""
    votes = [(len(others & s.name_words) + (2 if before in s.word_before else 0), s) for s in entry.senses]
    best = max(v for v, _ in votes)
    winners = [s for v, s in votes if v == best]
    if best and len(winners) == 1:
        cues = sorted((others & winners[0].name_words) | ({before} & winners[0].word_before))
        return winners[0].expansion, f"{upper} read as {winners[0].expansion}: words in the name {cues}"
    spelled = {_content(e) for e in expansions.get(abbreviation, set())}
    printed = [s for s in entry.senses if _content(s.expansion) in spelled]
    if len(printed) == 1:
        return printed[0].expansion, (f"{upper} read as {printed[0].expansion}: the report spells it out "
                                      f"'{printed[0].expansion.title()} ({upper})'")
    agency_set = agency_words(agency)
    by_agency = [s for s in entry.senses if s.agency_words & agency_set]
    if len(by_agency) == 1:
        cues = sorted(by_agency[0].agency_words & agency_set)
        return by_agency[0].expansion, f"{upper} read as {by_agency[0].expansion}: the agency '{agency}' ({cues})"
    sense = entry.senses[entry.default]
    return sense.expansion, f"{upper} read as {sense.expansion}: no other evidence (the reading of most agencies)"


def read_name(name: str, agency: str | None = None, expansions: dict[str, set[str]] | None = None,
              whole_words: Collection[str] | None = None, spelled: dict[str, str] | None = None,
              region: str | None = None) -> Reading:
    """How one printed name is read (see the module's docstring): words, decisions, concept. `whole_words`: the
    words the catalogue's names print whole, to join a word the cell's line broke (`join_broken_words`);
    `spelled`: the abbreviations other names spell out one way (`spelled_in_names`), read so when printed bare."""
    expansions = expansions or {}
    spelled = spelled or {}
    tokens = join_broken_words(_tokens(name), whole_words or set())
    plain = [w for w, _ in tokens]
    words: list[str] = []
    decisions: list[str] = []
    readings: dict[str, str] = {}
    skip = False
    for i, (word, capitals) in enumerate(tokens):
        if skip:
            skip = False
            continue
        if capitals and 2 <= len(word) <= 8 and _spelled_out(" ".join(plain[:i]), word):
            continue  # "Survei Kepuasan Masyarakat (SKM)": the abbreviation repeats the words before it
        phrase = PHRASE_READINGS.get((word, plain[i + 1] if i + 1 < len(plain) else ""))
        if phrase:  # "IP ASN": two printed words, one abbreviation
            words.extend(_spelling(w) for w in phrase.split())
            skip = True
            continue
        if word in AMBIGUOUS:
            expansion, why = _decide(word, plain, i, agency, expansions)
            decisions.append(why)
            if expansion:
                readings[word] = expansion
        else:
            spelled_as = SPELLINGS.get(word, word)  # "Ranperda" is read as "Raperda" is
            expansion = (READINGS[spelled_as] if spelled_as in READINGS
                         else (ABBREVIATIONS.get(word) or AGENCY_ACRONYMS.get(word) or word))
            if capitals and expansion == word and word in spelled:
                expansion = spelled[word]
                decisions.append(f"{word.upper()} read as {expansion}: spelled out so in another name")
        for part in expansion.split():  # "Setwan" -> "sekretariat DPRD" -> "sekretariat dewan perwakilan …"
            inner = part if part == word else AGENCY_ACRONYMS.get(part, part)
            words.extend(_spelling(w) for w in inner.split())
    words = _drop_trailing_unit(_drop_soft([w for k, w in enumerate(words) if k == 0 or w != words[k - 1]]))
    reading = Reading(words=words, decisions=decisions, readings=readings, unit=aside_unit(name),
                      region=frozenset(region_words(region)))
    _match_concept(reading, agency_words(agency) | region_words(region))
    return reading


def join_broken_words(tokens: list[tuple[str, bool]], whole_words: Collection[str]) -> list[tuple[str, bool]]:
    """Tokens (word, in capitals) with a word the cell's line broke joined again: a piece of at most
    `BROKEN_PIECE_LETTERS` letters after it ('tersertifikas i', 'teregistra si') or a single letter before
    it ('t erdata') makes, with its neighbour, a word that names print whole (`whole_words`)."""
    out: list[tuple[str, bool]] = []
    for word, capitals in tokens:
        if out and _broken_pair(out[-1][0], word, whole_words):
            out[-1] = (out[-1][0] + word, out[-1][1] and capitals)
        else:
            out.append((word, capitals))
    return out


def _broken_pair(before: str, after: str, whole_words: Collection[str]) -> bool:
    """True when `before` + `after` is one word broken in two: a piece of a word, not a word (a short piece
    after it, or one letter before it), and together a word printed whole elsewhere."""
    if not (before.isalpha() and after.isalpha()) or before + after not in whole_words:
        return False
    return len(after) <= BROKEN_PIECE_LETTERS or len(before) == 1 or (
        _printed_once(before, whole_words) and _printed_once(after, whole_words))  # "Penera ngan": pieces, no words


def _printed_once(word: str, whole_words: Collection[str]) -> bool:
    """A word only one name prints (the broken name itself). `whole_words` counts the names that print each word
    (`whole_words_of`, a Counter); a plain set of words counts no names, and then no word is printed once."""
    return isinstance(whole_words, Counter) and whole_words[word] <= 1


def whole_words_of(names: Iterable[str]) -> Counter[str]:
    """The words of at least `WHOLE_WORD_LETTERS` letters the names print (lower case), each with how many
    different names print it."""
    return Counter(w for name in set(names) for w in {w for w, _ in _tokens(name)}
                   if len(w) >= WHOLE_WORD_LETTERS and w.isalpha())


def spelled_in_names(names: Iterable[str]) -> dict[str, str]:
    """The abbreviations the names spell out right after their words, each that is spelled out one way only
    and is not read by the vocabulary already: 'Indeks Tata Kelola Arsip Digital (ITKAD)' -> {'itkad': 'tata
    kelola arsip digital'} (the expansion's joining words left out)."""
    found: dict[str, set[str]] = {}
    for name in names:
        tokens = _tokens(name)
        plain = [w for w, _ in tokens]
        for i, (word, capitals) in enumerate(tokens):
            if capitals and SPELLED_LETTERS <= len(word) <= ABBREVIATION_LETTERS[1] and word.isalpha():
                expansion = _spelled_out(" ".join(plain[:i]), word)
                if expansion:
                    found.setdefault(word, set()).add(" ".join(_content(expansion).split()))
    known = set(AMBIGUOUS) | set(READINGS) | set(ABBREVIATIONS) | set(AGENCY_ACRONYMS) | SOFT_WORDS
    return {w: e.pop() for w, e in found.items() if len(e) == 1 and w not in known}


def _drop_soft(words: list[str]) -> list[str]:
    """Joining words, stray letters and digits, a leading 'Meningkatnya' / 'Tingkat', and the words of a
    column heading fused to the name ('Indikator Kinerja Sasaran Strategis (1) …') removed."""
    out = [w for w in words if w not in SOFT_WORDS and len(w) > 1]
    if out and out[0] in SOFT_LEADING and len(out) > 1:
        out = out[1:]
    if "indikator" in words:
        for heading_word in HEADING_WORDS:
            if heading_word in out:
                out.remove(heading_word)
    return out


def _drop_trailing_unit(words: list[str]) -> list[str]:
    """The satuan column read into the name's last cell ('… jaminan kesehatan Persen', '… kesehatan Dokumen'):
    a last word that is a percent, or a counted or measured unit the name already names, is dropped."""
    if len(words) < 3:
        return words
    last = words[-1]
    is_percent = unit_kind(last) == "percent"
    named_before = last in words[:-1] and (is_counted(last) or last in MEASURE_UNITS)
    return words[:-1] if is_percent or named_before else words


def same_word(a: str, b: str) -> bool:
    """Equal, or one typing slip apart when both are long words (digits always exact): one edit, or a
    syllable typed twice ("Keamananan" / "Keamanan")."""
    if a == b:
        return True
    if min(len(a), len(b)) < TYPO_MIN_LETTERS or not (a.isalpha() and b.isalpha()):
        return False
    return (Levenshtein.distance(a, b, score_cutoff=TYPO_MAX_EDITS) <= TYPO_MAX_EDITS
            or _syllable_typed_twice(a, b) or _syllable_typed_twice(b, a))


def _syllable_typed_twice(longer: str, shorter: str) -> bool:
    """`longer` is `shorter` with one run of `REPEATED_RUN` letters typed twice in a row ("kea-man-an-an")."""
    if len(longer) != len(shorter) + REPEATED_RUN:
        return False
    return any(longer[i:i + REPEATED_RUN] == longer[i + REPEATED_RUN:i + 2 * REPEATED_RUN]
               and longer[:i] + longer[i + REPEATED_RUN:] == shorter
               for i in range(len(longer) - 2 * REPEATED_RUN + 1))


def _as_vocabulary(words: list[str], vocabulary: set[str], known: dict[str, str] | None = None) -> list[str]:
    """Each word replaced by the vocabulary word it is a typing slip of ('masayarakat' -> 'masyarakat').
    `known`: the answers for words outside this vocabulary found before (read and extended here); the
    caller passes one per vocabulary, built the same way on every call (so the first slip it finds, in the
    set's order, is the same each time)."""
    out = []
    for w in words:
        if w in vocabulary:
            out.append(w)
            continue
        found = known.get(w) if known is not None else None
        if found is None:
            found = next((v for v in vocabulary if same_word(w, v)), w)
            if known is not None:
                known[w] = found
        out.append(found)
    return out


# Per concept (by its place in CONCEPTS), each word outside its vocabulary -> the vocabulary word it is a slip
# of (or itself): a catalogue reads thousands of names against every concept, most with the same words.
_SLIPS: list[dict[str, str]] = [{} for _ in CONCEPTS]


def _match_concept(reading: Reading, agency: set[str]) -> None:
    """Set the reading's concept when its words are one of `CONCEPTS` (the first that fits)."""
    for concept, slips in zip(CONCEPTS, _SLIPS):
        required = set().union(*concept.required)
        allowed = required | concept.allowed | ORGANISATION_WORDS | agency
        words = _as_vocabulary(reading.words, required | concept.allowed, slips)
        measure = reading.measure()
        if concept.measure and measure and measure != concept.measure:
            continue  # "Hasil evaluasi SAKIP (Predikat)" is the grade, not the score
        printed = set(words) | reading.measure_word()
        if not all(printed & need for need in concept.required):
            continue
        if concept.share:
            if not printed & SHARE_WORDS or measure == "amount":
                continue
            allowed = allowed | SHARE_WORDS
        terms: list[str] = []
        if concept.qualifier_terms:
            words, terms = _qualifier_terms(words, concept.qualifier_terms)
            if not terms and concept.term_needed:
                continue
        head, tail = words, []
        marker = next((i for i, w in enumerate(words) if w in concept.qualifier_markers), None)
        if marker is not None:
            head, tail = words[:marker], words[marker:]
        if any(w not in allowed and len(w) > 2 for w in head):  # stray letters of a reading are no words
            continue
        # the qualifier keeps a sector that is also the agency's subject (Dinas Perikanan, sektor perikanan)
        own_words = required | concept.allowed | concept.qualifier_fillers
        qualifier = [w for w in tail if w not in own_words and len(w) > 2]
        if marker is not None and ((not qualifier and not terms) or INDICATOR_OPENINGS & set(tail)):
            continue
        if concept.qualifier_needed and not (qualifier or terms):
            continue
        reading.concept = concept
        reading.qualifier = " ".join(terms + qualifier)
        found = sorted(set(words) & required)
        extra = sorted(set(head) - required)
        reading.concept_evidence = (f"concept {concept.key} ({concept.label}): words {found}"
                                    + (f", allowed besides {extra}" if extra else "")
                                    + (f", qualifier '{reading.qualifier}' kept apart" if reading.qualifier else ""))
        return


def _qualifier_terms(words: list[str], terms: tuple[tuple[tuple[str, ...], str], ...]) -> tuple[list[str], list[str]]:
    """The words less the terms of a closed list found among them (longest first), and the terms' forms, sorted
    and each once ('SD/MI' -> ['sd'])."""
    rest, found = list(words), set()
    for phrase, form in sorted(terms, key=lambda t: -len(t[0])):
        start = 0
        while start <= len(rest) - len(phrase):
            if tuple(rest[start:start + len(phrase)]) == phrase:
                del rest[start:start + len(phrase)]
                found.add(form)
            else:
                start += 1
    return rest, sorted(found)


def _typo_pairs(a: tuple[str, ...], b: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """The typing slips that make two word multisets equal, or None when they are not."""
    if len(a) != len(b):
        return None
    left = list((Counter(a) - Counter(b)).elements())
    right = list((Counter(b) - Counter(a)).elements())
    pairs = []
    for word in left:
        match = next((r for r in right if same_word(word, r)), None)
        if match is None:
            return None
        right.remove(match)
        pairs.append((word, match))
    return pairs


@dataclass
class _Group:
    key: tuple[str, ...]
    canonical: str | None = None  # a concept's or a reviewer's name; else the most printed member
    members: Counter[str] = field(default_factory=Counter)
    readings: dict[str, str] = field(default_factory=dict)  # ambiguous abbreviations as its members read them
    # members misread by OCR, cut in their cells or printed with a column heading: not the group's name
    # while it has another member
    doubtful: set[str] = field(default_factory=set)

    def name(self) -> str:
        """The reviewer's or concept's name, else the most printed member with the sense of each ambiguous
        abbreviation it prints ('Capaian IKM (IKM: industri kecil dan menengah)'): one printed name read two
        ways is two canonical names."""
        if self.canonical:
            return self.canonical
        printed_well = [m for m in self.members if m not in self.doubtful] or list(self.members)
        name = max(printed_well, key=lambda m: (self.members[m], -len(m), m))
        printed = {w.lower() for w in re.findall(r"[A-Za-z]+", name)}
        notes = [f"{abbreviation.upper()}: {sense}" for abbreviation, sense in sorted(self.readings.items())
                 if abbreviation in printed]
        return f"{name} ({'; '.join(notes)})" if notes else name


class _Reviewed:
    """The reviewed synonyms, matched on `names.indicator_form` of the printed name: a merge puts the
    name (and the canonical name itself) under the reviewer's canonical, a split keeps it alone."""

    def __init__(self, synonyms: list[dict[str, str]]):
        self.forced = {indicator_form(s["variant"]): s for s in synonyms}
        self.merge_targets = {indicator_form(s["canonical"]): s["canonical"] for s in synonyms
                              if (s.get("action") or "merge") == "merge" and s.get("canonical")}

    def place(self, report: str, name: str) -> tuple[tuple[str, ...], str | None, str] | None:
        """(group key, canonical or None, evidence) when a reviewed synonym decides, else None."""
        form = indicator_form(name)
        rule = self.forced.get(form)
        if rule and (rule.get("action") or "merge") == "merge" and rule.get("canonical"):
            return ("reviewed", indicator_form(rule["canonical"])), rule["canonical"], "reviewed synonym (merge)"
        if rule and rule.get("action") == "split":
            return ("split", report, name), None, "reviewed synonym (split)"
        if form in self.merge_targets:
            return ("reviewed", form), self.merge_targets[form], "reviewed synonym (the canonical name itself)"
        return None


def build(names: list[PrintedName], report_texts: dict[str, list[str]] | None = None,
          synonyms: list[dict[str, str]] | None = None) -> list[CatalogueRow]:
    """One row per distinct (report, printed name): canonical name, score and evidence (see module)."""
    report_texts = report_texts or {}
    expansions = {report: printed_expansions(texts) for report, texts in report_texts.items()}
    counts = Counter((n.report, n.name) for n in names)
    agencies = {(n.report, n.name): n.agency for n in names}
    regions = {(n.report, n.name): n.region for n in names}
    reviewed = _Reviewed(synonyms or [])
    groups: dict[tuple[str, ...], _Group] = {}
    placed: dict[tuple[str, str], tuple[tuple[str, ...], float, str]] = {}
    leaders: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # a group's words less one -> its words
    whole_words = whole_words_of(name for _, name in counts)
    spelled = spelled_in_names(name for _, name in counts)
    for report, name in sorted(counts, key=lambda k: (-counts[k], k)):
        decision = reviewed.place(report, name)
        if decision:
            key, canonical, evidence = decision
            groups.setdefault(key, _Group(key, canonical))
            placed[(report, name)] = (key, 100.0, evidence)
        else:
            reading = read_name(name, agencies[(report, name)], expansions.get(report), whole_words, spelled,
                                regions[(report, name)])
            placed[(report, name)] = _place(reading, name, groups, leaders, agencies[(report, name)])
            groups[placed[(report, name)][0]].readings.update(reading.readings)
            if has_fused_heading(name):
                groups[placed[(report, name)][0]].doubtful.add(name)
        groups[placed[(report, name)][0]].members[name] += counts[(report, name)]
    # a name is read by OCR when every print of it is (one print from a text layer shows its letters)
    ocr = {(n.report, n.name) for n in names if n.ocr} - {(n.report, n.name) for n in names if not n.ocr}
    if ocr:
        _place_ocr_slips(placed, groups, ocr, report_texts)
    _place_cut_names(placed, groups)
    rows = []
    for (report, name), (key, score, evidence) in placed.items():
        group = groups[key]
        rows.append(CatalogueRow(report, name, group.name(), round(score, 1), evidence))
    return rows


def comparison_words(name: str) -> tuple[str, ...]:
    """The words of a printed name as OCR slips are compared ('Jurnlah dokumen DPA-SKPD yang disusun' ->
    ('jurnlah', 'dokumen', 'dpa', 'skpd', 'disusun')): OCR marks inside words removed, spelling variants
    read one way, joining words and stray letters left out; abbreviations stay as printed."""
    words = (_spelling(w) for w, _ in _tokens(OCR_MARKS.sub("", name or "")))
    return tuple(w for w in words if w not in SOFT_WORDS and len(w) > 1)


def _opens_in_lower_case(name: str) -> bool:
    """The first letter of a printed name is a small one ('cetak dan …'): its start was printed elsewhere."""
    first = re.search(r"[A-Za-z]", OCR_MARKS.sub("", name or ""))
    return bool(first and first.group().islower())


def _real_words(text_layer: list[tuple[str, str]], ocr_reports: set[str], report_texts: dict[str, list[str]]) -> set[str]:
    """The words known to be read right: every word of the text-layer names and of the texts of reports none of
    whose names OCR read, and a word the OCR-read reports print the same way in `OCR_WORD_REPEATS` texts."""
    words = {w for _, name in text_layer for w in comparison_words(name)}
    repeats: Counter[str] = Counter()
    for report, texts in report_texts.items():
        for text in set(texts):
            if report in ocr_reports:
                repeats.update(set(comparison_words(text)))
            else:
                words.update(comparison_words(text))
    return words | {w for w, n in repeats.items() if n >= OCR_WORD_REPEATS}


def _place_ocr_slips(placed: dict[tuple[str, str], tuple[tuple[str, ...], float, str]],
                     groups: dict[tuple[str, ...], _Group], ocr: set[tuple[str, str]],
                     report_texts: dict[str, list[str]]) -> None:
    """Move each OCR-read name whose group holds no text-layer name into the group of the text-layer name
    it misreads (`normalizers.ocr_slips`), with that evidence."""
    text_layer = [key for key in placed if key not in ocr]
    vocabulary = _real_words(text_layer, {report for report, _ in ocr}, report_texts)
    with_text_layer = {placed[key][0] for key in text_layer}
    search = TextLayerNames(((comparison_words(name), name, placed[(report, name)][0]) for report, name in text_layer),
                            vocabulary)
    for report, name in sorted(ocr):
        key, score, evidence = placed[(report, name)]
        if key in with_text_layer or key[0] in ("reviewed", "concept"):
            continue
        words = comparison_words(name)
        match = search.misread(words, lost_first_word=_opens_in_lower_case(name))
        if match is None:
            continue
        count = groups[key].members.pop(name, 0)
        groups[match.group].members[name] += count
        groups[match.group].doubtful.add(name)
        slip_score = score - SLIP_PENALTY * len(match.slips)
        placed[(report, name)] = (match.group, slip_score, f"{evidence}; {match.evidence()}")


def _place_cut_names(placed: dict[tuple[str, str], tuple[tuple[str, ...], float, str]],
                     groups: dict[tuple[str, ...], _Group]) -> None:
    """Move each name cut short in its cell into the group of the names it is the beginning of
    (`normalizers.cut_names`), with that evidence. Names placed by a reviewer or a concept stay; a cut name
    may begin one of theirs (the first line of a concept's name, its second line printed as a row of its own)."""
    groups_of = {key: placed[key][0] for key in placed}
    free = {key for key, group in groups_of.items() if group[0] not in ("reviewed", "concept")}
    words = {key: comparison_words(key[1]) for key in placed}
    for (report, name), match in find_cut_names(words, groups_of, free).items():
        key, score, evidence = placed[(report, name)]
        groups[match.group].members[name] += groups[key].members.pop(name, 0)
        groups[match.group].doubtful.add(name)
        placed[(report, name)] = (match.group, score - CUT_PENALTY, f"{evidence}; {match.evidence()}")


def _place(reading: Reading, name: str, groups: dict[tuple[str, ...], _Group],
           leaders: dict[tuple[str, ...], list[tuple[str, ...]]],
           agency: str | None = None) -> tuple[tuple[str, ...], float, str]:
    """The group of one reading (made when new), its score and the evidence. A name one slipped word away
    from a group's words is found through `leaders`, indexed by the group's words less one."""
    decided = "; ".join(reading.decisions)
    prefix = f"{decided}; " if decided else ""
    if reading.concept:
        key = reading.key()
        label = reading.concept.label + (f" sektor {reading.qualifier}" if reading.qualifier else "")
        groups.setdefault(key, _Group(key, label))
        return key, 100.0, prefix + reading.concept_evidence
    if not reading.words:  # nothing but joining words and marks: only the same print meets it
        key = ("printed", name.strip().lower())
        groups.setdefault(key, _Group(key))
        return key, 100.0, prefix + "new canonical (no distinguishing words)"
    words = reading.signature()
    if set(words) <= MEASURE_ONLY_WORDS:  # "Nilai IKU": a measure of nothing named; the same words of one agency
        key = ("measure only", (agency or "").strip().lower(), *words)
        groups.setdefault(key, _Group(key))
        return key, 100.0, prefix + f"new canonical (measure words only: {list(words)})"
    key = ("words", *words)
    if key in groups:
        return key, 100.0, prefix + f"same words {list(words)}"
    for i in range(len(words)):
        for leader in leaders.get(words[:i] + words[i + 1:], []):
            slips = _typo_pairs(words, leader)
            if slips:
                shown = ", ".join(f"{a}~{b}" for a, b in slips)
                return ("words", *leader), 100.0 - SLIP_PENALTY * len(slips), prefix + f"same words up to a typing slip ({shown})"
    for i in range(len(words)):  # a later name one slipped word away finds this one under the other words
        leaders.setdefault(words[:i] + words[i + 1:], []).append(words)
    groups[key] = _Group(key)
    return key, 100.0, prefix + "new canonical"
