"""Where the template comes from, and how projects can always be updated from it.

Copier updates a project only from the versioned git source its answers file
records (``_src_path``), and a template in site-packages is neither versioned nor
stable. So a built wheel ships ``template.bundle`` (a git bundle of the release
tags, the newest ``v<__version__>``, made by hatch_build.py) beside a plain copy
of the template (``template/``) for the catalog. The user's store, a bare
repository ``releases.git`` in the data folder, takes in each package's tags (a
tag it has keeps its commit, so a recorded version always means the same files)
and is exported as ``template.bundle`` beside it: the ``~``-based path projects
record, valid after any upgrade. A source checkout is its own template: its
tracked files with their uncommitted changes, never its untracked ones.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from packaging.version import InvalidVersion, Version

from roadmap_scaffold.errors import GenerationError, ScaffoldError, UserError
from roadmap_scaffold.git import STAND_IN_EMAIL, STAND_IN_NAME, CommitIdentity, git, git_or_none

PACKAGE_DIR = Path(__file__).parent
PACKAGED_TEMPLATE = PACKAGE_DIR / "template"
PACKAGED_BUNDLE = PACKAGE_DIR / "template.bundle"
SOURCE_CHECKOUT = PACKAGE_DIR.parents[1]
BUNDLE_NAME = "template.bundle"
STORE_NAME = "releases.git"
RECEIVED_NAME = "received-bundles.txt"  # the sha256 of every packaged bundle taken in


@dataclass(frozen=True)
class TemplateSource:
    """A template to generate from."""

    location: str  # what Copier gets and records as ``_src_path``: a path or a URL
    vcs_ref: str | None  # None: the newest release
    files: Path | None  # its files, for the catalog, when they are local


def default_template_root() -> Path:
    """The folder holding the files of the template that ships with the tool."""
    for candidate in (PACKAGED_TEMPLATE, SOURCE_CHECKOUT):
        if (candidate / "copier.yml").is_file():
            return candidate
    raise ScaffoldError(
        "the template is missing from this installation: reinstall roadmap-scaffold"
    )


def default_template() -> TemplateSource:
    """The template `roadmap-scaffold new` uses when no --template is given."""
    root = default_template_root()
    if PACKAGED_BUNDLE.is_file():
        return TemplateSource(install_bundle(), None, root)
    if root == SOURCE_CHECKOUT and (root / ".git").exists():
        return TemplateSource(str(root), checkout_snapshot(root), root)
    return TemplateSource(str(root), None, root)


def template_from(source: str | None, vcs_ref: str | None = None) -> TemplateSource:
    """``--template SRC`` (None: the default) at ``--vcs-ref REF``, which must exist."""
    path = Path(source or ".").expanduser()
    if source is None:
        template = default_template()
    elif (path / "copier.yml").is_file():
        template = TemplateSource(str(path.resolve()), None, path.resolve())
    elif path.exists() and path.suffix != ".bundle":
        raise UserError(f"{source} is not a roadmap-scaffold template (it has no copier.yml)")
    else:
        template = TemplateSource(source, None, None)
    if vcs_ref is None:
        return template
    return replace(template, vcs_ref=require_version(template.location, vcs_ref))


def checkout_snapshot(root: Path) -> str:
    """The commit id of ``root``'s tracked files as they are now, uncommitted changes included.

    Given a working tree with changes, Copier would copy it whole and ``git add
    --all`` it, untracked files included (a project generated inside the clone
    then breaks its clone). ``git stash create`` commits the tracked files alone,
    moving no branch; without changes the snapshot is ``HEAD``.

    It works on a copy of the checkout's index: ``git stash create`` refreshes and
    writes the index, so two at once in one checkout (two renders side by side) would
    meet on its lock, and the second fail with no message.
    """
    # A commit for the tool's own use: it must not depend on the machine's git identity.
    tool = CommitIdentity(STAND_IN_NAME, STAND_IN_EMAIL, from_git=False)
    try:
        index = Path(root, git(root, "rev-parse", "--git-path", "index").strip())
        handle, own_index = tempfile.mkstemp(prefix="roadmap-scaffold-index-")
        os.close(handle)
        try:
            if index.is_file():
                shutil.copyfile(index, own_index)
            else:  # no index yet: git reads a missing file as an empty index
                os.unlink(own_index)
            env = {**tool.env(), "GIT_INDEX_FILE": own_index}
            changes = git(root, "stash", "create", env=env).strip()
        finally:
            Path(own_index).unlink(missing_ok=True)
        return changes or git(root, "rev-parse", "--verify", "HEAD").strip()
    except (GenerationError, OSError) as error:
        raise ScaffoldError(f"cannot read the template's commit in {root}: {error}") from error


def require_version(location: str, ref: str) -> str:
    """The name Copier knows ``ref`` by: a release (``v0.2.0`` or ``0.2.0``) or any git revision.

    A ref the template does not have is a UserError naming the releases it has.
    """
    path = Path(location).expanduser()
    bare = (path / "HEAD").is_file() and (path / "objects").is_dir()
    if path.is_dir() and not (path / ".git").exists() and not bare:
        raise UserError(f"--vcs-ref needs a git template, and {location} is a plain folder")
    releases = release_tags(location)
    wanted = parse_version(ref)
    for release in releases:
        if release.name == ref or (wanted is not None and release.version == wanted):
            return release.name
    # A branch, a commit or another tag of a repository (a ref starting "-" is an option).
    commit = ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"]
    if path.is_dir() and not ref.startswith("-") and git_or_none(path, *commit) is not None:
        return ref
    names = ", ".join(release.name for release in releases) or "none"
    raise UserError(f"unknown template version {ref!r} (the template's versions: {names})")


def data_dir() -> Path:
    """The per-user folder of the template store."""
    return (
        Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local/share") / "roadmap-scaffold"
    )


def cache_dir() -> Path:
    """The per-user folder for what roadmap-scaffold can always rebuild (see releases.py)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "roadmap-scaffold"


