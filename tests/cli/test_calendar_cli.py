"""``greendesk calendar import | show`` and ``greendesk schedule`` past the official years,
run as another bank system or an administrator's script would run them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from greendesk.cli import main
from greendesk.services.seeding import seed_demo
from greendesk.store.database import open_database

DEMO_PASSWORD = "greendesk-demo"
NOTICE = Path(__file__).parent.parent / "data" / "calendar" / "notice_2027_test.csv"
TERMS = {  # a 2025 loan as another bank system sends it: CN calendar, no coverage option
    "amount": "300000000.00",
    "start_date": "2025-02-11",
    "term_months": 120,
    "frequency": "quarterly",
    "method": "equal_principal",
    "rate": {"annual": "0.031"},
    "calendar": "CN",
}


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("calendar_cli") / "seeded.db"
    db = open_database(f"sqlite:///{path}")
    try:
        seed_demo(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def url(seeded_file: Path, tmp_path: Path) -> str:
    copy = tmp_path / "desk.db"
    shutil.copyfile(seeded_file, copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    monkeypatch.setenv("GREENDESK_PASSWORD", DEMO_PASSWORD)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def test_schedule_builds_a_cn_loan_past_the_official_years_without_any_option(
    cli: Any, tmp_path: Path
) -> None:
    terms = tmp_path / "terms.json"
    terms.write_text(json.dumps(TERMS), encoding="utf-8")
    run = cli("schedule", str(terms))
    assert run.code == 0, run.err
    out = json.loads(run.out)
    bases = {p["payment_date"][:4]: p["calendar_basis"] for p in out["periods"]}
    assert bases["2026"] == "official" and bases["2027"] == "projected"
    assert out["calendar"]["official_through"] == 2026
    assert out["calendar"]["projected_years"] == list(range(2027, 2036))
    # CSV carries the same basis in its own column, on lender-less borrower rows too
    run = cli("schedule", str(terms), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert [r["calendar_basis"] for r in rows if r["no"] != "total"] == [
        p["calendar_basis"] for p in out["periods"]
    ]
    # the old behaviour for those who ask for it, and the refusal for those who want it
    terms.write_text(json.dumps({**TERMS, "calendar_beyond_coverage": "weekends"}), "utf-8")
    weekends = json.loads(cli("schedule", str(terms)).out)
    assert {p["calendar_basis"] for p in weekends["periods"][8:]} == {"weekends"}
    terms.write_text(json.dumps({**TERMS, "calendar_beyond_coverage": "error"}), "utf-8")
    refused = cli("schedule", str(terms))
    assert refused.code == 2 and "calendar: CN official holidays cover 2015–2026" in refused.err


def test_import_then_show_then_schedule_on_that_desk(cli: Any, url: str, tmp_path: Path) -> None:
    shown = cli("calendar", "show", "2027", "--db", url)
    assert shown.code == 0 and shown.out.startswith("2027: projected")
    run = cli("calendar", "import", str(NOTICE), "--as", "admin", "--db", url)
    assert run.code == 0, run.err
    assert run.out.startswith("2027 loaded: 29 holidays, 5 working weekend days")
    assert "GS-YM-2026-001 (loan " in run.out
    assert "2027-09-16 -> 2027-09-18" in run.out
    shown = cli("calendar", "show", "2027", "--json", "--db", url)
    view = json.loads(shown.out)
    assert view["basis"] == "official" and "notice_2027_test.csv" in view["source"]
    assert {"date": "2027-09-18", "kind": "workday", "name": "中秋节调休上班"} in view["days"]
    again = cli("calendar", "import", str(NOTICE), "--as", "admin", "--db", url)
    assert again.code == 2 and "year: 2027 is already official" in again.err
    replaced = cli("calendar", "import", str(NOTICE), "--as", "admin", "--replace", "--json",
                   "--db", url)  # fmt: skip
    result = json.loads(replaced.out)
    assert result["replaced"] and result["moved"] == []  # the same notice moves nothing more
    assert result["rederived_loans"] > 0
    terms = tmp_path / "terms.json"
    terms.write_text(json.dumps(TERMS), encoding="utf-8")
    on_desk = json.loads(cli("schedule", str(terms), "--db", url).out)
    assert on_desk["calendar"]["official_through"] == 2027
    assert on_desk["calendar"]["projected_years"][0] == 2028


def test_bad_file_is_refused_with_the_line_and_exit_2(cli: Any, url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-08,workday,x\n2027-13-01,holiday,y\n",
        encoding="utf-8",
    )
    run = cli("calendar", "import", str(bad), "--as", "admin", "--db", url)
    assert run.code == 2
    assert "bad.csv: not loaded" in run.err
    assert "line 3: 2027-02-08 is a Monday" in run.err
    assert "line 4: date '2027-13-01' is not a YYYY-MM-DD date" in run.err
    assert "Traceback" not in run.err
    officer = cli("calendar", "import", str(NOTICE), "--as", "officer", "--db", url)
    assert officer.code == 2
    assert cli("calendar", "show", "2027", "--db", url).out.startswith("2027: projected")
    missing = cli("calendar", "import", str(tmp_path / "none.csv"), "--as", "admin", "--db", url)
    assert missing.code == 2 and "cannot read" in missing.err


def test_show_refuses_a_year_out_of_range_as_a_usage_error(url: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "greendesk", "calendar", "show", "2101", "--db", url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "2101 is outside 1990–2100" in proc.stderr
