"""The workbook's 排放 Emissions sheet and its formula summary, recalculated by LibreOffice.

LibreOffice opens the exported file, recalculates every formula and writes the summary sheet as
CSV; its totals must equal the database's figures (services.emissions) exactly.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from greendesk.reporting.templates import load_values, load_workbook_template
from greendesk.services.emissions import emissions_report
from greendesk.services.report_portfolio import export_portfolio
from greendesk.store.database import Database

DAY = date(2024, 12, 31)
CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheet}"


def recalculated_sheet(xlsx: Path, sheet: int, profile: Path) -> list[list[str]]:
    """LibreOffice's recalculated values of sheet number ``sheet`` (1-based), as CSV rows."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed: run `make system-deps`")
    out = xlsx.parent / "lo"
    out.mkdir(exist_ok=True)
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         CSV.format(sheet=sheet), "--outdir", str(out), str(xlsx)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    found = sorted(out.glob(f"{xlsx.stem}*.csv"))
    if done.returncode != 0 or not found:
        pytest.fail(f"LibreOffice could not convert {xlsx}: {done.stdout}\n{done.stderr}")
    with found[0].open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _block(table: list[list[str]], title: str) -> dict[str, list[str]]:
    start = next(i for i, r in enumerate(table) if r and r[0] == title)
    rows: dict[str, list[str]] = {}
    for r in table[start + 2 :]:
        if not r or not r[0]:
            break
        rows[r[0]] = r[1:]
    return rows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_libreoffice_recalculates_the_emissions_summary_to_the_database_figures(
    db: Database, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / f"book-{lang}.xlsx"
    export_portfolio(db, path, as_of=DAY, lang=lang)
    tpl = load_workbook_template(lang)
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert tpl.sheets["emissions"].name == ("排放" if lang == "zh" else "Emissions")
    sheet = names.index(tpl.emissions_summary_name) + 1
    table = recalculated_sheet(path, sheet, tmp_path / "profile")
    report = emissions_report(db, DAY, lang)

    totals = next(r for r in table if r and r[0] == tpl.label("totals"))
    count, outstanding, financed, scope3, avoided, score = totals[1:7]
    assert int(count) == len(report.loans) == 11
    assert D(outstanding) == report.total.outstanding
    assert D(financed) == report.total.financed_t == D("374451.75")
    assert D(scope3) == report.total.financed_scope3_t
    assert D(avoided) == report.total.avoided_t
    assert D(score).quantize(D("0.01")) == report.total.score

    classes = load_values(lang)
    by_class = _block(table, tpl.label("by_class"))
    for group in report.by_class:
        row = by_class[classes("class", group.key)]
        assert int(row[0]) == group.loans
        assert D(row[2]) == group.financed_t, group.key
        assert D(row[4]) == group.avoided_t, group.key
        if group.score is not None:
            assert D(row[5]).quantize(D("0.01")) == group.score, group.key
    by_region = _block(table, tpl.label("by_region"))
    for group in report.by_region:
        assert D(by_region[group.key or tpl.label("blank")][2]) == group.financed_t


def test_the_emissions_sheet_has_one_row_per_loan_with_the_exact_figures(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "book.xlsx"
    export_portfolio(db, path, as_of=DAY, lang="en")
    ws = openpyxl.load_workbook(path)["Emissions"]
    header = [c.value for c in ws[1]]
    rows = {
        r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    assert len(rows) == 11
    methanol = rows["XJ-CJ-2024-005"]
    assert (methanol["PCAF option"], methanol["Score"]) == ("1b", 2)
    assert D(str(methanol["Financed (scope 1+2)"])) == D("120000")
    assert D(str(methanol["Avoided"])) == D("10000")
    assert rows["XJ-CJ-2024-004"]["Notes"] == "negative equity -150000000.00 counted as 0"
    assert rows["XJ-CJ-2023-001"]["Attributed to"] == "project finance"
    assert all(r["Assumed"] == "ASSUMED" for r in rows.values())
