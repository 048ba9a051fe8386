"""What ``prices``, ``rates`` and ``quorum`` share: the acting user, addressing a record, output.

The acting user logs in exactly as for ``users`` and ``workflow``: ``--as NAME`` with the
password from $GREENDESK_PASSWORD or a prompt. A dated record is named either by its id or by
its series and date (``CEA 2026-09-30``), so a nightly script needs no id look-up.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol, TypeVar

from greendesk.commands._common import PASSWORD_ENV, add_db_argument
from greendesk.domain.errors import UserError
from greendesk.domain.numbers import parse_number, parse_rate

if TYPE_CHECKING:
    pass

TARGET_HELP = "the record's id, or its series followed by DATE (CEA 2026-09-30, LPR1Y 2025-05-20)"


class Dated(Protocol):
    """A price or rate record as the services return it."""

    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=Dated)


def add_acting(parser: argparse.ArgumentParser, who: str = "USER") -> None:
    """--db and the required --as: every change names the user who makes it."""
    add_db_argument(parser)
    parser.add_argument(
        "--as",
        dest="acting",
        required=True,
        metavar=who,
        help=f"the user who makes the change (password: ${PASSWORD_ENV} or a prompt)",
    )


def plain(number: Decimal) -> str:
    """An exact decimal as text, never in exponent form (``Decimal('1E+2')`` -> ``'100'``)."""
    return format(number, "f")


def price_text(number: Decimal) -> str:
    """A price as a desk reads it: at least two decimals (``75.5`` -> ``75.50``), never rounded."""
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        number = number.quantize(Decimal("0.01"))
    return plain(number)


def parse_exact(text: str, option: str) -> Decimal:
    """A number given on the command line for comparison (e.g. ``--expect-price``)."""
    try:
        return parse_number(text)
    except ValueError as exc:
        raise UserError(f"{option}: {exc} ({text!r})") from None


def parse_rate_option(text: str, option: str) -> Decimal:
    """A rate given on the command line (``--expect-rate``), read by ``numbers.RATE_RULE``."""
    try:
        return parse_rate(text)
    except ValueError as exc:
        raise UserError(f"{option}: {exc} ({text!r})") from None


def add_target(parser: argparse.ArgumentParser, series: str) -> None:
    """The record to change: ``ID``, or ``SERIES DATE`` (e.g. ``CEA 2026-09-30``)."""
    parser.add_argument("record", metavar=f"ID|{series}", help=TARGET_HELP)
    parser.add_argument("on", nargs="?", metavar="DATE", help=f"the date, after {series}")


def find(
    records: Sequence[R], record: str, on: str | None, what: str, dated: str, series_of: str
) -> R:
    """The one record named by ``record`` alone (an id) or by ``record on`` (series and date).

    ``dated`` and ``series_of`` are the record's attribute names for the date and the series
    (``price_date``/``instrument`` or ``effective_date``/``name``).
    """
    if on is None:
        text = record.strip()
        if not text.isdigit():
            raise UserError(f"{what}: give an id, or the series and the date (e.g. CEA 2026-09-30)")
        wanted = int(text)
        for found in records:
            if found.id == wanted:
                return found
        raise UserError(f"{what} {wanted} does not exist")
    series = record.strip().upper()
    try:
        day = date.fromisoformat(on.strip())
    except ValueError:
        raise UserError(f"{dated}: not a date (YYYY-MM-DD) ({on!r})") from None
    for found in records:
        if getattr(found, series_of) == series and getattr(found, dated) == day:
            return found
    raise UserError(f"{what}: there is no {series} {what} for {day.isoformat()}")


def revalued_text(count: int) -> str:
    return f"revalued {count} loan{'' if count == 1 else 's'}"
