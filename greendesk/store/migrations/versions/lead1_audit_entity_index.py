"""Index audit events by entity: a borrower's or project's trail becomes an index look-up.

The maker-checker rule asks who changed a loan's borrower and project; without this index each
vote scanned the whole trail (hundreds of milliseconds at a million events).

Revision ID: lead1
Revises: trustb1
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "lead1"
down_revision: str | Sequence[str] | None = "trustb1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_audit_events_entity", "audit_events", ["entity_type", "entity_id"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_audit_events_entity", table_name="audit_events")
