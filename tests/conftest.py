"""Shared fixtures: the repository root, a throwaway PostgreSQL server, the generated projects."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # `tests.support` must import whatever the import mode
    sys.path.insert(0, str(_REPO))

from tests.support import lab as project_lab  # noqa: E402
from tests.support.paths import REPO_ROOT  # noqa: E402
from tests.support.postgres import PostgresServer  # noqa: E402

#: The session's ProjectLab, once the `lab` fixture made it (the hooks below need it).
_LAB = pytest.StashKey[project_lab.ProjectLab]()


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
    config.addinivalue_line(
        "markers",
        "combination(kind, framework): uses that generated project (tests/support/lab.py)",
    )
    config.addinivalue_line(
        "markers", "first_in_combination: runs before the combination's other tests"
    )
    config.addinivalue_line(
        "markers", "last_in_combination: runs after the combination's other tests"
    )


@pytest.hookimpl(wrapper=True)  # after pytest and every conftest ordered the tests
def pytest_collection_modifyitems(items: list[pytest.Item]) -> Iterator[None]:
    yield
    project_lab.order_by_combination(items)


@pytest.hookimpl(tryfirst=True)  # before the fixtures (PostgreSQL among them) are torn down
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    lab = item.config.stash.get(_LAB, None)
    combination = project_lab.combination_of(item)
    if lab and combination and combination != project_lab.combination_of(nextitem):
        lab.release(*combination)


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


@pytest.fixture(scope="session")
def lab(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[project_lab.ProjectLab]:
    """Each kind x framework generated and installed once, with its servers (support/lab.py)."""
    projects = project_lab.ProjectLab(tmp_path_factory)
    request.config.stash[_LAB] = projects
    yield projects
    projects.stop_all()
    del request.config.stash[_LAB]
    assert not projects.lingering, f"servers still listening after stop: {projects.lingering}"
