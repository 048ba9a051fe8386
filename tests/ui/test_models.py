"""Every table model checked by pytest-qt's model tester, plus the loan list's lazy loading."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester

from greendesk.domain.roles import Principal
from greendesk.domain.schedule import build_schedule, parse_terms
from greendesk.services import audit, portfolio
from greendesk.services.records.loans import get_loan
from greendesk.services.records.pledges import list_pledges
from greendesk.services.synthetic import generate_portfolio
from greendesk.services.terms import schedule_terms
from greendesk.store.database import Database
from greendesk.ui.forms import setup_form
from greendesk.ui.models.editable import TextGridModel
from greendesk.ui.models.loan_table import BLOCK, COLUMNS, LoanTableModel
from greendesk.ui.models.rows import RowsModel
from greendesk.ui.views.collateral_tab import CollateralTab, PledgeRow
from greendesk.ui.views.history_tab import history_columns
from greendesk.ui.views.schedule_tab import borrower_columns, lender_columns
from tests.ui.helpers import column, header, syndicated_loan


def test_loan_table_model(qtmodeltester: ModelTester, desk_app: object, db: Database) -> None:
    model = LoanTableModel(db)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert model.columnCount() == len(COLUMNS)
    assert header(model, 0) == "编号"
    model.sort(4, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)
    amounts = [model.summary(r).amount for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert amounts == sorted(amounts, reverse=True)


def test_loan_table_reads_rows_lazily(desk_app: object, db: Database) -> None:
    generate_portfolio(db, 3000, seed=7, into_existing=True)
    model = LoanTableModel(db)
    model.reload()
    total = portfolio.count_loans(db)
    assert model.rowCount() == total > 3000
    assert model.cached_rows == 0 and model.fetches == 0  # opening reads ids only
    far = total - 10
    reference = model.data(model.index(far, 0))
    assert model.fetches == 1
    assert 0 < model.cached_rows <= BLOCK
    loan_id = model.loan_id(far)
    assert loan_id is not None
    assert reference == portfolio.fetch_loan_summaries(db, [loan_id])[loan_id].reference
    model.data(model.index(far - 1, 2))  # a neighbour: already in the block
    assert model.fetches == 1


def test_schedule_models(
    qtmodeltester: ModelTester, desk_app: object, db: Database, officer: Principal
) -> None:
    loan_id = syndicated_loan(db, officer, get_loan(db, portfolio.list_loans(db)[0].id).borrower_id)
    schedule = build_schedule(parse_terms(schedule_terms(db, loan_id)))
    periods = RowsModel(borrower_columns())
    periods.set_rows(schedule.periods)
    qtmodeltester.check(periods, force_py=True)
    assert column(periods, 0) == [str(p.no) for p in schedule.periods]
    lender = RowsModel(lender_columns())
    lender.set_rows(schedule.lenders[0].periods)
    qtmodeltester.check(lender, force_py=True)


def test_history_and_pledge_models(
    qtmodeltester: ModelTester, desk_app: object, db: Database
) -> None:
    loan = next(s for s in portfolio.list_loans(db) if list_pledges(db, s.id))
    history = RowsModel(history_columns())
    rows = audit.history(db, "loan", loan.id)
    history.set_rows(rows)
    qtmodeltester.check(history, force_py=True)
    assert column(history, 2) == [r.actor for r in rows]
    root = QWidget()
    setup_form(root, "loan_detail")
    tab = CollateralTab(root)
    tab.model.set_rows([PledgeRow(p, None) for p in list_pledges(db, loan.id)])
    qtmodeltester.check(tab.model, force_py=True)


def test_text_grid_model(qtmodeltester: ModelTester, desk_app: object) -> None:
    model = TextGridModel(["Date", "Amount"], right=[1])
    model.set_rows([["2025-01-15", "100.00"], ["", ""]])
    model.add_row(["2025-04-15", "50.00"])
    qtmodeltester.check(model, force_py=True)
    assert model.setData(model.index(1, 1), "7.00")
    assert model.rows() == [["2025-01-15", "100.00"], ["", "7.00"], ["2025-04-15", "50.00"]]
    model.remove_row(1)
    assert model.rows() == [["2025-01-15", "100.00"], ["2025-04-15", "50.00"]]
