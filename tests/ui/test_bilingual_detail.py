"""The detail tabs show collateral alerts and classification findings in the interface language.

Both are stored in Chinese and English; the Chinese window (the default) must show the Chinese
ones and, after the officer switches the desk to English, the rebuilt window the English ones.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import portfolio
from greendesk.services.assessment import collateral_report, stored_classification
from greendesk.store.database import Database
from greendesk.ui.app import Desk
from greendesk.ui.i18n import Translations
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import column

CEA_CROSS_PERIOD = "XJ-CJ-2024-002"  # allowances surrendered before the loan matures
JINTA = "GS-JQ-2024-001"  # green solar loan with missing approvals
# Written out by hand: the engine's wording for these seeded loans.
ZH_SURRENDER = "押品 1：2023 年度配额须于 2024-12-31 前清缴，早于贷款到期日 2026-05-20"
EN_SURRENDER = "pledge 1: 2023 allowances must be surrendered by 2024-12-31"
ZH_APPROVAL = "缺少：项目核准或备案文件（2019版目录 3.2.2 太阳能利用设施建设和运营）"
EN_APPROVAL = "2019:3.2.2 太阳能利用设施建设和运营: project approval or filing (核准/备案文件)"
ZH_ITEM = "2019:3.2.2 太阳能利用设施建设和运营"
EN_ITEM = "2019:3.2.2 Solar energy facilities"


def _loan_id(db: Database, reference: str) -> int:
    return next(s.id for s in portfolio.list_loans(db) if s.reference == reference)


def _show(qtbot: QtBot, win: MainWindow, loan_id: int) -> None:
    """Select the loan and wait until its classification has been read on the worker."""
    with qtbot.waitSignal(win.detail.classification_ready, timeout=10_000):
        assert win.select_loan(loan_id)
    assert win.detail.detail is not None and win.detail.detail.loan.id == loan_id
    win.detail.show_tab("collateral")  # each tab is filled when shown
    win.detail.show_tab("classification")


def _findings(win: MainWindow) -> list[str]:
    return column(win.detail.classification.model, 1)


def test_chinese_window_shows_chinese_alerts_and_findings(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    cea = _loan_id(db, CEA_CROSS_PERIOD)
    _show(qtbot, win, cea)
    alerts = win.detail.collateral.alerts
    assert not alerts.isHidden()  # shown once its tab is opened
    assert ZH_SURRENDER in alerts.text()
    assert EN_SURRENDER not in alerts.text()
    [report] = collateral_report(db, CEA_CROSS_PERIOD, date.today())
    assert alerts.text().splitlines() == [f"⚠ {a.zh}" for a in report.alerts]

    jinta = _loan_id(db, JINTA)
    _show(qtbot, win, jinta)
    findings = _findings(win)
    assert ZH_APPROVAL in findings
    assert EN_APPROVAL not in findings
    info = stored_classification(db, jinta)
    assert info is not None
    assert findings == [f.zh for f in info.criteria_met + info.missing_evidence]
    assert ZH_ITEM in win.detail.classification.summary.text()
    assert "绿色" in win.detail.classification.summary.text()


def test_switching_to_english_shows_english_alerts_and_findings(
    qtbot: QtBot,
    desk_app: QApplication,
    desk_translations: Translations,
    db: Database,
    officer: Principal,
    settings: Settings,
) -> None:
    desk = Desk(desk_app, db, db.url, settings, desk_translations)
    desk.actor = officer
    desk.open_window()
    chinese = desk.window
    assert chinese is not None
    jinta = _loan_id(db, JINTA)
    _show(qtbot, chinese, jinta)
    assert ZH_APPROVAL in _findings(chinese)

    chinese.action("actionLangEn").trigger()
    english = desk.window
    assert english is not None and english is not chinese
    qtbot.addWidget(english)
    assert english.current_loan_id() == jinta  # the rebuilt window keeps the loan
    english.detail.show_tab("classification")
    qtbot.waitUntil(lambda: EN_APPROVAL in _findings(english), timeout=10_000)
    findings = _findings(english)
    assert ZH_APPROVAL not in findings
    info = stored_classification(db, jinta)
    assert info is not None
    assert findings == [f.en for f in info.criteria_met + info.missing_evidence]
    assert EN_ITEM in english.detail.classification.summary.text()

    _show(qtbot, english, _loan_id(db, CEA_CROSS_PERIOD))
    text = english.detail.collateral.alerts.text()
    assert EN_SURRENDER in text
    assert ZH_SURRENDER not in text
    [report] = collateral_report(db, CEA_CROSS_PERIOD, date.today())
    assert text.splitlines() == [f"⚠ {a.en}" for a in report.alerts]
    english.close()
