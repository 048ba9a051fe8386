"""Reading the demo portfolio's TOML files into validated plans (no database involved).

Every value goes through the record services' own validators (``services.records.validation``
and ``loan_rules``) with the same reference checks (credit-code check character, catalogue codes,
collateral types, the schedule engine's TERMS rules), so a seed file cannot hold anything an
officer could not type in. Errors name the file and the field (``loans/04-x.toml: loan.amount:
must be greater than zero``) and are all reported together.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from greendesk.domain import validation as v
from greendesk.domain.errors import ErrorCollector, FieldError, InvalidInput, UserError
from greendesk.domain.textfiles import encoding_problem
from greendesk.services.records.inputs import (
    BaseRatePointInput,
    BorrowerInput,
    CustomPrincipalInput,
    DrawdownInput,
    KpiInput,
    LenderInput,
    LoanInput,
    PledgeInput,
    PriceInput,
    ProjectInput,
    RatchetStepInput,
    RateInput,
    UseOfProceedsInput,
)
from greendesk.services.records.loan_rules import validate_loan
from greendesk.services.records.reference import reference_checks
from greendesk.services.records.validation import (
    Checks,
    LoanValues,
    add_months,
    validate_borrower,
    validate_pledge,
    validate_price,
    validate_project,
    validate_rate,
)

RATES_FILE = "reference_rates.toml"
PRICES_FILE = "reference_prices.toml"
LOANS_FOLDER = "loans"
STAND_IN_ID = 0  # validators want parent ids; the real ids exist only once rows are inserted

_LOAN_LISTS: dict[str, type[Any]] = {
    "drawdowns": DrawdownInput,
    "custom_principal": CustomPrincipalInput,
    "lenders": LenderInput,
    "ratchet": RatchetStepInput,
    "base_rate_path": BaseRatePointInput,
    "kpis": KpiInput,
    "use_of_proceeds": UseOfProceedsInput,
}
_LOAN_OWN = {"status"}  # loan keys that are not LoanInput fields
_NOT_FROM_FILE = {"borrower_id", "project_id", "loan_id"}

T = TypeVar("T")


@dataclass
class LoanPlan:
    """One case file: borrower, project, loan and pledges, each as validated column values."""

    source: str
    borrower: dict[str, Any]
    project: dict[str, Any] | None
    loan: LoanValues
    status: str
    pledges: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class SeedPlan:
    rates: list[dict[str, Any]]
    prices: list[dict[str, Any]]
    loans: list[LoanPlan]
    files: int


class InvalidSeed(InvalidInput):
    """Bad seed files: one line per violated rule, each naming the file and the field."""

    def __init__(self, errors: list[FieldError], folder: Path) -> None:
        super().__init__(errors)
        lines = [f"seed files in {folder}: nothing was loaded", *map(str, self.errors)]
        self.args = ("\n".join(lines),)


class _FileErrors:
    """Collects errors for one file, prefixing each path with the file and section."""

    def __init__(self, source: str, sink: list[FieldError]) -> None:
        self.source = source
        self.sink = sink

    def section(self, prefix: str) -> ErrorCollector:
        return _Prefixed(self, prefix)

    def add(self, path: str, rule: str) -> None:
        self.sink.append(FieldError(f"{self.source}: {path}", rule))


class _Prefixed(ErrorCollector):
    def __init__(self, owner: _FileErrors, prefix: str) -> None:
        super().__init__()
        self.owner = owner
        self.prefix = prefix

    def add(self, path: str, rule: str) -> None:
        super().add(path, rule)
        self.owner.add(f"{self.prefix}{path}" if self.prefix else path, rule)


def _read_toml(path: Path, source: str, sink: list[FieldError]) -> dict[str, Any] | None:
    """The file's tables, or None (and an error naming the file) when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        sink.append(FieldError(source, f"cannot read ({exc.strerror})"))
        return None
    problem = encoding_problem(raw)
    if problem:
        sink.append(FieldError(source, problem))
        return None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        sink.append(FieldError(source, f"not valid TOML ({exc})"))
    except RecursionError:
        sink.append(FieldError(source, "not valid TOML (arrays or tables nested too deeply)"))
    return None


def _make(kind: type[T], table: object, where: str, errors: _FileErrors, **fixed: Any) -> T | None:
    """Build an input dataclass from a TOML table; unknown keys are errors, not silently dropped."""
    if not isinstance(table, Mapping):
        errors.add(where.rstrip("."), "must be a table")
        return None
    names = {f.name for f in dataclasses.fields(kind)}  # type: ignore[arg-type]
    allowed = names - _NOT_FROM_FILE
    unknown = sorted(str(k) for k in table if k not in allowed)
    for key in unknown:
        errors.add(f"{where}{key}", "unknown field")
    values = {k: val for k, val in table.items() if k in allowed}
    return kind(**values, **fixed)


def _list_of(kind: type[T], raw: object, where: str, errors: _FileErrors, **fixed: Any) -> list[T]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        errors.add(where, "must be a list of tables")
        return []
    items = [_make(kind, item, f"{where}[{i}].", errors, **fixed) for i, item in enumerate(raw)]
    return [item for item in items if item is not None]


def _rate_in_force(rates: list[dict[str, Any]], name: str, day: date) -> Decimal | None:
    known = [r for r in rates if r["name"] == name and r["effective_date"] <= day]
    return max(known, key=lambda r: r["effective_date"])["rate"] if known else None


