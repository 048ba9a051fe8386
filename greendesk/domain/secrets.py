"""Masking secrets in text that may reach a log, a message or the status bar.

Database URLs carry their password (``postgresql+psycopg://user:password@host/db``) and libpq
connection strings a ``password=...`` pair; both are shown with the password as ``***``. The
store renders URLs without passwords already; this is the last net for any text that slipped
through (an echoed argument, an exception from a driver, a traceback in the log).
"""

from __future__ import annotations

import re

MASK = "***"

# scheme://user:password@  — the password runs to the last '@' of the token (it may hold '@')
_URL_PASSWORD = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@'\"]*:)\S*@")
_KEYWORD_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)(?:'[^']*'|\"[^\"]*\"|[^\s'\"]+)", re.I)


def mask_secrets(text: str) -> str:
    """``text`` with every URL password and ``password=`` value replaced by ``***``."""
    if "@" not in text and "password" not in text.lower():
        return text  # the common case, fast
    masked = _URL_PASSWORD.sub(lambda m: f"{m.group('head')}{MASK}@", text)
    return _KEYWORD_PASSWORD.sub(lambda m: f"{m.group('head')}{MASK}", masked)
