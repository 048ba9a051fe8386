"""User administration (administrator) and password changes (everyone), on ``services.auth``.

The auth service checks the actor's role, validates names and passwords, and audits each change;
these dialogs only collect text and show what the service says. Passwords are typed into
password-echo fields and never kept beyond the call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from greendesk.domain.errors import FieldError, InvalidInput, UserError
from greendesk.domain.roles import Principal, Role
from greendesk.services import auth
from greendesk.services.auth import UserInfo
from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.dialogs.admin_common import refit, refusing_fields, selected_row, setup_list
from greendesk.ui.dialogs.editor import EditorDialog
from greendesk.ui.forms import child, setup_form
from greendesk.ui.models.rows import Column, RowsModel

INACTIVE = QColor("#8A9690")
WARNING = QColor("#B3261E")


def status_text(user: UserInfo) -> str:
    """Active or deactivated, then what needs the administrator: a lock, the demo password."""
    parts = [
        QCoreApplication.translate("UsersDialog", "Active")
        if user.active
        else QCoreApplication.translate("UsersDialog", "Deactivated")
    ]
    if user.locked_until is not None:
        parts.append(
            QCoreApplication.translate("UsersDialog", "locked until {}").format(
                labels.instant(user.locked_until)
            )
        )
    if user.demo_password:
        parts.append(QCoreApplication.translate("UsersDialog", "demo password: must be changed"))
    return " · ".join(parts)


def user_columns() -> list[Column[UserInfo]]:
    def grey(user: UserInfo) -> QColor | None:
        return None if user.active else INACTIVE

    return [
        Column(
            QCoreApplication.translate("UsersDialog", "User name"),
            lambda u: u.username,
            colour=grey,
        ),
        Column(
            QCoreApplication.translate("UsersDialog", "Display name"),
            lambda u: u.display_name,
            colour=grey,
        ),
        Column(
            QCoreApplication.translate("UsersDialog", "Role"),
            lambda u: labels.role_text(u.role),
            colour=grey,
        ),
        Column(
            QCoreApplication.translate("UsersDialog", "Status"),
            status_text,
            colour=lambda u: WARNING if u.locked_until or u.demo_password else grey(u),
            tooltip=status_text,  # the whole text when the column is narrow
        ),
        Column(
            QCoreApplication.translate("UsersDialog", "Created"),
            lambda u: labels.instant(u.created_at),
            colour=grey,
        ),
    ]


# Rules the dialogs check themselves are worded like the services' (English ``path: rule``); the
# editor words them for the window through the same catalogue (resources/i18n/rules.json).
MISMATCH = "the two entries differ"
WRONG_OLD = "does not match your current password"


def _mismatch() -> InvalidInput:
    return InvalidInput([FieldError("password", MISMATCH)])


class UserDialog(EditorDialog):
    """Add a user (name, display name, role, initial password) or edit one (name fixed)."""

    FIELDS: ClassVar[dict[str, str]] = {
        "username": "usernameEdit",
        "display_name": "displayNameEdit",
        "role": "roleCombo",
        "password": "passwordEdit",
    }

    def __init__(
        self,
        db: Database,
        actor: Principal,
        record: UserInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, "user_dialog")
        self.username = child(self, QLineEdit, "usernameEdit")
        self.display_name = child(self, QLineEdit, "displayNameEdit")
        self.role = child(self, QComboBox, "roleCombo")
        self.password = child(self, QLineEdit, "passwordEdit")
        self.confirm = child(self, QLineEdit, "confirmEdit")
        self.active = child(self, QCheckBox, "activeCheck")
        for role in Role:
            self.role.addItem(labels.role_text(role), role.value)
        form = child(self, QFormLayout, "formLayout")
        if record is None:
            self.setWindowTitle(QCoreApplication.translate("UserDialog", "Add user"))
            self.role.setCurrentIndex(self.role.findData(Role.OFFICER.value))
            form.setRowVisible(self.active, False)
        else:
            self.setWindowTitle(
                QCoreApplication.translate("UserDialog", "User {}").format(record.username)
            )
            self.username.setText(record.username)
            self.username.setReadOnly(True)
            self.display_name.setText(record.display_name)
            self.role.setCurrentIndex(self.role.findData(record.role.value))
            self.active.setChecked(record.active)
            form.setRowVisible(self.password, False)
            form.setRowVisible(self.confirm, False)

        def save() -> UserInfo:
            role = str(self.role.currentData())
            if record is None:
                if self.password.text() != self.confirm.text():
                    raise _mismatch()
                return auth.create_user(
                    db,
                    actor,
                    self.username.text(),
                    role,
                    self.password.text(),
                    self.display_name.text(),
                )
            return auth.update_user(
                db,
                actor,
                record.username,
                role=role,
                active=self.active.isChecked(),
                display_name=self.display_name.text(),
            )

        self.set_saver(refusing_fields(save, self.FIELDS))


class PasswordDialog(EditorDialog):
    """An administrator's reset of someone's password, or a user's change of their own."""

    FIELDS: ClassVar[dict[str, str]] = {"old_password": "oldEdit", "password": "newEdit"}

    def __init__(
        self,
        db: Database,
        actor: Principal,
        username: str | None = None,
        display_name: str = "",
        parent: QWidget | None = None,
        *,
        forced: bool = False,
    ) -> None:
        """``username`` None: the actor changes their own password (the old one is asked);
        ``forced``: at log-in, because the account still holds the public demo password."""
        super().__init__(parent, "password_dialog")
        self.old = child(self, QLineEdit, "oldEdit")
        self.new = child(self, QLineEdit, "newEdit")
        self.confirm = child(self, QLineEdit, "confirmEdit")
        intro = child(self, QLabel, "introLabel")
        own = username is None
        self.username = actor.username if username is None else username
        if own:
            self.setWindowTitle(QCoreApplication.translate("PasswordDialog", "Change my password"))
            intro.setText(
                QCoreApplication.translate(
                    "PasswordDialog",
                    "The account {user} still has the public demo password, which anyone can "
                    "read in the manual. Choose your own password before you go on.",
                ).format(user=actor.username)
                if forced
                else QCoreApplication.translate(
                    "PasswordDialog",
                    "Change the password you log in with as {user}. Enter your current password "
                    "first.",
                ).format(user=actor.username)
            )
            self.old.setFocus()
        else:
            self.setWindowTitle(QCoreApplication.translate("PasswordDialog", "Reset password"))
            intro.setText(
                QCoreApplication.translate(
                    "PasswordDialog",
                    "Set a new password for {name} ({user}). Give it to them in person; they can "
                    "change it themselves after logging in.",
                ).format(name=display_name or self.username, user=self.username)
            )
            child(self, QFormLayout, "formLayout").setRowVisible(self.old, False)
            self.new.setFocus()

        def save() -> str:
            if self.new.text() != self.confirm.text():
                raise _mismatch()
            if not own:
                auth.set_password(db, actor, self.username, self.new.text())
                return self.username
            try:
                auth.change_own_password(db, actor, self.old.text(), self.new.text())
            except UserError as exc:
                if str(exc) != auth.WRONG_LOGIN:
                    raise
                raise InvalidInput([FieldError("old_password", WRONG_OLD)]) from None
            return self.username

        self.set_saver(refusing_fields(save, self.FIELDS))


