"""``greendesk collateral --lang zh|en`` and the bilingual ``--json``, on a seeded SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from greendesk.cli import main
from greendesk.services.seeding import seed_demo
from greendesk.store.database import open_database

CEA_CROSS_PERIOD = "XJ-CJ-2024-002"
AS_OF = "2025-10-15"
# The engine's wording for this loan's alerts, written out by hand.
EN_SURRENDER = "pledge 1: 2023 allowances must be surrendered by 2024-12-31"
ZH_SURRENDER = "押品 1：2023 年度配额须于 2024-12-31 前清缴"
EN_COVERAGE = "collateral coverage 66.09% is below the loan's threshold 100.00%"
ZH_COVERAGE = "押品覆盖率 66.09% 低于本笔贷款警戒线 100.00%"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("collateral_lang") / "desk.db"
    db = open_database(f"sqlite:///{path}")
    try:
        seed_demo(db)
    finally:
        db.dispose()
    return f"sqlite:///{path}"


def _run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> str:
    code = main(["collateral", CEA_CROSS_PERIOD, "--as-of", AS_OF, "--db", url, *args])
    out = capsys.readouterr().out
    assert code == 0
    return out


def test_text_report_is_english_by_default(capsys: pytest.CaptureFixture[str], url: str) -> None:
    out = _run(capsys, url)
    assert EN_SURRENDER in out
    assert EN_COVERAGE in out
    assert "! warning:" in out
    assert "coverage 0.6609 (threshold 1)" in out
    assert "Carbon emission allowance" in out  # the type's English name
    assert ZH_SURRENDER not in out and ZH_COVERAGE not in out
    assert _run(capsys, url, "--lang", "en") == out


def test_text_report_in_chinese(capsys: pytest.CaptureFixture[str], url: str) -> None:
    out = _run(capsys, url, "--lang", "zh")
    assert ZH_SURRENDER in out
    assert ZH_COVERAGE in out
    assert "! 警告:" in out
    assert "覆盖率 0.6609 (阈值 1)" in out
    assert "碳排放配额（CEA）" in out
    assert EN_SURRENDER not in out and "warning" not in out
    # the figures are the same in both languages
    english = _run(capsys, url)
    for figure in ("339,880,000.00", "237,916,000.00", "106,652,000.00", "2026-05-20"):
        assert figure in out and figure in english


def _alerts(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> list[dict[str, Any]]:
    [loan] = json.loads(_run(capsys, url, "--json", *args))
    assert loan["reference"] == CEA_CROSS_PERIOD
    alerts = loan["alerts"]
    assert isinstance(alerts, list)
    return alerts


def test_json_always_carries_both_languages(capsys: pytest.CaptureFixture[str], url: str) -> None:
    alerts = _alerts(capsys, url)
    assert [a["kind"] for a in alerts] == [
        "coverage_below_threshold",
        "allowance_surrendered_before_maturity",
        "allowance_surrendered_before_maturity",
    ]
    for alert in alerts:
        assert alert["message"] == alert["en"]  # the key older readers use
        assert alert["zh"] != alert["en"]
    assert alerts[0]["zh"].startswith(ZH_COVERAGE)
    assert alerts[0]["en"].startswith(EN_COVERAGE)
    assert alerts[1]["zh"].startswith(ZH_SURRENDER)
    assert alerts[1]["en"].startswith(EN_SURRENDER)
    assert _alerts(capsys, url, "--lang", "zh") == alerts  # --lang never narrows the JSON


def test_unknown_language_is_refused(url: str, tmp_path: Path) -> None:
    """Through the installed entry point: argparse refuses the choice with exit status 2."""
    env = {k: v for k, v in os.environ.items() if k != "GREENDESK_DB"}
    result = subprocess.run(
        [sys.executable, "-m", "greendesk", "collateral", "--lang", "fr", "--db", url],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2
    assert "--lang" in result.stderr and "'fr'" in result.stderr
