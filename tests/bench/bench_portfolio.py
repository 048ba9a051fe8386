"""Looking across 100,000 loans: search, sort, filter, the dashboard and a loan's detail, on
SQLite and on PostgreSQL (tests/bench/pg_db.py).

Each path runs through the service (as the window and the CLI call it) and, as its peer in the
same run, the very SQL statements the service sent, replayed on a bare ``sqlite3`` (or
``psycopg``) connection — the raw query for the same rows, without GreenDesk around it. The two
are interleaved run by run (``table.paired``), so a burst of other work on the shared cores
falls on both. On SQLite, search has a second peer: the ``LIKE`` scan over the original columns
that the list used before the trigram index; the loan detail (1,000,000 audit events in the
trail) the old ``LIKE`` scan of the events' JSON. min / median / max of several runs, in ms;
results also go to bench/results.json under "portfolio_<backend>" and to the one table
(tests/bench/table.py). Budgets (issue 13): list paths under 100 ms and within 1.2x of the raw
query, the dashboard under 300 ms, the detail under 150 ms.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REPEAT = 7
RESULTS = ROOT / "bench" / "results.json"
_OLD_SEARCH = """
SELECT l.id FROM loans l JOIN borrowers b ON b.id = l.borrower_id
LEFT JOIN projects p ON p.id = l.project_id
WHERE l.id NOT IN (SELECT previous_id FROM loans WHERE previous_id IS NOT NULL)
AND (l.reference LIKE :p OR b.name LIKE :p OR b.credit_code LIKE :p OR p.name LIKE :p
     OR p.region LIKE :p OR b.region LIKE :p)
