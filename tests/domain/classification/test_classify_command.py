"""``greendesk classify FACTS.json`` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from greendesk.cli import main

from .conftest import FACTS_DIR


def test_classify_prints_the_result_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["classify", str(FACTS_DIR / "coal_chemical_transition_linked.json")])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["primary"] == "transition"
    assert out["labels"] == ["transition", "carbon_linked"]
    assert out["transition"]["eligible_amount"] == "395000000.00"


def test_bad_facts_list_every_error_and_exit_2(tmp_path: Path) -> None:
    facts = json.loads((FACTS_DIR / "mulei_storage_wind_solar.json").read_text(encoding="utf-8"))
    facts["loan"]["amount"] = "1000000000.00"
    facts["project"]["catalogue_code"] = "2019:8.8.8"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "greendesk", "classify", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "project.catalogue_code: no item 8.8.8 in the 2019 catalogue" in run.stderr
    assert "loan.use_of_proceeds: total 2443000000.00 is above loan.amount" in run.stderr
    assert run.stdout == ""


def test_not_json_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "facts.json"
    path.write_text("{not json", encoding="utf-8")
    assert main(["classify", str(path)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
