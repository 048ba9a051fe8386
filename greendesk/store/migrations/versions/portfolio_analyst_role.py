"""Allow the head-office analyst role (``analyst``) in ``users.role``.

The role's CHECK constraint lists the roles; it becomes one that also names ``analyst``.
PostgreSQL drops and adds the constraint. SQLite cannot alter a constraint, and rebuilding
``users`` is not possible inside the migration's transaction (loans and votes refer to it, and
foreign keys cannot be switched off inside a transaction), so the table's recorded definition is
rewritten in place — SQLite's documented procedure for a change that leaves every stored row
valid (ALTER TABLE, "making other kinds of table schema changes"): the widened CHECK accepts
every existing row.

Revision ID: portfolio2
Revises: portfolio1
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "portfolio2"
down_revision: str | Sequence[str] | None = "portfolio1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "ck_users_role_valid"
_BEFORE = "role IN ('officer', 'reviewer', 'admin')"
_AFTER = "role IN ('officer', 'reviewer', 'admin', 'analyst')"


def _sqlite_rewrite(old: str, new: str) -> None:
    conn = op.get_bind()
    table_sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'"
    ).scalar_one()
    if table_sql.count(f"CHECK ({old})") != 1:
        raise RuntimeError(f"users: the role check is not {old!r}; not changed")
    version = int(conn.exec_driver_sql("PRAGMA schema_version").scalar_one())
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    conn.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'users'",
        (table_sql.replace(f"CHECK ({old})", f"CHECK ({new})"),),
    )
    conn.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def _replace(old: str, new: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_rewrite(old, new)
        return
    op.drop_constraint(op.f(_NAME), "users", type_="check")  # op.f: the name as written
    op.create_check_constraint(op.f(_NAME), "users", new)


def upgrade() -> None:
    """Upgrade schema."""
    _replace(_BEFORE, _AFTER)


def downgrade() -> None:
    """Downgrade schema (refused while an analyst account exists: deactivate and rename it)."""
    if op.get_bind().dialect.name == "sqlite":
        taken = op.get_bind().exec_driver_sql("SELECT count(*) FROM users WHERE role = 'analyst'")
        if taken.scalar_one():
            raise RuntimeError("users: analyst accounts exist; the role cannot be removed")
    _replace(_AFTER, _BEFORE)
