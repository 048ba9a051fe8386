"""Supplying a loan's missing evidence: values and documents, re-classified in one transaction.

Real seeded SQLite files (the demo portfolio), one test on the PostgreSQL test server. Each bad
input must leave nothing behind: no technology change, no document row, no audit event, no
file in the folder beside the database.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from greendesk.domain.errors import InvalidInput, UserError
from greendesk.domain.roles import PermissionDenied, Principal, Refused, Role
from greendesk.services import auth, evidence, evidence_files, evidence_supply, evidence_withdraw
from greendesk.services.assessment import assess_loan, stored_classification
from greendesk.services.evidence_supply import DocumentInput
from greendesk.services.evidence_withdraw import WithdrawResult
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import AuditEvent, EvidenceDocument, Loan, Project

JINTA = "GS-JQ-2024-001"  # 100 MW concentrated solar power, 2019:3.2.2
DOCUMENTS = ("project_approval", "grid_connection_approval", "environmental_impact_approval")


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "desk.db"
    db = open_database(f"sqlite:///{path}")
    try:
        seed_demo(db)
        auth.ensure_demo_users(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def db(seeded_file: Path, tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / "desk.db"
    source, copy = sqlite3.connect(seeded_file), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    database = open_database(f"sqlite:///{target}")
    yield database
    database.dispose()


def _who(db: Database, name: str) -> Principal:
    return auth.authenticate(db, name, auth.DEMO_PASSWORD)


def _loan_id(db: Database, reference: str) -> int:
    with db.session() as session:
        found = session.scalar(select(Loan.id).where(Loan.reference == reference))
        assert found is not None
        return found


def _scan(tmp_path: Path, name: str = "批复.pdf", content: bytes = b"%PDF-1.4\n% scan\n") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _doc(kind: str, path: object, **changes: object) -> DocumentInput:
    fields: dict[str, Any] = {
        "kind": kind,
        "received_on": "2024-05-20",
        "issuer": "甘肃省发展和改革委员会",
        "reference": "甘发改能源〔2024〕88号",
        "path": path,
    }
    fields.update(changes)
    return DocumentInput(**fields)


def _state(db: Database, loan_id: int) -> tuple[Any, ...]:
    """Everything a refused supply must leave as it was."""
    with db.session() as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        project = session.get(Project, loan.project_id)
        assert project is not None
        docs = session.scalar(select(func.count()).select_from(EvidenceDocument))
        events = session.scalar(select(func.count()).select_from(AuditEvent))
        return (dict(project.technology), project.version, docs, events,
                loan.classification_json)  # fmt: skip


def _files(db: Database) -> list[Path]:
    folder = evidence_files.files_folder(db)
    assert folder is not None
    return sorted(folder.glob("*")) if folder.exists() else []


def _set_technology(db: Database, loan_id: int, **tech: str | None) -> None:
    """Test set-up: the project's technology as another registration would have it."""
    with db.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        project = session.get(Project, loan.project_id)
        assert project is not None
        values = dict(project.technology)
        for key, value in tech.items():
            if value is None:
                values.pop(key, None)
            else:
                values[key] = value
        project.technology = values
        session.flush()
        assess_loan(session, loan_id, date.today())


def test_jinta_lists_its_three_missing_documents(db: Database) -> None:
    found = evidence.missing_evidence(db, _loan_id(db, JINTA))
    assert found.reference == JINTA
    assert found.primary == "green"
    assert [(i.id, i.supply, i.kind) for i in found.items] == [
        (f"evidence.{k}", "document", k) for k in DOCUMENTS
    ]
    assert found.documents == ()


