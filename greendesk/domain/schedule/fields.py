"""Reading single JSON fields with every problem recorded as ``path: rule``.

Each reader returns the parsed value, or ``None`` after adding an error to the collector, so a
caller can keep going and report every violated rule at once.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from greendesk.domain.errors import ErrorCollector
from greendesk.domain.money import FEN, parse_decimal
from greendesk.domain.numbers import DIGITS_RULE, EMPTY_RULE

E = TypeVar("E", bound=Enum)

FLOAT_RULE = 'must be a decimal string such as "0.0345", not a floating-point number'


# The dates a loan can have: the same span as the records' dates (domain.validation.check_date);
# the holiday calendar is projected to 2100 and beyond that a date is a typing error.
FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2100, 12, 31)


def _shown(value: object, limit: int = 40) -> str:
    """A bad value as quoted in a message, cut short so 400 digits do not flood the terminal."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 5]}…{text[-4:]}"


class FieldReader:
    """Typed access to a JSON object's fields, collecting errors instead of raising."""

    def __init__(self, errors: ErrorCollector) -> None:
        self.errors = errors

    def obj(
        self, value: Any, path: str, allowed: set[str], required: tuple[str, ...] = ()
    ) -> dict[str, Any] | None:
        """``value`` as a JSON object; unknown and missing keys are errors."""
        if not isinstance(value, dict):
            self.errors.add(path or "(top level)", "must be an object")
            return None
        prefix = f"{path}." if path else ""
        for key in value:
            if key not in allowed:
                self.errors.add(f"{prefix}{key}", "unknown field")
        for key in required:
            if key not in value or value[key] is None:
                self.errors.add(f"{prefix}{key}", "required")
        return value

    def array(self, value: Any, path: str, non_empty: bool = True) -> list[Any] | None:
        if not isinstance(value, list):
            self.errors.add(path, "must be a list")
            return None
        if non_empty and not value:
            self.errors.add(path, "must not be empty")
            return None
        return value

    def decimal(
        self,
        value: Any,
        path: str,
        minimum: Decimal | None = None,
        below: Decimal | None = None,
        exclusive_minimum: bool = False,
        allow_int: bool = True,
    ) -> Decimal | None:
        """A decimal given as a string (ints allowed where ``allow_int``), within limits."""
        if isinstance(value, float):
            self.errors.add(path, FLOAT_RULE)
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, str | int)
            or (isinstance(value, int) and not allow_int)
        ):
            self.errors.add(path, 'must be a decimal string such as "0.0345"')
            return None
        try:
            number = parse_decimal(value)
        except ValueError as exc:
            rule = str(exc)
            if rule in (DIGITS_RULE, EMPTY_RULE):
                rule = f"{_shown(value)} is not a decimal number"
            self.errors.add(path, rule)
            return None
        if minimum is not None:
            if exclusive_minimum and number <= minimum:
                self.errors.add(path, f"must be greater than {minimum}")
                return None
            if number < minimum:
                rule = "must not be negative" if minimum == 0 else f"must be at least {minimum}"
                self.errors.add(path, rule)
                return None
        if below is not None and number >= below:
            self.errors.add(path, f"must be below {below}")
            return None
        return number

    def rate(self, value: Any, path: str) -> Decimal | None:
        """An annual rate as a fraction: 0 ≤ rate < 1 (3.45 % is "0.0345")."""
        number = self.decimal(value, path, minimum=Decimal(0))
        if number is not None and number >= 1:
            self.errors.add(path, 'must be below 1: rates are fractions, 3.45 % is "0.0345"')
            return None
        return number

    def money(self, value: Any, path: str, positive: bool = True) -> Decimal | None:
        """An amount in yuan with at most two decimal places."""
        number = self.decimal(value, path, minimum=Decimal(0), exclusive_minimum=positive)
        if number is None:
            return None
        if number != number.quantize(FEN):
            self.errors.add(path, "has more than two decimal places")
            return None
        if number >= Decimal("1e14"):
            self.errors.add(path, "is unreasonably large (100 trillion or more)")
            return None
        return number.quantize(FEN)

    def integer(
        self, value: Any, path: str, low: int | None = None, high: int | None = None
    ) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.errors.add(path, "must be a whole number")
            return None
        if low is not None and value < low:
            self.errors.add(path, f"must be at least {low}")
            return None
        if high is not None and value > high:
            self.errors.add(path, f"must be at most {high}")
            return None
        return value

    def day(self, value: Any, path: str) -> date | None:
        if not isinstance(value, str):
            self.errors.add(path, "must be a date string YYYY-MM-DD")
            return None
        try:
            if len(value) != 10:
                raise ValueError
            day = date.fromisoformat(value)
        except ValueError:
            self.errors.add(path, f"{_shown(value)} is not a valid date YYYY-MM-DD")
            return None
        if not FIRST_DAY <= day <= LAST_DAY:
            self.errors.add(path, "outside 1990-01-01 … 2100-12-31")
            return None
        return day

    def choice(self, value: Any, path: str, enum: type[E]) -> E | None:
        options = [member.value for member in enum]
        if isinstance(value, str):
            for member in enum:
                if member.value == value:
                    return member
        self.errors.add(path, f"must be one of: {', '.join(options)}")
        return None

    def text(self, value: Any, path: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.errors.add(path, "must be a non-empty string")
            return None
        return value.strip()
