"""The one parser for numbers typed by people (greendesk.domain.numbers), as a hostile user types.

Each refusal names the rule, so a message built from it says what to fix; nothing is guessed.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from greendesk.domain.numbers import parse_amount, parse_number, parse_rate, parse_share


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("75.50", "75.50"),
        ("1,234.50", "1234.50"),
        ("3,400.60", "3400.60"),  # Babel #928 (strict, grouped, trailing zero) is fixed in 2.19
        ("1,000,000", "1000000"),
        ("  42 ", "42"),
        ("0.0345", "0.0345"),
        ("-12.5", "-12.5"),
        ("７５．５０", "75.50"),  # full-width digits and point, as a Chinese input method types
        ("１，２３４。５", "1234.5"),
        (Decimal("1.10"), "1.10"),
        (12, "12"),
    ],
)
def test_accepts_plain_decimals(text: object, expected: str) -> None:
    value = parse_number(text)
    assert str(value) == expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("75_50", "digits"),
        ("7,5", "thousands"),
        ("75,50", "thousands"),
        ("1,2,3.4", "thousands"),
        ("12,34.5", "thousands"),
        ("1.234,50", "thousands"),
        ("1.2.3", "digits"),
        ("1e400", "digits"),
        ("1e-400", "digits"),
        ("1E4", "digits"),
        ("Infinity", "digits"),
        ("NaN", "digits"),
        ("0x1F", "digits"),
        ("١٢٣", "digits"),  # Arabic-Indic digits: Decimal() would take them
        ("12\x075", "digits"),
        ("", "empty"),
        ("   ", "empty"),
        (".", "digits"),
        ("-", "digits"),
        ("9" * 400, "28 digits"),
        (str(10**30), "28 digits"),
        (10**30, "28 digits"),
        (1.5, "floating-point"),
        (True, "not a number"),
        (None, "not a number"),
    ],
)
def test_refuses_with_the_rule(text: object, rule: str) -> None:
    with pytest.raises(ValueError, match=rule):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("7.2亿", "720000000.00"),
        ("24.43亿", "2443000000.00"),
        ("9.6万", "96000.00"),
        ("9.6 万元", "96000.00"),
        ("1,200万", "12000000.00"),
        ("1234.56", "1234.56"),
        ("1234.56元", "1234.56"),
        ("０.５万", "5000.00"),
    ],
)
def test_amounts_in_wan_and_yi_are_exact_yuan(text: str, yuan: str) -> None:
    assert parse_amount(text) == Decimal(yuan)
    assert str(parse_amount(text)) == yuan


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("1.2345678万", "two decimal places"),
        ("12.345", "two decimal places"),
        ("万", "digits"),
        ("7.2亿万", "digits"),
        ("7.2千", "digits"),
        ("7,2亿", "thousands"),
    ],
)
def test_amount_refusals(text: str, rule: str) -> None:
    with pytest.raises(ValueError, match=rule):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "fraction"),
    [
        ("3.45%", "0.0345"),
        ("3.45 %", "0.0345"),
        ("3.45", "0.0345"),
        ("0.0345", "0.0345"),
        ("0", "0"),
        ("1", "0.01"),
        ("0.8%", "0.008"),
        ("３.５％", "0.035"),
        ("36%", "0.36"),
    ],
)
def test_rates_by_one_rule(text: str, fraction: str) -> None:
    assert parse_rate(text) == Decimal(fraction)


@pytest.mark.parametrize("text", ["1e-400", "3.45%%", "%", "3,45%", "abc", "3.45‰"])
def test_rate_refusals(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rate(text)


@given(st.text(max_size=60))
def test_any_text_is_a_number_or_a_value_error(text: str) -> None:
    for parse in (parse_number, parse_amount, parse_rate):
        try:
            value = parse(text)
        except ValueError as exc:
            assert str(exc)
        else:
            assert value.is_finite()


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**12, min_value=0))
def test_grouped_text_reads_back(value: Decimal) -> None:
    assert parse_number(f"{value:,}") == value
    assert parse_number(f"{value}") == value


@pytest.mark.parametrize(
    ("text", "share"),
    [("1/2", Fraction(1, 2)), ("2 / 3", Fraction(2, 3)), ("0.5", Fraction(1, 2)),
     ("50%", Fraction(1, 2)), ("２/３", Fraction(2, 3)), ("1", Fraction(1))],
)  # fmt: skip
def test_shares(text: str, share: Fraction) -> None:
    assert parse_share(text) == share


@pytest.mark.parametrize("text", ["1_0/2", "1e-400", "1/0", "half", "1/2/3", "-1/2", "7,5", ""])
def test_share_refusals(text: str) -> None:
    with pytest.raises(ValueError, match="fraction such as 1/2"):
        parse_share(text)
