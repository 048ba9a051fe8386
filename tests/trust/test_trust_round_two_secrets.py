"""Issue 11, point 11: passwords never reach a log, a message or the status bar.

Database URLs are shown with their password as ``***``; the window's log files are readable by
their owner only, rotated ones included.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from greendesk.cli import main as greendesk_main
from greendesk.domain.errors import UserError
from greendesk.domain.secrets import mask_secrets
from greendesk.store.database import open_database
from greendesk.ui.logs import setup_logging

SECRET = "SuperSecret123"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            f"postgresql+psycopg://greendesk:{SECRET}@db.branch:5432/gd",
            "postgresql+psycopg://greendesk:***@db.branch:5432/gd",
        ),
        (f"'postgresql://u:{SECRET}@h/x' and more", "'postgresql://u:***@h/x' and more"),
        (f"mysql://root:p@ss/{SECRET}@10.0.0.1/x", "mysql://root:***@10.0.0.1/x"),
        ("sqlite:////home/wang/greendesk.db", "sqlite:////home/wang/greendesk.db"),
        ("postgresql://greendesk@h/x", "postgresql://greendesk@h/x"),
        (f"password={SECRET} host=h", "password=*** host=h"),
    ],
)
def test_mask_secrets(text: str, shown: str) -> None:
    assert mask_secrets(text) == shown


@pytest.mark.parametrize(
    "url",
    [
        f"mysql://greendesk:{SECRET}@127.0.0.1:1/x",
        f"postgresql+nosuch://greendesk:{SECRET}@127.0.0.1:1/x",
        f"postgresql+psycopg://greendesk:{SECRET}@127.0.0.1:1/x",
        f"postgresql+psycopg://greendesk:{SECRET}@127.0.0.1:notaport/x",
    ],
)
def test_no_password_in_a_refusal(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UserError) as caught:
        open_database(url)
    assert SECRET not in str(caught.value)
    assert greendesk_main(["loans", "--db", url]) == 2
    _out, err = capsys.readouterr()
    assert SECRET not in err and "***" in err


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = setup_logging(tmp_path / "logs")
    try:
        yield path
    finally:
        root = logging.getLogger("greendesk")
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()


def _flush() -> None:
    for handler in logging.getLogger("greendesk").handlers:
        handler.flush()


def test_the_log_masks_passwords_and_only_its_owner_reads_it(log_file: Path) -> None:
    url = f"postgresql+psycopg://greendesk:{SECRET}@db.branch/gd"
    log = logging.getLogger("greendesk.ui.app")
    log.info("GreenDesk starting on %s", url)
    try:
        raise RuntimeError(f"cannot reach {url}")
    except RuntimeError:
        log.exception("unexpected error")
    _flush()
    text = log_file.read_text(encoding="utf-8")
    assert "db.branch" in text and "greendesk:***@db.branch" in text
    assert SECRET not in text
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_an_old_world_readable_log_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    old = folder / "greendesk.log"
    old.write_text("old lines\n", encoding="utf-8")
    old.chmod(0o644)
    (folder / "greendesk.log.1").write_text("older\n", encoding="utf-8")
    (folder / "greendesk.log.1").chmod(0o644)
    try:
        setup_logging(folder)
        for path in (old, folder / "greendesk.log.1"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        root = logging.getLogger("greendesk")
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()


def test_rotated_logs_stay_private(log_file: Path) -> None:
    root = logging.getLogger("greendesk")
    handler = next(h for h in root.handlers if getattr(h, "baseFilename", None))
    handler.doRollover()  # type: ignore[attr-defined]
    logging.getLogger("greendesk.x").info("after the rollover")
    _flush()
    rotated = log_file.with_name(log_file.name + ".1")
    assert rotated.exists()
    for path in (log_file, rotated):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
