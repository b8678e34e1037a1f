"""Where the template comes from, and how it stays updatable.

Copier can only update a project from a versioned git source, recorded in the
project's answers file (``_src_path``). A template copied into site-packages is
neither versioned nor stable: the path changes with every upgrade. So:

- A built wheel ships ``template.bundle``: a git bundle of the template's release
  tags (``v0.1.0``, ``v0.2.0``...), made by ``hatch_build.py`` when the package is
  built, next to a plain copy of the newest template (``template/``) that the
  catalog, the wizard and ``list`` read.
- On first use, the bundle is copied to a stable per-user folder,
  ``~/.local/share/roadmap-scaffold/template.bundle`` (or under ``$XDG_DATA_HOME``),
  and projects record that ``~``-based path. A newer package replaces it with its
  newer bundle (which holds every older tag too); an older one never downgrades it.
  ``roadmap-scaffold update`` recreates it on a machine where it was never made.
- In a source checkout (an editable install) the repository itself is the
  template, at ``HEAD`` with any uncommitted changes, so work in progress is what
  gets generated and tested.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from packaging.version import InvalidVersion, Version

from roadmap_scaffold.errors import ScaffoldError, UserError

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
        return TemplateSource(str(root), vcs_ref="HEAD", files=root)
    return TemplateSource(str(root), vcs_ref=None, files=root)


def template_from(source: str | None) -> TemplateSource:
    """Resolve ``--template SRC`` (None: the default template)."""
    if source is None:
        return default_template()
    path = Path(source).expanduser()
    if (path / "copier.yml").is_file():
        return TemplateSource(str(path.resolve()), vcs_ref=None, files=path.resolve())
    if path.exists() and not path.suffix == ".bundle":
        raise UserError(f"{source} is not a roadmap-scaffold template (it has no copier.yml)")
    return TemplateSource(source, vcs_ref=None, files=None)


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


def install_bundle() -> str:
    """Put the packaged bundle in the data folder unless a newer one is there already.

    Returns the bundle's location as projects record it. A source checkout ships
    no bundle: then an existing installed bundle is used as it is.
    """
    installed = data_dir() / BUNDLE_NAME
    if PACKAGED_BUNDLE.is_file() and (
        not installed.is_file()
        # Reading both files is quicker than asking git for their tags.
        or (
            not filecmp.cmp(PACKAGED_BUNDLE, installed, shallow=False)
            and _newest_tag(PACKAGED_BUNDLE) > _newest_tag(installed)
        )
    ):
        installed.parent.mkdir(parents=True, exist_ok=True)
        # Copy then rename: a reader never sees half a bundle.
        with tempfile.NamedTemporaryFile(dir=installed.parent, delete=False) as partial:
            shutil.copyfile(PACKAGED_BUNDLE, partial.name)
        os.chmod(partial.name, 0o644)  # NamedTemporaryFile makes it private (0600)
        os.replace(partial.name, installed)
    if not installed.is_file():
        raise UserError(
            f"the template bundle {installed} is missing and this installation has none "
            "to restore it: reinstall roadmap-scaffold"
        )
    return bundle_location()


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
        ["git", "bundle", "list-heads", str(path)]
        if path.suffix == ".bundle"
        else ["git", "ls-remote", "--tags", str(path if path.exists() else location)]
    )
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise UserError(f"cannot read the template's versions from {location}")
    tags = []
    for line in result.stdout.splitlines():
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


def _newest_tag(bundle: Path) -> Version:
    tags = release_tags(str(bundle))
    return tags[-1].version if tags else Version("0")


def local_template_root(source: str | None) -> Path | None:
    """Return the folder of ``source`` when it is a local template, else None (a git URL)."""
    return template_from(source).files


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
