"""The credit memo says which calendar its dates use and marks the projected years."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select

from greendesk.domain.roles import Principal, Role
from greendesk.reporting.memo import render_memo_bytes
from greendesk.services import calendar as desk_calendar
from greendesk.services.reports import memo_data
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import User

NOTICE = Path(__file__).parent.parent / "data" / "calendar" / "notice_2027_test.csv"
LONG_LOAN = "GS-YM-2026-001"  # 20 years from December 2026


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    seed_demo(database)
    yield database
    database.dispose()


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_memo_marks_projected_years_and_names_the_calendar_version(db: Database) -> None:
    data = memo_data(db, LONG_LOAN, "en")
    assert data.calendar.official_through == 2026
    assert list(data.calendar.projected_years) == list(range(2027, 2047))
    assert all(p.projected == (p.payment_date.year >= 2027) for p in data.periods)
    text = _text(render_memo_bytes(data, "en"))
    assert "official holidays through 2026" in text
    assert "2027*" in text and "2026*" not in text
    assert "Years marked * (2027–2046)" in text
    assert data.calendar.version in text.replace("\n", "")


def test_after_the_2027_notice_the_memo_stops_marking_2027(db: Database) -> None:
    with db.session() as session:
        user = session.scalar(select(User).where(User.role == "admin"))
        assert user is not None
        admin = Principal(user.id, user.username, user.display_name, Role.ADMIN)
    before = memo_data(db, LONG_LOAN, "zh").calendar.version
    desk_calendar.import_year(db, admin, NOTICE.read_bytes(), NOTICE.name)
    data = memo_data(db, LONG_LOAN, "zh")
    assert data.calendar.official_through == 2027
    assert data.calendar.version != before
    assert list(data.calendar.projected_years) == list(range(2028, 2047))
    text = _text(render_memo_bytes(data, "zh"))
    assert "2027*" not in text and "2028*" in text
    assert "官方节假日至2027年" in "".join(text.split())
