"""The 100,000-loan benchmark database on PostgreSQL, built once and kept between runs.

A private cluster (``initdb --encoding=UTF8 --locale=C.UTF-8``, so pg_trgm indexes Chinese, as
the test set-up's server) lives in a folder keyed like the SQLite one (generator version,
seed, sizes, schema revision); each run starts it on a free loopback port and stops it after.
Under root the server runs as the ``postgres`` OS user, so the folder is under /var/tmp there.
The audit events are copied in with ``loan_id`` set, ten per loan, as on SQLite.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from tests.bench.portfolio_db import SEED, cache_path, sizes

PG_USER = "postgres"
DB_NAME = "bench"


def _bin_dir() -> Path:
    found = [
        (int(c.parent.name), c)
        for c in Path("/usr/lib/postgresql").glob("*/bin")
        if re.fullmatch(r"\d+", c.parent.name) and (c / "pg_ctl").exists()
    ]
    if not found:
        raise RuntimeError("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin")
    return max(found)[1]


def _as_pg(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", PG_USER, "--", *cmd] if os.geteuid() == 0 else cmd


def _folder() -> Path:
    base = (
        Path("/var/tmp/greendesk-bench")
        if os.geteuid() == 0
        else Path(platformdirs.user_cache_dir("GreenDesk", appauthor=False)) / "bench"
    )
    return base / cache_path().with_suffix("").name.replace("portfolio-", "pg-")


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-2000:]}")


def _add_events(url: str, loans: int, events: int) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        first = conn.execute("SELECT min(id) FROM loans").fetchone()[0]  # type: ignore[index]
        offset = conn.execute("SELECT coalesce(max(seq), 0) FROM audit_events").fetchone()[0]  # type: ignore[index]
        start = datetime(2026, 1, 1, tzinfo=UTC).isoformat(sep=" ")
        columns = ("seq, occurred_at, actor, action, entity_type, entity_id, before_json, "
                   "after_json, prev_hash, hash, loan_id")  # fmt: skip
        with conn.cursor() as cur, cur.copy(f"COPY audit_events ({columns}) FROM STDIN") as copy:
            for seq in range(1, events + 1):
                loan = first + (seq - 1) % loans
                kind = "loan" if seq % 3 else "pledge"
                after = json.dumps({"loan_id": loan, "status": "draft"}, separators=(",", ":"))
                entity = str(loan) if kind == "loan" else str(seq)
                copy.write_row((offset + seq, start, "bench", f"{kind}.update", kind, entity,
                                None, after, "0" * 64, f"{offset + seq:064x}", loan))  # fmt: skip
        conn.execute("ANALYZE")


def _wait_for_other_build(building: Path, ready: Path, limit_s: int = 3600) -> None:
    """Another process building this database (``python tests/bench/pg_db.py`` started ahead
    of ``make bench``): wait for it rather than start over on its folder."""
    waited = 0
    while building.exists() and not ready.exists() and waited < limit_s:
        try:
            os.kill(int(building.read_text(encoding="utf-8")), 0)
        except (ProcessLookupError, ValueError):
            return  # it died: build anew
        time.sleep(10)
        waited += 10


_FACET_TABLES = ("loans", "loan_use_of_proceeds")


def _bulk(db: Any, load: Callable[[], object]) -> None:
    """Load with the facet triggers off, then rebuild loan_facets / loan_search in one statement
    and the trigram index after it (row by row, each trigger's refresh reads the facet view:
    100,000 loans took well over a quarter of an hour). The same rows as the triggers make."""
    with db.engine.begin() as conn:
        for name in _FACET_TABLES:
            conn.exec_driver_sql(f"ALTER TABLE {name} DISABLE TRIGGER USER")
        conn.exec_driver_sql("DROP INDEX loan_search_trgm")
    try:
        load()
        with db.engine.begin() as conn:
            conn.exec_driver_sql("SELECT greendesk_refresh_facets(ARRAY(SELECT id FROM loans))")
    finally:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE INDEX IF NOT EXISTS loan_search_trgm ON loan_search "
                "USING gin (search_text gin_trgm_ops)"
            )
            for name in _FACET_TABLES:
                conn.exec_driver_sql(f"ALTER TABLE {name} ENABLE TRIGGER USER")
            conn.exec_driver_sql("ANALYZE")


@contextmanager
def pg_bench_database() -> Iterator[tuple[str, str]]:
    """(URL of the 100,000-loan PostgreSQL database, how it was obtained); server stopped after."""
    from greendesk.services.synthetic import generate_portfolio
    from greendesk.store.database import open_database

    bin_dir, folder = _bin_dir(), _folder()
    data, log, ready = folder / "data", folder / "server.log", folder / "READY"
    _wait_for_other_build(folder / "BUILDING", ready)
    how = f"cached {folder}"
    if not ready.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        if os.geteuid() == 0:
            entry = pwd.getpwnam(PG_USER)
            for path in (folder.parent, folder):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        (folder / "BUILDING").write_text(str(os.getpid()), encoding="utf-8")
        _run(_as_pg([str(bin_dir / "initdb"), "-D", str(data), "-U", PG_USER, "-A", "trust",
                     "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]))  # fmt: skip
        how = ""
    port = _port()
    options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")  # fmt: skip
    _run(_as_pg([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w",
                 "start"]))  # fmt: skip
    url = f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/{DB_NAME}"
    try:
        if not how:
            started = time.perf_counter()
            _run(_as_pg([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U",
                         PG_USER, DB_NAME]))  # fmt: skip
            loans, events = sizes()
            db = open_database(url)
            try:
                _bulk(db, lambda: generate_portfolio(db, loans, seed=SEED))
            finally:
                db.dispose()
            _add_events(url, loans, events)
            ready.write_text(url, encoding="utf-8")
            (folder / "BUILDING").unlink(missing_ok=True)
            how = f"built {folder} in {time.perf_counter() - started:.0f} s"
        yield url, how
    finally:
        subprocess.run(_as_pg([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                               "stop"]), capture_output=True, check=False)  # fmt: skip


if __name__ == "__main__":
    with pg_bench_database() as (_url, how):
        print(how)