def test_supplying_the_documents_makes_jinta_green_with_nothing_missing(
    db: Database, tmp_path: Path
) -> None:
    officer = _who(db, "officer")
    loan_id = _loan_id(db, JINTA)
    scan = _scan(tmp_path)
    for n, kind in enumerate(DOCUMENTS, 1):
        done = evidence_supply.supply_document(
            db, officer, loan_id, f"evidence.{kind}", _doc(kind, str(scan))
        )
        assert done.satisfied
        assert len(done.evidence.items) == len(DOCUMENTS) - n
    info = stored_classification(db, loan_id)
    assert info is not None and info.primary == "green" and info.missing_evidence == ()
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    files = _files(db)
    assert [f.name for f in files] == [f"{digest}.pdf"]  # one copy, named by its content
    found = evidence.missing_evidence(db, loan_id)
    assert [d.kind for d in found.documents] == list(DOCUMENTS)
    first = found.documents[0]
    assert (first.issuer, first.reference, first.received_on) == (
        "甘肃省发展和改革委员会", "甘发改能源〔2024〕88号", date(2024, 5, 20),
    )  # fmt: skip
    assert first.file_name == "批复.pdf" and first.sha256 == digest and not first.in_database
    assert evidence_files.document_bytes(db, first.id) == scan.read_bytes()
    with db.session() as session:
        actions = list(
            session.scalars(select(AuditEvent.action).where(AuditEvent.actor == officer.username))
        )
    assert actions.count("project.evidence_document") == 3
    assert "loan.classify" in actions  # re-classified in the same transaction, by the officer


def test_a_tampered_file_is_reported_not_returned(db: Database, tmp_path: Path) -> None:
    loan_id = _loan_id(db, JINTA)
    kind = DOCUMENTS[0]
    done = evidence_supply.supply_document(
        db, _who(db, "officer"), loan_id, f"evidence.{kind}", _doc(kind, _scan(tmp_path))
    )
    [file] = _files(db)
    file.write_bytes(b"something else")
    with pytest.raises(UserError, match="no longer matches its SHA-256"):
        evidence_files.document_bytes(db, done.evidence.documents[0].id)


def test_values_supply_the_pv_criteria_one_by_one(db: Database) -> None:
    officer = _who(db, "officer")
    loan_id = _loan_id(db, JINTA)
    _set_technology(db, loan_id, solar_technology="pv")
    [selector] = [i for i in evidence.missing_evidence(db, loan_id).items if i.supply == "value"]
    assert selector.id == "green.technology_unstated"  # the engine's id for both questions
    assert selector.parameter == "pv_cell_type"
    assert "monocrystalline" in selector.choices and "cdte" in selector.choices
    done = evidence_supply.supply_value(db, officer, loan_id, selector.id, "monocrystalline")
    assert done.satisfied
    values = {i.parameter: i for i in done.evidence.items if i.supply == "value"}
    assert set(values) == {
        "pv_module_efficiency_pct",
        "pv_first_year_degradation_pct",
        "pv_annual_degradation_pct",
    }
    efficiency = values["pv_module_efficiency_pct"]
    assert efficiency.id == "green.criterion.pv_module_efficiency_mono"
    assert (efficiency.unit, efficiency.minimum, efficiency.maximum) == ("%", 0, 100)
    assert "17.8" in efficiency.rule_en
    for item, value in zip(values.values(), ("22.50", "2", "0.55"), strict=True):
        evidence_supply.supply_value(db, officer, loan_id, item.id, value)
    info = stored_classification(db, loan_id)
    assert info is not None
    assert not [f for f in info.missing_evidence if f.id.startswith("green.criterion")]
    assert "green.pending_evidence" not in [f.id for f in info.flags]
    with db.session() as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None and loan.project is not None
        assert loan.project.technology["pv_module_efficiency_pct"] == "22.5"  # exact text


