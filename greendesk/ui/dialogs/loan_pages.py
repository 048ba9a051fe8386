"""The loan editor's lists: drawdowns, syndicate, base-rate path, repayment plan, KPIs, ratchet
steps and use of proceeds — each an editable grid of text (``TextGridModel``) with add/remove.

The grids hold widget text only: the records service parses it and names the failing row and
field (``kpis[0].test_dates[1]: not a date``), which the dialog outlines through its FIELDS
mapping. A part that does not apply to the chosen terms is out of play on screen — the
base-rate path is hidden under a fixed rate, the repayment plan is disabled unless the method is
``custom`` — and its rows are not sent, so a save is never refused for a list the officer cannot
see or edit. A KPI's test dates share one cell, separated by commas or semicolons.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QWidget

from greendesk.domain.validation import LENDER_ROLES
from greendesk.services.records.inputs import (
    BaseRatePointInput,
    CustomPrincipalInput,
    DrawdownInput,
    KpiInput,
    LenderInput,
    LoanInput,
    RatchetStepInput,
    UseOfProceedsInput,
)
from greendesk.ui import labels
from greendesk.ui.dialogs.editor import blank_none
from greendesk.ui.dialogs.loan_catalogue import CatalogueDelegate
from greendesk.ui.forms import child
from greendesk.ui.models.editable import TextGridModel

# input path (the first part of an error's path) -> the grid's table view
GRID_TABLES = {
    "drawdowns": "drawdownTable",
    "lenders": "lenderTable",
    "base_rate_path": "baseRatePathTable",
    "custom_principal": "customPlanTable",
    "kpis": "kpiTable",
    "ratchet": "ratchetTable",
    "use_of_proceeds": "proceedsTable",
}
# input path -> (add row, remove row) buttons of its grid
_BUTTONS = {
    "drawdowns": ("addDrawdownButton", "removeDrawdownButton"),
    "lenders": ("addLenderButton", "removeLenderButton"),
    "base_rate_path": ("addBaseRateButton", "removeBaseRateButton"),
    "custom_principal": ("addCustomButton", "removeCustomButton"),
    "kpis": ("addKpiButton", "removeKpiButton"),
    "ratchet": ("addRatchetButton", "removeRatchetButton"),
    "use_of_proceeds": ("addProceedsButton", "removeProceedsButton"),
}
ACTUAL_DAY_COUNTS = ("ACT/360", "ACT/365F")
"""Day counts under which 等额本息 instalments are not level (README "Repayment schedules")."""
_DATE_SEPARATORS = re.compile(r"[,;，；、\s]+")


def _text(value: object) -> str:
    return "" if value is None else str(value)


def split_dates(cell: str) -> list[str]:
    """A KPI's test dates as typed in one cell: ``2025-06-30; 2026-06-30`` (also , ， ； 、)."""
    return [part for part in _DATE_SEPARATORS.split(cell.strip()) if part]


def lender_role(text: str) -> str:
    """Accept a role's code or its label in either language."""
    wanted = text.strip()
    for code in LENDER_ROLES:
        if wanted in (code, labels.word(code)):
            return code
    return wanted


