"""The history tab as a timeline: a loan's life in words, names and formatted values, with the
raw audit event one click away — driven on the real detail view over a real database."""

from __future__ import annotations

import dataclasses
import re

from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import auth, conditions, portfolio, workflow
from greendesk.services.records import borrowers
from greendesk.services.records.loans import get_loan_terms, update_loan_terms
from greendesk.store.database import Database
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import column, syndicated_loan

_ENGLISH = re.compile(r"\b(null|None|true|false|loan\.\w+|status|amount)\b")


def test_history_reads_as_a_timeline(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    borrower = borrowers.list_borrowers(db)[0]
    loan_id = syndicated_loan(db, officer, borrower.id)
    terms = get_loan_terms(db, loan_id)
    changed = dataclasses.replace(terms.input, term_months="48")
    update_loan_terms(db, officer, loan_id, changed, expected_version=terms.version)
    workflow.submit(db, officer, loan_id)
    r1, r2, r3 = (
        auth.authenticate(db, n, auth.DEMO_PASSWORD)
        for n in ("reviewer1", "reviewer2", "reviewer3")
    )
    workflow.start_review(db, r1, loan_id)
    workflow.vote(db, r1, loan_id, "approve", comment="现金流覆盖充足")
    workflow.vote(db, r2, loan_id, "approve_with_conditions", conditions="办妥抵押登记")
    workflow.vote(db, r3, loan_id, "decline", comment="集中度偏高")
    workflow.decide(db, r1, loan_id)
    conditions.satisfy(db, officer, loan_id, 1, "不动产登记证明 2026-0001")
    workflow.disburse(db, officer, loan_id)

    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    assert win.select_loan(loan_id)
    qtbot.waitUntil(lambda: win.detail.detail is not None and win.detail.detail.loan.id == loan_id)
    win.detail.show_tab("history")  # the trail is read when its tab is shown
    history = win.detail.history
    events = column(history.model, 3)
    who = column(history.model, 2)
    names = {u.username: u.display_name for u in auth.list_users(db)}
    assert events[0].startswith("新建贷款申请 ") and "90,000,000.00" in events[0]
    assert "期限（月） 36 → 48" in next(e for e in events if e.startswith("修改贷款条款"))
    assert "提交申请" in events and "受理审查" in events
    votes = [e for e in events if e.startswith("投票：")]
    assert votes == [
        "投票：同意 — 意见：现金流覆盖充足",
        "投票：附条件同意 — 条件：办妥抵押登记",
        "投票：否决 — 意见：集中度偏高",
    ]
    decision = next(e for e in events if e.startswith("形成决议"))
    assert decision == "形成决议：附条件批准（共 3 票：同意 2，否决 1） — 条件：办妥抵押登记"
    assert "第 1 项放款前提条件已满足：办妥抵押登记 — 证明材料：不动产登记证明 2026-0001" in events
    assert events[-1] == "放款"
    for text in events:  # no codes, ids, JSON or untranslated English left in the timeline
        assert not _ENGLISH.search(text), text
        assert "{" not in text and "[" not in text, text
    assert names["reviewer2"] in who and names["officer"] in who
    assert "officer" not in who  # display names, not log-in names

    # the raw audit event, one click away
    row = next(i for i, e in enumerate(events) if e.startswith("形成决议"))
    history.table.selectRow(row)
    raw = history.detail.toPlainText()
    assert " decide loan " in raw and '"approved_with_conditions"' in raw and "hash " in raw
    win.close()


def test_timeline_in_english(
    qtbot: QtBot,
    desk_app: object,
    desk_translations: object,
    db: Database,
    officer: Principal,
    settings: Settings,
) -> None:
    from greendesk.ui.i18n import Translations

    assert isinstance(desk_translations, Translations)
    desk_translations.use("en")
    loan = next(x for x in portfolio.list_loans(db) if x.reference == "XJ-CJ-2023-001")
    win = MainWindow(db, officer, settings, "en")
    qtbot.addWidget(win)
    win.show()
    assert win.select_loan(loan.id)
    qtbot.waitUntil(lambda: win.detail.detail is not None)
    win.detail.show_tab("history")
    events = column(win.detail.history.model, 3)
    assert events[0] == "loan application created XJ-CJ-2023-001: 2,443,000,000.00, 240 months"
    assert any(e.startswith("classified by the engine: green (green share 100.0%)") for e in events)
    assert "GreenDesk (automatic)" in column(win.detail.history.model, 2)
    win.close()


def test_seeded_proceeds_allocations_read_in_words_and_names_wrap(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    """Mulei's seeded use-of-proceeds allocations were shown as ``loan.allocate_proceeds``."""
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    loan = next(x for x in portfolio.list_loans(db) if x.reference == "XJ-CJ-2023-001")
    assert win.select_loan(loan.id)
    win.detail.show_tab("history")  # the trail is read when its tab is shown
    tab = win.detail.history
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=10_000)
    events = column(tab.model, 3)
    assert not [e for e in events if "allocate_proceeds" in e]
    allocated = [e for e in events if e.startswith("分配募集资金：")]
    assert allocated and re.search(
        r"第 \d+ 笔提款中的 [\d,]+\.\d\d 分配至资金用途第 \d+ 行", allocated[0]
    )
    metrics = tab.table.fontMetrics()
    who = tab.table.columnWidth(2)
    assert who < metrics.horizontalAdvance("GreenDesk (automatic) GreenDesk")  # not a wide column
    win.close()
