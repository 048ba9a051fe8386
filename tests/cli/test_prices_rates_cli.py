"""``greendesk prices | rates | quorum`` on a seeded SQLite file, as a nightly bank script would.

Each test gets its own copy of one seeded database (seeding once keeps the suite fast). Loans
pledged with an instrument are found here from their pledges and the collateral catalogue, not
from the valuation service under test; stored figures are read back from the database.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from greendesk.cli import main
from greendesk.commands._reference_data import price_text
from greendesk.domain.collateral.types import load_collateral_types
from greendesk.domain.workflow import QuorumRule
from greendesk.services import portfolio, workflow
from greendesk.services.records import market_data
from greendesk.services.records.inputs import PriceInput
from greendesk.services.records.pledges import list_pledges
from greendesk.services.records.results import PriceRecord, RateRecord
from greendesk.services.seeding import seed_demo
from greendesk.store.database import open_database
from greendesk.store.models import Loan

DEMO_PASSWORD = "greendesk-demo"  # the demo accounts' password (seeds/README.md)


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("market_cli") / "seeded.db"
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
    """``main`` in this process against the test's database, logged in with the demo password."""
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    monkeypatch.setenv("GREENDESK_PASSWORD", DEMO_PASSWORD)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main([*args, "--db", url])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def _prices(url: str, instrument: str | None = None) -> list[PriceRecord]:
    db = open_database(url)
    try:
        return market_data.list_prices(db, instrument)
    finally:
        db.dispose()


def _loans_pledged_with(url: str, instrument: str) -> set[str]:
    """References of current loans with a pledge valued by ``instrument`` (own or type default)."""
    defaults = {
        key for key, kind in load_collateral_types().types.items()
        if kind.price_instrument == instrument
    }  # fmt: skip
    db = open_database(url)
    try:
        found = set()
        for loan in portfolio.list_loans(db):
            for pledge in list_pledges(db, loan.id):
                own = pledge.price_instrument
                if own == instrument or (own is None and pledge.collateral_type in defaults):
                    found.add(loan.reference)
        return found
    finally:
        db.dispose()


def _stored_coverage(url: str) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    """Each current loan's stored (collateral value, coverage) as the valuation wrote them."""
    db = open_database(url)
    try:
        current = {loan.id for loan in portfolio.list_loans(db)}
        with db.session() as session:
            rows = session.execute(
                select(Loan.id, Loan.reference, Loan.collateral_value, Loan.coverage_ratio)
            )
            return {ref: (value, cov) for lid, ref, value, cov in rows if lid in current}
    finally:
        db.dispose()


def test_adding_a_cea_price_revalues_exactly_the_cea_pledged_loans(cli: Any, url: str) -> None:
    cea_loans = _loans_pledged_with(url, "CEA")
    assert cea_loans, "the demo portfolio has CEA-pledged loans"
    before = _stored_coverage(url)
    today = date.today().isoformat()

    run = cli("prices", "add", "CEA", today, "83.17", "--source", "SEEE close", "--as", "admin")

    assert run.code == 0, run.err
    assert f"revalued {len(cea_loans)} loans" in run.out
    after = _stored_coverage(url)
    for reference, (value, coverage) in after.items():
        if reference in cea_loans:
            old_value, old_coverage = before[reference]
            assert coverage != old_coverage, reference
            assert value is not None and old_value is not None
            assert value > old_value  # 83.17 is above every earlier CEA price
        else:
            assert (value, coverage) == before[reference], reference
    added = [p for p in _prices(url, "CEA") if p.price_date.isoformat() == today]
    assert [(p.price, p.source) for p in added] == [(Decimal("83.17"), "SEEE close")]


def test_an_officer_may_not_change_prices_and_nothing_is_saved(cli: Any, url: str) -> None:
    prices, coverage = _prices(url), _stored_coverage(url)
    run = cli("prices", "add", "CEA", date.today().isoformat(), "80", "--as", "officer")
    assert run.code == 2
    assert run.err.startswith("greendesk: permission denied") and "Traceback" not in run.err
    assert "maintain carbon prices" in run.err
    assert _prices(url) == prices and _stored_coverage(url) == coverage


