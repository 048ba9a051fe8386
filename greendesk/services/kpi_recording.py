"""Recording KPI observations and deciding the tests they settle (issue 15, part 1).

One write transaction per call, audited like every other change:

- ``record_observation``: stores the observation (and its report document), judges it against
  the SPT and, when it is verified (maker-checker, ``domain.kpi.judgement.verification``),
  decides the test: met → step-down, missed → step-up. A step writes the loan's next schedule
  version (``schedule_versions``); version 1, the schedule as originated, is written first.
- ``review_overdue``: tests whose grace period ended with no verified observation are decided
  as lapsed (treated as missed), the same way.

What is read back (reports, alerts, stored versions) is ``services.kpi_readout``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from greendesk.domain.errors import UserError
from greendesk.domain.kpi.judgement import judge, verification
from greendesk.domain.kpi.ratchet import OUTCOME_LABELS, Outcome, grace_deadline, overdue
from greendesk.domain.roles import Action, Principal
from greendesk.domain.schedule import build_schedule, parse_terms, schedule_to_json
from greendesk.domain.validation import LIMITS
from greendesk.services import audit, kpi_settings
from greendesk.services.kpi_input import ObservationInput, check_observation
from greendesk.services.kpi_readout import (
    ORIGINATED,
    ObservationRecord,
    decided_tests,
    kpi_references,
    kpi_test_dates,
    observation_record,
    officer_of,
)
from greendesk.services.kpi_settings import OBSERVABLE_STATUSES, loan_grace_days, policy_of
from greendesk.services.records._unit import current_loan, write_unit
from greendesk.services.terms import loan_terms
from greendesk.store.database import Database
from greendesk.store.models import KpiObservation, KpiTestResult, Loan, LoanKpi, LoanScheduleVersion


@dataclass(frozen=True)
class Decision:
    reference: str
    kpi: str
    test_date: date
    outcome: Outcome
    adjust_bps: int
    schedule_version: int | None


@dataclass(frozen=True)
class RecordOutcome:
    observation: ObservationRecord
    decision: Decision | None
    notes: tuple[str, ...] = field(default=())


def _find_kpi(loan: Loan, name: str, test_day: date) -> LoanKpi:
    text = (name or "").strip()
    kpi = next((k for k in loan.kpis if k.name == text), None)
    if kpi is None:
        known = "; ".join(k.name for k in loan.kpis) or "none"
        raise UserError(f"kpi: loan {loan.reference} has no KPI {text!r} (its KPIs: {known})")
    days = kpi_test_dates(kpi)
    if test_day not in days:
        listed = ", ".join(d.isoformat() for d in days) or "none"
        raise UserError(f"test_date: {test_day} is not a test date of KPI {text!r} ({listed})")
    return kpi


def _decide(
    session: Session,
    actor: Principal,
    loan: Loan,
    kpi_name: str,
    test_day: date,
    outcome: Outcome,
    observation_id: int | None,
    today: date,
) -> Decision:
    """Store the decision on one test; a step writes the next schedule version, audited."""
    policy = policy_of(loan)
    step = policy.step(outcome) if policy is not None else 0
    version: int | None = None
    if step:
        version = _next_version(session, actor, loan, kpi_name, test_day, outcome, step)
    row = KpiTestResult(
        loan_reference=loan.reference,
        kpi_name=kpi_name,
        test_date=test_day,
        outcome=outcome.value,
        adjust_bps=step,
        observation_id=observation_id,
        schedule_version=version,
        decided_by=actor.username,
        decided_on=today,
    )
    session.add(row)
    session.flush()
    if version is not None:
        _write_version(session, actor, loan, version, _reason(kpi_name, test_day, outcome, step))
    audit.record(
        session, actor, "loan.kpi_result", ("loan", loan.id), None,
        {"loan_id": loan.id, **audit.snapshot(row, exclude=("id",))},
    )  # fmt: skip
    return Decision(loan.reference, kpi_name, test_day, outcome, step, version)


def _reason(kpi: str, test_day: date, outcome: Outcome, step: int) -> str:
    return f"KPI {kpi} test {test_day}: {OUTCOME_LABELS[outcome][1]}, margin {step:+d} bps"


def _next_version(
    session: Session,
    actor: Principal,
    loan: Loan,
    kpi: str,
    test_day: date,
    outcome: Outcome,
    step: int,
) -> int:
    """The number the new version takes; version 1 (as it stood) is written first if missing."""
    latest = session.scalar(
        select(func.max(LoanScheduleVersion.version)).where(
            LoanScheduleVersion.loan_reference == loan.reference
        )
    )
    if latest is None:
        _write_version(session, actor, loan, 1, ORIGINATED)
        latest = 1
    return int(latest) + 1


def _write_version(
    session: Session, actor: Principal, loan: Loan, version: int, reason: str
) -> None:
    session.flush()
    terms = loan_terms(loan)
    schedule = schedule_to_json(build_schedule(parse_terms(terms)))
    row = LoanScheduleVersion(
        loan_reference=loan.reference,
        version=version,
        loan_id=loan.id,
        reason=reason[: LIMITS["note"]],
        ratchet=list(terms.get("ratchet") or []),
        terms=terms,
        schedule=schedule,
        created_by=actor.username,
    )
    session.add(row)
    session.flush()
    periods = schedule["periods"]
    audit.record(
        session, actor, "loan.schedule_version", ("loan", loan.id), None,
        {
            "loan_id": loan.id, "reference": loan.reference, "version": version,
            "reason": row.reason, "ratchet": row.ratchet,
            "rates": sorted({p["rate"] for p in periods}),
            "interest": schedule["totals"]["interest"],
        },
    )  # fmt: skip


def _observable(loan: Loan) -> None:
    if loan.status not in OBSERVABLE_STATUSES:
        raise UserError(
            f"loan {loan.reference} is {loan.status}: KPI observations are recorded once the "
            "loan is approved or disbursed"
        )


def record_observation(
    db: Database, actor: Principal, data: ObservationInput, *, today: date | None = None
) -> RecordOutcome:
    """Store one observation; a verified one decides its test and may move the margin."""
    actor.require(Action.RECORD_KPI)
    checked = check_observation(data)
    day = today or kpi_settings.today()
    with write_unit(db, f"loan {data.reference}") as session:
        loan = current_loan(session, data.reference)
        _observable(loan)
        kpi = _find_kpi(loan, data.kpi, checked.test_date)
        done = decided_tests(session, loan.reference).get((kpi.name, checked.test_date))
        if done is not None:
            raise UserError(
                f"test_date: KPI {kpi.name!r} test {checked.test_date} was already decided "
                f"({done.outcome}, {done.decided_on} by {done.decided_by}); nothing was saved"
            )
        check = verification(
            verifier=checked.verifier,
            report_attached=checked.report is not None,
            entered_by=actor.username,
            officer_of_record=officer_of(loan),
        )
        judged = (
            judge(kpi.name, checked.value, kpi.target, kpi.baseline)
            if kpi.target is not None
            else None
        )
        report = checked.report
        row = KpiObservation(
            loan_reference=loan.reference,
            loan_id=loan.id,
            kpi_name=kpi.name,
            test_date=checked.test_date,
            value=checked.value,
            unit=kpi.unit,
            period_start=checked.period_start,
            period_end=checked.period_end,
            verifier=checked.verifier or None,
            report_reference=checked.report_reference or None,
            report_date=checked.report_date,
            report_filename=report.filename.strip() if report else None,
            report_sha256=hashlib.sha256(report.data).hexdigest() if report else None,
            report_size=len(report.data) if report else None,
            report_data=report.data if report else None,
            entered_by=actor.username,
            entered_on=day,
            verified=check.verified,
            unverified_reason="; ".join(check.reasons_en) or None,
            unverified_reason_zh="；".join(check.reasons_zh) or None,
            result=judged.result if judged else None,
            comparison_zh=judged.zh if judged else None,
            comparison_en=judged.en if judged else None,
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor, "loan.kpi_observation", ("loan", loan.id), None,
            {"loan_id": loan.id, **audit.snapshot(row, exclude=("id", "report_data"))},
        )  # fmt: skip
        notes: list[str] = list(check.reasons_en)
        decision: Decision | None = None
        if check.verified and judged is not None:
            policy_grace = loan_grace_days(loan)
            if overdue(checked.test_date, policy_grace, day):
                deadline = grace_deadline(checked.test_date, policy_grace)
                notes.append(f"received after the grace period ended on {deadline}")
                outcome = Outcome.LAPSED
            else:
                outcome = Outcome.MET if judged.met else Outcome.MISSED
            decision = _decide(
                session, actor, loan, kpi.name, checked.test_date, outcome, row.id, day
            )
        elif judged is None:
            notes.append("the KPI has no target (SPT): nothing to judge against")
        session.flush()
        return RecordOutcome(observation_record(row), decision, tuple(notes))


def review_overdue(
    db: Database,
    actor: Principal,
    *,
    today: date | None = None,
    references: Sequence[str] | None = None,
) -> list[Decision]:
    """Decide as lapsed (missed) every test whose grace period ended without a verified result."""
    actor.require(Action.RECORD_KPI)
    day = today or kpi_settings.today()
    decisions: list[Decision] = []
    with write_unit(db, "KPI review") as session:
        refs = list(references) if references is not None else kpi_references(session)
        for reference in refs:
            loan = current_loan(session, reference)
            if loan.status not in OBSERVABLE_STATUSES:
                continue
            results = decided_tests(session, loan.reference)
            grace = loan_grace_days(loan)
            due = sorted(
                (test_day, kpi.name)
                for kpi in loan.kpis
                for test_day in kpi_test_dates(kpi)
                if (kpi.name, test_day) not in results and overdue(test_day, grace, day)
            )
            for test_day, name in due:
                decisions.append(
                    _decide(session, actor, loan, name, test_day, Outcome.LAPSED, None, day)
                )
    return decisions
