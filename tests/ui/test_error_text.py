"""Refusals in the window's language, driven through the real services with bad input.

The record services get the whole bad-input table of ``tests/services/records/test_bad_input.py``
(one broken field per row), the schedule engine its own table of bad TERMS, the reference-data
checks bad codes; every error they produce must be worded completely in Chinese (no English word
left outside the variable parts) and in window English, with every number of the service's rule
carried into the Chinese. Then the editors themselves: labels as the form shows them, fields
outlined, the services' own words kept in the tooltip.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from greendesk.domain.classification.catalogue import catalogue_code_error
from greendesk.domain.collateral import collateral_type_error
from greendesk.domain.credit_code import validate_credit_code
from greendesk.domain.errors import FieldError, InvalidInput, UserError
from greendesk.domain.roles import Principal
from greendesk.domain.schedule import parse_terms
from greendesk.services import portfolio
from greendesk.services.records import borrowers, loans
from greendesk.services.records.loan_rules import input_path
from greendesk.store.database import Database, open_database
from greendesk.ui.dialogs.borrower import BorrowerDialog
from greendesk.ui.dialogs.editor import EditorDialog
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.error_text import ErrorWording, Worded
from greendesk.ui.forms import child
from greendesk.ui.i18n import Translations
from tests.domain.schedule.test_validation import CASES as TERMS_CASES
from tests.services.records import builders
from tests.services.records.conftest import make_people
from tests.services.records.test_bad_input import CASES as RECORD_CASES
from tests.services.records.test_bad_input import World
from tests.ui.test_error_text_sources import english_words

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The bad-input table's database: a borrower, a project, a loan, a price and a rate."""
    from greendesk.services.records import market_data, projects

    path = Path(tmp_path_factory.mktemp("error-text")) / "greendesk.db"
    db = open_database(f"sqlite:///{path}")
    try:
        people = make_people(db)
        owner = borrowers.create_borrower(db, people.officer, builders.borrower(1))
        site = projects.create_project(db, people.officer, builders.project(owner.id))
        loan = loans.create_loan(db, people.officer, builders.loan(owner.id, site.id))
        market_data.add_price(db, people.admin, builders.price())
        market_data.add_rate(db, people.admin, builders.rate())
        yield World(db, people, owner.id, site.id, loan.id, loan.version)
    finally:
        db.dispose()


def _numbers(rule: str) -> set[str]:
    """The numbers a rule states (list positions in brackets are renumbered, so left out)."""
    return set(_NUMBER.findall(re.sub(r"\[\d+\]", "", rule)))


def assert_worded(error: FieldError) -> tuple[Worded, Worded]:
    """The error reads completely in both languages; the Chinese keeps every stated number."""
    zh, en = ErrorWording(True).error(error), ErrorWording(False).error(error)
    assert zh.complete and en.complete, (str(error), zh.text, en.text)
    assert not english_words(zh.text, zh.values), (str(error), zh.text)
    for number in _numbers(error.rule):  # amounts may come grouped (2,443,000,000.01)
        plain = number.replace(",", "")
        assert plain in zh.text.replace(",", ""), (str(error), zh.text, number)
    for value in zh.values:
        assert value in zh.text
    return zh, en


@pytest.mark.parametrize(("case", "path"), [c[1:3] for c in RECORD_CASES],
                         ids=[c[0] for c in RECORD_CASES])  # fmt: skip
def test_record_services_errors_read_in_chinese(world: World, case: Any, path: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        case(world)
    assert any(e.path == path for e in caught.value.errors)  # the row did break its rule
    for error in caught.value.errors:
        assert_worded(error)


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in TERMS_CASES],
                         ids=[c[0] for c in TERMS_CASES])  # fmt: skip
def test_schedule_engine_errors_read_in_chinese(data: Any, expected: str) -> None:
    """TERMS errors as the loan editor reports them (TERMS paths mapped to its fields)."""
    with pytest.raises(InvalidInput) as caught:
        parse_terms(data)
    assert any(str(e).startswith(expected) for e in caught.value.errors)
    for error in caught.value.errors:
        assert_worded(FieldError(input_path(error.path), error.rule))


