"""What every record editor shares: save through a service, show ALL its errors, mark the fields.

The services validate (and name each failing field's path and rule); an editor only collects
widget text into the service's input dataclass. A refused save leaves the dialog open with the
errors listed and the named fields outlined.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from greendesk.domain.errors import InvalidInput, UserError
from greendesk.ui.forms import child, setup_form


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
        self.error.hide()
        self.saved: Any = None
        self._save: Callable[[], Any] | None = None
        buttons = child(self, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)

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

    def try_save(self) -> None:
        assert self._save is not None
        try:
            self.saved = self._save()
        except InvalidInput as exc:
            paths = {e.path.split("[")[0].split(".")[0] for e in exc.errors}
            self._mark(paths)
            self.error.setText("\n".join(str(e) for e in exc.errors))
            self.error.show()
            return
        except UserError as exc:
            self._mark(set())
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