class UsersDialog(QDialog):
    """Every account, with Add…, Edit…, Reset password… and Unlock (administrator only)."""

    def __init__(self, db: Database, actor: Principal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        setup_form(self, "users_dialog")
        self._db = db
        self._actor = actor
        self.editor: QDialog | None = None  # the last editor opened (tests drive it)
        self.table = child(self, QTableView, "userTable")
        self.model: RowsModel[UserInfo] = RowsModel(user_columns(), self)
        setup_list(self.table, self.model)
        self.status = child(self, QLabel, "statusLabel")
        self.status.hide()
        self.add_button = child(self, QPushButton, "addButton")
        self.edit_button = child(self, QPushButton, "editButton")
        self.reset_button = child(self, QPushButton, "resetButton")
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button = child(self, QPushButton, "unlockButton")
        self.unlock_button.clicked.connect(self.unlock_user)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        child(self, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self.reload()
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    def reload(self, select: str | None = None) -> None:
        """Read the users again (keeping the selection on ``select`` or the current user)."""
        current = self.current()
        wanted = select or (current.username if current else None)
        try:
            users = auth.list_users(self._db)
        except Exception as exc:  # user errors plainly, bugs to the error dialog
            messages.show_exception(self, exc)
            return
        self.model.set_rows(users)
        refit(self.table)
        names = [u.username for u in users]
        if wanted in names:
            self.table.selectRow(names.index(wanted))
        self._update_buttons()

    def current(self) -> UserInfo | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def _update_buttons(self) -> None:
        current = self.current()
        chosen = current is not None
        self.edit_button.setEnabled(chosen)
        self.reset_button.setEnabled(chosen)
        self.unlock_button.setEnabled(current is not None and current.locked_until is not None)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> None:
        self.editor = dialog
        dialog.accepted.connect(on_accept)
        dialog.open()

    def add_user(self) -> None:
        dialog = UserDialog(self._db, self._actor, None, self)

        def added() -> None:
            info: UserInfo = dialog.saved
            self.reload(select=info.username)
            text = QCoreApplication.translate("UsersDialog", "User {user} added as {role}.")
            self._say(text.format(user=info.username, role=labels.role_text(info.role)))

        self._open(dialog, added)

    def edit_user(self) -> None:
        record = self.current()
        if record is None:
            return
        dialog = UserDialog(self._db, self._actor, record, self)

        def saved() -> None:
            self.reload(select=record.username)
            self._say(
                QCoreApplication.translate("UsersDialog", "User {user} saved.").format(
                    user=record.username
                )
            )

        self._open(dialog, saved)

    def reset_password(self) -> None:
        record = self.current()
        if record is None:
            return
        dialog = PasswordDialog(self._db, self._actor, record.username, record.display_name, self)
        self._open(
            dialog,
            lambda: self._say(
                QCoreApplication.translate(
                    "UsersDialog", "The password of {user} was reset."
                ).format(user=record.username)
            ),
        )

    def unlock_user(self) -> None:
        record = self.current()
        if record is None:
            return
        try:
            auth.unlock_user(self._db, self._actor, record.username)
        except Exception as exc:  # user errors plainly, bugs to the error dialog
            messages.show_exception(self, exc)
            return
        self.reload(select=record.username)
        self._say(
            QCoreApplication.translate("UsersDialog", "The account {user} is unlocked.").format(
                user=record.username
            )
        )
