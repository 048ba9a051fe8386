"""统一社会信用代码 (GB 32100-2015) check character and structure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from greendesk.domain.credit_code import (
    ALPHABET,
    credit_code_check_char,
    validate_credit_code,
)

# Codes of well-known companies, as printed on their business licences.
REAL_CODES = [
    "914403001922038216",  # 华为技术有限公司
    "9144030071526726XG",  # 深圳市腾讯计算机系统有限公司
    "91110000802100433B",
    "91350100M000100Y43",  # the worked example widely used to explain the standard
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code: str) -> None:
    assert validate_credit_code(code) is None
    assert credit_code_check_char(code[:17]) == code[17]


def test_worked_example_by_hand() -> None:
    # 91350100M000100Y4: values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 with weights
    # 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 give 9+3+27+135+26+420+8+900+112 = 1640;
    # 1640 mod 31 = 28; 31 - 28 = 3, so the check character is "3".
    assert credit_code_check_char("91350100M000100Y4") == "3"
    assert validate_credit_code("91350100M000100Y43") is None


def test_lower_case_is_accepted() -> None:
    assert validate_credit_code("9144030071526726xg") is None


@pytest.mark.parametrize(
    ("code", "rule"),
    [
        ("91440300192203821", "must be 18 characters (has 17)"),
        ("9144030019220382169", "must be 18 characters (has 19)"),
        ("91440300I92203821O", "characters not allowed: I O (I, O, S, V, Z are never used)"),
        ("914403001922038217", "check character should be 6, not 7"),
        ("9144AB001922038216", "characters 3-8 must be the 6-digit administrative division code"),
        ("014403001922038216", "first character (registration authority) cannot be 0"),
    ],
)
def test_bad_codes_name_the_rule(code: str, rule: str) -> None:
    assert validate_credit_code(code) == rule


def test_check_char_needs_17_allowed_characters() -> None:
    with pytest.raises(ValueError, match="need 17 characters"):
        credit_code_check_char("9144")
    with pytest.raises(ValueError, match="not allowed"):
        credit_code_check_char("91440300S92203821")


@given(st.text(alphabet=ALPHABET, min_size=9, max_size=9), st.sampled_from(ALPHABET))
def test_any_single_wrong_check_character_is_caught(body: str, wrong: str) -> None:
    first17 = "91652301" + body  # a company registered in 昌吉市 (division 652301)
    code = first17 + credit_code_check_char(first17)
    assert validate_credit_code(code) is None
    if wrong != code[17]:
        assert validate_credit_code(first17 + wrong) is not None
