"""Reference prices and base rates, on ``services.records.market_data``.

The service checks the role, validates, keeps one price per instrument and date, audits, and
revalues — in the same transaction — every current loan pledged with a changed instrument. The
prices and rates tables carry no version column: an edit or deletion sends back the record as the
list showed it (``expected``), and a row changed meanwhile is refused with the service's message.
The editors are in :mod:`greendesk.ui.dialogs.market_editors`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QTableView, QWidget

from greendesk.domain.roles import Action, Principal
from greendesk.services.records import market_data
from greendesk.services.records.results import PriceRecord, RateRecord
from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.dialogs.admin_common import confirm, refit, selected_row, setup_list
from greendesk.ui.dialogs.market_editors import (
    PriceDialog,
    RateDialog,
    decimal_text,
    instruments,
    rate_label,
)
from greendesk.ui.forms import child, setup_form
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.workers import Progress, Task, Tasks


def price_columns() -> list[Column[PriceRecord]]:
    return [
        Column(
            QCoreApplication.translate("MarketDataDialog", "Instrument"), lambda p: p.instrument
        ),
        Column(
            QCoreApplication.translate("MarketDataDialog", "Date"),
            lambda p: labels.day(p.price_date),
        ),
        Column(
            QCoreApplication.translate("MarketDataDialog", "Price"),
            lambda p: decimal_text(p.price),
            right=True,
        ),
        Column(QCoreApplication.translate("MarketDataDialog", "Unit"), lambda p: p.unit),
        Column(
            QCoreApplication.translate("MarketDataDialog", "Source"),
            lambda p: labels.text(p.source),
        ),
    ]


def rate_columns() -> list[Column[RateRecord]]:
    return [
        Column(
            QCoreApplication.translate("MarketDataDialog", "Rate"), lambda r: rate_label(r.name)
        ),
        Column(
            QCoreApplication.translate("MarketDataDialog", "Effective from"),
            lambda r: labels.day(r.effective_date),
        ),
        Column(
            QCoreApplication.translate("MarketDataDialog", "Annual rate"),
            lambda r: labels.rate(r.rate),
            right=True,
        ),
        Column(
            QCoreApplication.translate("MarketDataDialog", "Source"),
            lambda r: labels.text(r.source),
        ),
    ]


class MarketDataDialog(QDialog):
    """The price and rate tables; editing only for roles that may maintain reference data."""

    changed = Signal()  # a price or rate was saved or deleted: loans may have been revalued

    def __init__(
        self,
        db: Database,
        actor: Principal,
        parent: QWidget | None = None,
        tasks: Tasks | None = None,
    ) -> None:
        super().__init__(parent)
        setup_form(self, "market_data_dialog")
        self._db = db
        self._actor = actor
        self._tasks = tasks or Tasks(self)
        self.editor: QDialog | None = None  # the last editor or question opened (tests use it)
        self.revalued: int | None = None  # loans revalued by the last price change
        self.deleting: Task[int] | None = None  # the last price deletion running (tests wait)
        self.status = child(self, QLabel, "statusLabel")
        self.status.hide()
        self.price_table = child(self, QTableView, "priceTable")
        self.rate_table = child(self, QTableView, "rateTable")
        self.prices: RowsModel[PriceRecord] = RowsModel(price_columns(), self)
        self.rates: RowsModel[RateRecord] = RowsModel(rate_columns(), self)
        setup_list(self.price_table, self.prices)
        setup_list(self.rate_table, self.rates)
        may_edit = actor.may(Action.EDIT_REFERENCE_DATA)
        self._buttons: dict[str, QPushButton] = {}
        slots: dict[str, Callable[[], None]] = {
            "priceAddButton": self.add_price,
            "priceEditButton": self.edit_price,
            "priceDeleteButton": self.delete_price,
            "rateAddButton": self.add_rate,
            "rateEditButton": self.edit_rate,
            "rateDeleteButton": self.delete_rate,
        }
        for name, slot in slots.items():
            button = child(self, QPushButton, name)
            button.setVisible(may_edit)
            button.clicked.connect(lambda _c=False, s=slot: s())
            self._buttons[name] = button
        if may_edit:
            self.price_table.doubleClicked.connect(lambda _i: self.edit_price())
            self.rate_table.doubleClicked.connect(lambda _i: self.edit_rate())
        child(self, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self.reload()
        for table in (self.price_table, self.rate_table):
            table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # -- lists
    def reload(self) -> None:
        try:
            prices = market_data.list_prices(self._db)
            rates = market_data.list_rates(self._db)
        except Exception as exc:  # user errors plainly, bugs to the error dialog
            messages.show_exception(self, exc)
            return
        self._keep(self.price_table, self.prices, prices, lambda r: r.id)
        self._keep(self.rate_table, self.rates, rates, lambda r: r.id)
        self._update_buttons()

    def _keep(
        self, table: QTableView, model: RowsModel[Any], rows: list[Any], key: Callable[[Any], int]
    ) -> None:
        row = selected_row(table)
        chosen = model.row(row) if row is not None else None
        model.set_rows(rows)
        refit(table)
        if chosen is not None:
            self._select(table, model, key(chosen))

    @staticmethod
    def _select(table: QTableView, model: RowsModel[Any], record_id: int) -> None:
        ids = [r.id for r in model.rows]
        if record_id in ids:
            table.selectRow(ids.index(record_id))
            table.scrollTo(model.index(ids.index(record_id), 0))

    def current_price(self) -> PriceRecord | None:
        row = selected_row(self.price_table)
        return self.prices.row(row) if row is not None else None

    def current_rate(self) -> RateRecord | None:
        row = selected_row(self.rate_table)
        return self.rates.row(row) if row is not None else None

    def _update_buttons(self) -> None:
        price, rate = self.current_price() is not None, self.current_rate() is not None
        self._buttons["priceEditButton"].setEnabled(price)
        self._buttons["priceDeleteButton"].setEnabled(price)
        self._buttons["rateEditButton"].setEnabled(rate)
        self._buttons["rateDeleteButton"].setEnabled(rate)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> None:
        self.editor = dialog
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _r: self.reload())  # a refused stale edit: show the news
        dialog.open()

    # -- prices
    def _price_saved(self, record: PriceRecord, count: int, deleted: bool = False) -> None:
        what = QCoreApplication.translate("MarketDataDialog", "{instrument} price of {day}").format(
            instrument=record.instrument, day=labels.day(record.price_date)
        )
        done = (
            QCoreApplication.translate("MarketDataDialog", "{what} deleted.")
            if deleted
            else QCoreApplication.translate("MarketDataDialog", "{what} saved.")
        ).format(what=what)
        revalued = QCoreApplication.translate(
            "MarketDataDialog", "Loans revalued with the new prices: {n}."
        ).format(n=count)
        self.revalued = count
        self.reload()
        if not deleted:
            self._select(self.price_table, self.prices, record.id)
        self._say(f"{done} {revalued}")
        self.changed.emit()

    def add_price(self) -> None:
        choices = instruments(self.prices.rows)
        dialog = PriceDialog(self._db, self._actor, None, choices, self, self._tasks)
        self._open(dialog, lambda: self._price_saved(dialog.saved, dialog.revalued or 0))

    def edit_price(self) -> None:
        record = self.current_price()
        if record is None:
            return
        choices = instruments(self.prices.rows)
        dialog = PriceDialog(self._db, self._actor, record, choices, self, self._tasks)
        self._open(dialog, lambda: self._price_saved(dialog.saved, dialog.revalued or 0))

    def delete_price(self) -> None:
        record = self.current_price()
        if record is None:
            return

        db, actor = self._db, self._actor

        def work(_progress: Progress) -> int:
            """On a worker: the deletion revalues the loans pledged with the instrument."""
            return market_data.delete_price(db, actor, record.id, expected=record)

        def failed(exc: BaseException, details: str) -> None:
            messages.show_exception(self, exc, details)  # a stale row: said plainly
            self.reload()

        def delete() -> None:
            self.deleting = self._tasks.run(
                work,
                lambda count: self._price_saved(record, count, deleted=True),
                label=QCoreApplication.translate(
                    "MarketDataDialog", "Deleting the price and revaluing the pledged loans…"
                ),
                on_error=failed,
                parent=self,
            )

        text = QCoreApplication.translate(
            "MarketDataDialog",
            "Delete the {instrument} price of {day} ({price} {unit})? Loans pledged with "
            "{instrument} are revalued at once.",
        ).format(
            instrument=record.instrument,
            day=labels.day(record.price_date),
            price=decimal_text(record.price),
            unit=record.unit,
        )
        title = QCoreApplication.translate("MarketDataDialog", "Delete price")
        self.editor = confirm(self, "confirmDeletePrice", title, text, delete)

    # -- rates
    def _rate_saved(self, record: RateRecord, deleted: bool = False) -> None:
        what = QCoreApplication.translate("MarketDataDialog", "{name} effective {day}").format(
            name=record.name, day=labels.day(record.effective_date)
        )
        done = (
            QCoreApplication.translate("MarketDataDialog", "{what} deleted.")
            if deleted
            else QCoreApplication.translate("MarketDataDialog", "{what} saved.")
        )
        self.reload()
        if not deleted:
            self._select(self.rate_table, self.rates, record.id)
        self._say(done.format(what=what))
        self.changed.emit()

    def add_rate(self) -> None:
        dialog = RateDialog(self._db, self._actor, None, self)
        self._open(dialog, lambda: self._rate_saved(dialog.saved))

    def edit_rate(self) -> None:
        record = self.current_rate()
        if record is None:
            return
        dialog = RateDialog(self._db, self._actor, record, self)
        self._open(dialog, lambda: self._rate_saved(dialog.saved))

    def delete_rate(self) -> None:
        record = self.current_rate()
        if record is None:
            return

        def delete() -> None:
            try:
                market_data.delete_rate(self._db, self._actor, record.id, expected=record)
            except Exception as exc:  # a stale row or a refusal: said plainly; bugs: error dialog
                messages.show_exception(self, exc)
                self.reload()
                return
            self._rate_saved(record, deleted=True)

        text = QCoreApplication.translate(
            "MarketDataDialog", "Delete {name} effective {day} ({rate})?"
        ).format(
            name=record.name, day=labels.day(record.effective_date), rate=labels.rate(record.rate)
        )
        title = QCoreApplication.translate("MarketDataDialog", "Delete rate")
        self.editor = confirm(self, "confirmDeleteRate", title, text, delete)
