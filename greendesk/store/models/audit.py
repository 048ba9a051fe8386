"""The hash-chained audit trail, indexed for a loan's history and an entity's events."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from greendesk.store.models.base import Base, sized_text
from greendesk.store.types import UTCDateTime


class AuditEvent(Base):
    """One link of the hash-chained audit trail; before/after are canonical JSON text."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(sized_text("actor"))
    action: Mapped[str] = mapped_column(sized_text("action"))
    entity_type: Mapped[str] = mapped_column(sized_text("entity_type"))
    entity_id: Mapped[str | None] = mapped_column(sized_text("entity_id"))
    before_json: Mapped[str | None] = mapped_column(Text())
    after_json: Mapped[str | None] = mapped_column(Text())
    prev_hash: Mapped[str] = mapped_column(sized_text("hash"))
    hash: Mapped[str] = mapped_column(sized_text("hash"))
    # The loan an event belongs to (its own events and its parts'), set on writing; outside the
    # hashed payload, so the chain does not depend on it. A loan's history is an index look-up.
    loan_id: Mapped[int | None] = mapped_column(Integer)


# A loan's trail in order: one walk of (loan_id, seq).
Index("ix_audit_events_loan_id", AuditEvent.loan_id, AuditEvent.seq)
Index("ix_audit_events_entity", AuditEvent.entity_type, AuditEvent.entity_id)
