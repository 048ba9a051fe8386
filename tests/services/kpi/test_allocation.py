"""Use of proceeds: allocations of drawdowns to lines, the refusals, the yearly report and sheet.

The seeded Mulei loan (XJ-CJ-2023-001) has four drawdowns (600, 700, 500, 385 million, all
allocated by seeds/allocations.toml) and three lines (wind 1,100 m, PV 843 m, storage 500 m).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from greendesk.cli import main
from greendesk.domain.errors import UserError
from greendesk.domain.roles import PermissionDenied, Principal, Role
from greendesk.services.allocation import AllocationInput, loan_allocation, record_allocation
from greendesk.services.report_portfolio import export_portfolio
from greendesk.store.database import Database
from greendesk.store.models import AuditEvent, ProceedsAllocation
from tests.services.kpi.conftest import CHECKER, OFFICER

A = AllocationInput
MULEI, BURQIN = "XJ-CJ-2023-001", "XJ-ALT-2024-001"


def test_the_yearly_report_of_the_seeded_syndicated_loan(db: Database) -> None:
    r2023, r2024 = loan_allocation(db, MULEI, 2023), loan_allocation(db, MULEI, 2024)
    # 2023: drawdowns 1-3 allocated (1,800 m); 2024: drawdown 4 (385 m = 200 wind + 185 PV)
    assert [x.allocated for x in r2023.lines] == [D("900000000.00"), D("600000000.00"),
                                                   D("300000000.00")]  # fmt: skip
    assert [x.allocated_in_year for x in r2024.lines] == [D("200000000.00"), D("185000000.00"),
                                                           D("0.00")]  # fmt: skip
    assert [x.unallocated for x in r2024.lines] == [D("0.00"), D("58000000.00"),
                                                     D("200000000.00")]  # fmt: skip
    assert r2024.allocated == D("2185000000.00") and r2024.unallocated == D("258000000.00")
    assert [d.unallocated for d in r2024.drawdowns] == [D("0.00")] * 4
    # impact: 580,000 t × 2,185 m / 3,050 m total investment = 415,508.20 t
    assert r2024.financed_share == D("0.716393")
    assert r2024.attributed_reduction_t == D("415508.20")
    assert loan_allocation(db, MULEI, 2022).allocated == D("0.00")


def test_an_allocation_is_stored_and_audited(db: Database) -> None:
    row = record_allocation(
        db, OFFICER,
        AllocationInput(BURQIN, 1, 1, "6000000.00", "2024-04-10", "草原修复工程合同及付款凭证"),
        today=date(2026, 12, 1),
    )  # fmt: skip
    assert (row.drawdown, row.line, row.amount) == (1, 1, D("6000000.00"))
    report = loan_allocation(db, BURQIN, 2024)
    assert report.lines[0].unallocated == D("9000000.00")
    with db.session() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.action == "loan.allocate_proceeds")
        ).all()
    assert len(actions) == 8 + 1  # the seeded eight and this one


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            A(MULEI, 1, 1, "1.00", "2023-05-01", "x"),
            "amount: more than the 0.00 left of drawdown 1",
        ),
        (
            A(BURQIN, 1, 1, "15000000.01", "2024-04-01", "x"),
            "amount: more than the 15000000.00 left",
        ),
        (A(BURQIN, 2, 1, "1.00", "2024-04-01", "x"), "drawdown: the loan has drawdowns 1 to 1"),
        (
            A(BURQIN, 1, 9, "1.00", "2024-04-01", "x"),
            "line: the loan has use-of-proceeds lines 1 to 1",
        ),
        (
            A(BURQIN, 1, 1, "1.00", "2024-03-01", "x"),
            "allocated_on: before the drawdown date 2024-03-15",
        ),
        (A(BURQIN, 1, 1, "1.00", "2027-01-01", "x"), "allocated_on: in the future"),
        (A(BURQIN, "one", 0, "-1", "soon", " "), "drawdown: must be a whole number"),
        (A(BURQIN, 1, 1, "1.001", "2024-04-01", "x"), "amount: has more than two decimal places"),
        (
            A(BURQIN, 1, 1, "1.00", "2024-04-01", "a\x00b"),
            "evidence: contains the control character U\\+0000",
        ),
        (A("NX-PY-2024-001", 1, 1, "1.00", "2024-04-01", "x"), "is submitted"),
    ],
    ids=[
        "drawdown-full",
        "line-full",
        "no-drawdown",
        "no-line",
        "before-drawdown",
        "future",
        "garbage",
        "fen",
        "control",
        "not-approved",
    ],
)
def test_refusals_name_the_field_and_save_nothing(
    db: Database, data: AllocationInput, message: str
) -> None:
    with db.session() as session:
        before = len(session.scalars(select(ProceedsAllocation)).all())
    with pytest.raises(UserError, match=message.replace("(", r"\(")):
        record_allocation(db, OFFICER, data, today=date(2026, 12, 1))
    with db.session() as session:
        assert len(session.scalars(select(ProceedsAllocation)).all()) == before


def test_garbage_lists_every_field(db: Database) -> None:
    with pytest.raises(UserError) as refused:
        record_allocation(db, OFFICER, AllocationInput(BURQIN, "one", 0, "-1", "soon", " "))
    text = str(refused.value)
    for field in ("drawdown:", "line: at least 1", "amount:", "allocated_on:", "evidence:"):
        assert field in text, field


def test_only_an_officer_allocates(db: Database) -> None:
    with pytest.raises(PermissionDenied):
        record_allocation(db, CHECKER, AllocationInput(BURQIN, 1, 1, "1.00", "2024-04-01", "x"))
    admin = Principal(5, "admin", "管理员", Role.ADMIN)
    with pytest.raises(PermissionDenied):
        record_allocation(db, admin, AllocationInput(BURQIN, 1, 1, "1.00", "2024-04-01", "x"))


def test_the_command_and_the_workbook_sheet(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    url = str(db.engine.url)
    assert main(["allocation", "--year", "2024", "--json", "--db", url]) == 0
    data: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    mulei = next(r for r in data if r["reference"] == MULEI)
    assert mulei["allocated_in_year"] == "385000000.00"
    assert mulei["attributed_reduction_t"] == "415508.20"
    with pytest.raises(SystemExit):
        main(["allocation", "--year", "24x", "--db", url])
    assert "'24x' is not a year" in capsys.readouterr().err

    path = tmp_path / "book.xlsx"
    export_portfolio(db, path, as_of=date(2024, 12, 31), lang="en")
    ws = openpyxl.load_workbook(path)["Allocation"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == MULEI]
    assert [(r[3], D(str(r[7])), D(str(r[9]))) for r in rows] == [
        (1, D(200000000), D(0)), (2, D(185000000), D(58000000)), (3, D(0), D(200000000)),
    ]  # fmt: skip
    # the lines' shares of the reduction add up to the loan's (to the cent, rounding apart)
    assert sum(D(str(r[10])) for r in rows) == pytest.approx(D("415508.20"), abs=D("0.02"))
