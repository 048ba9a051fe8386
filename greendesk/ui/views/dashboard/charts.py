"""The dashboard's three chart kinds, one builder each: bars, a pie, and a ladder.

Each builder takes what it draws (labels, float values for drawing only, colours) and, for
bars and slices, a callback for a click on number ``i``; none knows the figures behind it.
``draw`` turns a declared ``Figure`` and its rows into the chart of its kind.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from greendesk.ui import labels
from greendesk.ui.views.dashboard.figures import PALETTE, Figure, translated

Click = Callable[[int], None]
BarSets = Sequence[tuple[str, Sequence[float], str]]  # (title, values, colour)


def _size(text: str) -> int:
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)  # a CJK character: two letters


def wrapped(label: str, width: int = 12) -> str:
    """A bar label on lines of about ``width`` letters, as rich text: Qt Charts reads axis labels
    as HTML (a bare "< 1.0" vanished), cuts a label wider than its bar group short
    ("conventio…"), but breaks lines at ``<br>``. Latin text breaks at spaces and after hyphens,
    a long run of CJK characters into equal parts."""
    if _size(label) <= width:
        return html.escape(label)
    tokens: list[str] = []
    for word in re.split(r" +|(?<=-)", label):
        if _size(word) > width and all(ord(ch) >= 0x2E80 for ch in word):
            parts = math.ceil(_size(word) / width)
            step = math.ceil(len(word) / parts)
            tokens += [word[i : i + step] for i in range(0, len(word), step)]
        elif word:
            tokens.append(word)
    lines: list[str] = []
    for token in tokens:
        joined = f"{lines[-1]}{'' if lines[-1].endswith('-') else ' '}{token}" if lines else token
        if lines and _size(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(token)
    return "<br>".join(html.escape(line) for line in lines)


def label_width(groups: int) -> int:
    """Letters a bar label's line may have: a chart of few bar groups has room for longer
    lines ("Ecological and environmental industry" on three lines beside two other groups,
    not on four). Qt Charts cuts a line it finds too long ("Clean energy in…") well before
    the group's full width, so the lines stay short."""
    return max(12, 48 // max(groups, 1))


def _finish(chart: QChart) -> QChart:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    return chart


def _fill(series: QAbstractBarSeries, sets: BarSets, click: Click | None) -> float:
    """Add the bar sets; the largest value (the largest stack for stacked bars)."""
    for title, values, colour in sets:
        bar_set = QBarSet(title)
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        bar_set.setLabelColor(QColor("#1F2A24"))  # value labels (the ladder's) beside the bars
        bar_set.append(list(values))
        if click is not None:
            bar_set.clicked.connect(click)
        series.append(bar_set)
    columns = list(zip(*(values for _, values, _ in sets), strict=True))
    if isinstance(series, QStackedBarSeries):
        return max((sum(c) for c in columns), default=0.0)
    return max((max(c) for c in columns), default=0.0)


def _value_axis(top: float, unit: str) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, top * 1.05 if top > 0 else 1)
    axis.applyNiceNumbers()
    axis.setLabelFormat("%.0f" if top >= 10 else "%.1f")
    axis.setTitleText(unit)
    return axis


def _framed(
    series: QAbstractBarSeries, categories: list[str], values: QValueAxis, title: str
) -> QChart:
    """The chart of bar ``series``: its categories on one axis, ``values`` on the other."""
    chart = QChart()
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    axis = QBarCategoryAxis()
    axis.append(categories)
    bottom, left = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
    horizontal = isinstance(series, QHorizontalBarSeries)
    for each, side in (
        (axis, left if horizontal else bottom),
        (values, bottom if horizontal else left),
    ):
        chart.addAxis(each, side)
        series.attachAxis(each)
    chart.setTitle(title)
    return _finish(chart)


def bar_chart(
    categories: Sequence[str],
    sets: BarSets,
    *,
    stacked: bool = False,
    unit: str = "",
    title: str = "",
    click: Click | None = None,
) -> QChart:
    """Vertical bars, one group per category, one bar (or stack part) per set."""
    series = QStackedBarSeries() if stacked else QBarSeries()
    top = _fill(series, sets, click)
    width = label_width(len(categories))
    chart = _framed(series, [wrapped(c, width) for c in categories], _value_axis(top, unit), title)
    chart.legend().setVisible(len(sets) > 1)
    return chart


def ladder_chart(steps: Sequence[str], sets: BarSets, *, unit: str = "", title: str = "") -> QChart:
    """Horizontal bars, the first step on top, each bar labelled with its value."""
    series = QHorizontalBarSeries()
    top = _fill(series, [(t, list(reversed(v)), c) for t, v, c in sets], None)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    steps_up = [html.escape(s) for s in reversed(steps)]
    # the value axis leaves room for the value labels beyond the bar ends
    return _framed(series, steps_up, _value_axis(top * 1.12, unit), title)


def pie_chart(
    pieces: Sequence[tuple[str, Decimal]], *, title: str = "", click: Click | None = None
) -> QChart:
    """Slices by exact weight, each named with its share; slices under 5 % are named in the
    legend only (their labels would pile up)."""
    series = QPieSeries()
    total = sum((w for _, w in pieces), Decimal(0))
    for index, (name, weight) in enumerate(pieces):
        share = weight / total if total else Decimal(0)
        piece = series.append(f"{name} {labels.percent(share, 1)}", float(weight))  # float-ok
        piece.setColor(QColor(PALETTE[index % len(PALETTE)]))
        piece.setLabelVisible(bool(total) and share >= Decimal("0.05"))
        if click is not None:
            piece.clicked.connect(lambda _checked=False, i=index: click(i))
    chart = QChart()
    chart.addSeries(series)
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return _finish(chart)


def draw(figure: Figure, rows: Sequence[Any], data: Any, click: Click) -> QChart:
    """The chart of ``figure`` over ``rows`` (``data`` is the source the rows came from)."""
    title = translated(figure.title or (figure.series[0].title if len(figure.series) == 1 else ""))
    if figure.kind == "pie":
        weight = figure.weight
        assert weight is not None
        pieces = [(figure.name(r, data), weight(r)) for r in rows]
        return pie_chart(pieces, title=title, click=click)
    if figure.kind == "ladder":
        bar_set = figure.bar_set
        assert bar_set is not None
        charted = [r for r in rows if figure.series[0].value(r) is not None]
        steps = list(dict.fromkeys(figure.name(r, data) for r in charted))
        names = list(dict.fromkeys(bar_set(r) for r in charted))
        values = {(bar_set(r), figure.name(r, data)): figure.series[0].value(r) for r in charted}
        sets = [
            (name, [values.get((name, s)) or 0.0 for s in steps], PALETTE[i % len(PALETTE)])
            for i, name in enumerate(names)
        ]
        return ladder_chart(steps, sets, unit=translated(figure.unit), title=title)
    label = figure.short or (lambda r: figure.name(r, data))
    series = figure.series
    sets = [(translated(x.title), [x.value(r) or 0.0 for r in rows], x.colour) for x in series]
    return bar_chart(
        [label(r) for r in rows],
        sets,
        stacked=figure.stacked,
        unit=translated(figure.unit),
        title=title,
        click=click,
    )
