"""``greendesk kpi`` and ``greendesk schedule --loan`` through the real ``main``, on a seeded copy.

The desk's clock is held at 2026-12-01 (``services.kpi_settings.today``): the 395,000,000.00
transition loan's second test (2026-12-31) is then due in 30 days and its first (2025-12-31)
overdue.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from greendesk.cli import main
from greendesk.services import kpi_settings
from greendesk.services.auth import DEMO_PASSWORD
from greendesk.store.database import Database

METHANOL = "XJ-CJ-2024-005"
KPI = "单位甲醇二氧化碳排放强度"
TODAY = date(2026, 12, 1)


@pytest.fixture
def run(db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    monkeypatch.setenv("GREENDESK_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setattr(kpi_settings, "today", lambda: TODAY)
    url = str(db.engine.url)

    def call(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*args, "--db", url])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def _record(run: Any, report: Path | None, *extra: str, user: str = "reviewer1") -> Any:
    args = ["kpi", "record", METHANOL, "--kpi", KPI, "--date", "2026-12-31", "--value", "3.05",
            "--verifier", "中环联合认证中心", "--as", user, *extra]  # fmt: skip
    if report is not None:
        args += ["--report", str(report)]
    return run(*args)


def test_record_a_verified_observation_then_read_both_schedule_versions(
    run: Any, tmp_path: Path
) -> None:
    report = tmp_path / "核查报告.pdf"
    report.write_bytes(b"%PDF-1.7\n")
    code, before, _ = run("schedule", "--loan", METHANOL)
    assert code == 0
    code, out, err = _record(run, report, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["observation"]["verified"] is True
    assert data["observation"]["comparison_zh"] == f"{KPI} 3.05 ≤ 目标 3.1：达标"
    assert data["decision"]["outcome"] == "met" and data["decision"]["adjust_bps"] == -5

    code, now, err = run("schedule", "--loan", METHANOL)
    assert code == 0 and "schedule version 2 of 2" in err
    code, first, err = run("schedule", "--loan", METHANOL, "--version", "1")
    assert code == 0 and "version 1 of 2" in err and json.loads(first) == json.loads(before)
    old, new = json.loads(first)["periods"], json.loads(now)["periods"]
    for a, b in zip(old, new, strict=True):
        moved = b["start"] >= "2026-12-31"
        assert Decimal(b["rate"]) == Decimal(a["rate"]) - (Decimal("0.0005") if moved else 0)
    code, text, _ = run("schedule", "--loan", METHANOL, "--format", "csv", "--version", "2")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["rate"] for r in rows if r["party"] == "borrower" and r["no"] != "total"] == [
        p["rate"] for p in new
    ]

    code, listed, _ = run("kpi", "list", METHANOL, "--json")
    shown = json.loads(listed)
    assert shown["cumulative_bps"] == -5
    assert [v["version"] for v in shown["versions"]] == [1, 2]
    code, plain, _ = run("kpi", "list", METHANOL)
    assert "test 2026-12-31 (deadline 2027-04-30): met (step-down) -5 bps" in plain


def test_the_officer_of_record_enters_an_observation_that_does_not_count(
    run: Any, tmp_path: Path
) -> None:
    report = tmp_path / "r.pdf"
    report.write_bytes(b"%PDF")
    code, out, err = _record(run, report, user="officer")
    assert code == 0, err
    assert "NOT verified" in out and "officer of record" in out
    assert "the margin is unchanged" in out
    code, _, err = run("schedule", "--loan", METHANOL, "--version", "2")
    assert code == 2 and "versions 1 to 1, not 2" in err


def test_alerts_and_review(run: Any) -> None:
    code, out, _ = run("kpi", "alerts", "--json")
    mine = [a for a in json.loads(out) if a["reference"] == METHANOL]
    assert [(a["kind"], a["test_date"], a["days"]) for a in mine] == [
        ("kpi_test_overdue", "2025-12-31", 215),
        ("kpi_test_due", "2026-12-31", 30),
    ]
    code, out, err = run("kpi", "review", METHANOL, "--as", "reviewer1")
    assert code == 0, err
    assert f"{METHANOL} {KPI} 2025-12-31: lapsed, margin +5 bps, schedule version 2" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--value", "abc"], "value: not a number"),
        (["--value", "1e999999"], "value: not a number"),  # exponents are not typed by people
        (["--kpi", "碳排放"], "has no KPI '碳排放'"),
        (["--date", "2026-12-30"], "2026-12-30 is not a test date"),
        (["--date", "31/12/2026"], "test_date: not a date (YYYY-MM-DD)"),
        (["--verifier", "CQC\x07"], "verifier: contains the control character U+0007"),
        (["--period-end", "2027-01-01"], "period_end: after the test date"),
    ],
    ids=["value-text", "value-huge", "kpi", "date", "date-format", "control", "period"],
)
def test_bad_input_names_the_field_exits_2_and_saves_nothing(
    run: Any, args: list[str], message: str
) -> None:
    base = {"--kpi": KPI, "--date": "2026-12-31", "--value": "3.05", "--verifier": "CQC"}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    flat = [x for pair in base.items() for x in pair]
    code, _, err = run("kpi", "record", METHANOL, *flat, "--as", "reviewer1")
    assert code == 2 and message in err and "Traceback" not in err
    code, out, _ = run("kpi", "list", METHANOL, "--json")
    assert json.loads(out)["observations"] == []


def test_a_missing_or_empty_report_file_is_refused(run: Any, tmp_path: Path) -> None:
    code, _, err = _record(run, tmp_path / "nowhere.pdf")
    assert code == 2 and "--report: cannot read" in err
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    code, _, err = _record(run, empty)
    assert code == 2 and "report: empty.pdf: the file is empty" in err


def test_schedule_arguments(run: Any) -> None:
    code, _, err = run("schedule", "--version", "1")
    assert code == 2 and "TERMS.json or --loan REF is required" in err
    code, _, err = run("schedule", "--loan", "NO-SUCH")
    assert code == 2 and "no loan with reference 'NO-SUCH'" in err
    code, _, err = run("schedule", "--loan", METHANOL, "--version", "0")
    assert code == 2 and "--version: must be 1 or more" in err
