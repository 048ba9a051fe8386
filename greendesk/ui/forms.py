"""Build widgets from the Qt Designer files in ``forms/`` — the one source of every layout.

The .ui files are loaded at run time with ``QUiLoader`` (not compiled with pyside6-uic): the
forms folder already ships inside the wheel and is found through ``greendesk.paths.forms_dir``,
there is no generated code to keep in step with the XML, and a bank can adjust a layout in
Designer without a build. The loader fills an existing instance (the way Anki's
``form.setupUi(self)`` does), so dialogs stay ordinary subclasses of ``QDialog``/``QMainWindow``.
Widgets are then looked up by their Designer object name with a type check (:func:`child`).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from greendesk.paths import forms_dir

W = TypeVar("W", bound=QObject)


class _IntoInstance(QUiLoader):
    """A loader that builds the form's top-level widget into ``base`` instead of a new one."""

    def __init__(self, base: QWidget) -> None:
        super().__init__(base)
        self._base = base

    def createWidget(
        self, class_name: str, parent: QWidget | None = None, name: str = ""
    ) -> QWidget:
        if parent is None:
            return self._base
        return super().createWidget(class_name, parent, name)


def setup_form(base: QWidget, name: str) -> None:
    """Lay out ``base`` from ``forms/<name>.ui`` (its top-level class must match ``base``)."""
    path = forms_dir() / f"{name}.ui"
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"form {path} cannot be read")
    try:
        loader = _IntoInstance(base)
        loaded = loader.load(handle, None)
    finally:
        handle.close()
    if loaded is None:
        raise RuntimeError(f"form {path}: {loader.errorString()}")


def child(parent: QObject, kind: type[W], name: str) -> W:
    """The form's child called ``name``; a missing or mistyped widget is a bug, said plainly."""
    found = parent.findChild(kind, name)
    if found is None:
        raise LookupError(f"form widget {name!r} ({kind.__name__}) not found")
    return found
