"""Use of proceeds over the loan's life (Green Loan Principles: management of proceeds, reporting).

``record_allocation`` allocates part of one drawdown to one of the loan's use-of-proceeds lines
(amount, date, evidence), audited; a drawdown cannot be allocated beyond what was drawn, nor a
line beyond its amount. ``loan_allocation`` and ``portfolio_allocation`` give the yearly
allocation and impact report: per line the amount, allocated in the year, allocated to the
year's end and unallocated; per drawdown the same; and the project's expected impact with the
share the allocated proceeds finance (allocated ÷ the project's total investment).

A loan without drawdown rows draws its whole amount on its start date: that is drawdown 1.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from greendesk.domain.errors import ErrorCollector, UserError
from greendesk.domain.money import parse_money
from greendesk.domain.roles import Action, Principal
from greendesk.domain.validation import check_money, check_text
from greendesk.paths import seeds_dir
from greendesk.reporting.model import AllocationRow
from greendesk.services import audit
from greendesk.services.records._unit import current_loan, write_unit
from greendesk.store.database import Database
from greendesk.store.models import Loan, LoanUseOfProceeds, ProceedsAllocation
from greendesk.store.queries import is_current_version

ZERO = Decimal("0.00")
ALLOCATABLE = ("approved", "approved_with_conditions", "disbursed", "closed")


@dataclass(frozen=True)
class AllocationInput:
    reference: str
    drawdown: int | str
    line: int | str
    amount: str
    allocated_on: str | date
    evidence: str


@dataclass(frozen=True)
class AllocationRecord:
    id: int
    reference: str
    drawdown: int
    line: int
    amount: Decimal
    allocated_on: date
    evidence: str
    entered_by: str


@dataclass(frozen=True)
class LineReport:
    no: int
    catalogue_code: str
    description: str
    amount: Decimal
    allocated_in_year: Decimal
    allocated: Decimal  # to the year's end
    unallocated: Decimal


@dataclass(frozen=True)
class DrawdownReport:
    no: int
    date: date
    amount: Decimal
    allocated: Decimal
    unallocated: Decimal


@dataclass(frozen=True)
class LoanAllocationReport:
    reference: str
    borrower: str
    year: int
    lines: tuple[LineReport, ...]
    drawdowns: tuple[DrawdownReport, ...]
    allocations: tuple[AllocationRecord, ...]
    annual_co2e_reduction_t: Decimal | None
    carbon_sink_t: Decimal | None
    total_investment: Decimal | None
    financed_share: Decimal | None  # allocated ÷ the project's total investment
    attributed_reduction_t: Decimal | None

    @property
    def allocated(self) -> Decimal:
        return sum((x.allocated for x in self.lines), ZERO)

    @property
    def allocated_in_year(self) -> Decimal:
        return sum((x.allocated_in_year for x in self.lines), ZERO)

    @property
    def unallocated(self) -> Decimal:
        return sum((x.unallocated for x in self.lines), ZERO)


def _drawdowns(loan: Loan) -> list[tuple[int, date, Decimal]]:
    if loan.drawdowns:
        return [(i, d.date, d.amount) for i, d in enumerate(loan.drawdowns, 1)]
    if loan.start_date is None:
        return []
    return [(1, loan.start_date, loan.amount)]


def _rows(session: Session, reference: str) -> list[ProceedsAllocation]:
    return list(
        session.scalars(
            select(ProceedsAllocation)
            .where(ProceedsAllocation.loan_reference == reference)
            .order_by(ProceedsAllocation.allocated_on, ProceedsAllocation.id)
        )
    )


def _record(row: ProceedsAllocation) -> AllocationRecord:
    return AllocationRecord(
        row.id, row.loan_reference, row.drawdown_no, row.line_no, row.amount, row.allocated_on,
        row.evidence, row.entered_by,
    )  # fmt: skip


def _number(e: ErrorCollector, path: str, value: Any) -> int | None:
    try:
        n = int(str(value).strip())
    except ValueError:
        e.add(path, "must be a whole number")
        return None
    if n < 1:
        e.add(path, "at least 1")
        return None
    return n


def _day(e: ErrorCollector, path: str, value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        e.add(path, "not a date (YYYY-MM-DD)")
        return None


def record_allocation(
    db: Database, actor: Principal, data: AllocationInput, *, today: date | None = None
) -> AllocationRecord:
    """Allocate part of a drawdown to a use-of-proceeds line; nothing is saved if a rule fails."""
    actor.require(Action.EDIT_APPLICATION)
    e = ErrorCollector()
    drawdown_no = _number(e, "drawdown", data.drawdown)
    line_no = _number(e, "line", data.line)
    amount = check_money(e, "amount", data.amount, positive=True)
    day = _day(e, "allocated_on", data.allocated_on)
    evidence = check_text(e, "evidence", data.evidence, "note")
    if day is not None and day > (today or date.today()):
        e.add("allocated_on", "in the future")
    e.raise_if_any()
    assert drawdown_no and line_no and amount is not None and day is not None and evidence
    with write_unit(db, f"loan {data.reference}") as session:
        loan = current_loan(session, data.reference)
        if loan.status not in ALLOCATABLE:
            raise UserError(
                f"status: loan {loan.reference} is {loan.status}: proceeds are allocated once "
                "the loan is approved"
            )
        draws = {n: (d, a) for n, d, a in _drawdowns(loan)}
        lines = {i: u for i, u in enumerate(loan.use_of_proceeds, 1)}
        if drawdown_no not in draws:
            e.add("drawdown", f"the loan has drawdowns 1 to {len(draws)}")
        if line_no not in lines:
            e.add("line", f"the loan has use-of-proceeds lines 1 to {len(lines)}")
        e.raise_if_any()
        drawn_on, drawn = draws[drawdown_no]
        if day < drawn_on:
            e.add("allocated_on", f"before the drawdown date {drawn_on}")
        existing = _rows(session, loan.reference)
        used = sum((r.amount for r in existing if r.drawdown_no == drawdown_no), ZERO)
        if used + amount > drawn:
            e.add("amount", f"more than the {drawn - used} left of drawdown {drawdown_no}")
        on_line = sum((r.amount for r in existing if r.line_no == line_no), ZERO)
        line_amount = lines[line_no].amount
        if on_line + amount > line_amount:
            e.add("amount", f"more than the {line_amount - on_line} left on line {line_no}")
        e.raise_if_any()
        row = ProceedsAllocation(
            loan_reference=loan.reference, loan_id=loan.id, drawdown_no=drawdown_no,
            line_no=line_no, amount=amount, allocated_on=day, evidence=evidence,
            entered_by=actor.username,
        )  # fmt: skip
        session.add(row)
        session.flush()
        audit.record(
            session, actor, "loan.allocate_proceeds", ("loan", loan.id), None,
            {"loan_id": loan.id, **audit.snapshot(row, exclude=("id",))},
        )  # fmt: skip
        return _record(row)


def _quantize(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _report(
    session: Session, loan: Loan, year: int, stored: list[ProceedsAllocation] | None = None
) -> LoanAllocationReport:
    end = date(year, 12, 31)
    found = stored if stored is not None else _rows(session, loan.reference)
    rows = [r for r in found if r.allocated_on <= end]
    lines = []
    for i, u in enumerate(loan.use_of_proceeds, 1):
        mine = [r for r in rows if r.line_no == i]
        allocated = sum((r.amount for r in mine), ZERO)
        in_year = sum((r.amount for r in mine if r.allocated_on.year == year), ZERO)
        lines.append(
            LineReport(i, u.catalogue_code or "", u.description or "", u.amount, in_year,
                       allocated, u.amount - allocated)
        )  # fmt: skip
    draws = []
    for n, d, a in _drawdowns(loan):
        allocated = sum((r.amount for r in rows if r.drawdown_no == n), ZERO)
        draws.append(DrawdownReport(n, d, a, allocated, a - allocated))
    project = loan.project
    investment = project.total_investment if project else None
    total = sum((x.allocated for x in lines), ZERO)
    share = _quantize(total / investment, "0.000001") if investment else None
    reduction = project.annual_co2e_reduction_t if project else None
    attributed = (
        _quantize(reduction * total / investment, "0.01")
        if reduction is not None and investment
        else None
    )
    return LoanAllocationReport(
        reference=loan.reference,
        borrower=loan.borrower.name,
        year=year,
        lines=tuple(lines),
        drawdowns=tuple(draws),
        allocations=tuple(_record(r) for r in rows),
        annual_co2e_reduction_t=reduction,
        carbon_sink_t=project.carbon_sink_t if project else None,
        total_investment=investment,
        financed_share=share,
        attributed_reduction_t=attributed,
    )


def loan_allocation(db: Database, reference: str, year: int) -> LoanAllocationReport:
    with db.session() as session:
        return _report(session, current_loan(session, reference), year)


def portfolio_allocation(db: Database, year: int) -> list[LoanAllocationReport]:
    """The report of every current loan with use-of-proceeds lines, by reference."""
    with db.session() as session:
        return list(allocation_reports(session, year))


BATCH = 500


def allocation_reports(session: Session, year: int) -> Iterator[LoanAllocationReport]:
    """Every current loan with use-of-proceeds lines, by reference, read in batches.

    The allocations are read once and the loans with their lines, drawdowns and project eagerly,
    so a large book costs a few queries per batch, not several per loan.
    """
    stored: dict[str, list[ProceedsAllocation]] = {}
    for row in session.scalars(
        select(ProceedsAllocation).order_by(ProceedsAllocation.allocated_on, ProceedsAllocation.id)
    ):
        stored.setdefault(row.loan_reference, []).append(row)
    ids = list(
        session.scalars(
            select(Loan.id)
            .where(is_current_version(), Loan.id.in_(select(LoanUseOfProceeds.loan_id)))
            .order_by(Loan.reference, Loan.id)
        )
    )
    options = (
        joinedload(Loan.borrower),
        joinedload(Loan.project),
        selectinload(Loan.drawdowns),
        selectinload(Loan.use_of_proceeds),
    )
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        loans = session.scalars(select(Loan).where(Loan.id.in_(chunk)).options(*options)).unique()
        by_id = {loan.id: loan for loan in loans}
        for loan_id in chunk:
            loan = by_id[loan_id]
            yield _report(session, loan, year, stored.get(loan.reference, []))
        session.expunge_all()  # keep memory flat (the stored allocations stay readable)


def seed_allocations(session: Session, folder: Path | None = None) -> int:
    """Load ``seeds/allocations.toml`` (ASSUMED) for loans that have no allocation yet."""
    path = (folder or seeds_dir()) / "allocations.toml"
    if not path.exists():
        return 0
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path.name}: not valid TOML ({exc})") from None
    added = 0
    had = {r for r in session.scalars(select(ProceedsAllocation.loan_reference).distinct())}
    for i, raw in enumerate(data.get("allocation", [])):
        reference = str(raw.get("reference", ""))
        if reference in had:
            continue
        loan = session.scalars(
            select(Loan).where(Loan.reference == reference, is_current_version())
        ).one_or_none()
        if loan is None:
            continue  # that case was not seeded
        try:
            amount = parse_money(raw["amount"])
        except (KeyError, ValueError) as exc:
            raise UserError(f"{path.name}: allocation[{i}].amount: {exc}") from None
        row = ProceedsAllocation(
            loan_reference=reference, loan_id=loan.id, drawdown_no=int(raw["drawdown"]),
            line_no=int(raw["line"]), amount=amount, allocated_on=raw["date"],
            evidence=str(raw["evidence"]), entered_by="system",
        )  # fmt: skip
        session.add(row)
        session.flush()
        audit.record(
            session, "system", "loan.allocate_proceeds", ("loan", loan.id), None,
            {"loan_id": loan.id, **audit.snapshot(row, exclude=("id",))},
        )  # fmt: skip
        added += 1
    session.flush()
    return added


def allocation_rows(session: Session, year: int) -> Iterator[AllocationRow]:
    """The workbook's Allocation sheet: every use-of-proceeds line of every current loan."""
    for r in allocation_reports(session, year):
        for x in r.lines:
            share = None
            if r.annual_co2e_reduction_t is not None and r.total_investment:
                share = _quantize(
                    r.annual_co2e_reduction_t * x.allocated / r.total_investment, "0.01"
                )
            yield AllocationRow(
                reference=r.reference, borrower=r.borrower, year=year, line=x.no,
                catalogue_code=x.catalogue_code, description=x.description, amount=x.amount,
                allocated_in_year=x.allocated_in_year, allocated=x.allocated,
                unallocated=x.unallocated, attributed_reduction_t=share,
            )  # fmt: skip
