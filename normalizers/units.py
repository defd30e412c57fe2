"""Units (satuan) of indicators, reconciled into a small set of kinds; the printed unit is kept.

In:  a printed unit ("%", "Persen", "Persentase (%)", "Nilai", "Indeks", "Rp", "Unit", "Koperasi",
     "Orang", "USD", "Predikat", "Hari" …).
Out: its kind: percent, index, score, grade, rupiah, usd, ratio, time, count, or other (with no unit
     printed: None). Analysts group and compare indicators by kind; the printed unit stays beside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicon import RATE_BEFORE_SCALE, SCALE_WORD

UNIT_KINDS = (
    ("percent", r"%|\bpersen\w*|\bprosen\w*|\bpct\b"),
    ("rupiah", r"\brp\.?|\brupiah\b|\b(ribu|juta|miliar|milyar|triliun)\b"),
    ("usd", r"\busd\b|\bus\s*\$|\bdolar\b|\bdollar\b"),
    ("index", r"\bindeks\b|\bindex\b"),
    ("grade", r"\bpredikat\b|\bopini\b|\bkategori\b|\bkriteria\b|\bperingkat\b|\bhuruf\b"),
    ("score", r"\bnilai\b|\bskor\b|\bpoin\b|\bpoint\b|\blevel\b|\bskala\b"),
    ("ratio", r"\brasio\b|\bkoefisien\b|\bratio\b"),
    ("time", r"\b(hari|jam|menit|minggu|bulan|tahun)\b"),
)


def unit_kind(printed: str | None) -> str | None:
    """'Persentase (%)' -> percent; 'Koperasi' -> count; 'Nilai' -> score; '' -> None."""
    text = " ".join((printed or "").split()).lower()
    if not text or text in ("-", "–"):
        return None
    scale = unit_scale(text)
    if scale is not None and scale.base_unit:  # "Ribu Ton" -> ton, "Juta US$" -> usd: the unit beside the scale
        return unit_kind(scale.base_unit)
    for kind, pattern in UNIT_KINDS:
        if re.search(pattern, text):
            return kind
    if re.fullmatch(r"[a-z][a-z/ .()-]{0,40}", text):
        return "count"  # things counted: unit, orang, koperasi, dokumen, pasar, peserta, UTTP …
    return "other"


COUNTED_THINGS = re.compile(
    r"(?i)^(orang|jiwa|ekor|unit|buah|kali|dokumen|dok|paket|kelompok|desa|kelurahan|lembaga|pelaku|peserta|"
    r"kegiatan|laporan|pasar|koperasi|perusahaan|sekolah|kab/kota|kabupaten|titik|kapal|pesawat|rumah|"
    r"keluarga|kk|angkatan|lokasi|regulasi|perda|sungai|pelanggaran|ikm|umkm|eksportir|wirausaha|pns|asn)\.?$")
"""Things counted one by one, never in fractions: orang / jiwa (people), ekor (head of livestock, fish),
unit, buah (pieces), kali (times), dokumen, paket, kelompok (groups), desa / kelurahan (villages), lembaga
(institutions), pelaku / peserta (actors, participants), kegiatan (activities), laporan (reports), pasar,
koperasi, perusahaan, sekolah, kab/kota, titik (points), kapal, pesawat, rumah, keluarga / KK (households),
angkatan (training batches), lokasi, regulasi / perda, sungai, pelanggaran (violations), IKM / UMKM
(enterprises), eksportir, wirausaha, PNS / ASN (civil servants). Tonnes, hectares and kilometres are measured,
not counted: they may have decimals."""


def is_counted(unit: str | None) -> bool:
    """'365.250 Orang': 'Orang' -> True (a count has no decimals); 'ton' -> False; None -> False."""
    return bool(unit) and COUNTED_THINGS.match(" ".join((unit or "").split())) is not None


SCALE_FACTORS = {"ribu": 1e3, "juta": 1e6, "milia": 1e9, "milya": 1e9, "trili": 1e12, "trily": 1e12}
"""A scale word's first letters -> its factor (ribu(an), juta(an), miliar / milyar(an), triliun / trilyun)."""


@dataclass(frozen=True)
class UnitScale:
    """The scale a unit or heading prints: its words as printed, the factor to base units, and the unit
    left without the scale ("Triliun Rupiah" -> "Rupiah"; None when the scale word stands alone)."""
    words: str
    factor: float
    base_unit: str | None


def scale_factor(word: str) -> float:
    """'juta' -> 1e6, 'Milyar' -> 1e9, '000' -> 1e3, '000.000' -> 1e6."""
    word = word.lower()
    if word.startswith("000"):
        return 1e6 if len(word) > 3 else 1e3
    return SCALE_FACTORS[word[:5] if word[:4] in ("mili", "mily", "tril") else word[:4]]


def unit_scale(printed: str | None) -> UnitScale | None:
    """A Satuan's scale: 'Triliun Rupiah' -> (Triliun, 1e12, Rupiah); 'Rp (juta)' -> (juta, 1e6, Rp);
    'Ribu Ton' -> (Ribu, 1e3, Ton); 'Juta' -> (Juta, 1e6, None). None for a unit without a scale word and
    for a rate whose denominator holds it ('per 1000 Penduduk', 'per Juta Rupiah PDRB')."""
    text = " ".join((printed or "").split())
    match = SCALE_WORD.search(text)
    if match is None or RATE_BEFORE_SCALE.search(text[:match.start()]):
        return None
    group = "word" if match.group("word") else "zeros"
    rest = text[:match.start(group)] + " " + text[match.end(group):]
    base = " ".join(re.sub(r"(?i)[()]|\b(dalam|dlm)\b", " ", rest).split()).strip(" .,-")
    return UnitScale(match.group(group), scale_factor(match.group(group)), base or None)
