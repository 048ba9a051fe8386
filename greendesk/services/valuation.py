"""Value a stored loan's pledges and keep the figures in the database.

The collateral engine (``domain.collateral``) values each pledge from the price table on a date;
this module feeds it the stored pledges, shapes the result into the plain report the screens,
reports and ``greendesk collateral`` show, and *stores* it: each pledge's value, eligible value,
date and basis, and the loan's totals and coverage ratio. ``store_valuation`` runs inside the
caller's transaction and audits a change as ``loan.revalue`` (before -> after), so seeding, a loan
edit and a reference-price change (``revalue_priced_by``) leave figures that never go stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from greendesk.domain.collateral import (
    CollateralAssessment,
    LoanCollateral,
    PledgeFacts,
    PledgeValuation,
    PricePoint,
    PriceTable,
    assess_collateral,
    load_collateral_types,
)
from greendesk.domain.errors import UserError
from greendesk.domain.roles import Principal
from greendesk.domain.schedule.dates import add_months
from greendesk.services import audit
from greendesk.store.models import Loan, Pledge, ReferencePrice
from greendesk.store.queries import is_current_version


@dataclass(frozen=True)
class PledgeLine:
    seq: int
    collateral_type: str
    type_name: str
    description: str
    quantity: Decimal | None
    unit: str | None
    instrument: str | None
    unit_price: Decimal | None
    value_date: date | None
    basis: str  # price | pledge_price | appraisal | none
    value: Decimal
    pledge_rate: Decimal
    eligible_value: Decimal
    registry: str
    registration_no: str | None
    vintage_year: int | None
    expiry: date | None
    note: str


@dataclass(frozen=True)
class AlertLine:
    """One collateral alert; ``message`` is the English text older JSON readers expect."""

    kind: str
    severity: str
    pledge_seq: int | None
    message: str
    zh: str
    en: str

    def in_lang(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class LoanCollateralReport:
    loan_id: int
    reference: str
    borrower: str
    currency: str
    exposure: Decimal  # the loan amount
    maturity_date: date | None
    coverage_threshold: Decimal | None
    as_of: date
    pledges: tuple[PledgeLine, ...]
    total_value: Decimal
    total_eligible: Decimal
    coverage: Decimal | None
    alerts: tuple[AlertLine, ...]


def loan_maturity(loan: Loan) -> date | None:
    """The stored maturity, else start date + term."""
    if loan.maturity_date is not None:
        return loan.maturity_date
    if loan.start_date is not None and loan.term_months:
        return add_months(loan.start_date, loan.term_months)
    return None


_PRICES = select(
    ReferencePrice.instrument,
    ReferencePrice.price_date,
    ReferencePrice.price,
    ReferencePrice.source,
)


def price_table(session: Session) -> PriceTable:
    """Every stored reference price (plain rows: the table is read whenever pledges are valued)."""
    rows = session.execute(_PRICES)
    return PriceTable(PricePoint(i, day, price, source or "") for i, day, price, source in rows)


def loan_collateral(loan: Loan) -> LoanCollateral:
    return LoanCollateral(
        reference=loan.reference,
        exposure=loan.amount,
        maturity_date=loan_maturity(loan),
        coverage_threshold=loan.coverage_threshold,
        pledges=tuple(
            PledgeFacts(
                seq=p.seq,
                collateral_type=p.collateral_type,
                description=p.description or "",
                quantity=p.quantity,
                unit=p.unit,
                price_instrument=p.price_instrument,
                unit_price=p.unit_price,
                appraised_value=p.appraised_value,
                valuation_date=p.valuation_date,
                pledge_rate=p.pledge_rate,
                registry=p.registry_name,
                registration_no=p.registration_no,
                vintage_year=p.vintage_year,
                expiry=p.expiry,
                owner=p.owner,
            )
            for p in sorted(loan.pledges, key=lambda p: p.seq)
        ),
    )


def _report(
    loan: Loan, result: CollateralAssessment, facts: LoanCollateral
) -> LoanCollateralReport:
    by_seq = {p.seq: p for p in facts.pledges}
    lines = tuple(
        PledgeLine(
            seq=v.seq,
            collateral_type=v.collateral_type,
            type_name=v.type_name,
            description=by_seq[v.seq].description,
            quantity=v.quantity,
            unit=by_seq[v.seq].unit,
            instrument=v.instrument,
            unit_price=v.unit_price,
            value_date=v.value_date,
            basis=v.basis,
            value=v.value,
            pledge_rate=v.pledge_rate,
            eligible_value=v.eligible_value,
            registry=v.registry,
            registration_no=by_seq[v.seq].registration_no,
            vintage_year=by_seq[v.seq].vintage_year,
            expiry=by_seq[v.seq].expiry,
            note=v.note,
        )
        for v in result.valuations
    )
    return LoanCollateralReport(
        loan_id=loan.id,
        reference=loan.reference,
        borrower=loan.borrower.name,
        currency=loan.currency,
        exposure=result.exposure,
        maturity_date=result.maturity_date,
        coverage_threshold=result.coverage_threshold,
        as_of=result.as_of,
        pledges=lines,
        total_value=result.total_value,
        total_eligible=result.total_eligible,
        coverage=result.coverage,
        alerts=tuple(
            AlertLine(a.kind, a.severity, a.pledge_seq, a.en, a.zh, a.en) for a in result.alerts
        ),
    )


def value_loan(loan: Loan, prices: PriceTable, as_of: date) -> LoanCollateralReport:
    """The engine's valuation of a loaded loan (pledges and borrower loaded), nothing stored."""
    facts = loan_collateral(loan)
    try:
        result = assess_collateral(facts, load_collateral_types(), prices, as_of)
    except UserError as exc:
        raise UserError(f"loan {loan.reference}: cannot value pledges\n{exc}") from None
    return _report(loan, result, facts)


