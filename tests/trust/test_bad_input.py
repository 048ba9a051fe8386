"""The bad-input table: one test per row; each names the field and the rule, and saves nothing.

Rows that go through the database run on SQLite and PostgreSQL. The same table is in the README.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest
from sqlalchemy import func, select

from greendesk.cli import main as greendesk_main
from greendesk.domain.errors import UserError
from greendesk.domain.workflow import QuorumRule
from greendesk.paths import seeds_dir
from greendesk.services import auth, workflow
from greendesk.services.records import borrowers, loans, market_data, pledges
from greendesk.services.records.inputs import (
    BorrowerInput,
    DrawdownInput,
    LenderInput,
    LoanInput,
    PledgeInput,
    PriceInput,
    UseOfProceedsInput,
)
from greendesk.services.seed_files import read_seed_folder
from greendesk.store.database import Database
from greendesk.store.models import (
    AuditEvent,
    Borrower,
    DecisionVote,
    Loan,
    Pledge,
    ReferencePrice,
    User,
)
from tests.trust.conftest import Team

CREDIT_CODE = "91652300MA77Q8KX30"


@dataclass(frozen=True)
class Ctx:
    db: Database
    team: Team
    borrower_id: int
    loan_id: int
    tmp: Path


def loan_input(ctx: Ctx, **changes: object) -> LoanInput:
    base: dict[str, object] = {
        "borrower_id": ctx.borrower_id,
        "bank": "中国农业银行",
        "amount": "50000000.00",
        "start_date": "2026-03-01",
        "term_months": 60,
        "rate_kind": "fixed",
        "annual_rate": "0.035",
    }
    return LoanInput(**{**base, **changes})  # type: ignore[arg-type]


def new_loan(**changes: object) -> Callable[[Ctx], object]:
    return lambda ctx: loans.create_loan(ctx.db, ctx.team.officer, loan_input(ctx, **changes))


def new_borrower(**fields: object) -> Callable[[Ctx], object]:
    data = {"name": "张掖市林业发展有限公司", "credit_code": CREDIT_CODE, **fields}
    return lambda ctx: borrowers.create_borrower(
        ctx.db,
        ctx.team.officer,
        BorrowerInput(**data),  # type: ignore[arg-type]
    )


def new_pledge(**fields: object) -> Callable[[Ctx], object]:
    def call(ctx: Ctx) -> object:
        data = {
            "loan_id": ctx.loan_id,
            "collateral_type": "cea",
            "quantity": "500000",
            "unit": "t",
            "price_instrument": "CEA",
            "unit_price": "85.00",
            "valuation_date": "2026-03-01",
            **fields,
        }
        return pledges.add_pledge(ctx.db, ctx.team.officer, PledgeInput(**data))  # type: ignore[arg-type]

    return call


def new_price(**fields: object) -> Callable[[Ctx], object]:
    data = {"instrument": "CEA", "price_date": "2026-01-05", "price": "72.50", **fields}
    return lambda ctx: market_data.add_price(
        ctx.db,
        ctx.team.admin,
        PriceInput(**data),  # type: ignore[arg-type]
    )


def under_review(ctx: Ctx) -> None:
    workflow.submit(ctx.db, ctx.team.officer, ctx.loan_id)
    workflow.start_review(ctx.db, ctx.team.r1, ctx.loan_id)


def vote(decision: str, conditions: str = "", comment: str = "") -> Callable[[Ctx], object]:
    return lambda ctx: workflow.vote(
        ctx.db, ctx.team.r2, ctx.loan_id, decision, conditions, comment
    )


def give_back(reason: str) -> Callable[[Ctx], object]:
    return lambda ctx: workflow.return_for_changes(ctx.db, ctx.team.r2, ctx.loan_id, reason)


# (row id, the bad call, the expected "field: rule"); rows whose id starts with vote- or return-
# first bring the loan under review (that set-up is not the bad input).
DB_ROWS: list[tuple[str, Callable[[Ctx], object], str]] = [
    ("loan-negative-amount", new_loan(amount="-5000000.00"), r"amount: must not be negative"),
    ("loan-absurd-amount", new_loan(amount="5000000000000.00"), r"amount: above the limit"),
    ("loan-fraction-of-fen", new_loan(amount="1000.005"), r"amount: has more than two decimal"),
    (
        "loan-shares-not-adding-up",
        new_loan(
            lenders=[
                LenderInput("中国农业银行", "lead_arranger", "30000000.00"),
                LenderInput("国家开发银行", "participant", "10000000.00"),
            ]
        ),
        r"lenders: commitments add up to 40000000\.00, not the amount 50000000\.00",
    ),
    (
        "loan-drawdowns-out-of-order",
        new_loan(
            drawdowns=[
                DrawdownInput("2026-09-01", "20000000.00"),
                DrawdownInput("2026-04-01", "30000000.00"),
            ]
        ),
        r"drawdowns\[1\]\.date: not after the previous",
    ),
    (
        "loan-drawdown-after-maturity",
        new_loan(drawdowns=[DrawdownInput("2032-01-05", "50000000.00")]),
        r"drawdowns\[0\]\.date: after maturity",
    ),
    ("loan-unknown-frequency", new_loan(frequency="weekly"), r"frequency: unknown value 'weekly'"),
    (
        "loan-unknown-catalogue-code",
        new_loan(use_of_proceeds=[UseOfProceedsInput("2019:9.9.9", "?", "50000000.00")]),
        r"use_of_proceeds\[0\]\.catalogue_code: no item 9\.9\.9",
    ),
    ("loan-text-too-long", new_loan(purpose="草" * 501), r"purpose: longer than 500"),
    (
        "borrower-bad-check-digit",
        new_borrower(credit_code="91652300MA77Q8KX3U"),
        r"credit_code: check character",
    ),
    ("borrower-unknown-sector", new_borrower(sector="fishing"), r"sector: unknown value"),
    ("borrower-name-too-long", new_borrower(name="林" * 201), r"name: longer than 200"),
    ("pledge-negative-quantity", new_pledge(quantity="-500000"), r"quantity: must be greater"),
    ("price-negative", new_price(price="-72.50"), r"price: must be greater than 0"),
    ("price-impossible-date", new_price(price_date="2026-13-05"), r"price_date: not a date"),
    (
        "user-short-password",
        lambda ctx: auth.create_user(ctx.db, ctx.team.admin, "zhang", "officer", "short"),
        r"password: at least 8",
    ),
    (
        "user-bad-name",
        lambda ctx: auth.create_user(ctx.db, ctx.team.admin, "Zhang San", "officer", "long-pw-123"),
        r"username: lower-case letters",
    ),
    (
        "user-unknown-role",
        lambda ctx: auth.create_user(ctx.db, ctx.team.admin, "zhang", "boss", "long-pw-123"),
        r"role: unknown role 'boss'",
    ),
    ("vote-unknown-decision", vote("maybe"), r"vote\.decision: unknown decision 'maybe'"),
    (
        "vote-conditions-missing",
        vote("approve_with_conditions"),
        r"vote\.conditions: required when approving with conditions",
    ),
    ("vote-comment-too-long", vote("approve", comment="评" * 2001), r"vote\.comment: too long"),
    ("return-without-reason", give_back("  "), r"return\.reason: required"),
    (
        "quorum-share-above-one",
        lambda ctx: workflow.set_quorum(
            ctx.db, ctx.team.admin, QuorumRule.from_json({"min_votes": 3, "share": "3/2"})
        ),
        r"quorum\.share: must be more than 0 and at most 1",
    ),
    (
        "quorum-zero-votes",
        lambda ctx: workflow.set_quorum(ctx.db, ctx.team.admin, QuorumRule(0, Fraction(1, 2))),
        r"quorum\.min_votes: must be at least 1",
    ),
]

COUNTED = (AuditEvent, Borrower, Loan, Pledge, ReferencePrice, User, DecisionVote)


def counts(db: Database) -> dict[str, int]:
    with db.session() as session:
        return {
            m.__tablename__: session.execute(select(func.count()).select_from(m)).scalar_one()
            for m in COUNTED
        }


@pytest.fixture
def ctx(database: Database, team: Team, tmp_path: Path) -> Ctx:
    b = borrowers.create_borrower(
        database,
        team.officer,
        BorrowerInput(
            name="布尔津县草原生态资源开发有限责任公司", credit_code="91654321MA7810A140"
        ),
    )
    loan = loans.create_loan(
        database,
        team.officer,
        LoanInput(
            borrower_id=b.id,
            bank="中国农业银行",
            amount="15000000.00",
            start_date="2026-03-15",
            term_months=36,
            rate_kind="fixed",
            annual_rate="0.034",
        ),
    )
    return Ctx(database, team, b.id, loan.id, tmp_path)


@pytest.mark.parametrize(("row", "call", "rule"), DB_ROWS, ids=[row for row, _, _ in DB_ROWS])
def test_bad_input_through_the_services(
    ctx: Ctx, row: str, call: Callable[[Ctx], object], rule: str
) -> None:
    if row.startswith(("vote-", "return-")):
        under_review(ctx)
    before = counts(ctx.db)
    with pytest.raises(UserError, match=rule):
        call(ctx)
    assert counts(ctx.db) == before  # nothing half-saved, not even an audit event


TERMS = {
    "amount": "1000000.00",
    "currency": "CNY",
    "start_date": "2026-01-15",
    "term_months": 12,
    "frequency": "quarterly",
    "method": "annuity",
    "rate": {"annual": "0.0345"},
    "calendar": "NONE",
}


def run_cli(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = greendesk_main(list(args))
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ('{"amount": "1000000.00", ', r"not valid JSON \(line 1, column \d+"),
        (json.dumps({**TERMS, "amount": 1000000.5}), r"amount: must be a decimal string"),
        (json.dumps({**TERMS, "amount": "-1000000.00"}), r"amount: must be greater than 0"),
        (
            json.dumps(
                {
                    **TERMS,
                    "lenders": [
                        {"name": "A", "role": "lead_arranger", "commitment": "600000.00"},
                        {"name": "B", "role": "participant", "commitment": "300000.00"},
                    ],
                }
            ),
            r"lenders: commitments add up to 900000\.00, not the amount 1000000\.00",
        ),
        (
            json.dumps({**TERMS, "drawdowns": [{"date": "2027-06-01", "amount": "100.00"}]}),
            r"drawdowns\[0\]\.date: after maturity",
        ),
        (json.dumps({**TERMS, "frequency": "weekly"}), r"frequency: must be one of: monthly"),
    ],
    ids=[
        "schedule-malformed-json",
        "schedule-float-amount",
        "schedule-negative-amount",
        "schedule-shares-not-adding-up",
        "schedule-dates-out-of-order",
        "schedule-unknown-code",
    ],
)
def test_bad_terms_json_for_the_schedule_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, rule: str
) -> None:
    path = tmp_path / "terms.json"
    path.write_text(text, encoding="utf-8")
    code, err = run_cli("schedule", str(path), capsys=capsys)
    assert code == 2
    assert err.startswith(f"greendesk: {path}")
    assert re.search(rule, err), err


def _seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), folder)
    return folder


def test_malformed_seed_file_is_named_and_nothing_loaded(tmp_path: Path) -> None:
    folder = _seed_copy(tmp_path)
    victim = sorted((folder / "loans").glob("*.toml"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n[loan\namount = \n", "utf-8")
    with pytest.raises(UserError, match=rf"loans/{victim.name}: not valid TOML"):
        read_seed_folder(folder)


def test_seed_file_with_a_bad_value_names_file_and_field(tmp_path: Path) -> None:
    folder = _seed_copy(tmp_path)
    victim = sorted((folder / "loans").glob("*.toml"))[0]
    text = victim.read_text(encoding="utf-8")
    start = text.index("\namount = ") + 1
    end = text.index("\n", start)
    victim.write_text(text[:start] + 'amount = "-15000000.00"' + text[end:], "utf-8")
    with pytest.raises(UserError, match=rf"loans/{victim.name}: loan\.amount: "):
        read_seed_folder(folder)


def _workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")


def test_a_workbook_given_as_a_backup_is_refused(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "portfolio.xlsx"
    _workbook(book)
    code, err = run_cli("restore", str(book), "--db", sqlite_url, capsys=capsys)
    assert code == 2 and "not a SQLite database" in err
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()  # nothing created


def test_a_workbook_given_as_the_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "portfolio.xlsx"
    _workbook(book)
    before = book.read_bytes()
    code, err = run_cli("audit", "verify", "--db", f"sqlite:///{book}", capsys=capsys)
    assert code == 2 and "not a SQLite database" in err
    assert book.read_bytes() == before
