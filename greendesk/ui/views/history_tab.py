"""The history tab: the loan's audit events (with its pledges and votes), oldest first."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QItemSelection
from PySide6.QtWidgets import QHeaderView, QPlainTextEdit, QTableView, QWidget

from greendesk.services.audit import HistoryRow
from greendesk.ui import labels
from greendesk.ui.forms import child
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.tables import fit_columns


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:39] + "…"


def change_summary(row: HistoryRow) -> str:
    if not row.changes:
        return ""
    parts = [f"{c.field}: {_short(c.before)} → {_short(c.after)}" for c in row.changes[:3]]
    more = len(row.changes) - 3
    return "; ".join(parts) + (f"; +{more}" if more > 0 else "")


def history_columns() -> list[Column[HistoryRow]]:
    return [
        Column(QCoreApplication.translate("HistoryTab", "No."), lambda r: str(r.seq), right=True),
        Column(
            QCoreApplication.translate("HistoryTab", "When"),
            lambda r: labels.instant(r.occurred_at),
        ),
        Column(QCoreApplication.translate("HistoryTab", "Who"), lambda r: r.actor),
        Column(
            QCoreApplication.translate("HistoryTab", "Action"),
            lambda r: labels.audit_action(r.action),
            tooltip=lambda r: r.action,
        ),
        Column(
            QCoreApplication.translate("HistoryTab", "Record"),
            lambda r: f"{r.entity_type} {r.entity_id or ''}".strip(),
        ),
        Column(QCoreApplication.translate("HistoryTab", "Changes"), change_summary),
    ]


class HistoryTab:
    def __init__(self, root: QWidget) -> None:
        self.table = child(root, QTableView, "historyTable")
        self.detail = child(root, QPlainTextEdit, "historyDetail")
        self.model: RowsModel[HistoryRow] = RowsModel(history_columns(), root)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)

    def show(self, rows: tuple[HistoryRow, ...]) -> None:
        self.model.set_rows(rows)
        self.detail.setPlainText(
            QCoreApplication.translate("HistoryTab", "No events recorded for this loan.")
            if not rows
            else QCoreApplication.translate("HistoryTab", "Select an event.")
        )
        fit_columns(self.table)

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        row = self.model.row(indexes[0].row()) if indexes else None
        if row is None:
            return
        lines = [f"#{row.seq} {labels.instant(row.occurred_at)} {row.actor} {row.action}"]
        for change in row.changes:
            before = json.dumps(change.before, ensure_ascii=False)
            after = json.dumps(change.after, ensure_ascii=False)
            lines.append(f"  {change.field}: {before} → {after}")
        lines.append(f"hash {row.hash}")
        self.detail.setPlainText("\n".join(lines))
