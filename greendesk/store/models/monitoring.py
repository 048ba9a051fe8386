"""Green and carbon-linked loans after approval: KPI observations, the tests they decide, and
proceeds allocated to eligible uses.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from greendesk.store.models.base import Base, one_of, sized_text
from greendesk.store.types import ExactDecimal, Money, UTCDateTime, utcnow

# --- Carbon-linked loans after approval (issue 15): KPI observations and decided tests (the
# loan's schedule versions are in ``schedules``). Keyed by the loan's reference (the facility),
# so they follow the loan across application versions; loan_id names the version they were
# recorded against.


class KpiObservation(Base):
    """One observed KPI value for one test date, with its verifier, report and maker."""

    __tablename__ = "kpi_observations"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_reference: Mapped[str] = mapped_column(sized_text("reference"), index=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    kpi_name: Mapped[str] = mapped_column(sized_text("name"))
    test_date: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit: Mapped[str | None] = mapped_column(sized_text("unit"))
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    verifier: Mapped[str | None] = mapped_column(sized_text("name"))
    report_reference: Mapped[str | None] = mapped_column(sized_text("registration_no"))
    report_date: Mapped[dt.date | None] = mapped_column(Date)
    report_filename: Mapped[str | None] = mapped_column(sized_text("name"))
    report_sha256: Mapped[str | None] = mapped_column(sized_text("hash"))
    report_size: Mapped[int | None] = mapped_column(Integer)
    report_data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    entered_by: Mapped[str] = mapped_column(sized_text("actor"))
    entered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    entered_on: Mapped[dt.date] = mapped_column(Date)
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    unverified_reason: Mapped[str | None] = mapped_column(sized_text("note"))
    unverified_reason_zh: Mapped[str | None] = mapped_column(sized_text("note"))
    result: Mapped[str | None] = mapped_column(sized_text("code"))  # met / missed; None if no SPT
    comparison_zh: Mapped[str | None] = mapped_column(sized_text("note"))
    comparison_en: Mapped[str | None] = mapped_column(sized_text("note"))


class KpiTestResult(Base):
    """The decision on one test of one KPI: met, missed or lapsed, and the step it brought."""

    __tablename__ = "kpi_test_results"
    __table_args__ = (
        UniqueConstraint("loan_reference", "kpi_name", "test_date"),
        one_of("outcome", ("met", "missed", "lapsed")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_reference: Mapped[str] = mapped_column(sized_text("reference"), index=True)
    kpi_name: Mapped[str] = mapped_column(sized_text("name"))
    test_date: Mapped[dt.date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(sized_text("code"))
    adjust_bps: Mapped[int] = mapped_column(Integer)
    observation_id: Mapped[int | None] = mapped_column(ForeignKey("kpi_observations.id"))
    schedule_version: Mapped[int | None] = mapped_column(Integer)
    decided_by: Mapped[str] = mapped_column(sized_text("actor"))
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_on: Mapped[dt.date] = mapped_column(Date)


class ProceedsAllocation(Base):
    """Part of one drawdown allocated to one eligible use-of-proceeds line (Green Loan Principles:
    management of proceeds), with its date and evidence. Keyed by the loan's reference; the
    drawdown and line by their numbers on the loan (1-based, as the editor shows them)."""

    __tablename__ = "proceeds_allocations"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_reference: Mapped[str] = mapped_column(sized_text("reference"), index=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    drawdown_no: Mapped[int] = mapped_column(Integer)
    line_no: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money())
    allocated_on: Mapped[dt.date] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(sized_text("note"))
    entered_by: Mapped[str] = mapped_column(sized_text("actor"))
    entered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
