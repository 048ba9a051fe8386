"""``greendesk memo --all-submitted/--status/--refs -o DIR``: many memos on worker processes.

The demo portfolio is seeded into a real SQLite file; the memos are rendered by real spawned
worker processes and read back with poppler (pdftotext), and compared with the one-loan command.
Bad arguments must give exit status 2, a message naming the option, no traceback and no folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from greendesk.cli import main
from greendesk.services.memo_batch import file_name, output_paths, parse_refs
from greendesk.services.seeding import seed_demo
from greendesk.store.database import open_database
from greendesk.store.models import Loan
from greendesk.store.queries import is_current_version
from tests.reporting.pdftools import pages, text

DATE = "2026-06-30"


@dataclass
class Run:
    code: int
    err: str


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One seeded demo database for the module (the memo commands only read it)."""
    path = tmp_path_factory.mktemp("memo-batch") / "demo.db"
    db = open_database(f"sqlite:///{path}")
    seed_demo(db)
    db.dispose()
    yield f"sqlite:///{path}"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.delenv("GREENDESK_DB", raising=False)

    def run(*args: str) -> Run:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's own usage errors
            code = exc.code if isinstance(exc.code, int) else 1
        return Run(code, capsys.readouterr().err)

    return run


def _refs(url: str, status: str) -> list[str]:
    db = open_database(url)
    try:
        with db.session() as session:
            query = select(Loan.reference).where(is_current_version(), Loan.status == status)
            return sorted(session.scalars(query))
    finally:
        db.dispose()


def _normal(pdf_text: str) -> str:
    return re.sub(r"\s+", " ", pdf_text).strip()


def test_status_batch_writes_one_memo_per_loan_like_the_single_command(
    url: str, cli: object, tmp_path: Path
) -> None:
    expected = _refs(url, "disbursed")
    assert len(expected) >= 5
    out = tmp_path / "memos"
    run = cli("memo", "--status", "disbursed", "-o", str(out), "--workers", "2",  # type: ignore[operator]
              "--date", DATE, "--db", url)  # fmt: skip
    assert run.code == 0, run.err
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{r}.pdf" for r in expected)
    assert f"{len(expected)}/{len(expected)}" in run.err and "memos/s" in run.err
    assert "Traceback" not in run.err
    single = tmp_path / "single.pdf"
    assert cli("memo", expected[0], "-o", str(single), "--date", DATE, "--db", url).code == 0  # type: ignore[operator]
    assert _normal(text(out / f"{expected[0]}.pdf")) == _normal(text(single))
    for ref in expected:
        pdf = out / f"{ref}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF") and pages(pdf) >= 2
        assert ref in text(pdf)


def test_all_submitted_and_refs_choose_exactly_those(url: str, cli: object, tmp_path: Path) -> None:
    submitted = _refs(url, "submitted")
    assert submitted
    run = cli("memo", "--all-submitted", "-o", str(tmp_path / "s"), "--workers", "1",  # type: ignore[operator]
              "--db", url)  # fmt: skip
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [f"{r}.pdf" for r in submitted]
    refs = ["XJ-CJ-2024-004", "GS-ZY-2024-001", "XJ-CJ-2024-004"]  # a repeat is one memo
    run = cli("memo", "--refs", " , ".join(refs), "-o", str(tmp_path / "r"), "--db", url)  # type: ignore[operator]
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == [
        "GS-ZY-2024-001.pdf",
        "XJ-CJ-2024-004.pdf",
    ]


