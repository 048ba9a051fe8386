"""Allow the head-office analyst role (``analyst``) in ``users.role``.

The role's CHECK constraint lists the roles; it is replaced by one that also names
``analyst``. SQLite cannot alter a constraint, so the table is rebuilt in batch mode (Alembic
copies the rows); PostgreSQL drops and adds the constraint.

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

_BEFORE = "role IN ('officer', 'reviewer', 'admin')"
_AFTER = "role IN ('officer', 'reviewer', 'admin', 'analyst')"


def _replace(condition: str) -> None:
    with op.batch_alter_table("users", recreate="auto") as batch_op:
        batch_op.drop_constraint(op.f("ck_users_role_valid"), type_="check")
        batch_op.create_check_constraint(op.f("ck_users_role_valid"), condition)


def upgrade() -> None:
    """Upgrade schema."""
    _replace(_AFTER)


def downgrade() -> None:
    """Downgrade schema (fails while an analyst account exists: delete it first)."""
    _replace(_BEFORE)
