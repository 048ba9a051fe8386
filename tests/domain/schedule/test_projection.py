"""Projected CN holidays: statutory days against an independent library, the bridging rule
against the official years it was calibrated on, and a 2025–2045 loan built without options.

The code takes lunar dates and the Qingming solar term from ``sxtwl`` (astronomical); the
oracle here is python-holidays, whose China class reads precomputed lunisolar tables and a
solar-term threshold table: a different source, so agreement is evidence, not a tautology.
(They agree from 2027 to 2099; for 2100 python-holidays' threshold table puts Qingming on
4 April while the term falls at 00:43 Beijing time on 5 April, which is sxtwl's date.)
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import holidays
import pytest

from greendesk.domain.calendar import (
    Basis,
    BeyondCoverage,
    ChinaCalendar,
    OfficialYear,
    cn_holiday_data,
    merge_official,
    projected_closed,
)
from greendesk.domain.cn_projection import (
    PROJECTION_RULE,
    projected_days_off,
    qingming,
    statutory_days,
)
from greendesk.domain.schedule import build_schedule, parse_terms, schedule_to_json

FIRST_PROJECTED = cn_holiday_data().last_year + 1


def _days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


def _oracle_statutory(year: int) -> set[date]:
    """python-holidays' statutory days of ``year``: no observed days, no substitute days off."""
    table = holidays.China(years=year, observed=False, language="en_US")
    return {day for day, name in table.items() if not name.startswith("Day off")}


def test_first_projected_year_is_2027_because_no_2027_notice_is_shipped() -> None:
    # chinesecalendar 1.11.0 (the newest release) stops at 2026, like the shipped data
    assert FIRST_PROJECTED == 2027
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(2027, 3, 1))


@pytest.mark.parametrize("year", range(2027, 2061))
def test_projected_statutory_days_match_an_independent_lunisolar_source(year: int) -> None:
    ours = statutory_days(year)
    assert len(ours.days) == 13  # 1 + 4 + 1 + 2 + 1 + 1 + 3 days of the 2024 amendment
    assert ours.dates() == _oracle_statutory(year)


def test_spring_festival_starts_on_new_years_eve_and_qingming_is_the_solar_term() -> None:
    days = dict(statutory_days(2027).days)
    assert days[date(2027, 2, 5)] == "春节（除夕）"  # eve of the year of the goat, 2027-02-06
    assert [d for d, n in statutory_days(2027).days if n == "春节"] == [
        date(2027, 2, 6),
        date(2027, 2, 7),
        date(2027, 2, 8),
    ]
    assert qingming(2027) == date(2027, 4, 5)
    assert qingming(2100) == date(2100, 4, 5)


@pytest.mark.parametrize("year", [2025, 2026])
def test_bridging_rule_reproduces_the_official_closed_weekdays_it_was_calibrated_on(
    year: int,
) -> None:
    """The first two notices under the 2024 amendment: the rule closes exactly their weekdays."""
    projected = {d for y in (year, year + 1) for d, _ in projected_days_off(y) if d.year == year}
    ours = {d for d in projected if d.weekday() < 5}
    official = {d for d in _days_of(year) if d.weekday() < 5 and not chinese_calendar.is_workday(d)}
    assert ours == official


@pytest.mark.parametrize("year", [2027, 2031, 2045, 2060, 2099, 2100])
def test_projected_years_close_every_statutory_day_and_every_weekend(year: int) -> None:
    cal = ChinaCalendar()
    assert cal.basis(date(year, 6, 1)) is Basis.PROJECTED
    for day in statutory_days(year).dates():
        assert not cal.is_business_day(day), day
    for day in _days_of(year):
        if day.weekday() >= 5:
            assert not cal.is_business_day(day), day
    # never "weekends only": some weekday of the year is closed
    assert any(d.weekday() < 5 and not cal.is_business_day(d) for d in _days_of(year))


def test_bridge_and_substitute_days_follow_the_stated_rule() -> None:
    closed_2027 = projected_closed(2027)
    # Dragon Boat 2027-06-09 is a Wednesday: no bridge; Mid-Autumn 2027-09-15 a Wednesday too
    assert date(2027, 6, 9) in closed_2027
    assert date(2027, 6, 8) not in closed_2027 and date(2027, 6, 10) not in closed_2027
    # Spring Festival 2027: 8 days from the eve (Fri 5 Feb to Fri 12 Feb)
    assert {date(2027, 2, 5) + timedelta(days=i) for i in range(8)} <= closed_2027
    assert date(2027, 2, 15) not in closed_2027
    # Qingming 2028-04-04 is a Tuesday: Monday 3 April is the bridge day
    assert qingming(2028) == date(2028, 4, 4)
    assert date(2028, 4, 3) in projected_closed(2028)
    # New Year's Day 2030 is a Tuesday: the bridge day is 31 December 2029, in 2029
    assert date(2030, 1, 1).weekday() == 1
    assert date(2029, 12, 31) in projected_closed(2029)
    # Labour Day block 1–5 May
    assert {date(2027, 5, d) for d in range(1, 6)} <= closed_2027


