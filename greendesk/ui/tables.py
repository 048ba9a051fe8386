"""Column sizing shared by the tables: fit the contents, but never let one column eat the view."""

from __future__ import annotations

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
