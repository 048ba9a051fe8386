"""KPI observations, their verification and the margin ratchet they move (issue 15, part 1).

One write transaction per call, audited like every other change:

- ``record_observation``: stores the observation (and its report document), judges it against
  the SPT and, when it is verified (maker-checker, ``domain.kpi.judgement.verification``),
  decides the test: met → step-down, missed → step-up. A step writes the loan's next schedule
  version (``schedule_versions``); version 1, the schedule as originated, is written first.
- ``review_overdue``: tests whose grace period ended with no verified observation are decided
  as lapsed (treated as missed), the same way.
- ``loan_kpis`` / ``kpi_alerts`` / ``schedule_version``: plain read-outs for the CLI, window,
  memo and workbook.

The schedule the window, memo and workbook show is always computed from the stored terms with
the ratchet in force (``services.terms.loan_terms``); a version row keeps what each version
computed, so an old schedule reads back exactly.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from greendesk.domain.errors import UserError
from greendesk.domain.kpi.alerts import KpiAlert, test_alert
from greendesk.domain.kpi.judgement import Direction, direction, judge, verification
from greendesk.domain.kpi.ratchet import (
    OUTCOME_LABELS,
    MarginPoint,
    Outcome,
    RatchetPolicy,
    TestResult,
    grace_deadline,
    margin_history,
    overdue,
    policy_from_rows,
)
from greendesk.domain.roles import Action, Principal
from greendesk.domain.schedule import build_schedule, parse_terms, schedule_to_json
from greendesk.domain.validation import LIMITS
from greendesk.paths import resources_dir
from greendesk.services import audit
from greendesk.services.kpi_input import MAX_REPORT_BYTES as MAX_REPORT_BYTES
from greendesk.services.kpi_input import ObservationInput as ObservationInput
from greendesk.services.kpi_input import ReportFile as ReportFile
from greendesk.services.kpi_input import check_observation
from greendesk.services.records._unit import write_unit
from greendesk.services.terms import loan_terms
from greendesk.store.database import Database
from greendesk.store.models import (
    KpiObservation,
    KpiTestResult,
    Loan,
    LoanKpi,
    LoanScheduleVersion,
)
from greendesk.store.queries import is_current_version

OBSERVABLE_STATUSES = ("approved", "approved_with_conditions", "disbursed")


@cache
def ratchet_settings() -> dict[str, Any]:
    """House defaults (``resources/kpi/ratchet.json``): grace days and the due-alert window."""
    data: dict[str, Any] = json.loads(
        (resources_dir() / "kpi" / "ratchet.json").read_text(encoding="utf-8")
    )
    return data


def _today() -> date:
    """The desk's date (one place, so a test can hold the clock)."""
    return date.today()


def grace_days() -> int:
    """The house default grace period (days), for a loan whose terms name none."""
    return int(ratchet_settings()["grace_days"])


def loan_grace_days(loan: Loan) -> int:
    """The loan's own grace period (its KPI terms), else the house default."""
    return loan.kpi_grace_days if loan.kpi_grace_days is not None else grace_days()


def due_alert_days() -> int:
    return int(ratchet_settings()["due_alert_days"])


# --- plain data handed up ---------------------------------------------------------------------


@dataclass(frozen=True)
class ObservationRecord:
    id: int
    reference: str
    kpi: str
    test_date: date
    value: Decimal
    unit: str | None
    period_start: date | None
    period_end: date | None
    verifier: str | None
    report_reference: str | None
    report_date: date | None
    report_filename: str | None
    report_sha256: str | None
    report_size: int | None
    entered_by: str
    entered_on: date
    verified: bool
    unverified_reason: str | None
    unverified_reason_zh: str | None
    result: str | None
    comparison_zh: str | None
    comparison_en: str | None


@dataclass(frozen=True)
class TestLine:
    """One test date of one KPI: its deadline and, once decided, the outcome and step."""

    kpi: str
    test_date: date
    deadline: date
    outcome: Outcome | None
    adjust_bps: int
    observation_id: int | None
    schedule_version: int | None
    decided_by: str | None
    decided_on: date | None

    def outcome_text(self, lang: str) -> str:
        if self.outcome is None:
            return "待测试" if lang == "zh" else "not decided"
        zh, en = OUTCOME_LABELS[self.outcome]
        return zh if lang == "zh" else en


