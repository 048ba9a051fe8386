"""Pledges, reference prices and base rates round-trip, audit, lock and refuse on both backends."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from greendesk.domain.errors import InvalidInput
from greendesk.domain.roles import PermissionDenied
from greendesk.domain.workflow import WorkflowError
from greendesk.services import assessment, audit
from greendesk.services.records import borrowers, loans, market_data, pledges, projects
from greendesk.services.records._unit import RecordChanged
from greendesk.store.database import Database
from greendesk.store.models import Loan
from tests.services.records import builders
from tests.services.records.conftest import People, after_refusals, row_counts


def _loan(db: Database, people: People) -> int:
    owner = borrowers.create_borrower(db, people.officer, builders.borrower(1))
    site = projects.create_project(db, people.officer, builders.project(owner.id))
    return loans.create_loan(db, people.officer, builders.loan(owner.id, site.id)).id


def test_pledge_round_trip_audit_and_lock(db: Database, people: People) -> None:
    loan_id = _loan(db, people)
    first = pledges.add_pledge(db, people.officer, builders.pledge(loan_id))
    second = pledges.add_pledge(
        db, people.officer,
        builders.pledge(loan_id, collateral_type="plant_variety_right", quantity=None,
                        unit="", price_instrument="", unit_price=None,
                        appraised_value="12345678.91", registry="CNIPA", expiry=None,
                        vintage_year=None),
    )  # fmt: skip
    assert (first.seq, second.seq) == (1, 2)
    assert pledges.get_pledge(db, first.id) == first
    assert first.quantity == Decimal("1234567.891") and first.unit_price == Decimal("88.37")
    assert first.pledge_rate == Decimal("0.60") and first.expiry == date(2025, 12, 31)
    assert second.appraised_value == Decimal("12345678.91")
    assert [p.id for p in pledges.list_pledges(db, loan_id)] == [first.id, second.id]

    edit = pledges.pledge_input(first)
    edit.unit_price = "91.05"
    changed = pledges.update_pledge(db, people.officer2, first.id, edit, expected_version=1)
    assert changed.unit_price == Decimal("91.05") and changed.version == 2
    unchanged = pledges.update_pledge(
        db, people.officer2, first.id, pledges.pledge_input(changed), expected_version=2
    )
    assert unchanged.version == 3  # a save moves the version even when nothing differs

    before = row_counts(db)
    with pytest.raises(RecordChanged, match=f"pledge {first.id} was changed by someone else"):
        pledges.update_pledge(db, people.officer, first.id, edit, expected_version=1)
    with pytest.raises(RecordChanged):
        pledges.remove_pledge(db, people.officer, first.id, expected_version=2)
    assert row_counts(db) == before

    pledges.remove_pledge(db, people.officer, second.id, expected_version=second.version)
    assert [p.id for p in pledges.list_pledges(db, loan_id)] == [first.id]

    history = [  # a loan's history gathers its pledges (the engines' verdicts left out here)
        e
        for e in audit.history(db, "loan", loan_id)
        if e.action not in ("loan.classify", "loan.revalue")
    ]
    assert [e.action for e in history] == [
        "loan.create", "pledge.create", "pledge.create", "pledge.update", "pledge.update",
        "pledge.delete",
    ]  # fmt: skip
    assert history[3].changes[0].field == "unit_price"
    assert (history[3].changes[0].before, history[3].changes[0].after) == ("88.37", "91.05")
    assert history[-1].after is None and history[-1].before is not None
    assert audit.verify(db).ok


def test_every_pledge_change_revalues_the_stored_collateral(db: Database, people: People) -> None:
    loan_id = _loan(db, people)
    reference = loans.get_loan(db, loan_id).reference

    def stored_matches_engine() -> tuple[Decimal | None, Decimal | None]:
        [report] = assessment.collateral_report(db, reference, date.today())
        with db.session() as session:
            loan = session.get(Loan, loan_id)
            assert loan is not None
            stored = (loan.eligible_collateral_value, loan.coverage_ratio)
        assert stored == (report.total_eligible, report.coverage)
        return stored

    appraised = pledges.add_pledge(
        db, people.officer,
        builders.pledge(loan_id, collateral_type="plant_variety_right", quantity=None,
                        unit="", price_instrument="", unit_price=None,
                        appraised_value="10000000.00", registry="CNIPA", expiry=None,
                        vintage_year=None),
    )  # fmt: skip
    after_add = stored_matches_engine()
    assert after_add[0] is not None and after_add[0] > 0
    edit = pledges.pledge_input(appraised)
    edit.appraised_value = "20000000.00"
    changed = pledges.update_pledge(
        db, people.officer, appraised.id, edit, expected_version=appraised.version
    )
    after_edit = stored_matches_engine()
    assert after_edit[0] == 2 * after_add[0]
    pledges.remove_pledge(db, people.officer, changed.id, expected_version=changed.version)
    with db.session() as session:
        emptied = session.get(Loan, loan_id)
        assert emptied is not None  # no pledge left: no stored collateral figures at all
        assert (emptied.eligible_collateral_value, emptied.coverage_ratio) == (None, None)
    revalued = [e for e in audit.history(db, "loan", loan_id) if e.action == "loan.revalue"]
    assert len(revalued) == 3
    assert audit.verify(db).ok


def test_pledges_follow_the_terms_freeze(db: Database, people: People) -> None:
    loan_id = _loan(db, people)
    kept = pledges.add_pledge(db, people.officer, builders.pledge(loan_id))
    with db.session(write=True) as session:  # stand-in for the committee's approval
        row = session.get(Loan, loan_id)
        assert row is not None
        row.status = "approved"
    before = row_counts(db)
    with pytest.raises(WorkflowError, match="frozen"):
        pledges.add_pledge(db, people.officer, builders.pledge(loan_id))
    with pytest.raises(WorkflowError, match="frozen"):
        pledges.update_pledge(db, people.officer, kept.id, pledges.pledge_input(kept),
                              expected_version=kept.version)  # fmt: skip
    with pytest.raises(WorkflowError, match="frozen"):
        pledges.remove_pledge(db, people.officer, kept.id, expected_version=kept.version)
    assert row_counts(db) == before


def test_prices_round_trip_and_lock(db: Database, people: People) -> None:
    first = market_data.add_price(db, people.admin, builders.price(instrument="cea"))
    assert first.instrument == "CEA" and first.price == Decimal("88.37")
    later = market_data.add_price(
        db, people.admin, builders.price(price_date="2025-07-01", price="72.885")
    )
    ccer = market_data.add_price(db, people.admin, builders.price(instrument="CCER"))
    assert market_data.list_prices(db, "CEA") == [later, first]  # newest first
    assert market_data.list_prices(db) == [ccer, later, first]

    fixed = market_data.update_price(
        db, people.admin, first.id, builders.price(price="88.40"), expected=first
    )
    assert fixed.price == Decimal("88.40")
    before = row_counts(db)
    with pytest.raises(RecordChanged, match=f"price {first.id} was changed by someone else"):
        market_data.update_price(
            db, people.admin, first.id, builders.price(price="1.00"), expected=first
        )
    with pytest.raises(InvalidInput, match="price_date: a CEA price for 2025-07-01"):
        market_data.update_price(
            db, people.admin, first.id, builders.price(price_date="2025-07-01"), expected=fixed
        )
    with pytest.raises(PermissionDenied):
        market_data.add_price(db, people.officer, builders.price(price_date="2025-08-01"))
    assert row_counts(db) == after_refusals(before, 1)

    market_data.delete_price(db, people.admin, later.id, expected=later)
    assert market_data.list_prices(db, "CEA") == [fixed]
    actions = [e.action for e in audit.recent(db) if e.entity_type == "price"]
    assert actions == ["price.create"] * 3 + ["price.update", "price.delete"]
    assert audit.verify(db).ok


def test_rates_round_trip_and_lock(db: Database, people: People) -> None:
    lpr5 = market_data.add_rate(db, people.admin, builders.rate())
    lpr1 = market_data.add_rate(db, people.admin, builders.rate(name="LPR1Y", rate="0.0300"))
    older = market_data.add_rate(
        db, people.admin, builders.rate(effective_date="2024-10-21", rate="0.0360")
    )
    assert lpr5.rate == Decimal("0.0350") and lpr5.effective_date == date(2025, 5, 20)
    assert market_data.list_rates(db, "LPR5Y") == [lpr5, older]
    assert market_data.list_rates(db) == [lpr1, lpr5, older]
    corrected = market_data.update_rate(
        db, people.admin, older.id, builders.rate(effective_date="2024-10-21", rate="0.0385"),
        expected=older,
    )  # fmt: skip
    assert corrected.rate == Decimal("0.0385")
    before = row_counts(db)
    with pytest.raises(RecordChanged):
        market_data.delete_rate(db, people.admin, older.id, expected=older)
    with pytest.raises(PermissionDenied):
        market_data.add_rate(db, people.reviewer, builders.rate(effective_date="2025-06-20"))
    assert row_counts(db) == after_refusals(before, 1)
    market_data.delete_rate(db, people.admin, older.id, expected=corrected)
    assert market_data.list_rates(db, "LPR5Y") == [lpr5]
    stale = replace(lpr1, rate=Decimal("0.031"))
    with pytest.raises(RecordChanged):
        market_data.update_rate(db, people.admin, lpr1.id, builders.rate(), expected=stale)
    assert audit.verify(db).ok


def test_a_priced_pledge_needs_a_date_only_for_its_own_price(db: Database, people: People) -> None:
    """A CEA pledge valued at the price table's price has no date of its own to give (issue 12:
    the editor names that date "date of own price"); an own price, or an appraisal, needs one."""
    loan_id = _loan(db, people)
    market_data.add_price(db, people.admin, builders.price(price_date="2025-06-03"))
    saved = pledges.add_pledge(
        db, people.officer, builders.pledge(loan_id, unit_price=None, valuation_date="")
    )
    assert saved.valuation_date is None and saved.unit_price is None
    reference = loans.get_loan(db, loan_id).reference
    line = assessment.collateral_report(db, reference, date(2025, 6, 10))[0].pledges[0]
    assert (line.basis, line.unit_price, line.value_date) == (
        "price",
        Decimal("88.37"),
        date(2025, 6, 3),
    )
    before = row_counts(db)
    for refused in (
        builders.pledge(loan_id, valuation_date=""),  # its own price, undated
        builders.pledge(
            loan_id, collateral_type="plant_variety_right", quantity=None, unit="",
            price_instrument="", unit_price=None, appraised_value="12345678.91",
            valuation_date="", expiry=None, vintage_year=None,
        ),  # an appraisal, undated
    ):  # fmt: skip
        with pytest.raises(InvalidInput) as error:
            pledges.add_pledge(db, people.officer, refused)
        assert [(e.path, e.rule) for e in error.value.errors] == [("valuation_date", "required")]
    assert row_counts(db) == before  # bad input writes nothing
