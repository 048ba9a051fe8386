"""Credit memo preview: rendered on a worker thread, shown in QtPdf's QPdfView, saved on request."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from greendesk.domain.errors import UserError
from greendesk.store.database import Database
from greendesk.ui import messages
from greendesk.ui.forms import child, setup_form
from greendesk.ui.money_units import unit_choices
from greendesk.ui.os_errors import os_error_text
from greendesk.ui.workers import Progress, Tasks

MEMO_LANGUAGES = (("zh", "中文"), ("en", "English"))


def render_memo_pdf(db: Database, reference: str, lang: str, unit: str = "yuan") -> bytes:
    """The memo's PDF bytes (runs on a worker thread, which also imports the renderer:
    reportlab and its charts take about 0.2 s the first time, not the GUI thread's to spend)."""
    from greendesk.services.reports import write_memo

    with tempfile.SpooledTemporaryFile() as out:
        write_memo(db, reference, out, lang, unit=unit)  # type: ignore[arg-type]
        out.seek(0)
        return out.read()


class MemoDialog(QDialog):
    rendered = Signal()

    def __init__(
        self,
        db: Database,
        reference: str,
        tasks: Tasks,
        lang: str,
        parent: QWidget,
        unit: str = "yuan",
    ) -> None:
        """``unit``: the window's View → Amounts in setting (``yuan``, ``wan``, ``yi``)."""
        super().__init__(parent)
        setup_form(self, "memo_dialog")
        self._db = db
        self.reference = reference
        self._tasks = tasks
        self.pdf_bytes: bytes | None = None
        self.setWindowTitle(
            QCoreApplication.translate("MemoDialog", "Credit memo {}").format(reference)
        )
        self.stack = child(self, QStackedWidget, "stack")
        self.status = child(self, QLabel, "statusLabel")
        self.page_label = child(self, QLabel, "pageLabel")
        self.language = child(self, QComboBox, "languageCombo")
        for code, name in MEMO_LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.unit = child(self, QComboBox, "unitCombo")
        for code, name in unit_choices():
            self.unit.addItem(name, code)
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit)))
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        page = child(self, QWidget, "pdfPage")
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.view)
        self._buffer: QBuffer | None = None
        self.save_button = child(self, QPushButton, "saveButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.choose_file)
        child(self, QPushButton, "renderButton").clicked.connect(self.start_render)
        child(self, QPushButton, "zoomInButton").clicked.connect(lambda: self._zoom(1.25))
        child(self, QPushButton, "zoomOutButton").clicked.connect(lambda: self._zoom(0.8))
        child(self, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self.resize(900, 820)

    def _zoom(self, factor: float) -> None:  # float-ok: screen zoom, not money
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(self.view.zoomFactor() * factor)

    def start_render(self) -> None:
        self.stack.setCurrentIndex(0)
        self.save_button.setEnabled(False)
        self.status.setText(QCoreApplication.translate("MemoDialog", "Rendering…"))
        db, reference, lang = self._db, self.reference, str(self.language.currentData())
        unit = str(self.unit.currentData())

        def work(_progress: Progress) -> bytes:
            return render_memo_pdf(db, reference, lang, unit)

        self._tasks.run(
            work,
            self._show,
            label=QCoreApplication.translate("MemoDialog", "Rendering the credit memo…"),
            on_error=self._failed,
            parent=self,
        )

    def _show(self, data: bytes) -> None:
        self.pdf_bytes = data
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.stack.setCurrentIndex(1)
        pages = self.document.pageCount()
        self.page_label.setText(
            QCoreApplication.translate("MemoDialog", "{n} pages").format(n=pages)
        )
        self.status.setText(
            QCoreApplication.translate("MemoDialog", "{size} KB, ready to save").format(
                size=len(data) // 1024
            )
        )
        self.save_button.setEnabled(True)
        self.rendered.emit()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.status.setText(str(exc) if isinstance(exc, UserError) else type(exc).__name__)
        messages.show_exception(self, exc, details)
        self.rendered.emit()

    def choose_file(self) -> None:
        suggested = str(Path.home() / f"{self.reference}-memo.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MemoDialog", "Save credit memo"),
            suggested,
            QCoreApplication.translate("MemoDialog", "PDF files (*.pdf)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        if self.pdf_bytes is None:
            return
        try:
            path.write_bytes(self.pdf_bytes)
        except OSError as exc:
            messages.user_error(
                self,
                QCoreApplication.translate("MemoDialog", "Cannot save {path}: {err}").format(
                    path=path, err=os_error_text(exc)
                ),
            )
            return
        self.status.setText(QCoreApplication.translate("MemoDialog", "Saved to {}").format(path))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.document.close()
        super().closeEvent(event)
