"""The KPI read-out: a loan's KPIs, tests, observations, margin and schedule versions.

Plain records for the CLI, the window's KPI tab, the memo and the workbook
(``services.kpi_report``); nothing here writes. ``services.kpi_recording`` stores observations
and decides tests, and reuses the loan lookups below.

The schedule the window, memo and workbook show is always computed from the stored terms with
the ratchet in force (``services.terms.loan_terms``); a version row keeps what each version
computed, so an old schedule reads back exactly.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.errors import UserError
from greendesk.domain.kpi.alerts import KpiAlert, test_alert
from greendesk.domain.kpi.judgement import Direction, direction
from greendesk.domain.kpi.ratchet import (
    OUTCOME_LABELS,
    MarginPoint,
    Outcome,
    RatchetPolicy,
    TestResult,
    grace_deadline,
    margin_history,
)
from greendesk.domain.schedule import build_schedule, parse_terms, schedule_to_json
from greendesk.services import audit, kpi_settings
from greendesk.services.kpi_input import ReportFile
from greendesk.services.kpi_settings import (
    OBSERVABLE_STATUSES,
    due_alert_days,
    loan_grace_days,
    policy_of,
)
from greendesk.services.records._unit import current_loan
from greendesk.services.terms import loan_terms
from greendesk.store.database import Database
from greendesk.store.models import KpiObservation, KpiTestResult, Loan, LoanKpi, LoanScheduleVersion
from greendesk.store.queries import is_current_version

ORIGINATED = "as originated (no KPI result in force)"  # the reason version 1 carries

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
class StoredSchedule:
    reference: str
    version: int
    latest: int
    reason: str
    ratchet: tuple[dict[str, Any], ...]
    terms: dict[str, Any]
    schedule: dict[str, Any]


# --- reading ----------------------------------------------------------------------------------


def officer_of(loan: Loan) -> str | None:
    """The officer of record (maker-checker: an observation they enter stays unverified)."""
    return loan.officer.username if loan.officer is not None else None


def kpi_test_dates(kpi: LoanKpi) -> list[date]:
    """The KPI's test dates as dates (the JSON column may hand back ISO strings)."""
    return [d if isinstance(d, date) else date.fromisoformat(str(d)) for d in kpi.test_dates or []]


def observation_record(row: KpiObservation) -> ObservationRecord:
    """The stored observation as handed up (without the report's bytes)."""
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


def decided_tests(session: Session, reference: str) -> dict[tuple[str, date], KpiTestResult]:
    """The loan's decided tests by (KPI, test date); a test is decided once, at most."""
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
    results = decided_tests(session, reference)
    observations = _observations(session, reference)
    observed = {(o.kpi_name, o.test_date) for o in observations}
    grace = loan_grace_days(loan)
    kpis: list[KpiLine] = []
    alerts: list[KpiAlert] = []
    for kpi in loan.kpis:
        tests: list[TestLine] = []
        for day in kpi_test_dates(kpi):
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
        officer=officer_of(loan),
        policy=policy_of(loan),
        kpis=tuple(kpis),
        observations=tuple(observation_record(o) for o in observations),
        margin=tuple(margin_history(decided, loan.ratchet_cap_bps)),
        versions=tuple(
            _version_line(v, by_version.get(v.version)) for v in _versions(session, reference)
        ),
        alerts=tuple(alerts),
    )


def loan_kpis(db: Database, reference: str, *, today: date | None = None) -> LoanKpiReport:
    """Every KPI of the loan with its tests, observations, margin history and schedule versions."""
    with db.session() as session:
        loan = current_loan(session, reference)
        return report_in_session(session, loan, today or kpi_settings.today())


def kpi_loan_references(db: Database) -> list[str]:
    """References of current loans that carry KPIs (the carbon-linked book)."""
    with db.session() as session:
        return kpi_references(session)


def kpi_alerts(db: Database, *, today: date | None = None) -> list[tuple[str, KpiAlert]]:
    """Due and overdue KPI tests across the book, as (reference, alert)."""
    day = today or kpi_settings.today()
    out: list[tuple[str, KpiAlert]] = []
    with db.session() as session:
        for reference in kpi_references(session):
            loan = current_loan(session, reference)
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
        loan = current_loan(session, reference)
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
