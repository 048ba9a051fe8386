"""KPI alerts in the collateral alerts' style: kind, figures, and the wording in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from greendesk.domain.kpi.ratchet import due_soon, grace_deadline, overdue


@dataclass(frozen=True)
class KpiAlert:
    kind: str  # "kpi_test_due" or "kpi_test_overdue"
    severity: str  # "warning" or "info"
    kpi: str
    test_date: date
    deadline: date
    days: int  # days to the test date (due) or since the deadline (overdue)
    zh: str
    en: str

    def in_lang(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def test_alert(
    kpi: str,
    test_date: date,
    *,
    has_observation: bool,
    decided: bool,
    today: date,
    grace_days: int,
    due_days: int,
) -> KpiAlert | None:
    """The alert one undecided test raises today, if any.

    Due: the test date is within ``due_days`` and nothing has been observed. Overdue: the grace
    period ended with no verified observation, so the test counts as missed once reviewed.
    """
    if decided:
        return None
    deadline = grace_deadline(test_date, grace_days)
    if overdue(test_date, grace_days, today):
        late = (today - deadline).days
        return KpiAlert(
            "kpi_test_overdue", "warning", kpi, test_date, deadline, late,
            f"KPI「{kpi}」测试日 {test_date} 已过宽限期（{deadline}）仍无经核查的观测值，"
            "视同未达标，利率上调",
            f"KPI '{kpi}' test date {test_date}: no verified observation by the end of the grace "
            f"period ({deadline}); treated as missed (step-up)",
        )  # fmt: skip
    if not has_observation and due_soon(test_date, today, due_days):
        left = (test_date - today).days
        return KpiAlert(
            "kpi_test_due", "info", kpi, test_date, deadline, left,
            f"KPI「{kpi}」测试日 {test_date} 将在 {left} 天后到期，尚无观测值",
            f"KPI '{kpi}' test date {test_date} due in {left} days, no observation yet",
        )  # fmt: skip
    return None
