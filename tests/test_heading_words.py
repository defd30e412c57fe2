"""Heading typos: a near miss of a role word is read as that word; other words stay (normalizers/heading_words)."""
from __future__ import annotations

import pytest

from normalizers.heading_words import with_role_words_spelled_right
from pipeline.classify import role_of


@pytest.mark.parametrize("printed, read", [
    ("tahun 2030 › realalisasi", "tahun 2030 › realisasi"), ("relisasi anggaran", "realisasi anggaran"),
    ("realisai", "realisasi"), ("tagret 2030", "target 2030"), ("terget", "target"), ("capain kinerja", "capaian kinerja"),
    ("capaiaan", "capaian"), ("capalan", "capaian"), ("indkikator kinerja individu", "indikator kinerja individu"),
    ("indikatr", "indikator")])
def test_near_miss_of_a_role_word_is_read_as_it(printed, read):
    assert with_role_words_spelled_right(printed) == read


@pytest.mark.parametrize("word", ["realistis", "tarif", "karet", "sasaran", "pencapaian", "realisasinya", "rencana"])
def test_other_words_are_left_as_printed(word):
    assert with_role_words_spelled_right(word) == word


def test_a_misspelt_heading_gives_its_column_the_role():
    assert role_of("TAHUN 2030 › REALALISASI") == "realization"
    assert role_of("Tagret 2030") == "target"
    assert role_of("Indkikator Kinerja Individu") == "indicator"