def _fill_base_rate(
    table: dict[str, Any], rates: list[dict[str, Any]], errors: _FileErrors
) -> None:
    """A floating loan's base rate and repricing path default to the published LPR history."""
    if table.get("rate_kind", "floating") != "floating":
        return
    name, start = table.get("base_rate_name"), table.get("start_date")
    if not isinstance(name, str) or not isinstance(start, date):
        return  # the loan validator reports what is missing
    if "base_rate" not in table:
        base = _rate_in_force(rates, name, start)
        if base is None:
            errors.add("loan.base_rate", f"no {name} in {RATES_FILE} on or before {start}")
            return
        table["base_rate"] = str(base)
    term = table.get("term_months")
    if "base_rate_path" not in table and isinstance(term, int) and not isinstance(term, bool):
        end = add_months(start, term)
        table["base_rate_path"] = [
            {"from_date": r["effective_date"], "base_rate": str(r["rate"])}
            for r in sorted(rates, key=lambda r: r["effective_date"])
            if r["name"] == name and start < r["effective_date"] < end
        ]


def _read_loan(
    path: Path, source: str, rates: list[dict[str, Any]], checks: Checks, sink: list[FieldError]
) -> LoanPlan | None:
    data = _read_toml(path, source, sink)
    if data is None:
        return None
    errors = _FileErrors(source, sink)
    for key in sorted(set(data) - {"borrower", "project", "loan", "pledges"}):
        errors.add(key, "unknown section")
    for required in ("borrower", "loan"):
        if not isinstance(data.get(required), Mapping):
            errors.add(required, "required table")
    if not isinstance(data.get("borrower"), Mapping) or not isinstance(data.get("loan"), Mapping):
        return None
    borrower_in = _make(BorrowerInput, data["borrower"], "borrower.", errors)
    borrower = (
        validate_borrower(borrower_in, checks, errors.section("borrower.")) if borrower_in else {}
    )

    project = None
    if "project" in data:
        project_in = _make(
            ProjectInput, data["project"], "project.", errors, borrower_id=STAND_IN_ID
        )
        if project_in is not None:
            project = validate_project(project_in, checks, errors.section("project."))

    loan_table = dict(data["loan"])
    status = v.check_choice(
        errors.section("loan."), "status", loan_table.pop("status", "draft"), v.LOAN_STATUSES
    )
    _fill_base_rate(loan_table, rates, errors)
    lists = {key: loan_table.pop(key, None) for key in _LOAN_LISTS}
    loan_in = _make(LoanInput, loan_table, "loan.", errors, borrower_id=STAND_IN_ID)
    if loan_in is None:
        return None
    for key, kind in _LOAN_LISTS.items():
        setattr(loan_in, key, _list_of(kind, lists[key], f"loan.{key}", errors))
    for item in loan_in.kpis:  # TOML dates inside arrays arrive as a list already
        if not isinstance(item.test_dates, list):
            errors.add("loan.kpis.test_dates", "must be a list of dates")
            item.test_dates = []
    if not loan_in.reference:
        errors.add(
            "loan.reference", "required in a seed file (it is the key that avoids duplicates)"
        )
    loan = validate_loan(loan_in, checks, errors.section("loan."))

    pledge_inputs = _list_of(
        PledgeInput, data.get("pledges"), "pledges", errors, loan_id=STAND_IN_ID
    )
    pledges = [
        validate_pledge(p, checks, errors.section(f"pledges[{i}]."))
        for i, p in enumerate(pledge_inputs)
    ]
    return LoanPlan(source, borrower, project, loan, status or "draft", pledges)


def _read_rows(
    path: Path,
    source: str,
    key: str,
    kind: type[T],
    validate: Callable[[T, ErrorCollector], dict[str, Any]],
    sink: list[FieldError],
) -> list[dict[str, Any]]:
    data = _read_toml(path, source, sink)
    if data is None:
        return []
    errors = _FileErrors(source, sink)
    for extra in sorted(set(data) - {key}):
        errors.add(extra, "unknown section")
    items = _list_of(kind, data.get(key, []), key, errors)
    return [validate(item, errors.section(f"{key}[{i}].")) for i, item in enumerate(items)]


def read_seed_folder(folder: Path, checks: Checks | None = None) -> SeedPlan:
    """Read and validate every seed file under ``folder``; raise InvalidInput listing all errors."""
    if not folder.is_dir():
        raise UserError(f"{folder}: seed folder not found")
    checks = checks or reference_checks()
    sink: list[FieldError] = []
    files = 0
    rates: list[dict[str, Any]] = []
    prices: list[dict[str, Any]] = []
    if (folder / RATES_FILE).exists():
        files += 1
        rates = _read_rows(folder / RATES_FILE, RATES_FILE, "rate", RateInput, validate_rate, sink)
    if (folder / PRICES_FILE).exists():
        files += 1
        prices = _read_rows(
            folder / PRICES_FILE, PRICES_FILE, "price", PriceInput, validate_price, sink
        )
    good_rates = [r for r in rates if r["name"] and r["effective_date"] and r["rate"] is not None]
    loans: list[LoanPlan] = []
    for path in sorted((folder / LOANS_FOLDER).glob("*.toml")):
        files += 1
        plan = _read_loan(path, f"{LOANS_FOLDER}/{path.name}", good_rates, checks, sink)
        if plan is not None:
            loans.append(plan)
    _check_duplicates(loans, sink)
    if sink:
        raise InvalidSeed(sink, folder)
    return SeedPlan(rates, prices, loans, files)


def _check_duplicates(loans: list[LoanPlan], sink: list[FieldError]) -> None:
    """Two files claiming the same loan reference would silently drop one: refuse instead."""
    seen: dict[str, str] = {}
    for plan in loans:
        reference = plan.loan.columns.get("reference")
        if not reference:
            continue
        if reference in seen:
            sink.append(
                FieldError(f"{plan.source}: loan.reference", f"also used by {seen[reference]}")
            )
        seen[reference] = plan.source