@pytest.mark.parametrize(
    ("price_date", "price", "message"),
    [
        ("2026-11-02", "-5", "price: must be greater than 0"),
        ("2026-11-02", "abc", "price: not a number"),
        ("2026-09-30", "71", "price_date: a CEA price for 2026-09-30 already exists"),
        ("2026-13-01", "71", "price_date: not a date (YYYY-MM-DD)"),
    ],
)
def test_a_bad_price_names_field_and_rule_and_saves_nothing(
    cli: Any, url: str, price_date: str, price: str, message: str
) -> None:
    prices, coverage = _prices(url), _stored_coverage(url)
    run = cli("prices", "add", "CEA", price_date, price, "--as", "admin")
    assert run.code == 2
    assert run.err.startswith("greendesk: ") and message in run.err
    assert _prices(url) == prices and _stored_coverage(url) == coverage


def test_every_field_error_is_reported_at_once(cli: Any, url: str) -> None:
    run = cli("prices", "add", " ", "someday", "0", "--unit", "", "--as", "admin")
    assert run.code == 2
    for message in ("instrument: required", "price_date: not a date", "price: must be greater"):
        assert message in run.err
    assert "unit: required" in run.err


def test_correct_by_instrument_and_date_then_by_id_then_delete(cli: Any, url: str) -> None:
    cea_loans = _loans_pledged_with(url, "CEA")
    original = _stored_coverage(url)
    today = date.today().isoformat()
    added = json.loads(cli("prices", "add", "CEA", today, "75", "--json", "--as", "admin").out)
    assert added["revalued_loans"] == len(cea_loans)

    run = cli("prices", "set", "CEA", today, "--price", "76.40", "--as", "admin")
    assert run.code == 0, run.err
    assert f"revalued {len(cea_loans)} loans" in run.out
    run = cli("prices", "set", str(added["id"]), "--source", "corrected", "--json", "--as", "admin")
    corrected = json.loads(run.out)
    assert corrected["price"] == "76.4" and corrected["source"] == "corrected"
    assert corrected["revalued_loans"] == 0  # only the source changed: no figure moved
    stored = [p for p in _prices(url, "CEA") if p.id == added["id"]]
    assert [(p.price, p.source) for p in stored] == [(Decimal("76.40"), "corrected")]

    run = cli("prices", "delete", "CEA", today, "--expect-price", "76.4", "--as", "admin")
    assert run.code == 0, run.err
    assert f"revalued {len(cea_loans)} loans" in run.out
    assert all(p.id != added["id"] for p in _prices(url))
    assert _stored_coverage(url) == original  # the earlier prices value the loans again


def test_correcting_a_price_that_changed_meanwhile_is_refused(cli: Any, url: str) -> None:
    latest = _prices(url, "CEA")[0]  # a script believes the price is still this one
    db = open_database(url)
    try:  # meanwhile an administrator corrects it in the window
        from greendesk.services import auth

        admin = auth.authenticate(db, "admin", DEMO_PASSWORD)
        data = PriceInput(
            instrument=latest.instrument,
            price_date=latest.price_date,
            price=str(latest.price + 1),
            unit=latest.unit,
            source=latest.source or "",
        )
        market_data.update_price(db, admin, latest.id, data, expected=latest)
    finally:
        db.dispose()
    meanwhile = _prices(url)
    target = ("CEA", latest.price_date.isoformat())

    for action in (["set", *target, "--price", "99"], ["delete", *target]):
        run = cli("prices", *action, "--expect-price", str(latest.price), "--as", "admin")
        assert run.code == 2
        assert "changed by someone else" in run.err and "nothing was saved" in run.err
    assert _prices(url) == meanwhile


