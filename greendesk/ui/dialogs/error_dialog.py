"""The dialog for bugs: what happened, the traceback to copy, and where the log file is."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from greendesk.ui.forms import child, setup_form


def _log_file() -> str:
    for handler in logging.getLogger("greendesk").handlers:
        if isinstance(handler, RotatingFileHandler):
            return handler.baseFilename
    return ""


class ErrorDialog(QDialog):
    def __init__(self, parent: QWidget | None, summary: str, details: str) -> None:
        super().__init__(parent)
        setup_form(self, "error_dialog")
        self.details = details
        child(self, QLabel, "summaryLabel").setText(summary)
        child(self, QPlainTextEdit, "detailsEdit").setPlainText(details)
        path = _log_file()
        log_label = child(self, QLabel, "logLabel")
        if path:
            log_label.setText(
                QCoreApplication.translate(
                    "ErrorDialog", "Also written to the log file: {}"
                ).format(path)
            )
        else:
            log_label.hide()
        child(self, QPushButton, "copyButton").clicked.connect(self.copy_details)
        child(self, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
