"""The rough edges seen on screen, each checked on the real widgets: the list fits 1440 px,
statuses are never cut, Ctrl+S saves, Qt's own dialogs speak Chinese, OS errors are worded,
totals in messages are grouped, classification rows are not tall."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QScrollArea, QTableView
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.domain.validation import LOAN_STATUSES
from greendesk.services import portfolio
from greendesk.services.records.borrowers import list_borrowers
from greendesk.services.records.loans import get_loan, get_loan_terms
from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.dialogs.borrower import BorrowerDialog
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.i18n import Translations
from greendesk.ui.list_columns import two_lines
from greendesk.ui.main_window import MainWindow
from greendesk.ui.models.loan_table import COLUMNS, STATUS_COLUMN
from greendesk.ui.os_errors import os_error_text
from greendesk.ui.settings import Settings
from tests.ui.helpers import syndicated_loan


def _window(qtbot: QtBot, db: Database, officer: Principal, settings: Settings) -> MainWindow:
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_every_list_column_is_on_screen_at_1440(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, officer, settings)
    win.splitter.setSizes([win.width() * 63 // 100, win.width() * 37 // 100])
    qtbot.wait(50)
    table = win.table
    right = sum(table.columnWidth(c) for c in range(len(COLUMNS)))
    assert right <= table.viewport().width() + 2, (right, table.viewport().width())
    glyph = table.fontMetrics().horizontalAdvance("中")
    for column in (1, 2):  # borrower and project keep at least five characters a line
        assert table.columnWidth(column) >= 5 * glyph
    assert table.wordWrap()  # and two lines a row
    assert table.verticalHeader().defaultSectionSize() >= 2 * table.fontMetrics().lineSpacing()
    win.close()


def test_statuses_are_never_cut_in_either_language(
    qtbot: QtBot,
    desk_app: object,
    desk_translations: Translations,
    db: Database,
    officer: Principal,
    settings: Settings,
) -> None:
    desk_translations.use("en")
    win = MainWindow(db, officer, settings, "en")
    qtbot.addWidget(win)
    bold = QFont(win.table.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    assert labels.status_text("approved_with_conditions") == "approved with conditions"
    width = win.table.columnWidth(STATUS_COLUMN) - 8  # less the cell's margins
    for status in LOAN_STATUSES:  # each whole, on the row's two lines at most
        text = labels.status_text(status)
        box = metrics.boundingRect(QRect(0, 0, width, 1000), Qt.TextFlag.TextWordWrap, text)
        assert box.width() <= width and box.height() < 3 * metrics.lineSpacing(), text
    win.close()


def test_ctrl_s_saves_an_editor(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    record = list_borrowers(db)[0]
    dialog = BorrowerDialog(db, officer, record)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # a shortcut reaches the active window only
    qtbot.waitActive(dialog)
    dialog.edits["industry"].setText("风电、储能（Ctrl+S）")
    dialog.edits["industry"].setFocus()
    qtbot.waitUntil(dialog.edits["industry"].hasFocus)
    qtbot.keyClick(dialog.edits["industry"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = next(b for b in list_borrowers(db) if b.id == record.id)
    assert saved.industry == "风电、储能（Ctrl+S）"


def test_ctrl_s_in_the_loan_editor_names_grouped_totals(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    borrower_id = get_loan(db, portfolio.list_loans(db)[0].id).borrower_id
    loan_id = syndicated_loan(db, officer, borrower_id)
    dialog = LoanDialog(db, officer, get_loan_terms(db, loan_id))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # a shortcut reaches the active window only
    qtbot.waitActive(dialog)
    dialog.grids.lenders.setData(dialog.grids.lenders.index(0, 2), "760000000.00")
    dialog.edits["purpose"].setFocus()
    qtbot.waitUntil(dialog.edits["purpose"].hasFocus)
    qtbot.keyClick(dialog.edits["purpose"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.saved is None  # refused, nothing saved
    assert "810,000,000.00" in dialog.error.text(), dialog.error.text()
    assert "90,000,000.00" in dialog.error.text()
    assert str(get_loan_terms(db, loan_id).input.lenders[0].commitment) == "40000000.00"
    dialog.reject()


def test_qt_dialogs_speak_chinese(desk_app: object) -> None:
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："


def test_os_errors_are_worded(qtbot: QtBot, desk_app: object) -> None:
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "/nope/memo.pdf")
    assert os_error_text(missing) == "文件夹或文件不存在"
    assert os_error_text(PermissionError(errno.EACCES, "Permission denied")) == "没有写入权限"
    odd = OSError(errno.EIO, "Input/output error")
    assert os_error_text(odd) == "系统错误：Input/output error"
    box = messages.show_exception(None, missing)
    assert isinstance(box, QMessageBox)  # the environment, not a bug dialog
    assert box.text() == "无法使用 /nope/memo.pdf：文件夹或文件不存在"
    box.close()


def test_classification_rows_are_not_tall(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, officer, settings)
    loan = next(x for x in portfolio.list_loans(db) if x.reference == "XJ-CJ-2023-001")
    done: list[bool] = []
    win.detail.classification_ready.connect(lambda: done.append(True))
    assert win.select_loan(loan.id)
    qtbot.waitUntil(lambda: bool(done))
    win.detail.tabs.setCurrentIndex(3)  # shown for the first time only now
    table = win.detail.findChild(QTableView, "criteriaTable")
    assert table is not None
    qtbot.waitUntil(lambda: table.viewport().width() > 100)
    qtbot.wait(50)
    line = table.fontMetrics().lineSpacing()
    rows = table.model().rowCount()
    assert rows > 0
    assert max(table.rowHeight(r) for r in range(rows)) <= 5 * line + 12
    win.close()


def test_qt_catalogue_is_found_in_pyside6_when_qt_points_elsewhere(
    desk_app: QApplication,
    desk_translations: Translations,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from greendesk.ui import i18n

    monkeypatch.setattr(i18n.QLibraryInfo, "path", lambda _which: str(tmp_path))  # empty folder
    desk_translations.use("en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"
    desk_translations.use("zh_CN")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："


def _header_font(table: QTableView) -> QFont:
    """The font the style sheet gives the list's headings (bold)."""
    font = QFont(table.horizontalHeader().font())
    font.setBold(True)
    return font


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_heading_and_value_fits_its_column_at_1440(
    qtbot: QtBot,
    desk_app: object,
    desk_translations: Translations,
    db: Database,
    officer: Principal,
    settings: Settings,
    language: str,
) -> None:
    """A fresh window at 1440×900 with a loan open: each column's heading (with room for the
    sort arrow any heading may show) fits its section, every column is on screen, and the
    values are whole — reference, amount and dates on one line, region and status on at most
    the row's two (borrower and project elide, the tooltip has them whole)."""
    desk_translations.use(language)
    try:
        win = MainWindow(db, officer, settings, language)
        qtbot.addWidget(win)
        win.resize(1440, 900)  # as a first start on a 1440 px screen lays it out:
        win.splitter.setSizes([1440 * 63 // 100, 1440 * 37 // 100])
        win.show()
        qtbot.waitExposed(win)
        assert win.select_loan(portfolio.list_loans(db)[0].id)
        qtbot.waitUntil(lambda: win.detail.detail is not None)
        qtbot.wait(50)
        table, model, header = win.table, win.model, win.table.horizontalHeader()
        assert win.width() == 1440
        right = sum(header.sectionSize(c) for c in range(len(COLUMNS)))
        assert right <= table.viewport().width() + 2, (language, right, table.viewport().width())
        assert table.horizontalScrollBar().maximum() <= 2
        heading = QFontMetrics(_header_font(table))
        arrow = heading.height()  # the sort indicator's room beside the words
        for column in range(len(COLUMNS)):
            text = str(model.headerData(column, Qt.Orientation.Horizontal))
            needed = heading.horizontalAdvance(text) + 12 + arrow  # padding 6 px a side
            size = header.sectionSize(column)
            assert needed <= size, (language, text, needed, size)
        cell = table.fontMetrics()
        values = {
            c: [str(model.data(model.index(r, c)) or "") for r in range(model.rowCount())]
            for c in range(len(COLUMNS))
        }
        assert values[0]
        for column in (0, 4, 7, 8):  # one line, never elided
            widest = max(cell.horizontalAdvance(v) for v in values[column])
            assert widest + 8 <= header.sectionSize(column), (language, COLUMNS[column][0])
        glyph = cell.horizontalAdvance("中")
        for column in (1, 2):
            assert header.sectionSize(column) >= 5 * glyph
        widest_region = max(two_lines(cell, v) for v in values[3])
        assert widest_region + 8 <= header.sectionSize(3), language
        # the detail beside it: its cards one below the other, nothing cut or scrolled sideways
        scroll = win.detail.findChild(QScrollArea, "overviewScroll")
        assert scroll is not None
        assert win.detail.overview_cards.columns == 1
        assert scroll.horizontalScrollBar().maximum() == 0, language
        win.splitter.setSizes([500, 940])  # a wide detail: two columns again
        qtbot.waitUntil(lambda: win.detail.overview_cards.columns == 2)
        win.close()
    finally:
        desk_translations.use("zh_CN")
