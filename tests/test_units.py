"""Units reconcile into a small set of kinds."""
from __future__ import annotations

import pytest

from normalizers.units import unit_kind


@pytest.mark.parametrize("printed, kind", [
    ("%", "percent"), ("Persen", "percent"), ("Persentase (%)", "percent"), ("persentase", "percent"),
    ("Nilai", "score"), ("Skor", "score"), ("Indeks", "index"), ("Rp", "rupiah"), ("Rp.", "rupiah"),
    ("Rupiah", "rupiah"), ("Juta Rupiah", "rupiah"), ("USD", "usd"), ("Predikat", "grade"), ("Opini", "grade"),
    ("Koefisien", "ratio"), ("Rasio", "ratio"), ("Hari", "time"), ("Unit", "count"), ("Koperasi", "count"),
    ("Orang", "count"), ("Dokumen", "count"), ("Pasar", "count"), ("UTTP", "count"), ("Pelaku Usaha", "count"),
    ("", None), ("-", None), (None, None), ("12 x 3", "other"),
])
def test_unit_kind(printed, kind):
    assert unit_kind(printed) == kind
