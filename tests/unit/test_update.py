"""`roadmap-scaffold update` and `check`, on real template versions (git tags), not mocks.

A copy of this repository's template is committed and tagged v0.1.0; v0.2.0 adds a
file and changes a shared file. Projects are generated from v0.1.0, changed and
committed by a "learner", then updated.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from tests.support.template_repo import git as _git
from tests.support.template_repo import make_template_repo, release

from roadmap_scaffold.cli import main

OLD_HEADING = "## Reporting a problem"
NEW_HEADING = "## Reporting a security problem"


@pytest.fixture(scope="module")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template repository with two release tags."""
    repo = make_template_repo(tmp_path_factory.mktemp("template") / "repo")

    security = repo / "templates" / "_shared" / "SECURITY.md.jinja"
    assert OLD_HEADING in security.read_text("utf-8")
    security.write_text(security.read_text("utf-8").replace(OLD_HEADING, NEW_HEADING), "utf-8")
    (repo / "templates" / "fastapi" / "CONTRIBUTING.md.jinja").write_text(
        "# Contributing to {{ project_name }}\n", encoding="utf-8"
    )
    release(repo, "0.2.0")
    return repo


def _project(tmp_path: Path, template_repo: Path, version: str = "v0.1.0") -> Path:
    project = tmp_path / "my-blog"
    code = main(
        ["new", str(project), "--template", str(template_repo), "--vcs-ref", version, "--yes"]
    )
    assert code == 0
    return project


def _commit_learner_work(project: Path, edits: dict[str, tuple[str, str]]) -> None:
    """Apply (old, new) replacements per file, add NOTES.md, and commit."""
    for name, (old, new) in edits.items():
        path = project / name
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} is not in {name}"
        path.write_text(text.replace(old, new, 1), "utf-8")
    (project / "NOTES.md").write_text("My notes, the template knows nothing of them.\n", "utf-8")
    _git(project, "add", "--all")
    _git(project, "commit", "--quiet", "-m", "My work")


def _all_text(project: Path) -> str:
    return "\n".join(
        path.read_text("utf-8", errors="replace")
        for path in project.rglob("*")
        if path.is_file() and ".git" not in path.parts
    )


def test_update_brings_the_new_version_and_keeps_every_line_of_the_learner(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, template_repo)
    _commit_learner_work(
        project,
        {
            # A file the template also changes, on other lines...
            "SECURITY.md": ("This project is a learning project", "This is MY project"),
            # ...and one it does not change.
            "README.md": ("## Quick start", "## Quick start (my way)"),
        },
    )
    capsys.readouterr()

    code = main(["update", str(project), "--yes"])

    out = capsys.readouterr().out
    assert code == 0
    assert (project / "CONTRIBUTING.md").read_text("utf-8") == "# Contributing to my-blog\n"
    security = (project / "SECURITY.md").read_text("utf-8")
    assert NEW_HEADING in security and OLD_HEADING not in security
    assert "This is MY project" in security
    assert "## Quick start (my way)" in (project / "README.md").read_text("utf-8")
    assert (project / "NOTES.md").read_text("utf-8").startswith("My notes")
    assert not [line for line in _all_text(project).splitlines() if line.startswith("<<<<<<<")], (
        "conflict markers were left in the project"
    )
    assert yaml.safe_load((project / ".copier-answers.yml").read_text("utf-8"))["_commit"] == (
        "v0.2.0"
    )
    assert "from template version v0.1.0 to v0.2.0" in out
    changed = out.split("Changed by the template:")[1].split("\n\n")[0]
    merged = out.split("Merged with your own changes:")[1].split("\n\n")[0]
    assert "CONTRIBUTING.md" in changed
    assert "SECURITY.md" in merged
    assert "In conflict" not in out
    assert "git add --all && git commit" in out


def test_update_marks_lines_changed_on_both_sides_and_names_the_file(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, template_repo)
    _commit_learner_work(
        project, {"SECURITY.md": (OLD_HEADING, "## How to tell me about a vulnerability")}
    )
    capsys.readouterr()

    code = main(["update", str(project), "--yes"])

    out = capsys.readouterr().out
    assert code == 0
    security = (project / "SECURITY.md").read_text("utf-8")
    lines = security.splitlines()
    assert "<<<<<<< before updating" in lines and ">>>>>>> after updating" in lines
    assert "## How to tell me about a vulnerability" in security  # the learner's line...
    assert NEW_HEADING in security  # ...and the template's, side by side
    conflicts = out.split("In conflict (both changed the same lines):")[1].split("\n\n")[0]
    assert "SECURITY.md" in conflicts
    assert "NOTES.md" not in out  # the learner's own file was never touched
    assert (project / "NOTES.md").read_text("utf-8").startswith("My notes")


def _state(project: Path) -> tuple[str, str, dict[str, str]]:
    files = {
        str(path.relative_to(project)): path.read_text("utf-8", errors="replace")
        for path in project.rglob("*")
        if path.is_file() and ".git" not in path.parts
    }
    return _git(project, "rev-parse", "HEAD"), _git(project, "status", "--porcelain"), files


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--data", "framework=django"], "cannot change framework"),
        (["--data", "kind=social"], "cannot change kind"),
        (["--to", "v9.9.9"], "unknown template version 'v9.9.9'"),
    ],
)
def test_update_refuses_what_could_lose_work_and_touches_nothing(
    tmp_path: Path,
    template_repo: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    expected: str,
) -> None:
    project = _project(tmp_path, template_repo)
    before = _state(project)
    capsys.readouterr()

    code = main(["update", str(project), "--yes", *args])

    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and expected in err
    assert _state(project) == before


def test_update_refuses_a_project_with_uncommitted_work_and_touches_nothing(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, template_repo)
    (project / "README.md").write_text("work in progress\n", encoding="utf-8")
    before = _state(project)
    capsys.readouterr()

    code = main(["update", str(project), "--yes"])

    err = capsys.readouterr().err
    assert code == 2
    assert "uncommitted changes" in err and len(err.strip().splitlines()) == 1
    assert _state(project) == before


def test_update_and_check_refuse_a_folder_that_was_not_generated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["update", str(tmp_path), "--yes"]) == 2
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("is not a roadmap-scaffold project") == 2


def test_update_without_a_terminal_asks_for_yes(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, template_repo)
    capsys.readouterr()

    code = main(["update", str(project)])  # pytest's stdin is not a terminal

    assert code == 2
    assert "--yes" in capsys.readouterr().err


def test_check_exits_1_when_behind_and_0_when_up_to_date(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    behind = _project(tmp_path / "a", template_repo, "v0.1.0")
    current = _project(tmp_path / "b", template_repo, "v0.2.0")
    capsys.readouterr()

    assert main(["check", str(behind)]) == 1
    out = capsys.readouterr().out
    assert "v0.1.0" in out and "v0.2.0" in out

    assert main(["check", str(current)]) == 0
    assert "Up to date" in capsys.readouterr().out


def test_update_to_the_current_version_says_so(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, template_repo, "v0.2.0")
    capsys.readouterr()

    code = main(["update", str(project), "--yes"])

    assert code == 0
    assert "Already up to date" in capsys.readouterr().out
    assert _git(project, "status", "--porcelain") == ""
