"""Where the template comes from: releases without tags, the user's store, bad versions.

- A build (hatch_build.py) bundles ``v<__version__>`` at the commit it is built
  from, next to the checkout's release tags, and changes nothing in the checkout.
- The user's store keeps every release it ever received, so a project made by an
  older package still updates after an upgrade; a release is never rewritten.
- A source checkout renders its tracked files with their uncommitted changes,
  whatever else lies in the clone (a project generated there is a nested repository).
- ``--vcs-ref`` and ``--to`` naming a version the template lacks: one line, exit 2.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from tests.support.paths import REPO_ROOT
from tests.support.template_repo import git, make_template_repo, release

from roadmap_scaffold import store
from roadmap_scaffold.cli import main


def _hatch_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hatch_build", REPO_ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _commit(repo: Path, name: str, text: str) -> str:
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", f"{name}: {text.strip()}")
    return git(repo, "rev-parse", "HEAD")


def _tags(location: Path) -> dict[str, str]:
    return {release.name: release.object_id for release in store.release_tags(str(location))}


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A small repository with two commits and no tag."""
    repo = tmp_path / "checkout"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    _commit(repo, "file.txt", "first\n")
    _commit(repo, "file.txt", "second\n")
    return repo


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "roadmap-scaffold"


def test_a_build_without_tags_bundles_the_version_at_head(checkout: Path, tmp_path: Path):
    bundle = tmp_path / "template.bundle"
    refs_before = git(checkout, "for-each-ref")

    _hatch_build().make_release_bundle(checkout, "v0.3.0", bundle)

    assert _tags(bundle) == {"v0.3.0": git(checkout, "rev-parse", "HEAD")}
    assert git(checkout, "for-each-ref") == refs_before  # the checkout gained no tag


def test_a_build_keeps_existing_tags_where_they_are(checkout: Path, tmp_path: Path):
    first = git(checkout, "rev-parse", "HEAD~1")
    git(checkout, "tag", "v0.1.0", first)
    git(checkout, "tag", "-a", "-m", "annotated", "v0.2.0", first)
    bundle = tmp_path / "template.bundle"

    _hatch_build().make_release_bundle(checkout, "v0.1.0", bundle)  # version not bumped

    tags = _tags(bundle)
    assert tags["v0.1.0"] == first  # not moved to HEAD
    assert set(tags) == {"v0.1.0", "v0.2.0"}


