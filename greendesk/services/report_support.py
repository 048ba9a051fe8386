"""What the memo and the workbook both need from the database: loans with their children, their
schedules (the schedule engine on the stored terms), their collateral as the collateral engine
assesses it (with display texts), catalogue names.

Everything here works on ORM rows inside a read session and hands back plain values; the
callers turn those into the reporting dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, object_session, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from greendesk.domain.classification.catalogue import load_catalogue
from greendesk.domain.collateral import (
    CollateralAssessment,
    CollateralTypes,
    LoanCollateral,
    PledgeValuation,
    PriceTable,
    assess_collateral,
    load_collateral_types,
)
from greendesk.domain.errors import UserError
from greendesk.domain.schedule import Schedule
from greendesk.reporting.templates import Values
from greendesk.services.assessment import loan_collateral
from greendesk.services.calendar import stored_schedule
from greendesk.store.models import Loan
from greendesk.store.queries import is_current_version


def loan_load_options() -> list[_AbstractLoad]:
    """Eager loads for everything a report reads from a loan (no lazy loads per row)."""
    return [
        joinedload(Loan.borrower),
        joinedload(Loan.project),
        selectinload(Loan.drawdowns),
        selectinload(Loan.custom_principal),
        selectinload(Loan.ratchet_steps),
        selectinload(Loan.base_rate_path),
        selectinload(Loan.kpis),
        selectinload(Loan.use_of_proceeds),
        selectinload(Loan.syndicate_shares),
        selectinload(Loan.pledges),
    ]


LIVE = frozenset({"disbursed"})  # statuses with money out: an outstanding balance


def outstanding_principal(loan: Loan, as_of: date, schedule: Schedule | None = None) -> Decimal:
    """Principal outstanding on ``as_of``: drawn by then minus principal repaid by then.

    Accrued interest is not part of it (PCAF's outstanding amount, the exposure of the
    syndicate sheet). Zero unless the loan is disbursed.
    """
    if loan.status not in LIVE:
        return Decimal("0.00")
    periods = (schedule or loan_schedule(loan, borrower_only=True)).periods
    drawn = sum((d.amount for d in loan.drawdowns if d.date <= as_of), Decimal("0.00"))
    if not loan.drawdowns and loan.start_date and loan.start_date <= as_of:
        drawn = loan.amount
    repaid = sum((p.principal for p in periods if p.payment_date <= as_of), Decimal("0.00"))
    return max(drawn - repaid, Decimal("0.00"))


def loan_schedule(loan: Loan, borrower_only: bool = False) -> Schedule:
    """The loan's schedule from its stored terms, as ``greendesk schedule`` would compute it.

    The terms come from ``services.terms.loan_terms`` and the dates from the desk's calendar
    (``services.calendar.stored_schedule``: official years, then projected), so every consumer
    schedules alike. ``borrower_only`` leaves out the lenders' split and the fees (principal and
    interest do not depend on them): the portfolio export computes thousands of schedules.
    """
    session = object_session(loan)
    if session is None:
        raise ValueError("loan_schedule needs a loan loaded in an open session")
    return stored_schedule(session, loan, borrower_only)


@dataclass(frozen=True)
class LoanCollateralView:
    """One loan's collateral as the engine assessed it, with display texts in one language.

    Every figure (values, eligible values, coverage) and every alert, worded, comes from the
    collateral engine (``domain.collateral.assess_collateral`` on the facts
    ``services.assessment`` builds from the stored loan); the report words only the type,
    registry and valuation basis names, from ``reports/values.toml``.
    """

    facts: LoanCollateral
    result: CollateralAssessment
    type_names: dict[int, str]  # by pledge seq
    registries: dict[int, str]
    bases: dict[int, str]
    alerts: tuple[tuple[int | None, str], ...]  # (pledge seq or None for the loan, text)

    def pledge_alerts(self, seq: int) -> list[str]:
        return [text for s, text in self.alerts if s == seq]


def assess_pledges(
    loan: Loan, prices: PriceTable, as_of: date, values: Values, lang: str
) -> LoanCollateralView:
    """Value ``loan``'s pledges on ``as_of`` with the collateral engine and one price table.

    The price table is read once per report (``assessment.price_table``), so a portfolio export
    costs no query per pledge.
    """
    types = load_collateral_types()
    facts = loan_collateral(loan)
    try:
        result = assess_collateral(facts, types, prices, as_of)
    except UserError as exc:
        raise UserError(f"loan {loan.reference}: cannot value pledges\n{exc}") from None
    by_seq = {p.seq: p for p in facts.pledges}
    words = _Words(values, types, lang)
    return LoanCollateralView(
        facts=facts,
        result=result,
        type_names={v.seq: words.type_name(v.collateral_type) for v in result.valuations},
        registries={
            v.seq: by_seq[v.seq].registry or words.registry(v.collateral_type)
            for v in result.valuations
        },
        bases={v.seq: words.basis(v) for v in result.valuations},
        alerts=tuple((a.pledge_seq, a.in_lang(lang)) for a in result.alerts),
    )


class _Words:
    """Type, registry and basis names in the report's language (alerts come worded)."""

    def __init__(self, values: Values, types: CollateralTypes, lang: str) -> None:
        self.values = values
        self.types = types
        self.en = lang == "en"

    def type_name(self, key: str) -> str:
        ctype = self.types.get(key)
        if ctype is None:
            return key
        return ctype.name_en if self.en else ctype.name_zh

    def registry(self, key: str) -> str:
        ctype = self.types.get(key)
        if ctype is None:
            return ""
        return ctype.registry.name_en if self.en else ctype.registry.name_zh

    def _fill(self, table: str, key: str, fallback: str, **fields: object) -> str:
        template = self.values.tables.get(table, {}).get(key)
        if template is None:
            return fallback
        try:
            return template.format(**fields)
        except (KeyError, IndexError, ValueError) as exc:
            raise UserError(
                f"reports/values.toml: [{table}] {key}: bad placeholder ({exc})"
            ) from None

    def basis(self, v: PledgeValuation) -> str:
        price = "" if v.unit_price is None else f"{v.unit_price:,.2f}"
        return self._fill(
            "basis",
            v.basis,
            v.basis,
            instrument=v.instrument or "",
            price=price,
            note=v.note if self.en else (v.note_zh or v.note),
        )


def catalogue_names(code: str | None, lang: str) -> tuple[str, str]:
    """(item name, top-level category) for ``VERSION:CODE``; blanks when unknown."""
    if not code:
        return "", ""
    catalogue = load_catalogue()
    item = catalogue.get(code)
    if item is None:
        return "", ""
    _key, top = catalogue.top_category(item, lang)
    return (item.name_zh if lang == "zh" else item.name_en), top


def current_loan_ids(session: Session) -> list[int]:
    """Ids of loans not superseded by a newer application version, in reference order."""
    query = select(Loan.id).where(is_current_version()).order_by(Loan.reference, Loan.id)
    return list(session.scalars(query))
