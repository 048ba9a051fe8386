"""The one parser for numbers typed by people: amounts, rates, prices, quantities.

Every entry point (the window's fields, the command line, CSV imports, the seed reader, the JSON
engines) reads a typed number through this module, so "75_50" or "7,5" is refused the same way
everywhere instead of being read as 7550 or 75. The rules:

- digits with at most one ``.`` and an optional leading ``-`` or ``+``; no exponents
  (``1e400``), underscores, spaces inside, other scripts' digits, ``NaN`` or ``Infinity``;
- ``,`` only as a thousands separator in groups of three (``1,234.50``), checked by Babel's
  ``parse_decimal(strict=True)`` with the zh_CN convention (the same as en: ``,`` groups, ``.``
  decimals); a ``,`` as a decimal separator (``7,5``) is refused, never guessed;
- full-width digits, ``，`` ``．`` ``－`` ``＋`` ``％`` and the ideographic full stop ``。`` that a
  Chinese input method types are normalised to their ASCII forms, everywhere;
- at most 28 digits (the exact precision of Python's decimal arithmetic); floats are refused.

On top, GreenDesk's own units: an amount may end in ``万`` (× 10,000) or ``亿`` (× 100,000,000),
optionally followed by ``元`` (``7.2亿`` = 720,000,000.00 yuan exactly), and must come to whole
fen. A rate is read by ONE rule (:data:`RATE_RULE`).

Each function raises ``ValueError`` whose message is the rule broken (no field name: the caller
knows the field and prefixes it).
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext
from fractions import Fraction

from babel.numbers import NumberFormatError
from babel.numbers import parse_decimal as babel_parse_decimal

MAX_DIGITS = 28
LOCALE = "zh_CN"
FEN = Decimal("0.01")
UNITS = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}
RATE_RULE = (
    "a rate with % is a percentage (3.45% = 0.0345); without %, a number of 1 or more is a "
    "percentage (3.45 = 3.45%) and a number below 1 is a fraction (0.0345 = 3.45%)"
)
"""How a typed rate is read; the README states the same rule."""

_FULL_WIDTH = str.maketrans("０１２３４５６７８９，．。－＋％", "0123456789,..-+%")
_SHAPE = re.compile(r"[+-]?[0-9,]*\.?[0-9,]*")
EMPTY_RULE = "empty: a number is required"
DIGITS_RULE = "not a number: write digits with at most one '.', e.g. 1234.50"
GROUPS_RULE = (
    "',' may only separate thousands in groups of three (1,234.50); it is never a decimal separator"
)


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII, surrounding white space off."""
    return text.translate(_FULL_WIDTH).strip()


def parse_number(value: object) -> Decimal:
    """An exact decimal from typed text (or an int or Decimal from code); see the module rules."""
    if isinstance(value, float):
        raise ValueError("must be a decimal string, not a floating-point number")
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise ValueError("not a number")
    if isinstance(value, Decimal):
        return _checked_decimal(value)
    text = normalise(str(value))
    if not text:
        raise ValueError(EMPTY_RULE)
    if not _SHAPE.fullmatch(text) or not any(c.isdigit() for c in text):
        raise ValueError(DIGITS_RULE)
    if sum(c.isdigit() for c in text) > MAX_DIGITS:
        raise ValueError(f"more than {MAX_DIGITS} digits")
    if "," in text:
        try:
            babel_parse_decimal(text.lstrip("+-"), locale=LOCALE, strict=True)
        except NumberFormatError:
            raise ValueError(GROUPS_RULE) from None
    return Decimal(text.replace(",", ""))


def _checked_decimal(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("not a finite number")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    digits = max(value.adjusted() + 1, 1) + max(-exponent, 0)
    if digits > MAX_DIGITS:
        raise ValueError(f"more than {MAX_DIGITS} digits")
    return value


def parse_amount(value: object) -> Decimal:
    """An amount in yuan to the fen: a number, optionally in 万 or 亿, optionally ending in 元."""
    unit = Decimal(1)
    if isinstance(value, str):
        text = normalise(value)
        text = text.removesuffix("元").rstrip()
        if text[-1:] in UNITS:
            unit = UNITS[text[-1]]
            text = text[:-1].rstrip()
            if not text:
                raise ValueError(DIGITS_RULE)
        value = text
    number = parse_number(value)
    with localcontext() as ctx:
        ctx.prec = 2 * MAX_DIGITS
        yuan = number * unit
        if yuan != yuan.quantize(FEN):
            raise ValueError("has more than two decimal places")
        return yuan.quantize(FEN)


def parse_rate(value: object) -> Decimal:
    """An annual rate as a fraction (0.0345), read from typed text by :data:`RATE_RULE`."""
    percent = False
    if isinstance(value, str):
        text = normalise(value)
        if text.endswith("%"):
            percent = True
            text = text[:-1].rstrip()
        value = text
    number = parse_number(value)
    if percent or abs(number) >= 1:
        return number.scaleb(-2)
    return number


_RATIO = re.compile(r"([0-9]{1,6})\s*/\s*([0-9]{1,6})")
SHARE_RULE = "must be a fraction such as 1/2 or 2/3, a decimal such as 0.5, or a percentage"


def parse_share(value: object) -> Fraction:
    """A share typed as ``2/3``, ``0.5`` or ``50%`` (a committee's approving share), exactly.

    The parts of ``a/b`` are whole numbers of at most six digits; a decimal or percentage goes
    through :func:`parse_number` (so ``1e-400`` and ``1_0/2`` are refused, not read).
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str):
        text = normalise(value)
        ratio = _RATIO.fullmatch(text)
        if ratio:
            if int(ratio[2]) == 0:
                raise ValueError(SHARE_RULE)
            return Fraction(int(ratio[1]), int(ratio[2]))
        if "/" in text:
            raise ValueError(SHARE_RULE)
        percent = text.endswith("%")
        try:
            number = parse_number(text[:-1] if percent else text)
        except ValueError:
            raise ValueError(SHARE_RULE) from None
        return Fraction(number.scaleb(-2) if percent else number)
    try:
        return Fraction(parse_number(value))
    except ValueError:
        raise ValueError(SHARE_RULE) from None
