"""The loan editor's lists: drawdowns, syndicate, base-rate path, repayment plan, KPIs, ratchet
steps and use of proceeds — each an editable grid of text (``TextGridModel``) with add/remove.

The grids hold widget text only: the records service parses it and names the failing row and
field (``kpis[0].test_dates[1]: not a date``), which the dialog outlines through its FIELDS
mapping. A part that does not apply to the chosen terms is out of play on screen — the
base-rate path is hidden under a fixed rate, the repayment plan is disabled unless the method is
``custom`` — and its rows are not sent, so a save is never refused for a list the officer cannot
see or edit. A KPI's test dates share one cell, separated by commas or semicolons.

Money columns show valid amounts grouped (``1,100,000,000.00``) but hand the service the plain
text typed; under the drawdowns, syndicate, custom plan and use-of-proceeds grids a live total
line (:class:`LoanTotals`) compares the parts with the loan amount while the officer types.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from greendesk.domain.money import format_money, parse_decimal
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
from greendesk.ui.dialogs.code_choices import WordsDelegate
from greendesk.ui.dialogs.editor import blank_none
from greendesk.ui.dialogs.loan_catalogue import CatalogueDelegate
from greendesk.ui.forms import child
from greendesk.ui.models.editable import ColumnSum, TextGridModel, amount_of

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
            money=[1],
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
            money=[2],
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
            money=[1],
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
            money=[2],
        )
        catalogue = self.view("use_of_proceeds")
        catalogue.setItemDelegateForColumn(0, CatalogueDelegate(catalogue))
        lenders = self.view("lenders")
        lenders.setItemDelegateForColumn(1, WordsDelegate(LENDER_ROLES, lenders))
        self.path_box = child(form, QWidget, "baseRatePathBox")
        self.annuity_hint = child(form, QLabel, "annuityHint")
        self.totals = LoanTotals(form, self)

    def _grid(
        self,
        path: str,
        headers: Sequence[str],
        right: Sequence[int],
        stretch: Sequence[int],
        money: Sequence[int] = (),
    ) -> TextGridModel:
        model = TextGridModel(headers, right=right, parent=self._form, money=money)
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
        self.totals.labels["custom_principal"].setVisible(custom)

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


# input path -> the live total line under its grid, and the grid's money column
TOTAL_LABELS = {
    "drawdowns": "drawdownTotal",
    "lenders": "lenderTotal",
    "custom_principal": "customPlanTotal",
    "use_of_proceeds": "proceedsTotal",
}
_AMOUNT_COLUMNS = {"drawdowns": 1, "lenders": 2, "custom_principal": 1, "use_of_proceeds": 2}
_PERCENT_COLUMN = 2  # of the custom repayment plan


def _money(amount: Decimal) -> str:
    return format_money(amount, grouped=True)


def _percent(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _invalid_note(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate(
            "LoanDialog", "1 cell is not a valid amount and is left out"
        )
    return QCoreApplication.translate(
        "LoanDialog", "{count} cells are not valid amounts and are left out"
    ).format(count=count)


def _against(total: Decimal, target: Decimal, over: str, at: str) -> tuple[str, str]:
    """The part after the totals when parts may not exceed the target (drawdowns, proceeds)."""
    if total > target:
        return over.format(over=_money(total - target)), "alert"
    if total == target:
        return at, "ok"
    return QCoreApplication.translate("LoanDialog", "remaining {left}").format(
        left=_money(target - total)
    ), ""


class LoanTotals(QObject):
    """The live total line under the money grids: what the parts add up to against the loan.

    Drawdowns and use of proceeds may not exceed the loan amount, commitments must equal it and
    the custom plan repays the drawn total (the drawdowns, or the whole amount when there are
    none) — the same rules the records service applies on saving, shown while typing. Cells that
    are not valid amounts are left out and counted, so the officer knows the line is partial.

    A child of the form, connected through its own methods: when the editor closes, Qt cuts
    the connections with it, so a late change signal never reaches a deleted label.
    """

    def __init__(self, form: QWidget, grids: LoanGrids) -> None:
        super().__init__(form)
        self._grids = grids
        self._amount = child(form, QLineEdit, "amountEdit")
        self.labels = {path: child(form, QLabel, name) for path, name in TOTAL_LABELS.items()}
        self._amount.textChanged.connect(self._changed)
        for model in (grids.drawdowns, grids.lenders, grids.custom_plan, grids.proceeds):
            model.dataChanged.connect(self._changed)
            model.rowsInserted.connect(self._changed)
            model.rowsRemoved.connect(self._changed)
            model.modelReset.connect(self._changed)
        self.refresh()

    def _changed(self, *_args: object) -> None:
        if shiboken6.isValid(self._amount):
            self.refresh()

    def refresh(self) -> None:
        amount = amount_of(self._amount.text())
        sums = {
            path: model.column_sum(_AMOUNT_COLUMNS[path])
            for path, model in (
                ("drawdowns", self._grids.drawdowns),
                ("lenders", self._grids.lenders),
                ("custom_principal", self._grids.custom_plan),
                ("use_of_proceeds", self._grids.proceeds),
            )
        }
        drawdowns = sums["drawdowns"]
        drawn = drawdowns.total if drawdowns.counted or drawdowns.invalid else amount
        lines = {
            "drawdowns": self._capped(drawdowns, amount),
            "lenders": self._commitments(sums["lenders"], amount),
            "custom_principal": self._plan(sums["custom_principal"], drawn),
            "use_of_proceeds": self._capped(sums["use_of_proceeds"], amount),
        }
        for path, (parts, tone) in lines.items():
            invalid = sums[path].invalid
            if invalid:
                parts.append(_invalid_note(invalid))
                tone = "alert"
            self._show(self.labels[path], " · ".join(parts), tone)

    @staticmethod
    def _capped(column: ColumnSum, amount: Decimal | None) -> tuple[list[str], str]:
        total = _money(column.total)
        if amount is None:
            return [
                QCoreApplication.translate("LoanDialog", "Total {total}").format(total=total),
                _no_amount(),
            ], ""
        head = QCoreApplication.translate(
            "LoanDialog", "Total {total} / loan amount {amount}"
        ).format(total=total, amount=_money(amount))
        part, tone = _against(
            column.total,
            amount,
            QCoreApplication.translate("LoanDialog", "{over} above the loan amount"),
            QCoreApplication.translate("LoanDialog", "adds up to the loan amount"),
        )
        return [head, part], tone

    @staticmethod
    def _commitments(column: ColumnSum, amount: Decimal | None) -> tuple[list[str], str]:
        if not column.counted and not column.invalid:
            return [QCoreApplication.translate("LoanDialog", "No lenders: a bilateral loan")], ""
        total = _money(column.total)
        if amount is None:
            return [
                QCoreApplication.translate("LoanDialog", "Commitments {total}").format(total=total),
                _no_amount(),
            ], ""
        head = QCoreApplication.translate(
            "LoanDialog", "Commitments {total} / loan amount {amount}"
        ).format(total=total, amount=_money(amount))
        if column.total == amount:
            return [
                head,
                QCoreApplication.translate("LoanDialog", "add up to the loan amount"),
            ], "ok"
        if column.total > amount:
            rule = QCoreApplication.translate(
                "LoanDialog", "{gap} over: commitments must add up to the loan amount"
            )
        else:
            rule = QCoreApplication.translate(
                "LoanDialog", "{gap} short: commitments must add up to the loan amount"
            )
        return [head, rule.format(gap=_money(abs(column.total - amount)))], "alert"

    def _plan(self, column: ColumnSum, drawn: Decimal | None) -> tuple[list[str], str]:
        if not column.counted and not column.invalid:
            percents = self._percents()
            if percents is not None:
                return percents
        total = _money(column.total)
        if drawn is None:
            return [
                QCoreApplication.translate("LoanDialog", "Total {total}").format(total=total),
                _no_amount(),
            ], ""
        head = QCoreApplication.translate(
            "LoanDialog", "Total {total} / drawn total {drawn}"
        ).format(total=total, drawn=_money(drawn))
        part, tone = _against(
            column.total,
            drawn,
            QCoreApplication.translate("LoanDialog", "{over} above the drawn total"),
            QCoreApplication.translate("LoanDialog", "adds up to the drawn total"),
        )
        return [head, part], tone

    def _percents(self) -> tuple[list[str], str] | None:
        """A plan given in percents of the drawn total: they add up to 100."""
        cells = [r[_PERCENT_COLUMN].strip() for r in self._grids.custom_plan.rows()]
        total, bad = Decimal(0), 0
        for cell in (c for c in cells if c):
            try:
                total += parse_decimal(cell)
            except ValueError:
                bad += 1
        if not any(cells):
            return None
        parts = [
            QCoreApplication.translate("LoanDialog", "Total {percent} % of the drawn total").format(
                percent=_percent(total)
            )
        ]
        if total > 100:
            parts.append(
                QCoreApplication.translate("LoanDialog", "{over} % above 100 %").format(
                    over=_percent(total - 100)
                )
            )
            tone = "alert"
        elif total == 100:
            parts.append(QCoreApplication.translate("LoanDialog", "adds up to 100 %"))
            tone = "ok"
        else:
            parts.append(
                QCoreApplication.translate("LoanDialog", "remaining {left} %").format(
                    left=_percent(100 - total)
                )
            )
            tone = ""
        if bad:
            parts.append(
                QCoreApplication.translate(
                    "LoanDialog", "{count} percent cells are not numbers"
                ).format(count=bad)
            )
            tone = "alert"
        return parts, tone

    @staticmethod
    def _show(label: QLabel, text: str, tone: str) -> None:
        label.setText(text)
        if label.property("tone") == tone:
            return
        label.setProperty("tone", tone)
        # re-polishing alone repaints the tone's colours but not its padding; a changed style
        # sheet restyles the label fully (the comment names the tone the app sheet styles)
        label.setStyleSheet(f"/* tone: {tone or 'plain'} */")


def _no_amount() -> str:
    return QCoreApplication.translate("LoanDialog", "enter a valid loan amount to compare")
