"""User administration and password changes from the window, on a seeded real SQLite file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu
from pytestqt.qtbot import QtBot

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Principal, Role
from greendesk.services import auth
from greendesk.store.database import Database
from greendesk.ui.dialogs.editor import EditorDialog
from greendesk.ui.dialogs.users import PasswordDialog, UserDialog, UsersDialog
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings

ADMIN_ENTRIES = ("actionUsers", "actionMarketData", "actionQuorum")


def _ok(dialog: QDialog) -> None:
    child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok).click()


def _refused(dialog: EditorDialog, said: str, *labels: str) -> None:
    """Still open, nothing saved, the service's words kept, each field named by its label."""
    assert dialog.isVisible() and dialog.saved is None
    assert said in dialog.error.toolTip()
    for name in labels:
        assert child(dialog, QLabel, name).text() in dialog.error.text(), name


def _window(qtbot: QtBot, db: Database, actor: Principal, settings: Settings) -> MainWindow:
    win = MainWindow(db, actor, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    return win


def _users_dialog(qtbot: QtBot, win: MainWindow) -> UsersDialog:
    win.action("actionUsers").trigger()
    dialog = win.commands.dialog
    assert isinstance(dialog, UsersDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _select(dialog: UsersDialog, username: str) -> None:
    names = [u.username for u in dialog.model.rows]
    dialog.table.selectRow(names.index(username))
    assert dialog.current() is not None and dialog.current().username == username  # type: ignore[union-attr]


def test_admin_adds_a_user_who_can_then_log_in(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, admin, settings)
    users = _users_dialog(qtbot, win)
    assert [u.username for u in users.model.rows] == [u.username for u in auth.list_users(db)]
    users.add_button.click()
    editor = users.editor
    assert isinstance(editor, UserDialog)
    assert not editor.active.isVisibleTo(editor)  # a new account starts active
    qtbot.keyClicks(editor.username, "zhang.san")
    editor.display_name.setText("张三委员")  # keyClicks types ASCII only
    editor.role.setCurrentIndex(editor.role.findData(Role.REVIEWER.value))
    qtbot.keyClicks(editor.password, "chang-ji-2026")
    qtbot.keyClicks(editor.confirm, "chang-ji-2026")
    _ok(editor)
    assert editor.result() == QDialog.DialogCode.Accepted
    who = auth.authenticate(db, "zhang.san", "chang-ji-2026")
    assert (who.role, who.display_name) == (Role.REVIEWER, "张三委员")
    assert "zhang.san" in [u.username for u in users.model.rows]
    assert users.current() is not None and users.current().username == "zhang.san"  # type: ignore[union-attr]
    assert "zhang.san" in users.status.text()


def test_user_editor_lists_every_error_outlines_the_fields_and_saves_nothing(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal
) -> None:
    before = auth.count_users(db)
    editor = UserDialog(db, admin)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.username, "Zhang San")
    qtbot.keyClicks(editor.password, "short")
    qtbot.keyClicks(editor.confirm, "short")
    _ok(editor)
    _refused(editor, "username: lower-case letters", "usernameEditLabel", "passwordEditLabel")
    assert "password: at least 8 characters" in editor.error.toolTip()
    assert editor.username.property("invalid") is True
    assert editor.password.property("invalid") is True
    assert editor.display_name.property("invalid") is False
    # the two password entries differ: refused before the service is asked
    editor.username.setText("zhang.san")
    editor.password.setText("long-enough-1")
    editor.confirm.setText("long-enough-2")
    _ok(editor)
    _refused(editor, "password: the two entries differ", "passwordEditLabel")
    assert editor.password.property("invalid") is True
    assert editor.username.property("invalid") is False
    # a name that exists already: the service's words, the field outlined
    editor.username.setText("officer")
    editor.confirm.setText("long-enough-1")
    _ok(editor)
    _refused(editor, "username: 'officer' already exists", "usernameEditLabel")
    assert editor.username.property("invalid") is True
    assert auth.count_users(db) == before


def test_admin_resets_a_password(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, admin, settings)
    users = _users_dialog(qtbot, win)
    _select(users, "officer")
    users.reset_button.click()
    editor = users.editor
    assert isinstance(editor, PasswordDialog)
    assert not editor.old.isVisibleTo(editor)  # an administrator needs no old password
    assert (
        "officer" in editor.windowTitle() + child(editor, type(users.status), "introLabel").text()
    )
    for field in (editor.new, editor.confirm):
        assert field.echoMode() == field.EchoMode.Password
        qtbot.keyClicks(field, "fresh-start-99")
    _ok(editor)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert auth.authenticate(db, "officer", "fresh-start-99").username == "officer"
    with pytest.raises(UserError):
        auth.authenticate(db, "officer", auth.DEMO_PASSWORD)
    assert "officer" in users.status.text()


def test_admin_changes_a_role_and_deactivates_an_account(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, admin, settings)
    users = _users_dialog(qtbot, win)
    _select(users, "reviewer3")
    users.edit_button.click()
    editor = users.editor
    assert isinstance(editor, UserDialog)
    assert editor.username.isReadOnly() and editor.username.text() == "reviewer3"
    assert not editor.password.isVisibleTo(editor)
    editor.role.setCurrentIndex(editor.role.findData(Role.OFFICER.value))
    editor.active.setChecked(False)
    _ok(editor)
    assert editor.result() == QDialog.DialogCode.Accepted
    stored = next(u for u in auth.list_users(db) if u.username == "reviewer3")
    assert (stored.role, stored.active) == (Role.OFFICER, False)
    shown = next(u for u in users.model.rows if u.username == "reviewer3")
    assert shown == stored
    with pytest.raises(UserError, match="deactivated"):
        auth.authenticate(db, "reviewer3", auth.DEMO_PASSWORD)


def test_an_administrator_cannot_deactivate_themselves(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal
) -> None:
    record = next(u for u in auth.list_users(db) if u.username == admin.username)
    editor = UserDialog(db, admin, record)
    qtbot.addWidget(editor)
    editor.show()
    editor.active.setChecked(False)
    _ok(editor)
    _refused(editor, "cannot demote or deactivate themselves")
    assert next(u for u in auth.list_users(db) if u.username == admin.username).active


def test_changing_my_own_password_needs_the_old_one(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, officer, settings)
    action = win.action("actionChangePassword")
    assert action.isVisible()
    action.trigger()
    editor = win.commands.dialog
    assert isinstance(editor, PasswordDialog)
    assert editor.old.isVisibleTo(editor) and editor.old.echoMode() == editor.old.EchoMode.Password
    qtbot.keyClicks(editor.old, "not-my-password")
    qtbot.keyClicks(editor.new, "officer-new-2026")
    qtbot.keyClicks(editor.confirm, "officer-new-2026")
    _ok(editor)
    _refused(editor, "old_password: does not match", "oldEditLabel")
    assert editor.old.property("invalid") is True
    assert auth.authenticate(db, "officer", auth.DEMO_PASSWORD).username == "officer"
    editor.old.setText(auth.DEMO_PASSWORD)
    _ok(editor)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert auth.authenticate(db, "officer", "officer-new-2026").username == "officer"
    with pytest.raises(UserError):
        auth.authenticate(db, "officer", auth.DEMO_PASSWORD)


@pytest.mark.parametrize("who", ["officer", "reviewer"])
def test_other_roles_see_no_administration_entries(
    qtbot: QtBot,
    desk_app: object,
    db: Database,
    settings: Settings,
    who: str,
    request: pytest.FixtureRequest,
) -> None:
    actor: Principal = request.getfixturevalue(who)
    win = _window(qtbot, db, actor, settings)
    for name in ADMIN_ENTRIES:
        assert not win.action(name).isVisible(), name
    assert not child(win, QMenu, "menuAdmin").menuAction().isVisible()
    assert win.action("actionChangePassword").isVisible()


def test_the_administrator_sees_the_administration_menu(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, admin, settings)
    assert child(win, QMenu, "menuAdmin").menuAction().isVisible()
    for name in (*ADMIN_ENTRIES, "actionChangePassword"):
        assert win.action(name).isVisible(), name


def test_a_locked_account_is_shown_and_the_administrator_unlocks_it(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, settings: Settings
) -> None:
    """Issue 11 point 12: the users dialog shows the lock and its Unlock button lifts it."""
    for _ in range(auth.lockout_policy(db).max_failures):
        with pytest.raises(UserError):
            auth.authenticate(db, "reviewer1", "not-the-password")
    with pytest.raises(UserError, match="locked"):
        auth.authenticate(db, "reviewer1", auth.DEMO_PASSWORD)
    dialog = _users_dialog(qtbot, _window(qtbot, db, admin, settings))
    _select(dialog, "officer")
    assert not dialog.unlock_button.isEnabled()
    _select(dialog, "reviewer1")
    row = [u.username for u in dialog.model.rows].index("reviewer1")
    status = dialog.model.index(row, 3).data()
    assert "锁定" in status
    assert dialog.unlock_button.isEnabled()
    dialog.unlock_button.click()
    assert "锁定" not in dialog.model.index(row, 3).data()
    assert not dialog.unlock_button.isEnabled()
    assert "reviewer1" in dialog.status.text()
    assert auth.authenticate(db, "reviewer1", auth.DEMO_PASSWORD).username == "reviewer1"


def test_demo_passwords_are_flagged_in_the_users_dialog_and_the_status_bar(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, settings: Settings
) -> None:
    """Issue 11 point 2: every account still holding the demo password is marked."""
    win = _window(qtbot, db, admin, settings)
    assert win.demo_label.isVisible() and "演示密码" in win.demo_label.text()
    dialog = _users_dialog(qtbot, win)
    for row, user in enumerate(dialog.model.rows):
        assert "演示密码" in dialog.model.index(row, 3).data(), user.username
    auth.change_own_password(db, admin, auth.DEMO_PASSWORD, "bank-own-secret-9")
    dialog.reload()
    mine = [u.username for u in dialog.model.rows].index(admin.username)
    assert "演示密码" not in dialog.model.index(mine, 3).data()
    win.show_demo_flag()
    assert not win.demo_label.isVisible()


def test_outside_the_demo_a_demo_password_must_be_changed_at_log_in(
    qtbot: QtBot,
    desk_app: object,
    desk_translations: object,
    db: Database,
    officer: Principal,
    settings: Settings,
) -> None:
    from greendesk.store.models import AppMeta
    from greendesk.ui.app import Desk

    desk = Desk(desk_app, db, db.url, settings, desk_translations)  # type: ignore[arg-type]
    desk.actor = officer
    assert desk.password_change_dialog() is None  # the demo database: a flag, no demand
    with db.session(write=True) as session:
        session.delete(session.get(AppMeta, auth.DEMO_DATABASE_KEY))
    dialog = desk.password_change_dialog()
    assert isinstance(dialog, PasswordDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "演示密码" in child(dialog, QLabel, "introLabel").text()
    dialog.old.setText(auth.DEMO_PASSWORD)
    dialog.new.setText(auth.DEMO_PASSWORD)
    dialog.confirm.setText(auth.DEMO_PASSWORD)
    _ok(dialog)
    assert dialog.isVisible() and dialog.saved is None  # the demo password again is refused
    dialog.new.setText("officer-own-pw-1")
    dialog.confirm.setText("officer-own-pw-1")
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.password_change_dialog() is None
