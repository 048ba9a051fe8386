"""Export the CERF quarterly disclosure: choose file, quarter and language; written on a worker."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from greendesk.domain.errors import UserError
from greendesk.store.database import Database
from greendesk.ui import messages
from greendesk.ui.forms import child, setup_form
from greendesk.ui.workers import Progress, Tasks

LANGS = (("zh", "中文"), ("en", "English"))
QUARTERS_SHOWN = 12


def recent_quarters(today: date, count: int = QUARTERS_SHOWN) -> list[str]:
    """The current quarter and the ``count - 1`` before it, newest first (``2026Q4``)."""
    index = today.year * 4 + (today.month - 1) // 3
    return [f"{i // 4}Q{i % 4 + 1}" for i in range(index, index - count, -1)]


class CerfReportDialog(QDialog):
    exported = Signal(str)

    def __init__(self, db: Database, tasks: Tasks, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        setup_form(self, "cerf_report_dialog")
        self._db = db
        self._tasks = tasks
        self.path = child(self, QLineEdit, "pathEdit")
        self.quarter = child(self, QComboBox, "quarterCombo")
        self.language = child(self, QComboBox, "languageCombo")
        self.error = child(self, QLabel, "errorLabel")
        self.error.hide()
        for code, name in LANGS:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        for q in recent_quarters(date.today()):
            self.quarter.addItem(q, q)
        self.quarter.currentIndexChanged.connect(self._default_path)
        self._default_path()
        child(self, QPushButton, "browseButton").clicked.connect(self._browse)
        buttons = child(self, QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("CerfReportDialog", "Export")
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        self.result_path: Path | None = None

    def _default_path(self) -> None:
        self.path.setText(str(Path.home() / f"greendesk-cerf-{self.quarter.currentData()}.xlsx"))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("CerfReportDialog", "Export disclosure"),
            self.path.text(),
            QCoreApplication.translate("CerfReportDialog", "Excel workbooks (*.xlsx)"),
        )
        if path:
            self.path.setText(path if path.endswith(".xlsx") else path + ".xlsx")

    def start(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.error.setText(QCoreApplication.translate("CerfReportDialog", "file: required"))
            self.error.show()
            return
        target = Path(text).expanduser()
        if not target.parent.is_dir():
            self.error.setText(
                QCoreApplication.translate("CerfReportDialog", "file: the folder does not exist")
            )
            self.error.show()
            return
        quarter = str(self.quarter.currentData())
        lang = str(self.language.currentData())
        db = self._db

        def work(_progress: Progress) -> Path:
            # imported here, on the worker: the disclosure and openpyxl take about 0.3 s at first
            from greendesk.reporting.programmes.cerf_workbook import write_cerf
            from greendesk.services.programmes import disclosure

            write_cerf(disclosure(db, "cerf", quarter), target, lang)
            return target

        self.hide()
        self._tasks.run(
            work,
            self._done,
            label=QCoreApplication.translate("CerfReportDialog", "Writing the disclosure…"),
            on_error=self._failed,
            parent=self.parentWidget(),
        )

    def _done(self, path: Path) -> None:
        self.result_path = path
        self.exported.emit(str(path))
        self.accept()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.show()
        if isinstance(exc, UserError):
            self.error.setText(str(exc))
            self.error.show()
        else:
            messages.show_exception(self, exc, details)
