"""Store the collateral valuation: per pledge value, eligible value, date and basis; per loan
the totals, coverage ratio and valuation date.

Before this the engine's figures were computed and thrown away; ``services.valuation`` now writes
them on seeding, on every loan edit and whenever a reference price changes. Money is BIGINT fen,
the coverage ratio canonical decimal text, like every other figure. All columns are nullable
(a loan never valued has none), so existing rows need no back-fill here: the next assessment
fills them. SQLite adds columns in batch mode; PostgreSQL runs the same ALTER TABLE ... ADD.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("pledges") as batch_op:
        batch_op.add_column(sa.Column("value", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("eligible_value", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("valued_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("value_basis", sa.String(length=200), nullable=True))
    with op.batch_alter_table("loans") as batch_op:
        batch_op.add_column(sa.Column("collateral_value", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("eligible_collateral_value", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("coverage_ratio", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("valued_on", sa.Date(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("loans") as batch_op:
        batch_op.drop_column("valued_on")
        batch_op.drop_column("coverage_ratio")
        batch_op.drop_column("eligible_collateral_value")
        batch_op.drop_column("collateral_value")
    with op.batch_alter_table("pledges") as batch_op:
        batch_op.drop_column("value_basis")
        batch_op.drop_column("valued_on")
        batch_op.drop_column("eligible_value")
        batch_op.drop_column("value")
