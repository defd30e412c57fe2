"""Units (satuan) of indicators, reconciled into a small set of kinds; the printed unit is kept.

In:  a printed unit ("%", "Persen", "Persentase (%)", "Nilai", "Indeks", "Rp", "Unit", "Koperasi",
     "Orang", "USD", "Predikat", "Hari" …).
Out: its kind: percent, index, score, grade, rupiah, usd, ratio, time, count, or other (with no unit
     printed: None). Analysts group and compare indicators by kind; the printed unit stays beside it.
"""
from __future__ import annotations

import re

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
