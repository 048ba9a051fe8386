"""Loan applications: create, read back exactly, change while editable, frozen once approved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from greendesk.domain.errors import InvalidInput
from greendesk.domain.workflow import WorkflowError
from greendesk.services import audit
from greendesk.services.records import borrowers, loans, projects
from greendesk.services.records._unit import RecordChanged
from greendesk.services.records.inputs import (
    ClassificationOverrideInput,
    CustomPrincipalInput,
    DrawdownInput,
    LenderInput,
)
from greendesk.store.database import Database
from greendesk.store.models import Loan
from tests.services.records import builders
from tests.services.records.conftest import People, after_refusals, row_counts


def _parties(db: Database, people: People, serial: int = 1) -> tuple[int, int]:
    owner = borrowers.create_borrower(db, people.officer, builders.borrower(serial))
    site = projects.create_project(db, people.officer, builders.project(owner.id))
    return owner.id, site.id


def _set_status(db: Database, loan_id: int, status: str) -> None:
    """Stand-in for the workflow service's transition (not under test here)."""
    with db.session(write=True) as session:
        row = session.get(Loan, loan_id)
        assert row is not None
        row.status = status


def test_create_reads_back_exactly(db: Database, people: People) -> None:
    borrower_id, project_id = _parties(db, people)
    data = builders.loan(borrower_id, project_id, reference="ABC-2025-001")
    created = loans.create_loan(db, people.officer, data)
    got = loans.get_loan(db, created.id)
    assert got == created
    assert got.status == "draft" and got.version == 1 and got.application_version == 1
    assert got.reference == "ABC-2025-001"
    assert got.officer_id == people.officer.user_id and got.created_by == "li"
    # money exact to the fen through the database (integer fen) and back
    assert got.amount == Decimal("2443000000.01")
    assert [d.amount for d in got.drawdowns] == [Decimal("1000000000.00"), Decimal("1443000000.01")]
    assert [x.commitment for x in got.lenders] == [
        Decimal("902000000.00"), Decimal("763000000.01"), Decimal("778000000.00"),
    ]  # fmt: skip
    assert sum(x.commitment for x in got.lenders) == got.amount
    assert [x.funded for x in got.lenders] == [Decimal("0.00")] * 3
    assert got.agency_fee_per_year == Decimal("200000.00")
    assert got.base_rate == Decimal("0.0350") and got.spread_bps == -20
    assert got.commitment_fee_bps == Decimal(25) and got.arrangement_rate == Decimal("0.001")
    assert got.start_date == date(2025, 6, 20) and got.maturity_date == date(2040, 6, 20)
    assert got.method == "equal_principal" and got.grace_periods == 8
    assert got.ratchet[0].effective == date(2027, 6, 20) and got.ratchet[0].adjust_bps == -5
    assert got.kpis[0].test_dates == (date(2026, 12, 31), date(2027, 12, 31))
    assert got.kpis[0].baseline == Decimal("0.820")
    assert [u.catalogue_code for u in got.use_of_proceeds] == ["2019:3.4.2", "2019:3.2.1"]
    assert got.coverage_threshold == Decimal("1.30")

    events = [e for e in audit.history(db, "loan", created.id) if e.action != "loan.classify"]
    assert [e.action for e in events] == ["loan.create"]  # (+ the engine's audited verdicts)
    after = events[0].after
    assert after is not None
    assert after["amount"] == "2443000000.01"
    assert [s["commitment"] for s in after["syndicate_shares"]] == [
        "902000000.00", "763000000.01", "778000000.00",
    ]  # fmt: skip
    assert audit.verify(db).ok


def test_terms_come_back_as_an_input_that_saves_unchanged(db: Database, people: People) -> None:
    borrower_id, project_id = _parties(db, people)
    created = loans.create_loan(db, people.officer, builders.loan(borrower_id, project_id))
    terms = loans.get_loan_terms(db, created.id)
    assert terms.editable and terms.version == 1 and terms.status == "draft"
    assert terms.input.amount == Decimal("2443000000.01")
    saved = loans.update_loan_terms(
        db, people.officer, created.id, terms.input, expected_version=terms.version
    )
    assert saved.version == 2
    assert replace(saved, version=1, updated_at=None) == replace(created, updated_at=None)


def test_generated_references_count_up(db: Database, people: People) -> None:
    borrower_id, _ = _parties(db, people)
    first = loans.create_loan(db, people.officer, builders.loan(borrower_id))
    second = loans.create_loan(db, people.officer, builders.loan(borrower_id))
    year = first.reference.split("-")[1]
    assert first.reference == f"GD-{year}-00001"
    assert second.reference == f"GD-{year}-00002"
    before = row_counts(db)
    with pytest.raises(InvalidInput, match=f"reference: {first.reference} is already used"):
        loans.create_loan(db, people.officer, builders.loan(borrower_id, reference=first.reference))
    assert row_counts(db) == before


