"""The workbook in 万元 / 亿元 (``--unit``): the exact 元 columns stay, a converted column headed
in the unit stands beside each, and LibreOffice shows the right figure (read as displayed)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest

from greendesk.cli import main
from greendesk.domain.errors import UserError
from greendesk.reporting.model import LoanBundle, PortfolioRow
from greendesk.reporting.templates import in_unit, load_workbook_template
from greendesk.reporting.workbook import write_portfolio
from tests.reporting.cases import article_portfolio

# "as shown" (9th token true), the 2nd sheet (12th token: the Loans sheet after the Summary)
SHOWN_LOANS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,2"


def _shown(xlsx: Path, profile: Path) -> list[list[str]]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None, "LibreOffice (soffice) is not installed: run `make system-deps`"
    out = xlsx.parent / f"{xlsx.stem}-shown"
    out.mkdir()
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         SHOWN_LOANS, "--outdir", str(out), str(xlsx)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    (target,) = out.glob("*.csv")
    assert done.returncode == 0, done.stderr
    with target.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _in(amount: Decimal, places: int) -> str:
    scaled = amount.scaleb(-places).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{scaled:,.2f}"


def _book(tmp_path: Path, unit: str, rows: list[PortfolioRow]) -> Path:
    path = tmp_path / f"book-{unit}.xlsx"
    tpl = in_unit(load_workbook_template("zh"), unit)
    write_portfolio(
        path, loans=[LoanBundle(r) for r in rows], maturity=[], as_of=date(2026, 6, 30),
        template=tpl,
    )  # fmt: skip
    return path


@pytest.mark.parametrize(("unit", "places", "name"), [("wan", 4, "万元"), ("yi", 8, "亿元")])
def test_libreoffice_shows_each_amount_in_the_unit_beside_the_exact_yuan(
    tmp_path: Path, unit: str, places: int, name: str
) -> None:
    rows = article_portfolio()
    odd = rows[0]
    # a figure with fen that do not divide evenly, and a tiny and a huge one
    rows[0] = PortfolioRow(**{**odd.__dict__, "amount": Decimal("720000000.55")})
    rows[1] = PortfolioRow(**{**rows[1].__dict__, "amount": Decimal("0.01")})
    rows[2] = PortfolioRow(**{**rows[2].__dict__, "amount": Decimal("987654321098.76")})
    path = _book(tmp_path, unit, rows)
    shown = _shown(path, tmp_path / "lo-profile")
    header = shown[0]
    exact = header.index("授信金额（元）")
    assert header[exact + 1] == f"授信金额（{name}）"
    assert header[header.index("贷款余额（元）") + 1] == f"贷款余额（{name}）"
    assert header[header.index("押品价值（元）") + 1] == f"押品价值（{name}）"
    by_ref = {line[0]: line for line in shown[1:]}
    for row in rows:
        line = by_ref[row.reference]
        assert line[exact] == f"{row.amount:,.2f}"  # the exact 元, to the fen
        assert line[exact + 1] == _in(row.amount, places), (row.amount, line[exact + 1])
    if unit == "wan":
        assert by_ref[rows[0].reference][exact + 1] == "72,000.00"
        assert by_ref[rows[2].reference][exact + 1] == "98,765,432.11"
    # underneath, the 元 cell is the exact figure and the converted one exact too
    wb = openpyxl.load_workbook(path, read_only=True)
    ws = wb.worksheets[1]
    cells = next(r for r in ws.iter_rows(min_row=2) if r[0].value == rows[0].reference)
    assert Decimal(str(cells[exact].value)) == Decimal("720000000.55")
    assert Decimal(str(cells[exact + 1].value)) == Decimal("720000000.55").scaleb(-places)
    wb.close()


def test_yuan_adds_no_column(tmp_path: Path) -> None:
    tpl = load_workbook_template("zh")
    assert in_unit(tpl, "yuan") is tpl
    wan = in_unit(tpl, "wan")
    money = sum(1 for c in tpl.sheets["loans"].columns if c.kind == "money")
    assert len(wan.sheets["loans"].columns) == len(tpl.sheets["loans"].columns) + money
    # the Summary's formulas still read the exact 元 column
    assert wan.sheets["loans"].index("amount") == tpl.sheets["loans"].index("amount")


def test_english_headers_name_the_unit() -> None:
    cols = [c.header for c in in_unit(load_workbook_template("en"), "wan").sheets["loans"].columns]
    assert cols[cols.index("Amount (CNY)") + 1] == "Amount (CNY 10k)"


@pytest.mark.parametrize("bad", ["万元", "WAN", "", "yuan ", "10000", "wan\x00"])
def test_an_unknown_unit_is_refused_by_name(bad: str) -> None:
    with pytest.raises(UserError, match="--unit: must be one of yuan, wan, yi"):
        in_unit(load_workbook_template("zh"), bad)


def test_cli_export_takes_the_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    assert main(["seed", "--db", url]) == 0
    out = tmp_path / "wan.xlsx"
    code = main(["export", "-o", str(out), "--unit", "wan", "--as-of", "2026-06-30", "--db", url])
    assert code == 0
    wb = openpyxl.load_workbook(out, read_only=True)
    header = [c.value for c in next(wb.worksheets[1].iter_rows(max_row=1))]
    wb.close()
    assert header[header.index("授信金额（元）") + 1] == "授信金额（万元）"
    capsys.readouterr()
    with pytest.raises(SystemExit) as refused:
        main(["export", "-o", str(tmp_path / "x.xlsx"), "--unit", "万", "--db", url])
    assert refused.value.code == 2
    assert "--unit: invalid choice: '万'" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
