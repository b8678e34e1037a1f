"""git.py: one error policy for every git command the tool runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.support.paths import REPO_ROOT

from roadmap_scaffold.errors import GenerationError
from roadmap_scaffold.git import git, git_or_none


def test_a_git_failure_is_one_line_naming_the_command_and_gits_last_line(tmp_path: Path):
    with pytest.raises(GenerationError) as caught:
        git(tmp_path, "-c", "core.quotePath=false", "checkout", "--quiet", "no-such-branch")
    message = str(caught.value)
    assert message.startswith("git checkout failed: ")
    assert "\n" not in message
    assert "not a git repository" in message


def test_without_git_on_the_path_the_error_says_how_to_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PATH", str(tmp_path))  # a folder without git
    with pytest.raises(GenerationError, match="git is not installed"):
        git(tmp_path, "status")


def test_output_is_returned(tmp_path: Path):
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    assert git(tmp_path, "symbolic-ref", "HEAD").strip() == "refs/heads/main"


def test_a_tolerated_failure_is_none_and_success_its_output(tmp_path: Path):
    assert git_or_none(tmp_path, "rev-parse", "--is-inside-work-tree") is None
    git(tmp_path, "init", "--quiet")
    assert git_or_none(tmp_path, "rev-parse", "--is-inside-work-tree") == "true\n"


def test_no_module_but_git_py_runs_git_itself():
    # One error policy: a second module calling subprocess with "git" would have its own.
    package = REPO_ROOT / "src" / "roadmap_scaffold"
    found = [
        f"{path.name}:{number}"
        for path in sorted(package.glob("*.py"))
        if path.name != "git.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"""[\[(]\s*["']git["']""", line)
    ]
    assert not found, f"git run outside git.py: {found}"
