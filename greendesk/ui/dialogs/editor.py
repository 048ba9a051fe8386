"""What every record editor shares: save through a service, show ALL its errors, mark the fields.

The services validate (and name each failing field's path and rule); an editor only collects
widget text into the service's input dataclass. A refused save leaves the dialog open with the
errors listed and the named fields outlined. The services word errors in English
(``drawdowns[2].date: after maturity``, the command line's contract); the list shows them in the
window's language, each field named by the label the form shows (:mod:`greendesk.ui.error_text`),
with the services' own wording kept in the list's tooltip for support staff.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from greendesk.domain.errors import InvalidInput, UserError
from greendesk.ui import labels
from greendesk.ui.error_text import ErrorWording
from greendesk.ui.forms import child, setup_form

log = logging.getLogger(__name__)


def blank_none(text: str) -> str | None:
    """Optional numbers: an empty field means "not given"."""
    stripped = text.strip()
    return stripped or None


class EditorDialog(QDialog):
    """A Designer form with an ``errorLabel`` and a ``buttonBox``; ``save`` runs the service."""

    FIELDS: ClassVar[dict[str, str]] = {}  # input path (first part) -> widget object name

    def __init__(self, parent: QWidget | None, form: str) -> None:
        super().__init__(parent)
        setup_form(self, form)
        self.error = child(self, QLabel, "errorLabel")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # values the user typed, shown as typed
        self.error.hide()
        self.saved: Any = None
        self._save: Callable[[], Any] | None = None
        buttons = child(self, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        # Ctrl+S (Cmd+S) saves as OK does; a cell being edited commits first (focus moves)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self._save_key)

    def _save_key(self) -> None:
        focused = self.focusWidget()
        if focused is not None:  # an open grid editor hands its text to the model on focus-out
            focused.clearFocus()
        self.try_save()

    def set_saver(self, save: Callable[[], Any]) -> None:
        self._save = save

    def _mark(self, paths: set[str]) -> None:
        for path, name in self.FIELDS.items():
            widget = self.findChild(QWidget, name)
            if widget is None:
                continue
            widget.setProperty("invalid", path in paths)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def form_labels(self) -> dict[str, str]:
        """Each field's label as the form shows it now (its buddy label), by input path."""
        buddies: dict[str, str] = {}
        for label in self.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is not None and buddy.objectName():
                buddies[buddy.objectName()] = label.text()
        return {
            path: _plain_label(buddies[name])
            for path, name in self.FIELDS.items()
            if buddies.get(name)
        }

    def _show_refusal(self, exc: UserError) -> None:
        try:
            text = ErrorWording(labels.chinese(), self.form_labels()).exception(exc).text
        except (OSError, ValueError, KeyError, IndexError):  # a damaged wording catalogue
            log.exception("refusal shown as the service words it")
            text = str(exc)
        self.error.setText(text)
        self.error.setToolTip(str(exc))  # the services' own words, for support staff
        self.error.show()

    def try_save(self) -> None:
        assert self._save is not None
        try:
            self.saved = self._save()
        except InvalidInput as exc:
            paths = {e.path.split("[")[0].split(".")[0] for e in exc.errors}
            self._mark(paths)
            self._show_refusal(exc)
            return
        except UserError as exc:
            self._mark(set())
            self._show_refusal(exc)
            return
        self.accept()


def _plain_label(text: str) -> str:
    """A form label without its mnemonic marker and trailing colon ("&Name:" -> "Name")."""
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return plain.strip().rstrip(":：").strip()
