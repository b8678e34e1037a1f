"""The cache behind a fast `new`: release trees (releases.py). It must give what
Copier's own clone gives, and be safe to lose or damage."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from tests.support.template_repo import git, make_template_repo, release

from roadmap_scaffold import releases
from roadmap_scaffold.store import release_tags

# --- release trees -------------------------------------------------------------


@pytest.fixture(scope="module")
def tagged_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle whose tags test the choice: versions, a pre-release, a non-version."""
    folder = tmp_path_factory.mktemp("tags")
    repo = make_template_repo(folder / "repo")  # v0.1.0
    for version in ("0.2.0", "0.10.0", "0.11.0rc1"):
        (repo / "VERSION").write_text(version + "\n", encoding="utf-8")
        release(repo, version)
    git(repo, "tag", "nightly")
    bundle = folder / "template.bundle"
    git(repo, "bundle", "create", "--quiet", str(bundle), "--tags")
    return bundle


def test_releases_are_the_version_tags_in_pep_440_order_without_pre_releases(
    tagged_bundle: Path,
):
    # Copier's documented choice of the newest release: the highest PEP 440 version
    # among the tags, pre-releases skipped; other tags ("nightly") are not versions.
    releases_found = release_tags(str(tagged_bundle))
    assert [tag.name for tag in releases_found] == ["v0.1.0", "v0.2.0", "v0.10.0"]
    assert all(len(tag.object_id) == 40 for tag in releases_found)


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "roadmap-scaffold" / "releases"


def test_a_release_is_cloned_once_then_read_from_its_tree(
    tagged_bundle: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
):
    tree = releases.release_tree(str(tagged_bundle))
    assert tree is not None
    assert (tree.files / "VERSION").read_text(encoding="utf-8") == "0.10.0\n"
    assert tree.commit == "v0.10.0"  # what Copier records as _commit
    assert not (tree.files / ".git").exists()

    def no_cloning(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("cloned again")

    monkeypatch.setattr(releases, "_extract", no_cloning)
    assert releases.release_tree(str(tagged_bundle)) == tree


def test_half_a_release_tree_is_replaced(tagged_bundle: Path, cache_home: Path):
    tree = releases.release_tree(str(tagged_bundle))
    assert tree is not None
    (tree.files.parent / releases.FACTS_FILE).unlink()  # as if the disk filled up
    again = releases.release_tree(str(tagged_bundle))
    assert again == tree


@pytest.mark.parametrize("kind_of_source", ["folder", "repository", "missing bundle"])
def test_only_bundles_get_release_trees(
    tmp_path: Path, tagged_bundle: Path, cache_home: Path, kind_of_source: str
):
    source = {
        "folder": tmp_path,
        "repository": tagged_bundle.parent / "repo",
        "missing bundle": tmp_path / "gone.bundle",
    }[kind_of_source]
    assert releases.release_tree(str(source)) is None
    assert not cache_home.exists()


def test_a_bundle_without_release_tags_gets_no_tree(tmp_path: Path, cache_home: Path):
    repo = make_template_repo(tmp_path / "repo")
    git(repo, "tag", "--delete", "v0.1.0")
    git(repo, "tag", "latest")
    bundle = tmp_path / "untagged.bundle"
    subprocess.run(
        ["git", "bundle", "create", "--quiet", str(bundle), "--all"], cwd=repo, check=True
    )
    assert releases.release_tree(str(bundle)) is None


def test_a_cache_folder_that_cannot_be_written_gets_no_tree(
    tmp_path: Path, tagged_bundle: Path, monkeypatch: pytest.MonkeyPatch
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert releases.release_tree(str(tagged_bundle)) is None  # Copier clones, as always
