"""What KPI tests run under: the house defaults, a loan's own policy over them, and the clock.

Shared by the read-out (``services.kpi_readout``) and the writing side
(``services.kpi_recording``), so both judge a loan by the same grace period, the same statuses
and the same date. Read the clock as ``kpi_settings.today()`` (not imported by name), so a test
that holds it holds it for both.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from greendesk.domain.kpi.ratchet import RatchetPolicy, policy_from_rows
from greendesk.paths import resources_dir
from greendesk.store.models import Loan

OBSERVABLE_STATUSES = ("approved", "approved_with_conditions", "disbursed")


@cache
def ratchet_settings() -> dict[str, Any]:
    """House defaults (``resources/kpi/ratchet.json``): grace days and the due-alert window."""
    data: dict[str, Any] = json.loads(
        (resources_dir() / "kpi" / "ratchet.json").read_text(encoding="utf-8")
    )
    return data


def today() -> date:
    """The desk's date (one place, so a test can hold the clock)."""
    return date.today()


def grace_days() -> int:
    """The house default grace period (days), for a loan whose terms name none."""
    return int(ratchet_settings()["grace_days"])


def loan_grace_days(loan: Loan) -> int:
    """The loan's own grace period (its KPI terms), else the house default."""
    return loan.kpi_grace_days if loan.kpi_grace_days is not None else grace_days()


def due_alert_days() -> int:
    """Days before a test date in which a test with nothing observed yet shows as due."""
    return int(ratchet_settings()["due_alert_days"])


def policy_of(loan: Loan) -> RatchetPolicy | None:
    """The loan's ratchet steps (from its rows), its cap and the grace period."""
    rows = [s.adjust_bps for s in loan.ratchet_steps]
    return policy_from_rows(rows, loan.ratchet_cap_bps, loan_grace_days(loan))
