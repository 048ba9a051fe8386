"""Start the desk: Qt application, look, language, logging, error hooks, log-in, main window.

``run_app`` is what ``greendesk`` without a subcommand calls. :class:`Desk` owns the open
database and the one main window; it handles what replaces the window — a language switch, a
log-out, a restore — and the automatic daily backup.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

# The layers below Qt are imported before PySide6: PySide6's import hook reads the source of
# every module imported after it (PYSIDE-2029), which costs the desk's start a fifth of a
# second for SQLAlchemy and the services. tests/ui/test_start_imports.py keeps it so.
from greendesk import __version__
from greendesk.commands._common import resolve_db_url
from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.domain.secrets import mask_secrets
from greendesk.services import auth
from greendesk.services.seeding import open_desk
from greendesk.store.database import Database

# isort: split
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from greendesk.ui import messages
from greendesk.ui.dialogs.login import FirstAdminDialog, LoginDialog
from greendesk.ui.dialogs.users import PasswordDialog
from greendesk.ui.i18n import Translations
from greendesk.ui.logs import setup_logging
from greendesk.ui.main_window import MainWindow
from greendesk.ui.resources import apply_look
from greendesk.ui.settings import Settings
from greendesk.ui.workers import Progress

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("GreenDesk")
    app.setOrganizationName("GreenDesk")
    app.setApplicationVersion(__version__)
    apply_look(app)
    return app


class Desk(QObject):
    """The running desk: one database, one signed-in user, one main window at a time."""

    def __init__(
        self,
        app: QApplication,
        db: Database,
        url: str | None,
        settings: Settings,
        translations: Translations,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.db = db
        self.url = url
        self.settings = settings
        self.translations = translations
        self.language = translations.use(settings.language)
        self.actor: Principal | None = None
        self.window: MainWindow | None = None

    # -- signing in
    def sign_in(self) -> bool:
        """First-run administrator or log-in, modal; False when the user cancels."""
        if auth.needs_first_admin(self.db) and auth.count_users(self.db) == 0:
            first = FirstAdminDialog(self.db)
            if first.exec() != QDialog.DialogCode.Accepted or first.principal is None:
                return False
            self.actor = first.principal
        else:
            login = LoginDialog(self.db, self.settings.last_username)
            if login.exec() != QDialog.DialogCode.Accepted or login.principal is None:
                return False
            self.actor = login.principal
            change = self.password_change_dialog()
            if change is not None and change.exec() != QDialog.DialogCode.Accepted:
                self.actor = None
                return False
        self.settings.last_username = self.actor.username
        log.info("signed in: %s (%s)", self.actor.username, self.actor.role.value)
        return True

    def password_change_dialog(self) -> PasswordDialog | None:
        """The forced change of the public demo password, outside the demo database (else None)."""
        assert self.actor is not None
        if not auth.must_change_password(self.db, self.actor.username):
            return None
        return PasswordDialog(self.db, self.actor, forced=True)

    # -- the window
    def open_window(self, keep_loan: int | None = None) -> MainWindow:
        assert self.actor is not None
        window = MainWindow(self.db, self.actor, self.settings, self.language)
        window.language_requested.connect(self.switch_language)
        window.logout_requested.connect(self.logout)
        window.restore_requested.connect(self.restore)
        window.show()
        if keep_loan is not None:
            window.select_loan(keep_loan)
        self.window = window
        return window

    def _close_window(self) -> int | None:
        window, self.window = self.window, None
        if window is None:
            return None
        keep = window.current_loan_id()
        window.close()
        window.deleteLater()
        return keep

    def switch_language(self, language: str) -> None:
        """Install the other translator and rebuild the window in it (the selection stays)."""
        if language == self.language:
            return
        self.language = self.translations.use(language)
        self.settings.language = self.language
        self.settings.sync()
        keep = self._close_window()
        self.open_window(keep)

    def logout(self) -> None:
        self._close_window()
        self.actor = None
        if self.sign_in():
            self.open_window()
        else:
            self.app.quit()

    def restore(self, path: str) -> None:
        """Close the database, let the service check and swap the file, open it again."""
        from greendesk.services import backup as backup_service

        actor = self.actor
        keep = self._close_window()
        self.db.dispose()
        try:
            result = backup_service.restore(self.db.url, Path(path), actor)
        except Exception as exc:
            self.db = open_desk(self.url)
            self.open_window(keep)
            messages.show_exception(self.window, exc)
            return
        self.db = open_desk(self.url)
        self.open_window()
        messages.information(
            self.window,
            QCoreApplication.translate(
                "Desk",
                "Restored {loans} loans from {path}. The replaced database was kept as {aside}.",
            ).format(
                loans=result.info.loans, path=result.restored_from, aside=result.kept_aside or "—"
            ),
        )

    def auto_backup(self) -> None:
        """Once a day, on a worker thread, when turned on: GreenDesk's own safety copy.

        It runs whoever is signed in — an officer's offline desk needs it most — and is audited
        as the system's. Only an administrator's desk writes it to a folder of their choosing;
        on every other desk it goes beside the database file, where the data already is, so the
        daily copy never carries the records anywhere new.
        """
        if self.window is None or self.actor is None or not self.settings.auto_backup:
            return
        if self.db.dialect != "sqlite":
            return
        # imported here, after the window is up: the backup service is not needed to start
        from greendesk.services import backup as backup_service
        from greendesk.ui.dialogs.backup import default_backup_folder

        chosen = self.settings.backup_folder if self.actor.may(Action.BACKUP) else ""
        folder = Path(chosen or default_backup_folder(self.db))
        keep, db, window = self.settings.backup_keep, self.db, self.window

        def work(_progress: Progress) -> Path | None:
            return backup_service.auto_backup(db, folder, keep)

        def done(made: Path | None) -> None:
            if made is not None:
                window.statusBar().showMessage(
                    QCoreApplication.translate("Desk", "Daily backup written: {}").format(made),
                    8000,
                )

        window.tasks.run(work, done, label=QCoreApplication.translate("Desk", "Daily backup…"))


def run_app(db_url: str | None) -> int:
    """Open the window on ``db_url`` (else $GREENDESK_DB, else the default demo store)."""
    log_path = setup_logging()
    app = make_application()
    messages.install_excepthook()
    settings = Settings()
    url = resolve_db_url(db_url)
    shown = mask_secrets(url) if url else "default store"
    log.info("GreenDesk %s starting on %s (log %s)", __version__, shown, log_path)
    translations = Translations(app)
    translations.use(settings.language)  # messages before the desk exists are translated
    try:
        db = open_desk(url)
    except UserError as exc:
        box = QMessageBox(QMessageBox.Icon.Critical, "GreenDesk", str(exc))
        box.exec()
        return 2
    desk = Desk(app, db, url, settings, translations)
    if not desk.sign_in():
        db.dispose()
        return 0
    desk.open_window()
    QTimer.singleShot(1500, desk.auto_backup)
    code = app.exec()
    desk.db.dispose()
    return int(code)
