"""Indicator, agency and region names reconcile; different indicators stay apart."""
from __future__ import annotations

from normalizers.names import agency_key, build_catalogue, indicator_form, region_key


def canonical_of(names, **kw):
    return {e.variant: e.canonical for e in build_catalogue(names, **kw)}


def test_same_indicator_printed_many_ways():
    names = ["Persentase peningkatan Fasilitasi terhadap IKM",
             "Persentase Peningkatan Fasilitas terhadap Industri Kecil dan Menengah",
             "PERSENTASE PENINGKATAN FASILITASI TERHADAP INDUSTRI KECIL DAN MENENGAH",
             "2. Persentase peningkatan fasilitasi terhadap Industri kecil dan\nmenengah"]
    assert len(set(canonical_of(names).values())) == 1


def test_different_indicators_stay_apart():
    names = ["Persentase pertumbuhan PDRB sektor perdagangan", "Persentase pertumbuhan PDRB sektor industri",
             "Nilai AKIP", "Persentase ketersediaan kelompok bahan pokok"]
    assert len(set(canonical_of(names).values())) == 4


def test_reviewed_synonyms_win():
    names = ["Nilai AKIP Disdagperin", "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)"]
    merged = canonical_of(names, synonyms=[{"variant": "Nilai AKIP Disdagperin", "canonical": "Nilai AKIP",
                                            "action": "merge"},
                                           {"variant": "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)",
                                            "canonical": "Nilai AKIP", "action": "merge"}])
    assert set(merged.values()) == {"Nilai AKIP"}
    apart = canonical_of(["Persentase IKM berkembang", "Persentase IKM berkembang industri"],
                         synonyms=[{"variant": "Persentase IKM berkembang industri", "canonical": "", "action": "split"}])
    assert len(set(apart.values())) == 2


def test_abbreviations_expand():
    assert indicator_form("Pertumbuhan PDRB") == indicator_form("Pertumbuhan Produk Domestik Regional Bruto")
    assert indicator_form("Nilai (AKIP)") == indicator_form("Nilai Akuntabilitas Kinerja Instansi Pemerintah")


def test_agency_and_region_keys():
    assert agency_key("Disdagperin") == agency_key("Dinas Perdagangan dan Perindustrian")
    assert agency_key("DINAS CONTOH DAN PERCOBAAN") == agency_key("Dinas Contoh & Percobaan")
    assert agency_key("Diskoperindag") == agency_key("Dinas Koperasi, Perindustrian dan Perdagangan")
    assert agency_key("Disperindagkop") == agency_key("Dinas Perindustrian, Perdagangan dan Koperasi")
    assert agency_key("Dinas Perindag") == agency_key("Dinas Perindustrian dan Perdagangan")
    assert agency_key("Diskop UKM") == agency_key("Dinas Koperasi dan Usaha Kecil dan Menengah")
    assert agency_key("Dinkes") == agency_key("Dinas Kesehatan")
    assert agency_key("Dinas Perdagangan") != agency_key("Dinas Perindustrian dan Perdagangan")
    assert region_key("Pemerintah Kota Bekasi") == region_key("KOTA BEKASI") == "kota bekasi"
    assert region_key("Kab. Bogor") == "kabupaten bogor"
    assert region_key("Pemprov DKI Jakarta") == region_key("Provinsi DKI Jakarta") == "provinsi dki jakarta"
    assert region_key("Pemkot Pekalongan") == region_key("Kota Pekalongan")
    assert region_key("Pemkab Sleman") == region_key("Kabupaten Sleman")
