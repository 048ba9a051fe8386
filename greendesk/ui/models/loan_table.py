"""The loan list model: row ids only, rows fetched lazily in blocks and kept in a bounded cache.

After Anki's browser table: opening the table costs one query of ids; a row's summary is read the
first time the view paints it, together with its neighbours (``BLOCK`` rows), and the cache keeps
at most ``CACHE_ROWS`` summaries, so a 100,000-loan portfolio opens at once and memory stays flat.
Sorting, searching and filtering re-query the ids through the portfolio service — on a worker
thread when the model is given the window's ``Tasks`` (the newest request wins; an older answer
arriving late is dropped), so typing never waits for the database.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from greendesk.services.loan_filter import LoanFilter
from greendesk.services.portfolio import LoanSummary, fetch_loan_summaries, list_loan_ids
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.workers import Tasks

Index = QModelIndex | QPersistentModelIndex

BLOCK = 200
CACHE_ROWS = 5_000

# (key, header, service order key or None when the column cannot be sorted on the server)
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("reference", "Reference", "reference"),
    ("borrower", "Borrower", "borrower"),
    ("project", "Project", "project"),
    ("region", "Region", "region"),
    ("amount", "Amount", "amount"),
    ("status", "Status", "status"),
    ("classification", "Class", "classification"),
    ("start_date", "Start", "start_date"),
    ("maturity_date", "Maturity", "maturity_date"),
)
AMOUNT_COLUMN = 4
STATUS_COLUMN = 5


class LoanTableModel(QAbstractTableModel):
    """Loans as rows of ``LoanSummary`` (plain dataclasses) fetched by id when shown."""

    reloaded = Signal()  # the ids were replaced (a search, filter or sort took effect)

    def __init__(self, db: Database, parent: Any = None, tasks: Tasks | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: OrderedDict[int, LoanSummary] = OrderedDict()
        self._search = ""
        self._filters = LoanFilter()
        self._order = "reference"
        self._asked = 0  # the newest query's number: an older answer arriving late is dropped
        self.fetches = 0  # how many block reads were made (tests and the status bar)

    # -- loading
    def reload(self) -> None:
        """Re-read the ids now (after a change) and drop cached rows."""
        self._asked += 1
        self._apply(self._asked, self._search, self._filters, self._order, self._query(
            self._search, self._filters, self._order))  # fmt: skip

    def _query(self, search: str, filters: LoanFilter, order: str) -> list[int]:
        return list_loan_ids(self._db, search=search, order_by=order, filters=filters)

    def _apply(
        self, asked: int, search: str, filters: LoanFilter, order: str, ids: list[int]
    ) -> None:
        if asked != self._asked:
            return  # a newer search, filter or sort has been asked for meanwhile
        self.beginResetModel()
        self._search, self._filters, self._order = search, filters, order
        self._ids = ids
        self._row_of = {loan_id: row for row, loan_id in enumerate(self._ids)}
        self._cache.clear()
        self.endResetModel()
        self.reloaded.emit()

    def ask(
        self,
        *,
        search: str | None = None,
        filters: LoanFilter | None = None,
        order: str | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
    ) -> None:
        """Query the ids for a new search, filter or order: on a worker when the model has
        one (the latest request wins), else at once."""
        wanted = (
            self._search if search is None else search.strip(),
            self._filters if filters is None else filters,
            self._order if order is None else order,
        )
        self._asked += 1
        asked = self._asked
        if self._tasks is None:
            self._apply(asked, *wanted, self._query(*wanted))
            return
        self._tasks.run(
            lambda _progress: self._query(*wanted),
            lambda ids: self._apply(asked, *wanted, ids),
            label="",
            on_error=on_error,
        )

    def set_search(self, text: str) -> None:
        if text.strip() != self._search:
            self.ask(search=text)

    def set_filters(self, filters: LoanFilter) -> None:
        if filters != self._filters:
            self.ask(filters=filters)

    @property
    def search(self) -> str:
        return self._search

    @property
    def filters(self) -> LoanFilter:
        return self._filters

    def refresh_rows(self, loan_ids: list[int]) -> None:
        """Forget cached rows that changed, so the view reads them again."""
        for loan_id in loan_ids:
            self._cache.pop(loan_id, None)
            row = self._row_of.get(loan_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def loan_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, loan_id: int) -> int | None:
        return self._row_of.get(loan_id)

    def summary(self, row: int) -> LoanSummary | None:
        loan_id = self.loan_id(row)
        if loan_id is None:
            return None
        cached = self._cache.get(loan_id)
        if cached is not None:
            self._cache.move_to_end(loan_id)
            return cached
        start = max(0, row - BLOCK // 4)
        block = self._ids[start : start + BLOCK]
        fetched = fetch_loan_summaries(self._db, block)
        self.fetches += 1
        for key in block:
            if key in fetched:
                self._cache[key] = fetched[key]
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(loan_id)

    @property
    def cached_rows(self) -> int:
        return len(self._cache)

    # -- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _header(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and section == AMOUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == AMOUNT_COLUMN:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.UserRole,
        ):
            return None
        row = self.summary(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(labels.status_colour(row.status)) if column == STATUS_COLUMN else None
        if role == Qt.ItemDataRole.FontRole:
            if column == STATUS_COLUMN:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return _cell(row, column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][2] or "reference"
        wanted = f"-{key}" if order == Qt.SortOrder.DescendingOrder else key
        if wanted != self._order:
            self.ask(order=wanted)


def _header(section: int) -> str:
    headers = (
        QCoreApplication.translate("LoanTable", "Reference"),
        QCoreApplication.translate("LoanTable", "Borrower"),
        QCoreApplication.translate("LoanTable", "Project"),
        QCoreApplication.translate("LoanTable", "Region"),
        QCoreApplication.translate("LoanTable", "Amount"),
        QCoreApplication.translate("LoanTable", "Status"),
        QCoreApplication.translate("LoanTable", "Class"),
        QCoreApplication.translate("LoanTable", "Start"),
        QCoreApplication.translate("LoanTable", "Maturity"),
    )
    return headers[section]


def _cell(row: LoanSummary, column: int) -> str:
    key = COLUMNS[column][0]
    if key == "reference":
        return row.reference
    if key == "borrower":
        return row.borrower
    if key == "project":
        return labels.text(row.project)
    if key == "region":
        return labels.text(row.region)
    if key == "amount":
        return labels.money(row.amount)
    if key == "status":
        return labels.status_text(row.status)
    if key == "classification":
        return labels.word(row.classification)
    if key == "start_date":
        return labels.day(row.start_date)
    return labels.day(row.maturity_date)
