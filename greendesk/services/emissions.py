"""Financed emissions of the book (PCAF Part A): per loan, and totals by class, category, region.

Each current loan's outstanding principal on the day (drawn minus principal repaid by then; no
accrued interest) is attributed to its borrower's inputs, or to its project's for project
finance (a project with its own record), by ``domain.emissions.pcaf``; sector and activity
factors come from the versioned table ``resources/emissions/factors.json``. Avoided emissions of
green projects (their expected yearly reduction) are attributed the same way and reported
beside, never netted. A loan whose subject has no record is listed with the reason.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.emissions.pcaf import (
    OPTIONS,
    Activity,
    ActivityFactor,
    EmissionInputs,
    FactorTable,
    PcafError,
    SectorFactor,
    attribution,
    avoided,
    financed,
    weighted_score,
)
from greendesk.domain.errors import UserError
from greendesk.domain.money import parse_decimal, parse_money
from greendesk.paths import resources_dir, seeds_dir
from greendesk.reporting.model import EmissionRow
from greendesk.services import audit
from greendesk.services.loan_filter import LoanFilter, checked, conditions
from greendesk.services.outstanding import Selection, outstanding_principals
from greendesk.services.report_support import catalogue_names, outstanding_principal
from greendesk.store.database import Database
from greendesk.store.models import Borrower, EmissionInput, Loan, LoanFacet, Project
from greendesk.store.queries import is_current_version

SEED_FILE = "emissions.toml"
ZERO_MONEY = Decimal("0.00")  # the outstanding of a loan not disbursed


@cache
def factor_table(path: Path | None = None) -> FactorTable:
    """The versioned emission-factor table (``resources/emissions/factors.json``)."""
    source = path or resources_dir() / "emissions" / "factors.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    return FactorTable(
        version=str(data["version"]),
        activities={
            k: ActivityFactor(k, Decimal(v["per_unit"]), str(v["unit"]), str(v["kind"]))
            for k, v in data["activities"].items()
        },
        sectors={
            k: SectorFactor(
                k, Decimal(v["per_revenue"]), Decimal(v["per_assets"]), Decimal(v["asset_turnover"])
            )
            for k, v in data["sectors"].items()
        },
    )


def inputs_of(row: EmissionInput) -> EmissionInputs:
    return EmissionInputs(
        option=row.option,
        equity=row.equity,
        debt=row.debt,
        total_assets=row.total_assets,
        scope12_t=row.scope12_t,
        scope3_t=row.scope3_t,
        activity=tuple(
            Activity(str(a["factor"]), Decimal(str(a["quantity"]))) for a in row.activity or []
        ),
        revenue=row.revenue,
        sector=row.sector,
    )


@dataclass(frozen=True)
class LoanEmissions:
    reference: str
    borrower: str
    classification: str
    category: str
    region: str
    basis: str  # "business loan" or "project finance"
    outstanding: Decimal
    option: str | None
    score: int | None
    attribution: Decimal | None  # None for 3b/3c and for a loan without inputs
    attribution_basis: str | None
    emissions_t: Decimal | None
    financed_t: Decimal | None
    financed_scope3_t: Decimal | None
    avoided_t: Decimal | None
    year: int | None
    source: str | None
    assumed: bool
    notes: tuple[str, ...]


@dataclass(frozen=True)
class GroupTotal:
    key: str
    loans: int
    outstanding: Decimal
    financed_t: Decimal
    financed_scope3_t: Decimal
    avoided_t: Decimal
    score: Decimal | None  # outstanding-weighted data-quality score of the loans with a figure


@dataclass(frozen=True)
class EmissionsReport:
    as_of: date
    factors_version: str
    loans: tuple[LoanEmissions, ...]
    total: GroupTotal
    by_class: tuple[GroupTotal, ...]
    by_category: tuple[GroupTotal, ...]
    by_region: tuple[GroupTotal, ...]


def inputs_by_subject(
    session: Session,
) -> tuple[dict[int, EmissionInput], dict[int, EmissionInput]]:
    rows = list(session.scalars(select(EmissionInput)))
    borrowers = {r.borrower_id: r for r in rows if r.borrower_id is not None}
    projects = {r.project_id: r for r in rows if r.project_id is not None}
    return borrowers, projects


@dataclass(frozen=True)
class LoanFacts:
    """What one loan's figures read besides its outstanding: plain values, from a loaded loan
    (``facts_of``) or from one SQL row of the report's query."""

    reference: str
    borrower_id: int
    borrower: str
    borrower_region: str | None
    classification: str
    project_id: int | None
    catalogue_code: str | None
    project_region: str | None
    annual_reduction: Decimal | None


