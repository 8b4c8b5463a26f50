"""The one place that owns the archive's engine, sessions, transactions and schema upgrades."""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from storage.models import fit_to_columns, queue_new_text
from storage.search import index_changed, register_functions, unindex_changed

DB_ENV = "GOVARCHIVE_DB"
DATA_ENV = "GOVARCHIVE_DATA"
MIGRATIONS = Path(__file__).with_name("migrations")
# The project folder (where scrapy.cfg is): defaults are found here from any working directory.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
UPGRADE_LOCK_KEY = 0x676F7661  # PostgreSQL advisory lock id of schema upgrades ("gova")


class ArchiveError(RuntimeError):
    """The archive cannot be opened; the message is one line meant for the user."""


def data_dir(value: str | os.PathLike | None = None) -> Path:
    """The data folder, absolute: the value or GOVARCHIVE_DATA (relative to the working
    directory), else data/ in the project folder."""
    return Path(value or os.environ.get(DATA_ENV) or PROJECT_ROOT / "data").absolute()


def archive_url(value: str | None = None, data: str | os.PathLike | None = None) -> str:
    """The archive's SQLAlchemy URL; an SQLite file named relative to the working directory
    is made absolute, so processes started elsewhere (the scheduler's crawls) open the same."""
    url = value or os.environ.get(DB_ENV) or f"sqlite:///{data_dir(data) / 'archive.sqlite3'}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url  # Archive() says what is wrong with it
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
            and not parsed.database.startswith("file:") and not Path(parsed.database).is_absolute():
        return parsed.set(database=str(Path(parsed.database).absolute())).render_as_string(hide_password=False)
    return url


def writable_dir(path: str | os.PathLike, what: str = DATA_ENV) -> Path:
    """The folder, created if need be; ArchiveError (one line) when it cannot be written."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchiveError(f"{what}: cannot create {path}: {exc.strerror}") from None
    if not path.is_dir():
        raise ArchiveError(f"{what}: {path} is not a folder")
    if not os.access(path, os.W_OK | os.X_OK):
        raise ArchiveError(f"{what}: cannot write to {path}: permission denied")
    return path


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets an export read while a crawl writes; NORMAL sync is durable across process
    # crashes (what a killed crawl needs) without an fsync per commit.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
    register_functions(dbapi_connection)  # the search index reads documents through it


def _sqlite_read_only_pragmas(dbapi_connection, _record) -> None:
    # the file is opened mode=ro already; query_only also refuses writes to temp tables
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
    register_functions(dbapi_connection)  # the search index reads documents through it


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


class Archive:
    """An open archive database, upgraded to the current schema."""

    def __init__(self, url: str | None = None, *, upgrade: bool = True, read_only: bool = False) -> None:
        self.url = archive_url(url)
        try:
            parsed = make_url(self.url)
        except ArgumentError:
            raise ArchiveError(f"{DB_ENV}: not an SQLAlchemy database URL: {self.url!r}") from None
        if read_only:
            self._open_read_only(parsed)
            return
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            # without GOVARCHIVE_DB the archive is a file in the data folder: name the setting to fix
            writable_dir(Path(parsed.database).parent, DB_ENV if os.environ.get(DB_ENV) else DATA_ENV)
            if Path(parsed.database).is_dir():
                raise ArchiveError(f"{DB_ENV}: {parsed.database} is a folder, not an SQLite file")
        try:
            self.engine: Engine = create_engine(parsed)
        except Exception as exc:  # missing driver, bad options
            raise ArchiveError(f"{DB_ENV}: cannot use {self.url!r}: {exc}") from None
        if parsed.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # whoever writes a document's text, the repost index hears of it
        event.listen(self._sessions, "after_flush", queue_new_text)
        # … and so does the search index (storage.search)
        event.listen(self._sessions, "before_flush", unindex_changed)
        event.listen(self._sessions, "after_flush", index_changed)
        # a value longer than its column is cut with a warning, never a lost document
        event.listen(self._sessions, "before_flush", fit_to_columns)
        if upgrade:
            self.upgrade()

    def upgrade(self) -> None:
        """Bring the schema to the newest migration, in place. One process at a time: the
        scheduler starts several crawls at once, and each opens the archive."""
        cfg = alembic_config(self.url)
        try:
            with self._upgrade_lock(), self.engine.connect() as connection:
                sqlite = connection.dialect.name == "sqlite"
                if sqlite:  # SQLite alters a table by rebuilding it: others point at the one dropped
                    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
                    connection.commit()
                try:
                    with connection.begin():
                        if connection.dialect.name == "postgresql":  # held until this transaction ends
                            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK_KEY})
                        cfg.attributes["connection"] = connection
                        command.upgrade(cfg, "head")
                        if sqlite and (broken := connection.exec_driver_sql("PRAGMA foreign_key_check").first()):
                            raise ArchiveError(f"{DB_ENV}: upgrade of {self.url!r} broke a reference: {tuple(broken)}")
                finally:
                    if sqlite:
                        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                        connection.commit()
        except DBAPIError as exc:  # unreachable, not a database, no permission …
            reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc).splitlines()[0]
            raise ArchiveError(f"{DB_ENV}: cannot open archive {self.url!r}: {reason}") from None
        except CommandError as exc:  # a schema this version does not know (a newer govarchive's)
            raise ArchiveError(f"{DB_ENV}: cannot upgrade archive {self.url!r}: {exc}") from None
        except OSError as exc:  # the upgrade lock beside the file
            raise ArchiveError(f"{DB_ENV}: cannot open archive {self.url!r}: {exc.strerror}: {exc.filename}") from None

    def _open_read_only(self, parsed) -> None:
        """An archive that cannot be written through this object: SQLite opened mode=ro (and
        query_only), PostgreSQL sessions whose every transaction is READ ONLY. Never upgraded:
        a schema older than this version's is an error saying how to upgrade it."""
        backend = parsed.get_backend_name()
        if backend == "sqlite":
            database = parsed.database
            if database in (None, "", ":memory:") or not Path(database).is_file():
                raise ArchiveError(f"{DB_ENV}: no archive at {self.url!r}")
            uri = f"file:{quote(str(Path(database).absolute()))}?mode=ro"
            self.engine = create_engine(parsed.set(database=uri, query={"uri": "true"}))
            event.listen(self.engine, "connect", _sqlite_read_only_pragmas)
        elif backend == "postgresql":
            self.engine = create_engine(parsed, connect_args={"options": "-c default_transaction_read_only=on"})
        else:
            raise ArchiveError(f"{DB_ENV}: read-only archives are SQLite or PostgreSQL, not {backend}")
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        script = ScriptDirectory.from_config(alembic_config(self.url))
        try:
            with self.engine.connect() as connection:
                current = MigrationContext.configure(connection).get_current_revision()
        except DBAPIError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc).splitlines()[0]
            raise ArchiveError(f"{DB_ENV}: cannot open archive {self.url!r}: {reason}") from None
        head = script.get_current_head()
        if current != head:
            known = current is None or current in {rev.revision for rev in script.walk_revisions()}
            how = "a crawl or `scrapy export` upgrades it" if known else "a newer govarchive wrote it"
            raise ArchiveError(f"{DB_ENV}: archive {self.url!r} has schema {current or 'none'}, "
                               f"this version reads {head}: {how}")

    @contextmanager
    def _upgrade_lock(self) -> Iterator[None]:
        """An flock beside an SQLite file (SQLite's own locks begin only at the first write)."""
        database = self.engine.url.database if self.engine.dialect.name == "sqlite" else None
        if database in (None, "", ":memory:"):
            yield
            return
        fd = os.open(f"{database}.upgrade-lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
