"""Real template versions for tests: a copy of this repository's template as a git
repository whose releases are tags, exactly as the tool expects them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.support.paths import REPO_ROOT

# Commits made by tests must not depend on the machine's git identity.
IDENTITY = ["-c", "user.name=Template Tests", "-c", "user.email=template-tests@example.com"]


def git(where: Path, *args: str) -> str:
    """Run git in ``where`` with a fixed identity; return its output."""
    return subprocess.run(
        ["git", *IDENTITY, *args], cwd=where, capture_output=True, text=True, check=True
    ).stdout.strip()


def release(repo: Path, version: str) -> None:
    """Commit everything in ``repo`` and tag it ``v<version>``."""
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", f"Release v{version}")
    git(repo, "tag", f"v{version}")


def make_template_repo(folder: Path, extra: tuple[str, ...] = ()) -> Path:
    """Copy copier.yml, templates/ (and ``extra`` paths) into ``folder``; release v0.1.0."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("copier.yml", "templates", *extra):
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy2(source, folder / name)
    git(folder, "init", "--quiet", "--initial-branch=main")
    release(folder, "0.1.0")
    return folder
