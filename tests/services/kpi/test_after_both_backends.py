"""Per-loan KPI grace and PCAF inputs recorded and changed, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from greendesk.domain.errors import InvalidInput
from greendesk.domain.kpi.ratchet import Outcome
from greendesk.services import emission_inputs as inputs
from greendesk.services import kpi_recording
from greendesk.services.emissions import emissions_report
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database
from greendesk.store.models import EmissionInput, Loan
from tests.services.kpi.conftest import CHECKER, FOOTPRINT, OFFICER


def test_grace_and_emission_inputs(database: Database) -> None:
    seed_demo(database)
    with database.session(write=True) as session:
        loan = session.scalars(select(Loan).where(Loan.reference == FOOTPRINT)).one()
        loan.kpi_grace_days = 30
    decided = kpi_recording.review_overdue(
        database, CHECKER, today=date(2025, 7, 31), references=[FOOTPRINT]
    )
    assert [(d.outcome, d.adjust_bps) for d in decided] == [(Outcome.LAPSED, 10)]

    subject = inputs.find_subject(database, "borrower", "91652325MA7745G70M")
    data = inputs.current_input(inputs.show_inputs(database, "borrower", subject).record)
    data.equity, data.debt = "-600000000.00", "2000000000.00"
    record = inputs.set_inputs(
        database, OFFICER, "borrower", subject, data, today=date(2026, 12, 1)
    )
    assert record.equity == D("-600000000.00")
    row = next(x for x in emissions_report(database, date(2024, 12, 31)).loans
               if x.reference == "XJ-CJ-2024-005")  # fmt: skip
    assert (row.attribution, row.financed_t) == (D("0.1"), D("216000.00"))
    data.year = "2099"
    with database.session() as session:
        before = [(r.id, r.equity, r.year) for r in session.scalars(select(EmissionInput))]
    with pytest.raises(InvalidInput):
        inputs.set_inputs(database, OFFICER, "borrower", subject, data, today=date(2026, 12, 1))
    with database.session() as session:
        assert [(r.id, r.equity, r.year) for r in session.scalars(select(EmissionInput))] == before
    assert inputs.show_inputs(database, "borrower", subject).history[-1].actor == "officer"
