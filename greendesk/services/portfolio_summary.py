"""The portfolio dashboard's figures, each from one SQL aggregate over the current loans.

The window's dashboard and ``greendesk portfolio summary`` print the same ``PortfolioSummary``.
Every figure is over the current version of each loan (the ``loan_facets`` read model), and
every group carries the ``LoanFilter`` that lists the loans behind it, so a click on a chart
opens exactly those loans. Money is summed as integer fen and handed up as Decimal; tonnes are
summed as integer milli-tonnes. Definitions:

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

from sqlalchemy import BigInteger, Integer, case, cast, extract, func, select, text, type_coerce

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
from greendesk.store.models import LoanFacet, Pledge

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


def portfolio_summary(db: Database, filters: LoanFilter | None = None) -> PortfolioSummary:
    """Every dashboard figure, over the loans ``filters`` selects (all current loans if None)."""
    base = checked(filters or LoanFilter())
    amount = type_coerce(LoanFacet.amount, BigInteger)  # sum fen as integers, not Money
    count = func.count(LoanFacet.loan_id)
    with db.session() as session:
        where = conditions(base, session)

        def grouped(key: Any, *figures: Any) -> list[Any]:
            # grouped by position: an expression with parameters (the bands) is one expression
            query = select(key, count, func.sum(amount), *figures).where(*where)
            return list(session.execute(query.group_by(text("1")).order_by(text("1"))))

        total_count, total_fen = session.execute(
            select(count, func.sum(amount)).where(*where)
        ).one()
        classes = grouped(LoanFacet.classification)
        green = func.sum(case((LoanFacet.classification == "green", amount), else_=0))
        categories = grouped(LoanFacet.category, green)
        band = case(
            *[(band_condition(key), index) for index, (key, _, _) in enumerate(COVERAGE_BANDS)],
            else_=-1,
        )
        bands = {row[0]: row for row in grouped(band)}
        year = cast(extract("year", LoanFacet.maturity_date), Integer)
        ladder_where = [*where, LoanFacet.status.in_(LADDER_STATUSES)]
        ladder = list(
            session.execute(
                select(year, count, func.sum(amount))
                .where(*ladder_where, LoanFacet.maturity_date.is_not(None))
                .group_by(year)
                .order_by(year)
            )
        )
        benefit = grouped(
            LoanFacet.classification,
            func.sum(LoanFacet.co2e_reduction_mt),
            func.sum(LoanFacet.carbon_sink_mt),
        )
        value = type_coerce(Pledge.value, BigInteger)
        eligible = type_coerce(Pledge.eligible_value, BigInteger)
        collateral = list(
            session.execute(
                select(
                    Pledge.collateral_type,
                    func.count(),
                    func.count(func.distinct(Pledge.loan_id)),
                    func.sum(value),
                    func.sum(eligible),
                )
                .join(LoanFacet, LoanFacet.loan_id == Pledge.loan_id)
                .where(*where)
                .group_by(Pledge.collateral_type)
                .order_by(Pledge.collateral_type)
            )
        )
    names = category_names()
    by_category = []
    for key, n, fen, green_fen in categories:
        total, green_amount = _fen(fen), _fen(green_fen)
        by_category.append(
            Group(
                key or "",
                n,
                total,
                base.with_(categories=(key,)) if key else base,
                (("green_amount", green_amount), ("green_share", _share(green_amount, total))),
            )
        )
    return PortfolioSummary(
        loans=int(total_count),
        amount=_fen(total_fen),
        by_class=tuple(
            Group(k or "", n, _fen(f), base.with_(classes=(k,)) if k else base)
            for k, n, f in classes
        ),
        by_category=tuple(by_category),
        category_names={k: names.get(k, k) for k, *_ in categories if k},
        collateral=tuple(
            Group(
                k,
                pledges,
                _fen(eligible_fen),
                base.with_(collateral=(k,)),
                (
                    ("loans", Decimal(loans)),
                    ("value", _fen(value_fen)),
                    ("eligible_value", _fen(eligible_fen)),
                ),
            )
            for k, pledges, loans, value_fen, eligible_fen in collateral
        ),
        coverage=tuple(
            Group(
                key,
                int(bands[i][1]) if i in bands else 0,
                _fen(bands[i][2]) if i in bands else Decimal("0.00"),
                base.with_(coverage_bands=(key,)),
            )
            for i, (key, _, _) in enumerate(COVERAGE_BANDS)
        ),
        maturity=tuple(
            Group(
                str(y),
                n,
                _fen(f),
                base.with_(
                    statuses=LADDER_STATUSES,
                    maturity_from=date(int(y), 1, 1),
                    maturity_to=date(int(y), 12, 31),
                ),
            )
            for y, n, f in ladder
        ),
        benefit=tuple(
            Group(
                k or "",
                n,
                _fen(f),
                base.with_(classes=(k,)) if k else base,
                (("co2e_reduction_t", _tonnes(co2)), ("carbon_sink_t", _tonnes(sink))),
            )
            for k, n, f, co2, sink in benefit
        ),
    )
