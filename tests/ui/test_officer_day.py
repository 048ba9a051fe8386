"""An officer's whole day, and the committee's part in it, in the real window (issue 12).

One test drives the desk as the day goes, on a private copy of the demo database: the officer
logs in (the log-in dialog the desk opens), registers a borrower and a project, structures a
syndicated loan watching the live schedule and its chart, pledges a CEA allowance and a
plant-variety right, supplies the missing evidence until the loan classifies green, submits it
and previews the memo; three reviewers log in in turn (File → Log out, the way the desk
switches users), start the review, vote — one with a condition — and decide; the officer finds
disbursement held while the condition is open, marks it satisfied with its evidence and
disburses. After each step the test reads what was stored through the services.

``GREENDESK_DAY_SHOTS=/some/folder`` saves screenshots of the main steps there (also
tests/ui/test_analyst_day.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import qGray
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from greendesk.domain.credit_code import credit_code_check_char
from greendesk.domain.roles import Principal
from greendesk.services import audit, auth, conditions, workflow
from greendesk.services.assessment import stored_classification
from greendesk.services.records import borrowers, market_data, projects
from greendesk.services.records.loans import get_loan
from greendesk.services.records.pledges import list_pledges
from greendesk.store.database import Database
from greendesk.ui.app import Desk
from greendesk.ui.dialogs.borrower import BorrowerDialog
from greendesk.ui.dialogs.evidence import EvidenceDialog
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.dialogs.memo import MemoDialog
from greendesk.ui.dialogs.note import NoteDialog, VoteDialog
from greendesk.ui.dialogs.pledge import PledgeDialog
from greendesk.ui.dialogs.project import ProjectDialog
from greendesk.ui.forms import child
from greendesk.ui.i18n import Translations
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import answer_login, column, shot, top_level
from tests.ui.test_loan_editor_pages import _page_of, choose, ok, type_cell, type_row, type_text

LEFT = Qt.MouseButton.LeftButton
CREDIT_CODE_17 = "91620900MA7X12340"  # 甘肃 酒泉; the check character is computed below
AMOUNT = Decimal("300000000.00")
LENDERS = (
    ("中国农业银行酒泉分行", "牵头行", "150000000.00"),
    ("国家开发银行甘肃分行", "代理行", "100000000.00"),
    ("兴业银行兰州分行", "参加行", "50000000.00"),
)
PV = {  # the technology figures the 2019:3.2.2 criteria read, as the module datasheet says
    "solar_technology": "pv",
    "pv_cell_type": "monocrystalline",
    "pv_module_efficiency_pct": "22.8",
    "pv_first_year_degradation_pct": "1.5",
    "pv_annual_degradation_pct": "0.4",
}
CONDITION = "放款前取得项目并网验收报告"
WAIT = 30_000  # ms: work on workers, on a shared 2-core machine


# -- the desk around the window
def _scroll_to(widget: QWidget) -> None:
    """Bring ``widget`` into view in the scroll area holding it (for the screenshots)."""
    holder = widget.parentWidget()
    while holder is not None and not isinstance(holder, QScrollArea):
        holder = holder.parentWidget()
    if isinstance(holder, QScrollArea):
        holder.ensureWidgetVisible(widget)


def _window(desk: Desk) -> MainWindow:
    assert desk.window is not None
    return desk.window


def _log_in_as(qtbot: QtBot, desk: Desk, username: str, via: Callable[[], None]) -> MainWindow:
    seen = answer_login(qtbot, username, auth.DEMO_PASSWORD)
    via()
    assert seen and seen[0].principal is not None
    assert desk.actor is not None and desk.actor.username == username
    window = _window(desk)
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=WAIT)
    assert window.actor.username == username
    return window


def _switch_user(qtbot: QtBot, desk: Desk, username: str) -> MainWindow:
    """File → Log out, then the log-in dialog, as a shared committee desk changes hands."""
    before = _window(desk)
    return _log_in_as(qtbot, desk, username, before.action("actionLogout").trigger)


def _select(qtbot: QtBot, window: MainWindow, loan_id: int) -> None:
    qtbot.waitUntil(lambda: window.model.row_of(loan_id) is not None, timeout=WAIT)
    assert window.select_loan(loan_id)
    qtbot.waitUntil(
        lambda: window.detail.detail is not None and window.detail.detail.loan.id == loan_id,
        timeout=WAIT,
    )


def _dialog(window: MainWindow, kind: type) -> object:  # the dialog the last command opened
    dialog = window.commands.dialog
    assert isinstance(dialog, kind) and dialog.isVisible(), type(dialog)
    return dialog


# -- the officer's records
def _register_borrower(qtbot: QtBot, window: MainWindow) -> int:
    window.action("actionNewBorrower").trigger()
    dialog = _dialog(window, BorrowerDialog)
    assert isinstance(dialog, BorrowerDialog)
    code = CREDIT_CODE_17 + credit_code_check_char(CREDIT_CODE_17)
    ok(dialog)  # empty: every required field named at once, nothing saved
    assert dialog.isVisible() and "名称" in dialog.error.text()
    type_text(qtbot, dialog.edits["name"], "酒泉光明新能源有限公司")
    type_text(qtbot, dialog.edits["credit_code"], code.lower())  # typed in lower case
    type_text(qtbot, dialog.edits["industry"], "光伏发电")
    type_text(qtbot, dialog.edits["region"], "甘肃 酒泉")
    ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    stored = next(b for b in borrowers.list_borrowers(window.db) if b.credit_code == code)
    assert (stored.name, stored.region, stored.industry) == (
        "酒泉光明新能源有限公司",
        "甘肃 酒泉",
        "光伏发电",
    )
    return stored.id


def _register_project(qtbot: QtBot, window: MainWindow, borrower_id: int) -> int:
    window.action("actionNewProject").trigger()
    dialog = _dialog(window, ProjectDialog)
    assert isinstance(dialog, ProjectDialog)
    combo = dialog.borrower
    combo.setCurrentIndex(combo.findText("酒泉光明新能源有限公司", Qt.MatchFlag.MatchStartsWith))
    assert combo.currentData() == borrower_id
    type_text(qtbot, dialog.edits["name"], "酒泉100MW光伏电站")
    type_text(qtbot, dialog.edits["location"], "甘肃省酒泉市瓜州县")
    type_text(qtbot, dialog.edits["region"], "甘肃 酒泉")
    dialog.choose_catalogue.trigger()  # the catalogue tree, searched by the code
    picker = dialog.edits["catalogue_code"].property("picker")
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.search, "3.2.2")
    assert picker.key == "2019:3.2.2"
    qtbot.mouseClick(picker.ok, LEFT)
    assert dialog.edits["catalogue_code"].text() == "2019:3.2.2"
    type_text(qtbot, dialog.edits["capacity_mw"], "100")
    type_text(qtbot, dialog.edits["total_investment"], "450000000.00")
    type_text(qtbot, dialog.edits["annual_co2e_reduction_t"], "120000")
    ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    stored = next(p for p in projects.list_projects(window.db, borrower_id))
    assert (stored.name, stored.catalogue_code, stored.total_investment) == (
        "酒泉100MW光伏电站",
        "2019:3.2.2",
        Decimal("450000000.00"),
    )
    return stored.id


# -- structuring, with the live schedule
def _settled(qtbot: QtBot, dialog: LoanDialog) -> None:
    qtbot.waitUntil(lambda: dialog.preview.shown == dialog.preview.requested, timeout=WAIT)


def _rows(qtbot: QtBot, dialog: LoanDialog, periods: int) -> None:
    tab = dialog.schedule_page.tab
    try:
        qtbot.waitUntil(lambda: tab.borrower_model.rowCount() == periods, timeout=WAIT)
    except TimeoutError:
        raise AssertionError(f"preview: {tab.terms.text()}") from None


def _structure_loan(qtbot: QtBot, window: MainWindow, borrower_id: int, project_id: int) -> int:
    window.action("actionNewLoan").trigger()
    dialog = _dialog(window, LoanDialog)
    assert isinstance(dialog, LoanDialog)
    dialog.borrower.setCurrentIndex(dialog.borrower.findData(borrower_id))
    dialog.project.setCurrentIndex(dialog.project.findData(project_id))
    type_text(qtbot, dialog.edits["purpose"], "酒泉100MW光伏电站建设")
    type_text(qtbot, dialog.edits["bank"], "中国农业银行")
    type_text(qtbot, dialog.edits["amount"], "3亿")  # as bankers write it
    type_text(qtbot, dialog.edits["start_date"], "2026-12-15")
    type_text(qtbot, dialog.edits["term_months"], "60")
    choose(dialog.combos["frequency"], "quarterly")
    choose(dialog.combos["method"], "equal_principal")
    choose(dialog.combos["rate_kind"], "fixed")
    type_text(qtbot, dialog.edits["annual_rate"], "3.45%")
    tab = dialog.schedule_page.tab
    _rows(qtbot, dialog, 20)  # 60 months, quarterly, computed after the typing pauses
    assert len(tab.chart.points) == 20 and tab.chart.points[-1].balance == 0
    assert tab.chart.points[0].balance == AMOUNT - AMOUNT / 20

    # the syndicate, row by row; the role is picked from words
    view = dialog.grids.view("lenders")
    for name, role, commitment in LENDERS:
        type_row(qtbot, dialog, "lenders", "addLenderButton", [name, "", commitment])
        row = view.model().rowCount() - 1
        index = view.model().index(row, 1)
        view.setCurrentIndex(index)
        view.edit(index)
        combo = next(w for w in view.viewport().findChildren(QComboBox) if w.isVisible())
        combo.setCurrentIndex(combo.findText(role))
        qtbot.keyClick(combo, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda i=index, r=role: i.data() == r)  # type: ignore[misc]
    total = dialog.grids.totals.labels["lenders"].text()
    assert "300,000,000.00" in total
    # the use of proceeds, from the catalogue tree
    type_row(
        qtbot, dialog, "use_of_proceeds", "addProceedsButton", ["", "光伏电站建设", "300000000.00"]
    )
    proceeds = dialog.grids.view("use_of_proceeds")
    cell = proceeds.model().index(proceeds.model().rowCount() - 1, 0)
    proceeds.setCurrentIndex(cell)
    proceeds.edit(cell)
    picker = proceeds.itemDelegateForColumn(0).picker  # type: ignore[attr-defined]
    qtbot.keyClicks(picker.search, "3.2.2")
    qtbot.mouseClick(picker.ok, LEFT)
    qtbot.waitUntil(lambda: cell.data() == "2019:3.2.2")

    # the preview follows the terms: a lender's own schedule, then a shorter tenor
    dialog.tabs.setCurrentWidget(dialog.schedule_page)
    qtbot.waitUntil(lambda: tab.party.count() == 1 + len(LENDERS), timeout=WAIT)
    tab.party.setCurrentIndex(1)
    assert tab.chart.chart().title() == LENDERS[0][0]
    assert sum(p.principal for p in tab.chart.points) == Decimal(LENDERS[0][2])
    tab.party.setCurrentIndex(0)
    shot(dialog, "1-loan-editor-preview")
    type_text(qtbot, dialog.edits["term_months"], "36")
    _rows(qtbot, dialog, 12)
    assert len(tab.chart.points) == 12 and tab.chart.points[-1].balance == 0
    # requests in quick succession: only the newest answer is shown
    shown: list[int] = []
    tab.borrower_model.modelReset.connect(lambda: shown.append(tab.borrower_model.rowCount()))
    for months in ("48", "72", "84"):
        type_text(qtbot, dialog.edits["term_months"], months)
        dialog.preview.compute()
        # computed on the editor's worker: the answer can only come through the event loop
        assert dialog.preview.shown < dialog.preview.requested
    _settled(qtbot, dialog)
    assert dialog.tasks.wait(WAIT)  # the editor's own pool
    qtbot.wait(50)  # every older answer has arrived by now, and was dropped
    assert shown == [28], shown  # the 16- and 24-period schedules were never shown
    assert tab.borrower_model.rowCount() == 28 and len(tab.chart.points) == 28
    assert all(s.count() == 28 for s in tab.chart.series.values())
    assert dialog.saved is None  # nothing stored while structuring

    # the lenders' shares must add up: a cut commitment is refused, every error named
    dialog.tabs.setCurrentWidget(_page_of(dialog, view))
    type_cell(qtbot, view, 2, 2, "40000000.00")
    ok(dialog)
    assert dialog.isVisible() and dialog.saved is None
    assert (
        dialog.error.text() == "银团：承贷金额合计 290,000,000.00，与贷款金额 300,000,000.00 不符"
    )
    assert view.property("invalid") is True  # the syndicate grid outlined
    type_cell(qtbot, view, 2, 2, LENDERS[2][2])
    ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    loan = get_loan(window.db, dialog.saved.id)
    assert (loan.amount, loan.term_months, loan.annual_rate) == (AMOUNT, 84, Decimal("0.0345"))
    assert [(x.name, x.role, x.commitment) for x in loan.lenders] == [
        (LENDERS[0][0], "lead_arranger", Decimal(LENDERS[0][2])),
        (LENDERS[1][0], "agent", Decimal(LENDERS[1][2])),
        (LENDERS[2][0], "participant", Decimal(LENDERS[2][2])),
    ]
    assert sum(x.commitment for x in loan.lenders) == loan.amount
    assert [(u.catalogue_code, u.amount) for u in loan.use_of_proceeds] == [("2019:3.2.2", AMOUNT)]
    # the new loan is listed and selected
    qtbot.waitUntil(lambda: window.current_loan_id() == loan.id, timeout=WAIT)
    return loan.id


# -- collateral
def _pledge(qtbot: QtBot, window: MainWindow, kind: str, values: dict[str, str]) -> None:
    window.action("actionNewPledge").trigger()
    dialog = _dialog(window, PledgeDialog)
    assert isinstance(dialog, PledgeDialog)
    choose(dialog.type_combo, kind)
    for key, text in values.items():
        if key == "price_instrument":
            dialog.instrument.setCurrentIndex(dialog.instrument.findText(text))
        else:
            type_text(qtbot, dialog.edits[key], text)
    ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()


def _pledge_collateral(qtbot: QtBot, window: MainWindow, loan_id: int) -> None:
    _pledge(
        qtbot,
        window,
        "cea",
        {
            "description": "甘肃某电厂2025年度碳排放配额",
            "quantity": "1000000",
            "unit": "t",
            "price_instrument": "CEA",
            "vintage_year": "2025",
            "expiry": "2026-12-31",
            "registry": "全国碳排放权注册登记系统",
            "registration_no": "CEA-2026-0915",
            "owner": "酒泉光明新能源有限公司",
        },
    )
    _pledge(
        qtbot,
        window,
        "plant_variety_right",
        {
            "description": "甘肃沙棘新品种“陇沙1号”品种权",
            "quantity": "1",
            "unit": "项",
            "appraised_value": "20000000.00",
            "valuation_date": "2026-11-20",
            "registry": "农业农村部植物新品种保护办公室",
            "registration_no": "CNA20231234.5",
            "expiry": "2043-06-30",
            "owner": "酒泉光明新能源有限公司",
        },
    )
    stored = list_pledges(window.db, loan_id)
    assert [(p.collateral_type, p.quantity) for p in stored] == [
        ("cea", Decimal("1000000")),
        ("plant_variety_right", Decimal("1")),
    ]
    assert stored[0].price_instrument == "CEA" and stored[0].vintage_year == 2025
    assert stored[1].appraised_value == Decimal("20000000.00")
    detail = window.detail.detail
    assert detail is not None and len(detail.pledges) == 2
    window.detail.show_tab("collateral")  # valued as of today when the tab is shown
    lines = [row.line for row in window.detail.collateral.model.rows]
    cea, variety = (line for line in lines if line is not None)
    assert "%" in window.detail.collateral.coverage.text()  # a coverage ratio, not an error
    # the allowance at the price table's latest CEA price (and its date), no own price asked
    latest = market_data.list_prices(window.db, "CEA")[0]  # newest first
    assert (cea.basis, cea.unit_price, cea.value_date) == ("price", latest.price, latest.price_date)
    assert cea.value == Decimal("1000000") * latest.price
    assert (variety.basis, variety.value) == ("appraisal", Decimal("20000000.00"))


# -- evidence
def _supply_evidence(qtbot: QtBot, window: MainWindow, loan_id: int, scan: Path) -> None:
    tab = window.detail.classification
    window.detail.tabs.setCurrentWidget(child(window.detail, QWidget, "classificationTab"))
    qtbot.waitUntil(lambda: bool(tab.model.rows), timeout=WAIT)
    assert tab.evidence_button.isVisible()
    info = stored_classification(window.db, loan_id)
    assert info is not None and info.missing_evidence
    assert "green.pending_evidence" in [f.id for f in info.flags]
    qtbot.mouseClick(tab.evidence_button, LEFT)
    dialog = window.detail.evidence_dialog
    assert isinstance(dialog, EvidenceDialog)
    qtbot.waitUntil(dialog.isVisible)
    for _ in range(12):  # each value supplied may ask for the next figure the criteria read
        item = dialog.current_item()
        if item is None:
            break
        if item.supply == "value":
            wanted = PV[item.parameter or ""]
            if item.choices:
                dialog.value_combo.setCurrentIndex(dialog.value_combo.findData(wanted))
            else:
                type_text(qtbot, dialog.value_edit, wanted)
        else:
            assert item.supply == "document", item.id
            type_text(qtbot, dialog.issuer, "酒泉市发展和改革委员会")
            type_text(qtbot, dialog.reference, f"酒发改〔2026〕{dialog.documents.rowCount() + 1}号")
            type_text(qtbot, dialog.file, str(scan))
        if dialog.items.rowCount() == 1:
            shot(dialog, "2-evidence-page")
        qtbot.mouseClick(dialog.supply_button, LEFT)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
        assert dialog.error.isHidden(), dialog.error.text()
    assert dialog.items.rowCount() == 0 and dialog.documents.rowCount() == 3
    dialog.reject()
    info = stored_classification(window.db, loan_id)
    assert info is not None and info.primary == "green"
    assert info.missing_evidence == () and info.flags == ()
    project = projects.get_project(window.db, get_loan(window.db, loan_id).project_id or 0)
    assert {k: dict(project.technology).get(k) for k in PV} == PV
    # the tab, reloaded on closing the page: green, nothing missing
    qtbot.waitUntil(
        lambda: bool(tab.model.rows) and all(r.met for r in tab.model.rows), timeout=WAIT
    )
    assert "绿色" in tab.summary.text().splitlines()[0]
    assert not tab.evidence_button.isVisible()
    shot(window, "3-classified-green")


# -- the committee
def _vote(qtbot: QtBot, window: MainWindow, decision: str, conditions_text: str = "") -> None:
    """Cast the signed-in reviewer's vote in the vote dialog; the service has stored it."""
    assert window.action("actionVote").isEnabled()
    window.action("actionVote").trigger()
    dialog = _dialog(window, VoteDialog)
    assert isinstance(dialog, VoteDialog)
    choose(dialog.decision, decision)
    if conditions_text:
        dialog.conditions.setPlainText(conditions_text)
    dialog.comment.setPlainText("项目手续齐全，技术指标符合目录要求")
    qtbot.mouseClick(
        child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok),
        LEFT,
    )
    assert not dialog.isVisible(), dialog.error.text()


