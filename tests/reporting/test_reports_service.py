"""Reports from a real database: the seeded article portfolio plus a synthetic book.

The workbook's Summary is recalculated by LibreOffice and compared with the database's own
totals (read through the portfolio service, not through the export), to the fen.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from greendesk.cli import main
from greendesk.domain.money import format_money
from greendesk.domain.schedule import build_schedule, parse_terms, schedule_to_json
from greendesk.paths import reports_dir
from greendesk.services import auth
from greendesk.services.portfolio import list_loans
from greendesk.services.report_portfolio import export_portfolio
from greendesk.services.reports import memo_data, write_memo
from greendesk.services.seeding import seed_demo
from greendesk.services.synthetic import generate_portfolio
from greendesk.services.terms import schedule_terms
from greendesk.store.database import Database, open_database
from tests.reporting import pdftools
from tests.reporting.conftest import Recalc

AS_OF = date(2026, 6, 30)
MULEI = "XJ-CJ-2023-001"
LABELS = tomllib.loads((reports_dir() / "workbook.toml").read_text(encoding="utf-8"))["labels"]


@pytest.fixture(scope="module")
def book_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Database]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'book.db'}"
    db = open_database(url)
    seed_demo(db)
    generate_portfolio(db, 400, seed=7, into_existing=True)  # beside the demo cases
    try:
        yield url, db
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def exported(book_db: tuple[str, Database], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("x") / "book.xlsx"
    export_portfolio(book_db[1], path, as_of=AS_OF, lang="zh")
    return path


def sheet_rows(path: Path, name: str) -> list[tuple[object, ...]]:
    """All rows of one sheet (read-only mode, closed afterwards)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(wb[name].iter_rows(values_only=True))
    finally:
        wb.close()


def test_summary_recalculated_by_libreoffice_equals_the_database(
    book_db: tuple[str, Database], exported: Path, libreoffice: Recalc
) -> None:
    loans = list_loans(book_db[1])
    table = libreoffice(exported)
    zh = LABELS["zh"]
    start = next(i for i, r in enumerate(table) if r and r[0] == zh["by_class"])
    totals = next(r for r in table[start:] if r and r[0] == zh["totals"])
    assert int(totals[1]) == len(loans) == 411
    assert Decimal(totals[2]).quantize(Decimal("0.01")) == sum(
        (x.amount for x in loans), Decimal(0)
    )
    region_start = next(i for i, r in enumerate(table) if r and r[0] == zh["by_region"])
    region_totals = next(r for r in table[region_start:] if r and r[0] == zh["totals"])
    assert Decimal(region_totals[2]).quantize(Decimal("0.01")) == Decimal(totals[2]).quantize(
        Decimal("0.01")
    )


def test_summary_outstanding_equals_the_loans_sheet(exported: Path, libreoffice: Recalc) -> None:
    rows = sheet_rows(exported, "贷款")
    col = list(rows[0]).index("贷款余额（元）")
    column_sum = sum((Decimal(str(r[col])) for r in rows[1:]), Decimal(0))
    table = libreoffice(exported)
    zh = LABELS["zh"]
    start = next(i for i, r in enumerate(table) if r and r[0] == zh["by_class"])
    totals = next(r for r in table[start:] if r and r[0] == zh["totals"])
    assert Decimal(totals[3]).quantize(Decimal("0.01")) == column_sum
    assert column_sum > 0


def test_outstanding_follows_the_schedule_engine(
    book_db: tuple[str, Database], exported: Path
) -> None:
    db = book_db[1]
    loan_id = next(x.id for x in list_loans(db) if x.reference == MULEI)
    terms = schedule_terms(db, loan_id)
    out = schedule_to_json(build_schedule(parse_terms(terms)))
    paid = sum(
        (Decimal(p["principal"]) for p in out["periods"] if p["payment_date"] <= AS_OF.isoformat()),
        Decimal(0),
    )
    drawn = sum((Decimal(d["amount"]) for d in terms["drawdowns"]), Decimal(0))
    rows = sheet_rows(exported, "贷款")
    header = list(rows[0])
    row = next(r for r in rows if r[0] == MULEI)
    assert Decimal(str(row[header.index("贷款余额（元）")])).quantize(Decimal("0.01")) == (
        drawn - paid
    )
    shares = [r for r in sheet_rows(exported, "银团")[1:] if r[0] == MULEI]
    assert len(shares) == 4
    assert sum((Decimal(str(r[7])) for r in shares), Decimal(0)).quantize(Decimal("0.01")) == (
        drawn - paid
    )


def test_memo_from_the_database(book_db: tuple[str, Database], tmp_path: Path) -> None:
    db = book_db[1]
    pdf = tmp_path / "mulei.pdf"
    pages = write_memo(db, MULEI, pdf, "zh", AS_OF)
    assert pages == pdftools.pages(pdf)
    data = memo_data(db, MULEI, "zh", AS_OF)
    text = pdftools.text(pdf)
    flat = re.sub(r"\s+", "", text)
    assert "2,443,000,000.00" in text and "木垒" in text
    assert re.sub(r"\s+", "", data.borrower.name) in flat
    for lender in data.lenders:
        assert lender.name in flat
        assert format_money(lender.commitment, grouped=True) in text
    assert sum((x.commitment for x in data.lenders), Decimal(0)) == Decimal("2443000000.00")
    total_interest = sum((p.interest for p in data.periods), Decimal(0))
    assert format_money(total_interest, grouped=True) in text
    assert f"第 {pages} 页 共 {pages} 页" in pdftools.text(pdf, pages)


def test_cli_memo_export_and_generate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    db = open_database(url)
    try:
        auth.create_first_admin(db, "chen", "admin-pw-12")
    finally:
        db.dispose()
    monkeypatch.setenv("GREENDESK_PASSWORD", "admin-pw-12")
    generate = ["generate-portfolio", "--as", "chen", "--db", url, "--seed", "3", "--loans"]
    assert main([*generate, "120"]) == 0
    assert main([*generate, "5"]) == 2
    assert "--seed" in capsys.readouterr().err
    pdf, xlsx = tmp_path / "m.pdf", tmp_path / "p.xlsx"
    assert main(["memo", "SYN3-000001", "-o", str(pdf), "--lang", "en", "--db", url]) == 0
    assert "page 1 of" in pdftools.text(pdf, 1)
    assert main(["memo", "NO-SUCH", "-o", str(tmp_path / "x.pdf"), "--db", url]) == 2
    assert not (tmp_path / "x.pdf").exists()
    assert "NO-SUCH" in capsys.readouterr().err
    args = ["export", "-o", str(xlsx), "--as-of", "2026-06-30", "--lang", "en", "--db", url]
    assert main(args) == 0
    assert "120/120" in capsys.readouterr().err
    assert len(sheet_rows(xlsx, "Loans")) == 121
    assert sheet_rows(xlsx, "Summary")[0][0] == LABELS["en"]["title"]


@pytest.mark.slow
def test_synthetic_portfolio_on_each_backend(db_url: str, tmp_path: Path) -> None:
    db = open_database(db_url)
    try:
        report = generate_portfolio(db, 250, seed=11)
        assert report.loans == 250
        loans = list_loans(db)
        assert len(loans) == 250
        assert all(x.reference.startswith("SYN11-") for x in loans)
        stats = export_portfolio(db, tmp_path / "p.xlsx", as_of=AS_OF)
        assert stats.loans == 250 and stats.pledges == report.pledges
    finally:
        db.dispose()
