"""Report use cases: a loan's credit memo PDF and the portfolio workbook, from the database.

One read transaction each. The database rows become the plain dataclasses of
``greendesk.reporting.model``; the renderers never see the store.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from greendesk.domain.audit_chain import Anchor
from greendesk.domain.calendar import Basis
from greendesk.domain.errors import UserError
from greendesk.domain.money_units import MoneyUnit, parse_unit
from greendesk.reporting.memo import render_memo
from greendesk.reporting.memo.programmes import ProgrammesMemo
from greendesk.reporting.model import (
    BorrowerInfo,
    CalendarInfo,
    ClassificationInfo,
    ConditionPrecedent,
    Drawdown,
    Kpi,
    LenderInfo,
    LenderSchedule,
    MemoData,
    PledgeInfo,
    ProjectInfo,
    RatchetStep,
    SchedulePeriod,
    TermsInfo,
    Vote,
)
from greendesk.reporting.templates import load_memo_template, load_values
from greendesk.services import audit
from greendesk.services.assessment import price_table
from greendesk.services.emissions import emission_row, loan_emissions_in_session
from greendesk.services.kpi_report import memo_kpi
from greendesk.services.report_support import (
    LoanCollateralView,
    assess_pledges,
    catalogue_names,
    loan_load_options,
    loan_schedule,
)
from greendesk.store.database import Database
from greendesk.store.models import AppMeta, DecisionVote, Loan, LoanCondition, User


def _find_loan(session: Session, reference: str) -> Loan:
    loan = session.scalars(
        select(Loan)
        .where(Loan.reference == reference)
        .order_by(Loan.application_version.desc(), Loan.id.desc())
        .options(*loan_load_options(), selectinload(Loan.votes))
    ).first()  # the latest application version is the current one
    if loan is None:
        raise UserError(f"LOAN_REF: no loan with reference {reference!r}")
    return loan


def _role(role: Any) -> str:
    """The engine's Role enum (or a plain key) as the stored key, e.g. "lead_arranger"."""
    return str(getattr(role, "value", role))


def _borrower(loan: Loan) -> BorrowerInfo:
    b = loan.borrower
    return BorrowerInfo(
        name=b.name,
        credit_code=b.credit_code,
        industry=b.industry or "",
        sector=b.sector,
        region=b.region or "",
        carbon_account_grade=b.carbon_account_grade or "",
        baseline_intensity=b.baseline_intensity,
        target_intensity=b.target_intensity,
        base_year=b.base_year,
        target_year=b.target_year,
        disclosure_yearly=b.disclosure_yearly,
    )


def _project(loan: Loan, lang: str) -> ProjectInfo | None:
    p = loan.project
    if p is None:
        return None
    name, _top = catalogue_names(p.catalogue_code, lang)
    return ProjectInfo(
        name=p.name,
        location=p.location or "",
        region=p.region or "",
        description=p.description or "",
        catalogue_code=p.catalogue_code or "",
        catalogue_name=name,
        capacity_mw=p.capacity_mw,
        capacity_note=p.capacity_note or "",
        total_investment=p.total_investment,
        annual_co2e_reduction_t=p.annual_co2e_reduction_t,
        carbon_sink_t=p.carbon_sink_t,
        technology=[(str(k), str(v)) for k, v in (p.technology or {}).items()],
    )


def _texts(items: Any, lang: str) -> list[str]:
    """Findings in ``lang``: ``{id, zh, en, text}`` objects, or older stored ``{id, text}``
    (English only) and plain strings, shown as they are."""
    out = []
    for item in items or []:
        if isinstance(item, dict):
            out.append(str(item.get(lang) or item.get("text") or item.get("zh") or item))
        else:
            out.append(str(item))
    return out


