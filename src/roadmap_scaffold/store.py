"""Where the template comes from, and how it stays updatable.

Copier can only update a project from a versioned git source, recorded in the
project's answers file (``_src_path``). A template copied into site-packages is
neither versioned nor stable: the path changes with every upgrade. So:

- A built wheel ships ``template.bundle``: a git bundle whose newest release tag is
  ``v<__version__>`` at the commit the package was built from, with every release tag
  of that checkout (made by ``hatch_build.py``), next to a plain copy of the newest
  template (``template/``) that the catalog, the wizard and ``list`` read.
- The user's store keeps every release it has ever received: a bare git repository,
  ``~/.local/share/roadmap-scaffold/releases.git`` (or under ``$XDG_DATA_HOME``), takes
  the tags of each new package's bundle (a tag it has keeps its commit), and is exported
  again as ``~/.local/share/roadmap-scaffold/template.bundle``: the ``~``-based path
  projects record. So a project made by any earlier version still finds its version
  after an upgrade, and an older package never takes a release away.
  ``roadmap-scaffold update`` recreates the store on a machine where it was never made.
- In a source checkout (an editable install) the repository itself is the
  template: its tracked files with their uncommitted changes (a commit made by
  ``git stash create``, which touches no branch), so work in progress is what gets
  generated and tested, and nothing untracked (a project generated inside the
  clone, a nested repository, scratch files) is.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from packaging.version import InvalidVersion, Version

from roadmap_scaffold.errors import GenerationError, ScaffoldError, UserError
from roadmap_scaffold.git import STAND_IN_EMAIL, STAND_IN_NAME, CommitIdentity, git, git_or_none

PACKAGE_DIR = Path(__file__).parent
PACKAGED_TEMPLATE = PACKAGE_DIR / "template"
PACKAGED_BUNDLE = PACKAGE_DIR / "template.bundle"
SOURCE_CHECKOUT = PACKAGE_DIR.parents[1]
BUNDLE_NAME = "template.bundle"


@dataclass(frozen=True)
class TemplateSource:
    """A template to generate from: where Copier finds it, and at which version."""

    location: str
    """What Copier gets and records as ``_src_path``: a path, ``~``-based path or URL."""
    vcs_ref: str | None
    """The version to use; None means the newest release tag."""
    files: Path | None
    """A local folder with the template's files (for the catalog), when there is one."""


def default_template_root() -> Path:
    """Return the folder holding the files of the template that ships with the tool."""
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
        return TemplateSource(install_bundle(), vcs_ref=None, files=root)
    if root == SOURCE_CHECKOUT and (root / ".git").exists():
        return TemplateSource(str(root), vcs_ref=checkout_snapshot(root), files=root)
    return TemplateSource(str(root), vcs_ref=None, files=root)


def template_from(source: str | None, vcs_ref: str | None = None) -> TemplateSource:
    """Resolve ``--template SRC`` (None: the default template) and ``--vcs-ref REF``.

    A ``vcs_ref`` the template does not have is one clear error, before anything
    is rendered.
    """
    template = _template_from(source)
    if vcs_ref is None:
        return template
    return TemplateSource(
        template.location,
        vcs_ref=require_version(template.location, vcs_ref),
        files=template.files,
    )


def _template_from(source: str | None) -> TemplateSource:
    if source is None:
        return default_template()
    path = Path(source).expanduser()
    if (path / "copier.yml").is_file():
        return TemplateSource(str(path.resolve()), vcs_ref=None, files=path.resolve())
    if path.exists() and not path.suffix == ".bundle":
        raise UserError(f"{source} is not a roadmap-scaffold template (it has no copier.yml)")
    return TemplateSource(source, vcs_ref=None, files=None)


def checkout_snapshot(root: Path) -> str:
    """The commit id of ``root``'s tracked files as they are now, uncommitted changes included.

    Given ``HEAD`` and a working tree with changes, Copier copies the whole working
    tree and runs ``git add --all``, untracked files included: a project generated
    inside the clone is then a nested repository, and Copier's clone fails on it
    ("No url found for submodule path"). ``git stash create`` makes a commit of
    the tracked files alone, moving no branch and touching no file; Copier's local
    clone copies the repository's objects, so it can check that commit out.
    Without uncommitted changes the snapshot is ``HEAD`` itself.
    """
    # A commit for the tool's own use: it must not depend on the machine's git identity.
    tool = CommitIdentity(STAND_IN_NAME, STAND_IN_EMAIL, from_git=False)
    try:
        changes = git(root, "stash", "create", env=tool.env()).strip()
        return changes or git(root, "rev-parse", "--verify", "HEAD").strip()
    except GenerationError as error:
        raise ScaffoldError(f"cannot read the template's commit in {root}: {error}") from error


def require_version(location: str, ref: str) -> str:
    """``ref`` (a release such as ``v0.2.0`` or ``0.2.0``, or any git revision) of a template.

    Returns the name to give Copier; a ref the template does not have is a
    UserError naming the releases it does have.
    """
    path = Path(location).expanduser()
    if path.is_dir() and not (path / ".git").exists() and not _is_bare_repository(path):
        raise UserError(f"--vcs-ref needs a git template, and {location} is a plain folder")
    releases = release_tags(location)
    wanted = parse_version(ref)
    for release in releases:
        if release.name == ref or (wanted is not None and release.version == wanted):
            return release.name
    if path.is_dir() and _git_has_commit(path, ref):
        return ref  # a branch, a commit or another tag of a repository
    names = ", ".join(release.name for release in releases) or "none"
    raise UserError(f"unknown template version {ref!r} (the template's versions: {names})")


