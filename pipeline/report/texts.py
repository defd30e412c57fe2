"""Every word the reports show a reader, in Indonesian (the default) and English.

In:  a language code ("id" or "en").
Out: `texts(lang)`: one dict of the page's words, rule titles, levels and doubts, so the templates and
     the XLSX writer never spell a user-facing word themselves.
"""
from __future__ import annotations

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"  # the auditors read Indonesian

RULES = {
    "id": {
        "achievement_ratio": "Capaian tidak sesuai dengan realisasi / target",
        "budget_ratio": "% realisasi anggaran tidak sesuai dengan realisasi / pagu",
        "efficiency": "Tingkat efisiensi tidak dapat dijelaskan oleh rumus yang dikenal",
        "children_sum": "Program / kegiatan berbeda dari jumlah rincian di bawahnya",
        "total_sum": "Total / Jumlah berbeda dari baris yang dijumlahkannya",
        "row_sum": "Kolom Jumlah berbeda dari kolom lain pada baris yang sama",
        "cross_table": "Besaran yang sama dicetak berbeda di dua tempat",
        "format_anomaly": "Format angka tercetak yang tidak wajar",
    },
    "en": {
        "achievement_ratio": "Capaian does not follow from realisasi / target",
        "budget_ratio": "% realisasi anggaran does not follow from realisasi / pagu",
        "efficiency": "Tingkat efisiensi explained by no known formula",
        "children_sum": "Program / kegiatan differs from the sum of its rows",
        "total_sum": "Total / Jumlah differs from the rows it totals",
        "row_sum": "Jumlah column differs from the row's other columns",
        "cross_table": "The same quantity printed differently in two places",
        "format_anomaly": "Implausible printed number format",
    },
}

# The level a finding is shown at (severity when we are sure of it; "to_check" when it rests on a doubt).
LEVELS = {
    "id": {"error": "galat", "warning": "peringatan", "info": "info", "to_check": "perlu dicek"},
    "en": {"error": "error", "warning": "warning", "info": "info", "to_check": "to check"},
}

# Why a finding is not certain (pipeline.report.sureness.Doubt values).
DOUBTS = {
    "id": {
        "ocr_read": "nilai dibaca dengan OCR (keyakinan {confidence}/100): angka tercetak mungkin salah baca",
        "ocr_note": "nilai dibaca dengan OCR: angka tercetak mungkin salah baca",
        "role_by_arithmetic": "peran kolom ditentukan dari hitungan antarkolom, bukan dari judulnya",
        "year_after_fiscal": "nilai dicetak untuk tahun setelah tahun anggaran: tahun atau nilainya mungkin salah baca",
    },
    "en": {
        "ocr_read": "value read by OCR (confidence {confidence}/100): the printed figure may be misread",
        "ocr_note": "value read by OCR: the printed figure may be misread",
        "role_by_arithmetic": "the column's role was decided by arithmetic between columns, not by its heading",
        "year_after_fiscal": "value printed for a year after the fiscal year: the year or the value may be misread",
    },
}

# Short words for large Rupiah amounts on the charts (the tooltips and tables keep the whole number).
SCALES = {"id": ((1e12, "T"), (1e9, "M"), (1e6, "jt")),  # triliun, miliar, juta
          "en": ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))}

