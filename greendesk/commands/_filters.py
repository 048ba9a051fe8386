"""The loan-list filters as command-line options, shared by ``loans`` and ``portfolio``.

The window's filter bar and these options build the same ``services.loan_filter.LoanFilter``,
so a script and the window list the same loans. Options naming a value may be repeated (any of
them matches); different options must all hold.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from greendesk.commands._common import date_argument
from greendesk.domain.validation import COVERAGE_BAND_KEYS

if TYPE_CHECKING:
    from greendesk.services.loan_filter import LoanFilter


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (repeat an option for any of several values)")
    group.add_argument("--search", default="", metavar="WORDS",
                       help="words that must all occur: reference, borrower, credit code, "
                       "project, region, officer, catalogue code")  # fmt: skip
    for option, metavar, text in (
        ("--class", "CLASS", "green, transition, carbon_linked, conventional"),
        ("--status", "STATUS", "draft, submitted, … disbursed, closed"),
        ("--region", "REGION", "a province (新疆) or prefecture ('新疆 昌吉州')"),
        ("--category", "V:N", "catalogue top category, e.g. 2019:3"),
        ("--officer", "USERNAME", "the officer of record"),
        ("--collateral", "TYPE", "loans with a pledge of this collateral type, e.g. cea"),
        ("--coverage", "BAND", "coverage band: " + ", ".join(COVERAGE_BAND_KEYS)),
    ):
        dest = option.removeprefix("--").replace("class", "classes")
        group.add_argument(option, dest=dest, action="append", default=[], metavar=metavar,
                           help=text)  # fmt: skip
    group.add_argument("--coverage-below", metavar="RATIO", default=None,
                       help="valued loans with coverage below RATIO (1.3 or 130%%)")  # fmt: skip
    for option in ("--start-from", "--start-to", "--maturity-from", "--maturity-to"):
        group.add_argument(option, type=date_argument, default=None, metavar="YYYY-MM-DD",
                           help="inclusive")  # fmt: skip


def filter_from_args(args: argparse.Namespace) -> LoanFilter:
    """The ``LoanFilter`` the options ask for (its values are checked by the service)."""
    from greendesk.services.loan_filter import LoanFilter, parse_ratio  # not at parse time

    below = args.coverage_below
    return LoanFilter(
        search=args.search,
        classes=tuple(args.classes),
        statuses=tuple(args.status),
        regions=tuple(args.region),
        categories=tuple(args.category),
        officers=tuple(args.officer),
        collateral=tuple(args.collateral),
        coverage_bands=tuple(args.coverage),
        coverage_below=None if below is None else parse_ratio(below),
        start_from=args.start_from,
        start_to=args.start_to,
        maturity_from=args.maturity_from,
        maturity_to=args.maturity_to,
    )
