"""Picking a use-of-proceeds catalogue item in the loan editor's grid.

Editing the catalogue cell opens the searchable catalogue tree (:class:`CataloguePicker`) as
the cell's editor; the cell shows ``2019:3.2.2 太阳能利用设施建设和运营`` but holds only the
``VERSION:CODE`` key, which the records service checks against the same catalogues. A key the
shipped catalogues do not know (typed elsewhere, or from an older edition) is kept as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from greendesk.ui.dialogs.catalogue_picker import CataloguePicker, item_label

Index = QModelIndex | QPersistentModelIndex

__all__ = ["CatalogueDelegate", "item_label"]


class CatalogueDelegate(QStyledItemDelegate):
    """The catalogue tree as a cell editor: OK writes the chosen key, Cancel leaves the cell."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.picker: CataloguePicker | None = None  # the one open now, for tests and focus

    def displayText(self, value: object, locale: object) -> str:
        return item_label(str(value or ""))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        picker = CataloguePicker(parent.window(), str(index.data() or ""))
        picker.setObjectName("cataloguePicker")
        picker.accepted.connect(lambda: self._finish(picker, commit=True))
        picker.rejected.connect(lambda: self._finish(picker, commit=False))
        self.picker = picker
        return picker

    def _finish(self, picker: CataloguePicker, *, commit: bool) -> None:
        if commit:
            self.commitData.emit(picker)
        self.closeEditor.emit(picker, QStyledItemDelegate.EndEditHint.NoHint)
        self.picker = None

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """A dialog of its own size, not squeezed into the cell."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # the picker is a window: its own buttons end the edit, not a focus change or a key
        if isinstance(editor, CataloguePicker):
            return False
        return super().eventFilter(editor, event)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """The picker selected the cell's item when it was made."""

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, CataloguePicker)
        if editor.key is not None:
            model.setData(index, editor.key)
