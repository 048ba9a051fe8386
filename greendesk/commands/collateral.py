"""``greendesk collateral [LOAN_REF]``: pledges, values, coverage and alerts per loan.

Values every pledge on ``--as-of`` (default today) from the stored reference prices or its
appraisal; prints a readable report in ``--lang`` (English by default), or JSON with ``--json``
(amounts as exact strings; every alert carries ``zh`` and ``en`` and the English ``message``).
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

LANGS = ("zh", "en")

# The text report's own words: (zh, en).
WORDS: dict[str, tuple[str, str]] = {
    "exposure": ("贷款金额", "exposure"),
    "maturity": ("到期日", "maturity"),
    "as_of": ("估值日", "as of"),
    "value": ("价值", "value"),
    "appraisal": ("评估", "appraisal"),
    "total_value": ("押品总价值", "total value"),
    "eligible": ("可抵质押价值", "eligible"),
    "coverage": ("覆盖率", "coverage"),
    "threshold": ("阈值", "threshold"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
}


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
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default="en",
        help="language of the text report (default en); --json always carries both",
    )
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


def _type_name(key: str, stored: str, lang: str) -> str:
    """The collateral type's name in ``lang`` (the report carries the Chinese one)."""
    from greendesk.domain.collateral import load_collateral_types

    found = load_collateral_types().get(key)
    if found is None:
        return stored
    return found.name_zh if lang == "zh" else found.name_en


def report_text(reports: list[LoanCollateralReport], lang: str = "en") -> str:
    """The readable report; figures are the same in both languages, only the words change."""

    def w(key: str) -> str:
        zh, en = WORDS.get(key, (key, key))
        return zh if lang == "zh" else en

    lines: list[str] = []
    for r in reports:
        coverage = "—" if r.coverage is None else f"{r.coverage:.4f}"
        threshold = "—" if r.coverage_threshold is None else str(r.coverage_threshold)
        lines.append(f"{r.reference}  {r.borrower}")
        lines.append(
            f"  {w('exposure')} {_money(r.exposure)} {r.currency}   "
            f"{w('maturity')} {r.maturity_date or '—'}   {w('as_of')} {r.as_of}"
        )
        for p in r.pledges:
            basis = p.basis
            if p.unit_price is not None:
                basis = (
                    f"{p.quantity} {p.unit or ''} × {p.unit_price} ({p.instrument} {p.value_date})"
                )
            elif p.basis == "appraisal":
                basis = f"{w('appraisal')} {p.value_date}"
            name = _type_name(p.collateral_type, p.type_name, lang)
            lines.append(
                f"  [{p.seq}] {name}: {w('value')} {_money(p.value)} × {p.pledge_rate} = "
                f"{_money(p.eligible_value)}   {basis}   {p.registry}"
            )
        lines.append(
            f"  {w('total_value')} {_money(r.total_value)}   "
            f"{w('eligible')} {_money(r.total_eligible)}   "
            f"{w('coverage')} {coverage} ({w('threshold')} {threshold})"
        )
        for a in r.alerts:
            lines.append(f"  ! {w(a.severity)}: {a.in_lang(lang)}")
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
        print(report_text(reports, args.lang), end="")
    return 0
