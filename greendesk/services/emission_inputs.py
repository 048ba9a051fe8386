"""Recording and changing the PCAF inputs of a borrower or a project (issue 15, part 2).

One record per subject in ``emission_inputs`` (``services.emissions`` computes from it): equity,
debt, total assets, revenue, scope 1+2 and scope 3 emissions with their year, the PCAF
data-quality option (1a … 3c), activity lines (options 2a/2b), the sector factor, the source and
whether the figures are assumed; for a project also its expected yearly reduction (the avoided
emissions, kept on the project). ``set_inputs`` checks every field at once (``field: rule``),
then replaces the record in one transaction with a ``borrower.emission_inputs`` /
``project.emission_inputs`` audit event holding before and after; a refusal saves nothing.
``show_inputs`` reads the record, the formula branch it leads to and its change history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.emissions.branch import BranchText, describe_branch
from greendesk.domain.emissions.pcaf import OPTIONS
from greendesk.domain.errors import ErrorCollector, UserError
from greendesk.domain.money import parse_money
from greendesk.domain.roles import Action
from greendesk.domain.validation import MAX_AMOUNT, check_decimal, check_int, check_text
from greendesk.services import audit
from greendesk.services.emissions import factor_table
from greendesk.services.records._unit import Actor, audited_refusals, get_or_fail, write_unit
from greendesk.store.database import Database
from greendesk.store.models import Borrower, EmissionInput, Project

SUBJECTS = ("borrower", "project")
MAX_TONNES = Decimal("1E12")  # a trillion tonnes a year is no single company
FIRST_YEAR = 1990  # PCAF reporting years; the first national inventories
FIELDS = (
    "option", "equity", "debt", "total_assets", "revenue", "scope12_t", "scope3_t",
    "activity", "sector", "year", "source", "assumed",
)  # fmt: skip

Number = str | int | Decimal
ACTIVITY_RULES = {  # (no lines, a line of the other kind), by option
    "2a": ("option 2a needs energy-use lines", "{factor} is not an energy factor (option 2a)"),
    "2b": (
        "option 2b needs production lines",
        "{factor} is not a production factor (option 2b)",
    ),
}


@dataclass
class EmissionInputsInput:
    """What an editor or the command line hands in; blank text or None means "not given"."""

    option: str = ""
    equity: Number | None = None  # may be negative (PCAF then counts it as 0)
    debt: Number | None = None
    total_assets: Number | None = None
    revenue: Number | None = None
    scope12_t: Number | None = None
    scope3_t: Number | None = None
    activity: Sequence[str] = ()  # "FACTOR=QUANTITY" each (options 2a/2b)
    sector: str | None = None
    year: Number | None = None
    source: str = ""
    assumed: bool = False
    avoided_t: Number | None = None  # a project's expected yearly reduction (tCO2e)


@dataclass(frozen=True)
class ActivityLine:
    factor: str
    quantity: Decimal


@dataclass(frozen=True)
class EmissionInputsRecord:
    subject: str
    subject_id: int
    name: str
    option: str
    equity: Decimal | None
    debt: Decimal | None
    total_assets: Decimal | None
    revenue: Decimal | None
    scope12_t: Decimal | None
    scope3_t: Decimal | None
    activity: tuple[ActivityLine, ...]
    sector: str | None
    year: int | None
    source: str | None
    assumed: bool
    avoided_t: Decimal | None


@dataclass(frozen=True)
class InputsChange:
    seq: int
    occurred_at: str
    actor: str
    changes: tuple[tuple[str, Any, Any], ...]  # (field, before, after)


@dataclass(frozen=True)
class InputsView:
    subject: str
    subject_id: int
    name: str
    record: EmissionInputsRecord | None
    avoided_t: Decimal | None  # a project's expected yearly reduction, with or without a record
    branch: BranchText
    history: tuple[InputsChange, ...]


def _subject(subject: str) -> str:
    if subject not in SUBJECTS:
        raise UserError(f"subject: one of {', '.join(SUBJECTS)}, not {subject!r}")
    return subject


def _money(e: ErrorCollector, path: str, raw: Any, *, negative: bool = False) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        amount = parse_money(raw)
    except ValueError as exc:
        e.add(path, str(exc))
        return None
    if amount < 0 and not negative:
        e.add(path, "must not be negative")
        return None
    if abs(amount) > MAX_AMOUNT:
        e.add(path, f"above the limit of {MAX_AMOUNT:,.2f} in size")
        return None
    return amount


def _tonnes(e: ErrorCollector, path: str, raw: Any) -> Decimal | None:
    if isinstance(raw, str) and not raw.strip():
        return None
    return check_decimal(e, path, raw, required=False, minimum=Decimal(0), maximum=MAX_TONNES)


def _activity(e: ErrorCollector, lines: Sequence[str]) -> list[dict[str, str]]:
    if isinstance(lines, str):
        lines = [lines]
    out: list[dict[str, str]] = []
    known = factor_table().activities
    for i, line in enumerate(lines):
        path = f"activity[{i}]"
        text = check_text(e, path, line, "note", required=True)
        if text is None:
            continue
        factor, sep, quantity = text.partition("=")
        factor = factor.strip()
        if not sep:
            e.add(path, "write FACTOR=QUANTITY")
            continue
        if factor not in known:
            e.add(path, f"unknown emission factor {factor!r} (one of: {', '.join(known)})")
            continue
        value = check_decimal(e, path, quantity.strip(), minimum=Decimal(0), maximum=MAX_TONNES)
        if value is not None:
            out.append({"factor": factor, "quantity": format(value, "f")})
    return out


@dataclass(frozen=True)
class _Checked:
    columns: dict[str, Any]
    avoided_t: Decimal | None
    avoided_given: bool  # None in the input leaves the project's figure as it is


def check_inputs(subject: str, data: EmissionInputsInput, *, today: date) -> _Checked:
    """Every field rule and what the chosen option needs, reported together."""
    _subject(subject)
    e = ErrorCollector()
    option = data.option.strip() if isinstance(data.option, str) else data.option
    if option in (None, ""):
        e.add("option", f"required (one of: {', '.join(OPTIONS)})")
    elif not isinstance(option, str) or option not in OPTIONS:
        e.add("option", f"unknown PCAF option {option!r} (one of: {', '.join(OPTIONS)})")
    cols: dict[str, Any] = {
        "option": option if isinstance(option, str) and option in OPTIONS else None,
        "equity": _money(e, "equity", data.equity, negative=True),
        "debt": _money(e, "debt", data.debt),
        "total_assets": _money(e, "total_assets", data.total_assets),
        "revenue": _money(e, "revenue", data.revenue),
        "scope12_t": _tonnes(e, "scope12_t", data.scope12_t),
        "scope3_t": _tonnes(e, "scope3_t", data.scope3_t),
        "activity": _activity(e, data.activity),
        "sector": None,
        "year": check_int(
            e, "year", data.year, required=True, minimum=FIRST_YEAR, maximum=today.year
        ),
        "source": check_text(e, "source", data.source, "source", required=False) or None,
        "assumed": data.assumed,
    }
    if not isinstance(data.assumed, bool):
        e.add("assumed", "must be true or false")
    sector = data.sector.strip() if isinstance(data.sector, str) else data.sector
    if sector not in (None, ""):
        if not isinstance(sector, str) or sector not in factor_table().sectors:
            known = ", ".join(factor_table().sectors)
            e.add("sector", f"unknown sector factor {sector!r} (one of: {known})")
        else:
            cols["sector"] = sector
    avoided = _tonnes(e, "avoided_t", data.avoided_t)
    if subject == "borrower" and data.avoided_t not in (None, ""):
        e.add("avoided_t", "avoided emissions are a project's expected reduction, not a borrower's")
    if not e:
        _needs(e, cols)
    e.raise_if_any()
    return _Checked(cols, avoided, data.avoided_t is not None)


def _needs(e: ErrorCollector, c: dict[str, Any]) -> None:
    """What the option's formula needs (the rules of ``domain.emissions.pcaf``), by field."""
    option = c["option"]
    kinds = {k: f.kind for k, f in factor_table().activities.items()}
    if option in ("3b", "3c", "3a") and c["sector"] is None:
        e.add("sector", f"option {option} needs the sector factor")
    if option in ("3b", "3c"):
        return
    if c["equity"] is None and c["debt"] is None:
        if c["total_assets"] is None or c["total_assets"] <= 0:
            e.add("equity", "give equity and debt, or total assets (the fallback)")
    elif max(c["equity"] or Decimal(0), Decimal(0)) + (c["debt"] or Decimal(0)) <= 0:
        e.add("debt", "equity (negative counts as 0) + debt must be above zero")
    if option in ("1a", "1b") and c["scope12_t"] is None:
        e.add("scope12_t", f"option {option} needs the reported scope 1+2 emissions")
    if option in ("2a", "2b"):
        want = "energy" if option == "2a" else "production"
        if not c["activity"]:
            e.add("activity", ACTIVITY_RULES[option][0])
        for i, line in enumerate(c["activity"]):
            if kinds[line["factor"]] != want:
                e.add(f"activity[{i}]", ACTIVITY_RULES[option][1].format(factor=line["factor"]))
    if option == "3a" and c["revenue"] is None:
        e.add("revenue", "option 3a needs the revenue")


