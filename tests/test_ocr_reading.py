"""How OCR words are read (extractors/ocr.py), on synthetic images and word boxes: list bullets,
a figure with its grade, a percentage read as letters, white-on-black header cells."""
from __future__ import annotations

import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr import bullet_marks, invert_dark_fills, second_reading_fits

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


def test_a_small_mark_floating_before_a_word_is_a_bullet_a_letter_on_the_baseline_is_not():
    # (text, x0, top, x1, bottom, confidence) in pixels: a word 30 px high on a baseline at 130
    word = ("Persentase", 130, 100, 400, 130, 96.0)
    bullet = ("e", 112, 108, 124, 120, 60.0)  # small, its foot 10 px above the baseline
    letter = ("a", 112, 110, 126, 130, 90.0)  # as small, but standing on the baseline
    far = ("#", 20, 108, 32, 120, 60.0)  # far before the word: no list mark of it
    assert bullet_marks([bullet, word]) == {0}
    assert bullet_marks([letter, word]) == set()
    assert bullet_marks([far, word]) == set()
    assert bullet_marks([("-", 112, 112, 124, 116, 90.0), word]) == set()  # a dash is a list mark already


def test_a_figure_with_its_grade_takes_the_second_reading_only_with_the_same_digits():
    assert second_reading_fits("7343(BB)", "73,43 (BB)")
    assert not second_reading_fits("7343(BB)", "73,44 (BB)")
    assert not second_reading_fits("7343(BB)", "73,43 (B)")
    assert not second_reading_fits("73,44 (BB)", "73,44")  # the grade is not dropped


def test_a_short_word_is_a_whole_percentage_only_when_read_surely():
    assert second_reading_fits("To", "7%", 94.0)
    assert not second_reading_fits("To", "7%", 50.0)
    assert not second_reading_fits("db", "4", 99.0)  # a bare number never replaces a word
    assert second_reading_fits("Yo", "%", 0.0)


