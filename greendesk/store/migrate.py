"""Alembic, driven from code: the migrations ship inside the package (no alembic.ini needed).

``upgrade_to_head`` runs on a connection that is already inside the caller's transaction, so a
failed migration leaves the database exactly as it was. ``schema_differences`` compares the models
with a migrated database; the test suite requires it to find nothing.

Opening a database that is already at head needs only the revision graph, which is read here
from the scripts' ``revision`` / ``down_revision`` lines: Alembic (a fifth of the window's start)
is imported only to migrate, to compare or to read a live revision. A store test checks that
this reading agrees with Alembic's own.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
_IDENTIFIER = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def alembic_config(connection: Connection | None = None) -> Config:
    """An in-memory Alembic configuration pointing at the packaged migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """Each packaged revision and the revisions it follows, read from the scripts' text."""
    graph: dict[str, tuple[str, ...]] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(_IDENTIFIER.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue  # not a migration script
        revision = ast.literal_eval(found["revision"])
        follows = ast.literal_eval(found.get("down_revision", "None"))
        if isinstance(follows, str):
            follows = (follows,)
        graph[revision] = tuple(follows or ())
    return graph


def head_revision() -> str:
    """The newest schema revision this code knows (the one no other revision follows)."""
    graph = revision_graph()
    followed = {parent for parents in graph.values() for parent in parents}
    heads = [revision for revision in graph if revision not in followed]
    if len(heads) != 1:  # pragma: no cover - the package always ships one line of migrations
        raise RuntimeError(f"expected one migration head in {MIGRATIONS_DIR}, found {heads}")
    return heads[0]


def is_known_revision(revision: str) -> bool:
    """Whether ``revision`` is one of ours (an unknown one comes from a newer GreenDesk)."""
    return revision in revision_graph()


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, or None for a database never migrated."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection) -> None:
    """Migrate to head inside the connection's current transaction (the caller commits)."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def schema_differences(connection: Connection) -> list[Any]:
    """Differences between the models and the database's schema (empty when they agree)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

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
