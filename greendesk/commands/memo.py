"""``greendesk memo LOAN_REF -o FILE.pdf``: the credit memo (授信审批报告) of one loan."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

from greendesk.commands._common import add_db_argument, date_argument, resolve_db_url
from greendesk.domain.errors import UserError
from greendesk.reporting.templates import LANGUAGES  # a constant; the module is stdlib-only


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("memo", help="write a loan's credit memo as a PDF")
    parser.add_argument("reference", metavar="LOAN_REF", help="the loan's reference")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="PDF to write")
    parser.add_argument("--lang", choices=LANGUAGES, default="zh", help="language (default zh)")
    parser.add_argument(
        "--date",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="memo date and valuation date (default today)",
    )
    add_db_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.services.reports import write_memo
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    buffer = io.BytesIO()  # render first: a failed memo leaves no half-written file behind
    try:
        pages = write_memo(db, args.reference, buffer, args.lang, args.date)
    finally:
        db.dispose()
    try:
        Path(args.output).write_bytes(buffer.getvalue())
    except OSError as exc:
        raise UserError(f"-o: cannot write {args.output} ({exc.strerror})") from None
    print(f"{args.output}: {pages} pages", file=sys.stderr)
    return 0