def test_the_lock_read_by_the_command_reaches_the_service(
    cli: Any, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A correction landing between the command's read and its write is refused too."""
    real_update = market_data.update_price

    def someone_else_first(db: Any, actor: Any, price_id: int, data: Any, *, expected: Any) -> Any:
        rival = PriceInput(
            instrument=expected.instrument,
            price_date=expected.price_date,
            price="55.55",
            unit=expected.unit,
            source="rival",
        )
        real_update(db, actor, price_id, rival, expected=expected)
        return real_update(db, actor, price_id, data, expected=expected)

    monkeypatch.setattr(market_data, "update_price", someone_else_first)
    latest = _prices(url, "CEA")[0]
    run = cli("prices", "set", str(latest.id), "--price", "99", "--as", "admin")
    assert run.code == 2 and "changed by someone else" in run.err
    assert [p.price for p in _prices(url) if p.id == latest.id] == [Decimal("55.55")]


def test_prices_list_json_has_exact_strings(cli: Any, url: str) -> None:
    run = cli("prices", "list", "--instrument", "cea", "--json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    stored = _prices(url, "CEA")
    assert [row["id"] for row in data] == [p.id for p in stored]
    for row, record in zip(data, stored, strict=True):
        assert isinstance(row["price"], str) and Decimal(row["price"]) == record.price
        assert row["price_date"] == record.price_date.isoformat()
        assert row["instrument"] == "CEA"
    text = cli("prices", "list", "--instrument", "CEA").out.splitlines()
    assert len(text) == len(stored) and "58.6" in "\n".join(text)


def test_naming_a_missing_price_or_nothing_to_change(cli: Any) -> None:
    run = cli("prices", "delete", "CEA", "2001-01-01", "--as", "admin")
    assert run.code == 2 and "there is no CEA price for 2001-01-01" in run.err
    run = cli("prices", "set", "9999", "--price", "1", "--as", "admin")
    assert run.code == 2 and "price 9999 does not exist" in run.err
    run = cli("prices", "set", "CEA", "2026-09-30", "--as", "admin")
    assert run.code == 2 and "nothing to change" in run.err


def _rates(url: str) -> list[RateRecord]:
    db = open_database(url)
    try:
        return market_data.list_rates(db)
    finally:
        db.dispose()


def test_rates_add_list_correct_delete(cli: Any, url: str) -> None:
    before = _rates(url)
    run = cli("rates", "add", "LPR1Y", "2026-11-20", "2.95%", "--source", "PBOC", "--as", "admin")
    assert run.code == 0, run.err
    assert "LPR1Y from 2026-11-20 0.0295 (2.95%)" in run.out
    listed = json.loads(cli("rates", "list", "--name", "LPR1Y", "--json").out)
    newest = listed[0]
    assert newest["effective_date"] == "2026-11-20"
    assert isinstance(newest["rate"], str) and Decimal(newest["rate"]) == Decimal("0.0295")
    assert all(row["name"] == "LPR1Y" for row in listed)

    run = cli("rates", "set", "LPR1Y", "2026-11-20", "--rate", "0.029", "--as", "admin")
    assert run.code == 0, run.err
    stored = [r for r in _rates(url) if r.id == newest["id"]]
    assert [r.rate for r in stored] == [Decimal("0.029")]
    run = cli("rates", "delete", str(newest["id"]), "--expect-rate", "2.95%", "--as", "admin")
    assert run.code == 2 and "changed by someone else" in run.err  # it is 2.90% now
    run = cli("rates", "delete", str(newest["id"]), "--expect-rate", "2.90%", "--as", "admin")
    assert run.code == 0, run.err
    assert _rates(url) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["LPR3Y", "2026-11-20", "0.03"], "name: unknown value 'LPR3Y'"),
        (["LPR5Y", "2026-11-20", "40%"], "rate: must be at most 0.36"),
        (["LPR5Y", "2025-05-20", "0.034"], "effective_date: a LPR5Y rate effective 2025-05-20"),
    ],
)
def test_a_bad_rate_is_refused_and_nothing_saved(
    cli: Any, url: str, args: list[str], message: str
) -> None:
    before = _rates(url)
    run = cli("rates", "add", *args, "--as", "admin")
    assert run.code == 2 and message in run.err
    assert _rates(url) == before


