"""Dialogs opened on the desk's windows are deleted when they close.

A dialog made with the main window as parent lives as long as its parent unless told otherwise:
each loan editor, memo preview or evidence page an officer opened and closed stayed behind as a
hidden child, about 8 MB for the loan editor, so a day of work ran the desk out of memory.
``WA_DeleteOnClose`` hands the dialog to Qt's deferred deletion once it is done (accepted,
rejected or closed); its ``accepted``/``finished`` signals still reach their slots first.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def open_transient(dialog: D) -> D:
    """Open ``dialog`` window-modal; it deletes itself when it closes."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
