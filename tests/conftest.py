"""Shared fixtures: the repository root and a throwaway PostgreSQL server."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # `tests.support` must import whatever the import mode
    sys.path.insert(0, str(_REPO))

from tests.support.paths import REPO_ROOT  # noqa: E402
from tests.support.postgres import PostgresServer  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "render: the render matrix (fast, every run)")
    config.addinivalue_line(
        "markers", "generated: generated-project runs (slow: install, test, serve, contract suite)"
    )
    config.addinivalue_line(
        "markers", "release: wheels built from releases, installed and updated offline"
    )
    config.addinivalue_line(
        "markers", "newcomer: the README followed as written, fresh clone and home, system PATH"
    )


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository, which is also the Copier template."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for this test session; ``create_database()`` gives a fresh one."""
    server = PostgresServer()  # skips (or fails in CI) when PostgreSQL is not installed
    try:
        server.start()
        yield server
    finally:
        server.stop()
