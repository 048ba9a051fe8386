"""The loan list's read model: one row of listed, filtered and searched values per current loan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from greendesk.store.models.base import Base, sized_text
from greendesk.store.types import Money, UTCDateTime

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
    reference: Mapped[str] = mapped_column(sized_text("reference"))
    borrower_name: Mapped[str] = mapped_column(sized_text("name"))
    project_name: Mapped[str | None] = mapped_column(sized_text("name"))
    region: Mapped[str | None] = mapped_column(sized_text("region"))
    province: Mapped[str | None] = mapped_column(sized_text("region"), index=True)
    prefecture: Mapped[str | None] = mapped_column(sized_text("region"), index=True)
    classification: Mapped[str | None] = mapped_column(sized_text("code"))
    status: Mapped[str] = mapped_column(sized_text("code"))
    category: Mapped[str | None] = mapped_column(sized_text("catalogue_code"))
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


LOAN_SEARCH_OBJECTS = ("loan_search",)
"""Search objects outside the models (the FTS5 table, its shadow and vocabulary tables; on
PostgreSQL the table and its GIN index): names starting so belong to migration portfolio3."""
