"""Index loans.previous_id: the loan list keeps only rows no newer version names as previous.

``services.portfolio`` (and ``services.assessment``) pick the current version of each application
with ``NOT EXISTS (SELECT … WHERE newer.previous_id = loans.id)``; without an index that is a full
scan per loan, quadratic in the number of loans (minutes at 100,000 loans), with it a look-up.
A plain CREATE INDEX runs the same on SQLite and PostgreSQL (no table copy needed).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(op.f("ix_loans_previous_id"), "loans", ["previous_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_loans_previous_id"), table_name="loans")
