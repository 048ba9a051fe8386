"""Work done in a child process by the crash and concurrency tests (run with ``python -m``).

``import URL MARKER ROWS``: one large import in a single unit of work — borrowers, loans and an
audit event for each — that writes MARKER once ROWS loans are flushed and then keeps going, so
the parent can ``kill -9`` it half-way.
``generate URL MARKER LOANS``: the synthetic-portfolio bulk import, MARKER written after each
chunk of rows is inserted.
``bump URL LOAN_ID TIMES TAG``: TIMES read-modify-write edits of one loan, each checking the
version it read (optimistic lock) and retrying when someone else got there first; prints the
number of conflicts it was told about.
``hold URL MARKER RELEASE``: a long write — one audit event in a write unit — that writes MARKER
while it holds the write lock (and, on PostgreSQL, the chain head's row lock) and commits only once
the file RELEASE exists: another desk's 20-second import, made deterministic.
``write URL COUNT MODE``: COUNT small writes, each in its own unit of work, printing the write's
number once its commit returned (acknowledged); MODE ``keep`` keeps the connection open between
writes, 20 ms apart (a desk's window), ``reconnect`` opens a new one for each (separate commands).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from greendesk.domain.roles import SYSTEM
from greendesk.services import audit
from greendesk.store.database import open_database
from greendesk.store.models import Borrower, Loan


def big_import(url: str, marker: Path, rows: int) -> None:
    db = open_database(url)
    with db.session(write=True) as session:
        i = 0
        while True:
            i += 1
            b = Borrower(name=f"导入客户 {i}", credit_code=f"9165{i:014d}")
            session.add(b)
            session.flush()
            loan = Loan(
                reference=f"IMP-{i:06d}",
                borrower_id=b.id,
                amount=Decimal("1000000.00") + i,
                start_date=date(2026, 1, 1),
            )
            session.add(loan)
            session.flush()
            audit.record(session, SYSTEM, "import", ("loan", loan.id), None, audit.snapshot(loan))
            if i == rows:
                marker.write_text("flushed")


def generate(url: str, marker: Path, loans: int) -> None:
    """The real bulk import (``greendesk generate-portfolio``), killed after its first chunk."""
    from greendesk.services.synthetic import generate_portfolio

    db = open_database(url)

    def progress(done: int, total: int) -> None:
        marker.write_text(f"{done} of {total}")

    # beside the loan the parent checks afterwards
    generate_portfolio(db, loans, seed=7, progress=progress, into_existing=True)
    marker.write_text("finished")  # never reached: the parent kills us first


def bump(url: str, loan_id: int, times: int, tag: str) -> None:
    db = open_database(url)
    conflicts = 0
    done = 0
    while done < times:
        with db.session() as session:  # what an editor shows: the value and its version
            seen = session.execute(
                select(Loan.grace_periods, Loan.version).where(Loan.id == loan_id)
            ).one()
        with db.session(write=True) as session:
            loan = session.get(Loan, loan_id, with_for_update=True, populate_existing=True)
            assert loan is not None
            if loan.version != seen.version:
                conflicts += 1  # told: someone else changed it; reload and redo the edit
                continue
            before = {"grace_periods": loan.grace_periods}
            loan.grace_periods = seen.grace_periods + 1
            session.flush()
            audit.record(
                session,
                f"proc-{tag}",
                "update",
                ("loan", loan_id),
                before,
                {"grace_periods": loan.grace_periods},
            )
        done += 1
    db.dispose()
    print(conflicts)


def hold(url: str, marker: Path, release: Path) -> None:

    db = open_database(url)
    with db.session(write=True) as session:
        audit.record(session, SYSTEM, "hold", ("database", "hold"), None, {"holding": True})
        marker.write_text("holding")
        deadline = time.monotonic() + 300  # float-ok: a safety limit, not a measurement
        while not release.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    db.dispose()


def write(url: str, count: int, mode: str) -> None:
    from greendesk.domain.errors import UserError

    db = open_database(url)
    for i in range(count):
        try:
            with db.session(write=True) as session:
                b = Borrower(name=f"并发客户 {i}", credit_code=f"9165{i:014d}")
                session.add(b)
                session.flush()
                audit.record(session, SYSTEM, "create", ("borrower", b.id), None, {"n": i})
        except UserError as exc:  # told: not saved (busy); that write is not acknowledged
            print(f"refused {i}: {exc}", file=sys.stderr, flush=True)
            continue
        finally:
            if mode == "reconnect":
                db.engine.dispose()  # the next write opens a new connection, like a new command
        print(i, flush=True)
        if mode == "keep":
            time.sleep(0.02)  # a desk: the connection stays open between the user's saves
    db.dispose()


if __name__ == "__main__":
    if sys.argv[1] == "import":
        big_import(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1] == "generate":
        generate(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1] == "hold":
        hold(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
    elif sys.argv[1] == "write":
        write(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        bump(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
