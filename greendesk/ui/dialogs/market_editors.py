"""The price and rate editors, on ``services.records.market_data``.

A price save revalues, in the service's own transaction, every current loan pledged with the
instrument — for a large portfolio that takes seconds, so the price editor runs the service on a
worker thread (``ui.workers``) and shows the outcome through the shared editor's error handling.
A correction or deletion sends back the record as it was loaded (``expected``): a row changed
meanwhile is refused with the service's message, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QWidget

from greendesk.domain.errors import UserError
from greendesk.domain.numbers import parse_rate
from greendesk.domain.roles import Principal
from greendesk.domain.validation import BASE_RATE_NAMES
from greendesk.services.records import market_data
from greendesk.services.records.inputs import PriceInput, RateInput
from greendesk.services.records.reference import collateral_types
from greendesk.services.records.results import PriceRecord, RateRecord
from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.dialogs.editor import EditorDialog
from greendesk.ui.forms import child
from greendesk.ui.workers import Progress, Tasks

KNOWN_INSTRUMENTS = ("CEA", "CCER")


def decimal_text(value: Decimal, places: int = 2) -> str:
    """A price grouped with at least ``places`` decimals and every decimal it really has."""
    exponent = value.normalize().as_tuple().exponent
    shown = max(places, -exponent) if isinstance(exponent, int) else places
    return f"{value:,.{shown}f}"


def instruments(prices: list[PriceRecord]) -> list[str]:
    """Instruments to offer: those priced, the usual ones, those the collateral types use."""
    found = {p.instrument for p in prices} | set(KNOWN_INSTRUMENTS)
    found |= {t.price_instrument for t in collateral_types().types.values() if t.price_instrument}
    known = [code for code in KNOWN_INSTRUMENTS if code in found]
    return known + sorted(found - set(KNOWN_INSTRUMENTS))


def rate_label(code: str) -> str:
    names = {
        "LPR1Y": QCoreApplication.translate("MarketDataDialog", "1-year LPR"),
        "LPR5Y": QCoreApplication.translate("MarketDataDialog", "5-year-and-over LPR"),
    }
    return f"{names[code]} ({code})" if code in names else code


class PriceDialog(EditorDialog):
    """Add a reference price or correct one (sent back with the record it was opened with).

    The save runs on a worker thread; its result or refusal is then handed to the shared
    editor's ``try_save``, so errors are worded and fields outlined exactly as in every editor.
    """

    FIELDS: ClassVar[dict[str, str]] = {
        "instrument": "instrumentCombo",
        "price_date": "priceDateEdit",
        "price": "priceEdit",
        "unit": "unitEdit",
        "source": "sourceEdit",
    }

    def __init__(
        self,
        db: Database,
        actor: Principal,
        record: PriceRecord | None,
        choices: list[str],
        parent: QWidget | None = None,
        tasks: Tasks | None = None,
    ) -> None:
        super().__init__(parent, "price_dialog")
        self._tasks = tasks or Tasks(self)
        self.busy = False
        self.instrument = child(self, QComboBox, "instrumentCombo")
        self.instrument.addItems(choices)
        self.date = child(self, QLineEdit, "priceDateEdit")
        self.price = child(self, QLineEdit, "priceEdit")
        self.unit = child(self, QLineEdit, "unitEdit")
        self.source = child(self, QLineEdit, "sourceEdit")
        self.ok = child(self, QDialogButtonBox, "buttonBox").button(
            QDialogButtonBox.StandardButton.Ok
        )
        start = (
            PriceInput(price_date=date.today().isoformat())  # today's close, as a rule
            if record is None
            else market_data_input(record)
        )
        self.instrument.setEditText(start.instrument or (choices[0] if choices else ""))
        self.date.setText(str(start.price_date))
        self.price.setText(str(start.price))
        self.unit.setText(start.unit)
        self.source.setText(start.source)
        self.setWindowTitle(
            QCoreApplication.translate("PriceDialog", "Add reference price")
            if record is None
            else QCoreApplication.translate("PriceDialog", "{instrument} price of {day}").format(
                instrument=record.instrument, day=labels.day(record.price_date)
            )
        )

        def save(data: PriceInput) -> PriceRecord:
            if record is None:
                return market_data.add_price(db, actor, data)
            return market_data.update_price(db, actor, record.id, data, expected=record)

        self._service = save

    def try_save(self) -> None:
        """Collect the fields here, run the service (and the revaluation) on a worker thread."""
        if self.busy:
            return
        data = self.collect()
        self.busy = True
        self.ok.setEnabled(False)

        def work(_progress: Progress) -> PriceRecord:
            return self._service(data)

        self._tasks.run(
            work,
            self._saved,
            label=QCoreApplication.translate(
                "PriceDialog", "Saving the price and revaluing the pledged loans…"
            ),
            on_error=self._refused,
            parent=self,
        )

    def _settle(self, outcome: Callable[[], PriceRecord]) -> None:
        self.busy = False
        self.ok.setEnabled(True)
        self.set_saver(outcome)
        super().try_save()

    @property
    def revalued(self) -> int | None:
        """Loans the saved price change revalued (None until saved)."""
        return self.saved.revalued_loans if isinstance(self.saved, PriceRecord) else None

    def _saved(self, record: PriceRecord) -> None:
        self._settle(lambda: record)

    def _refused(self, exc: BaseException, details: str) -> None:
        if not isinstance(exc, UserError):
            self.busy = False
            self.ok.setEnabled(True)
            messages.show_exception(self, exc, details)  # a bug: the error dialog
            return

        def again() -> PriceRecord:
            raise exc

        self._settle(again)

    def collect(self) -> PriceInput:
        return PriceInput(
            instrument=self.instrument.currentText().strip(),
            price_date=self.date.text().strip(),
            price=self.price.text().strip(),
            unit=self.unit.text().strip(),
            source=self.source.text().strip(),
        )


def market_data_input(record: PriceRecord) -> PriceInput:
    return PriceInput(
        instrument=record.instrument,
        price_date=record.price_date.isoformat(),
        price=str(record.price),
        unit=record.unit,
        source=record.source or "",
    )


class RateDialog(EditorDialog):
    """Add a published base rate or correct one."""

    FIELDS: ClassVar[dict[str, str]] = {
        "name": "nameCombo",
        "effective_date": "effectiveDateEdit",
        "rate": "rateEdit",
        "source": "sourceEdit",
    }

    def __init__(
        self,
        db: Database,
        actor: Principal,
        record: RateRecord | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, "rate_dialog")
        self.name = child(self, QComboBox, "nameCombo")
        for code in BASE_RATE_NAMES:
            self.name.addItem(rate_label(code), code)
        self.date = child(self, QLineEdit, "effectiveDateEdit")
        self.rate = child(self, QLineEdit, "rateEdit")
        self.hint = child(self, QLabel, "rateHint")
        self.source = child(self, QLineEdit, "sourceEdit")
        self.rate.textChanged.connect(self._show_percent)
        if record is not None:
            self.name.setCurrentIndex(max(0, self.name.findData(record.name)))
            self.date.setText(record.effective_date.isoformat())
            self.rate.setText(str(record.rate))
            self.source.setText(record.source or "")
        self._show_percent(self.rate.text())
        self.setWindowTitle(
            QCoreApplication.translate("RateDialog", "Add base rate")
            if record is None
            else QCoreApplication.translate("RateDialog", "{name} effective {day}").format(
                name=record.name, day=labels.day(record.effective_date)
            )
        )

        def save() -> RateRecord:
            data = self.collect()
            if record is None:
                return market_data.add_rate(db, actor, data)
            return market_data.update_rate(db, actor, record.id, data, expected=record)

        self.set_saver(save)

    def _show_percent(self, text: str) -> None:
        """Echo the decimal as a percentage, so 0.03 and 3 % are not confused (display only)."""
        try:
            value: Decimal | None = parse_rate(text)
        except ValueError:
            value = None
        self.hint.setText(
            QCoreApplication.translate("RateDialog", "= {pct} a year").format(
                pct=labels.rate(value)
            )
            if value is not None
            else ""
        )

    def collect(self) -> RateInput:
        return RateInput(
            name=str(self.name.currentData()),
            effective_date=self.date.text().strip(),
            rate=self.rate.text().strip(),
            source=self.source.text().strip(),
        )
