"""Release trees: a template release's files, taken out of its git bundle once.

To generate from a git template, Copier clones it and checks out the newest
release tag on every run, for files that never change (a tag names one commit
for good). So the first run clones the release with plain git and keeps its
files in ``$XDG_CACHE_HOME/roadmap-scaffold/releases/<tag>-<object id>/files/``,
with ``git describe --tags --always`` of that checkout: the ``_commit`` Copier
would record. generate.py renders them with Copier's public ``run_copy``.

Only git bundles take this path: their tags are read without a network.
Folders and URLs go through Copier unchanged. Like every cache, the folder may
be deleted at any time; a tree that cannot be kept only costs speed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from roadmap_scaffold.errors import ScaffoldError, UserError
from roadmap_scaffold.git import git
from roadmap_scaffold.store import cache_dir, release_tags

FACTS_FILE = "roadmap-scaffold-release.json"  # written last: a folder without it is incomplete


@dataclass(frozen=True)
class ReleaseTree:
    """The files of one template release, and the ``_commit`` Copier records for it."""

    files: Path
    commit: str


def release_tree(location: str) -> ReleaseTree | None:
    """The newest release of the bundle at ``location``, extracted on first use.

    None when ``location`` is no git bundle with a release tag, or when the tree
    cannot be kept: then Copier clones, as it always does.
    """
    bundle = Path(location).expanduser()
    if bundle.suffix != ".bundle" or not bundle.is_file():
        return None
    try:
        newest = release_tags(location)[-1]  # the release Copier would check out
    except (UserError, IndexError):  # no tags to read, or none a release
        return None
    folder = cache_dir() / "releases" / f"{newest.name}-{newest.object_id}"
    tree = _read(folder)
    if tree is None:
        shutil.rmtree(folder, ignore_errors=True)  # half a tree, say from a full disk
        tree = _extract(location, newest.name, folder)
    return tree


def _read(folder: Path) -> ReleaseTree | None:
    try:
        facts = json.loads((folder / FACTS_FILE).read_text(encoding="utf-8"))
        return ReleaseTree(files=folder / "files", commit=str(facts["commit"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _extract(location: str, tag: str, folder: Path) -> ReleaseTree | None:
    """Clone ``tag`` as Copier would, keep its files and ``_commit`` in ``folder``."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    except OSError:
        return None
    try:
        files = scratch / "files"
        git(scratch, "clone", "--quiet", "--no-checkout", str(Path(location).absolute()), "files")
        git(files, "-c", "advice.detachedHead=false", "checkout", "--quiet", tag)
        facts = {"commit": git(files, "describe", "--tags", "--always").strip()}
        shutil.rmtree(files / ".git")
        (scratch / FACTS_FILE).write_text(json.dumps(facts), encoding="utf-8")
        with suppress(OSError):  # another run kept this release first: the same files
            os.replace(scratch, folder)
        return _read(folder)
    except (OSError, ScaffoldError):  # Copier's own clone then fails again, and explains
        return None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
