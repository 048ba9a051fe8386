"""The pledge editor (new or existing), laid out by ``forms/pledge_dialog.ui``."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from greendesk.domain.roles import Principal
from greendesk.services.records import pledges, reference
from greendesk.services.records.inputs import PledgeInput
from greendesk.services.records.results import PledgeRecord
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.dialogs.editor import EditorDialog, blank_none
from greendesk.ui.forms import child

EDITS = {
    "description": "descriptionEdit",
    "quantity": "quantityEdit",
    "unit": "unitEdit",
    "unit_price": "unitPriceEdit",
    "appraised_value": "appraisedEdit",
    "valuation_date": "valuationDateEdit",
    "pledge_rate": "pledgeRateEdit",
    "registry": "registryEdit",
    "registration_no": "registrationEdit",
    "vintage_year": "vintageEdit",
    "expiry": "expiryEdit",
    "owner": "ownerEdit",
}
OPTIONAL = ("quantity", "unit_price", "appraised_value", "pledge_rate", "vintage_year", "expiry")
INSTRUMENTS = ("", "CEA", "CCER")


def collateral_types() -> list[tuple[str, str]]:
    """(key, label) of the collateral types GreenDesk values, in the current language."""
    chinese = labels.chinese()
    return [
        (t.key, t.name_zh if chinese else t.name_en)
        for t in reference.collateral_types().types.values()
    ]


class PledgeDialog(EditorDialog):
    FIELDS: ClassVar[dict[str, str]] = {
        **EDITS,
        "collateral_type": "typeCombo",
        "price_instrument": "instrumentCombo",
    }

    def __init__(
        self,
        db: Database,
        actor: Principal,
        loan_id: int,
        record: PledgeRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, "pledge_dialog")
        self.type_combo = child(self, QComboBox, "typeCombo")
        self.type_combo.setEditable(True)
        for key, label in collateral_types():
            self.type_combo.addItem(f"{label} ({key})" if label else key, key)
        self.instrument = child(self, QComboBox, "instrumentCombo")
        for code in INSTRUMENTS:
            self.instrument.addItem(code, code)
        self.edits = {k: child(self, QLineEdit, v) for k, v in EDITS.items()}
        start = pledges.pledge_input(record) if record else PledgeInput(loan_id=loan_id)
        for key, edit in self.edits.items():
            value = getattr(start, key)
            edit.setText("" if value is None else str(value))
        index = self.type_combo.findData(start.collateral_type)
        if index >= 0:
            self.type_combo.setCurrentIndex(index)
        else:
            self.type_combo.setEditText(start.collateral_type)
        self.instrument.setEditText(start.price_instrument)
        self.setWindowTitle(
            QCoreApplication.translate("PledgeDialog", "Add pledge")
            if record is None
            else QCoreApplication.translate("PledgeDialog", "Pledge {}").format(record.seq)
        )

        def save() -> PledgeRecord:
            data = self.collect(loan_id)
            if record is None:
                return pledges.add_pledge(db, actor, data)
            return pledges.update_pledge(
                db, actor, record.id, data, expected_version=record.version
            )

        self.set_saver(save)

    def _type_key(self) -> str:
        text = self.type_combo.currentText().strip()
        index = self.type_combo.findText(text)
        data = self.type_combo.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def collect(self, loan_id: int) -> PledgeInput:
        values: dict[str, Any] = {}
        for key, edit in self.edits.items():
            text = edit.text()
            values[key] = blank_none(text) if key in OPTIONAL else text.strip()
        return PledgeInput(
            loan_id=loan_id,
            collateral_type=self._type_key(),
            price_instrument=self.instrument.currentText().strip(),
            **values,
        )
