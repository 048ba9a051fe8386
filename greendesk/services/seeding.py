"""Loading the demo portfolio (``seeds/``) into a database: idempotent, all or nothing.

Records are matched on their natural keys — borrowers by credit code, projects by (borrower,
name), loans by reference, prices by (instrument, date), rates by (name, effective date) — so
loading twice adds nothing, and a record that is already there (perhaps edited since) is left
alone. Everything is validated before the one write transaction starts; each record added
appends its creation to the audit trail in that same transaction, by the actor ``seed``, and
each new loan is classified by the classification engine (``services.assessment``) before the
transaction commits. An empty database becomes the demo: the demo accounts
(``services.auth.ensure_demo_users``, password ``greendesk-demo``) are created first. A database
that has users or records of its own gets the portfolio but never an account with a known
password.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from greendesk.domain.errors import UserError
from greendesk.paths import seeds_dir
from greendesk.services import audit, auth, carbon_accounts
from greendesk.services.allocation import seed_allocations
from greendesk.services.assessment import assess_loan, price_table
from greendesk.services.calendar import record_loan_calendar
from greendesk.services.emissions import seed_emission_inputs
from greendesk.services.records.loan_rows import loan_snapshot, write_children
from greendesk.services.seed_files import LoanPlan, SeedPlan, read_seed_folder
from greendesk.store.database import Database, open_database
from greendesk.store.models import (
    AppMeta,
    Borrower,
    Loan,
    Pledge,
    Project,
    ReferencePrice,
    ReferenceRate,
    User,
)
from greendesk.store.types import utcnow

SEED_ACTOR = "seed"
DEMO_OFFICER = auth.DEMO_USERS[0][0]  # the demo officer is the officer of record of every case
SEEDED_KEY = "demo_seeded_at"  # app_meta: when the demo portfolio was first loaded


@dataclass(frozen=True)
class SeedReport:
    """What one run added; ``already_present`` counts records skipped because they exist."""

    files: int
    borrowers: int = 0
    projects: int = 0
    loans: int = 0
    pledges: int = 0
    prices: int = 0
    rates: int = 0
    users: int = 0  # demo accounts created (services.auth.DEMO_USERS)
    already_present: int = 0
    demo_database: bool = False  # the database is the demo (seeded while empty)
    emission_inputs: int = 0  # PCAF records (seeds/emissions.toml), audited, not in ``added``
    allocations: int = 0  # use-of-proceeds allocations (seeds/allocations.toml), audited too

    @property
    def added(self) -> int:
        return (
            self.borrowers + self.projects + self.loans + self.pledges + self.prices + self.rates
            + self.users
        )  # fmt: skip


class _Counter:
    def __init__(self) -> None:
        self.counts = dict.fromkeys(
            ("borrowers", "projects", "loans", "pledges", "prices", "rates", "already_present"), 0
        )

    def add(self, what: str) -> None:
        self.counts[what] += 1


def _created(session: Session, kind: str, row: Any, after: dict[str, Any] | None = None) -> None:
    session.flush()
    audit.record(
        session, SEED_ACTOR, f"{kind}.create", (kind, row.id), None, after or audit.snapshot(row)
    )


def _seed_rates(session: Session, plan: SeedPlan, count: _Counter) -> None:
    for values in plan.rates:
        found = session.scalar(
            select(ReferenceRate.id).where(
                ReferenceRate.name == values["name"],
                ReferenceRate.effective_date == values["effective_date"],
            )
        )
        if found is not None:
            count.add("already_present")
            continue
        row = ReferenceRate(**values)
        session.add(row)
        _created(session, "rate", row)
        count.add("rates")


def _seed_prices(session: Session, plan: SeedPlan, count: _Counter) -> None:
    for values in plan.prices:
        found = session.scalar(
            select(ReferencePrice.id).where(
                ReferencePrice.instrument == values["instrument"],
                ReferencePrice.price_date == values["price_date"],
            )
        )
        if found is not None:
            count.add("already_present")
            continue
        row = ReferencePrice(**values)
        session.add(row)
        _created(session, "price", row)
        count.add("prices")


def _borrower(session: Session, values: dict[str, Any], count: _Counter) -> Borrower:
    row = session.scalars(
        select(Borrower).where(Borrower.credit_code == values["credit_code"])
    ).first()
    if row is not None:
        count.add("already_present")
        return row
    row = Borrower(**values)
    session.add(row)
    _created(session, "borrower", row)
    count.add("borrowers")
    return row


def _project(
    session: Session, borrower: Borrower, values: dict[str, Any] | None, count: _Counter
) -> Project | None:
    if values is None:
        return None
    row = session.scalars(
        select(Project).where(Project.borrower_id == borrower.id, Project.name == values["name"])
    ).first()
    if row is not None:
        count.add("already_present")
        return row
    row = Project(**{**values, "borrower_id": borrower.id})
    session.add(row)
    _created(session, "project", row)
    count.add("projects")
    return row


def _pledge_row(loan: Loan, seq: int, values: dict[str, Any]) -> Pledge:
    columns = {k: val for k, val in values.items() if k != "loan_id"}
    if "registry" in columns:  # the ORM attribute is registry_name (see models.Pledge)
        columns["registry_name"] = columns.pop("registry")
    return Pledge(loan_id=loan.id, seq=seq, **columns)


def _seed_loan(
    session: Session, plan: LoanPlan, count: _Counter, officer_id: int | None
) -> int | None:
    """Add the case's records that are missing; the new loan's id (None if it was there)."""
    borrower = _borrower(session, plan.borrower, count)
    project = _project(session, borrower, plan.project, count)
    reference = plan.loan.columns["reference"]
    if session.scalar(select(Loan.id).where(Loan.reference == reference)) is not None:
        count.add("already_present")
        return None
    columns = {
        **plan.loan.columns,
        "borrower_id": borrower.id,
        "project_id": project.id if project is not None else None,
        "status": plan.status,
        "application_version": 1,
        "officer_id": officer_id,
        "created_by": SEED_ACTOR,
        "updated_by": SEED_ACTOR,
    }
    loan = Loan(**columns)
    session.add(loan)
    session.flush()
    write_children(session, loan, plan.loan)
    session.flush()
    _created(session, "loan", loan, loan_snapshot(loan))
    count.add("loans")
    for seq, values in enumerate(plan.pledges, start=1):
        pledge = _pledge_row(loan, seq, values)
        session.add(pledge)
        _created(session, "pledge", pledge)
        count.add("pledges")
    return loan.id


def seed_demo(db: Database, folder: Path | None = None) -> SeedReport:
    """Load the demo portfolio from ``folder`` (default: the packaged ``seeds/``) in one go."""
    source = folder if folder is not None else seeds_dir()
    plan = read_seed_folder(source)
    count = _Counter()
    # The demo desk's documented accounts (officer, reviewer1-3, admin), only when the database
    # is empty (it becomes the demo): without them nobody could log in to act on the demo
    # portfolio. Their own transaction and audit events, first, so that the demo officer is the
    # officer of record of the seeded loans.
    created = auth.ensure_demo_users(db)
    demo = auth.is_demo_database(db)
    try:
        with db.session(write=True) as session:
            officer_id = (
                session.scalar(select(User.id).where(User.username == DEMO_OFFICER))
                if demo
                else None  # a bank's own "officer" is not made officer of record of demo cases
            )
            _seed_rates(session, plan, count)
            _seed_prices(session, plan, count)
            added = [_seed_loan(session, loan_plan, count, officer_id) for loan_plan in plan.loans]
            session.flush()
            carbon_accounts.seed_records(session, source / "carbon_accounts.toml")  # issue 16
            prices = price_table(session)
            for loan_id in added:  # classified and valued by the engines, in this transaction
                if loan_id is not None:
                    assess_loan(session, loan_id, date.today(), prices=prices, actor=SEED_ACTOR)
                    loan = session.get(Loan, loan_id)
                    if loan is not None:  # which calendar its payment dates use
                        record_loan_calendar(session, loan, SEED_ACTOR)
            # PCAF inputs and use-of-proceeds allocations (ASSUMED): seeds/emissions.toml and
            # seeds/allocations.toml
            extra = {
                "emission_inputs": seed_emission_inputs(session, source),
                "allocations": seed_allocations(session, source),
            }
            if session.get(AppMeta, SEEDED_KEY) is None:
                session.add(AppMeta(key=SEEDED_KEY, value=utcnow().isoformat()))
    except IntegrityError as exc:
        detail = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
        raise UserError(
            f"seed files in {source} clash with records in the database ({detail}); "
            "nothing was loaded"
        ) from None
    if demo:  # the demo accounts of an earlier run count as present
        count.counts["already_present"] += len(auth.DEMO_USERS) - len(created)
    return SeedReport(
        files=plan.files, users=len(created), demo_database=demo, **count.counts, **extra
    )


def open_desk(url: str | None) -> Database:
    """Open the database a desk works on; the default store gets the demo portfolio on first run.

    An explicit URL is opened as it is (never seeded behind the user's back). The default file is
    seeded once, when it has never been seeded — deleting the demo loans later does not bring
    them back.
    """
    db = open_database(url)
    if url is None:
        try:
            with db.session() as session:
                seeded = session.get(AppMeta, SEEDED_KEY) is not None
            if not seeded:
                seed_demo(db)
        except BaseException:
            db.dispose()
            raise
    return db
