"""Facts about the database itself, such as the mark that it is a GreenDesk database."""

from __future__ import annotations

from sqlalchemy.orm import Mapped, mapped_column

from greendesk.store.models.base import Base, sized_text


class AppMeta(Base):
    """Key/value facts about the database itself; ``application=greendesk`` marks ours."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(sized_text("meta_key"), primary_key=True)
    value: Mapped[str] = mapped_column(sized_text("note"))
