"""Conditions precedent of an approval (放款前提条件): table ``loan_conditions``.

An application approved with conditions gets one row per line of each approving reviewer's
conditions; disbursement is refused while any row is not satisfied. Existing databases are
back-filled the same way for loans that stand approved with conditions now, so their
disbursement waits for the conditions too (already-disbursed loans are left as they are).

Revision ID: desk1
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "desk1"
down_revision: str | Sequence[str] | None = "portfolio3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    table = op.create_table(
        "loan_conditions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("reviewer", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("satisfied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("satisfied_by", sa.String(length=64), nullable=True),
        sa.Column("evidence", sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_loan_conditions_loan_id_loans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_conditions")),
        sa.UniqueConstraint(
            "loan_id", "position", name=op.f("uq_loan_conditions_loan_id_position")
        ),
    )
    op.create_index(
        op.f("ix_loan_conditions_loan_id"), "loan_conditions", ["loan_id"], unique=False
    )
    _backfill(table)


def _backfill(table: sa.Table) -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT v.loan_id, v.conditions, u.username FROM decision_votes v "
            "JOIN users u ON u.id = v.voter_id JOIN loans l ON l.id = v.loan_id "
            "WHERE l.status = 'approved_with_conditions' "
            "AND v.decision = 'approve_with_conditions' ORDER BY v.loan_id, v.id"
        )
    ).all()
    now = datetime.now(UTC)
    if bind.dialect.name == "sqlite":  # the store keeps naive UTC in SQLite (types.UTCDateTime)
        now = now.replace(tzinfo=None)
    positions: dict[int, int] = {}
    inserts = []
    for loan_id, conditions, username in rows:
        for line in (conditions or "").splitlines():
            if line.strip():
                positions[loan_id] = positions.get(loan_id, 0) + 1
                inserts.append(
                    {
                        "loan_id": loan_id,
                        "position": positions[loan_id],
                        "text": line.strip(),
                        "reviewer": username,
                        "created_at": now,
                    }
                )
    if inserts:
        op.bulk_insert(table, inserts)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_loan_conditions_loan_id"), table_name="loan_conditions")
    op.drop_table("loan_conditions")
