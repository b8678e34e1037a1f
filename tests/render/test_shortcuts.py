"""`roadmap-scaffold new` renders what plain Copier renders: same result, every time.

generate.py renders a release tree kept instead of a clone (releases.py), with
Copier's public `run_copy` and the guarded patches of copier_patches.py, then writes
the answers file's source lines. Each combination is rendered three ways from the
same git bundle, as the installed tool renders it: plain `copier copy`, then the
tool with an empty cache (first run), then the tool again with the cache it filled.
Every file, its bytes and its mode, the answers file included, must be the same;
and the first commit must hold the tree `git add --all` + `git commit` would make.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from copier import run_copy
from tests.render.test_render import answers_for
from tests.support.matrix import render_matrix
from tests.support.template_repo import IDENTITY, make_template_repo

from roadmap_scaffold.generate import GenerationRequest, commit_initial, render

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


def _tree_and_index(project: Path) -> tuple[str, str, str]:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=project, capture_output=True, text=True, check=True
        ).stdout

    return git("rev-parse", "HEAD^{tree}"), git("ls-files", "--stage"), git("status", "--porcelain")


@pytest.mark.parametrize(
    ("kind", "framework"),
    sorted({(kind, framework) for kind, framework, _ in MATRIX}),
)
def test_the_first_commit_holds_what_git_add_all_would_commit(
    tmp_path: Path, bundle: Path, kind: str, framework: str
) -> None:
    answers = answers_for(kind, framework, "sqlite")
    rendered = tmp_path / "rendered"
    run_copy(str(bundle), rendered, data=answers, defaults=True, quiet=True)
    (rendered / ".env").write_text("SECRET_KEY=ignored-by-gitignore\n", encoding="utf-8")
    (rendered / "bin").mkdir(exist_ok=True)
    (rendered / "bin" / "tool.sh").write_text("#!/bin/sh\n", encoding="utf-8")
    (rendered / "bin" / "tool.sh").chmod(0o755)
    os.symlink("README.md", rendered / "README-link.md")

    with_tool, with_git_add = tmp_path / "fast", tmp_path / "add"
    shutil.copytree(rendered, with_tool, symlinks=True)
    shutil.copytree(rendered, with_git_add, symlinks=True)
    commit_initial(with_tool, answers)
    subprocess.run(
        ["git", "init", "--quiet", "--initial-branch=main"], cwd=with_git_add, check=True
    )
    subprocess.run(["git", "add", "--all"], cwd=with_git_add, check=True)
    subprocess.run(
        ["git", *IDENTITY, "commit", "--quiet", "--no-verify", "-m", "x"],
        cwd=with_git_add,
        check=True,
    )

    tree, index, status = _tree_and_index(with_tool)
    assert (tree, index) == _tree_and_index(with_git_add)[:2]
    assert status == ""
    assert ".env\n" not in index  # .gitignore applied
    assert "100755" in next(line for line in index.splitlines() if line.endswith("bin/tool.sh"))
    assert "120000" in next(line for line in index.splitlines() if line.endswith("README-link.md"))
