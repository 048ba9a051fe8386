"""The export's maturity ladder: principal and interest after the date by (month, class), and
how many loans pay in each cell, against a plain re-count."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from greendesk.services.report_portfolio import _Ladder
from greendesk.services.schedule_cache import ScheduleAggregate


def test_ladder_cells_equal_a_plain_recount() -> None:
    rng = random.Random(7)
    as_of = date(2026, 6, 30)
    ladder = _Ladder()
    expected: dict[tuple[date, str], list[object]] = defaultdict(lambda: [0, 0, set()])
    for loan_id in range(1, 120):
        cls = rng.choice(["green", "transition", ""])
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(0, 900))
        periods = []
        for _ in range(rng.randrange(0, 30)):
            day += timedelta(days=rng.choice([1, 7, 15, 30, 31]))  # several in one month too
            periods.append((day.toordinal(), rng.randrange(0, 10**9), rng.randrange(0, 10**7)))
            if day > as_of:
                cell = expected[(day.replace(day=1), cls)]
                cell[0] += periods[-1][1]  # type: ignore[operator]
                cell[1] += periods[-1][2]  # type: ignore[operator]
                cell[2].add(loan_id)  # type: ignore[union-attr]
        ladder.add_schedule(cls, loan_id, ScheduleAggregate(tuple(periods)), as_of)
    rows = list(ladder.rows())
    assert [(r.month, r.classification) for r in rows] == sorted(expected)
    for row in rows:
        principal, interest, loans = expected[(row.month, row.classification)]
        assert row.principal == Decimal(principal).scaleb(-2)  # type: ignore[arg-type]
        assert row.interest == Decimal(interest).scaleb(-2)  # type: ignore[arg-type]
        assert row.loans == len(loans)  # type: ignore[arg-type]
    assert any(r.loans > 1 for r in rows)
