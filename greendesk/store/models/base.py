"""What every table shares: ``Base`` and its naming convention, sized text, coded-value checks.

Constraint and index names follow ``NAMING_CONVENTION`` so the migrations can name what they
alter; text columns are sized from ``domain.validation.LIMITS`` so the services check the same
lengths the database holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, ClassVar

from sqlalchemy import JSON, CheckConstraint, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from greendesk.domain.validation import LIMITS
from greendesk.store.types import UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def sized_text(limit: str) -> String:
    """A ``String`` as long as ``LIMITS[limit]``, the length the services validate against."""
    return String(LIMITS[limit])


def one_of(column: str, choices: Sequence[str], *, nullable: bool = False) -> CheckConstraint:
    """A CHECK that a coded column holds one of ``choices`` (named ``<column>_valid``)."""
    listed = ", ".join("'" + c.replace("'", "''") + "'" for c in choices)
    condition = f"{column} IN ({listed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=f"{column}_valid")


class Base(DeclarativeBase):
    """The declarative base of every GreenDesk table; its metadata is the schema."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        str: String(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class Timestamped:
    """Creation and last-change instants (UTC), set by the ORM on insert and update."""

    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
