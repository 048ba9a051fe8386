"""Databases GreenDesk must refuse, with a clear message and without writing anything."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from greendesk.domain.errors import UserError
from greendesk.store import migrate
from greendesk.store.database import database_status, open_database


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("客户经理的笔记 — not a database\n" * 50, encoding="utf-8")
    before = _snapshot(tmp_path)
    with pytest.raises(UserError, match="not a SQLite database"):
        open_database(f"sqlite:///{path}")
    assert _snapshot(tmp_path) == before  # no journal, no WAL, no change


def test_another_applications_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('张三')")
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(UserError, match=r"not a GreenDesk database .*customers"):
        open_database(f"sqlite:///{path}")
    assert _snapshot(tmp_path) == before


def test_another_applications_database_is_refused_on_both_backends(db_url: str) -> None:
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(50))"))
    engine.dispose()
    with pytest.raises(UserError, match="not a GreenDesk database"):
        open_database(db_url)
    assert _tables(db_url) == {"customers"}  # nothing created beside it
    with pytest.raises(UserError, match="not a GreenDesk database"):
        database_status(db_url)


def test_a_newer_schema_is_refused_on_both_backends(db_url: str) -> None:
    open_database(db_url).dispose()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    with pytest.raises(UserError, match=r"9999_from_the_future, newer than this GreenDesk"):
        open_database(db_url)
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "9999_from_the_future"
        )
    engine.dispose()


def test_a_newer_schema_leaves_the_sqlite_file_byte_for_byte(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    open_database(url).dispose()
    with sqlite3.connect(tmp_path / "desk.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(UserError, match="newer than this GreenDesk"):
        open_database(url)
    assert _snapshot(tmp_path) == before


def test_a_missing_folder_is_refused_and_not_created(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        open_database(f"sqlite:///{tmp_path / 'no' / 'such' / 'greendesk.db'}")
    assert not (tmp_path / "no").exists()


def test_unsupported_or_malformed_urls_are_user_errors() -> None:
    with pytest.raises(UserError, match="SQLite or PostgreSQL only"):
        open_database("mysql://root@localhost/bank")
    with pytest.raises(UserError, match="not a database URL"):
        open_database("just some words")


def test_an_unreachable_server_is_a_user_error() -> None:
    port = _closed_port()
    with pytest.raises(UserError, match="cannot open the database"):
        open_database(f"postgresql+psycopg://postgres@127.0.0.1:{port}/greendesk")


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a GreenDesk database, on a read-only mount (so even root cannot write).

    Root ignores permission bits, so under root the folder is bind-mounted read-only; as an
    ordinary user, permission bits do the job.
    """
    source = tmp_path / "source"
    source.mkdir()
    open_database(f"sqlite:///{source / 'desk.db'}").dispose()
    if os.geteuid() != 0:
        (source / "desk.db").chmod(0o444)
        source.chmod(0o555)
        try:
            yield source
        finally:
            source.chmod(0o755)
        return
    target = tmp_path / "mounted"
    target.mkdir()
    for cmd in (
        ["mount", "--bind", str(source), str(target)],
        ["mount", "-o", "remount,bind,ro", str(target)],
    ):
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            subprocess.run(["umount", str(target)], capture_output=True, check=False)
            pytest.fail(f"cannot make a read-only mount for the test: {result.stderr}")
    try:
        yield target
    finally:
        subprocess.run(["umount", str(target)], capture_output=True, check=True)


def test_a_read_only_database_file_is_refused(read_only_folder: Path) -> None:
    before = _snapshot(read_only_folder)
    with pytest.raises(UserError, match="read-only"):
        open_database(f"sqlite:///{read_only_folder / 'desk.db'}")
    assert _snapshot(read_only_folder) == before


def test_a_new_database_in_a_read_only_folder_is_refused(read_only_folder: Path) -> None:
    with pytest.raises(UserError, match="read-only"):
        open_database(f"sqlite:///{read_only_folder / 'new.db'}")
    assert not (read_only_folder / "new.db").exists()


def test_the_command_line_exits_2_with_the_message(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(2000))
    result = subprocess.run(
        [sys.executable, "-m", "greendesk", "db", "upgrade", "--db", f"sqlite:///{path}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("greendesk: ")
    assert "not a SQLite database" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == b"\xff\xd8\xff\xe0" + bytes(2000)


def test_status_reads_without_creating(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'later.db'}"
    status = database_status(url)
    assert (status.exists, status.revision) == (False, None)
    assert not (tmp_path / "later.db").exists()
    open_database(url).dispose()
    status = database_status(url)
    assert status.exists and status.revision == migrate.head_revision() and status.up_to_date


def _closed_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
