"""``greendesk prices list | add | set | delete | import``: carbon reference prices.

The same services as the Administration window, so the same rules: only an administrator may
change a price, every field is checked (``price: must be greater than 0``), one price per
instrument and date, and each change revalues every loan pledged with that instrument in the
same transaction — the command prints how many. A record is named by its id or by instrument and
date. ``set`` and ``delete`` pass the record they read back to the service as the lock; with
``--expect-price`` a script states the price it believes is current, and the change is refused
if the stored one differs (someone corrected it meanwhile).
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, login, print_json, resolve_db_url
from greendesk.commands._reference_data import (
    add_acting,
    add_target,
    find,
    parse_exact,
    plain,
    price_text,
    revalued_text,
)
from greendesk.domain.errors import UserError

if TYPE_CHECKING:
    from greendesk.domain.errors import FieldError
    from greendesk.services.records.inputs import PriceInput
    from greendesk.services.records.results import PriceRecord


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "prices", help="list, add, correct, delete carbon reference prices (CEA, CCER ...)"
    )
    inner = parser.add_subparsers(dest="prices_command", metavar="ACTION", required=True)

    listing = inner.add_parser("list", help="reference prices by instrument, newest first")
    listing.add_argument("--instrument", metavar="NAME", help="only this instrument, e.g. CEA")
    listing.add_argument("--json", action="store_true", help="prices as exact strings")
    add_db_argument(listing)
    listing.set_defaults(handler=run_list)

    add = inner.add_parser("add", help="record a price (revalues the loans pledged with it)")
    add.add_argument("instrument", metavar="INSTRUMENT", help="e.g. CEA, CCER")
    add.add_argument("price_date", metavar="DATE", help="YYYY-MM-DD")
    add.add_argument("price", metavar="PRICE", help="per unit, e.g. 72.50")
    add.add_argument("--unit", default="CNY/t", help="default: CNY/t")
    add.add_argument("--source", default="", help="where the price comes from")
    add.add_argument("--json", action="store_true")
    add_acting(add, "ADMIN")
    add.set_defaults(handler=run_add)

    change = inner.add_parser("set", help="correct a price (revalues the loans pledged with it)")
    add_target(change, "INSTRUMENT")
    change.add_argument("--price", help="the corrected price")
    change.add_argument("--date", dest="new_date", metavar="DATE", help="the corrected date")
    change.add_argument("--instrument", dest="new_instrument", metavar="NAME")
    change.add_argument("--unit")
    change.add_argument("--source", help="the corrected source ('' clears it)")
    _expect(change)
    change.add_argument("--json", action="store_true")
    add_acting(change, "ADMIN")
    change.set_defaults(handler=run_set)

    load = inner.add_parser(
        "import", help="record every price of a CSV file at once (all or none), then revalue"
    )
    load.add_argument(
        "file",
        metavar="FILE.csv",
        help="UTF-8 CSV with a header: instrument,date,price and optional unit,source",
    )
    load.add_argument("--json", action="store_true")
    add_acting(load, "ADMIN")
    load.set_defaults(handler=run_import)

    delete = inner.add_parser("delete", help="delete a price (revalues the loans pledged with it)")
    add_target(delete, "INSTRUMENT")
    _expect(delete)
    delete.add_argument("--json", action="store_true")
    add_acting(delete, "ADMIN")
    delete.set_defaults(handler=run_delete)


def _expect(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--expect-price",
        metavar="PRICE",
        help="refuse unless the stored price is still PRICE (a script's optimistic lock)",
    )


def _as_json(record: PriceRecord, revalued: int | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": record.id,
        "instrument": record.instrument,
        "price_date": record.price_date.isoformat(),
        "price": plain(record.price),
        "unit": record.unit,
        "source": record.source,
    }
    if revalued is not None:
        data["revalued_loans"] = revalued
    return data


def _line(record: PriceRecord) -> str:
    return (
        f"{record.id:>5}  {record.instrument:<16} {record.price_date.isoformat()}  "
        f"{price_text(record.price):>12} {record.unit:<8} {record.source or ''}"
    ).rstrip()


def _short(record: PriceRecord) -> str:
    return (
        f"price {record.id}: {record.instrument} {record.price_date.isoformat()} "
        f"{price_text(record.price)} {record.unit}"
    )


def _expected(current: PriceRecord, expect_price: str | None) -> PriceRecord:
    """The lock handed to the service: the record as read, or as the script believes it is."""
    if expect_price is None:
        return current
    return dataclasses.replace(current, price=parse_exact(expect_price, "--expect-price"))


def run_list(args: argparse.Namespace) -> int:
    from greendesk.services.records.market_data import list_prices
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        records = list_prices(db, args.instrument)
    finally:
        db.dispose()
    if args.json:
        print_json([_as_json(r) for r in records])
        return 0
    for record in records:
        print(_line(record))
    return 0


def run_add(args: argparse.Namespace) -> int:
    from greendesk.services.records.inputs import PriceInput
    from greendesk.services.records.market_data import add_price
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        data = PriceInput(
            instrument=args.instrument,
            price_date=args.price_date,
            price=args.price,
            unit=args.unit,
            source=args.source,
        )
        record = add_price(db, actor, data)
    finally:
        db.dispose()
    _report("added", record, record.revalued_loans, args.json)
    return 0


def run_set(args: argparse.Namespace) -> int:
    from greendesk.services.records.inputs import PriceInput
    from greendesk.services.records.market_data import list_prices, update_price
    from greendesk.store.database import open_database

    changes = (args.price, args.new_date, args.new_instrument, args.unit, args.source)
    if all(value is None for value in changes):
        raise UserError("nothing to change: give --price, --date, --instrument, --unit or --source")
    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        current = find(list_prices(db), args.record, args.on, "price", "price_date", "instrument")
        data = PriceInput(
            instrument=_given(args.new_instrument, current.instrument),
            price_date=_given(args.new_date, current.price_date.isoformat()),
            price=_given(args.price, plain(current.price)),
            unit=_given(args.unit, current.unit),
            source=_given(args.source, current.source or ""),
        )
        expected = _expected(current, args.expect_price)
        record = update_price(db, actor, current.id, data, expected=expected)
    finally:
        db.dispose()
    _report("corrected", record, record.revalued_loans, args.json)
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from greendesk.services.records.market_data import delete_price, list_prices
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        current = find(list_prices(db), args.record, args.on, "price", "price_date", "instrument")
        revalued = delete_price(
            db, actor, current.id, expected=_expected(current, args.expect_price)
        )
    finally:
        db.dispose()
    _report("deleted", current, revalued, args.json)
    return 0


REQUIRED_COLUMNS = ("instrument", "date", "price")


def read_price_file(path: Path) -> list[PriceInput]:
    """The rows of a price CSV as service input; a missing file or column is a user error."""
    import csv

    from greendesk.services.records.inputs import PriceInput

    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip().lower() for c in reader.fieldnames or []]
            missing = [c for c in REQUIRED_COLUMNS if c not in columns]
            if missing:
                raise UserError(f"{path}: missing column(s) {', '.join(missing)} in the header")
            rows = []
            for raw in reader:
                if None in raw:  # DictReader files surplus cells under the key None
                    raise UserError(
                        f"{path}: line {reader.line_num}: {len(raw) - 1 + len(raw[None])} "
                        f"cells, but the header has {len(columns)} columns"
                    )
                row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
                rows.append(
                    PriceInput(
                        instrument=row["instrument"],
                        price_date=row["date"],
                        price=row["price"],
                        unit=row.get("unit") or "CNY/t",
                        source=row.get("source", ""),
                    )
                )
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"{path}: not a UTF-8 CSV file ({exc})") from None
    if not rows:
        raise UserError(f"{path}: no price rows under the header")
    return rows


def run_import(args: argparse.Namespace) -> int:
    from greendesk.domain.errors import InvalidInput
    from greendesk.services.records.market_data import add_prices
    from greendesk.store.database import open_database

    path = Path(args.file)
    rows = read_price_file(path)
    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        try:
            added = add_prices(db, actor, rows)
        except InvalidInput as exc:
            # rows[i] is the file's line i + 2 (the header is line 1)
            raise InvalidInput([_file_line(e) for e in exc.errors], source=str(path)) from None
    finally:
        db.dispose()
    if args.json:
        records = [_as_json(r) for r in added.prices]
        print_json({"added": records, "revalued_loans": added.revalued_loans})
        return 0
    for record in added.prices:
        print(f"added {_short(record)}")
    count = len(added.prices)
    print(f"{count} price{'' if count == 1 else 's'} added; {revalued_text(added.revalued_loans)}")
    return 0


def _file_line(error: FieldError) -> FieldError:
    from greendesk.domain.errors import FieldError

    head, _, rest = error.path.partition(".")
    if head.startswith("rows[") and head.endswith("]"):
        line = int(head[5:-1]) + 2
        return FieldError(f"line {line}: {rest}" if rest else f"line {line}", error.rule)
    return error


def _given(value: str | None, current: str) -> str:
    return current if value is None else value


def _report(done: str, record: PriceRecord, revalued: int, as_json: bool) -> None:
    if as_json:
        print_json({"action": done, **_as_json(record, revalued)})
        return
    print(f"{done} {_short(record)}; {revalued_text(revalued)}")
