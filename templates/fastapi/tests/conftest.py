"""Fixtures shared by every test: a test database, the app, a client and a session.

By default the tests use a throwaway SQLite file. Set DATABASE_URL to run them on
PostgreSQL instead (as CI does): they create their tables there and EMPTY THEM
after each test, so point it at a database made for testing, never at real data.
"""

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# The settings are read once, when the app is first imported, so the test
# environment must be in place before that: cheap password hashing, and a
# database of our own unless one was given.
os.environ["APP_ENV"] = "test"
if not os.environ.get("DATABASE_URL"):
    _database_dir = tempfile.mkdtemp(prefix="app-tests-")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(_database_dir) / 'test.db'}"

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session

from app import models  # noqa: F401 (registers every table in Base.metadata)
from app.core.config import settings
from app.core.db import Base, DatabaseUnavailable, connect, engine
from app.main import create_app

# When PostgreSQL at DATABASE_URL cannot be used, stop here with one line, not the same
# error in every test.
try:
    connect().close()
except DatabaseUnavailable as error:
    raise SystemExit(str(error)) from None


@pytest.fixture(scope="session")
def app() -> Iterator[FastAPI]:
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    yield create_app()
    Base.metadata.drop_all(engine)


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.fixture(scope="session")
def test_engine() -> Iterator[Engine]:
    """The tests' own engine, for arranging data and checking what was stored.

    Unlike the app's engine it does not start every transaction with BEGIN
    IMMEDIATE on SQLite, so a test that reads a row does not keep the app from
    writing while the test's session stays open.
    """
    engine_for_tests = create_engine(settings.DATABASE_URL)
    if engine_for_tests.dialect.name == "sqlite":

        @event.listens_for(engine_for_tests, "connect")
        def enable_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA foreign_keys = ON")

    yield engine_for_tests
    engine_for_tests.dispose()


@pytest.fixture
def session(test_engine: Engine) -> Iterator[Session]:
    with Session(test_engine, expire_on_commit=False) as db_session:
        yield db_session


@pytest.fixture(autouse=True)
def _fresh_state(app: FastAPI) -> Iterator[None]:
    """Every test starts with empty tables and no failed logins counted."""
    yield
    tables = list(reversed(Base.metadata.sorted_tables))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(table.name for table in tables)
            # Table names come from our own models, not from input: no injection here.
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())
