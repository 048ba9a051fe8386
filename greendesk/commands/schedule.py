"""``greendesk schedule TERMS.json``: compute a repayment schedule from loan terms.

Reads the TERMS JSON (``-`` for standard input), prints the schedule as JSON (default) or CSV,
or writes it to ``-o FILE``. Bad input lists every violated rule as ``path: rule`` and exits
with status 2, without a traceback.

Payment dates on ``calendar: "CN"`` use the shipped official years and, after them, the
projected holidays (each period says which: ``calendar_basis``). With ``--db URL`` (or
$GREENDESK_DB) the official years an administrator loaded into that desk count too; without
either the command opens no database at all.

``greendesk schedule --loan REF [--version N]`` prints a stored loan's current schedule (the
ratchet its KPI results put in force) or an earlier version exactly as it was computed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from greendesk.commands._common import add_db_argument, read_json_file, resolve_db_url, whole_number
from greendesk.domain.errors import UserError


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="compute a repayment and syndicate schedule from loan terms (JSON)",
        description="Compute the borrower's and each lender's repayment schedule from a TERMS "
        "JSON file (schema: resources/schemas/terms.schema.json).",
    )
    parser.add_argument(
        "terms", metavar="TERMS.json", nargs="?", help="loan terms as JSON; '-' reads stdin"
    )
    parser.add_argument("--loan", metavar="REF", help="a stored loan's schedule instead")
    parser.add_argument(
        "--version",
        type=whole_number,
        metavar="N",
        help="with --loan: schedule version N (default: current)",
    )
    add_db_argument(parser)
    parser.add_argument(
        "--format", choices=("json", "csv"), default="json", help="output format (default json)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.domain.schedule import build_schedule, parse_terms, schedule_to_json
    from greendesk.domain.schedule.output import schedule_json_to_csv

    if args.loan is not None:
        if args.terms is not None:
            raise UserError("schedule: give either TERMS.json or --loan REF, not both")
        data = _stored(args)
    else:
        if args.terms is None:
            raise UserError("schedule: TERMS.json or --loan REF is required")
        if args.version is not None:
            raise UserError("--version: only with --loan REF")
        terms_data = read_json_file(args.terms)
        source = "<stdin>" if args.terms == "-" else args.terms
        try:
            terms = parse_terms(terms_data)
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
        data = schedule_to_json(build_schedule(terms, holidays))
    if args.format == "csv":
        text = schedule_json_to_csv(data)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{args.output}: cannot write ({exc.strerror})") from None
    else:
        sys.stdout.write(text)
    return 0


def _stored(args: argparse.Namespace) -> dict[str, Any]:
    """The stored loan's schedule JSON (the schedule schema, unchanged); which version it is and
    why it changed go to standard error, so the output stays the contract's document."""
    from greendesk.services.kpi_readout import schedule_version
    from greendesk.store.database import open_database

    if args.version is not None and args.version < 1:
        raise UserError(f"--version: must be 1 or more, not {args.version}")
    db = open_database(resolve_db_url(args.db))
    try:
        stored = schedule_version(db, args.loan, args.version)
    finally:
        db.dispose()
    sys.stderr.write(
        f"{stored.reference}: schedule version {stored.version} of {stored.latest} — "
        f"{stored.reason}\n"
    )
    return stored.schedule
