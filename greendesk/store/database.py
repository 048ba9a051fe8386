"""Opening a GreenDesk database: checks first, then engine set-up and migrations to head.

``open_database`` refuses — with a ``UserError`` and without writing a byte — a file that is not
SQLite, a database that belongs to another application, a schema newer than this code, and a
read-only file or folder. SQLite connections get foreign keys, WAL and a 10 s busy timeout, and
real transactions (pysqlite's implicit ones are replaced by our own BEGIN), so a migration or a
unit of work that fails half-way leaves nothing behind.

Readers never take the write lock: opening reads the schema revision first and locks only to
migrate. A writer that finds another process writing says so through the notice installed with
``wait_notices`` (the command line prints it on stderr, the window shows it in the progress
dialog), waits up to ``write_wait_seconds()`` and then raises ``DatabaseBusy``, a user error.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool, StaticPool

from greendesk.domain.errors import UserError
from greendesk.domain.secrets import mask_secrets
from greendesk.store import migrate

APPLICATION = "greendesk"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
_WRITE_OPTION = "greendesk_write"
# How long a writer waits for another process's write before giving up (configuration data:
# $GREENDESK_WRITE_WAIT in seconds overrides it); the first QUIET_WAIT_MS pass without a notice.
WRITE_WAIT_SECONDS = 60
WRITE_WAIT_ENV = "GREENDESK_WRITE_WAIT"
QUIET_WAIT_MS = 300
# PRAGMA optimize / ANALYZE read at most this many rows per index (SQLite suggests 100–1000), so
# keeping the planner's statistics current costs milliseconds even at 100,000 loans.
ANALYSIS_LIMIT = 1000
_SQLITE_BUSY = 5

WaitNotice = Callable[[str], None]
_notice: contextvars.ContextVar[WaitNotice | None] = contextvars.ContextVar(
    "greendesk_wait_notice", default=None
)


class DatabaseBusy(UserError):
    """Another process held the write lock past the wait limit; nothing was saved."""


def write_wait_seconds() -> int:
    """The writer's wait limit: $GREENDESK_WRITE_WAIT (whole seconds, 0–3600) or the default."""
    text = os.environ.get(WRITE_WAIT_ENV, "").strip()
    if not text:
        return WRITE_WAIT_SECONDS
    if not text.isdigit() or not text.isascii() or int(text) > 3600:
        raise UserError(f"${WRITE_WAIT_ENV}: whole seconds from 0 to 3600, not {text!r}")
    return int(text)


@contextlib.contextmanager
def wait_notices(notice: WaitNotice) -> Iterator[None]:
    """Within this block (this thread or task), a writer that must wait calls ``notice(text)``."""
    token = _notice.set(notice)
    try:
        yield
    finally:
        _notice.reset(token)


def notify_wait(text: str) -> None:
    """Tell the user, through the notice in force (if any), that a write is waiting."""
    notice = _notice.get()
    if notice is not None:
        notice(text)


def waiting_text(where: str, limit: int) -> str:
    return f"waiting for another process to finish writing to {where} (up to {limit} s) …"


def busy_error(where: str, limit: int) -> DatabaseBusy:
    return DatabaseBusy(
        f"{where} is busy: another process kept writing for more than {limit} s; nothing was "
        f"saved — try again when it has finished (${WRITE_WAIT_ENV} sets the wait)"
    )


def is_busy(exc: BaseException) -> bool:
    """Whether a DBAPI error means another process holds the lock (SQLite busy or locked)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, sqlite3.OperationalError):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF == _SQLITE_BUSY
        return "database is locked" in str(orig)
    return getattr(orig, "sqlstate", None) == "55P03"  # PostgreSQL lock_not_available


def default_database_url() -> str:
    """The SQLite file in the user's data directory (e.g. ~/.local/share/GreenDesk/greendesk.db)."""
    folder = Path(platformdirs.user_data_dir("GreenDesk", appauthor=False))
    return f"sqlite:///{folder / 'greendesk.db'}"


def describe_url(url: URL) -> str:
    """A database as one password-free line: ``SQLite · /path`` or ``PostgreSQL · user@host/db``."""
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            return "SQLite · :memory:"
        return f"SQLite · {url.database}"
    where = f"{url.host or 'localhost'}{f':{url.port}' if url.port else ''}/{url.database}"
    user = f"{url.username}@" if url.username else ""
    return f"PostgreSQL · {user}{where}"