def test_a_build_from_a_dirty_checkout_releases_head_and_says_so(
    checkout: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    (checkout / "file.txt").write_text("not committed\n", encoding="utf-8")
    bundle = tmp_path / "template.bundle"

    _hatch_build().make_release_bundle(checkout, "v0.3.0", bundle)

    assert _tags(bundle) == {"v0.3.0": git(checkout, "rev-parse", "HEAD")}
    assert "uncommitted changes" in capsys.readouterr().err


def test_a_build_from_a_shallow_clone_bundles_head_s_files_as_a_cloneable_release(
    checkout: Path, tmp_path: Path
):
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth=1", f"file://{checkout}", str(shallow))
    bundle = tmp_path / "template.bundle"

    _hatch_build().make_release_bundle(shallow, "v0.3.0", bundle)

    clone = tmp_path / "from-bundle"
    git(tmp_path, "clone", "--quiet", "--no-checkout", str(bundle), str(clone))
    assert git(clone, "rev-parse", "v0.3.0^{tree}") == git(shallow, "rev-parse", "HEAD^{tree}")


def _bundle_of(repo: Path, tmp_path: Path, name: str, version: str) -> Path:
    bundle = tmp_path / f"{name}.bundle"
    _hatch_build().make_release_bundle(repo, version, bundle)
    return bundle


def test_the_store_keeps_every_release_it_received(checkout: Path, tmp_path: Path, data_home: Path):
    old = _bundle_of(checkout, tmp_path, "old", "v0.1.0")
    old_commit = git(checkout, "rev-parse", "HEAD")
    location = store.install_bundle(old)
    new_commit = _commit(checkout, "file.txt", "third\n")
    new = _bundle_of(checkout, tmp_path, "new", "v0.2.0")  # no tag in the checkout: v0.2.0 only
    assert set(_tags(new)) == {"v0.2.0"}

    assert store.install_bundle(new) == location
    assert _tags(Path(location).expanduser()) == {"v0.1.0": old_commit, "v0.2.0": new_commit}

    store.install_bundle(old)  # an older package again: nothing is taken away
    assert set(_tags(data_home / "template.bundle")) == {"v0.1.0", "v0.2.0"}


def test_a_release_the_store_has_keeps_its_commit(checkout: Path, tmp_path: Path, data_home: Path):
    store.install_bundle(_bundle_of(checkout, tmp_path, "first", "v0.1.0"))
    released = git(checkout, "rev-parse", "HEAD")
    _commit(checkout, "file.txt", "changed without a new version\n")

    store.install_bundle(_bundle_of(checkout, tmp_path, "again", "v0.1.0"))

    assert _tags(data_home / "template.bundle") == {"v0.1.0": released}


def test_the_store_adopts_a_bundle_installed_before_it_existed(
    checkout: Path, tmp_path: Path, data_home: Path
):
    data_home.mkdir(parents=True)
    git(checkout, "tag", "v0.1.0", "HEAD~1")
    git(checkout, "bundle", "create", "--quiet", str(data_home / "template.bundle"), "--tags")

    store.install_bundle(_bundle_of(checkout, tmp_path, "new", "v0.2.0"))

    assert set(_tags(data_home / "template.bundle")) == {"v0.1.0", "v0.2.0"}


def test_a_source_checkout_renders_tracked_files_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """What the README's commands did in either order: a project inside the clone."""
    clone = make_template_repo(tmp_path / "clone")
    nested = clone / "my-blog"  # a generated project: a repository of its own
    nested.mkdir()
    git(nested, "init", "--quiet")
    _commit(nested, "app.py", "print('mine')\n")
    (clone / "scratch.txt").write_text("untracked\n", encoding="utf-8")
    readme = clone / "templates" / "_shared" / "SECURITY.md.jinja"
    readme.write_text(readme.read_text("utf-8") + "\nWork in progress.\n", "utf-8")
    monkeypatch.setattr(store, "SOURCE_CHECKOUT", clone)
    monkeypatch.setattr(store, "PACKAGED_TEMPLATE", tmp_path / "no-packaged-template")
    monkeypatch.setattr(store, "PACKAGED_BUNDLE", tmp_path / "no.bundle")
    status_before = git(clone, "status", "--porcelain")

    code = main(["new", str(tmp_path / "out"), "--yes"])

    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out"
    assert (out / "SECURITY.md").read_text("utf-8").endswith("Work in progress.\n")
    assert not (out / "scratch.txt").exists()
    assert git(clone, "status", "--porcelain") == status_before
    answers = yaml.safe_load((out / ".copier-answers.yml").read_text("utf-8"))
    assert answers["_src_path"] == str(clone)


def test_a_snapshot_needs_no_git_identity(
    checkout: Path, no_identity_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
):
    for key in list(os.environ):
        if key not in no_identity_env:
            monkeypatch.delenv(key)
    for key, value in no_identity_env.items():
        monkeypatch.setenv(key, value)
    (checkout / "file.txt").write_text("uncommitted\n", encoding="utf-8")

    snapshot = store.checkout_snapshot(checkout)

    shown = subprocess.run(
        ["git", "show", f"{snapshot}:file.txt"], cwd=checkout, capture_output=True, text=True
    )
    assert shown.stdout == "uncommitted\n"


def test_snapshots_taken_at_once_all_hold_the_uncommitted_change(checkout: Path):
    """Renders side by side (a test run on every core, two terminals) each take a snapshot
    of one checkout; git's lock on the checkout's index must not fail any of them."""
    (checkout / "file.txt").write_text("uncommitted\n", encoding="utf-8")
    index_before = (checkout / ".git" / "index").read_bytes()

    with ThreadPoolExecutor(8) as pool:
        snapshots = list(pool.map(lambda _: store.checkout_snapshot(checkout), range(16)))

    assert {git(checkout, "show", f"{snapshot}:file.txt") for snapshot in snapshots} == {
        "uncommitted"
    }
    assert (checkout / ".git" / "index").read_bytes() == index_before


@pytest.fixture(scope="module")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = make_template_repo(tmp_path_factory.mktemp("template") / "repo")
    (repo / "templates" / "fastapi" / "CONTRIBUTING.md.jinja").write_text("v2\n", "utf-8")
    release(repo, "0.2.0")
    return repo


@pytest.mark.parametrize("ref", ["v9.9.9", "9.9.9", "no-such-branch", "--help"])
def test_new_refuses_a_version_the_template_does_not_have(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str], ref: str
):
    destination = tmp_path / "out"

    code = main(["new", str(destination), "--template", str(template_repo), f"--vcs-ref={ref}",
                 "--yes"])  # fmt: skip

    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == (
        f"roadmap-scaffold: error: unknown template version {ref!r} "
        "(the template's versions: v0.1.0, v0.2.0)"
    )
    assert not destination.exists()


def test_new_refuses_a_version_of_the_default_template_it_does_not_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    code = main(["new", str(tmp_path / "out"), "--vcs-ref", "v9.9.9", "--yes"])

    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "unknown template version 'v9.9.9'" in err
    assert not (tmp_path / "out").exists()


def test_a_version_of_a_plain_folder_is_refused(
    tmp_path: Path, template_copy: Path, capsys: pytest.CaptureFixture[str]
):
    code = main(["new", str(tmp_path / "out"), "--template", str(template_copy),
                 "--vcs-ref", "v0.1.0", "--yes"])  # fmt: skip

    err = capsys.readouterr().err
    assert code == 2 and "--vcs-ref needs a git template" in err
    assert len(err.strip().splitlines()) == 1


def test_a_version_without_its_v_is_the_release(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str]
):
    project = tmp_path / "out"
    code = main(["new", str(project), "--template", str(template_repo), "--vcs-ref", "0.1.0",
                 "--yes"])  # fmt: skip

    assert code == 0, capsys.readouterr().err
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text("utf-8"))
    assert answers["_commit"] == "v0.1.0"
    assert not (project / "CONTRIBUTING.md").exists()
