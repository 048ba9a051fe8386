"""The borrower editor (new or existing), laid out by ``forms/borrower_dialog.ui``."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from greendesk.domain.roles import Principal
from greendesk.domain.validation import SECTORS
from greendesk.services.records import borrowers
from greendesk.services.records.inputs import BorrowerInput
from greendesk.services.records.results import BorrowerRecord
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.dialogs import emissions_page
from greendesk.ui.dialogs.editor import EditorDialog, blank_none
from greendesk.ui.forms import child


def _text(value: object) -> str:
    return "" if value is None else str(value)


class BorrowerDialog(EditorDialog):
    FIELDS: ClassVar[dict[str, str]] = {
        "name": "nameEdit",
        "credit_code": "creditCodeEdit",
        "industry": "industryEdit",
        "sector": "sectorCombo",
        "region": "regionEdit",
        "carbon_account_grade": "gradeEdit",
        "baseline_intensity": "baselineEdit",
        "target_intensity": "targetEdit",
        "base_year": "baseYearEdit",
        "target_year": "targetYearEdit",
    }

    def __init__(
        self,
        db: Database,
        actor: Principal,
        record: BorrowerRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, "borrower_dialog")
        self.record = record
        self.sector = child(self, QComboBox, "sectorCombo")
        for code in SECTORS:
            self.sector.addItem(labels.word(code), code)
        self.edits = {k: child(self, QLineEdit, v) for k, v in self.FIELDS.items() if k != "sector"}
        self.disclosure = child(self, QCheckBox, "disclosureCheck")
        self.setWindowTitle(
            QCoreApplication.translate("BorrowerDialog", "New borrower")
            if record is None
            else QCoreApplication.translate("BorrowerDialog", "Borrower {}").format(record.name)
        )
        start = borrowers.borrower_input(record) if record else BorrowerInput()
        for key, edit in self.edits.items():
            edit.setText(_text(getattr(start, key)))
        self.sector.setCurrentIndex(max(0, self.sector.findData(start.sector)))
        self.disclosure.setChecked(start.disclosure_yearly)

        def save() -> BorrowerRecord:
            data = self.collect()
            if record is None:
                return borrowers.create_borrower(db, actor, data)
            return borrowers.update_borrower(
                db, actor, record.id, data, expected_version=record.version
            )

        self.set_saver(save)
        self.emissions = emissions_page.install(
            child(self, QWidget, "emissionsTab"), db, actor, "borrower",
            record.id if record else None,
        )  # fmt: skip

    def collect(self) -> BorrowerInput:
        e = self.edits
        return BorrowerInput(
            name=e["name"].text(),
            credit_code=e["credit_code"].text().strip().upper(),
            industry=e["industry"].text(),
            sector=str(self.sector.currentData()),
            region=e["region"].text(),
            carbon_account_grade=e["carbon_account_grade"].text(),
            baseline_intensity=blank_none(e["baseline_intensity"].text()),
            target_intensity=blank_none(e["target_intensity"].text()),
            base_year=blank_none(e["base_year"].text()),
            target_year=blank_none(e["target_year"].text()),
            disclosure_yearly=self.disclosure.isChecked(),
        )
