"""Collateral alerts: thin coverage, pledges ending early, surrendered allowances, stale prices.

Each check is a small function so a report, a revaluation and a test can run exactly the one
they need; ``loan_alerts`` runs them all. An alert carries its figures (coverage, dates, ages)
as well as its wording in Chinese and English, so a report never has to work them out again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from greendesk.domain.collateral.types import CollateralType
from greendesk.domain.collateral.valuation import PledgeFacts, PledgeValuation
from greendesk.domain.collateral.wording import ALERT_WORDING
from greendesk.domain.money import format_money

ALERT_KINDS = tuple(ALERT_WORDING)


@dataclass(frozen=True)
class Alert:
    """One alert: its kind, the figures behind it, and its message in both languages."""

    kind: str
    severity: str  # "warning" or "info"
    pledge_seq: int | None
    zh: str
    en: str
    collateral_type: str | None = None
    coverage: Decimal | None = None
    threshold: Decimal | None = None
    exposure: Decimal | None = None
    expiry: date | None = None
    maturity: date | None = None
    vintage: int | None = None
    surrender_deadline: date | None = None
    instrument: str | None = None
    value_date: date | None = None  # the price date, or the appraisal date
    age_days: int | None = None
    limit_days: int | None = None

    @property
    def message(self) -> str:
        """The English message (what the CLI and older callers show)."""
        return self.en

    def in_lang(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def surrender_deadline(vintage_year: int) -> date:
    """Allowances of vintage Y are surrendered (cancelled) by 31 December of year Y+1."""
    return date(vintage_year + 1, 12, 31)


def _alert(
    kind: str,
    severity: str,
    seq: int | None,
    ctype: CollateralType | None = None,
    note: tuple[str, str] = ("", ""),
    **figures: object,
) -> Alert:
    """An ``Alert`` with ``figures`` stored and filled into both templates of ``kind``."""
    shown = {
        k: _show(v) for k, v in figures.items() if k not in ("coverage", "threshold", "exposure")
    }
    for key in ("coverage", "threshold"):
        ratio = figures.get(key)
        shown[key] = f"{ratio:.2%}" if isinstance(ratio, Decimal) else ""
    exposure = figures.get("exposure")
    shown["exposure"] = (
        format_money(exposure, grouped=True) if isinstance(exposure, Decimal) else ""
    )
    shown["seq"] = "" if seq is None else str(seq)
    shown["deadline"] = _show(figures.get("surrender_deadline"))
    shown["age"] = _show(figures.get("age_days"))
    shown["limit"] = _show(figures.get("limit_days"))
    zh, en = ALERT_WORDING[kind]
    return Alert(
        kind,
        severity,
        seq,
        zh.format(type=ctype.name_zh if ctype else "", note=note[0], **shown),
        en.format(type=ctype.name_en if ctype else "", note=note[1], **shown),
        collateral_type=ctype.key if ctype else None,
        **figures,  # type: ignore[arg-type]
    )


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def coverage_alert(
    coverage: Decimal | None, threshold: Decimal | None, exposure: Decimal
) -> Alert | None:
    if threshold is None or coverage is None or coverage >= threshold:
        return None
    return _alert(
        "coverage_below_threshold",
        "warning",
        None,
        coverage=coverage,
        threshold=threshold,
        exposure=exposure,
    )


def expiry_alerts(pledge: PledgeFacts, ctype: CollateralType, maturity: date | None) -> list[Alert]:
    if ctype.allowance_vintage:
        return []  # allowances end by surrender: see vintage_alerts
    if pledge.expiry is None:
        if ctype.expiry_applies:
            return [_alert("expiry_unknown", "info", pledge.seq, ctype, maturity=maturity)]
        return []
    if maturity is not None and pledge.expiry < maturity:
        return [
            _alert(
                "pledge_expires_before_maturity",
                "warning",
                pledge.seq,
                ctype,
                expiry=pledge.expiry,
                maturity=maturity,
            )
        ]
    return []


def vintage_alerts(
    pledge: PledgeFacts, ctype: CollateralType, maturity: date | None
) -> list[Alert]:
    if not ctype.allowance_vintage:
        return []
    if pledge.vintage_year is None:
        return [
            _alert("allowance_vintage_unknown", "warning", pledge.seq, ctype, maturity=maturity)
        ]
    deadline = surrender_deadline(pledge.vintage_year)
    if maturity is not None and deadline < maturity:
        return [
            _alert(
                "allowance_surrendered_before_maturity",
                "warning",
                pledge.seq,
                ctype,
                vintage=pledge.vintage_year,
                surrender_deadline=deadline,
                maturity=maturity,
            )
        ]
    return []


def staleness_alerts(
    valuation: PledgeValuation,
    as_of: date,
    max_price_age_days: int,
    max_appraisal_age_days: int,
    ctype: CollateralType | None = None,
) -> list[Alert]:
    seq = valuation.seq
    if valuation.basis == "none":
        note = (valuation.note_zh or valuation.note, valuation.note)
        return [_alert("no_value", "warning", seq, ctype, note, instrument=valuation.instrument)]
    if valuation.value_date is None:
        return []
    age = (as_of - valuation.value_date).days
    if valuation.basis in ("price", "pledge_price") and age > max_price_age_days:
        return [
            _alert(
                "stale_price",
                "warning",
                seq,
                ctype,
                instrument=valuation.instrument,
                value_date=valuation.value_date,
                age_days=age,
                limit_days=max_price_age_days,
            )
        ]
    if valuation.basis == "appraisal" and age > max_appraisal_age_days:
        return [
            _alert(
                "stale_appraisal",
                "warning",
                seq,
                ctype,
                value_date=valuation.value_date,
                age_days=age,
                limit_days=max_appraisal_age_days,
            )
        ]
    return []