@pytest.fixture
def desk(
    desk_app: QApplication, desk_translations: Translations, db: Database, settings: Settings
) -> Iterator[Desk]:
    """The desk as ``greendesk`` starts it; its window (whoever is signed in) closed at the end."""
    running = Desk(desk_app, db, db.url, settings, desk_translations)
    yield running
    if running.window is not None:
        running.window.close()
        running.window.deleteLater()


@pytest.mark.slow
def test_an_officers_day_from_borrower_to_disbursement_in_the_window(
    qtbot: QtBot,
    desk: Desk,
    db: Database,
    tmp_path: Path,
    demo_principals: dict[str, Principal],
) -> None:
    # 1. the officer logs in and registers the borrower and the project
    seen = answer_login(qtbot, "officer", auth.DEMO_PASSWORD)
    assert desk.sign_in()
    assert seen and desk.actor is not None and desk.actor.username == "officer"
    window = desk.open_window()
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=WAIT)
    borrower_id = _register_borrower(qtbot, window)
    project_id = _register_project(qtbot, window, borrower_id)

    # 2. the syndicated loan, structured while watching its schedule
    loan_id = _structure_loan(qtbot, window, borrower_id, project_id)
    _select(qtbot, window, loan_id)
    assert window.detail.detail is not None and window.detail.detail.loan.status == "draft"

    # 3. a CEA allowance and a plant-variety right
    _pledge_collateral(qtbot, window, loan_id)

    # 4. the missing evidence, until green
    scan = tmp_path / "批复扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4\n% scanned approval\n")
    _supply_evidence(qtbot, window, loan_id, scan)

    # 5. submit, and preview the memo
    window.action("actionSubmit").trigger()
    assert workflow.workflow_state(db, desk.actor, loan_id).status.value == "submitted"
    window.action("actionMemo").trigger()
    memo = _dialog(window, MemoDialog)
    assert isinstance(memo, MemoDialog)
    with qtbot.waitSignal(memo.rendered, timeout=60_000):
        pass
    assert memo.pdf_bytes is not None and memo.pdf_bytes.startswith(b"%PDF")
    assert memo.document.pageCount() >= 2
    assert memo.page_label.text() == f"共 {memo.document.pageCount()} 页"
    assert memo.stack.currentIndex() == 1 and memo.save_button.isEnabled()
    qtbot.waitUntil(lambda: _has_ink(memo.view), timeout=WAIT)  # pages drawn, not blank
    shot(memo, "4-memo-preview")
    memo.reject()

    # 6. three reviewers at the committee desk: review, votes (one with a condition), decision
    window = _switch_user(qtbot, desk, "reviewer1")
    _select(qtbot, window, loan_id)
    window.action("actionStartReview").trigger()
    assert workflow.workflow_state(db, desk.actor, loan_id).status.value == "under_review"
    _vote(qtbot, window, "approve")
    window = _switch_user(qtbot, desk, "reviewer2")
    _select(qtbot, window, loan_id)
    _vote(qtbot, window, "approve_with_conditions", CONDITION)
    window = _switch_user(qtbot, desk, "reviewer3")
    _select(qtbot, window, loan_id)
    _vote(qtbot, window, "approve")
    assert window.action("actionDecide").isEnabled()
    window.action("actionDecide").trigger()
    reviewer = demo_principals["reviewer1"]
    state = workflow.workflow_state(db, reviewer, loan_id)
    assert state.status.value == "approved_with_conditions"
    assert [v.decision for v in state.votes] == ["approve", "approve_with_conditions", "approve"]
    assert [(c.text, c.satisfied) for c in conditions.list_conditions(db, loan_id)] == [
        (CONDITION, False)
    ]

    # the officer: disbursement held while the condition is open, nothing changed
    window = _switch_user(qtbot, desk, "officer")
    _select(qtbot, window, loan_id)
    panel = window.detail.committee
    assert panel.decision.text().startswith("决议：附条件批准")
    assert column(panel.conditions, 1) == [CONDITION]
    assert column(panel.conditions, 3) == ["未满足"]
    assert panel.note.isVisible()
    assert panel.note.text() == "1 项条件中尚有 1 项未满足：全部满足后方可放款。"
    events = len(audit.history(db, "loan", loan_id))
    disburse = window.action("actionDisburse")
    assert disburse.isVisible() and not disburse.isEnabled()
    disburse.trigger()  # a disabled action does nothing, and the service would refuse it
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert workflow.workflow_state(db, desk.actor, loan_id).status.value == (
        "approved_with_conditions"
    )
    assert len(audit.history(db, "loan", loan_id)) == events
    _scroll_to(panel)
    shot(window, "5-condition-open")

    # the officer marks it satisfied with the evidence on file, then disburses
    panel.conditions_table.selectRow(0)
    assert panel.satisfy_button.isEnabled()
    qtbot.mouseClick(panel.satisfy_button, LEFT)
    note = next(d for d in top_level(NoteDialog) if isinstance(d, NoteDialog))
    evidence = "并网验收报告 JQ-BW-2026-118，国网甘肃省电力公司酒泉供电公司 2026-11-28"
    child(note, QPlainTextEdit, "noteEdit").setPlainText(evidence)
    qtbot.mouseClick(
        child(note, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok), LEFT
    )
    qtbot.waitUntil(
        lambda: column(window.detail.committee.conditions, 3)[0].startswith("已满足"), timeout=WAIT
    )
    met = conditions.list_conditions(db, loan_id)[0]
    assert (met.satisfied, met.satisfied_by, met.evidence) == (True, "officer", evidence)
    assert met.satisfied_at is not None
    assert "officer" in column(window.detail.committee.conditions, 3)[0]
    qtbot.waitUntil(disburse.isEnabled, timeout=WAIT)
    disburse.trigger()
    qtbot.waitUntil(
        lambda: workflow.workflow_state(db, desk.actor, loan_id).status.value == "disbursed"
    )
    qtbot.waitUntil(lambda: window.detail.badge.text() == "已放款", timeout=WAIT)
    _scroll_to(window.detail.committee)
    shot(window, "6-disbursed")


def _has_ink(view: QPdfView) -> bool:
    """Whether the PDF view shows printed text: dark pixels on its pages (blank paper has none)."""
    image = view.viewport().grab().toImage()
    dark = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if qGray(image.pixel(x, y)) < 100
    )
    return dark > 200
