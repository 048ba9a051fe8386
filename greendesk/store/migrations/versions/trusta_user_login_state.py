"""Log-in state per user (failed log-ins, lock, demo password) and the demo-database mark.

Issue 11: five failed log-ins lock an account; an account still holding the public demo
password is flagged and must change it outside the demo database. A new table keeps this beside
``users``. Existing databases are back-filled: a demo account (the five documented names) whose
hash still matches the demo password is flagged, and a database seeded with the demo portfolio
whose users are all demo accounts is marked as the demo database (``app_meta.demo_database``).

Revision ID: trusta1
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from greendesk.domain.passwords import verify_password

# revision identifiers, used by Alembic.
revision: str = "trusta1"
down_revision: str | Sequence[str] | None = "desk1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As in services.auth at the time of writing (a migration keeps its own copy of the facts).
_DEMO_PASSWORD = "greendesk-demo"
_DEMO_NAMES = ("officer", "reviewer1", "reviewer2", "reviewer3", "admin")


def upgrade() -> None:
    """Upgrade schema."""
    table = op.create_table(
        "user_login_state",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("demo_password", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_user_login_state_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_user_login_state")),
    )
    conn = op.get_bind()
    users = sa.table(
        "users",
        sa.column("id", sa.Integer()),
        sa.column("username", sa.String()),
        sa.column("password_hash", sa.String()),
    )
    rows = conn.execute(sa.select(users.c.id, users.c.username, users.c.password_hash)).all()
    flagged = [
        {"user_id": r.id, "failed_logins": 0, "demo_password": True}
        for r in rows
        if r.username in _DEMO_NAMES and verify_password(_DEMO_PASSWORD, r.password_hash or "")
    ]
    if flagged:
        op.bulk_insert(table, flagged)
    meta = sa.table("app_meta", sa.column("key", sa.String()), sa.column("value", sa.String()))
    seeded = conn.execute(
        sa.select(meta.c.value).where(meta.c.key == "demo_seeded_at")
    ).scalar_one_or_none()
    if seeded is not None and rows and all(r.username in _DEMO_NAMES for r in rows):
        op.bulk_insert(meta, [{"key": "demo_database", "value": seeded}])


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM app_meta WHERE key = 'demo_database'")
    op.drop_table("user_login_state")