ORDER BY l.reference"""
_OLD_TRAIL = """
SELECT * FROM audit_events WHERE (entity_type = 'loan' AND entity_id = :id)
OR (entity_type IN ('pledge', 'vote', 'decision') AND (after_json LIKE :a OR after_json LIKE :b
    OR before_json LIKE :a OR before_json LIKE :b)) ORDER BY seq"""


def _caught(db: Any, call: Callable[[], object]) -> list[tuple[str, Any]]:
    from sqlalchemy import event

    statements: list[tuple[str, Any]] = []

    def listen(_c: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
        statements.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        call()
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    return [(s, p) for s, p in statements if not s.lstrip().upper().startswith(("BEGIN", "COMMIT"))]


def _raw_connection(url: str) -> Any:
    """A bare driver connection to the same database: sqlite3, or psycopg in autocommit."""
    if url.startswith("sqlite:"):
        return sqlite3.connect(url.removeprefix("sqlite:///"))
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def measure(url: str, backend: str, how: str) -> list[str]:
    """Every list path, the dashboard and the detail on one database: service vs same SQL."""
    from greendesk.domain.roles import SYSTEM
    from greendesk.services.loan_filter import LoanFilter
    from greendesk.services.portfolio import list_loan_ids
    from greendesk.services.portfolio_summary import portfolio_summary
    from greendesk.store.database import open_database
    from greendesk.ui.views.detail_data import load_detail
    from tests.bench import table

    db = open_database(url)
    raw = _raw_connection(url)
    lines = [
        f"{backend} database: {how}",
        f"load average {os.getloadavg()[0]:.1f} (2 cores shared)",
    ]
    results: dict[str, Any] = {}

    def replay(statements: list[tuple[str, Any]]) -> Callable[[], object]:
        def go() -> object:
            return [raw.execute(s, p).fetchall() for s, p in statements]

        return go

    def row(name: str, call: Callable[[], Any], budget: float, peers: dict[str, Any],
            peer_name: str = "raw same SQL") -> None:  # fmt: skip
        found = call()
        statements = _caught(db, call)
        mine, same = table.paired(call, replay(statements), REPEAT)
        entry: dict[str, Any] = {"service": _stats(mine), "raw_same_sql": _stats(same)}
        ratio = statistics.median(mine) / statistics.median(same)
        extra = ""
        for peer, fn in peers.items():
            _, times = table.paired(lambda: None, fn, 3)
            entry[peer] = _stats(times)
            extra += f"; {peer} {entry[peer]['median']:.1f}"
        rows = len(found) if isinstance(found, list) else "-"
        entry.update(rows=rows, ratio=round(ratio, 2), budget_ms=budget)
        results[name] = entry
        s = entry["service"]
        close = ratio <= 1.2 or s["median"] < 5 or budget >= 150  # a few ms: noise, no ratio
        verdict = "ok" if s["median"] < budget and close else "OVER"
        peer_median = statistics.median(same)
        if peer_name != "raw same SQL" and peers:  # the table's peer: the named one
            peer_median = entry[next(iter(peers))]["median"]
        table.add(
            table.Row(
                path=name, backend=backend, unit="ms", mine=table.spread(mine),
                peer_name=peer_name if peers or peer_name == "raw same aggregates"
                else "raw same SQL", peer=peer_median,
                peak_mb=table.heap_peak_mb(call), peak_kind="heap",
                target=f"< {budget:.0f} ms" + (", <= 1.2x" if budget < 150 else ""),
                note={"rows": rows, **{k: v["median"] for k, v in entry.items() if k in peers}},
            )
        )  # fmt: skip
        lines.append(
            f"{name:<34} {s['min']:7.1f} {s['median']:7.1f} {s['max']:7.1f} ms  raw same SQL "
            f"{entry['raw_same_sql']['median']:6.1f} ms  x{ratio:.2f}  rows {rows}{extra}  "
            f"[{verdict}: < {budget:.0f} ms]"
        )

    lines.append(f"{'path (service min / median / max)':<34}")
    sqlite = backend == "sqlite"

    def old_search(word: str) -> dict[str, Callable[[], object]]:
        if not sqlite:
            return {}
        return {"old LIKE scan": lambda: raw.execute(_OLD_SEARCH, {"p": f"%{word}%"}).fetchall()}

    row("search 新疆", lambda: list_loan_ids(db, search="新疆"), 100, old_search("新疆"))
    row("search 碳汇 新疆", lambda: list_loan_ids(db, search="碳汇 新疆"), 100, {})
    row("search 2019:3.2.2", lambda: list_loan_ids(db, search="2019:3.2.2"), 100,
        old_search("2019:3.2.2"))  # fmt: skip
    row("search SYN1-01234", lambda: list_loan_ids(db, search="SYN1-01234"), 100, {})
    for key in ("reference", "-amount", "borrower", "region", "classification", "maturity_date"):
        row(f"sort {key}", lambda k=key: list_loan_ids(db, order_by=k), 100,  # type: ignore[misc]
            {})  # fmt: skip
    green_xj = LoanFilter(classes=("green",), regions=("新疆",), collateral=("cea",))
    row("filter green+新疆+cea by -amount",
        lambda: list_loan_ids(db, order_by="-amount", filters=green_xj), 100, {})  # fmt: skip
    weak = LoanFilter(statuses=("disbursed",), coverage_below=Decimal("1.3"))
    row("filter disbursed, coverage < 1.3", lambda: list_loan_ids(db, filters=weak), 100, {})
    dated = LoanFilter(categories=("2019:4",), start_from=date(2025, 1, 1))
    row("filter category 2019:4 + start 2025", lambda: list_loan_ids(db, filters=dated), 100, {})
    row("dashboard (portfolio_summary)", lambda: portfolio_summary(db), 300, {},
        "raw same aggregates")  # fmt: skip
    with db.session() as session:
        from sqlalchemy import func, select

        from greendesk.store.models import AuditEvent

        loan_id = int(session.scalar(select(func.max(AuditEvent.loan_id))) or 0)
        events = int(session.scalar(select(func.count(AuditEvent.id))) or 0)
    lines.append(f"loan detail: loan {loan_id} of 100,000, {events:,} audit events in all")

    def old_trail() -> object:
        patterns = {"a": f'%"loan_id":{loan_id},%', "b": f'%"loan_id":{loan_id}}}%'}
        return raw.execute(_OLD_TRAIL, {"id": str(loan_id), **patterns}).fetchall()

    row("loan detail, 1,000,000 audit events", lambda: [load_detail(db, SYSTEM, loan_id)], 150,
        {"old trail LIKE scan alone": old_trail} if sqlite else {},
        "old trail LIKE scan alone (SQLite); raw same SQL (PG)")  # fmt: skip
    raw.close()
    db.dispose()
    RESULTS.parent.mkdir(exist_ok=True)
    stored = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    stored[f"portfolio_{backend}"] = {"load_average": os.getloadavg()[0], "paths": results}
    RESULTS.write_text(json.dumps(stored, ensure_ascii=False, indent=1), encoding="utf-8")
    return lines


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "min": round(min(values), 1),
        "median": round(statistics.median(values), 1),
        "max": round(max(values), 1),
    }


def run() -> list[str]:
    from tests.bench.pg_db import pg_bench_database
    from tests.bench.portfolio_db import bench_database

    url, how = bench_database()
    lines = measure(url, "sqlite", how)
    with pg_bench_database() as (pg_url, pg_how):
        lines += measure(pg_url, "postgresql", pg_how)
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
