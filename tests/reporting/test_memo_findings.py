"""A Chinese credit memo shows the classification findings in Chinese, read back by pdftotext.

The committee reads the memo in Chinese; an English engine line inside it is a defect. The
findings the memo must show are the ones stored on the loan by the seed step's classification.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from greendesk.services.reports import write_memo
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan
from tests.reporting import pdftools

AS_OF = date(2026, 6, 30)
JINTA = "GS-JQ-2024-001"  # Jinta 100 MW concentrated solar power: green, catalogue 2019:3.2.2
METHANOL = "XJ-CJ-2024-005"  # coal-chemical waste-heat loan: transition and carbon-linked
NO_PLAN = "XJ-CJ-2024-003"  # coal-power borrower without a transition plan: conventional
KINDS = ("criteria_met", "missing_evidence", "flags")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('db') / 'f.db'}")
    seed_demo(database)
    try:
        yield database
    finally:
        database.dispose()


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def stored(db: Database, reference: str) -> dict[str, Any]:
    with db.session() as session:
        loan = session.scalars(select(Loan).where(Loan.reference == reference)).one()
        return dict(loan.classification_json or {})


def memo_text(db: Database, reference: str, lang: str, folder: Path) -> str:
    pdf = folder / f"{reference}-{lang}.pdf"
    write_memo(db, reference, pdf, lang, AS_OF)
    return squash(pdftools.text(pdf))


@pytest.mark.parametrize("reference", [JINTA, METHANOL, NO_PLAN])
def test_chinese_memo_shows_every_stored_finding_in_chinese(
    db: Database, reference: str, tmp_path: Path
) -> None:
    result = stored(db, reference)
    findings = [f for kind in KINDS for f in result.get(kind) or []]
    assert findings, reference
    text = memo_text(db, reference, "zh", tmp_path)
    for f in findings:
        assert squash(f["zh"]) in text, f["zh"]
        assert squash(f["en"]) not in text, f["en"]


def test_green_loan_memo_names_the_catalogue_item_in_chinese(db: Database, tmp_path: Path) -> None:
    text = memo_text(db, JINTA, "zh", tmp_path)
    assert (
        squash("募集资金用途符合《绿色产业指导目录（2019年版）》3.2.2 太阳能利用设施建设和运营")
        in text
    )
    assert "finances" not in text


def test_transition_carbon_linked_memo_reads_in_chinese(db: Database, tmp_path: Path) -> None:
    result = stored(db, METHANOL)
    assert result["primary"] == "transition" and "carbon_linked" in result["labels"]
    text = memo_text(db, METHANOL, "zh", tmp_path)
    assert squash("借款人属于高碳行业：现代煤化工") in text
    assert "合格转型活动" in text and "年均降幅" in text
    assert "外部核查机构：" in text and "利率按碳绩效每档调整" in text
    for english in ("borrower sector", "margin ratchet", "external verification", "tested on"):
        assert squash(english) not in text, english


def test_no_plan_flag_reads_in_chinese_and_english(db: Database, tmp_path: Path) -> None:
    zh = memo_text(db, NO_PLAN, "zh", tmp_path)
    assert squash("高碳行业借款人未提供转型计划") in zh
    en = memo_text(db, NO_PLAN, "en", tmp_path)
    assert squash("has no transition plan") in en
    assert squash("高碳行业借款人未提供转型计划") not in en
