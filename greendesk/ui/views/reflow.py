"""The overview's cards in two columns when the detail is wide, one below the other when narrow.

At 1440 px the detail pane has about 530 px: two cards side by side would cut their values
(``1,500,000,000.00 CNY``, ``LPR5Y 3.50% -30 bp``) or need a horizontal scroll bar. The cards
keep their order (borrower, facility, project, benefit); wide pieces (the committee panel) span
the grid in either layout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGridLayout, QScrollArea, QSizePolicy, QSpacerItem, QWidget

TWO_COLUMNS_FROM = 680  # px of the scroll area's viewport: each card then has about 330 px


class ReflowCards(QObject):
    """Event filter on a scroll area's viewport that lays ``cards`` out in one or two columns;
    ``wide`` widgets follow below, across the grid, then a spacer takes the rest."""

    def __init__(
        self, scroll: QScrollArea, grid: QGridLayout, cards: list[QWidget], wide: list[QWidget]
    ) -> None:
        super().__init__(scroll)
        self._scroll = scroll
        self._grid = grid
        self._cards = cards
        self._wide = wide
        self.columns = 0
        scroll.viewport().installEventFilter(self)
        self.reflow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.reflow()
        return False

    def reflow(self) -> None:
        columns = 2 if self._scroll.viewport().width() >= TWO_COLUMNS_FROM else 1
        if columns == self.columns:
            return
        self.columns = columns
        grid = self._grid
        while grid.count():  # take every item out (the widgets stay, parented to the page)
            grid.takeAt(0)
        for i, card in enumerate(self._cards):
            grid.addWidget(card, i // columns, i % columns)
        row = (len(self._cards) + columns - 1) // columns
        for widget in self._wide:
            grid.addWidget(widget, row, 0, 1, columns)
            row += 1
        grid.addItem(
            QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding), row, 0
        )
        for column in range(2):
            grid.setColumnStretch(column, 1 if column < columns else 0)
