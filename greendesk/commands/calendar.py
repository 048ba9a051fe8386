"""``greendesk calendar import FILE --as ADMIN [--replace]`` and ``greendesk calendar show YEAR``.

``import`` loads the official holidays and working weekends of one year from the State
Council's notice, written as CSV (``date,kind,name``) or JSON (see ``domain.calendar_file``),
and re-derives the payment dates of every stored CN loan dated in that year, all in one
transaction with an audit event per loan; it prints the loans whose dates or interest moved.
A year already official is refused unless ``--replace``. ``show`` lists what the desk believes
of a year (official days with their source, or the projected days and the rule) and exits 0.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import (
    add_db_argument,
    date_argument,
    login,
    print_json,
    resolve_db_url,
)
from greendesk.commands._reference_data import add_acting
from greendesk.domain.errors import UserError

if TYPE_CHECKING:
    from greendesk.services.calendar import ImportResult, YearView

_WEEKDAYS = "一二三四五六日"


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year such as 2027") from None
    if not 1990 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"{value} is outside 1990–2100")
    return value


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "calendar", help="the CN holiday calendar: load a State Council notice, show a year"
    )
    inner = parser.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)

    load = inner.add_parser(
        "import",
        help="load a year's official holidays and working weekends, re-derive loans' dates",
        description="Load one year's official holidays (kind holiday) and working weekend "
        "days (kind workday) from a UTF-8 CSV file with the header date,kind,name, or a JSON "
        'file {"year", "notice", "days": [{"date", "kind", "name"}]}.',
    )
    load.add_argument("file", metavar="FILE", help="the notice as CSV or JSON")
    load.add_argument("--replace", action="store_true", help="load over a year already official")
    load.add_argument("--year", type=_year, help="the year (default: the file's)")
    load.add_argument("--notice", default="", help="the notice's title, kept as the source")
    load.add_argument(
        "--as-of",
        type=date_argument,
        metavar="DATE",
        help="periods of disbursed loans due before DATE count as paid (default: today)",
    )
    load.add_argument("--json", action="store_true", help="the result as JSON")
    add_acting(load, "ADMIN")
    load.set_defaults(handler=run_import)

    show = inner.add_parser("show", help="what the desk believes of a year, and from where")
    show.add_argument("year", type=_year, metavar="YEAR")
    show.add_argument("--json", action="store_true")
    add_db_argument(show)
    show.set_defaults(handler=run_show)


def _result_json(result: ImportResult) -> dict[str, Any]:
    return {
        "year": result.year,
        "replaced": result.replaced,
        "holidays": result.holidays,
        "workdays": result.workdays,
        "calendar_version_before": result.old_version,
        "calendar_version": result.new_version,
        "rederived_loans": result.rederived,
        "moved": [
            {
                "loan_id": loan.loan_id,
                "reference": loan.reference,
                "kept_paid_periods": list(loan.kept),
                "periods": [
                    {
                        "no": p.no,
                        "payment_date_before": p.old_date.isoformat(),
                        "payment_date": p.new_date.isoformat(),
                        "interest_before": str(p.old_interest),
                        "interest": str(p.new_interest),
                    }
                    for p in loan.moved
                ],
            }
            for loan in result.moved
        ],
        "not_rederived": list(result.not_rederived),
    }


def run_import(args: argparse.Namespace) -> int:
    from greendesk.services.calendar import import_year
    from greendesk.store.database import open_database

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{args.file}: cannot read ({exc.strerror})") from None
    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        result = import_year(
            db,
            actor,
            data,
            path.name,
            replace=args.replace,
            year=args.year,
            notice=args.notice,
            as_of=args.as_of,
        )
    finally:
        db.dispose()
    if args.json:
        print_json(_result_json(result))
        return 0
    verb = "replaced" if result.replaced else "loaded"
    print(
        f"{result.year} {verb}: {result.holidays} holidays, {result.workdays} working weekend "
        f"days; calendar {result.new_version}"
    )
    print(f"{result.rederived} loans with dates in {result.year} re-derived (one audit event each)")
    if not result.moved:
        print("no loan's payment dates or interest moved")
    for loan in result.moved:
        print(f"{loan.reference} (loan {loan.loan_id}):")
        for p in loan.moved:
            print(
                f"  period {p.no:>3}: {p.old_date.isoformat()} -> {p.new_date.isoformat()}"
                f"  interest {p.old_interest} -> {p.new_interest}"
            )
        if loan.kept:
            kept = ", ".join(str(no) for no in loan.kept)
            print(f"  kept as paid: period {kept}")
    for line in result.not_rederived:
        print(f"not re-derived: {line}")
    return 0


def _view_json(view: YearView) -> dict[str, Any]:
    return {
        "year": view.year,
        "basis": view.basis,
        "source": view.source,
        "days": [{"date": d.day.isoformat(), "kind": d.kind, "name": d.name} for d in view.days],
    }


def run_show(args: argparse.Namespace) -> int:
    from greendesk.services.calendar import show_year
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        view = show_year(db, args.year)
    finally:
        db.dispose()
    if args.json:
        print_json(_view_json(view))
        return 0
    print(f"{view.year}: {view.basis} — {view.source}")
    for d in view.days:
        weekday = _WEEKDAYS[d.day.weekday()]
        label = "放假" if d.kind == "holiday" else "调休上班"
        print(f"  {d.day.isoformat()} 周{weekday}  {label:<4}  {d.name}".rstrip())
    return 0
