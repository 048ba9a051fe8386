"""Small helpers shared by the interface tests."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services.records.inputs import DrawdownInput, LenderInput, LoanInput
from greendesk.services.records.loans import create_loan
from greendesk.store.database import Database
from greendesk.ui.dialogs.login import LoginDialog


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


def shot(widget: QWidget, name: str) -> None:
    """Save a grab of ``widget`` as NAME.png when ``GREENDESK_DAY_SHOTS`` names a folder."""
    folder = os.environ.get("GREENDESK_DAY_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()  # pending layouts and chart geometry first
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def answer_login(qtbot: QtBot, username: str, password: str) -> list[LoginDialog]:
    """Type into the log-in dialog the desk is about to open (modal, so from the event loop)."""
    seen: list[LoginDialog] = []

    def answer() -> None:
        dialogs = [d for d in top_level(LoginDialog) if isinstance(d, LoginDialog)]
        assert len(dialogs) == 1, "the desk shows one log-in dialog"
        dialog = dialogs[0]
        seen.append(dialog)
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, username)
        qtbot.keyClicks(dialog.password, password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    return seen
