"""The history tab: the loan's timeline (with its pledges, votes and conditions), oldest first.

Each event reads as a sentence (:mod:`.timeline`): who did it, by name, and what, in words. The
raw audit event — every stored field before and after, and its place in the hash chain — shows
below the timeline when an event is selected.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import QHeaderView, QPlainTextEdit, QSplitter, QTableView, QWidget

from greendesk.services.audit import HistoryRow
from greendesk.ui import labels
from greendesk.ui.forms import child
from greendesk.ui.list_columns import two_lines
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.tables import RefitRows, fit_columns
from greendesk.ui.views.timeline import describe, raw_text


def history_columns(people: Mapping[str, str] | None = None) -> list[Column[HistoryRow]]:
    """No., when, who (display name; user name in the tooltip) and the event in words."""
    names = dict(people or {})
    return [
        Column(QCoreApplication.translate("HistoryTab", "No."), lambda r: str(r.seq), right=True),
        Column(
            QCoreApplication.translate("HistoryTab", "When"),
            lambda r: labels.instant(r.occurred_at),
        ),
        Column(
            QCoreApplication.translate("HistoryTab", "Who"),
            lambda r: names.get(r.actor, r.actor),
            tooltip=lambda r: r.actor,
        ),
        Column(
            QCoreApplication.translate("HistoryTab", "What happened"),
            describe,
            tooltip=describe,  # the whole sentence when the column cuts it
        ),
    ]


WHO = 2  # the column of who did it


class HistoryTab:
    def __init__(self, root: QWidget) -> None:
        self.table = child(root, QTableView, "historyTable")
        self.detail = child(root, QPlainTextEdit, "historyDetail")
        self.model: RowsModel[HistoryRow] = RowsModel(history_columns(), root)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.setWordWrap(True)  # a long event reads on two lines, not cut off
        self._refit = RefitRows(self.table, fill=3)  # the event in words takes the rest
        splitter = child(root, QSplitter, "historySplitter")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

    def show(self, rows: tuple[HistoryRow, ...], people: Mapping[str, str] | None = None) -> None:
        self.model.set_columns(history_columns(people), rows)
        self.detail.setPlainText(
            QCoreApplication.translate("HistoryTab", "No events recorded for this loan.")
            if not rows
            else QCoreApplication.translate(
                "HistoryTab", "Select an event to see the audit record behind it."
            )
        )
        fit_columns(self.table)
        self._narrow_who()
        self._refit.refit()

    def _narrow_who(self) -> None:
        """Names take two lines where they have a space ("GreenDesk (automatic)"), so the event
        in words keeps its room in a narrow detail pane."""
        metrics = self.table.fontMetrics()
        names = [
            str(self.model.data(self.model.index(r, WHO)) or "")
            for r in range(self.model.rowCount())
        ]
        heading = str(self.model.headerData(WHO, Qt.Orientation.Horizontal) or "")
        widest = max((two_lines(metrics, n) for n in names), default=0)
        wanted = max(widest, metrics.horizontalAdvance(heading) + 12) + 16
        self.table.setColumnWidth(WHO, min(self.table.columnWidth(WHO), wanted))

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        row = self.model.row(indexes[0].row()) if indexes else None
        if row is None:
            return
        self.detail.setPlainText(raw_text(row))
