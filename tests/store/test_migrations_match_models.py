"""The Alembic migrations and the SQLAlchemy models describe the same schema, on both databases."""

from __future__ import annotations

from greendesk.store import migrate
from greendesk.store.database import Database


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
