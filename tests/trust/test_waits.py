"""Waiting for another process's write: readers never wait, writers say so and fail cleanly.

A real child process holds the write lock (SQLite's, or the chain head's row lock on PostgreSQL)
until the test lets it go; the readers and writers are real ``greendesk`` processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from greendesk.domain.errors import UserError
from greendesk.services import audit
from greendesk.store.database import Database, DatabaseBusy, open_database
from greendesk.store.models import ReferencePrice
from tests.trust.conftest import PASSWORD, Team, make_loan

ROOT = Path(__file__).resolve().parents[2]


class Holder:
    """A child process in the middle of a long write, until ``release()``."""

    def __init__(self, url: str, folder: Path) -> None:
        self.marker = folder / "holding"
        self.release_file = folder / "release"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.trust._child", "hold", url, str(self.marker),
             str(self.release_file)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 120  # float-ok: a wait limit, not an assertion on speed
        while not self.marker.exists():
            if self.proc.poll() is not None:
                raise AssertionError(self.proc.stderr.read() if self.proc.stderr else "")
            assert time.monotonic() < deadline, "the holder never took the lock"
            time.sleep(0.05)

    def release(self) -> None:
        self.release_file.write_text("go")
        _out, err = self.proc.communicate(timeout=120)
        assert self.proc.returncode == 0, err


@pytest.fixture
def holder(team: Team, db_url: str, tmp_path: Path) -> Iterator[Holder]:
    """Started once the team is saved: from here on another process is writing."""
    held = Holder(db_url, tmp_path)
    try:
        yield held
    finally:
        if held.proc.poll() is None:
            held.release()


def greendesk(url: str, *args: str, wait: int = 60) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "GREENDESK_DB": url,
        "GREENDESK_PASSWORD": PASSWORD,
        "GREENDESK_WRITE_WAIT": str(wait),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "greendesk", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=180)
    return proc.returncode, out, err


def test_readers_do_not_wait_for_a_long_write_in_another_process(
    database: Database, db_url: str, team: Team, holder: Holder
) -> None:
    for args in (("loans",), ("audit", "verify"), ("prices", "list"), ("db", "current")):
        code, _out, err = finished(greendesk(db_url, *args, wait=1))
        assert code == 0, f"{args}: {err}"
        assert "locked" not in err and "waiting" not in err
    holder.release()


def test_a_writer_that_must_wait_says_so_then_fails_cleanly_past_its_limit(
    database: Database, db_url: str, team: Team, holder: Holder
) -> None:
    code, _out, err = finished(
        greendesk(db_url, "prices", "add", "CEA", "2026-01-05", "72.50", "--as", "admin", wait=1)
    )
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert "waiting for another process" in lines[0] and "up to 1 s" in lines[0]
    assert "busy" in lines[1] and "nothing was saved" in lines[1], err
    assert "Traceback" not in err and "OperationalError" not in err
    holder.release()
    with database.session() as session:
        assert session.execute(select(ReferencePrice.id)).first() is None


def test_a_writer_that_waits_goes_on_once_the_other_write_commits(
    database: Database, db_url: str, team: Team, holder: Holder
) -> None:
    proc = greendesk(db_url, "prices", "add", "CEA", "2026-01-05", "72.50", "--as", "admin")
    assert proc.stderr is not None
    notice = proc.stderr.readline()  # blocks until the writer says it waits
    assert "waiting for another process" in notice
    holder.release()
    code, out, err = finished(proc)
    assert code == 0, err
    assert "added price" in out
    with database.session() as session:
        assert len(session.execute(select(ReferencePrice.id)).all()) == 1
    assert audit.verify(database).ok


def test_an_open_database_whose_write_must_wait_raises_a_user_error(
    database: Database, db_url: str, team: Team, holder: Holder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case of a command that had opened the database before the other write began."""
    monkeypatch.setenv("GREENDESK_WRITE_WAIT", "1")
    with pytest.raises(DatabaseBusy, match="nothing was saved") as caught:
        make_loan(database, team.officer, reference="GD-WAITED")
    assert isinstance(caught.value, UserError)
    holder.release()
    reopened = open_database(db_url)
    try:
        assert audit.verify(reopened).ok
    finally:
        reopened.dispose()
