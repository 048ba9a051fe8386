"""The database tables as SQLAlchemy 2.x typed declarative models (see notes/STORE_CONTRACT.md).

Money is ``Money`` (integer fen), other exact numbers ``ExactDecimal`` (text), instants
``UTCDateTime``; text columns are sized from ``domain.validation.LIMITS`` so the services check
the same lengths the database holds. Borrowers, projects, loans and pledges carry a ``version``
column used by SQLAlchemy for optimistic locking: a stale write raises ``StaleDataError``.
Only the store and the services import this module; nothing above them sees these objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from greendesk.domain.validation import (
    BASE_RATE_NAMES,
    BUSINESS_DAY_RULES,
    CALENDARS,
    DAY_COUNTS,
    FREQUENCIES,
    LENDER_ROLES,
    LIMITS,
    LOAN_STATUSES,
    RATE_KINDS,
    REPAYMENT_METHODS,
    SECTORS,
    USER_ROLES,
    VOTE_DECISIONS,
)
from greendesk.store.types import ExactDecimal, Money, UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _text(limit: str) -> String:
    return String(LIMITS[limit])


def one_of(column: str, choices: Sequence[str], *, nullable: bool = False) -> CheckConstraint:
    """A CHECK that a coded column holds one of ``choices`` (named ``<column>_valid``)."""
    listed = ", ".join("'" + c.replace("'", "''") + "'" for c in choices)
    condition = f"{column} IN ({listed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=f"{column}_valid")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        str: String(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class AppMeta(Base):
    """Key/value facts about the database itself; ``application=greendesk`` marks ours."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(_text("meta_key"), primary_key=True)
    value: Mapped[str] = mapped_column(_text("note"))


