"""Each main loan-list query is planned on an index (EXPLAIN QUERY PLAN; EXPLAIN on PostgreSQL).

The statements are the very ones the services send (caught on the engine), explained on the
same connection. On PostgreSQL sequential scans, bitmap scans and sorts are disabled for the
EXPLAIN (and for the sorts bitmap scans and sort steps too), so the plan shows whether an index
*can* serve the query and its order (the planner would rightly scan a table this small).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, select, text

from greendesk.domain.roles import SYSTEM
from greendesk.services import audit, workflow
from greendesk.services.loan_filter import LoanFilter
from greendesk.services.portfolio import list_loan_ids
from greendesk.services.synthetic import generate_portfolio
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan


@pytest.fixture
def book(database: Database) -> Iterator[Database]:
    # no statistics: on a table this small they would rightly make every plan a scan; the
    # question here is whether an index serves the query when the table is large
    generate_portfolio(database, 60, seed=5, analyze=False)
    yield database


def _selects(db: Database, call: Callable[[], object]) -> list[tuple[str, Any]]:
    """Every SELECT statement (with its parameters) that ``call`` sends."""
    caught: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            caught.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        call()
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    return caught


def _plans(
    db: Database, call: Callable[[], object], off: tuple[str, ...] = ("seqscan",)
) -> list[str]:
    """The plan of every SELECT ``call`` runs, one text per statement; on PostgreSQL with
    the plan methods ``off`` disabled."""
    caught = _selects(db, call)
    plans = []
    with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            conn.exec_driver_sql("ANALYZE")  # what autovacuum does on a live server
            for method in off:
                conn.exec_driver_sql(f"SET enable_{method} = off")
            explain = "EXPLAIN "
        else:
            explain = "EXPLAIN QUERY PLAN "
        for statement, params in caught:
            rows = conn.exec_driver_sql(explain + statement, params).fetchall()
            plans.append("\n".join(str(row[-1]) for row in rows))
    assert plans, "the call ran no SELECT"
    return plans


def _uses(plan: str, index: str, dialect: str) -> bool:
    if dialect == "sqlite":
        return index in plan and f"SCAN {index}" not in plan
    return f"on {index}" in plan or f"using {index}" in plan


SORTS = {
    "reference": "ix_loan_facets_reference",
    "-amount": "ix_loan_facets_amount",
    "borrower": "ix_loan_facets_borrower_name",
    "project": "ix_loan_facets_project_name",
    "region": "ix_loan_facets_region",
    "-status": "ix_loan_facets_status",
    "classification": "ix_loan_facets_classification",
    "start_date": "ix_loan_facets_start_date",
    "-maturity_date": "ix_loan_facets_maturity_date",
    "updated_at": "ix_loan_facets_updated_at",
}


@pytest.mark.parametrize("order_by", list(SORTS))
def test_each_sort_walks_its_index(book: Database, order_by: str) -> None:
    # PostgreSQL: no scan and no sort step allowed, so only an index walk in order can serve
    no_sort = ("seqscan", "bitmapscan", "sort")
    (plan,) = _plans(book, lambda: list_loan_ids(book, order_by=order_by), no_sort)
    assert _uses(plan, SORTS[order_by], book.dialect), plan
    if book.dialect == "sqlite":
        assert "TEMP B-TREE" not in plan, plan  # the index gives the order: no sort step
        assert "COVERING INDEX" in plan, plan  # and the ids: no table look-ups
    else:
        assert "Sort" not in plan.split("\n")[0], plan


def test_search_uses_the_trigram_index(book: Database) -> None:
    # PostgreSQL's pg_trgm takes trigrams of letters and digits as the server's locale sees
    # them: the test server runs in C.UTF-8, where Chinese characters are letters (a word of
    # two characters has no trigram: the index is read whole, see the next test)
    cases = ("碳汇项目 syn5", "新疆", "syn5-00001") if book.dialect == "sqlite" else (
        "碳汇项目 syn5", "碳汇项目", "syn5-00001")  # fmt: skip
    for words in cases:
        # (a GIN index is read by bitmap scans: plain index scans are off on PostgreSQL)
        off = ("seqscan", "indexscan", "indexonlyscan")
        plans = _plans(book, lambda w=words: list_loan_ids(book, search=w), off)  # type: ignore[misc]
        joined = "\n".join(plans)
        if book.dialect == "sqlite":
            assert "SCAN loan_search VIRTUAL TABLE INDEX 0:M" in joined, joined  # an FTS MATCH
            assert "SEARCH loan_facets USING INTEGER PRIMARY KEY" in joined, joined
        else:
            assert "loan_search_trgm" in joined, joined


@pytest.mark.postgres
def test_a_chinese_word_narrows_the_trigram_index_on_postgresql(pg_url: str) -> None:
    # In the C locale pg_trgm finds no trigram in "碳汇项目" and reads the whole GIN index (every
    # loan a candidate, each rechecked); in a UTF-8 locale the index gives only the candidates.
    db = open_database(pg_url)
    try:
        generate_portfolio(db, 60, seed=5, analyze=False)
        with db.engine.connect() as conn:
            hits = conn.execute(
                text("SELECT count(*) FROM loan_search WHERE search_text LIKE :p"),
                {"p": "%碳汇项目%"},
            ).scalar_one()
            trigrams = conn.execute(text("SELECT show_trgm(:w)"), {"w": "碳汇项目"}).scalar_one()
        assert 0 < hits < 60
        assert len(trigrams) >= 2, trigrams  # Chinese characters are letters to pg_trgm here
        found: list[int] = []
        ((statement, params),) = _selects(
            db, lambda: found.extend(list_loan_ids(db, search="碳汇项目"))
        )
        assert len(found) == hits
        with db.engine.connect() as conn:
            for method in ("seqscan", "indexscan", "indexonlyscan"):
                conn.exec_driver_sql(f"SET enable_{method} = off")
            (plan,) = conn.exec_driver_sql(
                "EXPLAIN (ANALYZE, FORMAT JSON) " + statement, params
            ).one()
        nodes = list(_nodes(plan[0]["Plan"]))
        (scan,) = [n for n in nodes if n.get("Index Name") == "loan_search_trgm"]
        assert hits <= scan["Actual Rows"] < 60, scan  # candidates, not the whole index
    finally:
        db.dispose()


def _nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", ()):
        yield from _nodes(child)


@pytest.mark.parametrize(
    ("wanted", "index"),
    [
        (LoanFilter(categories=("2019:3",)), "ix_loan_facets_category"),
        (LoanFilter(regions=("新疆",)), "ix_loan_facets_province"),
        (LoanFilter(officers=("wang",)), "ix_loan_facets_officer_id"),
        (LoanFilter(collateral=("cea",)), "ix_pledges_collateral_type"),
        (LoanFilter(classes=("transition",)), "ix_loan_facets_class"),
        (LoanFilter(start_from=date(2025, 1, 1)), "ix_loan_facets_"),
    ],
)
def test_filters_read_an_index(book: Database, wanted: LoanFilter, index: str) -> None:
    (plan,) = _plans(book, lambda: list_loan_ids(book, filters=wanted))
    assert _uses(plan, index, book.dialect), plan


def test_a_loans_history_is_an_index_look_up(book: Database) -> None:
    plans = _plans(book, lambda: audit.history(book, "loan", 1))
    (plan,) = plans
    assert _uses(plan, "ix_audit_events_loan_id", book.dialect), plan
    if book.dialect == "sqlite":
        assert "TEMP B-TREE" not in plan, plan  # (loan_id, seq) gives the order too


def test_the_makers_of_a_loan_are_read_through_the_loan_index(book: Database) -> None:
    """The maker-checker look-up reads who changed the loan or its pledges through the loan
    column, and who changed its borrower or project through the entity index, in one query:
    no scan."""
    with book.session() as session:
        loan_id = session.scalars(select(Loan.id).limit(1)).one()
    plans = _plans(book, lambda: workflow.workflow_state(book, SYSTEM, loan_id))
    trail = [p for p in plans if "audit_events" in p]
    assert len(trail) == 1, trail
    (plan,) = trail
    assert _uses(plan, "ix_audit_events_loan_id", book.dialect), plan
    assert _uses(plan, "ix_audit_events_entity", book.dialect), plan
    assert "SCAN audit_events" not in plan and "Seq Scan" not in plan, plan
