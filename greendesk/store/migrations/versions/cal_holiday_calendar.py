"""Holiday calendar: official years loaded by an administrator, and the calendar each loan's
schedule was derived with.

``calendar_years`` / ``calendar_days`` hold the State Council notices loaded with
``greendesk calendar import`` (a loaded year overrides the shipped one). ``loan_schedule_calendars``
records per loan the calendar version its payment dates use and the dates of paid periods kept
when a later calendar would have moved them. New tables only: existing rows need no back-fill.

Revision ID: cal1
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "cal1"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "calendar_years",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("notice", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_years")),
    )
    op.create_table(
        "calendar_days",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "kind IN ('holiday', 'workday')", name=op.f("ck_calendar_days_kind_valid")
        ),
        sa.ForeignKeyConstraint(
            ["year"],
            ["calendar_years.year"],
            name=op.f("fk_calendar_days_year_calendar_years"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_days")),
    )
    op.create_index(op.f("ix_calendar_days_year"), "calendar_days", ["year"], unique=False)
    op.create_table(
        "loan_schedule_calendars",
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("calendar_version", sa.String(length=200), nullable=False),
        sa.Column("official_through", sa.Integer(), nullable=True),
        sa.Column("projection_rule", sa.String(length=40), nullable=True),
        sa.Column("projected_years", sa.JSON(), nullable=False),
        sa.Column("kept_dates", sa.JSON(), nullable=False),
        sa.Column("derived_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("derived_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_loan_schedule_calendars_loan_id_loans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("loan_id", name=op.f("pk_loan_schedule_calendars")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("loan_schedule_calendars")
    op.drop_index(op.f("ix_calendar_days_year"), table_name="calendar_days")
    op.drop_table("calendar_days")
    op.drop_table("calendar_years")
