"""The credit memo states each programme's verdict and figures and the carbon-account proposal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from greendesk.services import auth
from greendesk.services.carbon_accounts import record_assessment
from greendesk.services.programmes import eligibility
from greendesk.services.reports import write_memo
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan
from tests.reporting import pdftools

AS_OF = date(2024, 12, 31)
MULEI, CHP = "XJ-CJ-2023-001", "XJ-CJ-2024-002"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('db') / 'm.db'}")
    seed_demo(database)
    officer = auth.authenticate(database, "officer", "greendesk-demo")
    with database.session() as session:
        code = session.scalars(select(Loan).where(Loan.reference == CHP)).one().borrower.credit_code
    record_assessment(
        database,
        officer,
        code,
        platform="新能源云昌吉州碳中和支撑服务平台",
        grade="D",
        assessed_on=date(2024, 11, 30),
        source="平台年度评级",
        intensity="0.8125",
        intensity_unit="tCO2/MWh",
        today=AS_OF,
    )
    try:
        yield database
    finally:
        database.dispose()


def memo_text(db: Database, reference: str, lang: str, tmp_path: Path) -> str:
    pdf = tmp_path / f"{reference}-{lang}.pdf"
    write_memo(db, reference, pdf, lang, AS_OF)
    return re.sub(r"\s+", "", pdftools.text(pdf))


def test_chinese_memo_states_cerf_eligibility_and_the_refinancing(
    db: Database, tmp_path: Path
) -> None:
    text = memo_text(db, MULEI, "zh", tmp_path)
    assert "附、政策工具与碳账户定价" in text
    assert "碳减排支持工具：符合" in text
    [lp] = eligibility(db, MULEI, AS_OF)
    cerf = lp.result("cerf")
    assert cerf is not None and cerf.refinancing is not None
    assert f"{cerf.refinancing:,.2f}" in text  # 1,311,000,000.00
    assert "60%/1.75%" in text
    assert "借款人未接入碳账户平台" in text


def test_memo_states_the_grade_proposal_and_the_open_review(db: Database, tmp_path: Path) -> None:
    zh = memo_text(db, CHP, "zh", tmp_path)
    assert "碳减排支持工具：不符合" in zh
    assert "煤炭清洁高效利用专项再贷款" in zh
    assert "碳效码D（碳效较差）：建议利差调整+15bp" in zh
    assert "需复核定价" in zh
    en = memo_text(db, CHP, "en", tmp_path)
    assert "proposedspreadadjustment+15bps" in en
    assert "notcomputed" not in en  # not eligible: no figures at all
