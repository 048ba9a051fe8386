"""Loading a State Council notice on a large portfolio: every CN loan dated in the year is
re-derived (dates first, full schedules only where a date moves) in one transaction.

GREENDESK_BENCH_CALENDAR_LOANS sets the number of synthetic loans (default 5,000).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NOTICE = ROOT / "tests" / "data" / "calendar" / "notice_2027_test.csv"


def run() -> list[str]:
    from sqlalchemy import select

    from greendesk.domain.roles import Principal, Role
    from greendesk.services import calendar as desk_calendar
    from greendesk.services.seeding import seed_demo
    from greendesk.services.synthetic import generate_portfolio
    from greendesk.store.database import open_database
    from greendesk.store.models import User

    count = int(os.environ.get("GREENDESK_BENCH_CALENDAR_LOANS", "5000"))
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            seed_demo(db)
            generate_portfolio(db, count, into_existing=True)  # beside the seeded demo loans
            with db.session() as session:
                user = session.scalar(select(User).where(User.role == "admin"))
                assert user is not None
                admin = Principal(user.id, user.username, user.display_name, Role.ADMIN)
            started, cpu = time.perf_counter(), time.process_time()
            result = desk_calendar.import_year(db, admin, NOTICE.read_bytes(), NOTICE.name)
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        finally:
            db.dispose()
    moved = sum(len(r.moved) for r in result.moved)
    per_loan = 1000 * wall / max(result.rederived, 1)
    return [
        f"import 2027 notice: {result.rederived} loans re-derived of {count + 11}, "
        f"{len(result.moved)} with dates or interest moved ({moved} periods)",
        f"wall {wall:.1f} s, CPU {cpu:.1f} s ({per_loan:.2f} ms a re-derived loan)",
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
