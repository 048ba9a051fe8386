"""Field rules for every record editor: required, lengths, ranges, enums, dates in order, sums.

Each ``validate_*`` reads a whole input with the shared ``domain.validation`` checks, adds
every violated rule (``path: rule``) to the collector and returns the clean column values it could
read. The caller raises once with all errors, before touching the database. Rules that need
reference data (credit-code check digit, catalogue codes, collateral types, the schedule engine's
TERMS rules) are injected as callables so this module stays free of the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from greendesk.domain import validation as v
from greendesk.domain.classification.catalogue import load_catalogue
from greendesk.domain.errors import ErrorCollector, FieldError
from greendesk.domain.schedule.dates import add_months as add_months  # used by seed_files
from greendesk.services.records.inputs import (
    BorrowerInput,
    ClassificationOverrideInput,
    PledgeInput,
    PriceInput,
    ProjectInput,
    RateInput,
)

MAX_RATE = Decimal("0.36")  # an annual rate above 36 % is not a bank loan (PRC usury line)
MAX_BPS = 10000
MAX_TERM_MONTHS = 480
MAX_KPI_GRACE_DAYS = 730  # a KPI test still open two years after its date is not a grace period
MAX_PRICE = Decimal(10000000)  # yuan per unit of a traded instrument
MIN_OVERRIDE_REASON = 10  # a written reason, not "ok"

CheckCode = Callable[[str], str | None]
"""Returns ``None`` when the code is valid, else the rule it breaks."""
CheckTerms = Callable[[dict[str, Any]], list[FieldError]]
"""Runs the schedule engine's TERMS rules; returns the errors with TERMS paths."""


@dataclass(frozen=True)
class Checks:
    """Reference-data rules owned by other parts of GreenDesk, injected by the services."""

    credit_code: CheckCode
    catalogue_code: CheckCode
    collateral_type: CheckCode
    collateral_priced: Callable[[str], bool]
    """True when a (known) collateral type is valued as quantity × price, False by appraisal."""
    terms: CheckTerms


def _year(e: ErrorCollector, path: str, value: object) -> int | None:
    return v.check_int(e, path, value, required=False, minimum=1990, maximum=2100)


def given(value: object) -> bool:
    """Whether a widget value was filled in at all."""
    return not (value is None or (isinstance(value, str) and not value.strip()))


# -- borrowers ---------------------------------------------------------------------------------


def validate_borrower(inp: BorrowerInput, checks: Checks, e: ErrorCollector) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": v.check_text(e, "name", inp.name, "name"),
        "credit_code": v.check_text(e, "credit_code", inp.credit_code, "credit_code"),
        "industry": v.check_text(e, "industry", inp.industry, "industry", required=False) or None,
        "sector": v.check_choice(e, "sector", inp.sector, v.SECTORS),
        "region": v.check_text(e, "region", inp.region, "region", required=False) or None,
        "carbon_account_grade": v.check_text(
            e, "carbon_account_grade", inp.carbon_account_grade, "grade", required=False
        )
        or None,
        "baseline_intensity": v.check_decimal(
            e, "baseline_intensity", inp.baseline_intensity, required=False, minimum=Decimal(0)
        ),
        "target_intensity": v.check_decimal(
            e, "target_intensity", inp.target_intensity, required=False, minimum=Decimal(0)
        ),
        "base_year": _year(e, "base_year", inp.base_year),
        "target_year": _year(e, "target_year", inp.target_year),
        "disclosure_yearly": v.check_bool(e, "disclosure_yearly", inp.disclosure_yearly),
    }
    code = values["credit_code"]
    if code:
        code = code.upper()
        values["credit_code"] = code
        broken = checks.credit_code(code)
        if broken:
            e.add("credit_code", broken)
    base, target = values["base_year"], values["target_year"]
    if base is not None and target is not None and target <= base:
        e.add("target_year", "not after base_year")
    high, low = values["baseline_intensity"], values["target_intensity"]
    if high is not None and low is not None and low >= high:
        e.add("target_intensity", "not below baseline_intensity (a plan must reduce intensity)")
    return values


# -- projects ----------------------------------------------------------------------------------


