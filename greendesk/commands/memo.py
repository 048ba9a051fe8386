"""``greendesk memo LOAN_REF -o FILE.pdf``: the credit memo (授信审批报告) of one loan.

``greendesk memo --all-submitted -o DIR`` (or ``--status S``, ``--refs R1,R2``) writes one memo per
loan into DIR, rendered in worker processes (``--workers``, default every core), with a
progress bar on standard error.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path
from typing import Any

from greendesk.commands._common import add_db_argument, date_argument, resolve_db_url
from greendesk.domain.errors import UserError
from greendesk.reporting.templates import LANGUAGES  # a constant; the module is stdlib-only

MAX_WORKERS = 64
# domain.money_units.UNIT_CHOICES, spelled out: that module pulls babel, too slow for --help
UNIT_CHOICES = ("yuan", "wan", "yi")


def _workers(text: str) -> int:
    """ASCII (or full-width) digits only: ``int`` alone would take ``1_5`` and other scripts'."""
    from greendesk.domain.numbers import normalise  # babel: loaded only when the option is used

    digits = normalise(text)
    if not digits.isascii() or not digits.isdigit() or len(digits) > 6:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1–{MAX_WORKERS}")
    value = int(digits)
    if not 1 <= value <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"{value} is outside 1–{MAX_WORKERS}")
    return value


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("memo", help="write credit memos as PDFs (one loan or many)")
    parser.add_argument(
        "reference", metavar="LOAN_REF", nargs="?", help="the loan's reference (one memo)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf|DIR",
        required=True,
        help="PDF to write; with --all-submitted, --status or --refs a folder",
    )
    many = parser.add_mutually_exclusive_group()
    many.add_argument(
        "--all-submitted", action="store_true", help="every current loan in status submitted"
    )
    many.add_argument("--status", metavar="S", help="every current loan in status S")
    many.add_argument("--refs", metavar="R1,R2", help="these loans (comma-separated references)")
    parser.add_argument(
        "--workers",
        type=_workers,
        default=None,
        metavar="N",
        help="worker processes for many memos (default: one per core)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="zh", help="language (default zh)")
    parser.add_argument(
        "--unit",
        choices=UNIT_CHOICES,
        default="yuan",
        help="amounts in 元 (yuan), 万元 (wan) or 亿元 (yi), rounded half-up to 0.01 and the unit "
        "named; the appendices' schedules stay exact in 元 (default yuan)",
    )
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
    batch = args.all_submitted or args.status is not None or args.refs is not None
    if batch and args.reference is not None:
        raise UserError("LOAN_REF: give one loan or --all-submitted/--status/--refs, not both")
    if not batch and args.reference is None:
        raise UserError("LOAN_REF: give a loan's reference, or --all-submitted/--status/--refs")
    if not batch and args.workers is not None:
        raise UserError("--workers: only with --all-submitted, --status or --refs")
    return _run_batch(args) if batch else _run_one(args)


def _run_one(args: argparse.Namespace) -> int:
    from greendesk.services.reports import write_memo
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    buffer = io.BytesIO()  # render first: a failed memo leaves no half-written file behind
    try:
        pages = write_memo(db, args.reference, buffer, args.lang, args.date, args.unit)
    finally:
        db.dispose()
    try:
        Path(args.output).write_bytes(buffer.getvalue())
    except OSError as exc:
        raise UserError(f"-o: cannot write {args.output} ({exc.strerror})") from None
    print(f"{args.output}: {pages} pages", file=sys.stderr)
    return 0


def _folder(text: str) -> Path:
    folder = Path(text)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"-o: {text} is a file; many memos need a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"-o: cannot create the folder {text} ({exc.strerror})") from None
    return folder


class _Bar:
    """``memo [#######.....] 12/40  3.1/s`` on standard error, redrawn in place."""

    WIDTH = 30

    def __init__(self) -> None:
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        filled = self.WIDTH * done // total if total else self.WIDTH
        rate = done / max(time.perf_counter() - self.started, 1e-9)  # float-ok: display only
        bar = "#" * filled + "." * (self.WIDTH - filled)
        print(f"\rmemo [{bar}] {done}/{total}  {rate:.1f}/s", end="", file=sys.stderr, flush=True)


def _run_batch(args: argparse.Namespace) -> int:
    from greendesk.domain.workflow import Status
    from greendesk.services.memo_batch import (
        memo_references,
        parse_refs,
        parse_status,
        render_memos,
    )
    from greendesk.store.database import open_database

    status = Status.SUBMITTED if args.all_submitted else None
    if args.status is not None:
        status = parse_status(args.status)
    refs = parse_refs(args.refs) if args.refs is not None else None
    url = resolve_db_url(args.db)
    db = open_database(url)
    try:
        chosen = memo_references(db, status=status, refs=refs)
    finally:
        db.dispose()
    if not chosen:
        print(f"no current loan in status {status}: no memo written", file=sys.stderr)
        return 0
    folder = _folder(args.output)
    started = time.perf_counter()
    outcomes = render_memos(
        url,
        chosen,
        folder,
        lang=args.lang,
        today=args.date,
        workers=args.workers,
        progress=_Bar(),
        unit=args.unit,
    )
    took = time.perf_counter() - started
    failed = [o for o in outcomes if o.error]
    written = len(outcomes) - len(failed)
    print(
        f"\n{folder}: {written} memos, {sum(o.pages for o in outcomes)} pages in {took:.1f} s "
        f"({written / max(took, 1e-9):.1f} memos/s)",  # float-ok: display only
        file=sys.stderr,
    )
    for outcome in failed:
        print(f"{outcome.reference}: {outcome.error}", file=sys.stderr)
    return 2 if failed else 0
