"""A write on a worker thread that waits for another process says so in the progress dialog."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from greendesk.store.database import open_database
from greendesk.ui.workers import Progress
from tests.trust.test_waits import Holder
from tests.ui.test_workers import _host


def test_a_waiting_write_shows_it_in_the_progress_dialog(
    qtbot: QtBot, desk_app: object, sqlite_url: str, tmp_path: Path
) -> None:
    db = open_database(sqlite_url)
    holder = Holder(sqlite_url, tmp_path)  # another process is in the middle of a write
    try:
        _host_widget, tasks = _host(qtbot)

        def work(_progress: Progress) -> str:
            with db.session(write=True) as session:
                session.execute(text("SELECT 1"))  # the unit's first statement takes the lock
                return "written"

        results: list[str] = []
        task = tasks.run(work, results.append, label="Saving")
        qtbot.waitUntil(
            lambda: (
                task.dialog is not None and "waiting for another process" in task.dialog.labelText()
            ),
            timeout=20_000,
        )
        holder.release()
        qtbot.waitUntil(lambda: results == ["written"], timeout=20_000)
    finally:
        if holder.proc.poll() is None:
            holder.release()
        db.dispose()
