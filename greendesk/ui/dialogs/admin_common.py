"""Pieces the administration dialogs share: list tables, field-named refusals, confirmations.

Some services refuse with a plain ``UserError`` whose message already reads ``field: rule``
(a password too short, a user name taken, a quorum share out of range). The editors turn such a
message into an ``InvalidInput`` for the same field, so the editor outlines the field as it does
for the records services' own field errors; the words stay the service's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QTableView, QWidget

from greendesk.domain.errors import FieldError, InvalidInput, UserError
from greendesk.ui.models.rows import RowsModel
from greendesk.ui.tables import fit_columns

R = TypeVar("R")
ROW_HEIGHT = 26


def field_refusal(exc: UserError, fields: Mapping[str, str]) -> UserError:
    """``exc`` as an ``InvalidInput`` when its message names one of ``fields`` (else unchanged)."""
    if isinstance(exc, InvalidInput):
        return exc
    text = str(exc)
    path, sep, rule = text.partition(": ")
    if sep and "\n" not in text and path.split("[")[0].split(".")[0] in fields:
        return InvalidInput([FieldError(path, rule)])
    return exc


def refusing_fields(save: Callable[[], R], fields: Mapping[str, str]) -> Callable[[], R]:
    """Wrap an editor's saver so that field-named refusals outline their field."""

    def run() -> R:
        try:
            return save()
        except UserError as exc:
            refined = field_refusal(exc, fields)
            if refined is exc:
                raise
            raise refined from exc

    return run


def setup_list(table: QTableView, model: RowsModel[Any]) -> None:
    """A read-only list of plain rows: whole-row selection, sized to its contents."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


def refit(table: QTableView) -> None:
    fit_columns(table)
    model = table.model()
    if model is not None:
        for col in range(model.columnCount()):
            table.setColumnWidth(col, table.columnWidth(col) + 16)


def selected_row(table: QTableView) -> int | None:
    selection = table.selectionModel()
    rows = selection.selectedRows() if selection is not None else []
    return rows[0].row() if rows else None


def confirm(
    parent: QWidget, name: str, title: str, text: str, on_yes: Callable[[], None]
) -> QMessageBox:
    """Ask a yes/no question window-modally (No is the default); ``on_yes`` runs on Yes."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.buttonClicked.connect(
        lambda button: (
            on_yes() if box.standardButton(button) == QMessageBox.StandardButton.Yes else None
        )
    )
    box.open()
    return box