def test_a_failing_value_is_stored_and_the_loan_is_no_longer_green(db: Database) -> None:
    officer = _who(db, "officer")
    loan_id = _loan_id(db, JINTA)
    _set_technology(db, loan_id, solar_technology="pv", pv_cell_type="polycrystalline")
    item = next(
        i
        for i in evidence.missing_evidence(db, loan_id).items
        if i.parameter == "pv_module_efficiency_pct"
    )
    done = evidence_supply.supply_value(db, officer, loan_id, item.id, "15")
    assert done.satisfied  # no longer missing: now measured, and below the 17 % floor
    info = stored_classification(db, loan_id)
    assert info is not None and info.primary != "green"
    assert "green.criterion_failed" in [f.id for f in info.flags]


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("abc", "value: "),
        ("250", "value: must be at most 100"),
        ("-1", "value: must be at least 0"),
        ("1e999", "value: "),
        ("17\x00", "value: contains the control character U+0000"),
        ("", "value: required"),
        (17.8, "value: must be text"),
        ("9" * 300, "value: longer than"),
    ],
)
def test_bad_values_save_nothing(db: Database, value: object, rule: str) -> None:
    loan_id = _loan_id(db, JINTA)
    _set_technology(db, loan_id, solar_technology="pv", pv_cell_type="monocrystalline")
    item = next(i for i in evidence.missing_evidence(db, loan_id).items if i.supply == "value")
    before = _state(db, loan_id)
    with pytest.raises(InvalidInput) as caught:
        evidence_supply.supply_value(db, _who(db, "officer"), loan_id, item.id, value)
    assert str(caught.value).startswith(rule)
    assert _state(db, loan_id) == before


def test_a_choice_outside_the_list_is_refused(db: Database) -> None:
    loan_id = _loan_id(db, JINTA)
    _set_technology(db, loan_id, solar_technology=None)
    [item] = [i for i in evidence.missing_evidence(db, loan_id).items if i.supply == "value"]
    assert item.choices == ("pv", "csp")
    before = _state(db, loan_id)
    with pytest.raises(InvalidInput, match="value: must be one of: pv, csp"):
        evidence_supply.supply_value(db, _who(db, "officer"), loan_id, item.id, "nuclear")
    assert _state(db, loan_id) == before


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"path": "/nonexistent/批复.pdf"}, "document: no such file"),
        ({"path": ""}, "document: required"),
        ({"path": None}, "document: required"),
        ({"received_on": (date.today() + timedelta(days=1)).isoformat()}, "date: in the future"),
        ({"received_on": "20/05/2024"}, "date: not a date"),
        ({"issuer": "  "}, "issuer: required"),
        ({"issuer": "甘肃\x1b省"}, "issuer: contains the control character U+001B"),
        ({"reference": "x" * 41}, "reference: longer than 40 characters"),
    ],
)
def test_bad_documents_save_nothing(
    db: Database, tmp_path: Path, changes: dict[str, object], rule: str
) -> None:
    loan_id = _loan_id(db, JINTA)
    kind = DOCUMENTS[0]
    fields: dict[str, object] = {"path": _scan(tmp_path)}
    fields.update(changes)
    before = _state(db, loan_id)
    with pytest.raises(InvalidInput) as caught:
        evidence_supply.supply_document(
            db, _who(db, "officer"), loan_id, f"evidence.{kind}", _doc(kind, **fields)
        )
    assert rule in str(caught.value)
    assert _state(db, loan_id) == before
    assert _files(db) == []


def test_an_empty_file_and_a_folder_are_refused(db: Database, tmp_path: Path) -> None:
    loan_id = _loan_id(db, JINTA)
    kind = DOCUMENTS[0]
    for path, rule in ((_scan(tmp_path, "空.pdf", b""), "the file is empty"),
                       (tmp_path, "no such file")):  # fmt: skip
        with pytest.raises(InvalidInput, match=rule):
            evidence_supply.supply_document(
                db, _who(db, "officer"), loan_id, f"evidence.{kind}", _doc(kind, path)
            )
    assert _files(db) == []


def test_wrong_kind_item_or_way_leaves_no_file_behind(db: Database, tmp_path: Path) -> None:
    officer = _who(db, "officer")
    loan_id = _loan_id(db, JINTA)
    scan = _scan(tmp_path)
    before = _state(db, loan_id)
    with pytest.raises(UserError, match="needs a document of kind project_approval"):
        evidence_supply.supply_document(
            db,
            officer,
            loan_id,
            "evidence.project_approval",
            _doc("grid_connection_approval", scan),
        )
    with pytest.raises(UserError, match="is not missing for loan"):
        evidence_supply.supply_document(
            db, officer, loan_id, "evidence.nothing", _doc("nothing", scan)
        )
    with pytest.raises(UserError, match=r"is supplied by a document \(--document\)"):
        evidence_supply.supply_value(db, officer, loan_id, "evidence.project_approval", "yes")
    assert _state(db, loan_id) == before
    assert _files(db) == []


