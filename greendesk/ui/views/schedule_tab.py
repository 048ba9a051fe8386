"""The terms & schedule tab: the engine's schedule for the borrower, or one lender's share, as a
chart over time above the table (the loan editor's live preview reuses this tab's widgets)."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QSplitter, QTableView, QWidget

from greendesk.domain.calendar import Basis
from greendesk.domain.schedule import LenderPeriod, Period, Schedule
from greendesk.domain.schedule.model import Totals
from greendesk.ui import labels
from greendesk.ui.forms import child
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.tables import fit_columns

if TYPE_CHECKING:
    from greendesk.ui.views.schedule_chart import ScheduleChart


CHART_MIN_HEIGHT = 220  # the schedule chart's, and its placeholder's until it is made


def _money(title: str, field: str) -> Column[Any]:
    """A right-aligned money column showing attribute ``field`` of a period row."""
    read = attrgetter(field)
    return Column(title, lambda p: labels.money_exact(read(p)), right=True)


def _flow_columns() -> list[Column[Any]]:
    """Drawdown to payment: the columns the borrower's and each lender's schedule share."""
    return [
        _money(QCoreApplication.translate("ScheduleTab", "Drawdown"), "drawdown"),
        _money(QCoreApplication.translate("ScheduleTab", "Principal"), "principal"),
        _money(QCoreApplication.translate("ScheduleTab", "Interest"), "interest"),
        _money(QCoreApplication.translate("ScheduleTab", "Fees"), "fees"),
        _money(QCoreApplication.translate("ScheduleTab", "Payment"), "payment"),
    ]


def _head_columns() -> list[Column[Any]]:
    return [
        Column(QCoreApplication.translate("ScheduleTab", "No."), lambda p: str(p.no), right=True),
        Column(
            QCoreApplication.translate("ScheduleTab", "Payment date"),
            lambda p: p.payment_date.isoformat(),
        ),
    ]


PROJECTED_COLOUR = QColor("#9a6700")  # amber: a date that may move when the notice comes


def basis_text(basis: Basis) -> str:
    """What a payment date's business days rest on, as the tab's Calendar column says it."""
    return {
        Basis.OFFICIAL: QCoreApplication.translate("ScheduleTab", "Official"),
        Basis.PROJECTED: QCoreApplication.translate("ScheduleTab", "Projected"),
        Basis.WEEKENDS: QCoreApplication.translate("ScheduleTab", "Weekends only"),
        Basis.NONE: "—",
    }[basis]


def _basis_tooltip(p: Period) -> str:
    if p.calendar_basis is not Basis.PROJECTED:
        return ""
    return QCoreApplication.translate(
        "ScheduleTab",
        "No State Council notice for {year} yet: the date rests on projected holidays and is "
        "re-derived when the notice is loaded",
    ).format(year=p.payment_date.year)


def borrower_columns() -> list[Column[Period]]:
    return [
        *_head_columns(),
        Column(
            QCoreApplication.translate("ScheduleTab", "Calendar"),
            lambda p: basis_text(p.calendar_basis),
            colour=lambda p: PROJECTED_COLOUR if p.calendar_basis is Basis.PROJECTED else None,
            tooltip=_basis_tooltip,
        ),
        Column(
            QCoreApplication.translate("ScheduleTab", "Days"), lambda p: str(p.days), right=True
        ),
        Column(
            QCoreApplication.translate("ScheduleTab", "Rate"),
            lambda p: labels.rate(p.rate),
            right=True,
        ),
        _money(QCoreApplication.translate("ScheduleTab", "Opening balance"), "opening_balance"),
        *_flow_columns(),
        _money(QCoreApplication.translate("ScheduleTab", "Closing balance"), "closing_balance"),
    ]


def lender_columns() -> list[Column[LenderPeriod]]:
    return [*_head_columns(), *_flow_columns()]


class ScheduleTab:
    def __init__(self, root: QWidget) -> None:
        self.table = child(root, QTableView, "scheduleTable")
        self.party = child(root, QComboBox, "partyCombo")
        self.summary = child(root, QLabel, "scheduleSummary")
        self.terms = child(root, QLabel, "termsLabel")
        self.borrower_model: RowsModel[Period] = RowsModel(borrower_columns(), root)
        self.lender_model: RowsModel[LenderPeriod] = RowsModel(lender_columns(), root)
        self.table.setModel(self.borrower_model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.schedule: Schedule | None = None
        self.party.currentIndexChanged.connect(self._show_party)
        # the chart (and Qt Charts) is made when a schedule is first shown, not at the desk's
        # start: a placeholder of its size holds its place in the splitter until then
        self._chart: ScheduleChart | None = None
        self._chart_place = QWidget()
        self._chart_place.setMinimumHeight(CHART_MIN_HEIGHT)
        self._split(root)

    @property
    def chart(self) -> ScheduleChart:
        if self._chart is None:
            from greendesk.ui.views.schedule_chart import ScheduleChart

            self._chart = ScheduleChart()
            self._chart.setMinimumHeight(CHART_MIN_HEIGHT)
            self.splitter.replaceWidget(0, self._chart)
            self._chart_place.deleteLater()
        return self._chart

    def _split(self, root: QWidget) -> None:
        """Chart above table, in a splitter where the table stood in the form's layout."""
        holder = self.table.parentWidget()
        layout = holder.layout() if holder is not None else None
        splitter = QSplitter(Qt.Orientation.Vertical, holder)
        splitter.setObjectName("scheduleSplitter")
        splitter.setChildrenCollapsible(False)
        if layout is not None:
            layout.replaceWidget(self.table, splitter)
        splitter.addWidget(self._chart_place)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.splitter = splitter

    def waiting(self, terms_text: str) -> None:
        self.schedule = None
        self.terms.setProperty("tone", "")
        self.terms.style().polish(self.terms)
        self.terms.setText(terms_text)
        self.summary.setText(QCoreApplication.translate("ScheduleTab", "Computing the schedule…"))
        self.party.blockSignals(True)
        self.party.clear()
        self.party.blockSignals(False)
        self.borrower_model.set_rows([])
        self.table.setModel(self.borrower_model)
        self.chart.show_points([])

    def set_terms(self, terms_text: str) -> None:
        """The terms line in its plain tone (after a failure showed it as an alert)."""
        self.terms.setProperty("tone", "")
        self.terms.style().polish(self.terms)
        self.terms.setText(terms_text)

    def failed(self, message: str) -> None:
        self.summary.setText("")
        self.terms.setProperty("tone", "alert")
        self.terms.style().polish(self.terms)
        self.terms.setText(
            QCoreApplication.translate("ScheduleTab", "No schedule: {}").format(message)
        )

    def show(self, schedule: Schedule) -> None:
        self.schedule = schedule
        self.party.blockSignals(True)
        self.party.clear()
        self.party.addItem(QCoreApplication.translate("ScheduleTab", "Borrower (whole facility)"))
        for lender in schedule.lenders:
            self.party.addItem(
                f"{lender.name} · {labels.word(lender.role.value)} · {labels.percent(lender.share)}"
            )
        self.party.setEnabled(bool(schedule.lenders))
        self.party.setCurrentIndex(0)
        self.party.blockSignals(False)
        self._show_party(0)

    def _show_party(self, index: int) -> None:
        if self.schedule is None or index < 0:
            return
        from greendesk.ui.views.schedule_chart import borrower_points, lender_points

        if index == 0:
            self.borrower_model.set_rows(self.schedule.periods)
            self.table.setModel(self.borrower_model)
            totals = self.schedule.totals
            count = len(self.schedule.periods)
            self.chart.show_points(
                borrower_points(self.schedule.periods),
                QCoreApplication.translate("ScheduleTab", "Borrower (whole facility)"),
            )
        else:
            lender = self.schedule.lenders[index - 1]
            self.lender_model.set_rows(lender.periods)
            self.table.setModel(self.lender_model)
            totals = lender.totals
            count = len(lender.periods)
            self.chart.show_points(lender_points(lender.periods), lender.name)
        self.summary.setText(summary_text(count, totals) + "\n" + calendar_text(self.schedule))
        fit_columns(self.table)


def calendar_text(schedule: Schedule) -> str:
    """Which calendar the dates use: official through which year, the projected years."""
    stamp = schedule.calendar
    if stamp.official_through is None:
        return QCoreApplication.translate("ScheduleTab", "Calendar: no business-day calendar")
    projected = schedule.projected_years()
    if not projected:
        return QCoreApplication.translate(
            "ScheduleTab", "Calendar: official holidays through {through} · version {version}"
        ).format(through=stamp.official_through, version=stamp.version)
    return QCoreApplication.translate(
        "ScheduleTab",
        "Calendar: official holidays through {through}; {first}–{last} projected (rule {rule}) "
        "· version {version}",
    ).format(
        through=stamp.official_through,
        first=projected[0],
        last=projected[-1],
        rule=stamp.projection_rule or "",
        version=stamp.version,
    )


def summary_text(count: int, totals: Totals) -> str:
    return QCoreApplication.translate(
        "ScheduleTab", "{n} periods · principal {p} · interest {i} · fees {f} · total {t}"
    ).format(
        n=count,
        p=labels.money_exact(totals.principal),
        i=labels.money_exact(totals.interest),
        f=labels.money_exact(totals.fees),
        t=labels.money_exact(totals.payment),
    )
