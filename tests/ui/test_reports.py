"""Memo preview and workbook export from the window: off the GUI thread, and files made."""

from __future__ import annotations

import io
import re
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import portfolio, report_portfolio, reports
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.dialogs.export import ExportDialog
from greendesk.ui.dialogs.memo import MemoDialog
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from greendesk.ui.workers import Tasks


@pytest.fixture
def host(qtbot: QtBot, desk_app: object) -> tuple[QWidget, Tasks]:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget, Tasks(widget)


def _spy(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Record the thread each call of the real ``module.name`` runs on (it still runs)."""
    real = getattr(module, name)
    threads: list[int] = []

    def recorded(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, recorded)
    return threads


def test_memo_renders_off_the_gui_thread_and_saves(
    qtbot: QtBot,
    host: tuple[QWidget, Tasks],
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    threads = _spy(monkeypatch, reports, "write_memo")
    widget, tasks = host
    reference = next(s.reference for s in portfolio.list_loans(db) if s.status == "approved")
    dialog = MemoDialog(db, reference, tasks, "zh", widget)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.rendered, timeout=60_000):
        dialog.start_render()
    assert threads and threads[0] != threading.get_ident()
    assert dialog.pdf_bytes is not None and dialog.pdf_bytes.startswith(b"%PDF")
    assert dialog.document.pageCount() > 1
    assert dialog.save_button.isEnabled()
    target = tmp_path / "memo.pdf"
    dialog.save_to(target)
    assert target.read_bytes() == dialog.pdf_bytes


def test_export_writes_the_workbook_off_the_gui_thread(
    qtbot: QtBot,
    host: tuple[QWidget, Tasks],
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    threads = _spy(monkeypatch, report_portfolio, "export_portfolio")
    widget, tasks = host
    dialog = ExportDialog(db, tasks, "zh", widget)
    qtbot.addWidget(dialog)
    target = tmp_path / "portfolio.xlsx"
    dialog.path.setText(str(target))
    dialog.as_of.setDate(QDate(2026, 6, 30))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as signal:
        dialog.start()
    assert signal.args == [str(target)]
    assert threads and threads[0] != threading.get_ident()
    book = openpyxl.load_workbook(target, read_only=True)
    try:
        loans_sheet = book.worksheets[1]
        references = {row[0] for row in loans_sheet.iter_rows(min_row=2, values_only=True)}
    finally:
        book.close()
    assert {s.reference for s in portfolio.list_loans(db)} <= references
    assert dialog.result_path == target


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def test_memo_preview_follows_the_windows_amount_unit(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    loan = next(x for x in portfolio.list_loans(db) if x.reference == "XJ-CJ-2023-001")
    win.action("actionMoney_wan").trigger()  # View → Amounts in → 万元
    try:
        assert win.select_loan(loan.id)
        qtbot.waitUntil(lambda: win.detail.detail is not None)
        win.action("actionMemo").trigger()
        dialog = win.commands.dialog
        assert isinstance(dialog, MemoDialog)
        assert dialog.unit.currentData() == "wan"
        qtbot.waitUntil(lambda: dialog.pdf_bytes is not None, timeout=60_000)
        assert dialog.pdf_bytes is not None
        text = _pdf_text(dialog.pdf_bytes)
        assert "授信金额（万元）244,300.00" in text
        assert "2,443,000,000.00元记为244,300.00万元" in text
        # the officer may switch the memo's unit in the preview and render again
        dialog.unit.setCurrentIndex(dialog.unit.findData("yi"))
        with qtbot.waitSignal(dialog.rendered, timeout=60_000):
            dialog.start_render()
        assert "授信金额（亿元）24.43" in _pdf_text(dialog.pdf_bytes)
        dialog.reject()
    finally:
        win.close()
        labels.set_money_unit("yuan")


def test_export_dialog_adds_the_chosen_unit_beside_the_yuan(
    qtbot: QtBot, host: tuple[QWidget, Tasks], db: Database, tmp_path: Path
) -> None:
    labels.set_money_unit("yi")  # the window's View → Amounts in: the dialog's default
    try:
        widget, tasks = host
        dialog = ExportDialog(db, tasks, "zh", widget)
        qtbot.addWidget(dialog)
        assert dialog.unit.currentData() == "yi"
        assert [dialog.unit.itemData(i) for i in range(dialog.unit.count())] == [
            "yuan", "wan", "yi"]  # fmt: skip
        dialog.unit.setCurrentIndex(dialog.unit.findData("wan"))
        dialog.grab().save(str(tmp_path / "export-dialog.png"))
        target = tmp_path / "wan.xlsx"
        dialog.path.setText(str(target))
        dialog.as_of.setDate(QDate(2026, 6, 30))
        with qtbot.waitSignal(dialog.exported, timeout=60_000):
            dialog.start()
    finally:
        labels.set_money_unit("yuan")
    book = openpyxl.load_workbook(target, read_only=True)
    try:
        header = [c.value for c in next(book.worksheets[1].iter_rows(max_row=1))]
        first = next(book.worksheets[1].iter_rows(min_row=2, max_row=2, values_only=True))
    finally:
        book.close()
    at = header.index("授信金额（元）")
    assert header[at + 1] == "授信金额（万元）"
    assert Decimal(str(first[at + 1])) == Decimal(str(first[at])).scaleb(-4)
