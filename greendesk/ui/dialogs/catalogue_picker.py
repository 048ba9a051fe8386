"""Choosing a green catalogue item from a searchable tree: edition → category → item.

Every place a catalogue item is chosen (a project's item, a loan's use of proceeds) opens this
dialog instead of a 44-line list or a typed ``2019:`` prefix. The search matches the code, the
key and the names in both languages; several words must all match, and a category stays while
any of its items does. Only items can be chosen; the dialog hands back the ``VERSION:CODE`` key
that the records service checks.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QWidget,
)

from greendesk.domain.classification.catalogue import Catalogue, CatalogueItem
from greendesk.services.records.reference import green_catalogue
from greendesk.ui import labels
from greendesk.ui.forms import child, setup_form

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # an item's VERSION:CODE (None on headings)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # what the search matches, lower-cased
Index = QModelIndex | QPersistentModelIndex


def code_order(code: str) -> tuple[int, ...]:
    """``3.2.10`` after ``3.2.9``: codes sort by their numbers, not as text."""
    return tuple(int(part) if part.isdigit() else 0 for part in code.split("."))


def _name(item: CatalogueItem) -> str:
    return item.name_zh if labels.chinese() else item.name_en


def build_model(catalogue: Catalogue) -> QStandardItemModel:
    """Editions (newest first) → their category path (``1 节能环保产业 / 1.6 …``) → items."""
    model = QStandardItemModel()
    bold = QFont()
    bold.setBold(True)
    chinese = labels.chinese()
    for version in sorted(catalogue.versions(), reverse=True):
        title = catalogue.titles[version] if chinese else catalogue.titles_en[version]
        edition = QStandardItem(title)
        edition.setFont(bold)
        edition.setSelectable(False)
        edition.setData(title.lower(), SEARCH_ROLE)
        model.appendRow(edition)
        nodes: dict[tuple[str, ...], QStandardItem] = {}
        items = [i for i in catalogue.items.values() if i.version == version]
        for item in sorted(items, key=lambda i: code_order(i.code)):
            parent = edition
            path: tuple[str, ...] = ()
            for part in (p.strip() for p in item.category.split("/") if p.strip()):
                path = (*path, part)
                if path not in nodes:
                    node = QStandardItem(part)
                    node.setSelectable(False)
                    node.setData(part.lower(), SEARCH_ROLE)
                    parent.appendRow(node)
                    nodes[path] = node
                parent = nodes[path]
            leaf = QStandardItem(f"{item.code}  {_name(item)}")
            leaf.setData(item.key, KEY_ROLE)
            leaf.setData(
                " ".join((item.key, item.code, item.name_zh, item.name_en, *item.tags)).lower(),
                SEARCH_ROLE,
            )
            leaf.setToolTip(f"{item.key} · {item.name_zh} · {item.name_en}")
            parent.appendRow(leaf)
    return model


class CatalogueFilter(QSortFilterProxyModel):
    """Keeps the rows whose search text holds every typed word (their headings stay too)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.setRecursiveFilteringEnabled(True)

    def set_search(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+, where invalidateFilter is deprecated
            self.beginFilterChange()
            self.words = text.lower().split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt 6.8/6.9
            self.words = text.lower().split()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.words:
            return True
        model = self.sourceModel()
        found = str(model.index(source_row, 0, source_parent).data(SEARCH_ROLE) or "")
        return all(word in found for word in self.words)


class CataloguePicker(QDialog):
    """The tree with its search box; ``key`` is the chosen item's ``VERSION:CODE``."""

    def __init__(self, parent: QWidget | None, current: str = "") -> None:
        super().__init__(parent)
        setup_form(self, "catalogue_picker")
        self.catalogue = green_catalogue()
        self.key: str | None = None
        self.source = build_model(self.catalogue)
        self.filter = CatalogueFilter(self)
        self.filter.setSourceModel(self.source)
        self.search = child(self, QLineEdit, "searchEdit")
        self.tree = child(self, QTreeView, "catalogueTree")
        self.detail = child(self, QLabel, "itemDetail")
        self.tree.setModel(self.filter)
        buttons = child(self, QDialogButtonBox, "buttonBox")
        self.ok: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.search.textChanged.connect(self._search)
        self.tree.selectionModel().currentChanged.connect(lambda now, _old: self._current(now))
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.expandToDepth(0)
        self._select(current.strip())
        self._current(self.tree.currentIndex())

    def _search(self, text: str) -> None:
        self.filter.set_search(text)
        if text.strip():
            self.tree.expandAll()
            first = self._first_item(QModelIndex())
            if first is not None:
                self.tree.setCurrentIndex(first)
        else:
            self.tree.collapseAll()
            self.tree.expandToDepth(0)

    def _first_item(self, parent: QModelIndex) -> QModelIndex | None:
        for row in range(self.filter.rowCount(parent)):
            index = self.filter.index(row, 0, parent)
            if index.data(KEY_ROLE):
                return index
            found = self._first_item(index)
            if found is not None:
                return found
        return None

    def _select(self, key: str) -> None:
        if not key:
            return
        hits = self.source.match(
            self.source.index(0, 0), KEY_ROLE, key, 1, Qt.MatchFlag.MatchRecursive
        )
        if hits:
            index = self.filter.mapFromSource(hits[0])
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _current(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE) if index.isValid() else None
        self.key = str(key) if key else None
        self.ok.setEnabled(self.key is not None)
        item = self.catalogue.get(self.key) if self.key else None
        if item is None:
            self.detail.setText("")
            return
        other = item.name_en if labels.chinese() else item.name_zh
        self.detail.setText(f"{item.key} · {_name(item)} · {other}\n{item.category}")

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.data(KEY_ROLE):
            self.accept()


def item_label(key: str) -> str:
    """``VERSION:CODE name`` in the interface language; the key alone when it is unknown."""
    item = green_catalogue().get(key) if key.strip() else None
    if item is None:
        return key
    return f"{item.key} {_name(item)}"