@dataclass(frozen=True)
class KpiLine:
    seq: int
    name: str
    unit: str | None
    baseline: Decimal | None
    target: Decimal | None
    direction: Direction | None
    verifier: str | None
    tests: tuple[TestLine, ...]


@dataclass(frozen=True)
class VersionLine:
    """One schedule version; for a version a KPI result made, that result and where it bites."""

    version: int
    reason: str
    ratchet: tuple[dict[str, Any], ...]
    created_by: str
    created_at: str
    kpi: str | None = None
    test_date: date | None = None
    outcome: Outcome | None = None
    adjust_bps: int = 0
    from_period: int | None = None  # the first period starting on or after the test date
    from_rate: str | None = None  # its all-in rate in this version


@dataclass(frozen=True)
class LoanKpiReport:
    reference: str
    loan_id: int
    officer: str | None
    policy: RatchetPolicy | None
    kpis: tuple[KpiLine, ...]
    observations: tuple[ObservationRecord, ...]
    margin: tuple[MarginPoint, ...]
    versions: tuple[VersionLine, ...]
    alerts: tuple[KpiAlert, ...]

    @property
    def cumulative_bps(self) -> int:
        return self.margin[-1].cumulative_bps if self.margin else 0


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


@dataclass(frozen=True)
class StoredSchedule:
    reference: str
    version: int
    latest: int
    reason: str
    ratchet: tuple[dict[str, Any], ...]
    terms: dict[str, Any]
    schedule: dict[str, Any]


# --- reading ----------------------------------------------------------------------------------


def _current_loan(session: Session, reference: str) -> Loan:
    text = (reference or "").strip()
    loan = session.scalars(
        select(Loan).where(Loan.reference == text, is_current_version())
    ).one_or_none()
    if loan is None:
        raise UserError(f"loan: no loan with reference {text!r}")
    return loan


def _officer(loan: Loan) -> str | None:
    return loan.officer.username if loan.officer is not None else None


def _test_dates(kpi: LoanKpi) -> list[date]:
    return [d if isinstance(d, date) else date.fromisoformat(str(d)) for d in kpi.test_dates or []]


def policy_of(loan: Loan) -> RatchetPolicy | None:
    """The loan's ratchet steps (from its rows), its cap and the grace period."""
    rows = [s.adjust_bps for s in loan.ratchet_steps]
    return policy_from_rows(rows, loan.ratchet_cap_bps, loan_grace_days(loan))


def _observation(row: KpiObservation) -> ObservationRecord:
    return ObservationRecord(
        id=row.id,
        reference=row.loan_reference,
        kpi=row.kpi_name,
        test_date=row.test_date,
        value=row.value,
        unit=row.unit,
        period_start=row.period_start,
        period_end=row.period_end,
        verifier=row.verifier,
        report_reference=row.report_reference,
        report_date=row.report_date,
        report_filename=row.report_filename,
        report_sha256=row.report_sha256,
        report_size=row.report_size,
        entered_by=row.entered_by,
        entered_on=row.entered_on,
        verified=row.verified,
        unverified_reason=row.unverified_reason,
        unverified_reason_zh=row.unverified_reason_zh,
        result=row.result,
        comparison_zh=row.comparison_zh,
        comparison_en=row.comparison_en,
    )


def _results(session: Session, reference: str) -> dict[tuple[str, date], KpiTestResult]:
    rows = session.scalars(select(KpiTestResult).where(KpiTestResult.loan_reference == reference))
    return {(r.kpi_name, r.test_date): r for r in rows}


def _observations(session: Session, reference: str) -> list[KpiObservation]:
    return list(
        session.scalars(
            select(KpiObservation)
            .where(KpiObservation.loan_reference == reference)
            .order_by(KpiObservation.test_date, KpiObservation.kpi_name, KpiObservation.id)
        )
    )


def _versions(session: Session, reference: str) -> list[LoanScheduleVersion]:
    return list(
        session.scalars(
            select(LoanScheduleVersion)
            .where(LoanScheduleVersion.loan_reference == reference)
            .order_by(LoanScheduleVersion.version)
        )
    )


