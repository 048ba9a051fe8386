"""The memo's KPI section and the workbook's KPI sheet show the stored results and versions."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl

from greendesk.services import kpi_readout, kpi_recording
from greendesk.services.kpi_input import ObservationInput, ReportFile
from greendesk.services.report_portfolio import export_portfolio
from greendesk.services.reports import write_memo
from greendesk.store.database import Database
from tests.reporting.pdftools import text
from tests.services.kpi.conftest import CHECKER, FOOTPRINT, KPI

REPORT = ReportFile("report.pdf", b"%PDF-1.7\n")
TODAY = date(2026, 12, 1)


def _met_then_lapsed(db: Database) -> None:
    kpi_recording.record_observation(
        db, CHECKER,
        ObservationInput(FOOTPRINT, KPI, date(2025, 6, 30), "37.6", "中国质量认证中心", REPORT,
                         "CQC-2025-0712", date(2025, 7, 20)),
        today=date(2025, 8, 1),
    )  # fmt: skip
    kpi_recording.review_overdue(db, CHECKER, today=TODAY, references=[FOOTPRINT])


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_the_memo_shows_each_test_its_verification_and_the_margin_history(
    db: Database, tmp_path: Path
) -> None:
    _met_then_lapsed(db)
    pdf = tmp_path / "memo.pdf"
    write_memo(db, FOOTPRINT, pdf, lang="en", today=TODAY)
    body = squash(text(pdf))
    assert squash("11. KPI observations, verification and margin") in body
    # Table cells wrap and pdftotext reads them column by column: check what stays on a line.
    for fragment in ("37.6 ≤ target 38:", "verified: 中国质量", "test 2025-06-30: met",
                     "margin -10 bps", "capped at ±20 bps", "lapsed: no verified"):  # fmt: skip
        assert squash(fragment) in body, fragment
    pdf_zh = tmp_path / "memo-zh.pdf"
    write_memo(db, FOOTPRINT, pdf_zh, lang="zh", today=TODAY)
    zh = squash(text(pdf_zh))
    assert squash("十一、KPI 观测、核查与利率调整") in zh
    for fragment in ("37.6 ≤ 目标 38", f"{KPI} 2025-06-30 测试", "利率调整 +10 基点"):
        assert squash(fragment) in zh, fragment


def test_a_loan_without_kpis_has_no_kpi_section(db: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "memo.pdf"
    write_memo(db, "XJ-CJ-2023-001", pdf, lang="en", today=TODAY)
    assert "KPI observations" not in text(pdf)


def test_the_workbook_kpi_sheet_holds_every_test_with_its_result(
    db: Database, tmp_path: Path
) -> None:
    _met_then_lapsed(db)
    path = tmp_path / "book.xlsx"
    export_portfolio(db, path, as_of=TODAY, lang="en")
    ws = openpyxl.load_workbook(path)["KPI"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == FOOTPRINT]
    report = kpi_readout.loan_kpis(db, FOOTPRINT, today=TODAY)
    expected = [
        (t.test_date, t.adjust_bps, m.cumulative_bps, t.schedule_version)
        for t, m in zip(report.kpis[0].tests, report.margin, strict=True)
    ]
    assert (
        [(r[6].date(), r[12], r[13], r[14]) for r in rows]
        == expected
        == [
            (date(2025, 6, 30), -10, -10, 2),
            (date(2026, 6, 30), 10, 0, 3),
        ]
    )
    assert rows[0][9] == f"{KPI} 37.6 ≤ target 38: met"
    assert rows[1][10] == "no observation yet"


def test_the_memo_shows_the_loans_financed_and_avoided_emissions(
    db: Database, tmp_path: Path
) -> None:
    pdf = tmp_path / "memo.pdf"
    write_memo(db, "XJ-CJ-2024-005", pdf, lang="en", today=date(2024, 12, 31))
    body = squash(text(pdf))
    # 200,000,000 / 3,600,000,000 × 2,160,000 t; avoided 180,000 t × the same factor
    for fragment in ("12. Financed emissions (PCAF)", "1b · data-quality score 2",
                     "120,000.00", "10,000.00", "25,000.00", "never netted"):  # fmt: skip
        assert squash(fragment) in body, fragment
