"""Column types that keep money, exact decimals and instants exact on SQLite and PostgreSQL.

SQLite has no decimal type and no time zones: money is stored as integer fen, other exact decimals
(rates, tonnes, prices) as canonical text, and instants as UTC with the zone put back on load.
A float never gets in: binding one raises instead of silently rounding.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, String
from sqlalchemy.types import TypeDecorator

from greendesk.domain.money import from_fen, to_fen
from greendesk.domain.validation import LIMITS, canonical_decimal


def _as_decimal(value: Any, what: str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    raise TypeError(f"{what} must be a Decimal (got {type(value).__name__}: {value!r})")


class Money(TypeDecorator[Decimal]):
    """An amount in yuan: ``Decimal`` with two places in Python, integer fen in the database."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return to_fen(_as_decimal(value, "money"))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return from_fen(int(value))


class ExactDecimal(TypeDecorator[Decimal]):
    """A rate, quantity or price: ``Decimal`` in Python, canonical text in the database.

    Text does not sort or compare as a number: never ORDER BY or compare these columns in SQL —
    load them and compare in Python (money, which is integer fen, is safe to sort in SQL).
    """

    impl = String(LIMITS["decimal_text"])
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return canonical_decimal(_as_decimal(value, "exact decimal"))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(value)


class UTCDateTime(TypeDecorator[datetime]):
    """A time-zone-aware instant, stored in UTC; SQLite's naive values get UTC re-attached."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"timestamp must be a datetime (got {type(value).__name__})")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"timestamp {value.isoformat()} has no time zone; use UTC")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """Now, as an aware UTC instant (the only clock the store uses)."""
    return datetime.now(UTC)
