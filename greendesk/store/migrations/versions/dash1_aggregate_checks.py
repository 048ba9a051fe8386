"""Checks of the stored schedule aggregates: which one holds each loan's current schedule.

Financed emissions (``greendesk emissions``, the dashboard) read each disbursed loan's
outstanding principal from ``loan_schedule_aggregates``; a check row pairs the digest of the
loan's term inputs and the calendar version with the aggregate key they gave, so a fresh
aggregate is recognised in SQL without loading the loan, and the principal steps (cumulative
principal repaid by each payment date) give the principal due by any day in one index seek. Nothing to back-fill: a loan without a
check is checked on the next report.

Revision ID: dash1
Revises: export1
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "dash1"
down_revision: str | Sequence[str] | None = "export1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "loan_schedule_aggregate_checks",
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("inputs_digest", sa.String(length=64), nullable=False),
        sa.Column("calendar_version", sa.String(length=200), nullable=False),
        sa.Column("terms_key", sa.String(length=64), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_loan_schedule_aggregate_checks_loan_id_loans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("loan_id", name=op.f("pk_loan_schedule_aggregate_checks")),
    )
    op.create_table(
        "loan_principal_steps",
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("repaid_fen", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_loan_principal_steps_loan_id_loans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("loan_id", "day", name=op.f("pk_loan_principal_steps")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("loan_principal_steps")
    op.drop_table("loan_schedule_aggregate_checks")