def is_installed_bundle(location: str) -> bool:
    """Whether ``location`` (a recorded ``_src_path``) is this user's store's bundle."""
    return Path(location).expanduser() == data_dir() / BUNDLE_NAME


def install_bundle(packaged: Path = PACKAGED_BUNDLE) -> str:
    """Take the ``packaged`` bundle's releases into the user's store, once per bundle.

    Returns the store's bundle. A source checkout ships no bundle: then the
    store's bundle is used as it is.
    """
    installed = data_dir() / BUNDLE_NAME
    if packaged.is_file():
        digest = hashlib.sha256(packaged.read_bytes()).hexdigest()
        received = data_dir() / RECEIVED_NAME
        try:
            seen = received.read_text(encoding="utf-8").split()
        except OSError:
            seen = []
        if not installed.is_file() or digest not in seen:
            receive_releases(packaged)
            with received.open("a", encoding="utf-8") as listing:
                listing.write(digest + "\n")
    if not installed.is_file():
        raise UserError(
            f"the template bundle {installed} is missing and this installation has none "
            "to restore it: reinstall roadmap-scaffold"
        )
    try:  # as projects record it: ``~``-based under the home folder
        return "~/" + installed.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(installed)


def receive_releases(bundle: Path) -> None:
    """Add ``bundle``'s tags that the store lacks to it, then export the store's bundle again.

    The exported bundle replaces the old one by a rename: a reader never sees half of one.
    """
    store = data_dir() / STORE_NAME
    installed = data_dir() / BUNDLE_NAME
    try:
        if not (store / "HEAD").is_file():
            store.parent.mkdir(parents=True, exist_ok=True)
            git(store.parent, "init", "--quiet", "--bare", STORE_NAME)
            if installed.is_file():  # a bundle from a version before the store: keep its tags
                _fetch_new_tags(store, installed)
        _fetch_new_tags(store, bundle)
        with tempfile.TemporaryDirectory(dir=store.parent, prefix=".bundle-") as scratch:
            partial = Path(scratch) / BUNDLE_NAME
            git(store, "bundle", "create", "--quiet", str(partial), "--tags")
            os.chmod(partial, 0o644)
            os.replace(partial, installed)
    except GenerationError as error:
        raise ScaffoldError(f"cannot update the template store {data_dir()}: {error}") from error


def _fetch_new_tags(store: Path, bundle: Path) -> None:
    have = git(store, "for-each-ref", "--format=%(refname)", "refs/tags").split()
    heads = _tags(git(None, "bundle", "list-heads", str(bundle)))
    if new := [ref for ref in heads if ref not in have]:
        git(store, "fetch", "--quiet", "--no-tags", str(bundle), *(f"{ref}:{ref}" for ref in new))


def _tags(listing: str) -> dict[str, str]:
    """The tags of git's "<object id> <ref>" lines (ls-remote, bundle list-heads): ref -> id."""
    refs = (line.split() for line in listing.splitlines() if line.strip())
    return {
        ref: object_id
        for object_id, *_, ref in refs
        if ref.startswith("refs/tags/") and not ref.endswith("^{}")
    }


class Release(NamedTuple):
    """A release tag of the template: its version, its name and the git object it names."""

    version: Version
    name: str
    object_id: str


def release_tags(location: str) -> list[Release]:
    """The release tags of a git template (repository or bundle), oldest first.

    PEP 440 versions without pre-releases: the tags Copier chooses the newest from.
    """
    path = Path(location).expanduser()
    if path.suffix == ".bundle":
        command = ("bundle", "list-heads", str(path))
    else:
        command = ("ls-remote", "--tags", str(path if path.exists() else location))
    try:
        listing = git(None, *command)
    except GenerationError as error:
        raise UserError(f"cannot read the template's versions from {location}") from error
    releases = []
    for ref, object_id in _tags(listing).items():
        name = ref.removeprefix("refs/tags/")
        version = parse_version(name)
        if version is not None and not version.is_prerelease:
            releases.append(Release(version, name, object_id))
    return sorted(releases)


def parse_version(name: str) -> Version | None:
    """The PEP 440 version of a tag such as ``v0.2.0``, or None for other tags."""
    try:
        return Version(name)
    except InvalidVersion:
        return None
