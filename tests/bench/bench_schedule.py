"""Schedule engine speed: a 20-year monthly annuity, 4 drawdowns, LPR repricing, 12 lenders.

Budget (issue 13 point 4): under 3 ms to compute and under 2 ms to JSON. Reports min, median
and max of wall time and the median CPU time (``time.process_time``: on a machine shared with
other work the wall clock grows, CPU time much less), for parsing, computing and JSON, and the
ratio against numpy-financial computing the plain annuity (pmt, ipmt, ppmt for every period,
floats, no calendar, no lenders) for the same loan, measured in the same run.

What each number includes:

- ``build_schedule``: the whole ``Schedule``: the borrower's figures and every lender's split
  in integer fen, and the totals (``Decimal``). The periods are kept as integer-fen columns;
  each ``Period`` / ``LenderPeriod`` (``Decimal`` amounts) is made when it is read, so that
  cost is not in this number: it is measured on its own ("reading every period").
- ``schedule_to_json``: each run writes a different, freshly built schedule (built before the
  clock starts), so nothing one run made can serve the next. The clock stops when the caller
  holds the JSON; letting the JSON and the schedule go (freeing some 20,000 objects) comes
  after it and is measured on its own ("letting go").
- "build + JSON": both in one run, the path of a caller that stores the schedule's JSON.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy_financial as npf

from greendesk.domain.schedule import Schedule, build_schedule, parse_terms, schedule_to_json

COMPUTE_BUDGET_MS = 3.0
JSON_BUDGET_MS = 2.0

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


@dataclass(frozen=True)
class Timing:
    """Wall min / median / max and CPU median of repeated runs, in milliseconds."""

    low: float
    median: float
    high: float
    cpu: float

    def text(self, places: int = 2) -> str:
        return (
            f"wall min {self.low:.{places}f} / median {self.median:.{places}f} / max "
            f"{self.high:.{places}f} ms, CPU median {self.cpu:.{places}f} ms"
        )


def read_every_period(schedule: Schedule) -> int:
    """Touch the amounts of every borrower and lender period (what a reader of all rows pays)."""
    count = 0
    for b in schedule.periods:
        count += bool(b.opening_balance or b.interest or b.payment or b.closing_balance)
    for lender in schedule.lenders:
        for p in lender.periods:
            count += bool(p.drawdown or p.principal or p.interest or p.fees or p.payment)
    return count


def measure(fn: Callable[[], object], repeat: int) -> Timing:
    fn()  # warm caches (calendar data, imports)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return Timing(
        min(wall) * 1000,
        statistics.median(wall) * 1000,
        max(wall) * 1000,
        statistics.median(cpu) * 1000,
    )


def measure_each(fn: Callable[[Any], object], inputs: list[Any]) -> tuple[Timing, Timing]:
    """``fn`` of each input but the first (a warm-up), timed until it returns; then, apart,
    the time to let its result and the input go."""
    fn(inputs.pop())
    wall: list[float] = []
    cpu: list[float] = []
    freeing: list[float] = []
    while inputs:
        item = inputs.pop()
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn(item)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        started = time.perf_counter()
        del result, item
        freeing.append(time.perf_counter() - started)
    low, high = min(wall) * 1000, max(wall) * 1000
    let_go = statistics.median(freeing) * 1000
    return (
        Timing(low, statistics.median(wall) * 1000, high, statistics.median(cpu) * 1000),
        Timing(min(freeing) * 1000, let_go, max(freeing) * 1000, let_go),
    )


def _numpy_plain_annuity() -> None:
    rate = 0.0335 / 12  # float-ok: the numpy-financial reference
    periods = np.arange(1, 241)
    npf.pmt(rate, 240, 2443000000.0)
    npf.ipmt(rate, periods, 240, 2443000000.0)
    npf.ppmt(rate, periods, 240, 2443000000.0)


def _verdict(timing: Timing, budget: float) -> str:
    wall = "within" if timing.median < budget else "OVER"
    cpu = "within" if timing.cpu < budget else "OVER"
    return f"median {wall} budget, CPU {cpu} budget"


def measure_schedule() -> dict[str, Timing]:
    """The schedule measurement itself: compute, JSON, parsing and the numpy-financial peer.

    (Kept apart from the table and the report lines so work on the engine touches only this.)
    """
    terms = parse_terms(TERMS)
    schedule = build_schedule(terms)
    compute = measure(lambda: build_schedule(terms), 100)
    # one fresh schedule per run (and the warm-up), built after the compute runs and let go
    # once written, so that they do not weigh on the other measurements
    output, let_go = measure_each(schedule_to_json, [build_schedule(terms) for _ in range(101)])
    return {
        "compute": compute,
        "json": output,
        "let_go": let_go,
        "both": measure(lambda: schedule_to_json(build_schedule(terms)), 100),
        "read": measure(lambda: read_every_period(schedule), 100),
        "parse": measure(lambda: parse_terms(TERMS), 30),
        "numpy": measure(_numpy_plain_annuity, 300),
    }


def _table_rows(timings: dict[str, Timing]) -> None:
    from tests.bench import table

    terms = parse_terms(TERMS)
    schedule = build_schedule(terms)
    for key, path, budget, fn in (
        ("compute", "schedule 240 periods x 12 lenders: build_schedule", COMPUTE_BUDGET_MS,
         lambda: build_schedule(terms)),
        ("json", "schedule 240 periods x 12 lenders: schedule_to_json", JSON_BUDGET_MS,
         lambda: schedule_to_json(schedule)),
    ):  # fmt: skip
        t = timings[key]
        table.add(
            table.Row(
                path=path, backend="-", unit="ms", mine=(t.low, t.median, t.high),
                peer_name="numpy-financial plain annuity (pmt+ipmt+ppmt)",
                peer=timings["numpy"].median, peak_mb=table.heap_peak_mb(fn), peak_kind="heap",
                target=f"< {budget:.0f} ms", note={"cpu_median_ms": t.cpu},
            )
        )  # fmt: skip


def run() -> list[str]:
    timings = measure_schedule()
    compute, output = timings["compute"], timings["json"]
    parse, reference = timings["parse"], timings["numpy"]
    _table_rows(timings)
    schedule = build_schedule(parse_terms(TERMS))
    return [
        "loan: 240 monthly periods, 4 drawdowns, LPR repricing, ratchet, 12 lenders, CN calendar; "
        f"load average {os.getloadavg()[0]:.1f} (wall times grow on a busy machine)",
        f"build_schedule (budget {COMPUTE_BUDGET_MS:.0f} ms, 100 runs): {compute.text()} "
        f"({_verdict(compute, COMPUTE_BUDGET_MS)})",
        f"schedule_to_json (budget {JSON_BUDGET_MS:.0f} ms, 100 runs, each of a fresh schedule): "
        f"{output.text()} ({_verdict(output, JSON_BUDGET_MS)})",
        f"letting the JSON and its schedule go after each of those runs (not in its figure): "
        f"{timings['let_go'].text()}",
        f"build + JSON (100 runs, letting both go included): {timings['both'].text()}",
        f"reading every period (240 Period + 12 x 240 LenderPeriod, Decimal amounts; not in "
        f"build_schedule, 100 runs): {timings['read'].text()}",
        f"parse_terms (30 runs): {parse.text()}",
        f"numpy-financial plain annuity (pmt+ipmt+ppmt, 240 periods, 300 runs): "
        f"{reference.text(3)}",
        f"ratio build_schedule / numpy-financial: median {compute.median / reference.median:.0f}x"
        f", CPU {compute.cpu / max(reference.cpu, 1e-6):.0f}x; schedule_to_json / numpy-financial:"
        f" median {output.median / reference.median:.0f}x",
        f"check: total principal {schedule.totals.principal}, final balance "
        f"{schedule.periods[-1].closing_balance}",
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
