"""Fixtures for the interface tests: a seeded real SQLite file per test, users, the desk's look.

The demo portfolio is seeded once per session into a template file; each test gets its own copy
(SQLite's backup API), so tests can change data freely. Qt's offscreen platform prints one
warning for every top-level window it cannot size natively ("does not support
propagateSizeHints"); that line alone is ignored — every other Qt warning still fails a test.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import auth
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.ui.i18n import Translations
from greendesk.ui.resources import apply_look
from greendesk.ui.settings import Settings

if TYPE_CHECKING:
    from greendesk.ui.main_window import MainWindow

OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "seeded.db"
    db = open_database(f"sqlite:///{path}")
    try:
        seed_demo(db)
        auth.ensure_demo_users(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def db(seeded_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the seeded demo database, opened like the desk opens it."""
    target = tmp_path / "desk.db"
    source = sqlite3.connect(seeded_template)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    opened = open_database(f"sqlite:///{target}")
    try:
        yield opened
    finally:
        opened.dispose()


@pytest.fixture(scope="session")
def demo_principals(seeded_template: Path) -> dict[str, Principal]:
    """The demo users, logged in once through the auth service (ids equal in every copy)."""
    db = open_database(f"sqlite:///{seeded_template}")
    try:
        return {
            name: auth.authenticate(db, name, auth.DEMO_PASSWORD)
            for name in ("officer", "reviewer1", "admin")
        }
    finally:
        db.dispose()


@pytest.fixture
def officer(db: Database, demo_principals: dict[str, Principal]) -> Principal:
    return demo_principals["officer"]


@pytest.fixture
def reviewer(db: Database, demo_principals: dict[str, Principal]) -> Principal:
    return demo_principals["reviewer1"]


@pytest.fixture
def admin(db: Database, demo_principals: dict[str, Principal]) -> Principal:
    return demo_principals["admin"]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "greendesk.ini")


@pytest.fixture(scope="session")
def desk_translations(qapp: QApplication) -> Translations:
    """GreenDesk's look and translator, set up once (restyling every widget is costly)."""
    apply_look(qapp)
    translations = Translations(qapp)
    translations.use("zh_CN")
    return translations


@pytest.fixture
def desk_app(qapp: QApplication, desk_translations: Translations) -> Iterator[QApplication]:
    """The application with GreenDesk's look and the default (Chinese) translation."""
    if desk_translations.language != "zh_CN":
        desk_translations.use("zh_CN")
    yield qapp
    if desk_translations.language != "zh_CN":
        desk_translations.use("zh_CN")


@pytest.fixture
def desk_window(
    qtbot: QtBot, desk_app: QApplication, db: Database, officer: Principal, settings: Settings
) -> MainWindow:
    """The main window on the seeded desk, in Chinese, shown (the officer logged in)."""
    from greendesk.ui.main_window import MainWindow

    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    return win
