"""The loan editor pre-fills a floating loan's base rate from the reference rate table.

Whenever the start date, the base rate's name or the rate kind changes, and the base-rate field
is blank or still holds what was filled in before, it takes the rate in force on the start date
(``services.base_rates.rate_in_force``). A figure the officer typed is never overwritten. The
field's tooltip names the publication the figure came from.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit

from greendesk.services.base_rates import rate_in_force
from greendesk.store.database import Database
from greendesk.ui import labels


class BaseRateFill:
    def __init__(
        self,
        db: Database,
        edit: QLineEdit,
        name: QComboBox,
        kind: QComboBox,
        start: QLineEdit,
    ) -> None:
        self._db = db
        self._edit = edit
        self._name = name
        self._kind = kind
        self._start = start
        self.filled: str | None = None  # the text this filled in, while it is still there
        edit.setPlaceholderText(
            QCoreApplication.translate("LoanDialog", "from the rate table on the start date")
        )
        start.textChanged.connect(lambda _t: self.refresh())
        name.currentIndexChanged.connect(lambda _i: self.refresh())
        kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        current = self._edit.text().strip()
        if self._kind.currentData() != "floating" or (current and current != self.filled):
            return
        try:
            on = date.fromisoformat(self._start.text().strip())
        except ValueError:
            return
        found = rate_in_force(self._db, str(self._name.currentData()), on)
        if found is None:
            if current and current == self.filled:
                self._edit.clear()
            self.filled = None
            self._edit.setToolTip(
                QCoreApplication.translate(
                    "LoanDialog", "No {name} in the rate table on or before {day}: type it."
                ).format(name=self._name.currentData(), day=on.isoformat())
            )
            return
        text = f"{found.rate.normalize():f}"
        self.filled = text
        self._edit.setText(text)
        self._edit.setToolTip(
            QCoreApplication.translate(
                "LoanDialog", "{name} {rate}, in force since {day} (rate table{source})"
            ).format(
                name=found.name,
                rate=labels.rate(found.rate),
                day=found.effective_date.isoformat(),
                source=f": {found.source}" if found.source else "",
            )
        )
