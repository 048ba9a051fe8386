"""Small dialogs for the committee: a written note (return reason) and a vote."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from greendesk.domain.errors import UserError
from greendesk.domain.validation import VOTE_DECISIONS
from greendesk.ui import labels
from greendesk.ui.error_text import window_text
from greendesk.ui.forms import child, setup_form


class NoteDialog(QDialog):
    """Asks for a text; ``submit(text)`` runs the service and raises UserError to stay open."""

    def __init__(
        self, parent: QWidget, title: str, prompt: str, submit: Callable[[str], None]
    ) -> None:
        super().__init__(parent)
        setup_form(self, "note_dialog")
        self.setWindowTitle(title)
        child(self, QLabel, "promptLabel").setText(prompt)
        self.note = child(self, QPlainTextEdit, "noteEdit")
        self.error = child(self, QLabel, "errorLabel")
        self.error.hide()
        self._submit = submit
        buttons = child(self, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

    def _accept(self) -> None:
        try:
            self._submit(self.note.toPlainText())
        except UserError as exc:
            self.error.setText(window_text(exc))
            self.error.show()
            return
        self.accept()


class VoteDialog(QDialog):
    """A committee member's vote: decision, conditions, comment."""

    def __init__(
        self, parent: QWidget, loan_text: str, submit: Callable[[str, str, str], None]
    ) -> None:
        super().__init__(parent)
        setup_form(self, "vote_dialog")
        child(self, QLabel, "loanLabel").setText(loan_text)
        self.decision = child(self, QComboBox, "decisionCombo")
        for code in VOTE_DECISIONS:
            self.decision.addItem(labels.word(code), code)
        self.conditions = child(self, QPlainTextEdit, "conditionsEdit")
        self.comment = child(self, QPlainTextEdit, "commentEdit")
        self.error = child(self, QLabel, "errorLabel")
        self.error.hide()
        self._submit = submit
        buttons = child(self, QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("VoteDialog", "Cast vote")
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

    def _accept(self) -> None:
        try:
            self._submit(
                str(self.decision.currentData()),
                self.conditions.toPlainText(),
                self.comment.toPlainText(),
            )
        except UserError as exc:
            self.error.setText(window_text(exc))
            self.error.show()
            return
        self.accept()
