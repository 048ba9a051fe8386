"""``greendesk export -o FILE.xlsx``: the portfolio workbook for head office."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from greendesk.commands._common import add_db_argument, date_argument, resolve_db_url
from greendesk.domain.errors import UserError
from greendesk.reporting.templates import LANGUAGES, UNITS  # a constant; the module is stdlib-only


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("export", help="write the portfolio workbook (.xlsx)")
    parser.add_argument("-o", "--output", metavar="FILE.xlsx", required=True, help="file to write")
    parser.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="figures as of this date (default today)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="zh", help="language (default zh)")
    parser.add_argument(
        "--unit",
        choices=tuple(UNITS),
        default="yuan",
        help="also show money in 万元 (wan) or 亿元 (yi), beside the exact 元 (default yuan)",
    )
    add_db_argument(parser)
    parser.set_defaults(handler=run)


def _progress(done: int, total: int) -> None:
    print(f"\rexport: {done:,}/{total:,} loans", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from greendesk.services.report_portfolio import export_portfolio
    from greendesk.store.database import open_database

    as_of = args.as_of or date.today()
    db = open_database(resolve_db_url(args.db))
    try:
        target = Path(args.output)
        if target.is_dir():
            raise UserError(f"-o: {args.output} is a folder; give the workbook's file name")
        try:
            with target.open("wb") as out:
                stats = export_portfolio(
                    db, out, as_of=as_of, lang=args.lang, progress=_progress, unit=args.unit
                )
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise UserError(f"-o: cannot write {args.output} ({exc.strerror})") from None
        except BaseException:
            target.unlink(missing_ok=True)  # no half-written workbook left behind
            raise
    finally:
        db.dispose()
    print(
        f"\n{args.output}: {stats.loans} loans, {stats.pledges} pledges, "
        f"{stats.syndicate_rows} lender rows, {stats.maturity_rows} maturity rows (as of {as_of})",
        file=sys.stderr,
    )
    return 0
