"""Every printed number form found in LKjIPs parses to the value and kind meant."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers.numbers import FormatNote, parse_column, parse_number

CASES = [
    ("25.449.669.550", 25449669550, "number"),
    ("Rp25.449.669.550,-", 25449669550, "rupiah"),
    ("Rp. 1.234.567,89", 1234567.89, "rupiah"),
    ("72,25", 72.25, "number"),
    ("96,33%", 96.33, "percent"),
    ("0,094%", 0.094, "percent"),
    ("1.234", 1234, "number"),
    ("(1.234)", -1234, "number"),
    ("-210,80", -210.8, "number"),
    ("≥ 80", 80, "number"),
    ("<4,00", 4, "number"),
    ("Rp.33,86 Triliun", 33.86e12, "rupiah"),
    ("37.241,44 miliar", 37241.44e9, "number"),
    ("1. 234", 1234, "number"),
    ("11.427 .794 .400", 11427794400, "number"),
    ("12.585. 150 .000", 12585150000, "number"),
    ("5.253.23 7.180.66 7", 5253237180667, "number"),
    ("1O0", 100, "number"),
    ("8666", 8666, "number"),
    ("75 Peserta", 75, "number"),
    ("100 %", 100, "percent"),
    ("1,5 %", 1.5, "percent"),
]


@pytest.mark.parametrize("printed,value,kind", CASES)
def test_printed_forms(printed, value, kind):
    parsed = parse_number(printed)
    assert parsed.value == pytest.approx(value)
    assert parsed.kind == kind
    assert parsed.printed == printed


@pytest.mark.parametrize("printed", ["-", "–", "N/A", "Nihil", "Indikator belum ditetapkan", "", None, "n/a"])
def test_empty_markers_are_null(printed):
    assert parse_number(printed).value is None
    assert parse_number(printed).kind == "empty"


def test_grades():
    assert (parse_number("75 (BB)").value, parse_number("75 (BB)").grade) == (75, "BB")
    assert (parse_number("A (82)").value, parse_number("A (82)").grade) == (82, "A")
    assert (parse_number("(3) WTP").value, parse_number("(3) WTP").grade) == (3, "WTP")
    assert parse_number("BB").value is None and parse_number("BB").grade == "BB"


def test_range_and_unit_tail():
    parsed = parse_number("80 - 90")
    assert (parsed.value, parsed.upper, parsed.comparator) == (80, 90, "range")
    assert parse_number("3 Pasar").unit_tail == "Pasar"


def test_two_bare_numbers_in_one_cell_take_the_first():
    assert parse_number("15 80").value == 15


def test_two_quantities_of_different_units_in_one_cell_are_no_value():
    # Readings settled 5: "5 (21.840 unit)" is a growth and a count; the text is kept
    for printed in ("5 (21.840 unit)", "-10,54% (14.946 unit)"):
        parsed = parse_number(printed)
        assert (parsed.value, parsed.printed, parsed.format_note) == (None, printed, FormatNote.SEVERAL_QUANTITIES)


@pytest.mark.parametrize("printed,value", [("12.4", 12.4), ("0.094 %", 0.094), ("49.00", 49.0), ("100.00%", 100.0)])
def test_dot_decimal_is_read_and_flagged(printed, value):
    parsed = parse_number(printed)
    assert parsed.value == pytest.approx(value)
    assert parsed.format_note and "decimal point" in parsed.format_note


def test_malformed_number_is_flagged():
    parsed = parse_number("37.241,44,94")
    assert parsed.format_note and "malformed" in parsed.format_note


def test_lone_dot_decided_by_column():
    # a column that writes three-digit decimals with a point: "2.125" is 2,125 there
    column = parse_column(["0.125", "0.750", "2.125"])
    assert column[2].value == pytest.approx(2.125)
    assert column[2].decided_by_context
    # one printing one or two decimals: a lone three-digit group is thousands
    assert parse_column(["12.4", "5.7", "2.125"])[2].value == 2125
    # a percent over 1000 is implausible: the point is a decimal point
    assert parse_column(["30.769%"], percent_column=True)[0].value == pytest.approx(30.769)
    # in an Indonesian column it stays thousands
    assert parse_column(["1.234", "5,5"])[0].value == 1234


def indonesian(value: float, decimals: int) -> str:
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return ("-" if value < 0 else "") + grouped + ("," + frac if decimals else "")


@given(st.integers(min_value=-10**13, max_value=10**13), st.integers(min_value=0, max_value=3))
def test_any_indonesian_number_round_trips(n, decimals):
    value = n / (10 ** decimals)
    printed = indonesian(value, decimals)
    parsed = parse_number(printed)
    assert parsed.value == pytest.approx(float(printed.replace(".", "").replace(",", ".")), rel=1e-12, abs=1e-9)


@given(st.integers(min_value=0, max_value=10**12))
def test_rupiah_round_trips(n):
    assert parse_number(f"Rp{indonesian(n, 0)},-").value == n


def test_a_list_of_numbers_is_not_one_number():
    assert parse_number("Tw 2, 3, 4").value is None
    assert parse_number("72, 25").value == 72.25  # a stray space after the decimal comma


@pytest.mark.parametrize("text, value", [
    ("(3.835.029 - 3.831.430) / 3.831.430 × 100", 0.0939336),
    ("30 / 33 x 100", 90.90909),
    ("30/33*100 = 90,9", 90.90909),
    (r"$\frac{3.835.029 - 3.831.430}{3.831.430} \times 100$", 0.0939336),
    ("80 - 90", None), ("2023 - 2024", None), ("0/2", None), ("1.234", None), ("75 (BB)", None), ("a / b x 100", None),
])
def test_a_printed_computation_is_evaluated(text, value):
    from normalizers.numbers import evaluate_expression

    result = evaluate_expression(text)
    assert (result is None) if value is None else result == pytest.approx(value, rel=1e-5)


def test_a_printed_amount_in_a_heading_is_no_thousands_scale():
    """"000" as a heading's scale stands alone ("Rp. 000", "(Rp.000)"); the last group of an amount printed in a
    heading ("Anggaran 12.345.678.000") is not one."""
    from normalizers.numbers import HEADER_SCALES

    def scale(heading: str) -> str | None:
        return next((word for word, _, pattern in HEADER_SCALES if pattern.search(heading)), None)

    assert [scale(h) for h in ("Pagu (Rp. 000)", "(Rp.000)", "Rp 000.000", "(000)")] == ["ribu", "ribu", "juta", "ribu"]
    assert [scale(h) for h in ("Anggaran 12.345.678.000", "Rp 1.000", "1.000.000 orang")] == [None, None, None]


@pytest.mark.parametrize("printed, value", [("- 300 orang", 300), ("– 45 unit", 45), ("- 3 dokumen", 3),
                                            ("-300 orang", -300), ("- 5,2", -5.2), ("- 2,5 ton", -2.5), ("- 12 %", -12)])
def test_list_dash_before_a_count_is_no_minus(printed, value):
    """A dash set apart before a number of things counted one by one is a list item's dash; a dash against
    the number, or before a measured quantity or a percentage, stays a minus."""
    assert parse_number(printed).value == pytest.approx(value)


def test_scale_words_shortened_after_an_amount():
    """'Rp 1,2 M', 'Rp 2,5 T', '45 jt', '850 rb': scale words as agencies shorten them; M and T only beside
    a currency ('12 M' is twelve metres)."""
    assert parse_number("Rp 1,2 M").value == 1_200_000_000 and parse_number("Rp 1,2 M").scale == "miliar"
    assert parse_number("Rp 2,5 T").value == 2_500_000_000_000
    assert parse_number("Rp 45 jt").value == 45_000_000 and parse_number("45 jt").value == 45_000_000
    assert parse_number("850 rb").value == 850_000
    assert parse_number("12 M").value == 12 and parse_number("12 M").scale is None


def test_an_amount_broken_apart_on_its_line_is_no_value():
    """OCR or a narrow cell breaks an amount: '1.325. -000.000', '945.500 000'. Its first part is a thousandth of
    the amount printed: no value, the text kept with a note; a second amount on the cell's next line still leaves
    the first, and the last zeros wrapped onto a line of their own ('8.625' / '000') are the same amount."""
    for printed in ("1.325. -000.000", "945.500 000"):
        parsed = parse_number(printed)
        assert parsed.value is None and parsed.format_note is FormatNote.BROKEN_AMOUNT, printed
    assert parse_number("42.288.921.240\n255.243.078.813").value == 42_288_921_240
    assert parse_number("8.625\n000").value == 8_625_000
    assert parse_number("15 80").value == 15  # two bare numbers: the first, as before


@pytest.mark.parametrize("printed,value", [
    ("4 506 361 000", 4506361000),  # four groups: no cell prints four numbers so
    ("4\u00a0506\u00a0361\u00a0000", 4506361000),  # a non-breaking space, as typed
    ("12\u2009031", 12031),  # a thin space; a group opening with 0 is no number of its own
    ("1 000", 1000),
    ("Rp 2 750 000 000", 2750000000),
])
def test_thousands_grouped_by_spaces_proved_by_the_cell(printed, value):
    """The SI convention (thousands grouped by a space, a non-breaking or a thin space): one number when the printed
    form can be read no other way."""
    parsed = parse_number(printed)
    assert parsed.value == value and parsed.space_grouped


def test_thousands_grouped_by_spaces_decided_by_the_table():
    """'30 740' alone may be two numbers of columns run together (the first is kept, as for '15 80'); in a table
    whose cells prove grouping by spaces ('12 031' in another column) it is one number."""
    from normalizers.numbers import table_evidence

    target, realisasi = ["30 740", "12 031"], ["35 192", "11 289", "9 776"]
    assert [p.value for p in parse_column(realisasi)] == [35, 11, 9]
    table = table_evidence([target, realisasi])
    read = parse_column(realisasi, table=table)
    assert [p.value for p in read] == [35192, 11289, 9776]
    assert all(p.decided_by_context for p in read)
    assert parse_number("62 80 14").value is None  # three short numbers: still several