def _classification(loan: Loan, lang: str) -> ClassificationInfo | None:
    """The classification stored on the loan (written by ``assessment.assess_loan``), as is.

    The memo never re-runs the engine: the committee reads the result the loan carries
    (``classification_primary`` / ``_labels`` / ``green_share`` columns, details from
    ``classification_json``), and an officer's override beside it with its reason.
    """
    result: dict[str, Any] = loan.classification_json or {}
    primary = loan.classification_primary or result.get("primary")
    if not primary:
        return None  # not classified yet: the memo says so
    cat = result.get("catalogue") or {}
    code = f"{cat.get('version')}:{cat.get('code')}" if cat.get("code") else ""
    name = (cat.get("name_en") if lang == "en" else None) or cat.get("name")
    if not name and code:
        name = catalogue_names(code, lang)[0]
    share = loan.green_share if loan.green_share is not None else result.get("green_share")
    labels = loan.classification_labels
    return ClassificationInfo(
        primary=primary,
        labels=list(labels if labels is not None else result.get("labels") or []),
        green_share=Decimal(str(share)) if share is not None else None,
        catalogue_version=str(cat.get("version") or ""),
        catalogue_code=str(cat.get("code") or ""),
        catalogue_name=str(name or ""),
        criteria_met=_texts(result.get("criteria_met"), lang),
        missing_evidence=_texts(result.get("missing_evidence"), lang),
        flags=_texts(result.get("flags"), lang),
        override_primary=loan.override_primary,
        override_reason=loan.override_reason or "",
    )


def _terms(loan: Loan) -> TermsInfo:
    return TermsInfo(
        amount=loan.amount,
        currency=loan.currency,
        purpose=loan.purpose or "",
        start_date=loan.start_date,
        maturity_date=loan.maturity_date,
        term_months=loan.term_months or 0,
        frequency=loan.frequency,
        method=loan.repayment_method,
        grace_periods=loan.grace_periods,
        rate_kind=loan.rate_kind,
        annual_rate=loan.annual_rate
        if loan.rate_kind == "fixed" or loan.base_rate is None
        else loan.base_rate + Decimal(loan.spread_bps or 0) / 10000,
        base_rate_name=loan.base_rate_name or "",
        base_rate=loan.base_rate,
        spread_bps=loan.spread_bps,
        day_count=loan.day_count,
        calendar=loan.calendar,
        business_day=loan.business_day,
        drawdowns=[Drawdown(d.date, d.amount) for d in loan.drawdowns],
        ratchet=[RatchetStep(r.effective, r.adjust_bps) for r in loan.ratchet_steps],
        ratchet_cap_bps=loan.ratchet_cap_bps,
        kpis=[
            Kpi(
                k.name,
                k.unit or "",
                k.baseline,
                k.target,
                [date.fromisoformat(str(t)) for t in k.test_dates or []],
                k.verifier or "",
            )
            for k in loan.kpis
        ],
        arrangement_rate=loan.arrangement_rate,
        commitment_fee_bps=int(loan.commitment_fee_bps) if loan.commitment_fee_bps else None,
        agency_fee_per_year=loan.agency_fee_per_year,
    )


def _pledges(loan: Loan, view: LoanCollateralView) -> list[PledgeInfo]:
    """The engine's valuation of each pledge, with the stored details the memo also shows."""
    stored = {p.seq: p for p in loan.pledges}
    facts = {f.seq: f for f in view.facts.pledges}
    return [
        PledgeInfo(
            seq=v.seq,
            collateral_type=v.collateral_type,
            type_label=view.type_names[v.seq],
            description=facts[v.seq].description,
            quantity=v.quantity,
            unit=facts[v.seq].unit or "",
            unit_price=v.unit_price,
            basis=view.bases[v.seq],
            valuation_date=v.value_date,
            value=v.value,
            pledge_rate=v.pledge_rate,
            eligible_value=v.eligible_value,
            registry=view.registries[v.seq],
            registration_no=facts[v.seq].registration_no or "",
            expiry=facts[v.seq].expiry,
            owner=stored[v.seq].owner or "",
        )
        for v in view.result.valuations
    ]


def programmes_memo(db: Database, reference: str, on: date) -> ProgrammesMemo:
    """The memo's programmes section: eligibility, carbon account, open repricing reviews."""
    from greendesk.services.carbon_accounts import loan_carbon_account, open_reviews
    from greendesk.services.programmes import eligibility

    [standing] = eligibility(db, reference, on)
    return ProgrammesMemo(
        standing.results,
        loan_carbon_account(db, standing.loan_id),
        tuple(open_reviews(db, standing.loan_id)),
    )


def _audit_head(session: Session) -> tuple[int, str] | None:
    """The chain head read in the memo's own snapshot, so the memo anchors the trail it saw."""
    value = session.execute(
        select(AppMeta.value).where(AppMeta.key == audit.HEAD_KEY)
    ).scalar_one_or_none()
    anchor = Anchor.parse(value) if value else None
    return (anchor.seq, anchor.hash) if anchor else None