def test_update_replaces_terms_and_child_rows(db: Database, people: People) -> None:
    borrower_id, project_id = _parties(db, people)
    created = loans.create_loan(db, people.officer, builders.loan(borrower_id, project_id))
    data = loans.get_loan_terms(db, created.id).input
    data.amount = "1283000000.00"
    data.drawdowns = [DrawdownInput("2025-06-20", "1283000000.00")]
    data.lenders = [
        LenderInput("国家开发银行新疆分行", "lead_arranger", "641500000.00"),
        LenderInput("中国银行昌吉分行", "agent", "641500000.00"),
    ]
    data.use_of_proceeds = data.use_of_proceeds[:1]
    data.kpis = []
    updated = loans.update_loan_terms(db, people.officer2, created.id, data, expected_version=1)
    got = loans.get_loan(db, created.id)
    assert got == updated
    assert got.amount == Decimal("1283000000.00")
    assert [d.amount for d in got.drawdowns] == [Decimal("1283000000.00")]
    assert [x.name for x in got.lenders] == ["国家开发银行新疆分行", "中国银行昌吉分行"]
    assert got.kpis == () and len(got.use_of_proceeds) == 1
    assert got.updated_by == "wang"
    counts = row_counts(db)
    assert counts["loan_drawdowns"] == 1 and counts["syndicate_shares"] == 2
    assert counts["loan_kpis"] == 0

    events = [e for e in audit.history(db, "loan", created.id) if e.action != "loan.classify"]
    assert [e.action for e in events] == ["loan.create", "loan.update_terms"]
    change = {c.field: (c.before, c.after) for c in events[1].changes}
    assert change["amount"] == ("2443000000.01", "1283000000.00")
    assert len(change["syndicate_shares"][0]) == 3 and len(change["syndicate_shares"][1]) == 2
    assert audit.verify(db).ok


def test_second_editor_of_the_same_loan_is_told(db: Database, people: People) -> None:
    borrower_id, project_id = _parties(db, people)
    created = loans.create_loan(db, people.officer, builders.loan(borrower_id, project_id))
    mine = loans.get_loan_terms(db, created.id)
    theirs = loans.get_loan_terms(db, created.id)
    mine.input.purpose = "first editor's purpose"
    loans.update_loan_terms(db, people.officer, created.id, mine.input, expected_version=1)
    before = row_counts(db)
    theirs.input.amount = "1.00"
    theirs.input.drawdowns = []
    theirs.input.lenders = []
    theirs.input.use_of_proceeds = []
    with pytest.raises(RecordChanged, match=f"loan {created.id} was changed by someone else"):
        loans.update_loan_terms(
            db, people.officer2, created.id, theirs.input, expected_version=theirs.version
        )
    assert row_counts(db) == before
    got = loans.get_loan(db, created.id)
    assert got.purpose == "first editor's purpose" and got.amount == Decimal("2443000000.01")
    assert len(got.lenders) == 3


@pytest.mark.parametrize("status", ["approved", "approved_with_conditions", "declined"])
def test_terms_are_frozen_once_decided(db: Database, people: People, status: str) -> None:
    borrower_id, project_id = _parties(db, people)
    created = loans.create_loan(db, people.officer, builders.loan(borrower_id, project_id))
    _set_status(db, created.id, status)
    terms = loans.get_loan_terms(db, created.id)
    assert not terms.editable
    before = row_counts(db)
    terms.input.purpose = "late change"
    with pytest.raises(WorkflowError, match="frozen"):
        loans.update_loan_terms(
            db, people.officer, created.id, terms.input, expected_version=terms.version
        )
    with pytest.raises(WorkflowError, match="frozen"):
        loans.set_classification_override(
            db, people.officer, created.id,
            ClassificationOverrideInput("green", "the whole facility funds storage"),
            expected_version=terms.version,
        )  # fmt: skip
    assert row_counts(db) == before
    assert loans.get_loan(db, created.id).purpose == "储能及风光同场项目建设"


def test_returned_application_can_be_changed_submitted_cannot(db: Database, people: People) -> None:
    borrower_id, project_id = _parties(db, people)
    created = loans.create_loan(db, people.officer, builders.loan(borrower_id, project_id))
    _set_status(db, created.id, "submitted")
    data = loans.get_loan_terms(db, created.id).input
    with pytest.raises(WorkflowError, match="submitted cannot be changed"):
        loans.update_loan_terms(db, people.officer, created.id, data, expected_version=2)
    _set_status(db, created.id, "returned")
    data.purpose = "revised after the committee's questions"
    saved = loans.update_loan_terms(db, people.officer, created.id, data, expected_version=3)
    assert saved.status == "returned" and saved.purpose == data.purpose