def validate_project(inp: ProjectInput, checks: Checks, e: ErrorCollector) -> dict[str, Any]:
    if inp.borrower_id is None:
        e.add("borrower_id", "required")
    values: dict[str, Any] = {
        "borrower_id": inp.borrower_id,
        "name": v.check_text(e, "name", inp.name, "name"),
        "location": v.check_text(e, "location", inp.location, "location", required=False) or None,
        "region": v.check_text(e, "region", inp.region, "region", required=False) or None,
        "description": v.check_text(
            e, "description", inp.description, "description", required=False
        )
        or None,
        "catalogue_code": v.check_catalogue_code(e, "catalogue_code", inp.catalogue_code),
        "capacity_mw": v.check_decimal(
            e, "capacity_mw", inp.capacity_mw, required=False, minimum=Decimal(0),
            maximum=Decimal(1000000),
        ),
        "capacity_note": v.check_text(
            e, "capacity_note", inp.capacity_note, "name", required=False
        ) or None,
        "total_investment": v.check_money(
            e, "total_investment", inp.total_investment, required=False
        ),
        "annual_co2e_reduction_t": v.check_decimal(
            e, "annual_co2e_reduction_t", inp.annual_co2e_reduction_t, required=False,
            minimum=Decimal(0), maximum=v.MAX_AMOUNT,
        ),
        "carbon_sink_t": v.check_decimal(
            e, "carbon_sink_t", inp.carbon_sink_t, required=False, minimum=Decimal(0),
            maximum=v.MAX_AMOUNT,
        ),
        "technology": _technology(inp.technology, e),
    }  # fmt: skip
    code = values["catalogue_code"]
    if code:
        broken = checks.catalogue_code(code)
        if broken:
            e.add("catalogue_code", broken)
    return values


def _technology(tech: object, e: ErrorCollector) -> dict[str, Any]:
    """Technical parameters: a flat mapping of short names to text, whole numbers or decimals."""
    if not isinstance(tech, dict):
        e.add("technology", "must be a mapping of parameter names to values")
        return {}
    clean: dict[str, Any] = {}
    limit = v.LIMITS["code"]
    for key, value in tech.items():
        path = f"technology.{key}"
        if not isinstance(key, str) or not key.strip() or len(key) > limit:
            e.add(path, f"parameter name must be text of 1-{limit} characters")
        elif isinstance(value, float):
            e.add(path, "must be a decimal string, not a floating-point number")
        elif isinstance(value, Decimal):
            clean[key.strip()] = str(value)
        elif isinstance(value, bool | int | str) or value is None:
            broken = None if value is None else load_catalogue().measured_error(key.strip(), value)
            if isinstance(value, str) and len(value) > v.LIMITS["name"]:
                e.add(path, f"longer than {v.LIMITS['name']} characters")
            elif isinstance(value, str) and (bad := v.control_character(value)) is not None:
                e.add(path, f"contains the control character U+{ord(bad):04X}")
            elif broken:
                e.add(path, broken)
            else:
                clean[key.strip()] = value
        else:
            e.add(path, "must be text, a whole number, a decimal or true/false")
    return clean


# -- classification override, pledges, market data ---------------------------------------------


def validate_override(inp: ClassificationOverrideInput, e: ErrorCollector) -> dict[str, Any]:
    """An officer's override of the engine's class needs a written reason (issue 4)."""
    primary = v.check_choice(e, "primary", inp.primary, v.CLASSIFICATIONS)
    reason = v.check_text(e, "reason", inp.reason, "note")
    if reason and len(reason) < MIN_OVERRIDE_REASON:
        e.add("reason", f"too short (write at least {MIN_OVERRIDE_REASON} characters)")
        reason = None
    return {"override_primary": primary, "override_reason": reason}