def test_a_status_without_loans_writes_nothing(url: str, cli: object, tmp_path: Path) -> None:
    run = cli("memo", "--status", "returned", "-o", str(tmp_path / "none"), "--db", url)  # type: ignore[operator]
    assert run.code == 0 and "no memo written" in run.err
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--refs", "XJ-CJ-2023-001,,GS-ZY-2024-001"], "--refs: an empty reference"),
        (["--refs", ","], "--refs: an empty reference"),
        (["--refs", ""], "--refs: an empty reference"),
        (
            ["--refs", "XJ-CJ-2023-001,NO-SUCH-LOAN"],
            "--refs: no loan with reference 'NO-SUCH-LOAN'",
        ),
        (
            ["--refs", "XJ-CJ-2023-001\x1b[31m"],
            "--refs: 'XJ-CJ-2023-001\\x1b[31m' contains a control",
        ),
        (["--refs", "A\u0085B"], "contains a control character"),
        (["--refs", "'; DROP TABLE loans; --"], "no loan with reference"),
        (["--refs", ",".join(f"R{i}" for i in range(10_001))], "at most 10,000"),
        (["--status", "Submitted"], "--status: 'Submitted' is not a status"),
        (["--status", "已提交"], "--status: '已提交' is not a status"),
        (["--status", ""], "--status: '' is not a status"),
        (["--all-submitted", "--status", "draft"], "not allowed with"),
        (["--all-submitted", "--refs", "A"], "not allowed with"),
        (["XJ-CJ-2023-001", "--all-submitted"], "LOAN_REF: give one loan or"),
        ([], "LOAN_REF: give a loan's reference"),
        (["XJ-CJ-2023-001", "--workers", "2"], "--workers: only with"),
        (["--all-submitted", "--workers", "0"], "--workers: 0 is outside 1–64"),
        (["--all-submitted", "--workers", "65"], "--workers: 65 is outside 1–64"),
        (["--all-submitted", "--workers", "-3"], "'-3' is not a whole number"),
        (["--all-submitted", "--workers", "99999999999999999999"], "is not a whole number"),
        (["--all-submitted", "--workers", "two"], "'two' is not a whole number"),
        (["--all-submitted", "--workers", "1_5"], "'1_5' is not a whole number"),
        (["--all-submitted", "--workers", "٣"], "is not a whole number"),
        (["--all-submitted", "--workers", "2.0"], "'2.0' is not a whole number"),
        (["--all-submitted", "--lang", "fr"], "--lang"),
        (["--all-submitted", "--date", "2026-02-30"], "is not a date"),
    ],
)
def test_bad_arguments_exit_2_with_the_option_named(
    url: str, cli: object, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "never"
    run = cli("memo", *args, "-o", str(out), "--db", url)  # type: ignore[operator]
    assert run.code == 2
    assert message in run.err
    assert "Traceback" not in run.err
    assert not out.exists()


def test_output_that_is_a_file_is_refused(url: str, cli: object, tmp_path: Path) -> None:
    existing = tmp_path / "memo.pdf"
    existing.write_bytes(b"keep me")
    run = cli("memo", "--all-submitted", "-o", str(existing), "--db", url)  # type: ignore[operator]
    assert run.code == 2 and "is a file; many memos need a folder" in run.err
    assert existing.read_bytes() == b"keep me"


def test_unwritable_folder_is_a_clear_error(url: str, cli: object, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    run = cli("memo", "--all-submitted", "-o", str(blocker / "sub"), "--db", url)  # type: ignore[operator]
    assert run.code == 2 and "-o: cannot create the folder" in run.err


def test_file_names_are_safe_and_distinct(tmp_path: Path) -> None:
    assert file_name("XJ-CJ-2023-001") == "XJ-CJ-2023-001.pdf"
    assert file_name("../../etc/passwd") == "_.._etc_passwd.pdf"
    assert file_name("..") == "_.pdf"
    assert file_name("新疆/木垒:2023*?") == "新疆_木垒_2023__.pdf"
    paths = output_paths(tmp_path, ["A/1", "A_1", "a_1", "B"])
    assert [p.name for p in paths.values()] == ["A_1.pdf", "A_1~2.pdf", "a_1~3.pdf", "B.pdf"]
    assert all(p.parent == tmp_path for p in paths.values())


def test_parse_refs_keeps_order_and_drops_repeats() -> None:
    assert parse_refs(" B ,A,B, C") == ["B", "A", "C"]
    assert parse_refs("甘肃-张掖-001") == ["甘肃-张掖-001"]


def test_unit_option_for_one_memo_and_for_many(cli: Any, url: str, tmp_path: Path) -> None:
    one = tmp_path / "mulei-wan.pdf"
    run = cli(
        "memo", "XJ-CJ-2023-001", "-o", str(one), "--unit", "wan", "--date", DATE, "--db", url
    )
    assert run.code == 0, run.err
    flat = re.sub(r"\s+", "", text(one))
    assert "授信金额（万元）244,300.00" in flat
    assert "2,443,000,000.00元记为244,300.00万元" in flat  # the rounding, stated
    assert "金额单位：元，精确至分。" in flat  # the appendices stay exact
    plain = tmp_path / "mulei.pdf"
    assert cli("memo", "XJ-CJ-2023-001", "-o", str(plain), "--date", DATE, "--db", url).code == 0
    assert "授信金额（元）2,443,000,000.00" in re.sub(r"\s+", "", text(plain))  # default 元
    folder = tmp_path / "many"
    run = cli(
        "memo", "--refs", "XJ-CJ-2023-001", "-o", str(folder), "--unit", "yi", "--lang", "en",
        "--workers", "1", "--date", DATE, "--db", url,
    )  # fmt: skip
    assert run.code == 0, run.err
    [pdf] = folder.glob("*.pdf")
    assert "Facilityamount(100mCNY)24.43" in re.sub(r"\s+", "", text(pdf))


@pytest.mark.parametrize("bad", ["万元", "WAN", "", "thousand"])
def test_a_bad_unit_is_refused_before_anything_is_written(
    cli: Any, url: str, tmp_path: Path, bad: str
) -> None:
    out = tmp_path / "memo.pdf"
    run = cli("memo", "XJ-CJ-2023-001", "-o", str(out), "--unit", bad, "--db", url)
    assert run.code == 2 and "--unit" in run.err and "Traceback" not in run.err
    assert not out.exists()
