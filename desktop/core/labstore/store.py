"""Opening the lab store: SQLite on this PC (the default) or the lab's PostgreSQL server.

``LabStore.open(url)`` creates or upgrades the schema in place (Alembic, ``migrations/``) and knows who
is working: the database login on PostgreSQL (a client cannot claim another name), the OS user on
SQLite. ``begin()`` is a transaction that turns the driver's errors into the store's own
(``errors.py``), so no caller sees which database is behind it.
"""
from __future__ import annotations

import getpass
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError as AlembicError

from desktop.core.labstore.errors import DuplicateKey, RecordLockedError, StoreError, StoreUnavailable

log = logging.getLogger(__name__)
ENVIRONMENT_VARIABLE = "LCDREADER_DB"
_MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK = 290029  # a PostgreSQL advisory lock: PCs starting together upgrade the schema once


def utc_now() -> str:
    """A change's time as the store keeps it: UTC, to the microsecond (one clock for every PC's writes)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path)}"


def configured_url(setting: str, local_file: str | Path) -> str:
    """Where the lab store is: ``LCDREADER_DB``, else the Settings entry, else the SQLite file on this PC."""
    return os.environ.get(ENVIRONMENT_VARIABLE, "").strip() or setting.strip() or sqlite_url(local_file)


def engine_url(url: str) -> sa.URL:
    """``postgresql://...`` means psycopg 3; its query (``sslmode=verify-full``...) goes to libpq as it is."""
    parsed = sa.make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername not in ("sqlite", "postgresql+psycopg"):
        raise StoreError(f"{parsed.drivername}: the lab store is SQLite or PostgreSQL (postgresql://...)")
    return parsed


class LabStore:
    def __init__(self, engine: sa.Engine):
        self.engine = engine
        self.is_server = engine.dialect.name == "postgresql"
        self.identity = ""

    @classmethod
    def open(cls, url: str) -> LabStore:
        """The store at ``url``, its schema brought up to date; StoreUnavailable when the server is away."""
        parsed = engine_url(url)
        if parsed.drivername == "sqlite":
            engine = sa.create_engine(parsed, connect_args={"timeout": 30})
            sa.event.listen(engine, "connect", _sqlite_connect)
            sa.event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
        else:
            # no pre-ping (a round trip per transaction): a connection the server dropped fails once, as
            # StoreUnavailable, and SQLAlchemy then replaces every pooled connection
            engine = sa.create_engine(parsed, pool_size=2, max_overflow=4, connect_args={"connect_timeout": 5})
        store = cls(engine)
        try:
            store.upgrade()
            with store.begin() as connection:
                store.identity = (connection.execute(sa.text("SELECT current_user")).scalar_one()
                                  if store.is_server else getpass.getuser())
        except BaseException:
            engine.dispose()
            raise
        return store

    def upgrade(self) -> None:
        """Create the schema, or upgrade an older one in place, to the newest migration."""
        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS))
        with self.begin() as connection:
            if self.is_server:
                connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            config.attributes["connection"] = connection
            try:
                command.upgrade(config, "head")
            except AlembicError as exc:  # e.g. a store made by a newer version of the app
                raise StoreError(f"the store's schema cannot be brought up to date: {exc}") from exc

    def schema_revision(self) -> str | None:
        with self.begin() as connection:
            return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()

    @contextmanager
    def begin(self) -> Iterator[sa.Connection]:
        """One transaction: committed whole, or rolled back whole and reported as a StoreError."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except sa.exc.DBAPIError as exc:
            raise self._translate(exc) from exc
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(str(exc)) from exc

    def _translate(self, exc: sa.exc.DBAPIError) -> StoreError:
        message = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        if "lcdreader:" in message:  # raised by our own triggers
            return RecordLockedError(message[message.index("lcdreader:") + len("lcdreader:"):].strip())
        if isinstance(exc, sa.exc.IntegrityError):
            return DuplicateKey(message)
        if self.is_server and (exc.connection_invalidated or isinstance(exc, (sa.exc.OperationalError,
                                                                              sa.exc.InterfaceError))):
            return StoreUnavailable(f"the lab server cannot be reached: {message}")
        return StoreError(message)

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_connect(connection, _record) -> None:
    connection.isolation_level = None  # transactions are begun by the "begin" event, as BEGIN IMMEDIATE
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