def _version_line(row: LoanScheduleVersion, made_by: KpiTestResult | None) -> VersionLine:
    line = VersionLine(
        version=row.version,
        reason=row.reason,
        ratchet=tuple(row.ratchet or ()),
        created_by=row.created_by,
        created_at=audit.to_jsonable(row.created_at),
    )
    if made_by is None:
        return line
    day = made_by.test_date.isoformat()
    first = next((p for p in row.schedule.get("periods") or [] if p["start"] >= day), None)
    return dataclasses.replace(
        line,
        kpi=made_by.kpi_name,
        test_date=made_by.test_date,
        outcome=Outcome(made_by.outcome),
        adjust_bps=made_by.adjust_bps,
        from_period=first["no"] if first else None,
        from_rate=first["rate"] if first else None,
    )


def report_in_session(session: Session, loan: Loan, today: date) -> LoanKpiReport:
    """``loan_kpis`` for a loan row already loaded (reports building several at once)."""
    reference = loan.reference
    results = _results(session, reference)
    observations = _observations(session, reference)
    observed = {(o.kpi_name, o.test_date) for o in observations}
    grace = loan_grace_days(loan)
    kpis: list[KpiLine] = []
    alerts: list[KpiAlert] = []
    for kpi in loan.kpis:
        tests: list[TestLine] = []
        for day in _test_dates(kpi):
            r = results.get((kpi.name, day))
            tests.append(
                TestLine(
                    kpi=kpi.name,
                    test_date=day,
                    deadline=grace_deadline(day, grace),
                    outcome=Outcome(r.outcome) if r else None,
                    adjust_bps=r.adjust_bps if r else 0,
                    observation_id=r.observation_id if r else None,
                    schedule_version=r.schedule_version if r else None,
                    decided_by=r.decided_by if r else None,
                    decided_on=r.decided_on if r else None,
                )
            )
            alert = test_alert(
                kpi.name,
                day,
                has_observation=(kpi.name, day) in observed,
                decided=r is not None,
                today=today,
                grace_days=grace,
                due_days=due_alert_days(),
            )
            if alert is not None:
                alerts.append(alert)
        way = direction(kpi.baseline, kpi.target) if kpi.target is not None else None
        kpis.append(
            KpiLine(
                seq=kpi.seq,
                name=kpi.name,
                unit=kpi.unit,
                baseline=kpi.baseline,
                target=kpi.target,
                direction=way,
                verifier=kpi.verifier,
                tests=tuple(tests),
            )
        )
    by_version = {r.schedule_version: r for r in results.values() if r.schedule_version}
    decided = [
        TestResult(r.kpi_name, r.test_date, Outcome(r.outcome), r.adjust_bps)
        for r in results.values()
    ]
    return LoanKpiReport(
        reference=reference,
        loan_id=loan.id,
        officer=_officer(loan),
        policy=policy_of(loan),
        kpis=tuple(kpis),
        observations=tuple(_observation(o) for o in observations),
        margin=tuple(margin_history(decided, loan.ratchet_cap_bps)),
        versions=tuple(
            _version_line(v, by_version.get(v.version)) for v in _versions(session, reference)
        ),
        alerts=tuple(alerts),
    )


def loan_kpis(db: Database, reference: str, *, today: date | None = None) -> LoanKpiReport:
    """Every KPI of the loan with its tests, observations, margin history and schedule versions."""
    with db.session() as session:
        return report_in_session(session, _current_loan(session, reference), today or _today())


def kpi_loan_references(db: Database) -> list[str]:
    """References of current loans that carry KPIs (the carbon-linked book)."""
    with db.session() as session:
        return kpi_references(session)


def kpi_alerts(db: Database, *, today: date | None = None) -> list[tuple[str, KpiAlert]]:
    """Due and overdue KPI tests across the book, as (reference, alert)."""
    day = today or _today()
    out: list[tuple[str, KpiAlert]] = []
    with db.session() as session:
        for reference in kpi_references(session):
            loan = _current_loan(session, reference)
            if loan.status not in OBSERVABLE_STATUSES:
                continue
            out += [(reference, a) for a in report_in_session(session, loan, day).alerts]
    return out


