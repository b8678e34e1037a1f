"""The caches behind a fast `new`: compiled templates (compiled.py) and release trees
(releases.py). Both must give what Copier and Jinja give without them, and both
must be safe to lose or damage."""

from __future__ import annotations

import itertools
import subprocess
from pathlib import Path

import pytest
from copier._vcs import get_latest_tag
from jinja2.sandbox import SandboxedEnvironment
from tests.support.template_repo import git, make_template_repo, release

from roadmap_scaffold import releases
from roadmap_scaffold.compiled import CompiledTemplates
from roadmap_scaffold.store import release_tags

jinja_compile = SandboxedEnvironment.compile


def _render(cache: CompiledTemplates, env: SandboxedEnvironment, source: str) -> str:
    code = cache.compile(jinja_compile, env, source, None, None, False)
    return env.template_class.from_code(env, code, env.make_globals(None)).render()


def _ticking_env() -> SandboxedEnvironment:
    env = SandboxedEnvironment()
    ticks = itertools.count(1)
    env.filters["tick"] = lambda _value: next(ticks)  # like strftime: not a constant
    return env


def test_kept_code_evaluates_filters_when_it_renders_not_when_it_was_compiled(tmp_path: Path):
    # Jinja's optimiser would fold `'x' | tick` into the constant 1 at compile time;
    # kept code is compiled unoptimised, so each render asks the filter again.
    cache = CompiledTemplates(tmp_path / "kept.marshal")
    env = _ticking_env()
    assert [_render(cache, env, "{{ 'x' | tick }}") for _ in range(3)] == ["1", "2", "3"]
    assert env.optimized  # the environment's own setting is left as it was


def test_compiled_code_is_kept_between_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "kept.marshal"
    first = CompiledTemplates(path)
    assert _render(first, SandboxedEnvironment(), "Hello {{ 'w' ~ 'orld' }}") == "Hello world"
    first.save()

    def no_compiling(*_args: object) -> None:
        raise AssertionError("compiled again")

    second = CompiledTemplates(path)
    code = second.compile(
        no_compiling, SandboxedEnvironment(), "Hello {{ 'w' ~ 'orld' }}", None, None, False
    )
    assert code is not None
    # Another syntax is another template: compiled, not taken from the cache.
    other_syntax = SandboxedEnvironment(variable_start_string="[[", variable_end_string="]]")
    with pytest.raises(AssertionError, match="compiled again"):
        second.compile(no_compiling, other_syntax, "Hello {{ 'w' ~ 'orld' }}", None, None, False)


def test_kept_code_still_runs_the_extensions_preprocess_hooks(tmp_path: Path):
    # Copier's {% yield %} (one file per item) resets its state when a path part is
    # compiled; a part taken from the cache must reset it too.
    from copier._jinja_ext import YieldExtension, get_yield_context

    cache = CompiledTemplates(tmp_path / "kept.marshal")
    env = SandboxedEnvironment(extensions=[YieldExtension])
    part = "{% yield item from items %}{{ item }}{% endyield %}.py"
    for _ in range(2):  # compiled, then from the cache: no "yield tag twice" error
        code = cache.compile(jinja_compile, env, part, None, None, False)
        env.template_class.from_code(env, code, env.make_globals(None)).render(items=[1, 2])
        assert get_yield_context(env).yield_name == "item"
        _render(cache, env, "plain-folder")
        assert get_yield_context(env).yield_name is None


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe3\x00\x01"])
def test_a_damaged_cache_file_is_ignored(tmp_path: Path, content: bytes):
    path = tmp_path / "kept.marshal"
    path.write_bytes(content)
    cache = CompiledTemplates(path)
    assert _render(cache, SandboxedEnvironment(), "{{ 6 * 7 }}") == "42"
    cache.save()
    assert _render(CompiledTemplates(path), SandboxedEnvironment(), "{{ 6 * 7 }}") == "42"


def test_a_cache_folder_that_cannot_be_written_only_costs_speed(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go\n", encoding="utf-8")
    cache = CompiledTemplates(blocker / "kept.marshal")
    assert _render(cache, SandboxedEnvironment(), "{{ 'ok' }}") == "ok"
    cache.save()  # no exception


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


def test_the_newest_release_is_the_one_copier_would_choose(tagged_bundle: Path):
    newest = release_tags(str(tagged_bundle))[-1]
    assert newest.name == get_latest_tag(str(tagged_bundle)) == "v0.10.0"
    assert len(newest.object_id) == 40


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
    assert tree.config is not None and tree.config["_subdirectory"].startswith("templates/")
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
