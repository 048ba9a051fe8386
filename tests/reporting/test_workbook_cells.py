"""The fast row writer stores exactly what a plain per-cell openpyxl write stores.

The data sheets skip openpyxl's per-cell objects (greendesk/reporting/workbook/rows.py), so
these tests write a few hundred awkward rows both ways and compare the files cell by cell.
"""

from __future__ import annotations

import random
import zipfile
from dataclasses import fields
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from greendesk.reporting.model import LoanBundle, PortfolioRow
from greendesk.reporting.templates import WorkbookTemplate, load_workbook_template
from greendesk.reporting.workbook import rows as fast_rows
from greendesk.reporting.workbook import write_portfolio

AS_OF = date(2026, 6, 30)
TRICKY_TEXT = [
    "=SUM(A1:A9)",
    "=1+1 配额",
    "+86 991 123",
    "-CEA-01",
    "@risk",
    '  =HYPERLINK("http://x")',
    "a & b < c > d",
    "]]> end",
    " leading space",
    "trailing space ",
    "two\nlines",
    "cr\r\nlf",
    "新疆维吾尔自治区昌吉州木垒县",
    "'quoted",
    "TRUE",
    "123",
    "x" * 40,
]
MONEY = [
    Decimal("0"),
    Decimal("0.01"),
    Decimal("-1234.56"),
    Decimal("123456789012.34"),
    Decimal("99999999999999.99"),
    Decimal("1E+3"),
    Decimal("3.14159265358979323846"),
]


def _value(name: str, kind: str, rng: random.Random, i: int) -> Any:
    """A value of the column's type, None one time in seven where the type allows it."""
    if kind == "text":
        pick = rng.random()
        if pick < 0.1:
            return ""
        if pick < 0.55:
            return rng.choice(TRICKY_TEXT)
        return f"{name}-{i}-{rng.randint(0, 10**6)}"
    if rng.random() < 1 / 7:
        return None
    if kind in ("date", "month"):
        return date(1899, 12, 31) + timedelta(days=rng.randint(1, 60_000))
    if kind == "int":
        return rng.choice([0, 1, -7, 240, 10**12, Decimal("36")])
    return rng.choice([*MONEY, Decimal(rng.randint(-(10**9), 10**9)) / 100])


def varied_rows(tpl: WorkbookTemplate, count: int) -> list[PortfolioRow]:
    kinds = {c.field: c.kind for c in tpl.sheets["loans"].columns}
    keyed = {"classification": ["green", "transition", "unknown_key", "=evil"]}
    rng = random.Random(5)
    out = []
    for i in range(count):
        values: dict[str, Any] = {}
        for f in fields(PortfolioRow):
            if f.name in keyed:
                values[f.name] = rng.choice(keyed[f.name])
            else:
                values[f.name] = _value(f.name, kinds.get(f.name, "text"), rng, i)
        out.append(PortfolioRow(**values))
    return out


def per_cell_reference(path: Path, tpl: WorkbookTemplate, loans: list[PortfolioRow]) -> None:
    """The Loans sheet the straightforward way: one openpyxl cell per value."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(tpl.sheets["loans"].name)
    spec = tpl.sheets["loans"]
    ws.append([c.header for c in spec.columns])
    for row in loans:
        cells: list[Any] = []
        for col in spec.columns:
            value = getattr(row, col.field)
            cell = WriteOnlyCell(ws)
            if col.kind == "text":
                text = tpl.values(col.values, value) if col.values else str(value)
                if text:
                    cell.value = text
                    cell.data_type = "s"
                    if text.lstrip().startswith(("=", "+", "-", "@")):
                        cell.quotePrefix = True
            elif value is not None:
                cell.number_format = tpl.formats[col.kind]
                cell.value = int(value) if col.kind == "int" else value
            cells.append(cell)
        ws.append(cells)
    wb.save(path)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    folder = tmp_path_factory.mktemp("cells")
    tpl = load_workbook_template("zh")
    loans = varied_rows(tpl, 400)
    ours, reference = folder / "ours.xlsx", folder / "reference.xlsx"
    write_portfolio(ours, loans=[LoanBundle(r) for r in loans], maturity=[], as_of=AS_OF)
    per_cell_reference(reference, tpl, loans)
    return ours, reference, len(loans)


def test_same_values_types_and_formats_as_a_per_cell_write(written: tuple[Path, Path, int]) -> None:
    ours, reference, count = written
    tpl = load_workbook_template("zh")
    name = tpl.sheets["loans"].name
    a = openpyxl.load_workbook(ours)[name]
    b = openpyxl.load_workbook(reference)[name]
    assert a.max_row == b.max_row == count + 1
    assert a.max_column == b.max_column == len(tpl.sheets["loans"].columns)
    checked = quoted = blank = 0
    for row_a, row_b in zip(a.iter_rows(), b.iter_rows(), strict=True):
        for x, y in zip(row_a, row_b, strict=True):
            assert (x.value, x.data_type) == (y.value, y.data_type), x.coordinate
            if y.value is not None and x.row > 1:
                assert x.number_format == y.number_format, x.coordinate
                assert x.quotePrefix == y.quotePrefix, x.coordinate
            checked += 1
            quoted += bool(x.quotePrefix)
            blank += x.value is None
    # the sample really exercised formula-like text, blanks and real dates
    assert quoted > 100 and blank > 100 and checked == (count + 1) * a.max_column
    start = get_column_letter(tpl.sheets["loans"].index("start_date") + 1)
    dates = [c for c in a[start][1:] if c.value is not None]
    assert dates and all(isinstance(c.value, date) for c in dates)


def test_formula_like_text_stays_text(written: tuple[Path, Path, int]) -> None:
    ours, _, _ = written
    ws = openpyxl.load_workbook(ours)[load_workbook_template("zh").sheets["loans"].name]
    texts = [c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    risky = [c for c in texts if c.value.lstrip()[:1] in ("=", "+", "-", "@")]
    assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky)
    assert "cr\r\nlf" in {c.value for c in texts}  # a carriage return survives the round trip


def test_header_panes_filter_and_widths_kept(written: tuple[Path, Path, int]) -> None:
    ours, _, count = written
    spec = load_workbook_template("zh").sheets["loans"]
    ws = openpyxl.load_workbook(ours)[spec.name]
    assert [c.value for c in ws[1]] == [c.header for c in spec.columns]
    assert ws[1][0].font.bold
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{get_column_letter(len(spec.columns))}{count + 1}"
    for i, col in enumerate(spec.columns, 1):
        assert ws.column_dimensions[get_column_letter(i)].width == col.width


def test_sheet_xml_identical_to_openpyxl_own_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte for byte, the data sheets and styles match openpyxl's per-cell append path."""
    tpl = load_workbook_template("en")
    loans = [LoanBundle(r) for r in varied_rows(tpl, 300)]
    fast, slow = tmp_path / "fast.xlsx", tmp_path / "slow.xlsx"
    write_portfolio(fast, loans=loans, maturity=[], as_of=AS_OF, template=tpl)
    monkeypatch.setattr(fast_rows, "supported", lambda ws: False)
    write_portfolio(slow, loans=loans, maturity=[], as_of=AS_OF, template=tpl)
    with zipfile.ZipFile(fast) as a, zipfile.ZipFile(slow) as b:
        names = [n for n in a.namelist() if n.startswith("xl/worksheets/sheet")]
        # the Summary, every data sheet and the Emissions summary
        assert len(names) == 2 + len(tpl.sheets)
        for name in [*names[1:], "xl/styles.xml"]:  # sheet1 is the Summary (has a timestamp)
            assert a.read(name) == b.read(name), name
