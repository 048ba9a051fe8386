"""The loan list's columns kept inside the list's width: every column on screen at 1440 px.

The coded and numeric columns keep the widths their contents need (reference, region, amount,
status, class, dates); borrower and project — long Chinese names — share what is left, the
borrower a little more, on two lines a row, elided beyond that with the full name in the
tooltip. The share follows the
list as the splitter or the window is resized; a column the user widened by hand stays as set
until the list itself changes size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

NAME_COLUMNS = (1, 2)  # borrower, project
# the widest text each fixed column shows (reference with a letter to spare: wide capitals
# such as "GS-" would wrap), region, amount, start, maturity
SAMPLES = {
    0: "GS-ZY-2024-0010",
    3: "新疆 昌吉州",
    4: "9,999,999,999.99",
    7: "2043-03-20",
    8: "2043-03-20",
}
_PAD = 14  # cell margins and the grid line
_WEIGHTS = (11, 9)
_MIN_CHARS = 5  # a name column never gets narrower than about five Chinese characters
_COMFORT_CHARS = 6  # what the first layout gives each name column when the window has room
_HEAD_PAD = 12 + 2  # the heading's padding (style sheet: 6 px a side) and its border


def heading_width(table: QTableView, column: int) -> int:
    """What a heading needs whole: its words in the bold heading font, the padding, and room
    for the sort arrow (every heading sorts, so any may show it)."""
    model = table.model()
    text = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model else ""
    font = QFont(table.horizontalHeader().font())
    font.setBold(True)  # the style sheet's headings are bold
    metrics = QFontMetrics(font)
    return metrics.horizontalAdvance(text) + _HEAD_PAD + metrics.height()


class ListColumns(QObject):
    """Event filter on the list's viewport that refits the name columns on every resize."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._sized = False
        table.viewport().installEventFilter(self)
        table.setWordWrap(True)  # a long name takes two lines rather than vanishing

    def _size_fixed(self) -> None:
        """Once the style sheet's font is in force (the first resize): widths from samples."""
        table = self._table
        metrics = table.fontMetrics()
        for column, sample in SAMPLES.items():
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + _PAD)
        model = table.model()
        for column in range(model.columnCount() if model else 0):
            if column not in NAME_COLUMNS:  # and no heading is cut ("Maturity", "Reference")
                table.setColumnWidth(
                    column, max(table.columnWidth(column), heading_width(table, column))
                )
        table.verticalHeader().setDefaultSectionSize(2 * metrics.lineSpacing() + 8)
        self._sized = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def shortfall(self) -> int:
        """How many pixels the list lacks to show every column with the name columns at a
        comfortable width (0 when it has them); the window's first layout gives it those."""
        table = self._table
        model = table.model()
        if model is None:
            return 0
        if not self._sized:
            self._size_fixed()
        others = sum(
            table.columnWidth(c) for c in range(model.columnCount()) if c not in NAME_COLUMNS
        )
        glyph = table.fontMetrics().horizontalAdvance("中")
        wanted = others + len(NAME_COLUMNS) * (_COMFORT_CHARS * glyph + 12)
        return max(0, wanted - table.viewport().width())

    def fit(self) -> None:
        table = self._table
        model = table.model()
        if model is None:
            return
        if not self._sized:
            self._size_fixed()
        others = sum(
            table.columnWidth(c) for c in range(model.columnCount()) if c not in NAME_COLUMNS
        )
        glyph = table.fontMetrics().horizontalAdvance("中")
        least = _MIN_CHARS * glyph + 12
        room = max(table.viewport().width() - others, least * len(NAME_COLUMNS))
        total = sum(_WEIGHTS)
        for column, weight in zip(NAME_COLUMNS, _WEIGHTS, strict=True):
            table.setColumnWidth(column, max(least, room * weight // total))


def two_lines(metrics: QFontMetrics, text: str) -> int:
    """The narrowest width that shows ``text`` whole on at most two lines (split at a space)."""
    words = text.split()
    if len(words) < 2:
        return metrics.horizontalAdvance(text)
    return min(
        max(
            metrics.horizontalAdvance(" ".join(words[:cut])),
            metrics.horizontalAdvance(" ".join(words[cut:])),
        )
        for cut in range(1, len(words))
    )
