"""An editable table of text cells for the small lists inside the loan editor.

Drawdowns and syndicate lenders are typed in as text (validated by the records service, which
names the failing row and field); this model holds strings. Money columns show a valid amount
grouped (``1,100,000,000.00``) so a loan officer reads it at a glance, but keep the exact plain
decimal text the officer gave (``1100000000.00``): that text, not the display, goes to the
service. Typed or pasted separators are taken off a valid amount; anything else is kept exactly
as typed so the service can name the field and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from greendesk.domain.money import format_money, parse_money
from greendesk.domain.numbers import normalise, parse_amount

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
INVALID_INK = QColor("#A32D2D")  # the error red of the desk's style sheet
_PLAIN = re.compile(r"[0-9]*\.?[0-9]*")


def plain_amount(text: str) -> str | None:
    """The plain decimal text of a valid amount (separators off), or None if it is not one.

    A valid amount is what the records service accepts as one (``domain.numbers.parse_amount``:
    digits with at most two decimals, ',' only in groups of three, full-width digits, 万 or 亿).
    A negative amount is left as typed: the service names it, and the officer sees the cell is
    not plain.
    """
    try:
        amount = parse_amount(text)
    except ValueError:
        return None
    if amount < 0:
        return None
    cleaned = normalise(text).replace(",", "")
    return cleaned if _PLAIN.fullmatch(cleaned) else format(amount, "f")


def amount_of(text: str) -> Decimal | None:
    """The amount a money cell holds, or None when it is blank or not a valid amount."""
    plain = plain_amount(text)
    return None if plain is None else parse_money(plain)


@dataclass(frozen=True)
class ColumnSum:
    """A money column added up: the valid amounts, and how many filled cells were not valid."""

    total: Decimal
    counted: int
    invalid: int


class TextGridModel(QAbstractTableModel):
    def __init__(
        self,
        headers: Sequence[str],
        right: Sequence[int] = (),
        parent: Any = None,
        money: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._money = set(money)
        self._right = set(right) | self._money
        self._rows: list[list[str]] = []

    def _cell_text(self, column: int, text: str) -> str:
        """What a cell keeps: a valid amount's plain text in a money column, else the text."""
        if column in self._money:
            plain = plain_amount(text)
            if plain is not None:
                return plain
        return text

    def _row(self, values: Sequence[str]) -> list[str]:
        padded = [*values, *([""] * (len(self._headers) - len(values)))]
        return [self._cell_text(col, str(text)) for col, text in enumerate(padded)]

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self._rows = [self._row(row) for row in rows]
        self.endResetModel()

    def rows(self) -> list[list[str]]:
        """Rows with any text (blank rows are dropped)."""
        return [list(r) for r in self._rows if any(c.strip() for c in r)]

    def add_row(self, values: Sequence[str] = ()) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(self._row(values))
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def column_sum(self, column: int) -> ColumnSum:
        """Add up a money column; blank cells are skipped, invalid ones counted apart."""
        total, counted, invalid = Decimal("0.00"), 0, 0
        for row in self._rows:
            text = row[column]
            if not text.strip():
                continue
            amount = amount_of(text)
            if amount is None:
                invalid += 1
            else:
                total += amount
                counted += 1
        return ColumnSum(total, counted, invalid)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._headers):
            return None
        text = self._rows[index.row()][index.column()]
        money = index.column() in self._money
        if role == Qt.ItemDataRole.DisplayRole:
            amount = amount_of(text) if money else None
            return text if amount is None else format_money(amount, grouped=True)
        if role == Qt.ItemDataRole.EditRole:
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and money and text.strip():
            return INVALID_INK if amount_of(text) is None else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._headers):
            return False
        self._rows[index.row()][index.column()] = self._cell_text(index.column(), str(value))
        self.dataChanged.emit(index, index)  # the display and ink follow the text
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
