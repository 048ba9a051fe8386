"""The Alembic migrations and the SQLAlchemy models describe the same schema, on both databases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from greendesk.store import migrate
from greendesk.store.database import Database, open_database


def test_freshly_migrated_database_matches_the_models(database: Database) -> None:
    with database.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        differences = migrate.schema_differences(conn)
    assert differences == []


def test_comparison_notices_a_difference(database: Database) -> None:
    """The check can fail: a column the models do not know is reported."""
    with database.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE borrowers ADD COLUMN stray_note VARCHAR(10)")
    with database.engine.connect() as conn:
        differences = migrate.schema_differences(conn)
    assert any(
        d[0] == "remove_column" and d[2] == "borrowers" and d[3].name == "stray_note"
        for d in differences
    ), differences


def test_revision_graph_read_from_the_scripts_is_alembics() -> None:
    """Opening reads the revisions from the scripts' text, without Alembic: the same graph, head
    and known revisions as Alembic's own reading of the packaged migrations."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    alembic_graph = {}
    for script in scripts.walk_revisions():
        follows = script.down_revision
        alembic_graph[script.revision] = (follows,) if isinstance(follows, str) else follows or ()
    assert migrate.revision_graph() == {k: tuple(v) for k, v in alembic_graph.items()}
    assert migrate.head_revision() == scripts.get_current_head()
    assert all(migrate.is_known_revision(revision) for revision in alembic_graph)
    assert not migrate.is_known_revision("zz_from_a_newer_greendesk")


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    """Alembic is loaded only to migrate: a database already at head opens without it."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    open_database(url).dispose()  # created and migrated here, in this process
    code = (
        "import sys\n"
        "from greendesk.store.database import open_database\n"
        f"db = open_database({url!r})\n"
        "print(db.migrated_from, 'alembic' in sys.modules)\n"
        "db.dispose()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [migrate.head_revision(), "False"]
