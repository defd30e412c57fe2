"""Reports already converted to text (TAB-separated or pipe tables) go through the same stages."""
from __future__ import annotations

import sqlite3

from pipeline.cli import main

REPORT = """# LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2023
## DINAS KOPERASI DAN UKM KABUPATEN CONTOH

Berikut capaian kinerja.

**Tabel 3. 1**
**Capaian Indikator Kinerja Utama**

No\tIndikator\tSatuan\t2023\t\t
\t\t\tTarget\tRealisasi\tCapaian
1\tPersentase koperasi aktif\t%\t60\t57\t95,00
2\tJumlah UMKM naik kelas\tUnit\t1.200\t1.380\t115,00

Tabel 3.2 Realisasi Anggaran

| No | Program | Pagu (Rp) | Realisasi (Rp) | % |
| --- | --- | --- | --- | --- |
| 1 | Program Pemberdayaan Koperasi | 1.000.000.000 | 900.000.000 | 90,00 |
| 2 | Program Pengembangan UMKM | 500.000.000 | 400.000.000 | 80,00 |
|  | JUMLAH | 1.500.000.000 | 1.300.000.000 | 86,67 |
"""


def extract_text_report(tmp_path, text: str) -> str:
    """Write `text` as a report, extract it, and return the database path."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "contoh.md").write_text(text)
    db = str(tmp_path / "t.sqlite")
    assert main(["extract", str(tmp_path / "in"), "--db", db, "--out", str(tmp_path / "o"), "--quiet"]) == 0
    return db


def test_text_report(tmp_path):
    with sqlite3.connect(extract_text_report(tmp_path, REPORT)) as conn:
        perf = conn.execute("SELECT table_label, indicator, year, target, realization, achievement_pct, unit "
                            "FROM performance ORDER BY indicator").fetchall()
        budget = conn.execute("SELECT name, pagu, realization, realization_pct, level FROM budget ORDER BY name").fetchall()
        meta = conn.execute("SELECT DISTINCT agency, region, report_year FROM performance").fetchall()
        findings = conn.execute("SELECT rule FROM findings").fetchall()
    assert ("Tabel 3.1", "Jumlah UMKM naik kelas", 2023, 1200.0, 1380.0, 115.0, "Unit") in perf
    assert ("Tabel 3.1", "Persentase koperasi aktif", 2023, 60.0, 57.0, 95.0, "%") in perf
    assert ("Program Pemberdayaan Koperasi", 1e9, 9e8, 90.0, "program") in budget
    assert ("JUMLAH", 1.5e9, 1.3e9, 86.67, "total") in budget
    assert meta == [("Dinas Koperasi dan UKM", "Kabupaten Contoh", 2023)]
    assert findings == []


ROW_SUM_REPORT = """# LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2023
## DINAS KOPERASI DAN UKM KABUPATEN CONTOH

Tabel 3.5 Realisasi Anggaran per Jenis Belanja

| No | Program | Belanja Pegawai | Belanja Barang | Belanja Modal | Jumlah |
| --- | --- | --- | --- | --- | --- |
| 1 | Program Pemberdayaan Koperasi | 100.000.000 | 250.000.000 | 50.000.000 | 400.000.000 |
| 2 | Program Pengembangan UMKM | 120.000.000 | 80.000.000 | 0 | 210.000.000 |
"""


def test_a_jumlah_column_that_does_not_add_up(tmp_path):
    with sqlite3.connect(extract_text_report(tmp_path, ROW_SUM_REPORT)) as conn:
        findings = conn.execute("SELECT rule, subject, reported, expected FROM findings").fetchall()
    assert findings == [("row_sum", "Program Pengembangan UMKM (Jumlah)", 210_000_000, 200_000_000)]


PRICE_REPORT = """# RENCANA KERJA DAN ANGGARAN TAHUN 2024
## DINAS KOPERASI DAN UKM KABUPATEN CONTOH

Tabel 2 Rincian Belanja Sub Kegiatan

