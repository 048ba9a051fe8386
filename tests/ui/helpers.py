"""Small helpers shared by the interface tests."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication, QWidget

from greendesk.domain.roles import Principal
from greendesk.services.records.inputs import DrawdownInput, LenderInput, LoanInput
from greendesk.services.records.loans import create_loan
from greendesk.store.database import Database


def column(model: QAbstractItemModel, col: int) -> list[str]:
    return [
        str(model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
    ]


def header(model: QAbstractItemModel, col: int) -> str:
    return str(model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))


def top_level(kind: type[QWidget], visible_only: bool = True) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, kind) and (w.isVisible() or not visible_only)
    ]


def syndicated_loan(db: Database, actor: Principal, borrower_id: int) -> int:
    """A draft 3-year syndicated loan on the weekend-only calendar, made through the service."""
    record = create_loan(
        db,
        actor,
        LoanInput(
            borrower_id=borrower_id,
            purpose="UI test facility",
            bank="测试银行",
            amount="90000000.00",
            start_date="2025-01-15",
            term_months="36",
            frequency="quarterly",
            method="equal_principal",
            rate_kind="fixed",
            annual_rate="0.0345",
            calendar="NONE",
            business_day="following",
            drawdowns=[
                DrawdownInput(date="2025-01-15", amount="60000000.00"),
                DrawdownInput(date="2025-04-15", amount="30000000.00"),
            ],
            lenders=[
                LenderInput(name="甲银行", role="lead_arranger", commitment="40000000.00"),
                LenderInput(name="乙银行", role="agent", commitment="30000000.00"),
                LenderInput(name="丙银行", role="participant", commitment="20000000.00"),
            ],
        ),
    )
    return record.id