def _header_band() -> np.ndarray:
    """A page with a black header band holding white words, and a body line below."""
    image = Image.new("L", (1200, 600), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    draw.rectangle((100, 100, 1100, 200), fill=10)
    draw.text((150, 125), "TARGET  REALISASI", fill=250, font=font)
    draw.text((150, 300), "Jumlah dokumen 12", fill=0, font=font)
    return np.asarray(image).copy()


def test_white_letters_on_a_black_band_are_turned_black_on_white_with_the_band_outlined():
    grey = _header_band()
    out = invert_dark_fills(grey)
    band = out[110:190, 110:1090]
    assert (band > 128).mean() > 0.7  # the band is paper now
    assert (band < 128).mean() > 0.05  # and its letters ink
    assert out[100:103, 300:900].mean() < 60  # its top edge is drawn as a rule
    assert np.array_equal(out[250:, :], grey[250:, :])  # the rest of the page is as it was


def test_a_dark_band_at_the_edge_of_the_scan_is_a_shadow_and_stays():
    grey = np.full((600, 1200), 255, np.uint8)
    grey[:, :60] = 5  # the scanner's lid shadow along the left edge
    assert np.array_equal(invert_dark_fills(grey), grey)


@needs_tesseract
def test_a_white_on_black_header_is_read():
    from extractors.ocr import ocr_image

    grey = _header_band()
    result = ocr_image(grey, 1200 * 72 / 300, 600 * 72 / 300, 1)
    texts = {w.text for w in result.words}
    assert {"TARGET", "REALISASI"} <= texts


def test_a_dashed_rule_is_one_rule_and_letters_beside_it_stay_letters():
    from extractors.ocr import find_rules

    ink = np.zeros((400, 1200), np.uint8)
    for x in range(100, 1100, 90):  # dashes 60 px long (14 pt at 300 dpi), gaps 30 px (7 pt)
        ink[200:203, x:x + 60] = 255
    for x in range(100, 1100, 30):  # a line of text below: letters 18 px wide, 12 px apart
        ink[300:330, x:x + 18] = 255
    _, horizontal, _ = find_rules(ink, 300 / 72)
    assert len(horizontal) == 1
    x0, x1, y = horizontal[0]
    assert x0 <= 104 and x1 >= 1080 and 200 <= y <= 203


def test_two_tables_one_above_the_other_keep_their_own_rules():
    """The space between two stacked tables (8 pt here) is no break in a rule: their column rules
    are not joined across it, so each table keeps its own columns."""
    from extractors.ocr import find_rules

    ink = np.zeros((900, 1200), np.uint8)
    for top, bottom in ((100, 400), (433, 800)):  # 33 px = 8 pt between them
        for y in (top, bottom):
            ink[y:y + 3, 100:1100] = 255
        for x in (100, 600, 1097):
            ink[top:bottom + 3, x:x + 3] = 255
    _, _, vertical = find_rules(ink, 300 / 72)
    assert len(vertical) == 6
    assert all(bottom - top < 420 for top, bottom, _ in vertical)


@needs_tesseract
def test_a_caption_number_keeps_its_point():
    """'Tabel 4. 7': the number read again keeps the point after the '4' (only a speck after a
    percent sign is dropped), so the caption's label is 4.7, not 4."""
    from extractors.ocr import ocr_image

    image = Image.new("L", (1400, 300), 255)
    ImageDraw.Draw(image).text((100, 120), "Tabel 4. 7 Daftar Angka Contoh", fill=0,
                               font=ImageFont.load_default(size=42))
    words = [w.text for w in ocr_image(np.asarray(image).copy(), 1400 * 72 / 300, 300 * 72 / 300, 1).words]
    assert words[:3] == ["Tabel", "4.", "7"]


def test_an_unsure_number_reading_is_tried_on_the_crop_thresholded_as_a_whole(monkeypatch) -> None:
    # a scan's blotted stroke: the grey crop reads "400" unsurely at every scale, the crop split into ink and
    # paper by its own threshold reads "100" surely; a sure grey reading is not tried again
    from extractors import ocr

    image = np.full((60, 120), 230, np.uint8)
    image[20:40, 30:90] = 40
    image[22:26, 30:40] = 140  # a grey blot on the stroke
    calls: list[tuple[float, bool]] = []

    def reading(sure: float):
        def read(crop, scale, settings, graded):
            binary = set(np.unique(crop).tolist()) <= {0, 255}
            calls.append((scale, binary))
            return ("100", 90.0) if binary else ("400", sure)
        return read

    monkeypatch.setattr(ocr, "_read_number", reading(60.0))
    assert ocr.reread_number(image, (30, 20, 90, 40)) == ("100", 90.0)
    assert calls == [(1.0, False), (1.5, False), (1.0, True)]
    calls.clear()
    monkeypatch.setattr(ocr, "_read_number", reading(95.0))
    assert ocr.reread_number(image, (30, 20, 90, 40)) == ("400", 95.0)
    assert calls == [(1.0, False)]


@pytest.mark.parametrize("grey, thresholded", [("1.77%", "177%"), ("164.228.497", "164,228.497"), ("112,45", "112.45")])
def test_the_thresholded_reading_does_not_replace_one_whose_separators_it_changed(monkeypatch, grey, thresholded):
    # the global threshold dropped a faint decimal point, or thinned a comma's tail into a point
    from extractors import ocr

    image = np.full((60, 120), 230, np.uint8)
    image[20:40, 30:90] = 40

    def read(crop, scale, settings, graded):
        return (thresholded, 60.0) if set(np.unique(crop).tolist()) <= {0, 255} else (grey, 45.0)

    monkeypatch.setattr(ocr, "_read_number", read)
    assert ocr.reread_number(image, (30, 20, 90, 40)) == (grey, 45.0)


def test_a_lone_one_right_aligned_in_its_cell_is_a_value_a_bar_on_the_rule_is_the_rule():
    """At 300 dpi (4.17 px per pt) with a vertical rule at x = 1000 px: a '1' whose box ends 10 px (2.4 pt, a
    Word cell's padding) before the rule is the cell's value; a '1' or '|' 2 px from the rule's middle is what
    is left of the rule."""
    from extractors.ocr import SETTINGS, rule_remnants_off

    vertical = [(100.0, 400.0, 1000.0)]
    reach = SETTINGS.rule_remnant_reach_pt * SETTINGS.dpi / 72
    assert rule_remnants_off("1", (982, 200, 990, 230), vertical, reach) == "1"
    assert rule_remnants_off("1", (990, 200, 998, 230), vertical, reach) == ""
    assert rule_remnants_off("|", (999, 200, 1002, 230), vertical, reach) == ""


def test_a_box_over_two_lines_does_not_make_its_line_a_heading_and_small_print_keeps_its_size():
    """OCR sizes (extractors/ocr_page._sizes): a line's size is the median of its words' heights, so one box
    Tesseract drew over two lines ("N" over "o" read "oz") leaves its line the usual size; a table's small print
    under the page's prose keeps its own, smaller size, so a caption in the prose's size stands apart."""
    from extractors.ocr import OcrResult, OcrWord
    from extractors.ocr_page import PLAN, _sizes

    def line(top: float, height: float, texts: list[str]) -> list[OcrWord]:
        return [OcrWord(t, 60.0 + 50 * k, 100.0 + 50 * k, top, top + height, 95.0) for k, t in enumerate(texts)]

    prose = [line(100.0 + 14 * k, 10.0, ["Paragraf", "contoh", "kalimat", "laporan"]) for k in range(6)]
    caption = line(200.0, 10.0, ["Capaian", "Indikator", "Contoh"])
    header = line(220.0, 7.5, ["Indikator", "Satuan", "Target"]) + [OcrWord("oz", 40.0, 50.0, 220.0, 235.0, 80.0)]
    body = line(240.0, 7.5, ["Jumlah", "contoh", "12"])
    words = [w for ws in prose + [caption, header, body] for w in ws]
    lines, start = [], 0
    for ws in prose + [caption, header, body]:
        lines.append(list(range(start, start + len(ws))))
        start += len(ws)
    sizes = _sizes(OcrResult(2, 595.0, 842.0, words, lines), PLAN)
    caption_size, header_sizes, body_size = sizes[lines[6][0]], {sizes[i] for i in lines[7]}, sizes[lines[8][0]]
    assert header_sizes == {7.5} and body_size == 7.5 and caption_size == 10.0
