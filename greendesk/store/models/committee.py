"""The credit committee's work on a loan: reviewers' votes and the conditions precedent set."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from greendesk.domain.validation import VOTE_DECISIONS
from greendesk.store.models.base import Base, one_of, sized_text
from greendesk.store.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from greendesk.store.models.loans import Loan


class DecisionVote(Base):
    __tablename__ = "decision_votes"
    __table_args__ = (
        UniqueConstraint("loan_id", "voter_id"),
        one_of("decision", VOTE_DECISIONS),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    voter_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decision: Mapped[str] = mapped_column(sized_text("code"))
    conditions: Mapped[str | None] = mapped_column(sized_text("note"))
    comment: Mapped[str | None] = mapped_column(sized_text("note"))
    cast_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    loan: Mapped[Loan] = relationship(back_populates="votes")


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
    text: Mapped[str] = mapped_column(sized_text("note"))
    reviewer: Mapped[str | None] = mapped_column(sized_text("actor"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    satisfied_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    satisfied_by: Mapped[str | None] = mapped_column(sized_text("actor"))
    evidence: Mapped[str | None] = mapped_column(sized_text("note"))
