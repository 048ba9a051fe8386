"""The portfolio dashboard: six charts (QtCharts), each with the figures behind it in a table.

Layout from ``forms/dashboard_dialog.ui``; the figures are ``services.portfolio_summary``'s, read
on a worker thread over the loans the list's filters select. A click on a bar, a slice or a
table row asks the window to list the loans behind it (``open_filter`` with that group's
``LoanFilter``). Bars are drawn in 亿元 / tonnes as floats — drawing needs them; every figure in
the tables is the exact Decimal, formatted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from greendesk.services.loan_filter import LoanFilter
from greendesk.services.portfolio_summary import Group, PortfolioSummary, portfolio_summary
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.dialogs.pledge import collateral_types
from greendesk.ui.forms import child, setup_form
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.views.filter_bar import band_text, category_text
from greendesk.ui.workers import Tasks

YI = Decimal(100_000_000)  # 亿
GREEN = QColor("#2E6B50")
PALE = QColor("#A9C9B8")
PALETTE = ("#2E6B50", "#5B9A78", "#C9A227", "#8C6D46", "#4F7CAC", "#A0522D", "#7A8B99", "#B5651D")
SECTIONS = ("class", "category", "collateral", "coverage", "maturity", "benefit")


def _yi(amount: Decimal) -> float:
    return float(amount / YI)  # float-ok: bar heights in 亿元, for drawing only


def _class_name(key: str) -> str:
    return labels.word(key) if key else QCoreApplication.translate("Dashboard", "Not classified")


def _count(n: int | Decimal) -> str:
    return f"{int(n):,}"


def _tonnes(value: Decimal) -> str:
    return labels.number(value.quantize(Decimal(1)), "t")


class DashboardDialog(QDialog):
    """Charts and tables of the portfolio figures; clicks open the loans behind them."""

    open_filter = Signal(object)  # a LoanFilter: list these loans

    def __init__(self, db: Database, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        setup_form(self, "dashboard_dialog")
        self.db = db
        self.tasks = tasks
        self.summary: PortfolioSummary | None = None
        self.scope = LoanFilter()
        self.totals = child(self, QLabel, "totalsLabel")
        self.scope_label = child(self, QLabel, "scopeLabel")
        self.views: dict[str, QChartView] = {}
        self.tables: dict[str, QTableView] = {}
        self.models: dict[str, RowsModel[Group]] = {}
        self.groups: dict[str, tuple[Group, ...]] = {}
        for key in SECTIONS:
            view = QChartView(self)
            view.setObjectName(f"{key}Chart")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            host = child(self, QWidget, f"{key}ChartHost")
            layout = host.layout()
            assert layout is not None
            layout.addWidget(view)
            self.views[key] = view
            table = child(self, QTableView, f"{key}Table")
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.activated.connect(lambda index, k=key: self._row_clicked(k, index))
            self.tables[key] = table
        child(self, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self.resize(1320, 780)

    # -- loading
    def load(self, scope: LoanFilter) -> None:
        """Read the figures of the loans ``scope`` selects, on a worker."""
        self.scope = scope
        self.totals.setText(QCoreApplication.translate("Dashboard", "Reading the figures…"))
        self.tasks.run(
            lambda _progress: portfolio_summary(self.db, scope),
            self.show_summary,
            label="",
            parent=self,
        )

    def show_summary(self, summary: PortfolioSummary) -> None:
        self.summary = summary
        self.totals.setText(
            QCoreApplication.translate("Dashboard", "{n} loans, {amount} CNY").format(
                n=_count(summary.loans), amount=labels.money(summary.amount)
            )
        )
        self.scope_label.setText(
            QCoreApplication.translate(
                "Dashboard", "Figures of the loans the list's filters select."
            )
            if self.scope.active
            else QCoreApplication.translate("Dashboard", "Figures of every current loan.")
        )
        types = dict(collateral_types())
        names = summary.category_names
        money = labels.money
        self._section(
            "class",
            summary.by_class,
            lambda g: _class_name(g.key),
            [
                Column(
                    QCoreApplication.translate("Dashboard", "Loans"),
                    lambda g: _count(g.count),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "Amount (CNY)"),
                    lambda g: money(g.amount),
                    right=True,
                ),
            ],
            bars=[
                (
                    QCoreApplication.translate("Dashboard", "Amount (100 million CNY)"),
                    lambda g: _yi(g.amount),
                    GREEN,
                )
            ],
        )
        self._section(
            "category",
            summary.by_category,
            lambda g: category_text(g.key, names),
            [
                Column(
                    QCoreApplication.translate("Dashboard", "Loans"),
                    lambda g: _count(g.count),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "Amount (CNY)"),
                    lambda g: money(g.amount),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "Green (CNY)"),
                    lambda g: money(g.figure("green_amount")),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "Green share"),
                    lambda g: labels.percent(g.figure("green_share")),
                    right=True,
                ),
            ],
            bars=[
                (
                    QCoreApplication.translate("Dashboard", "Green"),
                    lambda g: _yi(g.figure("green_amount")),
                    GREEN,
                ),
                (
                    QCoreApplication.translate("Dashboard", "Other"),
                    lambda g: _yi(g.amount - g.figure("green_amount")),
                    PALE,
                ),
            ],
            stacked=True,
            unit=QCoreApplication.translate("Dashboard", "Amount (100 million CNY)"),
            short=lambda g: g.key or "—",
        )
        self._pie(
            "collateral",
            summary.collateral,
            lambda g: types.get(g.key, g.key),
            [
                Column(
                    QCoreApplication.translate("Dashboard", "Pledges"),
                    lambda g: _count(g.count),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "Loans"),
                    lambda g: _count(g.figure("loans")),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "Value (CNY)"),
                    lambda g: money(g.figure("value")),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "Eligible value (CNY)"),
                    lambda g: money(g.amount),
                    right=True,
                ),
            ],
        )
        self._section(
            "coverage",
            summary.coverage,
            lambda g: band_text(g.key),
            [
                Column(
                    QCoreApplication.translate("Dashboard", "Loans"),
                    lambda g: _count(g.count),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "Amount (CNY)"),
                    lambda g: money(g.amount),
                    right=True,
                ),
            ],
            bars=[
                (
                    QCoreApplication.translate("Dashboard", "Loans"),
                    lambda g: float(g.count),
                    GREEN,
                )  # float-ok: bar height
            ],  # float-ok
        )
        self._section(
            "maturity",
            summary.maturity,
            lambda g: g.key,
            [
                Column(
                    QCoreApplication.translate("Dashboard", "Loans"),
                    lambda g: _count(g.count),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "Amount (CNY)"),
                    lambda g: money(g.amount),
                    right=True,
                ),
            ],
            bars=[
                (
                    QCoreApplication.translate(
                        "Dashboard", "Disbursed amount maturing (100 million CNY)"
                    ),
                    lambda g: _yi(g.amount),
                    GREEN,
                )
            ],
        )
        self._section(
            "benefit",
            summary.benefit,
            lambda g: _class_name(g.key),
            [
                Column(
                    QCoreApplication.translate("Dashboard", "Loans"),
                    lambda g: _count(g.count),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "CO2e reduction a year"),
                    lambda g: _tonnes(g.figure("co2e_reduction_t")),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("Dashboard", "Carbon sink"),
                    lambda g: _tonnes(g.figure("carbon_sink_t")),
                    right=True,
                ),
            ],
            bars=[
                (
                    QCoreApplication.translate("Dashboard", "CO2e reduction a year (10,000 t)"),
                    lambda g: float(g.figure("co2e_reduction_t") / 10_000),  # float-ok
                    GREEN,
                ),  # float-ok
                (
                    QCoreApplication.translate("Dashboard", "Carbon sink (10,000 t)"),
                    lambda g: float(g.figure("carbon_sink_t") / 10_000),  # float-ok
                    PALE,
                ),
            ],  # float-ok
        )

    # -- charts
    def _table(
        self, key: str, groups: Sequence[Group], name: Callable[[Group], str], columns: list[Any]
    ) -> None:
        model: RowsModel[Group] = RowsModel(
            [Column(QCoreApplication.translate("Dashboard", "Group"), name), *columns], self
        )
        model.set_rows(groups)
        self.models[key] = model
        self.groups[key] = tuple(groups)
        self.tables[key].setModel(model)

    def _section(
        self,
        key: str,
        groups: Sequence[Group],
        name: Callable[[Group], str],
        columns: list[Any],
        *,
        bars: list[tuple[str, Callable[[Group], float], QColor]],
        stacked: bool = False,
        short: Callable[[Group], str] | None = None,
        unit: str = "",
    ) -> None:
        self._table(key, groups, name, columns)
        series = QStackedBarSeries() if stacked else QBarSeries()
        top = 0.0
        for title, value, colour in bars:
            bar_set = QBarSet(title)
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            values = [value(g) for g in groups]
            top = max([top, *values]) if not stacked else top
            bar_set.append(values)
            bar_set.clicked.connect(lambda index, k=key: self._open(k, index))
            series.append(bar_set)
        if stacked:
            top = max((sum(value(g) for _t, value, _c in bars) for g in groups), default=0.0)
        chart = QChart()
        chart.addSeries(series)
        chart.legend().setVisible(len(bars) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        axis_x = QBarCategoryAxis()
        axis_x.append([(short or name)(g) for g in groups])
        axis_y = QValueAxis()
        axis_y.setRange(0, top * 1.05 if top > 0 else 1)
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%.0f" if top >= 10 else "%.1f")
        axis_y.setTitleText(unit)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.setTitle(bars[0][0] if len(bars) == 1 else "")
        self._install(key, chart)

    def _pie(
        self, key: str, groups: Sequence[Group], name: Callable[[Group], str], columns: list[Any]
    ) -> None:
        self._table(key, groups, name, columns)
        series = QPieSeries()
        total = sum((g.amount for g in groups), Decimal(0))
        for index, group in enumerate(groups):
            share = labels.percent(group.amount / total if total else Decimal(0), 1)
            piece = series.append(f"{name(group)} {share}", _yi(group.amount))
            piece.setColor(QColor(PALETTE[index % len(PALETTE)]))
            # small slices are named in the legend only: their labels would pile up
            piece.setLabelVisible(bool(total) and group.amount / total >= Decimal("0.05"))
            piece.clicked.connect(lambda _checked=False, i=index, k=key: self._open(k, i))
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle(QCoreApplication.translate("Dashboard", "Eligible collateral value by type"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self._install(key, chart)

    def _install(self, key: str, chart: QChart) -> None:
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        old = self.views[key].chart()
        self.views[key].setChart(chart)
        if old is not None:
            old.deleteLater()

    # -- clicks
    def _row_clicked(self, key: str, index: QModelIndex) -> None:
        self._open(key, index.row())

    def _open(self, key: str, index: int) -> None:
        groups = self.groups.get(key, ())
        if 0 <= index < len(groups):
            self.open_filter.emit(groups[index].filter)
