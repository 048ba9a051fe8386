"""Recording and changing PCAF inputs (``services.emission_inputs``, ``greendesk emissions inputs``)
on a seeded copy, checked by hand-worked figures in ``greendesk emissions``.

XJ-CJ-2024-005 (the coal-to-methanol transition loan) had 200,000,000.00 outstanding on
2024-12-31; its borrower reports (1b) scope 1+2 of 2,160,000 t and scope 3 of 450,000 t, and its
project's expected yearly reduction is 180,000 t. Seeded: equity 1.5 bn + debt 2.1 bn, so the
factor is 1/18 and the financed scope 1+2 is 120,000.00 t.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from greendesk.cli import main
from greendesk.domain.errors import InvalidInput, UserError
from greendesk.domain.roles import PermissionDenied
from greendesk.services import emission_inputs as inputs
from greendesk.services.auth import DEMO_PASSWORD
from greendesk.services.emission_inputs import EmissionInputsInput
from greendesk.services.emissions import emissions_report
from greendesk.store.database import Database
from greendesk.store.models import AuditEvent, EmissionInput, Loan, Project
from tests.services.kpi.conftest import CHECKER, OFFICER

METHANOL = "XJ-CJ-2024-005"
CODE = "91652325MA7745G70M"
AS_OF = date(2024, 12, 31)
TODAY = date(2026, 12, 1)


def figures(db: Database, reference: str = METHANOL) -> Any:
    return next(x for x in emissions_report(db, AS_OF).loans if x.reference == reference)


def borrower_id(db: Database) -> int:
    return inputs.find_subject(db, "borrower", CODE)


def project_id(db: Database, reference: str = METHANOL) -> int:
    with db.session() as session:
        loan = session.scalars(select(Loan).where(Loan.reference == reference)).one()
        assert loan.project_id is not None
        return loan.project_id


def stored_state(db: Database) -> tuple[Any, ...]:
    with db.session() as session:
        rows = tuple(
            tuple(getattr(r, c) for c in inputs.FIELDS)
            for r in session.scalars(select(EmissionInput).order_by(EmissionInput.id))
        )
        reductions = tuple(session.scalars(select(Project.annual_co2e_reduction_t)))
        events = session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action.like("%.emission_inputs"))
        )
    return rows, reductions, events


def changed(db: Database, **changes: Any) -> EmissionInputsInput:
    view = inputs.show_inputs(db, "borrower", borrower_id(db))
    data = inputs.current_input(view.record)
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_the_seeded_figures_are_the_starting_point(db: Database) -> None:
    x = figures(db)
    assert (x.option, x.financed_t, x.financed_scope3_t, x.avoided_t) == (
        "1b", Decimal("120000.00"), Decimal("25000.00"), Decimal("10000.00"),
    )  # fmt: skip


def test_negative_equity_is_stored_and_counted_as_zero_by_the_formula(db: Database) -> None:
    # AF = 200,000,000 ÷ (0 + 2,000,000,000) = 0.1
    data = changed(db, equity="-600000000.00", debt="2000000000.00")
    record = inputs.set_inputs(db, OFFICER, "borrower", borrower_id(db), data, today=TODAY)
    assert record.equity == Decimal("-600000000.00")
    x = figures(db)
    assert x.attribution == Decimal("0.1")
    assert (x.financed_t, x.financed_scope3_t, x.avoided_t) == (
        Decimal("216000.00"), Decimal("45000.00"), Decimal("18000.00"),
    )  # fmt: skip
    assert x.notes == ("negative equity -600000000.00 counted as 0",)
    view = inputs.show_inputs(db, "borrower", borrower_id(db))
    assert "negative equity -600,000,000.00 counted as 0" in view.branch.en
    assert "÷ 2,000,000,000.00" in view.branch.en and "Business loan" in view.branch.en


def test_without_equity_and_debt_the_factor_falls_back_to_total_assets(db: Database) -> None:
    # AF = 200,000,000 ÷ 4,000,000,000 = 0.05; financed = 0.05 × 2,160,000
    data = changed(db, equity="", debt=None, total_assets="4000000000")
    inputs.set_inputs(db, OFFICER, "borrower", borrower_id(db), data, today=TODAY)
    x = figures(db)
    assert (x.attribution, x.attribution_basis, x.financed_t) == (
        Decimal("0.05"), "total assets", Decimal("108000.00"),
    )  # fmt: skip
    assert x.notes == ("equity and debt unknown: attributed on total assets",)
    branch = inputs.show_inputs(db, "borrower", borrower_id(db)).branch
    assert branch.basis == "total assets"
    assert "falls back to total assets" in branch.en and "改按总资产" in branch.zh


def test_each_change_is_an_audit_event_with_before_and_after_and_shows_in_the_history(
    db: Database,
) -> None:
    data = changed(
        db, scope12_t="1800000", source="2025 verified inventory", option="1a", assumed=False
    )
    inputs.set_inputs(db, OFFICER, "borrower", borrower_id(db), data, today=TODAY)
    x = figures(db)
    assert (x.option, x.score, x.financed_t) == ("1a", 1, Decimal("100000.00"))
    history = inputs.show_inputs(db, "borrower", borrower_id(db)).history
    assert history[0].actor == "system"  # the seed
    last = dict((f, (b, a)) for f, b, a in history[-1].changes)
    assert history[-1].actor == "officer"
    assert last["option"] == ("1b", "1a") and last["scope12_t"] == ("2160000", "1800000")
    assert last["assumed"] == (True, False)  # verified figures, no longer the demo's assumption
    assert "year" not in last  # unchanged fields are not listed
    # the same values again change nothing and write no event
    before = stored_state(db)
    inputs.set_inputs(db, OFFICER, "borrower", borrower_id(db), data, today=TODAY)
    assert stored_state(db) == before


def test_a_project_s_inputs_make_its_loans_project_finance_and_move_its_avoided_figure(
    db: Database,
) -> None:
    pid = project_id(db)
    assert figures(db).basis == "business loan"
    data = EmissionInputsInput(
        option="1a", equity="300000000", debt="700000000", scope12_t="50000", year="2025",
        source="project company's verified report", avoided_t="250000",
    )  # fmt: skip
    record = inputs.set_inputs(db, OFFICER, "project", pid, data, today=TODAY)
    assert record.avoided_t == Decimal("250000")
    x = figures(db)  # AF = 200,000,000 ÷ 1,000,000,000 = 0.2
    assert (x.basis, x.attribution, x.financed_t, x.avoided_t) == (
        "project finance", Decimal("0.2"), Decimal("10000.00"), Decimal("50000.00"),
    )  # fmt: skip
    assert "Project finance" in inputs.show_inputs(db, "project", pid).branch.en


HOSTILE: list[tuple[dict[str, Any], str, str]] = [
    ({"option": "4a"}, "option", "unknown PCAF option '4a'"),
    ({"option": ""}, "option", "required"),
    ({"option": None}, "option", "required"),
    ({"debt": "-1.00"}, "debt", "must not be negative"),
    ({"total_assets": "-5"}, "total_assets", "must not be negative"),
    ({"revenue": "-0.01"}, "revenue", "must not be negative"),
    ({"equity": 1.5}, "equity", ""),  # a float is never money
    ({"equity": "1e9"}, "equity", "not a number"),
    ({"equity": "NaN"}, "equity", "not a number"),
    ({"equity": "-99999999999999999999"}, "equity", "above the limit"),
    ({"debt": "12.345"}, "debt", "more than two decimal places"),
    ({"scope12_t": "-3"}, "scope12_t", "must be at least 0"),
    ({"scope12_t": "1" + "0" * 15}, "scope12_t", "must be at most"),
    ({"scope3_t": "Infinity"}, "scope3_t", "not a number"),
    ({"year": "1989"}, "year", "must be at least 1990"),
    ({"year": "2027"}, "year", "must be at most 2026"),
    ({"year": "2024.5"}, "year", "must be a whole number"),
    ({"year": None}, "year", "required"),
    ({"source": "inventory\x00"}, "source", "control character U+0000"),
    ({"source": "a\u202eb"}, "source", "control character U+202E"),
    ({"source": "x" * 201}, "source", "longer than 200 characters"),
    ({"sector": "coal power"}, "sector", "unknown sector factor"),
    ({"option": "2a", "activity": ["grid_electricity_cn_2022"]}, "activity[0]", "FACTOR=QUANTITY"),
    ({"option": "2a", "activity": ["unobtainium=3"]}, "activity[0]", "unknown emission factor"),
    ({"option": "2a", "activity": ["raw_coal=-3"]}, "activity[0]", "must be at least 0"),
    ({"option": "2a", "activity": ["polysilicon=3"]}, "activity[0]", "not an energy factor"),
    ({"option": "2a", "activity": []}, "activity", "needs energy-use lines"),
    ({"option": "1a", "scope12_t": ""}, "scope12_t", "needs the reported scope 1+2"),
    ({"option": "3a", "revenue": None, "sector": "coal_chemical"}, "revenue", "needs the revenue"),
    ({"option": "3b", "sector": None}, "sector", "needs the sector factor"),
    ({"equity": None, "debt": None, "total_assets": None}, "equity", "or total assets"),
    ({"equity": "-5", "debt": "0"}, "debt", "must be above zero"),
    ({"avoided_t": "5"}, "avoided_t", "a project's expected reduction"),
    ({"assumed": "yes"}, "assumed", "true or false"),
]


@pytest.mark.parametrize(("changes", "path", "rule"), HOSTILE)
def test_hostile_inputs_are_refused_naming_the_field_and_nothing_is_saved(
    db: Database, changes: dict[str, Any], path: str, rule: str
) -> None:
    before = stored_state(db)
    with pytest.raises(InvalidInput) as caught:
        inputs.set_inputs(db, OFFICER, "borrower", borrower_id(db), changed(db, **changes),
                          today=TODAY)  # fmt: skip
    assert any(e.path == path and rule in e.rule for e in caught.value.errors), caught.value
    assert stored_state(db) == before


def test_every_broken_rule_is_named_at_once_and_a_project_s_figure_is_not_half_saved(
    db: Database,
) -> None:
    pid = project_id(db)
    before = stored_state(db)
    data = EmissionInputsInput(option="9z", equity="abc", year="3000", avoided_t="1000")
    with pytest.raises(InvalidInput) as caught:
        inputs.set_inputs(db, OFFICER, "project", pid, data, today=TODAY)
    assert {e.path for e in caught.value.errors} >= {"option", "equity", "year"}
    assert stored_state(db) == before  # the project's reduction stayed as it was


def test_only_an_officer_records_inputs_and_unknown_subjects_are_named(db: Database) -> None:
    with pytest.raises(PermissionDenied):
        inputs.set_inputs(db, CHECKER, "borrower", borrower_id(db), changed(db), today=TODAY)
    with pytest.raises(UserError, match="borrower 99999 does not exist"):
        inputs.set_inputs(db, OFFICER, "borrower", 99999, changed(db), today=TODAY)
    with pytest.raises(UserError, match="subject: one of borrower, project"):
        inputs.show_inputs(db, "loan", 1)
    with pytest.raises(UserError, match="--borrower: no borrower"):
        inputs.find_subject(db, "borrower", "91XXXXXXXXXXXXXXXX")


# --- the command line --------------------------------------------------------------------------


@pytest.fixture
def run(db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    monkeypatch.setenv("GREENDESK_PASSWORD", DEMO_PASSWORD)
    url = str(db.engine.url)

    def call(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*args, "--db", url])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def test_cli_set_changes_only_the_fields_given_and_greendesk_emissions_follows(run: Any) -> None:
    code, out, err = run("emissions", "inputs", "set", "--borrower", CODE, "--equity=-600000000",
                         "--debt", "2000000000", "--as", "officer", "--json")  # fmt: skip
    assert code == 0, err
    shown = json.loads(out)
    assert shown["record"]["equity"] == "-600000000.00"
    assert shown["record"]["scope12_t"] == "2160000"  # kept
    assert "counted as 0" in shown["branch"]["en"]
    code, out, err = run("emissions", "--as-of", "2024-12-31", "--json")
    assert code == 0, err
    row = next(x for x in json.loads(out)["loans"] if x["reference"] == METHANOL)
    assert (row["financed_t"], row["financed_scope3_t"]) == ("216000.00", "45000.00")

    fallback = ["--equity", "", "--debt", "", "--total-assets", "4000000000"]
    code, out, err = run("emissions", "inputs", "set", "--borrower", CODE, *fallback,
                         "--as", "officer")  # fmt: skip
    assert code == 0, err
    assert "falls back to total assets" in out
    code, out, err = run("emissions", "--as-of", "2024-12-31")
    assert code == 0 and "108,000.00" in out and "attributed on total assets" in out


def test_cli_show_prints_the_record_the_branch_and_the_history(run: Any) -> None:
    code, out, err = run("emissions", "inputs", "show", "--borrower", CODE)
    assert code == 0, err
    assert "option 1b" in out and "ASSUMED" in out and "formula: Business loan" in out
    code, out, err = run("emissions", "inputs", "show", "--project", "1", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["record"] is None and data["subject"] == "project"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--option", "7"], "option: unknown PCAF option '7'"),
        (["--debt=-1"], "debt: must not be negative"),
        (["--year", "２０９９"], "year: must be at most"),
        (["--year", "1_999"], "year: must be a whole number"),
        (["--scope12", "1,2,3"], "scope12_t: "),
        (["--source", "bad\x1bsource"], "source: contains the control character U+001B"),
        (["--activity", "raw_coal"], "activity[0]: write FACTOR=QUANTITY"),
        (["--avoided", "3"], "avoided_t: "),
        (["--sector", ""], ""),  # clearing a sector the option does not need is fine
    ],
)
def test_cli_set_refuses_hostile_values_naming_the_field_exit_2_nothing_saved(
    run: Any, db: Database, args: list[str], words: str
) -> None:
    before = stored_state(db)
    code, _out, err = run("emissions", "inputs", "set", "--borrower", CODE, *args,
                          "--as", "officer")  # fmt: skip
    if not words:
        assert code == 0, err
        return
    assert code == 2 and words in err and "Traceback" not in err
    assert stored_state(db) == before


def test_cli_set_needs_a_subject_and_an_officer(run: Any, db: Database) -> None:
    before = stored_state(db)
    with pytest.raises(SystemExit) as usage:  # argparse's usage error
        run("emissions", "inputs", "set", "--equity", "1", "--as", "officer")
    assert usage.value.code == 2
    code, _out, err = run("emissions", "inputs", "set", "--borrower", CODE, "--debt", "1",
                          "--as", "reviewer1")  # fmt: skip
    assert code == 2 and "permission denied" in err
    code, _out, err = run("emissions", "inputs", "set", "--project", "１２x", "--debt", "1",
                          "--as", "officer")  # fmt: skip
    assert code == 2 and "--project: no project" in err
    assert stored_state(db) == before
