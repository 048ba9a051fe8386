"""The loan list's read model: ``loan_facets``, one row per current loan, kept by triggers.

Head office filters and sorts 100,000 loans by borrower, region, class, catalogue category …
columns that live in four tables (and the region and class are expressions over two of them).
``loan_facets`` holds each loan's listed and filtered values in one narrow row, with an index
per sort key. ``loan_search`` holds its search text: reference, borrower name and credit code,
project name and region, officer, catalogue codes, lower-cased, each followed by a new line
(and one more at the end, so every character starts a trigram), under a trigram index: an FTS5
table with the ``trigram`` tokenizer on SQLite, a ``pg_trgm`` GIN index on PostgreSQL.

Triggers keep the rows current in the writer's own transaction: a loan's row is rebuilt (from the
view ``loan_facet_source``) whenever the loan, its borrower, its project, its officer or its
use-of-proceeds lines change, and the previous version's row when a newer version appears or
goes. Nothing in the services has to remember it. Quantities of CO2e are kept as integer
milli-tonnes and the coverage ratio (stored to four places) as integer ten-thousandths, both
cut from the exact decimal text, so sums and comparisons in SQL stay exact.

Revision ID: portfolio3
Revises: portfolio2
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "portfolio3"
down_revision: str | Sequence[str] | None = "portfolio2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FACET_COLUMNS = (
    "loan_id, reference, borrower_name, project_name, region, province, prefecture, "
    "classification, status, category, officer_id, amount, eligible_value, coverage_bp, "
    "start_date, maturity_date, updated_at, co2e_reduction_mt, carbon_sink_mt"
)
_SORT_KEYS = (
    "borrower_name",
    "project_name",
    "region",
    "amount",
    "status",
    "classification",
    "start_date",
    "maturity_date",
    "updated_at",
)


def _scaled(column: str, places: int, dialect: str) -> str:
    """Canonical decimal text (no exponent) as an exact integer of 10**-places units, cut
    toward zero: string arithmetic on SQLite, where a cast to a number would be a float."""
    if dialect == "postgresql":
        return f"trunc(({column})::numeric * {10**places})::bigint"
    plain = f"ltrim({column}, '-')"
    whole = f"CAST({plain} AS INTEGER) * {10**places}"
    part = (
        f"CASE WHEN instr({plain}, '.') > 0 THEN CAST(substr(substr({plain}, "
        f"instr({plain}, '.') + 1) || '{'0' * places}', 1, {places}) AS INTEGER) ELSE 0 END"
    )
    return (
        f"CASE WHEN {column} IS NULL THEN NULL WHEN {column} LIKE '-%' "
        f"THEN -({whole} + {part}) ELSE {whole} + {part} END"
    )


def _source_view(dialect: str) -> str:
    pg = dialect == "postgresql"
    nl = "E'\\n'" if pg else "char(10)"
    first_code = (
        "(SELECT u.catalogue_code FROM loan_use_of_proceeds u WHERE u.loan_id = l.id "
        "AND u.catalogue_code IS NOT NULL ORDER BY u.seq LIMIT 1)"
    )
    codes = (
        "(SELECT string_agg(u.catalogue_code, ' ' ORDER BY u.seq) FROM loan_use_of_proceeds u "
        "WHERE u.loan_id = l.id)"
        if pg
        else "(SELECT group_concat(catalogue_code, ' ') FROM (SELECT u.catalogue_code FROM "
        "loan_use_of_proceeds u WHERE u.loan_id = l.id ORDER BY u.seq))"
    )
    # A-Z only (SQLite's lower() never touches other letters; PostgreSQL's would, by locale)
    lower, upper = ("translate", ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'")
    if not pg:
        lower, upper = "lower", ""
    if pg:
        province = "NULLIF(split_part(s.region, ' ', 1), '')"
        prefecture = (
            "CASE WHEN split_part(s.region, ' ', 2) = '' THEN NULL "
            "ELSE split_part(s.region, ' ', 1) || ' ' || split_part(s.region, ' ', 2) END"
        )
        category = "NULLIF(split_part(s.code, '.', 1), '')"
    else:
        rest = "substr(s.region, instr(s.region, ' ') + 1)"
        province = (
            "CASE WHEN instr(s.region, ' ') > 0 THEN substr(s.region, 1, instr(s.region, ' ') - 1)"
            " ELSE s.region END"
        )
        prefecture = (
            f"CASE WHEN instr(s.region, ' ') = 0 THEN NULL WHEN instr({rest}, ' ') > 0 "
            f"THEN substr(s.region, 1, instr(s.region, ' ') + instr({rest}, ' ') - 1) "
            "ELSE s.region END"
        )
        category = (
            "CASE WHEN instr(s.code, '.') > 0 THEN substr(s.code, 1, instr(s.code, '.') - 1) "
            "ELSE s.code END"
        )
    fields = " || ".join(
        f"COALESCE({f}, '') || {nl}"
        for f in (
            "l.reference",
            "b.name",
            "b.credit_code",
            "p.name",
            "p.region",
            "b.region",
            "o.display_name",
            "o.username",
            "p.catalogue_code",
            codes,
        )
    )
    return f"""
