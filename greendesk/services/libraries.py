"""Project and enterprise libraries (项目库): entries as classification evidence, and the
library summaries behind the pipeline.

``record_entry`` notes that a loan's project is in a library (which, reference, date, the
recognition rule) and re-classifies that project's current loans in the same transaction, so a
recognised transition project's loans show the activity point met, saying why.

A library summary is a library's own reported totals — projects assessed, total investment,
loan demand, projects granted credit, credit granted, disbursed — read from
``seeds/libraries/*.toml`` (money as exact strings, counts as whole numbers). Each carries its
source. Summaries are reference data, read as they are shipped; nothing is written.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.errors import ErrorCollector, UserError
from greendesk.domain.roles import Action, Principal
from greendesk.paths import seeds_dir
from greendesk.services import audit
from greendesk.services.carbon_accounts import clean_text as _clean
from greendesk.store.database import Database
from greendesk.store.models import Borrower, LibraryEntry, Loan, Project
from greendesk.store.queries import is_current_version

MONEY_FIELDS = ("total_investment", "loan_demand", "credit_granted", "disbursed")
COUNT_FIELDS = ("projects", "projects_granted")
TEXT_FIELDS = ("key", "name_zh", "name_en", "operator_zh", "operator_en", "rule_zh", "rule_en")


@dataclass(frozen=True)
class LibrarySummary:
    key: str
    name_zh: str
    name_en: str
    operator_zh: str
    operator_en: str
    rule_zh: str
    rule_en: str
    period: str
    as_reported: date | None
    source: str
    projects: int
    total_investment: Decimal
    loan_demand: Decimal
    projects_granted: int
    credit_granted: Decimal
    disbursed: Decimal

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


WORDS = {
    "projects": ("入库项目", "projects"),
    "total_investment": ("总投资（元）", "total investment (CNY)"),
    "loan_demand": ("贷款需求（元）", "loan demand (CNY)"),
    "projects_granted": ("获授信项目", "projects granted credit"),
    "credit_granted": ("授信（元）", "credit granted (CNY)"),
    "disbursed": ("到位贷款（元）", "disbursed (CNY)"),
    "source": ("来源", "source"),
    "totals": ("合计", "totals"),
}


@dataclass(frozen=True)
class Pipeline:
    libraries: tuple[LibrarySummary, ...]
    entries: tuple[Any, ...] = ()  # EntryLine: the bank's projects recorded in libraries

    def total(self, field: str) -> Any:
        zero: Any = Decimal("0.00") if field in MONEY_FIELDS else 0
        return sum((getattr(x, field) for x in self.libraries), zero)

    def text(self, lang: str) -> str:
        def w(key: str) -> str:
            zh, en = WORDS[key]
            return zh if lang == "zh" else en

        lines: list[str] = []
        for lib in self.libraries:
            lines.append(f"{lib.name(lang)} ({lib.period})")
            lines.append(
                f"  {w('projects')} {lib.projects}   {w('projects_granted')} {lib.projects_granted}"
            )
            for field in MONEY_FIELDS:
                lines.append(f"  {w(field)} {getattr(lib, field):,.2f}")
            lines.append(f"  {w('source')}: {lib.source}")
            lines.append("")
        for x in self.entries:
            loans = ", ".join(x.loans) or "—"
            lines.append(
                f"{x.library}  {x.reference or '—'}  {x.recognised_on}  {x.project}  "
                f"[{loans}] {x.amount:,.2f}  ({x.rule})"
            )
        return "\n".join(lines) + ("\n" if self.entries else "")


def _summary(path: Path) -> LibrarySummary:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path.name}: cannot read: {exc}") from None
    errors: list[str] = []
    values: dict[str, Any] = {}
    for field in (*TEXT_FIELDS, "source", "period"):
        value = data.get(field)
        if not isinstance(value, str) or not value.strip():
            errors.append(f"{path.name}: {field}: must be a non-empty string")
        values[field] = value
    for field in MONEY_FIELDS:
        value = data.get(field)
        try:
            if not isinstance(value, str):
                raise InvalidOperation
            amount = Decimal(value)
            if amount < 0 or amount != amount.quantize(Decimal("0.01")):
                raise InvalidOperation
        except InvalidOperation:
            errors.append(f'{path.name}: {field}: must be an amount ≥ 0 as a string ("1.00")')
            amount = Decimal(0)
        values[field] = amount
    for field in COUNT_FIELDS:
        value = data.get(field)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            errors.append(f"{path.name}: {field}: must be a whole number ≥ 0")
        values[field] = value
    reported = data.get("as_reported")
    values["as_reported"] = reported if isinstance(reported, date) else None
    if not errors and values["projects_granted"] > values["projects"]:
        errors.append(f"{path.name}: projects_granted: more than the library's projects")
    if not errors and values["disbursed"] > values["credit_granted"]:
        errors.append(f"{path.name}: disbursed: more than the credit granted")
    if errors:
        raise UserError("\n".join(errors))
    return LibrarySummary(**values)


def library_summaries(folder: Path | None = None) -> tuple[LibrarySummary, ...]:
    """Every library summary shipped in ``seeds/libraries/`` (or ``folder``), by key."""
    root = folder or seeds_dir() / "libraries"
    return tuple(sorted((_summary(p) for p in root.glob("*.toml")), key=lambda s: s.key))


@dataclass(frozen=True)
class EntryLine:
    id: int
    library: str
    reference: str
    recognised_on: date
    rule: str
    kind: str
    source: str
    project: str  # the project's name, or the borrower's for an enterprise library
    loans: tuple[str, ...]
    amount: Decimal  # the current loans' amounts on this project


def record_entry(
    db: Database,
    actor: Principal,
    loan_reference: str,
    *,
    library: str,
    recognised_on: date,
    rule: str,
    source: str,
    reference: str = "",
    kind: str = "transition_project",
    today: date | None = None,
) -> EntryLine:
    """Record the loan's project in ``library`` and re-classify the project's current loans."""
    from greendesk.domain.classification.facts import LIBRARY_KINDS
    from greendesk.services.assessment import assess_loan

    actor.require(Action.EDIT_APPLICATION)
    e = ErrorCollector()
    library = _clean(e, "library", library, "name", True)
    rule = _clean(e, "rule", rule, "name", True)
    source = _clean(e, "source", source, "source", True)
    reference = _clean(e, "reference", reference, "reference", False)
    if kind not in LIBRARY_KINDS:
        e.add("kind", f"must be one of {', '.join(LIBRARY_KINDS)}")
    if recognised_on > (today or date.today()):
        e.add("recognised_on", "in the future")
    e.raise_if_any()
    with db.session(write=True) as session:
        loan = session.scalar(
            select(Loan).where(Loan.reference == loan_reference, is_current_version())
        )
        if loan is None:
            raise UserError(f"no loan with reference {loan_reference}")
        enterprise = kind == "transition_enterprise"  # an enterprise library names the borrower
        if loan.project_id is None and not enterprise:
            raise UserError(f"loan {loan_reference}: has no project to record in a library")
        entry = LibraryEntry(
            project_id=None if enterprise else loan.project_id,
            borrower_id=loan.borrower_id if enterprise else None,
            library=library,
            reference=reference or None,
            recognised_on=recognised_on,
            rule=rule,
            kind=kind,
            source=source,
            recorded_by=actor.username,
        )
        session.add(entry)
        session.flush()
        audit.record(
            session,
            actor,
            "borrower.library_entry" if enterprise else "project.library_entry",
            ("borrower", loan.borrower_id) if enterprise else ("project", loan.project_id),
            None,
            {"library": library, "reference": reference, "rule": rule, "kind": kind},
        )
        same = Loan.borrower_id if enterprise else Loan.project_id
        key = loan.borrower_id if enterprise else loan.project_id
        ids = session.scalars(select(Loan.id).where(same == key, is_current_version()))
        for loan_id in list(ids):
            assess_loan(session, loan_id, date.today(), actor=actor.username)
        return _entries(session, entry.id)[0]


def _entries(session: Session, entry_id: int | None = None) -> list[EntryLine]:
    query = (
        select(LibraryEntry, Project, Borrower)
        .outerjoin(Project, Project.id == LibraryEntry.project_id)
        .outerjoin(Borrower, Borrower.id == LibraryEntry.borrower_id)
    )
    if entry_id is not None:
        query = query.where(LibraryEntry.id == entry_id)
    out: list[EntryLine] = []
    for entry, project, borrower in session.execute(query.order_by(LibraryEntry.id)):
        same = (Loan.project_id == project.id) if project else (Loan.borrower_id == borrower.id)
        loans = list(
            session.scalars(select(Loan).where(same, is_current_version()).order_by(Loan.reference))
        )
        out.append(
            EntryLine(
                entry.id,
                entry.library,
                entry.reference or "",
                entry.recognised_on,
                entry.rule,
                entry.kind,
                entry.source,
                project.name if project else borrower.name,
                tuple(x.reference for x in loans),
                sum((x.amount for x in loans), Decimal("0.00")),
            )
        )
    return out


def entries(db: Database) -> list[EntryLine]:
    """Every library entry with its project and the project's current loans."""
    with db.session() as session:
        return _entries(session)


def pipeline(db: Database | None = None) -> Pipeline:
    """The libraries' reported figures (shipped summaries) and, with ``db``, the bank's own
    projects recorded in libraries."""
    recorded = tuple(entries(db)) if db is not None else ()
    return Pipeline(library_summaries(), recorded)