def test_a_reviewer_may_not_supply_evidence(db: Database, tmp_path: Path) -> None:
    loan_id = _loan_id(db, JINTA)
    before_docs = _state(db, loan_id)[2]
    with pytest.raises(PermissionDenied):
        evidence_supply.supply_document(
            db, _who(db, "reviewer1"), loan_id, "evidence.project_approval",
            _doc("project_approval", _scan(tmp_path)),
        )  # fmt: skip
    assert _state(db, loan_id)[2] == before_docs
    assert _files(db) == []


def test_findings_supplied_elsewhere_say_where(db: Database) -> None:
    found = evidence.missing_evidence(db, _loan_id(db, "XJ-CJ-2024-003"))
    assert found.items and all(i.supply == "elsewhere" for i in found.items)
    assert all("borrower editor" in i.rule_en for i in found.items)


@pytest.mark.postgres
def test_on_postgresql_the_file_is_kept_in_the_database(pg_url: str, tmp_path: Path) -> None:
    db = open_database(pg_url)
    try:
        seed_demo(db)
        auth.ensure_demo_users(db)
        assert evidence_files.files_folder(db) is None
        loan_id = _loan_id(db, JINTA)
        scan = _scan(tmp_path, content=bytes(range(256)) * 64)  # binary, not text
        officer = _who(db, "officer")
        for kind in DOCUMENTS:
            evidence_supply.supply_document(
                db, officer, loan_id, f"evidence.{kind}", _doc(kind, scan)
            )
        found = evidence.missing_evidence(db, loan_id)
        assert found.items == ()
        assert all(d.in_database for d in found.documents)
        assert evidence_files.document_bytes(db, found.documents[0].id) == scan.read_bytes()
        info = stored_classification(db, loan_id)
        assert info is not None and info.primary == "green" and info.missing_evidence == ()
    finally:
        db.dispose()
    assert not list(tmp_path.glob("*.files"))


def test_backup_and_restore_carry_the_files(db: Database, tmp_path: Path) -> None:
    from greendesk.services import backup

    loan_id = _loan_id(db, JINTA)
    kind = DOCUMENTS[0]
    scan = _scan(tmp_path)
    evidence_supply.supply_document(
        db, _who(db, "officer"), loan_id, f"evidence.{kind}", _doc(kind, scan)
    )
    copy = tmp_path / "copies" / "backup.db"
    copy.parent.mkdir()
    backup.backup(db, copy, _who(db, "admin"))
    [kept] = list(evidence_files.evidence_folder_of(copy).iterdir())
    assert kept.read_bytes() == scan.read_bytes()
    elsewhere = tmp_path / "elsewhere" / "desk.db"
    elsewhere.parent.mkdir()
    backup.restore(f"sqlite:///{elsewhere}", copy, "os:test")
    restored = open_database(f"sqlite:///{elsewhere}")
    try:
        [document] = evidence.missing_evidence(restored, loan_id).documents
        assert evidence_files.document_bytes(restored, document.id) == scan.read_bytes()
    finally:
        restored.dispose()


# -- withdrawing a document -----------------------------------------------------------------
# The officer of record or an administrator withdraws a document before the committee decides;
# the loan is re-classified and the withdrawal audited in the same transaction, and the file
# kept beside the database goes only when no other record refers to it. Every refusal leaves
# the row, the file, the classification and the trail as they were (a refusal by role audited).


def _supplied(db: Database, tmp_path: Path) -> tuple[int, list[int]]:
    """Jinta, back in draft (the demo has it approved), with its three documents on file: two
    share one scan, the third has its own."""
    officer = _who(db, "officer")
    loan_id = _loan_id(db, JINTA)
    _set_status(db, loan_id, "draft")
    shared = _scan(tmp_path, "批复.pdf")
    own = _scan(tmp_path, "环评.pdf", b"%PDF-1.4\n% another scan\n")
    for kind, path in zip(DOCUMENTS, (shared, shared, own), strict=True):
        evidence_supply.supply_document(db, officer, loan_id, f"evidence.{kind}", _doc(kind, path))
    ids = [d.id for d in evidence.missing_evidence(db, loan_id).documents]
    return loan_id, ids


