"""``greendesk rates list | add | set | delete``: the published base rates (LPR1Y, LPR5Y).

A rate is annual, as a fraction (``0.0300``) or a percentage (``3.00%``), in force from its
effective date. Only an administrator may change one; a record is named by its id or by name and
effective date, and ``set``/``delete`` hand the record they read back to the service as the lock
(``--expect-rate`` states the rate a script believes is current).
"""

from __future__ import annotations

import argparse
import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, login, print_json, resolve_db_url
from greendesk.commands._reference_data import (
    add_acting,
    add_target,
    find,
    parse_rate_option,
    plain,
)
from greendesk.domain.errors import UserError

if TYPE_CHECKING:
    from greendesk.services.records.results import RateRecord

RATE_HELP = "annual: 3.00%% or 3.00 (1 or more is a percentage) or 0.0300 (below 1, a fraction)"


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "rates", help="list, add, correct, delete the base rates (LPR1Y, LPR5Y)"
    )
    inner = parser.add_subparsers(dest="rates_command", metavar="ACTION", required=True)

    listing = inner.add_parser("list", help="base rates by name, newest effective date first")
    listing.add_argument("--name", metavar="NAME", help="only this rate, e.g. LPR5Y")
    listing.add_argument("--json", action="store_true", help="rates as exact strings")
    add_db_argument(listing)
    listing.set_defaults(handler=run_list)

    add = inner.add_parser("add", help="record a base rate in force from DATE")
    add.add_argument("name", metavar="NAME", help="LPR1Y or LPR5Y")
    add.add_argument("effective_date", metavar="DATE", help="YYYY-MM-DD")
    add.add_argument("rate", metavar="RATE", help=RATE_HELP)
    add.add_argument("--source", default="", help="where the rate was published")
    add.add_argument("--json", action="store_true")
    add_acting(add, "ADMIN")
    add.set_defaults(handler=run_add)

    change = inner.add_parser("set", help="correct a base rate")
    add_target(change, "NAME")
    change.add_argument("--rate", help=RATE_HELP)
    change.add_argument("--date", dest="new_date", metavar="DATE", help="the corrected date")
    change.add_argument("--name", dest="new_name", metavar="NAME", help="LPR1Y or LPR5Y")
    change.add_argument("--source", help="the corrected source ('' clears it)")
    _expect(change)
    change.add_argument("--json", action="store_true")
    add_acting(change, "ADMIN")
    change.set_defaults(handler=run_set)

    delete = inner.add_parser("delete", help="delete a base rate")
    add_target(delete, "NAME")
    _expect(delete)
    delete.add_argument("--json", action="store_true")
    add_acting(delete, "ADMIN")
    delete.set_defaults(handler=run_delete)


def _expect(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--expect-rate",
        metavar="RATE",
        help="refuse unless the stored rate is still RATE (a script's optimistic lock)",
    )


def _as_json(record: RateRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "name": record.name,
        "effective_date": record.effective_date.isoformat(),
        "rate": plain(record.rate),
        "source": record.source,
    }


def _percent(rate: Decimal) -> str:
    return f"{plain(rate.scaleb(2))}%"


def _line(record: RateRecord) -> str:
    return (
        f"{record.id:>5}  {record.name:<6} {record.effective_date.isoformat()}  "
        f"{plain(record.rate):>8} ({_percent(record.rate)})  {record.source or ''}"
    ).rstrip()


def _short(record: RateRecord) -> str:
    return (
        f"rate {record.id}: {record.name} from {record.effective_date.isoformat()} "
        f"{plain(record.rate)} ({_percent(record.rate)})"
    )


def _expected(current: RateRecord, expect_rate: str | None) -> RateRecord:
    if expect_rate is None:
        return current
    rate = parse_rate_option(expect_rate, "--expect-rate")
    return dataclasses.replace(current, rate=rate)


def run_list(args: argparse.Namespace) -> int:
    from greendesk.services.records.market_data import list_rates
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        records = list_rates(db, args.name.upper() if args.name else None)
    finally:
        db.dispose()
    if args.json:
        print_json([_as_json(r) for r in records])
        return 0
    for record in records:
        print(_line(record))
    return 0


def run_add(args: argparse.Namespace) -> int:
    from greendesk.services.records.inputs import RateInput
    from greendesk.services.records.market_data import add_rate
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        data = RateInput(
            name=args.name.strip().upper(),
            effective_date=args.effective_date,
            rate=args.rate,
            source=args.source,
        )
        record = add_rate(db, actor, data)
    finally:
        db.dispose()
    _report("added", record, args.json)
    return 0


def run_set(args: argparse.Namespace) -> int:
    from greendesk.services.records.inputs import RateInput
    from greendesk.services.records.market_data import list_rates, update_rate
    from greendesk.store.database import open_database

    if all(v is None for v in (args.rate, args.new_date, args.new_name, args.source)):
        raise UserError("nothing to change: give --rate, --date, --name or --source")
    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        current = find(list_rates(db), args.record, args.on, "rate", "effective_date", "name")
        data = RateInput(
            name=current.name if args.new_name is None else args.new_name.strip().upper(),
            effective_date=_given(args.new_date, current.effective_date.isoformat()),
            rate=plain(current.rate) if args.rate is None else args.rate,
            source=(current.source or "") if args.source is None else args.source,
        )
        expected = _expected(current, args.expect_rate)
        record = update_rate(db, actor, current.id, data, expected=expected)
    finally:
        db.dispose()
    _report("corrected", record, args.json)
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from greendesk.services.records.market_data import delete_rate, list_rates
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        current = find(list_rates(db), args.record, args.on, "rate", "effective_date", "name")
        delete_rate(db, actor, current.id, expected=_expected(current, args.expect_rate))
    finally:
        db.dispose()
    _report("deleted", current, args.json)
    return 0


def _given(value: str | None, current: str) -> str:
    return current if value is None else value


def _report(done: str, record: RateRecord, as_json: bool) -> None:
    if as_json:
        print_json({"action": done, **_as_json(record)})
        return
    print(f"{done} {_short(record)}")
