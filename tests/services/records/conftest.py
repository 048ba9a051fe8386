"""Fixtures for the record services: a migrated database on each backend and real users."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from greendesk.domain.roles import Principal, Role
from greendesk.services import auth
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
)

PASSWORD = "correct horse battery staple 42"


@dataclass(frozen=True)
class People:
    admin: Principal
    officer: Principal
    officer2: Principal
    reviewer: Principal


def make_people(db: Database) -> People:
    """Real users made through the auth service: the actors carry real user ids."""
    admin = auth.create_first_admin(db, "admin", PASSWORD, "管理员")
    principals = {"admin": admin}
    for name, role in (("li", Role.OFFICER), ("wang", Role.OFFICER), ("zhao", Role.REVIEWER)):
        info = auth.create_user(db, admin, name, role, PASSWORD, name.title())
        principals[name] = Principal(info.id, info.username, info.display_name, info.role)
    return People(admin, principals["li"], principals["wang"], principals["zhao"])


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
