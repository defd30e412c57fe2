"""A list of indicators in one cell whose second bullet OCR lost (`pipeline.rows.with_lost_bullets`): the line
opening with a measure word in capitals starts an item again; a name cut after its first word, or after a word
that needs what follows, stays one. Text-layer cells are read as printed. Names are invented."""
from __future__ import annotations

from pipeline.rows import _indicator_items, with_lost_bullets

TWO_ITEMS = "• Persentase ketersediaan\nbarang contoh di pasar\nPersentase ketersediaan\nkelompok barang contoh"


def test_an_indicator_whose_bullet_ocr_lost_is_an_item_of_its_own():
    assert _indicator_items(TWO_ITEMS, read_by_ocr=True) == [
        "Persentase ketersediaan barang contoh di pasar", "Persentase ketersediaan kelompok barang contoh"]


def test_a_name_cut_after_a_short_start_or_an_open_word_stays_one():
    assert with_lost_bullets("• Nilai\nIndeks Kepuasan Contoh\n• Jumlah desa") == "• Nilai\nIndeks Kepuasan Contoh\n• Jumlah desa"
    cut = "• Rasio jumlah guru antara\nJumlah murid sekolah contoh\n• Jumlah desa"
    assert with_lost_bullets(cut) == cut


def test_a_cell_without_a_bulleted_list_or_from_the_text_layer_is_as_printed():
    plain = "Persentase ketersediaan barang\nPersentase lain"
    assert with_lost_bullets(plain) == plain
    assert _indicator_items(TWO_ITEMS, read_by_ocr=False) == [
        "Persentase ketersediaan barang contoh di pasar Persentase ketersediaan kelompok barang contoh"]
