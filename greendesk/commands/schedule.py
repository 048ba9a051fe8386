"""``greendesk schedule TERMS.json``: compute a repayment schedule from loan terms.

Reads the TERMS JSON (``-`` for standard input), prints the schedule as JSON (default) or CSV,
or writes it to ``-o FILE``. Bad input lists every violated rule as ``path: rule`` and exits
with status 2, without a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from greendesk.commands._common import read_json_file
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
    schedule = build_schedule(terms)
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
