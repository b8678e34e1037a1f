"""Where things are: the repository, the shared folder beside it, the cache root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: The repository root (this file is tests/support/paths.py).
REPO_ROOT = Path(__file__).resolve().parents[2]

#: Material shared between projects (RealWorld suite, contracts). It sits beside
#: the repository and may be absent on some machines.
SHARED_DIR = REPO_ROOT.parent / "shared"


def cache_root() -> Path:
    """The persistent cache for test runs (uv cache, CI venvs), created on demand.

    ``ROADMAP_SCAFFOLD_CI_CACHE`` overrides it; otherwise it lives under the XDG
    cache directory, so nothing is ever written into the repository.
    """
    explicit = os.environ.get("ROADMAP_SCAFFOLD_CI_CACHE")
    if explicit:
        root = Path(explicit)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        root = Path(xdg) / "roadmap-scaffold-ci"
    root.mkdir(parents=True, exist_ok=True)
    return root


def require_shared(relative: str) -> Path:
    """Return ``../shared/<relative>``, or skip (even in CI) when it is absent.

    The shared folder is not part of this repository, so its absence is a
    property of the machine, not a broken toolchain: the test says so and skips.
    """
    path = SHARED_DIR / relative
    if not path.exists():
        pytest.skip(
            f"{path} not found: the shared folder (../shared beside the repository) "
            "is absent on this machine, so this suite cannot run here"
        )
    return path
