"""Schedule engine: repayment schedules and per-lender syndicate schedules, exact to the fen.

Public API (used by the CLI, the interface, the credit memo and the workbook)::

    from greendesk.domain.schedule import (
        parse_terms, build_schedule, schedule_to_json, schedule_to_csv)

    terms = parse_terms(data)        # InvalidInput listing every "path: rule"
    schedule = build_schedule(terms) # frozen dataclasses, Decimal amounts
    schedule_to_json(schedule)       # {"periods", "totals", "lenders"}, amounts as "0.00" strings

Rules, in the modules that apply them:

- dates (``dates``): unadjusted ends = start_date + k × period; payment dates moved by the
  calendar (``greendesk.domain.calendar``) and business-day rule; interest accrues between
  adjusted dates under the day count (``greendesk.domain.daycount``).
- rates (``rates``): fixed, or base + spread repriced on each anniversary of the start date to
  the base rate in force that day; ratchet steps change the margin from the first period that
  starts on or after their date, the cumulative adjustment capped by ``ratchet_cap_bps``.
- amounts (``engine``): interest = balance × rate × days / basis rounded half-up to 0.01 per
  period or per sub-interval (drawdown or repricing inside the period); annuity, equal
  principal, bullet and custom methods; grace periods interest-only; the last period repays
  the remaining balance, so principal repaid = drawn and the final balance is 0.00.
- fees (``fees``): arrangement, commitment and agency fees; each enters the period's ``fees``
  column and its ``payment`` (payment = principal + interest + fees).
- lenders (``syndicate``): every column split by largest remainder, so lenders add up to the
  borrower's figure exactly, every period and every column.
"""

from greendesk.domain.schedule.engine import build_schedule
from greendesk.domain.schedule.model import (
    LenderPeriod,
    LenderSchedule,
    Period,
    Schedule,
    Totals,
)
from greendesk.domain.schedule.output import schedule_to_csv, schedule_to_json
from greendesk.domain.schedule.parse import parse_terms
from greendesk.domain.schedule.terms import Terms

__all__ = [
    "LenderPeriod",
    "LenderSchedule",
    "Period",
    "Schedule",
    "Terms",
    "Totals",
    "build_schedule",
    "parse_terms",
    "schedule_to_csv",
    "schedule_to_json",
]
