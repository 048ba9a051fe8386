"""The credit committee's quorum (administrator), on ``services.workflow`` get/set_quorum.

The rule itself (``domain.workflow.QuorumRule``) parses and checks the share and the number of
votes; the service checks the role and audits the change. The dialog only gathers the three
values and says the rule back in words.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Principal
from greendesk.domain.workflow import QuorumRule
from greendesk.services import workflow
from greendesk.store.database import Database
from greendesk.ui.dialogs.admin_common import refusing_fields
from greendesk.ui.dialogs.editor import EditorDialog
from greendesk.ui.forms import child


def describe(min_votes: int, share: Fraction, inclusive: bool) -> str:
    """The rule in the interface language, e.g. "at least 3 votes, more than 1/2 approving"."""
    exact = Decimal(share.numerator) * 100 / Decimal(share.denominator)
    pct = f"{exact.quantize(Decimal('0.01')).normalize():f} %"
    if inclusive:
        text = QCoreApplication.translate(
            "QuorumDialog",
            "A decision needs at least {n} votes cast, with at least {share} ({pct}) of them "
            "approving.",
        )
    else:
        text = QCoreApplication.translate(
            "QuorumDialog",
            "A decision needs at least {n} votes cast, with more than {share} ({pct}) of them "
            "approving.",
        )
    return text.format(n=min_votes, share=share, pct=pct)


class QuorumDialog(EditorDialog):
    FIELDS: ClassVar[dict[str, str]] = {"quorum": "shareEdit"}

    def __init__(self, db: Database, actor: Principal, parent: QWidget | None = None) -> None:
        super().__init__(parent, "quorum_dialog")
        self.votes = child(self, QSpinBox, "minVotesSpin")
        self.comparison = child(self, QComboBox, "comparisonCombo")
        self.comparison.addItem(QCoreApplication.translate("QuorumDialog", "more than"), False)
        self.comparison.addItem(QCoreApplication.translate("QuorumDialog", "at least"), True)
        self.share = child(self, QLineEdit, "shareEdit")
        self.preview = child(self, QLabel, "previewLabel")
        self.warning = child(self, QLabel, "warningLabel")
        self.members = workflow.active_reviewers(db)
        try:
            self.current = workflow.get_quorum(db)
        except UserError:  # the stored rule breaks the rules: offer the default to save over it
            self.current = QuorumRule()
        self.votes.setValue(self.current.min_votes)
        self.comparison.setCurrentIndex(1 if self.current.inclusive else 0)
        self.share.setText(str(self.current.share))
        self.votes.valueChanged.connect(lambda _v: self._show())
        self.comparison.currentIndexChanged.connect(lambda _i: self._show())
        self.share.textChanged.connect(lambda _t: self._show())
        self._show()

        def save() -> QuorumRule:
            rule = QuorumRule.from_json(
                {
                    "min_votes": self.votes.value(),
                    "share": self.share.text().strip(),
                    "inclusive": bool(self.comparison.currentData()),
                }
            )
            return workflow.set_quorum(db, actor, rule)

        self.set_saver(refusing_fields(save, self.FIELDS))

    def _show(self) -> None:
        """Say the rule back as typed (display only: the rule object checks it on save)."""
        short = self.votes.value() > self.members
        self.warning.setVisible(short)
        self.warning.setText(
            QCoreApplication.translate(
                "QuorumDialog",
                "Only {count} active reviewers can vote: no application can be decided until "
                "more reviewers are added.",
            ).format(count=self.members)
            if short
            else ""
        )
        try:
            share = Fraction(self.share.text().strip())
        except (ValueError, ZeroDivisionError):
            self.preview.setText("")
            return
        self.preview.setText(
            describe(self.votes.value(), share, bool(self.comparison.currentData()))
        )
