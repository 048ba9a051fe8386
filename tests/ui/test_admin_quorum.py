"""The committee quorum from the window: saved through the workflow service, bad shares refused."""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.domain.workflow import QuorumRule
from greendesk.services import audit, workflow
from greendesk.store.database import Database
from greendesk.store.models import AppMeta
from greendesk.ui.dialogs.quorum import QuorumDialog
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings


def _ok(dialog: QDialog) -> None:
    child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_quorum_change_persists(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, settings: Settings
) -> None:
    assert workflow.get_quorum(db) == QuorumRule()  # the default: 3 votes, more than half
    win = MainWindow(db, admin, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    win.action("actionQuorum").trigger()
    dialog = win.commands.dialog
    assert isinstance(dialog, QuorumDialog)
    assert (dialog.votes.value(), dialog.share.text()) == (3, "1/2")
    assert dialog.comparison.currentData() is False
    dialog.votes.setValue(5)
    dialog.comparison.setCurrentIndex(dialog.comparison.findData(True))
    dialog.share.setText("2/3")
    assert "5" in dialog.preview.text() and "2/3" in dialog.preview.text()
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert workflow.get_quorum(db) == QuorumRule(5, Fraction(2, 3), inclusive=True)
    event = audit.recent(db, 1)[-1]
    assert (event.action, event.actor) == ("settings.update", admin.username)
    again = QuorumDialog(db, admin)
    qtbot.addWidget(again)
    assert (again.votes.value(), again.share.text(), again.comparison.currentData()) == (
        5,
        "2/3",
        True,
    )


@pytest.mark.parametrize(
    ("share", "said"),
    [
        ("3/2", "quorum.share: must be more than 0 and at most 1"),
        ("half", "quorum.share: must be a fraction"),
    ],
)
def test_a_bad_share_is_refused_and_nothing_changes(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, share: str, said: str
) -> None:
    head = audit.recent(db, 1)[-1].seq
    dialog = QuorumDialog(db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.share.setText(share)
    _ok(dialog)
    assert dialog.isVisible() and dialog.saved is None
    assert said in dialog.error.toolTip()
    assert dialog.share.property("invalid") is True
    assert child(dialog, QLabel, "shareEditLabel").text() in dialog.error.text()
    assert workflow.get_quorum(db) == QuorumRule()
    assert audit.recent(db, 1)[-1].seq == head


def test_more_votes_than_reviewers_is_a_warning_naming_the_count(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal
) -> None:
    members = workflow.active_reviewers(db)
    dialog = QuorumDialog(db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.votes.setValue(members)
    assert str(members) not in dialog.warning.text()
    assert dialog.warning.isHidden()
    dialog.votes.setValue(members + 2)
    assert not dialog.warning.isHidden()
    assert f"{members}" in dialog.warning.text() and "审批" in dialog.warning.text()
    _ok(dialog)
    assert workflow.get_quorum(db).min_votes == members + 2  # a warning, not a refusal


def test_a_stored_quorum_that_breaks_the_rules_can_be_set_again(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal
) -> None:
    with db.session(write=True) as session:
        session.merge(AppMeta(key=workflow.QUORUM_KEY, value='{"min_votes":3,"share":"0"}'))
    dialog = QuorumDialog(db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.votes.value(), dialog.share.text()) == (3, "1/2")
    _ok(dialog)
    assert workflow.get_quorum(db) == QuorumRule()
