"""The window's log file, in the user's log directory, rotated so it never grows without bound."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

LOG_NAME = "greendesk.log"


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir("GreenDesk", appauthor=False))


def setup_logging(folder: Path | None = None) -> Path:
    """Send the ``greendesk`` loggers to ``<log dir>/greendesk.log``; return the file's path."""
    folder = folder or default_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger("greendesk")
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
