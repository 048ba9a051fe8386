"""The notice file format: the same content read from CSV and JSON, and its hostile variants."""

from __future__ import annotations

import json
from datetime import date

import pytest

from greendesk.domain.calendar_file import CalendarFileError, parse_calendar_file

CSV = (
    "date,kind,name\n"
    "2027-01-01,holiday,元旦\n"
    "2027-02-05,holiday,春节\n"
    "2027-02-20,workday,\n"
    "\n"
    "2027-10-01,holiday,国庆节\n"
)


def _json(days: list[dict[str, str]], **extra: object) -> bytes:
    return json.dumps({"year": 2027, "days": days, **extra}, ensure_ascii=False).encode()


def test_csv_and_json_of_one_notice_read_the_same() -> None:
    from_csv = parse_calendar_file(CSV.encode(), "n.csv", notice="2027年通知")
    days = [
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
        {"date": "2027-02-05", "kind": "holiday", "name": "春节"},
        {"date": "2027-02-20", "kind": "workday", "name": ""},
        {"date": "2027-10-01", "kind": "holiday", "name": "国庆节"},
    ]
    from_json = parse_calendar_file(_json(days, notice="2027年通知"), "n.json")
    assert from_csv == from_json
    assert from_csv.year == 2027 and from_csv.source == "2027年通知"
    assert from_csv.working_days == {date(2027, 2, 20)}
    assert len(from_csv.holidays) == 3
    assert from_csv.names[date(2027, 2, 5)] == "春节"


def test_bom_crlf_and_upper_case_header_are_read() -> None:
    text = "\ufeffDATE,Kind,Name\r\n2027-01-01,holiday,元旦\r\n"
    assert parse_calendar_file(text.encode(), "w.csv").holidays == {date(2027, 1, 1)}


def test_every_problem_is_listed_at_once() -> None:
    text = (
        "date,kind,name\n"
        "2027-01-01,holiday,元旦\n"
        "2027-01-01,holiday,元旦\n"  # line 3: twice
        "2027-01-04,workday,x\n"  # line 4: a Monday
        "2028-01-01,holiday,x\n"  # line 5: next year
        "2027-03-01,off,x\n"  # line 6: unknown kind
        "27-3-1,holiday,x\n"  # line 7: not ISO
        f"2027-03-02,holiday,{'名' * 201}\n"  # line 8: too long
    )
    with pytest.raises(CalendarFileError) as info:
        parse_calendar_file(text.encode(), "bad.csv")
    problems = info.value.problems
    assert [p.split(":")[0] for p in problems] == [f"line {n}" for n in (3, 4, 5, 6, 7, 8)]
    assert problems[0] == "line 3: 2027-01-01 is already listed on line 2 (as holiday)"
    with pytest.raises(CalendarFileError) as info:
        parse_calendar_file(text.encode() + b"2027-03-03,holiday,x,extra\n", "bad.csv")
    assert info.value.problems == ["line 9: 4 fields, the header has 3"]


def test_json_year_must_agree_with_the_command_and_the_dates() -> None:
    days = [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}]
    with pytest.raises(CalendarFileError, match="the file says 2027, the command 2028"):
        parse_calendar_file(_json(days), "n.json", year=2028)
    with pytest.raises(CalendarFileError, match=r"line 1: 2027-01-01 is outside 2030"):
        parse_calendar_file(json.dumps({"year": 2030, "days": days}).encode(), "n.json")
    for bad in (
        {"year": 2027, "days": [{"date": 20270101, "kind": "holiday"}]},
        {"year": 2027, "days": ["2027-01-01"]},
        {"year": True, "days": days},
        [days],
    ):
        with pytest.raises(CalendarFileError):
            parse_calendar_file(json.dumps(bad).encode(), "n.json")
