"""The collateral tab: each pledge's value, pledge rate and eligible value, registry and expiry;
the loan's coverage against its threshold, and the valuation alerts.

Values come from the assessment service's collateral report (today's reference prices); the
pledge records supply what was entered and the ids the editors need.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from greendesk.services.assessment import PledgeLine
from greendesk.services.records.reference import collateral_types
from greendesk.services.records.results import PledgeRecord
from greendesk.ui import labels
from greendesk.ui.forms import child
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.tables import fit_columns
from greendesk.ui.views.detail_data import CollateralView, LoanDetail
from greendesk.ui.views.language import content_language

ALERT = QColor("#A32D2D")


@dataclass(frozen=True)
class PledgeRow:
    record: PledgeRecord
    line: PledgeLine | None  # its valuation, when the pledges could be valued


def type_label(key: str) -> str:
    """The collateral type's name in the interface language (its key if unknown)."""
    found = collateral_types().get(key)
    if found is None:
        return key
    return found.name_zh if labels.chinese() else found.name_en


def _price(row: PledgeRow) -> str:
    p = row.record
    price = row.line.unit_price if row.line is not None else p.unit_price
    instrument = (row.line.instrument if row.line is not None else None) or p.price_instrument
    if price is None:
        return labels.DASH
    return f"{labels.number(price)} ({instrument})" if instrument else labels.number(price)


def _money(row: PledgeRow, name: str) -> str:
    value = getattr(row.line, name, None) if row.line is not None else None
    return labels.money(value) if isinstance(value, Decimal) else labels.DASH


def _rate(row: PledgeRow) -> str:
    if row.line is not None:
        return labels.percent(row.line.pledge_rate, 0)
    rate = row.record.pledge_rate
    return labels.percent(rate, 0) if rate is not None else labels.DASH


def pledge_columns(alerted: set[int]) -> list[Column[PledgeRow]]:
    def warn(row: PledgeRow) -> QColor | None:
        return ALERT if row.record.seq in alerted else None

    return [
        Column(
            QCoreApplication.translate("CollateralTab", "No."),
            lambda r: str(r.record.seq),
            right=True,
            colour=warn,
        ),
        Column(
            QCoreApplication.translate("CollateralTab", "Type"),
            lambda r: type_label(r.record.collateral_type),
        ),
        Column(
            QCoreApplication.translate("CollateralTab", "Description"),
            lambda r: labels.text(r.record.description),
        ),
        Column(
            QCoreApplication.translate("CollateralTab", "Quantity"),
            lambda r: (
                labels.number(r.record.quantity, r.record.unit or "")
                if r.record.quantity is not None
                else labels.DASH
            ),
            right=True,
        ),
        Column(QCoreApplication.translate("CollateralTab", "Unit price"), _price, right=True),
        Column(
            QCoreApplication.translate("CollateralTab", "Value"),
            lambda r: _money(r, "value"),
            right=True,
        ),
        Column(QCoreApplication.translate("CollateralTab", "Pledge rate"), _rate, right=True),
        Column(
            QCoreApplication.translate("CollateralTab", "Eligible value"),
            lambda r: _money(r, "eligible_value"),
            right=True,
        ),
        Column(
            QCoreApplication.translate("CollateralTab", "Valuation date"),
            lambda r: labels.day(r.line.value_date if r.line else r.record.valuation_date),
        ),
        Column(
            QCoreApplication.translate("CollateralTab", "Registry"),
            lambda r: labels.text(r.record.registry),
        ),
        Column(
            QCoreApplication.translate("CollateralTab", "Registration no."),
            lambda r: labels.text(r.record.registration_no),
        ),
        Column(
            QCoreApplication.translate("CollateralTab", "Expiry"),
            lambda r: labels.day(r.record.expiry),
            colour=warn,
        ),
    ]


class CollateralTab:
    def __init__(self, root: QWidget) -> None:
        self.table = child(root, QTableView, "pledgeTable")
        self.coverage = child(root, QLabel, "coverageLabel")
        self.alerts = child(root, QLabel, "alertsLabel")
        self.model: RowsModel[PledgeRow] = RowsModel(pledge_columns(set()), root)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)

    def _tone(self, tone: str) -> None:
        self.coverage.setProperty("tone", tone)
        self.coverage.style().unpolish(self.coverage)
        self.coverage.style().polish(self.coverage)

    def show(self, detail: LoanDetail, valued: CollateralView) -> None:
        report = valued.report
        lines = {line.seq: line for line in report.pledges} if report is not None else {}
        alerts = list(report.alerts) if report is not None else []
        alerted = {a.pledge_seq for a in alerts if a.pledge_seq is not None}
        rows = [PledgeRow(p, lines.get(p.seq)) for p in detail.pledges]
        self.model.set_columns(pledge_columns(alerted), rows)
        fit_columns(self.table)
        threshold = detail.loan.coverage_threshold
        if not detail.pledges:
            self._tone("ok")
            self.coverage.setText(
                QCoreApplication.translate(
                    "CollateralTab", "No collateral is pledged to this loan."
                )
            )
        elif report is None or report.coverage is None:
            self._tone("alert")
            self.coverage.setText(
                valued.error
                or QCoreApplication.translate("CollateralTab", "The pledges could not be valued.")
            )
        else:
            self._tone("alert" if threshold is not None and report.coverage < threshold else "ok")
            self.coverage.setText(
                QCoreApplication.translate(
                    "CollateralTab",
                    "Coverage {ratio} (threshold {threshold}) · eligible {eligible} of "
                    "exposure {exposure} · as of {day}",
                ).format(
                    ratio=labels.percent(report.coverage),
                    threshold=labels.percent(threshold) if threshold is not None else labels.DASH,
                    eligible=labels.money(report.total_eligible),
                    exposure=labels.money(report.exposure, report.currency),
                    day=report.as_of.isoformat(),
                )
            )
        self.alerts.setVisible(bool(alerts))
        lang = content_language()
        self.alerts.setText("\n".join(f"⚠ {a.in_lang(lang)}" for a in alerts))

    def pledge_id(self, row: int) -> int | None:
        found = self.model.row(row)
        return found.record.id if found is not None else None
