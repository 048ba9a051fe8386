"""The assessment service's bilingual lines: collateral alerts and the stored classification.

On a real SQLite file seeded with the demo portfolio (which stores every loan's classification).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from greendesk.domain.classification import classify, parse_facts
from greendesk.domain.collateral import assess_collateral, load_collateral_types
from greendesk.domain.errors import UserError
from greendesk.services.assessment import (
    collateral_report,
    loan_collateral,
    loan_facts,
    price_table,
    stored_classification,
)
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan

AS_OF = date(2025, 10, 15)
CEA_CROSS_PERIOD = "XJ-CJ-2024-002"  # two CEA vintages pledged past their surrender deadlines
JINTA = "GS-JQ-2024-001"  # Jinta solar: green, catalogue 2019:3.2.2, evidence missing
CJK = ("\u4e00", "\u9fff")


def _has_chinese(text: str) -> bool:
    return any(CJK[0] <= ch <= CJK[1] for ch in text)


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeded_lines")
    db = open_database(f"sqlite:///{folder / 'desk.db'}")
    seed_demo(db)
    db.dispose()
    return folder / "desk.db"


@pytest.fixture
def db(seeded_file: Path, tmp_path: Path) -> Iterator[Database]:
    for path in seeded_file.parent.glob(seeded_file.name + "*"):
        shutil.copy(path, tmp_path / path.name)
    database = open_database(f"sqlite:///{tmp_path / seeded_file.name}")
    yield database
    database.dispose()


def _loan_id(db: Database, reference: str) -> int:
    with db.session() as session:
        found = session.scalar(select(Loan.id).where(Loan.reference == reference))
        assert found is not None
        return found


# -- alerts ---------------------------------------------------------------------------------


def test_alert_lines_carry_both_languages_and_english_message(db: Database) -> None:
    [report] = collateral_report(db, CEA_CROSS_PERIOD, AS_OF)
    surrender = [a for a in report.alerts if a.kind == "allowance_surrendered_before_maturity"]
    assert [a.pledge_seq for a in surrender] == [1, 2]
    first = surrender[0]
    assert "2023 allowances must be surrendered by 2024-12-31" in first.en
    assert "2023 年度配额须于 2024-12-31 前清缴" in first.zh
    for alert in report.alerts:
        assert alert.message == alert.en  # what --json readers had before
        assert alert.in_lang("zh") == alert.zh != alert.en == alert.in_lang("en")
        assert _has_chinese(alert.zh)
    coverage = next(a for a in report.alerts if a.kind == "coverage_below_threshold")
    assert "66.09%" in coverage.zh and "66.09%" in coverage.en


def test_alert_lines_match_the_collateral_engine(db: Database) -> None:
    """The service passes the engine's wording through unchanged, alert by alert."""
    [report] = collateral_report(db, CEA_CROSS_PERIOD, AS_OF)
    with db.session() as session:
        loan = session.scalar(select(Loan).where(Loan.reference == CEA_CROSS_PERIOD))
        assert loan is not None
        engine = assess_collateral(
            loan_collateral(loan), load_collateral_types(), price_table(session), AS_OF
        )
    assert [(a.kind, a.pledge_seq, a.zh, a.en) for a in report.alerts] == [
        (a.kind, a.pledge_seq, a.zh, a.en) for a in engine.alerts
    ]
    assert len(report.alerts) == 3


# -- stored classification ------------------------------------------------------------------


def test_stored_classification_reads_the_green_loan_in_both_languages(db: Database) -> None:
    info = stored_classification(db, _loan_id(db, JINTA))
    assert info is not None
    assert info.reference == JINTA
    assert info.primary == "green"
    assert info.labels == ("green",)
    assert info.green_share == Decimal("1")
    assert info.catalogue is not None
    assert (info.catalogue.version, info.catalogue.code) == ("2019", "3.2.2")
    assert info.catalogue.name("zh") == "太阳能利用设施建设和运营"
    assert info.catalogue.name("en").startswith("Solar energy facilities")
    assert info.override_primary is None and info.override_reason == ""
    missing = {f.id: f for f in info.missing_evidence}
    approval = missing["evidence.project_approval"]
    assert approval.in_lang("zh").startswith("缺少：项目核准或备案文件")
    assert approval.in_lang("en").endswith("project approval or filing (核准/备案文件)")
    assert any(f.id == "green.use_of_proceeds" for f in info.criteria_met)


def test_stored_classification_is_what_the_engine_found(db: Database) -> None:
    """Every finding of every seeded loan, read back, is the engine's own, in both languages."""
    with db.session() as session:
        loans = session.scalars(select(Loan).where(Loan.override_primary.is_(None))).all()
        expected = {loan.id: classify(parse_facts(loan_facts(loan))) for loan in loans}
    assert len(expected) >= 10
    for loan_id, result in expected.items():
        info = stored_classification(db, loan_id)
        assert info is not None
        assert info.primary == result.primary
        assert info.labels == result.labels
        for got, want in (
            (info.criteria_met, result.criteria_met),
            (info.missing_evidence, result.missing_evidence),
            (info.flags, result.flags),
        ):
            assert [(f.id, f.zh, f.en) for f in got] == [(f.id, f.zh, f.en) for f in want]


def test_stored_classification_keeps_the_override_beside_the_engines_class(
    db: Database,
) -> None:
    loan_id = _loan_id(db, JINTA)
    with db.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        loan.override_primary = "transition"
        loan.override_reason = "贷审会认定：按转型金融口径管理（测试）"
    info = stored_classification(db, loan_id)
    assert info is not None
    assert info.primary == "green"  # the engine's class stays
    assert info.override_primary == "transition"
    assert info.override_reason == "贷审会认定：按转型金融口径管理（测试）"


def test_older_english_only_documents_read_in_both_languages(db: Database) -> None:
    """Documents stored before findings were bilingual: ``{id, text}`` items, bare strings,
    and a catalogue reference without its names."""
    loan_id = _loan_id(db, JINTA)
    with db.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        loan.green_share = None
        loan.classification_json = {
            "primary": "green",
            "green_share": "0.8",
            "catalogue": {"version": "2019", "code": "3.2.2"},
            "criteria_met": [{"id": "old.met", "text": "old criterion met"}],
            "missing_evidence": ["grid-connection approval"],
            "flags": [],
        }
    info = stored_classification(db, loan_id)
    assert info is not None
    assert info.green_share == Decimal("0.8")
    [met] = info.criteria_met
    assert (met.id, met.zh, met.en) == ("old.met", "old criterion met", "old criterion met")
    [missing] = info.missing_evidence
    assert missing.in_lang("zh") == missing.in_lang("en") == "grid-connection approval"
    assert info.catalogue is not None
    assert info.catalogue.name("zh") == "太阳能利用设施建设和运营"  # from the catalogue itself
    assert info.catalogue.name("en").startswith("Solar energy facilities")


def test_unclassified_and_unknown_loans(db: Database) -> None:
    loan_id = _loan_id(db, JINTA)
    with db.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        loan.classification_primary = None
        loan.classification_json = None
    assert stored_classification(db, loan_id) is None
    with pytest.raises(UserError, match="no loan with id 999999"):
        stored_classification(db, 999_999)
