"""The portfolio export's schedule cache: each loan's borrower schedule aggregates.

Issue 13 point 3: an export recomputed every disbursed loan's schedule. The new table keeps each
loan's periods (payment date, principal and interest in fen) under a key hashing the terms and
the calendar version; the export fills it and recomputes only stale rows. Nothing to back-fill.

Revision ID: export1
Revises: trusta1
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "export1"
down_revision: str | Sequence[str] | None = "evidence1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "loan_schedule_aggregates",
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("terms_key", sa.String(length=64), nullable=False),
        sa.Column("periods", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_loan_schedule_aggregates_loan_id_loans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("loan_id", name=op.f("pk_loan_schedule_aggregates")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("loan_schedule_aggregates")
