"""Field rules shared by the store, the services and the seed loader: lengths, vocabularies, checks.

One place defines how long a text may be and which words a coded field accepts, so the database
columns (``store/models/`` sizes its ``String`` columns from ``LIMITS``), the services and the
seed files agree. The ``check_*`` helpers record a ``FieldError(path, rule)`` in an
``ErrorCollector`` and return the cleaned value (or ``None`` when the value was refused), so a
caller can check every field and report all violations at once.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from datetime import date
from decimal import Decimal
from typing import Any

from greendesk.domain.errors import ErrorCollector
from greendesk.domain.money import parse_decimal, parse_money
from greendesk.domain.numbers import parse_rate

# Maximum lengths of text fields, in characters (a CJK character counts as one).
LIMITS: dict[str, int] = {
    "name": 200,
    "credit_code": 18,
    "industry": 100,
    "region": 100,
    "grade": 16,
    "reference": 40,
    "bank": 100,
    "branch": 100,
    "purpose": 500,
    "description": 2000,
    "location": 200,
    "catalogue_code": 32,
    "currency": 3,
    "username": 64,
    "display_name": 100,
    "password_hash": 255,
    "registry": 100,
    "registration_no": 100,
    "unit": 32,
    "instrument": 32,
    "source": 200,
    "note": 2000,
    "code": 40,  # enumerated codes: statuses, roles, methods, collateral types ...
    "actor": 64,
    "action": 64,
    "entity_type": 64,
    "entity_id": 64,
    "hash": 64,
    "meta_key": 64,
    "decimal_text": 40,  # canonical text of an exact decimal
}

# Upper bound on any single amount of money: one trillion yuan, far above any branch loan;
# a larger figure is a typing error, not a facility.
MAX_AMOUNT = Decimal("1000000000000.00")

CURRENCIES = ("CNY",)
SECTORS = (
    "coal_power",
    "steel",
    "building_materials",
    "agriculture",
    "coal_chemical",
    "nonferrous_smelting",
    "mining",
    "petrochemical",
    "chemicals",
    "papermaking",
    "aviation",
    "shipping",
    "thermal_power",
    "other",
)
USER_ROLES = ("officer", "reviewer", "admin", "analyst")
LOAN_STATUSES = (
    "draft",
    "submitted",
    "under_review",
    "approved",
    "approved_with_conditions",
    "declined",
    "returned",
    "disbursed",
    "closed",
)
FREQUENCIES = ("monthly", "quarterly", "semiannual", "annual")
REPAYMENT_METHODS = ("annuity", "equal_principal", "bullet", "custom")
RATE_KINDS = ("fixed", "floating")
BASE_RATE_NAMES = ("LPR1Y", "LPR5Y")
DAY_COUNTS = ("ACT/360", "ACT/365F", "30/360")
CALENDARS = ("CN", "NONE")
BUSINESS_DAY_RULES = ("following", "modified_following", "preceding", "unadjusted")
LENDER_ROLES = ("lead_arranger", "agent", "participant")
VOTE_DECISIONS = ("approve", "approve_with_conditions", "decline")
CLASSIFICATIONS = ("green", "transition", "carbon_linked", "conventional")
LOAN_ORDER_KEYS = (
    "reference",
    "borrower",
    "project",
    "amount",
    "status",
    "region",
    "classification",
    "start_date",
    "maturity_date",
    "updated_at",
)  # how the loan list can be sorted (services.portfolio.list_loan_ids)
COVERAGE_BAND_KEYS = ("none", "lt1.0", "1.0-1.3", "1.3-1.5", "1.5-2.0", "ge2.0")
# the coverage bands of the loan filter and the dashboard (services.loan_filter.COVERAGE_BANDS)


# Free text that may run over several lines; every other text field is a name or a code.
MULTILINE = frozenset({"purpose", "description", "note"})
_LINE_BREAKS = frozenset("\n\r\t")


def control_character(text: str, *, multiline: bool = False) -> str | None:
    """The first control or invisible format character in ``text`` (e.g. ``CEA\\x07``), if any.

    Unicode categories Cc (controls) and Cf (zero-width and direction marks), plus the line and
    paragraph separators; line breaks and tabs are allowed in multi-line text only.
    """
    for char in text:
        if multiline and char in _LINE_BREAKS:
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            return char
    return None


def canonical_decimal(value: Decimal) -> str:
    """Plain positional text, no trailing zeros, never rounded: 0.0350 -> '0.035', 1E+2 -> '100'.

    (``Decimal.normalize`` would round to the context's 28 digits; this never drops a digit.)
    """
    if not value.is_finite():
        raise ValueError(f"{value} is not a finite number")
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def check_text(
    errors: ErrorCollector,
    path: str,
    value: Any,
    limit: str,
    *,
    required: bool = True,
) -> str | None:
    """A text field: stripped, not empty when required, at most ``LIMITS[limit]`` characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.add(path, "must be text")
        return None
    text = value.strip()
    if required and not text:
        errors.add(path, "required")
        return None
    if len(text) > LIMITS[limit]:
        errors.add(path, f"longer than {LIMITS[limit]} characters")
        return None
    bad = control_character(text, multiline=limit in MULTILINE)
    if bad is not None:
        errors.add(path, f"contains the control character U+{ord(bad):04X}")
        return None
    return text


def check_choice(
    errors: ErrorCollector,
    path: str,
    value: Any,
    choices: Collection[str],
    *,
    required: bool = True,
) -> str | None:
    """A coded field: one of ``choices`` (None/empty allowed when not required)."""
    if value is None or value == "":
        if required:
            errors.add(path, "required")
        return None
    if not isinstance(value, str) or value not in choices:
        errors.add(path, f"unknown value {value!r} (one of: {', '.join(choices)})")
        return None
    return value


def check_money(
    errors: ErrorCollector,
    path: str,
    value: Any,
    *,
    required: bool = True,
    positive: bool = False,
) -> Decimal | None:
    """An amount in yuan: a decimal string or int with at most two places, 0 ≤ x ≤ MAX_AMOUNT."""
    if value is None or value == "":
        if required:
            errors.add(path, "required")
        return None
    try:
        amount = parse_money(value)
    except ValueError as exc:
        errors.add(path, str(exc))
        return None
    if amount < 0:
        errors.add(path, "must not be negative")
        return None
    if positive and amount == 0:
        errors.add(path, "must be greater than zero")
        return None
    if amount > MAX_AMOUNT:
        errors.add(path, f"above the limit of {MAX_AMOUNT:,.2f}")
        return None
    return amount


def check_decimal(
    errors: ErrorCollector,
    path: str,
    value: Any,
    *,
    required: bool = True,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
    strict_minimum: bool = False,
) -> Decimal | None:
    """An exact decimal (rate, quantity, price) given as a string or int, within bounds."""
    if value is None or value == "":
        if required:
            errors.add(path, "required")
        return None
    try:
        number = parse_decimal(value)
    except ValueError as exc:
        errors.add(path, str(exc))
        return None
    if minimum is not None:
        if strict_minimum and number <= minimum:
            errors.add(path, f"must be greater than {minimum}")
            return None
        if number < minimum:
            errors.add(path, f"must be at least {minimum}")
            return None
    if maximum is not None and number > maximum:
        errors.add(path, f"must be at most {maximum}")
        return None
    if len(canonical_decimal(number)) > LIMITS["decimal_text"]:
        errors.add(path, f"more than {LIMITS['decimal_text']} digits")
        return None
    return number


def check_rate(
    errors: ErrorCollector,
    path: str,
    value: Any,
    *,
    required: bool = True,
    maximum: Decimal | None = None,
) -> Decimal | None:
    """An annual interest rate typed as ``3.45%``, ``3.45`` or ``0.0345`` (``RATE_RULE``).

    Stored as the fraction (0.0345); not negative, at most ``maximum``.
    """
    if value is None or value == "":
        if required:
            errors.add(path, "required")
        return None
    try:
        rate = parse_rate(value)
    except ValueError as exc:
        errors.add(path, str(exc))
        return None
    if rate < 0:
        errors.add(path, "must be at least 0")
        return None
    if maximum is not None and rate > maximum:
        errors.add(path, f"must be at most {maximum} ({(maximum * 100).normalize():f}%)")
        return None
    return rate


def check_int(
    errors: ErrorCollector,
    path: str,
    value: Any,
    *,
    required: bool = True,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int | None:
    """A whole number (an int, or a string of digits), within bounds."""
    if value is None or value == "":
        if required:
            errors.add(path, "required")
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        errors.add(path, "must be a whole number")
        return None
    try:  # the strict parser: int() would read "1_0" as 10 and take any script's digits
        exact = parse_decimal(value)
    except ValueError:
        errors.add(path, "must be a whole number")
        return None
    if exact != exact.to_integral_value():
        errors.add(path, "must be a whole number")
        return None
    number = int(exact)
    if minimum is not None and number < minimum:
        errors.add(path, f"must be at least {minimum}")
        return None
    if maximum is not None and number > maximum:
        errors.add(path, f"must be at most {maximum}")
        return None
    return number


def check_date(
    errors: ErrorCollector, path: str, value: Any, *, required: bool = True
) -> date | None:
    """A calendar date: a ``date`` or an ISO ``YYYY-MM-DD`` string, between 1990 and 2100."""
    if value is None or value == "":
        if required:
            errors.add(path, "required")
        return None
    if isinstance(value, date) and not hasattr(value, "hour"):
        day = value
    elif isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            errors.add(path, "not a date (YYYY-MM-DD)")
            return None
    else:
        errors.add(path, "not a date (YYYY-MM-DD)")
        return None
    if not date(1990, 1, 1) <= day <= date(2100, 12, 31):
        errors.add(path, "outside 1990-01-01 … 2100-12-31")
        return None
    return day


def check_bool(errors: ErrorCollector, path: str, value: Any, *, default: bool = False) -> bool:
    """A yes/no flag; anything but a real boolean is refused (no truthy strings)."""
    if value is None:
        return default
    if not isinstance(value, bool):
        errors.add(path, "must be true or false")
        return default
    return value


def check_catalogue_code(
    errors: ErrorCollector, path: str, value: Any, *, required: bool = False
) -> str | None:
    """A catalogue item written ``VERSION:CODE`` (e.g. ``2019:3.2.2``): syntax only.

    Whether the item exists is the classification engine's business (it holds the catalogues).
    """
    text = check_text(errors, path, value, "catalogue_code", required=required)
    if not text:
        return None
    version, sep, code = text.partition(":")
    parts = code.split(".")
    if (
        not sep
        or not (version.isdigit() and len(version) == 4)
        or not all(p.isdigit() and len(p) <= 3 for p in parts)
    ):
        errors.add(path, "not a catalogue code written VERSION:CODE, e.g. 2019:3.2.2")
        return None
    return text