def _row(session: Session, subject: str, subject_id: int) -> EmissionInput | None:
    column = EmissionInput.borrower_id if subject == "borrower" else EmissionInput.project_id
    return session.scalars(select(EmissionInput).where(column == subject_id)).one_or_none()


def _owner(session: Session, subject: str, subject_id: int, *, lock: bool = False) -> Any:
    model = Borrower if subject == "borrower" else Project
    return get_or_fail(session, model, subject_id, subject, lock=lock)


def _record(subject: str, owner: Any, row: EmissionInput) -> EmissionInputsRecord:
    return EmissionInputsRecord(
        subject=subject,
        subject_id=owner.id,
        name=owner.name,
        option=row.option,
        equity=row.equity,
        debt=row.debt,
        total_assets=row.total_assets,
        revenue=row.revenue,
        scope12_t=row.scope12_t,
        scope3_t=row.scope3_t,
        activity=tuple(
            ActivityLine(str(a["factor"]), Decimal(str(a["quantity"]))) for a in row.activity or []
        ),
        sector=row.sector,
        year=row.year,
        source=row.source,
        assumed=row.assumed,
        avoided_t=owner.annual_co2e_reduction_t if subject == "project" else None,
    )


def _snapshot(row: EmissionInput | None, owner: Any, subject: str) -> dict[str, Any] | None:
    if row is None:
        return None
    data = {name: audit.to_jsonable(getattr(row, name)) for name in FIELDS}
    if subject == "project":
        data["avoided_t"] = audit.to_jsonable(owner.annual_co2e_reduction_t)
    return data


