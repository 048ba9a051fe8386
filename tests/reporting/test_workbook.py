"""The portfolio workbook as an analyst opens it: openpyxl for the file, LibreOffice for sums."""

from __future__ import annotations

import tomllib
from collections import Counter
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from greendesk.paths import reports_dir
from greendesk.reporting.model import LoanBundle, MaturityRow, PledgeRow, PortfolioRow, SyndicateRow
from greendesk.reporting.workbook import write_portfolio
from tests.reporting.cases import article_portfolio
from tests.reporting.conftest import Recalc

TEMPLATE = tomllib.loads((reports_dir() / "workbook.toml").read_text(encoding="utf-8"))
VALUES = tomllib.loads((reports_dir() / "values.toml").read_text(encoding="utf-8"))
D = Decimal


def pledges_for(rows: list[PortfolioRow]) -> list[PledgeRow]:
    return [
        PledgeRow(
            r.reference,
            1,
            "碳排放配额（CEA）",
            "=1+1 配额",
            D("1200000"),
            "吨",
            D("92.00"),
            date(2026, 3, 31),
            D("110400000.00"),
            D("0.50"),
            D("55200000.00"),
            "全国碳排放权注册登记系统",
            "-CEA-01",
            date(2026, 12, 31),
            "@清缴提醒",
        )
        for r in rows
    ]


def syndicate_for(rows: list[PortfolioRow]) -> list[SyndicateRow]:
    return [
        SyndicateRow(
            r.reference,
            r.borrower,
            "中国农业银行新疆分行",
            "lead_arranger",
            r.amount,
            D("1"),
            r.amount,
            r.outstanding,
        )
        for r in rows
    ]


MATURITY = [
    MaturityRow(date(2026, 6, 1), "green", D("40716666.67"), D("6791624.83"), 1),
    MaturityRow(date(2026, 7, 1), "transition", D("10000000.00"), D("900000.00"), 2),
]


def export(path: Path, lang: str, rows: list[PortfolioRow]) -> list[tuple[int, int]]:
    calls: list[tuple[int, int]] = []
    bundles = [
        LoanBundle(row, [pledge], [share])
        for row, pledge, share in zip(rows, pledges_for(rows), syndicate_for(rows), strict=True)
    ]
    write_portfolio(
        path,
        loans=bundles,
        maturity=MATURITY,
        as_of=date(2026, 6, 30),
        lang=lang,
        total_loans=len(rows),
        progress=lambda done, total: calls.append((done, total)),
    )
    return calls


@pytest.fixture(scope="module")
def book_zh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[PortfolioRow]]:
    rows = article_portfolio()
    path = tmp_path_factory.mktemp("wb") / "portfolio-zh.xlsx"
    export(path, "zh", rows)
    return path, rows


def column(sheet_key: str, field: str) -> int:
    """1-based column of ``field`` on a sheet, per the template."""
    sheet = next(s for s in TEMPLATE["sheets"] if s["key"] == sheet_key)
    return [c["field"] for c in sheet["columns"]].index(field) + 1


def test_sheet_names_and_headers_follow_the_language(tmp_path: Path) -> None:
    rows = article_portfolio()
    for lang in ("zh", "en"):
        path = tmp_path / f"p-{lang}.xlsx"
        export(path, lang, rows)
        wb = openpyxl.load_workbook(path)
        expected = [TEMPLATE["summary"][lang]] + [s[lang] for s in TEMPLATE["sheets"]]
        expected += [TEMPLATE["emissions_summary"][lang]]  # formulas over the Emissions sheet
        assert wb.sheetnames == expected
        for spec in TEMPLATE["sheets"]:
            ws = wb[spec[lang]]
            assert [c.value for c in ws[1]] == [c[lang] for c in spec["columns"]]
    assert expected[:2] == ["Summary", "Loans"]


def test_data_sheets_freeze_filter_and_size_columns(book_zh: tuple[Path, list]) -> None:
    path, rows = book_zh
    wb = openpyxl.load_workbook(path)
    for spec in TEMPLATE["sheets"]:
        ws = wb[spec["zh"]]
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        for i, col in enumerate(spec["columns"], 1):
            letter = ws.cell(1, i).column_letter
            assert ws.column_dimensions[letter].width == col["width"]
    assert wb["贷款"].max_row == len(rows) + 1


