"""The CN calendar against the independent ``chinesecalendar`` package, day by day."""

from __future__ import annotations

import json
from datetime import date, timedelta

import chinese_calendar
import pytest

from greendesk.domain.calendar import (
    Basis,
    BeyondCoverage,
    BusinessDay,
    CalendarCoverageError,
    ChinaCalendar,
    NoCalendar,
    cn_holiday_data,
    get_calendar,
)
from greendesk.paths import resources_dir

DATA_FILE = resources_dir() / "calendars" / "cn_holidays.json"


def _days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


def test_file_states_its_covered_years_and_they_include_2019_to_2026() -> None:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    years = raw["covered_years"]
    assert set(range(2019, 2027)) <= set(years)
    assert sorted(years) == list(range(min(years), max(years) + 1))
    assert {entry["year"] for entry in raw["years"]} == set(years)


@pytest.mark.parametrize("year", sorted(cn_holiday_data().years))
def test_every_day_of_each_covered_year_matches_chinesecalendar(year: int) -> None:
    cal = ChinaCalendar()
    mismatches = [
        day
        for day in _days_of(year)
        if cal.is_business_day(day) != chinese_calendar.is_workday(day)
    ]
    assert mismatches == []


@pytest.mark.parametrize("year", sorted(cn_holiday_data().years))
def test_holiday_and_adjusted_working_day_sets_match_chinesecalendar(year: int) -> None:
    data = cn_holiday_data()
    ours_holidays = {d for d in data.holidays if d.year == year}
    ours_working = {d for d in data.working_days if d.year == year}
    theirs_holidays = {d for d in _days_of(year) if chinese_calendar.is_holiday(d)}
    weekend_holidays = {d for d in theirs_holidays if d.weekday() >= 5}
    # chinesecalendar counts every weekend as a holiday; ours lists only official holiday blocks
    assert ours_holidays - theirs_holidays == set()
    assert theirs_holidays - weekend_holidays <= ours_holidays
    theirs_working = {
        d for d in _days_of(year) if d.weekday() >= 5 and chinese_calendar.is_workday(d)
    }
    assert ours_working == theirs_working


def test_adjusted_working_sunday_is_a_business_day_and_national_day_is_not() -> None:
    cal = ChinaCalendar()
    assert date(2025, 9, 28).weekday() == 6
    assert cal.is_business_day(date(2025, 9, 28))
    assert not cal.is_business_day(date(2025, 10, 3))
    assert not cal.is_business_day(date(2025, 10, 8))
    assert cal.is_business_day(date(2025, 10, 9))


def _next_workday(day: date, step: int) -> date:
    while not chinese_calendar.is_workday(day):
        day += timedelta(days=step)
    return day


@pytest.mark.parametrize("year", [2020, 2023, 2025, 2026])
def test_business_day_rules_agree_with_chinesecalendar_oracle(year: int) -> None:
    cal = ChinaCalendar()
    for day in _days_of(year)[10:-10]:
        following = _next_workday(day, 1)
        preceding = _next_workday(day, -1)
        modified = following if following.month == day.month else preceding
        assert cal.adjust(day, BusinessDay.FOLLOWING) == following
        assert cal.adjust(day, BusinessDay.PRECEDING) == preceding
        assert cal.adjust(day, BusinessDay.MODIFIED_FOLLOWING) == modified
        assert cal.adjust(day, BusinessDay.UNADJUSTED) == day


def test_error_mode_refuses_dates_outside_the_official_years() -> None:
    data = cn_holiday_data()
    cal = ChinaCalendar(beyond=BeyondCoverage.ERROR)
    after = date(data.last_year + 1, 3, 2)
    before = date(data.first_year - 1, 3, 2)
    for day in (after, before):
        with pytest.raises(CalendarCoverageError) as info:
            cal.is_business_day(day)
        assert f"{data.first_year}–{data.last_year}" in str(info.value)


def test_default_mode_projects_later_years_but_refuses_earlier_and_past_2100() -> None:
    data = cn_holiday_data()
    cal = ChinaCalendar()
    assert cal.basis(date(data.last_year + 1, 3, 2)) is Basis.PROJECTED
    assert cal.basis(date(2100, 12, 31)) is Basis.PROJECTED
    assert cal.basis(date(data.last_year, 3, 2)) is Basis.OFFICIAL
    for day in (date(data.first_year - 1, 3, 2), date(2101, 1, 3)):
        with pytest.raises(CalendarCoverageError):
            cal.is_business_day(day)


def test_weekends_mode_rolls_only_over_weekends_after_coverage() -> None:
    data = cn_holiday_data()
    cal = get_calendar("CN", BeyondCoverage.WEEKENDS)
    year = data.last_year + 1
    new_year = date(year, 1, 1)
    saturday = next(d for d in _days_of(year) if d.weekday() == 5)
    assert cal.is_business_day(new_year) == (new_year.weekday() < 5)
    assert not cal.is_business_day(saturday)
    assert cal.adjust(saturday, BusinessDay.FOLLOWING) == saturday + timedelta(days=2)


def test_none_calendar_never_moves_a_date() -> None:
    cal = NoCalendar()
    for day in _days_of(2025):
        assert cal.adjust(day, BusinessDay.FOLLOWING) == day


def test_unknown_calendar_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown calendar"):
        get_calendar("US")
