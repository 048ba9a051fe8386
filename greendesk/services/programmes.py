"""Policy programmes per loan, and the CERF quarterly disclosure, from the store.

Builds a ``LoanPosition`` (domain.programmes) from each stored loan and its schedule (the
schedule engine on the stored terms, as every other screen computes it), looks up the
same-tenor LPR in force on the start date from the stored reference rates, and runs every
programme's rules. Plain dataclasses go out; every finding carries zh and en.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.errors import UserError
from greendesk.domain.programmes import LoanPosition, ProgrammeResult, UseOfProceeds, assess
from greendesk.domain.programmes.spec import load_comparison_rates, load_programmes
from greendesk.services.report_support import loan_load_options, loan_schedule
from greendesk.store.database import Database
from greendesk.store.models import Loan, ReferenceRate
from greendesk.store.queries import is_current_version

LIVE = frozenset({"disbursed"})
FIVE_YEARS = 60


@dataclass(frozen=True)
class LoanProgrammes:
    """One loan's standing under every programme (or why it could not be assessed)."""

    loan_id: int
    reference: str
    borrower: str
    project: str
    region: str
    status: str
    amount: Decimal
    start_date: date | None
    maturity_date: date | None
    start_rate: Decimal | None
    results: tuple[ProgrammeResult, ...]
    error: str = ""

    def result(self, key: str) -> ProgrammeResult | None:
        return next((r for r in self.results if r.programme == key), None)


def _lpr(session: Session, name: str, day: date) -> Decimal | None:
    return session.scalar(
        select(ReferenceRate.rate)
        .where(ReferenceRate.name == name, ReferenceRate.effective_date <= day)
        .order_by(ReferenceRate.effective_date.desc())
        .limit(1)
    )


def _start_rate(loan: Loan) -> Decimal | None:
    if loan.rate_kind == "fixed" or loan.base_rate is None:
        return loan.annual_rate
    return loan.base_rate + Decimal(loan.spread_bps or 0) / 10000


def _recognised(loan: Loan) -> bool:
    """Whether the loan's project is in a recognised project library (none recorded yet)."""
    tech = loan.project.technology if loan.project else {}
    return bool((tech or {}).get("library_recognised"))


def loan_position(session: Session, loan: Loan) -> LoanPosition:
    """The programme rules' view of a stored loan; :class:`UserError` if it cannot be scheduled."""
    if loan.start_date is None or not loan.term_months:
        raise UserError(f"loan {loan.reference}: no start date or term, nothing to assess")
    rate = _start_rate(loan)
    if rate is None:
        raise UserError(f"loan {loan.reference}: no rate, nothing to assess")
    schedule = loan_schedule(loan, borrower_only=True)
    draws = tuple((d.date, d.amount) for d in schedule.terms.drawdowns)
    if not draws:
        draws = ((loan.start_date, loan.amount),)
    project = loan.project
    lpr_name = "LPR5Y" if loan.term_months > FIVE_YEARS else "LPR1Y"
    tech = (project.technology if project else None) or {}
    return LoanPosition(
        reference=loan.reference,
        borrower=loan.borrower.name,
        project=project.name if project else "",
        region=(project.region if project else None) or loan.borrower.region or "",
        sector=loan.borrower.sector,
        carbon_account_grade=loan.borrower.carbon_account_grade or "",
        classification=loan.override_primary or loan.classification_primary or "",
        green_share=loan.green_share,
        project_code=project.catalogue_code if project else None,
        transition_activity=tech.get("transition_activity") or None,
        library_recognised=_recognised(loan),
        use_of_proceeds=tuple(
            UseOfProceeds(u.catalogue_code or None, u.amount) for u in loan.use_of_proceeds
        ),
        amount=loan.amount,
        start_date=loan.start_date,
        maturity_date=schedule.periods[-1].payment_date,
        term_months=loan.term_months,
        start_rate=rate,
        lpr_name=lpr_name,
        lpr_at_start=_lpr(session, lpr_name, loan.start_date),
        live=loan.status in LIVE,
        drawdowns=draws,
        repayments=tuple((p.payment_date, p.principal) for p in schedule.periods if p.principal),
        annual_co2e_t=project.annual_co2e_reduction_t if project else None,
        total_investment=project.total_investment if project else None,
    )


def _assess_loan(session: Session, loan: Loan, as_of: date) -> LoanProgrammes:
    project = loan.project
    error = ""
    results: tuple[ProgrammeResult, ...] = ()
    try:
        position = loan_position(session, loan)
    except UserError as exc:
        error = str(exc)
    else:
        rates = load_comparison_rates()
        results = tuple(assess(p, position, as_of, rates) for p in load_programmes().values())
    return LoanProgrammes(
        loan_id=loan.id,
        reference=loan.reference,
        borrower=loan.borrower.name,
        project=project.name if project else "",
        region=(project.region if project else None) or loan.borrower.region or "",
        status=loan.status,
        amount=loan.amount,
        start_date=loan.start_date,
        maturity_date=loan.maturity_date,
        start_rate=_start_rate(loan),
        results=results,
        error=error,
    )


def _loans(session: Session, reference: str | None) -> list[Loan]:
    query = select(Loan).where(is_current_version()).options(*loan_load_options())
    if reference is not None:
        query = query.where(Loan.reference == reference)
    loans = list(session.scalars(query.order_by(Loan.reference)))
    if reference is not None and not loans:
        raise UserError(f"no loan with reference {reference}")
    return loans


def eligibility(db: Database, reference: str | None, as_of: date) -> list[LoanProgrammes]:
    """Every current loan's (or one loan's) standing under every programme on ``as_of``."""
    with db.session() as session:
        return [_assess_loan(session, loan, as_of) for loan in _loans(session, reference)]


def loan_eligibility(db: Database, loan_id: int, as_of: date) -> LoanProgrammes:
    """One loan by id (the window's loan detail)."""
    with db.session() as session:
        loan = session.get(Loan, loan_id)
        if loan is None:
            raise UserError(f"no loan with id {loan_id}")
        return _assess_loan(session, loan, as_of)
