"""Export the portfolio workbook: choose file, date, language and the extra money unit; written
on a worker thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.forms import child, setup_form
from greendesk.ui.workers import Progress, Tasks

LANGS = (("zh", "中文"), ("en", "English"))


class ExportDialog(QDialog):
    exported = Signal(str)

    def __init__(self, db: Database, tasks: Tasks, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        setup_form(self, "export_dialog")
        self._db = db
        self._tasks = tasks
        self.path = child(self, QLineEdit, "pathEdit")
        self.as_of = child(self, QDateEdit, "asOfEdit")
        self.language = child(self, QComboBox, "languageCombo")
        self.unit = child(self, QComboBox, "unitCombo")
        self.error = child(self, QLabel, "errorLabel")
        self.error.hide()
        for code, name in LANGS:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        for code, name in (
            ("yuan", QCoreApplication.translate("ExportDialog", "Yuan only (元)")),
            ("wan", QCoreApplication.translate("ExportDialog", "Ten thousand yuan (万元)")),
            ("yi", QCoreApplication.translate("ExportDialog", "Hundred million yuan (亿元)")),
        ):
            self.unit.addItem(name, code)
        # the window's display unit (View → Amounts in) is the default
        self.unit.setCurrentIndex(max(0, self.unit.findData(labels.money_unit())))
        today = date.today()
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        self.path.setText(str(Path.home() / f"greendesk-portfolio-{today.isoformat()}.xlsx"))
        child(self, QPushButton, "browseButton").clicked.connect(self._browse)
        buttons = child(self, QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("ExportDialog", "Export")
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        self.result_path: Path | None = None

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ExportDialog", "Export workbook"),
            self.path.text(),
            QCoreApplication.translate("ExportDialog", "Excel workbooks (*.xlsx)"),
        )
        if path:
            self.path.setText(path if path.endswith(".xlsx") else path + ".xlsx")

    def start(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.error.setText(QCoreApplication.translate("ExportDialog", "file: required"))
            self.error.show()
            return
        target = Path(text).expanduser()
        qdate = self.as_of.date()
        as_of = date(qdate.year(), qdate.month(), qdate.day())
        lang = str(self.language.currentData())
        unit = str(self.unit.currentData())
        db = self._db

        def work(progress: Progress) -> Path:
            # imported here, on the worker: openpyxl and numpy take about 0.2 s the first time
            from greendesk.services.report_portfolio import export_portfolio

            def report(done: int, total: int) -> None:
                progress.report(
                    done,
                    total,
                    QCoreApplication.translate(
                        "ExportDialog", "Writing loan {done} of {total}…"
                    ).format(done=f"{done:,}", total=f"{total:,}"),
                )

            export_portfolio(db, target, as_of=as_of, lang=lang, progress=report, unit=unit)
            return target

        self.hide()
        self._tasks.run(
            work,
            self._done,
            label=QCoreApplication.translate("ExportDialog", "Exporting the portfolio workbook…"),
            on_error=self._failed,
            parent=self.parentWidget(),
        )

    def _done(self, path: Path) -> None:
        self.result_path = path
        self.exported.emit(str(path))
        self.accept()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.show()
        messages.show_exception(self, exc, details)