def _is_bare_repository(path: Path) -> bool:
    return (path / "HEAD").is_file() and (path / "objects").is_dir()


def _git_has_commit(repository: Path, ref: str) -> bool:
    if ref.startswith("-"):
        return False  # an option, not a revision
    # git's "no" is the answer here: the ref is no commit of this repository.
    return (
        git_or_none(repository, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is not None
    )


def data_dir() -> Path:
    """The per-user folder where the template bundle is kept."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "roadmap-scaffold"


def cache_dir() -> Path:
    """The per-user folder for what roadmap-scaffold can always rebuild (see releases.py)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "roadmap-scaffold"


def bundle_location() -> str:
    """The bundle's path as projects record it: ``~``-based when it is under the home folder."""
    path = data_dir() / BUNDLE_NAME
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)


def is_installed_bundle(location: str) -> bool:
    """Whether ``location`` (a recorded ``_src_path``) is this user's installed bundle."""
    return Path(location).expanduser() == data_dir() / BUNDLE_NAME


STORE_NAME = "releases.git"
RECEIVED_NAME = "received-bundles.txt"
"""The sha256 of every packaged bundle the store has taken in, one a line."""


def install_bundle(packaged: Path = PACKAGED_BUNDLE) -> str:
    """Take the ``packaged`` bundle's releases into the user's store, once per bundle.

    Returns the store's bundle location as projects record it. A source checkout
    ships no bundle: then an existing installed bundle is used as it is.
    """
    installed = data_dir() / BUNDLE_NAME
    if packaged.is_file():
        digest = hashlib.sha256(packaged.read_bytes()).hexdigest()
        received = data_dir() / RECEIVED_NAME
        if not installed.is_file() or digest not in _read_lines(received):
            receive_releases(packaged)
            with received.open("a", encoding="utf-8") as listing:
                listing.write(digest + "\n")
    if not installed.is_file():
        raise UserError(
            f"the template bundle {installed} is missing and this installation has none "
            "to restore it: reinstall roadmap-scaffold"
        )
    return bundle_location()


def _read_lines(path: Path) -> set[str]:
    try:
        return set(path.read_text(encoding="utf-8").split())
    except OSError:
        return set()


def receive_releases(bundle: Path) -> None:
    """Add ``bundle``'s tags that the store lacks to it, then export the store's bundle again.

    A tag the store has keeps its commit: a release is never rewritten, so a
    project's recorded version always means the same files. The bundle at the
    recorded path is replaced by a rename, so a reader never sees half of one.
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
    have = set(git(store, "for-each-ref", "--format=%(refname)", "refs/tags").split())
    heads = git(None, "bundle", "list-heads", str(bundle)).splitlines()
    new = [
        ref
        for ref in (line.split()[-1] for line in heads)  # "<object id> <ref>"
        if ref.startswith("refs/tags/") and not ref.endswith("^{}") and ref not in have
    ]
    if new:
        git(store, "fetch", "--quiet", "--no-tags", str(bundle), *(f"{ref}:{ref}" for ref in new))


class Release(NamedTuple):
    """A release tag of the template: its version, its name and the git object it names."""

    version: Version
    name: str
    object_id: str


def release_tags(location: str) -> list[Release]:
    """The release tags of a git template (repository or bundle), oldest first.

    Tags that are PEP 440 versions, pre-releases left out: the tags Copier's
    ``get_latest_tag`` chooses from, so the last one is the release it would use.
    """
    path = Path(location).expanduser()
    command = (
        ("bundle", "list-heads", str(path))
        if path.suffix == ".bundle"
        else ("ls-remote", "--tags", str(path if path.exists() else location))
    )
    try:
        listing = git(None, *command)
    except GenerationError as error:
        raise UserError(f"cannot read the template's versions from {location}") from error
    tags = []
    for line in listing.splitlines():
        fields = line.split()  # "<object id> <ref>"
        object_id, ref = fields[0], fields[-1]
        if ref.startswith("refs/tags/") and not ref.endswith("^{}"):
            name = ref.removeprefix("refs/tags/")
            version = parse_version(name)
            if version is not None and not version.is_prerelease:
                tags.append(Release(version, name, object_id))
    return sorted(tags)


def parse_version(name: str) -> Version | None:
    """The PEP 440 version of a tag such as ``v0.2.0``, or None for other tags."""
    try:
        return Version(name)
    except InvalidVersion:
        return None


def template_questions(template_root: Path) -> set[str]:
    """The answer keys a user may give for the template at ``template_root``.

    Hidden, computed answers (``when: false``) and Copier's own settings (``_*``)
    are not questions, so ``--data`` cannot set them.
    """
    config: dict[str, Any] = yaml.safe_load((template_root / "copier.yml").read_text("utf-8"))
    return {
        key
        for key, spec in config.items()
        if not key.startswith("_") and not (isinstance(spec, dict) and spec.get("when") is False)
    }
