"""Counts and ids typed on the command line follow the one rule for numbers people type.

Python's ``int()`` reads ``1_0`` as ten and ``１０`` as ten; the desk's rule (``domain.numbers``)
refuses the first, as it refuses ``75_50`` for a price, and normalises full-width digits
everywhere.
"""

from __future__ import annotations

import argparse

import pytest

from greendesk.cli import main
from greendesk.commands._common import whole_number


@pytest.mark.parametrize("text", ["1_0", "1e3", "10.5", "0x10", "", "ten", "1,0"])
def test_whole_number_refuses_what_people_do_not_mean(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        whole_number(text)


@pytest.mark.parametrize(("text", "value"), [("10", 10), ("１０", 10), ("1,000", 1000), ("-3", -3)])
def test_whole_number_reads_digits_and_full_width_digits(text: str, value: int) -> None:
    assert whole_number(text) == value


@pytest.mark.parametrize(
    "argv",
    [
        ["audit", "log", "--limit", "1_0"],
        ["generate-portfolio", "--loans", "1_000", "--as", "admin"],
        ["quorum", "set", "--min-votes", "3_0", "--as", "admin"],
        ["conditions", "satisfy", "GS-JQ-2024-001", "1_1", "--evidence", "x", "--as", "officer"],
    ],
)
def test_each_command_refuses_an_underscored_count_with_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    typed = next(a for a in argv if "_" in a)
    assert f"'{typed}': " in err and "Traceback" not in err
