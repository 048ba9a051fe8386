"""Classifying and valuing stored loans, on a real SQLite file with the demo seeds."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sqlalchemy import func, select

from greendesk.cli import main
from greendesk.domain.errors import UserError
from greendesk.domain.roles import Principal
from greendesk.paths import resources_dir
from greendesk.services import auth
from greendesk.services.assessment import (
    assess_all,
    assess_loan,
    collateral_report,
    loan_facts,
)
from greendesk.services.records import loans
from greendesk.services.records.inputs import ClassificationOverrideInput
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import AuditEvent, Loan, ReferencePrice

AS_OF = date(2025, 10, 15)
BURQIN = "XJ-ALT-2024-001"  # grassland carbon-sink revenue right, 15,000,000.00
CEA_CROSS_PERIOD = "XJ-CJ-2024-002"  # Industrial Bank's cross-compliance-period CEA pledge


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    db = open_database(f"sqlite:///{folder / 'desk.db'}")
    seed_demo(db)
    db.dispose()
    return folder / "desk.db"


@pytest.fixture
def db(seeded_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the seeded database file for each test."""
    for path in seeded_file.parent.glob(seeded_file.name + "*"):
        shutil.copy(path, tmp_path / path.name)
    database = open_database(f"sqlite:///{tmp_path / seeded_file.name}")
    yield database
    database.dispose()


def _loan(db: Database, reference: str) -> Loan:
    with db.session() as session:
        loan = session.scalar(select(Loan).where(Loan.reference == reference))
        assert loan is not None
        return loan


def _loan_id(db: Database, reference: str) -> int:
    return _loan(db, reference).id


def _audit_count(db: Database, action: str) -> int:
    with db.session() as session:
        return (
            session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
            )
            or 0
        )


def test_assess_all_stores_every_loans_classification(db: Database) -> None:
    results = assess_all(db, AS_OF)
    with db.session() as session:
        current = session.scalar(select(func.count()).select_from(Loan))
    assert len(results) == current
    burqin = _loan(db, BURQIN)
    # Burqin's grassland carbon sink is financed under 2019:4.1.6 for the whole amount
    assert burqin.classification_primary == "green"
    assert burqin.classification_labels == ["green"]
    assert burqin.green_share == Decimal("1")
    assert burqin.classification_json is not None
    assert burqin.classification_json["catalogue"]["code"] == "4.1.6"
    assert _audit_count(db, "loan.classify") == len(results)


def test_reassessing_unchanged_loans_writes_nothing(db: Database) -> None:
    assess_all(db, AS_OF)
    events = _audit_count(db, "loan.classify")
    again = assess_all(db, AS_OF)
    assert not any(r.stored for r in again)
    assert _audit_count(db, "loan.classify") == events


def _drop_green_facts(loan: Loan) -> None:
    """Take away what makes the loan green (no project, no use of proceeds): the engine's verdict
    on the loan's facts becomes conventional."""
    loan.project_id = None
    loan.use_of_proceeds.clear()


def test_an_override_is_never_overwritten(db: Database) -> None:
    loan_id = _loan_id(db, BURQIN)
    seeded = _loan(db, BURQIN)
    assert seeded.classification_primary == "green"  # the seed step classified it
    with db.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        loan.override_primary = "transition"
        loan.override_reason = "贷审会认定：按转型金融口径管理（测试）"
        _drop_green_facts(loan)
    events = _audit_count(db, "loan.classify")
    with db.session(write=True) as session:
        result = assess_loan(session, loan_id, AS_OF)
    assert result.engine_primary == "conventional"  # the engine's verdict did change ...
    assert result.primary == "transition"
    assert result.overridden and not result.stored
    stored = _loan(db, BURQIN)
    # ... but nothing of it was written while the override stands
    assert stored.classification_primary == seeded.classification_primary == "green"
    assert stored.classification_labels == seeded.classification_labels
    assert stored.classification_json == seeded.classification_json
    assert stored.override_primary == "transition"
    assert _audit_count(db, "loan.classify") == events


def _officer(db: Database) -> Principal:
    return auth.authenticate(db, "officer", auth.DEMO_PASSWORD)  # a seeded demo account


def _draft_copy_of_burqin(db: Database) -> int:
    """A new draft application with Burqin's terms (its borrower, project, use of proceeds)."""
    data = loans.get_loan_terms(db, _loan_id(db, BURQIN)).input
    data.reference = ""
    return loans.create_loan(db, _officer(db), data).id


def _classification(db: Database, loan_id: int) -> tuple[str | None, Any]:
    with db.session() as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        return loan.classification_primary, loan.classification_json


def test_a_new_application_is_classified_when_created(db: Database) -> None:
    events = _audit_count(db, "loan.classify")
    loan_id = _draft_copy_of_burqin(db)
    primary, data = _classification(db, loan_id)
    assert primary == "green"  # grassland carbon sink, 2019:4.1.6
    assert data is not None and data["catalogue"]["code"] == "4.1.6"
    assert _audit_count(db, "loan.classify") == events + 1
    record = loans.get_loan(db, loan_id)
    assert loans.get_loan_terms(db, loan_id).version == record.version