def test_classification_override_needs_a_written_reason(db: Database, people: People) -> None:
    borrower_id, project_id = _parties(db, people)
    created = loans.create_loan(db, people.officer, builders.loan(borrower_id, project_id))
    before = row_counts(db)
    with pytest.raises(InvalidInput) as caught:
        loans.set_classification_override(
            db, people.officer, created.id, ClassificationOverrideInput("green", ""),
            expected_version=1,
        )  # fmt: skip
    assert "reason: required" in str(caught.value)
    with pytest.raises(InvalidInput) as caught:
        loans.set_classification_override(
            db, people.officer, created.id, ClassificationOverrideInput("blue", "ok"),
            expected_version=1,
        )  # fmt: skip
    assert "primary: unknown value 'blue'" in str(caught.value)
    assert "reason: too short" in str(caught.value)
    assert row_counts(db) == before

    reason = "Storage charges only from the co-located wind and solar plant (grid-metered)."
    done = loans.set_classification_override(
        db, people.officer, created.id, ClassificationOverrideInput("green", reason),
        expected_version=1,
    )  # fmt: skip
    assert (done.override_primary, done.override_reason, done.version) == ("green", reason, 2)
    cleared = loans.clear_classification_override(db, people.officer, created.id,
                                                  expected_version=2)  # fmt: skip
    assert cleared.override_primary is None and cleared.override_reason is None
    events = [e for e in audit.history(db, "loan", created.id) if e.action != "loan.classify"]
    assert [e.action for e in events] == [
        "loan.create", "loan.override_classification", "loan.clear_override",
    ]  # fmt: skip
    assert events[1].after is not None and events[1].after["override_reason"] == reason
    assert audit.verify(db).ok


def test_project_must_belong_to_the_borrower(db: Database, people: People) -> None:
    borrower_id, _ = _parties(db, people, 1)
    _, other_project = _parties(db, people, 2)
    before = row_counts(db)
    with pytest.raises(InvalidInput, match="project_id: belongs to another borrower"):
        loans.create_loan(db, people.officer, builders.loan(borrower_id, other_project))
    with pytest.raises(InvalidInput, match="borrower_id: no borrower 777"):
        loans.create_loan(db, people.officer, builders.loan(777))
    assert row_counts(db) == before


def test_reviewer_may_not_create_or_change_loans(db: Database, people: People) -> None:
    borrower_id, project_id = _parties(db, people)
    created = loans.create_loan(db, people.officer, builders.loan(borrower_id, project_id))
    before = row_counts(db)
    with pytest.raises(Exception, match="permission denied"):
        loans.create_loan(db, people.reviewer, builders.loan(borrower_id, project_id))
    with pytest.raises(Exception, match="permission denied"):
        loans.update_loan_terms(db, people.reviewer, created.id,
                                loans.get_loan_terms(db, created.id).input,
                                expected_version=1)  # fmt: skip
    assert row_counts(db) == after_refusals(before, 2)


def test_custom_plan_and_fixed_rate_round_trip(db: Database, people: People) -> None:
    borrower_id, _ = _parties(db, people)
    data = builders.loan(
        borrower_id, None, amount="50000000.00", term_months="24", method="custom",
        grace_periods="0", rate_kind="fixed", annual_rate="0.0315", base_rate=None,
        spread_bps=None, drawdowns=[], lenders=[], agency_fee_per_year=None,
        arrangement_rate=None, commitment_fee_bps=None, ratchet=[], ratchet_cap_bps=None,
        use_of_proceeds=[], kpis=[],
        custom_principal=[CustomPrincipalInput("2026-06-20", None, "40"),
                          CustomPrincipalInput("2027-06-20", None, "60")],
    )  # fmt: skip
    created = loans.create_loan(db, people.officer, data)
    got = loans.get_loan(db, created.id)
    assert got.rate_kind == "fixed" and got.annual_rate == Decimal("0.0315")
    assert got.base_rate is None and got.base_rate_name is None and got.spread_bps is None
    assert [(c.date, c.amount, c.percent) for c in got.custom_principal] == [
        (date(2026, 6, 20), None, Decimal(40)), (date(2027, 6, 20), None, Decimal(60)),
    ]  # fmt: skip
    assert got.maturity_date == date(2027, 6, 20) and got.drawdowns == ()
    again = loans.get_loan_terms(db, created.id).input
    assert loans.update_loan_terms(db, people.officer, created.id, again,
                                   expected_version=1).version == 2  # fmt: skip
