"""Release trees: a template release's files, taken out of its git bundle once.

To generate from a git template, Copier clones it into a temporary folder and
checks out the newest release tag, and Jinja compiles its files: on every run,
for files that never change (a release tag names one commit for good). So the
first run clones the release with Copier's own code and keeps its files under
``$XDG_CACHE_HOME/roadmap-scaffold/releases/<tag>-<object id>/files/``, with
what Copier learnt from that clone and records in the project:

- ``commit``: ``git describe --tags --always``, written as ``_commit`` in the
  project's answers file, where `copier update` starts from;
- ``commit_hash``: the full commit id (``_copier_conf.vcs_ref_hash``);
- ``modes``: the file modes in git's index (Copier keeps executable bits from them);
- ``config``: copier.yml as Copier read it (when it is plain JSON data).

Later runs render from those files with those facts, which is what Copier does
after cloning, and with the code Jinja compiled for them in earlier runs, kept
beside them (compiled.py). The answers file records the bundle and the tag as
before, so `copier update` is unchanged. The tests render both ways and compare
every file.

Only git bundles (the installed template, or ``--template x.bundle``) take this
path: a bundle is a local file whose tags are read without a network. Folders,
source checkouts and URLs go through Copier unchanged. Like every cache, the
folder may be deleted at any time; a tree that cannot be kept only costs speed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from roadmap_scaffold import compiled
from roadmap_scaffold.errors import UserError
from roadmap_scaffold.store import cache_dir, release_tags

FACTS_FILE = "roadmap-scaffold-release.json"
"""Written beside the extracted files, last: a folder without it is incomplete."""


@dataclass(frozen=True)
class ReleaseTree:
    """The files of one template release, and what Copier's clone of it said."""

    files: Path
    commit: str
    commit_hash: str
    modes: Mapping[PurePosixPath, int]
    config: dict[str, Any] | None = None

    @property
    def compiled_code(self) -> Path:
        """Where the compiled templates of this release are kept (compiled.py)."""
        return self.files.parent / compiled.FILE_NAME


def release_tree(location: str) -> ReleaseTree | None:
    """The newest release of the bundle at ``location``, extracted on first use.

    None when ``location`` is not a git bundle with a release tag, or when the
    tree cannot be kept: then Copier clones, as it always does.
    """
    bundle = Path(location).expanduser()
    if bundle.suffix != ".bundle" or not bundle.is_file():
        return None
    try:
        releases = release_tags(location)
    except UserError:
        return None
    if not releases:
        return None
    newest = releases[-1]  # the release Copier would check out
    folder = cache_dir() / "releases" / f"{newest.name}-{newest.object_id}"
    tree = _read(folder)
    if tree is None:
        shutil.rmtree(folder, ignore_errors=True)  # half a tree, say from a full disk
        tree = _extract(location, newest.name, folder)
    return tree


def _read(folder: Path) -> ReleaseTree | None:
    try:
        facts = json.loads((folder / FACTS_FILE).read_text(encoding="utf-8"))
        return ReleaseTree(
            files=folder / "files",
            commit=str(facts["commit"]),
            commit_hash=str(facts["commit_hash"]),
            modes=_ModesByPath({str(path): int(mode) for path, mode in facts["modes"].items()}),
            config=facts.get("config"),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _move_or_copy(clone: Path, files: Path) -> None:
    """Move Copier's clone to ``files`` (a rename, if on the same disk), without .git."""
    try:
        os.replace(clone, files)
    except OSError:  # another file system: copy
        shutil.copytree(clone, files, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    shutil.rmtree(files / ".git", ignore_errors=True)


class _ModesByPath(Mapping[PurePosixPath, int]):
    """File modes by path, as Copier looks them up, kept by their text."""

    def __init__(self, modes: dict[str, int]) -> None:
        self._modes = modes

    def __getitem__(self, path: PurePosixPath) -> int:
        return self._modes[PurePosixPath(path).as_posix()]

    def __iter__(self) -> Iterator[PurePosixPath]:
        return (PurePosixPath(path) for path in self._modes)

    def __len__(self) -> int:
        return len(self._modes)


def _extract(location: str, tag: str, folder: Path) -> ReleaseTree | None:
    """Clone ``tag`` with Copier, keep its files and facts in ``folder`` (renamed into place)."""
    from copier._template import Template  # what Copier itself clones with

    template = Template(url=location, ref=tag)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    except OSError:
        return None
    try:
        facts = {  # asked of the clone's git repository, before it goes
            "commit": template.commit,
            "commit_hash": template.commit_hash,
            "modes": {path.as_posix(): mode for path, mode in template.git_index_modes.items()},
        }
        config = template._raw_config
        with suppress(TypeError, ValueError):  # kept only if JSON gives it back unchanged
            if json.loads(json.dumps(config)) == config:
                facts["config"] = config
        _move_or_copy(template.local_abspath, scratch / "files")
        (scratch / FACTS_FILE).write_text(json.dumps(facts, indent=1), encoding="utf-8")
        with suppress(OSError):  # another run kept this release first: the same files
            os.replace(scratch, folder)
        return _read(folder)
    except Exception:  # Copier's own clone then fails again, and explains
        return None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        template._cleanup()
