"""Build hook: ship the template's releases inside the package.

`roadmap-scaffold` keeps generated projects updatable by recording a git source
with version tags (see src/roadmap_scaffold/store.py). When a wheel or an sdist
is built from a git checkout, this hook writes ``template.bundle`` and adds it to
the package: a git bundle of every release tag (``v*``) of the checkout, plus
``v<__version__>`` at the commit being built when the checkout has no such tag.
So releasing needs no tag on the branch: bump ``__version__``, commit, build.

- A tag that exists keeps its commit: it is never moved or rewritten.
- Uncommitted changes are not part of a release: the new tag names ``HEAD``'s
  commit, and the build says so on stderr.
- A shallow clone (``git clone --depth 1``) has no history to bundle: its release is
  a parentless commit with ``HEAD``'s files.
- The checkout itself is not changed: the tags are written in a scratch
  repository that borrows the checkout's objects (git alternates).

An sdist carries the bundle, so a wheel built from the sdist (without .git)
ships the same one. An editable install ships no bundle: it generates from the
checkout itself.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUNDLE = "template.bundle"
VERSION_FILE = Path("src/roadmap_scaffold/__init__.py")


class TemplateBundleHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds template.bundle to the wheel (as roadmap_scaffold/template.bundle) and the sdist."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Make the bundle and include it; do nothing for editable installs."""
        if version == "editable":
            return
        bundle = self._make_bundle() or self._bundle_from_sdist()
        if bundle is None:
            return
        target = "roadmap_scaffold/template.bundle" if self.target_name == "wheel" else BUNDLE
        build_data["force_include"][str(bundle)] = target

    def _make_bundle(self) -> Path | None:
        root = Path(self.root)
        if not (root / ".git").exists():
            return None
        release = "v" + package_version(root)
        bundle = Path(self.directory) / BUNDLE
        bundle.parent.mkdir(parents=True, exist_ok=True)
        make_release_bundle(root, release, bundle)
        return bundle

    def _bundle_from_sdist(self) -> Path | None:
        bundle = Path(self.root) / BUNDLE
        return bundle if bundle.is_file() else None


def package_version(root: Path) -> str:
    """``__version__`` as written in the source (what hatch's version source reads too)."""
    text = (root / VERSION_FILE).read_text(encoding="utf-8")
    match = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.MULTILINE)
    if match is None:
        raise RuntimeError(f"no __version__ in {root / VERSION_FILE}")
    return match.group(1)


def _git(where: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=where, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed in {where}: {result.stderr.strip()}")
    return result.stdout.strip()


def make_release_bundle(root: Path, release: str, bundle: Path) -> None:
    """Bundle ``root``'s ``v*`` tags, and ``release`` at ``HEAD`` unless that tag exists."""
    tags = {
        name: object_id
        for object_id, name in (
            line.split()
            for line in _git(
                root, "for-each-ref", "--format=%(objectname) %(refname:short)", "refs/tags/v*"
            ).splitlines()
        )
    }
    if release not in tags:
        tags[release] = _git(root, "rev-parse", "--verify", "HEAD^{commit}")
        if _git(root, "status", "--porcelain", "--untracked-files=no"):
            print(
                f"roadmap-scaffold build: the working tree has uncommitted changes; the "
                f"template release {release} is HEAD's commit without them",
                file=sys.stderr,
            )
    common = Path(_git(root, "rev-parse", "--path-format=absolute", "--git-common-dir"))
    with tempfile.TemporaryDirectory(prefix="roadmap-scaffold-bundle-") as scratch:
        repository = Path(scratch)
        _git(repository, "init", "--quiet", "--bare")
        (repository / "objects" / "info" / "alternates").write_text(
            f"{common / 'objects'}\n", encoding="utf-8"
        )
        if (common / "shallow").is_file():
            tags = {release: _root_commit_of(root, repository, release)}
        for name, object_id in tags.items():
            _git(repository, "update-ref", f"refs/tags/{name}", object_id)
        _git(repository, "bundle", "create", "--quiet", str(bundle), "--tags")


def _root_commit_of(root: Path, repository: Path, release: str) -> str:
    """In a shallow clone (``git clone --depth 1``), ``HEAD``'s files as a commit of its own.

    A bundle of a shallow history cannot be cloned (its oldest commits lack their
    parents), so the release is a parentless commit with ``HEAD``'s tree, author
    and dates: the same files, and the same commit id from every build of ``HEAD``.
    Other tags are left out for the same reason; the user's store keeps earlier releases.
    """
    fields = _git(root, "log", "-1", "--format=%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI", "HEAD")
    names = ("AUTHOR_NAME", "AUTHOR_EMAIL", "AUTHOR_DATE", "COMMITTER_NAME", "COMMITTER_EMAIL",
             "COMMITTER_DATE")  # fmt: skip
    identity = dict(zip(names, fields.split("\0"), strict=True))
    env = {**os.environ, **{f"GIT_{name}": value for name, value in identity.items()}}
    tree = _git(root, "rev-parse", "HEAD^{tree}")
    head = _git(root, "rev-parse", "HEAD")
    message = f"Release {release}: the files of {head} (from a shallow clone)"
    result = subprocess.run(
        ["git", "commit-tree", tree, "-m", message],
        cwd=repository,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()
