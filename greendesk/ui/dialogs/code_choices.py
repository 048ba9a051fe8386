"""Coded fields chosen from words: a grid cell's drop-down, a line edit's catalogue button.

The lender role in the syndicate grid is picked from 牵头行 / 代理行 / 参加行 (the cell shows the
word, the service gets the code); a project's catalogue item is picked from the catalogue tree
through a button inside its field. Nobody types ``lead_arranger`` or a ``2019:`` prefix.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from greendesk.ui import labels
from greendesk.ui.dialogs.catalogue_picker import CataloguePicker, item_label

Index = QModelIndex | QPersistentModelIndex


class WordsDelegate(QStyledItemDelegate):
    """A cell holding a code's word (as the grid stores it), edited through a drop-down."""

    def __init__(self, codes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = tuple(codes)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("codeCombo")
        for code in self.codes:
            combo.addItem(labels.word(code), code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        text = str(index.data() or "").strip()
        found = max(editor.findText(text), editor.findData(text))
        if found < 0 and text:  # an unknown value stays as it was, for the service to name
            editor.addItem(text, text)
            found = editor.count() - 1
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


def attach_catalogue_button(edit: QLineEdit) -> QAction:
    """A button inside ``edit`` that opens the catalogue tree and writes the chosen key."""
    icon = edit.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView)
    action = QAction(
        QIcon(icon), QCoreApplication.translate("CodeChoices", "Choose from the catalogue…"), edit
    )
    action.setObjectName("chooseCatalogueAction")
    edit.addAction(action, QLineEdit.ActionPosition.TrailingPosition)

    def show_name() -> None:
        key = edit.text().strip()
        shown = item_label(key) if key else ""
        edit.setToolTip(shown if shown != key else "")

    def pick() -> None:
        picker = CataloguePicker(edit.window(), edit.text())
        picker.setObjectName("cataloguePicker")
        picker.accepted.connect(lambda: edit.setText(picker.key or edit.text()))
        edit.setProperty("picker", picker)  # reachable while open (tests, focus)
        picker.open()

    action.triggered.connect(pick)
    edit.textChanged.connect(lambda _t: show_name())
    show_name()
    return action
