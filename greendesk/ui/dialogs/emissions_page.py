"""The "排放数据 / Emissions data" page of the borrower and project editors.

Laid out by ``forms/emissions_page.ui``.

It edits the subject's PCAF inputs through ``services.emission_inputs`` and saves them with its
own button, in one transaction apart from the record on the editor's first page (a refusal
lists every field at fault and saves nothing). While the officer types, it says which PCAF
formula will apply: business loan or project finance, equity + debt or the fallback to total
assets, negative equity counted as 0, or the estimate options that need no attribution factor.
"""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from greendesk.domain.emissions.branch import describe_branch
from greendesk.domain.emissions.pcaf import OPTIONS
from greendesk.domain.errors import InvalidInput, UserError
from greendesk.domain.money import parse_money
from greendesk.domain.roles import Principal
from greendesk.services import emission_inputs as inputs
from greendesk.services.emissions import factor_table
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.error_text import ErrorWording
from greendesk.ui.forms import child, setup_form
from greendesk.ui.views.language import content_language

EDITS = {
    "equity": "equityEdit",
    "debt": "debtEdit",
    "total_assets": "totalAssetsEdit",
    "revenue": "revenueEdit",
    "scope12_t": "scope12Edit",
    "scope3_t": "scope3Edit",
    "activity": "activityEdit",
    "year": "yearEdit",
    "source": "sourceEdit",
}
FIELDS = {**EDITS, "option": "optionCombo", "sector": "sectorCombo"}
_SPLIT = re.compile(r"[;；\n]")


def _option_text(code: str) -> str:
    names = {
        "1a": QCoreApplication.translate("EmissionsPage", "verified reported emissions"),
        "1b": QCoreApplication.translate("EmissionsPage", "unverified reported emissions"),
        "2a": QCoreApplication.translate("EmissionsPage", "energy use × emission factors"),
        "2b": QCoreApplication.translate("EmissionsPage", "production × emission factors"),
        "3a": QCoreApplication.translate("EmissionsPage", "revenue × sector factor"),
        "3b": QCoreApplication.translate("EmissionsPage", "outstanding × asset factor"),
        "3c": QCoreApplication.translate(
            "EmissionsPage", "outstanding × turnover × revenue factor"
        ),
    }
    score = QCoreApplication.translate("EmissionsPage", "score {n}").format(n=OPTIONS[code])
    return f"{code} — {names[code]} ({score})"


def _money_or_none(text: str) -> Decimal | None:
    try:
        return parse_money(text.strip()) if text.strip() else None
    except ValueError:
        return None


