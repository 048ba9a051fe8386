"""A seeded demo database per test, copied from one seeded file (seeding once is the slow part)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from greendesk.domain.roles import Principal, Role
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database

FOOTPRINT = "XJ-CJ-2024-004"  # the seeded 50,000,000.00 carbon-footprint-linked loan
KPI = "多晶硅产品碳足迹"

OFFICER = Principal(1, "officer", "客户经理", Role.OFFICER)  # the officer of record
CHECKER = Principal(2, "reviewer1", "复核人", Role.REVIEWER)
ADMIN = Principal(5, "admin", "管理员", Role.ADMIN)


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kpi-seed") / "seeded.db"
    db = open_database(f"sqlite:///{path}")
    try:
        seed_demo(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def db(seeded_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "desk.db"
    shutil.copyfile(seeded_file, path)
    database = open_database(f"sqlite:///{path}")
    try:
        yield database
    finally:
        database.dispose()
