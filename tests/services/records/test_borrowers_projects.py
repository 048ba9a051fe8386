"""Borrowers and projects round-trip through the services on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from greendesk.domain.errors import InvalidInput, UserError
from greendesk.domain.roles import PermissionDenied
from greendesk.services import audit
from greendesk.services.records import borrowers, projects
from greendesk.services.records._unit import RecordChanged
from greendesk.store.database import Database
from tests.services.records import builders
from tests.services.records.conftest import People, after_refusals, row_counts


def test_borrower_round_trip_and_audit(db: Database, people: People) -> None:
    data = builders.borrower(1, credit_code=builders.credit_code(1).lower())
    created = borrowers.create_borrower(db, people.officer, data)
    assert created.credit_code == builders.credit_code(1)  # stored upper case
    assert created.version == 1
    again = borrowers.get_borrower(db, created.id)
    assert again == created
    assert again.baseline_intensity == Decimal("0.820")
    assert again.base_year == 2024 and again.disclosure_yearly is True
    assert [b.id for b in borrowers.list_borrowers(db)] == [created.id]
    assert [b.id for b in borrowers.list_borrowers(db, search="木垒")] == [created.id]
    assert borrowers.list_borrowers(db, search="nothing like it") == []

    edit = borrowers.borrower_input(again)
    edit.region = "新疆昌吉州"
    updated = borrowers.update_borrower(
        db, people.officer2, created.id, edit, expected_version=created.version
    )
    assert updated.region == "新疆昌吉州"
    assert updated.version == created.version + 1

    events = audit.history(db, "borrower", created.id)
    assert [e.action for e in events] == ["borrower.create", "borrower.update"]
    assert events[0].actor == "li" and events[1].actor == "wang"
    assert events[0].before is None and events[0].after is not None
    assert events[0].after["credit_code"] == builders.credit_code(1)
    assert [(c.field, c.before, c.after) for c in events[1].changes] == [
        ("region", "新疆昌吉州木垒县", "新疆昌吉州")
    ]
    assert audit.verify(db).ok


def test_borrower_stale_version_is_refused(db: Database, people: People) -> None:
    created = borrowers.create_borrower(db, people.officer, builders.borrower(2))
    first = borrowers.borrower_input(created)
    first.region = "甘肃张掖"
    borrowers.update_borrower(db, people.officer, created.id, first, expected_version=1)
    before = row_counts(db)
    second = borrowers.borrower_input(created)
    second.region = "宁夏彭阳"
    with pytest.raises(RecordChanged, match="changed by someone else"):
        borrowers.update_borrower(db, people.officer2, created.id, second, expected_version=1)
    assert row_counts(db) == before
    assert borrowers.get_borrower(db, created.id).region == "甘肃张掖"


def test_borrower_credit_code_must_be_unique(db: Database, people: People) -> None:
    borrowers.create_borrower(db, people.officer, builders.borrower(3))
    before = row_counts(db)
    with pytest.raises(InvalidInput) as caught:
        borrowers.create_borrower(db, people.officer, builders.borrower(3, name="另一家公司"))
    assert "credit_code: already registered" in str(caught.value)
    assert row_counts(db) == before


def test_roles_that_may_not_edit_are_refused(db: Database, people: People) -> None:
    before = row_counts(db)
    for actor in (people.reviewer, people.admin):
        with pytest.raises(PermissionDenied, match="permission denied"):
            borrowers.create_borrower(db, actor, builders.borrower(4))
    assert row_counts(db) == after_refusals(before, 2)


def test_missing_records_are_user_errors(db: Database, people: People) -> None:
    with pytest.raises(UserError, match="borrower 999 does not exist"):
        borrowers.get_borrower(db, 999)
    with pytest.raises(UserError, match="borrower 999 does not exist"):
        borrowers.update_borrower(db, people.officer, 999, builders.borrower(5), expected_version=1)


def test_project_round_trip_and_audit(db: Database, people: People) -> None:
    owner = borrowers.create_borrower(db, people.officer, builders.borrower(6))
    other = borrowers.create_borrower(db, people.officer, builders.borrower(7))
    created = projects.create_project(db, people.officer, builders.project(owner.id))
    got = projects.get_project(db, created.id)
    assert got == created
    assert got.total_investment == Decimal("3053750000.00")
    assert got.annual_co2e_reduction_t == Decimal("812345.6")
    assert dict(got.technology) == {"storage_mwh": "500", "storage_mw": 125, "grid": "220 kV"}
    assert [p.id for p in projects.list_projects(db, owner.id)] == [created.id]
    assert projects.list_projects(db, other.id) == []

    edit = projects.project_input(got)
    edit.total_investment = "3053750000.99"
    updated = projects.update_project(db, people.officer, created.id, edit, expected_version=1)
    assert updated.total_investment == Decimal("3053750000.99")
    assert projects.get_project(db, created.id).version == 2

    moved = projects.project_input(updated)
    moved.borrower_id = other.id
    with pytest.raises(InvalidInput, match="borrower_id: a project cannot move"):
        projects.update_project(db, people.officer, created.id, moved, expected_version=2)
    with pytest.raises(RecordChanged):
        projects.update_project(db, people.officer, created.id, edit, expected_version=1)

    events = audit.history(db, "project", created.id)
    assert [e.action for e in events] == ["project.create", "project.update"]
    stored = json.loads(json.dumps(events[1].after))
    assert stored["total_investment"] == "3053750000.99"
    assert audit.verify(db).ok


def test_project_needs_an_existing_borrower(db: Database, people: People) -> None:
    before = row_counts(db)
    with pytest.raises(InvalidInput, match="borrower_id: no borrower 4242"):
        projects.create_project(db, people.officer, builders.project(4242))
    assert row_counts(db) == before
