"""Rows that name no indicator give no record (pipeline/not_records.py)."""
from pipeline.models import PerformanceRecord, Provenance, RejectReason
from pipeline.not_records import keep_records, tidy_name


def _record(name: str) -> PerformanceRecord:
    return PerformanceRecord(prov=Provenance("x.pdf", 3, 0, "Tabel 1", 0), level="sasaran", sasaran=None,
                             indicator=name, unit=None, year=2016, target=1.0, target_text="1", realization=None,
                             realization_text=None, achievement_pct=None, achievement_text=None)


def test_districts_of_a_statistics_table_are_no_indicators():
    kept, rejected = keep_records([_record("KABUPATEN CIAMIS"), _record("Kota Tasikmalaya"), _record("PROVINSI"),
                                   _record("KOTA_CIREBON"),
                                   _record("Persentase desa siaga aktif")])
    assert [r.indicator for r in kept] == ["Persentase desa siaga aktif"]
    assert {r.reason for r in rejected} == {RejectReason.REGION_NAME}


def test_row_code_alone_in_the_name_cell_is_no_indicator():
    kept, rejected = keep_records([_record("5.7.3.3."), _record("2"), _record("%")])
    assert not kept and [r.reason for r in rejected] == [RejectReason.ROW_CODE_ONLY, RejectReason.ROW_CODE_ONLY,
                                                         RejectReason.NO_WORDS]


def test_row_number_in_front_of_a_name_is_dropped():
    assert tidy_name("6.1 Jumlah kawasan usaha") == "Jumlah kawasan usaha"
    assert tidy_name("7) Prosentase penurunan") == "Prosentase penurunan"
    assert tidy_name("100 % desa") == "100 % desa"


def test_letter_spaced_words_are_closed_up():
    assert tidy_name("T e r s e l e n g g a r a n y a layanan") == "Terselenggaranya layanan"
    kept, _ = keep_records([_record("I t i k")])
    assert [r.indicator for r in kept] == ["Itik"]


def test_bullet_glyph_of_a_symbol_font_is_dropped():
    assert tidy_name("\uf0b7 Rabies") == "Rabies"
