"""JSON and CSV output, and the ``greendesk schedule`` command end to end."""

from __future__ import annotations

import copy
import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from greendesk.cli import main
from greendesk.domain.schedule import build_schedule, parse_terms, schedule_to_csv, schedule_to_json
from greendesk.paths import resources_dir
from tests.domain.schedule.helpers import SYNDICATE

SCHEMA = json.loads((resources_dir() / "schemas" / "schedule.schema.json").read_text())
TWO_PLACES = r"^-?\d+\.\d{2}$"


def _json() -> dict:
    return schedule_to_json(build_schedule(parse_terms(SYNDICATE)))


def test_json_has_exactly_the_contract_shape() -> None:
    out = _json()
    assert set(out) == {"periods", "totals", "calendar", "lenders"}
    assert set(out["periods"][0]) == {
        "no", "start", "end", "payment_date", "days", "rate", "opening_balance", "drawdown",
        "principal", "interest", "fees", "payment", "closing_balance", "calendar_basis",
    }  # fmt: skip
    assert set(out["totals"]) == {"drawdown", "principal", "interest", "fees", "payment"}
    lender = out["lenders"][0]
    assert set(lender) == {"name", "role", "share", "periods", "totals"}
    assert set(lender["periods"][0]) == {
        "no", "payment_date", "drawdown", "principal", "interest", "fees", "payment",
    }  # fmt: skip
    assert out["periods"][0]["opening_balance"] == "0.00"
    assert out["periods"][0]["drawdown"] == "800000000.00"
    assert out["totals"]["principal"] == "2443000000.00"
    Draft202012Validator(SCHEMA).validate(out)
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out


def test_csv_carries_the_same_figures_as_json() -> None:
    schedule = build_schedule(parse_terms(SYNDICATE))
    data = schedule_to_json(schedule)
    rows = list(csv.DictReader(io.StringIO(schedule_to_csv(schedule))))
    borrower = [r for r in rows if r["party"] == "borrower"]
    assert len(borrower) == len(data["periods"]) + 1
    for row, period in zip(borrower, data["periods"], strict=False):
        assert {k: row[k] for k in period} == {k: str(v) for k, v in period.items()}
    assert borrower[-1]["no"] == "total"
    assert borrower[-1]["payment"] == data["totals"]["payment"]
    for lender in data["lenders"]:
        mine = [r for r in rows if r["party"] == lender["name"]]
        assert len(mine) == len(lender["periods"]) + 1
        assert {r["role"] for r in mine} == {lender["role"]}
        assert mine[-1]["principal"] == lender["totals"]["principal"]
        column_sum = sum((Decimal(r["interest"]) for r in mine[:-1]), Decimal(0))
        assert f"{column_sum:.2f}" == lender["totals"]["interest"]


def test_command_prints_json_and_writes_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terms_file = tmp_path / "terms.json"
    terms_file.write_text(json.dumps(SYNDICATE, ensure_ascii=False), encoding="utf-8")
    assert main(["schedule", str(terms_file)]) == 0
    assert json.loads(capsys.readouterr().out) == _json()
    out_file = tmp_path / "schedule.csv"
    assert main(["schedule", str(terms_file), "--format", "csv", "-o", str(out_file)]) == 0
    assert capsys.readouterr().out == ""
    assert out_file.read_text(encoding="utf-8") == schedule_to_csv(
        build_schedule(parse_terms(SYNDICATE))
    )


def test_command_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(SYNDICATE)))
    assert main(["schedule", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["totals"] == _json()["totals"]


def test_bad_terms_exit_2_listing_every_rule_without_traceback(tmp_path: Path) -> None:
    bad = copy.deepcopy(SYNDICATE)
    bad["amount"] = 2443000000.0
    bad["drawdowns"][3]["date"] = "2041-01-01"
    bad["method"] = "balloon"
    terms_file = tmp_path / "bad.json"
    terms_file.write_text(json.dumps(bad), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "greendesk", "schedule", str(terms_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[0] == f"greendesk: {terms_file}: invalid terms"
    assert 'amount: must be a decimal string such as "0.0345", not a floating-point number' in lines
    assert "method: must be one of: annuity, equal_principal, bullet, custom" in lines
    assert "drawdowns[3].date: after maturity" in lines


def test_invalid_json_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    terms_file = tmp_path / "broken.json"
    terms_file.write_text("{", encoding="utf-8")
    assert main(["schedule", str(terms_file)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_terms_schema_accepts_the_examples_and_refuses_floats_and_unknown_fields() -> None:
    schema = json.loads((resources_dir() / "schemas" / "terms.schema.json").read_text())
    validator = Draft202012Validator(schema)
    Draft202012Validator.check_schema(schema)
    validator.validate(SYNDICATE)
    for bad in (
        {**SYNDICATE, "amount": 2443000000.0},
        {**SYNDICATE, "colour": "green"},
        {**SYNDICATE, "frequency": "weekly"},
        {**SYNDICATE, "rate": {"annual": "3.45"}},
    ):
        assert not validator.is_valid(bad)