class Database:
    """An open, migrated GreenDesk database: an engine and units of work on it."""

    def __init__(self, url: URL, engine: Engine, migrated_from: str | None = None) -> None:
        self._url = url
        self.migrated_from = migrated_from  # revision found on opening (None: a new database)
        self.url = url.render_as_string(hide_password=True)
        self.engine = engine
        self._write_engine = (
            engine.execution_options(**{_WRITE_OPTION: True})
            if engine.dialect.name == "sqlite"
            else engine
        )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception.

        ``write=True`` takes SQLite's write lock at the start (BEGIN IMMEDIATE), so concurrent
        writers queue on the busy timeout instead of failing mid-transaction; readers never wait.
        """
        bind = self._write_engine if write else self.engine
        try:
            with Session(bind, expire_on_commit=False) as session, session.begin():
                if write and self.dialect == "postgresql":
                    limit = write_wait_seconds()
                    session.execute(text(f"SET LOCAL lock_timeout = '{limit}s'"))
                yield session
        except OperationalError as exc:
            if not is_busy(exc):
                raise
            raise busy_error(self.describe(), write_wait_seconds()) from None

    def describe(self) -> str:
        """A one-line, password-free description for status bars and messages."""
        return describe_url(self._url)

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return migrate.current_revision(conn)

    def dispose(self) -> None:
        if self.dialect == "sqlite":
            optimize_sqlite(self.engine, closing=True)
        self.engine.dispose()


@dataclass(frozen=True)
class _State:
    tables: frozenset[str]
    application: str | None
    revision: str | None


def _read_state(conn: Connection) -> _State:
    """What the database holds, read without writing anything."""
    tables = frozenset(inspect(conn).get_table_names())
    application = revision = None
    if "app_meta" in tables:
        row = conn.execute(text("SELECT value FROM app_meta WHERE key = 'application'")).first()
        application = row[0] if row else None
    if migrate.VERSION_TABLE in tables:
        row = conn.execute(text(f"SELECT version_num FROM {migrate.VERSION_TABLE}")).first()
        revision = row[0] if row else None
    return _State(tables, application, revision)


def _check_state(state: _State, where: str) -> None:
    """Refuse a database that is not ours or is newer than this code."""
    if not state.tables:
        return
    if state.application != APPLICATION or state.revision is None:
        listed = ", ".join(sorted(state.tables)[:8])
        more = " …" if len(state.tables) > 8 else ""
        raise UserError(
            f"{where} is not a GreenDesk database (it holds other tables: {listed}{more}); "
            "nothing was changed — choose another file or an empty database"
        )
    if not migrate.is_known_revision(state.revision):
        raise UserError(
            f"{where} has schema revision {state.revision}, newer than this GreenDesk knows "
            f"(latest {migrate.head_revision()}); nothing was changed — update GreenDesk to open it"
        )


def _parse_url(url: str) -> URL:
    shown = mask_secrets(repr(url))  # a refusal never echoes the password
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise UserError(f"{shown} is not a database URL (e.g. sqlite:////path/file.db)") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise UserError(f"{shown}: GreenDesk runs on SQLite or PostgreSQL only")
    return parsed


def _folder_writable(folder: Path) -> bool:
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not os.statvfs(folder).f_flag & os.ST_RDONLY


def _check_sqlite_file(path: Path) -> bool:
    """Check the file and folder before SQLite touches them; True if the file already exists."""
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a database file")
    folder = path.parent
    if not folder.is_dir():
        raise UserError(f"{path}: the folder {folder} does not exist")
    if not _folder_writable(folder):
        raise UserError(
            f"{path}: the folder {folder} is read-only (SQLite needs to write its journal "
            "beside the file); nothing was changed"
        )
    if not path.exists():
        return False
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from None
    if header and header != SQLITE_HEADER:
        raise UserError(f"{path} is not a SQLite database (not a GreenDesk file); nothing changed")
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        raise UserError(f"{path} is read-only; nothing was changed") from None
    return bool(header)


def _sqlite_readonly_state(path: Path) -> _State:
    """Inspect an existing SQLite file through a read-only connection (no WAL switch, no writes)."""

    # Without a live WAL beside it the file is read as immutable, so SQLite creates no -wal/-shm
    # files either; with one (another process has it open), a normal read-only open sees it.
    live_wal = Path(f"{path}-wal").exists()
    query = "mode=ro" if live_wal else "mode=ro&immutable=1"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            f"{path.as_uri()}?{query}",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,  # float-ok
        )

    probe = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    try:
        with probe.connect() as conn:
            return _read_state(conn)
    except DBAPIError as exc:
        raise UserError(
            f"{path} is not a usable SQLite database ({exc.orig}); nothing changed"
        ) from None
    finally:
        probe.dispose()


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()
        if engine.url.database not in (None, "", ":memory:"):
            _optimize(dbapi_conn, "PRAGMA optimize=0x10002")  # SQLite's advice for a new link

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if not conn.get_execution_options().get(_WRITE_OPTION, False):
            conn.exec_driver_sql("BEGIN")
            return
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        _begin_immediate(raw, describe_url(conn.engine.url))


def _optimize(raw: sqlite3.Connection, *statements: str) -> bool:
    """Run maintenance statements without waiting for another process's write lock and without
    failing the caller: statistics are an optimisation (a busy or read-only file skips them)."""
    try:
        raw.execute("PRAGMA busy_timeout=0")
        raw.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        for statement in statements:
            raw.execute(statement).fetchall()
        return True
    except sqlite3.Error:
        return False
    finally:
        with contextlib.suppress(sqlite3.Error):
            raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def never_analysed(raw: sqlite3.Connection) -> bool:
    """A desk database holding loans whose query planner has no statistics (sqlite_stat1)."""
    stats = raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
    if stats is not None:
        return False
    has_loans = raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'loans'").fetchone()
    return (
        has_loans is not None and raw.execute("SELECT 1 FROM loans LIMIT 1").fetchone() is not None
    )


def optimize_sqlite(engine: Engine, *, closing: bool = False) -> None:
    """Keep a SQLite desk's planner statistics current, as SQLite recommends
    (https://sqlite.org/lang_analyze.html): ``PRAGMA optimize=0x10002`` on each new connection
    (see ``_install_sqlite_hooks``), a full ``ANALYZE`` (row-limited) on opening a database with
    loans that has never been analysed (a bulk load, an old file), and ``PRAGMA optimize`` when
    the database is closed. Never raises: a busy or read-only file just keeps its statistics."""
    if engine.url.database in (None, "", ":memory:"):
        return
    try:
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            if never_analysed(raw):
                _optimize(raw, "ANALYZE")
            elif closing:
                _optimize(raw, "PRAGMA optimize")
    except (sqlite3.Error, DBAPIError):
        return


def _begin_immediate(raw: sqlite3.Connection, where: str) -> None:
    """Take the write lock: quietly for a moment, then saying so, then DatabaseBusy."""
    limit = write_wait_seconds()
    try:
        raw.execute(f"PRAGMA busy_timeout={min(QUIET_WAIT_MS, limit * 1000)}")
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
        notify_wait(waiting_text(where, limit))
        raw.execute(f"PRAGMA busy_timeout={max(limit * 1000 - QUIET_WAIT_MS, 0)}")
        try:
            raw.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            raise busy_error(where, limit) from None
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _make_engine(url: URL) -> Engine:
    try:
        if url.get_backend_name() == "sqlite":
            if url.database in (None, "", ":memory:"):
                engine = create_engine(
                    url, poolclass=StaticPool, connect_args={"check_same_thread": False}
                )
            else:
                engine = create_engine(url, connect_args={"check_same_thread": False})
            _install_sqlite_hooks(engine)
            return engine
        return create_engine(url, pool_pre_ping=True)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise UserError(f"cannot use {url.render_as_string()}: {exc}") from None


def _migrate(engine: Engine, where: str) -> str | None:
    """Read the revision; only when it is behind, check again under the write lock (another
    process may have got there first) and migrate.

    Returns the revision the database was at before (None for a new database).
    """
    with engine.connect() as conn, conn.begin():  # a reader's look first: no lock
        state = _read_state(conn)
    _check_state(state, where)
    if state.revision == migrate.head_revision():
        return state.revision
    options = {_WRITE_OPTION: True}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        if engine.dialect.name == "postgresql":
            lock_key = zlib.crc32(b"greendesk-migrate")
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key})
        state = _read_state(conn)
        _check_state(state, where)
        if state.revision != migrate.head_revision():
            migrate.upgrade_to_head(conn)
        return state.revision


def open_database(url: str | None = None) -> Database:
    """Open (creating if new) and migrate the database at ``url``; None means the default file.

    ``$GREENDESK_DB`` is not read here: the command line resolves it.
    """
    is_default = url is None
    parsed = _parse_url(url or default_database_url())
    where = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database or "").expanduser().absolute()
        parsed = parsed.set(database=str(path))  # later changes of directory do not matter
        where = str(path)
        if is_default:
            path.parent.mkdir(parents=True, exist_ok=True)
        if _check_sqlite_file(path):
            _check_state(_sqlite_readonly_state(path), where)
    engine = _make_engine(parsed)
    try:
        before = _migrate(engine, where)
    except UserError:
        engine.dispose()
        raise
    except OperationalError as exc:
        engine.dispose()
        first_line = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise UserError(f"cannot open the database {where}: {first_line}") from None
    if engine.dialect.name == "sqlite":
        optimize_sqlite(engine)
    return Database(parsed, engine, migrated_from=before)


@dataclass(frozen=True)
class DatabaseStatus:
    where: str
    exists: bool
    revision: str | None  # None: empty or new
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.revision == self.head


def database_status(url: str | None = None) -> DatabaseStatus:
    """The schema revision of the database at ``url``, read without creating or migrating it.

    Refuses, like ``open_database``, a file that is not a GreenDesk database or is too new.
    """
    parsed = _parse_url(url or default_database_url())
    head = migrate.head_revision()
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            return DatabaseStatus(":memory:", False, None, head)
        path = Path(parsed.database or "").expanduser().absolute()
        if not path.exists():
            return DatabaseStatus(str(path), False, None, head)
        state = (
            _sqlite_readonly_state(path) if path.stat().st_size else _State(frozenset(), None, None)
        )
        _check_state(state, str(path))
        return DatabaseStatus(str(path), True, state.revision, head)
    where = parsed.render_as_string(hide_password=True)
    engine = _make_engine(parsed)
    try:
        with engine.connect() as conn:
            state = _read_state(conn)
    except OperationalError as exc:
        first_line = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise UserError(f"cannot open the database {where}: {first_line}") from None
    finally:
        engine.dispose()
    _check_state(state, where)
    return DatabaseStatus(where, True, state.revision, head)
