"""The template under test, as the tests render it.

- ``source_snapshot()``: the commit of this checkout's tracked files with their
  uncommitted changes, which the tests give Copier as ``vcs_ref`` instead of
  ``HEAD``. With ``HEAD``, Copier copies the whole working tree, untracked files
  included, and a project generated inside the clone (a nested repository) breaks
  every rendering ("No url found for submodule path").
- ``export_tracked()``: those files written into a folder (``git archive``).
- ``make_template_repo()``: real template versions, a copy of the template as a
  git repository whose releases are tags, exactly as the tool expects them.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from functools import cache
from pathlib import Path

from tests.support.paths import REPO_ROOT

from roadmap_scaffold.store import checkout_snapshot

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


@cache
def source_snapshot() -> str:
    """The commit id of this checkout's tracked files as they are now (see the module)."""
    return checkout_snapshot(REPO_ROOT)


def export_tracked(folder: Path, names: tuple[str, ...]) -> Path:
    """Write the tracked files under ``names`` (paths in the checkout) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", source_snapshot(), "--", *names],
        cwd=REPO_ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="tar")
    return folder


def make_template_repo(folder: Path, extra: tuple[str, ...] = ()) -> Path:
    """Export copier.yml, templates/ (and ``extra`` paths) into ``folder``; release v0.1.0."""
    export_tracked(folder, ("copier.yml", "templates", *extra))
    git(folder, "init", "--quiet", "--initial-branch=main")
    release(folder, "0.1.0")
    return folder
