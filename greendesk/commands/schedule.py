"""``greendesk schedule TERMS.json``: compute a repayment schedule from loan terms.

Reads the TERMS JSON (``-`` for standard input), prints the schedule as JSON (default) or CSV,
or writes it to ``-o FILE``. Bad input lists every violated rule as ``path: rule`` and exits
with status 2, without a traceback.

Payment dates on ``calendar: "CN"`` use the shipped official years and, after them, the
projected holidays (each period says which: ``calendar_basis``). With ``--db URL`` (or
$GREENDESK_DB) the official years an administrator loaded into that desk count too; without
either the command opens no database at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from greendesk.commands._common import add_db_argument, read_json_file, resolve_db_url
from greendesk.domain.errors import UserError


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="compute a repayment and syndicate schedule from loan terms (JSON)",
        description="Compute the borrower's and each lender's repayment schedule from a TERMS "
        "JSON file (schema: resources/schemas/terms.schema.json).",
    )
    parser.add_argument("terms", metavar="TERMS.json", help="loan terms as JSON; '-' reads stdin")
    parser.add_argument(
        "--format", choices=("json", "csv"), default="json", help="output format (default json)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_db_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.domain.schedule import (
        build_schedule,
        parse_terms,
        schedule_to_csv,
        schedule_to_json,
    )

    data = read_json_file(args.terms)
    source = "<stdin>" if args.terms == "-" else args.terms
    try:
        terms = parse_terms(data)
    except UserError as exc:
        raise UserError(f"{source}: invalid terms\n{exc}") from None
    holidays = None
    url = resolve_db_url(args.db)
    if url and terms.calendar == "CN":
        from greendesk.services.calendar import desk_holiday_data
        from greendesk.store.database import open_database

        db = open_database(url)
        try:
            holidays = desk_holiday_data(db)
        finally:
            db.dispose()
    schedule = build_schedule(terms, holidays)
    if args.format == "csv":
        text = schedule_to_csv(schedule)
    else:
        text = json.dumps(schedule_to_json(schedule), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{args.output}: cannot write ({exc.strerror})") from None
    else:
        sys.stdout.write(text)
    return 0
