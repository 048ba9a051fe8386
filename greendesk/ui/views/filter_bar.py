"""The loan list's filter bar: class, status, region, category, officer, collateral, coverage,
start and maturity dates — the same ``LoanFilter`` the CLI's options build.

Layout from ``forms/filter_bar.ui``. Each drop-down offers "any" and the values GreenDesk knows
(the regions and officers present in the book come from ``services.portfolio.filter_choices``);
dates are typed YYYY-MM-DD and a date that is not one is named in the bar, not applied. The bar
only says what is wanted (``changed``); the window runs the query off the GUI thread.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from greendesk.domain.validation import CLASSIFICATIONS, LOAN_STATUSES
from greendesk.services.loan_filter import BAND_KEYS, LoanFilter, category_names
from greendesk.services.portfolio import FilterChoices
from greendesk.ui import labels
from greendesk.ui.dialogs.pledge import collateral_types
from greendesk.ui.forms import child, setup_form
from greendesk.ui.views.language import content_language

# combo object name → the LoanFilter field it sets (one value, or none for "any")
COMBOS = {
    "classCombo": "classes",
    "statusCombo": "statuses",
    "regionCombo": "regions",
    "categoryCombo": "categories",
    "officerCombo": "officers",
    "collateralCombo": "collateral",
    "coverageCombo": "coverage_bands",
}
DATES = {
    "startFromEdit": "start_from",
    "startToEdit": "start_to",
    "maturityFromEdit": "maturity_from",
    "maturityToEdit": "maturity_to",
}


def band_text(key: str) -> str:
    """A coverage band as the bar, the dashboard and its tables show it."""
    if key == "none":
        return QCoreApplication.translate("FilterBar", "No collateral")
    names = {
        "lt1.0": "< 1.0",
        "1.0-1.3": "1.0 – 1.3",
        "1.3-1.5": "1.3 – 1.5",
        "1.5-2.0": "1.5 – 2.0",
        "ge2.0": "≥ 2.0",
    }
    return names[key]


def _date_label(name: str) -> str:
    texts = {
        "startFromEdit": QCoreApplication.translate("FilterBar", "Start from"),
        "startToEdit": QCoreApplication.translate("FilterBar", "Start to"),
        "maturityFromEdit": QCoreApplication.translate("FilterBar", "Maturity from"),
        "maturityToEdit": QCoreApplication.translate("FilterBar", "Maturity to"),
    }
    return texts[name]


def category_text(key: str, names: dict[str, str] | None = None) -> str:
    if not key:
        return QCoreApplication.translate("FilterBar", "No catalogue item")
    name = (names or category_names(content_language())).get(key, "")
    return f"{key} {name}".strip()


class FilterBar(QWidget):
    """Drop-downs and date fields that together say which loans the list shows."""

    changed = Signal(object)  # the LoanFilter now wanted (search words are the window's)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        setup_form(self, "filter_bar")
        self.combos = {name: child(self, QComboBox, name) for name in COMBOS}
        self.dates = {name: child(self, QLineEdit, name) for name in DATES}
        self.message = child(self, QLabel, "filterMessage")
        self.message.setObjectName("filterMessage")
        self.message.hide()
        self._filter = LoanFilter()
        self._filling = False
        self._fill_fixed()
        for combo in self.combos.values():
            combo.activated.connect(lambda _i: self._edited())
        for edit in self.dates.values():
            edit.editingFinished.connect(self._edited)
        child(self, QPushButton, "clearButton").clicked.connect(self.clear)

    # -- choices
    def _any(self, combo: QComboBox) -> None:
        combo.clear()
        combo.addItem(QCoreApplication.translate("FilterBar", "Any"), None)

    def _fill_fixed(self) -> None:
        self._filling = True
        try:
            categories = category_names(content_language())
            fixed: dict[str, list[tuple[str, str]]] = {
                "classCombo": [(c, labels.word(c)) for c in CLASSIFICATIONS],
                "statusCombo": [(s, labels.status_text(s)) for s in LOAN_STATUSES],
                "categoryCombo": [(k, category_text(k, categories)) for k in categories],
                "collateralCombo": collateral_types(),
                "coverageCombo": [(k, band_text(k)) for k in BAND_KEYS],
            }
            for name, items in fixed.items():
                combo = self.combos[name]
                self._any(combo)
                for key, text in items:
                    combo.addItem(text, key)
            self._any(self.combos["regionCombo"])
            self._any(self.combos["officerCombo"])
        finally:
            self._filling = False

    def set_choices(self, choices: FilterChoices) -> None:
        """The regions and officers of the book (read by the window off the GUI thread)."""
        self._filling = True
        try:
            regions = self.combos["regionCombo"]
            self._any(regions)
            for province in choices.provinces:
                regions.addItem(province, province)
                for prefecture in choices.prefectures:
                    if prefecture.split(" ")[0] == province:
                        regions.addItem("  " + prefecture, prefecture)
            officers = self.combos["officerCombo"]
            self._any(officers)
            for username, name in choices.officers:
                officers.addItem(f"{name} ({username})", username)
        finally:
            self._filling = False
        self._show(self._filter)

    # -- reading and writing
    @property
    def filter(self) -> LoanFilter:
        return self._filter

    def _read(self) -> tuple[LoanFilter, list[str]]:
        values: dict[str, Any] = {}
        for name, field in COMBOS.items():
            data = self.combos[name].currentData()
            values[field] = () if data is None else (str(data),)
        problems = []
        for name, field in DATES.items():
            text = self.dates[name].text().strip()
            if not text:
                values[field] = None
                continue
            try:
                values[field] = date.fromisoformat(text)
            except ValueError:
                label = _date_label(name)
                problems.append(
                    QCoreApplication.translate(
                        "FilterBar", "{field}: {text} is not a date (YYYY-MM-DD)"
                    ).format(field=label, text=text)
                )
                values[field] = getattr(self._filter, field)
        # a filter the bar cannot show (several values from the dashboard) stays as it was
        # until the user changes that drop-down
        return replace(self._filter, **values), problems

    def _edited(self) -> None:
        if self._filling:
            return
        wanted, problems = self._read()
        self.message.setVisible(bool(problems))
        self.message.setText("\n".join(problems))
        if wanted != self._filter:
            self._filter = wanted
            self.changed.emit(wanted)

    def _show(self, wanted: LoanFilter) -> None:
        self._filling = True
        try:
            for name, field in COMBOS.items():
                combo = self.combos[name]
                chosen = getattr(wanted, field)
                key = chosen[0] if chosen else None
                index = combo.findData(key) if key is not None else 0
                if index < 0:  # a value not offered yet (e.g. a prefecture from the dashboard)
                    combo.addItem(str(key), key)
                    index = combo.count() - 1
                combo.setCurrentIndex(index)
            for name, field in DATES.items():
                value = getattr(wanted, field)
                self.dates[name].setText(value.isoformat() if value else "")
        finally:
            self._filling = False

    def set_filter(self, wanted: LoanFilter) -> None:
        """Show ``wanted`` (from the dashboard) and announce it."""
        wanted = replace(wanted, search="")
        self._show(wanted)
        self.message.hide()
        if wanted != self._filter:
            self._filter = wanted
            self.changed.emit(wanted)

    def clear(self) -> None:
        self.set_filter(LoanFilter())
