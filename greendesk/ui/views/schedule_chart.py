"""A chart of a schedule over time: outstanding balance, and principal and interest each period.

Shown under the schedule tab's table and in the loan editor's live preview, for the borrower or
for one lender (whose balance is its own drawdowns less its principal, period by period). The
figures stay Decimal in the schedule; only the drawn coordinates become floats, scaled to 元, 万元
or 亿元 so the axes read as a banker reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from greendesk.domain.money_units import UNIT_DIVISORS, MoneyUnit
from greendesk.domain.schedule import LenderPeriod, Period
from greendesk.ui import labels

_BALANCE = QColor("#2E6B50")
_PRINCIPAL = QColor("#1F5F99")
_INTEREST = QColor("#B0531C")
_WAN = UNIT_DIVISORS[MoneyUnit.WAN]
_YI = UNIT_DIVISORS[MoneyUnit.YI]


@dataclass(frozen=True)
class Point:
    """One payment date: the balance after it, and the principal and interest paid on it."""

    when: date
    balance: Decimal
    principal: Decimal
    interest: Decimal


def borrower_points(periods: Sequence[Period]) -> list[Point]:
    return [Point(p.payment_date, p.closing_balance, p.principal, p.interest) for p in periods]


def lender_points(periods: Sequence[LenderPeriod]) -> list[Point]:
    """A lender's own outstanding: its drawdowns less its principal, accumulated."""
    balance = Decimal(0)
    points = []
    for p in periods:
        balance += p.drawdown - p.principal
        points.append(Point(p.payment_date, balance, p.principal, p.interest))
    return points


def scale_for(largest: Decimal) -> tuple[Decimal, str]:
    """The divisor and unit that keep axis labels short: 亿元 from 1亿, 万元 from 1万 (named as
    ``domain.money_units`` names them: 亿元 / 100m CNY, short enough for a vertical axis)."""
    unit = MoneyUnit.YI if largest >= _YI else MoneyUnit.WAN if largest >= _WAN else MoneyUnit.YUAN
    return UNIT_DIVISORS[unit], labels.unit_text(unit)


def _msecs(day: date) -> float:
    return float(datetime.combine(day, time(12)).timestamp() * 1000)


class ScheduleChart(QChartView):
    """Balance on the left axis, principal and interest per payment on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.points: list[Point] = []
        self.series: dict[str, QLineSeries] = {}
        self._fresh_chart()

    def _fresh_chart(self) -> QChart:
        """A new chart for each schedule: axes removed from a shown chart stay painted."""
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setBackgroundRoundness(0)
        old = self.chart()
        self.setChart(chart)  # the view owns the new chart and lets go of the old one
        if old is not None and old is not chart:
            old.deleteLater()
        return chart

    def show_points(self, points: Sequence[Point], title: str = "") -> None:
        chart = self._fresh_chart()
        self.points = list(points)
        chart.setTitle(title)
        if not points:
            self.series = {}
            return
        left_scale, left_unit = scale_for(max(p.balance for p in points))
        flows = max(max(p.principal, p.interest) for p in points)
        right_scale, right_unit = scale_for(flows)
        self.series = {
            "balance": self._line(
                QCoreApplication.translate("ScheduleChart", "Balance"), _BALANCE, 2.5
            ),
            "principal": self._line(
                QCoreApplication.translate("ScheduleChart", "Principal"), _PRINCIPAL, 1.5
            ),
            "interest": self._line(
                QCoreApplication.translate("ScheduleChart", "Interest"), _INTEREST, 1.5
            ),
        }
        for p in points:
            x = _msecs(p.when)
            self.series["balance"].append(x, float(p.balance / left_scale))
            self.series["principal"].append(x, float(p.principal / right_scale))
            self.series["interest"].append(x, float(p.interest / right_scale))
        when = QDateTimeAxis()
        long_loan = (points[-1].when - points[0].when).days > 6 * 366
        when.setFormat("yyyy" if long_loan else "yyyy-MM")  # labels that fit a narrow pane
        when.setTickCount(min(max(len(points), 2), 6))
        left = QValueAxis()
        left.setTitleText(
            QCoreApplication.translate("ScheduleChart", "Balance ({unit})").format(unit=left_unit)
        )
        left.setLabelFormat("%.2f" if left_scale > 1 else "%.0f")
        right = QValueAxis()
        right.setTitleText(
            QCoreApplication.translate("ScheduleChart", "Per payment ({unit})").format(
                unit=right_unit
            )
        )
        right.setLabelFormat("%.2f" if right_scale > 1 else "%.0f")
        chart.addAxis(when, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        for key, line in self.series.items():
            chart.addSeries(line)
            line.attachAxis(when)
            line.attachAxis(left if key == "balance" else right)
        when.setRange(
            QDateTime.fromMSecsSinceEpoch(int(_msecs(points[0].when))),
            QDateTime.fromMSecsSinceEpoch(int(_msecs(points[-1].when))),
        )
        left.setRange(0, max(float(max(p.balance for p in points) / left_scale), 1.0))
        right.setRange(0, max(float(flows / right_scale), 1.0))
        left.applyNiceNumbers()
        right.applyNiceNumbers()

    @staticmethod
    def _line(name: str, colour: QColor, width: float) -> QLineSeries:
        line = QLineSeries()
        line.setName(name)
        pen = QPen(colour)
        pen.setWidthF(width)
        line.setPen(pen)
        return line
