"""Shared fixtures: real SQLite files and a real PostgreSQL server started for the test session.

``db_url`` runs a test once on SQLite and once on PostgreSQL (the second marked ``postgres``).
The PostgreSQL server is initdb'd (UTF-8, locale C.UTF-8) into a temporary folder and started on
a free loopback port with ``pg_ctl``; PostgreSQL refuses to run as root, so under root it runs as
the ``postgres`` OS user (``runuser -u postgres --``). If it cannot start, every test that needs
it fails with the server's log — never a skip.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from greendesk.store.database import Database, open_database

# CI replays the same examples on every run (a property failure there is reproducible, not a
# coin toss); developers' runs keep exploring new random examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

PG_USER = "postgres"


def _pg_bin_dir() -> Path:
    """The newest installed PostgreSQL's bin folder (/usr/lib/postgresql/<major>/bin)."""
    found: list[tuple[int, Path]] = []
    for candidate in Path("/usr/lib/postgresql").glob("*/bin"):
        if re.fullmatch(r"\d+", candidate.parent.name) and (candidate / "pg_ctl").exists():
            found.append((int(candidate.parent.name), candidate))
    if not found:
        pytest.fail("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin")
    return max(found)[1]


def _fast_tmp() -> str | None:
    """A memory-backed folder when there is room (a throw-away cluster needs no disk), else TMP."""
    shm = Path("/dev/shm")
    try:
        usage = shutil.disk_usage(shm)
    except OSError:
        return None
    return str(shm) if usage.free > 512 * 1024 * 1024 and os.access(shm, os.W_OK) else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class PgServer:
    port: int
    folder: Path

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=PG_USER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)


def _as_pg_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", PG_USER, "--", *cmd] if os.geteuid() == 0 else cmd


def _run(cmd: list[str], log: Path | None = None) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        server_log = log.read_text(errors="replace") if log and log.exists() else ""
        pytest.fail(
            f"PostgreSQL set-up failed: {' '.join(cmd)} exited {result.returncode}\n"
            f"{result.stdout}\n{result.stderr}\n{server_log}"
        )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A private PostgreSQL server for this test session, on 127.0.0.1, trust authentication."""
    bin_dir = _pg_bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="greendesk-pg-", dir=_fast_tmp()))
    if os.geteuid() == 0:
        entry = pwd.getpwnam(PG_USER)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    folder.chmod(0o700)
    data, log = folder / "data", folder / "server.log"
    port = _free_port()
    _run(
        _as_pg_user(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                PG_USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                # a UTF-8 character classification (glibc's C.UTF-8 classes CJK characters as
                # letters), so pg_trgm indexes Chinese words; collation stays code-point order
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
    )
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal "
        "-c max_wal_senders=0 -c checkpoint_timeout=1h"
    )
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w"]
    _run(_as_pg_user([*start, "start"]), log)
    try:
        yield PgServer(port, folder)
    finally:
        subprocess.run(
            _as_pg_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite file URL in the test's own folder (the file does not exist yet)."""
    return f"sqlite:///{tmp_path / 'greendesk.db'}"


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for this test, dropped afterwards."""
    name = f"gd_{uuid.uuid4().hex[:16]}"
    pg_server.admin(f'CREATE DATABASE "{name}" STRATEGY = FILE_COPY')
    try:
        yield pg_server.url(name)
    finally:
        pg_server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """The same test on a new SQLite file and on a new PostgreSQL database."""
    fixture = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """An opened, migrated, empty GreenDesk database on each backend."""
    db = open_database(db_url)
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture(scope="session", autouse=True)
def _session_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Session-wide fixtures write audit anchors into a throw-away folder, never ~/.local."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-session")))
        yield


@pytest.fixture(autouse=True)
def _own_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test gets its own user data folder (audit anchors are written there), never ~/.local."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
