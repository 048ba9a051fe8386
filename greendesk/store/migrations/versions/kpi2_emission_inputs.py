"""PCAF inputs of borrowers and projects: ``emission_inputs`` (issue 15, part 2).

One new table, one record per borrower or per project (project finance): equity, debt, total
assets and revenue in integer fen, scope 1+2 and scope 3 emissions as exact text, the activity
lines of options 2a/2b as JSON, the sector factor key, year, source and whether it is assumed.

Revision ID: kpi2
Revises: kpi1
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "kpi2"
down_revision: str | Sequence[str] | None = "kpi1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "emission_inputs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("borrower_id", sa.Integer(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("option", sa.String(length=40), nullable=False),
        sa.Column("equity", sa.BigInteger(), nullable=True),
        sa.Column("debt", sa.BigInteger(), nullable=True),
        sa.Column("total_assets", sa.BigInteger(), nullable=True),
        sa.Column("revenue", sa.BigInteger(), nullable=True),
        sa.Column("scope12_t", sa.String(length=40), nullable=True),
        sa.Column("scope3_t", sa.String(length=40), nullable=True),
        sa.Column("activity", sa.JSON(), nullable=False),
        sa.Column("sector", sa.String(length=40), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("assumed", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "option IN ('1a', '1b', '2a', '2b', '3a', '3b', '3c')",
            name=op.f("ck_emission_inputs_option_valid"),
        ),
        sa.CheckConstraint(
            "(borrower_id IS NULL) <> (project_id IS NULL)",
            name=op.f("ck_emission_inputs_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["borrower_id"],
            ["borrowers.id"],
            name=op.f("fk_emission_inputs_borrower_id_borrowers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_emission_inputs_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emission_inputs")),
        sa.UniqueConstraint("borrower_id", name=op.f("uq_emission_inputs_borrower_id")),
        sa.UniqueConstraint("project_id", name=op.f("uq_emission_inputs_project_id")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("emission_inputs")
