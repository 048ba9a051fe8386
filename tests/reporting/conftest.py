"""A real LibreOffice, started headless once per session, to recalculate exported workbooks."""

from __future__ import annotations

import csv
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

# "Text - txt - csv (StarCalc)": comma, double quote, UTF-8 (76), from line 1, raw values
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false"

Recalc = Callable[[Path], list[list[str]]]


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Recalc:
    """Open a workbook in LibreOffice (which recalculates it) and read its first sheet as CSV."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed: run `make system-deps`")
    profile = tmp_path_factory.mktemp("lo-profile")  # private profile: parallel runs don't clash

    def recalc(xlsx: Path) -> list[list[str]]:
        out = xlsx.parent / f"{xlsx.stem}-lo"
        out.mkdir(exist_ok=True)
        done = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                CSV_FILTER,
                "--outdir",
                str(out),
                str(xlsx),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        target = out / f"{xlsx.stem}.csv"
        if done.returncode != 0 or not target.exists():
            pytest.fail(f"LibreOffice could not convert {xlsx}: {done.stdout}\n{done.stderr}")
        with target.open(encoding="utf-8", newline="") as fh:
            return list(csv.reader(fh))

    return recalc
