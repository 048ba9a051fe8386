"""The margin ratchet driven by KPI results.

A loan's ratchet rows, captured at origination, state the step: the first step-down (negative
row) is the step-down on a met test, the first step-up (positive row) the step-up on a missed
one; a loan that states only a step-down moves up by the same amount (a two-way ratchet, as the
LMA Sustainability-Linked Loan Principles describe). Each decided test adds one step, effective
from the first period starting on or after the test date (the schedule engine's ``ratchet``
input does exactly that); the running total is held within ±cap, the engine's own rule, so
the margin history shown here is the margin the schedule charges.

A test nobody verified by the test date plus the grace period counts as missed ("lapsed").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from greendesk.domain.schedule.terms import RatchetStep


class Outcome(StrEnum):
    MET = "met"
    MISSED = "missed"
    LAPSED = "lapsed"  # no verified observation by the test date + grace: treated as missed


OUTCOME_LABELS: dict[Outcome, tuple[str, str]] = {
    Outcome.MET: ("达标（利率下调）", "met (step-down)"),
    Outcome.MISSED: ("未达标（利率上调）", "missed (step-up)"),
    Outcome.LAPSED: (
        "逾期未核查，视同未达标",
        "lapsed: no verified observation in time, treated as missed",
    ),
}


@dataclass(frozen=True)
class RatchetPolicy:
    step_down_bps: int  # ≥ 0: the margin falls by this much on a met test
    step_up_bps: int  # ≥ 0: the margin rises by this much on a missed (or lapsed) test
    cap_bps: int | None  # the cumulative change is held within ±cap
    grace_days: int

    def step(self, outcome: Outcome) -> int:
        """The signed change in bps one result brings."""
        return -self.step_down_bps if outcome is Outcome.MET else self.step_up_bps


def policy_from_rows(
    adjust_bps: Sequence[int], cap_bps: int | None, grace_days: int
) -> RatchetPolicy | None:
    """The step sizes from the loan's ratchet rows; None when the loan has no ratchet at all."""
    downs = [-a for a in adjust_bps if a < 0]
    ups = [a for a in adjust_bps if a > 0]
    if not downs and not ups:
        return None
    down = downs[0] if downs else ups[0]
    up = ups[0] if ups else down
    return RatchetPolicy(down, up, cap_bps, grace_days)


def grace_deadline(test_date: date, grace_days: int) -> date:
    """The last day a verified observation can still decide the test."""
    return test_date + timedelta(days=grace_days)


@dataclass(frozen=True)
class TestResult:
    """One decided test of one KPI: the outcome and the signed step it brought."""

    kpi: str
    test_date: date
    outcome: Outcome
    adjust_bps: int


def ratchet_steps(results: Iterable[TestResult]) -> tuple[RatchetStep, ...]:
    """The schedule engine's ratchet input: one step per result, effective on its test date."""
    ordered = sorted(results, key=lambda r: (r.test_date, r.kpi))
    return tuple(RatchetStep(r.test_date, r.adjust_bps) for r in ordered if r.adjust_bps)


@dataclass(frozen=True)
class MarginPoint:
    """The margin change from one result: the step asked, the step applied, the total after."""

    effective: date
    kpi: str
    outcome: Outcome
    step_bps: int
    applied_bps: int  # what the cap let through
    cumulative_bps: int


def margin_history(results: Iterable[TestResult], cap_bps: int | None) -> list[MarginPoint]:
    """Cumulative ratchet after each result, clamped to ±cap as the schedule engine clamps it."""
    out: list[MarginPoint] = []
    total = 0
    for r in sorted(results, key=lambda r: (r.test_date, r.kpi)):
        before = total
        total += r.adjust_bps
        if cap_bps is not None:
            total = max(-cap_bps, min(cap_bps, total))
        out.append(MarginPoint(r.test_date, r.kpi, r.outcome, r.adjust_bps, total - before, total))
    return out


def cumulative_bps(results: Iterable[TestResult], cap_bps: int | None) -> int:
    history = margin_history(results, cap_bps)
    return history[-1].cumulative_bps if history else 0


def overdue(test_date: date, grace_days: int, today: date) -> bool:
    """True once the grace period has passed without a decision."""
    return today > grace_deadline(test_date, grace_days)


def due_soon(test_date: date, today: date, days: int) -> bool:
    """True from ``days`` before the test date up to the test date itself."""
    return today <= test_date <= today + timedelta(days=days)


def capped_total(adjust_bps: Iterable[int], cap_bps: int | None) -> int:
    """The cumulative ratchet after these steps in order, held within ±cap at each step."""
    total = 0
    for step in adjust_bps:
        total += step
        if cap_bps is not None:
            total = max(-cap_bps, min(cap_bps, total))
    return total
