"""Schedule engine speed: a 20-year monthly annuity, 4 drawdowns, LPR repricing, 12 lenders.

Budget (issue 3): under 20 ms to compute. Also reports parsing and JSON output separately, and
the ratio against numpy-financial computing the plain annuity (pmt, ipmt, ppmt for every
period, floats, no calendar, no lenders) for the same loan.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy_financial as npf

from greendesk.domain.schedule import build_schedule, parse_terms, schedule_to_json

BUDGET_MS = 20.0

LENDERS = [
    ("国家开发银行新疆分行", "lead_arranger", "500000000.00"),
    ("中国农业银行新疆分行", "agent", "400000000.00"),
    ("中国银行新疆分行", "participant", "300000000.00"),
    ("中国建设银行新疆分行", "participant", "250000000.00"),
    ("中国工商银行新疆分行", "participant", "200000000.00"),
    ("交通银行新疆分行", "participant", "193000000.00"),
    ("兴业银行乌鲁木齐分行", "participant", "150000000.00"),
    ("昆仑银行", "participant", "150000000.00"),
    ("乌鲁木齐银行", "participant", "100000000.00"),
    ("新疆银行", "participant", "100000000.00"),
    ("新疆农村信用社", "participant", "50000000.00"),
    ("甘肃银行", "participant", "50000000.00"),
]

TERMS: dict[str, Any] = {
    "amount": "2443000000.00",
    "start_date": "2025-03-20",
    "term_months": 240,
    "frequency": "monthly",
    "method": "annuity",
    "grace_periods": 12,
    "rate": {
        "base": "LPR5Y",
        "base_rate": "0.0360",
        "spread_bps": -15,
        "base_rate_path": [
            {"from": "2025-05-20", "base_rate": "0.0350"},
            {"from": "2027-01-20", "base_rate": "0.0340"},
            {"from": "2030-06-20", "base_rate": "0.0325"},
        ],
    },
    "ratchet": [{"effective": "2027-01-01", "adjust_bps": -5}],
    "ratchet_cap_bps": 10,
    "calendar": "CN",
    "drawdowns": [
        {"date": "2025-03-20", "amount": "800000000.00"},
        {"date": "2025-07-10", "amount": "700000000.00"},
        {"date": "2025-11-14", "amount": "600000000.00"},
        {"date": "2026-02-27", "amount": "343000000.00"},
    ],
    "lenders": [{"name": n, "role": r, "commitment": c} for n, r, c in LENDERS],
    "fees": {
        "arrangement_rate": "0.002",
        "commitment_fee_bps": 30,
        "agency_fee_per_year": "200000.00",
    },
}


def _timings_ms(fn: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """(median wall, best wall, median CPU) in ms; CPU time shows the cost on a busy machine."""
    fn()  # warm caches (calendar data, imports)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall) * 1000, min(wall) * 1000, statistics.median(cpu) * 1000


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    return _timings_ms(fn, repeat)[0]


def _numpy_plain_annuity() -> None:
    rate = 0.0335 / 12  # float-ok: the numpy-financial reference
    periods = np.arange(1, 241)
    npf.pmt(rate, 240, 2443000000.0)
    npf.ipmt(rate, periods, 240, 2443000000.0)
    npf.ppmt(rate, periods, 240, 2443000000.0)


def run() -> list[str]:
    terms = parse_terms(TERMS)
    schedule = build_schedule(terms)
    compute, best, cpu = _timings_ms(lambda: build_schedule(terms), 60)
    parse = _median_ms(lambda: parse_terms(TERMS), 30)
    output = _median_ms(lambda: schedule_to_json(schedule), 30)
    reference = _median_ms(_numpy_plain_annuity, 200)

    def verdict(ms: float) -> str:
        return "within budget" if ms < BUDGET_MS else "OVER budget"

    return [
        "loan: 240 monthly periods, 4 drawdowns, LPR repricing, ratchet, 12 lenders, CN calendar",
        f"build_schedule (budget {BUDGET_MS:.0f} ms): wall median of 60 {compute:.2f} ms "
        f"({verdict(compute)}), best {best:.2f} ms; CPU median {cpu:.2f} ms ({verdict(cpu)}); "
        f"load average {os.getloadavg()[0]:.1f} (wall times grow on a busy machine)",
        f"parse_terms: {parse:.2f} ms; schedule_to_json: {output:.2f} ms (median of 30)",
        f"numpy-financial plain annuity (pmt+ipmt+ppmt, 240 periods): {reference:.3f} ms",
        f"ratio build_schedule / numpy-financial: {compute / reference:.0f}x",
        f"check: total principal {schedule.totals.principal}, final balance "
        f"{schedule.periods[-1].closing_balance}",
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
