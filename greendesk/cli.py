"""The ``greendesk`` command: no arguments opens the window; every other job is a subcommand.

Subcommands live one per module in ``greendesk.commands``; each module exposes
``register(subparsers)`` and sets ``handler`` on its parser. User errors print a message and exit 2.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from greendesk import __version__
from greendesk.commands import register_all
from greendesk.domain.errors import UserError

log = logging.getLogger("greendesk")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="greendesk",
        description="GreenDesk: green-finance loan origination. "
        "Without a subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"greendesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="database URL for the window (default: $GREENDESK_DB or the demo store in the "
        "user's data directory)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    register_all(subparsers)
    return parser


def _wait_notice(text: str) -> None:
    """A writer waiting for another process says so, on its own line of stderr."""
    print(f"greendesk: {text}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from greendesk.ui.app import run_app

            return run_app(args.db)
        from greendesk.store.database import wait_notices

        with wait_notices(_wait_notice):
            return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"greendesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`greendesk loans | head`): not an error; keep Python quiet on exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
