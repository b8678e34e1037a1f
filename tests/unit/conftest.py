"""Fixtures for the tool's unit tests: the CLI in-process and as a real process.

Nothing here needs the generated project to build or run: these tests check the
tool (flags, wizard, catalog, generation into place), not the template's output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from tests.support.template_repo import export_tracked

from roadmap_scaffold.catalog import Catalog, load_catalog
from roadmap_scaffold.git import git_identity

# A generous ceiling for one real process: generating takes about a second.
PROCESS_TIMEOUT = 60

Snapshot = dict[str, int | None]


def snapshot(root: Path) -> Snapshot:
    """Every path under ``root`` (itself included) with its size, None for folders."""
    if not root.exists() and not root.is_symlink():
        return {}
    entries: Snapshot = {".": None if root.is_dir() else root.stat().st_size}
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            key = str(path.relative_to(root))
            entries[key] = None if path.is_dir() else path.lstat().st_size
    return entries


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run every test from its own empty folder, with no cached git identity."""
    monkeypatch.chdir(tmp_path)
    git_identity.cache_clear()
    yield
    git_identity.cache_clear()


@pytest.fixture
def take_snapshot() -> Callable[[Path], Snapshot]:
    """Take a listing of a folder tree, to prove that a command changed nothing."""
    return snapshot


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The catalog of the template that ships with the tool."""
    return load_catalog()


@pytest.fixture(scope="session")
def template_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain-folder copy of the template (copier.yml and templates/), not a git repository."""
    # The tracked files only (with their uncommitted changes): never a stray file or
    # a project generated inside the clone.
    return export_tracked(tmp_path_factory.mktemp("template-copy"), ("copier.yml", "templates"))


def _tool_env(extra: dict[str, str] | None = None, drop: tuple[str, ...] = ()) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in drop}
    env.pop("PYTEST_CURRENT_TEST", None)
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra or {})
    return env


@pytest.fixture
def no_identity_env(tmp_path: Path) -> dict[str, str]:
    """An environment where git has no user.name/user.email from any source."""
    home = tmp_path / "home-without-git-identity"
    home.mkdir()
    drop = tuple(
        key
        for key in os.environ
        if key.startswith(("GIT_AUTHOR_", "GIT_COMMITTER_")) or key in {"EMAIL", "GIT_CONFIG"}
    )
    return _tool_env(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        },
        drop=drop,
    )


@pytest.fixture
def run_tool(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m roadmap_scaffold ARGS`` as a real process, without a terminal."""

    def run(
        *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "roadmap_scaffold", *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            cwd=cwd or tmp_path,
            env=env or _tool_env(),
            timeout=PROCESS_TIMEOUT,
            check=False,
        )

    return run


@pytest.fixture
def keys_prompter() -> Iterator[Callable[[str], Any]]:
    """Build a real `QuestionaryPrompter` that reads the given keystrokes, then end of input.

    The input is closed after the keystrokes, so a wizard that asks more than the
    test planned fails with EOFError instead of waiting forever.
    """
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from roadmap_scaffold.wizard import QuestionaryPrompter

    with ExitStack() as stack:

        def make(keys: str) -> QuestionaryPrompter:
            pipe = stack.enter_context(create_pipe_input())
            pipe.send_text(keys)
            pipe.close()
            return QuestionaryPrompter(input=pipe, output=DummyOutput())

        yield make


class _Terminal:
    """Wraps a standard stream so that it claims to be a terminal."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def isatty(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.fixture
def fake_terminal(
    monkeypatch: pytest.MonkeyPatch, keys_prompter: Callable[[str], Any]
) -> Callable[[str], None]:
    """Make `main` believe it runs on a terminal, and answer the wizard with keystrokes."""
    from roadmap_scaffold import wizard

    def use(keys: str) -> None:
        prompter = keys_prompter(keys)
        monkeypatch.setattr(sys, "stdin", _Terminal(sys.stdin))
        monkeypatch.setattr(sys, "stdout", _Terminal(sys.stdout))
        monkeypatch.setattr(wizard, "QuestionaryPrompter", lambda *a, **k: prompter)

    return use
