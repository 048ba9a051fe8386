"""The loan detail's one-read view equals what the separate services say, piece by piece.

``services.loan_view`` reads the selected loan with prepared statements instead of ORM objects;
each record it builds must be the very record ``get_loan``, ``get_borrower``, ``get_project``,
``list_pledges``, ``workflow_state``, ``list_conditions`` and ``stored_classification`` return,
for every seeded loan and every role, including a loan with votes and conditions precedent.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from greendesk.domain.roles import Principal
from greendesk.services import auth, conditions, workflow
from greendesk.services.assessment import collateral_report, stored_classification
from greendesk.services.loan_view import read_loan_view, value_pledges
from greendesk.services.records._unit import NotFound
from greendesk.services.records.borrowers import get_borrower
from greendesk.services.records.loans import get_loan
from greendesk.services.records.pledges import list_pledges
from greendesk.services.records.projects import get_project
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan
from tests.ui.helpers import syndicated_loan


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('view') / 'demo.db'}")
    seed_demo(db)
    auth.ensure_demo_users(db)
    yield db
    db.dispose()


def _people(db: Database) -> list[Principal | None]:
    return [None, *(auth.authenticate(db, u, auth.DEMO_PASSWORD) for u, _, _ in auth.DEMO_USERS)]


def _check(db: Database, actor: Principal | None, loan_id: int) -> None:
    view = read_loan_view(db, actor, loan_id)
    loan = get_loan(db, loan_id)
    assert view.loan == loan
    assert view.borrower == get_borrower(db, loan.borrower_id)
    assert view.project == (get_project(db, loan.project_id) if loan.project_id else None)
    assert view.pledges == tuple(list_pledges(db, loan_id))
    assert view.conditions == tuple(conditions.list_conditions(db, loan_id))
    assert view.classification == stored_classification(db, loan_id)
    if actor is None:
        assert view.state is None
    else:
        assert view.state == workflow.workflow_state(db, actor, loan_id)


def test_every_seeded_loan_reads_the_same_for_every_role(demo: Database) -> None:
    with demo.session() as session:
        ids = list(session.scalars(select(Loan.id).order_by(Loan.id)))
    assert len(ids) >= 10
    for actor in _people(demo):
        for loan_id in ids:
            _check(demo, actor, loan_id)


def test_a_loan_with_votes_and_open_conditions_reads_the_same(demo: Database) -> None:
    officer, r1, r2, r3, _admin = _people(demo)[1:]
    assert officer and r1 and r2 and r3
    borrower = get_loan(demo, 1).borrower_id
    loan_id = syndicated_loan(demo, officer, borrower)
    workflow.submit(demo, officer, loan_id)
    workflow.start_review(demo, r1, loan_id)
    workflow.vote(demo, r1, loan_id, "approve_with_conditions", conditions="抵押登记\n并网验收")
    workflow.vote(demo, r2, loan_id, "approve")
    workflow.vote(demo, r3, loan_id, "decline", comment="集中度偏高")
    for actor in _people(demo):
        _check(demo, actor, loan_id)
    workflow.decide(demo, r1, loan_id)
    view = read_loan_view(demo, officer, loan_id)
    assert [c.text for c in view.conditions] == ["抵押登记", "并网验收"]
    assert view.state is not None and len(view.state.open_conditions) == 2
    assert [v.voter for v in view.state.votes] == ["reviewer1", "reviewer2", "reviewer3"]
    for actor in _people(demo):
        _check(demo, actor, loan_id)
    conditions.satisfy(demo, officer, loan_id, 1, "不动产登记证明 2026-0001")
    for actor in _people(demo):
        _check(demo, actor, loan_id)


@pytest.mark.parametrize("loan_id", [0, -1, 10**6, 2**62])
def test_a_loan_that_does_not_exist_is_named(demo: Database, loan_id: int) -> None:
    with pytest.raises(NotFound, match=f"loan {loan_id} does not exist"):
        read_loan_view(demo, None, loan_id)


def test_the_pledges_are_valued_as_the_collateral_report_values_them(demo: Database) -> None:
    today = date.today()
    reports = collateral_report(demo, None, today)
    assert any(r.pledges for r in reports)
    with demo.session() as session:
        ids = dict(session.execute(select(Loan.reference, Loan.id)).all())
    for report in reports:
        assert value_pledges(demo, ids[report.reference], today) == report
