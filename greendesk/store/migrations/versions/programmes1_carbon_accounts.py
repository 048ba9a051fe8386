"""Carbon-account records (碳账户: grade 碳效码, intensity, date, source, with history) and the
repricing reviews a grade change raises on the borrower's live loans.

Revision ID: programmes1
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "programmes1"
down_revision: str | Sequence[str] | None = "kpi3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "carbon_account_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("borrower_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=200), nullable=False),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("intensity", sa.String(length=40), nullable=True),
        sa.Column("intensity_unit", sa.String(length=32), nullable=True),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["borrower_id"], ["borrowers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_carbon_account_records_borrower_id"),
        "carbon_account_records",
        ["borrower_id"],
        unique=False,
    )
    op.create_table(
        "repricing_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("grade_from", sa.String(length=16), nullable=True),
        sa.Column("grade_to", sa.String(length=16), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("resolution", sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(["loan_id"], ["loans.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["record_id"], ["carbon_account_records.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_repricing_reviews_loan_id"), "repricing_reviews", ["loan_id"], unique=False
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_repricing_reviews_loan_id"), table_name="repricing_reviews")
    op.drop_table("repricing_reviews")
    op.drop_index(
        op.f("ix_carbon_account_records_borrower_id"), table_name="carbon_account_records"
    )
    op.drop_table("carbon_account_records")
