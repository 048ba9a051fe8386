"""Carbon-account records with history; a grade change flags exactly the borrower's live loans."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from greendesk.domain.errors import InvalidInput, UserError
from greendesk.domain.programmes.carbon_pricing import load_pricing
from greendesk.domain.roles import Principal
from greendesk.services import auth
from greendesk.services.carbon_accounts import (
    carbon_account,
    open_reviews,
    record_assessment,
    resolve_review,
)
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import AuditEvent, Borrower, Loan

CHP = "XJ-CJ-2024-002"  # 新疆昌吉准东热电有限公司, grade C, disbursed
PLATFORM = "新能源云昌吉州碳中和支撑服务平台"


@pytest.fixture
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('db') / 'c.db'}")
    seed_demo(database)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def officer(db: Database) -> Principal:
    return auth.authenticate(db, "officer", "greendesk-demo")


def borrower_of(db: Database, reference: str) -> tuple[int, str]:
    with db.session() as session:
        loan = session.scalars(select(Loan).where(Loan.reference == reference)).one()
        return loan.borrower_id, loan.borrower.credit_code


def add_loan(db: Database, borrower_id: int, reference: str, status: str) -> None:
    with db.session(write=True) as session:
        session.add(
            Loan(
                reference=reference,
                borrower_id=borrower_id,
                amount=Decimal("10000000.00"),
                start_date=date(2026, 1, 20),
                term_months=12,
                maturity_date=date(2027, 1, 20),
                base_rate_name="LPR1Y",
                base_rate=Decimal("0.0300"),
                spread_bps=0,
                status=status,
            )
        )


def test_grade_change_flags_exactly_the_borrowers_live_loans(
    db: Database, officer: Principal
) -> None:
    borrower_id, code = borrower_of(db, CHP)
    add_loan(db, borrower_id, "T-LIVE-2", "under_review")
    add_loan(db, borrower_id, "T-CLOSED", "closed")
    add_loan(db, borrower_id, "T-DRAFT", "draft")
    done = record_assessment(
        db,
        officer,
        code,
        platform=PLATFORM,
        grade="d",
        assessed_on=date(2026, 11, 30),
        source="平台 2026 年度评级通知",
        intensity="0.8125",
        intensity_unit="tCO2/MWh",
    )
    assert done.grade_changed and done.previous_grade == "C"
    assert sorted(a.reference for a in done.flagged) == sorted([CHP, "T-LIVE-2"])
    alerts = open_reviews(db)
    assert sorted(a.reference for a in alerts) == sorted([CHP, "T-LIVE-2"])
    assert "C 变为 D" in alerts[0].zh and "from C to D" in alerts[0].en
    account = carbon_account(db, code)
    assert account.grade == "D" and account.current is not None
    assert account.current.intensity == Decimal("0.8125")
    assert account.proposal is not None and account.proposal.spread_adjust_bps == 15


def test_same_grade_or_backdated_record_only_adds_history(db: Database, officer: Principal) -> None:
    _, code = borrower_of(db, CHP)
    kw: dict[str, Any] = {"platform": PLATFORM, "source": "平台评级"}
    same = record_assessment(db, officer, code, grade="C", assessed_on=date(2026, 6, 30), **kw)
    assert not same.grade_changed and same.flagged == ()
    older = record_assessment(db, officer, code, grade="A", assessed_on=date(2025, 6, 30), **kw)
    assert not older.grade_changed and open_reviews(db) == []
    account = carbon_account(db, code)
    assert account.grade == "C"
    assert [r.grade for r in account.history][:2] == ["C", "A"]  # newest first
    assert [r.grade for r in account.history][2:] == ["C", "D"]  # the seeded history


def test_resolving_closes_the_alert_and_is_audited(db: Database, officer: Principal) -> None:
    _, code = borrower_of(db, CHP)
    done = record_assessment(
        db, officer, code, platform=PLATFORM, grade="E", assessed_on=date(2026, 11, 1), source="s"
    )
    [alert] = done.flagged
    resolve_review(db, officer, alert.id, "提交贷审会重新定价")
    assert open_reviews(db) == []
    with pytest.raises(UserError, match="already resolved"):
        resolve_review(db, officer, alert.id, "again")
    with db.session() as session:
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    assert actions[-3:] == [
        "borrower.carbon_account",
        "loan.repricing_review",
        "loan.repricing_resolved",
    ]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"grade": "Z"}, "grade"),
        ({"grade": ""}, "grade"),
        ({"platform": "  "}, "platform"),
        ({"platform": "平台\x07"}, "platform"),
        ({"source": "x" * 201}, "source"),
        ({"intensity": "-1"}, "intensity"),
        ({"intensity": "NaN"}, "intensity"),
        ({"intensity": "1e400000"}, "intensity"),
        ({"assessed_on": date(2999, 1, 1)}, "assessed_on"),
    ],
)
def test_bad_input_is_refused_whole_naming_the_field(
    db: Database, officer: Principal, changes: dict[str, object], field: str
) -> None:
    _, code = borrower_of(db, CHP)
    kw: dict[str, object] = {
        "platform": PLATFORM,
        "grade": "B",
        "assessed_on": date(2026, 1, 1),
        "source": "s",
    } | changes
    with pytest.raises(InvalidInput) as caught:
        record_assessment(db, officer, code, **kw)  # type: ignore[arg-type]
    assert field in str(caught.value)
    with db.session() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "borrower.carbon_account")
            )
            == 0
        )
        grade = session.scalars(
            select(Borrower.carbon_account_grade).where(Borrower.credit_code == code)
        ).one()
    assert grade == "C"


def test_reviewer_may_not_record_and_unknown_borrower_is_named(db: Database) -> None:
    reviewer = auth.authenticate(db, "reviewer1", "greendesk-demo")
    _, code = borrower_of(db, CHP)
    kw = {"platform": PLATFORM, "grade": "B", "assessed_on": date(2026, 1, 1), "source": "s"}
    with pytest.raises(UserError):
        record_assessment(db, reviewer, code, **kw)  # type: ignore[arg-type]
    officer = auth.authenticate(db, "officer", "greendesk-demo")
    with pytest.raises(UserError, match="no borrower with credit code"):
        record_assessment(db, officer, "000000000000000000", **kw)  # type: ignore[arg-type]


def test_policy_proposes_spread_or_referral_for_every_grade() -> None:
    policy = load_pricing()
    assert policy.propose("a").spread_adjust_bps == -20  # type: ignore[union-attr]
    referral = policy.propose("E")
    assert referral is not None and referral.referral and "贷审会" in referral.zh
    assert policy.propose("") is None and policy.propose("Q") is None
