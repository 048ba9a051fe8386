"""``greendesk seed``, ``db`` and ``loans`` through the real command line, in subprocesses."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from greendesk.cli import main
from greendesk.store import migrate

# The article's loans and figures, written out by hand (not read from the seed files).
ARTICLE = {
    "XJ-CJ-2023-001": "2443000000.00",
    "XJ-CJ-2024-002": "360000000.00",
    "XJ-CJ-2024-003": "200000000.00",
    "XJ-CJ-2024-004": "50000000.00",
    "XJ-CJ-2024-005": "395000000.00",
}
ARTICLE_BORROWERS = ("彭阳县盛泽水务投资有限公司", "玉门新奥新能源有限公司")
ARTICLE_PLACES = ("布尔津", "张掖", "彭阳", "木垒", "金塔", "玉门")


def greendesk(
    *args: str, env: dict[str, str] | None = None, ok: bool = True
) -> subprocess.CompletedProcess[str]:
    """The installed command in a child process: the true end-to-end path."""
    full_env = {k: v for k, v in os.environ.items() if k != "GREENDESK_DB"}
    full_env.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "greendesk", *args],
        capture_output=True,
        text=True,
        env=full_env,
        check=False,
    )
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def _loans_json(*args: str, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    data = json.loads(greendesk("loans", "--json", *args, env=env).stdout)
    assert isinstance(data, list)
    return data


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """The same ``main`` in this process (no interpreter start-up per call); GREENDESK_DB unset."""
    monkeypatch.delenv("GREENDESK_DB", raising=False)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def _json(run: Run) -> list[dict[str, Any]]:
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert isinstance(data, list)
    return data


def test_help_lists_the_foundation_commands() -> None:
    out = greendesk("--help").stdout
    for command in ("seed", "db", "loans"):
        assert f"    {command}" in out


def test_seed_then_loans_json_lists_the_article_loans(tmp_path: Path) -> None:
    env = {"GREENDESK_DB": f"sqlite:///{tmp_path / 'x.db'}"}
    first = greendesk("seed", env=env).stdout
    assert "added 11 loans" in first
    again = greendesk("seed", env=env).stdout
    assert "added 0 loans" in again
    loans = _loans_json(env=env)
    by_ref = {loan["reference"]: loan for loan in loans}
    assert len(by_ref) == len(loans) == 11
    for reference, amount in ARTICLE.items():
        assert by_ref[reference]["amount"] == amount
    for loan in loans:
        assert set(loan) >= {"reference", "borrower", "amount", "status", "classification"}
        assert Decimal(loan["amount"]).as_tuple().exponent == -2  # two decimals, as text
        assert isinstance(loan["amount"], str)
    borrowers = {loan["borrower"] for loan in loans}
    assert set(ARTICLE_BORROWERS) <= borrowers
    places = " ".join(f"{loan['borrower']} {loan['project']}" for loan in loans)
    assert all(place in places for place in ARTICLE_PLACES)


def test_db_argument_beats_the_environment(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen, ignored = tmp_path / "chosen.db", tmp_path / "ignored.db"
    monkeypatch.setenv("GREENDESK_DB", f"sqlite:///{ignored}")
    assert cli("seed", "--db", f"sqlite:///{chosen}").code == 0
    assert chosen.exists() and not ignored.exists()
    assert len(_json(cli("loans", "--json", "--db", f"sqlite:///{chosen}"))) == 11
    assert not ignored.exists()
    assert _json(cli("loans", "--json")) == []  # the environment's database, new and empty
    assert ignored.exists()


def test_the_default_store_is_seeded_on_first_run_only(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    loans = _json(cli("loans", "--json"))
    default_file = tmp_path / "data" / "GreenDesk" / "greendesk.db"
    assert default_file.exists()
    assert len(loans) == 11
    # Deleting a demo loan must not bring it back on the next start.
    with sqlite3.connect(default_file) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("DELETE FROM loans WHERE reference = 'XJ-CJ-2024-003'")
    conn.close()
    assert len(_json(cli("loans", "--json"))) == 10


def test_db_upgrade_and_current(cli: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert "no database yet" in cli("db", "current", "--db", url).out
    assert not (tmp_path / "fresh.db").exists()
    out = cli("db", "upgrade", "--db", url).out
    assert f"upgraded from nothing (new database) to {migrate.head_revision()}" in out
    assert "already at revision" in cli("db", "upgrade", "--db", url).out
    current = cli("db", "current", "--db", url).out
    assert f"schema revision {migrate.head_revision()} (latest)" in current


def test_loans_table_and_search(cli: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 't.db'}"
    assert cli("seed", "--db", url).code == 0
    table = cli("loans", "--db", url).out
    assert "2,443,000,000.00" in table and "XJ-CJ-2023-001" in table
    assert table.rstrip().endswith("11 loans")
    found = _json(cli("loans", "--json", "--db", url, "--search", "彭阳"))
    assert [loan["reference"] for loan in found] == ["NX-PY-2024-001"]
    biggest = _json(cli("loans", "--json", "--db", url, "--order-by=-amount"))[0]
    assert (biggest["reference"], biggest["amount"]) == ("XJ-CJ-2023-001", "2443000000.00")
    bad = cli("loans", "--db", url, "--order-by", "password")
    assert bad.code == 2 and "order_by: unknown key" in bad.err


@pytest.mark.postgres
def test_the_same_commands_on_postgresql(cli: Any, pg_url: str) -> None:
    assert cli("seed", "--db", pg_url).code == 0
    loans = _json(cli("loans", "--json", "--db", pg_url))
    amounts = {loan["reference"]: loan["amount"] for loan in loans}
    assert {ref: amounts[ref] for ref in ARTICLE} == ARTICLE


def test_a_bad_seed_folder_exits_2_naming_file_and_field(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "seeds" / "loans"
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text(
        '[borrower]\nname = "x"\ncredit_code = "91652301MA7789H296"\n'
        '[loan]\nreference = "BAD-1"\nbank = "b"\namount = "100.00"\n'
        'start_date = 2025-01-01\nterm_months = 12\nrate_kind = "fixed"\n'
        'annual_rate = "0.035"\n',
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'b.db'}"
    result = cli("seed", "--db", url, "--folder", str(tmp_path / "seeds"))
    assert result.code == 2
    assert "loans/bad.toml: borrower.credit_code: check character" in result.err
    assert _json(cli("loans", "--json", "--db", url)) == []