def _set_status(db: Database, loan_id: int, status: str) -> None:
    with db.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        loan.status = status


def _events(db: Database, action: str) -> list[AuditEvent]:
    with db.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_the_officer_withdraws_and_the_loan_is_reclassified(db: Database, tmp_path: Path) -> None:
    loan_id, (first, second, third) = _supplied(db, tmp_path)
    found = evidence.missing_evidence(db, loan_id)
    assert found.items == () and found.withdrawable
    shared_digest = hashlib.sha256((tmp_path / "批复.pdf").read_bytes()).hexdigest()
    done = evidence_withdraw.withdraw_document(db, _who(db, "officer"), loan_id, first)
    assert isinstance(done, WithdrawResult) and done.document_id == first
    assert [i.id for i in done.evidence.items] == [f"evidence.{DOCUMENTS[0]}"]  # missing again
    assert [d.id for d in done.evidence.documents] == [second, third]
    assert not done.file_removed  # the second document keeps the same scan
    assert f"{shared_digest}.pdf" in [f.name for f in _files(db)]
    [event] = _events(db, "project.evidence_withdraw")
    assert event.actor == "officer" and event.after_json is None
    assert event.before_json is not None
    before = json.loads(event.before_json)
    assert before["sha256"] == shared_digest
    assert before["document_id"] == first and before["kind"] == DOCUMENTS[0]
    info = stored_classification(db, loan_id)  # re-classified: the finding is stored again
    assert info is not None and [f.id for f in info.missing_evidence] == [
        f"evidence.{DOCUMENTS[0]}"
    ]
    done = evidence_withdraw.withdraw_document(db, _who(db, "officer"), loan_id, second)
    assert done.file_removed  # the last record of that scan: its file goes
    assert f"{shared_digest}.pdf" not in [f.name for f in _files(db)]
    assert len(_files(db)) == 1  # the third document's own scan stays
    assert evidence_files.document_bytes(db, third) == (tmp_path / "环评.pdf").read_bytes()


def test_an_administrator_may_withdraw(db: Database, tmp_path: Path) -> None:
    loan_id, ids = _supplied(db, tmp_path)
    done = evidence_withdraw.withdraw_document(db, _who(db, "admin"), loan_id, ids[2])
    assert done.file_removed and [d.id for d in done.evidence.documents] == ids[:2]


def test_analyst_and_reviewer_are_refused_and_nothing_changes(db: Database, tmp_path: Path) -> None:
    loan_id, ids = _supplied(db, tmp_path)
    auth.create_user(db, _who(db, "admin"), "hq1", Role.ANALYST, "analyst-pass-123", "总行")
    analyst = auth.authenticate(db, "hq1", "analyst-pass-123")
    files = _files(db)
    for who in (analyst, _who(db, "reviewer1")):
        before = _state(db, loan_id)
        with pytest.raises(PermissionDenied, match="may not withdraw a supplied evidence"):
            evidence_withdraw.withdraw_document(db, who, loan_id, ids[0])
        after = _state(db, loan_id)
        assert after[:3] == before[:3] and after[4] == before[4]  # rows, technology, class
        assert after[3] == before[3] + 1  # only the refusal, audited
    assert _files(db) == files


def test_another_officer_is_not_the_officer_of_record(db: Database, tmp_path: Path) -> None:
    loan_id, ids = _supplied(db, tmp_path)
    auth.create_user(db, _who(db, "admin"), "zhang", Role.OFFICER, "officer-pass-123", "张")
    other = auth.authenticate(db, "zhang", "officer-pass-123")
    before = _state(db, loan_id)
    with pytest.raises(Refused, match=f"zhang is not the officer of record of loan {JINTA}"):
        evidence_withdraw.withdraw_document(db, other, loan_id, ids[0])
    assert _state(db, loan_id)[:3] == before[:3]
    [refusal] = [e for e in _events(db, "refused") if e.actor == "zhang"]
    assert "evidence.withdraw" in f"{refusal.before_json} {refusal.after_json} {refusal.entity_id}"


