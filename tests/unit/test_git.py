"""git.py: one error policy for every git command the tool runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap_scaffold.errors import GenerationError
from roadmap_scaffold.git import git


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
