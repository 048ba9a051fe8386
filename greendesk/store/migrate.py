"""Alembic, driven from code: the migrations ship inside the package (no alembic.ini needed).

``upgrade_to_head`` runs on a connection that is already inside the caller's transaction, so a
failed migration leaves the database exactly as it was. ``schema_differences`` compares the models
with a migrated database; the test suite requires it to find nothing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> Config:
    """An in-memory Alembic configuration pointing at the packaged migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest schema revision this code knows."""
    head = _script().get_current_head()
    if head is None:  # pragma: no cover - the package always ships its migrations
        raise RuntimeError("no migrations found in " + str(MIGRATIONS_DIR))
    return head


def is_known_revision(revision: str) -> bool:
    """Whether ``revision`` is one of ours (an unknown one comes from a newer GreenDesk)."""
    try:
        return _script().get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, or None for a database never migrated."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection) -> None:
    """Migrate to head inside the connection's current transaction (the caller commits)."""
    command.upgrade(alembic_config(connection), "head")


def schema_differences(connection: Connection) -> list[Any]:
    """Differences between the models and the database's schema (empty when they agree)."""
    from greendesk.store.models import LOAN_SEARCH_OBJECTS, Base

    def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
        # the trigram search objects (FTS5 table and its shadow tables, GIN index) are the
        # migration's alone; the models cannot describe them
        return not (name and name.startswith(LOAN_SEARCH_OBJECTS))

    context = MigrationContext.configure(
        connection,
        opts={
            "compare_type": True,
            "compare_server_default": True,
            "include_name": include_name,
        },
    )
    return list(compare_metadata(context, Base.metadata))