| Kode Rekening | Uraian | Koefisien | Satuan | Harga (Rp) | PPN | Jumlah (Rp) |
| --- | --- | --- | --- | --- | --- | --- |
| 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor | | | | | 3.090.000 |
|  | - Kertas contoh ukuran A4 | 40 | Rim | 58.500 | 0 | 2.340.000 |
|  | - Map contoh berkancing | 200 | Buah | 3.750 | 0 | 750.000 |
"""


def test_quantity_times_unit_price_is_no_sum_of_the_row(tmp_path):
    """An RKA's rincian: Jumlah = koefisien × harga (+ PPN); the price and the tax are no addends of it."""
    with sqlite3.connect(extract_text_report(tmp_path, PRICE_REPORT)) as conn:
        rules = [r for (r,) in conn.execute("SELECT rule FROM findings")]
    assert "row_sum" not in rules


QUARTERLY_REPORT = """# LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2024
## DINAS KOPERASI DAN UKM KABUPATEN CONTOH

Capaian indikator kinerja di atas 110% telah dijustifikasi menjadi 110%.

Tabel 3.11 Capaian Tiap Triwulan

| No | Indikator | TW I | | | TW II | | |
| --- | --- | --- | --- | --- | --- | --- | --- |
| | | Target | Realisasi | Capaian | Target | Realisasi | Capaian |
| 1 | Persentase koperasi aktif | 10 | 10 | 100% | 20 | 30 | 150% |
| 2 | Jumlah UMKM binaan | 5 | 4 | 80% | 10 | 10 | 100% |
| | RATA-RATA | | | 90% | | | 110% |

Capaian indikator kinerja di atas 110% telah dijustifikasi menjadi 110%.
"""


def test_quarterly_average_with_the_stated_cap(tmp_path):
    # TW I: (100 + 80) / 2 = 90 ✓; TW II: (min(150, 110) + 100) / 2 = 105, printed 110
    with sqlite3.connect(extract_text_report(tmp_path, QUARTERLY_REPORT)) as conn:
        findings = conn.execute("SELECT rule, reported, expected FROM findings").fetchall()
        perf = conn.execute("SELECT COUNT(*) FROM performance").fetchone()[0]
    assert findings == [("total_sum", 110.0, 105.0)]
    assert perf == 0  # quarterly columns are not years


SPLIT_REPORT = """# LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2024
## DINAS KOPERASI DAN UKM KABUPATEN CONTOH

Tabel 3.12 Capaian Sasaran

| No | Indikator | Satuan | Target | Realisasi | Capaian |
| --- | --- | --- | --- | --- | --- |
| 1 | Persentase koperasi aktif | % | 60 | 57 | 95,00 |

| No | | Indikator | Satuan | Target | Realisasi | Capaian |
| --- | --- | --- | --- | --- | --- | --- |
| 2 | | Jumlah UMKM naik kelas | Unit | 1.200 | 1.380 | 115,00 |
"""


def test_a_part_under_a_header_with_one_more_column_keeps_the_label(tmp_path):
    with sqlite3.connect(extract_text_report(tmp_path, SPLIT_REPORT)) as conn:
        perf = conn.execute("SELECT table_label, indicator, target, realization, achievement_pct FROM performance "
                            "ORDER BY indicator").fetchall()
    assert perf == [("Tabel 3.12", "Jumlah UMKM naik kelas", 1200.0, 1380.0, 115.0),
                    ("Tabel 3.12", "Persentase koperasi aktif", 60.0, 57.0, 95.0)]


WORKSHEET_REPORT = """# LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2022
## DINAS KOPERASI DAN UKM KABUPATEN CONTOH

Lampiran Kertas Kerja Capaian Outcome

| No | Indikator | Formula Perhitungan | Nilai | Hasil Perhitungan |
| --- | --- | --- | --- | --- |
| 1 | Persentase peningkatan omset | (omset n - omset n-1) / omset n-1 x 100 | (280.532.126.312 - 269.310.841.260) / 269.310.841.260 × 100 | 416,6 |
| 2 | Persentase koperasi aktif | koperasi aktif / koperasi x 100 | 30 / 33 × 100 | 91 |
"""


def test_a_worksheet_result_that_is_not_its_computation(tmp_path):
    with sqlite3.connect(extract_text_report(tmp_path, WORKSHEET_REPORT)) as conn:
        findings = conn.execute("SELECT rule, reported, ROUND(expected, 3) FROM findings").fetchall()
    assert findings == [("cross_table", 416.6, 4.167)]
