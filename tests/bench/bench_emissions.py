"""Financed emissions (``emissions_report``: ``greendesk emissions``, the dashboard's 融资排放 tab)
on the benchmark book: the first report after the schedule aggregates and their checks are
dropped (every disbursed loan's schedule computed and stored), then the stored read, against
the old path (a schedule built per loan) timed on 1,000 loans and scaled to the book.

The first report writes into the cached benchmark database (aggregates, checks, steps): the
timing is taken after dropping them, so every run measures the same cold and warm reads.
"""

from __future__ import annotations

import os
import statistics
import time
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from greendesk.store.database import Database

AS_OF = date(2026, 12, 1)
SAMPLE = 1000


def _slow_per_loan(db: Database) -> float:
    """Seconds a loan on the old path: load, build the schedule, compute the figures."""
    from sqlalchemy import select

    from greendesk.services.emissions import inputs_by_subject, loan_emissions
    from greendesk.services.report_support import current_loan_ids, loan_load_options
    from greendesk.store.models import Loan

    with db.session() as session:
        borrowers, projects = inputs_by_subject(session)
        ids = current_loan_ids(session)[:SAMPLE]
        started = time.perf_counter()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = select(Loan).where(Loan.id.in_(chunk)).options(*loan_load_options())
            for loan in session.scalars(query).unique():
                loan_emissions(loan, AS_OF, borrowers, projects)
            session.expunge_all()
        return (time.perf_counter() - started) / max(len(ids), 1)


def run() -> list[str]:
    from sqlalchemy import delete

    from greendesk.services.emissions import emissions_report
    from greendesk.store.database import open_database
    from greendesk.store.models import (
        LoanPrincipalStep,
        LoanScheduleAggregate,
        LoanScheduleAggregateCheck,
    )
    from tests.bench.portfolio_db import bench_database

    url, how = bench_database()
    db = open_database(url)
    lines = [f"database: {how}", f"load average {os.getloadavg()[0]:.1f} (2 cores shared)"]
    try:
        with db.session(write=True) as session:
            for model in (LoanPrincipalStep, LoanScheduleAggregateCheck, LoanScheduleAggregate):
                session.execute(delete(model))
        started = time.perf_counter()
        report = emissions_report(db, AS_OF)
        cold = time.perf_counter() - started
        loans = len(report.loans)
        warm = []
        for _ in range(3):
            started = time.perf_counter()
            again = emissions_report(db, AS_OF)
            warm.append(time.perf_counter() - started)
        assert again == report
        slow = _slow_per_loan(db)
        lines += [
            f"emissions_report, {loans:,} loans as of {AS_OF}:",
            f"  first (nothing stored: every disbursed loan's schedule computed) {cold:8.1f} s",
            f"  stored (min / median / max) {min(warm):.2f} / {statistics.median(warm):.2f} / "
            f"{max(warm):.2f} s  [aim: < 2 s]",
            f"  old path: {slow * 1000:.2f} ms a loan on {SAMPLE:,} loans, "
            f"~{slow * loans:.0f} s for the book",
        ]
    finally:
        db.dispose()
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