def test_editing_terms_reclassifies_in_the_same_save(db: Database) -> None:
    loan_id = _draft_copy_of_burqin(db)
    terms = loans.get_loan_terms(db, loan_id)
    edit = terms.input
    edit.project_id = None
    edit.use_of_proceeds = []
    saved = loans.update_loan_terms(db, _officer(db), loan_id, edit, expected_version=terms.version)
    primary, data = _classification(db, loan_id)
    assert primary == "conventional"  # nothing green is financed any more
    assert data is not None and data["primary"] == "conventional"
    assert saved.version == loans.get_loan(db, loan_id).version  # the record handed back is current
    with db.session() as session:
        last = session.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == str(loan_id))
            .order_by(AuditEvent.seq.desc())
        ).first()  # fmt: skip
    assert last is not None and last.action == "loan.classify" and last.actor == "officer"


def test_editing_terms_keeps_an_override_and_the_stored_class(db: Database) -> None:
    loan_id = _draft_copy_of_burqin(db)
    officer = _officer(db)
    version = loans.get_loan_terms(db, loan_id).version
    loans.set_classification_override(
        db, officer, loan_id,
        ClassificationOverrideInput(primary="transition", reason="贷审会认定：按转型金融口径管理"),
        expected_version=version,
    )  # fmt: skip
    terms = loans.get_loan_terms(db, loan_id)
    edit = terms.input
    edit.project_id = None
    edit.use_of_proceeds = []
    loans.update_loan_terms(db, officer, loan_id, edit, expected_version=terms.version)
    primary, data = _classification(db, loan_id)
    assert primary == "green"  # still the class stored before the override
    assert data is not None and data["catalogue"]["code"] == "4.1.6"
    record = loans.get_loan(db, loan_id)
    assert record.override_primary == "transition"


def test_stored_facts_match_the_published_schema(db: Database) -> None:
    schema = json.loads((resources_dir() / "schemas" / "facts.schema.json").read_text("utf-8"))
    with db.session() as session:
        loans = session.scalars(select(Loan)).all()
        assert loans
        for loan in loans:
            jsonschema.validate(loan_facts(loan), schema)


def test_collateral_report_for_one_loan(db: Database) -> None:
    [report] = collateral_report(db, BURQIN, AS_OF)
    # 1,340,000 t × 29.50 yuan/t (the article's 19,765,000 / 670,000) = 39,530,000.00;
    # × 0.50 = 19,765,000.00; / 15,000,000.00 = 1.3177
    [pledge] = report.pledges
    assert pledge.value == Decimal("39530000.00")
    assert pledge.eligible_value == Decimal("19765000.00")
    assert report.coverage == Decimal("1.3177")
    kinds = [a.kind for a in report.alerts]
    assert "coverage_below_threshold" not in kinds


def test_cross_period_allowance_pledge_raises_its_alerts(db: Database) -> None:
    [report] = collateral_report(db, CEA_CROSS_PERIOD, AS_OF)
    kinds = [a.kind for a in report.alerts]
    assert kinds.count("allowance_surrendered_before_maturity") == 2
    assert "coverage_below_threshold" in kinds


def test_a_new_lower_price_lowers_coverage(db: Database) -> None:
    [before] = collateral_report(db, CEA_CROSS_PERIOD, AS_OF)
    with db.session(write=True) as session:
        session.add(
            ReferencePrice(
                instrument="CEA", price_date=date(2025, 10, 14), price=Decimal("40.00"),
                unit="CNY/t", source="test: price shock",
            )
        )  # fmt: skip
    [after] = collateral_report(db, CEA_CROSS_PERIOD, AS_OF)
    assert after.total_eligible < before.total_eligible
    assert all(p.unit_price == Decimal("40") for p in after.pledges)
    quantities = sum((p.quantity or Decimal(0)) for p in after.pledges)
    # every allowance now at 40.00 yuan/t with the pledges' own rate
    assert after.total_value == quantities * Decimal("40")


def test_unknown_reference_is_a_user_error(db: Database) -> None:
    with pytest.raises(UserError, match="no loan with reference NOPE"):
        collateral_report(db, "NOPE", AS_OF)


def test_report_for_every_loan(db: Database) -> None:
    reports = collateral_report(db, None, AS_OF)
    assert [r.reference for r in reports] == sorted(r.reference for r in reports)
    assert BURQIN in {r.reference for r in reports}


def test_collateral_command_json(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    url = str(db.engine.url)
    assert main(["collateral", BURQIN, "--as-of", "2025-10-15", "--json", "--db", url]) == 0
    [loan] = json.loads(capsys.readouterr().out)
    assert loan["reference"] == BURQIN
    assert loan["coverage"] == "1.3177"
    assert loan["pledges"][0]["eligible_value"] == "19765000.00"


def test_collateral_command_text_and_bad_date(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(db.engine.url)
    assert main(["collateral", CEA_CROSS_PERIOD, "--as-of", "2025-10-15", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "2023 allowances must be surrendered by 2024-12-31" in out
    assert main(["collateral", "--as-of", "15/10/2025", "--db", url]) == 2
    assert "--as-of" in capsys.readouterr().err