def test_projected_day_in_an_official_year_is_ignored() -> None:
    """A 2027 notice loaded: 2027 is official, its days only; projection starts in 2028."""
    shipped = cn_holiday_data()
    notice = OfficialYear(2027, frozenset({date(2027, 1, 1)}), frozenset(), "test notice")
    data = merge_official(shipped, [notice])
    cal = ChinaCalendar(data)
    assert cal.basis(date(2027, 6, 9)) is Basis.OFFICIAL
    assert cal.is_business_day(date(2027, 6, 9))  # the notice (in this test) leaves it open
    assert cal.basis(date(2028, 1, 1)) is Basis.PROJECTED
    assert cal.stamp().official_through == 2027
    assert cal.stamp().version != ChinaCalendar().stamp().version


LOAN_2025_2045 = {
    "amount": "500000000.00",
    "start_date": "2025-03-20",
    "term_months": 240,
    "frequency": "monthly",
    "method": "annuity",
    "rate": {"annual": "0.0335"},
    "calendar": "CN",
}


def test_a_2025_to_2045_cn_loan_builds_without_options_and_flags_projected_years() -> None:
    schedule = build_schedule(parse_terms(LOAN_2025_2045))
    assert len(schedule.periods) == 240
    oracle = set().union(*(_oracle_statutory(y) for y in range(2027, 2046)))
    for p in schedule.periods:
        year = p.payment_date.year
        expected = Basis.OFFICIAL if max(year, p.end.year) < FIRST_PROJECTED else Basis.PROJECTED
        assert p.calendar_basis is expected, p
        if p.calendar_basis is Basis.PROJECTED:
            assert p.payment_date.weekday() < 5, p
            assert p.payment_date not in oracle, p
        else:
            assert chinese_calendar.is_workday(p.payment_date), p
    data = schedule_to_json(schedule)
    assert data["calendar"]["official_through"] == 2026
    assert data["calendar"]["projection_rule"] == PROJECTION_RULE
    assert data["calendar"]["projected_years"] == list(range(2027, 2046))
    assert data["periods"][0]["calendar_basis"] == "official"
    assert data["periods"][-1]["calendar_basis"] == "projected"
    # 2027-02-20 is a Saturday; the projected Spring Festival ends on the 12th, so Monday 22nd
    assert schedule.periods[22].end == date(2027, 2, 20)
    assert schedule.periods[22].payment_date == date(2027, 2, 22)


def test_weekends_option_keeps_the_old_behaviour() -> None:
    first_of_month = {**LOAN_2025_2045, "start_date": "2025-04-01"}
    terms = parse_terms({**first_of_month, "calendar_beyond_coverage": "weekends"})
    assert terms.calendar_beyond_coverage is BeyondCoverage.WEEKENDS
    weekends = build_schedule(terms)
    projected = build_schedule(parse_terms(first_of_month))
    late = [p for p in weekends.periods if p.payment_date.year >= FIRST_PROJECTED]
    assert {p.calendar_basis for p in late} == {Basis.WEEKENDS}
    assert weekends.calendar.projection_rule is None
    # 2027-10-01 (Friday, National Day) is an ordinary business day on weekends only ...
    oct_2027 = next(p for p in late if p.end == date(2027, 10, 1))
    assert oct_2027.payment_date == date(2027, 10, 1)
    # ... and the projection moves it past the National Day week
    assert projected.periods[oct_2027.no - 1].payment_date == date(2027, 10, 8)
    on_holiday = [p for p in late if p.payment_date in _oracle_statutory(p.payment_date.year)]
    assert len(on_holiday) > 10
    assert all(projected.periods[p.no - 1].payment_date != p.payment_date for p in on_holiday)


def test_a_loan_before_the_first_official_year_is_refused_with_its_own_advice() -> None:
    from greendesk.domain.errors import InvalidInput

    early = {**LOAN_2025_2045, "start_date": "2013-06-20", "term_months": 36}
    with pytest.raises(InvalidInput) as info:
        parse_terms(early)
    (error,) = info.value.errors
    assert error.path == "calendar"
    assert error.rule.startswith("CN holiday data starts in 2015 and a payment date needs 2013")
    weekends = build_schedule(parse_terms({**early, "calendar_beyond_coverage": "weekends"}))
    assert weekends.periods[0].calendar_basis is Basis.WEEKENDS