class EmissionsPage(QWidget):
    """One subject's PCAF inputs; ``subject_id`` None (a record not yet saved) disables it."""

    def __init__(
        self,
        db: Database,
        actor: Principal,
        subject: str,
        subject_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        setup_form(self, "emissions_page")
        self._db, self._actor, self.subject, self.subject_id = db, actor, subject, subject_id
        self.edits = {k: child(self, QLineEdit, v) for k, v in EDITS.items()}
        self.option = child(self, QComboBox, "optionCombo")
        self.option.addItem("", "")
        for code in OPTIONS:
            self.option.addItem(_option_text(code), code)
        self.sector = child(self, QComboBox, "sectorCombo")
        self.sector.addItem("", "")
        for key in factor_table().sectors:
            self.sector.addItem(key, key)
        self.assumed = child(self, QCheckBox, "assumedCheck")
        self.branch = child(self, QLabel, "branchLabel")
        self.avoided = child(self, QLabel, "avoidedLabel")
        self.error = child(self, QLabel, "emissionsError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.status = child(self, QLabel, "emissionsStatus")
        self.save_button = child(self, QPushButton, "saveEmissionsButton")
        self.save_button.clicked.connect(self.save)
        self._loading = False
        for edit in self.edits.values():
            edit.textChanged.connect(self._edited)
        self.option.currentIndexChanged.connect(self._edited)
        self.sector.currentIndexChanged.connect(self._edited)
        self.assumed.toggled.connect(self._edited)
        self.saved: inputs.EmissionInputsRecord | None = None
        if subject_id is None:
            self.setEnabled(False)
            self.branch.setText(
                QCoreApplication.translate(
                    "EmissionsPage",
                    "Save the record first; its emissions data can then be entered.",
                )
            )
            return
        self.reload()

    def reload(self) -> None:
        assert self.subject_id is not None
        view = inputs.show_inputs(self._db, self.subject, self.subject_id)
        start = inputs.current_input(view.record, view.avoided_t)
        self._loading = True
        for key, edit in self.edits.items():
            if key == "activity":
                edit.setText("; ".join(start.activity))
            else:
                value = getattr(start, key)
                edit.setText("" if value is None else str(value))
        self.option.setCurrentIndex(max(0, self.option.findData(start.option or "")))
        self.sector.setCurrentIndex(max(0, self.sector.findData(start.sector or "")))
        self.assumed.setChecked(start.assumed)
        self._avoided_t = view.avoided_t
        self._loading = False
        self.status.clear()
        self._show_branch()

    def _edited(self, *_args: object) -> None:
        self._show_branch()
        if not self._loading:
            self.status.setText(
                QCoreApplication.translate(
                    "EmissionsPage", "Not saved yet: OK does not save this page."
                )
            )

    def collect(self) -> inputs.EmissionInputsInput:
        e = self.edits
        lines = [part.strip() for part in _SPLIT.split(e["activity"].text()) if part.strip()]
        return inputs.EmissionInputsInput(
            option=str(self.option.currentData() or ""),
            equity=e["equity"].text(),
            debt=e["debt"].text(),
            total_assets=e["total_assets"].text(),
            revenue=e["revenue"].text(),
            scope12_t=e["scope12_t"].text(),
            scope3_t=e["scope3_t"].text(),
            activity=lines,
            sector=str(self.sector.currentData() or "") or None,
            year=e["year"].text().strip() or None,
            source=e["source"].text(),
            assumed=self.assumed.isChecked(),
            avoided_t=None,  # the project's expected reduction is edited on the first page
        )

    def _show_branch(self) -> None:
        e = self.edits
        text = describe_branch(
            self.subject,
            str(self.option.currentData() or "") or None,
            _money_or_none(e["equity"].text()),
            _money_or_none(e["debt"].text()),
            _money_or_none(e["total_assets"].text()),
        ).text(content_language())
        self.branch.setText(text)
        if self.subject != "project":
            self.avoided.hide()
            return
        avoided = getattr(self, "_avoided_t", None)
        shown = "—" if avoided is None else f"{avoided:,.2f}"
        self.avoided.setText(
            QCoreApplication.translate(
                "EmissionsPage",
                "Avoided emissions: the project's expected yearly reduction, {t} tCO2e (first "
                "page), attributed the same way and reported beside, never netted.",
            ).format(t=shown)
        )

    def _mark(self, paths: set[str]) -> None:
        for path, name in FIELDS.items():
            widget = self.findChild(QWidget, name)
            if widget is None:
                continue
            widget.setProperty("invalid", path in paths)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _labels(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for path, name in FIELDS.items():
            label = self.findChild(QLabel, f"{name}Label")
            if label is not None:
                out[path] = label.text().strip().rstrip(":：")
        return out

    def save(self) -> None:
        assert self.subject_id is not None
        self.status.clear()
        try:
            self.saved = inputs.set_inputs(
                self._db, self._actor, self.subject, self.subject_id, self.collect()
            )
        except UserError as exc:
            paths = (
                {e.path.split("[")[0] for e in exc.errors}
                if isinstance(exc, InvalidInput)
                else set()
            )
            self._mark(paths)
            try:
                text = ErrorWording(labels.chinese(), self._labels()).exception(exc).text
            except (OSError, ValueError, KeyError, IndexError):
                text = str(exc)
            self.error.setText(text)
            self.error.setToolTip(str(exc))
            self.error.show()
            return
        self._mark(set())
        self.error.hide()
        self.reload()
        self.status.setText(QCoreApplication.translate("EmissionsPage", "Emissions data saved."))


def install(
    tab: QWidget, db: Database, actor: Principal, subject: str, subject_id: int | None
) -> EmissionsPage:
    """Put the page into an editor's ``emissionsTab`` (its empty layout in the form)."""
    page = EmissionsPage(db, actor, subject, subject_id, tab)
    layout = tab.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.addWidget(page)
    return page
