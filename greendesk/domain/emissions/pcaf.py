"""PCAF financed emissions of one loan: attribution, emissions by data-quality option, score.

Attribution factor (business loans and project finance)::

    AF = outstanding ÷ (total equity + debt)      of the borrower, or of the project
         equity below zero counts as 0; no equity and no debt → total assets (noted);
         AF above 1 (outstanding larger than the balance sheet) is held at 1 (noted).

Emissions (tCO2e a year) by the PCAF option, and the option's data-quality score::

    1a  verified reported emissions                       score 1   financed = AF × reported
    1b  unverified reported emissions                     score 2   financed = AF × reported
    2a  energy consumption × its emission factors         score 2   financed = AF × Σ qty × EF
    2b  production × its emission factors                 score 3   financed = AF × Σ qty × EF
    3a  revenue × sector EF per unit of revenue           score 4   financed = AF × revenue × EF
    3b  outstanding × sector EF per unit of assets        score 5   financed = outstanding × EF
    3c  outstanding × asset turnover × sector EF/revenue  score 5   financed = outstanding × T × EF

(3b and 3c estimate the loan's share directly, so no attribution factor enters.) Scope 3 is
attributed the same way when the borrower reports it. Outstanding is principal only: accrued
interest is excluded by the caller. Emissions are rounded half-up to 0.01 t at the end only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

OPTIONS: dict[str, int] = {"1a": 1, "1b": 2, "2a": 2, "2b": 3, "3a": 4, "3b": 5, "3c": 5}
MILLION = Decimal(1_000_000)
TONNE = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)


def tonnes(value: Decimal) -> Decimal:
    return value.quantize(TONNE, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ActivityFactor:
    key: str
    per_unit: Decimal  # tCO2e per unit
    unit: str
    kind: str  # "energy" (option 2a) or "production" (option 2b)


@dataclass(frozen=True)
class SectorFactor:
    key: str
    per_revenue: Decimal  # tCO2e per CNY 1 million of revenue (3a, 3c)
    per_assets: Decimal  # tCO2e per CNY 1 million of total assets (3b)
    asset_turnover: Decimal  # revenue ÷ total assets (3c)


@dataclass(frozen=True)
class FactorTable:
    version: str
    activities: Mapping[str, ActivityFactor]
    sectors: Mapping[str, SectorFactor]


@dataclass(frozen=True)
class Activity:
    factor: str
    quantity: Decimal


@dataclass(frozen=True)
class EmissionInputs:
    """What a borrower's or project's record holds (money in yuan, emissions in tCO2e a year)."""

    option: str
    equity: Decimal | None = None
    debt: Decimal | None = None
    total_assets: Decimal | None = None
    scope12_t: Decimal | None = None
    scope3_t: Decimal | None = None
    activity: Sequence[Activity] = ()
    revenue: Decimal | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Attribution:
    factor: Decimal
    denominator: Decimal
    basis: str  # "equity+debt" or "total assets"
    notes: tuple[str, ...]


class PcafError(ValueError):
    """The inputs cannot give a PCAF figure; the message names what is missing."""


def attribution(
    outstanding: Decimal,
    equity: Decimal | None,
    debt: Decimal | None,
    total_assets: Decimal | None,
) -> Attribution:
    """AF = outstanding ÷ (max(equity, 0) + debt), else ÷ total assets; held within [0, 1]."""
    notes: list[str] = []
    if equity is None and debt is None:
        if total_assets is None or total_assets <= 0:
            raise PcafError("no equity, debt or total assets: no attribution factor")
        denominator, basis = total_assets, "total assets"
        notes.append("equity and debt unknown: attributed on total assets")
    else:
        eq = equity if equity is not None else ZERO
        if eq < 0:
            notes.append(f"negative equity {eq} counted as 0")
            eq = ZERO
        denominator, basis = eq + (debt if debt is not None else ZERO), "equity+debt"
        if denominator <= 0:
            raise PcafError("equity + debt is zero: no attribution factor")
    factor = outstanding / denominator
    if factor > ONE:
        notes.append(f"outstanding exceeds {basis}: attribution held at 100%")
        factor = ONE
    return Attribution(factor, denominator, basis, tuple(notes))


@dataclass(frozen=True)
class Financed:
    option: str
    score: int
    attribution: Attribution | None  # None for 3b / 3c (the estimate is per unit lent)
    emissions_t: Decimal | None  # the borrower's / project's own scope 1+2 (None for 3b / 3c)
    financed_t: Decimal  # scope 1+2 attributed to the loan
    financed_scope3_t: Decimal | None
    notes: tuple[str, ...]


def _activity(inputs: EmissionInputs, factors: FactorTable, kind: str) -> Decimal:
    if not inputs.activity:
        raise PcafError(f"option {inputs.option}: no {kind} data")
    total = ZERO
    for line in inputs.activity:
        f = factors.activities.get(line.factor)
        if f is None:
            raise PcafError(f"unknown emission factor {line.factor!r} (table {factors.version})")
        if f.kind != kind:
            raise PcafError(f"factor {line.factor!r} is a {f.kind} factor, option needs {kind}")
        total += line.quantity * f.per_unit
    return total


def _sector(inputs: EmissionInputs, factors: FactorTable) -> SectorFactor:
    if inputs.sector is None or inputs.sector not in factors.sectors:
        raise PcafError(
            f"option {inputs.option}: unknown sector factor {inputs.sector!r} "
            f"(table {factors.version})"
        )
    return factors.sectors[inputs.sector]


def financed(outstanding: Decimal, inputs: EmissionInputs, factors: FactorTable) -> Financed:
    """The loan's financed emissions by the inputs' PCAF option (see the module notes)."""
    option = inputs.option
    if option not in OPTIONS:
        raise PcafError(f"unknown PCAF option {option!r} (one of {', '.join(OPTIONS)})")
    score = OPTIONS[option]
    if option in ("3b", "3c"):
        sector = _sector(inputs, factors)
        per_million = (
            sector.per_assets if option == "3b" else sector.asset_turnover * sector.per_revenue
        )
        value = outstanding / MILLION * per_million
        return Financed(option, score, None, None, tonnes(value), None, ())
    af = attribution(outstanding, inputs.equity, inputs.debt, inputs.total_assets)
    if option in ("1a", "1b"):
        if inputs.scope12_t is None:
            raise PcafError(f"option {option}: no reported scope 1+2 emissions")
        own = inputs.scope12_t
    elif option == "2a":
        own = _activity(inputs, factors, "energy")
    elif option == "2b":
        own = _activity(inputs, factors, "production")
    else:  # 3a
        if inputs.revenue is None:
            raise PcafError("option 3a: no revenue")
        own = inputs.revenue / MILLION * _sector(inputs, factors).per_revenue
    scope3 = tonnes(af.factor * inputs.scope3_t) if inputs.scope3_t is not None else None
    return Financed(option, score, af, tonnes(own), tonnes(af.factor * own), scope3, af.notes)


def avoided(af: Decimal, annual_reduction_t: Decimal | None) -> Decimal | None:
    """The project's expected yearly reduction attributed the same way; never netted."""
    return None if annual_reduction_t is None else tonnes(af * annual_reduction_t)


def weighted_score(items: Sequence[tuple[Decimal, int]]) -> Decimal | None:
    """Σ(outstanding × score) ÷ Σ outstanding, to two places (PCAF's weighted data quality)."""
    total = sum((w for w, _ in items), ZERO)
    if total == 0:
        return None
    value = sum((w * s for w, s in items), ZERO) / total
    return value.quantize(TONNE, rounding=ROUND_HALF_UP)
