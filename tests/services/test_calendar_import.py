"""Loading a State Council notice into the desk: the year's days, the loans re-derived, the trail.

The demo portfolio is seeded into a real database; a made-up 2027 notice
(``tests/data/calendar/notice_2027_test.csv``) that differs from the projection is loaded. The
expected payment dates are worked out here from the file's own rows and modified following,
not by the calendar code under test; the audit trail is read back from the database.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from greendesk.domain.calendar import Basis, ChinaCalendar
from greendesk.domain.calendar_file import CalendarFileError, parse_calendar_file
from greendesk.domain.errors import UserError
from greendesk.domain.roles import Principal, Role
from greendesk.domain.schedule import Schedule
from greendesk.services import calendar as desk_calendar
from greendesk.services.seeding import seed_demo
from greendesk.services.terms import loan_schedule
from greendesk.store.database import Database, open_database
from greendesk.store.models import AuditEvent, Loan, LoanScheduleCalendar, User

NOTICE = Path(__file__).parent.parent / "data" / "calendar" / "notice_2027_test.csv"
BEFORE_2027 = date(2026, 12, 1)  # nothing of 2027 is paid yet
SHIPPED = ChinaCalendar()  # shipped official years, then projected: the desk before the load


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    seed_demo(database)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    seed_demo(database)
    yield database
    database.dispose()


def _user(db: Database, role: Role) -> Principal:
    with db.session() as session:
        user = session.scalar(select(User).where(User.role == role.value))
        assert user is not None
        return Principal(user.id, user.username, user.display_name, role)


def _schedules(db: Database) -> dict[str, Schedule]:
    with db.session() as session:
        loans = [(loan.id, loan.reference) for loan in session.scalars(select(Loan))]
    return {ref: loan_schedule(db, loan_id) for loan_id, ref in loans}


def _notice_sets() -> tuple[set[date], set[date]]:
    with NOTICE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    holidays = {date.fromisoformat(r["date"]) for r in rows if r["kind"] == "holiday"}
    workdays = {date.fromisoformat(r["date"]) for r in rows if r["kind"] == "workday"}
    return holidays, workdays


def _expected_date(end: date, old_date: date, holidays: set[date], workdays: set[date]) -> date:
    """Modified following with the notice's own rows for 2027 days (others unchanged)."""
    touches = {end.year, old_date.year}
    if 2027 not in touches:
        return old_date

    def is_open(day: date) -> bool:
        if day.year != 2027:  # outside the notice: the calendar before the load stands
            return SHIPPED.is_business_day(day)
        return day in workdays or (day.weekday() < 5 and day not in holidays)

    day = end
    while not is_open(day):
        day += timedelta(days=1)
    if day.month != end.month:
        day = end
        while not is_open(day):
            day -= timedelta(days=1)
    return day


def _events(db: Database, action: str) -> list[AuditEvent]:
    with db.session() as session:
        query = select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
        return list(session.scalars(query))


