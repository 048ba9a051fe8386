"""``greendesk programmes`` end to end: the CERF workbook recalculated by LibreOffice, the JSON,
the text, and refused input (exit 2, no traceback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from greendesk.services.programmes import disclosure
from greendesk.services.seeding import seed_demo
from greendesk.store.database import open_database
from greendesk.store.models import Loan
from tests.reporting.conftest import Recalc


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'cerf.db'}"
    db = open_database(url)
    seed_demo(db)
    with db.session(write=True) as session:  # two more supported loans than the demo's one
        session.execute(
            update(Loan)
            .where(Loan.reference.in_(["GS-JQ-2024-001", "GS-YM-2026-001"]))
            .values(status="disbursed")
        )
    db.dispose()
    yield url


def greendesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GREENDESK_DB"}
    return subprocess.run(
        [sys.executable, "-m", "greendesk", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def fen(text: str) -> Decimal:
    return Decimal(text.replace(",", "")).quantize(Decimal("0.01"))


def test_workbook_totals_recalculated_by_libreoffice_equal_the_loans(
    db_url: str, tmp_path: Path, libreoffice: Recalc
) -> None:
    out = tmp_path / "cerf-2026Q4.xlsx"
    done = greendesk(
        "programmes", "report", "cerf", "--quarter", "2026Q4", "-o", str(out), "--db", db_url
    )
    assert done.returncode == 0, done.stderr
    book = load_workbook(out)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    totals_row = sheet.max_row
    assert str(sheet.cell(totals_row, header.index("获支持资金（元）") + 1).value).startswith(
        "=SUM("
    )
    table = libreoffice(out)
    head, rows, totals = table[0], table[1:-1], table[-1]
    db = open_database(db_url)
    try:
        report = disclosure(db, "cerf", "2026Q4")
    finally:
        db.dispose()
    assert [r[0] for r in rows] == [r.reference for r in report.rows]
    col = {name: head.index(name) for name in head}
    assert fen(totals[col["获支持资金（元）"]]) == report.total_refinanced
    assert fen(totals[col["季末余额（元）"]]) == report.total_outstanding
    assert fen(totals[col["贷款金额（元）"]]) == report.total_amount
    assert sum(fen(r[col["获支持资金（元）"]]) for r in rows) == report.total_refinanced
    assert fen(totals[col["带动年碳减排量（吨CO2e）"]]) == report.total_co2e_t
    assert totals[col["借款人"]] == str(len(report.rows))
    assert report.weighted_rate is not None
    assert Decimal(totals[col["贷款利率"]].rstrip("%")) / 100 == report.weighted_rate


def test_json_totals_and_every_row(db_url: str) -> None:
    done = greendesk(
        "programmes", "report", "cerf", "--quarter", "2026Q4", "--json", "--db", db_url
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    refinanced = sum(Decimal(r["refinanced"]) for r in data["rows"])
    assert Decimal(data["totals"]["refinanced"]) == refinanced
    assert data["rate_source"] == "xinhua-2026-01-15"


def test_eligibility_json_carries_reasons_in_both_languages(db_url: str) -> None:
    done = greendesk(
        "programmes",
        "eligibility",
        "XJ-CJ-2024-002",
        "--as-of",
        "2026-12-31",
        "--json",
        "--db",
        db_url,
    )
    assert done.returncode == 0, done.stderr
    [loan] = json.loads(done.stdout)
    cerf = next(r for r in loan["results"] if r["programme"] == "cerf")
    assert cerf["eligible"] is False
    assert {m["id"] for m in cerf["missing"]} == {"area", "sector"}
    assert all(m["zh"] and m["en"] for m in cerf["missing"])


def test_eligibility_text_in_chinese(db_url: str) -> None:
    done = greendesk(
        "programmes",
        "eligibility",
        "XJ-CJ-2023-001",
        "--as-of",
        "2024-12-31",
        "--lang",
        "zh",
        "--db",
        db_url,
    )
    assert done.returncode == 0, done.stderr
    assert "碳减排支持工具 [2021-11]: 符合" in done.stdout
    assert "再贷款支持 1,311,000,000.00" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "cerf", "--quarter", "2026Q9"), "--quarter"),
        (("report", "cerf", "--quarter", "2026Q4", "-o", "/nonexistent/x.xlsx"), "does not exist"),
        (("report", "cerf", "--quarter", "2026Q4", "-o", "out.pdf"), ".xlsx"),
        (("eligibility", "NO-SUCH-LOAN"), "no loan with reference"),
        (("eligibility", "--as-of", "2026-02-30"), "not a date"),
    ],
)
def test_refused_input_exits_2_naming_the_field(
    db_url: str, args: tuple[str, ...], message: str
) -> None:
    done = greendesk("programmes", *args, "--db", db_url)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", [("portfolio", "pipeline"), ("programmes", "pipeline")])
def test_pipeline_gives_the_gansu_library_totals(db_url: str, command: tuple[str, str]) -> None:
    done = greendesk(*command, "--json", "--db", db_url)
    assert done.returncode == 0, done.stderr
    [gansu] = json.loads(done.stdout)["libraries"]
    assert gansu["projects"] == 49 and gansu["projects_granted"] == 17
    assert gansu["total_investment"] == "25195000000.00"
    assert gansu["loan_demand"] == "16762000000.00"
    assert gansu["credit_granted"] == "12500000000.00"
    assert gansu["disbursed"] == "5816000000.00"
    assert "251.95亿元" in gansu["source"]
