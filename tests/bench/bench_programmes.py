"""Speed of the programme rules over a generated portfolio: every loan's eligibility, and the
CERF quarterly disclosure (which reads disbursed loans only). Loans: GREENDESK_BENCH_PROGRAMME_LOANS
(default 10,000)."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path


def run() -> list[str]:
    from greendesk.services.programmes import disclosure, eligibility
    from greendesk.services.synthetic import generate_portfolio
    from greendesk.store.database import open_database

    loans = int(os.environ.get("GREENDESK_BENCH_PROGRAMME_LOANS", "10000"))
    with tempfile.TemporaryDirectory(prefix="gd-bench-prog-") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'p.db'}")
        try:
            generate_portfolio(db, loans, seed=1)
            started = time.perf_counter()
            standing = eligibility(db, None, date(2026, 12, 31))
            all_loans = time.perf_counter() - started
            started = time.perf_counter()
            report = disclosure(db, "cerf", "2026Q4")
            quarter = time.perf_counter() - started
        finally:
            db.dispose()
    eligible = sum(1 for lp in standing if (r := lp.result("cerf")) is not None and r.eligible)
    return [
        f"eligibility of {len(standing):,} loans under every programme: {all_loans:.1f} s "
        f"({1000 * all_loans / max(len(standing), 1):.2f} ms a loan; {eligible:,} CERF-eligible)",
        f"CERF disclosure 2026Q4 ({len(report.rows):,} supported loans): {quarter:.1f} s",
    ]