def test_importing_2027_changes_exactly_the_dates_the_file_moves(db: Database) -> None:
    admin = _user(db, Role.ADMIN)
    before = _schedules(db)
    holidays, workdays = _notice_sets()
    result = desk_calendar.import_year(
        db, admin, NOTICE.read_bytes(), NOTICE.name, as_of=BEFORE_2027
    )
    after = _schedules(db)
    assert result.year == 2027 and not result.replaced
    assert (result.holidays, result.workdays) == (len(holidays), len(workdays))

    moved_dates: dict[str, set[int]] = {}
    for ref, old in before.items():
        new = after[ref]
        for o, n in zip(old.periods, new.periods, strict=True):
            assert n.payment_date == _expected_date(o.end, o.payment_date, holidays, workdays), (
                ref,
                o.no,
            )
            if n.payment_date != o.payment_date:
                moved_dates.setdefault(ref, set()).add(o.no)
            if 2027 in (n.end.year, n.payment_date.year):
                assert n.calendar_basis is Basis.OFFICIAL
        assert new.calendar.official_through == 2027
    # the made-up notice does move dates: Mid-Autumn 15–17 Sep with Saturday 18 Sep worked ...
    assert after["GS-YM-2026-001"].periods[2].payment_date == date(2027, 9, 18)
    assert before["GS-YM-2026-001"].periods[2].payment_date == date(2027, 9, 16)
    # ... and a 7-day Spring Festival reopens Friday 12 February
    assert after["XJ-CJ-2026-006"].periods[9].payment_date == date(2027, 2, 12)
    assert before["XJ-CJ-2026-006"].periods[9].payment_date == date(2027, 2, 15)

    reported = {loan.reference: loan for loan in result.moved}
    for ref, nos in moved_dates.items():
        assert {p.no for p in reported[ref].moved} >= nos
    for ref, loan in reported.items():
        old, new = before[ref], after[ref]
        for p in loan.moved:
            assert (p.old_date, p.new_date) == (
                old.periods[p.no - 1].payment_date,
                new.periods[p.no - 1].payment_date,
            )
            assert (p.old_interest, p.new_interest) == (
                old.periods[p.no - 1].interest,
                new.periods[p.no - 1].interest,
            )
        unlisted = {o.no for o, n in zip(old.periods, new.periods, strict=True)} - {
            p.no for p in loan.moved
        }
        for no in unlisted:
            assert old.periods[no - 1].payment_date == new.periods[no - 1].payment_date
            assert old.periods[no - 1].interest == new.periods[no - 1].interest

    # the trail: one event for the year, one per loan dated in 2027, naming what moved
    (year_event,) = _events(db, "calendar.import")
    assert year_event.entity_type == "calendar" and year_event.entity_id == "2027"
    assert year_event.actor == admin.username
    loan_events = _events(db, "loan.calendar_rederive")
    dated_2027 = {
        ref
        for ref, s in before.items()
        if any(2027 in (p.end.year, p.payment_date.year) for p in s.periods)
    }
    with db.session() as session:
        refs = {l.id: l.reference for l in session.scalars(select(Loan))}  # noqa: E741
    assert sorted(refs[int(e.entity_id or 0)] for e in loan_events) == sorted(dated_2027)
    assert result.rederived == len(dated_2027)
    for event in loan_events:
        ref = refs[int(event.entity_id or 0)]
        after_json = json.loads(event.after_json or "{}")
        listed = {p["no"] for p in after_json["periods"]}
        assert listed == ({p.no for p in reported[ref].moved} if ref in reported else set())
        assert after_json["calendar_version"] == after[ref].calendar.version
        assert json.loads(event.before_json or "{}")["calendar_version"] == (
            before[ref].calendar.version
        )
    # each re-derived loan stores the calendar its schedule now uses
    with db.session() as session:
        stamps = {s.loan_id: s for s in session.scalars(select(LoanScheduleCalendar))}
    for loan_id, ref in refs.items():
        if ref in dated_2027:
            assert stamps[loan_id].calendar_version == after[ref].calendar.version
            assert stamps[loan_id].official_through == 2027


def test_paid_periods_of_a_disbursed_loan_keep_their_dates(sqlite_db: Database) -> None:
    admin = _user(sqlite_db, Role.ADMIN)
    before = _schedules(sqlite_db)["XJ-CJ-2026-006"]  # disbursed, monthly, ends April 2027
    result = desk_calendar.import_year(
        sqlite_db, admin, NOTICE.read_bytes(), NOTICE.name, as_of=date(2027, 3, 1)
    )
    after = _schedules(sqlite_db)["XJ-CJ-2026-006"]

    # period 10 (10 Feb 2027, paid on 15 Feb) would move to 12 Feb: it stays, and so does
    # everything after it, because the next accrual starts from the date really paid
    def figures(s: Schedule) -> list[tuple[object, ...]]:
        return [(p.payment_date, p.interest, p.principal, p.payment) for p in s.periods]

    assert figures(after) == figures(before)
    assert after.periods[9].calendar_basis is Basis.OFFICIAL  # 2027 is official now
    (loan,) = [r for r in result.moved if r.reference == "XJ-CJ-2026-006"]
    assert loan.kept == (10,) and loan.moved == ()
    # an approved, not yet disbursed loan has nothing paid: its dates move as of any day
    assert _schedules(sqlite_db)["GS-YM-2026-001"].periods[2].payment_date == date(2027, 9, 18)
    with sqlite_db.session() as session:
        loan_id = session.scalar(select(Loan.id).where(Loan.reference == "XJ-CJ-2026-006"))
        stamp = session.get(LoanScheduleCalendar, loan_id)
        assert stamp is not None and stamp.kept_dates == {"10": "2027-02-15"}


