"""The portfolio dashboard's figures, from SQL aggregates over the current loans.

The window's dashboard and ``greendesk portfolio summary`` print the same ``PortfolioSummary``.
Every figure is over the current version of each loan (the ``loan_facets`` read model), and
every group carries the ``LoanFilter`` that lists the loans behind it, so a click on a chart
opens exactly those loans. Each group is a walk of a covering index in its own order (class,
category, coverage, status and maturity date; pledges by type), so no query sorts 100,000 rows.
Money is summed as integer fen and handed up as Decimal; tonnes as integer milli-tonnes.
Definitions:

- by class: the officer's override when there is one, else the engine's class;
- by catalogue category: the top category of the project's catalogue item (else the first
  use-of-proceeds line's); the green amount is that of loans classed green;
- collateral mix: pledges of current loans by type, with their stored value and eligible value;
- coverage: the stored coverage ratio (eligible value ÷ amount), in COVERAGE_BANDS;
- maturity ladder: disbursed loans' facility amounts by year of final maturity;
- environmental benefit: the projects' expected annual CO2e reduction and carbon sink, by class.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Integer,
    case,
    func,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased

from greendesk.domain.money import from_fen
from greendesk.services.loan_filter import (
    COVERAGE_BANDS,
    LoanFilter,
    band_condition,
    category_names,
    checked,
    conditions,
)
from greendesk.store.database import Database
from greendesk.store.models import Loan, LoanFacet, Pledge

MILLI = Decimal("0.001")
LADDER_STATUSES = ("disbursed",)


@dataclass(frozen=True)
class Group:
    """One bar or slice: its key, how many loans (or pledges), their amounts, and the filter
    that lists the loans behind it."""

    key: str
    count: int
    amount: Decimal
    filter: LoanFilter = field(compare=False)
    extra: tuple[tuple[str, Decimal], ...] = ()  # named further figures of the group

    def figure(self, name: str) -> Decimal:
        return dict(self.extra)[name]


@dataclass(frozen=True)
class PortfolioSummary:
    loans: int
    amount: Decimal
    by_class: tuple[Group, ...]
    by_category: tuple[Group, ...]  # extra: green_amount, green_share
    category_names: dict[str, str]
    collateral: tuple[Group, ...]  # count = pledges; extra: loans, value, eligible_value
    coverage: tuple[Group, ...]
    maturity: tuple[Group, ...]  # key = year
    benefit: tuple[Group, ...]  # by class; extra: co2e_reduction_t, carbon_sink_t


def _fen(value: Any) -> Decimal:
    return from_fen(int(value or 0))


def _tonnes(value: Any) -> Decimal:
    return (Decimal(int(value or 0)) * MILLI).quantize(MILLI)


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return Decimal(0) if not whole else (part / whole).quantize(Decimal("0.0001"))


def _amount() -> Any:
    return type_coerce(LoanFacet.amount, BigInteger)  # sum fen as integers, not Money


def _by_class(session: Session, where: list[Any]) -> list[Any]:
    """(class, loans, fen, CO2e milli-tonnes, sink milli-tonnes) — with the environmental
    benefit in the same walk of the class index."""
    query = select(
        LoanFacet.classification,
        func.count(),
        func.sum(_amount()),
        func.coalesce(func.sum(LoanFacet.co2e_reduction_mt), 0),
        func.coalesce(func.sum(LoanFacet.carbon_sink_mt), 0),
    ).where(*where)
    grouped = query.group_by(LoanFacet.classification)
    return list(session.execute(grouped.order_by(LoanFacet.classification)))


def _by_category(session: Session, where: list[Any]) -> list[Any]:
    """(category, loans, fen, green fen)."""
    green = func.sum(case((LoanFacet.classification == "green", _amount()), else_=0))
    query = select(LoanFacet.category, func.count(), func.sum(_amount()), green).where(*where)
    grouped = query.group_by(LoanFacet.category)
    return list(session.execute(grouped.order_by(LoanFacet.category)))


def _by_band(session: Session, where: list[Any]) -> list[tuple[int, int]]:
    """(loans, fen) per coverage band, each a range of the coverage index."""
    out = []
    for key, _, _ in COVERAGE_BANDS:
        query = select(func.count(), func.coalesce(func.sum(_amount()), 0))
        n, fen = session.execute(query.where(*where, band_condition(key))).one()
        out.append((int(n), int(fen)))
    return out


def _ladder(session: Session, where: list[Any]) -> dict[int, tuple[int, int]]:
    """(loans, fen) of disbursed loans per year of final maturity.

    Summed per maturity date in SQL (the (status, maturity_date, amount) index gives that order,
    so nothing is sorted), then per year here: a few thousand dates at most.
    """
    query = (
        select(LoanFacet.maturity_date, func.count(), func.sum(_amount()))
        .where(*where, LoanFacet.status.in_(LADDER_STATUSES), LoanFacet.maturity_date.is_not(None))
        .group_by(LoanFacet.maturity_date)
    )
    years: dict[int, tuple[int, int]] = {}
    for day, n, fen in session.execute(query):
        count, total = years.get(day.year, (0, 0))
        years[day.year] = (count + int(n), total + int(fen))
    return dict(sorted(years.items()))


def _collateral(session: Session, where: list[Any]) -> list[Any]:
    """Pledges of the selected loans by type: pledges, loans, value and eligible value (fen).

    The (collateral_type, loan_id, value, eligible_value) index gives the grouping order and
    every value, so the only sort is each type's distinct loans.
    """
    value = type_coerce(Pledge.value, BigInteger)
    eligible = type_coerce(Pledge.eligible_value, BigInteger)
    # "+loan_id": not through the (loan_id, seq) index; the walk of (collateral_type, loan_id,
    # value, eligible_value) in order serves every step
    loan_id = literal_column("+pledges.loan_id", Integer)
    if where:
        chosen = loan_id.in_(select(LoanFacet.loan_id).where(*where))
    else:  # every current loan: all pledges but those of superseded versions (a small set)
        newer = aliased(Loan)
        chosen = loan_id.not_in(select(newer.previous_id).where(newer.previous_id.is_not(None)))
    query = (
        select(
            Pledge.collateral_type,
            func.count(),
            func.count(func.distinct(Pledge.loan_id)),
            func.coalesce(func.sum(value), 0),
            func.coalesce(func.sum(eligible), 0),
        )
        .where(chosen)
        .group_by(Pledge.collateral_type)
        .order_by(Pledge.collateral_type)
    )
    return list(session.execute(query))


def portfolio_summary(
    db: Database, filters: LoanFilter | None = None, lang: str = "zh"
) -> PortfolioSummary:
    """Every dashboard figure, over the loans ``filters`` selects (all current loans if None);
    the categories named in ``lang``."""
    base = checked(filters or LoanFilter())
    with db.session() as session:
        where = conditions(base, session)
        total_n, total_fen = session.execute(
            select(func.count(), func.coalesce(func.sum(_amount()), 0)).where(*where)
        ).one()
        classes = _by_class(session, where)
        categories = _by_category(session, where)
        bands = _by_band(session, where)
        ladder = _ladder(session, where)
        collateral = _collateral(session, where)
    names = category_names(lang)
    return PortfolioSummary(
        loans=int(total_n),
        amount=_fen(total_fen),
        by_class=tuple(
            Group(k or "", n, _fen(f), base.with_(classes=(k,)) if k else base)
            for k, n, f, _, _ in classes
        ),
        by_category=tuple(
            Group(
                k or "",
                n,
                _fen(f),
                base.with_(categories=(k,)) if k else base,
                (("green_amount", _fen(g)), ("green_share", _share(_fen(g), _fen(f)))),
            )
            for k, n, f, g in categories
        ),
        category_names={k: names.get(k, k) for k, *_ in categories if k},
        collateral=tuple(
            Group(
                kind,
                int(pledges),
                _fen(eligible_fen),
                base.with_(collateral=(kind,)),
                (
                    ("loans", Decimal(int(loans))),
                    ("value", _fen(value_fen)),
                    ("eligible_value", _fen(eligible_fen)),
                ),
            )
            for kind, pledges, loans, value_fen, eligible_fen in collateral
        ),
        coverage=tuple(
            Group(key, n, _fen(f), base.with_(coverage_bands=(key,)))
            for (key, _, _), (n, f) in zip(COVERAGE_BANDS, bands, strict=True)
        ),
        maturity=tuple(
            Group(
                str(y),
                n,
                _fen(f),
                base.with_(
                    statuses=LADDER_STATUSES,
                    maturity_from=date(y, 1, 1),
                    maturity_to=date(y, 12, 31),
                ),
            )
            for y, (n, f) in ladder.items()
        ),
        benefit=tuple(
            Group(
                k or "",
                n,
                _fen(f),
                base.with_(classes=(k,)) if k else base,
                (("co2e_reduction_t", _tonnes(co2)), ("carbon_sink_t", _tonnes(sink))),
            )
            for k, n, f, co2, sink in classes
        ),
    )