def test_an_officer_may_not_change_rates(cli: Any, url: str) -> None:
    before = _rates(url)
    run = cli("rates", "add", "LPR1Y", "2026-11-20", "0.03", "--as", "officer")
    assert run.code == 2 and "permission denied" in run.err
    assert _rates(url) == before


def _quorum(url: str) -> QuorumRule:
    db = open_database(url)
    try:
        return workflow.get_quorum(db)
    finally:
        db.dispose()


def test_quorum_show_and_set(cli: Any, url: str) -> None:
    shown = json.loads(cli("quorum", "show", "--json").out)
    rule = _quorum(url)
    assert shown["min_votes"] == rule.min_votes and shown["share"] == str(rule.share)
    assert shown["inclusive"] is rule.inclusive

    run = cli("quorum", "set", "--min-votes", "5", "--share", "2/3", "--at-least", "--as", "admin")
    assert run.code == 0, run.err
    assert "5 votes, at least 2/3 approving" in run.out
    changed = _quorum(url)
    assert (changed.min_votes, str(changed.share), changed.inclusive) == (5, "2/3", True)
    run = cli("quorum", "set", "--more-than", "--as", "admin")  # the rest is kept
    assert run.code == 0, run.err
    changed = _quorum(url)
    assert (changed.min_votes, str(changed.share), changed.inclusive) == (5, "2/3", False)
    assert cli("quorum", "show").out.strip() == "quorum: 5 votes, more than 2/3 approving"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--min-votes", "0"], "quorum.min_votes: must be at least 1"),
        (["--share", "3/2"], "quorum.share: must be more than 0 and at most 1"),
        (["--share", "half"], "quorum.share: must be a fraction"),
        ([], "nothing to change"),
    ],
)
def test_a_bad_quorum_is_refused(cli: Any, url: str, args: list[str], message: str) -> None:
    before = _quorum(url)
    run = cli("quorum", "set", *args, "--as", "admin")
    assert run.code == 2 and message in run.err
    assert _quorum(url) == before


def test_only_an_administrator_sets_the_quorum(cli: Any, url: str) -> None:
    before = _quorum(url)
    run = cli("quorum", "set", "--min-votes", "2", "--as", "reviewer1")
    assert run.code == 2 and "permission denied" in run.err
    assert _quorum(url) == before


