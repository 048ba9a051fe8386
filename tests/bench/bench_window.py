"""Window start: a new process opening the desk's main window on the 100,000-loan database
until its first rows are on screen, against a bare PySide6 window (a QMainWindow with a
50-row table) started the same way, interleaved, in the same run.

Each start is a child process (this file with ``--child``), timed by the parent from spawning
it to the child's "shown" line (interpreter start, imports, opening and migrating-check of
the database, the window, the first block of rows painted); the child's peak RSS rides along.
The child imports as the ``greendesk`` command does (greendesk.cli and its parser, then
greendesk.ui.app) and starts as ``run_app`` does (log, application, translator, database, main
window); the log-in dialog is left out (a person types there): the window opens as an analyst.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REPEAT = 5


def _start(kind: str, url: str, home: str) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home,
           "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home, "XDG_STATE_HOME": home}  # fmt: skip
    # as installed: bytecode cached (the warm-up start writes it); with
    # PYTHONDONTWRITEBYTECODE set (this sandbox sets it) every start would compile every module
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert child.stdout is not None
    line = child.stdout.readline()
    took = time.perf_counter() - started
    _out, err = child.communicate(timeout=120)
    if not line.startswith("{"):
        raise RuntimeError(f"window child {kind} failed: {line}{err[-3000:]}")
    return took, float(json.loads(line)["peak_mb"])


def run() -> list[str]:
    from tests.bench import table
    from tests.bench.portfolio_db import bench_database

    url, _how = bench_database()
    _bench_user(url)
    mine: list[float] = []
    bare: list[float] = []
    peaks: list[float] = []
    with tempfile.TemporaryDirectory(prefix="gd-window-") as home:
        _start("desk", url, home)  # warm the page cache and the bytecode
        _start("bare", url, home)
        for _ in range(REPEAT):
            took, peak = _start("desk", url, home)
            mine.append(took)
            peaks.append(peak)
            bare.append(_start("bare", url, home)[0])
    row = table.add(
        table.Row(
            path="window: process start -> first rows (100,000 loans)", backend="sqlite",
            unit="s", mine=table.spread(mine), peer_name="bare PySide6 window, 50 rows",
            peer=statistics.median(bare), peak_mb=max(peaks), peak_kind="RSS",
            target="< 1.5 s",
        )
    )  # fmt: skip
    low, mid, high = row.mine
    return [
        f"window start to first rows: {low:.2f} / {mid:.2f} / {high:.2f} s (min / median / max "
        f"of {REPEAT}), peak RSS {max(peaks):.0f} MB; bare PySide6 window "
        f"{min(bare):.2f} / {statistics.median(bare):.2f} / {max(bare):.2f} s"
    ]


BENCH_USER = "benchanalyst"


def _bench_user(url: str) -> None:
    """An analyst to open the window as (the synthetic book has no users). Written directly:
    the bulk audit events of the bench database sit outside the hash chain's head, so the
    audited service would refuse; nobody logs in as this user (no usable password hash)."""
    import sqlite3

    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        con.execute(
            "INSERT INTO users (username, display_name, role, password_hash, active, created_at) "
            "SELECT ?, ?, 'analyst', '!', 1, '2026-01-01 00:00:00.000000' "
            "WHERE NOT EXISTS (SELECT 1 FROM users WHERE username = ?)",
            (BENCH_USER, "Bench analyst", BENCH_USER),
        )
        con.commit()
    finally:
        con.close()


# ---- child processes ----------------------------------------------------------------------
def _child_desk(url: str) -> None:
    # the modules in the order the ``greendesk`` command loads them: greendesk.cli and its
    # parser (every subcommand module), then greendesk.ui.app (the services, then PySide6)
    from greendesk.cli import build_parser

    build_parser()
    from greendesk.ui.app import make_application  # first: it orders the desk's own imports

    # isort: split
    from PySide6.QtWidgets import QApplication

    from greendesk.domain.roles import Principal
    from greendesk.services import auth
    from greendesk.services.seeding import open_desk
    from greendesk.ui.i18n import Translations
    from greendesk.ui.logs import setup_logging
    from greendesk.ui.main_window import MainWindow
    from greendesk.ui.settings import Settings

    setup_logging()  # as run_app starts: the log, the application, its translator, the database
    app = make_application([sys.argv[0]])
    language = Translations(app).use("zh_CN")
    db = open_desk(url)
    info = auth.user_info(db, BENCH_USER)
    actor = Principal(info.id, info.username, info.display_name, info.role)
    window = MainWindow(db, actor, Settings(), language)
    window.show()
    while window.model.rowCount() == 0 or window.model.data(window.model.index(0, 0)) in (
        None,
        "",
    ):
        QApplication.processEvents()
        time.sleep(0.002)
    window.table.viewport().repaint()  # the first rows painted
    _shown()
    window.close()
    db.dispose()
    app.quit()


def _child_bare() -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    model = QStandardItemModel(50, 8)
    for r in range(50):
        for c in range(8):
            model.setItem(r, c, QStandardItem(f"SYN1-{r:06d}/{c}"))
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1440, 900)
    window.show()
    QApplication.processEvents()
    view.viewport().repaint()
    _shown()
    app.quit()


def _shown() -> None:
    from tests.bench.table import own_peak_rss_mb

    # the CPU time too: on a shared machine it varies less than the wall time
    print(json.dumps({"peak_mb": own_peak_rss_mb(), "cpu_s": time.process_time()}), flush=True)


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    if sys.argv[2] == "desk":
        _child_desk(sys.argv[3])
    else:
        _child_bare()
elif __name__ == "__main__":
    for text in run():
        print(text)
