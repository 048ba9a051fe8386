"""The people and organisations on the desk: users and their log-in state, borrowers, projects.

Borrowers and projects carry a ``version`` column for optimistic locking.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from greendesk.domain.validation import SECTORS, USER_ROLES
from greendesk.store.models.base import Base, Timestamped, one_of, sized_text
from greendesk.store.types import ExactDecimal, Money, UTCDateTime, utcnow

if TYPE_CHECKING:
    from greendesk.store.models.loans import Loan


class User(Base):
    __tablename__ = "users"
    __table_args__ = (one_of("role", USER_ROLES),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sized_text("username"), unique=True)
    display_name: Mapped[str] = mapped_column(sized_text("display_name"))
    role: Mapped[str] = mapped_column(sized_text("code"))
    password_hash: Mapped[str] = mapped_column(sized_text("password_hash"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


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


class Borrower(Timestamped, Base):
    __tablename__ = "borrowers"
    __table_args__ = (one_of("sector", SECTORS),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sized_text("name"))
    credit_code: Mapped[str] = mapped_column(sized_text("credit_code"), unique=True)
    industry: Mapped[str | None] = mapped_column(sized_text("industry"))
    sector: Mapped[str] = mapped_column(sized_text("code"), default="other")
    region: Mapped[str | None] = mapped_column(sized_text("region"))
    carbon_account_grade: Mapped[str | None] = mapped_column(sized_text("grade"))
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
    name: Mapped[str] = mapped_column(sized_text("name"))
    location: Mapped[str | None] = mapped_column(sized_text("location"))
    region: Mapped[str | None] = mapped_column(sized_text("region"))
    description: Mapped[str | None] = mapped_column(sized_text("description"))
    catalogue_code: Mapped[str | None] = mapped_column(sized_text("catalogue_code"))
    capacity_mw: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    capacity_note: Mapped[str | None] = mapped_column(sized_text("name"))
    total_investment: Mapped[Decimal | None] = mapped_column(Money())
    annual_co2e_reduction_t: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    carbon_sink_t: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    technology: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    borrower: Mapped[Borrower] = relationship(back_populates="projects")
