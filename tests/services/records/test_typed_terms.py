"""Amounts and rates typed as bankers write them go through the whole loan save and the preview.

The fields' own checks read ``3亿`` and ``3.45%`` (domain/numbers.py); the TERMS document the
engine checks and the editor's live preview computes from must read them the same way, or a
loan whose every field is accepted is still refused ("'3亿' is not a decimal number").
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from greendesk.domain.errors import InvalidInput
from greendesk.services.records import borrowers, loans, projects
from greendesk.services.records.inputs import (
    DrawdownInput,
    LenderInput,
    LoanInput,
    UseOfProceedsInput,
)
from greendesk.services.terms import preview_schedule
from greendesk.store.database import Database
from tests.services.records import builders
from tests.services.records.conftest import People, row_counts

D = Decimal


def _typed(borrower_id: int, project_id: int | None, **changes: object) -> LoanInput:
    typed: dict[str, object] = {
        "amount": "24.43亿",
        "rate_kind": "fixed",
        "annual_rate": "3.45%",
        "base_rate": None,
        "spread_bps": None,
        "drawdowns": [
            DrawdownInput("2025-06-20", "10亿"),
            DrawdownInput("2026-03-20", "14.43亿元"),
        ],
        "lenders": [
            LenderInput("中国农业银行昌吉分行", "lead_arranger", "9.02亿"),
            LenderInput("国家开发银行新疆分行", "agent", "763,000,000.00"),
            LenderInput("中国银行昌吉分行", "participant", "77800万"),
        ],
        "agency_fee_per_year": "20万",
        "use_of_proceeds": [
            UseOfProceedsInput("2019:3.4.2", "储能电站", "10亿"),
            UseOfProceedsInput("2019:3.2.1", "风电", "14.43亿"),
        ],
    }
    return builders.loan(borrower_id, project_id, **{**typed, **changes})


def test_a_loan_typed_in_yi_and_percent_is_saved_exactly_and_previewed(
    db: Database, people: People
) -> None:
    owner = borrowers.create_borrower(db, people.officer, builders.borrower(1))
    site = projects.create_project(db, people.officer, builders.project(owner.id))
    data = _typed(owner.id, site.id)
    schedule = preview_schedule(data)
    assert sum((p.drawdown for p in schedule.periods), D(0)) == D("2443000000.00")
    saved = loans.create_loan(db, people.officer, data)
    assert (saved.amount, saved.annual_rate) == (D("2443000000.00"), D("0.0345"))
    assert [x.commitment for x in saved.lenders] == [
        D("902000000.00"),
        D("763000000.00"),
        D("778000000.00"),
    ]
    assert [d.amount for d in saved.drawdowns] == [D("1000000000.00"), D("1443000000.00")]
    assert saved.agency_fee_per_year == D("200000.00")
    # the same rate written the three ways is one rate
    for typed in ("3.45", "0.0345"):
        again = _typed(owner.id, site.id, annual_rate=typed)
        assert preview_schedule(again).periods == schedule.periods


@pytest.mark.parametrize(
    ("field", "typed", "path"),
    [("amount", "二十亿", "amount"), ("annual_rate", "3.45‰", "annual_rate")],
)
def test_text_that_is_no_amount_or_rate_is_still_refused_and_nothing_saved(
    db: Database, people: People, field: str, typed: str, path: str
) -> None:
    owner = borrowers.create_borrower(db, people.officer, builders.borrower(1))
    data = _typed(owner.id, None, **{field: typed})
    before = row_counts(db)
    with pytest.raises(InvalidInput) as refused:
        loans.create_loan(db, people.officer, data)
    assert path in [e.path for e in refused.value.errors]
    with pytest.raises(InvalidInput):
        preview_schedule(data)
    assert {k: v for k, v in row_counts(db).items() if k != "audit_events"} == {
        k: v for k, v in before.items() if k != "audit_events"
    }
