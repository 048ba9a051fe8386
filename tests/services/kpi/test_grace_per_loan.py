"""A KPI grace period per loan (issue 15 part 1): stored on the loan's KPI terms, used by the
ratchet; blank keeps the house default from ``resources/kpi/ratchet.json`` (120 days).

The seeded footprint loan tests its KPI on 2025-06-30: with 30 days' grace the test lapses
(missed, the step-up) once 2025-07-30 has passed; with the default only after 2025-10-28.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from greendesk.cli import main
from greendesk.domain.errors import UserError
from greendesk.domain.kpi.ratchet import Outcome
from greendesk.paths import seeds_dir
from greendesk.services import kpi_readout, kpi_recording, kpi_settings
from greendesk.services.kpi_input import ObservationInput, ReportFile
from greendesk.services.records import loans
from greendesk.services.records.inputs import LoanInput
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan
from tests.services.kpi.conftest import CHECKER, FOOTPRINT, KPI, OFFICER

TEST_DATE = date(2025, 6, 30)
SEED_LOAN = "09-carbon-footprint-linked-loan.toml"


def set_grace(db: Database, days: int | None) -> None:
    """The loan's stored KPI terms as a loan seeded or edited with this grace period."""
    with db.session(write=True) as session:
        loan = session.scalars(select(Loan).where(Loan.reference == FOOTPRINT)).one()
        loan.kpi_grace_days = days


def review(db: Database, day: date) -> list[kpi_recording.Decision]:
    return kpi_recording.review_overdue(db, CHECKER, today=day, references=[FOOTPRINT])


def test_the_house_default_is_the_data_file_s_120_days() -> None:
    data = json.loads(
        (Path(kpi_settings.__file__).parents[2] / "resources/kpi/ratchet.json").read_text()
    )
    assert data["grace_days"] == 120 == kpi_settings.grace_days()


def test_a_loan_with_30_days_grace_lapses_after_30_days_and_not_before(db: Database) -> None:
    set_grace(db, 30)
    assert kpi_readout.loan_kpis(db, FOOTPRINT, today=TEST_DATE).policy.grace_days == 30  # type: ignore[union-attr]
    assert review(db, TEST_DATE + timedelta(days=30)) == []  # the last day of grace
    decided = review(db, TEST_DATE + timedelta(days=31))
    assert [(d.test_date, d.outcome, d.adjust_bps) for d in decided] == [
        (TEST_DATE, Outcome.LAPSED, 10)
    ]
    line = kpi_readout.loan_kpis(db, FOOTPRINT, today=date(2025, 8, 1)).kpis[0].tests[0]
    assert line.deadline == date(2025, 7, 30) and line.outcome is Outcome.LAPSED


def test_a_loan_without_its_own_grace_lapses_after_the_default_120_days(db: Database) -> None:
    set_grace(db, None)
    assert review(db, TEST_DATE + timedelta(days=31)) == []
    assert review(db, TEST_DATE + timedelta(days=120)) == []
    decided = review(db, TEST_DATE + timedelta(days=121))
    assert [(d.outcome, d.adjust_bps) for d in decided] == [(Outcome.LAPSED, 10)]


def test_a_verified_met_observation_after_the_loan_s_grace_counts_as_missed(db: Database) -> None:
    set_grace(db, 30)
    data = ObservationInput(
        reference=FOOTPRINT, kpi=KPI, test_date=TEST_DATE, value="37.6",
        verifier="中国质量认证中心", report=ReportFile("r.pdf", b"%PDF-1.7\n"),
    )  # fmt: skip
    outcome = kpi_recording.record_observation(db, CHECKER, data, today=date(2025, 8, 15))
    assert outcome.decision is not None and outcome.decision.outcome is Outcome.LAPSED
    assert "received after the grace period ended on 2025-07-30" in outcome.notes
    # the same observation within the default 120 days would have met
    other = kpi_readout.loan_kpis(db, FOOTPRINT, today=date(2025, 8, 15))
    assert other.cumulative_bps == 10


# --- the loan editor's rule (the service behind the KPI page) ----------------------------------


