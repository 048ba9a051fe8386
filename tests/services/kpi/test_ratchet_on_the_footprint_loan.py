"""Issue 15's done-when, on the seeded 50,000,000.00 carbon-footprint-linked loan.

The loan (seeds/loans/09): LPR1Y + 40 bps, quarterly, a ratchet of 10 bps a test, capped at
20 bps, KPI 多晶硅产品碳足迹 (baseline 45.0, SPT 38.0 kgCO2e/kg) tested on 2025-06-30 and
2026-06-30. Its officer of record is the demo ``officer``.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from greendesk.domain.errors import UserError
from greendesk.domain.kpi.ratchet import Outcome
from greendesk.domain.roles import PermissionDenied
from greendesk.services.kpi_input import ObservationInput, ReportFile
from greendesk.services.kpi_readout import kpi_alerts, loan_kpis, report_document, schedule_version
from greendesk.services.kpi_recording import record_observation, review_overdue
from greendesk.services.terms import loan_schedule
from greendesk.store.database import Database
from greendesk.store.models import AuditEvent, KpiObservation, Loan, LoanScheduleVersion
from tests.services.kpi.conftest import ADMIN, CHECKER, FOOTPRINT, KPI, OFFICER

REPORT = ReportFile("CQC-2025-0712 碳足迹核查报告.pdf", b"%PDF-1.7 verification report\n")
FIRST, SECOND = date(2025, 6, 30), date(2026, 6, 30)


def observe(
    value: str,
    test_date: date = FIRST,
    *,
    report: ReportFile | None = REPORT,
    verifier: str = "中国质量认证中心",
) -> ObservationInput:
    return ObservationInput(
        reference=FOOTPRINT,
        kpi=KPI,
        test_date=test_date,
        value=value,
        verifier=verifier,
        report=report,
        report_reference="CQC-2025-0712",
        report_date=date(2025, 7, 20),
        period_start=date(test_date.year - 1, 7, 1),
        period_end=test_date,
    )


def periods(db: Database, version: int | None = None) -> list[dict[str, Any]]:
    return list(schedule_version(db, FOOTPRINT, version).schedule["periods"])


def loan_id(db: Database) -> int:
    with db.session() as session:
        return int(session.scalars(select(Loan.id).where(Loan.reference == FOOTPRINT)).one())


def events(db: Database, action: str) -> list[dict[str, Any]]:
    with db.session() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
        )
        return [json.loads(r.after_json or "null") for r in rows]


def test_a_verified_met_observation_lowers_the_rate_from_the_first_period_on_or_after_the_test_date(
    db: Database,
) -> None:
    before = periods(db)
    outcome = record_observation(db, CHECKER, observe("37.6"), today=date(2025, 8, 1))

    assert outcome.observation.verified and outcome.observation.result == "met"
    assert outcome.observation.comparison_zh == "多晶硅产品碳足迹 37.6 ≤ 目标 38：达标"
    assert outcome.decision is not None and outcome.decision.outcome is Outcome.MET
    assert outcome.decision.adjust_bps == -10 and outcome.decision.schedule_version == 2
    after = periods(db)
    assert len(after) == len(before) == 12
    changed = [p["no"] for p in after if p["start"] >= FIRST.isoformat()]
    assert changed[0] == 5  # period 5 starts on 2025-06-30 itself (2025-06-28 is a Saturday)
    for old, new in zip(before, after, strict=True):
        if new["start"] >= FIRST.isoformat():
            assert Decimal(new["rate"]) == Decimal(old["rate"]) - Decimal("0.0010"), new["no"]
        else:  # not before: the periods that started before the test date keep their rate
            assert new["rate"] == old["rate"] and new["interest"] == old["interest"], new["no"]
    # The first changed period charges less interest on the same balance.
    first = changed[0] - 1
    assert Decimal(after[first]["interest"]) < Decimal(before[first]["interest"])
    # The schedule every consumer computes (window, memo, workbook) is the new version.
    live = loan_schedule(db, loan_id(db))
    assert [p.rate for p in live.periods] == [Decimal(p["rate"]) for p in after]
    assert [f"{p.interest:.2f}" for p in live.periods] == [p["interest"] for p in after]


def test_each_change_is_a_new_schedule_version_in_the_audit_trail_and_the_old_one_stays_readable(
    db: Database,
) -> None:
    original = periods(db)
    record_observation(db, CHECKER, observe("37.6"), today=date(2025, 8, 1))
    record_observation(db, CHECKER, observe("36.9", SECOND), today=date(2026, 7, 15))

    stored = schedule_version(db, FOOTPRINT)
    assert (stored.version, stored.latest) == (3, 3)
    assert periods(db, 1) == original
    assert [s["adjust_bps"] for s in schedule_version(db, FOOTPRINT, 2).ratchet] == [-10]
    assert [s["adjust_bps"] for s in stored.ratchet] == [-10, -10]
    # Period 9 starts on 2026-06-29, the day before the second test: only period 10 on moves.
    v2, v3 = periods(db, 2), periods(db, 3)
    assert [p["no"] for p in v3 if p["rate"] != v2[p["no"] - 1]["rate"]] == [10, 11, 12]
    logged = events(db, "loan.schedule_version")
    assert [e["version"] for e in logged] == [1, 2, 3]
    assert all(e["reference"] == FOOTPRINT and e["loan_id"] == loan_id(db) for e in logged)
    assert "met" in logged[2]["reason"] and "-10 bps" in logged[2]["reason"]
    with pytest.raises(UserError, match="versions 1 to 3, not 4"):
        schedule_version(db, FOOTPRINT, 4)
    report = loan_kpis(db, FOOTPRINT, today=date(2026, 7, 15))
    assert [m.cumulative_bps for m in report.margin] == [-10, -20]
    assert [v.version for v in report.versions] == [1, 2, 3]


def test_a_verified_missed_observation_raises_the_rate(db: Database) -> None:
    before = periods(db)
    outcome = record_observation(db, CHECKER, observe("41.25"), today=date(2025, 8, 1))

    assert outcome.observation.comparison_en == "多晶硅产品碳足迹 41.25 > target 38: missed"
    assert outcome.decision is not None and outcome.decision.adjust_bps == +10
    for old, new in zip(before, periods(db), strict=True):
        delta = Decimal("0.0010") if new["start"] >= FIRST.isoformat() else Decimal(0)
        assert Decimal(new["rate"]) == Decimal(old["rate"]) + delta


@pytest.mark.parametrize(
    ("report", "verifier", "reason"),
    [
        (None, "中国质量认证中心", "no verification report attached"),
        (REPORT, "", "no verifier named"),
        (None, "  ", "no verifier named; no verification report attached"),
    ],
    ids=["no-report", "no-verifier", "neither"],
)
def test_an_unverified_observation_changes_nothing(
    db: Database, report: ReportFile | None, verifier: str, reason: str
) -> None:
    before = periods(db)
    outcome = record_observation(
        db, CHECKER, observe("30.0", report=report, verifier=verifier), today=date(2025, 8, 1)
    )
    assert not outcome.observation.verified
    assert outcome.observation.unverified_reason == reason
    assert outcome.observation.result == "met"  # judged, yet it does not move the margin
    assert outcome.decision is None
    assert periods(db) == before
    with db.session() as session:
        assert session.scalars(select(LoanScheduleVersion)).all() == []
    assert len(events(db, "loan.kpi_observation")) == 1  # stored and audited all the same


def test_an_officer_cannot_verify_their_own_loans_observation(db: Database) -> None:
    before = periods(db)
    own = record_observation(db, OFFICER, observe("37.6"), today=date(2025, 8, 1))
    assert not own.observation.verified and own.decision is None
    assert "officer of record" in (own.observation.unverified_reason or "")
    assert periods(db) == before
    # Someone else enters the verified figures: that one decides the test.
    checked = record_observation(db, CHECKER, observe("37.6"), today=date(2025, 8, 2))
    assert checked.decision is not None and checked.decision.outcome is Outcome.MET
    assert periods(db) != before


def test_the_cap_holds(db: Database) -> None:
    with db.session(write=True) as session:  # a tighter cap than the seed's 20 bps
        session.scalars(select(Loan).where(Loan.reference == FOOTPRINT)).one().ratchet_cap_bps = 15
    original = periods(db)
    record_observation(db, CHECKER, observe("37.0"), today=date(2025, 8, 1))
    record_observation(db, CHECKER, observe("35.0", SECOND), today=date(2026, 7, 1))

    report = loan_kpis(db, FOOTPRINT, today=date(2026, 7, 1))
    assert [(m.step_bps, m.applied_bps, m.cumulative_bps) for m in report.margin] == [
        (-10, -10, -10),
        (-10, -5, -15),
    ]
    last = periods(db)[-1]
    assert last["start"] >= SECOND.isoformat()
    assert Decimal(last["rate"]) == Decimal(original[-1]["rate"]) - Decimal("0.0015")


def test_no_verified_observation_by_the_grace_deadline_counts_as_missed(db: Database) -> None:
    before = periods(db)
    assert review_overdue(db, CHECKER, today=date(2025, 10, 28)) == []  # the 120th day
    decided = review_overdue(db, CHECKER, today=date(2025, 10, 29))
    lapsed = [d for d in decided if d.reference == FOOTPRINT]
    assert [(d.test_date, d.outcome, d.adjust_bps) for d in lapsed] == [(FIRST, Outcome.LAPSED, 10)]
    for old, new in zip(before, periods(db), strict=True):
        delta = Decimal("0.0010") if new["start"] >= FIRST.isoformat() else Decimal(0)
        assert Decimal(new["rate"]) == Decimal(old["rate"]) + delta
    # A verified report that arrives after the deadline can no longer decide the test.
    with pytest.raises(UserError, match=r"already decided .*lapsed"):
        record_observation(db, CHECKER, observe("30.0"), today=date(2025, 11, 2))


def test_a_verified_observation_after_the_grace_period_is_treated_as_missed(db: Database) -> None:
    late = record_observation(db, CHECKER, observe("30.0"), today=date(2025, 10, 29))
    assert late.observation.result == "met"
    assert late.decision is not None and late.decision.outcome is Outcome.LAPSED
    assert late.decision.adjust_bps == 10
    assert "grace period ended on 2025-10-28" in late.notes[-1]


def test_a_decided_test_refuses_a_second_verified_observation(db: Database) -> None:
    record_observation(db, CHECKER, observe("37.6"), today=date(2025, 8, 1))
    with pytest.raises(UserError, match="already decided"):
        record_observation(db, CHECKER, observe("39.0"), today=date(2025, 8, 3))
    with db.session() as session:
        assert len(session.scalars(select(KpiObservation)).all()) == 1


def test_alerts_name_the_test_due_in_30_days_and_the_overdue_one(db: Database) -> None:
    alerts = [a for ref, a in kpi_alerts(db, today=date(2026, 6, 1)) if ref == FOOTPRINT]
    assert [(a.kind, a.test_date, a.days) for a in alerts] == [
        ("kpi_test_overdue", FIRST, 216),
        ("kpi_test_due", SECOND, 29),
    ]
    assert alerts[1].en == f"KPI '{KPI}' test date 2026-06-30 due in 29 days, no observation yet"
    assert not [
        a
        for ref, a in kpi_alerts(db, today=date(2026, 5, 30))
        if a.kind == "kpi_test_due" and ref == FOOTPRINT
    ]
    record_observation(db, CHECKER, observe("37.0", SECOND, report=None), today=date(2026, 6, 1))
    due = [a for ref, a in kpi_alerts(db, today=date(2026, 6, 1)) if ref == FOOTPRINT]
    assert [a.kind for a in due] == ["kpi_test_overdue"]  # an observation exists now


def test_the_report_document_is_stored_with_its_digest(db: Database) -> None:
    outcome = record_observation(db, CHECKER, observe("37.6"), today=date(2025, 8, 1))
    assert outcome.observation.report_size == len(REPORT.data)
    assert report_document(db, outcome.observation.id) == REPORT
    logged = events(db, "loan.kpi_observation")[0]
    assert (
        "report_data" not in logged and logged["report_sha256"] == outcome.observation.report_sha256
    )


def test_who_may_record(db: Database) -> None:
    with pytest.raises(PermissionDenied, match="admin"):
        record_observation(db, ADMIN, observe("37.6"), today=date(2025, 8, 1))