def facts_of(loan: Loan) -> LoanFacts:
    project = loan.project
    return LoanFacts(
        reference=loan.reference,
        borrower_id=loan.borrower_id,
        borrower=loan.borrower.name,
        borrower_region=loan.borrower.region,
        classification=loan.override_primary or loan.classification_primary or "",
        project_id=project.id if project is not None else None,
        catalogue_code=project.catalogue_code if project is not None else None,
        project_region=project.region if project is not None else None,
        annual_reduction=project.annual_co2e_reduction_t if project is not None else None,
    )


def loan_emissions(
    loan: Loan,
    as_of: date,
    borrowers: dict[int, EmissionInput],
    projects: dict[int, EmissionInput],
    lang: str = "zh",
    outstanding: Decimal | None = None,
) -> LoanEmissions:
    """One loan's figures; ``outstanding`` when the caller has it already (the workbook),
    else from the loan's schedule."""
    if outstanding is None:
        outstanding = outstanding_principal(loan, as_of)
    facts = facts_of(loan)
    category = catalogue_names(facts.catalogue_code, lang)[1]
    return figures_of(facts, outstanding, category, borrowers, projects)


def figures_of(
    loan: LoanFacts,
    outstanding: Decimal,
    category: str,
    borrowers: dict[int, EmissionInput],
    projects: dict[int, EmissionInput],
) -> LoanEmissions:
    """One loan's figures from its facts, its outstanding principal and the top category of
    its project's catalogue item (``report_support.catalogue_names``)."""
    record = projects.get(loan.project_id) if loan.project_id is not None else None
    basis = "project finance" if record is not None else "business loan"
    record = record or borrowers.get(loan.borrower_id)
    common: dict[str, Any] = {
        "reference": loan.reference,
        "borrower": loan.borrower,
        "classification": loan.classification,
        "category": category,
        "region": loan.project_region or loan.borrower_region or "",
        "basis": basis,
        "outstanding": outstanding,
    }
    if record is None:
        return LoanEmissions(
            **common, option=None, score=None, attribution=None, attribution_basis=None,
            emissions_t=None, financed_t=None, financed_scope3_t=None, avoided_t=None,
            year=None, source=None, assumed=False, notes=("no PCAF inputs on record",),
        )  # fmt: skip
    try:
        result = financed(outstanding, inputs_of(record), factor_table())
    except PcafError as exc:
        return LoanEmissions(
            **common, option=record.option, score=None, attribution=None,
            attribution_basis=None, emissions_t=None, financed_t=None, financed_scope3_t=None,
            avoided_t=None, year=record.year, source=record.source, assumed=record.assumed,
            notes=(str(exc),),
        )  # fmt: skip
    af = result.attribution
    reduction = loan.annual_reduction
    # 3b/3c estimate per unit lent: the avoided figure then needs the balance-sheet factor too.
    share = af.factor if af is not None else None
    if share is None and reduction is not None:
        try:
            share = attribution(outstanding, record.equity, record.debt, record.total_assets).factor
        except PcafError:
            share = None
    return LoanEmissions(
        **common,
        option=result.option,
        score=result.score,
        attribution=af.factor if af is not None else None,
        attribution_basis=af.basis if af is not None else None,
        emissions_t=result.emissions_t,
        financed_t=result.financed_t,
        financed_scope3_t=result.financed_scope3_t,
        avoided_t=avoided(share, reduction) if share is not None else None,
        year=record.year,
        source=record.source,
        assumed=record.assumed,
        notes=result.notes,
    )


