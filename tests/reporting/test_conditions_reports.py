"""The memo and the workbook list an approval's conditions precedent and where each stands."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl

from greendesk.services import auth, conditions, portfolio, workflow
from greendesk.services.report_portfolio import export_portfolio
from greendesk.services.reports import memo_data, write_memo
from greendesk.services.seeding import seed_demo
from greendesk.store.database import open_database
from tests.reporting import pdftools

YUMEN = "GS-YM-2026-001"


def test_memo_and_workbook_list_conditions_precedent(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'cp.db'}")
    try:
        seed_demo(db)
        auth.ensure_demo_users(db)
        loan = next(x for x in portfolio.list_loans(db) if x.reference == YUMEN)
        r1, r2, r3 = (
            auth.authenticate(db, n, auth.DEMO_PASSWORD)
            for n in ("reviewer1", "reviewer2", "reviewer3")
        )
        officer = auth.authenticate(db, "officer", auth.DEMO_PASSWORD)
        workflow.vote(db, r1, loan.id, "approve")
        workflow.vote(
            db, r2, loan.id, "approve_with_conditions", conditions="完成并网验收\n追加保证人"
        )
        workflow.vote(db, r3, loan.id, "approve")
        workflow.decide(db, r1, loan.id)
        conditions.satisfy(db, officer, loan.id, 1, "并网验收报告 GF-2026-031")

        data = memo_data(db, YUMEN, "zh", date(2026, 12, 1))
        assert [(c.position, c.text, c.satisfied_by) for c in data.conditions_precedent] == [
            (1, "完成并网验收", "officer"),
            (2, "追加保证人", ""),
        ]
        pdf = tmp_path / "memo.pdf"
        write_memo(db, YUMEN, pdf, "zh", date(2026, 12, 1))
        flat = re.sub(r"\s+", "", pdftools.text(pdf))
        assert "放款前提条件" in flat
        assert "1.完成并网验收—已满足（officer" in flat and "并网验收报告GF-2026-031" in flat
        assert "2.追加保证人—未满足" in flat

        book = tmp_path / "book.xlsx"
        export_portfolio(db, book, as_of=date(2026, 12, 1), lang="zh")
        wb = openpyxl.load_workbook(book, read_only=True)
        try:
            rows = list(wb["贷款"].iter_rows(values_only=True))
        finally:
            wb.close()
        header = list(rows[0])
        column = header.index("未满足的放款前提条件")
        # read-only rows end at their last filled cell: a loan with none open is shorter
        by_ref = {r[0]: (r[column] if len(r) > column else None) for r in rows[1:]}
        assert by_ref[YUMEN] == "2. 追加保证人"  # only the open one
        assert by_ref["XJ-CJ-2023-001"] in (None, "")
    finally:
        db.dispose()