@audited_refusals
def set_inputs(
    db: Database,
    actor: Actor,
    subject: str,
    subject_id: int,
    data: EmissionInputsInput,
    *,
    today: date | None = None,
) -> EmissionInputsRecord:
    """Record or replace the subject's PCAF inputs (officers); all rules checked first."""
    actor.require(Action.EDIT_APPLICATION)
    checked = check_inputs(subject, data, today=today or date.today())
    with write_unit(db, f"{subject} {subject_id}") as session:
        owner = _owner(session, subject, subject_id, lock=True)
        row = _row(session, subject, subject_id)
        before = _snapshot(row, owner, subject)
        if row is None:
            row = EmissionInput(**{f"{subject}_id": subject_id})
            session.add(row)
        for name, value in checked.columns.items():
            setattr(row, name, value)
        if subject == "project" and checked.avoided_given:
            owner.annual_co2e_reduction_t = checked.avoided_t
        session.flush()
        session.expire_all()  # what the database holds (0.60 read back as 0.6)
        owner = _owner(session, subject, subject_id)
        row = _row(session, subject, subject_id)
        assert row is not None
        after = _snapshot(row, owner, subject)
        if after != before:
            audit.record(session, actor, f"{subject}.emission_inputs", (subject, subject_id),
                         before, after)  # fmt: skip
        return _record(subject, owner, row)


def current_input(
    record: EmissionInputsRecord | None, avoided: Decimal | None = None
) -> EmissionInputsInput:
    """The stored record as input (an editor's starting values; the CLI changes some of them)."""
    if record is None:
        return EmissionInputsInput(avoided_t=avoided)

    def text(value: Decimal | None) -> str | None:
        return None if value is None else format(value, "f")

    return EmissionInputsInput(
        option=record.option,
        equity=text(record.equity),
        debt=text(record.debt),
        total_assets=text(record.total_assets),
        revenue=text(record.revenue),
        scope12_t=text(record.scope12_t),
        scope3_t=text(record.scope3_t),
        activity=[f"{a.factor}={format(a.quantity, 'f')}" for a in record.activity],
        sector=record.sector,
        year=record.year,
        source=record.source or "",
        assumed=record.assumed,
        avoided_t=text(record.avoided_t),
    )


def show_inputs(db: Database, subject: str, subject_id: int) -> InputsView:
    """The subject's record (None when it has none), its formula branch and change history."""
    _subject(subject)
    with db.session() as session:
        owner = _owner(session, subject, subject_id)
        row = _row(session, subject, subject_id)
        record = _record(subject, owner, row) if row is not None else None
        name = owner.name
        avoided = owner.annual_co2e_reduction_t if subject == "project" else None
    branch = (
        describe_branch(subject, record.option, record.equity, record.debt, record.total_assets)
        if record is not None
        else describe_branch(subject, None, None, None, None)
    )
    action = f"{subject}.emission_inputs"
    changes = tuple(
        InputsChange(
            h.seq,
            audit.to_jsonable(h.occurred_at),
            h.actor,
            tuple((c.field, c.before, c.after) for c in h.changes),
        )
        for h in audit.history(db, subject, subject_id)
        if h.action == action
    )
    return InputsView(subject, subject_id, name, record, avoided, branch, changes)


def find_subject(db: Database, subject: str, key: str) -> int:
    """A borrower by credit code (or id), a project by id: the id, or a user error naming it."""
    _subject(subject)
    text = (key or "").strip()
    with db.session() as session:
        if subject == "borrower":
            found = session.scalar(select(Borrower.id).where(Borrower.credit_code == text.upper()))
            if found is not None:
                return int(found)
        if text.isascii() and text.isdigit() and len(text) < 12:
            model = Borrower if subject == "borrower" else Project
            if session.get(model, int(text)) is not None:
                return int(text)
    what = "credit code or id" if subject == "borrower" else "id"
    raise UserError(f"--{subject}: no {subject} with {what} {text!r}")
