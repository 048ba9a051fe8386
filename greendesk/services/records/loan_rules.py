"""Validation of a loan application: its own fields, its child lists, and the TERMS rules.

Fields are parsed here (they must be stored typed); the schedule engine's own TERMS rules
(drawdown and repayment sums, rate structure, ...) run through ``Checks.terms`` on the TERMS JSON
built from the same input, and its errors are reported under this input's field names. A path
already reported by a rule here is not reported twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from greendesk.domain import validation as v
from greendesk.domain.errors import ErrorCollector
from greendesk.domain.money import format_money, parse_money
from greendesk.domain.numbers import parse_rate
from greendesk.domain.schedule.dates import add_months
from greendesk.services.records.inputs import LoanInput
from greendesk.services.records.validation import (
    MAX_BPS,
    MAX_KPI_GRACE_DAYS,
    MAX_RATE,
    MAX_TERM_MONTHS,
    Checks,
    LoanValues,
    given,
)

MAX_RATCHET_STEP_BPS = 500
_REFERENCE = re.compile(r"[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9._/\-\u4e00-\u9fff]*")


def validate_loan(inp: LoanInput, checks: Checks, e: ErrorCollector) -> LoanValues:
    """Every rule of a loan application; errors go to ``e``, values come back."""
    if inp.borrower_id is None:
        e.add("borrower_id", "required")
    opt = {"required": False}
    cols: dict[str, Any] = {
        "borrower_id": inp.borrower_id,
        "project_id": inp.project_id,
        "reference": v.check_text(e, "reference", inp.reference, "reference", **opt) or None,
        "bank": v.check_text(e, "bank", inp.bank, "bank"),
        "branch": v.check_text(e, "branch", inp.branch, "branch", **opt) or None,
        "purpose": v.check_text(e, "purpose", inp.purpose, "purpose", **opt) or None,
        "amount": v.check_money(e, "amount", inp.amount, positive=True),
        "currency": v.check_choice(e, "currency", inp.currency, v.CURRENCIES),
        "start_date": v.check_date(e, "start_date", inp.start_date),
        "term_months": v.check_int(
            e, "term_months", inp.term_months, minimum=1, maximum=MAX_TERM_MONTHS
        ),
        "frequency": v.check_choice(e, "frequency", inp.frequency, v.FREQUENCIES),
        "repayment_method": v.check_choice(e, "method", inp.method, v.REPAYMENT_METHODS),
        "grace_periods": v.check_int(
            e, "grace_periods", inp.grace_periods, required=False, minimum=0,
            maximum=MAX_TERM_MONTHS,
        ),
        "rate_kind": v.check_choice(e, "rate_kind", inp.rate_kind, v.RATE_KINDS),
        "day_count": v.check_choice(e, "day_count", inp.day_count, v.DAY_COUNTS),
        "calendar": v.check_choice(e, "calendar", inp.calendar, v.CALENDARS),
        "business_day": v.check_choice(
            e, "business_day", inp.business_day, v.BUSINESS_DAY_RULES
        ),
        "arrangement_rate": v.check_decimal(
            e, "arrangement_rate", inp.arrangement_rate, required=False, minimum=Decimal(0),
            maximum=Decimal("0.1"),
        ),
        "commitment_fee_bps": v.check_decimal(
            e, "commitment_fee_bps", inp.commitment_fee_bps, required=False, minimum=Decimal(0),
            maximum=Decimal(MAX_BPS),
        ),
        "agency_fee_per_year": v.check_money(
            e, "agency_fee_per_year", inp.agency_fee_per_year, required=False
        ),
        "ratchet_cap_bps": v.check_int(
            e, "ratchet_cap_bps", inp.ratchet_cap_bps, required=False, minimum=0, maximum=MAX_BPS
        ),
        "kpi_grace_days": v.check_int(
            e, "kpi_grace_days", inp.kpi_grace_days, required=False, minimum=0,
            maximum=MAX_KPI_GRACE_DAYS,
        ),
        "coverage_threshold": v.check_decimal(
            e, "coverage_threshold", inp.coverage_threshold, required=False, minimum=Decimal(0),
            maximum=Decimal(10),
        ),
    }  # fmt: skip
    if cols["reference"] and not _REFERENCE.fullmatch(cols["reference"]):
        e.add("reference", "only letters, digits and . _ / - (no spaces)")
    if cols["grace_periods"] is None and not given(inp.grace_periods):
        cols["grace_periods"] = 0
    start, amount, term = cols["start_date"], cols["amount"], cols["term_months"]
    maturity = add_months(start, term) if start is not None and term is not None else None
    cols["maturity_date"] = maturity
    _rate(inp, e, cols)
    values = LoanValues(columns=cols)
    values.base_rate_path = _base_rate_path(inp, e)
    values.drawdowns = _drawdowns(inp, e, start, maturity, amount)
    values.custom_principal = _custom_principal(inp, e, start, maturity, cols["repayment_method"])
    values.lenders = _lenders(inp, e, amount)
    values.ratchet = _ratchet(inp, e, start, maturity)
    values.kpis = _kpis(inp, e, start, maturity)
    values.use_of_proceeds = _use_of_proceeds(inp, e, checks, amount)
    _terms_rules(inp, checks, e)
    return values


def _paths(e: ErrorCollector) -> set[str]:
    return {err.path for err in e.errors}


def _rate(inp: LoanInput, e: ErrorCollector, cols: dict[str, Any]) -> None:
    annual = base = spread = name = None
    if cols["rate_kind"] == "fixed":
        annual = v.check_rate(e, "annual_rate", inp.annual_rate, maximum=MAX_RATE)
    elif cols["rate_kind"] == "floating":
        name = v.check_choice(e, "base_rate_name", inp.base_rate_name, v.BASE_RATE_NAMES)
        base = v.check_rate(e, "base_rate", inp.base_rate, maximum=MAX_RATE)
        spread = v.check_int(
            e, "spread_bps", inp.spread_bps, required=False, minimum=-MAX_BPS, maximum=MAX_BPS
        )
        if spread is None and not given(inp.spread_bps):
            spread = 0
        if base is not None and spread is not None and base + Decimal(spread) / 10000 < 0:
            e.add("spread_bps", "makes the rate negative")
    cols.update(annual_rate=annual, base_rate_name=name, base_rate=base, spread_bps=spread)


def _in_term(
    e: ErrorCollector, path: str, day: date | None, start: date | None, end: date | None
) -> None:
    if day is None:
        return
    if start is not None and day < start:
        e.add(path, "before start_date")
    elif end is not None and day > end:
        e.add(path, "after maturity")


def _in_order(e: ErrorCollector, prefix: str, key: str, rows: list[dict[str, Any]]) -> None:
    """Dates of a list must be strictly increasing (no two entries on one day)."""
    last: date | None = None
    for i, row in enumerate(rows):
        day = row.get(key)
        if day is None:
            continue
        if last is not None and day <= last:
            e.add(f"{prefix}[{i}].{key}", "not after the previous entry's date")
        last = day


def _base_rate_path(inp: LoanInput, e: ErrorCollector) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(inp.base_rate_path):
        p = f"base_rate_path[{i}]"
        rows.append(
            {
                "seq": i + 1,
                "from_date": v.check_date(e, f"{p}.from_date", item.from_date),
                "base_rate": v.check_rate(e, f"{p}.base_rate", item.base_rate, maximum=MAX_RATE),
            }
        )
    if rows and inp.rate_kind != "floating":
        e.add("base_rate_path", "only for a floating rate")
    _in_order(e, "base_rate_path", "from_date", rows)
    return rows


def _drawdowns(
    inp: LoanInput, e: ErrorCollector, start: date | None, end: date | None, amount: Decimal | None
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(inp.drawdowns):
        p = f"drawdowns[{i}]"
        day = v.check_date(e, f"{p}.date", item.date)
        _in_term(e, f"{p}.date", day, start, end)
        money = v.check_money(e, f"{p}.amount", item.amount, positive=True)
        rows.append({"seq": i + 1, "date": day, "amount": money})
    _in_order(e, "drawdowns", "date", rows)
    total = sum((row["amount"] for row in rows if row["amount"] is not None), Decimal(0))
    if amount is not None and total > amount:
        e.add(
            "drawdowns", f"add up to {format_money(total)}, above the amount {format_money(amount)}"
        )
    return rows


def _custom_principal(
    inp: LoanInput, e: ErrorCollector, start: date | None, end: date | None, method: str | None
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(inp.custom_principal):
        p = f"custom_principal[{i}]"
        day = v.check_date(e, f"{p}.date", item.date)
        _in_term(e, f"{p}.date", day, start, end)
        amount = v.check_money(e, f"{p}.amount", item.amount, required=False, positive=True)
        percent = v.check_decimal(
            e, f"{p}.percent", item.percent, required=False, minimum=Decimal(0),
            strict_minimum=True, maximum=Decimal(100),
        )  # fmt: skip
        if given(item.amount) and given(item.percent):
            e.add(p, "give an amount or a percent, not both")
        elif not given(item.amount) and not given(item.percent):
            e.add(p, "give an amount or a percent")
        rows.append({"seq": i + 1, "date": day, "amount": amount, "percent": percent})
    _in_order(e, "custom_principal", "date", rows)
    if method == "custom" and not rows:
        e.add("custom_principal", "required when method is custom")
    if method not in (None, "custom") and rows:
        e.add("custom_principal", "only when method is custom")
    return rows


def _lenders(inp: LoanInput, e: ErrorCollector, amount: Decimal | None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, item in enumerate(inp.lenders):
        p = f"lenders[{i}]"
        name = v.check_text(e, f"{p}.name", item.name, "name")
        if name and name in seen:
            e.add(f"{p}.name", "appears twice in the syndicate")
        seen.add(name or "")
        commitment = v.check_money(e, f"{p}.commitment", item.commitment, positive=True)
        funded = v.check_money(e, f"{p}.funded", item.funded, required=False)
        if funded is not None and commitment is not None and funded > commitment:
            e.add(f"{p}.funded", "above the commitment")
        rows.append(
            {
                "seq": i + 1,
                "lender_name": name,
                "role": v.check_choice(e, f"{p}.role", item.role, v.LENDER_ROLES),
                "commitment": commitment,
                "funded": funded if funded is not None else Decimal("0.00"),
            }
        )
    commitments = [row["commitment"] for row in rows]
    if rows and amount is not None and None not in commitments:
        total = sum(commitments, Decimal(0))
        if total != amount:
            e.add(
                "lenders",
                f"commitments add up to {format_money(total)}, not the amount "
                f"{format_money(amount)}",
            )
    return rows


def _ratchet(
    inp: LoanInput, e: ErrorCollector, start: date | None, end: date | None
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(inp.ratchet):
        p = f"ratchet[{i}]"
        day = v.check_date(e, f"{p}.effective", item.effective)
        _in_term(e, f"{p}.effective", day, start, end)
        bps = v.check_int(
            e, f"{p}.adjust_bps", item.adjust_bps,
            minimum=-MAX_RATCHET_STEP_BPS, maximum=MAX_RATCHET_STEP_BPS,
        )  # fmt: skip
        rows.append({"seq": i + 1, "effective": day, "adjust_bps": bps})
    _in_order(e, "ratchet", "effective", rows)
    return rows


def _kpis(
    inp: LoanInput, e: ErrorCollector, start: date | None, maturity: date | None
) -> list[dict[str, Any]]:
    """KPIs and their test dates; a test after maturity could no longer move the margin."""
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(inp.kpis):
        p = f"kpis[{i}]"
        dates: list[date] = []
        for j, raw in enumerate(item.test_dates):
            day = v.check_date(e, f"{p}.test_dates[{j}]", raw)
            if day is None:
                continue
            if (start is not None and day < start) or (maturity is not None and day > maturity):
                _in_term(e, f"{p}.test_dates[{j}]", day, start, maturity)
            elif dates and day <= dates[-1]:
                e.add(f"{p}.test_dates[{j}]", "not after the previous test date")
            dates.append(day)
        lo, hi = -v.MAX_AMOUNT, v.MAX_AMOUNT
        rows.append(
            {
                "seq": i + 1,
                "name": v.check_text(e, f"{p}.name", item.name, "name"),
                "unit": v.check_text(e, f"{p}.unit", item.unit, "unit", required=False) or None,
                "baseline": v.check_decimal(
                    e, f"{p}.baseline", item.baseline, minimum=lo, maximum=hi
                ),
                "target": v.check_decimal(e, f"{p}.target", item.target, minimum=lo, maximum=hi),
                "test_dates": [d.isoformat() for d in dates],
                "verifier": v.check_text(e, f"{p}.verifier", item.verifier, "name", required=False)
                or None,
            }
        )
    return rows


def _use_of_proceeds(
    inp: LoanInput, e: ErrorCollector, checks: Checks, amount: Decimal | None
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(inp.use_of_proceeds):
        p = f"use_of_proceeds[{i}]"
        code = v.check_catalogue_code(e, f"{p}.catalogue_code", item.catalogue_code, required=True)
        if code:
            broken = checks.catalogue_code(code)
            if broken:
                e.add(f"{p}.catalogue_code", broken)
        rows.append(
            {
                "seq": i + 1,
                "catalogue_code": code,
                "description": v.check_text(
                    e, f"{p}.description", item.description, "description", required=False
                )
                or None,
                "amount": v.check_money(e, f"{p}.amount", item.amount, positive=True),
            }
        )
    total = sum((row["amount"] for row in rows if row["amount"] is not None), Decimal(0))
    if amount is not None and total > amount:
        e.add(
            "use_of_proceeds",
            f"adds up to {format_money(total)}, above the amount {format_money(amount)}",
        )
    return rows


# -- the schedule engine's TERMS rules ---------------------------------------------------------

_TERMS_TO_INPUT = {
    "method": "method",
    "rate.annual": "annual_rate",
    "rate.base": "base_rate_name",
    "rate.base_rate": "base_rate",
    "rate.spread_bps": "spread_bps",
    "fees.arrangement_rate": "arrangement_rate",
    "fees.commitment_fee_bps": "commitment_fee_bps",
    "fees.agency_fee_per_year": "agency_fee_per_year",
}


def input_path(terms_path: str) -> str:
    """A TERMS field path as the path of the same field in :class:`LoanInput`."""
    if terms_path.startswith("rate.base_rate_path"):
        rest = terms_path[len("rate.") :]
        return rest.replace(".from", ".from_date") if rest.endswith(".from") else rest
    for prefix, mapped in _TERMS_TO_INPUT.items():
        if terms_path == prefix:
            return mapped
    return terms_path


def _raw(value: object) -> object:
    """A widget value as TERMS JSON carries it (dates ISO text, decimals as strings)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _typed(value: object, parse: Callable[[object], Decimal]) -> object:
    """A number typed as the field's own check reads it (``parse``), as the engine reads numbers:
    ``3亿`` or ``1,000.00`` in an amount field become ``300000000`` and ``1000.00``, ``3.45%`` in
    a rate field ``0.0345``. Text that is no such number goes through as typed, for the engine to
    name."""
    raw = _raw(value)
    if raw is None or raw == "" or isinstance(raw, bool):
        return raw
    try:
        return str(parse(raw))
    except ValueError:
        return raw


