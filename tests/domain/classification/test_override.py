"""An officer may override the primary class only with a written reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from greendesk.domain.classification import apply_override, check_override, classify, parse_facts
from greendesk.domain.errors import InvalidInput

Case = Callable[[str], dict[str, Any]]
CLASSES = "green, transition, carbon_linked, conventional"


def test_override_with_reason_keeps_engine_result(case: Case) -> None:
    result = classify(parse_facts(case("thermal_power_without_plan")))
    reason = "贷审会认定：已提交经第三方评估的转型方案，待系统录入"
    changed = apply_override(result, "transition", reason, by="officer.li")
    assert changed.primary == "transition"
    assert changed.override is not None
    assert changed.override.engine_primary == "conventional"
    assert changed.override.reason == reason
    # the findings that led to the engine's answer stay on the record
    assert changed.flags == result.flags
    assert changed.to_json()["override"]["by"] == "officer.li"


def test_override_twice_remembers_the_engine_answer(case: Case) -> None:
    result = classify(parse_facts(case("conventional_working_capital")))
    once = apply_override(result, "green", "proceeds re-documented as PV plant")
    twice = apply_override(once, "carbon_linked", "KPI annex signed on 2024-06-01")
    assert twice.override is not None and twice.override.engine_primary == "conventional"


@pytest.mark.parametrize(
    ("primary", "reason", "expected"),
    [
        ("green", "", ["override.reason: required: an override needs a written reason"]),
        ("green", "   ", ["override.reason: required: an override needs a written reason"]),
        ("green", "ok", ["override.reason: too short: write at least 10 characters"]),
        ("blue", "a long enough written reason", [f"override.primary: must be one of {CLASSES}"]),
    ],
)
def test_override_without_a_proper_reason_is_refused(
    case: Case, primary: str, reason: str, expected: list[str]
) -> None:
    result = classify(parse_facts(case("conventional_working_capital")))
    assert check_override(primary, reason) == expected
    with pytest.raises(InvalidInput) as info:
        apply_override(result, primary, reason)
    assert [str(e) for e in info.value.errors] == expected
