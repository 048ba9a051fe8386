"""What the memo and the workbook both need from the database: loans with their children, their
schedules (the schedule engine on the stored terms), pledge valuations, catalogue names.

Everything here works on ORM rows inside a read session and hands back plain values; the
callers turn those into the reporting dataclasses.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from greendesk.domain.classification.catalogue import load_catalogue
from greendesk.domain.money import round_fen
from greendesk.domain.schedule import Schedule, build_schedule, parse_terms
from greendesk.paths import resources_dir
from greendesk.services.records.loan_rows import loan_input, loan_record
from greendesk.services.records.loan_rules import terms_json
from greendesk.store.models import Loan, Pledge, ReferencePrice

ZERO = Decimal("0.00")


def loan_load_options() -> list[_AbstractLoad]:
    """Eager loads for everything a report reads from a loan (no lazy loads per row)."""
    return [
        joinedload(Loan.borrower),
        joinedload(Loan.project),
        selectinload(Loan.drawdowns),
        selectinload(Loan.custom_principal),
        selectinload(Loan.ratchet_steps),
        selectinload(Loan.base_rate_path),
        selectinload(Loan.kpis),
        selectinload(Loan.use_of_proceeds),
        selectinload(Loan.syndicate_shares),
        selectinload(Loan.pledges),
    ]


def loan_schedule(loan: Loan, borrower_only: bool = False) -> Schedule:
    """The loan's schedule from its stored terms, as ``greendesk schedule`` would compute it.

    Payment dates past the years the CN holiday data covers are rolled over weekends only
    (``calendar_beyond_coverage = weekends``): a 20-year loan must still get a schedule, and
    the engine says which years it covers. ``borrower_only`` leaves out the lenders' split and
    the fees (principal and interest do not depend on them): the portfolio export needs only
    those and computes thousands of schedules.
    """
    terms = terms_json(loan_input(loan_record(loan)))
    terms.setdefault("calendar_beyond_coverage", "weekends")
    if borrower_only:
        terms.pop("lenders", None)
        terms.pop("fees", None)
    return build_schedule(parse_terms(terms))


class PriceBook:
    """Reference prices by instrument, for "price on or before a date" look-ups."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(
            select(
                ReferencePrice.instrument, ReferencePrice.price_date, ReferencePrice.price
            ).order_by(ReferencePrice.instrument, ReferencePrice.price_date)
        ).all()
        self._dates: dict[str, list[date]] = {}
        self._prices: dict[str, list[Decimal]] = {}
        for instrument, day, price in rows:
            self._dates.setdefault(instrument, []).append(day)
            self._prices.setdefault(instrument, []).append(price)

    def on(self, instrument: str, day: date) -> tuple[date, Decimal] | None:
        dates = self._dates.get(instrument)
        if not dates:
            return None
        i = bisect.bisect_right(dates, day) - 1
        if i < 0:
            return None
        return dates[i], self._prices[instrument][i]


@dataclass(frozen=True)
class CollateralType:
    key: str
    name_zh: str
    name_en: str
    default_rate: Decimal
    registry_zh: str
    registry_en: str


@cache
def collateral_types() -> dict[str, CollateralType]:
    data = json.loads((resources_dir() / "collateral" / "types.json").read_text(encoding="utf-8"))
    registries = data.get("registries", {})
    out = {}
    for t in data["types"]:
        reg = registries.get(t.get("registry", ""), {})
        out[t["key"]] = CollateralType(
            t["key"],
            t["name_zh"],
            t["name_en"],
            Decimal(t["default_pledge_rate"]),
            reg.get("name_zh", ""),
            reg.get("name_en", ""),
        )
    return out


@cache
def max_price_age_days() -> int:
    data = json.loads((resources_dir() / "collateral" / "types.json").read_text(encoding="utf-8"))
    return int(data.get("policy", {}).get("max_price_age_days", 30))


@dataclass(frozen=True)
class Valuation:
    value: Decimal
    rate: Decimal
    eligible: Decimal
    unit_price: Decimal | None
    price_date: date | None
    basis: str  # "CEA 2026-03-31 × 92.00" or "appraisal"


def value_pledge(pledge: Pledge, prices: PriceBook, on: date, lang: str) -> Valuation:
    """Quantity × the reference price on ``on`` (else the pledge's own price), or the appraisal."""
    ctype = collateral_types().get(pledge.collateral_type)
    rate = (
        pledge.pledge_rate
        if pledge.pledge_rate is not None
        else (ctype.default_rate if ctype else Decimal(0))
    )
    appraisal = "评估" if lang == "zh" else "appraisal"
    if pledge.quantity is not None and pledge.price_instrument:
        quote = prices.on(pledge.price_instrument, on)
        if quote is not None:
            day, price = quote
        elif pledge.unit_price is not None:
            day, price = pledge.valuation_date or on, pledge.unit_price
        else:
            day, price = None, None
        if price is not None:
            value = round_fen(pledge.quantity * price)
            basis = f"{pledge.price_instrument} {day.isoformat() if day else ''} × {price}".strip()
            return Valuation(value, rate, round_fen(value * rate), price, day, basis)
    value = pledge.appraised_value or ZERO
    return Valuation(value, rate, round_fen(value * rate), None, pledge.valuation_date, appraisal)


def type_label(key: str, lang: str) -> str:
    ctype = collateral_types().get(key)
    if ctype is None:
        return key
    return ctype.name_zh if lang == "zh" else ctype.name_en


def catalogue_names(code: str | None, lang: str) -> tuple[str, str]:
    """(item name, top-level category) for ``VERSION:CODE``; blanks when unknown."""
    if not code:
        return "", ""
    item = load_catalogue().get(code)
    if item is None:
        return "", ""
    top = item.category.split(" / ")[0].strip()
    top = top.split(" ", 1)[1] if " " in top and top.split(" ", 1)[0][:1].isdigit() else top
    return (item.name_zh if lang == "zh" else item.name_en), top


def current_loan_ids(session: Session) -> list[int]:
    """Ids of loans not superseded by a newer application version, in reference order.

    Read as (id, previous_id) pairs and filtered here: one scan, where a correlated NOT EXISTS
    on the unindexed previous_id column costs a scan per loan.
    """
    rows = session.execute(
        select(Loan.id, Loan.previous_id).order_by(Loan.reference, Loan.id)
    ).all()
    superseded = {prev for _, prev in rows if prev is not None}
    return [loan_id for loan_id, _ in rows if loan_id not in superseded]
