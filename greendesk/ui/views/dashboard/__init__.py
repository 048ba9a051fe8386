"""The portfolio dashboard: the declared figures (``figures.FIGURES``), each a chart with the
figures behind it in a table.

Layout from ``forms/dashboard_dialog.ui``. The figures come from three services, each read on
its own worker (``data.READERS``) over the loans the list's filters select: the SQL aggregates
of ``portfolio_summary`` (at once, even on a large book), the PCAF report of ``emissions`` (a
schedule per loan: later) and the project libraries' reported figures. A reply to an older
request (the list's filters changed meanwhile) is dropped. A click on a bar, a slice or a table
row asks the window to list the loans behind it (``open_filter`` with that row's
``LoanFilter``), where the row has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QWidget,
)

from greendesk.services.loan_filter import LoanFilter
from greendesk.services.portfolio_summary import PortfolioSummary
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.forms import child, setup_form
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.views.dashboard.charts import draw
from greendesk.ui.views.dashboard.data import READERS, EmissionFigures, LibraryFigures
from greendesk.ui.views.dashboard.figures import FIGURES, Figure, tonnes, translated
from greendesk.ui.views.language import content_language
from greendesk.ui.workers import LatestRequest, Progress, Tasks

__all__ = ["FIGURES", "DashboardDialog"]


class DashboardDialog(QDialog):
    """Charts and tables of the portfolio figures; clicks open the loans behind them."""

    open_filter = Signal(object)  # a LoanFilter: list these loans

    def __init__(self, db: Database, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        setup_form(self, "dashboard_dialog")
        self.db = db
        self.tasks = tasks
        self.summary: PortfolioSummary | None = None
        self.emissions: EmissionFigures | None = None
        self.pipeline: LibraryFigures | None = None
        self.scope = LoanFilter()
        self._latest = LatestRequest()
        self.totals = child(self, QLabel, "totalsLabel")
        self.scope_label = child(self, QLabel, "scopeLabel")
        self.emissions_label = child(self, QLabel, "emissionsTotalsLabel")
        self.sources_label = child(self, QLabel, "librarySourcesLabel")
        self.views: dict[str, QChartView] = {}
        self.tables: dict[str, QTableView] = {}
        self.models: dict[str, RowsModel[Any]] = {}
        self.rows: dict[str, tuple[Any, ...]] = {}
        for figure in FIGURES:
            self._place(figure.key)
        # sources read only when their tab is shown: the first emissions read of a large book
        # works out every loan's outstanding principal (minutes at 100,000 loans, then stored)
        self._tabs = child(self, QTabWidget, "chartTabs")
        self._shown_by = {"emissions": child(self, QWidget, "emissionsPage")}
        self._waiting: dict[str, tuple[int, LoanFilter, str]] = {}
        self._tabs.currentChanged.connect(lambda _index: self._read_shown())
        child(self, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self.resize(1320, 780)

    def _place(self, key: str) -> None:
        view = QChartView(self)
        view.setObjectName(f"{key}Chart")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = child(self, QWidget, f"{key}ChartHost").layout()
        assert layout is not None
        layout.addWidget(view)
        self.views[key] = view
        table = child(self, QTableView, f"{key}Table")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.activated.connect(lambda index, k=key: self._row_clicked(k, index))
        self.tables[key] = table

    # -- loading
    def load(self, scope: LoanFilter) -> None:
        """Read the figures of the loans ``scope`` selects, each source on a worker."""
        self.scope = scope
        request = self._latest.next()
        lang = content_language()
        self.totals.setText(QCoreApplication.translate("Dashboard", "Reading the figures…"))
        self.emissions_label.setText(
            QCoreApplication.translate("Dashboard", "Reading the figures…")
        )
        for source in READERS:
            if source in self._shown_by:
                self._waiting[source] = (request, scope, lang)
            else:
                self._read(request, source, scope, lang)
        self._read_shown()

    def _read_shown(self) -> None:
        for source, page in self._shown_by.items():
            if source in self._waiting and self._tabs.currentWidget() is page:
                request, scope, lang = self._waiting.pop(source)
                self._read(request, source, scope, lang)

    def _read(self, request: int, source: str, scope: LoanFilter, lang: str) -> None:
        read, latest = READERS[source], self._latest

        def work(_progress: Progress) -> Any:
            # a request overtaken while it waited for a worker is not read at all
            return read(self.db, scope, lang) if latest.is_latest(request) else None

        def done(data: Any) -> None:
            self._arrived(request, source, data)

        self.tasks.run(work, done, label="", parent=self)

    def _arrived(self, request: int, source: str, data: Any) -> None:
        if data is None or not self._latest.is_latest(request):
            return  # the list's filters changed since: a newer reply is on its way
        setattr(self, source, data)
        getattr(self, f"_show_{source}")(data)
        for figure in FIGURES:
            if figure.source == source:
                self._show(figure, figure.rows(data), data)

    def _show_summary(self, summary: PortfolioSummary) -> None:
        self.totals.setText(
            QCoreApplication.translate("Dashboard", "{n} loans, {amount} CNY").format(
                n=f"{summary.loans:,}", amount=labels.money(summary.amount)
            )
        )
        self.scope_label.setText(
            QCoreApplication.translate(
                "Dashboard", "Figures of the loans the list's filters select."
            )
            if self.scope.active
            else QCoreApplication.translate("Dashboard", "Figures of every current loan.")
        )

    def _show_emissions(self, figures: EmissionFigures) -> None:
        report = figures.report
        total = report.total
        missing = sum(1 for x in report.loans if x.financed_t is None)
        text = QCoreApplication.translate(
            "Dashboard",
            "As of {day}: financed emissions {financed} tCO2e a year (scope 1+2), scope 3 "
            "{scope3} where given; avoided emissions {avoided} tCO2e beside them, never netted. "
            "Outstanding-weighted PCAF data-quality score {score} (1 best … 5 estimates). "
            "{missing} of {loans} loans without a figure. Emission factors {version}.",
        )
        self.emissions_label.setText(
            text.format(
                day=labels.day(report.as_of),
                financed=tonnes(total.financed_t),
                scope3=tonnes(total.financed_scope3_t),
                avoided=tonnes(total.avoided_t),
                score=labels.number(total.score),
                missing=f"{missing:,}",
                loans=f"{total.loans:,}",
                version=report.factors_version,
            )
        )

    def _show_pipeline(self, figures: LibraryFigures) -> None:
        lang = content_language()
        lines = [
            QCoreApplication.translate(
                "Dashboard", "[{n}] {library} ({period}, reported {day}): {source}"
            ).format(
                n=n,
                library=lib.name(lang),
                period=lib.period,
                day=labels.day(lib.as_reported),
                source=lib.source,
            )
            for n, lib in enumerate(figures.pipeline.libraries, start=1)
        ]
        self.sources_label.setText(
            "\n".join(lines)
            or QCoreApplication.translate("Dashboard", "No library summaries are shipped.")
        )

    def _show(self, figure: Figure, rows: Sequence[Any], data: Any) -> None:
        name: Column[Any] = Column(translated(figure.heading), lambda r: figure.name(r, data))
        model: RowsModel[Any] = RowsModel([name, *(c.column() for c in figure.columns)], self)
        model.set_rows(rows)
        self.models[figure.key] = model
        self.rows[figure.key] = tuple(rows)
        self.tables[figure.key].setModel(model)
        chart = draw(figure, rows, data, partial(self._open, figure.key))
        old = self.views[figure.key].chart()
        self.views[figure.key].setChart(chart)
        if old is not None:
            old.deleteLater()

    # -- clicks
    def _row_clicked(self, key: str, index: QModelIndex) -> None:
        self._open(key, index.row())

    def _open(self, key: str, index: int) -> None:
        rows = self.rows.get(key, ())
        wanted = getattr(rows[index], "filter", None) if 0 <= index < len(rows) else None
        if wanted is not None:
            self.open_filter.emit(wanted)
