"""The demo portfolio: the article's figures land in the database exactly, once, or not at all."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from greendesk.domain.credit_code import validate_credit_code
from greendesk.domain.errors import InvalidInput, UserError
from greendesk.domain.schedule import build_schedule, parse_terms
from greendesk.paths import seeds_dir
from greendesk.services import audit, auth
from greendesk.services.seeding import SeedReport, seed_demo
from greendesk.services.terms import schedule_terms
from greendesk.store.database import Database, open_database
from greendesk.store.models import (
    AuditEvent,
    Base,
    Borrower,
    Loan,
    Pledge,
    Project,
    ReferencePrice,
    ReferenceRate,
)

# The article's figures (western-China green-finance report, 2025), written out here by hand.
ARTICLE_LOANS = {
    "XJ-CJ-2023-001": Decimal("2443000000.00"),  # Mulei storage + wind/solar, approved
    "XJ-CJ-2024-002": Decimal("360000000.00"),  # Industrial Bank cross-period CEA pledge
    "XJ-CJ-2024-003": Decimal("200000000.00"),  # Construction Bank Changji quota pledge
    "XJ-CJ-2024-004": Decimal("50000000.00"),  # carbon-footprint-linked
    "XJ-CJ-2024-005": Decimal("395000000.00"),  # low-carbon-transition-linked
}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, SeedReport]]:
    """The demo portfolio loaded once per backend, for the tests that only read it."""
    server = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'demo.db'}"
    else:
        server = request.getfixturevalue("pg_server")
        name = f"gd_seeded_{uuid.uuid4().hex[:12]}"
        server.admin(f'CREATE DATABASE "{name}" STRATEGY = FILE_COPY')
        url = server.url(name)
    db = open_database(url)
    try:
        yield db, seed_demo(db)
    finally:
        db.dispose()
        if server is not None:
            server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _counts(db: Database) -> dict[str, int]:
    with db.session() as session:
        return {
            table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
        }


def _loan(db: Database, reference: str) -> Loan:
    with db.session() as session:
        loan = session.scalars(select(Loan).where(Loan.reference == reference)).one()
        # touch the relationships while the session is open (plain values afterwards)
        for relation in ("syndicate_shares", "drawdowns", "kpis", "ratchet_steps", "pledges"):
            getattr(loan, relation)
        _ = loan.project, loan.borrower
        return loan


def test_seeding_twice_adds_nothing_the_second_time(database: Database) -> None:
    first = seed_demo(database)
    after_first = _counts(database)
    second = seed_demo(database)
    assert first.loans >= 11 and first.borrowers >= 11 and first.pledges >= 11
    assert first.already_present == 0
    assert second.added == 0
    assert second.already_present == first.added - first.pledges  # pledges ride with loans
    assert _counts(database) == after_first


def test_the_article_figures_are_stored_exactly(seeded: tuple[Database, SeedReport]) -> None:
    database = seeded[0]
    for reference, amount in ARTICLE_LOANS.items():
        assert _loan(database, reference).amount == amount
    with database.session() as session:
        variety = session.scalars(
            select(Pledge).where(Pledge.collateral_type == "plant_variety_right")
        ).all()
        assert variety, "a plant-variety-right pledge loan is part of the demo"
        projects = {p.name: p for p in session.scalars(select(Project))}
    burqin = next(p for n, p in projects.items() if "布尔津" in n)
    assert burqin.carbon_sink_t == Decimal(670000)
    assert burqin.technology["area_traded_2023_mu"] == "975000"
    assert Decimal(burqin.technology["income_2023_yuan"]) == Decimal("19765000.00")
    zhangye = next(p for n, p in projects.items() if "张掖" in n)
    assert zhangye.annual_co2e_reduction_t == Decimal(13600)
    assert zhangye.carbon_sink_t == Decimal(543000)
    pengyang = next(p for n, p in projects.items() if "彭阳" in n)
    assert pengyang.carbon_sink_t == Decimal(93000)
    assert pengyang.technology["first_trade_t"] == "36000"
    assert Decimal(pengyang.technology["first_trade_amount_yuan"]) == Decimal("1116000.00")
    csp = [p for n, p in projects.items() if "光热" in n]
    assert {p.capacity_mw for p in csp} == {Decimal(100)}
    assert len(csp) == 2 and all(p.catalogue_code == "2019:3.2.2" for p in csp)


def test_the_syndicate_adds_up_to_the_facility(seeded: tuple[Database, SeedReport]) -> None:
    database = seeded[0]
    mulei = _loan(database, "XJ-CJ-2023-001")
    shares = mulei.syndicate_shares
    assert sum((s.commitment for s in shares), Decimal(0)) == Decimal("2443000000.00")
    lead = [s for s in shares if s.role == "lead_arranger"]
    assert len(lead) == 1 and lead[0].funded == Decimal("902000000.00")
    others = sum((s.funded for s in shares if s.role != "lead_arranger"), Decimal(0))
    assert others == Decimal("1283000000.00")
    assert lead[0].commitment / mulei.amount >= Decimal("0.20")
    drawn = sum((d.amount for d in mulei.drawdowns), Decimal(0))
    assert drawn == Decimal("902000000.00") + Decimal("1283000000.00")
    assert mulei.project is not None and mulei.project.capacity_mw == Decimal(500)
    assert mulei.project.technology["storage_power_mw"] == "125"
    assert mulei.project.technology["storage_energy_mwh"] == "500"


def test_linked_loans_carry_kpis_and_a_capped_ratchet(seeded: tuple[Database, SeedReport]) -> None:
    database = seeded[0]
    for reference in ("XJ-CJ-2024-004", "XJ-CJ-2024-005"):
        loan = _loan(database, reference)
        assert loan.kpis and all(k.baseline is not None and k.target for k in loan.kpis)
        assert loan.kpis[0].test_dates
        assert loan.ratchet_steps and loan.ratchet_cap_bps is not None
        assert sum(abs(s.adjust_bps) for s in loan.ratchet_steps) >= loan.ratchet_cap_bps
    transition = _loan(database, "XJ-CJ-2024-005")
    assert transition.borrower.sector == "coal_chemical"
    assert transition.borrower.baseline_intensity is not None
    assert transition.borrower.target_intensity is not None
    assert transition.borrower.target_intensity < transition.borrower.baseline_intensity


def test_every_borrower_has_a_valid_credit_code(seeded: tuple[Database, SeedReport]) -> None:
    database = seeded[0]
    with database.session() as session:
        codes = list(session.scalars(select(Borrower.credit_code)))
    assert len(codes) >= 11
    assert [c for c in codes if validate_credit_code(c) is not None] == []


def test_floating_loans_use_the_lpr_in_force_on_their_start_date(
    seeded: tuple[Database, SeedReport],
) -> None:
    database = seeded[0]
    with database.session() as session:
        rates = list(session.scalars(select(ReferenceRate)))
        loans = list(session.scalars(select(Loan).where(Loan.rate_kind == "floating")))
        paths = {loan.reference: list(loan.base_rate_path) for loan in loans}
    latest = {
        name: max((r for r in rates if r.name == name), key=lambda r: r.effective_date)
        for name in ("LPR1Y", "LPR5Y")
    }
    assert latest["LPR1Y"].effective_date == date(2025, 5, 20)
    assert latest["LPR1Y"].rate == Decimal("0.0300")
    assert latest["LPR5Y"].rate == Decimal("0.0350")
    for loan in loans:
        assert loan.start_date is not None and loan.base_rate_name is not None
        in_force = max(
            (
                r
                for r in rates
                if r.name == loan.base_rate_name and r.effective_date <= loan.start_date
            ),
            key=lambda r: r.effective_date,
        )
        assert loan.base_rate == in_force.rate, loan.reference
        for step in paths[loan.reference]:
            assert loan.start_date < step.from_date
    assert _loan(database, "XJ-CJ-2023-001").base_rate == Decimal("0.0430")


def test_carbon_prices_are_in_the_documented_range(seeded: tuple[Database, SeedReport]) -> None:
    database = seeded[0]
    with database.session() as session:
        cea = list(
            session.scalars(select(ReferencePrice).where(ReferencePrice.instrument == "CEA"))
        )
    in_window = [p for p in cea if date(2024, 1, 1) <= p.price_date <= date(2026, 12, 31)]
    assert len(in_window) >= 4
    assert all(Decimal(58) <= p.price <= Decimal(101) for p in in_window)


def test_seeding_is_audited_and_the_chain_verifies(seeded: tuple[Database, SeedReport]) -> None:
    database, report = seeded
    with database.session() as session:
        actions = list(session.scalars(select(AuditEvent.action)))
    creations = [a for a in actions if a.endswith(".create")]
    assert len(creations) == report.added  # one creation event per record added
    assert actions.count("loan.classify") == report.loans  # the engine's verdict, audited
    assert actions.count("loan.revalue") == report.loans  # the pledges' stored valuation
    # PCAF inputs (one per borrower or project record) and use-of-proceeds allocations
    assert report.emission_inputs == 11 and report.allocations == 8
    pcaf = [a for a in actions if a.endswith(".emission_inputs")]
    assert len(pcaf) == report.emission_inputs
    assert actions.count("loan.allocate_proceeds") == report.allocations
    assert len(actions) == report.added + 2 * report.loans + len(pcaf) + report.allocations
    assert audit.verify(database).ok


def _copy_seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _mulei(folder: Path) -> Path:
    return next((folder / "loans").glob("*mulei*.toml"))


@pytest.mark.parametrize(
    ("old", "new", "field", "rule"),
    [
        ('amount = "2443000000.00"', 'amount = "-5.00"', "loan.amount", "negative"),
        ('amount = "2443000000.00"', "amount = 2443000000.5", "loan.amount", "floating-point"),
        ('credit_code = "91652328MA7752K818"', 'credit_code = "91652328MA7752K817"',
         "borrower.credit_code", "check character"),
        ('commitment = "283000000.00"', 'commitment = "284000000.00"', "loan.lenders", "add up"),
        ('frequency = "quarterly"', 'frequncy = "quarterly"', "loan.frequncy", "unknown field"),
        ('role = "agent"', 'role = "bookrunner"', "loan.lenders[1].role", "unknown value"),
        ('catalogue_code = "2019:3.4.2"', 'catalogue_code = "3.4.2"', "project.catalogue_code",
         "VERSION:CODE"),
    ],
)  # fmt: skip
def test_a_bad_value_names_file_and_field_and_loads_nothing(
    sqlite_url: str, tmp_path: Path, old: str, new: str, field: str, rule: str
) -> None:
    """Validation happens before any write, so one backend suffices here (both: next test)."""
    database = open_database(sqlite_url)
    folder = _copy_seeds(tmp_path)
    _edit(_mulei(folder), old, new)
    with pytest.raises(InvalidInput) as caught:
        seed_demo(database, folder)
    message = str(caught.value)
    line = next((ln for ln in message.splitlines() if field in ln), "")
    assert _mulei(folder).name in line, message
    assert rule in line, message
    assert _counts(database)["loans"] == 0
    assert _counts(database)["reference_rates"] == 0  # the good files were not loaded either
    database.dispose()


def test_all_errors_are_reported_at_once(database: Database, tmp_path: Path) -> None:
    folder = _copy_seeds(tmp_path)
    _edit(_mulei(folder), 'amount = "2443000000.00"', 'amount = "0"')
    _edit(folder / "reference_rates.toml", 'rate = "0.0300"', 'rate = "three"')
    with pytest.raises(InvalidInput) as caught:
        seed_demo(database, folder)
    paths = [e.path for e in caught.value.errors]
    assert any(p.endswith("loan.amount") and "mulei" in p for p in paths), paths
    assert any(p.startswith("reference_rates.toml: rate[") for p in paths), paths
    assert str(caught.value).startswith(f"seed files in {folder}: nothing was loaded")
    assert _counts(database)["loans"] == _counts(database)["reference_rates"] == 0


def test_broken_toml_is_named(database: Database, tmp_path: Path) -> None:
    folder = _copy_seeds(tmp_path)
    _edit(folder / "reference_prices.toml", "[[price]]", "[[price]")
    _edit(_mulei(folder), 'amount = "2443000000.00"', 'amount = "0"')
    with pytest.raises(UserError) as caught:
        seed_demo(database, folder)
    message = str(caught.value)
    assert "reference_prices.toml: not valid TOML" in message
    assert "loan.amount: must be greater than zero" in message  # still reported together
    assert _counts(database)["reference_prices"] == 0


def test_a_partly_seeded_database_gets_only_what_is_missing(
    database: Database, tmp_path: Path
) -> None:
    partial = tmp_path / "partial"
    (partial / "loans").mkdir(parents=True)
    shutil.copy(_mulei(seeds_dir()), partial / "loans")
    shutil.copy(seeds_dir() / "reference_rates.toml", partial)
    first = seed_demo(database, partial)
    assert first.loans == 1 and first.rates > 0 and first.prices == 0
    rest = seed_demo(database)
    assert rest.loans == len(list((seeds_dir() / "loans").glob("*.toml"))) - 1
    assert rest.rates == 0 and rest.prices > 0
    with database.session() as session:
        count = session.scalar(
            select(func.count()).select_from(Loan).where(Loan.reference == "XJ-CJ-2023-001")
        )
    assert count == 1


def test_seeded_loans_are_classified_by_the_engine(seeded: tuple[Database, SeedReport]) -> None:
    database = seeded[0]
    with database.session() as session:
        classes = {
            loan.reference: (loan.classification_primary, loan.classification_labels or [])
            for loan in session.scalars(select(Loan))
        }
        green_share = session.scalars(
            select(Loan.green_share).where(Loan.reference == "XJ-CJ-2023-001")
        ).one()
    assert all(primary is not None for primary, _ in classes.values())
    assert classes["XJ-CJ-2023-001"][0] == "green"  # storage + wind + solar use of proceeds
    assert green_share == Decimal(1)
    assert classes["XJ-CJ-2024-005"][0] == "transition"  # the transition-linked loan
    assert "carbon_linked" in classes["XJ-CJ-2024-005"][1]
    assert classes["XJ-CJ-2024-004"][0] == "carbon_linked"  # the carbon-footprint-linked loan


def test_every_seeded_loan_has_a_schedule_that_repays_what_is_drawn(
    seeded: tuple[Database, SeedReport],
) -> None:
    database = seeded[0]
    with database.session() as session:
        loans = {loan.reference: (loan.id, loan.amount) for loan in session.scalars(select(Loan))}
        drawn = {
            loan.reference: sum((d.amount for d in loan.drawdowns), Decimal(0)) or loan.amount
            for loan in session.scalars(select(Loan))
        }
    for reference, (loan_id, _amount) in loans.items():
        terms = schedule_terms(database, loan_id)
        schedule = build_schedule(parse_terms(terms))
        principal = sum((p.principal for p in schedule.periods), Decimal(0))
        assert principal == drawn[reference], reference
        assert schedule.periods[-1].closing_balance == Decimal("0.00"), reference
        if terms.get("lenders"):
            assert sum((Decimal(x["commitment"]) for x in terms["lenders"]), Decimal(0)) == (
                Decimal(terms["amount"])
            )


def test_seeding_creates_the_demo_accounts(seeded: tuple[Database, SeedReport]) -> None:
    database, report = seeded
    assert report.users == len(auth.DEMO_USERS)
    names = {u.username: u.role for u in auth.list_users(database)}
    assert names == {name: role for name, _, role in auth.DEMO_USERS}
    officer = auth.authenticate(database, "officer", auth.DEMO_PASSWORD)
    assert officer.username == "officer"
