"""Carbon data of borrowers and projects: PCAF emission inputs, carbon-account assessments and
the repricing reviews a changed grade raises.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from greendesk.store.models.base import Base, one_of, sized_text
from greendesk.store.types import ExactDecimal, Money, UTCDateTime, utcnow


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
    option: Mapped[str] = mapped_column(sized_text("code"))
    equity: Mapped[Decimal | None] = mapped_column(Money())
    debt: Mapped[Decimal | None] = mapped_column(Money())
    total_assets: Mapped[Decimal | None] = mapped_column(Money())
    revenue: Mapped[Decimal | None] = mapped_column(Money())
    scope12_t: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    scope3_t: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    activity: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sector: Mapped[str | None] = mapped_column(sized_text("code"))
    year: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(sized_text("source"))
    assumed: Mapped[bool] = mapped_column(Boolean, default=False)


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
    platform: Mapped[str] = mapped_column(sized_text("name"))
    grade: Mapped[str] = mapped_column(sized_text("grade"))
    intensity: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    intensity_unit: Mapped[str | None] = mapped_column(sized_text("unit"))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(sized_text("source"))
    recorded_by: Mapped[str] = mapped_column(sized_text("actor"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RepricingReview(Base):
    """A live loan flagged for repricing review because its borrower's carbon-account grade
    changed; open until someone resolves it."""

    __tablename__ = "repricing_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("carbon_account_records.id"))
    grade_from: Mapped[str | None] = mapped_column(sized_text("grade"))
    grade_to: Mapped[str] = mapped_column(sized_text("grade"))
    raised_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[str | None] = mapped_column(sized_text("actor"))
    resolution: Mapped[str | None] = mapped_column(sized_text("note"))
