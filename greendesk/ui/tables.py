"""Column sizing shared by the tables: fit the contents, but never let one column eat the view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

MAX_COLUMN_PX = 280
# Rows measured around the visible ones when fitting (Qt's default, 1,000, makes a 240-period
# schedule measure every cell of every column on each loan selection).
FIT_PRECISION_ROWS = 120


def fit_columns(table: QTableView, max_px: int = MAX_COLUMN_PX) -> None:
    table.horizontalHeader().setResizeContentsPrecision(FIT_PRECISION_ROWS)
    table.resizeColumnsToContents()
    model = table.model()
    if model is None:
        return
    for col in range(model.columnCount()):
        if table.columnWidth(col) > max_px:
            table.setColumnWidth(col, max_px)


class RefitRows(QObject):
    """Re-measures a word-wrapped table's rows whenever its viewport changes size.

    Rows measured while their tab was hidden come out very tall (the columns had no width yet);
    measuring again once the table has its real width keeps them as tall as their text.
    """

    def __init__(self, table: QTableView, fill: int | None = None) -> None:
        super().__init__(table)
        self._table = table
        self._fill = fill  # a column that takes the width the others leave, and wraps
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.refit()
        return False

    def refit(self) -> None:
        table, model = self._table, self._table.model()
        if self._fill is not None and model is not None:
            others = sum(
                table.columnWidth(c) for c in range(model.columnCount()) if c != self._fill
            )
            table.setColumnWidth(self._fill, max(160, table.viewport().width() - others))
        table.resizeRowsToContents()
