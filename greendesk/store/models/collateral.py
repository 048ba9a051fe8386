"""Collateral pledged to a loan, with its stored valuation (``services.valuation``).

Pledges carry a ``version`` column for optimistic locking.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from greendesk.store.models.base import Base, sized_text
from greendesk.store.types import ExactDecimal, Money

if TYPE_CHECKING:
    from greendesk.store.models.loans import Loan


class Pledge(Base):
    __tablename__ = "pledges"
    __table_args__ = (UniqueConstraint("loan_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    collateral_type: Mapped[str] = mapped_column(sized_text("code"))
    description: Mapped[str | None] = mapped_column(sized_text("description"))
    quantity: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    unit: Mapped[str | None] = mapped_column(sized_text("unit"))
    price_instrument: Mapped[str | None] = mapped_column(sized_text("instrument"))
    unit_price: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    appraised_value: Mapped[Decimal | None] = mapped_column(Money())
    valuation_date: Mapped[dt.date | None] = mapped_column(Date)
    pledge_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    # "registry" is reserved by Declarative: the column is "registry", the attribute registry_name.
    registry_name: Mapped[str | None] = mapped_column("registry", sized_text("registry"))
    registration_no: Mapped[str | None] = mapped_column(sized_text("registration_no"))
    vintage_year: Mapped[int | None] = mapped_column(Integer)
    expiry: Mapped[dt.date | None] = mapped_column(Date)
    owner: Mapped[str | None] = mapped_column(sized_text("name"))
    # The stored valuation (services.valuation): value and value × pledge rate in fen, the date
    # valued on, and the basis, e.g. "price CEA 2025-12-31" or "appraisal 2024-03-31".
    value: Mapped[Decimal | None] = mapped_column(Money())
    eligible_value: Mapped[Decimal | None] = mapped_column(Money())
    valued_on: Mapped[dt.date | None] = mapped_column(Date)
    value_basis: Mapped[str | None] = mapped_column(sized_text("source"))
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    loan: Mapped[Loan] = relationship(back_populates="pledges")


# The collateral-type filter reads pledges by type, then their loans; the dashboard's collateral
# mix sums their values from the same index (covering).
Index(
    "ix_pledges_collateral_type",
    Pledge.collateral_type,
    Pledge.loan_id,
    Pledge.value,
    Pledge.eligible_value,
)
