"""`python -m roadmap_scaffold` as a real process: exit codes, stderr, and git without identity."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

Run = Callable[..., subprocess.CompletedProcess[str]]
Snap = Callable[[Path], Any]


def _assert_one_line_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("roadmap-scaffold: error: ")
    assert expected in lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(["Bad_Name", "--yes"], "invalid project name 'Bad_Name'", id="bad-name"),
        pytest.param(["ok", "--yes", "--kind", "forum"], "unknown kind 'forum'", id="kind"),
        pytest.param(["ok", "--yes", "--data", "nokey"], "KEY=VALUE", id="data"),
        pytest.param(["taken", "--yes"], "not empty", id="non-empty-dir"),
    ],
)
def test_process_refuses_bad_input_with_one_line_and_no_traceback(
    tmp_path: Path, run_tool: Run, take_snapshot: Snap, args: list[str], expected: str
):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = take_snapshot(tmp_path)

    result = run_tool("new", *args)

    _assert_one_line_error(result, expected)
    assert result.returncode == 2
    assert result.stdout == ""
    assert take_snapshot(tmp_path) == before


def test_process_without_terminal_or_yes_names_yes_and_never_hangs(
    tmp_path: Path, run_tool: Run, take_snapshot: Snap
):
    before = take_snapshot(tmp_path)

    result = run_tool("new", "ok")  # stdin is /dev/null; run_tool has a timeout

    _assert_one_line_error(result, "--yes")
    assert result.returncode == 2
    assert take_snapshot(tmp_path) == before


def test_process_with_a_missing_template_is_one_line_and_writes_nothing(
    tmp_path: Path, run_tool: Run, take_snapshot: Snap
):
    before = take_snapshot(tmp_path)

    result = run_tool("new", "ok", "--yes", "--template", str(tmp_path / "nowhere"))

    _assert_one_line_error(result, "")
    assert take_snapshot(tmp_path) == before


def test_process_with_a_database_copier_rejects_is_one_line_and_writes_nothing(
    tmp_path: Path, run_tool: Run, take_snapshot: Snap
):
    before = take_snapshot(tmp_path)

    result = run_tool("new", "ok", "--yes", "--data", "database=mysql")

    _assert_one_line_error(result, "mysql")
    assert take_snapshot(tmp_path) == before


def test_process_with_a_file_in_the_way_of_the_parent_folder_is_one_line(
    tmp_path: Path, run_tool: Run, take_snapshot: Snap
):
    (tmp_path / "afile").write_text("x\n", encoding="utf-8")
    before = take_snapshot(tmp_path)

    result = run_tool("new", "afile/proj", "--yes", "--no-git")

    _assert_one_line_error(result, "afile")
    assert result.returncode == 2
    assert take_snapshot(tmp_path) == before


def test_process_without_any_git_identity_still_makes_one_commit_by_the_learner(
    tmp_path: Path, run_tool: Run, no_identity_env: dict[str, str]
):
    identity = subprocess.run(
        ["git", "config", "user.name"], env=no_identity_env, capture_output=True, text=True
    )
    assert identity.stdout == ""  # the environment really has no identity

    result = run_tool(
        "new",
        "learner",
        "--yes",
        "--data",
        "author_name=Ada Lovelace",
        "--data",
        "author_email=ada@example.org",
        env=no_identity_env,
    )

    project = tmp_path / "learner"

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=project, env=no_identity_env, capture_output=True, text=True
        ).stdout.strip()

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert git("rev-list", "--count", "HEAD") == "1"
    assert git("status", "--porcelain") == ""
    assert git("log", "-1", "--format=%an <%ae>") == "Ada Lovelace <ada@example.org>"
    # ...and says so, with how to make git know the learner (one line).
    notes = [line for line in result.stderr.splitlines() if "user.name" in line]
    assert len(notes) == 1 and "Ada Lovelace <ada@example.org>" in notes[0]
    assert "git config --global user.email" in notes[0]
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text(encoding="utf-8"))
    assert answers["project_name"] == "learner"
    for step in ("cd learner", "make install", "make run", "make test"):
        assert step in result.stdout
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []
