"""The portfolio workbook from the database, streamed loan by loan.

Loans are read in batches of ids as plain rows with their children (``records.loan_read``); each
disbursed loan's schedule is its stored aggregate while the aggregate's check still matches the
loan's raw inputs (``services.outstanding.CheckedAggregates``), else the schedule engine's on
its stored terms. Rules for the figures, as of the export date:

- outstanding = drawdowns dated on or before the date − principal due on or before it, for
  disbursed loans; 0 for loans not yet disbursed or closed;
- the maturity ladder sums principal and interest falling due after the date, by month and
  class, for disbursed loans;
- each lender's exposure is its largest-remainder share (by commitment) of the outstanding, so
  lenders add up to the loan; a loan without a syndicate shows one row for its own bank;
- pledge values, eligible values (value × pledge rate), coverage and alerts are the collateral
  engine's (``report_support.assess_pledges``), valued on the date from one price table read
  once per export; a loan without pledges shows a blank coverage (the "no collateral" bucket).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.collateral import PriceTable
from greendesk.domain.money import allocate
from greendesk.reporting.model import LoanBundle, MaturityRow, PledgeRow, PortfolioRow, SyndicateRow
from greendesk.reporting.templates import Values, in_unit, load_values, load_workbook_template
from greendesk.reporting.workbook import WorkbookStats, write_portfolio
from greendesk.services.allocation import allocation_rows
from greendesk.services.assessment import price_table
from greendesk.services.emissions import emission_row, inputs_by_subject, loan_emissions
from greendesk.services.kpi_report import portfolio_kpi_rows
from greendesk.services.outstanding import CheckedAggregates
from greendesk.services.records.loan_read import read_loans
from greendesk.services.report_support import (
    LIVE,
    assess_pledges,
    catalogue_names,
    current_loan_ids,
)
from greendesk.services.schedule_cache import ScheduleAggregate
from greendesk.store.database import Database
from greendesk.store.models import EmissionInput, Loan, LoanCondition

ZERO = Decimal("0.00")
BATCH = 500
ALERT_JOIN = {"zh": "；", "en": "; "}


@dataclass
class _Ladder:
    """Principal and interest due by (month, class), and how many loans pay in each cell."""

    # (month, class) -> [principal fen, interest fen, loans, the last loan counted]
    cells: dict[tuple[date, str], list[int]] = field(default_factory=dict)
    months: dict[int, date] = field(default_factory=dict)  # day ordinal -> its month

    def add_schedule(
        self, cls: str, loan_id: int, aggregate: ScheduleAggregate, as_of: date
    ) -> None:
        """Add the loan's periods paying after ``as_of`` to their (month, class) cells."""
        after = as_of.toordinal()
        months, cells = self.months, self.cells
        for day, principal, interest in aggregate.periods:
            if day > after:
                month = months.get(day)
                if month is None:
                    month = months[day] = date.fromordinal(day).replace(day=1)
                cell = cells.get((month, cls))
                if cell is None:
                    cell = cells[(month, cls)] = [0, 0, 0, -1]
                cell[0] += principal
                cell[1] += interest
                if cell[3] != loan_id:  # a loan's periods come together: count it once
                    cell[2] += 1
                    cell[3] = loan_id

    def rows(self) -> Iterator[MaturityRow]:
        for key in sorted(self.cells):
            principal, interest, loans, _last = self.cells[key]
            yield MaturityRow(key[0], key[1], _money(principal), _money(interest), loans)


def _money(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


Inputs = tuple[dict[int, EmissionInput], dict[int, EmissionInput]]


def _bundle(
    loan: Loan,
    prices: PriceTable,
    values: Values,
    as_of: date,
    lang: str,
    ladder: _Ladder,
    inputs: Inputs = ({}, {}),
    open_conditions: str = "",
    aggregate: ScheduleAggregate | None = None,
) -> LoanBundle:
    cls = loan.override_primary or loan.classification_primary or ""  # "" = not classified yet
    outstanding = ZERO
    if loan.status in LIVE and aggregate is not None:
        outstanding = _outstanding(loan, as_of, aggregate)
        ladder.add_schedule(cls, loan.id, aggregate, as_of)
    view = assess_pledges(loan, prices, as_of, values, lang)
    facts = {f.seq: f for f in view.facts.pledges}
    pledges = [
        PledgeRow(
            reference=loan.reference,
            seq=v.seq,
            collateral_type=view.type_names[v.seq],
            description=facts[v.seq].description,
            quantity=v.quantity,
            unit=facts[v.seq].unit or "",
            unit_price=v.unit_price,
            valuation_date=v.value_date,
            value=v.value,
            pledge_rate=v.pledge_rate,
            eligible_value=v.eligible_value,
            registry=view.registries[v.seq],
            registration_no=facts[v.seq].registration_no or "",
            expiry=facts[v.seq].expiry,
            alerts=ALERT_JOIN[lang].join(view.pledge_alerts(v.seq)),
        )
        for v in view.result.valuations
    ]
    shares = loan.syndicate_shares
    borrower = loan.borrower.name
    if shares:
        exposures = allocate(outstanding, [s.commitment for s in shares])
        syndicate = [
            SyndicateRow(
                loan.reference,
                borrower,
                s.lender_name,
                s.role,
                s.commitment,
                s.commitment / loan.amount,
                s.funded,
                exposure,
            )
            for s, exposure in zip(shares, exposures, strict=True)
        ]
    else:
        syndicate = [
            SyndicateRow(
                loan.reference,
                borrower,
                loan.bank or "",
                "lead_arranger",
                loan.amount,
                Decimal(1),
                loan.amount if outstanding else ZERO,
                outstanding,
            )
        ]
    project = loan.project
    code = project.catalogue_code if project else None
    _name, top = catalogue_names(code, lang)
    row = PortfolioRow(
        reference=loan.reference,
        borrower=borrower,
        credit_code=loan.borrower.credit_code,
        sector=loan.borrower.sector,
        region=(project.region if project else None) or loan.borrower.region or "",
        project=project.name if project else "",
        catalogue_code=code or "",
        catalogue_top=top,
        classification=cls,
        labels=" ".join(loan.classification_labels or []),
        green_share=loan.green_share,
        status=loan.status,
        bank=loan.bank or "",
        branch=loan.branch or "",
        currency=loan.currency,
        amount=loan.amount,
        outstanding=outstanding,
        start_date=loan.start_date,
        maturity_date=loan.maturity_date,
        term_months=loan.term_months or 0,
        frequency=loan.frequency,
        method=loan.repayment_method,
        rate_kind=loan.rate_kind,
        annual_rate=loan.annual_rate
        if loan.rate_kind == "fixed" or loan.base_rate is None
        else loan.base_rate + Decimal(loan.spread_bps or 0) / 10000,
        spread_bps=loan.spread_bps,
        lenders=max(len(shares), 1),
        collateral_value=view.result.total_value,
        eligible_value=view.result.total_eligible,
        coverage_ratio=view.result.coverage if pledges else None,  # blank = no collateral
        annual_co2e_reduction_t=project.annual_co2e_reduction_t if project else None,
        carbon_sink_t=project.carbon_sink_t if project else None,
        open_conditions=open_conditions,
    )
    pcaf = loan_emissions(loan, as_of, *inputs, lang, outstanding=outstanding)
    return LoanBundle(row, pledges, syndicate, emission_row(pcaf))


def _outstanding(loan: Loan, as_of: date, aggregate: ScheduleAggregate) -> Decimal:
    """``report_support.outstanding_principal`` on the stored aggregate (same rule, in fen)."""
    drawn = sum((d.amount for d in loan.drawdowns if d.date <= as_of), ZERO)
    if not loan.drawdowns and loan.start_date and loan.start_date <= as_of:
        drawn = loan.amount
    return max(drawn - _money(aggregate.repaid_fen(as_of)), ZERO)


def _open_conditions(session: Session, ids: list[int]) -> dict[int, str]:
    """Each loan's conditions precedent not yet satisfied, as one cell: ``1. …; 2. …``."""
    found: dict[int, list[str]] = {}
    for loan_id, position, text in session.execute(
        select(LoanCondition.loan_id, LoanCondition.position, LoanCondition.text)
        .where(LoanCondition.loan_id.in_(ids), LoanCondition.satisfied_at.is_(None))
        .order_by(LoanCondition.loan_id, LoanCondition.position)
    ):
        found.setdefault(loan_id, []).append(f"{position}. {text}")
    return {k: "; ".join(v) for k, v in found.items()}


def iter_bundles(
    session: Session,
    ids: list[int],
    as_of: date,
    lang: str,
    ladder: _Ladder,
    cache: CheckedAggregates,
) -> Iterator[LoanBundle]:
    """One bundle per loan id, read in batches of plain rows (``records.loan_read``).

    Disbursed loans' schedules come from ``cache`` (stored aggregates trusted through their
    checks; stale ones recomputed, and stored with their checks batch by batch).
    """
    prices = price_table(session)  # once per export: no query per pledge
    values = load_values(lang)
    inputs = inputs_by_subject(session)  # PCAF records, once per export
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        by_id = read_loans(session, chunk)
        still_open = _open_conditions(session, chunk)
        aggregates = cache.aggregates([loan for loan in by_id.values() if loan.status in LIVE])
        for loan_id in chunk:
            yield _bundle(
                by_id[loan_id],
                prices,
                values,
                as_of,
                lang,
                ladder,
                inputs,
                still_open.get(loan_id, ""),
                aggregates.get(loan_id),
            )
        cache.flush()


def export_portfolio(
    db: Database,
    out: str | Path | BinaryIO,
    *,
    as_of: date,
    lang: str = "zh",
    progress: Callable[[int, int], None] | None = None,
    tap: Callable[[LoanBundle], None] | None = None,
    unit: str = "yuan",
) -> WorkbookStats:
    """Write the portfolio workbook of every current loan, as of ``as_of``.

    ``unit`` (``yuan``, ``wan``, ``yi``): besides each exact 元 money column, the same figure
    in 万元 or 亿元 (``templates.in_unit``); the cells stay exact.

    ``tap`` sees each bundle as it streams (the benchmark uses it to replay the same rows).
    """
    template = in_unit(load_workbook_template(lang), unit)
    ladder = _Ladder()
    with db.session() as session:
        ids = current_loan_ids(session)
        cache = CheckedAggregates(db, session, as_of)
        bundles = iter_bundles(session, ids, as_of, lang, ladder, cache)
        if tap is not None:
            bundles = _tapped(bundles, tap)
        return write_portfolio(
            out,
            loans=bundles,
            maturity=ladder.rows(),
            as_of=as_of,
            lang=lang,
            total_loans=len(ids),
            progress=progress,
            template=template,
            kpi=portfolio_kpi_rows(session, lang, as_of),
            allocation=allocation_rows(session, as_of.year),
        )


def _tapped(
    bundles: Iterator[LoanBundle], tap: Callable[[LoanBundle], None]
) -> Iterator[LoanBundle]:
    for bundle in bundles:
        tap(bundle)
        yield bundle
