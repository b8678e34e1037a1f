"""The base class of every model, the session of the request, and SQLite's settings.

Flask-SQLAlchemy (app/extensions.py) builds the engine from the app's config and
gives each request one session (db.session), removed when the request ends: anything
a service did not commit is rolled back then, so a failed request leaves no half-write.
"""

import sqlite3
from datetime import UTC, datetime
from typing import Any

from flask import has_request_context, request
from sqlalchemy import Engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Session

from app.core.postgres_problem import connection_problem
from app.extensions import db

__all__ = [
    "BUSY_RETRY_AFTER_SECONDS",
    "SQLITE_BUSY_TIMEOUT_MS",
    "Base",
    "DatabaseUnavailable",
    "db",
    "engine",
    "is_busy",
    "read_only_engine",
    "session",
    "upsert",
    "utc_now",
]

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

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


def session() -> Session:
    """The current request's session (the services take a plain Session)."""
    return db.session()


def engine() -> Engine:
    """The app's engine, for work outside the request's session (commands, order expiry).

    Its transactions may write, so on SQLite they take the write lock up front even
    when they run inside a GET request.
    """
    return db.engine.execution_options(read_only=False)


def read_only_engine() -> Engine:
    """The app's engine for a quick look that writes nothing (no write lock on SQLite)."""
    return db.engine.execution_options(read_only=True)


def upsert(entity: Any) -> Any:
    """``INSERT`` in this database's own dialect, which adds ``.on_conflict_do_update()``:
    one atomic statement that inserts a row or changes the one already there."""
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    return dialect.insert(entity)


def configure_sqlite(engine: Engine) -> None:
    """Make SQLite behave like a real server database for this app.

    - foreign keys are off by default in SQLite: turn them on for every connection;
    - write-ahead logging (WAL): readers and the one writer no longer block each other;
    - wait up to 5 s for a lock instead of failing at once with "database is locked";
    - start write transactions with BEGIN IMMEDIATE, which takes the write lock up
      front. With SQLite's default (deferred) transactions, two requests that read
      and then write deadlock, and one fails however long it waits. Taking the lock
      early makes concurrent writers queue instead. GET requests keep the default
      (they only read), so they never wait in that queue; an engine's `read_only`
      option (engine(), read_only_engine()) says it instead for work of its own.

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
        in_a_read = has_request_context() and request.method in READ_ONLY_METHODS
        read_only = connection.get_execution_options().get("read_only", in_a_read)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def is_busy(error: OperationalError) -> bool:
    """Whether SQLite gave up waiting for a lock ("database is locked"): not a fault of
    the request or of the code, only of the moment, so trying again later may succeed."""
    code = getattr(error.orig, "sqlite_errorcode", None)  # the extended result code
    return code is not None and (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


class DatabaseUnavailable(Exception):
    """PostgreSQL at DATABASE_URL cannot be used; the message says where, why and what to do."""


def check_connection(engine: Engine) -> None:
    """Connect once, for the commands that start with the database (migrations).

    With no server at DATABASE_URL, or a server that refuses us (a wrong password, a
    missing database), SQLAlchemy prints a long traceback: this raises one line instead.
    """
    try:
        engine.connect().close()
    except OperationalError as error:
        if engine.dialect.name != "postgresql":
            raise
        message = connection_problem(str(error.orig), engine.url.host, engine.url.port)
        raise DatabaseUnavailable(message) from None
