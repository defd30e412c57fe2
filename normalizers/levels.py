"""Tell program / kegiatan / sub-kegiatan / total rows apart and link each row to its parent.

In:  a row's code cell ("2.17.01", "A", "1") and name ("Program …", "Kegiatan: …", "TOTAL").
Out: the level word used in the views (program, kegiatan, sub_kegiatan, jenis_belanja, total), and the
     code split off the name when it is printed inside it ("1. Penyediaan Gaji …" -> code "1", name
     "Penyediaan Gaji …").
"""
from __future__ import annotations

import re

from pipeline.lexicon import EXPENDITURE_GROUP, GOVERNMENT_AFFAIR, WHOLE_SPENDING

# "Rata-rata" (average) as printed: with a hyphen, an en or em dash, spaces around it ("RATA - RATA"), or "rerata".
AVERAGE_WORD = r"rata\s*[-–—]\s*rata|rerata"
TOTAL_RE = re.compile(
    rf"^\W*(total|jumlah|sub\s*-?\s*total|grand total|{AVERAGE_WORD})"
    r"(\s+(total|keseluruhan|seluruhnya|anggaran|belanja|program|kegiatan|pagu|realisasi|capaian|kinerja|umum|"
    r"langsung|tidak\s+langsung|wajib|pilihan))*"
    r"(\s+(tahun\s+)?\d{4})?\W*$", re.I)  # "Total Belanja Langsung", "Jumlah Program Wajib", "Rerata capaian
# kinerja tahun 2021" (the summary row of a measurement table; "Rata-rata umur tanaman" names an indicator)
INLINE_CODE_RE = re.compile(r"^\s*((?:\d+\.)+\d*|[A-Z]\.|[a-z]\.|\d+\)|[A-Z]\))\s+(?=\S)")


def split_inline_code(name: str) -> tuple[str | None, str]:
    """'1. Penyediaan Gaji' -> ('1', 'Penyediaan Gaji'); '2.17.01 Program X' -> ('2.17.01', ...)."""
    m = INLINE_CODE_RE.match(name or "")
    if not m:
        m2 = re.match(r"^\s*(\d+(?:\.\d+){1,6})\s+(?=\S)", name or "")
        if not m2:
            return None, (name or "").strip()
        m = m2
    return m.group(1).rstrip(".)"), name[m.end():].strip()


def level_from_code(code: str | None) -> str | None:
    """Government budget codes: urusan.bidang.program (3 parts), then kegiatan (5), sub (6+)."""
    if not code:
        return None
    parts = [p for p in re.split(r"\.", code.strip()) if p]
    if len(parts) >= 6:
        return "sub_kegiatan"
    if len(parts) in (4, 5):
        return "kegiatan"
    if len(parts) == 3:
        return "program"
    return None


# A level word run into the name after it where the text layer lost the space between them
# ("KegiatanPenyediaan Jasa …", "ProgramPeningkatan …"): the capital after the word starts the name.
GLUED_LEVEL_WORD = re.compile(r"^\s*((?:[Ss]ub\s*-?\s*)?[Kk]egiatan|[Pp]rogram)(?=[A-Z][a-z])")


def level_from_name(name: str) -> str | None:
    low = GLUED_LEVEL_WORD.sub(r"\1 ", name or "").strip().lower()
    if TOTAL_RE.match(low) or WHOLE_SPENDING.match(low):
        return "total"
    if GOVERNMENT_AFFAIR.match(low):
        return "other"  # an urusan over its programs: not a program; not a total either, printed above them
    if EXPENDITURE_GROUP.match(low):
        return "jenis_belanja"  # "Belanja Langsung": a kind of expenditure over the programs, not one of them
    if re.match(r"^sub\s*-?\s*kegiatan\b", low):
        return "sub_kegiatan"
    if re.match(r"^kegiatan\b", low):
        return "kegiatan"
    if re.match(r"^program\b", low):
        return "program"
    return None


def child_level_from_header(header_text: str) -> str:
    """'Program/ Sub Kegiatan' -> sub_kegiatan; 'Program/Kegiatan/Sub Kegiatan' -> kegiatan."""
    low = (header_text or "").lower()
    if "kegiatan" in low and "sub" in low and not re.search(r"(?<!sub )(?<!sub)kegiatan", low.replace("sub kegiatan", "").replace("sub-kegiatan", "")):
        return "sub_kegiatan"
    if "kegiatan" in low:
        return "kegiatan"
    return "other"


def is_letter_code(code: str | None) -> bool:
    return bool(code and re.fullmatch(r"[A-Z]", code.strip().rstrip(".")))


# Indicators name a measure ("Persentase …", "Jumlah …", "Indeks …"); sasaran and programs name an
# outcome or an effort ("Meningkatnya …", "Peningkatan …", "Program …").
INDICATOR_WORDING = re.compile(
    r"^\W*(persentase|prosentase|presentase|jumlah|nilai|indeks|tingkat|rasio|angka|laju|rata-rata|"
    r"kontribusi|proporsi|cakupan|capaian|predikat|opini|skor)\b", re.I)


def is_indicator_wording(name: str | None) -> bool:
    """'Persentase Pertumbuhan Sektor Perindustrian' -> True; 'Peningkatan Daya Saing …' -> False."""
    return bool(INDICATOR_WORDING.match(name or ""))
