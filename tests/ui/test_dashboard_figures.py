"""The dashboard's financed-emissions and project-library figures, on the seeded desk: the window
shows what ``greendesk emissions --json``, ``portfolio summary --json`` and ``portfolio pipeline
--json`` print, a click lists the loans behind a bar, and the declared charts draw readably."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from greendesk.cli import main
from greendesk.domain.errors import InvalidInput
from greendesk.domain.money import format_money
from greendesk.services import portfolio
from greendesk.services.emissions import emissions_report
from greendesk.services.loan_filter import LoanFilter
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.views.dashboard import DashboardDialog
from greendesk.ui.views.dashboard.charts import label_width, wrapped

YI = Decimal(100_000_000)
# offscreen cannot raise a window: the click brings the list forward on a real desktop
NO_RAISE = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)


def _show_emissions_tab(dashboard: DashboardDialog) -> None:
    tabs = child(dashboard, QTabWidget, "chartTabs")
    tabs.setCurrentWidget(child(dashboard, QWidget, "emissionsPage"))


def _ready(qtbot: QtBot, window: MainWindow) -> DashboardDialog:
    window.show_dashboard()
    dashboard = window.dashboard
    assert dashboard is not None
    _show_emissions_tab(dashboard)  # the emissions are read when their tab is shown
    qtbot.waitUntil(
        lambda: None not in (dashboard.summary, dashboard.emissions, dashboard.pipeline),
        timeout=30_000,
    )
    return dashboard


def _cli(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> Any:
    capsys.readouterr()
    assert main([*args, "--json", "--db", db.url]) == 0
    return json.loads(capsys.readouterr().out)


def _cells(dashboard: DashboardDialog, key: str) -> list[list[str]]:
    model = dashboard.models[key]
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _t(text: str) -> str:
    return f"{Decimal(text):,.2f}"


def _bars(dashboard: DashboardDialog, key: str) -> list[list[float]]:
    series = dashboard.views[key].chart().series()[0]
    return [[s.at(i) for i in range(s.count())] for s in series.barSets()]


@NO_RAISE
def test_the_emissions_figure_is_what_the_command_line_prints(
    qtbot: QtBot, desk_window: MainWindow, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    dashboard = _ready(qtbot, desk_window)
    printed = _cli(capsys, db, "emissions")
    for key, section in (("emissionsClass", "by_class"), ("emissionsCategory", "by_category")):
        groups = printed[section]
        assert len(groups) >= 3, section  # the demo book spreads over several groups
        cells = _cells(dashboard, key)
        assert len(cells) == len(groups)
        for row, g in zip(cells, groups, strict=True):
            assert row[1:] == [
                str(g["loans"]),
                labels.money(Decimal(g["outstanding"])),
                _t(g["financed_t"]),
                _t(g["financed_scope3_t"]),
                _t(g["avoided_t"]),
                labels.number(Decimal(g["score"])) if g["score"] is not None else labels.DASH,
            ], (section, g["key"])
        # the bars: financed 1+2, scope 3 and avoided beside them, in 10,000 t
        bars = _bars(dashboard, key)
        for index, name in enumerate(("financed_t", "financed_scope3_t", "avoided_t")):
            wanted = [float(Decimal(g[name]) / 10_000) for g in groups]  # float-ok: bar heights
            assert bars[index] == pytest.approx(wanted), (section, name)
    total = printed["total"]
    text = child(dashboard, QLabel, "emissionsTotalsLabel").text()
    for figure in ("financed_t", "financed_scope3_t", "avoided_t"):
        assert _t(total[figure]) in text, figure
    assert total["score"] in text and printed["as_of"] in text
    # never netted: the avoided tonnes stand beside the financed ones, each whole
    assert Decimal(total["avoided_t"]) > 0 and Decimal(total["financed_t"]) > 0


@NO_RAISE
def test_the_summary_figures_are_what_portfolio_summary_prints(
    qtbot: QtBot, desk_window: MainWindow, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    dashboard = _ready(qtbot, desk_window)
    printed = _cli(capsys, db, "portfolio", "summary")
    cells = _cells(dashboard, "class")
    assert [row[1:] for row in cells] == [
        [str(g["count"]), labels.money(Decimal(g["amount"]))] for g in printed["by_class"]
    ]
    benefit = _cells(dashboard, "benefit")
    assert [row[2] for row in benefit] == [
        labels.number(Decimal(g["co2e_reduction_t"]).quantize(Decimal(1)), "t")
        for g in printed["benefit"]
    ]
    assert format_money(Decimal(printed["amount"]), grouped=True) in dashboard.totals.text()


@NO_RAISE
def test_a_click_on_an_emissions_bar_lists_the_loans_behind_it(
    qtbot: QtBot, desk_window: MainWindow, db: Database
) -> None:
    dashboard = _ready(qtbot, desk_window)
    assert dashboard.emissions is not None
    classes = [x.total.key for x in dashboard.emissions.by_class]
    green = classes.index("green")
    bar_set = dashboard.views["emissionsClass"].chart().series()[0].barSets()[0]
    bar_set.clicked.emit(green)
    qtbot.waitUntil(lambda: desk_window.model.filters == LoanFilter(classes=("green",)))
    assert desk_window.model.rowCount() == dashboard.emissions.by_class[green].total.loans
    # a catalogue category: its codes; the list holds exactly the loans the report counts
    category = next(x for x in dashboard.emissions.by_category if x.total.key)
    index = dashboard.emissions.by_category.index(category)
    assert category.filter is not None and category.filter.categories
    table = dashboard.tables["emissionsCategory"]
    table.activated.emit(table.model().index(index, 0))
    qtbot.waitUntil(lambda: desk_window.model.filters == category.filter)
    assert desk_window.model.rowCount() == category.total.loans
    ids = portfolio.list_loan_ids(db, filters=category.filter)
    assert len(ids) == category.total.loans
    # the loans with no catalogue item have no filter: the click lists nothing new
    blank = next(x for x in dashboard.emissions.by_category if not x.total.key)
    assert blank.filter is None
    opened: list[object] = []
    dashboard.open_filter.connect(opened.append)
    table.activated.emit(table.model().index(dashboard.emissions.by_category.index(blank), 0))
    assert opened == []


@NO_RAISE
def test_the_library_figures_are_what_portfolio_pipeline_prints_with_their_source(
    qtbot: QtBot, desk_window: MainWindow, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    dashboard = _ready(qtbot, desk_window)
    printed = _cli(capsys, db, "portfolio", "pipeline")
    libraries = printed["libraries"]
    assert [x["key"] for x in libraries] == ["gansu-climate-2024"]
    gansu = libraries[0]
    model = dashboard.models["library"]
    fields = ("projects", "total_investment", "loan_demand", "projects_granted")
    fields += ("credit_granted", "disbursed")
    shown = {dashboard.rows["library"][r].field: r for r in range(model.rowCount())}
    assert set(shown) == set(fields) and model.rowCount() == len(fields)
    for field in fields:
        value = gansu[field]
        text = model.index(shown[field], 1).data()
        assert text == (f"{value:,}" if isinstance(value, int) else labels.money(Decimal(value)))
        # each figure names its source: the note, and the library and source in the tooltip
        assert model.index(shown[field], 2).data() == "[1]"
        assert gansu["source"] in model.index(shown[field], 2).data(Qt.ItemDataRole.ToolTipRole)
    # the article's figures, as it prints them in 亿元
    assert Decimal(gansu["total_investment"]) / YI == Decimal("251.95")
    assert Decimal(gansu["disbursed"]) / YI == Decimal("58.16")
    # the ladder: the four money figures, first on top, in 亿元 (drawn bottom-up)
    bars = _bars(dashboard, "library")[0]
    money = ("total_investment", "loan_demand", "credit_granted", "disbursed")
    assert bars[::-1] == pytest.approx([float(Decimal(gansu[f]) / YI) for f in money])  # float-ok
    sources = child(dashboard, QLabel, "librarySourcesLabel").text()
    assert sources.startswith("[1] 甘肃省气候投融资项目库") and gansu["source"] in sources


@NO_RAISE
def test_a_filtered_dashboard_shows_the_emissions_of_the_listed_loans(
    qtbot: QtBot, desk_window: MainWindow, db: Database
) -> None:
    wanted = LoanFilter(classes=("green",))
    dashboard = _ready(qtbot, desk_window)
    whole = dashboard.emissions
    dashboard.load(wanted)
    qtbot.waitUntil(lambda: dashboard.emissions is not whole and dashboard.emissions is not None)
    figures = dashboard.emissions
    assert figures is not None
    report = emissions_report(db, figures.report.as_of, filters=wanted)
    assert figures.report == report
    assert [x.total.key for x in figures.by_class] == ["green"]
    assert whole is not None and report.total.loans < whole.report.total.loans
    assert report.total.loans == len(portfolio.list_loan_ids(db, filters=wanted))


def test_the_emissions_report_refuses_a_bad_filter_and_ignores_an_empty_one(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught:
        emissions_report(db, filters=LoanFilter(classes=("greenish",)))
    assert "class" in str(caught.value) and "greenish" in str(caught.value)
    day = emissions_report(db).as_of
    assert emissions_report(db, day, filters=LoanFilter()) == emissions_report(db, day)


@NO_RAISE
def test_a_reply_to_an_older_request_is_dropped(
    qtbot: QtBot, desk_window: MainWindow, db: Database
) -> None:
    dashboard = _ready(qtbot, desk_window)
    shown = dashboard.summary
    dashboard.load(LoanFilter(classes=("transition",)))
    stale = object()
    dashboard._arrived(0, "summary", stale)  # an answer to a request long overtaken
    assert dashboard.summary is shown
    assert QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.waitUntil(lambda: dashboard.summary is not shown)
    assert dashboard.summary is not None and dashboard.summary.loans == 1


@NO_RAISE
def test_the_new_tables_pass_the_model_tester(
    qtbot: QtBot, desk_window: MainWindow, qtmodeltester: ModelTester
) -> None:
    dashboard = _ready(qtbot, desk_window)
    for key in ("emissionsClass", "emissionsCategory", "library"):
        assert dashboard.models[key].rowCount() > 0, key
        qtmodeltester.check(dashboard.models[key])


@NO_RAISE
def test_bar_labels_are_escaped_and_broken_not_cut(qtbot: QtBot, desk_window: MainWindow) -> None:
    # Qt Charts reads axis labels as HTML: a bare "< 1.0" vanished from the coverage chart
    assert wrapped("< 1.0") == "&lt; 1.0"
    assert wrapped("carbon-linked") == "carbon-<br>linked"
    assert wrapped("No collateral") == "No<br>collateral"
    assert wrapped("清洁能源产业") == "清洁能源产业"
    assert wrapped("未对应目录条目") == "未对应目<br>录条目"
    assert wrapped("2019:3 <b>x</b>") == "2019:3<br>&lt;b&gt;x&lt;/b&gt;"
    assert wrapped("") == ""
    # few bar groups leave room for longer lines; many (or a degenerate none) keep 12 letters
    assert [label_width(n) for n in (0, 1, 2, 3, 4, 40)] == [48, 48, 24, 16, 12, 12]
    assert wrapped("Ecological and environmental industry", 16) == (
        "Ecological and<br>environmental<br>industry"
    )
    dashboard = _ready(qtbot, desk_window)
    axis = next(
        a for a in dashboard.views["coverage"].chart().axes() if isinstance(a, QBarCategoryAxis)
    )
    assert "&lt; 1.0" in axis.categories() and "< 1.0" not in axis.categories()


@NO_RAISE
def test_a_list_that_selects_nothing_draws_empty_figures(
    qtbot: QtBot, desk_window: MainWindow
) -> None:
    dashboard = _ready(qtbot, desk_window)
    before = dashboard.emissions
    dashboard.load(LoanFilter(search="没有这样的贷款 \x07"))
    qtbot.waitUntil(lambda: dashboard.emissions is not before and dashboard.emissions is not None)
    qtbot.waitUntil(lambda: dashboard.summary is not None and dashboard.summary.loans == 0)
    for key in ("class", "emissionsClass", "emissionsCategory", "maturity"):
        assert dashboard.models[key].rowCount() == 0, key
        assert dashboard.views[key].chart().series(), key  # an empty chart, not a failure
    text = child(dashboard, QLabel, "emissionsTotalsLabel").text()
    assert "0.00" in text and labels.DASH in text  # no score without a loan
    # the libraries' own figures do not depend on the list
    assert dashboard.models["library"].rowCount() == 6


@NO_RAISE
def test_the_emissions_are_read_only_when_their_tab_is_shown(
    qtbot: QtBot, desk_window: MainWindow
) -> None:
    """A first read of a large book works out every outstanding principal: not on every open."""
    desk_window.show_dashboard()
    dashboard = desk_window.dashboard
    assert dashboard is not None
    qtbot.waitUntil(lambda: None not in (dashboard.summary, dashboard.pipeline), timeout=30_000)
    qtbot.wait(200)
    assert dashboard.emissions is None
    _show_emissions_tab(dashboard)
    qtbot.waitUntil(lambda: dashboard.emissions is not None, timeout=30_000)
    assert dashboard.emissions.report.total.loans > 0


@NO_RAISE
def test_an_english_desk_names_the_catalogue_categories_in_english(
    qtbot: QtBot,
    desk_translations: Any,
    db: Database,
    officer: Any,
    settings: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from greendesk.services.loan_filter import category_names

    english = category_names("en")
    desk_translations.use("en")
    window = MainWindow(db, officer, settings, "en")
    qtbot.addWidget(window)
    window.show()
    dashboard = _ready(qtbot, window)
    report = _cli(capsys, db, "emissions", "--lang", "en")
    shown = [row[0] for row in _cells(dashboard, "emissionsCategory")]
    assert shown == [g["key"] or "No catalogue item" for g in report["by_category"]]
    assert "Clean energy industry" in shown
    # the bars carry the table's names, on three lines at most beside two other groups
    axis = next(
        a
        for a in dashboard.views["emissionsCategory"].chart().axes()
        if isinstance(a, QBarCategoryAxis)
    )
    assert axis.categories() == [wrapped(name, label_width(len(shown))) for name in shown]
    assert "No catalogue<br>item" in axis.categories()  # where the chart said "—"
    assert all(label.count("<br>") <= 2 for label in axis.categories())
    combo = window.filter_bar.combos["categoryCombo"]
    texts = [combo.itemText(i) for i in range(1, combo.count())]  # after "Any"
    assert texts == [f"{key} {name}" for key, name in english.items()]
    window.close()
