"""A generated project, and the commands a learner would run in it."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.output import tail
from tests.support.paths import cache_root
from tests.support.tools import require_tool

#: Every timed stage, in order, for the closing timing report.
TIMINGS: list[tuple[str, float]] = []

# Variables of ours that must not leak into a generated project's commands.
_SCRUB = (
    "VIRTUAL_ENV",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTEST_ADDOPTS",
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "JWT_SECRET",
    "APP_ENV",
    "HOST",
    "PORT",
    "CORS_ORIGINS",
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
)


@dataclass
class Step:
    """One command's outcome."""

    label: str
    argv: list[str]
    returncode: int
    output: str
    seconds: float

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def describe(self) -> str:
        return (
            f"`{' '.join(self.argv)}` ({self.label}) exited with {self.returncode} after "
            f"{self.seconds:.1f}s; last output:\n{tail(self.output)}"
        )


def project_env(language: str, root: Path) -> dict[str, str]:
    """The environment for a generated project's commands.

    Our venv, database and pytest settings are removed. Each language's package
    manager gets a persistent cache under the cache root; for Python, uv's cache
    is content-addressed (so in effect keyed by what each lock file pins) and
    ``uv sync --locked`` becomes a copy, not a download, after the first run.
    Other languages add theirs here (npm's, Maven's, Go's, Composer's caches).
    """
    env = {key: value for key, value in os.environ.items() if key not in _SCRUB}
    if language == "python":
        env.update(_python_env(root))
    return env


def _lock_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "no-lock"


def _python_env(root: Path) -> dict[str, str]:
    env: dict[str, str] = {}
    uv = require_tool("uv", "install the generated Python projects")
    uv_dir = str(Path(uv).parent)
    env["PATH"] = os.pathsep.join([uv_dir, os.environ.get("PATH", "")])
    env["UV_CACHE_DIR"] = str(cache_root() / "uv")
    env["UV_NO_PROGRESS"] = "1"
    # mypy's incremental cache, keyed by the lock file: a cold `make lint` spends
    # most of its time analysing the installed libraries (13s -> 0.4s warm).
    env["MYPY_CACHE_DIR"] = str(cache_root() / f"mypy-{_lock_hash(root / 'uv.lock')}")
    return env


@dataclass
class GeneratedProject:
    """A project that ``roadmap-scaffold new`` wrote, with its own commands."""

    kind: str
    framework: str
    language: str
    root: Path
    env: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.env = project_env(self.language, self.root)

    @property
    def label(self) -> str:
        return f"{self.kind}-{self.framework}"

    def run(
        self,
        argv: list[str],
        label: str,
        extra_env: dict[str, str] | None = None,
        timeout: float = 900,
    ) -> Step:
        env = {**self.env, **(extra_env or {})}
        started = time.monotonic()
        try:
            result = subprocess.run(
                argv,
                cwd=self.root,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                errors="replace",
                timeout=timeout,
                check=False,
            )
            code, output = result.returncode, result.stdout
        except subprocess.TimeoutExpired as error:
            partial = error.stdout or ""
            if isinstance(partial, bytes):
                partial = partial.decode(errors="replace")
            code, output = -1, f"{partial}\n(timed out after {timeout:.0f}s)"
        seconds = time.monotonic() - started
        TIMINGS.append((f"{self.label}: {label}", seconds))
        return Step(label, argv, code, output, seconds)

    def make(
        self,
        target: str,
        label: str = "",
        extra_env: dict[str, str] | None = None,
        timeout: float = 900,
    ) -> Step:
        make = require_tool("make", f"run `make {target}` in the generated project")
        return self.run([make, target], label or f"make {target}", extra_env, timeout)


def generate(kind: str, framework: str, language: str, dest: Path) -> tuple[Step, GeneratedProject]:
    """Generate with the tool, as a user would: ``roadmap-scaffold new DIR ... --yes``."""
    argv = [
        sys.executable,
        "-m",
        "roadmap_scaffold",
        "new",
        str(dest),
        "--kind",
        kind,
        "--framework",
        framework,
        "--database",
        "sqlite",
        "--yes",
    ]
    started = time.monotonic()
    result = subprocess.run(
        argv,
        cwd=dest.parent,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    seconds = time.monotonic() - started
    TIMINGS.append((f"{kind}-{framework}: roadmap-scaffold new", seconds))
    output = result.stdout + result.stderr
    step = Step("roadmap-scaffold new", argv, result.returncode, output, seconds)
    return step, GeneratedProject(kind, framework, language, dest)