def test_a_year_already_official_needs_replace_and_replace_moves_dates_again(
    sqlite_db: Database, tmp_path: Path
) -> None:
    admin = _user(sqlite_db, Role.ADMIN)
    desk_calendar.import_year(sqlite_db, admin, NOTICE.read_bytes(), NOTICE.name)
    with pytest.raises(UserError, match=r"year: 2027 is already official .*--replace"):
        desk_calendar.import_year(sqlite_db, admin, NOTICE.read_bytes(), NOTICE.name)
    with pytest.raises(UserError, match="year: 2026 is already official"):
        desk_calendar.import_year(
            sqlite_db, admin, b"date,kind,name\n2026-01-01,holiday,x\n", "x.csv"
        )
    # Mid-Autumn back to one day: the 15 September payment moves from Saturday 18 to Thursday 16
    text = NOTICE.read_text(encoding="utf-8")
    text = text.replace("2027-09-16,holiday,中秋节\n2027-09-17,holiday,中秋节\n", "")
    text = text.replace("2027-09-18,workday,中秋节调休上班\n", "")
    corrected = tmp_path / "corrected.csv"
    corrected.write_text(text, encoding="utf-8")
    result = desk_calendar.import_year(
        sqlite_db, admin, corrected.read_bytes(), corrected.name, replace=True
    )
    assert result.replaced
    assert _schedules(sqlite_db)["GS-YM-2026-001"].periods[2].payment_date == date(2027, 9, 16)
    (event,) = _events(sqlite_db, "calendar.replace")
    assert "2027-09-17" in json.loads(event.before_json or "{}")["holidays"]
    assert "2027-09-17" not in json.loads(event.after_json or "{}")["holidays"]
    view = desk_calendar.show_year(sqlite_db, 2027)
    assert view.basis == "official" and "corrected.csv" in view.source
    assert desk_calendar.show_year(sqlite_db, 2028).basis == "projected"


def test_only_an_administrator_loads_a_notice_and_a_gap_is_refused(sqlite_db: Database) -> None:
    officer = _user(sqlite_db, Role.OFFICER)
    with pytest.raises(UserError):
        desk_calendar.import_year(sqlite_db, officer, NOTICE.read_bytes(), NOTICE.name)
    admin = _user(sqlite_db, Role.ADMIN)
    with pytest.raises(UserError, match=r"year: 2029 would leave a gap.*load 2027 first"):
        desk_calendar.import_year(
            sqlite_db, admin, b"date,kind,name\n2029-01-01,holiday,x\n", "x.csv"
        )
    assert _events(sqlite_db, "calendar.import") == []
    assert desk_calendar.show_year(sqlite_db, 2027).basis == "projected"


def _bad(data: str) -> list[str]:
    with pytest.raises(CalendarFileError) as info:
        parse_calendar_file(data.encode("utf-8"), "bad.csv")
    return info.value.problems


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (
            "2027-02-06,holiday,春节\n2027-02-06,workday,x\n",
            "line 3: 2027-02-06 is already listed on line 2 (as holiday)",
        ),
        ("2027-01-01,holiday,元旦\n2027-02-06,rest,春节\n", "line 3: kind 'rest' must be"),
        (
            "2027-01-01,holiday,元旦\n2027-02-08,workday,x\n",
            "line 3: 2027-02-08 is a Monday; a workday (调休) must be a Saturday or Sunday",
        ),
        ("2027-01-01,holiday,元旦\n2026-12-31,holiday,x\n", "line 3: 2026-12-31 is outside 2027"),
        ("2027-01-01,holiday,元旦\n2027-02-30,holiday,x\n", "line 3: date '2027-02-30' is not"),
        ("2027-01-01,holiday,元\x07旦\n", "line 2: name contains control characters"),
        ("2027-02-06,workday,x\n", "the file lists no holiday for 2027"),
    ],
)
def test_bad_csv_files_are_refused_naming_the_line(rows: str, problem: str) -> None:
    problems = _bad("date,kind,name\n" + rows)
    assert any(p.startswith(problem) for p in problems), problems


