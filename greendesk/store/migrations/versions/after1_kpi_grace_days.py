"""A grace period per loan for KPI observations: ``loans.kpi_grace_days`` (issue 15, part 1).

One nullable integer column: days after a KPI test date within which a verified observation may
still decide the test; NULL keeps the house default (``resources/kpi/ratchet.json``). Adding a
nullable column needs no table rebuild on SQLite, so the portfolio view and triggers stay.

Revision ID: after1
Revises: dash1
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "after1"
down_revision: str | Sequence[str] | None = "dash1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("loans", sa.Column("kpi_grace_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    # Plain DROP COLUMN (SQLite 3.35+ and PostgreSQL): a batch rebuild of ``loans`` would have
    # to drop and recreate the portfolio view and triggers, and no view or trigger names it.
    op.execute("ALTER TABLE loans DROP COLUMN kpi_grace_days")
