"""The overview's committee panel: each vote with the reviewer's conditions, the decision, and
the conditions precedent (放款前提条件) as a checklist the officer marks satisfied.

Marking one satisfied asks for the evidence (the note dialog) and goes through
``services.conditions.satisfy``; the service refuses the wrong role or state, and disbursement
stays refused until the list is done — the panel only says so and shows who did what, when.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from greendesk.domain.roles import Action, Principal
from greendesk.domain.workflow import APPROVED_STATES, Status, parse_status
from greendesk.services import conditions
from greendesk.services.conditions import ConditionInfo
from greendesk.services.workflow import VoteInfo
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.dialog_life import open_transient
from greendesk.ui.dialogs.note import NoteDialog
from greendesk.ui.forms import child, setup_form
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.views.detail_data import LoanDetail

_OPEN = QColor("#A32D2D")
_MET = QColor("#1E7A46")


def vote_columns() -> list[Column[VoteInfo]]:
    return [
        Column(
            QCoreApplication.translate("CommitteePanel", "Reviewer"),
            lambda v: v.display_name,
            tooltip=lambda v: v.voter,
        ),
        Column(
            QCoreApplication.translate("CommitteePanel", "Vote"), lambda v: labels.word(v.decision)
        ),
        Column(
            QCoreApplication.translate("CommitteePanel", "Conditions"),
            lambda v: labels.text(v.conditions),
        ),
        Column(
            QCoreApplication.translate("CommitteePanel", "Comment"),
            lambda v: labels.text(v.comment),
        ),
        Column(
            QCoreApplication.translate("CommitteePanel", "When"),
            lambda v: labels.instant(v.cast_at)[:10],  # the day; the minute in the tooltip
            tooltip=lambda v: labels.instant(v.cast_at),
        ),
    ]


def condition_state(c: ConditionInfo) -> str:
    if c.satisfied_at is None:
        return QCoreApplication.translate("CommitteePanel", "open")
    return QCoreApplication.translate("CommitteePanel", "met — {who}, {when}").format(
        who=c.satisfied_by or "", when=labels.instant(c.satisfied_at)
    )


def condition_columns(names: dict[str, str] | None = None) -> list[Column[ConditionInfo]]:
    known = names or {}
    return [
        Column(
            QCoreApplication.translate("CommitteePanel", "No."),
            lambda c: str(c.position),
            right=True,
        ),
        Column(QCoreApplication.translate("CommitteePanel", "Condition"), lambda c: c.text),
        Column(
            QCoreApplication.translate("CommitteePanel", "Set by"),
            lambda c: labels.text(known.get(c.reviewer or "", c.reviewer)),
        ),
        Column(
            QCoreApplication.translate("CommitteePanel", "Status"),
            condition_state,
            colour=lambda c: _MET if c.satisfied else _OPEN,
        ),
        Column(
            QCoreApplication.translate("CommitteePanel", "Evidence"),
            lambda c: labels.text(c.evidence),
        ),
    ]


def decision_text(detail: LoanDetail) -> str:
    """``Decision: approved with conditions · 3 votes: 2 approve …`` or where the review stands."""
    state = detail.state
    status = parse_status(detail.loan.status)
    if state is None or not state.votes:
        if status in (Status.DRAFT, Status.SUBMITTED, Status.RETURNED):
            return QCoreApplication.translate("CommitteePanel", "Not yet before the committee.")
        if status is Status.UNDER_REVIEW:
            return QCoreApplication.translate("CommitteePanel", "Under review: no votes yet.")
        return QCoreApplication.translate(
            "CommitteePanel", "No votes recorded for this application version."
        )
    t = state.tally
    counts = QCoreApplication.translate(
        "CommitteePanel", "{n} votes: {a} approve, {c} with conditions, {d} decline"
    ).format(n=t.votes, a=t.approving - t.with_conditions, c=t.with_conditions, d=t.declining)
    if status is Status.UNDER_REVIEW:
        head = (
            QCoreApplication.translate("CommitteePanel", "Quorum met; awaiting the decision")
            if t.quorum_met
            else QCoreApplication.translate("CommitteePanel", "Voting: quorum not met yet")
        )
    else:
        head = QCoreApplication.translate("CommitteePanel", "Decision: {status}").format(
            status=labels.status_text(status.value)
        )
    return f"{head} · {counts}"


class CommitteePanel(QGroupBox):
    """Votes, decision and conditions precedent of the loan shown; lives on the overview tab."""

    def __init__(
        self,
        db: Database,
        actor: Principal | None,
        changed: Callable[[int], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        setup_form(self, "committee_panel")
        self._db = db
        self._actor = actor
        self._changed = changed
        self._detail: LoanDetail | None = None
        self.decision = child(self, QLabel, "decisionLabel")
        self.note = child(self, QLabel, "conditionsNote")
        self.caption = child(self, QLabel, "conditionsCaption")
        self.votes_table = child(self, QTableView, "votesTable")
        self.conditions_table = child(self, QTableView, "conditionsTable")
        self.satisfy_button = child(self, QPushButton, "satisfyButton")
        self.votes: RowsModel[VoteInfo] = RowsModel(vote_columns(), self)
        self.conditions: RowsModel[ConditionInfo] = RowsModel(condition_columns(), self)
        for table, model in (
            (self.votes_table, self.votes),
            (self.conditions_table, self.conditions),
        ):
            table.setModel(model)
            table.verticalHeader().hide()
            table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            head = table.horizontalHeader()
            head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            head.setStretchLastSection(True)
        self.conditions_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        head = self.votes_table.horizontalHeader()
        glyph = self.fontMetrics().horizontalAdvance("中")
        for column, glyphs in ((0, 7), (1, 6)):  # a long name or vote wraps rather than widens
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.votes_table.setColumnWidth(column, glyphs * glyph)
        for column in (2, 3):  # conditions and comment share the width; they wrap
            self.votes_table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )
        self.votes_table.horizontalHeader().setStretchLastSection(False)
        self.conditions_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._follow_selection()
        )
        self.satisfy_button.clicked.connect(self.satisfy_selected)

    def show_detail(self, detail: LoanDetail) -> None:
        self._detail = detail
        self.decision.setText(decision_text(detail))
        votes = detail.state.votes if detail.state is not None else ()
        self.votes.set_rows(votes)
        self.votes_table.setVisible(bool(votes))
        names = {v.voter: v.display_name for v in votes}
        self.conditions.set_columns(condition_columns(names), detail.conditions)
        has = bool(detail.conditions)
        for widget in (self.caption, self.conditions_table):
            widget.setVisible(has)
        self._fit(self.votes_table, len(votes))
        self._fit(self.conditions_table, len(detail.conditions))
        self.note.setText(self._note(detail))
        self._follow_selection()

    @staticmethod
    def _fit(table: QTableView, rows: int) -> None:
        """Tall enough for its rows (up to six) so the overview scrolls, not the table."""
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        for row in range(min(rows, 6)):
            height += table.rowHeight(row)
        table.setFixedHeight(height + 2)

    def _note(self, detail: LoanDetail) -> str:
        still = [c for c in detail.conditions if not c.satisfied]
        if not detail.conditions:
            return ""
        if not still:
            return QCoreApplication.translate(
                "CommitteePanel", "All {n} conditions are satisfied: the loan may be disbursed."
            ).format(n=len(detail.conditions))
        return QCoreApplication.translate(
            "CommitteePanel", "{open} of {n} conditions open: disbursement waits until all are met."
        ).format(open=len(still), n=len(detail.conditions))

    def _may_satisfy(self) -> bool:
        detail = self._detail
        return (
            detail is not None
            and self._actor is not None
            and self._actor.may(Action.DISBURSE)
            and parse_status(detail.loan.status) in APPROVED_STATES
        )

    def selected(self) -> ConditionInfo | None:
        rows = self.conditions_table.selectionModel().selectedRows()
        return self.conditions.row(rows[0].row()) if rows else None

    def _follow_selection(self) -> None:
        may = self._may_satisfy()
        self.satisfy_button.setVisible(may and bool(self.conditions.rows))
        chosen = self.selected()
        self.satisfy_button.setEnabled(may and chosen is not None and not chosen.satisfied)

    def satisfy_selected(self) -> NoteDialog | None:
        """Ask for the evidence of the selected open condition; the service records it."""
        chosen, detail, actor = self.selected(), self._detail, self._actor
        if chosen is None or detail is None or actor is None or chosen.satisfied:
            return None
        loan_id = detail.loan.id

        def submit(evidence: str) -> None:
            conditions.satisfy(self._db, actor, loan_id, chosen.position, evidence)

        dialog = NoteDialog(
            self,
            QCoreApplication.translate("CommitteePanel", "Condition {n} satisfied").format(
                n=chosen.position
            ),
            QCoreApplication.translate(
                "CommitteePanel",
                "{text}\n\nWhat meets it? The document or fact on file (number, date, issuer).",
            ).format(text=chosen.text),
            submit,
        )
        dialog.accepted.connect(lambda: self._changed(loan_id))
        return open_transient(dialog)