def _draft_input(db: Database, **changes: Any) -> LoanInput:
    with db.session() as session:
        loan_id = session.scalars(select(Loan.id).where(Loan.reference == FOOTPRINT)).one()
    terms = loans.get_loan_terms(db, loan_id).input
    data = LoanInput(**{**terms.__dict__, "reference": ""})
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def _loan_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Loan)) or 0)


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("-1", "must be at least 0"),
        (-30, "must be at least 0"),
        ("731", "must be at most 730"),
        ("99999999999999999999", "must be at most 730"),
        ("30.5", "must be a whole number"),
        (30.0, "must be a whole number"),
        ("1e2", "must be a whole number"),
        ("三十", "must be a whole number"),
        ("30\x00", "must be a whole number"),
        (True, "must be a whole number"),
    ],
)
def test_hostile_grace_periods_are_refused_naming_the_field_and_nothing_is_saved(
    db: Database, value: object, rule: str
) -> None:
    before = _loan_count(db)
    with pytest.raises(UserError) as caught:
        loans.create_loan(db, OFFICER, _draft_input(db, kpi_grace_days=value))
    assert f"kpi_grace_days: {rule}" in str(caught.value)
    assert _loan_count(db) == before


def test_a_grace_period_is_stored_with_the_terms_and_read_back_blank_as_the_default(
    db: Database,
) -> None:
    record = loans.create_loan(db, OFFICER, _draft_input(db, kpi_grace_days=" 30 "))
    assert record.kpi_grace_days == 30
    assert loans.get_loan_terms(db, record.id).input.kpi_grace_days == 30
    blank = loans.create_loan(db, OFFICER, _draft_input(db, kpi_grace_days=""))
    assert blank.kpi_grace_days is None
    with db.session() as session:
        row = session.get(Loan, blank.id)
        assert row is not None and kpi_settings.loan_grace_days(row) == 120


# --- the command line where KPIs are set: a loan's seed file -----------------------------------


def _seed_folder(tmp_path: Path, grace_line: str) -> Path:
    folder = tmp_path / "seeds"
    (folder / "loans").mkdir(parents=True)
    shutil.copyfile(seeds_dir() / "reference_rates.toml", folder / "reference_rates.toml")
    text = (seeds_dir() / "loans" / SEED_LOAN).read_text(encoding="utf-8")
    text = text.replace("ratchet_cap_bps = 20", f"ratchet_cap_bps = 20\n{grace_line}", 1)
    (folder / "loans" / SEED_LOAN).write_text(text, encoding="utf-8")
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_seed_command_takes_a_loan_s_grace_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    url = f"sqlite:///{tmp_path / 'g.db'}"
    folder = _seed_folder(tmp_path, "kpi_grace_days = 30")
    code, _out, err = _run(capsys, "seed", "--folder", str(folder), "--db", url)
    assert code == 0, err
    code, out, err = _run(capsys, "kpi", "list", FOOTPRINT, "--json", "--db", url)
    assert code == 0, err
    listed = json.loads(out)
    assert listed["policy"]["grace_days"] == 30
    assert listed["kpis"][0]["tests"][0]["deadline"] == "2025-07-30"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("kpi_grace_days = -7", "must be at least 0"),
        ("kpi_grace_days = 100000", "must be at most 730"),
        ("kpi_grace_days = 12.5", "must be a whole number"),
        ('kpi_grace_days = "\\u0007"', "must be a whole number"),
    ],
)
def test_the_seed_command_refuses_a_hostile_grace_period_and_loads_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    line: str,
    rule: str,
) -> None:
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    url = f"sqlite:///{tmp_path / 'g.db'}"
    code, _out, err = _run(capsys, "seed", "--folder", str(_seed_folder(tmp_path, line)),
                           "--db", url)  # fmt: skip
    assert code == 2
    assert "kpi_grace_days" in err and rule in err
    assert "Traceback" not in err
    db = open_database(url)
    try:
        with db.session() as session:
            assert session.scalar(select(func.count()).select_from(Loan)) == 0
    finally:
        db.dispose()
