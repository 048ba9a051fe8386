"""Numbers and names typed at every entry point go through one strict parser (issue 11 point 8).

Before: ``prices add CEA DATE 75_50`` stored 7550.00, ``"7,5"`` 75.00, ``"1,2,3.4"`` 123.40, a CSV
cell ``"75,50"`` 7550.00, and ``CEA\\x07`` became a new instrument; each revalued loans.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from greendesk.cli import main
from greendesk.domain import validation as v
from greendesk.domain.errors import ErrorCollector
from greendesk.services.records import market_data
from greendesk.services.seeding import seed_demo
from greendesk.store.database import open_database

DEMO_PASSWORD = "greendesk-demo"
DAY = "2026-11-02"


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("typed_numbers") / "seeded.db"
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
def cli(url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    monkeypatch.setenv("GREENDESK_PASSWORD", DEMO_PASSWORD)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main([*args, "--db", url])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def _prices(url: str) -> list[tuple[str, str, Decimal]]:
    db = open_database(url)
    try:
        return [
            (p.instrument, p.price_date.isoformat(), p.price) for p in market_data.list_prices(db)
        ]
    finally:
        db.dispose()


@pytest.mark.parametrize("price", ["75_50", "7,5", "1,2,3.4", "75,50", "1e2", "７５_５０"])
def test_a_misread_price_on_the_command_line_is_refused(cli: Any, url: str, price: str) -> None:
    before = _prices(url)
    run = cli("prices", "add", "CEA", DAY, price, "--as", "admin")
    assert run.code == 2, run.out
    assert "price:" in run.err and "Traceback" not in run.err
    assert _prices(url) == before


@pytest.mark.parametrize(("typed", "stored"), [("1,234.50", "1234.50"), ("７５．５", "75.5")])
def test_grouped_and_full_width_prices_are_read_exactly(
    cli: Any, url: str, typed: str, stored: str
) -> None:
    run = cli("prices", "add", "CEA", DAY, typed, "--as", "admin")
    assert run.code == 0, run.err
    assert ("CEA", DAY, Decimal(stored)) in _prices(url)


def test_a_csv_cell_with_a_comma_decimal_is_refused_naming_the_line(
    cli: Any, url: str, tmp_path: Path
) -> None:
    file = tmp_path / "prices.csv"
    file.write_text(f'instrument,date,price\nCEA,{DAY},72.10\nCCER,{DAY},"75,50"\n', "utf-8")
    before = _prices(url)
    run = cli("prices", "import", str(file), "--as", "admin")
    assert run.code == 2
    assert "line 3: price:" in run.err and "thousands" in run.err
    assert _prices(url) == before


@pytest.mark.parametrize("name", ["CEA\x07", "CE\x00A", "CEA\u200b", "CEA\x1b[31m"])
def test_control_characters_are_refused_in_an_instrument(cli: Any, url: str, name: str) -> None:
    before = _prices(url)
    run = cli("prices", "add", name, DAY, "72.00", "--as", "admin")
    assert run.code == 2 and "instrument:" in run.err and "control character" in run.err
    assert _prices(url) == before


@pytest.mark.parametrize(
    ("typed", "stored"), [("3.45%", "0.0345"), ("3.45", "0.0345"), ("0.0345", "0.0345")]
)
def test_rates_typed_three_ways_are_one_rate(cli: Any, url: str, typed: str, stored: str) -> None:
    run = cli("rates", "add", "LPR1Y", "2026-11-20", typed, "--as", "admin")
    assert run.code == 0, run.err
    db = open_database(url)
    try:
        rates = {(r.name, r.effective_date.isoformat()): r.rate for r in market_data.list_rates(db)}
    finally:
        db.dispose()
    assert rates[("LPR1Y", "2026-11-20")] == Decimal(stored)


@pytest.mark.parametrize(
    ("typed", "yuan"),
    [("7.2亿", "720000000.00"), ("9.6万", "96000.00"), ("24.43亿元", "2443000000.00")],
)
def test_service_amounts_take_wan_and_yi(typed: str, yuan: str) -> None:
    errors = ErrorCollector()
    assert v.check_money(errors, "amount", typed) == Decimal(yuan)
    assert not errors


@pytest.mark.parametrize(
    "field", ["name", "credit_code", "region", "reference", "unit", "instrument", "code"]
)
def test_every_name_and_code_refuses_control_characters(field: str) -> None:
    errors = ErrorCollector()
    assert v.check_text(errors, field, "CEA\x07", field) is None
    assert "control character" in str(errors.errors[0])


def test_long_text_keeps_line_breaks_but_not_other_controls() -> None:
    errors = ErrorCollector()
    assert v.check_text(errors, "note", "first line\nsecond\tline", "note") == (
        "first line\nsecond\tline"
    )
    assert v.check_text(errors, "note", "bell\x07", "note") is None
    assert len(errors.errors) == 1


def test_a_display_name_with_a_control_character_is_refused(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("a-long-enough-password\n"))
    run = cli(
        "users",
        "add",
        "clerk",
        "--role",
        "officer",
        "--name",
        "Clerk\x07",
        "--password-stdin",
        "--as",
        "admin",
    )
    assert run.code == 2 and "display_name: contains the control character U+0007" in run.err


@pytest.mark.parametrize(("typed", "whole"), [("15", 15), ("-15", -15), ("１５", 15), (" 7 ", 7)])
def test_whole_numbers_are_read_by_the_same_parser(typed: str, whole: int) -> None:
    errors = ErrorCollector()
    assert v.check_int(errors, "spread_bps", typed) == whole
    assert not errors


@pytest.mark.parametrize("typed", ["1_5", "1e2", "7.5", "٣", "0x10"])
def test_whole_numbers_refuse_what_int_would_misread(typed: str) -> None:
    errors = ErrorCollector()
    assert v.check_int(errors, "spread_bps", typed) is None
    assert str(errors.errors[0]) == "spread_bps: must be a whole number"
