"""The evidence page, driven through the real window: a solar-thermal loan supplied until green.

Yumen's seeded project states its solar technology; the test removes it first (as a project
registered without it would be), so the page must take a value (the technology, from a list) as
well as the three documents the catalogue item needs (核准/备案, 并网, 环评). Each is supplied
through the dialog's own widgets, on its worker; at the end the stored classification is green
with nothing missing, the files sit beside the database with their SHA-256, and the
classification tab no longer lists a missing item.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from greendesk.domain.roles import Principal
from greendesk.services import evidence_files, evidence_supply, portfolio
from greendesk.services.assessment import assess_loan, stored_classification
from greendesk.store.database import Database
from greendesk.store.models import AuditEvent, EvidenceDocument, Loan, Project
from greendesk.ui.dialogs.evidence import EvidenceDialog
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from greendesk.ui.workers import Tasks

YUMEN = "GS-YM-2026-001"
DOCUMENTS = ("project_approval", "grid_connection_approval", "environmental_impact_approval")


def _loan_id(db: Database, reference: str) -> int:
    return next(s.id for s in portfolio.list_loans(db) if s.reference == reference)


def _forget_solar_technology(db: Database, loan_id: int) -> None:
    """Test set-up: the project as registered without its solar technology, re-classified."""
    with db.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        project = session.get(Project, loan.project_id)
        assert project is not None
        tech = dict(project.technology)
        tech.pop("solar_technology")
        project.technology = tech
        session.flush()
        assess_loan(session, loan_id, date.today())


def _supply(qtbot: QtBot, dialog: EvidenceDialog) -> None:
    qtbot.mouseClick(dialog.supply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.error.isHidden(), dialog.error.text()


def test_supplying_yumens_missing_evidence_in_the_window_makes_it_green(
    qtbot: QtBot,
    desk_app: QApplication,
    db: Database,
    officer: Principal,
    settings: Settings,
    tmp_path: Path,
) -> None:
    loan_id = _loan_id(db, YUMEN)
    _forget_solar_technology(db, loan_id)
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.detail.classification_ready, timeout=10_000):
        assert win.select_loan(loan_id)
    tab = win.detail.classification
    win.detail.tabs.setCurrentWidget(child(win.detail, QWidget, "classificationTab"))
    assert tab.evidence_button.isVisible()
    ids = [r.id for r in tab.model.rows if not r.met]
    assert "green.technology_unstated" in ids
    assert {f"evidence.{k}" for k in DOCUMENTS} <= set(ids)

    # double-clicking the technology row opens the page on that item
    row = next(i for i, r in enumerate(tab.model.rows) if r.id == "green.technology_unstated")
    index = tab.model.index(row, 1)
    tab.table.scrollTo(index)
    rect = tab.table.visualRect(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = win.detail.evidence_dialog
    assert isinstance(dialog, EvidenceDialog)
    qtbot.waitUntil(dialog.isVisible)
    item = dialog.current_item()
    assert item is not None and item.id == "green.technology_unstated"
    assert dialog.value_combo.isVisible() and not dialog.value_edit.isVisible()
    assert [dialog.value_combo.itemData(i) for i in range(dialog.value_combo.count())] == [
        "pv",
        "csp",
    ]
    dialog.value_combo.setCurrentIndex(dialog.value_combo.findData("csp"))
    _supply(qtbot, dialog)
    assert "green.technology_unstated" not in [i.id for i in dialog.items.rows]

    # a document without issuer or file is refused in the dialog, nothing recorded
    scan = tmp_path / "批复.pdf"
    scan.write_bytes(b"%PDF-1.4\n% scanned approval\n")
    assert dialog.current_item() is not None
    qtbot.mouseClick(dialog.supply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert not dialog.error.isHidden()
    assert "出具机关" in dialog.error.text()
    assert dialog.documents.rowCount() == 0

    shot = os.environ.get("GREENDESK_EVIDENCE_SHOT")
    for kind in DOCUMENTS:
        positions = [i for i, x in enumerate(dialog.items.rows) if x.id == f"evidence.{kind}"]
        dialog.items_table.selectRow(positions[0])
        assert dialog.stack.currentIndex() == 2
        dialog.issuer.setText("甘肃省发展和改革委员会")  # QTest types Latin keys only
        dialog.reference.setText(f"甘发改〔2025〕{len(kind)}号")
        dialog.file.setText(str(scan))
        if shot and kind == DOCUMENTS[-1]:
            dialog.grab().save(shot)
        _supply(qtbot, dialog)

    assert dialog.items.rowCount() == 0
    assert dialog.documents.rowCount() == 3
    assert not dialog.supply_button.isEnabled()
    dialog.reject()

    info = stored_classification(db, loan_id)
    assert info is not None
    assert info.primary == "green"
    assert info.missing_evidence == ()
    assert "green.pending_evidence" not in [f.id for f in info.flags]
    with db.session() as session:
        rows = list(session.scalars(select(EvidenceDocument).order_by(EvidenceDocument.id)))
        project = session.get(Project, rows[0].project_id)
        assert project is not None
        tech = project.technology
    assert tech["solar_technology"] == "csp"
    assert [r.kind for r in rows] == list(DOCUMENTS)
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    folder = evidence_files.files_folder(db)
    assert folder is not None
    assert all(r.sha256 == digest and r.recorded_by == officer.username for r in rows)
    assert (folder / str(rows[0].stored_name)).read_bytes() == scan.read_bytes()

    # closing the page reloads the detail: the tab lists nothing missing any more
    qtbot.waitUntil(lambda: all(r.met for r in tab.model.rows), timeout=10_000)
    assert not tab.evidence_button.isVisible()


def test_a_reviewer_sees_the_findings_but_no_way_to_supply_them(
    qtbot: QtBot,
    desk_app: QApplication,
    db: Database,
    demo_principals: dict[str, Principal],
    settings: Settings,
) -> None:
    win = MainWindow(db, demo_principals["reviewer1"], settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    loan_id = _loan_id(db, YUMEN)
    with qtbot.waitSignal(win.detail.classification_ready, timeout=10_000):
        assert win.select_loan(loan_id)
    tab = win.detail.classification
    win.detail.tabs.setCurrentWidget(child(win.detail, QWidget, "classificationTab"))
    assert any(not r.met for r in tab.model.rows)
    assert not tab.evidence_button.isVisible() and not tab.evidence_hint.isVisible()
    row = next(i for i, r in enumerate(tab.model.rows) if not r.met)
    tab.table.doubleClicked.emit(tab.model.index(row, 1))
    assert win.detail.evidence_dialog is None


def _open_page(
    qtbot: QtBot, db: Database, actor: Principal, loan_id: int
) -> tuple[EvidenceDialog, QWidget]:
    host = QWidget()
    qtbot.addWidget(host)
    dialog = EvidenceDialog(host, db, actor, Tasks(host), loan_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, host


def test_open_and_withdraw_a_document_on_the_evidence_page(
    qtbot: QtBot,
    desk_app: QApplication,
    db: Database,
    officer: Principal,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loan_id = _loan_id(db, YUMEN)  # under review: its officer may still withdraw
    scan = tmp_path / "核准 批复:2026?.pdf"  # a name no viewer folder on Windows would take
    scan.write_bytes(b"%PDF-1.4\n% the approval, scanned\n" + bytes(range(256)))
    data = evidence_supply.DocumentInput(
        "project_approval", "2026-01-10", "玉门市发展和改革局", "玉发改〔2026〕3号", scan
    )
    evidence_supply.supply_document(db, officer, loan_id, "evidence.project_approval", data)
    requested: list[QUrl] = []

    def fake_open(url: QUrl) -> bool:
        requested.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    dialog, _host = _open_page(qtbot, db, officer, loan_id)
    assert dialog.documents.rowCount() == 1
    assert not dialog.open_button.isEnabled() and not dialog.withdraw_button.isEnabled()
    dialog.documents_table.selectRow(0)
    assert dialog.open_button.isEnabled() and dialog.withdraw_button.isEnabled()

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(requested), timeout=20_000)
    [url] = requested
    opened = Path(url.toLocalFile())
    assert url.isLocalFile() and opened == dialog.opened
    assert opened.name == "核准 批复_2026_.pdf"
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert hashlib.sha256(opened.read_bytes()).hexdigest() == digest
    assert dialog.documents.row(0).sha256 == digest

    # withdraw: No keeps it, Yes takes it off file and re-classifies
    folder = evidence_files.files_folder(db)
    assert folder is not None and len(list(folder.iterdir())) == 1
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    assert isinstance(box, QMessageBox) and box.objectName() == "confirmWithdrawDocument"
    assert "玉门市发展和改革局" in box.text()
    no = box.button(QMessageBox.StandardButton.No)
    assert no is not None and box.defaultButton() is no
    no.click()
    assert dialog.documents.rowCount() == 1 and not dialog.busy
    dialog.documents_table.selectRow(0)
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    assert box is not None
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None
    yes.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.documents.rowCount() == 0, timeout=20_000)
    assert dialog.error.isHidden(), dialog.error.text()
    assert dialog.changed
    assert "evidence.project_approval" in [i.id for i in dialog.items.rows]
    assert list(folder.iterdir()) == []
    with db.session() as session:
        assert session.scalars(select(EvidenceDocument)).first() is None
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert "project.evidence_withdraw" in actions[-3:]
    info = stored_classification(db, loan_id)
    assert info is not None
    assert "evidence.project_approval" in [f.id for f in info.missing_evidence]
    dialog.reject()


def test_a_reviewer_may_open_a_document_but_not_withdraw_it(
    qtbot: QtBot,
    desk_app: QApplication,
    db: Database,
    officer: Principal,
    reviewer: Principal,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loan_id = _loan_id(db, YUMEN)
    scan = tmp_path / "grid.pdf"
    scan.write_bytes(b"%PDF-1.4\n% grid\n")
    data = evidence_supply.DocumentInput("grid_connection_approval", "2026-01-10", "国网", "", scan)
    evidence_supply.supply_document(db, officer, loan_id, "evidence.grid_connection_approval", data)
    requested: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: requested.append(url) or False)
    dialog, _host = _open_page(qtbot, db, reviewer, loan_id)
    dialog.documents_table.selectRow(0)
    assert dialog.withdraw_button.isHidden()
    dialog.open_document()
    qtbot.waitUntil(lambda: bool(requested), timeout=20_000)
    assert Path(requested[0].toLocalFile()).read_bytes() == scan.read_bytes()
    # the system has no viewer for it: said in the dialog, not as a traceback
    assert not dialog.error.isHidden() and "grid.pdf" in dialog.error.text()
    dialog.withdraw(dialog.documents.row(0).id)  # even called directly, the service refuses
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert not dialog.error.isHidden()
    assert dialog.documents.rowCount() == 1
    dialog.reject()


def test_withdraw_is_greyed_out_once_the_committee_has_decided(
    qtbot: QtBot, desk_app: QApplication, db: Database, officer: Principal, tmp_path: Path
) -> None:
    loan_id = _loan_id(db, "GS-JQ-2024-001")  # Jinta, approved in the demo portfolio
    scan = tmp_path / "approval.pdf"
    scan.write_bytes(b"%PDF-1.4\n% approval\n")
    data = evidence_supply.DocumentInput("project_approval", "2024-05-20", "甘肃省发改委", "", scan)
    evidence_supply.supply_document(db, officer, loan_id, "evidence.project_approval", data)
    dialog, _host = _open_page(qtbot, db, officer, loan_id)
    dialog.documents_table.selectRow(0)
    assert dialog.open_button.isEnabled()
    assert dialog.withdraw_button.isVisible() and not dialog.withdraw_button.isEnabled()
    dialog.reject()
