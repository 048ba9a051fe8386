"""The evidence page of a loan: each missing item of its classification, and a way to supply it.

Opened from the classification tab. The left list holds the missing items; the right side shows
the input the selected item needs — a technology value (with its unit and the catalogue's rule),
a document received (date, issuer, reference, file), or where else it is supplied. Supplying runs
``services.evidence_supply`` on a worker (it re-classifies the project's loans in the same
transaction); the list then shows what is still missing. A refusal stays in the dialog, worded
in the window's language, and nothing is saved.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, QUrl
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.services import evidence, evidence_files, evidence_supply, evidence_withdraw
from greendesk.services.evidence import DocumentRecord, EvidenceItem, LoanEvidence
from greendesk.services.evidence_supply import SupplyResult
from greendesk.services.evidence_withdraw import WithdrawResult
from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.dialogs.admin_common import confirm
from greendesk.ui.error_text import window_text
from greendesk.ui.forms import child, setup_form
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.tables import RefitRows
from greendesk.ui.views.language import content_language
from greendesk.ui.workers import Progress, Tasks

PAGES = {"none": 0, evidence.VALUE: 1, evidence.DOCUMENT: 2, evidence.ELSEWHERE: 3}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


def viewing_copy(record: DocumentRecord, content: bytes) -> Path:
    """Write a document's bytes where the system's viewer can open them: a folder of the temp
    directory named by the SHA-256, the file under its own name (made safe for any file system).
    Runs on a worker: a scan may be tens of megabytes."""
    folder = Path(tempfile.gettempdir()) / "greendesk-evidence" / record.sha256
    folder.mkdir(parents=True, exist_ok=True)
    name = _UNSAFE.sub("_", record.file_name).strip(" .") or "document"
    target = folder / name[-120:]
    target.write_bytes(content)
    return target


def parameter_name(key: str) -> str:
    """The words for a technology parameter the catalogue criteria read (its key if unknown)."""
    names = {
        "solar_technology": QCoreApplication.translate("EvidenceDialog", "Solar technology"),
        "pv_cell_type": QCoreApplication.translate("EvidenceDialog", "PV cell type"),
        "pv_module_efficiency_pct": QCoreApplication.translate(
            "EvidenceDialog", "Module conversion efficiency"
        ),
        "pv_first_year_degradation_pct": QCoreApplication.translate(
            "EvidenceDialog", "First-year module degradation"
        ),
        "pv_annual_degradation_pct": QCoreApplication.translate(
            "EvidenceDialog", "Module degradation a year after the first"
        ),
    }
    return names.get(key, key)


def choice_name(key: str) -> str:
    names = {
        "pv": QCoreApplication.translate("EvidenceDialog", "photovoltaic (PV)"),
        "csp": QCoreApplication.translate("EvidenceDialog", "concentrated solar power (CSP)"),
        "polycrystalline": QCoreApplication.translate("EvidenceDialog", "polycrystalline silicon"),
        "monocrystalline": QCoreApplication.translate("EvidenceDialog", "monocrystalline silicon"),
        "high_concentration": QCoreApplication.translate("EvidenceDialog", "high-concentration PV"),
        "thin_film_silicon": QCoreApplication.translate("EvidenceDialog", "silicon thin film"),
        "cigs": QCoreApplication.translate("EvidenceDialog", "CIGS thin film"),
        "cdte": QCoreApplication.translate("EvidenceDialog", "CdTe thin film"),
    }
    return names.get(key, key)


def _how(item: EvidenceItem) -> str:
    if item.supply == evidence.VALUE:
        return QCoreApplication.translate("EvidenceDialog", "value")
    if item.supply == evidence.DOCUMENT:
        return QCoreApplication.translate("EvidenceDialog", "document")
    return QCoreApplication.translate("EvidenceDialog", "elsewhere")


class EvidenceDialog(QDialog):
    """Lists a loan's missing evidence and supplies one item at a time."""

    def __init__(
        self,
        parent: QWidget,
        db: Database,
        actor: Principal | None,
        tasks: Tasks,
        loan_id: int,
        item_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        setup_form(self, "evidence_dialog")
        self._db = db
        self._actor = actor
        self._tasks = tasks
        self._loan_id = loan_id
        self.changed = False  # something was supplied: the detail view reloads on close
        self.busy = False
        self.summary = child(self, QLabel, "summaryLabel")
        self.items_table = child(self, QTableView, "itemsTable")
        self.item_text = child(self, QLabel, "itemText")
        self.stack = child(self, QStackedWidget, "supplyStack")
        self.parameter = child(self, QLabel, "parameterText")
        self.value_edit = child(self, QLineEdit, "valueEdit")
        self.value_combo = child(self, QComboBox, "valueCombo")
        self.unit = child(self, QLabel, "unitText")
        self.rule = child(self, QLabel, "ruleText")
        self.kind = child(self, QLabel, "kindText")
        self.date_edit = child(self, QDateEdit, "dateEdit")
        self.issuer = child(self, QLineEdit, "issuerEdit")
        self.reference = child(self, QLineEdit, "referenceEdit")
        self.file = child(self, QLineEdit, "fileEdit")
        self.elsewhere = child(self, QLabel, "elsewhereText")
        self.error = child(self, QLabel, "errorLabel")
        self.error.setProperty("tone", "alert")
        self.supply_button = child(self, QPushButton, "supplyButton")
        splitter = child(self, QSplitter, "splitter")
        splitter.setStretchFactor(0, 3)  # the items' texts are long; the inputs are short
        splitter.setStretchFactor(1, 2)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setDate(QDate.currentDate())
        lang = content_language()
        self.items: RowsModel[EvidenceItem] = RowsModel(
            [
                Column(
                    QCoreApplication.translate("EvidenceDialog", "Missing item"),
                    lambda r: r.text(lang),
                ),
                Column(QCoreApplication.translate("EvidenceDialog", "Supplied by"), _how),
            ],
            self,
        )
        self.items_table.setModel(self.items)
        self.items_table.verticalHeader().hide()
        header = self.items_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._refit = RefitRows(self.items_table)
        self.documents: RowsModel[DocumentRecord] = RowsModel(
            [
                Column(
                    QCoreApplication.translate("EvidenceDialog", "Evidence kind"),
                    lambda d: d.kind_zh if lang == "zh" else d.kind_en,
                ),
                Column(
                    QCoreApplication.translate("EvidenceDialog", "Received on"),
                    lambda d: d.received_on.isoformat(),
                ),
                Column(QCoreApplication.translate("EvidenceDialog", "Issuer"), lambda d: d.issuer),
                Column(
                    QCoreApplication.translate("EvidenceDialog", "Reference"),
                    lambda d: d.reference or labels.DASH,
                ),
                Column(
                    QCoreApplication.translate("EvidenceDialog", "File"),
                    lambda d: d.file_name,
                    tooltip=lambda d: d.sha256,
                ),
                Column(
                    QCoreApplication.translate("EvidenceDialog", "Recorded by"),
                    lambda d: d.recorded_by,
                ),
            ],
            self,
        )
        documents = child(self, QTableView, "documentsTable")
        self.documents_table = documents
        documents.setModel(self.documents)
        documents.verticalHeader().hide()
        documents.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        documents.horizontalHeader().setStretchLastSection(True)
        self.items_table.selectionModel().selectionChanged.connect(self._selected)
        self.open_button = child(self, QPushButton, "openDocumentButton")
        self.withdraw_button = child(self, QPushButton, "withdrawDocumentButton")
        self.open_button.clicked.connect(self.open_document)
        self.withdraw_button.clicked.connect(self.ask_withdraw)
        documents.selectionModel().selectionChanged.connect(self._document_selected)
        documents.doubleClicked.connect(lambda _index: self.open_document())
        self.confirmation: QMessageBox | None = None
        self.opened: Path | None = None  # the viewing copy last handed to the system's viewer
        child(self, QPushButton, "browseButton").clicked.connect(self._browse)
        self.supply_button.clicked.connect(self.supply)
        child(self, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self._may_edit = actor is not None and actor.may(Action.EDIT_APPLICATION)
        # the role may; whether this user is the officer of record the service decides
        self._may_withdraw = actor is not None and actor.may(Action.WITHDRAW_EVIDENCE)
        self.withdraw_button.setVisible(self._may_withdraw)
        self._withdrawable = False
        self.show_evidence(evidence.missing_evidence(db, loan_id), item_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_summary()

    def _fit_summary(self) -> None:
        """The summary line as tall as its text at the dialog's width (a word-wrapped label
        otherwise asks for several lines and leaves a band of empty space)."""
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        self.summary.setFixedHeight(max(1, self.summary.heightForWidth(width)))

    # -- showing
    def show_evidence(self, found: LoanEvidence, item_id: str | None = None) -> None:
        parts = [found.reference]
        if found.project_name:
            parts.append(found.project_name)
        parts.append(
            QCoreApplication.translate("EvidenceDialog", "Class: {}").format(
                labels.word(found.primary) if found.primary else "—"
            )
        )
        if found.items:
            parts.append(
                QCoreApplication.translate("EvidenceDialog", "{} item(s) missing").format(
                    len(found.items)
                )
            )
        else:
            parts.append(QCoreApplication.translate("EvidenceDialog", "no missing evidence"))
        self.summary.setText(" · ".join(parts))
        self._fit_summary()
        self.items.set_rows(found.items)
        self.documents.set_rows(found.documents)
        self._withdrawable = found.withdrawable  # no loan of the project decided yet
        self._document_selected()
        self.items_table.resizeRowsToContents()
        row = next((i for i, x in enumerate(found.items) if x.id == item_id), 0)
        if found.items:
            self.items_table.selectRow(row)
        else:
            self._show_item(None)

    def current_item(self) -> EvidenceItem | None:
        rows = self.items_table.selectionModel().selectedRows()
        return self.items.row(rows[0].row()) if rows else None

    def _selected(self, _a: QItemSelection, _b: QItemSelection) -> None:
        self._show_item(self.current_item())

    def _show_item(self, item: EvidenceItem | None) -> None:
        self.error.clear()
        self.error.hide()
        lang = content_language()
        if item is None:
            self.item_text.clear()
            self.stack.setCurrentIndex(PAGES["none"])
            self.supply_button.setEnabled(False)
            return
        self.item_text.setText(item.text(lang))
        self.stack.setCurrentIndex(PAGES[item.supply])
        self.supply_button.setEnabled(self._may_edit and item.supply != evidence.ELSEWHERE)
        if item.supply == evidence.VALUE:
            self.parameter.setText(f"{parameter_name(item.parameter or '')} ({item.parameter})")
            self.rule.setText(item.rule(lang))
            self.unit.setText(item.unit)
            self.value_combo.clear()
            for value in item.choices:
                self.value_combo.addItem(choice_name(value), value)
            self.value_combo.setVisible(bool(item.choices))
            self.value_edit.setVisible(not item.choices)
            self.value_edit.setText(item.current or "")
        elif item.supply == evidence.DOCUMENT:
            self.kind.setText(item.rule(lang))
        else:
            self.elsewhere.setText(
                item.rule(lang)
                or QCoreApplication.translate("EvidenceDialog", "Supplied in another editor.")
            )

    # -- documents on file
    def current_document(self) -> DocumentRecord | None:
        rows = self.documents_table.selectionModel().selectedRows()
        return self.documents.row(rows[0].row()) if rows else None

    def _document_selected(self, *_args: object) -> None:
        chosen = self.current_document() is not None and not self.busy
        self.open_button.setEnabled(chosen)
        self.withdraw_button.setEnabled(chosen and self._may_withdraw and self._withdrawable)

    def open_document(self) -> None:
        """Read the file (checked against its SHA-256) and write a viewing copy on a worker,
        then ask the system to open it."""
        record = self.current_document()
        if record is None:
            return
        db = self._db

        def work(_p: Progress) -> Path:
            return viewing_copy(record, evidence_files.document_bytes(db, record.id))

        self._tasks.run(
            work,
            self._hand_to_viewer,
            label=QCoreApplication.translate("EvidenceDialog", "Opening the document…"),
            on_error=self._refused,
            parent=self,
        )

    def _hand_to_viewer(self, path: Path) -> None:
        self.opened = path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.error.setText(
                QCoreApplication.translate(
                    "EvidenceDialog", "No application on this computer opens {file}."
                ).format(file=path.name)
            )
            self.error.show()

    def ask_withdraw(self) -> None:
        record = self.current_document()
        if record is None or self._actor is None or self.busy:
            return
        lang = content_language()
        text = QCoreApplication.translate(
            "EvidenceDialog",
            "Withdraw {kind} from {issuer} ({file}, received {day})? The loan is re-classified "
            "at once and the withdrawal is recorded in the audit trail.",
        ).format(
            kind=record.kind_zh if lang == "zh" else record.kind_en,
            issuer=record.issuer,
            file=record.file_name,
            day=record.received_on.isoformat(),
        )
        title = QCoreApplication.translate("EvidenceDialog", "Withdraw document")
        self.confirmation = confirm(
            self, "confirmWithdrawDocument", title, text, lambda: self.withdraw(record.id)
        )

    def withdraw(self, document_id: int) -> None:
        """Withdraw on a worker (the service re-classifies in the same transaction)."""
        if self._actor is None or self.busy:
            return
        actor, db, loan_id = self._actor, self._db, self._loan_id

        def work(_p: Progress) -> WithdrawResult:
            return evidence_withdraw.withdraw_document(db, actor, loan_id, document_id)

        self.busy = True
        self._document_selected()
        self._tasks.run(
            work,
            self._withdrawn,
            label=QCoreApplication.translate("EvidenceDialog", "Re-classifying the loan…"),
            on_error=self._refused,
            parent=self,
        )

    def _withdrawn(self, result: WithdrawResult) -> None:
        self.busy = False
        self.changed = True
        self.show_evidence(result.evidence)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("EvidenceDialog", "Document received")
        )
        if name:
            self.file.setText(name)

    # -- supplying
    def supply(self) -> None:
        """Send the selected item's input to the service on a worker; the answer refreshes."""
        item = self.current_item()
        if item is None or self.busy or self._actor is None:
            return
        actor, db, loan_id = self._actor, self._db, self._loan_id
        if item.supply == evidence.VALUE:
            value = (
                str(self.value_combo.currentData() or "")
                if item.choices
                else self.value_edit.text()
            )

            def work(_p: Progress) -> SupplyResult:
                return evidence_supply.supply_value(db, actor, loan_id, item.id, value)

        else:
            data = evidence_supply.DocumentInput(
                kind=item.kind or "",
                received_on=self.date_edit.date().toString("yyyy-MM-dd"),
                issuer=self.issuer.text(),
                reference=self.reference.text(),
                path=self.file.text().strip(),
            )

            def work(_p: Progress) -> SupplyResult:
                return evidence_supply.supply_document(db, actor, loan_id, item.id, data)

        self.busy = True
        self.supply_button.setEnabled(False)
        self._tasks.run(
            work,
            self._supplied,
            label=QCoreApplication.translate("EvidenceDialog", "Re-classifying the loan…"),
            on_error=self._refused,
            parent=self,
        )

    def _supplied(self, result: SupplyResult) -> None:
        self.busy = False
        self.changed = True
        self.issuer.clear()
        self.reference.clear()
        self.file.clear()
        self.show_evidence(result.evidence)

    def _refused(self, exc: BaseException, details: str) -> None:
        self.busy = False
        self.supply_button.setEnabled(True)
        self._document_selected()
        if not isinstance(exc, UserError):
            messages.show_exception(self, exc, details)
            return
        self.error.setText(window_text(exc))
        self.error.show()