def validate_pledge(inp: PledgeInput, checks: Checks, e: ErrorCollector) -> dict[str, Any]:
    if inp.loan_id is None:
        e.add("loan_id", "required")
    values: dict[str, Any] = {
        "loan_id": inp.loan_id,
        "collateral_type": v.check_text(e, "collateral_type", inp.collateral_type, "code"),
        "description": v.check_text(
            e, "description", inp.description, "description", required=False
        ) or None,
        "quantity": v.check_decimal(
            e, "quantity", inp.quantity, required=False, minimum=Decimal(0),
            strict_minimum=True, maximum=v.MAX_AMOUNT,
        ),
        "unit": v.check_text(e, "unit", inp.unit, "unit", required=False) or None,
        "price_instrument": v.check_text(
            e, "price_instrument", inp.price_instrument, "instrument", required=False
        ) or None,
        "unit_price": v.check_decimal(
            e, "unit_price", inp.unit_price, required=False, minimum=Decimal(0),
            strict_minimum=True, maximum=MAX_PRICE,
        ),
        "appraised_value": v.check_money(
            e, "appraised_value", inp.appraised_value, required=False, positive=True
        ),
        "valuation_date": v.check_date(e, "valuation_date", inp.valuation_date, required=False),
        "pledge_rate": v.check_decimal(
            e, "pledge_rate", inp.pledge_rate, required=False, minimum=Decimal(0),
            strict_minimum=True, maximum=Decimal(1),
        ),
        # the store's attribute (the column is "registry"; Declarative reserves that name)
        "registry_name": v.check_text(e, "registry", inp.registry, "registry", required=False)
        or None,
        "registration_no": v.check_text(
            e, "registration_no", inp.registration_no, "registration_no", required=False
        ) or None,
        "vintage_year": _year(e, "vintage_year", inp.vintage_year),
        "expiry": v.check_date(e, "expiry", inp.expiry, required=False),
        "owner": v.check_text(e, "owner", inp.owner, "name", required=False) or None,
    }  # fmt: skip
    kind = values["collateral_type"]
    broken = checks.collateral_type(kind) if kind else None
    if broken:
        e.add("collateral_type", broken)
    # a type valued at the reference price table's price needs a date only for the pledge's own
    # (fallback) unit price; an appraisal, or a type not known, needs its valuation date
    priced = bool(kind and not broken and checks.collateral_priced(kind))
    if inp.valuation_date in (None, "") and (not priced or given(inp.unit_price)):
        e.add("valuation_date", "required")
    if values["price_instrument"]:
        values["price_instrument"] = values["price_instrument"].upper()
    if kind and not broken:
        if checks.collateral_priced(kind):
            if not given(inp.quantity):
                e.add("quantity", "required for a type valued at quantity × reference price")
        elif not given(inp.appraised_value):
            e.add("appraised_value", "required for a type valued by appraisal")
    if given(inp.quantity) and not given(inp.unit):
        e.add("unit", "required with a quantity")
    start, end = values["valuation_date"], values["expiry"]
    if start is not None and end is not None and end < start:
        e.add("expiry", "before valuation_date")
    return values


def validate_price(inp: PriceInput, e: ErrorCollector) -> dict[str, Any]:
    instrument = v.check_text(e, "instrument", inp.instrument, "instrument")
    return {
        "instrument": instrument.upper() if instrument else None,
        "price_date": v.check_date(e, "price_date", inp.price_date),
        "price": v.check_decimal(
            e, "price", inp.price, minimum=Decimal(0), strict_minimum=True, maximum=MAX_PRICE
        ),
        "unit": v.check_text(e, "unit", inp.unit, "unit"),
        "source": v.check_text(e, "source", inp.source, "source", required=False) or None,
    }


def validate_rate(inp: RateInput, e: ErrorCollector) -> dict[str, Any]:
    return {
        "name": v.check_choice(e, "name", inp.name, v.BASE_RATE_NAMES),
        "effective_date": v.check_date(e, "effective_date", inp.effective_date),
        "rate": v.check_rate(e, "rate", inp.rate, maximum=MAX_RATE),
        "source": v.check_text(e, "source", inp.source, "source", required=False) or None,
    }


@dataclass
class LoanValues:
    """A validated loan: its own columns and its child rows (each a dict of columns)."""

    columns: dict[str, Any]
    drawdowns: list[dict[str, Any]] = field(default_factory=list)
    custom_principal: list[dict[str, Any]] = field(default_factory=list)
    lenders: list[dict[str, Any]] = field(default_factory=list)
    ratchet: list[dict[str, Any]] = field(default_factory=list)
    base_rate_path: list[dict[str, Any]] = field(default_factory=list)
    kpis: list[dict[str, Any]] = field(default_factory=list)
    use_of_proceeds: list[dict[str, Any]] = field(default_factory=list)
