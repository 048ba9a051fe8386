"""Why a project counts as green: the documents on file for it and its project-library entries."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, ForeignKey, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from greendesk.store.models.base import Base, sized_text
from greendesk.store.types import UTCDateTime, utcnow

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
    kind: Mapped[str] = mapped_column(sized_text("code"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(sized_text("name"))
    reference: Mapped[str | None] = mapped_column(sized_text("reference"))
    file_name: Mapped[str] = mapped_column(sized_text("name"))
    file_size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(sized_text("hash"))
    stored_name: Mapped[str | None] = mapped_column(sized_text("name"))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    recorded_by: Mapped[str] = mapped_column(sized_text("actor"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


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
    library: Mapped[str] = mapped_column(sized_text("name"))
    reference: Mapped[str | None] = mapped_column(sized_text("reference"))
    recognised_on: Mapped[dt.date] = mapped_column(Date)
    rule: Mapped[str] = mapped_column(sized_text("name"))
    kind: Mapped[str] = mapped_column(sized_text("code"))
    source: Mapped[str] = mapped_column(sized_text("source"))
    recorded_by: Mapped[str] = mapped_column(sized_text("actor"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
