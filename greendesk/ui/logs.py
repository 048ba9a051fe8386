"""The window's log file, in the user's log directory, rotated so it never grows without bound.

The log is private: the folder is 0700, every file (rotated ones too) 0600, and every line goes
through ``mask_secrets`` so a database password never lands in it, not even in a traceback.
"""

from __future__ import annotations

import io
import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from greendesk.domain.secrets import mask_secrets

LOG_NAME = "greendesk.log"
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir("GreenDesk", appauthor=False))


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created, and kept, readable by their owner only."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        os.chmod(self.baseFilename, FILE_MODE)  # a file made before, under another umask
        stream = os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)
        assert isinstance(stream, io.TextIOWrapper)
        return stream


class MaskingFormatter(logging.Formatter):
    """Formats as usual, then masks passwords in the whole record (message and traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_secrets(super().format(record))


def _make_private(folder: Path) -> None:
    os.chmod(folder, FOLDER_MODE)
    for path in folder.glob(f"{LOG_NAME}*"):
        if path.is_file():
            os.chmod(path, FILE_MODE)


def setup_logging(folder: Path | None = None) -> Path:
    """Send the ``greendesk`` loggers to ``<log dir>/greendesk.log``; return the file's path."""
    folder = folder or default_log_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    _make_private(folder)
    path = folder / LOG_NAME
    root = logging.getLogger("greendesk")
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
