"""元 / 万元 / 亿元 in the credit memo: the body's figures in the chosen unit with the unit named,
the rounding stated, the appendices' schedules exact in 元 (text read back with pypdf)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from greendesk.domain.errors import UserError
from greendesk.domain.money import format_money
from greendesk.domain.money_units import (
    MoneyUnit,
    format_in_unit,
    in_unit,
    is_rounded,
    parse_unit,
    unit_name,
)
from greendesk.reporting.memo import render_memo
from greendesk.reporting.model import MemoData
from greendesk.services.reports import memo_unit
from tests.reporting.cases import mulei_memo

D = Decimal
SEVEN_POINT_TWO_YI = D("720000000.00")


def flat_text(pdf: Path) -> str:
    """Every page's text, whitespace removed (pypdf splits lines where the layout wraps)."""
    reader = pypdf.PdfReader(pdf)
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def memo(data: MemoData, tmp_path: Path, lang: str, unit: MoneyUnit) -> str:
    path = tmp_path / f"memo-{lang}-{unit}.pdf"
    render_memo(data, path, lang, unit=unit)
    return flat_text(path)


@pytest.fixture(scope="module")
def data() -> MemoData:
    base = mulei_memo(periods=20, lenders=3)
    return replace(base, terms=replace(base.terms, amount=SEVEN_POINT_TWO_YI))


# ---- the domain rule ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("amount", "unit", "shown"),
    [
        ("720000000.00", MoneyUnit.WAN, "72,000.00"),
        ("720000000.00", MoneyUnit.YI, "7.20"),
        ("720000000.00", MoneyUnit.YUAN, "720,000,000.00"),
        ("123450.00", MoneyUnit.WAN, "12.35"),  # half-up, not half-even (12.345 -> 12.35)
        ("123449.99", MoneyUnit.WAN, "12.34"),
        ("0.01", MoneyUnit.YI, "0.00"),
        ("-50000.00", MoneyUnit.WAN, "-5.00"),
        ("99999999999999.99", MoneyUnit.YI, "1,000,000.00"),
    ],
)
def test_the_unit_rule_divides_and_rounds_half_up(amount: str, unit: MoneyUnit, shown: str) -> None:
    assert format_in_unit(D(amount), unit) == shown


def test_rounding_is_known_and_yuan_is_exact() -> None:
    assert not is_rounded(D("720000000.00"), MoneyUnit.WAN)
    assert is_rounded(D("720000000.01"), MoneyUnit.WAN)
    assert in_unit(D("123.45"), MoneyUnit.YUAN) == D("123.45")
    assert [unit_name(u, "zh") for u in MoneyUnit] == ["元", "万元", "亿元"]
    assert [unit_name(u, "en") for u in MoneyUnit] == ["CNY", "10k CNY", "100m CNY"]


@pytest.mark.parametrize("text", ["", "wan ", "WAN", "万元", "万"])
def test_unit_choices_are_read_loosely_but_only_these(text: str) -> None:
    if text == "":
        with pytest.raises(ValueError, match="yuan, wan, yi"):
            parse_unit(text)
    else:
        assert parse_unit(text) is MoneyUnit.WAN


@pytest.mark.parametrize("bad", ["thousand", "1e4", "万万", None, 10_000, "wan\x00"])
def test_a_bad_unit_is_a_user_error_naming_the_option(bad: object) -> None:
    with pytest.raises(UserError, match=r"--unit: must be one of yuan, wan, yi"):
        memo_unit(bad)  # type: ignore[arg-type]


# ---- the memo ----------------------------------------------------------------------------
def test_memo_in_wan_shows_summary_figures_in_wan_and_states_the_rounding(
    data: MemoData, tmp_path: Path
) -> None:
    text = memo(data, tmp_path, "zh", MoneyUnit.WAN)
    # cover: the rounded figure first, the exact one beside it
    assert "72,000.00万元（CNY720,000,000.00）" in text
    assert "授信金额（万元）72,000.00" in text
    # the rounding is stated with this loan's own figure
    assert "金额单位：万元" in text
    assert "授信金额720,000,000.00元记为72,000.00万元" in text
    assert "四舍五入保留两位小数" in text
    # syndicate: each lender's commitment in 万元, headers say so
    assert "承诺金额（万元）" in text
    for lender in data.lenders:
        assert format_in_unit(lender.commitment, MoneyUnit.WAN) in text
    # collateral in 万元
    assert "评估价值（万元）" in text
    assert format_in_unit(data.pledges[0].value, MoneyUnit.WAN) in text
    # the appendices stay exact in 元: every period's payment to the fen
    assert "金额单位：元，精确至分。" in text
    for p in data.periods:
        assert format_money(p.payment, grouped=True) in text
    assert "（元）" not in text.split("附录一")[0].split("金额单位：万元")[1]


def test_memo_in_yi_english(data: MemoData, tmp_path: Path) -> None:
    text = memo(data, tmp_path, "en", MoneyUnit.YI)
    assert "7.20100mCNY(CNY720,000,000.00)" in text
    assert "Facilityamount(100mCNY)7.20" in text
    assert "AmountsinCNY,exacttothefen." in text
    assert "CNY720,000,000.00reads7.20" in text
    assert "Commitment(100mCNY)" in text
    for p in data.periods:
        assert format_money(p.closing_balance, grouped=True) in text


def test_memo_in_yuan_is_exact_everywhere_and_names_yuan(data: MemoData, tmp_path: Path) -> None:
    text = memo(data, tmp_path, "zh", MoneyUnit.YUAN)
    assert "授信金额（元）720,000,000.00" in text
    assert "CNY720,000,000.00" in text
    assert "万元" not in text.replace("亿元", "")  # no 万元 label, no rounding note
    assert "四舍五入" not in text
    for lender in data.lenders:
        assert format_money(lender.commitment, grouped=True) in text


def test_a_foreign_currency_loan_stays_in_its_own_units(data: MemoData, tmp_path: Path) -> None:
    usd = replace(data, terms=replace(data.terms, currency="USD"))
    text = memo(usd, tmp_path, "zh", MoneyUnit.WAN)
    assert "USD720,000,000.00" in text and "万元" not in text.replace("亿元", "")
