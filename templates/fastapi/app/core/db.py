"""The database engine, the session per request and the base class of every model."""

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Session

from app.core.config import settings
from app.core.postgres_problem import connection_problem
from app.core.statement_timing import time_statements

#: How long a write waits for SQLite's write lock (held by one writer at a time) before
#: it fails with "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 5000
#: When the wait ran out, how soon the client is told to try again (Retry-After).
BUSY_RETRY_AFTER_SECONDS = 1


class Base(DeclarativeBase):
    """Every table's model inherits from this, so Alembic finds them all in Base.metadata."""


def utc_now() -> datetime:
    """The default for created_at/updated_at columns: always UTC, never the server's zone."""
    return datetime.now(UTC)


def _configure_sqlite(engine: Engine) -> None:
    """Make SQLite behave like a real server database for this app.

    - foreign keys are off by default in SQLite: turn them on for every connection;
    - write-ahead logging (WAL): readers and the one writer no longer block each other;
    - wait up to 5 s for a lock instead of failing at once with "database is locked";
    - start write transactions with BEGIN IMMEDIATE, which takes the write lock up
      front. With SQLite's default (deferred) transactions, two requests that read
      and then write deadlock, and one fails however long it waits. Taking the lock
      early makes concurrent writers queue instead. Requests that only read
      (see get_session) keep the default, so they never wait in that queue.

    Python's sqlite3 module issues its own BEGIN at odd moments, so it is told to stay
    out of the way (isolation_level = None) and SQLAlchemy's "begin" event emits ours.
    Recipe: https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#serializable-isolation-savepoints-transactional-ddl
    """

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _connection_record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get("read_only", False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def build_engine(url: str) -> Engine:
    # pool_pre_ping replaces connections that the server closed while they sat idle.
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    time_statements(engine)
    return engine


engine = build_engine(settings.DATABASE_URL)


def upsert(entity: Any) -> Any:
    """``INSERT`` in this database's own dialect, which adds ``.on_conflict_do_update()``:
    one atomic statement that inserts a row or changes the one already there."""
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    return dialect.insert(entity)


# The same engine (same connections), with a flag that SQLite's "begin" reads above.
read_only_engine = engine.execution_options(read_only=True)

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_busy(error: OperationalError) -> bool:
    """Whether SQLite gave up waiting for a lock ("database is locked"): not a fault of
    the request or of the code, only of the moment, so trying again later may succeed."""
    code = getattr(error.orig, "sqlite_errorcode", None)  # the extended result code
    return code is not None and (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


class DatabaseUnavailable(Exception):
    """PostgreSQL at DATABASE_URL cannot be used; the message says where, why and what to do."""


def connect() -> Connection:
    """Open a connection, for the commands that start with one (migrations, the tests).

    With no server at DATABASE_URL, or a server that refuses us (a wrong password, a
    missing database), SQLAlchemy prints a long traceback: this raises one line instead.
    """
    try:
        return engine.connect()
    except OperationalError as error:
        if engine.dialect.name != "postgresql":
            raise
        message = connection_problem(str(error.orig), engine.url.host, engine.url.port)
        raise DatabaseUnavailable(message) from None


def get_session(request: Request) -> Iterator[Session]:
    """One session (one unit of work) per request, closed when the response is sent.

    Services call session.commit() when a write is complete; anything not committed
    is rolled back when the session closes, so a failed request leaves no half-write.
    """
    bind = read_only_engine if request.method in READ_ONLY_METHODS else engine
    with Session(bind, expire_on_commit=False) as session:
        yield session


def get_read_only_session() -> Iterator[Session]:
    """A session that only reads, whatever the method: on SQLite it never takes the
    write lock, so slow work done meanwhile (checking a password) blocks no writer."""
    with Session(read_only_engine, expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
ReadOnlySessionDep = Annotated[Session, Depends(get_read_only_session)]
