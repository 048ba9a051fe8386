"""Picking a use-of-proceeds catalogue item in the loan editor's grid.

A loan officer chooses the item by its number and name (``2019:3.2.2 太阳能利用设施建设和运营``)
rather than recalling codes; the cell still holds only the ``VERSION:CODE`` key, which the
records service checks against the same catalogues. A key the shipped catalogues do not know
(typed elsewhere, or from an older edition) is kept and offered as it is, never silently dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QFont, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from greendesk.services.records.reference import green_catalogue
from greendesk.ui import labels

if TYPE_CHECKING:
    from greendesk.domain.classification.catalogue import CatalogueItem

Index = QModelIndex | QPersistentModelIndex


def _code_order(item: CatalogueItem) -> tuple[int, ...]:
    """``3.2.10`` after ``3.2.9``: codes sort by their numbers, not as text."""
    return tuple(int(part) if part.isdigit() else 0 for part in item.code.split("."))


def item_label(key: str) -> str:
    """``VERSION:CODE name`` in the interface language; the key alone when it is unknown."""
    item = green_catalogue().get(key) if key.strip() else None
    if item is None:
        return key
    return f"{item.key} {item.name_zh if labels.chinese() else item.name_en}"


class CatalogueDelegate(QStyledItemDelegate):
    """A combo of the shipped catalogue items: newest edition first, each under its title."""

    def displayText(self, value: object, locale: object) -> str:
        return item_label(str(value or ""))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("catalogueCombo")
        combo.addItem(QCoreApplication.translate("LoanDialog", "(choose a catalogue item)"), "")
        catalogue = green_catalogue()
        chinese = labels.chinese()
        model = combo.model()
        for version in sorted(catalogue.versions(), reverse=True):
            combo.insertSeparator(combo.count())
            title = catalogue.titles[version] if chinese else catalogue.titles_en[version]
            combo.addItem(title, None)
            if isinstance(model, QStandardItemModel):
                header = model.item(combo.count() - 1)
                if header is not None:  # a heading, not a choice
                    header.setEnabled(False)
                    font = QFont(combo.font())
                    font.setBold(True)
                    header.setFont(font)
            items = [i for i in catalogue.items.values() if i.version == version]
            for item in sorted(items, key=_code_order):
                combo.addItem(item_label(item.key), item.key)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        key = str(index.data() or "").strip()
        found = editor.findData(key)
        if found < 0:  # unknown to the shipped catalogues: keep it selectable as it is
            editor.addItem(key, key)
            found = editor.count() - 1
        editor.setCurrentIndex(found)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        key = editor.currentData()
        model.setData(index, key if isinstance(key, str) else "")
