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
from greendesk.services.calendar import stored_schedule
from greendesk.services.records.loan_read import read_loan
from greendesk.services.report_support import loan_load_options
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
    schedule = stored_schedule(session, loan, borrower_only=True)
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


def _loans(
    session: Session, reference: str | None, statuses: frozenset[str] | None = None
) -> list[Loan]:
    query = select(Loan).where(is_current_version()).options(*loan_load_options())
    if statuses is not None:
        query = query.where(Loan.status.in_(sorted(statuses)))
    if reference is not None:
        query = query.where(Loan.reference == reference)
    loans = list(session.scalars(query.order_by(Loan.reference)))
    if reference is not None and not loans:
        raise UserError(f"no loan with reference {reference}")
    return loans


def eligibility(
    db: Database,
    reference: str | None,
    as_of: date,
    *,
    statuses: frozenset[str] | None = None,
) -> list[LoanProgrammes]:
    """Every current loan's (or one loan's) standing under every programme on ``as_of``;
    ``statuses`` keeps only loans in those states (the disclosure reads disbursed loans only)."""
    with db.session() as session:
        loans = _loans(session, reference, statuses)
        return [_assess_loan(session, loan, as_of) for loan in loans]


def loan_eligibility(db: Database, loan_id: int, as_of: date) -> LoanProgrammes:
    """One loan by id (the window's loan detail)."""
    with db.session() as session:
        return _assess_loan(session, read_loan(session, loan_id), as_of)


# -- the CERF quarterly disclosure -------------------------------------------------------------


@dataclass(frozen=True)
class DisclosureRow:
    """One supported loan in a quarter's disclosure (figures on the quarter's last day)."""

    reference: str
    borrower: str
    project: str
    areas_zh: str
    areas_en: str
    amount: Decimal
    disbursed_in_quarter: Decimal
    outstanding: Decimal
    rate: Decimal
    start_date: date
    maturity_date: date
    support_ends: date | None
    share_of_principal: Decimal
    refinanced: Decimal
    annual_co2e_t: Decimal | None
    method_zh: str
    method_en: str


@dataclass(frozen=True)
class Disclosure:
    programme: str
    name_zh: str
    name_en: str
    quarter: str
    start: date
    end: date
    version: str | None
    funding_rate: Decimal | None
    rate_source: str
    share_source: str
    rows: tuple[DisclosureRow, ...]

    @property
    def total_amount(self) -> Decimal:
        return sum((r.amount for r in self.rows), Decimal("0.00"))

    @property
    def total_refinanced(self) -> Decimal:
        return sum((r.refinanced for r in self.rows), Decimal("0.00"))

    @property
    def total_outstanding(self) -> Decimal:
        return sum((r.outstanding for r in self.rows), Decimal("0.00"))

    @property
    def total_disbursed(self) -> Decimal:
        return sum((r.disbursed_in_quarter for r in self.rows), Decimal("0.00"))

    @property
    def total_co2e_t(self) -> Decimal:
        return sum((r.annual_co2e_t or Decimal(0) for r in self.rows), Decimal("0.00"))

    @property
    def weighted_rate(self) -> Decimal | None:
        """The loans' rates weighted by amount (the disclosure's 加权平均利率), four places."""
        if not self.total_amount:
            return None
        weighted = sum((r.rate * r.amount for r in self.rows), Decimal(0))
        return (weighted / self.total_amount).quantize(Decimal("0.0001"))


def parse_quarter(text: str) -> tuple[date, date]:
    """``2026Q4`` → (2026-10-01, 2026-12-31); a clear message for anything else."""
    import re

    match = re.fullmatch(r"([0-9]{4})[Qq]([1-4])", text.strip())
    if not match:
        raise UserError(f"--quarter: {text!r} is not a quarter (YYYYQn, e.g. 2026Q4)")
    year, q = int(match[1]), int(match[2])
    if not 1900 <= year <= 9998:
        raise UserError(f"--quarter: year {year} is out of range")
    start = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), (3 * q) % 12 + 1, 1)
    from datetime import timedelta

    return start, end - timedelta(days=1)


def disclosure(db: Database, programme: str, quarter: str) -> Disclosure:
    """The quarter's supported loans: eligible on its last day with a refinanced amount."""
    programmes = load_programmes()
    if programme not in programmes:
        raise UserError(f"programme: {programme!r} is not one of {', '.join(sorted(programmes))}")
    spec = programmes[programme]
    if not spec.computes_refinancing:
        raise UserError(f"programme: {programme!r} has no confirmed refinancing terms to disclose")
    start, end = parse_quarter(quarter)
    version = spec.version_on(end)
    rows: list[DisclosureRow] = []
    for lp in eligibility(db, None, end, statuses=LIVE):
        r = lp.result(programme)
        if r is None or not r.eligible or not r.refinancing:
            continue
        assert lp.start_rate is not None and lp.start_date is not None
        draws = sum(
            (w.amount for w in r.support_windows if start <= w.drawdown_date <= end),
            Decimal("0.00"),
        )
        rows.append(
            DisclosureRow(
                reference=lp.reference,
                borrower=lp.borrower,
                project=lp.project,
                areas_zh="、".join(spec.areas[k].name_zh for k in r.areas),
                areas_en=", ".join(spec.areas[k].name_en for k in r.areas),
                amount=lp.amount,
                disbursed_in_quarter=draws,
                outstanding=r.outstanding,
                rate=lp.start_rate,
                start_date=lp.start_date,
                maturity_date=lp.maturity_date or lp.start_date,
                support_ends=max((w.ends for w in r.support_windows), default=None),
                share_of_principal=r.share_of_principal or Decimal(0),
                refinanced=r.refinancing,
                annual_co2e_t=r.annual_co2e_t,
                method_zh=r.co2e_method_zh,
                method_en=r.co2e_method_en,
            )
        )
    return Disclosure(
        programme=programme,
        name_zh=spec.name_zh,
        name_en=spec.name_en,
        quarter=f"{start.year}Q{(start.month + 2) // 3}",
        start=start,
        end=end,
        version=version.id if version else None,
        funding_rate=version.funding_rate.value if version else None,
        rate_source=version.funding_rate.cite() if version else "",
        share_source=version.share_of_principal.cite() if version else "",
        rows=tuple(rows),
    )
