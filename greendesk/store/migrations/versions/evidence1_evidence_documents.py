"""Evidence on file for a project (issue 12 point 1): table ``evidence_documents``.

Each row is one document received (核准/备案, 并网, 环评 …) with its date, issuer, reference and
the file's SHA-256; the file itself sits beside a SQLite database or in ``content`` on a server.

Revision ID: evidence1
Revises: trusta1
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "evidence1"
down_revision: str | Sequence[str] | None = "lead1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "evidence_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("file_size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("stored_name", sa.String(length=200), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_evidence_documents_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_documents")),
    )
    op.create_index(
        op.f("ix_evidence_documents_project_id"),
        "evidence_documents",
        ["project_id"],
        unique=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_evidence_documents_project_id"), table_name="evidence_documents")
    op.drop_table("evidence_documents")