def test_a_nightly_script_in_a_child_process(url: str) -> None:
    """The real command, password from the environment, wrong password refused."""
    env = {k: v for k, v in os.environ.items() if k != "GREENDESK_PASSWORD"}
    env.update({"GREENDESK_DB": url, "GREENDESK_PASSWORD": DEMO_PASSWORD})
    command = [sys.executable, "-m", "greendesk", "prices"]
    today = date.today().isoformat()
    done = subprocess.run(
        [*command, "add", "CCER", today, "101.25", "--json", "--as", "admin"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["price"] == "101.25" and record["instrument"] == "CCER"
    assert record["revalued_loans"] == len(_loans_pledged_with(url, "CCER"))
    env["GREENDESK_PASSWORD"] = "wrong"
    refused = subprocess.run(
        [*command, "delete", "CCER", today, "--as", "admin"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert refused.returncode == 2
    assert refused.stderr.strip() == "greendesk: log-in: wrong user name or password"
    assert [p.price for p in _prices(url, "CCER") if p.price_date.isoformat() == today] == [
        Decimal("101.25")
    ]


@pytest.mark.postgres
def test_prices_on_postgresql(
    pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same revaluation and lock on PostgreSQL, where the service takes a row lock."""
    db = open_database(pg_url)
    try:
        seed_demo(db)
    finally:
        db.dispose()
    monkeypatch.setenv("GREENDESK_PASSWORD", DEMO_PASSWORD)
    today = date.today().isoformat()
    cea_loans = _loans_pledged_with(pg_url, "CEA")
    before = _stored_coverage(pg_url)

    assert main(["prices", "add", "CEA", today, "83.17", "--as", "admin", "--db", pg_url]) == 0
    assert f"revalued {len(cea_loans)} loans" in capsys.readouterr().out
    after = _stored_coverage(pg_url)
    assert {ref for ref in after if after[ref] != before[ref]} == cea_loans

    stale = ["--expect-price", "80", "--as", "admin", "--db", pg_url]
    assert main(["prices", "set", "CEA", today, "--price", "90", *stale]) == 2
    assert "changed by someone else" in capsys.readouterr().err
    assert [p.price for p in _prices(pg_url, "CEA") if p.price_date.isoformat() == today] == [
        Decimal("83.17")
    ]


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("75.5", "75.50"),
        ("72", "72.00"),
        ("58.60", "58.60"),
        ("101.125", "101.125"),
        ("1E+2", "100.00"),
    ],
)
def test_prices_read_with_at_least_two_decimals_and_are_never_rounded(
    stored: str, shown: str
) -> None:
    assert price_text(Decimal(stored)) == shown


def test_a_price_file_is_imported_whole_and_revalues_each_instrument_once(
    cli: Any, url: str, tmp_path: Path
) -> None:
    cea, ccer = _loans_pledged_with(url, "CEA"), _loans_pledged_with(url, "CCER")
    assert cea and ccer and not cea & ccer
    before = _stored_coverage(url)
    today = date.today().isoformat()
    file = tmp_path / "closing.csv"
    file.write_text(
        "\ufeffInstrument,Date,Price,Source\n"  # as Excel saves it: a BOM, capitalised headings
        f"CEA,{today},84.40,SEEE close\nCCER,{today},91.00,CEEX close\n",
        encoding="utf-8",
    )

    run = cli("prices", "import", str(file), "--json", "--as", "admin")

    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert [(r["instrument"], Decimal(r["price"]), r["source"]) for r in result["added"]] == [
        ("CEA", Decimal("84.40"), "SEEE close"),
        ("CCER", Decimal("91.00"), "CEEX close"),
    ]
    assert result["revalued_loans"] == len(cea) + len(ccer)
    after = _stored_coverage(url)
    changed = {ref for ref in after if after[ref] != before[ref]}
    assert changed == cea | ccer


def test_a_price_file_with_bad_rows_saves_nothing_and_names_each_line(
    cli: Any, url: str, tmp_path: Path
) -> None:
    prices, coverage = _prices(url), _stored_coverage(url)
    file = tmp_path / "closing.csv"
    file.write_text(
        "instrument,date,price\n"
        "CEA,2026-11-02,80.00\n"  # line 2: good, but must not be saved alone
        "CEA,2026-11-03,-5\n"  # line 3
        "CEA,2026-09-30,71\n"  # line 4: already stored
        "CCER,2026-11-02,90\n"
        "CCER,2026-11-02,91\n",  # line 6: twice in the file
        encoding="utf-8",
    )
    run = cli("prices", "import", str(file), "--as", "admin")
    assert run.code == 2 and "Traceback" not in run.err
    for message in (
        f"{file}: line 3: price: must be greater than 0",
        f"{file}: line 4: price_date: a CEA price for 2026-09-30 already exists",
        f"{file}: line 6: price_date: a CCER price for 2026-11-02 already exists",
    ):
        assert message in run.err
    assert "line 2" not in run.err and "line 5" not in run.err
    assert _prices(url) == prices and _stored_coverage(url) == coverage


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("instr,date\nCEA,2026-11-02\n", "missing column(s) instrument, price in the header"),
        ("instrument,date,price\n", "no price rows under the header"),
        (b"instrument,date,price\nCEA,2026-11-02,\xff\n", "not a UTF-8 CSV file"),
    ],
)
def test_an_unusable_price_file_is_refused_plainly(
    cli: Any, url: str, tmp_path: Path, content: str | bytes, message: str
) -> None:
    prices = _prices(url)
    file = tmp_path / "closing.csv"
    if isinstance(content, bytes):
        file.write_bytes(content)
    else:
        file.write_text(content, encoding="utf-8")
    run = cli("prices", "import", str(file), "--as", "admin")
    assert run.code == 2 and run.err.startswith("greendesk: ") and message in run.err
    assert _prices(url) == prices
    assert cli("prices", "import", str(tmp_path / "absent.csv"), "--as", "admin").code == 2
