"""The ``greendesk`` command: no arguments opens the window; every other job is a subcommand.

Subcommands live one per module in ``greendesk.commands``; each module exposes
``register(subparsers)`` and sets ``handler`` on its parser. User errors print a message and exit 2.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
from collections.abc import Sequence

from greendesk import __version__
from greendesk.commands import register_all
from greendesk.domain.errors import UserError
from greendesk.domain.secrets import mask_secrets

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


def _forgiving_streams() -> None:
    """Text that cannot be encoded (undecodable bytes in argv arrive as lone surrogates) is shown
    escaped (``\\udcff``) instead of killing the command with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _wait_notice(text: str) -> None:
    """A writer waiting for another process says so, on its own line of stderr."""
    print(f"greendesk: {text}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    _forgiving_streams()
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    for i, text in enumerate(arguments, 1):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            shown = text.encode("utf-8", "backslashreplace").decode("utf-8")
            print(f"greendesk: argument {i} ({shown}) is not UTF-8 text", file=sys.stderr)
            return 2
    args = parser.parse_args(arguments)
    try:
        if args.command is None:
            from greendesk.ui.app import run_app

            return run_app(args.db)
        from greendesk.store.database import wait_notices

        with wait_notices(_wait_notice):
            return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"greendesk: {mask_secrets(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`greendesk loans | head`): not an error; keep Python quiet on exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        # the environment, not a bug: a file name too long, a folder where a file was meant,
        # a full disk. Commands word the files they expect; this covers the rest.
        print(f"greendesk: {_os_error_text(exc)}", file=sys.stderr)
        return 2


def _os_error_text(exc: OSError) -> str:
    """``FILE: reason`` with a long file name shortened (a 400-character name is the error)."""
    name = "" if exc.filename is None else str(exc.filename)
    if len(name) > 80:
        name = f"{name[:60]}…{name[-16:]}"
    reason = exc.strerror or str(exc)
    return f"{name}: {reason}" if name else reason
