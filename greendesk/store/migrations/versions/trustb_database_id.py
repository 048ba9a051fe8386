"""Give every database a random identity (app_meta ``database_id``) for its audit anchors.

The audit chain's head is also written outside the database (backup manifests, credit memos, the
user's data folder); those copies name the database by this id, so a truncated or wiped trail is
caught by comparing with them. A restore gives the restored database a new id (a new line of
history); an existing database gets one here. Data only: no schema change.

Revision ID: trustb1
Revises: 0003
Create Date: 2026-12-01
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "trustb1"
down_revision: str | Sequence[str] | None = "trusta1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    found = bind.execute(sa.text("SELECT 1 FROM app_meta WHERE key = 'database_id'")).first()
    if found is None:
        bind.execute(
            sa.text("INSERT INTO app_meta (key, value) VALUES ('database_id', :v)"),
            {"v": str(uuid.uuid4())},
        )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM app_meta WHERE key = 'database_id'")
