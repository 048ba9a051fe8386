"""Log-in at start and the first-run administrator, through the real dialogs and auth service."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Role
from greendesk.services import auth
from greendesk.store.database import Database, open_database
from greendesk.ui.dialogs.login import FirstAdminDialog, LoginDialog
from greendesk.ui.forms import child


def _ok(dialog: QDialog) -> None:
    button = child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok)
    button.click()


def test_login_refuses_a_bad_password(qtbot: QtBot, desk_app: object, db: Database) -> None:
    dialog = LoginDialog(db, "officer")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "not-the-password")
    _ok(dialog)
    assert dialog.principal is None
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert (
        dialog.error.text() == "登录：用户名或密码错误"
    )  # the service's refusal, in the window's language
    assert dialog.error.text() != auth.WRONG_LOGIN
    assert dialog.password.text() == ""  # cleared for the next try


def test_login_accepts_the_right_password(qtbot: QtBot, desk_app: object, db: Database) -> None:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "reviewer2")
    qtbot.keyClicks(dialog.password, auth.DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.principal is not None
    assert dialog.principal.username == "reviewer2"
    assert dialog.principal.role is Role.REVIEWER


def test_first_run_creates_the_administrator(
    qtbot: QtBot, desk_app: object, tmp_path: Path
) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        assert auth.needs_first_admin(db)
        dialog = FirstAdminDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.username, "branchadmin")
        qtbot.keyClicks(dialog.password, "a-long-secret-42")
        qtbot.keyClicks(dialog.confirm, "a-different-one-42")
        _ok(dialog)
        assert dialog.principal is None and dialog.error.isVisible()
        assert auth.needs_first_admin(db)  # nothing was created
        dialog.confirm.clear()
        qtbot.keyClicks(dialog.confirm, "a-long-secret-42")
        _ok(dialog)
        assert dialog.principal is not None and dialog.principal.role is Role.ADMIN
        assert not auth.needs_first_admin(db)
        assert auth.authenticate(db, "branchadmin", "a-long-secret-42").username == "branchadmin"
    finally:
        db.dispose()
