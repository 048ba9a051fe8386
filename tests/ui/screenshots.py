"""Screenshots of the desk's main screens for the README (not a test; run it by hand).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.screenshots resources/screenshots
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=2 .venv/bin/python -m tests.ui.screenshots OUT

A fresh demo database in a temporary folder. The evidence page is taken first, on the Yumen CSP
application under review with one approval on file; then Yumen goes through the committee
(three votes, one with conditions) so the overview shows votes and the checklist. Each screen is
the real window at 1440×900 logical pixels, laid out as a first start on a 1440 px screen; at
QT_SCALE_FACTOR=2 the files are 2880×1800 and named ``…@2x.png``. ``GD_LANG=en`` takes the
English window, named ``…-en.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea, QTabWidget, QWidget

from greendesk.services import auth, evidence_supply, portfolio, workflow
from greendesk.services.records.loans import get_loan_terms
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.ui.dialogs.catalogue_picker import CataloguePicker
from greendesk.ui.dialogs.evidence import EvidenceDialog
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.i18n import Translations
from greendesk.ui.main_window import MainWindow
from greendesk.ui.resources import apply_look
from greendesk.ui.settings import Settings

SIZE = (1440, 900)


def settle(
    app: QApplication, until: Callable[[], bool] = lambda: False, seconds: float = 3
) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until():
            break
        time.sleep(0.02)
    for _ in range(10):
        app.processEvents()


def through_committee(db: Database) -> int:
    loan = next(x for x in portfolio.list_loans(db) if x.reference == "GS-YM-2026-001")
    names = ("reviewer1", "reviewer2", "reviewer3")
    r1, r2, r3 = (auth.authenticate(db, n, auth.DEMO_PASSWORD) for n in names)
    workflow.vote(db, r1, loan.id, "approve", comment="光热储能技术成熟，现金流覆盖充足")
    workflow.vote(
        db,
        r2,
        loan.id,
        "approve_with_conditions",
        conditions="首笔提款前完成项目并网验收\n追加母公司连带责任保证",
    )
    workflow.vote(db, r3, loan.id, "approve", comment="同意")
    workflow.decide(db, r1, loan.id)
    return loan.id


def approval_on_file(db: Database, folder: Path) -> None:
    """Yumen's project approval received (a one-page scan), so the page lists a document."""
    loan = next(x for x in portfolio.list_loans(db) if x.reference == "GS-YM-2026-001")
    officer = auth.authenticate(db, "officer", auth.DEMO_PASSWORD)
    scan = folder / "玉门光热项目核准批复.pdf"
    scan.write_bytes(b"%PDF-1.4\n% scanned approval\n")
    data = evidence_supply.DocumentInput(
        "project_approval", "2026-01-10", "甘肃省发展和改革委员会", "甘发改能源〔2026〕12号", scan
    )
    evidence_supply.supply_document(db, officer, loan.id, "evidence.project_approval", data)


def main(out: Path) -> None:
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    suffix = ("@2x" if scale == "2" else "") + (
        "-en" if os.environ.get("GD_LANG", "zh_CN") == "en" else ""
    )
    app = QApplication(sys.argv[:1])
    apply_look(app)
    Translations(app).use(os.environ.get("GD_LANG", "zh_CN"))
    folder = Path(tempfile.mkdtemp(prefix="gd-shots-"))
    db = open_database(f"sqlite:///{folder / 'demo.db'}")
    seed_demo(db)
    auth.ensure_demo_users(db)
    approval_on_file(db, folder)
    officer = auth.authenticate(db, "officer", auth.DEMO_PASSWORD)
    language = os.environ.get("GD_LANG", "zh_CN")  # GD_LANG=en for the English window
    win = MainWindow(db, officer, Settings(folder / "greendesk.ini"), language)
    win.resize(*SIZE)
    win.splitter.setSizes([SIZE[0] * 63 // 100, SIZE[0] * 37 // 100])
    win.show()
    settle(app)
    out.mkdir(parents=True, exist_ok=True)

    def shot(widget: QWidget, name: str) -> None:
        settle(app, seconds=0.5)
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print(path)

    yumen_id = next(x.id for x in portfolio.list_loans(db) if x.reference == "GS-YM-2026-001")
    page = EvidenceDialog(win, db, officer, win.tasks, yumen_id)
    page.resize(1100, 700)
    page.show()
    page.documents_table.selectRow(0)
    shot(page, "evidence")
    page.reject()
    yumen = through_committee(db)
    win.reload()
    mulei = next(x for x in portfolio.list_loans(db) if x.reference == "XJ-CJ-2023-001")
    win.select_loan(yumen)
    settle(app, lambda: win.detail.detail is not None)
    shot(win, "main-window")
    scroll = win.detail.findChild(QScrollArea, "overviewScroll")
    if scroll is not None:  # the committee panel, below the four cards
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shot(win, "committee")
    if scroll is not None:
        scroll.verticalScrollBar().setValue(0)
    win.select_loan(mulei.id)
    ready: list[bool] = []
    win.detail.schedule_ready.connect(lambda: ready.append(True))
    settle(app, lambda: bool(ready), 10)
    for index, name in ((1, "schedule"), (2, "collateral"), (3, "classification"), (4, "history")):
        win.detail.tabs.setCurrentIndex(index)
        shot(win, name)
    win.detail.tabs.setCurrentIndex(0)
    editor = LoanDialog(db, officer, get_loan_terms(db, mulei.id), win)
    editor.resize(1100, 760)
    editor.show()
    editor.tabs.setCurrentWidget(editor.schedule_page)
    settle(app, lambda: editor.preview.shown == editor.preview.requested, 10)
    shot(editor, "loan-editor-schedule")
    editor.reject()
    picker = CataloguePicker(win, "2019:3.2.2")
    picker.search.setText("储能")
    picker.show()
    shot(picker, "catalogue-picker")
    picker.reject()
    win.show_dashboard()
    dashboard = win.dashboard
    assert dashboard is not None
    dashboard.resize(*SIZE)
    settle(app, lambda: None not in (dashboard.summary, dashboard.pipeline), 60)
    shot(dashboard, "dashboard")
    tabs = dashboard.findChild(QTabWidget, "chartTabs")
    for page, name in (
        ("emissionsPage", "dashboard-emissions"),
        ("libraryPage", "dashboard-libraries"),
    ):
        tabs.setCurrentWidget(tabs.findChild(QWidget, page))  # emissions: read when shown
        settle(app, lambda: dashboard.emissions is not None, 60)
        shot(dashboard, name)
    dashboard.close()
    win.close()
    db.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
