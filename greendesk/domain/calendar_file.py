"""The file an administrator loads when the State Council publishes a year's holidays.

Two spellings of one content, UTF-8:

- CSV with the header ``date,kind,name``, one day a line::

      date,kind,name
      2027-01-01,holiday,元旦
      2027-02-07,workday,春节调休上班

- JSON ``{"year": 2027, "notice": "国务院办公厅关于2027年部分节假日安排的通知",
  "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}, ...]}``.

``kind`` is ``holiday`` (a day off, weekends inside a holiday block may be listed or not) or
``workday`` (a Saturday or Sunday made a working day, 调休). The year is the JSON ``year``, or
the one given by the caller, or else the year of the first date. Refused, naming the line: a
date that is not YYYY-MM-DD or lies outside the year, an unknown kind, a workday that is not a
Saturday or Sunday, a date listed twice (the file would contradict itself), a name with control
characters or longer than 200 characters; and a file with no holiday at all.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date

from greendesk.domain.calendar import OfficialYear
from greendesk.domain.errors import UserError

KINDS = ("holiday", "workday")
NAME_LIMIT = 200
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class CalendarFileError(UserError):
    """The file breaks a rule; every broken rule is listed, each naming its line."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{source}: not loaded\n" + "\n".join(problems))


@dataclass(frozen=True)
class Row:
    line: int
    date: str
    kind: str
    name: str


def _csv_rows(text: str) -> list[Row]:
    reader = csv.reader(io.StringIO(text))
    rows: list[Row] = []
    header: list[str] | None = None
    for record in reader:
        line = reader.line_num
        if not record or all(not cell.strip() for cell in record):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in record]
            if (
                header[:2] != ["date", "kind"]
                or len(header) > 3
                or header[2:] not in ([], ["name"])
            ):
                raise ValueError(f"line {line}: the header must be date,kind,name")
            continue
        if len(record) > len(header):
            raise ValueError(f"line {line}: {len(record)} fields, the header has {len(header)}")
        cells = [*record, "", ""]
        rows.append(Row(line, cells[0].strip(), cells[1].strip(), cells[2].strip()))
    if header is None:
        raise ValueError("the file is empty (expected the header date,kind,name)")
    return rows


def _entry_lines(text: str, count: int) -> list[int]:
    """The line on which each object of the top-level ``days`` array starts."""
    found = re.search(r'"days"\s*:\s*\[', text)
    if found is None:
        return [0] * count
    decoder = json.JSONDecoder()
    pos, lines = found.end(), []
    for _ in range(count):
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        lines.append(text.count("\n", 0, pos) + 1)
        _, pos = decoder.raw_decode(text, pos)
    return lines


def _json_rows(text: str) -> tuple[list[Row], int | None, str]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("days"), list):
        raise ValueError('expected an object with a "days" list')
    unknown = sorted(set(data) - {"year", "notice", "days"})
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(unknown)}")
    year = data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise ValueError("year: must be a whole number such as 2027")
    notice = data.get("notice") or ""
    if not isinstance(notice, str):
        raise ValueError("notice: must be text")
    lines = _entry_lines(text, len(data["days"]))
    rows: list[Row] = []
    for i, (entry, line) in enumerate(zip(data["days"], lines, strict=True)):
        where = f"line {line} (days[{i}])"
        if not isinstance(entry, dict) or set(entry) - {"date", "kind", "name"}:
            raise ValueError(f"{where}: each day is an object with date, kind and name")
        values = [entry.get(key, "") for key in ("date", "kind", "name")]
        if not all(isinstance(v, str) for v in values):
            raise ValueError(f"{where}: date, kind and name must be text")
        rows.append(Row(line, *(v.strip() for v in values)))
    return rows, year, notice


def _check(rows: list[Row], year: int | None) -> tuple[int, list[str], dict[date, Row]]:
    problems: list[str] = []
    seen: dict[date, Row] = {}
    for row in rows:
        where = f"line {row.line}"
        try:
            day = date.fromisoformat(row.date)
            if len(row.date) != 10:
                raise ValueError
        except ValueError:
            problems.append(f"{where}: date {row.date!r} is not a YYYY-MM-DD date")
            continue
        if year is None:
            year = day.year
        if day.year != year:
            problems.append(f"{where}: {day.isoformat()} is outside {year}")
            continue
        if row.kind not in KINDS:
            problems.append(f"{where}: kind {row.kind!r} must be holiday or workday")
            continue
        if row.kind == "workday" and day.weekday() < 5:
            problems.append(
                f"{where}: {day.isoformat()} is a {_WEEKDAYS[day.weekday()]}; a workday (调休) "
                "must be a Saturday or Sunday"
            )
        if _CONTROL.search(row.name):
            problems.append(f"{where}: name contains control characters")
        elif len(row.name) > NAME_LIMIT:
            problems.append(f"{where}: name is longer than {NAME_LIMIT} characters")
        if day in seen:
            first = seen[day]
            problems.append(
                f"{where}: {day.isoformat()} is already listed on line {first.line} "
                f"(as {first.kind})"
            )
            continue
        seen[day] = row
    if year is None:
        problems.append("the file lists no day")
        year = 0
    elif not any(r.kind == "holiday" for r in seen.values()):
        problems.append(f"the file lists no holiday for {year}")
    return year, problems, seen


def parse_calendar_file(
    data: bytes, source: str, *, year: int | None = None, notice: str = ""
) -> OfficialYear:
    """The official year in ``data`` (CSV or JSON by content), or ``CalendarFileError``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CalendarFileError(
            source, [f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"]
        ) from None
    try:
        if text.lstrip().startswith("{"):
            rows, file_year, file_notice = _json_rows(text)
            if year is not None and file_year is not None and year != file_year:
                raise ValueError(f"year: the file says {file_year}, the command {year}")
            year = year if year is not None else file_year
            notice = notice or file_notice
        else:
            rows = _csv_rows(text)
    except ValueError as exc:
        raise CalendarFileError(source, [str(exc)]) from None
    the_year, problems, seen = _check(rows, year)
    if problems:
        raise CalendarFileError(source, problems)
    if not 1990 <= the_year <= 2100:
        raise CalendarFileError(source, [f"year {the_year} is outside 1990–2100"])
    holidays = frozenset(d for d, r in seen.items() if r.kind == "holiday")
    working = frozenset(d for d, r in seen.items() if r.kind == "workday")
    names = {d: r.name for d, r in seen.items() if r.name}
    return OfficialYear(the_year, holidays, working, notice.strip() or source, names)
