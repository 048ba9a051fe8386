"""FACTS: what the classification rules look at, parsed and checked in one place.

Other bank systems send FACTS as JSON, so every field is checked here and every problem is
reported at once with its path (``loan.use_of_proceeds[1].catalogue_code: no item ...``); the
rules downstream can then trust the values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from greendesk.domain import validation as v
from greendesk.domain.classification.catalogue import Catalogue, load_catalogue
from greendesk.domain.classification.sectors import Sector, load_sectors
from greendesk.domain.errors import ErrorCollector

KPI_DIRECTIONS = ("decrease", "increase")
MAX_BPS = 1000

_TOP = ("project", "borrower", "loan")
_PROJECT = (
    "name",
    "description",
    "catalogue_code",
    "capacity_mw",
    "annual_co2e_reduction_t",
    "technology",
    "transition_activity",
    "evidence",
    "library",
)
_LIBRARY = ("library", "reference", "recognised_on", "rule", "kind")
LIBRARY_KINDS = ("transition_project", "transition_enterprise", "climate_project")
_BORROWER = ("name", "industry", "sector", "carbon_account_grade", "transition_plan")
_PLAN = (
    "baseline_intensity",
    "target_intensity",
    "intensity_unit",
    "base_year",
    "target_year",
    "disclosure",
)
_LOAN = (
    "reference",
    "amount",
    "currency",
    "start_date",
    "maturity_date",
    "use_of_proceeds",
    "kpis",
    "ratchet_bps",
    "ratchet_cap_bps",
    "verifier",
)
_USE = ("catalogue_code", "activity", "description", "amount")
_KPI = (
    "name",
    "unit",
    "baseline",
    "target",
    "test_dates",
    "direction",
    "baseline_trend_pct_per_year",
)


@dataclass(frozen=True)
class LibraryEntry:
    """The project is in a project library (项目库): which, its reference, when, under what rule."""

    library: str
    reference: str
    recognised_on: date | None
    rule: str
    kind: str  # LIBRARY_KINDS: a recognised transition project satisfies the activity point


@dataclass(frozen=True)
class Project:
    name: str
    description: str
    catalogue_code: str | None
    capacity_mw: Decimal | None
    annual_co2e_reduction_t: Decimal | None
    technology: dict[str, str]
    transition_activity: str | None
    evidence: tuple[str, ...]
    library: LibraryEntry | None = None


@dataclass(frozen=True)
class TransitionPlan:
    baseline_intensity: Decimal | None
    target_intensity: Decimal | None
    intensity_unit: str
    base_year: int | None
    target_year: int | None
    disclosure_yearly: bool | None


@dataclass(frozen=True)
class Borrower:
    name: str
    industry: str
    sector: str
    carbon_account_grade: str
    plan: TransitionPlan | None


@dataclass(frozen=True)
class UseOfProceeds:
    catalogue_code: str | None
    activity: str | None
    description: str
    amount: Decimal


@dataclass(frozen=True)
class Kpi:
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    test_dates: tuple[date, ...]
    direction: str
    baseline_trend_pct: Decimal | None


@dataclass(frozen=True)
class Loan:
    reference: str
    amount: Decimal
    currency: str
    start_date: date | None
    maturity_date: date | None
    use_of_proceeds: tuple[UseOfProceeds, ...]
    kpis: tuple[Kpi, ...]
    ratchet_bps: int | None
    ratchet_cap_bps: int | None
    verifier: str | None


@dataclass(frozen=True)
class Facts:
    project: Project | None
    borrower: Borrower
    loan: Loan


def _object(e: ErrorCollector, path: str, raw: Any, known: tuple[str, ...]) -> dict[str, Any]:
    """The JSON object at ``path`` (or {} after recording why it is not one); flags unknown keys."""
    if not isinstance(raw, dict):
        e.add(path, "must be an object")
        return {}
    for key in raw:
        if key not in known:
            e.add(f"{path}.{key}" if path else key, "not a known field")
    return raw


def _text(e: ErrorCollector, path: str, value: Any, limit: str = "description") -> str:
    if value is None:
        return ""
    return v.check_text(e, path, value, limit, required=False) or ""


def _code(e: ErrorCollector, path: str, value: Any, catalogue: Catalogue) -> str | None:
    text = v.check_catalogue_code(e, path, value)
    if text is None:
        return None
    broken = catalogue.code_error(text)
    if broken:
        e.add(path, broken)
        return None
    return text


def _activity(e: ErrorCollector, path: str, value: Any, sectors: dict[str, Sector]) -> str | None:
    text = v.check_text(e, path, value, "code", required=False)
    if not text:
        return None
    known = {a.key for s in sectors.values() for a in (*s.eligible, *s.excluded)}
    if text not in known:
        e.add(path, "unknown transition activity (see resources/transition/sectors.json)")
        return None
    return text


def _technology(e: ErrorCollector, path: str, raw: Any, cat: Catalogue) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        e.add(path, "must be an object of technical parameters")
        return {}
    out: dict[str, str] = {}
    for key, value in raw.items():
        if isinstance(value, bool):
            out[str(key)] = "true" if value else "false"
        elif isinstance(value, (str, int)):
            broken = cat.measured_error(str(key), value)
            if broken:
                e.add(f"{path}.{key}", broken)
            else:
                out[str(key)] = str(value).strip()
        elif isinstance(value, float):
            e.add(f"{path}.{key}", "must be a decimal string, not a floating-point number")
        else:
            e.add(f"{path}.{key}", "must be a string or a whole number")
    return out


def _parse_project(
    e: ErrorCollector, raw: Any, cat: Catalogue, sectors: dict[str, Sector]
) -> Project | None:
    if raw is None:
        return None
    obj = _object(e, "project", raw, _PROJECT)
    evidence_raw = obj.get("evidence") or []
    evidence: list[str] = []
    if not isinstance(evidence_raw, list) or not all(isinstance(x, str) for x in evidence_raw):
        e.add("project.evidence", "must be a list of evidence keys")
    else:
        evidence = [x.strip() for x in evidence_raw]
    return Project(
        name=_text(e, "project.name", obj.get("name"), "name"),
        description=_text(e, "project.description", obj.get("description")),
        catalogue_code=_code(e, "project.catalogue_code", obj.get("catalogue_code"), cat),
        capacity_mw=v.check_decimal(
            e, "project.capacity_mw", obj.get("capacity_mw"), required=False, minimum=Decimal(0)
        ),
        annual_co2e_reduction_t=v.check_decimal(
            e,
            "project.annual_co2e_reduction_t",
            obj.get("annual_co2e_reduction_t"),
            required=False,
            minimum=Decimal(0),
        ),
        technology=_technology(e, "project.technology", obj.get("technology"), cat),
        transition_activity=_activity(
            e, "project.transition_activity", obj.get("transition_activity"), sectors
        ),
        evidence=tuple(evidence),
        library=_library(e, obj.get("library")),
    )


def _library(e: ErrorCollector, raw: Any) -> LibraryEntry | None:
    if raw is None:
        return None
    obj = _object(e, "project.library", raw, _LIBRARY)
    kind = obj.get("kind") or "transition_project"
    if kind not in LIBRARY_KINDS:
        e.add("project.library.kind", f"must be one of {', '.join(LIBRARY_KINDS)}")
    return LibraryEntry(
        library=_text(e, "project.library.library", obj.get("library"), "name"),
        reference=_text(e, "project.library.reference", obj.get("reference"), "reference"),
        recognised_on=v.check_date(
            e, "project.library.recognised_on", obj.get("recognised_on"), required=False
        ),
        rule=_text(e, "project.library.rule", obj.get("rule"), "name"),
        kind=str(kind),
    )


def _disclosure(e: ErrorCollector, path: str, value: Any) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if value in ("yearly", "annual"):
        return True
    if value == "none":
        return False
    e.add(path, 'must be true, false, "yearly" or "none"')
    return None


def _parse_plan(e: ErrorCollector, raw: Any) -> TransitionPlan | None:
    if raw is None:
        return None
    p = "borrower.transition_plan"
    obj = _object(e, p, raw, _PLAN)
    plan = TransitionPlan(
        baseline_intensity=v.check_decimal(
            e,
            f"{p}.baseline_intensity",
            obj.get("baseline_intensity"),
            required=False,
            minimum=Decimal(0),
            strict_minimum=True,
        ),
        target_intensity=v.check_decimal(
            e,
            f"{p}.target_intensity",
            obj.get("target_intensity"),
            required=False,
            minimum=Decimal(0),
        ),
        intensity_unit=_text(e, f"{p}.intensity_unit", obj.get("intensity_unit"), "unit"),
        base_year=v.check_int(
            e, f"{p}.base_year", obj.get("base_year"), required=False, minimum=1990, maximum=2100
        ),
        target_year=v.check_int(
            e,
            f"{p}.target_year",
            obj.get("target_year"),
            required=False,
            minimum=1990,
            maximum=2100,
        ),
        disclosure_yearly=_disclosure(e, f"{p}.disclosure", obj.get("disclosure")),
    )
    if plan.base_year is not None and plan.target_year is not None:
        if plan.target_year < plan.base_year:
            e.add(f"{p}.target_year", f"before base_year {plan.base_year}")
        elif plan.target_year == plan.base_year:
            e.add(f"{p}.target_year", "same as base_year (a plan needs at least one year)")
    return plan


def _parse_borrower(e: ErrorCollector, raw: Any, sectors: dict[str, Sector]) -> Borrower:
    obj = _object(e, "borrower", raw, _BORROWER)
    sector = v.check_choice(e, "borrower.sector", obj.get("sector"), tuple(sectors))
    return Borrower(
        name=_text(e, "borrower.name", obj.get("name"), "name"),
        industry=_text(e, "borrower.industry", obj.get("industry"), "industry"),
        sector=sector or "other",
        carbon_account_grade=_text(
            e, "borrower.carbon_account_grade", obj.get("carbon_account_grade"), "grade"
        ),
        plan=_parse_plan(e, obj.get("transition_plan")),
    )


def _parse_uses(
    e: ErrorCollector, raw: Any, cat: Catalogue, sectors: dict[str, Sector]
) -> list[UseOfProceeds]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        e.add("loan.use_of_proceeds", "must be a list")
        return []
    uses = []
    for i, item in enumerate(raw):
        p = f"loan.use_of_proceeds[{i}]"
        obj = _object(e, p, item, _USE)
        amount = v.check_money(e, f"{p}.amount", obj.get("amount"), positive=True)
        code = _code(e, f"{p}.catalogue_code", obj.get("catalogue_code"), cat)
        activity = _activity(e, f"{p}.activity", obj.get("activity"), sectors)
        if amount is not None:
            uses.append(
                UseOfProceeds(
                    code, activity, _text(e, f"{p}.description", obj.get("description")), amount
                )
            )
    return uses


def _dates(e: ErrorCollector, path: str, raw: Any) -> list[date]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        e.add(path, "must be a list of dates (YYYY-MM-DD)")
        return []
    out = []
    for i, value in enumerate(raw):
        d = v.check_date(e, f"{path}[{i}]", value)
        if d is not None:
            out.append(d)
    if out != sorted(out) or len(set(out)) != len(out):
        e.add(path, "must be in increasing order without repeats")
    return out


def _parse_kpis(e: ErrorCollector, raw: Any) -> list[Kpi]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        e.add("loan.kpis", "must be a list")
        return []
    kpis = []
    for i, item in enumerate(raw):
        p = f"loan.kpis[{i}]"
        obj = _object(e, p, item, _KPI)
        direction = obj.get("direction") or "decrease"
        if direction not in KPI_DIRECTIONS:
            e.add(f"{p}.direction", "must be decrease or increase")
        kpis.append(
            Kpi(
                name=v.check_text(e, f"{p}.name", obj.get("name"), "name") or "",
                unit=_text(e, f"{p}.unit", obj.get("unit"), "unit"),
                baseline=v.check_decimal(e, f"{p}.baseline", obj.get("baseline"), required=False),
                target=v.check_decimal(e, f"{p}.target", obj.get("target"), required=False),
                test_dates=tuple(_dates(e, f"{p}.test_dates", obj.get("test_dates"))),
                direction=direction,
                baseline_trend_pct=v.check_decimal(
                    e,
                    f"{p}.baseline_trend_pct_per_year",
                    obj.get("baseline_trend_pct_per_year"),
                    required=False,
                    minimum=Decimal(-100),
                    maximum=Decimal(100),
                ),
            )
        )
    return kpis


def _bps(e: ErrorCollector, path: str, value: Any) -> int | None:
    return v.check_int(e, path, value, required=False, minimum=0, maximum=MAX_BPS)


def _parse_loan(e: ErrorCollector, raw: Any, cat: Catalogue, sectors: dict[str, Sector]) -> Loan:
    obj = _object(e, "loan", raw, _LOAN)
    amount = v.check_money(e, "loan.amount", obj.get("amount"), positive=True)
    start = v.check_date(e, "loan.start_date", obj.get("start_date"), required=False)
    maturity = v.check_date(e, "loan.maturity_date", obj.get("maturity_date"), required=False)
    if start and maturity and maturity <= start:
        e.add("loan.maturity_date", "not after start_date")
    uses = _parse_uses(e, obj.get("use_of_proceeds"), cat, sectors)
    total = sum((u.amount for u in uses), Decimal("0.00"))
    if amount is not None and total > amount:
        e.add("loan.use_of_proceeds", f"total {total:.2f} is above loan.amount {amount:.2f}")
    kpis = _parse_kpis(e, obj.get("kpis"))
    for i, kpi in enumerate(kpis):
        for j, d in enumerate(kpi.test_dates):
            if maturity and d > maturity:
                e.add(f"loan.kpis[{i}].test_dates[{j}]", "after maturity_date")
            if start and d < start:
                e.add(f"loan.kpis[{i}].test_dates[{j}]", "before start_date")
    ratchet = _bps(e, "loan.ratchet_bps", obj.get("ratchet_bps"))
    cap = _bps(e, "loan.ratchet_cap_bps", obj.get("ratchet_cap_bps"))
    if ratchet is not None and cap is not None and ratchet > cap:
        e.add("loan.ratchet_bps", f"above ratchet_cap_bps {cap}")
    return Loan(
        reference=_text(e, "loan.reference", obj.get("reference"), "reference"),
        amount=amount if amount is not None else Decimal("0.00"),
        currency=v.check_choice(e, "loan.currency", obj.get("currency") or "CNY", v.CURRENCIES)
        or "CNY",
        start_date=start,
        maturity_date=maturity,
        use_of_proceeds=tuple(uses),
        kpis=tuple(kpis),
        ratchet_bps=ratchet,
        ratchet_cap_bps=cap,
        verifier=_text(e, "loan.verifier", obj.get("verifier"), "name") or None,
    )


def parse_facts(
    raw: Any, catalogue: Catalogue | None = None, sectors: dict[str, Sector] | None = None
) -> Facts:
    """Check a FACTS document; raises ``InvalidInput`` listing every bad field with its path."""
    cat = catalogue or load_catalogue()
    sec = sectors or load_sectors()
    e = ErrorCollector()
    if not isinstance(raw, dict):
        e.add("FACTS", "must be a JSON object with project, borrower and loan")
        e.raise_if_any()
    for key in raw:
        if key not in _TOP:
            e.add(key, "not a known field")
    for key in ("borrower", "loan"):
        if raw.get(key) is None:
            e.add(key, "required")
    project = _parse_project(e, raw.get("project"), cat, sec)
    borrower = (
        _parse_borrower(e, raw.get("borrower") or {}, sec)
        if raw.get("borrower") is not None
        else None
    )
    loan = _parse_loan(e, raw.get("loan") or {}, cat, sec) if raw.get("loan") is not None else None
    e.raise_if_any()
    assert borrower is not None and loan is not None  # guaranteed: missing ones were errors
    return Facts(project=project, borrower=borrower, loan=loan)
