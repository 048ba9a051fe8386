"""Arguments and output helpers shared by subcommands."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from greendesk.domain.errors import UserError
from greendesk.domain.textfiles import decode_utf8, json_depth

if TYPE_CHECKING:
    from greendesk.domain.roles import Principal
    from greendesk.store.database import Database

DB_ENV = "GREENDESK_DB"


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """Every data command takes --db URL; GREENDESK_DB sets the same."""
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help=f"SQLAlchemy database URL (default: ${DB_ENV}, else the SQLite store in the "
        "user's data directory)",
    )


def date_argument(text: str) -> date:
    """An argparse ``type`` for YYYY-MM-DD options; a bad date is a usage error (exit 2)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def resolve_db_url(cli_value: str | None) -> str | None:
    """The URL given on the command line, else $GREENDESK_DB, else None (the default store)."""
    return cli_value or os.environ.get(DB_ENV) or None


MAX_JSON_DEPTH = 64  # terms and facts nest four levels; far deeper is not a loan


def read_json_file(path: str) -> Any:
    """Read a JSON document from a path ('-' for standard input); bad JSON is a user error.

    The file must be UTF-8 (a byte-order mark is allowed), as RFC 8259 requires; another
    encoding, a document nested more than ``MAX_JSON_DEPTH`` levels or bad syntax is named in
    the message, never a traceback.
    """
    try:
        if path == "-":
            stdin = getattr(sys.stdin, "buffer", None)  # a test's StringIO has no bytes
            raw = stdin.read() if stdin is not None else sys.stdin.read().encode("utf-8")
        else:
            raw = Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from None
    text = decode_utf8(raw, path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise UserError(f"{path}: JSON nested more than {MAX_JSON_DEPTH} levels deep") from None
    if json_depth(data) > MAX_JSON_DEPTH:
        raise UserError(f"{path}: JSON nested more than {MAX_JSON_DEPTH} levels deep")
    return data


def print_json(data: Any) -> None:
    """Write JSON to standard output; a long list goes one compact item per line.

    ``indent`` makes the json module fall back to its pure-Python encoder, which takes seconds
    on a 100,000-loan list; one C-encoded line per item stays fast and readable.
    """
    if isinstance(data, list) and len(data) > 100:
        sys.stdout.write("[\n")
        last = len(data) - 1
        for i, item in enumerate(data):
            sys.stdout.write(json.dumps(item, ensure_ascii=False))
            sys.stdout.write(",\n" if i < last else "\n")
        sys.stdout.write("]\n")
        return
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def ask_password(prompt: str, field: str = "password") -> str:
    """Prompt for a password without echo; no input at all is a user error, not a traceback."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UserError(f"{field}: no password given (standard input ended)") from None


PASSWORD_ENV = "GREENDESK_PASSWORD"


def login(db: Database, name: str, *, changing_own_password: bool = False) -> Principal:
    """Authenticate the acting user (``--as NAME``): password from $GREENDESK_PASSWORD or a prompt.

    Same rules and messages as the window's log-in: an account still holding the public demo
    password may, outside the demo database, do nothing but change it.
    """
    from greendesk.services import auth

    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = ask_password(f"Password for {name}: ")
    who = auth.authenticate(db, name, password)
    if not changing_own_password and auth.must_change_password(db, who.username):
        refusal = auth.demo_password_refusal(who.username)
        raise UserError(f"{refusal} (greendesk users set-password {who.username})")
    return who


def add_admin_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """``--as ADMIN`` for the commands only an administrator may run (``what`` they do)."""
    parser.add_argument(
        "--as",
        dest="acting",
        metavar="ADMIN",
        default=None,
        help=f"the administrator who {what} (password: ${PASSWORD_ENV} or a prompt)",
    )


def login_admin(db: Database, name: str | None, what: str) -> Principal:
    """Log in the ``--as`` user; a missing ``--as`` is a user error naming the option."""
    if not name:
        raise UserError(f"--as: name the administrator who {what}")
    return login(db, name)


def whole_number(text: str) -> int:
    """argparse type for counts and ids: the same strict rule as every number people type
    (``domain.numbers``: full-width digits normalised; ``1_000``, exponents and fractions
    refused), where Python's ``int()`` would take ``1_000``."""
    from greendesk.domain.numbers import parse_number

    try:
        value = parse_number(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: {exc}") from None
    if value != value.to_integral_value():
        raise argparse.ArgumentTypeError(f"{text!r}: must be a whole number")
    return int(value)
