"""Use of proceeds over the loan's life: ``proceeds_allocations`` (issue 15, part 3).

One new table: each row allocates part of one drawdown to one use-of-proceeds line of the loan
(amount in integer fen, date, evidence, who entered it).

Revision ID: kpi3
Revises: kpi2
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "kpi3"
down_revision: str | Sequence[str] | None = "kpi2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "proceeds_allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_reference", sa.String(length=40), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("drawdown_no", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("allocated_on", sa.Date(), nullable=False),
        sa.Column("evidence", sa.String(length=2000), nullable=False),
        sa.Column("entered_by", sa.String(length=64), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_proceeds_allocations_amount_positive")),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_proceeds_allocations_loan_id_loans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proceeds_allocations")),
    )
    with op.batch_alter_table("proceeds_allocations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proceeds_allocations_loan_reference"), ["loan_reference"], unique=False
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("proceeds_allocations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proceeds_allocations_loan_reference"))

    op.drop_table("proceeds_allocations")
