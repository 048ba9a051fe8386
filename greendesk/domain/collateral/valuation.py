"""Value one pledge on a date: quantity × reference price, or the appraisal; then × pledge rate.

Every figure is a Decimal; a value is rounded half-up to the fen once, and the eligible value
(value × pledge rate) once more, so reports and coverage use the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from greendesk.domain.collateral.prices import PricePoint, PriceTable
from greendesk.domain.collateral.types import CollateralType
from greendesk.domain.money import round_fen

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class PledgeFacts:
    """A pledge as the rules see it (from the store, a seed file or a test)."""

    seq: int
    collateral_type: str
    description: str = ""
    quantity: Decimal | None = None
    unit: str | None = None
    price_instrument: str | None = None
    unit_price: Decimal | None = None
    appraised_value: Decimal | None = None
    valuation_date: date | None = None
    pledge_rate: Decimal | None = None
    registry: str | None = None
    registration_no: str | None = None
    vintage_year: int | None = None
    expiry: date | None = None
    owner: str | None = None


@dataclass(frozen=True)
class PledgeValuation:
    seq: int
    collateral_type: str
    type_name: str
    basis: str  # "price", "pledge_price" (the pledge's own unit price), "appraisal" or "none"
    quantity: Decimal | None
    unit_price: Decimal | None
    instrument: str | None
    value_date: date | None  # date of the price or appraisal used
    value: Decimal
    pledge_rate: Decimal
    eligible_value: Decimal
    registry: str
    note: str = ""  # why the basis is not the reference price, in English
    note_zh: str = ""  # the same in Chinese


Note = tuple[str, str]  # (English, Chinese)


def _priced(
    pledge: PledgeFacts, ctype: CollateralType, prices: PriceTable, as_of: date
) -> tuple[str, Decimal | None, str | None, date | None, Note]:
    """(basis, unit price, instrument, price date, note): the table's price, else the pledge's."""
    instrument = pledge.price_instrument or ctype.price_instrument
    point: PricePoint | None = prices.latest(instrument, as_of) if instrument else None
    if point is not None:
        return "price", point.price, instrument, point.price_date, ("", "")
    if pledge.unit_price is not None:
        note = (
            f"no {instrument} reference price on or before {as_of}; the pledge's own price used",
            f"{as_of} 及之前无 {instrument} 参考价格，采用押品约定单价",
        )
        return "pledge_price", pledge.unit_price, instrument, pledge.valuation_date, note
    name = instrument or "reference"
    return (
        "none",
        None,
        instrument,
        None,
        (
            f"no {name} price on or before {as_of}",
            f"{as_of} 及之前无{f' {instrument} ' if instrument else ''}参考价格",
        ),
    )


def value_pledge(
    pledge: PledgeFacts, ctype: CollateralType, prices: PriceTable, as_of: date
) -> PledgeValuation:
    """The pledge's value and eligible value on ``as_of``."""
    rate = pledge.pledge_rate if pledge.pledge_rate is not None else ctype.default_pledge_rate
    registry = pledge.registry or ctype.registry.name_zh
    use_price = ctype.priced or (pledge.appraised_value is None and pledge.quantity is not None)
    if use_price:
        basis, price, instrument, when, note = _priced(pledge, ctype, prices, as_of)
        if price is not None and pledge.quantity is None:
            basis, note = "none", ("no quantity given", "未登记数量")
        value = (
            round_fen(pledge.quantity * price)
            if (price is not None and pledge.quantity is not None)
            else ZERO
        )
        if basis == "none":
            value = ZERO
    else:
        basis, price, instrument = "appraisal", None, None
        when, note = pledge.valuation_date, ("", "")
        value = round_fen(pledge.appraised_value) if pledge.appraised_value is not None else ZERO
        if pledge.appraised_value is None:
            basis, note = "none", ("no appraised value", "无评估价值")
    return PledgeValuation(
        seq=pledge.seq,
        collateral_type=ctype.key,
        type_name=ctype.name_zh,
        basis=basis,
        quantity=pledge.quantity,
        unit_price=price,
        instrument=instrument,
        value_date=when,
        value=value,
        pledge_rate=rate,
        eligible_value=round_fen(value * rate),
        registry=registry,
        note=note[0],
        note_zh=note[1],
    )
