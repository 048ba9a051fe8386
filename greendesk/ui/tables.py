"""Column sizing shared by the tables: fit the contents, but never let one column eat the view."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

MAX_COLUMN_PX = 280


def fit_columns(table: QTableView, max_px: int = MAX_COLUMN_PX) -> None:
    table.resizeColumnsToContents()
    model = table.model()
    if model is None:
        return
    for col in range(model.columnCount()):
        if table.columnWidth(col) > max_px:
            table.setColumnWidth(col, max_px)
