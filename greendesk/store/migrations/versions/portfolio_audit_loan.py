"""Give audit events an indexed ``loan_id``: a loan's history becomes an index look-up.

Before this a loan's trail was found by a ``LIKE`` scan of every event's JSON. The column is
set by ``services.audit.record`` when an event is written: the loan's own events carry its id,
events of a loan's parts (pledges, votes, decisions) the ``loan_id`` of their snapshot. Old
events are filled here by the same rule. The column is not part of the hashed payload, so the
hash chain is unchanged.

Revision ID: portfolio1
Revises: 0003
Create Date: 2026-12-01
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "portfolio1"
down_revision: str | Sequence[str] | None = "programmes2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PART_TYPES = ("pledge", "vote", "decision")


def _loan_of(entity_type: str, entity_id: str | None, before: str | None, after: str | None) -> int | None:
    if entity_type == "loan":
        return int(entity_id) if entity_id and entity_id.isdigit() else None
    if entity_type not in _PART_TYPES:
        return None
    for text in (after, before):
        if text:
            value = json.loads(text)
            if isinstance(value, dict) and isinstance(value.get("loan_id"), int):
                return int(value["loan_id"])
    return None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.add_column(sa.Column("loan_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_audit_events_loan_id"), ["loan_id", "seq"], unique=False
        )
    conn = op.get_bind()
    events = sa.table(
        "audit_events",
        sa.column("id", sa.Integer()),
        sa.column("entity_type", sa.String()),
        sa.column("entity_id", sa.String()),
        sa.column("before_json", sa.Text()),
        sa.column("after_json", sa.Text()),
        sa.column("loan_id", sa.Integer()),
    )
    rows = conn.execute(
        sa.select(
            events.c.id, events.c.entity_type, events.c.entity_id,
            events.c.before_json, events.c.after_json,
        ).where(events.c.entity_type.in_(("loan", *_PART_TYPES)))
    ).all()  # fmt: skip
    updates = [
        {"event_id": row.id, "loan": loan}
        for row in rows
        if (loan := _loan_of(row.entity_type, row.entity_id, row.before_json, row.after_json))
        is not None
    ]
    if updates:
        conn.execute(
            events.update()
            .where(events.c.id == sa.bindparam("event_id"))
            .values(loan_id=sa.bindparam("loan")),
            updates,
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_loan_id"))
        batch_op.drop_column("loan_id")
