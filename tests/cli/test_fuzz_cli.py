"""Fuzz every subcommand of ``greendesk`` with hostile arguments: no traceback reaches the user.

The subcommands are discovered from the argparse parser (``greendesk.cli.build_parser``), so a
command added later is fuzzed without touching this file. Each example runs ``main`` in this
process on its own copy of a seeded SQLite database, in a scratch working directory, with the
demo password in the environment and hostile text on standard input. A run may refuse (exit 2,
argparse usage errors included) or succeed (exit 0); an exception escaping ``main`` or a
"Traceback" on standard error fails the test. Bounded: a few examples per command.

Values never include NUL: no shell can pass one in argv (execve takes C strings). Undecodable
bytes can be passed, and arrive as lone surrogates (``\\udcff``): those are included.
"""

from __future__ import annotations

import argparse
import getpass
import io
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from greendesk.cli import build_parser, main
from greendesk.services.seeding import seed_demo
from greendesk.store.database import open_database
from tests.domain.schedule.helpers import terms

DEMO_PASSWORD = "greendesk-demo"
FACTS = Path(__file__).parents[1] / "domain" / "classification" / "facts"


def leaf_commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every runnable command path (``("prices", "add")``) with its parser."""
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        yield path, parser
        return
    for name, sub in groups[0].choices.items():
        yield from leaf_commands(sub, (*path, name))


COMMANDS = dict(leaf_commands(build_parser()))

HOSTILE = [
    "",
    " ",
    "0",
    "-1",
    "2",
    "1e400",
    "9" * 400,
    str(10**30),
    "1e-400",
    "NaN",
    "inf",
    "75_50",
    "7,5",
    "1,2,3.4",
    "７５．５",
    "7.2亿",
    "3.45%",
    "-0",
    "0x10",
    "CEA",
    "CEA\x07",
    "LPR1Y",
    "admin",
    "officer",
    "reviewer",
    "nobody",
    "GD-2026-00001",
    "XJ-CJ-2023-001",
    "\x1b[31m",
    "\u202eevil",
    "😀🌿",
    "名" * 300,
    "x" * 5000,
    "\udcff",
    "9999-12-31",
    "2026-02-30",
    "0001-01-01",
    "2026-11-02",
    "-",
    "--",
    "%",
    "{}",
    "[]",
    "approve",
    "decline",
    "monthly",
]
FILES = {
    "terms.json": json.dumps(terms()).encode(),
    "facts.json": (FACTS / "mulei_storage_wind_solar.json").read_bytes(),
    "latin1.json": '{"amount": "é"}'.encode("latin-1"),
    "utf16.json": json.dumps(terms()).encode("utf-16"),
    "nested.json": b"[" * 50_000 + b"]" * 50_000,
    "float.json": b'{"amount": 1e400}',
    "prices.csv": b"instrument,date,price\nCEA,2026-11-02,72.10,extra\nCEA\x07,x,1e400\n",
    "gbk.csv": "instrument,date,price\n碳,2026-11-02,72\n".encode("gbk"),
    "empty": b"",
    "binary.bin": bytes(range(256)) * 4,
    "deep.toml": b"x = " + b"[" * 3000,
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "seeded.db"
    db = open_database(f"sqlite:///{path}")
    try:
        seed_demo(db)
    finally:
        db.dispose()
    return path


def _values(folder: Path) -> st.SearchStrategy[str]:
    names = [*FILES, "folder", "missing.json", "out.pdf", "out.xlsx", "backup.db"]
    text = st.text(
        alphabet=st.characters(blacklist_characters="\x00/", blacklist_categories=("Cs",)),
        max_size=12,
    )
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.sampled_from([str(folder / n) for n in names]),
        text,
        st.integers(min_value=-(10**40), max_value=10**40).map(str),
    )


def _argv(data: st.DataObject, command: tuple[str, ...], folder: Path, url: str) -> list[str]:
    parser = COMMANDS[command]
    values = _values(folder)
    argv = list(command)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or action.dest == "db":
            continue
        choices = list(action.choices) if action.choices else []
        value = st.sampled_from(choices) | values if choices else values
        if not action.option_strings:  # positional
            if action.nargs == "?" and data.draw(st.booleans()):
                continue
            argv.append(data.draw(value))
            continue
        if not action.required and data.draw(st.booleans()):
            continue
        argv.append(action.option_strings[-1])
        if action.nargs != 0:
            argv.append(data.draw(value))
    if any(a.dest == "db" for a in parser._actions):
        argv += ["--db", url]
    return argv


@pytest.mark.parametrize("command", sorted(COMMANDS), ids=" ".join)
@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_traceback_reaches_the_user(
    command: tuple[str, ...],
    data: st.DataObject,
    seeded: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with tempfile.TemporaryDirectory(prefix="gd-fuzz-") as scratch:
        folder = Path(scratch)
        for name, payload in FILES.items():
            (folder / name).write_bytes(payload)
        (folder / "folder").mkdir()
        shutil.copyfile(seeded, folder / "desk.db")
        url = f"sqlite:///{folder / 'desk.db'}"
        argv = _argv(data, command, folder, url)
        stdin = data.draw(st.sampled_from(["", "greendesk-demo\n", "x\x07\n" * 3, "é" * 100]))
        monkeypatch.chdir(folder)
        monkeypatch.delenv("GREENDESK_DB", raising=False)
        monkeypatch.setenv("GREENDESK_PASSWORD", DEMO_PASSWORD)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        monkeypatch.setattr(getpass, "getpass", lambda prompt="": stdin.split("\n")[0])
        capsys.readouterr()
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: usage errors exit 2, --help and --version 0
            code = exc.code if isinstance(exc.code, int) else 2
        err = capsys.readouterr().err
        assert code in (0, 2), (argv, err)
        assert "Traceback" not in err, (argv, err)
