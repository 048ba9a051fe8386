"""The one way the window tells users about problems (after qutebrowser's message module).

Two kinds, never mixed: a ``UserError`` (bad input, a refused action, an unusable file) is shown
as its plain message; anything else is a bug — logged with its traceback and shown in the error
dialog with copyable details. Both dialogs open window-modal without blocking the event loop.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from greendesk.domain.errors import UserError
from greendesk.domain.secrets import mask_secrets
from greendesk.ui.dialogs.error_dialog import ErrorDialog
from greendesk.ui.error_text import window_text
from greendesk.ui.os_errors import os_error_text

log = logging.getLogger(__name__)


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent or QApplication.activeWindow()


def user_error(parent: QWidget | None, message: str, title: str = "") -> QMessageBox:
    """Show an input/environment problem as a plain message (no traceback)."""
    box = QMessageBox(_parent(parent))
    box.setIcon(QMessageBox.Icon.Warning)
    box.setObjectName("userErrorBox")
    box.setWindowTitle(title or QCoreApplication.translate("Messages", "GreenDesk"))
    box.setText(mask_secrets(message))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def information(parent: QWidget | None, message: str, title: str = "") -> QMessageBox:
    box = QMessageBox(_parent(parent))
    box.setIcon(QMessageBox.Icon.Information)
    box.setObjectName("infoBox")
    box.setWindowTitle(title or QCoreApplication.translate("Messages", "GreenDesk"))
    box.setText(mask_secrets(message))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def bug(parent: QWidget | None, exc: BaseException, details: str) -> ErrorDialog:
    """Log a bug with its traceback and show it in the error dialog."""
    log.error("unexpected error: %s\n%s", exc, details)
    summary = mask_secrets(f"{type(exc).__name__}: {exc}")
    dialog = ErrorDialog(_parent(parent), summary, mask_secrets(details))
    dialog.open()
    return dialog


def show_exception(
    parent: QWidget | None, exc: BaseException, details: str | None = None
) -> QWidget:
    """Route an exception to the right dialog: plain message for user errors, else the bug one."""
    if isinstance(exc, UserError):
        log.info("refused: %s", exc)
        return user_error(parent, window_text(exc))
    if isinstance(exc, OSError) and exc.filename:  # the environment, not a bug: say why
        log.warning("file problem: %s", exc)
        return user_error(
            parent,
            QCoreApplication.translate("Messages", "Cannot use {path}: {why}").format(
                path=exc.filename, why=os_error_text(exc)
            ),
        )
    text = details or "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return bug(parent, exc, text)


def install_excepthook() -> None:
    """Exceptions escaping Qt slots reach the user as a dialog instead of killing the desk."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        show_exception(None, exc, details)

    sys.excepthook = hook