@pytest.mark.parametrize(
    ("path", "rule"),
    [
        *[("credit_code", validate_credit_code(code)) for code in (
            "91440300192203821", "91440300I92203821O", "914403001922038217",
            "9144AB001922038216", "014403001922038216")],
        *[("catalogue_code", catalogue_code_error(code)) for code in (
            "3.2.2", "2031:3.2.2", "2019:9.9.9")],
        ("collateral_type", collateral_type_error("bitcoin")),
    ],
)  # fmt: skip
def test_reference_data_rules_read_in_chinese(path: str, rule: str | None) -> None:
    assert rule is not None
    assert_worded(FieldError(path, rule))


def test_a_drawdown_after_maturity_names_the_row_as_the_user_counts() -> None:
    error = FieldError("drawdowns[2].date", "after maturity")
    assert ErrorWording(True).error(error).text == "提款计划 第3行 日期：晚于到期日"
    assert ErrorWording(False).error(error).text == "Drawdowns, row 3, Date: after maturity"


def test_values_are_carried_into_the_wording() -> None:
    """Limits, amounts, dates and the user's own text reach the Chinese in the right places."""
    zh = ErrorWording(True)
    worded = zh.rule("commitments add up to 2,443,000,000.02, not the amount 2,443,000,000.01")
    assert worded.text == "承贷金额合计 2,443,000,000.02，与贷款金额 2,443,000,000.01 不符"
    assert zh.rule("unknown value 'weekly' (one of: monthly, quarterly)").text == (
        "无效的取值 “weekly”（可选：按月、按季）"
    )
    assert zh.rule("same period as custom_principal[0]").text == "与按计划还款第 1 行属于同一期"
    assert zh.field("technology.efficiency").text == "技术参数 “efficiency”"


def test_an_unknown_rule_falls_back_to_english_and_is_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    error = FieldError("amount", "is a rule no catalogue has heard of yet")
    with caplog.at_level(logging.WARNING, logger="greendesk.ui.error_text"):
        first = ErrorWording(True).error(error)
        second = ErrorWording(True).error(error)
    assert first == second and not first.complete
    assert first.text == "金额：is a rule no catalogue has heard of yet"
    assert len([r for r in caplog.records if "no catalogue has heard" in r.getMessage()]) == 1
    odd = ErrorWording(True).error(FieldError("nonsense_field", "required"))
    assert odd.text == "nonsense_field：必填" and not odd.complete
    assert ErrorWording(True).message("").text == ""


# -- refusals that are sentences ---------------------------------------------------------------


def _refusal(run: Any) -> UserError:
    with pytest.raises(UserError) as caught:
        run()
    return caught.value


def test_refusals_from_the_services_read_in_chinese(
    db: Database, officer: Principal, reviewer: Principal
) -> None:
    record = borrowers.list_borrowers(db)[0]
    data = borrowers.borrower_input(record)
    approved = next(s for s in portfolio.list_loans(db) if s.status == "approved")
    refusals = [
        _refusal(lambda: borrowers.create_borrower(db, reviewer, builders.borrower(77))),
        _refusal(lambda: borrowers.update_borrower(
            db, officer, record.id, data, expected_version=record.version - 1)),
        _refusal(lambda: borrowers.update_borrower(
            db, officer, 987654, data, expected_version=1)),
        _refusal(lambda: loans.update_loan_terms(
            db, officer, approved.id, loans.get_loan_terms(db, approved.id).input,
            expected_version=loans.get_loan_terms(db, approved.id).version)),
    ]  # fmt: skip
    for refusal in refusals:
        assert not isinstance(refusal, InvalidInput)
        worded = ErrorWording(True).exception(refusal)
        assert worded.complete, str(refusal)
        assert not english_words(worded.text, worded.values), worded.text
        assert ErrorWording(False).exception(refusal).complete
    texts = [ErrorWording(True).exception(r).text for r in refusals]
    assert texts[0].startswith("无权操作：") and "贷审会委员" in texts[0]
    assert "已被他人修改" in texts[1] and "987654" in texts[2]
    assert texts[3].startswith("状态：")