class LoanGrids:
    """Every list of a loan application, its view and buttons, and how it reads and fills input."""

    def __init__(self, form: QWidget) -> None:
        self._form = form
        self.drawdowns = self._grid(
            "drawdowns",
            [
                QCoreApplication.translate("LoanDialog", "Date"),
                QCoreApplication.translate("LoanDialog", "Amount"),
            ],
            [1],
            stretch=[0, 1],
        )
        self.lenders = self._grid(
            "lenders",
            [
                QCoreApplication.translate("LoanDialog", "Lender"),
                QCoreApplication.translate("LoanDialog", "Role"),
                QCoreApplication.translate("LoanDialog", "Commitment"),
            ],
            [2],
            stretch=[0, 1, 2],
        )
        self.base_rate_path = self._grid(
            "base_rate_path",
            [
                QCoreApplication.translate("LoanDialog", "From date"),
                QCoreApplication.translate("LoanDialog", "Base rate"),
            ],
            [1],
            stretch=[0, 1],
        )
        self.custom_plan = self._grid(
            "custom_principal",
            [
                QCoreApplication.translate("LoanDialog", "Date"),
                QCoreApplication.translate("LoanDialog", "Amount"),
                QCoreApplication.translate("LoanDialog", "Percent (%)"),
            ],
            [1, 2],
            stretch=[0, 1, 2],
        )
        self.kpis = self._grid(
            "kpis",
            [
                QCoreApplication.translate("LoanDialog", "KPI"),
                QCoreApplication.translate("LoanDialog", "Unit"),
                QCoreApplication.translate("LoanDialog", "Baseline"),
                QCoreApplication.translate("LoanDialog", "Target (SPT)"),
                QCoreApplication.translate("LoanDialog", "Test dates"),
                QCoreApplication.translate("LoanDialog", "Verifier"),
            ],
            [2, 3],
            stretch=[0, 4, 5],
        )
        self.ratchet = self._grid(
            "ratchet",
            [
                QCoreApplication.translate("LoanDialog", "Effective date"),
                QCoreApplication.translate("LoanDialog", "Adjustment (bp)"),
            ],
            [1],
            stretch=[0, 1],
        )
        self.proceeds = self._grid(
            "use_of_proceeds",
            [
                QCoreApplication.translate("LoanDialog", "Catalogue item"),
                QCoreApplication.translate("LoanDialog", "Description"),
                QCoreApplication.translate("LoanDialog", "Amount"),
            ],
            [2],
            stretch=[0, 1],
        )
        catalogue = self.view("use_of_proceeds")
        catalogue.setItemDelegateForColumn(0, CatalogueDelegate(catalogue))
        self.path_box = child(form, QWidget, "baseRatePathBox")
        self.annuity_hint = child(form, QLabel, "annuityHint")

    def _grid(
        self, path: str, headers: Sequence[str], right: Sequence[int], stretch: Sequence[int]
    ) -> TextGridModel:
        model = TextGridModel(headers, right=right, parent=self._form)
        view = child(self._form, QTableView, GRID_TABLES[path])
        view.setModel(model)
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        head = view.horizontalHeader()
        for column in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if column in stretch else None
            head.setSectionResizeMode(column, mode or QHeaderView.ResizeMode.ResizeToContents)
        add, remove = _BUTTONS[path]
        child(self._form, QPushButton, add).clicked.connect(lambda: self._add(view, model))
        child(self._form, QPushButton, remove).clicked.connect(
            lambda: model.remove_row(view.currentIndex().row())
        )
        return model

    @staticmethod
    def _add(view: QTableView, model: TextGridModel) -> None:
        """A new row, with its first cell open for typing."""
        index = model.index(model.add_row(), 0)
        view.setCurrentIndex(index)
        view.edit(index)

    def view(self, path: str) -> QTableView:
        return child(self._form, QTableView, GRID_TABLES[path])

    def follow(self, rate_kind: str, method: str, day_count: str) -> None:
        """Show what applies to these terms: the path for a floating rate, the plan for custom."""
        self.path_box.setVisible(rate_kind == "floating")
        custom = method == "custom"
        for name in ("customPlanTable", "addCustomButton", "removeCustomButton"):
            child(self._form, QWidget, name).setEnabled(custom)
        self.annuity_hint.setVisible(method == "annuity" and day_count in ACTUAL_DAY_COUNTS)

    def load(self, data: LoanInput) -> None:
        self.drawdowns.set_rows([[_text(d.date), _text(d.amount)] for d in data.drawdowns])
        self.lenders.set_rows(
            [[x.name, labels.word(x.role), _text(x.commitment)] for x in data.lenders]
        )
        self.base_rate_path.set_rows(
            [[_text(p.from_date), _text(p.base_rate)] for p in data.base_rate_path]
        )
        self.custom_plan.set_rows(
            [[_text(c.date), _text(c.amount), _text(c.percent)] for c in data.custom_principal]
        )
        self.kpis.set_rows(
            [
                [
                    k.name,
                    k.unit,
                    _text(k.baseline),
                    _text(k.target),
                    "; ".join(_text(d) for d in k.test_dates),
                    k.verifier,
                ]
                for k in data.kpis
            ]
        )
        self.ratchet.set_rows([[_text(s.effective), _text(s.adjust_bps)] for s in data.ratchet])
        self.proceeds.set_rows(
            [[u.catalogue_code, u.description, _text(u.amount)] for u in data.use_of_proceeds]
        )

    def collect(self, start: LoanInput, rate_kind: str, method: str) -> dict[str, Any]:
        """The lists as input fields; ``start`` supplies what no grid shows (lenders' funding)."""
        funded = {x.name: x.funded for x in start.lenders}
        return {
            "drawdowns": [
                DrawdownInput(date=r[0].strip(), amount=r[1].strip()) for r in self.drawdowns.rows()
            ],
            "lenders": [
                LenderInput(
                    name=r[0].strip(),
                    role=lender_role(r[1]),
                    commitment=r[2].strip(),
                    funded=funded.get(r[0].strip()),
                )
                for r in self.lenders.rows()
            ],
            "base_rate_path": [
                BaseRatePointInput(from_date=r[0].strip(), base_rate=r[1].strip())
                for r in self.base_rate_path.rows()
            ]
            if rate_kind == "floating"
            else [],
            "custom_principal": [
                CustomPrincipalInput(
                    date=r[0].strip(), amount=blank_none(r[1]), percent=blank_none(r[2])
                )
                for r in self.custom_plan.rows()
            ]
            if method == "custom"
            else [],
            "kpis": [
                KpiInput(
                    name=r[0].strip(),
                    unit=r[1].strip(),
                    baseline=r[2].strip(),
                    target=r[3].strip(),
                    test_dates=list(split_dates(r[4])),  # typed as list[DateLike]
                    verifier=r[5].strip(),
                )
                for r in self.kpis.rows()
            ],
            "ratchet": [
                RatchetStepInput(effective=r[0].strip(), adjust_bps=r[1].strip())
                for r in self.ratchet.rows()
            ],
            "use_of_proceeds": [
                UseOfProceedsInput(
                    catalogue_code=r[0].strip(), description=r[1].strip(), amount=r[2].strip()
                )
                for r in self.proceeds.rows()
            ],
        }