def _group(key: str, items: list[LoanEmissions]) -> GroupTotal:
    """One pass over the group's loans; a figure that is None or zero adds nothing (as
    ``figure or 0`` would), so the sums keep their two places."""
    outstanding = financed = scope3 = avoided = Decimal("0.00")
    figured: list[tuple[Decimal, int]] = []
    for x in items:
        outstanding += x.outstanding
        if x.financed_t is not None and x.score is not None:
            figured.append((x.outstanding, x.score))
        if x.financed_t:
            financed += x.financed_t
        if x.financed_scope3_t:
            scope3 += x.financed_scope3_t
        if x.avoided_t:
            avoided += x.avoided_t
    return GroupTotal(
        key=key,
        loans=len(items),
        outstanding=outstanding,
        financed_t=financed,
        financed_scope3_t=scope3,
        avoided_t=avoided,
        score=weighted_score(figured),
    )


def _groups(loans: Iterable[LoanEmissions], field: str) -> tuple[GroupTotal, ...]:
    buckets: dict[str, list[LoanEmissions]] = {}
    for x in loans:
        buckets.setdefault(str(getattr(x, field)), []).append(x)
    return tuple(
        _group(k, v) for k, v in sorted(buckets.items(), key=lambda kv: (kv[0] == "", kv[0]))
    )


def _selection(session: Session, filters: LoanFilter | None) -> Selection:
    """The current loans, or those an active ``filters`` selects (the loan list's and the
    dashboard's rule), as a condition on ``loans``."""
    if filters is not None and filters.active:
        return Loan.id.in_(select(LoanFacet.loan_id).where(*conditions(checked(filters), session)))
    return is_current_version()


def _facts(session: Session, selection: Selection) -> Iterator[tuple[int, LoanFacts]]:
    """Each selected loan's facts, one query, in reference order."""
    query = (
        select(
            Loan.id,
            Loan.reference,
            Loan.borrower_id,
            Borrower.name,
            Borrower.region,
            Loan.override_primary,
            Loan.classification_primary,
            Loan.project_id,
            Project.catalogue_code,
            Project.region,
            Project.annual_co2e_reduction_t,
        )
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .outerjoin(Project, Project.id == Loan.project_id)
        .where(selection)
        .order_by(Loan.reference, Loan.id)
    )
    for row in session.connection().execute(query).all():  # Core rows, fetched at once
        yield (
            row[0],
            LoanFacts(
                reference=row[1],
                borrower_id=row[2],
                borrower=row[3],
                borrower_region=row[4],
                classification=row[5] or row[6] or "",
                project_id=row[7],
                catalogue_code=row[8],
                project_region=row[9],
                annual_reduction=row[10],
            ),
        )


def iter_loan_emissions(
    db: Database,
    session: Session,
    as_of: date,
    lang: str = "zh",
    filters: LoanFilter | None = None,
) -> Iterator[LoanEmissions]:
    """Every current loan's figures (or those an active ``filters`` selects), in reference
    order: the loans' facts in one query, the outstanding principals from the stored schedule
    aggregates (``services.outstanding``; a schedule is computed only for a loan whose stored
    one is missing or stale)."""
    selection = _selection(session, filters)
    outstanding = outstanding_principals(db, session, selection, as_of).outstanding
    borrowers, projects = inputs_by_subject(session)
    categories: dict[str | None, str] = {}
    for loan_id, facts in _facts(session, selection):
        code = facts.catalogue_code
        if code not in categories:
            categories[code] = catalogue_names(code, lang)[1]
        amount = outstanding.get(loan_id, ZERO_MONEY)
        yield figures_of(facts, amount, categories[code], borrowers, projects)


def emissions_report(
    db: Database,
    as_of: date | None = None,
    lang: str = "zh",
    filters: LoanFilter | None = None,
) -> EmissionsReport:
    """Every current loan's financed and avoided emissions on ``as_of`` (default today); with
    an active ``filters``, only the loans it selects (the dashboard of a filtered list)."""
    day = as_of or date.today()
    with db.session() as session:
        loans = tuple(iter_loan_emissions(db, session, day, lang, filters))
    return EmissionsReport(
        as_of=day,
        factors_version=factor_table().version,
        loans=loans,
        total=_group("", list(loans)),
        by_class=_groups(loans, "classification"),
        by_category=_groups(loans, "category"),
        by_region=_groups(loans, "region"),
    )


def loan_emissions_in_session(
    session: Session, loan: Loan, as_of: date, lang: str = "zh"
) -> LoanEmissions:
    """One loan's figures (the credit memo's section)."""
    borrowers, projects = inputs_by_subject(session)
    return loan_emissions(loan, as_of, borrowers, projects, lang)


