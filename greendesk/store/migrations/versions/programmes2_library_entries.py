"""Library entries: a project or borrower recorded in a project/enterprise library (项目库), with
the library, reference, date, recognition rule and kind; evidence for the classification.

Revision ID: programmes2
Revises: programmes1
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "programmes2"
down_revision: str | Sequence[str] | None = "programmes1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "library_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("borrower_id", sa.Integer(), nullable=True),
        sa.Column("library", sa.String(length=200), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=True),
        sa.Column("recognised_on", sa.Date(), nullable=False),
        sa.Column("rule", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["borrower_id"], ["borrowers.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_library_entries_borrower_id"), "library_entries", ["borrower_id"], unique=False
    )
    op.create_index(
        op.f("ix_library_entries_project_id"), "library_entries", ["project_id"], unique=False
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_library_entries_project_id"), table_name="library_entries")
    op.drop_index(op.f("ix_library_entries_borrower_id"), table_name="library_entries")
    op.drop_table("library_entries")