PAGE = {
    "id": {
        "title": "Laporan inkonsistensi LKjIP",
        "heading": "Inkonsistensi dalam laporan kinerja",
        "intro": "{findings} temuan dalam {reports} laporan · dibuat {generated} UTC. Setiap temuan menyebut berkas, "
                 "halaman dan tabel yang perlu dibuka; selisih dilaporkan hanya bila melebihi pembulatan angka tercetak.",
        "sureness_intro": "Temuan yang bertumpu pada bacaan yang tidak pasti (OCR, peran kolom yang disimpulkan dari "
                          "hitungan, tahun yang diragukan) ditandai \u201cperlu dicek\u201d dan diurutkan setelah temuan yang pasti.",
        "summary": "Ringkasan per laporan", "all_findings": "Semua temuan", "rules": "Aturan pemeriksaan",
        "report": "Laporan", "agency": "Instansi", "year": "Tahun", "findings": "Temuan", "by_rule": "Per aturan",
        "by_level": "Per tingkat", "page": "Hal. PDF", "printed_page": "hlm. {page}", "printed_page_title": "halaman tercetak", "table": "Tabel",
        "rule": "Aturan", "level": "Tingkat", "subject": "Pokok", "printed": "Tercetak", "expected": "Seharusnya",
        "arithmetic": "Perhitungan", "why_check": "Mengapa perlu dicek", "open_page": "buka hal. {page}",
        "filter": "Saring temuan\u2026", "all_levels": "Semua tingkat", "all_rules": "Semua aturan",
        "shown": "ditampilkan", "no_findings": "Tidak ada inkonsistensi.", "sort_hint": "Klik judul kolom untuk mengurutkan.",
        "fiscal_year": "tahun anggaran", "sheet_all": "Semua temuan", "sheet_summary": "Ringkasan",
        "region": "Wilayah", "detail": "Rincian", "sureness": "Kepastian", "certain": "pasti", "pdf_path": "Berkas PDF",
        # summary.html
        "summary_title": "Ringkasan kinerja dan anggaran",
        "summary_intro": "Per instansi dan tahun: capaian setiap indikator terhadap 100 %, pagu dan realisasi per "
                         "program, dan temuan per laporan. Dibuat {generated} UTC.",
        "capaian": "Capaian indikator", "met": "tercapai (\u2265 100 %)", "not_met": "tidak tercapai (< 100 %)",
        "no_capaian": "tanpa capaian tercetak", "lowest": "{n} capaian terendah dari {total}",
        "all_indicators": "semua {total} indikator", "budget": "Pagu dan realisasi per program",
        "pagu": "Pagu", "realisasi": "Realisasi", "largest": "{n} program dengan pagu terbesar dari {total}",
        "all_programs": "semua {total} program", "findings_per_report": "Temuan per laporan",
        "no_rows": "Tidak ada data.", "contents": "Daftar isi", "absorption": "penyerapan",
    },
    "en": {
        "title": "LKjIP inconsistency report",
        "heading": "Inconsistencies found in the performance reports",
        "intro": "{findings} findings in {reports} reports · generated {generated} UTC. Each finding names the file, "
                 "page and table to open; a difference is reported only when it exceeds the rounding of the printed value.",
        "sureness_intro": "Findings resting on an uncertain reading (OCR, a column role inferred from arithmetic, a doubtful "
                          "year) are marked \u201cto check\u201d and sorted after the certain ones.",
        "summary": "Summary per report", "all_findings": "All findings", "rules": "Rules checked",
        "report": "Report", "agency": "Agency", "year": "Year", "findings": "Findings", "by_rule": "By rule",
        "by_level": "By level", "page": "PDF page", "printed_page": "p. {page}", "printed_page_title": "page number as printed", "table": "Table",
        "rule": "Rule", "level": "Level", "subject": "Subject", "printed": "Printed", "expected": "Expected",
        "arithmetic": "Arithmetic", "why_check": "Why to check", "open_page": "open p. {page}",
        "filter": "Filter findings\u2026", "all_levels": "All levels", "all_rules": "All rules",
        "shown": "shown", "no_findings": "No inconsistency found.", "sort_hint": "Click a column heading to sort.",
        "fiscal_year": "fiscal year", "sheet_all": "All findings", "sheet_summary": "Summary",
        "region": "Region", "detail": "Detail", "sureness": "Sureness", "certain": "certain", "pdf_path": "PDF file",
        "summary_title": "Performance and budget summary",
        "summary_intro": "Per agency and year: the capaian of every indicator against 100 %, pagu and realisasi per "
                         "program, and the findings per report. Generated {generated} UTC.",
        "capaian": "Indicator capaian", "met": "met (\u2265 100 %)", "not_met": "not met (< 100 %)",
        "no_capaian": "no printed capaian", "lowest": "the {n} lowest capaian of {total}",
        "all_indicators": "all {total} indicators", "budget": "Pagu and realisasi per program",
        "pagu": "Pagu", "realisasi": "Realisasi", "largest": "the {n} programs with the largest pagu of {total}",
        "all_programs": "all {total} programs", "findings_per_report": "Findings per report",
        "no_rows": "No data.", "contents": "Contents", "absorption": "absorption",
    },
}


def texts(lang: str) -> dict:
    """In: "id" or "en". Out: {"page": …, "rules": …, "levels": …, "doubts": …, "lang": lang}."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (one of {', '.join(LANGUAGES)})")
    return {"lang": lang, "page": PAGE[lang], "rules": RULES[lang], "levels": LEVELS[lang], "doubts": DOUBTS[lang],
            "scales": SCALES[lang]}
