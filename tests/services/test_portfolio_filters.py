"""Search, filters, sorts and the dashboard figures, checked against a slow Python re-count.

A synthetic book of a few hundred loans (plus officers, a use-of-proceeds line and a newer
version) is listed through the service and re-derived loan by loan from the ORM rows here; the
two must agree on the set and the order, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from greendesk.domain.errors import InvalidInput
from greendesk.services.loan_filter import COVERAGE_BANDS, LoanFilter, category_names
from greendesk.services.portfolio import list_loan_ids
from greendesk.services.portfolio_summary import portfolio_summary
from greendesk.services.synthetic import generate_portfolio
from greendesk.store.database import Database
from greendesk.store.models import Loan, LoanUseOfProceeds, User
from tests.store.helpers import add_loan

LOANS = 240
_ASCII = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Row:
    """One current loan as the Python re-count sees it."""

    id: int
    reference: str
    borrower: str
    project: str | None
    region: str | None
    classification: str | None
    status: str
    category: str | None
    officer: str | None
    collateral: frozenset[str]
    coverage: Decimal | None
    amount: Decimal
    start: date | None
    maturity: date | None
    co2e: Decimal
    sink: Decimal
    text: str


def _book(db: Database) -> None:
    generate_portfolio(db, LOANS, seed=7)
    with db.session() as session:
        for n, (username, name) in enumerate((("wang", "王经理"), ("li", "李经理"))):
            session.add(User(username=username, display_name=name, role="officer",
                             password_hash="x"))  # fmt: skip
            session.flush()
            officer = session.scalar(select(User.id).where(User.username == username))
            for loan in session.scalars(select(Loan).where(Loan.id % 7 == n)):
                loan.officer_id = officer
        hand = add_loan(session, "HAND-1", Decimal("123456.78"), code_body="91652301MA7700009",
                        borrower_name="Ürümqi Sunny 光伏 Co.")  # fmt: skip
        hand.use_of_proceeds.append(
            LoanUseOfProceeds(seq=1, catalogue_code="2019:4.1.6", amount=Decimal("100000.00"))
        )
        old = session.scalars(select(Loan).order_by(Loan.id).limit(1)).one()
        newer = Loan(
            reference=old.reference, application_version=2, previous_id=old.id,
            borrower_id=old.borrower_id, project_id=old.project_id, amount=Decimal("99.99"),
            status="draft", start_date=old.start_date, maturity_date=old.maturity_date,
        )  # fmt: skip
        session.add(newer)


def _category(code: str | None) -> str | None:
    return None if not code else code.split(".")[0]


def _rows(db: Database) -> list[Row]:
    with db.session() as session:
        loans = list(session.scalars(select(Loan)))
        superseded = {loan.previous_id for loan in loans if loan.previous_id is not None}
        users = {u.id: u for u in session.scalars(select(User))}
        rows = []
        for loan in loans:
            if loan.id in superseded:
                continue
            project, borrower = loan.project, loan.borrower
            officer = users.get(loan.officer_id) if loan.officer_id else None
            codes = [u.catalogue_code for u in loan.use_of_proceeds if u.catalogue_code]
            code = (project.catalogue_code if project else None) or (codes[0] if codes else None)
            parts = [loan.reference, borrower.name, borrower.credit_code,
                     project.name if project else "", project.region if project else "",
                     borrower.region or "", officer.display_name if officer else "",
                     officer.username if officer else "",
                     project.catalogue_code or "" if project else "", " ".join(codes)]  # fmt: skip
            rows.append(
                Row(
                    id=loan.id,
                    reference=loan.reference,
                    borrower=borrower.name,
                    project=project.name if project else None,
                    region=(project.region if project else None) or borrower.region,
                    classification=loan.override_primary or loan.classification_primary,
                    status=loan.status,
                    category=_category(code),
                    officer=officer.username if officer else None,
                    collateral=frozenset(p.collateral_type for p in loan.pledges),
                    coverage=loan.coverage_ratio,
                    amount=loan.amount,
                    start=loan.start_date,
                    maturity=loan.maturity_date,
                    co2e=(project.annual_co2e_reduction_t or Decimal(0)) if project else Decimal(0),
                    sink=(project.carbon_sink_t or Decimal(0)) if project else Decimal(0),
                    text="\n".join(parts).translate(_ASCII),
                )
            )
    return rows


def _in_region(row: Row, wanted: tuple[str, ...]) -> bool:
    if not wanted:
        return True
    words = (row.region or "").split()
    return any(w in (row.region, words[0] if words else None, " ".join(words[:2])) for w in wanted)


def _band(row: Row, key: str) -> bool:
    low, high = next((b[1], b[2]) for b in COVERAGE_BANDS if b[0] == key)
    if key == "none":
        return row.coverage is None
    return (
        row.coverage is not None
        and (low is None or row.coverage >= low)
        and (high is None or row.coverage < high)
    )


def _matches(row: Row, f: LoanFilter) -> bool:
    words = f.search.translate(_ASCII).split()
    return (
        all(w in row.text for w in words)
        and (not f.classes or row.classification in f.classes)
        and (not f.statuses or row.status in f.statuses)
        and _in_region(row, f.regions)
        and (not f.categories or row.category in f.categories)
        and (not f.officers or row.officer in f.officers)
        and (not f.collateral or bool(row.collateral & set(f.collateral)))
        and (not f.coverage_bands or any(_band(row, k) for k in f.coverage_bands))
        and (f.coverage_below is None or (row.coverage is not None
                                          and row.coverage < f.coverage_below))
        and (f.start_from is None or (row.start is not None and row.start >= f.start_from))
        and (f.start_to is None or (row.start is not None and row.start <= f.start_to))
        and (f.maturity_from is None or (row.maturity is not None
                                         and row.maturity >= f.maturity_from))
        and (f.maturity_to is None or (row.maturity is not None and row.maturity <= f.maturity_to))
    )  # fmt: skip


@pytest.fixture
def book(database: Database) -> Database:
    _book(database)
    return database


FILTERS = [
    LoanFilter(),
    LoanFilter(search="新疆"),
    LoanFilter(search="碳汇 新疆"),
    LoanFilter(search="  碳汇项目\t甘肃  "),
    LoanFilter(search="昌吉州 光伏电站"),
    LoanFilter(search="2019:3.2.2"),
    LoanFilter(search="syn7-0001"),
    LoanFilter(search="ürümqi"),
    LoanFilter(search="王经理"),
    LoanFilter(search="li"),
    LoanFilter(search="9"),
    LoanFilter(search="4.1.6 hand"),
    LoanFilter(classes=("green",)),
    LoanFilter(classes=("transition", "carbon_linked"), statuses=("disbursed",)),
    LoanFilter(regions=("新疆",)),
    LoanFilter(regions=("甘肃 张掖", "宁夏")),
    LoanFilter(categories=("2019:4",)),
    LoanFilter(categories=("2019:3", "2024:1"), classes=("green",)),
    LoanFilter(officers=("wang",)),
    LoanFilter(collateral=("cea",)),
    LoanFilter(collateral=("cea", "equipment"), search="新疆"),
    LoanFilter(coverage_bands=("none",)),
    LoanFilter(coverage_bands=("1.0-1.3", "ge2.0")),
    LoanFilter(coverage_below=Decimal("1.3")),
    LoanFilter(start_from=date(2024, 1, 1), start_to=date(2024, 12, 31)),
    LoanFilter(maturity_from=date(2030, 1, 1), statuses=("disbursed", "approved")),
    LoanFilter(search="没有这种词"),
    LoanFilter(search="%"),
    LoanFilter(search='"'),
    LoanFilter(search="_-0"),
]


def test_every_filter_lists_what_a_python_recount_finds(book: Database) -> None:
    rows = _rows(book)
    for wanted in FILTERS:
        expected = sorted((r for r in rows if _matches(r, wanted)), key=lambda r: r.reference)
        assert list_loan_ids(book, filters=wanted) == [r.id for r in expected], wanted
    # the checks are not vacuous: most filters find some loans, none finds all
    found = [len(list_loan_ids(book, filters=f)) for f in FILTERS[1:]]
    assert sum(1 for n in found if 0 < n < len(rows)) >= 20


@pytest.mark.parametrize(
    ("key", "attribute"),
    [
        ("reference", "reference"),
        ("borrower", "borrower"),
        ("project", "project"),
        ("region", "region"),
        ("amount", "amount"),
        ("status", "status"),
        ("classification", "classification"),
        ("start_date", "start"),
        ("maturity_date", "maturity"),
    ],
)
def test_every_column_sorts_on_the_server(book: Database, key: str, attribute: str) -> None:
    rows = [r for r in _rows(book) if getattr(r, attribute) is not None]
    keep = {r.id for r in rows}

    def order(descending: bool) -> list[int]:
        ranked = sorted(rows, key=lambda r: (getattr(r, attribute), r.reference, r.id),
                        reverse=descending)  # fmt: skip
        return [r.id for r in ranked]

    assert [i for i in list_loan_ids(book, order_by=key) if i in keep] == order(False)
    assert [i for i in list_loan_ids(book, order_by=f"-{key}") if i in keep] == order(True)


def test_sorting_and_filtering_combine(book: Database) -> None:
    wanted = LoanFilter(search="新疆", classes=("green",))
    rows = [r for r in _rows(book) if _matches(r, wanted)]
    by_amount = sorted(rows, key=lambda r: (r.amount, r.reference), reverse=True)
    assert list_loan_ids(book, order_by="-amount", filters=wanted) == [r.id for r in by_amount]


def test_the_list_follows_every_change_in_the_same_transaction(book: Database) -> None:
    with book.session(write=True) as session:
        loan = session.scalars(select(Loan).where(Loan.reference == "HAND-1")).one()
        loan.borrower.name = "喀什绿色能源有限公司"
        loan.status = "submitted"
        # inside the writer's own transaction the new values are already searchable
        session.flush()
        from greendesk.store.models import LoanFacet

        facet = session.get(LoanFacet, loan.id)
        assert facet is not None and facet.borrower_name == "喀什绿色能源有限公司"
        hand_id = loan.id
    assert list_loan_ids(book, search="喀什") == [hand_id]
    assert list_loan_ids(book, search="ürümqi") == []
    assert hand_id in list_loan_ids(book, filters=LoanFilter(statuses=("submitted",)))
    with book.session(write=True) as session:
        loan = session.get(Loan, hand_id)
        assert loan is not None
        loan.use_of_proceeds.clear()
        session.flush()
        loan.use_of_proceeds.append(
            LoanUseOfProceeds(seq=1, catalogue_code="2019:3.4.2", amount=Decimal("1.00"))
        )
        session.get(User, loan.officer_id) if loan.officer_id else None
    assert list_loan_ids(book, search="3.4.2 喀什") == [hand_id]
    assert hand_id in list_loan_ids(book, filters=LoanFilter(categories=("2019:3",)))
    with book.session(write=True) as session:
        wang = session.scalars(select(User).where(User.username == "wang")).one()
        wang.display_name = "王大经理"
    assert list_loan_ids(book, search="王大经理") == list_loan_ids(
        book, filters=LoanFilter(officers=("wang",))
    )
    with book.session(write=True) as session:
        loan = session.get(Loan, hand_id)
        assert loan is not None
        session.delete(loan)
    assert list_loan_ids(book, search="喀什") == []


def test_a_newer_version_replaces_the_old_one_in_the_list(book: Database) -> None:
    with book.session(write=True) as session:
        old = session.scalars(select(Loan).where(Loan.reference == "HAND-1")).one()
        newer = Loan(reference="HAND-1", application_version=2, previous_id=old.id,
                     borrower_id=old.borrower_id, amount=Decimal("5.00"))  # fmt: skip
        session.add(newer)
        session.flush()
        ids = (old.id, newer.id)
    assert list_loan_ids(book, search="hand-1") == [ids[1]]
    with book.session(write=True) as session:
        newer_row = session.get(Loan, ids[1])
        session.delete(newer_row)
    assert list_loan_ids(book, search="hand-1") == [ids[0]]


def test_bad_filter_values_are_all_named(book: Database) -> None:
    wanted = LoanFilter(
        search="x" * 201,
        classes=("greenish",),
        statuses=("paid",),
        categories=("2019:99",),
        collateral=("gold",),
        coverage_bands=("huge",),
        coverage_below=Decimal("-1"),
        start_from=date(2025, 1, 2),
        start_to=date(2025, 1, 1),
    )
    with pytest.raises(InvalidInput) as caught:
        list_loan_ids(book, filters=wanted)
    paths = {e.path for e in caught.value.errors}
    assert paths == {"search", "class", "status", "category", "collateral", "coverage",
                     "coverage_below", "start_from"}  # fmt: skip
    with pytest.raises(InvalidInput, match="coverage_below"):
        list_loan_ids(book, filters=LoanFilter(coverage_below=Decimal("1.00001")))
    with pytest.raises(InvalidInput, match="search: at most 10 words"):
        list_loan_ids(book, search=" ".join("abcdefghijk"))


def test_control_characters_and_other_scripts_are_plain_text(book: Database) -> None:
    assert list_loan_ids(book, search="新\x00疆") == list_loan_ids(book, search="新 疆")
    assert list_loan_ids(book, search="\u202e新疆") == []  # not a space: matches nothing
    assert list_loan_ids(book, search="😀") == []
    assert list_loan_ids(book, search="'; DROP TABLE loans; --") == []
    assert len(list_loan_ids(book)) == LOANS + 1


def test_dashboard_figures_equal_a_python_recount(book: Database) -> None:
    rows = _rows(book)
    summary = portfolio_summary(book)
    assert summary.loans == len(rows)
    assert summary.amount == sum((r.amount for r in rows), Decimal(0))

    def recount(key: object) -> dict[object, tuple[int, Decimal]]:
        out: dict[object, tuple[int, Decimal]] = {}
        for r in rows:
            k = key(r)  # type: ignore[operator]
            n, a = out.get(k, (0, Decimal(0)))
            out[k] = (n + 1, a + r.amount)
        return out

    assert {g.key or None: (g.count, g.amount) for g in summary.by_class} == recount(
        lambda r: r.classification
    )
    categories = {g.key or None: g for g in summary.by_category}
    assert {k: (g.count, g.amount) for k, g in categories.items()} == recount(lambda r: r.category)
    for key, group in categories.items():
        green = sum((r.amount for r in rows if r.category == key
                     and r.classification == "green"), Decimal(0))  # fmt: skip
        assert group.figure("green_amount") == green
        assert group.figure("green_share") == (green / group.amount).quantize(Decimal("0.0001"))
    assert set(summary.category_names) <= set(category_names())
    bands = {g.key: (g.count, g.amount) for g in summary.coverage}
    for key, *_ in COVERAGE_BANDS:
        matched = [r for r in rows if _band(r, key)]
        assert bands[key] == (len(matched), sum((r.amount for r in matched), Decimal(0)))
    ladder = recount(lambda r: r.maturity.year if r.status == "disbursed" else None)
    ladder.pop(None, None)
    assert {int(g.key): (g.count, g.amount) for g in summary.maturity} == ladder
    for group in summary.benefit:
        mine = [r for r in rows if (r.classification or "") == group.key]
        assert group.figure("co2e_reduction_t") == sum((r.co2e for r in mine), Decimal(0))
        assert group.figure("carbon_sink_t") == sum((r.sink for r in mine), Decimal(0))
    with book.session() as session:
        pledges = [p for loan in session.scalars(select(Loan)) for p in loan.pledges
                   if loan.id in {r.id for r in rows}]  # fmt: skip
    for group in summary.collateral:
        mine = [p for p in pledges if p.collateral_type == group.key]
        assert group.count == len(mine)
        assert group.figure("loans") == len({p.loan_id for p in mine})
        assert group.figure("value") == sum((p.value or Decimal(0) for p in mine), Decimal(0))
        assert group.amount == sum((p.eligible_value or Decimal(0) for p in mine), Decimal(0))
    assert sum(g.count for g in summary.collateral) == len(pledges) > 0


def test_each_figure_opens_the_loans_behind_it(book: Database) -> None:
    summary = portfolio_summary(book, LoanFilter(regions=("新疆",)))
    for group in (*summary.by_class, *summary.coverage, *summary.maturity, *summary.by_category):
        if group.key:
            behind = list_loan_ids(book, filters=group.filter)
            assert len(behind) == group.count, group
    for group in summary.collateral:
        assert len(list_loan_ids(book, filters=group.filter)) == group.figure("loans")
