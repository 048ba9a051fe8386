"""The classification tab: the engine's class, criteria met, missing evidence, and the override.

An officer may override the class with a written reason while the application is editable; the
override widgets are hidden from every other role (the service refuses them anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from greendesk.domain.roles import Action
from greendesk.domain.validation import CLASSIFICATIONS
from greendesk.services.assessment import StoredClassification
from greendesk.ui import labels
from greendesk.ui.forms import child
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.tables import RefitRows
from greendesk.ui.views.detail_data import LoanDetail
from greendesk.ui.views.language import content_language

MET = QColor("#1E7A46")
MISSING = QColor("#A32D2D")


@dataclass(frozen=True)
class CriterionRow:
    met: bool
    text: str
    id: str = ""  # the finding's id: a missing item opens the evidence page on it


class ClassificationTab:
    def __init__(
        self,
        root: QWidget,
        on_save: Callable[[str, str], None],
        on_clear: Callable[[], None],
        on_evidence: Callable[[str | None], None] | None = None,
    ) -> None:
        self.summary = child(root, QLabel, "classSummary")
        self.table = child(root, QTableView, "criteriaTable")
        self.group = child(root, QGroupBox, "overrideGroup")
        self.current = child(root, QLabel, "overrideCurrent")
        self.combo = child(root, QComboBox, "overrideCombo")
        self.reason = child(root, QPlainTextEdit, "overrideReasonEdit")
        self.save_button = child(root, QPushButton, "saveOverrideButton")
        self.clear_button = child(root, QPushButton, "clearOverrideButton")
        for code in CLASSIFICATIONS:
            self.combo.addItem(labels.word(code), code)
        self.model: RowsModel[CriterionRow] = RowsModel(
            [
                Column(
                    QCoreApplication.translate("ClassificationTab", "Status"),
                    lambda r: (
                        QCoreApplication.translate("ClassificationTab", "met")
                        if r.met
                        else QCoreApplication.translate("ClassificationTab", "missing")
                    ),
                    colour=lambda r: MET if r.met else MISSING,
                ),
                Column(
                    QCoreApplication.translate("ClassificationTab", "Criterion or evidence"),
                    lambda r: r.text,
                ),
            ],
            root,
        )
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # rows measured while the tab was hidden come out very tall (the columns had no width
        # yet): measure them again whenever the table gets its real width
        self._refit = RefitRows(self.table)
        self.save_button.clicked.connect(
            lambda: on_save(str(self.combo.currentData()), self.reason.toPlainText())
        )
        self.clear_button.clicked.connect(on_clear)
        # the evidence page: the button opens it, a double-clicked missing item opens it there
        self.evidence_button = child(root, QPushButton, "evidenceButton")
        self.evidence_hint = child(root, QLabel, "evidenceHint")
        self._on_evidence = on_evidence
        if on_evidence is not None:
            self.evidence_button.clicked.connect(lambda: on_evidence(None))
            self.table.doubleClicked.connect(self._double_clicked)
        self._show_evidence_link(False)

    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        if row is not None and not row.met and self._on_evidence is not None:
            self._on_evidence(row.id or None)

    def _show_evidence_link(self, missing: bool) -> None:
        shown = missing and self._on_evidence is not None
        self.evidence_button.setVisible(shown)
        self.evidence_hint.setVisible(shown)

    def show(self, detail: LoanDetail) -> None:
        """The override part at once; the engine's findings follow in :meth:`show_info`."""
        loan = detail.loan
        self.summary.setText(
            QCoreApplication.translate("ClassificationTab", "Reading the classification…")
        )
        self.model.set_rows([])
        self._show_evidence_link(False)
        engine = loan.classification_primary
        if loan.override_primary:
            self.current.setText(
                f"{labels.word(loan.override_primary)} — {loan.override_reason or ''}"
            )
        else:
            self.current.setText(
                QCoreApplication.translate(
                    "ClassificationTab", "No override: the engine's class applies."
                )
            )
        editable = detail.may(Action.EDIT_APPLICATION)
        for widget in (self.combo, self.reason, self.save_button):
            widget.setVisible(editable)
        self.clear_button.setVisible(editable and bool(loan.override_primary))
        for name in ("overrideComboLabel", "overrideReasonEditLabel"):
            label = self.group.findChild(QLabel, name)
            if label is not None:
                label.setVisible(editable)
        if editable:
            index = self.combo.findData(loan.override_primary or engine or "green")
            self.combo.setCurrentIndex(max(0, index))
            self.reason.setPlainText(loan.override_reason or "")

    def show_info(self, info: StoredClassification | None) -> None:
        """The engine's class, labels, share, catalogue item, criteria and missing evidence.

        Findings are stored in both languages; the interface's language picks one here.
        """
        lang = content_language()
        if info is None:
            self.summary.setText(
                QCoreApplication.translate(
                    "ClassificationTab",
                    "Not classified yet: the engine has not assessed this loan.",
                )
            )
            self.model.set_rows([])
            self._show_evidence_link(False)
            return
        parts = [
            QCoreApplication.translate("ClassificationTab", "Engine's class: {}").format(
                labels.word(info.primary)
            )
        ]
        if info.labels:
            parts.append(
                QCoreApplication.translate("ClassificationTab", "Labels: {}").format(
                    ", ".join(labels.word(x) for x in info.labels)
                )
            )
        if info.green_share is not None:
            parts.append(
                QCoreApplication.translate("ClassificationTab", "Green share: {}").format(
                    labels.percent(info.green_share, 1)
                )
            )
        cat = info.catalogue
        if cat is not None:
            parts.append(
                QCoreApplication.translate("ClassificationTab", "Catalogue item: {}").format(
                    f"{cat.version}:{cat.code} {cat.name(lang)}".strip()
                )
            )
        parts.extend(f"⚑ {flag.in_lang(lang)}" for flag in info.flags)
        self.summary.setText("\n".join(parts))
        rows = [CriterionRow(True, c.in_lang(lang)) for c in info.criteria_met]
        rows += [CriterionRow(False, c.in_lang(lang), c.id) for c in info.missing_evidence]
        self.model.set_rows(rows)
        self._show_evidence_link(bool(info.missing_evidence))
        self.table.resizeRowsToContents()