def _terms_money(value: object) -> object:
    return _typed(value, parse_money)


def _terms_rate(value: object) -> object:
    return _typed(value, parse_rate)


def _int_or_raw(value: object) -> object:
    raw = _raw(value)
    if isinstance(raw, str) and re.fullmatch(r"[+-]?\d+", raw):
        return int(raw)
    return raw


def terms_json(inp: LoanInput) -> dict[str, Any]:
    """The TERMS JSON (issue 3) for this input, raw values passed through for the engine."""
    terms: dict[str, Any] = {
        "amount": _terms_money(inp.amount),
        "currency": _raw(inp.currency),
        "start_date": _raw(inp.start_date),
        "term_months": _int_or_raw(inp.term_months),
        "frequency": _raw(inp.frequency),
        "method": _raw(inp.method),
        "grace_periods": _int_or_raw(inp.grace_periods),
        "day_count": _raw(inp.day_count),
        "calendar": _raw(inp.calendar),
        "business_day": _raw(inp.business_day),
    }
    if inp.rate_kind == "fixed":
        terms["rate"] = {"annual": _terms_rate(inp.annual_rate)}
    else:
        rate: dict[str, Any] = {
            "base": _raw(inp.base_rate_name),
            "base_rate": _terms_rate(inp.base_rate),
            "spread_bps": _int_or_raw(inp.spread_bps if inp.spread_bps not in (None, "") else 0),
        }
        if inp.base_rate_path:
            rate["base_rate_path"] = [
                {"from": _raw(p.from_date), "base_rate": _terms_rate(p.base_rate)}
                for p in inp.base_rate_path
            ]
        terms["rate"] = rate
    if inp.drawdowns:
        terms["drawdowns"] = [
            {"date": _raw(d.date), "amount": _terms_money(d.amount)} for d in inp.drawdowns
        ]
    if inp.lenders:
        terms["lenders"] = [
            {"name": _raw(x.name), "role": _raw(x.role), "commitment": _terms_money(x.commitment)}
            for x in inp.lenders
        ]
    if inp.custom_principal:
        terms["custom_principal"] = [
            {"date": _raw(c.date),
             **({"amount": _terms_money(c.amount)} if c.amount not in (None, "")
                else {"percent": _raw(c.percent)})}
            for c in inp.custom_principal
        ]  # fmt: skip
    if inp.ratchet:
        terms["ratchet"] = [
            {"effective": _raw(s.effective), "adjust_bps": _int_or_raw(s.adjust_bps)}
            for s in inp.ratchet
        ]
    if inp.ratchet_cap_bps not in (None, ""):
        terms["ratchet_cap_bps"] = _int_or_raw(inp.ratchet_cap_bps)
    fees = {
        key: read(value)
        for key, value, read in (
            ("arrangement_rate", inp.arrangement_rate, _raw),
            ("commitment_fee_bps", inp.commitment_fee_bps, _raw),
            ("agency_fee_per_year", inp.agency_fee_per_year, _terms_money),
        )
        if value not in (None, "")
    }
    if fees:
        terms["fees"] = fees
    return terms


def _terms_rules(inp: LoanInput, checks: Checks, errors: ErrorCollector) -> None:
    """Run the engine's TERMS rules; add what they find under paths not already reported."""
    reported = _paths(errors)
    for error in checks.terms(terms_json(inp)):
        path = input_path(error.path)
        if not any(path == p or path.startswith(p + ".") or path.startswith(p + "[")
                   or p.startswith(path + ".") or p.startswith(path + "[")
                   for p in reported):  # fmt: skip
            errors.add(path, error.rule)
            reported.add(path)
