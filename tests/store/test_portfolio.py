"""The loan list service: current versions only, search, order, summaries as plain values."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import insert

from greendesk.domain.errors import UserError
from greendesk.domain.schedule import build_schedule, parse_terms
from greendesk.services.portfolio import (
    LoanSummary,
    count_loans,
    fetch_loan_summaries,
    list_loan_ids,
    list_loans,
)
from greendesk.services.terms import loan_schedule, schedule_terms
from greendesk.store.database import Database
from greendesk.store.models import Loan
from tests.store.helpers import add_loan


def _three_loans(db: Database) -> dict[str, int]:
    with db.session() as session:
        a = add_loan(session, "B-002", Decimal("5.00"), code_body="91652301MA7700001",
                     borrower_name="乙公司")  # fmt: skip
        b = add_loan(session, "A-001", Decimal("700.00"), code_body="91652301MA7700002",
                     borrower_name="丙公司")  # fmt: skip
        c = add_loan(session, "C-003", Decimal("60.00"), code_body="91652301MA7700003",
                     borrower_name="甲公司")  # fmt: skip
        return {"B-002": a.id, "A-001": b.id, "C-003": c.id}


def test_order_and_search(database: Database) -> None:
    ids = _three_loans(database)
    assert list_loan_ids(database) == [ids["A-001"], ids["B-002"], ids["C-003"]]
    assert list_loan_ids(database, order_by="-amount") == [ids["A-001"], ids["C-003"], ids["B-002"]]
    assert list_loan_ids(database, search="丙") == [ids["A-001"]]
    assert list_loan_ids(database, search="c-00") == [ids["C-003"]]  # case-insensitive
    assert list_loan_ids(database, search="%") == []  # wildcards are literal, not "match all"
    assert list_loan_ids(database, search="_-0") == []
    with pytest.raises(UserError, match="order_by"):
        list_loan_ids(database, order_by="password")


def test_summaries_are_plain_frozen_values(database: Database) -> None:
    ids = _three_loans(database)
    found = fetch_loan_summaries(database, [ids["C-003"], 999999])
    assert list(found) == [ids["C-003"]]
    summary = found[ids["C-003"]]
    assert isinstance(summary, LoanSummary)
    assert (summary.reference, summary.borrower, summary.amount) == (
        "C-003",
        "甲公司",
        Decimal("60.00"),
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.amount = Decimal(0)  # type: ignore[misc]


def test_the_override_wins_over_the_engine_class(database: Database) -> None:
    ids = _three_loans(database)
    with database.session() as session:
        loan = session.get(Loan, ids["A-001"])
        assert loan is not None
        loan.classification_primary = "conventional"
        loan.override_primary = "green"
        other = session.get(Loan, ids["B-002"])
        assert other is not None
        other.classification_primary = "transition"
    summaries = {s.reference: s for s in list_loans(database)}
    assert summaries["A-001"].classification == "green"
    assert summaries["B-002"].classification == "transition"
    assert summaries["C-003"].classification is None


def test_a_superseded_version_is_not_listed(database: Database) -> None:
    ids = _three_loans(database)
    with database.session() as session:
        old = session.get(Loan, ids["A-001"])
        assert old is not None
        newer = Loan(
            reference=old.reference,
            application_version=2,
            previous_id=old.id,
            borrower_id=old.borrower_id,
            amount=Decimal("800.00"),
        )
        session.add(newer)
        session.flush()
        newer_id = newer.id
    assert count_loans(database) == 3
    listed = list_loan_ids(database)
    assert newer_id in listed and ids["A-001"] not in listed
    assert {s.amount for s in list_loans(database) if s.reference == "A-001"} == {Decimal("800.00")}


def test_many_ids_are_fetched_in_chunks(database: Database) -> None:
    with database.session() as session:
        borrower_id = add_loan(session, "N-0000").borrower_id
        rows = [
            {"reference": f"N-{i:04d}", "borrower_id": borrower_id, "amount": Decimal(i),
             "version": 1}
            for i in range(1, 1101)
        ]  # fmt: skip
        session.execute(insert(Loan), rows)
    ids = list_loan_ids(database)
    assert len(ids) == 1101
    found = fetch_loan_summaries(database, ids)
    assert len(found) == 1101
    assert {s.reference: s.amount for s in found.values()}["N-1100"] == Decimal("1100.00")


def test_schedule_terms_use_the_engine_field_names(database: Database) -> None:
    with database.session() as session:
        loan = add_loan(session, amount=Decimal("2443000000.00"))
        loan_id = loan.id
    terms = schedule_terms(database, loan_id)
    assert terms["amount"] == "2443000000.00"
    assert terms["start_date"] == "2025-06-20"
    assert terms["term_months"] == 36
    assert terms["rate"] == {"base": "LPR1Y", "base_rate": "0.03", "spread_bps": 25}
    with pytest.raises(UserError, match="does not exist"):
        schedule_terms(database, 987654)


def test_a_long_id_list_returns_exactly_the_ids_asked_for(database: Database) -> None:
    """Above ``_ONE_PASS`` ids the summaries come from one pass over the table, filtered."""
    with database.session() as session:
        borrower_id = add_loan(session, "L-00000").borrower_id
        rows = [
            {"reference": f"L-{i:05d}", "borrower_id": borrower_id, "amount": Decimal(i),
             "version": 1}
            for i in range(1, 5301)
        ]  # fmt: skip
        session.execute(insert(Loan), rows)
    ids = list_loan_ids(database)
    wanted = [*ids[:5200], 987654]  # more than the one-pass threshold, plus an unknown id
    assert len(wanted) > 5000
    found = fetch_loan_summaries(database, wanted)
    assert set(found) == set(ids[:5200])
    assert found[ids[5199]].reference == "L-05199"
    assert found[ids[1]].amount == Decimal("1.00")


def test_schedule_terms_date_a_20_year_loan_on_projected_holidays(database: Database) -> None:
    """A 20-year loan runs past the official CN years: stored terms give one schedule whose
    later dates rest on the projected holidays, the same the services compute."""
    with database.session() as session:
        loan = add_loan(session, amount=Decimal("1600000000.00"))
        loan.term_months = 240
        loan.maturity_date = date(2045, 6, 20)
        loan_id = loan.id
    terms = schedule_terms(database, loan_id)
    assert "calendar_beyond_coverage" not in terms
    schedule = build_schedule(parse_terms(terms))
    last = schedule.periods[-1]
    assert last.closing_balance == Decimal("0.00")
    assert last.payment_date.year == 2045 and last.payment_date.weekday() < 5
    assert last.calendar_basis.value == "projected"
    assert loan_schedule(database, loan_id).periods == schedule.periods