class User(Base):
    __tablename__ = "users"
    __table_args__ = (one_of("role", USER_ROLES),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(_text("username"), unique=True)
    display_name: Mapped[str] = mapped_column(_text("display_name"))
    role: Mapped[str] = mapped_column(_text("code"))
    password_hash: Mapped[str] = mapped_column(_text("password_hash"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Borrower(Timestamped, Base):
    __tablename__ = "borrowers"
    __table_args__ = (one_of("sector", SECTORS),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(_text("name"))
    credit_code: Mapped[str] = mapped_column(_text("credit_code"), unique=True)
    industry: Mapped[str | None] = mapped_column(_text("industry"))
    sector: Mapped[str] = mapped_column(_text("code"), default="other")
    region: Mapped[str | None] = mapped_column(_text("region"))
    carbon_account_grade: Mapped[str | None] = mapped_column(_text("grade"))
    baseline_intensity: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    target_intensity: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    base_year: Mapped[int | None] = mapped_column(Integer)
    target_year: Mapped[int | None] = mapped_column(Integer)
    disclosure_yearly: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    projects: Mapped[list[Project]] = relationship(back_populates="borrower")
    loans: Mapped[list[Loan]] = relationship(back_populates="borrower")


class Project(Timestamped, Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(primary_key=True)
    borrower_id: Mapped[int] = mapped_column(ForeignKey("borrowers.id"), index=True)
    name: Mapped[str] = mapped_column(_text("name"))
    location: Mapped[str | None] = mapped_column(_text("location"))
    region: Mapped[str | None] = mapped_column(_text("region"))
    description: Mapped[str | None] = mapped_column(_text("description"))
    catalogue_code: Mapped[str | None] = mapped_column(_text("catalogue_code"))
    capacity_mw: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    capacity_note: Mapped[str | None] = mapped_column(_text("name"))
    total_investment: Mapped[Decimal | None] = mapped_column(Money())
    annual_co2e_reduction_t: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    carbon_sink_t: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    technology: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    borrower: Mapped[Borrower] = relationship(back_populates="projects")


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
    reference: Mapped[str] = mapped_column(_text("reference"), index=True)
    application_version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("loans.id"), index=True)
    borrower_id: Mapped[int] = mapped_column(ForeignKey("borrowers.id"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    bank: Mapped[str | None] = mapped_column(_text("bank"))
    branch: Mapped[str | None] = mapped_column(_text("branch"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    purpose: Mapped[str | None] = mapped_column(_text("purpose"))
    amount: Mapped[Decimal] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(_text("currency"), default="CNY")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    maturity_date: Mapped[dt.date | None] = mapped_column(Date)
    term_months: Mapped[int | None] = mapped_column(Integer)
    frequency: Mapped[str] = mapped_column(_text("code"), default="quarterly")
    repayment_method: Mapped[str] = mapped_column(_text("code"), default="equal_principal")
    grace_periods: Mapped[int] = mapped_column(Integer, default=0)
    rate_kind: Mapped[str] = mapped_column(_text("code"), default="floating")
    annual_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    base_rate_name: Mapped[str | None] = mapped_column(_text("code"))
    base_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    spread_bps: Mapped[int | None] = mapped_column(Integer)
    day_count: Mapped[str] = mapped_column(_text("code"), default="ACT/360")
    calendar: Mapped[str] = mapped_column(_text("code"), default="CN")
    business_day: Mapped[str] = mapped_column(_text("code"), default="modified_following")
    arrangement_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    commitment_fee_bps: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    agency_fee_per_year: Mapped[Decimal | None] = mapped_column(Money())
    ratchet_cap_bps: Mapped[int | None] = mapped_column(Integer)
    # Days after a KPI test date within which a verified observation may still decide it; None:
    # the house default (resources/kpi/ratchet.json). After that the test counts as missed.
    kpi_grace_days: Mapped[int | None] = mapped_column(Integer)
    coverage_threshold: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    status: Mapped[str] = mapped_column(_text("code"), default="draft", index=True)
    classification_primary: Mapped[str | None] = mapped_column(_text("code"))
    classification_labels: Mapped[list[Any] | None] = mapped_column(JSON)
    green_share: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    classification_json: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The pledges' valuation as last stored by services.valuation (on seeding, loan edits and
    # reference-price changes): totals in integer fen, coverage = eligible value / loan amount.
    collateral_value: Mapped[Decimal | None] = mapped_column(Money())
    eligible_collateral_value: Mapped[Decimal | None] = mapped_column(Money())
    coverage_ratio: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    valued_on: Mapped[dt.date | None] = mapped_column(Date)
    override_primary: Mapped[str | None] = mapped_column(_text("code"))
    override_reason: Mapped[str | None] = mapped_column(_text("note"))
    created_by: Mapped[str | None] = mapped_column(_text("actor"))
    updated_by: Mapped[str | None] = mapped_column(_text("actor"))
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
    name: Mapped[str] = mapped_column(_text("name"))
    unit: Mapped[str | None] = mapped_column(_text("unit"))
    baseline: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    target: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    test_dates: Mapped[list[Any]] = mapped_column(JSON, default=list)
    verifier: Mapped[str | None] = mapped_column(_text("name"))


class LoanUseOfProceeds(Base):
    __tablename__ = "loan_use_of_proceeds"
    loan_id: Mapped[int] = _loan_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    catalogue_code: Mapped[str | None] = mapped_column(_text("catalogue_code"))
    description: Mapped[str | None] = mapped_column(_text("description"))
    amount: Mapped[Decimal] = mapped_column(Money())


class SyndicateShare(Base):
    __tablename__ = "syndicate_shares"
    __table_args__ = (one_of("role", LENDER_ROLES),)
    loan_id: Mapped[int] = _loan_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    lender_name: Mapped[str] = mapped_column(_text("name"))
    role: Mapped[str] = mapped_column(_text("code"))
    commitment: Mapped[Decimal] = mapped_column(Money())
    funded: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))


class Pledge(Base):
    __tablename__ = "pledges"
    __table_args__ = (UniqueConstraint("loan_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    collateral_type: Mapped[str] = mapped_column(_text("code"))
    description: Mapped[str | None] = mapped_column(_text("description"))
    quantity: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    unit: Mapped[str | None] = mapped_column(_text("unit"))
    price_instrument: Mapped[str | None] = mapped_column(_text("instrument"))
    unit_price: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    appraised_value: Mapped[Decimal | None] = mapped_column(Money())
    valuation_date: Mapped[dt.date | None] = mapped_column(Date)
    pledge_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    # "registry" is reserved by Declarative: the column is "registry", the attribute registry_name.
    registry_name: Mapped[str | None] = mapped_column("registry", _text("registry"))
    registration_no: Mapped[str | None] = mapped_column(_text("registration_no"))
    vintage_year: Mapped[int | None] = mapped_column(Integer)
    expiry: Mapped[dt.date | None] = mapped_column(Date)
    owner: Mapped[str | None] = mapped_column(_text("name"))
    # The stored valuation (services.valuation): value and value × pledge rate in fen, the date
    # valued on, and the basis, e.g. "price CEA 2025-12-31" or "appraisal 2024-03-31".
    value: Mapped[Decimal | None] = mapped_column(Money())
    eligible_value: Mapped[Decimal | None] = mapped_column(Money())
    valued_on: Mapped[dt.date | None] = mapped_column(Date)
    value_basis: Mapped[str | None] = mapped_column(_text("source"))
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    loan: Mapped[Loan] = relationship(back_populates="pledges")


class ReferencePrice(Base):
    """A reference price of a traded instrument (CEA, CCER ...) on a date, per unit (CNY/t)."""

    __tablename__ = "reference_prices"
    __table_args__ = (UniqueConstraint("instrument", "price_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instrument: Mapped[str] = mapped_column(_text("instrument"))
    price_date: Mapped[dt.date] = mapped_column(Date)
    price: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit: Mapped[str] = mapped_column(_text("unit"), default="CNY/t")
    source: Mapped[str | None] = mapped_column(_text("source"))


class ReferenceRate(Base):
    """A published base rate (LPR1Y, LPR5Y) in force from its effective date, as a fraction."""

    __tablename__ = "reference_rates"
    __table_args__ = (UniqueConstraint("name", "effective_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(_text("code"))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    rate: Mapped[Decimal] = mapped_column(ExactDecimal())
    source: Mapped[str | None] = mapped_column(_text("source"))


class DecisionVote(Base):
    __tablename__ = "decision_votes"
    __table_args__ = (
        UniqueConstraint("loan_id", "voter_id"),
        one_of("decision", VOTE_DECISIONS),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    voter_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decision: Mapped[str] = mapped_column(_text("code"))
    conditions: Mapped[str | None] = mapped_column(_text("note"))
    comment: Mapped[str | None] = mapped_column(_text("note"))
    cast_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    loan: Mapped[Loan] = relationship(back_populates="votes")


class AuditEvent(Base):
    """One link of the hash-chained audit trail; before/after are canonical JSON text."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(_text("actor"))
    action: Mapped[str] = mapped_column(_text("action"))
    entity_type: Mapped[str] = mapped_column(_text("entity_type"))
    entity_id: Mapped[str | None] = mapped_column(_text("entity_id"))
    before_json: Mapped[str | None] = mapped_column(Text())
    after_json: Mapped[str | None] = mapped_column(Text())
    prev_hash: Mapped[str] = mapped_column(_text("hash"))
    hash: Mapped[str] = mapped_column(_text("hash"))
    # The loan an event belongs to (its own events and its parts'), set on writing; outside the
    # hashed payload, so the chain does not depend on it. A loan's history is an index look-up.
    loan_id: Mapped[int | None] = mapped_column(Integer)


# --- Holiday calendar (issue 14): official years loaded by an administrator, and the calendar
# each loan's schedule was derived with. Kept apart from any schedule-versioning tables.

CALENDAR_DAY_KINDS = ("holiday", "workday")


class CalendarYear(Base):
    """An official CN year loaded from a State Council notice; it overrides the shipped year."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    notice: Mapped[str] = mapped_column(_text("source"))
    file_name: Mapped[str] = mapped_column(_text("source"))
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    imported_by: Mapped[str] = mapped_column(_text("actor"))

    days: Mapped[list[CalendarDay]] = relationship(
        order_by="CalendarDay.day", cascade="all, delete-orphan"
    )


class CalendarDay(Base):
    """One day of an official year: a holiday (day off) or a workday (调休 weekend day)."""

    __tablename__ = "calendar_days"
    __table_args__ = (one_of("kind", CALENDAR_DAY_KINDS),)
    year: Mapped[int] = mapped_column(
        ForeignKey("calendar_years.year", ondelete="CASCADE"), index=True
    )
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(_text("code"))
    name: Mapped[str | None] = mapped_column(_text("name"))


class LoanScheduleCalendar(Base):
    """The calendar a loan's payment dates were last derived with (its version and range),
    and the dates of periods kept as paid when a later calendar would have moved them."""

    __tablename__ = "loan_schedule_calendars"
    loan_id: Mapped[int] = mapped_column(
        ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True
    )
    calendar_version: Mapped[str] = mapped_column(_text("source"))
    official_through: Mapped[int | None] = mapped_column(Integer)
    projection_rule: Mapped[str | None] = mapped_column(_text("code"))
    projected_years: Mapped[list[Any]] = mapped_column(JSON, default=list)
    kept_dates: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {"no": "date"}
    derived_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    derived_by: Mapped[str] = mapped_column(_text("actor"))


# --- Carbon-linked loans after approval (issue 15): KPI observations, decided tests and the
# loan's schedule versions. Keyed by the loan's reference (the facility), so they follow the
# loan across application versions; loan_id names the version they were recorded against.


class KpiObservation(Base):
    """One observed KPI value for one test date, with its verifier, report and maker."""

    __tablename__ = "kpi_observations"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_reference: Mapped[str] = mapped_column(_text("reference"), index=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    kpi_name: Mapped[str] = mapped_column(_text("name"))
    test_date: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit: Mapped[str | None] = mapped_column(_text("unit"))
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    verifier: Mapped[str | None] = mapped_column(_text("name"))
    report_reference: Mapped[str | None] = mapped_column(_text("registration_no"))
    report_date: Mapped[dt.date | None] = mapped_column(Date)
    report_filename: Mapped[str | None] = mapped_column(_text("name"))
    report_sha256: Mapped[str | None] = mapped_column(_text("hash"))
    report_size: Mapped[int | None] = mapped_column(Integer)
    report_data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    entered_by: Mapped[str] = mapped_column(_text("actor"))
    entered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    entered_on: Mapped[dt.date] = mapped_column(Date)
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    unverified_reason: Mapped[str | None] = mapped_column(_text("note"))
    unverified_reason_zh: Mapped[str | None] = mapped_column(_text("note"))
    result: Mapped[str | None] = mapped_column(_text("code"))  # met / missed; None if no SPT
    comparison_zh: Mapped[str | None] = mapped_column(_text("note"))
    comparison_en: Mapped[str | None] = mapped_column(_text("note"))


class KpiTestResult(Base):
    """The decision on one test of one KPI: met, missed or lapsed, and the step it brought."""

    __tablename__ = "kpi_test_results"
    __table_args__ = (
        UniqueConstraint("loan_reference", "kpi_name", "test_date"),
        one_of("outcome", ("met", "missed", "lapsed")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_reference: Mapped[str] = mapped_column(_text("reference"), index=True)
    kpi_name: Mapped[str] = mapped_column(_text("name"))
    test_date: Mapped[dt.date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(_text("code"))
    adjust_bps: Mapped[int] = mapped_column(Integer)
    observation_id: Mapped[int | None] = mapped_column(ForeignKey("kpi_observations.id"))
    schedule_version: Mapped[int | None] = mapped_column(Integer)
    decided_by: Mapped[str] = mapped_column(_text("actor"))
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_on: Mapped[dt.date] = mapped_column(Date)


class LoanScheduleVersion(Base):
    """One version of a loan's schedule: why it changed, the ratchet in force, what it computed.

    Version 1 is the schedule as originated (written when the first change comes); each KPI
    result that moves the margin adds the next. ``terms`` and ``schedule`` are the engine's TERMS
    and schedule JSON as they were, so an old version reads back exactly.
    """

    __tablename__ = "loan_schedule_versions"
    __table_args__ = (
        UniqueConstraint("loan_reference", "version"),
        CheckConstraint("version >= 1", name="version_positive"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_reference: Mapped[str] = mapped_column(_text("reference"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    reason: Mapped[str] = mapped_column(_text("note"))
    ratchet: Mapped[list[Any]] = mapped_column(JSON, default=list)
    terms: Mapped[dict[str, Any]] = mapped_column(JSON)
    schedule: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(_text("actor"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class EmissionInput(Base):
    """PCAF inputs of a borrower or of a project (project finance), one record per subject.

    Money in integer fen (equity may be negative: PCAF counts it as 0), emissions in tCO2e a
    year as exact text; ``activity`` lists ``{"factor", "quantity"}`` for options 2a/2b.
    """

    __tablename__ = "emission_inputs"
    __table_args__ = (
        UniqueConstraint("borrower_id"),
        UniqueConstraint("project_id"),
        CheckConstraint("(borrower_id IS NULL) <> (project_id IS NULL)", name="one_subject"),
        one_of("option", ("1a", "1b", "2a", "2b", "3a", "3b", "3c")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    borrower_id: Mapped[int | None] = mapped_column(ForeignKey("borrowers.id", ondelete="CASCADE"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    option: Mapped[str] = mapped_column(_text("code"))
    equity: Mapped[Decimal | None] = mapped_column(Money())
    debt: Mapped[Decimal | None] = mapped_column(Money())
    total_assets: Mapped[Decimal | None] = mapped_column(Money())
    revenue: Mapped[Decimal | None] = mapped_column(Money())
    scope12_t: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    scope3_t: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    activity: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sector: Mapped[str | None] = mapped_column(_text("code"))
    year: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(_text("source"))
    assumed: Mapped[bool] = mapped_column(Boolean, default=False)


class ProceedsAllocation(Base):
    """Part of one drawdown allocated to one eligible use-of-proceeds line (Green Loan Principles:
    management of proceeds), with its date and evidence. Keyed by the loan's reference; the
    drawdown and line by their numbers on the loan (1-based, as the editor shows them)."""

    __tablename__ = "proceeds_allocations"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_reference: Mapped[str] = mapped_column(_text("reference"), index=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    drawdown_no: Mapped[int] = mapped_column(Integer)
    line_no: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money())
    allocated_on: Mapped[dt.date] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(_text("note"))
    entered_by: Mapped[str] = mapped_column(_text("actor"))
    entered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


# -- carbon accounts and repricing reviews (issue 16: policy programmes) -------------------------


class CarbonAccountRecord(Base):
    """One assessment of a borrower on a carbon-account platform (碳账户): grade (碳效码), carbon
    intensity, date and source. Rows are never changed: the newest by date is the current one,
    the others are its history."""

    __tablename__ = "carbon_account_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    borrower_id: Mapped[int] = mapped_column(
        ForeignKey("borrowers.id", ondelete="CASCADE"), index=True
    )
    platform: Mapped[str] = mapped_column(_text("name"))
    grade: Mapped[str] = mapped_column(_text("grade"))
    intensity: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    intensity_unit: Mapped[str | None] = mapped_column(_text("unit"))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(_text("source"))
    recorded_by: Mapped[str] = mapped_column(_text("actor"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RepricingReview(Base):
    """A live loan flagged for repricing review because its borrower's carbon-account grade
    changed; open until someone resolves it."""

    __tablename__ = "repricing_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("carbon_account_records.id"))
    grade_from: Mapped[str | None] = mapped_column(_text("grade"))
    grade_to: Mapped[str] = mapped_column(_text("grade"))
    raised_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[str | None] = mapped_column(_text("actor"))
    resolution: Mapped[str | None] = mapped_column(_text("note"))


class LibraryEntry(Base):
    """A project (or a borrower) recorded in a project or enterprise library (项目库/企业库): which
    library, its reference there, the date and the recognition rule (认定办法)."""

    __tablename__ = "library_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    borrower_id: Mapped[int | None] = mapped_column(
        ForeignKey("borrowers.id", ondelete="CASCADE"), index=True
    )
    library: Mapped[str] = mapped_column(_text("name"))
    reference: Mapped[str | None] = mapped_column(_text("reference"))
    recognised_on: Mapped[dt.date] = mapped_column(Date)
    rule: Mapped[str] = mapped_column(_text("name"))
    kind: Mapped[str] = mapped_column(_text("code"))
    source: Mapped[str] = mapped_column(_text("source"))
    recorded_by: Mapped[str] = mapped_column(_text("actor"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


# -- The loan list's read model (migration portfolio3) ------------------------------------------


class LoanFacet(Base):
    """A current loan's listed, filtered and searched values in one row, kept by triggers.

    Only current versions have a row (a superseded version's row goes when the newer one
    is inserted), so the list needs no "current" condition and its sort indexes cover it.

    Written only by the triggers of migration ``portfolio3`` (from the view
    ``loan_facet_source``), in the same transaction as the change to the loan, its borrower,
    project, officer or use-of-proceeds lines: the services read it and never write it. Each
    sort key has an index (key, reference, loan_id): the list's order, ties included. The
    search text is in ``loan_search`` (an FTS5 trigram table on SQLite, a table with a
    ``pg_trgm`` GIN index on PostgreSQL).
    """

    __tablename__ = "loan_facets"
    loan_id: Mapped[int] = mapped_column(
        ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True
    )
    reference: Mapped[str] = mapped_column(_text("reference"))
    borrower_name: Mapped[str] = mapped_column(_text("name"))
    project_name: Mapped[str | None] = mapped_column(_text("name"))
    region: Mapped[str | None] = mapped_column(_text("region"))
    province: Mapped[str | None] = mapped_column(_text("region"), index=True)
    prefecture: Mapped[str | None] = mapped_column(_text("region"), index=True)
    classification: Mapped[str | None] = mapped_column(_text("code"))
    status: Mapped[str] = mapped_column(_text("code"))
    category: Mapped[str | None] = mapped_column(_text("catalogue_code"))
    officer_id: Mapped[int | None] = mapped_column(Integer, index=True)
    amount: Mapped[Decimal] = mapped_column(Money())
    eligible_value: Mapped[Decimal | None] = mapped_column(Money())
    coverage_bp: Mapped[int | None] = mapped_column(BigInteger)  # coverage × 10,000 (None: none)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    maturity_date: Mapped[dt.date | None] = mapped_column(Date)
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    co2e_reduction_mt: Mapped[int | None] = mapped_column(BigInteger)  # milli-tonnes a year
    carbon_sink_mt: Mapped[int | None] = mapped_column(BigInteger)  # milli-tonnes

    __table_args__ = (
        Index("ix_loan_facets_reference", "reference", "loan_id"),
        *(
            Index(f"ix_loan_facets_{key}", key, "reference", "loan_id")
            for key in (
                "borrower_name",
                "project_name",
                "region",
                "amount",
                "status",
                "classification",
                "start_date",
                "maturity_date",
                "updated_at",
            )
        ),
        # covering indexes of the dashboard's grouped sums (an index-only walk, no sort step)
        Index(
            "ix_loan_facets_class_totals",
            "classification",
            "amount",
            "co2e_reduction_mt",
            "carbon_sink_mt",
        ),
        Index("ix_loan_facets_category", "category", "classification", "amount"),
        Index("ix_loan_facets_coverage", "coverage_bp", "amount"),
        Index("ix_loan_facets_ladder", "status", "maturity_date", "amount"),
    )


# A loan's trail in order: one walk of (loan_id, seq).
Index("ix_audit_events_loan_id", AuditEvent.loan_id, AuditEvent.seq)
Index("ix_audit_events_entity", AuditEvent.entity_type, AuditEvent.entity_id)
# The collateral-type filter reads pledges by type, then their loans; the dashboard's collateral
# mix sums their values from the same index (covering).
Index(
    "ix_pledges_collateral_type",
    Pledge.collateral_type,
    Pledge.loan_id,
    Pledge.value,
    Pledge.eligible_value,
)

LOAN_SEARCH_OBJECTS = ("loan_search",)
"""Search objects outside the models (the FTS5 table, its shadow and vocabulary tables; on
PostgreSQL the table and its GIN index): names starting so belong to migration portfolio3."""


# -- desk: conditions precedent (放款前提条件) of an approval with conditions -------------------


class LoanCondition(Base):
    """One condition precedent set by the committee; disbursement waits until all are met.

    Rows are written when the decision is approved with conditions, one per line of each
    approving reviewer's conditions; ``satisfied_*`` record who marked it met, when, and on what
    evidence. A reopened loan is a new application and gets its own conditions at its decision.
    """

    __tablename__ = "loan_conditions"
    __table_args__ = (UniqueConstraint("loan_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(_text("note"))
    reviewer: Mapped[str | None] = mapped_column(_text("actor"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    satisfied_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    satisfied_by: Mapped[str | None] = mapped_column(_text("actor"))
    evidence: Mapped[str | None] = mapped_column(_text("note"))


# -- log-in state of each user (issue 11): kept beside ``users`` so that failed log-ins and the
# demo-password flag never touch the user row itself.


class UserLoginState(Base):
    """Consecutive failed log-ins, the lock they caused, and whether the password is the demo's.

    One row per user, created on the first event; no row means no failures and no demo password.
    """

    __tablename__ = "user_login_state"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    demo_password: Mapped[bool] = mapped_column(Boolean, default=False)


# -- evidence on file for a project (issue 12 point 1): the documents that satisfy the catalogue's
# required evidence (核准/备案, 并网, 环评 …), each with its received date, issuer and file.


class EvidenceDocument(Base):
    """One document received for a project, of a catalogue evidence ``kind``.

    The file's SHA-256 is kept with it; on SQLite the bytes live beside the database file
    (``stored_name`` in ``<db>.files/evidence/``), on a server database in ``content`` (every
    desk reads the same server, none shares a folder with it).
    """

    __tablename__ = "evidence_documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(_text("code"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(_text("name"))
    reference: Mapped[str | None] = mapped_column(_text("reference"))
    file_name: Mapped[str] = mapped_column(_text("name"))
    file_size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(_text("hash"))
    stored_name: Mapped[str | None] = mapped_column(_text("name"))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    recorded_by: Mapped[str] = mapped_column(_text("actor"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


# -- the portfolio export's schedule cache (issue 13 point 3): each loan's borrower schedule as
# the export needs it, stored so that an export recomputes only the loans whose terms or
# calendar changed since the last one.


class LoanScheduleAggregate(Base):
    """One loan's borrower schedule reduced to what the portfolio workbook reads.

    ``periods`` is compact JSON ``[[payment-date ordinal, principal fen, interest fen], …]`` of
    the periods paying principal or interest. ``terms_key`` hashes the schedule terms, the kept
    payment dates, the desk's calendar version and the aggregate format: a row whose key differs
    from the loan's current key is stale and is recomputed.
    """

    __tablename__ = "loan_schedule_aggregates"
    loan_id: Mapped[int] = mapped_column(
        ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True
    )
    terms_key: Mapped[str] = mapped_column(String(64))
    periods: Mapped[str] = mapped_column(Text)
    computed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LoanScheduleAggregateCheck(Base):
    """Which stored schedule aggregate holds a loan's current schedule (``services.outstanding``).

    ``inputs_digest`` hashes what the loan's TERMS are built from as SQL reads it (term columns,
    term rows, kept dates, the KPI results setting its ratchet); ``terms_key`` is the key of the
    ``loan_schedule_aggregates`` row those inputs gave under ``calendar_version``. While the
    digest, the calendar version and the aggregate's key all still match, the aggregate is
    read without loading the loan; otherwise the loan is loaded and checked again.
    """

    __tablename__ = "loan_schedule_aggregate_checks"
    loan_id: Mapped[int] = mapped_column(
        ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True
    )
    inputs_digest: Mapped[str] = mapped_column(String(64))
    calendar_version: Mapped[str] = mapped_column(_text("source"))
    terms_key: Mapped[str] = mapped_column(String(64))
    checked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LoanPrincipalStep(Base):
    """A checked loan's principal repaid by each of its principal payment dates, cumulative.

    Written with the loan's ``LoanScheduleAggregateCheck`` from the aggregate it checked: the
    principal due by a day is ``repaid_fen`` of the last step on or before it (0 before the
    first), one index seek per loan.
    """

    __tablename__ = "loan_principal_steps"
    loan_id: Mapped[int] = mapped_column(
        ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[int] = mapped_column(Integer, primary_key=True)  # the payment date's ordinal
    repaid_fen: Mapped[int] = mapped_column(BigInteger)