# -- the editors ---------------------------------------------------------------------------------


def _ok(dialog: EditorDialog) -> None:
    child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok).click()


def _shown_label(dialog: EditorDialog, widget: str) -> str:
    """The text of the label the form shows beside ``widget``."""
    for label in dialog.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and buddy.objectName() == widget:
            return label.text()
    raise AssertionError(widget)


def _bad_borrower(qtbot: QtBot, db: Database, officer: Principal) -> BorrowerDialog:
    dialog = BorrowerDialog(db, officer, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["credit_code"].setText("123")
    dialog.edits["base_year"].setText("2030")
    dialog.edits["target_year"].setText("2024")
    _ok(dialog)
    return dialog


def test_borrower_editor_shows_errors_in_chinese(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = _bad_borrower(qtbot, db, officer)
    assert dialog.isVisible() and dialog.saved is None
    lines = dialog.error.text().splitlines()
    assert len(lines) == 3  # name, credit code, target year: all at once
    code_label = _shown_label(dialog, "creditCodeEdit")
    assert code_label == "统一社会信用代码"  # the form really is in Chinese
    assert any(line.startswith(f"{code_label}：") and "18" in line for line in lines)
    assert any(line.startswith(f"{_shown_label(dialog, 'targetYearEdit')}：") for line in lines)
    assert not english_words(dialog.error.text())
    assert "credit_code: " in dialog.error.toolTip()  # the services' words, for support
    assert dialog.edits["credit_code"].property("invalid") is True
    assert dialog.edits["target_year"].property("invalid") is True
    assert dialog.edits["industry"].property("invalid") is False


def test_borrower_editor_shows_errors_in_english_when_the_window_is_english(
    qtbot: QtBot, desk_app: object, desk_translations: Translations, db: Database,
    officer: Principal,
) -> None:  # fmt: skip
    desk_translations.use("en")
    dialog = _bad_borrower(qtbot, db, officer)
    lines = dialog.error.text().splitlines()
    assert _shown_label(dialog, "creditCodeEdit") == "Unified social credit code"
    assert any(
        line.startswith("Unified social credit code: must be 18 characters") for line in lines
    )
    assert "Target year: not after the base year" in lines
    assert not any("credit_code" in line or "base_year" in line for line in lines)


def test_loan_editor_names_table_rows_and_outlines_the_table(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = LoanDialog(db, officer, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["amount"].setText("1000000.00")
    dialog.edits["start_date"].setText("2025-06-20")
    dialog.edits["term_months"].setText("36")
    dialog.edits["bank"].setText("中国农业银行")
    dialog.edits["annual_rate"].setText("0.031")
    dialog.combos["rate_kind"].setCurrentIndex(dialog.combos["rate_kind"].findData("fixed"))
    dialog.drawdowns.set_rows([["2025-07-01", "100.00"], ["2026-01-01", "200.00"],
                               ["2030-01-01", "300.00"]])  # fmt: skip
    _ok(dialog)
    assert dialog.isVisible(), "the save should have been refused"
    lines = dialog.error.text().splitlines()
    assert "提款计划 第3行 日期：晚于到期日" in lines, lines
    assert not english_words(dialog.error.text())
    assert child(dialog, QLineEdit, "amountEdit").property("invalid") is False
    assert child(dialog, QTableView, "drawdownTable").property("invalid") is True


def test_a_refused_action_reads_in_chinese_in_the_editor(
    qtbot: QtBot, desk_app: object, db: Database, reviewer: Principal
) -> None:
    dialog = BorrowerDialog(db, reviewer, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["name"].setText("新疆某新能源有限公司")
    dialog.edits["credit_code"].setText(builders.credit_code(5))
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.error.text().startswith("无权操作：")
    assert dialog.error.toolTip().startswith("permission denied")
