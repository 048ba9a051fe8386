"""The KPI ratchet, the report document and PCAF figures on SQLite and on PostgreSQL alike."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from greendesk.services import kpi_readout, kpi_recording
from greendesk.services.allocation import loan_allocation
from greendesk.services.emissions import emissions_report
from greendesk.services.kpi_input import ObservationInput, ReportFile
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database
from tests.services.kpi.conftest import CHECKER, FOOTPRINT, KPI

REPORT = ReportFile("报告.pdf", bytes(range(256)) * 64)  # binary, every byte value


def test_a_verified_result_writes_versions_and_reads_them_back(database: Database) -> None:
    seed_demo(database)
    before = kpi_readout.schedule_version(database, FOOTPRINT).schedule
    outcome = kpi_recording.record_observation(
        database, CHECKER,
        ObservationInput(FOOTPRINT, KPI, date(2025, 6, 30), "37.6", "中国质量认证中心", REPORT),
        today=date(2025, 8, 1),
    )  # fmt: skip
    assert outcome.decision is not None and outcome.decision.schedule_version == 2
    assert kpi_readout.schedule_version(database, FOOTPRINT, 1).schedule == before
    now = kpi_readout.schedule_version(database, FOOTPRINT)
    assert now.version == 2 and [s["adjust_bps"] for s in now.ratchet] == [-10]
    assert kpi_readout.report_document(database, outcome.observation.id) == REPORT
    report = emissions_report(database, date(2024, 12, 31))
    assert report.total.financed_t == D("374451.75") and report.total.score == D("1.90")
    assert loan_allocation(database, "XJ-CJ-2023-001", 2024).allocated == D("2185000000.00")
