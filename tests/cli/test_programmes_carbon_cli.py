"""``greendesk programmes carbon-account`` and ``reviews`` through the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from greendesk.services.seeding import seed_demo
from greendesk.store.database import open_database

CHP_CODE_QUERY = "XJ-CJ-2024-002"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    db = open_database(url)
    seed_demo(db)
    db.dispose()
    return url


def greendesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GREENDESK_DB"}
    env["GREENDESK_PASSWORD"] = "greendesk-demo"
    return subprocess.run(
        [sys.executable, "-m", "greendesk", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_add_show_and_resolve(db_url: str) -> None:
    code = "91652301MA7731D404"  # 新疆昌吉准东热电有限公司 in seeds/loans/07-…
    added = greendesk(
        "programmes",
        "carbon-account",
        "add",
        code,
        "--platform",
        "新能源云昌吉州碳中和支撑服务平台",
        "--grade",
        "E",
        "--date",
        "2026-11-30",
        "--source",
        "平台评级",
        "--as",
        "officer",
        "--json",
        "--db",
        db_url,
    )
    assert added.returncode == 0, added.stderr
    data = json.loads(added.stdout)
    assert data["grade_changed"] is True
    assert [a["reference"] for a in data["flagged"]] == [CHP_CODE_QUERY]
    shown = json.loads(
        greendesk("programmes", "carbon-account", "show", code, "--json", "--db", db_url).stdout
    )
    assert shown["grade"] == "E" and shown["proposal"]["referral"] is True
    [review] = json.loads(greendesk("programmes", "reviews", "--json", "--db", db_url).stdout)
    done = greendesk(
        "programmes",
        "reviews",
        "--resolve",
        str(review["id"]),
        "--note",
        "提交贷审会",
        "--as",
        "officer",
        "--json",
        "--db",
        db_url,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--grade", "Z"), "grade: must be one of"),
        (("--grade", "B", "--intensity", "abc"), "intensity: must be a number"),
        (("--grade", "B", "--as", "reviewer1"), "reviewer"),
    ],
)
def test_refusals_exit_2(db_url: str, args: tuple[str, ...], message: str) -> None:
    base = [
        "programmes",
        "carbon-account",
        "add",
        "91652301MA7731D404",
        "--platform",
        "p",
        "--date",
        "2026-11-30",
        "--source",
        "s",
        "--db",
        db_url,
    ]
    if "--as" not in args:
        base += ["--as", "officer"]
    done = greendesk(*base, *args)
    assert done.returncode == 2, done.stdout
    assert message in done.stderr.lower() or message in done.stderr
    assert "Traceback" not in done.stderr