def kpi_references(session: Session) -> list[str]:
    """References of the current loans that carry KPIs, in order."""
    query = (
        select(Loan.reference)
        .where(is_current_version(), Loan.id.in_(select(LoanKpi.loan_id)))
        .order_by(Loan.reference)
    )
    return list(session.scalars(query))


def report_document(db: Database, observation_id: int) -> ReportFile:
    """The verification report attached to an observation, as stored."""
    with db.session() as session:
        row = session.get(KpiObservation, observation_id)
        if row is None or row.report_data is None or row.report_filename is None:
            raise UserError(f"observation {observation_id}: no report attached")
        return ReportFile(row.report_filename, bytes(row.report_data))


def schedule_version(db: Database, reference: str, version: int | None = None) -> StoredSchedule:
    """A loan's schedule, current (``version`` None) or an earlier version, as JSON data.

    A loan whose margin never moved has one version, computed from its terms now.
    """
    with db.session() as session:
        loan = _current_loan(session, reference)
        rows = _versions(session, loan.reference)
        latest = rows[-1].version if rows else 1
        if version is not None and not 1 <= version <= latest:
            raise UserError(
                f"--version: loan {loan.reference} has schedule versions 1 to {latest}, "
                f"not {version}"
            )
        if rows:
            row = rows[-1] if version is None else rows[version - 1]
            return StoredSchedule(
                loan.reference, row.version, latest, row.reason, tuple(row.ratchet or ()),
                dict(row.terms), dict(row.schedule),
            )  # fmt: skip
        terms = loan_terms(loan)
        schedule = schedule_to_json(build_schedule(parse_terms(terms)))
        return StoredSchedule(
            loan.reference, 1, 1, ORIGINATED, tuple(terms.get("ratchet") or ()), terms, schedule
        )


ORIGINATED = "as originated (no KPI result in force)"


# --- writing ----------------------------------------------------------------------------------


def _find_kpi(loan: Loan, name: str, test_day: date) -> LoanKpi:
    text = (name or "").strip()
    kpi = next((k for k in loan.kpis if k.name == text), None)
    if kpi is None:
        known = "; ".join(k.name for k in loan.kpis) or "none"
        raise UserError(f"kpi: loan {loan.reference} has no KPI {text!r} (its KPIs: {known})")
    days = _test_dates(kpi)
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
    day = today or _today()
    with write_unit(db, f"loan {data.reference}") as session:
        loan = _current_loan(session, data.reference)
        _observable(loan)
        kpi = _find_kpi(loan, data.kpi, checked.test_date)
        done = _results(session, loan.reference).get((kpi.name, checked.test_date))
        if done is not None:
            raise UserError(
                f"test_date: KPI {kpi.name!r} test {checked.test_date} was already decided "
                f"({done.outcome}, {done.decided_on} by {done.decided_by}); nothing was saved"
            )
        check = verification(
            verifier=checked.verifier,
            report_attached=checked.report is not None,
            entered_by=actor.username,
            officer_of_record=_officer(loan),
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
        return RecordOutcome(_observation(row), decision, tuple(notes))


def review_overdue(
    db: Database,
    actor: Principal,
    *,
    today: date | None = None,
    references: Sequence[str] | None = None,
) -> list[Decision]:
    """Decide as lapsed (missed) every test whose grace period ended without a verified result."""
    actor.require(Action.RECORD_KPI)
    day = today or _today()
    decisions: list[Decision] = []
    with write_unit(db, "KPI review") as session:
        refs = list(references) if references is not None else kpi_references(session)
        for reference in refs:
            loan = _current_loan(session, reference)
            if loan.status not in OBSERVABLE_STATUSES:
                continue
            results = _results(session, loan.reference)
            grace = loan_grace_days(loan)
            due = sorted(
                (test_day, kpi.name)
                for kpi in loan.kpis
                for test_day in _test_dates(kpi)
                if (kpi.name, test_day) not in results and overdue(test_day, grace, day)
            )
            for test_day, name in due:
                decisions.append(
                    _decide(session, actor, loan, name, test_day, Outcome.LAPSED, None, day)
                )
    return decisions