def memo_data(
    db: Database, reference: str, lang: str = "zh", today: date | None = None
) -> MemoData:
    """Everything the credit memo of loan ``reference`` shows, valued as of ``today``."""
    on = today or date.today()
    with db.session() as session:
        loan = _find_loan(session, reference)
        view = assess_pledges(loan, price_table(session), on, load_values(lang), lang)
        schedule = loan_schedule(loan)
        officer = session.get(User, loan.officer_id) if loan.officer_id else None
        voters = {
            u.id: u.display_name
            for u in session.scalars(
                select(User).where(User.id.in_([v.voter_id for v in loan.votes]))
            )
        }
        alerts = [text for _seq, text in view.alerts]
        classification = _classification(loan, lang)
        votes: list[DecisionVote] = list(loan.votes)
        kpi = memo_kpi(session, loan, lang, on)
        pcaf = emission_row(loan_emissions_in_session(session, loan, on, lang))
        memo = MemoData(
            reference=loan.reference,
            bank=loan.bank or "",
            branch=loan.branch or "",
            officer=officer.display_name if officer else (loan.created_by or ""),
            memo_date=on,
            status=loan.status,
            application_version=loan.application_version,
            borrower=_borrower(loan),
            project=_project(loan, lang),
            classification=classification,
            terms=_terms(loan),
            summary=(loan.project.description or "") if loan.project else (loan.purpose or ""),
            lenders=[
                LenderInfo(x.name, _role(x.role), x.commitment, x.share, x.totals.fees)
                for x in schedule.lenders
            ],
            pledges=_pledges(loan, view),
            coverage_ratio=view.result.coverage,
            coverage_threshold=view.result.coverage_threshold,
            collateral_alerts=alerts,
            periods=[
                SchedulePeriod(
                    p.no,
                    p.payment_date,
                    p.opening_balance,
                    p.drawdown,
                    p.principal,
                    p.interest,
                    p.fees,
                    p.payment,
                    p.closing_balance,
                    p.rate,
                    p.calendar_basis is Basis.PROJECTED,
                )
                for p in schedule.periods
            ],
            calendar=CalendarInfo(
                schedule.calendar.version,
                schedule.calendar.official_through,
                schedule.calendar.projection_rule,
                schedule.projected_years(),
            ),
            lender_schedules=[
                LenderSchedule(
                    x.name,
                    _role(x.role),
                    x.share,
                    x.periods,
                )
                for x in schedule.lenders
            ],
            risks=[
                *(classification.flags if classification else []),
                *alerts,
                *(kpi.alerts if kpi else []),
            ],
            kpi=kpi,
            emissions=pcaf,
            conditions=[v.conditions for v in votes if v.conditions],
            votes=[
                Vote(
                    voters.get(v.voter_id, str(v.voter_id)),
                    v.decision,
                    v.conditions or "",
                    v.comment or "",
                    v.cast_at,
                )
                for v in votes
            ],
            conditions_precedent=[
                ConditionPrecedent(
                    c.position,
                    c.text,
                    c.satisfied_by or "",
                    c.satisfied_at.date() if c.satisfied_at else None,
                    c.evidence or "",
                )
                for c in session.scalars(
                    select(LoanCondition)
                    .where(LoanCondition.loan_id == loan.id)
                    .order_by(LoanCondition.position)
                )
            ],
            audit_head=_audit_head(session),
        )
    return replace(memo, programmes=programmes_memo(db, reference, on))


def write_memo(
    db: Database,
    reference: str,
    out: str | Path | BinaryIO,
    lang: str = "zh",
    today: date | None = None,
    unit: MoneyUnit | str = MoneyUnit.YUAN,
) -> int:
    """Render loan ``reference``'s memo to ``out``; returns the page count.

    ``unit`` (``yuan``, ``wan``, ``yi``): the memo body's CNY amounts in 元, 万元 or 亿元, rounded
    half-up to two decimals and the unit named; the appendices' schedules stay exact in 元.
    """
    template = load_memo_template(lang)  # a bad --lang fails before any database work
    chosen = memo_unit(unit)  # ... and so does a bad --unit
    data = memo_data(db, reference, lang, today)
    return render_memo(data, out, lang, template, unit=chosen)


def memo_unit(unit: MoneyUnit | str) -> MoneyUnit:
    """The memo's unit from its option; UserError names the choices."""
    try:
        return parse_unit(unit)
    except ValueError as exc:
        raise UserError(f"--unit: {exc}") from None