def test_bad_json_files_name_the_line_too_and_nothing_is_saved(sqlite_db: Database) -> None:
    text = (
        '{\n  "year": 2027,\n  "notice": "test",\n  "days": [\n'
        '    {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},\n'
        '    {"date": "2028-01-01", "kind": "holiday", "name": "x"},\n'
        '    {"date": "2027-01-09", "kind": "workday", "name": "y"}\n  ]\n}\n'
    )
    admin = _user(sqlite_db, Role.ADMIN)
    with pytest.raises(CalendarFileError) as info:
        desk_calendar.import_year(sqlite_db, admin, text.encode("utf-8"), "bad.json")
    assert info.value.problems == ["line 6: 2028-01-01 is outside 2027"]
    assert "bad.json: not loaded" in str(info.value)
    assert desk_calendar.show_year(sqlite_db, 2027).basis == "projected"
    for data, problem in [
        ("\ufeffdate,kind\n".encode(), "the file lists no day"),
        ("日期,类型\n2027-01-01,holiday\n".encode("gb18030"), "not UTF-8 text"),
        (b"", "the file is empty"),
        (b"date,type,name\n", "line 1: the header must be date,kind,name"),
        (b'{"days": [], "extra": 1}', "unknown field(s): extra"),
        (b'{"year": "2027", "days": []}', "year: must be a whole number"),
    ]:
        with pytest.raises(CalendarFileError) as info:
            parse_calendar_file(data, "f")
        assert any(p.startswith(problem) for p in info.value.problems), info.value.problems


def test_every_seeded_loan_stores_the_calendar_its_schedule_uses(sqlite_db: Database) -> None:
    schedules = _schedules(sqlite_db)
    with sqlite_db.session() as session:
        refs = {loan.id: loan.reference for loan in session.scalars(select(Loan))}
        stamps = {s.loan_id: s for s in session.scalars(select(LoanScheduleCalendar))}
    assert set(stamps) == set(refs)
    for loan_id, ref in refs.items():
        stamp, schedule = stamps[loan_id], schedules[ref]
        assert stamp.calendar_version == schedule.calendar.version
        assert stamp.official_through == 2026
        assert stamp.projection_rule == "2024-amendment/r1"
        assert stamp.projected_years == schedule.projected_years()
        assert stamp.kept_dates == {}


def test_saving_a_loan_through_the_service_stores_its_calendar(sqlite_db: Database) -> None:
    from dataclasses import replace

    from greendesk.services.records import borrowers, loans
    from tests.services.records import builders

    officer = _user(sqlite_db, Role.OFFICER)
    owner = borrowers.create_borrower(sqlite_db, officer, builders.borrower(901))
    record = loans.create_loan(sqlite_db, officer, builders.loan(owner.id))  # 2025 + 15 years
    with sqlite_db.session() as session:
        stamp = session.get(LoanScheduleCalendar, record.id)
        assert stamp is not None and stamp.derived_by == officer.username
        assert stamp.projected_years == list(range(2027, 2041))
    # a later edit that shortens the loan to 2030 stamps the new schedule's years
    shorter = replace(builders.loan(owner.id), term_months="60")
    loans.update_loan_terms(sqlite_db, officer, record.id, shorter, expected_version=record.version)
    with sqlite_db.session() as session:
        stamp = session.get(LoanScheduleCalendar, record.id)
        assert stamp is not None and stamp.projected_years == list(range(2027, 2031))
