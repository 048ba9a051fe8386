"""Library entries as classification evidence; the library summaries' figures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from greendesk.domain.errors import InvalidInput, UserError
from greendesk.services import auth
from greendesk.services.assessment import stored_classification
from greendesk.services.libraries import entries, library_summaries, pipeline, record_entry
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan

COAL = "XJ-CJ-2024-003"  # 昌吉州天山火电: coal power, no transition activity stated, no plan
LIBRARY = "昌吉州降碳转型升级项目库"
RULE = "《金融支持昌吉州降碳转型升级项目认定办法》"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'l.db'}")
    seed_demo(database)
    try:
        yield database
    finally:
        database.dispose()


def loan_id(db: Database, reference: str) -> int:
    from sqlalchemy import select

    with db.session() as session:
        return session.scalars(select(Loan.id).where(Loan.reference == reference)).one()


def test_a_recognised_transition_project_meets_the_activity_point_saying_so(
    db: Database,
) -> None:
    before = stored_classification(db, loan_id(db, COAL))
    assert before is not None
    assert "transition.activity_unstated" in {f.id for f in before.missing_evidence}
    officer = auth.authenticate(db, "officer", "greendesk-demo")
    entry = record_entry(
        db,
        officer,
        COAL,
        library=LIBRARY,
        recognised_on=date(2026, 10, 15),
        rule=RULE,
        source="昌吉州认定结果通知（演示）",
        reference="CJ-JT-2026-017",
    )
    assert entry.loans == (COAL,)
    after = stored_classification(db, loan_id(db, COAL))
    assert after is not None
    met = {f.id: f for f in after.criteria_met}
    assert "transition.library_recognised" in met
    assert LIBRARY in met["transition.library_recognised"].zh
    assert RULE in met["transition.library_recognised"].zh
    assert "eligible transition activity" in met["transition.library_recognised"].en
    assert "transition.activity_unstated" not in {f.id for f in after.missing_evidence}
    assert [e.reference for e in entries(db)] == ["CJ-JT-2026-017"]
    assert pipeline(db).entries[0].project == entry.project


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"library": ""}, "library"),
        ({"rule": "\x1b[31m"}, "rule"),
        ({"kind": "green"}, "kind"),
        ({"recognised_on": date(2999, 1, 1)}, "recognised_on"),
    ],
)
def test_bad_entries_are_refused(db: Database, changes: dict[str, object], field: str) -> None:
    officer = auth.authenticate(db, "officer", "greendesk-demo")
    kw: dict[str, object] = {
        "library": LIBRARY,
        "recognised_on": date(2026, 1, 1),
        "rule": RULE,
        "source": "s",
    } | changes
    with pytest.raises(InvalidInput, match=field):
        record_entry(db, officer, COAL, **kw)  # type: ignore[arg-type]
    assert entries(db) == []


def test_unknown_loan_is_named(db: Database) -> None:
    officer = auth.authenticate(db, "officer", "greendesk-demo")
    with pytest.raises(UserError, match="no loan with reference X-1"):
        record_entry(
            db,
            officer,
            "X-1",
            library=LIBRARY,
            recognised_on=date(2026, 1, 1),
            rule=RULE,
            source="s",
        )


def test_gansu_summary_is_the_articles_figures() -> None:
    [gansu] = library_summaries()
    assert (gansu.projects, gansu.projects_granted) == (49, 17)
    assert str(gansu.total_investment) == "25195000000.00"
    assert str(gansu.disbursed) == "5816000000.00"


def test_a_broken_summary_is_refused_naming_file_and_field(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        'key = "k"\nname_zh = "库"\nname_en = "lib"\noperator_zh = "o"\noperator_en = "o"\n'
        'rule_zh = "r"\nrule_en = "r"\nperiod = "2024"\nsource = "s"\nprojects = 3\n'
        'projects_granted = 4\ntotal_investment = 1.5\nloan_demand = "1.00"\n'
        'credit_granted = "1.00"\ndisbursed = "2.00"\n',
        encoding="utf-8",
    )
    with pytest.raises(UserError, match=r"bad.toml: total_investment: must be an amount"):
        library_summaries(tmp_path)


def test_an_enterprise_library_names_the_borrower_and_is_not_project_evidence(
    db: Database,
) -> None:
    officer = auth.authenticate(db, "officer", "greendesk-demo")
    before = stored_classification(db, loan_id(db, COAL))
    entry = record_entry(
        db,
        officer,
        COAL,
        library="昌吉州降碳转型升级企业库",
        recognised_on=date(2026, 10, 15),
        rule="《金融支持昌吉州降碳转型升级企业认定办法》",
        source="演示",
        kind="transition_enterprise",
    )
    assert entry.project == "昌吉州天山火电有限公司"
    assert entry.loans == (COAL,)
    after = stored_classification(db, loan_id(db, COAL))
    assert before is not None and after is not None
    assert "transition.library_recognised" not in {f.id for f in after.criteria_met}
    assert {f.id for f in after.missing_evidence} == {f.id for f in before.missing_evidence}
