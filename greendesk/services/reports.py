"""Report use cases: a loan's credit memo PDF and the portfolio workbook, from the database.

One read transaction each. The database rows become the plain dataclasses of
``greendesk.reporting.model``; the renderers never see the store.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from greendesk.domain.errors import UserError
from greendesk.reporting.memo import render_memo
from greendesk.reporting.model import (
    BorrowerInfo,
    ClassificationInfo,
    Drawdown,
    Kpi,
    LenderInfo,
    LenderPeriod,
    LenderSchedule,
    MemoData,
    PledgeInfo,
    ProjectInfo,
    RatchetStep,
    SchedulePeriod,
    TermsInfo,
    Vote,
)
from greendesk.reporting.templates import load_memo_template
from greendesk.services.report_support import (
    PriceBook,
    catalogue_names,
    loan_load_options,
    loan_schedule,
    max_price_age_days,
    type_label,
    value_pledge,
)
from greendesk.store.database import Database
from greendesk.store.models import DecisionVote, Loan, User

ZERO = Decimal("0.00")


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
    """Engine messages may be strings or {zh, en, ...} objects."""
    out = []
    for item in items or []:
        if isinstance(item, dict):
            out.append(str(item.get(lang) or item.get("text") or item.get("zh") or item))
        else:
            out.append(str(item))
    return out


def _classification(loan: Loan, lang: str) -> ClassificationInfo | None:
    result: dict[str, Any] = loan.classification_json or {}
    primary = result.get("primary") or loan.classification_primary
    if not primary:
        return None
    cat = result.get("catalogue") or {}
    code = f"{cat.get('version')}:{cat.get('code')}" if cat.get("code") else ""
    name = cat.get("name") or (catalogue_names(code, lang)[0] if code else "")
    share = result.get("green_share", loan.green_share)
    return ClassificationInfo(
        primary=primary,
        labels=list(result.get("labels") or loan.classification_labels or []),
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


def _pledges(
    loan: Loan, prices: PriceBook, on: date, lang: str
) -> tuple[list[PledgeInfo], list[str]]:
    pledges, alerts = [], []
    zh = lang == "zh"
    for p in loan.pledges:
        v = value_pledge(p, prices, on, lang)
        pledges.append(
            PledgeInfo(
                seq=p.seq,
                collateral_type=p.collateral_type,
                type_label=type_label(p.collateral_type, lang),
                description=p.description or "",
                quantity=p.quantity,
                unit=p.unit or "",
                unit_price=v.unit_price,
                basis=v.basis,
                valuation_date=v.price_date,
                value=v.value,
                pledge_rate=v.rate,
                eligible_value=v.eligible,
                registry=p.registry_name or "",
                registration_no=p.registration_no or "",
                expiry=p.expiry,
                owner=p.owner or "",
            )
        )
        if p.expiry and loan.maturity_date and p.expiry < loan.maturity_date:
            alerts.append(
                f"押品 {p.seq}（{p.registration_no or ''}）于 {p.expiry} 到期，早于贷款到期日 "
                f"{loan.maturity_date}"
                if zh
                else f"pledge {p.seq} ({p.registration_no or ''}) expires {p.expiry}, "
                f"before the loan matures {loan.maturity_date}"
            )
        if v.price_date and p.price_instrument and (on - v.price_date).days > max_price_age_days():
            alerts.append(
                f"押品 {p.seq} 的参考价格日期 {v.price_date} 已超过 {max_price_age_days()} 天"
                if zh
                else f"pledge {p.seq}: reference price of {v.price_date} is older "
                f"than {max_price_age_days()} days"
            )
    return pledges, alerts


def memo_data(
    db: Database, reference: str, lang: str = "zh", today: date | None = None
) -> MemoData:
    """Everything the credit memo of loan ``reference`` shows, valued as of ``today``."""
    on = today or date.today()
    with db.session() as session:
        loan = _find_loan(session, reference)
        prices = PriceBook(session)
        schedule = loan_schedule(loan)
        officer = session.get(User, loan.officer_id) if loan.officer_id else None
        voters = {
            u.id: u.display_name
            for u in session.scalars(
                select(User).where(User.id.in_([v.voter_id for v in loan.votes]))
            )
        }
        pledges, alerts = _pledges(loan, prices, on, lang)
        eligible = sum((p.eligible_value for p in pledges), ZERO)
        coverage = (eligible / loan.amount).quantize(Decimal("0.0001")) if pledges else None
        threshold = loan.coverage_threshold
        if coverage is not None and threshold is not None and coverage < threshold:
            alerts.insert(
                0,
                f"覆盖率 {coverage:.2%} 低于警戒线 {threshold:.2%}"
                if lang == "zh"
                else f"coverage {coverage:.2%} is below the threshold {threshold:.2%}",
            )
        classification = _classification(loan, lang)
        votes: list[DecisionVote] = list(loan.votes)
        return MemoData(
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
            pledges=pledges,
            coverage_ratio=coverage,
            coverage_threshold=threshold,
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
                )
                for p in schedule.periods
            ],
            lender_schedules=[
                LenderSchedule(
                    x.name,
                    _role(x.role),
                    x.share,
                    [
                        LenderPeriod(
                            q.no,
                            q.payment_date,
                            q.drawdown,
                            q.principal,
                            q.interest,
                            q.fees,
                            q.payment,
                        )
                        for q in x.periods
                    ],
                )
                for x in schedule.lenders
            ],
            risks=[*(classification.flags if classification else []), *alerts],
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
        )


def write_memo(
    db: Database,
    reference: str,
    out: str | Path | BinaryIO,
    lang: str = "zh",
    today: date | None = None,
) -> int:
    """Render loan ``reference``'s memo to ``out``; returns the page count."""
    template = load_memo_template(lang)  # a bad --lang fails before any database work
    return render_memo(memo_data(db, reference, lang, today), out, lang, template)
