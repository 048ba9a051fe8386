"""The filter bar and the dashboard, driven through their real widgets on the seeded desk."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView, QTabWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from greendesk.services import portfolio
from greendesk.services.loan_filter import LoanFilter
from greendesk.services.portfolio_summary import portfolio_summary
from greendesk.store.database import Database
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.models.loan_table import COLUMNS, LoanTableModel
from greendesk.ui.workers import Tasks


@pytest.fixture
def window(qtbot: QtBot, desk_window: MainWindow) -> MainWindow:
    qtbot.waitUntil(lambda: desk_window.filter_bar.combos["regionCombo"].count() > 1)
    return desk_window


def _ids(win: MainWindow) -> list[int]:
    return [win.model.loan_id(r) or 0 for r in range(win.model.rowCount())]


def _choose(qtbot: QtBot, combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index > 0, (combo.objectName(), data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_the_filter_bar_narrows_the_list_like_the_service(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    bar = window.filter_bar
    _choose(qtbot, bar.combos["regionCombo"], "甘肃")
    wanted = LoanFilter(regions=("甘肃",))
    expected = portfolio.list_loan_ids(db, filters=wanted)
    qtbot.waitUntil(lambda: window.model.filters == wanted)
    assert 0 < len(expected) < portfolio.count_loans(db)
    assert _ids(window) == expected
    _choose(qtbot, bar.combos["classCombo"], "green")
    both = LoanFilter(regions=("甘肃",), classes=("green",))
    qtbot.waitUntil(lambda: window.model.filters == both)
    assert _ids(window) == portfolio.list_loan_ids(db, filters=both)
    window.search.setText("玉门")  # the words and the filters together
    qtbot.waitUntil(lambda: window.model.search == "玉门")
    assert _ids(window) == portfolio.list_loan_ids(db, search="玉门", filters=both) != []
    start = child(bar, QLineEdit, "startFromEdit")
    start.setText("2099-01-01")
    start.editingFinished.emit()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.list_stack.currentIndex() == 1
    start.setText("2025-02-30")  # not a date: named, not applied
    start.editingFinished.emit()
    assert bar.message.isVisible() and "2025-02-30" in bar.message.text()
    assert window.model.filters.start_from == date(2099, 1, 1)
    bar.clear()
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == portfolio.count_loans(db))
    assert not window.model.filters.active


def test_sorting_by_region_and_class_is_done_by_the_server(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    for key in ("region", "classification"):
        column = next(i for i, c in enumerate(COLUMNS) if c[0] == key)
        window.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        expected = portfolio.list_loan_ids(db, order_by=f"-{key}")
        qtbot.waitUntil(lambda e=expected: _ids(window) == e)  # type: ignore[misc]
    assert expected != portfolio.list_loan_ids(db)


def test_the_model_passes_the_model_tester_with_filters(
    qtmodeltester: ModelTester, qtbot: QtBot, desk_app: object, db: Database
) -> None:
    host = QTableView()
    qtbot.addWidget(host)
    model = LoanTableModel(db, host, tasks=Tasks(host))
    model.reload()
    qtmodeltester.check(model, force_py=True)
    # the tester stays connected: it checks every reset the workers' answers make below
    model.set_filters(LoanFilter(statuses=("disbursed",)))
    qtbot.waitUntil(lambda: model.filters.statuses == ("disbursed",))
    assert model.data(model.index(0, 0))
    assert 0 < model.rowCount() < portfolio.count_loans(db)
    # the newest request wins: an answer to an older one arriving late is dropped
    model.set_filters(LoanFilter(classes=("transition",)))
    model.set_filters(LoanFilter(classes=("green",)))
    qtbot.waitUntil(lambda: model.filters.classes == ("green",))
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # any late answer is delivered now, and must be dropped
    assert model.filters.classes == ("green",)
    assert model.rowCount() == len(portfolio.list_loan_ids(db, filters=model.filters))


# offscreen cannot raise a window: the click brings the list forward on a real desktop
@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
def test_the_dashboard_shows_the_figures_and_opens_the_loans_behind_them(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    window.show_dashboard()
    dashboard = window.dashboard
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.summary is not None)
    summary = portfolio_summary(db)
    assert dashboard.summary == summary
    tabs = child(dashboard, QTabWidget, "chartTabs")
    assert tabs.count() == 8  # six portfolio figures, financed emissions, project libraries
    table = child(dashboard, QTableView, "classTable")
    model = table.model()
    assert model.rowCount() == len(summary.by_class)
    first = summary.by_class[0]
    assert model.index(0, 1).data() == f"{first.count:,}"
    assert dashboard.views["class"].chart().series()  # a chart is drawn
    assert len(dashboard.views["collateral"].chart().series()[0].slices()) == len(
        summary.collateral
    )
    # a click on a bar of the maturity ladder lists the disbursed loans maturing that year
    year = summary.maturity[0]
    bar_set = dashboard.views["maturity"].chart().series()[0].barSets()[0]
    bar_set.clicked.emit(0)
    qtbot.waitUntil(lambda: window.model.filters == year.filter)
    assert window.model.rowCount() == year.count
    assert child(window.filter_bar, QLineEdit, "maturityFromEdit").text() == f"{year.key}-01-01"
    # a double-clicked table row: the collateral type behind it
    cea = next(g for g in summary.collateral if g.key == "cea")
    row = [g.key for g in summary.collateral].index("cea")
    collateral = child(dashboard, QTableView, "collateralTable")
    collateral.activated.emit(collateral.model().index(row, 0))
    qtbot.waitUntil(lambda: window.model.filters.collateral == ("cea",))
    assert window.model.rowCount() == int(cea.figure("loans"))
    # the dashboard of a filtered list is that list's figures
    window.show_dashboard()
    loans = int(cea.figure("loans"))
    qtbot.waitUntil(lambda: dashboard.summary is not None and dashboard.summary.loans == loans)
    assert dashboard.summary == portfolio_summary(db, LoanFilter(collateral=("cea",)))


def test_words_typed_while_a_filter_is_read_keep_the_filter(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    """On a big book a filter's query takes a moment; a search (or sort, or reload) asked before
    its answer arrives must ask for that filter too, not for the filters still shown."""
    region = LoanFilter(regions=("甘肃",))
    window.model.set_filters(region)
    window.model.set_search("项目")  # before the filter's answer is delivered (same loop turn)
    qtbot.waitUntil(lambda: window.model.search == "项目")
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # every answer is in
    assert window.model.filters == region
    expected = portfolio.list_loan_ids(db, search="项目", filters=region)
    assert 0 < len(expected) < len(portfolio.list_loan_ids(db, search="项目"))
    assert _ids(window) == expected
    # the same for a sort and a reload asked while a filter is on its way
    green = LoanFilter(classes=("green",))
    window.model.set_filters(green)
    window.model.sort(0, Qt.SortOrder.DescendingOrder)
    window.reload()
    qtbot.waitUntil(lambda: window.model.filters == green)
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)
    assert window.model.search == "项目"
    assert _ids(window) == portfolio.list_loan_ids(
        db, search="项目", filters=green, order_by="-reference"
    )
