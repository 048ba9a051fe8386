"""``greendesk collateral [LOAN_REF]``: pledges, values, coverage and alerts per loan.

Values every pledge on ``--as-of`` (default today) from the stored reference prices or its
appraisal; prints a readable report, or JSON with ``--json`` (amounts as exact strings).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, print_json, resolve_db_url
from greendesk.domain.errors import UserError

if TYPE_CHECKING:
    from greendesk.services.assessment import LoanCollateralReport


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "collateral",
        help="value each loan's pledges: values, coverage, alerts",
        description="Value the pledges of one loan (LOAN_REF) or of every current loan on a "
        "date, from the stored reference prices and appraisals: value, eligible value "
        "(value × pledge rate), coverage against the loan amount, and alerts.",
    )
    parser.add_argument("reference", metavar="LOAN_REF", nargs="?", help="one loan's reference")
    parser.add_argument(
        "--as-of", metavar="DATE", default=None, help="valuation date YYYY-MM-DD (default today)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_db_argument(parser)
    parser.set_defaults(handler=run)


def _as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--as-of: {text!r} is not a date (YYYY-MM-DD)") from None


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def report_json(reports: list[LoanCollateralReport]) -> list[dict[str, Any]]:
    return [_plain(asdict(r)) for r in reports]


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def report_text(reports: list[LoanCollateralReport]) -> str:
    lines: list[str] = []
    for r in reports:
        coverage = "—" if r.coverage is None else f"{r.coverage:.4f}"
        threshold = "—" if r.coverage_threshold is None else str(r.coverage_threshold)
        lines.append(f"{r.reference}  {r.borrower}")
        lines.append(
            f"  exposure {_money(r.exposure)} {r.currency}   maturity {r.maturity_date or '—'}"
            f"   as of {r.as_of}"
        )
        for p in r.pledges:
            basis = p.basis
            if p.unit_price is not None:
                basis = (
                    f"{p.quantity} {p.unit or ''} × {p.unit_price} ({p.instrument} {p.value_date})"
                )
            elif p.basis == "appraisal":
                basis = f"appraisal {p.value_date}"
            lines.append(
                f"  [{p.seq}] {p.type_name}: value {_money(p.value)} × {p.pledge_rate} = "
                f"{_money(p.eligible_value)}   {basis}   {p.registry}"
            )
        lines.append(
            f"  total value {_money(r.total_value)}   eligible {_money(r.total_eligible)}   "
            f"coverage {coverage} (threshold {threshold})"
        )
        for a in r.alerts:
            lines.append(f"  ! {a.severity}: {a.message}")
        lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from greendesk.services.assessment import collateral_report
    from greendesk.store.database import open_database

    as_of = _as_of(args.as_of)
    db = open_database(resolve_db_url(args.db))
    try:
        reports = collateral_report(db, args.reference, as_of)
    finally:
        db.dispose()
    if args.json:
        print_json(report_json(reports))
    else:
        print(report_text(reports), end="")
    return 0
