"""The planner's statistics on a SQLite desk: a database that has never been analysed (an old
file, a bulk load without ANALYZE) has sqlite_stat1 after one desk session, and a busy database
never blocks or fails opening and closing for the sake of statistics."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from greendesk.services.portfolio import list_loan_ids
from greendesk.services.synthetic import generate_portfolio
from greendesk.store.database import open_database


def _stat_tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return set()
        return {t for (t,) in con.execute("SELECT DISTINCT tbl FROM sqlite_stat1")}
    finally:
        con.close()


def _without_stats(tmp_path: Path, loans: int = 40) -> Path:
    path = tmp_path / "desk.db"
    db = open_database(f"sqlite:///{path}")
    try:
        generate_portfolio(db, loans, seed=3, analyze=False)
    finally:
        db.dispose()
    con = sqlite3.connect(path)
    con.execute("DROP TABLE IF EXISTS sqlite_stat1")  # as an old desk file never analysed
    con.commit()
    con.close()
    assert _stat_tables(path) == set()
    return path


def test_a_desk_session_leaves_statistics_on_a_database_without_them(tmp_path: Path) -> None:
    path = _without_stats(tmp_path)
    db = open_database(f"sqlite:///{path}")
    try:
        assert len(list_loan_ids(db, search="SYN3")) == 40
    finally:
        db.dispose()
    found = _stat_tables(path)
    assert {"loans", "loan_facets", "pledges", "audit_events"} <= found


def test_an_empty_new_database_is_not_analysed_empty(tmp_path: Path) -> None:
    # statistics of empty tables would mislead the planner once loans arrive
    path = tmp_path / "new.db"
    open_database(f"sqlite:///{path}").dispose()
    assert _stat_tables(path) == set()


def test_statistics_never_wait_for_another_writer(tmp_path: Path) -> None:
    path = _without_stats(tmp_path, loans=5)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another desk is writing
    done = threading.Event()
    try:

        def session() -> None:
            db = open_database(f"sqlite:///{path}")
            try:
                list_loan_ids(db)
            finally:
                db.dispose()
            done.set()

        worker = threading.Thread(target=session)
        worker.start()
        worker.join(timeout=8)  # the busy timeout is 10 s: a wait would show here
        assert done.is_set()
        assert _stat_tables(path) == set()  # skipped, not half-written
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    db = open_database(f"sqlite:///{path}")
    db.dispose()
    assert "loans" in _stat_tables(path)
