"""What a KPI observation may hold: the input dataclasses and their checks (field: rule).

Kept apart from ``services.kpi_recording`` (which stores, judges and moves the margin) so the
rules for typed input are in one small place; every failure names the field, all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from greendesk.domain.errors import ErrorCollector
from greendesk.domain.money import parse_decimal
from greendesk.domain.validation import LIMITS, canonical_decimal, check_text

MAX_REPORT_BYTES = 20 * 1024 * 1024  # a scanned verification report; larger is a wrong file
MAX_VALUE = Decimal("1E12")


@dataclass(frozen=True)
class ReportFile:
    """A verification report as read from disk by the caller (the service never opens paths)."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class ObservationInput:
    reference: str
    kpi: str
    test_date: str | date
    value: str
    verifier: str = ""
    report: ReportFile | None = None
    report_reference: str = ""
    report_date: str | date | None = None
    period_start: str | date | None = None
    period_end: str | date | None = None


def _date_field(errors: ErrorCollector, path: str, value: Any, *, required: bool) -> date | None:
    if value is None or value == "":
        if required:
            errors.add(path, "required")
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        errors.add(path, "not a date (YYYY-MM-DD)")
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        errors.add(path, "not a date (YYYY-MM-DD)")
        return None


def _clean(errors: ErrorCollector, path: str, value: Any, limit: str, *, required: bool) -> str:
    return check_text(errors, path, value, limit, required=required) or ""


def _value(errors: ErrorCollector, raw: Any) -> Decimal | None:
    if raw is None or raw == "":
        errors.add("value", "required")
        return None
    try:
        value = parse_decimal(raw)
    except ValueError as exc:
        errors.add("value", str(exc))
        return None
    if abs(value) >= MAX_VALUE:
        errors.add("value", f"must be smaller than {MAX_VALUE:,.0f} in size")
        return None
    if len(canonical_decimal(value)) > LIMITS["decimal_text"]:
        errors.add("value", f"more than {LIMITS['decimal_text']} characters of digits")
        return None
    return value


@dataclass(frozen=True)
class _Checked:
    value: Decimal
    test_date: date
    verifier: str
    report_reference: str
    report_date: date | None
    period_start: date | None
    period_end: date | None
    report: ReportFile | None


def check_observation(data: ObservationInput) -> _Checked:
    """The observation's fields, parsed; every broken rule raised at once."""
    e = ErrorCollector()
    value = _value(e, data.value)
    test_day = _date_field(e, "test_date", data.test_date, required=True)
    verifier = _clean(e, "verifier", data.verifier, "name", required=False)
    report_ref = _clean(e, "report_reference", data.report_reference, "registration_no",
                        required=False)  # fmt: skip
    report_day = _date_field(e, "report_date", data.report_date, required=False)
    start = _date_field(e, "period_start", data.period_start, required=False)
    end = _date_field(e, "period_end", data.period_end, required=False)
    if start and end and end < start:
        e.add("period_end", "before period_start")
    if test_day and end and end > test_day:
        e.add("period_end", f"after the test date {test_day}")
    report = data.report
    if report is not None:
        _clean(e, "report", report.filename, "name", required=True)
        if not report.data:
            e.add("report", f"{report.filename}: the file is empty")
        elif len(report.data) > MAX_REPORT_BYTES:
            e.add("report", f"{report.filename}: larger than {MAX_REPORT_BYTES // 2**20} MB")
    e.raise_if_any()
    assert value is not None and test_day is not None
    return _Checked(value, test_day, verifier, report_ref, report_day, start, end, report)
