"""Projects: the financed assets of a borrower (catalogue item, capacity, carbon benefit)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.errors import ErrorCollector
from greendesk.domain.roles import Action
from greendesk.services.records._unit import (
    Actor,
    assign,
    audited_refusals,
    check_version,
    get_or_fail,
    permit,
    record_event,
    snapshot,
    stored,
    write_unit,
)
from greendesk.services.records.inputs import ProjectInput
from greendesk.services.records.reference import reference_checks
from greendesk.services.records.results import ProjectRecord
from greendesk.services.records.validation import validate_project
from greendesk.store.database import Database
from greendesk.store.models import Borrower, Project
from greendesk.store.types import utcnow

FIELDS = (
    "borrower_id", "name", "location", "region", "description", "catalogue_code", "capacity_mw",
    "capacity_note", "total_investment", "annual_co2e_reduction_t", "carbon_sink_t", "technology",
)  # fmt: skip


def project_record(row: Project) -> ProjectRecord:
    values: dict[str, Any] = {name: getattr(row, name) for name in FIELDS}
    values["technology"] = tuple(sorted((row.technology or {}).items()))
    return ProjectRecord(id=row.id, version=row.version, updated_at=row.updated_at, **values)


def _validate(session: Session, inp: ProjectInput, row: Project | None) -> dict[str, Any]:
    """Every field rule, and the borrower: it exists, and an existing project keeps it."""
    errors = ErrorCollector()
    values = validate_project(inp, reference_checks(), errors)
    owner = values["borrower_id"]
    if row is not None and owner is not None and owner != row.borrower_id:
        errors.add("borrower_id", "a project cannot move to another borrower")
    elif row is None and owner is not None and session.get(Borrower, owner) is None:
        errors.add("borrower_id", f"no borrower {owner}")
    errors.raise_if_any()
    return values


@audited_refusals
def create_project(db: Database, actor: Actor, data: ProjectInput) -> ProjectRecord:
    """Register a project of an existing borrower."""
    permit(actor, Action.EDIT_APPLICATION)
    with write_unit(db, "project") as session:
        values = _validate(session, data, None)
        row = Project(**values)
        session.add(row)
        stored(session)
        record_event(session, actor, "project.create", "project", row.id, None,
                     snapshot(row, FIELDS))  # fmt: skip
        return project_record(row)


@audited_refusals
def update_project(
    db: Database, actor: Actor, project_id: int, data: ProjectInput, *, expected_version: int
) -> ProjectRecord:
    """Change a project as of ``expected_version``; it stays with its borrower."""
    permit(actor, Action.EDIT_APPLICATION)
    what = f"project {project_id}"
    with write_unit(db, what) as session:
        row = get_or_fail(session, Project, project_id, "project", lock=True)
        check_version(what, row.version, expected_version)
        values = _validate(session, data, row)
        before = snapshot(row, FIELDS)
        assign(row, values)
        row.updated_at = utcnow()  # forces the UPDATE, so the version moves
        stored(session)
        record_event(session, actor, "project.update", "project", row.id, before,
                     snapshot(row, FIELDS))  # fmt: skip
        return project_record(row)


def get_project(db: Database, project_id: int) -> ProjectRecord:
    with db.session() as session:
        return project_record(get_or_fail(session, Project, project_id, "project"))


def list_projects(db: Database, borrower_id: int | None = None) -> list[ProjectRecord]:
    """Projects by name, all or one borrower's."""
    query = select(Project).order_by(Project.name, Project.id)
    if borrower_id is not None:
        query = query.where(Project.borrower_id == borrower_id)
    with db.session() as session:
        return [project_record(row) for row in session.scalars(query)]


def project_input(record: ProjectRecord) -> ProjectInput:
    """The editor's starting values for an existing project."""
    return ProjectInput(
        borrower_id=record.borrower_id,
        name=record.name,
        location=record.location or "",
        region=record.region or "",
        description=record.description or "",
        catalogue_code=record.catalogue_code or "",
        capacity_mw=record.capacity_mw,
        capacity_note=record.capacity_note or "",
        total_investment=record.total_investment,
        annual_co2e_reduction_t=record.annual_co2e_reduction_t,
        carbon_sink_t=record.carbon_sink_t,
        technology=dict(record.technology),
    )
