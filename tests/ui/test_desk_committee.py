"""The overview's committee panel and the conditions checklist, driven through the real window.

Three reviewers approve a seeded application under review, one with two conditions; the officer
sees the votes and the decision, finds Disburse disabled, marks each condition satisfied with its
evidence in the dialog, and disburses — each step checked against what the database holds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import auth, conditions, portfolio, workflow
from greendesk.store.database import Database
from greendesk.ui.dialogs.note import NoteDialog
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import column

YUMEN = "玉门"
_LEFT = Qt.MouseButton.LeftButton


def _approve_with_conditions(db: Database) -> int:
    loan = next(
        x for x in portfolio.list_loans(db) if x.status == "under_review" and YUMEN in x.project
    )
    r1, r2, r3 = (
        auth.authenticate(db, name, auth.DEMO_PASSWORD)
        for name in ("reviewer1", "reviewer2", "reviewer3")
    )
    workflow.vote(db, r1, loan.id, "approve", comment="光热项目技术成熟")
    workflow.vote(
        db,
        r2,
        loan.id,
        "approve_with_conditions",
        conditions="完成项目并网验收\n追加母公司连带责任保证",
    )
    workflow.vote(db, r3, loan.id, "approve")
    workflow.decide(db, r1, loan.id)
    return loan.id


def _satisfy_in_dialog(qtbot: QtBot, win: MainWindow, row: int, evidence: str) -> None:
    panel = win.detail.committee
    panel.conditions_table.selectRow(row)
    assert panel.satisfy_button.isEnabled()
    dialog = panel.satisfy_selected()
    assert isinstance(dialog, NoteDialog) and dialog.isVisible()
    child(dialog, QPlainTextEdit, "noteEdit").setPlainText(evidence)
    buttons = child(dialog, QDialogButtonBox, "buttonBox")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), _LEFT)


def test_committee_votes_conditions_and_disbursement_in_the_window(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    loan_id = _approve_with_conditions(db)
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    assert win.select_loan(loan_id)
    qtbot.waitUntil(lambda: win.detail.detail is not None and win.detail.detail.loan.id == loan_id)
    panel = win.detail.committee
    assert panel.decision.text().startswith("决议：附条件批准")
    assert "3 票" in panel.decision.text()
    assert column(panel.votes, 1) == ["同意", "附条件同意", "同意"]
    assert column(panel.votes, 2)[1] == "完成项目并网验收\n追加母公司连带责任保证"
    assert column(panel.conditions, 1) == ["完成项目并网验收", "追加母公司连带责任保证"]
    assert column(panel.conditions, 3) == ["未满足", "未满足"]
    assert "2 项" in panel.note.text()
    assert not win.action("actionDisburse").isEnabled()

    # an empty evidence is refused in the dialog, which stays open, and nothing is stored
    panel.conditions_table.selectRow(0)
    dialog = panel.satisfy_selected()
    assert dialog is not None
    qtbot.mouseClick(
        child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok),
        _LEFT,
    )
    assert dialog.isVisible() and dialog.error.isVisible()
    dialog.reject()
    assert not conditions.list_conditions(db, loan_id)[0].satisfied

    _satisfy_in_dialog(qtbot, win, 0, "并网验收报告 GF-2026-031，国网甘肃电力 2026-05-10")
    qtbot.waitUntil(lambda: column(win.detail.committee.conditions, 3)[0].startswith("已满足"))
    stored = conditions.list_conditions(db, loan_id)
    assert stored[0].satisfied_by == "officer"
    assert stored[0].evidence == "并网验收报告 GF-2026-031，国网甘肃电力 2026-05-10"
    assert not stored[1].satisfied
    assert not win.action("actionDisburse").isEnabled()

    _satisfy_in_dialog(qtbot, win, 1, "保证合同 BZ-2026-07")
    qtbot.waitUntil(lambda: win.action("actionDisburse").isEnabled())
    assert "全部" in win.detail.committee.note.text()
    win.action("actionDisburse").trigger()
    qtbot.waitUntil(
        lambda: workflow.workflow_state(db, officer, loan_id).status.value == "disbursed"
    )
    win.close()
