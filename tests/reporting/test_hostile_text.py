"""Reports render whatever the services accept (issue 11 point 10).

Before: 1,000 characters of approval conditions (the limit is 2,000) raised LayoutError; a long
bank and branch ran the page header past the page edge; emoji vanished without a word; a
borrower name holding \\x07 made the whole workbook export fail with IllegalCharacterError.
"""

from __future__ import annotations

import dataclasses
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from greendesk.reporting.memo import render_memo
from greendesk.reporting.model import LoanBundle, MemoData, Vote
from greendesk.reporting.workbook import write_portfolio
from tests.reporting import pdftools
from tests.reporting.cases import article_portfolio, mulei_memo

CONDITION = (
    "放款前须取得并网验收意见、环评批复及碳减排量核证报告；借款人每季度报送储能电站运行数据。"
)
EMOJI = "🌿"


def _conditions(length: int) -> str:
    text = (CONDITION * (length // len(CONDITION) + 1))[:length]
    return text


def _hostile(data: MemoData, conditions: str) -> MemoData:
    votes = [
        Vote(
            "评审员甲",
            "approve_with_conditions",
            conditions,
            conditions[:600],
            datetime(2026, 11, 2, 10, 30, tzinfo=UTC),
        ),
        Vote("reviewer-b", "approve_with_conditions", "A" * 40 + " " + "conditions " * 150),
        Vote("评审员丙", "approve", "", "同意。"),
    ]
    borrower = dataclasses.replace(data.borrower, name=f"木垒风光储{EMOJI}有限公司\x07（测试）")
    return dataclasses.replace(
        data,
        votes=votes,
        borrower=borrower,
        bank="中国农业银行股份有限公司" * 8 + "X" * 4,  # 100 characters, the field's limit
        branch="新疆维吾尔自治区昌吉回族自治州木垒哈萨克自治县支行" * 4,
    )


@pytest.mark.parametrize("length", [1000, 2000])
def test_long_conditions_wrap_and_split_across_pages(tmp_path: Path, length: int) -> None:
    data = _hostile(mulei_memo(periods=24, lenders=3), _conditions(length))
    pdf = tmp_path / "memo.pdf"
    render_memo(data, pdf, "zh")
    text = "".join(pdftools.text(pdf).split())
    assert _conditions(length)[-40:] in text  # the end of the conditions is printed too


def test_the_page_header_stays_inside_the_page(tmp_path: Path) -> None:
    data = _hostile(mulei_memo(periods=24, lenders=3), _conditions(200))
    pdf = tmp_path / "memo.pdf"
    render_memo(data, pdf, "zh")
    words, width, _height = pdftools.words(pdf)
    header = [w for w in words if w.page == 2 and w.y_max < 60]
    assert header, "no header found on page 2"
    assert all(w.x_min >= 0 and w.x_max <= width - 30 for w in header), header
    assert any(w.text.endswith("…") or "…" in w.text for w in header)  # shortened, not cut off


def test_undrawable_characters_are_shown_and_named(tmp_path: Path) -> None:
    data = _hostile(mulei_memo(periods=24, lenders=3), _conditions(200))
    for lang in ("zh", "en"):
        pdf = tmp_path / f"memo-{lang}.pdf"
        render_memo(data, pdf, lang)
        text = pdftools.text(pdf)
        assert "木垒风光储\ufffd有限公司\ufffd（测试）" in text  # emoji and BEL both visible
        assert "U+1F33F" in text and "U+0007" in text  # the memo says which characters


def test_a_control_character_in_a_name_does_not_stop_the_export(tmp_path: Path) -> None:
    rows = article_portfolio()
    rows[0] = dataclasses.replace(rows[0], borrower=f"彭阳\x07水务{EMOJI}\x1b[0m")
    out = tmp_path / "portfolio.xlsx"
    bundles = [LoanBundle(row, [], []) for row in rows]
    write_portfolio(out, loans=bundles, maturity=[], as_of=date(2026, 6, 30), lang="zh")
    sheet_xml = "".join(
        zipfile.ZipFile(out).read(n).decode("utf-8")
        for n in zipfile.ZipFile(out).namelist()
        if n.startswith("xl/worksheets/")
    )
    assert "\x07" not in sheet_xml and "\x1b" not in sheet_xml
    book = openpyxl.load_workbook(out, read_only=True)
    values = {str(c) for ws in book.worksheets for r in ws.iter_rows(values_only=True) for c in r}
    assert f"彭阳\ufffd水务{EMOJI}\ufffd[0m" in values


def test_the_slow_path_cleans_text_too() -> None:
    from openpyxl import Workbook

    from greendesk.reporting.workbook.cells import TextCells, text_cell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    assert TextCells(ws)("a\x07b") == "a\ufffdb"
    assert text_cell(ws, "=a\x00").value == "=a\ufffd"


def test_an_older_database_with_control_characters_still_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names written before the control-character rule existed: memo and workbook still come."""
    import sqlite3

    from greendesk.cli import main
    from greendesk.services.seeding import seed_demo
    from greendesk.store.database import open_database

    path = tmp_path / "old.db"
    db = open_database(f"sqlite:///{path}")
    try:
        seed_demo(db)
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("update borrowers set name = name || char(7) || '🌿' || char(27)")
        ref = conn.execute("select reference from loans order by id limit 1").fetchone()[0]
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    url = f"sqlite:///{path}"
    assert main(["export", "-o", str(tmp_path / "p.xlsx"), "--db", url]) == 0
    assert main(["memo", ref, "-o", str(tmp_path / "m.pdf"), "--db", url]) == 0
    assert "U+0007" in pdftools.text(tmp_path / "m.pdf")
    book = openpyxl.load_workbook(tmp_path / "p.xlsx", read_only=True)
    names = [str(c) for ws in book.worksheets for r in ws.iter_rows(values_only=True) for c in r]
    assert any(n.endswith("\ufffd🌿\ufffd") for n in names)
