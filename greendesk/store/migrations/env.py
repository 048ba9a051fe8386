"""Alembic environment for GreenDesk, run from code (greendesk.store.migrate), not from alembic.ini.

The caller passes an open connection, already inside its transaction, in
``config.attributes["connection"]``; the whole upgrade then commits or rolls back as one.
For authoring a new revision by hand, ``alembic -c <ini>`` with ``sqlalchemy.url`` also works.
SQLite migrations use batch mode (table copy) so that later revisions can alter columns.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.types import TypeDecorator

from greendesk.store.models import Base

config = context.config
target_metadata = Base.metadata


def render_item(kind: str, obj: Any, autogen_context: Any) -> Any:
    """Render GreenDesk's column types as their plain storage types, so revisions never import
    application code (a revision must keep working after the models move on)."""
    if kind == "type" and isinstance(obj, TypeDecorator):
        impl = obj.impl_instance
        autogen_context.imports.add("import sqlalchemy as sa")
        return f"sa.{impl!r}"
    return False


def _configure(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        render_item=render_item,
        compare_type=True,
        transactional_ddl=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("GreenDesk migrations run online only (greendesk db upgrade)")
run_migrations_online()
