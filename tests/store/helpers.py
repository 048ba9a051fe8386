"""Small builders shared by the store tests (real rows in a real database, no mocks)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from greendesk.domain.credit_code import credit_code_check_char
from greendesk.store.models import Borrower, Loan


def credit_code(body: str = "91652301MA7700001") -> str:
    """A valid 统一社会信用代码 for the 17 given characters (check character computed)."""
    return body + credit_code_check_char(body)


def add_loan(
    session: Session,
    reference: str = "T-0001",
    amount: Decimal = Decimal("1000000.00"),
    *,
    code_body: str = "91652301MA7700001",
    borrower_name: str = "测试借款人有限公司",
) -> Loan:
    borrower = Borrower(name=borrower_name, credit_code=credit_code(code_body), sector="other")
    loan = Loan(
        reference=reference,
        borrower=borrower,
        amount=amount,
        start_date=date(2025, 6, 20),
        term_months=36,
        maturity_date=date(2028, 6, 20),
        base_rate_name="LPR1Y",
        base_rate=Decimal("0.0300"),
        spread_bps=25,
    )
    session.add(loan)
    session.flush()
    return loan
