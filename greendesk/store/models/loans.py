"""A loan application / facility and the rows that make up its terms.

Drawdowns, a custom principal plan, ratchet steps, a base-rate path, KPIs, use-of-proceeds lines
and syndicate shares: each belongs to one loan version (deleted with it) and is ordered by
``seq``. The loan carries a ``version`` column for optimistic locking.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from greendesk.domain.validation import (
    BASE_RATE_NAMES,
    BUSINESS_DAY_RULES,
    CALENDARS,
    DAY_COUNTS,
    FREQUENCIES,
    LENDER_ROLES,
    LOAN_STATUSES,
    RATE_KINDS,
    REPAYMENT_METHODS,
)
from greendesk.store.models.base import Base, Timestamped, one_of, sized_text
from greendesk.store.types import ExactDecimal, Money

if TYPE_CHECKING:
    from greendesk.store.models.collateral import Pledge
    from greendesk.store.models.committee import DecisionVote
    from greendesk.store.models.parties import Borrower, Project, User


class Loan(Timestamped, Base):
    """One version of a loan application / facility; a reopened loan is a new row (previous_id)."""

    __tablename__ = "loans"
    __table_args__ = (
        UniqueConstraint("reference", "application_version"),
        one_of("status", LOAN_STATUSES),
        one_of("frequency", FREQUENCIES),
        one_of("repayment_method", REPAYMENT_METHODS),
        one_of("rate_kind", RATE_KINDS),
        one_of("base_rate_name", BASE_RATE_NAMES, nullable=True),
        one_of("day_count", DAY_COUNTS),
        one_of("calendar", CALENDARS),
        one_of("business_day", BUSINESS_DAY_RULES),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("application_version >= 1", name="application_version_positive"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(sized_text("reference"), index=True)
    application_version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("loans.id"), index=True)
    borrower_id: Mapped[int] = mapped_column(ForeignKey("borrowers.id"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    bank: Mapped[str | None] = mapped_column(sized_text("bank"))
    branch: Mapped[str | None] = mapped_column(sized_text("branch"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    purpose: Mapped[str | None] = mapped_column(sized_text("purpose"))
    amount: Mapped[Decimal] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(sized_text("currency"), default="CNY")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    maturity_date: Mapped[dt.date | None] = mapped_column(Date)
    term_months: Mapped[int | None] = mapped_column(Integer)
    frequency: Mapped[str] = mapped_column(sized_text("code"), default="quarterly")
    repayment_method: Mapped[str] = mapped_column(sized_text("code"), default="equal_principal")
    grace_periods: Mapped[int] = mapped_column(Integer, default=0)
    rate_kind: Mapped[str] = mapped_column(sized_text("code"), default="floating")
    annual_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    base_rate_name: Mapped[str | None] = mapped_column(sized_text("code"))
    base_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    spread_bps: Mapped[int | None] = mapped_column(Integer)
    day_count: Mapped[str] = mapped_column(sized_text("code"), default="ACT/360")
    calendar: Mapped[str] = mapped_column(sized_text("code"), default="CN")
    business_day: Mapped[str] = mapped_column(sized_text("code"), default="modified_following")
    arrangement_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    commitment_fee_bps: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    agency_fee_per_year: Mapped[Decimal | None] = mapped_column(Money())
    ratchet_cap_bps: Mapped[int | None] = mapped_column(Integer)
    # Days after a KPI test date within which a verified observation may still decide it; None:
    # the house default (resources/kpi/ratchet.json). After that the test counts as missed.
    kpi_grace_days: Mapped[int | None] = mapped_column(Integer)
    coverage_threshold: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    status: Mapped[str] = mapped_column(sized_text("code"), default="draft", index=True)
    classification_primary: Mapped[str | None] = mapped_column(sized_text("code"))
    classification_labels: Mapped[list[Any] | None] = mapped_column(JSON)
    green_share: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    classification_json: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The pledges' valuation as last stored by services.valuation (on seeding, loan edits and
    # reference-price changes): totals in integer fen, coverage = eligible value / loan amount.
    collateral_value: Mapped[Decimal | None] = mapped_column(Money())
    eligible_collateral_value: Mapped[Decimal | None] = mapped_column(Money())
    coverage_ratio: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    valued_on: Mapped[dt.date | None] = mapped_column(Date)
    override_primary: Mapped[str | None] = mapped_column(sized_text("code"))
    override_reason: Mapped[str | None] = mapped_column(sized_text("note"))
    created_by: Mapped[str | None] = mapped_column(sized_text("actor"))
    updated_by: Mapped[str | None] = mapped_column(sized_text("actor"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    borrower: Mapped[Borrower] = relationship(back_populates="loans")
    project: Mapped[Project | None] = relationship()
    officer: Mapped[User | None] = relationship()  # the officer of record (经办人)
    previous: Mapped[Loan | None] = relationship(remote_side=[id])
    drawdowns: Mapped[list[LoanDrawdown]] = relationship(
        order_by="LoanDrawdown.seq", cascade="all, delete-orphan"
    )
    custom_principal: Mapped[list[LoanCustomPrincipal]] = relationship(
        order_by="LoanCustomPrincipal.seq", cascade="all, delete-orphan"
    )
    ratchet_steps: Mapped[list[LoanRatchetStep]] = relationship(
        order_by="LoanRatchetStep.seq", cascade="all, delete-orphan"
    )
    base_rate_path: Mapped[list[LoanBaseRate]] = relationship(
        order_by="LoanBaseRate.seq", cascade="all, delete-orphan"
    )
    kpis: Mapped[list[LoanKpi]] = relationship(order_by="LoanKpi.seq", cascade="all, delete-orphan")
    use_of_proceeds: Mapped[list[LoanUseOfProceeds]] = relationship(
        order_by="LoanUseOfProceeds.seq", cascade="all, delete-orphan"
    )
    syndicate_shares: Mapped[list[SyndicateShare]] = relationship(
        order_by="SyndicateShare.seq", cascade="all, delete-orphan"
    )
    pledges: Mapped[list[Pledge]] = relationship(
        order_by="Pledge.seq", cascade="all, delete-orphan", back_populates="loan"
    )
    votes: Mapped[list[DecisionVote]] = relationship(
        order_by="DecisionVote.id", cascade="all, delete-orphan", back_populates="loan"
    )


def _loan_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True)


class LoanDrawdown(Base):
    __tablename__ = "loan_drawdowns"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)
    loan_id: Mapped[int] = _loan_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money())


class LoanCustomPrincipal(Base):
    """One line of a 按计划还款 plan: an amount or a percentage of the facility on a date."""

    __tablename__ = "loan_custom_principal"
    __table_args__ = (
        CheckConstraint("(amount IS NULL) <> (percent IS NULL)", name="amount_or_percent"),
    )
    loan_id: Mapped[int] = _loan_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(Money())
    percent: Mapped[Decimal | None] = mapped_column(ExactDecimal())


class LoanRatchetStep(Base):
    __tablename__ = "loan_ratchet_steps"
    loan_id: Mapped[int] = _loan_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    effective: Mapped[dt.date] = mapped_column(Date)
    adjust_bps: Mapped[int] = mapped_column(Integer)


class LoanBaseRate(Base):
    """A base-rate (LPR) value in force from a date, for repricing on the loan's anniversaries."""

    __tablename__ = "loan_base_rate_path"
    loan_id: Mapped[int] = _loan_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_date: Mapped[dt.date] = mapped_column(Date)
    base_rate: Mapped[Decimal] = mapped_column(ExactDecimal())


class LoanKpi(Base):
    __tablename__ = "loan_kpis"
    loan_id: Mapped[int] = _loan_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(sized_text("name"))
    unit: Mapped[str | None] = mapped_column(sized_text("unit"))
    baseline: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    target: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    test_dates: Mapped[list[Any]] = mapped_column(JSON, default=list)
    verifier: Mapped[str | None] = mapped_column(sized_text("name"))


class LoanUseOfProceeds(Base):
    __tablename__ = "loan_use_of_proceeds"
    loan_id: Mapped[int] = _loan_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    catalogue_code: Mapped[str | None] = mapped_column(sized_text("catalogue_code"))
    description: Mapped[str | None] = mapped_column(sized_text("description"))
    amount: Mapped[Decimal] = mapped_column(Money())


class SyndicateShare(Base):
    __tablename__ = "syndicate_shares"
    __table_args__ = (one_of("role", LENDER_ROLES),)
    loan_id: Mapped[int] = _loan_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    lender_name: Mapped[str] = mapped_column(sized_text("name"))
    role: Mapped[str] = mapped_column(sized_text("code"))
    commitment: Mapped[Decimal] = mapped_column(Money())
    funded: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