# -- storing the valuation ------------------------------------------------------------------


def value_basis(line: PledgeLine | PledgeValuation) -> str:
    """What a value rests on: ``price CEA 2025-12-31``, ``appraisal 2024-03-31``, ``none``."""
    parts = [line.basis]
    if line.basis in ("price", "pledge_price") and line.instrument:
        parts.append(line.instrument)
    if line.basis != "none" and line.value_date is not None:
        parts.append(line.value_date.isoformat())
    return " ".join(parts)


def _valued(line: PledgeLine) -> bool:
    """A pledge has a value only when a price or an appraisal stood behind it."""
    return line.basis != "none"


def _pledge_columns(pledge: Pledge) -> dict[str, Any]:
    return {
        "seq": pledge.seq,
        "value": pledge.value,
        "eligible_value": pledge.eligible_value,
        "valued_on": pledge.valued_on,
        "value_basis": pledge.value_basis,
    }


def _valuation_columns(loan: Loan) -> dict[str, Any]:
    """The stored valuation of a loan and its pledges, as the audit trail records it."""
    return audit.to_jsonable(
        {
            "collateral_value": loan.collateral_value,
            "eligible_collateral_value": loan.eligible_collateral_value,
            "coverage_ratio": None
            if loan.coverage_ratio is None
            else loan.coverage_ratio.normalize(),
            "valued_on": loan.valued_on,
            "pledges": [_pledge_columns(p) for p in sorted(loan.pledges, key=lambda p: p.seq)],
        }
    )


def _write(
    session: Session, model: type[Loan] | type[Pledge], row: Any, values: dict[str, Any]
) -> None:
    """Write derived columns without an optimistic-lock step: a revaluation is not an edit, so
    an officer's open form on the loan or pledge must not be told it was changed meanwhile."""
    table = model.metadata.tables[model.__tablename__]
    session.execute(update(table).where(table.c.id == row.id).values(**values))
    for name, value in values.items():
        set_committed_value(row, name, value)


def store_valuation(
    session: Session, loan: Loan, report: LoanCollateralReport, actor: Principal | str
) -> bool:
    """Write ``report``'s figures onto the loan and its pledges; audit and return True on a change.

    Runs in the caller's transaction. Nothing is written (no event) when the stored figures
    already equal the engine's; the rows' ``version`` never moves (see ``_write``).
    """
    before = _valuation_columns(loan)
    by_seq = {p.seq: p for p in loan.pledges}
    new_pledges: list[tuple[Pledge, dict[str, Any]]] = []
    for line in report.pledges:
        valued = _valued(line)
        new_pledges.append(
            (
                by_seq[line.seq],
                {
                    "value": line.value if valued else None,
                    "eligible_value": line.eligible_value if valued else None,
                    "valued_on": report.as_of,
                    "value_basis": value_basis(line),
                },
            )
        )
    # A loan without pledges has nothing to value: its figures stay empty (no event either).
    pledged = bool(report.pledges)
    coverage = report.coverage if pledged else None
    new_loan: dict[str, Any] = {
        "collateral_value": report.total_value if pledged else None,
        "eligible_collateral_value": report.total_eligible if pledged else None,
        "coverage_ratio": coverage,
        "valued_on": report.as_of if pledged else None,
    }
    after = audit.to_jsonable(
        {
            **new_loan,
            "coverage_ratio": None if coverage is None else coverage.normalize(),
            "pledges": [{"seq": p.seq, **values} for p, values in new_pledges],
        }
    )
    if after == before:
        return False
    session.flush()
    _write(session, Loan, loan, new_loan)
    for pledge, values in new_pledges:
        if any(getattr(pledge, name) != value for name, value in values.items()):
            _write(session, Pledge, pledge, values)
    audit.record(session, actor, "loan.revalue", ("loan", loan.id), before, after)
    return True


# -- revaluation when a price changes -------------------------------------------------------


def loans_priced_by(session: Session, instrument: str) -> list[int]:
    """Current loans with a pledge valued by ``instrument`` (its own or its type's default)."""
    defaults = [
        key for key, ctype in load_collateral_types().types.items()
        if ctype.price_instrument == instrument
    ]  # fmt: skip
    pledged = select(Pledge.loan_id).where(
        or_(
            Pledge.price_instrument == instrument,
            Pledge.price_instrument.is_(None) & Pledge.collateral_type.in_(defaults),
        )
    )
    query = (
        select(Loan.id).where(Loan.id.in_(pledged), is_current_version()).order_by(Loan.reference)
    )
    return list(session.scalars(query))


def revalue_loan(
    session: Session,
    loan_id: int,
    as_of: date,
    actor: Principal | str,
    *,
    prices: PriceTable | None = None,
) -> bool:
    """Value one loan's pledges again and store the figures (e.g. after a pledge edit)."""
    session.flush()
    loan = session.scalar(
        select(Loan)
        .where(Loan.id == loan_id)
        .options(joinedload(Loan.borrower), selectinload(Loan.pledges))
        .execution_options(populate_existing=True)
    )
    if loan is None:
        raise UserError(f"no loan with id {loan_id}")
    table = prices if prices is not None else price_table(session)
    return store_valuation(session, loan, value_loan(loan, table, as_of), actor)


def revalue_priced_by(
    session: Session, instrument: str, as_of: date, actor: Principal | str
) -> int:
    """Value again, in ``session``, every current loan pledged with ``instrument``; the count of
    loans whose stored figures changed. Call after the price table itself has changed."""
    session.flush()
    prices = price_table(session)
    return sum(
        revalue_loan(session, loan_id, as_of, actor, prices=prices)
        for loan_id in loans_priced_by(session, instrument)
    )
