"""A stored loan's schedule is computed once and shared until something it depends on changes.

The cache key is the whole TERMS document, the official days' digest and the kept payment
dates: changing the terms gives a new schedule, and so does loading a year's notice
(``test_calendar_import`` checks the dates that move).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from greendesk.domain.roles import Principal, Role
from greendesk.services.records.loans import get_loan_terms, update_loan_terms
from greendesk.services.seeding import seed_demo
from greendesk.services.terms import loan_schedule
from greendesk.store.database import Database, open_database
from greendesk.store.models import User
from tests.ui.helpers import syndicated_loan


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    seed_demo(database)
    yield database
    database.dispose()


def _officer(db: Database) -> Principal:
    with db.session() as session:
        user = session.scalar(select(User).where(User.username == "officer"))
        assert user is not None
        return Principal(user.id, user.username, user.display_name, Role.OFFICER)


def test_the_same_terms_give_the_same_schedule_object(db: Database) -> None:
    loan_id = syndicated_loan(db, _officer(db), borrower_id=1)
    first = loan_schedule(db, loan_id)
    assert loan_schedule(db, loan_id) is first  # reselecting a loan reuses its schedule


def test_changed_terms_give_a_new_schedule(db: Database) -> None:
    officer = _officer(db)
    loan_id = syndicated_loan(db, officer, borrower_id=1)
    before = loan_schedule(db, loan_id)
    terms = get_loan_terms(db, loan_id)
    longer = dataclasses.replace(terms.input, term_months="48")
    update_loan_terms(db, officer, loan_id, longer, expected_version=terms.version)
    after = loan_schedule(db, loan_id)
    assert after is not before
    assert len(after.periods) == 16 and len(before.periods) == 12  # quarterly, 48 vs 36 months