# --- seed inputs --------------------------------------------------------------------------------


def _seed_money(raw: dict[str, Any], key: str, where: str) -> Decimal | None:
    if key not in raw:
        return None
    try:
        return parse_money(raw[key])
    except ValueError as exc:
        raise UserError(f"{where}.{key}: {exc}") from None


def _seed_number(raw: dict[str, Any], key: str, where: str) -> Decimal | None:
    if key not in raw:
        return None
    try:
        return parse_decimal(raw[key])
    except ValueError as exc:
        raise UserError(f"{where}.{key}: {exc}") from None


def _seed_row(raw: dict[str, Any], where: str) -> dict[str, Any]:
    option = raw.get("option")
    if option not in OPTIONS:
        raise UserError(f"{where}.option: unknown PCAF option {option!r}")
    activity = []
    for i, line in enumerate(raw.get("activity", [])):
        factor = str(line.get("factor", ""))
        if factor not in factor_table().activities:
            raise UserError(f"{where}.activity[{i}].factor: unknown emission factor {factor!r}")
        activity.append({"factor": factor, "quantity": str(_seed_number(line, "quantity", where))})
    sector = raw.get("sector")
    if sector is not None and sector not in factor_table().sectors:
        raise UserError(f"{where}.sector: unknown sector factor {sector!r}")
    return {
        "option": option,
        "equity": _seed_money(raw, "equity", where),
        "debt": _seed_money(raw, "debt", where),
        "total_assets": _seed_money(raw, "total_assets", where),
        "revenue": _seed_money(raw, "revenue", where),
        "scope12_t": _seed_number(raw, "scope12_t", where),
        "scope3_t": _seed_number(raw, "scope3_t", where),
        "activity": activity,
        "sector": sector,
        "year": raw.get("year"),
        "source": raw.get("source"),
        "assumed": True,
    }


def seed_emission_inputs(session: Session, folder: Path | None = None) -> int:
    """Load ``seeds/emissions.toml`` (every value ASSUMED) for subjects that have no record yet."""
    path = (folder or seeds_dir()) / SEED_FILE
    if not path.exists():
        return 0
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path.name}: not valid TOML ({exc})") from None
    borrowers, projects = inputs_by_subject(session)
    added = 0
    for kind in ("borrower", "project"):
        for i, raw in enumerate(data.get(kind, [])):
            where = f"{path.name}: {kind}[{i}]"
            borrower = session.scalars(
                select(Borrower).where(Borrower.credit_code == raw.get("credit_code"))
            ).one_or_none()
            if borrower is None:
                continue  # that case was not seeded (a partial seed folder)
            values = _seed_row(raw, where)
            if kind == "borrower":
                if borrower.id in borrowers:
                    continue
                row = EmissionInput(borrower_id=borrower.id, **values)
                entity: tuple[str, int] = ("borrower", borrower.id)
            else:
                project = session.scalars(
                    select(Project).where(
                        Project.borrower_id == borrower.id, Project.name == raw.get("name")
                    )
                ).one_or_none()
                if project is None or project.id in projects:
                    continue
                row = EmissionInput(project_id=project.id, **values)
                entity = ("project", project.id)
            session.add(row)
            session.flush()
            after = audit.snapshot(row, exclude=("id",))
            audit.record(session, "system", f"{entity[0]}.emission_inputs", entity, None, after)
            added += 1
    session.flush()
    return added


def emission_row(x: LoanEmissions) -> EmissionRow:
    """The Emissions sheet's row of one loan."""
    return EmissionRow(
        reference=x.reference,
        borrower=x.borrower,
        classification=x.classification,
        category=x.category,
        region=x.region,
        basis=x.basis,
        outstanding=x.outstanding,
        option=x.option or "",
        score=x.score,
        attribution=x.attribution,
        emissions_t=x.emissions_t,
        financed_t=x.financed_t,
        financed_scope3_t=x.financed_scope3_t,
        avoided_t=x.avoided_t,
        year=x.year,
        source=x.source or "",
        assumed="ASSUMED" if x.assumed else "",
        notes="; ".join(x.notes),
    )
