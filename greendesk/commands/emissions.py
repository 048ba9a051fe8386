"""``greendesk emissions [--as-of DATE] [--json]``: the book's financed emissions (PCAF Part A).

Per loan: outstanding principal, PCAF option and data-quality score, attribution factor,
the borrower's (or project's) emissions, financed scope 1+2 and scope 3, and avoided emissions
beside them (never netted); then totals by class, catalogue category and region with the
outstanding-weighted data-quality score. Figures are exact strings in JSON.
``greendesk emissions inputs set | show`` records and reads the inputs (``_emission_inputs``).
"""

from __future__ import annotations

import argparse
import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, date_argument, print_json, resolve_db_url
from greendesk.commands._emission_inputs import register_inputs

if TYPE_CHECKING:
    from greendesk.services.emissions import EmissionsReport, GroupTotal


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "emissions", help="financed and avoided emissions of the book (PCAF), per loan and totals"
    )
    parser.add_argument("--as-of", type=date_argument, metavar="DATE", help="default: today")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="category names")
    parser.add_argument("--json", action="store_true")
    add_db_argument(parser)
    parser.set_defaults(handler=run)
    register_inputs(parser.add_subparsers(dest="emissions_command", metavar="ACTION"))


def _plain(value: Any) -> Any:
    from greendesk.services.audit import to_jsonable

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return format(value, "f")
    return to_jsonable(value)


def _t(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


def _group_line(g: GroupTotal) -> str:
    score = "—" if g.score is None else f"{g.score}"
    return (
        f"  {g.key or '(none)':<28} {g.loans:>4} {_t(g.outstanding):>22} {_t(g.financed_t):>16}"
        f" {_t(g.financed_scope3_t):>14} {_t(g.avoided_t):>14}  {score:>5}"
    )


def report_text(report: EmissionsReport) -> str:
    lines = [
        f"Financed emissions as of {report.as_of} (tCO2e a year; factors {report.factors_version})",
        f"{'loan':<16} {'option':>6} {'score':>5} {'outstanding':>20} {'AF':>10} "
        f"{'financed':>14} {'scope 3':>12} {'avoided':>12}",
    ]
    for x in report.loans:
        af = "—" if x.attribution is None else f"{x.attribution * 100:.4f}%"
        lines.append(
            f"{x.reference:<16} {x.option or '—':>6} {x.score or '—':>5} {_t(x.outstanding):>20} "
            f"{af:>10} {_t(x.financed_t):>14} {_t(x.financed_scope3_t):>12} "
            f"{_t(x.avoided_t):>12}" + ("  ASSUMED" if x.assumed else "")
        )
        lines += [f"    note: {n}" for n in x.notes]
    head = f"  {'':<28} {'loans':>4} {'outstanding':>22} {'financed':>16} {'scope 3':>14} "
    head += f"{'avoided':>14}  score"
    for title, groups in (
        ("by class", report.by_class),
        ("by catalogue category", report.by_category),
        ("by region", report.by_region),
    ):
        lines += [title, head, *(_group_line(g) for g in groups)]
    lines += ["total", _group_line(report.total)]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from greendesk.services.emissions import emissions_report
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        report = emissions_report(db, args.as_of, args.lang)
    finally:
        db.dispose()
    if args.json:
        print_json(_plain(report))
    else:
        print(report_text(report))
    return 0
