"""KPI observations, decided KPI tests and per-loan schedule versions (issue 15).

Three new tables, nothing altered: ``kpi_observations`` (value, verifier, report document,
maker), ``kpi_test_results`` (met / missed / lapsed and the ratchet step, one per loan, KPI and
test date) and ``loan_schedule_versions`` (each version's reason, ratchet in force, TERMS and
computed schedule JSON). Report documents are BLOBs (BYTEA on PostgreSQL).

Revision ID: kpi1
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "kpi1"
down_revision: str | Sequence[str] | None = "cal1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "kpi_observations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_reference", sa.String(length=40), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("kpi_name", sa.String(length=200), nullable=False),
        sa.Column("test_date", sa.Date(), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("verifier", sa.String(length=200), nullable=True),
        sa.Column("report_reference", sa.String(length=100), nullable=True),
        sa.Column("report_date", sa.Date(), nullable=True),
        sa.Column("report_filename", sa.String(length=200), nullable=True),
        sa.Column("report_sha256", sa.String(length=64), nullable=True),
        sa.Column("report_size", sa.Integer(), nullable=True),
        sa.Column("report_data", sa.LargeBinary(), nullable=True),
        sa.Column("entered_by", sa.String(length=64), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entered_on", sa.Date(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("unverified_reason", sa.String(length=2000), nullable=True),
        sa.Column("unverified_reason_zh", sa.String(length=2000), nullable=True),
        sa.Column("result", sa.String(length=40), nullable=True),
        sa.Column("comparison_zh", sa.String(length=2000), nullable=True),
        sa.Column("comparison_en", sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_kpi_observations_loan_id_loans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_observations")),
    )
    with op.batch_alter_table("kpi_observations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kpi_observations_loan_reference"), ["loan_reference"], unique=False
        )

    op.create_table(
        "loan_schedule_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_reference", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=2000), nullable=False),
        sa.Column("ratchet", sa.JSON(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("schedule", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("version >= 1", name=op.f("ck_loan_schedule_versions_version_positive")),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_loan_schedule_versions_loan_id_loans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_schedule_versions")),
        sa.UniqueConstraint(
            "loan_reference",
            "version",
            name=op.f("uq_loan_schedule_versions_loan_reference_version"),
        ),
    )
    with op.batch_alter_table("loan_schedule_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_loan_schedule_versions_loan_reference"), ["loan_reference"], unique=False
        )

    op.create_table(
        "kpi_test_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_reference", sa.String(length=40), nullable=False),
        sa.Column("kpi_name", sa.String(length=200), nullable=False),
        sa.Column("test_date", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("adjust_bps", sa.Integer(), nullable=False),
        sa.Column("observation_id", sa.Integer(), nullable=True),
        sa.Column("schedule_version", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('met', 'missed', 'lapsed')", name=op.f("ck_kpi_test_results_outcome_valid")
        ),
        sa.ForeignKeyConstraint(
            ["observation_id"],
            ["kpi_observations.id"],
            name=op.f("fk_kpi_test_results_observation_id_kpi_observations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_test_results")),
        sa.UniqueConstraint(
            "loan_reference",
            "kpi_name",
            "test_date",
            name=op.f("uq_kpi_test_results_loan_reference_kpi_name_test_date"),
        ),
    )
    with op.batch_alter_table("kpi_test_results", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kpi_test_results_loan_reference"), ["loan_reference"], unique=False
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("kpi_test_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kpi_test_results_loan_reference"))

    op.drop_table("kpi_test_results")
    with op.batch_alter_table("loan_schedule_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_schedule_versions_loan_reference"))

    op.drop_table("loan_schedule_versions")
    with op.batch_alter_table("kpi_observations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kpi_observations_loan_reference"))

    op.drop_table("kpi_observations")
