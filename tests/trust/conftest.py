"""Fixtures for the trust tests: a team of real users and a draft loan in a real database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from greendesk.domain.passwords import hash_password
from greendesk.domain.roles import SYSTEM, Principal, Role
from greendesk.services import audit
from greendesk.store.database import Database
from greendesk.store.models import Borrower, Loan, User

PASSWORD = "test-password-1"


@dataclass(frozen=True)
class Team:
    admin: Principal
    officer: Principal
    officer2: Principal
    r1: Principal
    r2: Principal
    r3: Principal
    r4: Principal


@pytest.fixture(scope="session")
def password_hash() -> str:
    """One real scrypt hash of PASSWORD, shared so that each test does not pay for seven."""
    return hash_password(PASSWORD)


def _add(db: Database, actor: Principal, name: str, role: Role, stored: str) -> Principal:
    """A user row and its audit event, as ``auth.create_user`` writes them (hash precomputed)."""
    with db.session(write=True) as session:
        user = User(username=name, display_name=name, role=role.value, password_hash=stored)
        session.add(user)
        session.flush()
        audit.record(session, actor, "user.create", ("user", user.id), None, audit.snapshot(user))
        return Principal(user.id, name, name, role)


def build_team(database: Database, password_hash: str) -> Team:
    admin = _add(database, SYSTEM, "admin", Role.ADMIN, password_hash)
    people = [
        _add(database, admin, name, role, password_hash)
        for name, role in [
            ("wang", Role.OFFICER),
            ("zhou", Role.OFFICER),
            ("li", Role.REVIEWER),
            ("zhao", Role.REVIEWER),
            ("sun", Role.REVIEWER),
            ("qian", Role.REVIEWER),
        ]
    ]
    return Team(admin, *people)


@pytest.fixture
def team(database: Database, password_hash: str) -> Team:
    return build_team(database, password_hash)


def make_loan(
    db: Database,
    officer: Principal,
    reference: str = "GD-2026-0001",
    amount: str = "50000000.00",
    credit_code: str = "91650000MA77TEST0X",
) -> int:
    """A draft loan written the way an editing service does: row and audit event together."""
    with db.session(write=True) as session:
        borrower = Borrower(name="布尔津县草原碳汇合作社", credit_code=credit_code, region="新疆")
        session.add(borrower)
        session.flush()
        audit.record(
            session, officer, "create", ("borrower", borrower.id), None, audit.snapshot(borrower)
        )
        loan = Loan(
            reference=reference,
            borrower_id=borrower.id,
            amount=Decimal(amount),
            start_date=date(2026, 3, 1),
            maturity_date=date(2031, 3, 1),
            term_months=60,
            officer_id=officer.user_id,
            created_by=officer.username,
            updated_by=officer.username,
        )
        session.add(loan)
        session.flush()
        audit.record(session, officer, "create", ("loan", loan.id), None, audit.snapshot(loan))
        return loan.id
