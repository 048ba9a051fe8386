"""``parse_terms``: the TERMS JSON object → a checked, typed ``Terms``.

Every violated rule is collected and raised together as ``InvalidInput``, each as
``path: rule`` (``drawdowns[2].date: after maturity``). Amounts and rates must be decimal
strings (floats are refused: they cannot carry exact fen), amounts have at most two places,
unknown fields are refused (they are usually typos). Cross-field rules (dates against the
period grid, sums against the amount) are in ``greendesk.domain.schedule.checks``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from greendesk.domain.calendar import BeyondCoverage, BusinessDay
from greendesk.domain.daycount import DayCount
from greendesk.domain.errors import ErrorCollector
from greendesk.domain.schedule.checks import check_cross_fields
from greendesk.domain.schedule.fields import FieldReader
from greendesk.domain.schedule.terms import (
    BaseRatePoint,
    Drawdown,
    Fees,
    FixedRate,
    FloatingRate,
    Frequency,
    Lender,
    Method,
    RatchetStep,
    Role,
    Terms,
)

TOP_FIELDS = {
    "amount",
    "currency",
    "start_date",
    "term_months",
    "frequency",
    "method",
    "custom_principal",
    "grace_periods",
    "rate",
    "ratchet",
    "ratchet_cap_bps",
    "day_count",
    "calendar",
    "calendar_beyond_coverage",
    "business_day",
    "drawdowns",
    "lenders",
    "fees",
}
REQUIRED = ("amount", "start_date", "term_months", "frequency", "method", "rate")
MAX_TERM_MONTHS = 600
MAX_SPREAD_BPS = 5000
MAX_RATCHET_BPS = 1000


class CalendarName(Enum):
    CN = "CN"
    NONE = "NONE"


class BaseRateName(Enum):
    LPR1Y = "LPR1Y"
    LPR5Y = "LPR5Y"


def _present(data: dict[str, Any], key: str) -> bool:
    return key in data and data[key] is not None


def _rate(r: FieldReader, value: Any) -> FixedRate | FloatingRate | None:
    obj = r.obj(value, "rate", {"annual", "base", "base_rate", "spread_bps", "base_rate_path"})
    if obj is None:
        return None
    if "annual" in obj and "base" in obj:
        r.errors.add("rate", "give either annual (fixed) or base (floating), not both")
        return None
    if "annual" in obj:
        for key in ("base_rate", "spread_bps", "base_rate_path"):
            if key in obj:
                r.errors.add(f"rate.{key}", "only for a floating rate (with base)")
        annual = r.rate(obj["annual"], "rate.annual")
        return FixedRate(annual) if annual is not None else None
    if "base" not in obj:
        r.errors.add("rate", "required: annual, or base with base_rate and spread_bps")
        return None
    base = r.choice(obj["base"], "rate.base", BaseRateName)
    base_rate = None
    if _present(obj, "base_rate"):
        base_rate = r.rate(obj["base_rate"], "rate.base_rate")
    else:
        r.errors.add("rate.base_rate", "required")
    spread = r.integer(obj.get("spread_bps", 0), "rate.spread_bps", -MAX_SPREAD_BPS, MAX_SPREAD_BPS)
    path: list[BaseRatePoint] = []
    ok = True
    if _present(obj, "base_rate_path"):
        items = r.array(obj["base_rate_path"], "rate.base_rate_path", non_empty=False) or []
        for i, item in enumerate(items):
            where = f"rate.base_rate_path[{i}]"
            entry = r.obj(item, where, {"from", "base_rate"}, ("from", "base_rate"))
            if entry is None or not _present(entry, "from") or not _present(entry, "base_rate"):
                ok = False
                continue
            start = r.day(entry["from"], f"{where}.from")
            value = r.rate(entry["base_rate"], f"{where}.base_rate")
            if start is None or value is None:
                ok = False
                continue
            if path and start <= path[-1].start:
                r.errors.add(f"{where}.from", "must be later than the entry before it")
                ok = False
            path.append(BaseRatePoint(start, value))
    if base is None or base_rate is None or spread is None or not ok:
        return None
    return FloatingRate(base.value, base_rate, spread, tuple(path))


def _drawdowns(r: FieldReader, value: Any) -> tuple[list[tuple[int, Drawdown]], bool]:
    """The well-formed drawdowns, and whether all of them were."""
    items = r.array(value, "drawdowns")
    if items is None:
        return [], False
    out: list[tuple[int, Drawdown]] = []
    ok = True
    for i, item in enumerate(items):
        where = f"drawdowns[{i}]"
        entry = r.obj(item, where, {"date", "amount"}, ("date", "amount"))
        if entry is None or not _present(entry, "date") or not _present(entry, "amount"):
            ok = False
            continue
        day = r.day(entry["date"], f"{where}.date")
        amount = r.money(entry["amount"], f"{where}.amount")
        if day is None or amount is None:
            ok = False
            continue
        out.append((i, Drawdown(day, amount)))
    return out, ok


def _custom(r: FieldReader, value: Any) -> list[tuple[int, date, Decimal, bool]] | None:
    """(index, date, amount or percent, is_percent) of each scheduled repayment."""
    items = r.array(value, "custom_principal")
    if items is None:
        return None
    out: list[tuple[int, date, Decimal, bool]] = []
    ok = True
    for i, item in enumerate(items):
        where = f"custom_principal[{i}]"
        entry = r.obj(item, where, {"date", "amount", "percent"}, ("date",))
        if entry is None or not _present(entry, "date"):
            ok = False
            continue
        day = r.day(entry["date"], f"{where}.date")
        has_amount, has_percent = _present(entry, "amount"), _present(entry, "percent")
        number: Decimal | None = None
        if has_amount and has_percent:
            r.errors.add(where, "give amount or percent, not both")
        elif has_amount:
            number = r.money(entry["amount"], f"{where}.amount")
        elif has_percent:
            number = r.decimal(
                entry["percent"], f"{where}.percent", minimum=Decimal(0), exclusive_minimum=True
            )
            if number is not None and number > 100:
                r.errors.add(f"{where}.percent", "must be at most 100")
                number = None
        else:
            r.errors.add(where, "needs amount or percent")
        if day is None or number is None:
            ok = False
            continue
        out.append((i, day, number, has_percent))
    if ok and len({is_percent for *_, is_percent in out}) > 1:
        r.errors.add("custom_principal", "mixes amount and percent; use one form throughout")
        ok = False
    return out if ok else None


def _ratchet(r: FieldReader, value: Any) -> list[tuple[int, RatchetStep]] | None:
    items = r.array(value, "ratchet", non_empty=False)
    if items is None:
        return None
    out: list[tuple[int, RatchetStep]] = []
    ok = True
    for i, item in enumerate(items):
        where = f"ratchet[{i}]"
        entry = r.obj(item, where, {"effective", "adjust_bps"}, ("effective", "adjust_bps"))
        if entry is None or not _present(entry, "effective") or not _present(entry, "adjust_bps"):
            ok = False
            continue
        day = r.day(entry["effective"], f"{where}.effective")
        adjust = r.integer(
            entry["adjust_bps"], f"{where}.adjust_bps", -MAX_RATCHET_BPS, MAX_RATCHET_BPS
        )
        if day is None or adjust is None:
            ok = False
            continue
        out.append((i, RatchetStep(day, adjust)))
    return out if ok else None


def _lenders(r: FieldReader, value: Any) -> list[Lender] | None:
    items = r.array(value, "lenders")
    if items is None:
        return None
    out: list[Lender] = []
    names: set[str] = set()
    ok = True
    for i, item in enumerate(items):
        where = f"lenders[{i}]"
        entry = r.obj(item, where, {"name", "role", "commitment"}, ("name", "role", "commitment"))
        if entry is None or not all(_present(entry, k) for k in ("name", "role", "commitment")):
            ok = False
            continue
        name = r.text(entry["name"], f"{where}.name")
        role = r.choice(entry["role"], f"{where}.role", Role)
        commitment = r.money(entry["commitment"], f"{where}.commitment")
        if name is not None and name in names:
            r.errors.add(f"{where}.name", "repeats another lender's name")
            name = None
        if name is None or role is None or commitment is None:
            ok = False
            continue
        names.add(name)
        out.append(Lender(name, role, commitment))
    return out if ok else None


def _fees(r: FieldReader, value: Any) -> Fees | None:
    allowed = {"arrangement_rate", "commitment_fee_bps", "agency_fee_per_year"}
    obj = r.obj(value, "fees", allowed)
    if obj is None:
        return None
    fees = Fees()
    ok = True
    if _present(obj, "arrangement_rate"):
        rate = r.rate(obj["arrangement_rate"], "fees.arrangement_rate")
        ok = ok and rate is not None
        fees = replace(fees, arrangement_rate=rate if rate is not None else Decimal(0))
    if _present(obj, "commitment_fee_bps"):
        bps = r.decimal(
            obj["commitment_fee_bps"],
            "fees.commitment_fee_bps",
            minimum=Decimal(0),
            below=Decimal(10001),
        )
        ok = ok and bps is not None
        fees = replace(fees, commitment_fee_bps=bps if bps is not None else Decimal(0))
    if _present(obj, "agency_fee_per_year"):
        agency = r.money(obj["agency_fee_per_year"], "fees.agency_fee_per_year", positive=False)
        ok = ok and agency is not None
        fees = replace(fees, agency_fee_per_year=agency if agency is not None else Decimal("0.00"))
    return fees if ok else None


def parse_terms(data: Any) -> Terms:
    """Check the TERMS JSON object and return typed ``Terms``; raise ``InvalidInput`` listing
    every violated rule."""
    errors = ErrorCollector()
    r = FieldReader(errors)
    obj = r.obj(data, "", TOP_FIELDS, REQUIRED)
    if obj is None:
        errors.raise_if_any()
        raise AssertionError("unreachable")

    def field(key: str) -> Any:
        return obj[key] if _present(obj, key) else None

    amount = r.money(field("amount"), "amount") if _present(obj, "amount") else None
    currency = field("currency") or "CNY"
    if currency != "CNY":
        errors.add("currency", "only CNY is supported")
    start = r.day(field("start_date"), "start_date") if _present(obj, "start_date") else None
    term = None
    if _present(obj, "term_months"):
        term = r.integer(field("term_months"), "term_months", 1, MAX_TERM_MONTHS)
    frequency = None
    if _present(obj, "frequency"):
        frequency = r.choice(field("frequency"), "frequency", Frequency)
    method = r.choice(field("method"), "method", Method) if _present(obj, "method") else None
    rate = _rate(r, field("rate")) if _present(obj, "rate") else None
    grace = r.integer(obj.get("grace_periods", 0), "grace_periods", 0)
    day_count = r.choice(obj.get("day_count", "ACT/360"), "day_count", DayCount)
    cal = r.choice(obj.get("calendar", "CN"), "calendar", CalendarName)
    beyond = r.choice(
        obj.get("calendar_beyond_coverage", "project"), "calendar_beyond_coverage", BeyondCoverage
    )
    business_day = r.choice(
        obj.get("business_day", "modified_following"), "business_day", BusinessDay
    )
    drawdowns: list[tuple[int, Drawdown]] | None = None
    drawdowns_ok = True
    if _present(obj, "drawdowns"):
        drawdowns, drawdowns_ok = _drawdowns(r, field("drawdowns"))
    custom = None
    if _present(obj, "custom_principal"):
        if method is not None and method is not Method.CUSTOM:
            errors.add("custom_principal", "only allowed with method custom")
        else:
            custom = _custom(r, field("custom_principal"))
    elif method is Method.CUSTOM:
        errors.add("custom_principal", "required for method custom")
    ratchet = _ratchet(r, field("ratchet")) if _present(obj, "ratchet") else []
    cap = None
    if _present(obj, "ratchet_cap_bps"):
        cap = r.integer(field("ratchet_cap_bps"), "ratchet_cap_bps", 0, MAX_RATCHET_BPS)
    lenders = _lenders(r, field("lenders")) if _present(obj, "lenders") else []
    fees = _fees(r, field("fees")) if _present(obj, "fees") else Fees()

    if term is not None and frequency is not None and term % frequency.months:
        errors.add(
            "term_months", f"must be a multiple of {frequency.months} ({frequency.value} periods)"
        )
        term = None
    if grace is not None and term is not None and frequency is not None:
        periods = term // frequency.months
        if grace >= periods:
            errors.add("grace_periods", f"must be fewer than the number of periods ({periods})")

    if drawdowns is None and amount is not None and start is not None:
        drawdowns = [(0, Drawdown(start, amount))]

    if start is None or term is None or frequency is None:
        errors.raise_if_any()
        raise AssertionError("unreachable")
    provisional = Terms(
        amount=amount if amount is not None else Decimal("0.00"),
        currency="CNY",
        start_date=start,
        term_months=term,
        frequency=frequency,
        method=method or Method.BULLET,
        rate=rate or FixedRate(Decimal(0)),
        drawdowns=tuple(sorted((d for _, d in drawdowns or []), key=lambda d: d.date)),
        grace_periods=grace or 0,
        ratchet=tuple(step for _, step in ratchet or []),
        ratchet_cap_bps=cap,
        day_count=day_count or DayCount.ACT_360,
        calendar=(cal or CalendarName.NONE).value,
        calendar_beyond_coverage=beyond or BeyondCoverage.PROJECT,
        business_day=business_day or BusinessDay.MODIFIED_FOLLOWING,
        lenders=tuple(lenders or []),
        fees=fees or Fees(),
    )
    resolved = check_cross_fields(
        provisional,
        errors,
        amount_ok=amount is not None,
        rate_ok=rate is not None,
        calendar_ok=cal is not None and business_day is not None and beyond is not None,
        drawdowns=drawdowns,
        drawdowns_ok=drawdowns_ok,
        ratchet=ratchet,
        custom=custom,
        lenders_ok=lenders is not None,
    )
    errors.raise_if_any()
    return replace(provisional, custom_principal=resolved)