CREATE VIEW loan_facet_source AS
SELECT s.loan_id, s.reference, s.borrower_name, s.project_name, s.region,
       {province} AS province, {prefecture} AS prefecture, s.classification, s.status,
       {category} AS category, s.officer_id, s.amount, s.eligible_value, s.coverage_bp,
       s.start_date,
       s.maturity_date, s.updated_at, s.co2e_reduction_mt, s.carbon_sink_mt, s.search_text
FROM (
  SELECT l.id AS loan_id, l.reference, b.name AS borrower_name, p.name AS project_name,
         COALESCE(p.region, b.region) AS region,
         COALESCE(l.override_primary, l.classification_primary) AS classification,
         l.status, COALESCE(p.catalogue_code, {first_code}) AS code,
         l.officer_id, l.amount, l.eligible_collateral_value AS eligible_value,
         {_scaled("l.coverage_ratio", 4, dialect)} AS coverage_bp,
         l.start_date, l.maturity_date, l.updated_at,
         {_scaled("p.annual_co2e_reduction_t", 3, dialect)} AS co2e_reduction_mt,
         {_scaled("p.carbon_sink_t", 3, dialect)} AS carbon_sink_mt,
         {lower}({fields} || {nl}{upper}) AS search_text
  FROM loans l
  JOIN borrowers b ON b.id = l.borrower_id
  LEFT JOIN projects p ON p.id = l.project_id
  LEFT JOIN users o ON o.id = l.officer_id
  WHERE NOT EXISTS (SELECT 1 FROM loans n WHERE n.previous_id = l.id)
) s
"""


# (table, event, the loan ids to rebuild, written with NEW/OLD)
_SQLITE_TRIGGERS = (
    ("loans", "INSERT", "NEW.id, NEW.previous_id"),
    ("loans", "UPDATE", "NEW.id, NEW.previous_id, OLD.previous_id"),
    ("loans", "DELETE", "OLD.id, OLD.previous_id"),
    ("borrowers", "UPDATE", "SELECT id FROM loans WHERE borrower_id = NEW.id"),
    ("projects", "UPDATE", "SELECT id FROM loans WHERE project_id = NEW.id"),
    ("users", "UPDATE", "SELECT id FROM loans WHERE officer_id = NEW.id"),
    ("loan_use_of_proceeds", "INSERT", "NEW.loan_id"),
    ("loan_use_of_proceeds", "UPDATE", "NEW.loan_id, OLD.loan_id"),
    ("loan_use_of_proceeds", "DELETE", "OLD.loan_id"),
)


def _sqlite_upgrade() -> None:
    # case-sensitive: the text and the words are both lower-cased for A-Z alone (SQLite's and
    # PostgreSQL's lower() in the C locale), so every path matches the very same substrings
    op.execute(
        "CREATE VIRTUAL TABLE loan_search USING fts5(search_text, "
        "tokenize='trigram case_sensitive 1')"
    )
    # its vocabulary: a one- or two-character word is found through the trigrams it starts
    op.execute("CREATE VIRTUAL TABLE loan_search_vocab USING fts5vocab(loan_search, 'row')")
    for table, event, ids in _SQLITE_TRIGGERS:
        op.execute(
            f"CREATE TRIGGER facets_{table}_{event.lower()} AFTER {event} ON {table} BEGIN "
            f"DELETE FROM loan_facets WHERE loan_id IN ({ids}); "
            f"DELETE FROM loan_search WHERE rowid IN ({ids}); "
            f"INSERT INTO loan_facets SELECT {_FACET_COLUMNS} FROM loan_facet_source "
            f"WHERE loan_id IN ({ids}); "
            "INSERT INTO loan_search(rowid, search_text) SELECT loan_id, search_text "
            f"FROM loan_facet_source WHERE loan_id IN ({ids}); "
            "END"
        )


_PG_FUNCTIONS = """
CREATE FUNCTION greendesk_refresh_facets(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM loan_facets WHERE loan_id = ANY(ids);
  DELETE FROM loan_search WHERE loan_id = ANY(ids);
  INSERT INTO loan_facets SELECT {columns} FROM loan_facet_source WHERE loan_id = ANY(ids);
  INSERT INTO loan_search SELECT loan_id, search_text FROM loan_facet_source
    WHERE loan_id = ANY(ids);
END $$;
CREATE FUNCTION greendesk_facets_loans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM greendesk_refresh_facets(ARRAY[NEW.id, NEW.previous_id]);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM greendesk_refresh_facets(ARRAY[NEW.id, NEW.previous_id, OLD.previous_id]);
  ELSE PERFORM greendesk_refresh_facets(ARRAY[OLD.id, OLD.previous_id]);
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION greendesk_facets_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM greendesk_refresh_facets(ARRAY(
    SELECT id FROM loans WHERE CASE TG_TABLE_NAME
      WHEN 'borrowers' THEN borrower_id WHEN 'projects' THEN project_id ELSE officer_id END
      = NEW.id));
  RETURN NULL;
END $$;
CREATE FUNCTION greendesk_facets_proceeds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM greendesk_refresh_facets(ARRAY[NEW.loan_id]);
  ELSIF TG_OP = 'UPDATE' THEN PERFORM greendesk_refresh_facets(ARRAY[NEW.loan_id, OLD.loan_id]);
  ELSE PERFORM greendesk_refresh_facets(ARRAY[OLD.loan_id]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER facets_loans AFTER INSERT OR UPDATE OR DELETE ON loans
  FOR EACH ROW EXECUTE FUNCTION greendesk_facets_loans();
CREATE TRIGGER facets_borrowers AFTER UPDATE ON borrowers
  FOR EACH ROW EXECUTE FUNCTION greendesk_facets_parent();
CREATE TRIGGER facets_projects AFTER UPDATE ON projects
  FOR EACH ROW EXECUTE FUNCTION greendesk_facets_parent();
CREATE TRIGGER facets_users AFTER UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION greendesk_facets_parent();
CREATE TRIGGER facets_proceeds AFTER INSERT OR UPDATE OR DELETE ON loan_use_of_proceeds
  FOR EACH ROW EXECUTE FUNCTION greendesk_facets_proceeds();
"""


def upgrade() -> None:
    """Upgrade schema."""
    dialect = op.get_bind().dialect.name
    op.create_table(
        "loan_facets",
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("borrower_name", sa.String(length=200), nullable=False),
        sa.Column("project_name", sa.String(length=200), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("province", sa.String(length=100), nullable=True),
        sa.Column("prefecture", sa.String(length=100), nullable=True),
        sa.Column("classification", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("eligible_value", sa.BigInteger(), nullable=True),
        sa.Column("coverage_bp", sa.BigInteger(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("maturity_date", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("co2e_reduction_mt", sa.BigInteger(), nullable=True),
        sa.Column("carbon_sink_mt", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_loan_facets_loan_id_loans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("loan_id", name=op.f("pk_loan_facets")),
    )
    # (key, reference, loan_id): the list's whole order, so a sort is one walk of an index
    op.create_index(op.f("ix_loan_facets_reference"), "loan_facets", ["reference", "loan_id"])
    for key in _SORT_KEYS:
        op.create_index(
            op.f(f"ix_loan_facets_{key}"), "loan_facets", [key, "reference", "loan_id"]
        )
    for key in ("province", "prefecture", "officer_id"):
        op.create_index(op.f(f"ix_loan_facets_{key}"), "loan_facets", [key])
    # covering indexes of the dashboard's grouped sums (an index-only walk, no sort step)
    for name, columns in (
        ("class_totals", ["classification", "amount", "co2e_reduction_mt", "carbon_sink_mt"]),
        ("category", ["category", "classification", "amount"]),
        ("coverage", ["coverage_bp", "amount"]),
        ("ladder", ["status", "maturity_date", "amount"]),
    ):
        op.create_index(op.f(f"ix_loan_facets_{name}"), "loan_facets", columns)
    op.create_index(
        op.f("ix_pledges_collateral_type"),
        "pledges",
        ["collateral_type", "loan_id", "value", "eligible_value"],
    )
    op.execute(_source_view(dialect))
    if dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE TABLE loan_search (loan_id integer PRIMARY KEY "
            "REFERENCES loans(id) ON DELETE CASCADE, search_text text NOT NULL)"
        )
        op.execute(
            "CREATE INDEX loan_search_trgm ON loan_search USING gin (search_text gin_trgm_ops)"
        )
        op.execute(_PG_FUNCTIONS.replace("{columns}", _FACET_COLUMNS))
        op.execute("INSERT INTO loan_search SELECT loan_id, search_text FROM loan_facet_source")
    else:
        _sqlite_upgrade()
        op.execute(
            "INSERT INTO loan_search(rowid, search_text) "
            "SELECT loan_id, search_text FROM loan_facet_source"
        )
    op.execute(f"INSERT INTO loan_facets SELECT {_FACET_COLUMNS} FROM loan_facet_source")


def downgrade() -> None:
    """Downgrade schema."""
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table in ("loans", "borrowers", "projects", "users"):
            op.execute(f"DROP TRIGGER facets_{table} ON {table}")
        op.execute("DROP TRIGGER facets_proceeds ON loan_use_of_proceeds")
        for name in ("refresh_facets(integer[])", "facets_loans()", "facets_parent()",
                     "facets_proceeds()"):  # fmt: skip
            op.execute(f"DROP FUNCTION greendesk_{name}")
    else:
        for table, event, _ids in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER facets_{table}_{event.lower()}")
        op.execute("DROP TABLE loan_search_vocab")
    op.execute("DROP TABLE loan_search")
    op.execute("DROP VIEW loan_facet_source")
    op.drop_index(op.f("ix_pledges_collateral_type"), table_name="pledges")
    op.drop_table("loan_facets")


# Later migrations: a batch-mode *rebuild* of loans, borrowers, projects, users or
# loan_use_of_proceeds on SQLite (dropping a column, changing a constraint) must drop the view
# and these triggers first and create them again afterwards — SQLite refuses to rename a table
# a view names, and dropping the old table drops its triggers. ADD COLUMN needs nothing.
