"""The editors with the real workflow: returned is editable, approved frozen, reopened a draft."""

from __future__ import annotations

from decimal import Decimal

import pytest

from greendesk.domain.workflow import QuorumRule, WorkflowError
from greendesk.services import audit, workflow
from greendesk.services.records import borrowers, loans, pledges, projects
from greendesk.store.database import Database
from tests.services.records import builders
from tests.services.records.conftest import People, row_counts


def test_terms_follow_the_application_through_its_life(db: Database, people: People) -> None:
    owner = borrowers.create_borrower(db, people.officer, builders.borrower(1))
    site = projects.create_project(db, people.officer, builders.project(owner.id))
    loan = loans.create_loan(db, people.officer, builders.loan(owner.id, site.id))
    pledges.add_pledge(db, people.officer, builders.pledge(loan.id))

    state = workflow.submit(db, people.officer, loan.id, loan.version)
    terms = loans.get_loan_terms(db, loan.id)
    assert not terms.editable and terms.version == state.version
    with pytest.raises(WorkflowError, match="submitted cannot be changed"):
        loans.update_loan_terms(db, people.officer, loan.id, terms.input,
                                expected_version=terms.version)  # fmt: skip

    workflow.start_review(db, people.reviewer, loan.id)
    state = workflow.return_for_changes(db, people.reviewer, loan.id, "请补充储能收益测算")
    terms = loans.get_loan_terms(db, loan.id)
    assert terms.editable and terms.status == "returned"
    terms.input.agency_fee_per_year = "250000.00"
    revised = loans.update_loan_terms(db, people.officer2, loan.id, terms.input,
                                      expected_version=state.version)  # fmt: skip
    assert revised.agency_fee_per_year == Decimal("250000.00")

    workflow.set_quorum(db, people.admin, QuorumRule(min_votes=1))
    workflow.submit(db, people.officer, loan.id)
    workflow.start_review(db, people.reviewer, loan.id)
    workflow.vote(db, people.reviewer, loan.id, "approve")
    approved = workflow.decide(db, people.reviewer, loan.id)
    assert approved.status.value == "approved"

    frozen = loans.get_loan_terms(db, loan.id)
    assert not frozen.editable
    before = row_counts(db)
    with pytest.raises(WorkflowError, match="frozen"):
        loans.update_loan_terms(db, people.officer, loan.id, frozen.input,
                                expected_version=frozen.version)  # fmt: skip
    with pytest.raises(WorkflowError, match="frozen"):
        pledges.add_pledge(db, people.officer, builders.pledge(loan.id))
    assert row_counts(db) == before

    reopened = workflow.reopen(db, people.officer, loan.id)
    draft = loans.get_loan_terms(db, reopened.loan_id)
    assert draft.editable and draft.reference == loan.reference
    assert draft.input.agency_fee_per_year == Decimal("250000.00")
    assert len(pledges.list_pledges(db, reopened.loan_id)) == 1
    draft.input.amount = "2443000000.00"
    draft.input.drawdowns[1].amount = "1443000000.00"
    draft.input.lenders[1].commitment = "763000000.00"
    draft.input.use_of_proceeds[1].amount = "1443000000.00"
    second = loans.update_loan_terms(db, people.officer, reopened.loan_id, draft.input,
                                     expected_version=draft.version)  # fmt: skip
    assert second.amount == Decimal("2443000000.00") and second.application_version == 2
    assert loans.get_loan(db, loan.id).amount == Decimal("2443000000.01")  # old one unchanged
    assert audit.verify(db).ok
