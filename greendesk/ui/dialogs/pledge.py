"""The pledge editor (new or existing), laid out by ``forms/pledge_dialog.ui``."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

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
        for key, label in collateral_types():  # words only; the service gets the key
            self.type_combo.addItem(label or key, key)
        self.instrument = child(self, QComboBox, "instrumentCombo")
        for code in INSTRUMENTS:
            self.instrument.addItem(code, code)
        self.edits = {k: child(self, QLineEdit, v) for k, v in EDITS.items()}
        start = pledges.pledge_input(record) if record else PledgeInput(loan_id=loan_id)
        for key, edit in self.edits.items():
            value = getattr(start, key)
            edit.setText("" if value is None else str(value))
        index = self.type_combo.findData(start.collateral_type)
        if index < 0 and start.collateral_type:  # a type no longer shipped stays as it was
            self.type_combo.addItem(start.collateral_type, start.collateral_type)
            index = self.type_combo.count() - 1
        self.type_combo.setCurrentIndex(max(index, 0))
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
        self.type_combo.currentIndexChanged.connect(lambda _i: self._follow_type())
        self._follow_type()

    def _follow_type(self) -> None:
        """Say which date a value rests on: a priced type's own price date is only a fallback.

        Allowances and CCERs are valued at the reference price table's latest price, dated by
        that price; the pledge's own unit price and its date count only when the table has none.
        """
        priced = reference.collateral_priced(self._type_key())
        price_label = child(self, QLabel, "unitPriceEditLabel")
        date_label = child(self, QLabel, "valuationDateEditLabel")
        if priced:
            price_label.setText(
                QCoreApplication.translate("PledgeDialog", "Own unit price (CNY, fallback)")
            )
            date_label.setText(QCoreApplication.translate("PledgeDialog", "Date of own price"))
            hint = QCoreApplication.translate(
                "PledgeDialog",
                "Valued at the latest reference price on file, dated by that price; this price "
                "and date are used only when no reference price exists.",
            )
        else:
            price_label.setText(QCoreApplication.translate("PledgeDialog", "Unit price (CNY)"))
            date_label.setText(QCoreApplication.translate("PledgeDialog", "Valuation date"))
            hint = QCoreApplication.translate(
                "PledgeDialog", "The date of the appraisal or price the value rests on."
            )
        for key in ("unit_price", "valuation_date"):
            self.edits[key].setToolTip(hint)
        self.edits["appraised_value"].setEnabled(not priced)

    def _type_key(self) -> str:
        data = self.type_combo.currentData()
        return str(data) if data else ""

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
