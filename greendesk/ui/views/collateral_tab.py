"""The collateral tab: each pledge with its valuation, registry and expiry; coverage and alerts.

Values, eligible values, coverage and alerts come from the assessment service when present;
the pledge records alone give what was entered.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from greendesk.domain.collateral import load_collateral_types
from greendesk.services.records.results import PledgeRecord
from greendesk.ui import labels
from greendesk.ui.forms import child
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.views.detail_data import LoanDetail

ALERT = QColor("#A32D2D")


def type_label(key: str) -> str:
    """The collateral type's name in the interface language (its key if unknown)."""
    found = load_collateral_types().get(key)
    if found is None:
        return key
    return found.name_zh if labels.chinese() else found.name_en


class CollateralTab:
    def __init__(self, root: QWidget) -> None:
        self.table = child(root, QTableView, "pledgeTable")
        self.coverage = child(root, QLabel, "coverageLabel")
        self.alerts = child(root, QLabel, "alertsLabel")
        self._values: dict[int, Any] = {}
        self.model: RowsModel[PledgeRecord] = RowsModel(self._columns(), root)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)

    def _value_of(self, pledge: PledgeRecord, name: str) -> Decimal | None:
        found = self._values.get(pledge.id)
        value = getattr(found, name, None) if found is not None else None
        return value if isinstance(value, Decimal) else None

    def _columns(self) -> list[Column[PledgeRecord]]:
        today = date.today()

        def expiry_colour(p: PledgeRecord) -> QColor | None:
            return ALERT if p.expiry is not None and p.expiry <= today else None

        return [
            Column(
                QCoreApplication.translate("CollateralTab", "No."), lambda p: str(p.seq), right=True
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Type"),
                lambda p: type_label(p.collateral_type),
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Description"),
                lambda p: labels.text(p.description),
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Quantity"),
                lambda p: labels.number(p.quantity, p.unit or "") if p.quantity else "—",
                right=True,
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Unit price"),
                lambda p: (
                    f"{labels.number(p.unit_price)} ({p.price_instrument})"
                    if p.unit_price is not None and p.price_instrument
                    else labels.number(p.unit_price)
                ),
                right=True,
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Appraised value"),
                lambda p: labels.money(p.appraised_value),
                right=True,
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Value"),
                lambda p: labels.money(self._value_of(p, "value")),
                right=True,
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Pledge rate"),
                lambda p: (
                    labels.percent(p.pledge_rate, 0)
                    if p.pledge_rate is not None
                    else QCoreApplication.translate("CollateralTab", "type default")
                ),
                right=True,
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Eligible value"),
                lambda p: labels.money(self._value_of(p, "eligible_value")),
                right=True,
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Registry"),
                lambda p: labels.text(p.registry),
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Registration no."),
                lambda p: labels.text(p.registration_no),
            ),
            Column(
                QCoreApplication.translate("CollateralTab", "Expiry"),
                lambda p: labels.day(p.expiry),
                colour=expiry_colour,
            ),
        ]

    def show(self, detail: LoanDetail) -> None:
        collateral = getattr(detail.assessment, "collateral", None)
        self._values = {}
        for item in getattr(collateral, "pledges", ()) or ():
            pledge_id = getattr(item, "pledge_id", None)
            if isinstance(pledge_id, int):
                self._values[pledge_id] = item
        self.model.set_columns(self._columns(), detail.pledges)
        self.table.resizeColumnsToContents()
        if not detail.pledges:
            self.coverage.setProperty("tone", "ok")
            self.coverage.setText(
                QCoreApplication.translate(
                    "CollateralTab", "No collateral is pledged to this loan."
                )
            )
        else:
            ratio = getattr(collateral, "coverage", None)
            threshold = detail.loan.coverage_threshold
            if isinstance(ratio, Decimal):
                text = QCoreApplication.translate(
                    "CollateralTab", "Coverage {ratio} (threshold {threshold})"
                ).format(
                    ratio=f"{ratio:.2f}×",
                    threshold=f"{threshold:.2f}×" if threshold is not None else "—",
                )
                short = threshold is not None and ratio < threshold
                self.coverage.setProperty("tone", "alert" if short else "ok")
            else:
                text = QCoreApplication.translate("CollateralTab", "{n} pledges").format(
                    n=len(detail.pledges)
                )
                self.coverage.setProperty("tone", "ok")
            self.coverage.setText(text)
        self.coverage.style().unpolish(self.coverage)
        self.coverage.style().polish(self.coverage)
        alerts = [str(a) for a in getattr(collateral, "alerts", ()) or ()]
        today = date.today()
        for p in detail.pledges:
            if p.expiry is not None and p.expiry <= today:
                alerts.append(
                    QCoreApplication.translate("CollateralTab", "Pledge {n} expired on {d}").format(
                        n=p.seq, d=p.expiry
                    )
                )
        self.alerts.setVisible(bool(alerts))
        self.alerts.setText("\n".join(f"⚠ {a}" for a in dict.fromkeys(alerts)))
