"""Helpers (no tests) for the tests/test_reliability*.py files: small reports and database readers.

Text reports (*.md) are used where the test is about files, names and the database, not about
reading PDFs: they extract in milliseconds.
"""
from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

from pipeline.cli import main

REPORT = """# LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {year}
## DINAS KOPERASI DAN UKM {region}

**Tabel 3. 1**
**Capaian Indikator Kinerja Utama**

No\tIndikator\tSatuan\t{year}\t\t
\t\t\tTarget\tRealisasi\tCapaian
1\tPersentase koperasi aktif\t%\t60\t57\t95,00
2\tJumlah UMKM naik kelas\tUnit\t1.200\t1.380\t{capaian}

Tabel 3.2 Realisasi Anggaran

| No | Program | Pagu (Rp) | Realisasi (Rp) | % |
| --- | --- | --- | --- | --- |
| 1 | Program Pemberdayaan Koperasi | 1.000.000.000 | 900.000.000 | 90,00 |
| 2 | Program Pengembangan UMKM | 500.000.000 | 400.000.000 | 80,00 |
|  | JUMLAH | 1.500.000.000 | 1.300.000.000 | 86,67 |
"""

VIEWS = {
    "performance": "SELECT source_file, table_label, indicator, year, target, realization, achievement_pct "
                   "FROM performance",
    "budget": "SELECT source_file, table_label, name, year, pagu, realization, realization_pct FROM budget",
    "findings": "SELECT source_file, table_label, rule, reported, expected FROM findings",
}


def write_report(path: Path, region: str = "KABUPATEN CONTOH", year: int = 2023, capaian: str = "115,00") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(REPORT.format(region=region, year=year, capaian=capaian))
    return path


def extract(folder, db, *extra) -> int:
    return main(["extract", str(folder), "--db", str(db), "--out", str(Path(db).parent / "out"), "--quiet", *extra])


def rows(db, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def views(db) -> dict[str, list[tuple]]:
    return {name: sorted(rows(db, sql), key=repr) for name, sql in VIEWS.items()}


def counts(db) -> tuple[int, int, int]:
    return tuple(rows(db, f"SELECT COUNT(*) FROM {t}")[0][0]
                 for t in ("reports", "performance_values", "budget_values"))


def bomb_pdf(path: Path, inflated_mb: int = 128) -> Path:
    """A one-page PDF of ~0.5 MB whose content stream inflates to `inflated_mb` MiB."""
    comp = zlib.compressobj(1)
    chunk = b"0 0 m\n" * (1 << 17)
    body = b"".join(comp.compress(chunk) for _ in range((inflated_mb << 20) // len(chunk))) + comp.flush()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def encrypted_pdf(source: Path, path: Path, password: str = "rahasia") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password="pemilik")
    with open(path, "wb") as f:
        writer.write(f)
    return path
