"""`roadmap-scaffold new` takes shortcuts past Copier's slow steps: same result, every time.

generate.py renders with shortcuts (a release tree kept instead of a clone, compiled
templates kept between runs, answers merged once, libyaml). Each combination is
rendered three ways from the same git bundle, as the installed tool renders it: plain
`copier copy`, then the tool with an empty cache (first run), then the tool again
with the cache it filled.
Every file, its bytes and its mode, the answers file included, must be the same.
"""

from __future__ import annotations

import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from copier import run_copy
from tests.render.test_render import answers_for
from tests.support.matrix import render_matrix
from tests.support.template_repo import make_template_repo

from roadmap_scaffold.generate import GenerationRequest, render

pytestmark = pytest.mark.render

MATRIX = render_matrix()

Tree = dict[str, tuple[bytes, int] | None]


def tree_of(root: Path) -> Tree:
    """Every path under ``root`` but .git: (content, mode) for files, None for folders."""
    tree: Tree = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative == ".git" or relative.startswith(".git/"):
            continue
        if path.is_dir():
            tree[relative] = None
        else:
            tree[relative] = (path.read_bytes(), stat.S_IMODE(path.stat().st_mode))
    return tree


def differences(expected: Tree, actual: Tree) -> list[str]:
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = sorted(name for name in set(expected) & set(actual) if expected[name] != actual[name])
    return (
        [f"missing {name}" for name in missing]
        + [f"extra {name}" for name in extra]
        + [f"differs {name}" for name in changed]
    )


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This template as a wheel ships it: a git bundle of its release tags."""
    folder = tmp_path_factory.mktemp("template")
    repo = make_template_repo(folder / "repo")
    bundle = folder / "template.bundle"
    subprocess.run(
        ["git", "bundle", "create", "--quiet", str(bundle), "v0.1.0"],
        cwd=repo,
        check=True,
        capture_output=True,
    )
    return bundle


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    yield cache


@pytest.mark.parametrize(
    ("kind", "framework", "database"),
    MATRIX,
    ids=[f"{kind}-{framework}-{database}" for kind, framework, database in MATRIX],
)
def test_the_tool_renders_what_plain_copier_renders_first_time_and_after(
    tmp_path: Path, bundle: Path, empty_cache: Path, kind: str, framework: str, database: str
) -> None:
    answers = answers_for(kind, framework, database)
    plain = tmp_path / "plain" / "project"
    run_copy(str(bundle), plain, data=answers, defaults=True, overwrite=True, quiet=True)
    expected = tree_of(plain)
    assert ".copier-answers.yml" in expected

    for run in ("first", "second"):
        project = tmp_path / run / "project"
        render(GenerationRequest(project, answers, template=str(bundle)), project)
        assert differences(expected, tree_of(project)) == [], f"{run} run"
    (kept,) = (empty_cache / "roadmap-scaffold" / "releases").iterdir()
    assert (kept / "files" / "copier.yml").is_file()
    assert list(kept.glob("jinja-*.marshal")), "no compiled code kept"
