"""``greendesk portfolio summary [--json]``: the dashboard's figures, for scripts and terminals.

The same ``services.portfolio_summary`` figures the window's dashboard charts, over the loans
the filters select (all current loans by default). Money is printed with two decimals (JSON:
strings), tonnes with three, shares as fractions to four places.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, print_json, resolve_db_url
from greendesk.commands._filters import add_filter_arguments, filter_from_args
from greendesk.commands.loans import table
from greendesk.domain.money import format_money

if TYPE_CHECKING:
    from greendesk.services.portfolio_summary import Group, PortfolioSummary

# (section, title, key heading, extra figures shown)
SECTIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("by_class", "Loans and amounts by class", "class", ()),
    ("by_category", "Green share by catalogue category", "category",
     ("green_amount", "green_share")),
    ("collateral", "Collateral mix (count = pledges, amount = eligible value)", "type",
     ("loans", "value")),
    ("coverage", "Coverage distribution", "band", ()),
    ("maturity", "Maturity ladder (disbursed loans, by final maturity year)", "year", ()),
    ("benefit", "Environmental benefit by class", "class",
     ("co2e_reduction_t", "carbon_sink_t")),
)  # fmt: skip


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("portfolio", help="portfolio figures (summary, pipeline)")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    summary = verbs.add_parser("summary", help="the dashboard's figures (a text report, or --json)")
    add_db_argument(summary)
    summary.add_argument("--json", action="store_true", help="JSON instead of text")
    summary.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of the category names"
    )
    add_filter_arguments(summary)
    summary.set_defaults(handler=run)
    pipeline = verbs.add_parser(
        "pipeline",
        help="project libraries: projects, investment, loan demand, credit granted, disbursed",
        description="The project libraries' reported figures (the Gansu climate "
        "investment-and-financing library …), each with its source, and the bank's projects "
        "recorded in libraries (the same report as 'greendesk programmes pipeline').",
    )
    pipeline.add_argument("--json", action="store_true", help="print JSON instead of text")
    pipeline.add_argument("--lang", choices=("zh", "en"), default="en", help="report language")
    add_db_argument(pipeline)
    pipeline.set_defaults(handler=_pipeline)


def _pipeline(args: argparse.Namespace) -> int:
    from greendesk.commands.programmes import run_pipeline

    return run_pipeline(args)


def _text(name: str, value: Decimal) -> str:
    if name in ("green_amount", "value"):
        return format_money(value, grouped=True)
    if name == "loans":
        return str(int(value))
    return str(value)


def _json_value(name: str, value: Decimal) -> Any:
    if name == "loans":
        return int(value)
    if name in ("green_amount", "value", "eligible_value"):
        return format_money(value)
    return str(value)


def as_json(summary: PortfolioSummary) -> dict[str, Any]:
    """The JSON contract: counts as numbers, money and ratios as exact strings."""

    def group(g: Group) -> dict[str, Any]:
        data: dict[str, Any] = {"key": g.key, "count": g.count, "amount": format_money(g.amount)}
        data.update({name: _json_value(name, value) for name, value in g.extra})
        return data

    out: dict[str, Any] = {"loans": summary.loans, "amount": format_money(summary.amount)}
    for section, *_ in SECTIONS:
        out[section] = [group(g) for g in getattr(summary, section)]
    out["category_names"] = summary.category_names
    return out


def as_text(summary: PortfolioSummary) -> str:
    lines = [f"{summary.loans} loans, {format_money(summary.amount, grouped=True)} CNY", ""]
    for section, title, heading, extras in SECTIONS:
        groups = getattr(summary, section)
        lines.append(title)
        if not groups:
            lines += ["  (none)", ""]
            continue
        rows = [(heading, "count", "amount", *extras)]
        for g in groups:
            key = g.key or "-"
            if section == "by_category" and g.key in summary.category_names:
                key = f"{g.key} {summary.category_names[g.key]}"
            figures = dict(g.extra)
            rows.append((key, str(g.count), format_money(g.amount, grouped=True),
                         *(_text(name, figures[name]) for name in extras)))  # fmt: skip
        right = (False, True, True, *(True for _ in extras))
        lines += ["  " + line for line in table(rows, right).splitlines()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    from greendesk.services.portfolio_summary import portfolio_summary
    from greendesk.services.seeding import open_desk

    wanted = filter_from_args(args)
    db = open_desk(resolve_db_url(args.db))
    try:
        summary = portfolio_summary(db, wanted, args.lang)
    finally:
        db.dispose()
    if args.json:
        print_json(as_json(summary))
    else:
        print(as_text(summary), end="")
    return 0
