"""The loan editor's KPI page: the grace period for KPI observations, typed, stored, refused."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import kpi_settings
from greendesk.services.records.loans import get_loan
from greendesk.store.database import Database
from tests.ui.test_loan_editor_pages import draft, ok, open_editor, type_text


def test_the_grace_period_typed_on_the_kpi_page_is_stored_and_blank_means_the_default(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    loan_id = draft(db, officer)
    dialog = open_editor(qtbot, db, officer, loan_id)
    edit = dialog.edits["kpi_grace_days"]
    assert str(kpi_settings.grace_days()) in edit.placeholderText()
    type_text(qtbot, edit, "45")
    ok(dialog)
    assert dialog.saved is not None, dialog.error.text()
    assert get_loan(db, loan_id).kpi_grace_days == 45

    again = open_editor(qtbot, db, officer, loan_id)
    assert again.edits["kpi_grace_days"].text() == "45"
    again.edits["kpi_grace_days"].clear()
    ok(again)
    assert again.saved is not None, again.error.text()
    assert get_loan(db, loan_id).kpi_grace_days is None


@pytest.mark.parametrize(
    ("typed", "rule"),
    [("-5", "at least 0"), ("100000", "at most 730"), ("7.5", "whole number"), ("abc", "whole")],
)
def test_a_hostile_grace_period_is_named_and_nothing_is_saved(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, typed: str, rule: str
) -> None:
    loan_id = draft(db, officer)
    before = get_loan(db, loan_id)
    dialog = open_editor(qtbot, db, officer, loan_id)
    type_text(qtbot, dialog.edits["kpi_grace_days"], typed)
    ok(dialog)
    assert dialog.isVisible() and dialog.saved is None
    shown = dialog.error.text() + "\n" + dialog.error.toolTip()
    assert "kpi_grace_days" in shown or "grace" in shown.lower(), shown
    assert rule in shown, shown
    assert dialog.edits["kpi_grace_days"].property("invalid") is True
    assert get_loan(db, loan_id) == before
