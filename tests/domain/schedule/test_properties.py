"""Invariants over random valid terms (hypothesis)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from greendesk.domain.errors import InvalidInput
from greendesk.domain.schedule import build_schedule, parse_terms, schedule_to_json
from greendesk.paths import resources_dir
from tests.domain.schedule.strategies import valid_terms
from tests.domain.schedule.test_syndicate import assert_lenders_add_up

ZERO = Decimal("0.00")
SCHEMAS = resources_dir() / "schemas"
TERMS_SCHEMA = Draft202012Validator(json.loads((SCHEMAS / "terms.schema.json").read_text()))
SCHEDULE_SCHEMA = Draft202012Validator(json.loads((SCHEMAS / "schedule.schema.json").read_text()))


@settings(max_examples=80, deadline=None)
@given(data=valid_terms())
def test_invariants_hold_for_random_valid_terms(data: dict[str, Any]) -> None:
    TERMS_SCHEMA.validate(data)
    terms = parse_terms(data)
    schedule = build_schedule(terms)
    periods = schedule.periods
    drawn = sum((Decimal(d["amount"]) for d in data["drawdowns"]), ZERO)

    assert len(periods) == terms.periods
    assert schedule.totals.principal == drawn
    assert schedule.totals.drawdown == drawn
    assert periods[-1].closing_balance == ZERO
    previous_closing = ZERO
    previous_payment = None
    for p in periods:
        for column in ("opening_balance", "drawdown", "principal", "interest", "fees",
                       "payment", "closing_balance", "rate"):  # fmt: skip
            assert getattr(p, column) >= 0, (p.no, column)
        assert p.opening_balance == previous_closing
        assert p.closing_balance == p.opening_balance + p.drawdown - p.principal
        assert p.payment == p.principal + p.interest + p.fees
        assert p.start < p.payment_date
        if previous_payment is not None:
            assert p.start == previous_payment
        previous_closing, previous_payment = p.closing_balance, p.payment_date
        if p.no <= terms.grace_periods and p.no < len(periods):
            assert p.principal == ZERO
    for column in ("drawdown", "principal", "interest", "fees", "payment"):
        assert getattr(schedule.totals, column) == sum((getattr(p, column) for p in periods), ZERO)
    if schedule.lenders:
        assert_lenders_add_up(schedule)
        for lender in schedule.lenders:
            assert lender.totals.drawdown <= lender.commitment
            if drawn == terms.amount:
                assert lender.totals.drawdown == lender.commitment
    SCHEDULE_SCHEMA.validate(schedule_to_json(schedule))


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["2025-01-15", "0.035", "1000.00", "CN", "annual"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def mangled_terms(draw: st.DrawFn) -> dict[str, Any]:
    """Valid terms with a few fields (top level or one level down) replaced by junk."""
    data = draw(valid_terms())
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.sampled_from(sorted(data)))
        target: Any = data
        if isinstance(data[key], dict) and data[key] and draw(st.booleans()):
            target, key = data[key], draw(st.sampled_from(sorted(data[key])))
        elif isinstance(data[key], list) and data[key]:
            item = data[key][draw(st.integers(0, len(data[key]) - 1))]
            if isinstance(item, dict) and item:
                target, key = item, draw(st.sampled_from(sorted(item)))
        if draw(st.booleans()):
            target[key] = draw(JSON_VALUES)
        else:
            del target[key]
    return data


@settings(max_examples=150, deadline=None)
@given(data=mangled_terms())
def test_junk_input_is_either_accepted_or_refused_with_field_errors(data: dict[str, Any]) -> None:
    try:
        terms = parse_terms(data)
    except InvalidInput as exc:
        assert exc.errors
        for error in exc.errors:
            assert error.path and error.rule
        return
    schedule = build_schedule(terms)
    assert schedule.periods[-1].closing_balance == ZERO
