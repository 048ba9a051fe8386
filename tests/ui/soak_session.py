"""A loan officer's working day, compressed: run as a separate process by ``test_soak.py``.

It drives the real desk (``Desk`` → ``MainWindow``) offscreen on a freshly seeded SQLite file:
thousands of loan selections across every detail tab, the loan editor opened and closed, a
language switch and the memo preview. A Qt binding that leaks or frees references (PySide6
6.12.0 on Python 3.11 frees ``None`` once per call of a Qt method returning nothing, until the
interpreter aborts with ``none_dealloc``) kills this process, or shows as a falling
``sys.getrefcount(None)``; the parent test sees either. It prints one JSON line with what it saw.

Usage: ``python -m tests.ui.soak_session DB_FOLDER [SELECTIONS] [EDITOR_CYCLES]``
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PySide6.QtCore import QEvent, QEventLoop
from PySide6.QtWidgets import QApplication, QDialog

from greendesk.services import auth
from greendesk.services.records.borrowers import list_borrowers
from greendesk.services.seeding import seed_demo
from greendesk.store.database import open_database
from greendesk.ui.app import Desk, make_application
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.dialogs.memo import MemoDialog
from greendesk.ui.i18n import Translations
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import syndicated_loan

# On 3.12+ None is immortal (PEP 683): its count is a fixed sentinel and cannot fall.
NONE_IS_IMMORTAL = sys.version_info >= (3, 12)
DRAIN_EVERY = 25  # selections between waits for the detail's background work


def none_count() -> int:
    gc.collect()
    return sys.getrefcount(None)


def pump(app: QApplication, until: float = 0.0) -> None:
    """Process events (and queued worker results) for at least ``until`` seconds.

    Outside ``exec()`` Qt never runs deferred deletions (``deleteLater``, a dialog closing with
    ``WA_DeleteOnClose``), which the running desk's event loop does; they are run here too.
    """
    deadline = time.monotonic() + until
    while True:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if time.monotonic() >= deadline:
            return


def drain(app: QApplication, window: MainWindow, limit: float = 30.0) -> None:
    """Wait until the window's background tasks have all reported back."""
    deadline = time.monotonic() + limit
    while window.tasks.running and time.monotonic() < deadline:
        window.tasks.pool.waitForDone(50)
        pump(app)
    if window.tasks.running:
        raise SystemExit(f"background work still running after {limit} s")


def select_through(app: QApplication, window: MainWindow, count: int, start: int) -> int:
    """Select ``count`` loans one after another, each on the next detail tab.

    As an officer holding the arrow key down: events (painting, worker results) are processed
    every ``DRAIN_EVERY`` selections, when the background work of the last ones has finished.
    """
    rows = window.model.rowCount()
    tabs = window.detail.tabs
    visible = [i for i in range(tabs.count()) if tabs.isTabVisible(i)]
    for step in range(count):
        n = start + step
        tabs.setCurrentIndex(visible[n % len(visible)])
        window.table.selectRow(n % rows)
        if (step + 1) % DRAIN_EVERY == 0:
            drain(app, window)
    drain(app, window)
    return start + count


def editor_cycles(app: QApplication, window: MainWindow, cycles: int) -> int:
    """Open the loan editor on an editable loan and close it, ``cycles`` times."""
    editable = [
        row
        for row in range(window.model.rowCount())
        if window.select_loan(window.model.loan_id(row))
        and window.action("actionEditLoan").isEnabled()
    ]
    if not editable:
        raise SystemExit("no loan the officer may edit")
    opened = 0
    for n in range(cycles):
        window.table.selectRow(editable[n % len(editable)])
        pump(app)
        window.action("actionEditLoan").trigger()
        dialog = window.commands.dialog
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            raise SystemExit(f"the loan editor did not open (cycle {n})")
        pump(app)
        dialog.reject()  # the desk deletes a closed dialog itself
        pump(app)
        opened += 1
    drain(app, window)
    pump(app)
    return opened


def memo_preview(app: QApplication, window: MainWindow) -> int:
    """Open the memo preview, wait for the rendered PDF, close it; the number of pages shown."""
    window.action("actionMemo").trigger()
    dialog = window.commands.dialog
    if not isinstance(dialog, MemoDialog):
        raise SystemExit("the memo preview did not open")
    rendered: list[bool] = []
    dialog.rendered.connect(lambda: rendered.append(True))
    deadline = time.monotonic() + 60
    while not rendered and time.monotonic() < deadline:
        pump(app, 0.05)
    if not rendered:
        raise SystemExit("the memo did not render within 60 s")
    pages = dialog.document.pageCount()
    if not dialog.pdf_bytes or pages < 1:
        raise SystemExit("the memo preview shows no pages")
    dialog.close()
    dialog.deleteLater()
    pump(app)
    return pages


def main(argv: list[str]) -> int:
    folder = Path(argv[1])
    selections = int(argv[2]) if len(argv) > 2 else 2000
    cycles = int(argv[3]) if len(argv) > 3 else 100
    url = f"sqlite:///{folder / 'soak.db'}"
    db = open_database(url)
    seed_demo(db)
    auth.ensure_demo_users(db)
    officer = auth.authenticate(db, "officer", auth.DEMO_PASSWORD)
    borrower = list_borrowers(db)[0].id
    syndicated_loan(db, officer, borrower)  # a draft to edit: the seeds are all submitted or later

    app = make_application(["soak"])
    settings = Settings(folder / "greendesk.ini")
    settings.language = "zh_CN"  # the session switches to English half-way
    translations = Translations(app)
    desk = Desk(app, db, url, settings, translations)
    desk.actor = officer
    window = desk.open_window()
    pump(app, 0.2)

    timings: dict[str, float] = {}
    clock = time.monotonic()
    done = select_through(app, window, 100, 0)  # warm-up: caches, translations, fonts
    baseline = none_count()
    lowest = baseline
    half = (selections - 100) // 2
    done = select_through(app, window, half, done)
    lowest = min(lowest, none_count())
    timings["selections_1"] = time.monotonic() - clock
    clock = time.monotonic()
    opened = editor_cycles(app, window, cycles)
    editors_left = len(window.findChildren(LoanDialog))  # each closed editor is deleted
    lowest = min(lowest, none_count())
    timings["editor"] = time.monotonic() - clock
    clock = time.monotonic()

    desk.switch_language("en")
    window = desk.window
    assert window is not None
    pump(app, 0.2)
    memo_pages = memo_preview(app, window)
    timings["language_and_memo"] = time.monotonic() - clock
    clock = time.monotonic()
    done = select_through(app, window, selections - done, done)
    timings["selections_2"] = time.monotonic() - clock
    final = none_count()
    lowest = min(lowest, final)

    window.close()
    pump(app)
    db.dispose()
    print(
        json.dumps(
            {
                "python": ".".join(map(str, sys.version_info[:3])),
                "none_immortal": NONE_IS_IMMORTAL,
                "selections": done,
                "editor_cycles": opened,
                "editors_left": editors_left,
                "language": desk.language,
                "memo_pages": memo_pages,
                "none_baseline": baseline,
                "none_lowest": lowest,
                "none_final": final,
                "pyside6": PySide6.__version__,
                "seconds": {k: round(v, 2) for k, v in timings.items()},
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
