"""Coded fields chosen from words: the catalogue tree (search by code or words), the syndicate
role drop-down and the collateral types — on the real dialogs, checked against what is stored."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import portfolio
from greendesk.services.records import projects
from greendesk.services.records.loans import get_loan, get_loan_terms
from greendesk.store.database import Database
from greendesk.ui.dialogs.catalogue_picker import KEY_ROLE, CataloguePicker
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.dialogs.pledge import PledgeDialog
from greendesk.ui.dialogs.project import ProjectDialog
from greendesk.ui.forms import child
from tests.ui.helpers import syndicated_loan


def _ok(dialog: QDialog) -> None:
    child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok).click()


def _items(picker: CataloguePicker, parent: QModelIndex | None = None) -> list[str]:
    """Every item key the filtered tree shows."""
    parent = parent or QModelIndex()
    found: list[str] = []
    model = picker.filter
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        key = index.data(KEY_ROLE)
        found += [str(key)] if key else _items(picker, index)
    return found


def test_catalogue_tree_searches_by_code_and_words(
    qtbot: QtBot, qtmodeltester: ModelTester, desk_app: object
) -> None:
    picker = CataloguePicker(None)
    qtbot.addWidget(picker)
    picker.show()
    qtmodeltester.check(picker.filter, force_py=True)
    everything = _items(picker)
    assert len(everything) == len(picker.catalogue.items) and "2019:3.2.2" in everything
    assert not picker.ok.isEnabled()  # nothing chosen yet; editions and categories are headings
    qtbot.keyClicks(picker.search, "3.2.2")
    assert _items(picker)[0].endswith(":3.2.2")
    assert picker.key is not None and picker.key.endswith(":3.2.2") and picker.ok.isEnabled()
    picker.search.clear()
    picker.search.setText("储能")  # (typed Chinese arrives as one input-method commit)
    hits = _items(picker)
    assert hits and all("储能" in picker.catalogue.items[k].name_zh for k in hits)
    picker.search.setText("2019 储能")  # several words: all of them
    assert set(_items(picker)) == {k for k in hits if k.startswith("2019:")}
    picker.search.setText("storage nothing-like-this")
    assert _items(picker) == []
    picker.search.setText("")
    assert len(_items(picker)) == len(everything)
    picker.search.setText("3.2")
    qtmodeltester.check(picker.filter, force_py=True)  # a filtered tree is still a sound model
    opened = CataloguePicker(None, "2019:3.4.2")  # opens on the item the field holds
    qtbot.addWidget(opened)
    assert opened.key == "2019:3.4.2"


def test_project_catalogue_item_is_picked_from_the_tree_and_stored(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    project = next(p for p in projects.list_projects(db) if p.catalogue_code)
    dialog = ProjectDialog(db, officer, project)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_catalogue.trigger()
    picker = dialog.edits["catalogue_code"].property("picker")
    assert isinstance(picker, CataloguePicker) and picker.isVisible()
    assert picker.key == project.catalogue_code
    qtbot.keyClicks(picker.search, "4.3.7")
    assert picker.key == "2019:4.3.7" or (picker.key or "").endswith("4.3.7")
    chosen = picker.key
    qtbot.mouseClick(picker.ok, Qt.MouseButton.LeftButton)
    assert dialog.edits["catalogue_code"].text() == chosen
    assert dialog.edits["catalogue_code"].toolTip().startswith(f"{chosen} ")  # its name shows
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    assert projects.get_project(db, project.id).catalogue_code == chosen


def test_syndicate_role_is_a_drop_down_of_words(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    borrower_id = get_loan(db, portfolio.list_loans(db)[0].id).borrower_id
    loan_id = syndicated_loan(db, officer, borrower_id)
    dialog = LoanDialog(db, officer, get_loan_terms(db, loan_id))
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.grids.view("lenders")
    dialog.tabs.setCurrentWidget(view.parentWidget())
    index = view.model().index(2, 1)
    assert index.data() == "参加行"
    view.setCurrentIndex(index)
    view.edit(index)
    combo = next(w for w in view.viewport().findChildren(QComboBox) if w.isVisible())
    assert [combo.itemText(i) for i in range(combo.count())] == ["牵头行", "代理行", "参加行"]
    combo.setCurrentIndex(1)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model().index(2, 1).data() == "代理行")
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    roles = [x.role for x in get_loan_terms(db, loan_id).input.lenders]
    assert roles == ["lead_arranger", "agent", "agent"]


def test_collateral_types_read_as_words_and_priced_dates_are_explained(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    borrower_id = get_loan(db, portfolio.list_loans(db)[0].id).borrower_id
    loan_id = syndicated_loan(db, officer, borrower_id)
    dialog = PledgeDialog(db, officer, loan_id)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [dialog.type_combo.itemText(i) for i in range(dialog.type_combo.count())]
    keys = [dialog.type_combo.itemData(i) for i in range(dialog.type_combo.count())]
    assert "cea" in keys and not dialog.type_combo.isEditable()
    assert not any(f"({k})" in t or t == k for t, k in zip(shown, keys, strict=True))
    dialog.type_combo.setCurrentIndex(keys.index("cea"))
    assert child(dialog, QLabel, "valuationDateEditLabel").text() == "约定单价日期"
    assert not dialog.edits["appraised_value"].isEnabled()
    dialog.type_combo.setCurrentIndex(keys.index("plant_variety_right"))  # appraised
    assert child(dialog, QLabel, "valuationDateEditLabel").text() == "估值日"
    assert dialog.edits["appraised_value"].isEnabled()
