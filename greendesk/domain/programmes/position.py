"""A loan as the programme rules see it: plain facts, and its principal through time.

``principal_at`` follows the schedule: drawdowns dated on or before a day, less the principal
falling due on or before it. Each drawdown is refinanced for the version's term and rollovers
from its own date (the relending is applied for after the loan is made, 先贷后借), so on any day
only the part of the balance that stems from drawdowns still inside that window is refinanced;
repayments reduce every drawdown's part pro rata.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class UseOfProceeds:
    catalogue_code: str | None
    amount: Decimal


@dataclass(frozen=True)
class LoanPosition:
    """Everything the eligibility rules read; built by ``services.programmes`` from the store."""

    reference: str
    borrower: str
    project: str
    region: str
    sector: str
    carbon_account_grade: str  # "" when the borrower is not on a carbon-account platform
    classification: str  # green / transition / carbon_linked / conventional / ""
    green_share: Decimal | None
    project_code: str | None
    transition_activity: str | None
    library_recognised: bool  # a recognised transition project (project library)
    use_of_proceeds: tuple[UseOfProceeds, ...]
    amount: Decimal
    start_date: date
    maturity_date: date
    term_months: int
    start_rate: Decimal  # all-in annual rate on the start date
    lpr_name: str  # the same-tenor LPR: LPR1Y up to 5 years, LPR5Y above
    lpr_at_start: Decimal | None
    live: bool  # disbursed and not closed: the schedule's past is real money
    drawdowns: tuple[tuple[date, Decimal], ...]
    repayments: tuple[tuple[date, Decimal], ...]  # (payment date, principal)
    annual_co2e_t: Decimal | None
    total_investment: Decimal | None

    def drawn_by(self, day: date) -> Decimal:
        return sum((a for d, a in self.drawdowns if d <= day), ZERO)

    def principal_at(self, day: date) -> Decimal:
        """The schedule's balance at the end of ``day`` (never below zero)."""
        repaid = sum((a for d, a in self.repayments if d <= day), ZERO)
        return max(self.drawn_by(day) - repaid, ZERO)

    def outstanding(self, as_of: date) -> Decimal:
        """Outstanding on ``as_of``: the schedule's balance for a live loan, else nothing."""
        return self.principal_at(as_of) if self.live else ZERO


def in_window_share(
    drawdowns: tuple[tuple[date, Decimal], ...],
    day: date,
    months: int,
    since: date,
    until: date = date.max,
) -> Decimal:
    """Share (0..1) of what was drawn by ``day`` whose refinancing window is still open.

    A drawdown made while the programme was open (``since`` to ``until``) is refinanced from
    its date for ``months`` months; the others never are.
    """
    from greendesk.domain.schedule.dates import add_months

    drawn = sum((a for d, a in drawdowns if d <= day), ZERO)
    if drawn == 0:
        return Decimal(0)
    open_ = sum(
        (a for d, a in drawdowns if since <= d <= min(day, until) and day < add_months(d, months)),
        ZERO,
    )
    return open_ / drawn
