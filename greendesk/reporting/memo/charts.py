"""Memo charts drawn with reportlab.graphics: the balance curve and the collateral bars.

Chart geometry is in points (floats); the figures plotted are Decimal money converted for the
drawing only (marked float-ok). Every text is drawn run by run so Chinese uses the CJK font.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors

from greendesk.reporting.fonts import LATIN, runs, string_width
from greendesk.reporting.memo.styles import ACCENT, ALERT, INK, MUTED, RULE

SECOND = colors.HexColor("#8fbf9f")


def mixed_string(x: float, y: float, text: str, size: float, anchor: str = "start") -> Group:
    """A text line for a Drawing, one String per font run."""
    width = string_width(text, size)
    if anchor == "middle":
        x -= width / 2
    elif anchor == "end":
        x -= width
    group = Group()
    for font, piece in runs(text):
        group.add(String(x, y, piece, fontName=font, fontSize=size, fillColor=INK))
        x += string_width(piece, size)
    return group


def _scale(max_value: Decimal) -> tuple[Decimal, str]:
    """Divide by 10^8 (亿) or 10^4 (万) for readable axis numbers."""
    if max_value >= Decimal(10) ** 8:
        return Decimal(10) ** 8, "e8"
    if max_value >= Decimal(10) ** 4:
        return Decimal(10) ** 4, "e4"
    return Decimal(1), ""


def _unit(code: str, lang: str) -> str:
    if lang == "zh":
        return {"e8": "亿元", "e4": "万元", "": "元"}[code]
    return {"e8": "CNY 100 m", "e4": "CNY 10 k", "": "CNY"}[code]


def balance_chart(
    points: Sequence[tuple[date, Decimal]], title: str, lang: str, width: float
) -> Drawing:
    """Closing balance after each payment date, starting from the first drawdown."""
    height = 150.0
    drawing = Drawing(width, height, initialFontName=LATIN)
    peak = max((b for _, b in points), default=Decimal(0))
    divisor, code = _scale(peak)
    drawing.add(
        mixed_string(
            0,
            height - 10,
            f"{title}（{_unit(code, lang)}）" if lang == "zh" else f"{title} ({_unit(code, lang)})",
            8.5,
        )
    )
    plot = LinePlot()
    plot.x, plot.y = 40, 22
    plot.width, plot.height = width - 55, height - 45
    series = [
        (d.year + (d.timetuple().tm_yday - 1) / 365.25, float(b / divisor))  # float-ok: plot only
        for d, b in points
    ]
    plot.data = [series or [(0.0, 0.0)]]
    plot.lines[0].strokeColor = ACCENT
    plot.lines[0].strokeWidth = 1.6
    plot.xValueAxis.labels.fontName = LATIN
    plot.xValueAxis.labels.fontSize = 7
    plot.xValueAxis.labelTextFormat = "%d"
    plot.yValueAxis.labels.fontName = LATIN
    plot.yValueAxis.labels.fontSize = 7
    plot.yValueAxis.valueMin = 0
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = RULE
    plot.yValueAxis.gridStrokeWidth = 0.25
    plot.xValueAxis.strokeColor = MUTED
    plot.yValueAxis.strokeColor = MUTED
    if series:
        first, last = series[0][0], series[-1][0]
        plot.xValueAxis.valueMin = int(first)
        plot.xValueAxis.valueMax = int(last) + 1
        span = int(last) + 1 - int(first)
        plot.xValueAxis.valueStep = max(1, span // 10)
    drawing.add(plot)
    return drawing


def collateral_chart(
    pledges: Sequence[tuple[str, Decimal, Decimal]],
    exposure: Decimal,
    labels: tuple[str, str, str],
    title: str,
    lang: str,
    width: float,
) -> Drawing:
    """Value and eligible value per pledge (categories are pledge numbers), exposure as a line."""
    height = 165.0
    drawing = Drawing(width, height, initialFontName=LATIN)
    peak = max([exposure, *(v for _, v, _ in pledges)])
    divisor, code = _scale(peak)
    heading = (
        f"{title}（{_unit(code, lang)}）" if lang == "zh" else f"{title} ({_unit(code, lang)})"
    )
    drawing.add(mixed_string(0, height - 10, heading, 8.5))
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 34
    chart.width, chart.height = width - 55, height - 60
    chart.data = [
        [float(v / divisor) for _, v, _ in pledges],  # float-ok: plot only
        [float(e / divisor) for _, _, e in pledges],  # float-ok: plot only
    ]
    chart.categoryAxis.categoryNames = [name for name, _, _ in pledges]
    chart.categoryAxis.labels.fontName = LATIN
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = LATIN
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = float(peak / divisor) * 1.1  # float-ok: axis range
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.bars[0].fillColor = ACCENT
    chart.bars[1].fillColor = SECOND
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 8
    drawing.add(chart)
    # exposure line across the plot
    share = float(exposure / divisor) / chart.valueAxis.valueMax  # float-ok: plot geometry
    level = chart.y + chart.height * share
    drawing.add(
        Line(
            chart.x,
            level,
            chart.x + chart.width,
            level,
            strokeColor=ALERT,
            strokeWidth=1,
            strokeDashArray=[3, 2],
        )
    )
    # legend
    x = chart.x
    for colour, text in ((ACCENT, labels[0]), (SECOND, labels[1])):
        drawing.add(Rect(x, 6, 8, 8, fillColor=colour, strokeColor=None))
        drawing.add(mixed_string(x + 11, 7, text, 7.5))
        x += 11 + string_width(text, 7.5) + 14
    drawing.add(Line(x, 10, x + 14, 10, strokeColor=ALERT, strokeWidth=1, strokeDashArray=[3, 2]))
    drawing.add(mixed_string(x + 17, 7, labels[2], 7.5))
    return drawing
