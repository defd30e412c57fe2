"""Cell forms of real published reports: numbers with units, words, scale words, ratings, footnote marks,
a currency marker in a cell of its own, columns printed in the English convention, and text no parser
can read (which gives None with a note code, never an exception). Synthetic cells, one structure each."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers.numbers import (
    FORMAT_ANOMALIES,
    MIN_ENGLISH_EVIDENCE,
    Convention,
    Evidence,
    FormatNote,
    Kind,
    in_row_context,
    note_code,
    parse_column,
    parse_number,
    table_evidence,
)

ENGLISH_TABLE = Evidence(english=MIN_ENGLISH_EVIDENCE)
INDONESIAN_TABLE = Evidence(indonesian=MIN_ENGLISH_EVIDENCE)


def anomalies(parsed) -> list:
    return [p.format_note for p in parsed if p.format_note in FORMAT_ANOMALIES]


@pytest.mark.parametrize("printed, value, unit", [("25 unit", 25, "unit"), ("1.200 orang", 1200, "orang"),
                                                  ("3 Pasar", 3, "Pasar")])
def test_count_with_unit_word(printed, value, unit):
    parsed = parse_number(printed)
    assert (parsed.value, parsed.unit_tail, parsed.kind) == (value, unit, Kind.NUMBER)


@pytest.mark.parametrize("printed, value, scale, currency", [
    ("Rp 2,5 Miliar", 2.5e9, "miliar", "IDR"), ("Rp.33,86 Triliun", 33.86e12, "triliun", "IDR"),
    ("12,5 Juta US$", 12.5e6, "juta", "USD"), ("US$ 12,5 Juta", 12.5e6, "juta", "USD"), ("1,2 milyar", 1.2e9, "milyar", None),
])
def test_scale_word_gives_base_units_and_keeps_the_scale(printed, value, scale, currency):
    parsed = parse_number(printed)
    assert parsed.value == pytest.approx(value)
    assert (parsed.scale, parsed.currency) == (scale, currency)
    assert parsed.kind == (Kind.RUPIAH if currency == "IDR" else Kind.NUMBER)


def test_currency_word_before_the_amount():
    assert parse_number("USD 85.797").value == 85797
    assert parse_number("157,64 Triliun Rupiah").value == pytest.approx(157.64e12)


@pytest.mark.parametrize("printed, value, rating", [("82,5 % (Baik)", 82.5, "Baik"), ("111,54 (SB)", 111.54, "SB"),
                                                    ("95% (Sangat Baik)", 95, "Sangat Baik")])
def test_capaian_with_rating_in_cell(printed, value, rating):
    parsed = parse_number(printed)
    assert (parsed.value, parsed.rating) == (pytest.approx(value), rating)


@pytest.mark.parametrize("printed", ["(1,25) %", "(1,25)%", "-1,25 %"])
def test_negative_percent_in_parentheses(printed):
    parsed = parse_number(printed)
    assert (parsed.value, parsed.kind) == (pytest.approx(-1.25), Kind.PERCENT)


@pytest.mark.parametrize("printed", ["A (82)", "82 (A)"])
def test_grade_with_its_score(printed):
    parsed = parse_number(printed)
    assert (parsed.value, parsed.grade) == (82, "A")


@pytest.mark.parametrize("printed, value, mark", [("12.540 *)", 12540, "*)"), ("45,2*", 45.2, "*"),
                                                  ("992.770 *", 992770, "*"), ("12 ^", 12, "^"), ("7,5 (*)", 7.5, "(*)")])
def test_number_with_footnote_mark(printed, value, mark):
    parsed = parse_number(printed)
    assert (parsed.value, parsed.footnote) == (pytest.approx(value), mark)


@pytest.mark.parametrize("printed", ["^", "#", "*)", "**"])
def test_bare_footnote_mark_is_empty(printed):
    parsed = parse_number(printed)
    assert (parsed.value, parsed.kind) == (None, Kind.EMPTY)


@pytest.mark.parametrize("marker, currency", [("Rp", "IDR"), ("Rp.", "IDR"), ("(Rp)", "IDR"), ("US$", "USD")])
def test_currency_marker_in_own_cell(marker, currency):
    parsed = parse_number(marker)
    assert (parsed.value, parsed.kind, parsed.currency) == (None, Kind.EMPTY, currency)
    amount = parse_number("1.250.000.000")  # the next cell: a pure number
    assert (amount.value, amount.kind, amount.format_note) == (1250000000, Kind.NUMBER, None)


def test_comma_thousands_dot_decimal_column():
    column = parse_column(["15,826,297,300", "4,283,750,000", "1,021,875", "712,500", "2,602,500 ,000"], table=ENGLISH_TABLE)
    assert [p.value for p in column] == [15826297300, 4283750000, 1021875, 712500, 2602500000]
    assert anomalies(column) == []


def test_dot_decimal_percent_column_in_an_english_table():
    column = parse_column(["89.68%", "92.71", "100", "66,67", "74.88"], percent_column=True, table=ENGLISH_TABLE)
    assert [p.value for p in column] == pytest.approx([89.68, 92.71, 100, 66.67, 74.88])
    assert anomalies(column) == []
    assert column[3].format_note is FormatNote.INDONESIAN_IN_ENGLISH_TABLE  # documented, no finding


def test_english_table_is_recognised_from_its_cells():
    table = table_evidence([["89.68%", "92.71", "1,234,567"], ["45.5", "12.25", "7.5"]])
    assert table.decided() is Convention.ENGLISH and table.reference() is Convention.ENGLISH


def test_dot_decimal_in_comma_decimal_table_is_an_anomaly():
    column = parse_column(["12,5", "12.4", "7,25"], table=INDONESIAN_TABLE)
    assert column[1].value == pytest.approx(12.4)
    assert anomalies(column) == [FormatNote.DECIMAL_POINT]


def test_lone_comma_groups_of_an_english_column_count_for_its_table():
    table = table_evidence([["185.80", "202,955", "1,309", "3,000", "9,133"]])
    assert table.reference() is Convention.ENGLISH
    assert anomalies(parse_column(["185.80", "202,955", "1,309", "3,000", "9,133"], table=table)) == []


def test_a_few_dot_decimals_do_not_make_a_table_english():
    # two or three slips per table are the Indonesian reports' usual mistake: still anomalies
    column = parse_column(["12.4", "17", "5.7"], table=table_evidence([["12.4", "17", "5.7"]]))
    assert anomalies(column) == [FormatNote.DECIMAL_POINT, FormatNote.DECIMAL_POINT]


@pytest.mark.parametrize("cells, value", [
    (["1,234", "1,234,567"], 1234),  # the column prints comma thousands
    (["1,234", "0,125"], 1.234),  # the column prints three-digit decimal commas
    (["1.234", "0.125"], 1.234),  # three-digit decimal points
    (["1.234", "1.234.567"], 1234),
])
def test_lone_group_follows_its_column(cells, value):
    assert parse_column(cells)[0].value == pytest.approx(value)


def test_lone_group_without_evidence_follows_the_table():
    assert parse_column(["1,309", "15"], table=ENGLISH_TABLE)[0].value == 1309
    assert parse_column(["1,309", "15"], table=INDONESIAN_TABLE)[0].value == pytest.approx(1.309)


def test_lone_group_in_a_column_of_short_decimals_is_thousands():
    # "3,000" orang among "185,80" and "2,5"; "1.712" among "207.31" and "6.822.635"
    assert parse_column(["185,80", "3,000", "2,5", "9,000"])[1].value == 3000
    assert parse_column(["207.31", "1.712", "2.5", "6.822.635"])[1].value == 1712


def test_lone_group_decided_by_the_row_capaian():
    target, real, ach = parse_number("268.797"), parse_number("352,390*"), parse_number("131,10")
    target, real, ach = in_row_context(target, real, ach)
    assert real.value == 352390 and real.format_note is FormatNote.COMMA_THOUSANDS_BY_ROW
    # a row that already agrees is left alone
    _, real, _ = in_row_context(parse_number("10"), parse_number("1,234"), parse_number("12,34"))
    assert real.value == pytest.approx(1.234)


@pytest.mark.parametrize("printed, note", [("1.,60", FormatNote.ADJACENT_SEPARATORS),
                                           ("37.241,44,94", FormatNote.SEVERAL_DECIMAL_COMMAS),
                                           ("00.097.400.400", FormatNote.LEADING_ZERO)])
def test_malformed_print_stays_an_anomaly_in_any_table(printed, note):
    for table in (ENGLISH_TABLE, INDONESIAN_TABLE, None):
        parsed = parse_column([printed], table=table)[0]
        assert parsed.value is not None and parsed.format_note is note


def test_two_numbers_run_together_is_unreadable():
    parsed = parse_number("6.264.744.698,006.213.614.698,00")
    assert (parsed.value, parsed.kind, parsed.format_note) == (None, Kind.TEXT, FormatNote.RUN_TOGETHER)


def test_two_amounts_separated_by_a_space_take_the_first():
    assert parse_number("6.264.744.698,00 6.213.614.698,00").value == pytest.approx(6264744698.0)


def test_digits_beyond_float_range_are_unreadable():
    parsed = parse_number("9" * 400)
    assert (parsed.value, parsed.format_note) == (None, FormatNote.UNREADABLE)


def test_markup_is_stripped_but_a_comparison_is_kept():
    assert parse_number("<br>12,5").value == 12.5
    assert parse_number("< 5 % dan > 2").comparator == "<"


# --- properties -----------------------------------------------------------------------------------

CELL_ALPHABET = "0123456789.,% -–()*^#<>≥RpJutaMiliar$USD\n"


@given(st.text())
def test_parse_number_never_raises(text):
    parsed = parse_number(text)
    assert parsed.value is None or isinstance(parsed.value, float)


@given(st.one_of(st.none(), st.integers(), st.floats(), st.lists(st.integers(), max_size=3)))
def test_a_cell_that_is_no_string_never_raises(value):
    parse_number(value)


@given(st.text(alphabet=CELL_ALPHABET, max_size=40))
def test_number_like_text_never_raises(text):
    parse_number(text)
    for reading in Convention:
        parse_number(text, reading)


@given(st.lists(st.text(alphabet=CELL_ALPHABET, max_size=25), max_size=8), st.booleans())
def test_parse_column_never_raises(texts, percent):
    assert len(parse_column(texts, percent_column=percent, table=table_evidence([texts, texts[::2]]))) == len(texts)


@given(st.lists(st.text(), max_size=5))
def test_parse_column_of_any_text_never_raises(texts):
    parse_column(texts)


def printed(value: float, decimals: int, convention: Convention) -> str:
    thousands, decimal = (".", ",") if convention is Convention.INDONESIAN else (",", ".")
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", thousands)
    return ("-" if value < 0 else "") + grouped + (decimal + frac if decimals else "")


AMOUNTS = st.integers(min_value=-10**13, max_value=10**13)


@given(AMOUNTS, st.integers(min_value=0, max_value=3), st.sampled_from([Convention.INDONESIAN, Convention.ENGLISH]))
def test_any_number_round_trips_in_its_convention(n, decimals, convention):
    value = n / 10 ** decimals
    text = printed(value, decimals, convention)
    assert parse_number(text, convention).value == pytest.approx(float(f"{value:.{decimals}f}"), rel=1e-12, abs=1e-9)


@given(st.lists(AMOUNTS, min_size=1, max_size=6), st.integers(min_value=0, max_value=3),
       st.sampled_from([Convention.INDONESIAN, Convention.ENGLISH]))
def test_a_column_round_trips_in_its_convention(ns, decimals, convention):
    # a column prints one precision; one cell in it proves the convention
    values = [n / 10 ** decimals for n in ns]
    anchor = 1234567.5 if decimals == 0 else 1234567.0
    texts = [printed(v, decimals, convention) for v in values] + [printed(anchor, max(decimals, 1), convention)]
    parsed = parse_column(texts)
    expected = [float(f"{v:.{decimals}f}") for v in values] + [anchor]
    assert [p.value for p in parsed] == pytest.approx(expected, rel=1e-12, abs=1e-9)


@pytest.mark.parametrize("printed, lower, upper", [("5-6%", 5, 6), ("11.2-11.7%", 11.2, 11.7), ("80 - 90", 80, 90)])
def test_range_target_has_no_single_value(printed, lower, upper):
    parsed = parse_column([printed, "12"])[0]
    assert (parsed.value, parsed.comparator, parsed.format_note) == (None, "range", FormatNote.RANGE)
    assert (parsed.lower, parsed.upper) == (pytest.approx(lower), pytest.approx(upper))


def test_acronym_label_before_the_number():
    parsed = parse_number("SKU : 4.120.500 buah")
    assert (parsed.value, parsed.label, parsed.unit_tail) == (4120500, "SKU", "buah")
    assert parse_number("Y on Y TW III: 12,40").value is None  # words before a colon: a note


def test_note_codes_agree_with_the_validators_anomaly_test():
    from pipeline.checks.performance import is_format_anomaly

    for note in FormatNote:
        assert is_format_anomaly(note.value) == (note in FORMAT_ANOMALIES), note
        assert note_code(f"{note}") is note
    assert note_code("indicator: not printed in this row") is None


@pytest.mark.parametrize("printed, value", [("11.038,000,000", 11038000000), ("1.000,000,000", 1000000000),
                                            ("2,500.000.000", 2500000000)])
def test_grouped_amount_with_one_mistyped_separator(printed, value):
    parsed = parse_number(printed)
    assert (parsed.value, parsed.format_note) == (value, FormatNote.MALFORMED)


@pytest.mark.parametrize("heading, factor, word", [("Pagu Indikatif (Rp. 000)", 1e3, "ribu"),
                                                   ("Dalam Juta (Rp)", 1e6, "juta"), ("Anggaran (Rp 000.000)", 1e6, "juta"),
                                                   ("Jumlah (Miliar Rupiah)", 1e9, "miliar")])
def test_amounts_under_a_scaled_currency_heading(heading, factor, word):
    cells = parse_column(["56.107.148", "1,5 miliar", "-"], heading=heading)
    assert (cells[0].value, cells[0].scale) == (56107148 * factor, word)
    assert cells[1].value == pytest.approx(1.5e9)  # a cell printing its own scale word keeps it
    assert cells[2].value is None


@pytest.mark.parametrize("heading", ["Anggaran (Rp)", "Target 2000", "Jumlah (ribu ton)", None])
def test_heading_without_a_currency_scale_leaves_amounts(heading):
    assert parse_column(["56.107.148"], heading=heading)[0].value == 56107148


def test_capaian_column_of_amounts_with_dot_thousands_is_not_re_read_as_decimals():
    parsed = parse_column(["79.347.116", "858.305", "573.055"], percent_column=True)
    assert [p.value for p in parsed] == [79347116.0, 858305.0, 573055.0]
