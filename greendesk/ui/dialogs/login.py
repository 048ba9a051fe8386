"""Log-in at start, and the first run's administrator set-up; both call the auth service."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Principal
from greendesk.services import auth
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.error_text import window_text
from greendesk.ui.forms import child, setup_form


class LoginDialog(QDialog):
    """Asks for a user name and password; ``principal`` is set when the service accepts them."""

    def __init__(self, db: Database, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        setup_form(self, "login_dialog")
        self._db = db
        self.principal: Principal | None = None
        self.username = child(self, QLineEdit, "usernameEdit")
        self.password = child(self, QLineEdit, "passwordEdit")
        self.error = child(self, QLabel, "errorLabel")
        self.error.hide()
        child(self, QLabel, "databaseLabel").setText(
            QCoreApplication.translate("LoginDialog", "Database: {}").format(db.describe())
        )
        self.demo = child(self, QLabel, "demoLabel")
        self._show_demo_accounts(auth.demo_accounts(db))
        buttons = child(self, QDialogButtonBox, "buttonBox")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("LoginDialog", "Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        self.username.setText(username)
        (self.password if username else self.username).setFocus()

    def _show_demo_accounts(self, demo: auth.DemoAccounts | None) -> None:
        """On the demo database only: say so, and name its accounts and their public password."""
        if demo is None:
            self.demo.hide()
            return
        names = "<br>".join(
            f"<b>{html.escape(u.username)}</b> — {html.escape(labels.role_text(u.role))}"
            for u in demo.accounts
        )
        self.demo.setText(
            QCoreApplication.translate(
                "LoginDialog",
                "This is the demo database: the article's portfolio, for trying GreenDesk out. "
                "Its accounts:<br>{accounts}<br>Password for each: <b>{password}</b>",
            ).format(accounts=names, password=html.escape(demo.password))
        )
        self.demo.show()

    def try_login(self) -> None:
        try:
            self.principal = auth.authenticate(self._db, self.username.text(), self.password.text())
        except UserError as exc:
            self.error.setText(window_text(exc))
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """First run: no administrator exists yet, so one is created here."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        setup_form(self, "first_admin_dialog")
        self._db = db
        self.principal: Principal | None = None
        self.username = child(self, QLineEdit, "usernameEdit")
        self.display_name = child(self, QLineEdit, "displayNameEdit")
        self.password = child(self, QLineEdit, "passwordEdit")
        self.confirm = child(self, QLineEdit, "confirmEdit")
        self.error = child(self, QLabel, "errorLabel")
        self.error.hide()
        buttons = child(self, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)

    def try_create(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(
                QCoreApplication.translate("FirstAdminDialog", "password: the two entries differ")
            )
            self.error.show()
            return
        try:
            self.principal = auth.create_first_admin(
                self._db, self.username.text(), self.password.text(), self.display_name.text()
            )
        except UserError as exc:
            self.error.setText(window_text(exc))
            self.error.show()
            return
        self.accept()
