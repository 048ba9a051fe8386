"""The 100,000-loan benchmark database, built once and cached outside the repository.

Building it takes minutes (the synthetic book, then a million audit events), so the file is
kept under the user's cache directory, keyed by the generator version, the seed, the size and
the schema revision: a change to any of them builds a new one. ``GREENDESK_BENCH_LOANS`` and
``GREENDESK_BENCH_EVENTS`` set the sizes (defaults 100,000 and 1,000,000).

The audit events are bulk-inserted with ``loan_id`` set as ``services.audit.record`` sets it,
ten per loan; their hashes are placeholders (the chain is not what is measured here).
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = 1


def sizes() -> tuple[int, int]:
    loans = int(os.environ.get("GREENDESK_BENCH_LOANS", "100000"))
    events = int(os.environ.get("GREENDESK_BENCH_EVENTS", "1000000"))
    return loans, events


def cache_path() -> Path:
    from greendesk.services.synthetic import GENERATOR_VERSION
    from greendesk.store import migrate

    loans, events = sizes()
    folder = Path(platformdirs.user_cache_dir("GreenDesk", appauthor=False)) / "bench"
    name = (
        f"portfolio-g{GENERATOR_VERSION}-s{SEED}-n{loans}-e{events}-r{migrate.head_revision()}.db"
    )
    return folder / name


def _add_events(path: Path, loans: int, events: int) -> None:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        first = con.execute("SELECT min(id) FROM loans").fetchone()[0]
        # generate-portfolio writes its own audit event(s): number the bulk ones after them
        offset = con.execute("SELECT coalesce(max(seq), 0) FROM audit_events").fetchone()[0]
        start = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None).isoformat(sep=" ")
        con.execute("BEGIN")
        chunk: list[tuple[object, ...]] = []
        for seq in range(1, events + 1):
            loan = first + (seq - 1) % loans
            kind = "loan" if seq % 3 else "pledge"
            after = json.dumps({"loan_id": loan, "status": "draft"}, separators=(",", ":"))
            entity = str(loan) if kind == "loan" else str(seq)
            chunk.append((offset + seq, start, "bench", f"{kind}.update", kind, entity, None, after,
                          "0" * 64, f"{seq:064x}", loan))  # fmt: skip
            if len(chunk) == 20_000:
                con.executemany(
                    "INSERT INTO audit_events (seq, occurred_at, actor, action, entity_type, "
                    "entity_id, before_json, after_json, prev_hash, hash, loan_id) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    chunk,
                )
                chunk.clear()
        if chunk:
            con.executemany(
                "INSERT INTO audit_events (seq, occurred_at, actor, action, entity_type, "
                "entity_id, before_json, after_json, prev_hash, hash, loan_id) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                chunk,
            )
        con.execute("COMMIT")
    finally:
        con.close()


def bench_database() -> tuple[str, str]:
    """(SQLite URL of the cached database, how it was obtained) — built if missing."""
    from greendesk.services.synthetic import generate_portfolio
    from greendesk.store.database import open_database

    path = cache_path()
    if path.exists():
        return f"sqlite:///{path}", f"cached {path}"
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for stale in path.parent.glob(building.name + "*"):
        stale.unlink()
    loans, events = sizes()
    started = time.perf_counter()
    db = open_database(f"sqlite:///{building}")
    try:
        generate_portfolio(db, loans, seed=SEED)
    finally:
        db.dispose()
    _add_events(building, loans, events)
    building.rename(path)
    took = time.perf_counter() - started
    return f"sqlite:///{path}", f"built {path} in {took:.0f} s"


if __name__ == "__main__":
    print(bench_database()[1])
