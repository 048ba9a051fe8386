"""``greendesk loans`` with filters and ``greendesk portfolio summary``, in this process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from greendesk.cli import main
from greendesk.services.loan_filter import LoanFilter
from greendesk.services.portfolio_summary import portfolio_summary
from greendesk.services.seeding import open_desk


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    assert main(["seed", "--db", url]) == 0
    return url


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's usage errors (a bad date)
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _refs(capsys: pytest.CaptureFixture[str], desk: str, *args: str) -> list[str]:
    code, out, err = _run(capsys, "loans", "--json", "--db", desk, *args)
    assert code == 0, err
    return [loan["reference"] for loan in json.loads(out)]


def test_loans_takes_the_filters(capsys: pytest.CaptureFixture[str], desk: str) -> None:
    everything = _refs(capsys, desk)
    assert len(everything) == 11
    gansu = _refs(capsys, desk, "--region", "甘肃")
    assert gansu and all(r.startswith("GS-") for r in gansu)
    assert _refs(capsys, desk, "--search", "碳汇 新疆") == ["XJ-ALT-2024-001"]
    assert _refs(capsys, desk, "--search", "2019:3.2.2") != []
    two = _refs(capsys, desk, "--class", "green", "--class", "transition")
    assert set(two) > set(_refs(capsys, desk, "--class", "green"))
    disbursed_green = _refs(capsys, desk, "--status", "disbursed", "--class", "green")
    assert set(disbursed_green) < set(_refs(capsys, desk, "--status", "disbursed"))
    below = _refs(capsys, desk, "--coverage-below", "130%")
    assert below == _refs(capsys, desk, "--coverage-below", "1.3") != []
    assert set(below) <= set(everything)
    assert _refs(capsys, desk, "--start-from", "2030-01-01") == []
    cea = _refs(capsys, desk, "--collateral", "cea", "--order-by=-amount")
    assert len(cea) == 2
    assert _refs(capsys, desk, "--category", "2019:4") != []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--class", "greenish"), "class: unknown value 'greenish' (one of: carbon_linked"),
        (("--status", "paid", "--collateral", "gold"), "collateral: unknown value 'gold'"),
        (("--coverage-below", "lots"), "coverage_below: 'lots' is not a number"),
        (("--coverage-below", "0"), "coverage_below: must be above 0"),
        (("--start-from", "2025-02-30"), "is not a date"),
        (("--start-from", "2025-02-02", "--start-to", "2025-01-01"), "start_from: later than"),
        (("--search", "x" * 300), "search: longer than 200 characters"),
    ],
)
def test_bad_filters_exit_2_with_the_rule(
    capsys: pytest.CaptureFixture[str], desk: str, args: tuple[str, ...], said: str
) -> None:
    code, _out, err = _run(capsys, "loans", "--db", desk, *args)
    assert code == 2
    assert said in err and "Traceback" not in err


def test_summary_json_is_the_services_figures(
    capsys: pytest.CaptureFixture[str], desk: str
) -> None:
    code, out, err = _run(capsys, "portfolio", "summary", "--json", "--db", desk)
    assert code == 0, err
    data = json.loads(out)
    db = open_desk(desk)
    try:
        summary = portfolio_summary(db)
        gansu = portfolio_summary(db, LoanFilter(regions=("甘肃",)))
    finally:
        db.dispose()
    assert data["loans"] == summary.loans == 11
    assert data["amount"] == "6629500000.00"
    assert {g["key"]: (g["count"], g["amount"]) for g in data["by_class"]} == {
        g.key: (g.count, f"{g.amount:.2f}") for g in summary.by_class
    }
    assert [g["key"] for g in data["coverage"]] == [g.key for g in summary.coverage]
    assert sum(g["count"] for g in data["coverage"]) == 11
    assert all(isinstance(g["amount"], str) for g in data["maturity"])
    code, out, _ = _run(capsys, "portfolio", "summary", "--json", "--region", "甘肃", "--db", desk)
    assert json.loads(out)["loans"] == gansu.loans < 11
    code, out, _ = _run(capsys, "portfolio", "summary", "--db", desk)
    assert code == 0
    assert "Green share by catalogue category" in out and "2019:3 清洁能源产业" in out
    assert "6,629,500,000.00" in out
