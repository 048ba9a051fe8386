"""Carbon-account records (碳账户) with history, and the repricing reviews a grade change raises.

``record_assessment`` stores one platform assessment (grade 碳效码, intensity, date, source). When
it becomes the borrower's current record (the newest by date) and its grade differs from the
current one, the borrower's grade follows, and each of the borrower's live loans — and no other
— gets an open repricing review, in the same transaction, each in the audit trail. A back-dated
record only adds history. ``open_reviews`` are the alerts the window and commands show.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.errors import ErrorCollector, UserError
from greendesk.domain.programmes.carbon_pricing import PricingProposal, load_pricing
from greendesk.domain.roles import Action, Principal
from greendesk.domain.validation import LIMITS
from greendesk.services import audit
from greendesk.store.database import Database
from greendesk.store.models import Borrower, CarbonAccountRecord, Loan, RepricingReview
from greendesk.store.queries import is_current_version
from greendesk.store.types import utcnow

# Loans whose price can still change: in the pipeline, approved, or lent.
LIVE = frozenset({"submitted", "under_review", "approved", "approved_with_conditions", "disbursed"})


@dataclass(frozen=True)
class AccountRecord:
    id: int
    platform: str
    grade: str
    intensity: Decimal | None
    intensity_unit: str
    assessed_on: date
    source: str
    recorded_by: str


@dataclass(frozen=True)
class ReviewAlert:
    id: int
    loan_id: int
    reference: str
    borrower: str
    grade_from: str
    grade_to: str
    raised_at: datetime
    zh: str
    en: str

    def in_lang(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class CarbonAccount:
    borrower_id: int
    borrower: str
    credit_code: str
    grade: str
    current: AccountRecord | None
    history: tuple[AccountRecord, ...]  # newest first
    proposal: PricingProposal | None


@dataclass(frozen=True)
class Recorded:
    record: AccountRecord
    previous_grade: str
    grade_changed: bool
    flagged: tuple[ReviewAlert, ...]


def clean_text(e: ErrorCollector, field: str, value: str | None, limit: str, req: bool) -> str:
    """A stripped text field: required, at most ``LIMITS[limit]`` long, no control characters."""
    text = (value or "").strip()
    if req and not text:
        e.add(field, "required")
    elif len(text) > LIMITS[limit]:
        e.add(field, f"longer than {LIMITS[limit]} characters")
    elif any(unicodedata.category(ch) == "Cc" for ch in text):
        e.add(field, "contains control characters")
    return text


def _record(row: CarbonAccountRecord) -> AccountRecord:
    return AccountRecord(
        row.id,
        row.platform,
        row.grade,
        row.intensity,
        row.intensity_unit or "",
        row.assessed_on,
        row.source,
        row.recorded_by,
    )


def _borrower(session: Session, credit_code: str) -> Borrower:
    borrower = session.scalar(select(Borrower).where(Borrower.credit_code == credit_code))
    if borrower is None:
        raise UserError(f"credit_code: no borrower with credit code {credit_code!r}")
    return borrower


def _history(session: Session, borrower_id: int) -> list[CarbonAccountRecord]:
    return list(
        session.scalars(
            select(CarbonAccountRecord)
            .where(CarbonAccountRecord.borrower_id == borrower_id)
            .order_by(CarbonAccountRecord.assessed_on.desc(), CarbonAccountRecord.id.desc())
        )
    )


def _alert(review: RepricingReview, loan: Loan) -> ReviewAlert:
    old = review.grade_from or "—"
    return ReviewAlert(
        id=review.id,
        loan_id=loan.id,
        reference=loan.reference,
        borrower=loan.borrower.name,
        grade_from=review.grade_from or "",
        grade_to=review.grade_to,
        raised_at=review.raised_at,
        zh=f"{loan.reference}：借款人碳效码由 {old} 变为 {review.grade_to}，需复核定价",
        en=(
            f"{loan.reference}: the borrower's carbon-account grade changed from {old} to "
            f"{review.grade_to}; review the loan's pricing"
        ),
    )


def record_assessment(
    db: Database,
    actor: Principal,
    credit_code: str,
    *,
    platform: str,
    grade: str,
    assessed_on: date,
    source: str,
    intensity: str | None = None,
    intensity_unit: str | None = None,
    today: date | None = None,
) -> Recorded:
    """Store one assessment; on a change of the current grade, flag the live loans."""
    actor.require(Action.EDIT_APPLICATION)
    e = ErrorCollector()
    platform = clean_text(e, "platform", platform, "name", True)
    source = clean_text(e, "source", source, "source", True)
    unit = clean_text(e, "intensity_unit", intensity_unit, "unit", False)
    grade = (grade or "").strip().upper()
    policy = load_pricing()
    if grade not in policy.grades:
        e.add("grade", f"must be one of {', '.join(policy.grades)} (the pricing policy's grades)")
    if assessed_on > (today or date.today()):
        e.add("assessed_on", "in the future")
    value: Decimal | None = None
    if intensity not in (None, ""):
        try:
            value = Decimal(str(intensity).strip())
            if not value.is_finite() or value < 0:
                raise InvalidOperation
            if len(format(value, "f")) > LIMITS["decimal_text"]:
                e.add("intensity", "too many digits")
        except InvalidOperation:
            e.add("intensity", "must be a number ≥ 0")
    e.raise_if_any()
    with db.session(write=True) as session:
        borrower = _borrower(session, credit_code)
        before_grade = borrower.carbon_account_grade or ""
        row = CarbonAccountRecord(
            borrower_id=borrower.id,
            platform=platform,
            grade=grade,
            intensity=value,
            intensity_unit=unit or None,
            assessed_on=assessed_on,
            source=source,
            recorded_by=actor.username,
        )
        session.add(row)
        session.flush()
        current = _history(session, borrower.id)[0]
        changed = current.id == row.id and grade != before_grade
        audit.record(
            session,
            actor,
            "borrower.carbon_account",
            ("borrower", borrower.id),
            {"carbon_account_grade": before_grade},
            {
                "carbon_account_grade": grade if changed else before_grade,
                "record": row.id,
                "platform": platform,
                "grade": grade,
                "assessed_on": assessed_on.isoformat(),
            },
        )
        flagged: list[ReviewAlert] = []
        if changed:
            borrower.carbon_account_grade = grade
            loans = session.scalars(
                select(Loan)
                .where(Loan.borrower_id == borrower.id, is_current_version())
                .where(Loan.status.in_(LIVE))
                .order_by(Loan.reference)
            )
            for loan in loans:
                review = RepricingReview(
                    loan_id=loan.id,
                    record_id=row.id,
                    grade_from=before_grade or None,
                    grade_to=grade,
                )
                session.add(review)
                session.flush()
                audit.record(
                    session,
                    actor,
                    "loan.repricing_review",
                    ("loan", loan.id),
                    None,
                    {"review": review.id, "grade_from": before_grade, "grade_to": grade},
                )
                flagged.append(_alert(review, loan))
        return Recorded(_record(row), before_grade, changed, tuple(flagged))


def carbon_account(db: Database, credit_code: str) -> CarbonAccount:
    """A borrower's current grade, its record history (newest first) and the pricing proposal."""
    with db.session() as session:
        borrower = _borrower(session, credit_code)
        return _account(session, borrower)


