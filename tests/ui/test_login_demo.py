"""The log-in of the demo database names its accounts; a bank's own database says nothing.

A new user who opens GreenDesk on the demo portfolio should not need the README to get in; an
officer at a real branch must never see a hint of accounts or passwords at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Role
from greendesk.services import auth
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.ui.dialogs.login import LoginDialog
from greendesk.ui.forms import child


def demo_text(qtbot: QtBot, db: Database) -> str | None:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    label = child(dialog, QLabel, "demoLabel")
    return label.text() if label.isVisible() else None


def test_the_demo_database_names_its_accounts_and_password(
    qtbot: QtBot, desk_app: QApplication, db: Database
) -> None:
    text = demo_text(qtbot, db)
    assert text is not None
    assert "演示数据库" in text  # the window speaks Chinese by default
    for username, _name, _role in auth.DEMO_USERS:
        assert f"<b>{username}</b>" in text
    assert auth.DEMO_PASSWORD in text
    assert "贷审会委员" in text and "客户经理" in text


def test_an_account_whose_password_changed_is_not_named(
    qtbot: QtBot, desk_app: QApplication, db: Database
) -> None:
    admin = auth.authenticate(db, "admin", auth.DEMO_PASSWORD)
    auth.set_password(db, admin, "reviewer2", "a-new-secret-2026")
    text = demo_text(qtbot, db)
    assert text is not None
    assert "<b>reviewer2</b>" not in text
    assert "<b>reviewer1</b>" in text


def test_a_database_with_real_users_says_nothing(
    qtbot: QtBot, desk_app: QApplication, tmp_path: Path
) -> None:
    bank = open_database(f"sqlite:///{tmp_path / 'bank.db'}")
    try:
        auth.create_first_admin(bank, "zhang", "branch-admin-2026", "张管理员")
        seed_demo(bank)  # even with the demo portfolio loaded into it: no demo accounts appear
        assert not auth.is_demo_database(bank)
        assert auth.demo_accounts(bank) is None
        assert demo_text(qtbot, bank) is None
        assert [u.role for u in auth.list_users(bank)] == [Role.ADMIN]
    finally:
        bank.dispose()


def test_an_empty_first_run_database_says_nothing(
    qtbot: QtBot, desk_app: QApplication, tmp_path: Path
) -> None:
    empty = open_database(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        assert auth.demo_accounts(empty) is None
        assert demo_text(qtbot, empty) is None
    finally:
        empty.dispose()
