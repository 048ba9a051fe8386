"""Day counts against hand-worked ISDA examples."""

from __future__ import annotations

from datetime import date

import pytest

from greendesk.domain.daycount import DayCount


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 1, 15), date(2025, 2, 15), 30),
        (date(2025, 1, 31), date(2025, 2, 28), 28),  # D1 31→30, D2 28: 30 + (28 − 30)
        (date(2025, 1, 30), date(2025, 3, 31), 60),  # D1 30 so D2 31→30
        (date(2025, 2, 28), date(2025, 3, 31), 33),  # D1 28 so D2 stays 31
        (date(2024, 12, 31), date(2025, 12, 31), 360),
        (date(2025, 3, 20), date(2045, 3, 20), 7200),
    ],
)
def test_thirty_360_bond_basis(start: date, end: date, expected: int) -> None:
    assert DayCount.THIRTY_360.days(start, end) == expected
    assert DayCount.THIRTY_360.basis == 360


def test_actual_counts_and_bases() -> None:
    assert DayCount.ACT_360.days(date(2024, 2, 1), date(2024, 3, 1)) == 29
    assert DayCount.ACT_365F.days(date(2024, 1, 1), date(2025, 1, 1)) == 366
    assert DayCount.ACT_360.basis == 360
    assert DayCount.ACT_365F.basis == 365
