"""Issue 11 point 9: every bad input gives a message naming the field and the rule, exit 2.

Each row was a traceback before (17 of 226 bad inputs). The command runs in-process through
``greendesk.cli.main`` with standard error captured; a traceback would escape as an exception.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from greendesk.cli import main
from greendesk.paths import seeds_dir
from tests.domain.schedule.helpers import terms

FACTS = Path(__file__).parents[1] / "domain" / "classification" / "facts"
Writer = Callable[[Path], list[str]]


def _json_file(data: Any, name: str = "input.json") -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_text(json.dumps(data), "utf-8")
        return path

    return write


def _schedule(data: Any) -> Writer:
    return lambda folder: ["schedule", str(_json_file(data)(folder))]


def _raw(command: str, payload: bytes) -> Writer:
    def args(folder: Path) -> list[str]:
        path = folder / "input.json"
        path.write_bytes(payload)
        return [command, str(path)]

    return args


def _facts(**technology: str) -> dict[str, Any]:
    data = json.loads((FACTS / "mulei_storage_wind_solar.json").read_text("utf-8"))
    data["project"]["technology"].update(technology)
    return data


LATIN1 = json.dumps(terms(), ensure_ascii=False).replace('"CNY"', '"CNY", "memo": "é"')
NESTED = b"[" * 100_000 + b"]" * 100_000
NESTED_OBJECT = b'{"a":' * 50_000 + b"1" + b"}" * 50_000


def _seed_folder(transform: Callable[[Path], None]) -> Writer:
    def args(folder: Path) -> list[str]:
        seeds = folder / "seeds"
        shutil.copytree(seeds_dir(), seeds)
        transform(seeds)
        return ["seed", "--folder", str(seeds), "--db", f"sqlite:///{folder / 'new.db'}"]

    return args


def _reencode(encoding: str) -> Callable[[Path], None]:
    def transform(seeds: Path) -> None:
        loan = sorted((seeds / "loans").glob("*.toml"))[0]
        loan.write_bytes(loan.read_text("utf-8").encode(encoding))

    return transform


def _prices_csv(text: str) -> Writer:
    def args(folder: Path) -> list[str]:
        path = folder / "prices.csv"
        path.write_text(text, "utf-8")
        return ["prices", "import", str(path), "--as", "admin", "--db", f"sqlite:///{folder}/x.db"]

    return args


CASES: list[tuple[str, Writer, str]] = [
    ("amount 1e400", _schedule(terms(amount="1e400")), "amount:"),
    ("amount 400 digits", _schedule(terms(amount="9" * 400)), "amount: "),
    ("amount 10^30", _schedule(terms(amount=str(10**30))), "amount: "),
    ("amount int 10^30", _schedule(terms(amount=10**30)), "amount: "),
    ("rate 1e-400", _schedule(terms(rate={"annual": "1e-400"})), "rate.annual: "),
    ("start year 9999", _schedule(terms(start_date="9999-06-01")), "start_date: "),
    ("schedule nested JSON", _raw("schedule", NESTED), "nested"),
    ("schedule nested object", _raw("schedule", NESTED_OBJECT), "nested"),
    ("schedule Latin-1", _raw("schedule", LATIN1.encode("latin-1")), "UTF-8"),
    ("schedule UTF-16", _raw("schedule", json.dumps(terms()).encode("utf-16")), "UTF-16"),
    ("classify nested JSON", _raw("classify", NESTED), "nested"),
    ("classify Latin-1", _raw("classify", LATIN1.encode("latin-1")), "UTF-8"),
    ("classify UTF-16", _raw("classify", json.dumps(_facts()).encode("utf-16")), "UTF-16"),
    (
        "module efficiency 250 %",
        lambda folder: [
            "classify",
            str(_json_file(_facts(pv_module_efficiency_pct="250"))(folder)),
        ],
        "project.technology.pv_module_efficiency_pct: ",
    ),
    (
        "degradation -3 %",
        lambda folder: [
            "classify",
            str(_json_file(_facts(pv_annual_degradation_pct="-3"))(folder)),
        ],
        "project.technology.pv_annual_degradation_pct: ",
    ),
    ("seed GB18030", _seed_folder(_reencode("gb18030")), "UTF-8"),
    ("seed UTF-16", _seed_folder(_reencode("utf-16")), "UTF-8"),
    (
        "seed nested TOML",
        _seed_folder(lambda s: (s / "reference_rates.toml").write_text("x = " + "[" * 5000)),
        "reference_rates.toml",
    ),
    (
        "CSV extra columns",
        _prices_csv("instrument,date,price\nCEA,2026-11-02,72.10,oops\n"),
        "line 2",
    ),
    (
        "export to a directory",
        lambda folder: ["export", "-o", str(folder), "--db", f"sqlite:///{folder / 'x.db'}"],
        "-o: ",
    ),
]


@pytest.mark.parametrize(("args", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_a_message_and_exit_2(
    args: Writer,
    expected: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GREENDESK_PASSWORD", "greendesk-demo")
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    argv = args(tmp_path)
    capsys.readouterr()
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert expected in err
    assert "Traceback" not in err
