"""Backup, restore and the automatic daily backup, from the window (services in backup.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from greendesk.domain.roles import Action, Principal
from greendesk.services import backup as backup_service
from greendesk.store.database import Database
from greendesk.ui import messages
from greendesk.ui.forms import child, setup_form
from greendesk.ui.settings import Settings
from greendesk.ui.workers import Progress, Tasks


class BackupDialog(QDialog):
    """Backs up on a worker thread; a restore asks the window to close the database first."""

    backed_up = Signal(str)
    restore_requested = Signal(str)

    def __init__(
        self, db: Database, actor: Principal, settings: Settings, tasks: Tasks, parent: QWidget
    ) -> None:
        super().__init__(parent)
        setup_form(self, "backup_dialog")
        self._db = db
        self._actor = actor
        self._settings = settings
        self._tasks = tasks
        self.status = child(self, QLabel, "statusLabel")
        self.auto = child(self, QCheckBox, "autoEnabledCheck")
        self.folder = child(self, QLineEdit, "folderEdit")
        self.keep = child(self, QSpinBox, "keepSpin")
        self.auto.setChecked(settings.auto_backup)
        self.folder.setText(settings.backup_folder or str(default_backup_folder(db)))
        self.keep.setValue(settings.backup_keep)
        self.last = child(self, QLabel, "lastBackupLabel")
        self._show_last()
        child(self, QGroupBox, "backupGroup").setVisible(actor.may(Action.BACKUP))
        child(self, QGroupBox, "autoGroup").setVisible(actor.may(Action.BACKUP))
        child(self, QGroupBox, "restoreGroup").setVisible(actor.may(Action.RESTORE))
        child(self, QPushButton, "backupButton").clicked.connect(self._choose_backup)
        child(self, QPushButton, "restoreButton").clicked.connect(self._choose_restore)
        child(self, QPushButton, "folderButton").clicked.connect(self._choose_folder)
        child(self, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self.finished.connect(lambda _r: self._store_settings())

    def _store_settings(self) -> None:
        self._settings.auto_backup = self.auto.isChecked()
        self._settings.backup_folder = self.folder.text().strip()
        self._settings.backup_keep = self.keep.value()
        self._settings.sync()

    def _show_last(self) -> None:
        folder = Path(self.folder.text().strip() or ".")
        found = sorted(folder.glob("greendesk-*.db")) if folder.is_dir() else []
        self.last.setText(found[-1].name if found else "—")

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("BackupDialog", "Backup folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _choose_backup(self) -> None:
        suggested = Path(self.folder.text() or Path.home()) / (
            f"greendesk-manual-{date.today().isoformat()}.db"
        )
        path, _f = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("BackupDialog", "Back up to"),
            str(suggested),
            QCoreApplication.translate("BackupDialog", "GreenDesk backups (*.db)"),
        )
        if path:
            self.backup_to(Path(path))

    def backup_to(self, path: Path) -> None:
        db, actor = self._db, self._actor
        self.status.setText(QCoreApplication.translate("BackupDialog", "Backing up…"))

        def work(_progress: Progress) -> backup_service.BackupInfo:
            return backup_service.backup(db, path, actor)

        self._tasks.run(
            work,
            self._backed_up,
            label=QCoreApplication.translate("BackupDialog", "Backing up the database…"),
            on_error=self._failed,
            parent=self,
        )

    def _backed_up(self, info: backup_service.BackupInfo) -> None:
        self.status.setText(
            QCoreApplication.translate(
                "BackupDialog", "Backed up {loans} loans and {events} audit events to {path}"
            ).format(loans=info.loans, events=info.audit_events, path=info.path)
        )
        self._show_last()
        self.backed_up.emit(str(info.path))

    def _failed(self, exc: BaseException, details: str) -> None:
        self.status.setText("")
        messages.show_exception(self, exc, details)

    def _choose_restore(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("BackupDialog", "Restore from"),
            self.folder.text(),
            QCoreApplication.translate("BackupDialog", "GreenDesk backups (*.db)"),
        )
        if path:
            self.confirm_restore(Path(path))

    def confirm_restore(self, path: Path) -> None:
        """Check the file first (the service refuses a bad one), then ask, then restore."""
        try:
            info = backup_service.check_backup(path)
        except Exception as exc:  # user errors shown plainly, bugs in the error dialog
            messages.show_exception(self, exc)
            return
        box = QMessageBox(self)
        box.setObjectName("confirmRestore")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("BackupDialog", "Restore backup"))
        box.setText(
            QCoreApplication.translate(
                "BackupDialog",
                "Replace the current database with {path} ({loans} loans)? The current file is "
                "kept aside.",
            ).format(path=info.path, loans=info.loans)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(
            lambda button: (
                self.restore_requested.emit(str(info.path))
                if box.standardButton(button) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        self.confirm_box = box
        box.open()


def default_backup_folder(db: Database) -> Path:
    """Beside the database file: ``<db folder>/backups``."""
    url = db.url
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).expanduser().absolute().parent / "backups"
    return Path.home() / "GreenDesk-backups"