def test_money_is_formatted_and_exact_and_dates_are_dates(book_zh: tuple[Path, list]) -> None:
    path, rows = book_zh
    ws = openpyxl.load_workbook(path)["贷款"]
    amount, start = column("loans", "amount"), column("loans", "start_date")
    for r, row in enumerate(rows, 2):
        cell = ws.cell(r, amount)
        assert cell.number_format == "#,##0.00"
        assert D(str(cell.value)).quantize(D("0.01")) == row.amount
        when = ws.cell(r, start)
        assert isinstance(when.value, datetime) and when.value.date() == row.start_date
        assert when.is_date and when.number_format == "yyyy-mm-dd"
    month = openpyxl.load_workbook(path)["到期"].cell(2, 1)
    assert month.is_date and month.number_format == "yyyy-mm"


def test_text_that_looks_like_a_formula_stays_text(book_zh: tuple[Path, list]) -> None:
    path, rows = book_zh
    wb = openpyxl.load_workbook(path)
    risky = [r.borrower for r in rows if r.borrower[0] in "=+-@"]
    assert len(risky) == 2
    found = {}
    formulas = {TEMPLATE["emissions_summary"]["zh"]}  # a summary, like sheet 1: formulas by design
    for ws in wb.worksheets[1:]:
        if ws.title in formulas:
            continue
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    found[cell.value] = cell
    for text in [*risky, "=1+1 配额", "-CEA-01", "@清缴提醒", "-低碳转型挂钩贷款 @risk"]:
        assert text in found, text
        assert found[text].data_type == "s"
        assert found[text].quotePrefix


def test_summary_holds_formulas_over_the_loans_sheet(book_zh: tuple[Path, list]) -> None:
    ws = openpyxl.load_workbook(book_zh[0])["汇总"]
    formulas = [c.value for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert len(formulas) > 20
    assert any("SUMIFS('贷款'!" in f for f in formulas)
    assert any("SUMPRODUCT('贷款'!" in f for f in formulas)


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    rows = article_portfolio() * 600  # 4,800 loans: several progress steps
    calls = export(tmp_path / "p.xlsx", "zh", rows)
    assert calls[-1] == (len(rows), len(rows))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(calls) >= 3


def _block(table: list[list[str]], title: str) -> dict[str, list[str]]:
    start = next(i for i, r in enumerate(table) if r and r[0] == title)
    out = {}
    for row in table[start + 2 :]:
        if not row or not row[0]:
            break
        out[row[0]] = row[1:]
    return out


def test_libreoffice_recalculates_the_summary_to_the_fen(
    book_zh: tuple[Path, list], libreoffice: Recalc
) -> None:
    path, rows = book_zh
    table = libreoffice(path)
    labels = TEMPLATE["labels"]["zh"]
    by_class = _block(table, labels["by_class"])
    classes = VALUES["zh"]["class"]
    total_amount = sum((r.amount for r in rows), D(0))
    assert D(by_class[labels["totals"]][1]).quantize(D("0.01")) == total_amount
    assert int(by_class[labels["totals"]][0]) == len(rows)
    counts = Counter(r.classification for r in rows)
    for key, n in counts.items():
        got = by_class[classes[key]]
        assert int(got[0]) == n
        expected = sum((r.amount for r in rows if r.classification == key), D(0))
        assert D(got[1]).quantize(D("0.01")) == expected
        outstanding = sum((r.outstanding for r in rows if r.classification == key), D(0))
        assert D(got[2]).quantize(D("0.01")) == outstanding
    regions = _block(table, labels["by_region"])
    assert int(regions[labels["blank"]][0]) == sum(1 for r in rows if not r.region)
    green = next(r for r in table if r and r[0] == labels["green_share"])
    weighted = sum((r.amount * (r.green_share or 0) for r in rows), D(0)) / total_amount
    assert D(green[2].rstrip("%")) / 100 == pytest.approx(weighted, abs=D("1e-9"))
    co2 = next(r for r in table if r and r[0] == labels["co2e_total"])
    assert D(co2[2]) == sum((r.annual_co2e_reduction_t or 0 for r in rows), D(0))
    cover = _block(table, labels["coverage"])
    below = sum(1 for r in rows if r.coverage_ratio is not None and r.coverage_ratio < 1)
    assert int(cover["< 1.00"][0]) == below
    assert int(cover[labels["coverage_none"]][0]) == sum(
        1 for r in rows if r.coverage_ratio is None
    )
