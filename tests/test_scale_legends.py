"""A grading scale printed as a table of bands gives no indicator values (pipeline/scale_legends.py); a
table of indicators whose targets are printed as bounds stays a measurement table."""
from __future__ import annotations

from pipeline.models import PerformanceRecord, Provenance, RejectReason
from pipeline.scale_legends import band_of, is_scale_legend, set_aside_scale_legends


def _record(name: str, capaian: str | None = None, target: str | None = None, realization: str | None = None,
            table: int = 4) -> PerformanceRecord:
    return PerformanceRecord(prov=Provenance("x.pdf", 9, table, f"Tabel {table}", 0), level="sasaran", sasaran=None,
                             indicator=name, unit="%", year=2023, target=None, target_text=target, realization=None,
                             realization_text=realization, achievement_pct=None, achievement_text=capaian)


def test_bands_are_read_with_their_bounds_in_order():
    assert band_of("76 - 90") is not None and band_of("76 - 90").low == 76  # type: ignore[union-attr]
    assert band_of("70 ≤ 84,99").high == 84.99  # type: ignore[union-attr]
    assert band_of("> 90 – 100").low == 90  # type: ignore[union-attr]
    assert band_of("60 s/d 75") is not None and band_of("60 s.d. 75") is not None
    assert band_of("75") is None and band_of("75 %") is None and band_of("12 Angkatan/240 Orang") is None


def test_capaian_categories_printed_as_bands_are_a_legend():
    grades = [_record("Amat Baik", "86 ≤ 100"), _record("Baik", "71 ≤ 85"), _record("Cukup", "56 ≤ 70"),
              _record("Kurang", "≤ 55")]
    kept, rejected = set_aside_scale_legends(grades + [_record("Persentase jalan mantap", "97,50", table=5)])
    assert [r.indicator for r in kept] == ["Persentase jalan mantap"]
    assert [r.reason for r in rejected] == [RejectReason.SCALE_LEGEND] * 4
    assert [r.name for r in rejected] == ["Amat Baik", "Baik", "Cukup", "Kurang"]


def test_a_predikat_scale_in_descending_bands_is_a_legend():
    assert is_scale_legend([_record("AA", "> 90 - 100"), _record("A", "> 80 - 90"), _record("BB", "> 70 - 80"),
                            _record("B", "> 60 - 70")])


def test_targets_printed_as_bounds_beside_point_values_are_measurements():
    rows = [_record("Tingkat pengangguran", target="≤ 7,82", realization="6,10", capaian="122,0"),
            _record("Angka kemiskinan", target="< 11", realization="9,4", capaian="114,5")]
    assert not is_scale_legend(rows)


def test_target_ranges_that_overlap_are_no_scale():
    """Two indicators whose targets are both printed as ranges over the same values grade nothing."""
    rows = [_record("Indeks kualitas air", target="50 - 60"), _record("Indeks kualitas udara", target="55 - 65")]
    assert not is_scale_legend(rows)


def test_one_band_beside_bounds_is_no_scale():
    assert not is_scale_legend([_record("Rasio guru", target="1 - 20"), _record("Rasio kelas", target="≤ 32")])