@pytest.mark.parametrize(
    "status", ["approved", "approved_with_conditions", "disbursed", "closed", "declined"]
)
def test_nobody_withdraws_once_the_committee_has_decided(
    db: Database, tmp_path: Path, status: str
) -> None:
    loan_id, ids = _supplied(db, tmp_path)
    _set_status(db, loan_id, status)
    assert not evidence.missing_evidence(db, loan_id).withdrawable  # the window greys it out
    files = _files(db)
    before = _state(db, loan_id)
    for who in ("officer", "admin"):
        with pytest.raises(UserError, match=f"loan {JINTA} is {status}; evidence stays on file"):
            evidence_withdraw.withdraw_document(db, _who(db, who), loan_id, ids[0])
    assert _state(db, loan_id) == before and _files(db) == files


@pytest.mark.parametrize("status", ["submitted", "under_review", "returned"])
def test_withdrawing_before_the_decision_is_allowed(
    db: Database, tmp_path: Path, status: str
) -> None:
    loan_id, ids = _supplied(db, tmp_path)
    _set_status(db, loan_id, status)
    assert evidence_withdraw.withdraw_document(
        db, _who(db, "officer"), loan_id, ids[2]
    ).file_removed


@pytest.mark.parametrize("bad", [0, -1, 2**63, 10**40, 999_999, "1", 1.0, True, None])
def test_a_bad_document_id_is_a_user_error(db: Database, tmp_path: Path, bad: object) -> None:
    loan_id, _ids = _supplied(db, tmp_path)
    before = _state(db, loan_id)
    with pytest.raises(UserError, match="document"):
        evidence_withdraw.withdraw_document(db, _who(db, "officer"), loan_id, bad)  # type: ignore[arg-type]
    assert _state(db, loan_id) == before


def test_a_document_of_another_project_is_refused(db: Database, tmp_path: Path) -> None:
    _loan_id_jinta, ids = _supplied(db, tmp_path)
    other = _loan_id(db, "XJ-CJ-2023-001")
    with pytest.raises(UserError, match=f"{ids[0]} is not on file for loan XJ-CJ-2023-001"):
        evidence_withdraw.withdraw_document(db, _who(db, "officer"), other, ids[0])
    with db.session() as session:
        assert session.get(EvidenceDocument, ids[0]) is not None


def test_a_failed_transaction_keeps_the_row_and_the_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loan_id, ids = _supplied(db, tmp_path)
    files = _files(db)
    before = _state(db, loan_id)

    def broken(*_args: object) -> None:
        raise UserError("classification: engine refused (test)")

    monkeypatch.setattr(evidence_withdraw, "reclassify_project", broken)
    with pytest.raises(UserError, match="engine refused"):
        evidence_withdraw.withdraw_document(db, _who(db, "officer"), loan_id, ids[2])
    assert _state(db, loan_id) == before  # no row deleted, no audit event
    assert _files(db) == files and all(f.exists() for f in files)


def test_a_scan_supplied_again_meanwhile_keeps_its_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the withdrawal's commit and the file's removal another desk records the same
    scan: the file stays, since a row names it again."""
    loan_id, ids = _supplied(db, tmp_path)
    own = tmp_path / "环评.pdf"
    real = evidence_withdraw._still_named

    def meanwhile(database: Database, stored_name: str) -> bool:
        kind = DOCUMENTS[2]
        evidence_supply.supply_document(
            database, _who(database, "officer"), loan_id, f"evidence.{kind}", _doc(kind, own)
        )
        return real(database, stored_name)

    monkeypatch.setattr(evidence_withdraw, "_still_named", meanwhile)
    done = evidence_withdraw.withdraw_document(db, _who(db, "officer"), loan_id, ids[2])
    assert not done.file_removed
    [again] = [
        d for d in evidence.missing_evidence(db, loan_id).documents if d.kind == DOCUMENTS[2]
    ]
    assert evidence_files.document_bytes(db, again.id) == own.read_bytes()