def _account(session: Session, borrower: Borrower) -> CarbonAccount:
    rows = [_record(r) for r in _history(session, borrower.id)]
    grade = borrower.carbon_account_grade or ""
    return CarbonAccount(
        borrower_id=borrower.id,
        borrower=borrower.name,
        credit_code=borrower.credit_code,
        grade=grade,
        current=rows[0] if rows else None,
        history=tuple(rows),
        proposal=load_pricing().propose(grade),
    )


def loan_carbon_account(db: Database, loan_id: int) -> CarbonAccount:
    """The carbon account of a loan's borrower (the window's loan detail, the memo)."""
    with db.session() as session:
        loan = session.get(Loan, loan_id)
        if loan is None:
            raise UserError(f"no loan with id {loan_id}")
        return _account(session, loan.borrower)


def open_reviews(db: Database, loan_id: int | None = None) -> list[ReviewAlert]:
    """Unresolved repricing reviews, oldest first (one loan's when ``loan_id`` is given)."""
    with db.session() as session:
        query = (
            select(RepricingReview, Loan)
            .join(Loan, Loan.id == RepricingReview.loan_id)
            .where(RepricingReview.resolved_at.is_(None))
            .order_by(RepricingReview.id)
        )
        if loan_id is not None:
            query = query.where(RepricingReview.loan_id == loan_id)
        return [_alert(review, loan) for review, loan in session.execute(query)]


def resolve_review(db: Database, actor: Principal, review_id: int, resolution: str) -> None:
    """Close one review with the written outcome (repriced, or kept and why)."""
    actor.require(Action.EDIT_APPLICATION)
    e = ErrorCollector()
    text = clean_text(e, "resolution", resolution, "note", True)
    e.raise_if_any()
    with db.session(write=True) as session:
        review = session.get(RepricingReview, review_id)
        if review is None:
            raise UserError(f"review: no repricing review {review_id}")
        if review.resolved_at is not None:
            raise UserError(f"review: repricing review {review_id} is already resolved")
        review.resolved_at = utcnow()
        review.resolved_by = actor.username
        review.resolution = text
        audit.record(
            session,
            actor,
            "loan.repricing_resolved",
            ("loan", review.loan_id),
            {"review": review.id, "open": True},
            {"review": review.id, "open": False, "resolution": text},
        )


def seed_records(session: Session, path: Path) -> int:
    """Load the demo borrowers' carbon-account history (``seeds/carbon_accounts.toml``) into
    ``session``; returns how many records were added. History only: the borrower's grade and
    loans are left as they are, so no repricing review is raised."""
    if not path.exists():
        return 0
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    added = 0
    for i, raw in enumerate(data.get("record") or []):
        where = f"{path.name}: record[{i}]"
        borrower = session.scalar(
            select(Borrower).where(Borrower.credit_code == str(raw.get("credit_code", "")))
        )
        if borrower is None:  # a partial seed folder: that borrower's loan was not loaded
            continue
        grade = str(raw.get("grade", "")).strip().upper()
        if grade not in load_pricing().grades:
            raise UserError(f"{where}.grade: not one of the pricing policy's grades")
        assessed_on = raw.get("assessed_on")
        if not isinstance(assessed_on, date):
            raise UserError(f"{where}.assessed_on: must be a date")
        exists = session.scalar(
            select(CarbonAccountRecord.id).where(
                CarbonAccountRecord.borrower_id == borrower.id,
                CarbonAccountRecord.assessed_on == assessed_on,
                CarbonAccountRecord.platform == str(raw["platform"]),
            )
        )
        if exists is not None:
            continue
        intensity = raw.get("intensity")
        session.add(
            CarbonAccountRecord(
                borrower_id=borrower.id,
                platform=str(raw["platform"]),
                grade=grade,
                intensity=None if intensity is None else Decimal(str(intensity)),
                intensity_unit=raw.get("intensity_unit"),
                assessed_on=assessed_on,
                source=str(raw["source"]),
                recorded_by="seed",
            )
        )
        added += 1
    return added
