"""Fixtures for the record services: a migrated database on each backend and real users."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pytest
from sqlalchemy import func, select

from greendesk.domain.passwords import hash_password
from greendesk.domain.roles import Principal, Role
from greendesk.store.database import Database
from greendesk.store.models import (
    AuditEvent,
    Borrower,
    Loan,
    LoanDrawdown,
    LoanKpi,
    LoanUseOfProceeds,
    Pledge,
    Project,
    ReferencePrice,
    ReferenceRate,
    SyndicateShare,
    User,
)

PASSWORD = "correct horse battery staple 42"


@dataclass(frozen=True)
class People:
    admin: Principal
    officer: Principal
    officer2: Principal
    reviewer: Principal


@cache
def _password_hash() -> str:
    """One real salted hash for every test user (hashing is deliberately slow)."""
    return hash_password(PASSWORD)


def make_people(db: Database) -> People:
    """Real user rows (the actors carry real user ids, as the loans' officer_id needs)."""
    made: dict[str, Principal] = {}
    with db.session(write=True) as session:
        for name, role in (
            ("admin", Role.ADMIN), ("li", Role.OFFICER), ("wang", Role.OFFICER),
            ("zhao", Role.REVIEWER),
        ):  # fmt: skip
            user = User(username=name, display_name=name.title(), role=role.value,
                        password_hash=_password_hash(), active=True)  # fmt: skip
            session.add(user)
            session.flush()
            made[name] = Principal(user.id, name, user.display_name, role)
    return People(made["admin"], made["li"], made["wang"], made["zhao"])


@pytest.fixture
def db(database: Database) -> Iterator[Database]:
    yield database


@pytest.fixture
def people(db: Database) -> People:
    return make_people(db)


COUNTED = (
    Borrower, Project, Loan, LoanDrawdown, LoanKpi, LoanUseOfProceeds, SyndicateShare, Pledge,
    ReferencePrice, ReferenceRate, AuditEvent,
)  # fmt: skip


def row_counts(db: Database) -> dict[str, int]:
    """How many rows each table the record services write holds (to prove nothing was written)."""
    with db.session() as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in COUNTED
        }


def after_refusals(before: dict[str, int], refusals: int) -> dict[str, int]:
    """``before`` plus the audit events of ``refusals`` refused actions (issue 11: each refusal
    is audited in its own transaction; the refused work itself writes nothing)."""
    return {**before, "audit_events": before["audit_events"] + refusals}
