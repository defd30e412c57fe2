"""Heading typos: a near miss of a role word is read as that word; other words stay (normalizers/heading_words)."""
from __future__ import annotations

import pytest

from normalizers.heading_words import with_role_words_spelled_right
from pipeline.classify import role_of


@pytest.mark.parametrize("printed, read", [
    ("tahun 2030 › realalisasi", "tahun 2030 › realisasi"), ("relisasi anggaran", "realisasi anggaran"),
    ("realisai", "realisasi"), ("tagret 2030", "target 2030"), ("terget", "target"), ("capain kinerja", "capaian kinerja"),
    ("capaiaan", "capaian"), ("capalan", "capaian"), ("indkikator kinerja individu", "indikator kinerja individu"),
    ("indikatr", "indikator"), ("target2020", "target 2020"), ("realisasi ta2023", "realisasi ta 2023"),
    ("target akhir renstra2026", "target akhir renstra 2026")])
def test_near_miss_of_a_role_word_is_read_as_it(printed, read):
    assert with_role_words_spelled_right(printed) == read


@pytest.mark.parametrize("word", ["realistis", "tarif", "karet", "sasaran", "pencapaian", "realisasinya", "rencana"])
def test_other_words_are_left_as_printed(word):
    assert with_role_words_spelled_right(word) == word


def test_a_misspelt_heading_gives_its_column_the_role():
    assert role_of("TAHUN 2030 › REALALISASI") == "realization"
    assert role_of("Tagret 2030") == "target"
    assert role_of("Indkikator Kinerja Individu") == "indicator"


def test_a_year_glued_to_its_heading_word_keeps_the_role():
    assert role_of("Target2020") == "target"  # OCR lost the space between the word and the year
    assert with_role_words_spelled_right("kode 1.03.20211") == "kode 1.03.20211"  # a year needs no digit after it
