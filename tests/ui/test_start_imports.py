"""What the desk's start imports: the window opens without the report engines, Alembic, the
editors, the backup service and Qt Charts (each is loaded when first used), and the layers below
Qt are loaded before PySide6 (whose import hook reads the source of every module imported after
it, PYSIDE-2029). A fresh process, started as ``greendesk`` starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from greendesk.store.database import Database

START = """
import json, sys
from greendesk.cli import build_parser

build_parser()
from greendesk.ui.app import make_application

from greendesk.domain.roles import Principal
from greendesk.services import auth
from greendesk.services.seeding import open_desk
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings

app = make_application([sys.argv[0]])
db = open_desk(sys.argv[1])
info = auth.user_info(db, "officer")
window = MainWindow(db, Principal(info.id, info.username, info.display_name, info.role),
                    Settings(), "en")
window.show()
while window.model.rowCount() == 0:
    app.processEvents()
app.processEvents()
names = list(sys.modules)
first_qt = next(i for i, name in enumerate(names) if name.startswith("PySide6"))
print(json.dumps({
    "after_qt": [n for n in names[first_qt:] if n.startswith(("sqlalchemy", "greendesk.store"))],
    "engines": sorted({n.split(".")[0] for n in names}
                      & {"openpyxl", "reportlab", "alembic", "numpy", "mako"}),
    "late": sorted(set(names) & {"greendesk.ui.dialogs.loan", "greendesk.ui.dialogs.export",
                                 "greendesk.ui.dialogs.memo", "greendesk.services.backup",
                                 "greendesk.ui.views.dashboard", "PySide6.QtCharts"}),
    "rows": window.model.rowCount(),
}))
window.close()
db.dispose()
"""


def test_the_window_starts_without_engines_and_loads_the_store_before_qt(
    db: Database, tmp_path: Path
) -> None:
    home = str(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home, "XDG_CONFIG_HOME": home}
    done = subprocess.run(
        [sys.executable, "-c", START, db.url],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["rows"] > 0
    assert seen["engines"] == []
    assert seen["late"] == []  # editors, reports, backups, charts: loaded when first used
    assert seen["after_qt"] == []


DIALOGS = """
import json, sys
from greendesk.ui.app import make_application
from greendesk.ui.main_window import MainWindow
import greendesk.ui.dialogs.cerf_report, greendesk.ui.dialogs.export, greendesk.ui.dialogs.memo

print(json.dumps(sorted({n.split(".")[0] for n in sys.modules}
                        & {"openpyxl", "reportlab", "numpy", "PIL"})))
"""


def test_the_report_dialogs_leave_the_engines_to_their_worker() -> None:
    """Opening the memo, export or disclosure dialog imports no report engine on the GUI
    thread (about 0.2–0.3 s each the first time): the worker that writes the file does."""
    done = subprocess.run(
        [sys.executable, "-c", DIALOGS],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=True,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
