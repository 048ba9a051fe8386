"""``greendesk allocation --year Y [--loan REF] [--json]``: the yearly allocation and impact report.

Per loan and use-of-proceeds line: amount, allocated in the year, allocated to the year's end,
unallocated; per drawdown the same; and the project's expected yearly reduction with the share
the allocated proceeds finance. Without ``--loan``, every loan with use-of-proceeds lines.
"""

from __future__ import annotations

import argparse
import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, print_json, resolve_db_url
from greendesk.domain.errors import UserError

if TYPE_CHECKING:
    from greendesk.services.allocation import LoanAllocationReport


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year") from None
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"{year} is outside 2000-2100")
    return year


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "allocation", help="yearly use-of-proceeds allocation and impact report"
    )
    parser.add_argument("--year", required=True, type=_year, metavar="Y")
    parser.add_argument("--loan", metavar="REF", help="one loan only")
    parser.add_argument("--json", action="store_true")
    add_db_argument(parser)
    parser.set_defaults(handler=run)


def _plain(value: Any) -> Any:
    from greendesk.services.audit import to_jsonable

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for extra in ("allocated", "allocated_in_year", "unallocated"):
            if hasattr(type(value), extra):
                data[extra] = _plain(getattr(value, extra))
        return data
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return format(value, "f")
    return to_jsonable(value)


def _m(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


def report_text(reports: list[LoanAllocationReport]) -> str:
    lines: list[str] = []
    for r in reports:
        lines.append(f"{r.reference} {r.borrower} — {r.year}")
        lines.append(
            f"  {'line':<4} {'code':<12} {'amount':>18} {'in year':>18} {'allocated':>18} "
            f"{'unallocated':>18}  description"
        )
        for x in r.lines:
            lines.append(
                f"  {x.no:<4} {x.catalogue_code:<12} {_m(x.amount):>18} "
                f"{_m(x.allocated_in_year):>18} {_m(x.allocated):>18} {_m(x.unallocated):>18}"
                f"  {x.description}"
            )
        lines.append(
            f"  {'total':<17} {'':>18} {_m(r.allocated_in_year):>18} {_m(r.allocated):>18} "
            f"{_m(r.unallocated):>18}"
        )
        for d in r.drawdowns:
            lines.append(
                f"  drawdown {d.no} {d.date}: {_m(d.amount)} drawn, {_m(d.allocated)} allocated, "
                f"{_m(d.unallocated)} not yet"
            )
        if r.annual_co2e_reduction_t is not None:
            share = "—" if r.financed_share is None else f"{r.financed_share * 100:.2f}%"
            lines.append(
                f"  impact: {r.annual_co2e_reduction_t:,} tCO2e a year expected; allocated "
                f"proceeds finance {share} of the project → {_m(r.attributed_reduction_t)} t"
            )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from greendesk.services.allocation import loan_allocation, portfolio_allocation
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        if args.loan:
            reports = [loan_allocation(db, args.loan, args.year)]
            if not reports[0].lines:
                raise UserError(f"loan {args.loan}: no use-of-proceeds lines")
        else:
            reports = portfolio_allocation(db, args.year)
    finally:
        db.dispose()
    if args.json:
        print_json(_plain(reports))
    else:
        print(report_text(reports))
    return 0
