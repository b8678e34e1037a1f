"""`roadmap-scaffold new`, in-process: argument handling, bad inputs, and the good paths."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from roadmap_scaffold.cli import main

Snap = Callable[[Path], Any]


def _answers(project: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((project / ".copier-answers.yml").read_text("utf-8"))
    return data


def _git(project: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=project, capture_output=True, text=True, check=True
    ).stdout.strip()


def _staging_leftovers(parent: Path) -> list[str]:
    return sorted(path.name for path in parent.iterdir() if path.name.startswith("."))


# --- bad inputs: one line, non-zero, nothing written ------------------------------------


def _non_empty(tmp: Path) -> None:
    (tmp / "taken").mkdir()
    (tmp / "taken" / "notes.txt").write_text("mine\n", encoding="utf-8")


def _a_file(tmp: Path) -> None:
    (tmp / "taken").write_text("a file, not a folder\n", encoding="utf-8")


def _answers_file(content: str | bytes) -> Callable[[Path], None]:
    def write(tmp: Path) -> None:
        path = tmp / "answers.yml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return write


def _a_folder_named_answers(tmp: Path) -> None:
    (tmp / "answers.yml").mkdir()


def _nothing(tmp: Path) -> None:
    return None


def _template_without_copier_yml(tmp: Path) -> None:
    (tmp / "not-a-template").mkdir()
    (tmp / "not-a-template" / "README.md").write_text("hello\n", encoding="utf-8")


BAD_INPUTS = [
    pytest.param(
        ["My-Blog"],
        _nothing,
        "invalid project name 'My-Blog' (from the folder name)",
        id="uppercase-dir",
    ),
    pytest.param(["1blog"], _nothing, "invalid project name '1blog'", id="leading-digit-dir"),
    pytest.param(["my--blog"], _nothing, "invalid project name 'my--blog'", id="double-hyphen"),
    pytest.param(["blog-"], _nothing, "invalid project name 'blog-'", id="trailing-hyphen"),
    pytest.param(["a" * 41], _nothing, "at most 40 characters", id="too-long-dir"),
    pytest.param(
        ["ok", "--data", "project_name=Bad_Name"],
        _nothing,
        "invalid project name 'Bad_Name'",
        id="bad-name-via-data",
    ),
    pytest.param(
        ["ok", "--data", f"project_name={'b' * 41}"],
        _nothing,
        "at most 40 characters",
        id="too-long-via-data",
    ),
    pytest.param(["ok", "--kind", "forum"], _nothing, "unknown kind 'forum'", id="unknown-kind"),
    pytest.param(
        ["ok", "--framework", "rails"], _nothing, "unknown framework 'rails'", id="unknown-fw"
    ),
    pytest.param(
        ["ok", "--framework", "laravel"],
        _nothing,
        "'laravel' (it is planned, not available yet)",
        id="planned-framework",
    ),
    pytest.param(
        ["ok", "--database", "mysql"], _nothing, "unknown database 'mysql'", id="bad-database"
    ),
    pytest.param(["ok", "--data", "author_name"], _nothing, "KEY=VALUE", id="data-without-equals"),
    pytest.param(["ok", "--data", "=x"], _nothing, "KEY=VALUE", id="data-without-key"),
    pytest.param(
        ["ok", "--data", "colour=blue"], _nothing, "unknown answer 'colour'", id="data-unknown-key"
    ),
    pytest.param(
        ["ok", "--data", "catalog=x"], _nothing, "unknown answer 'catalog'", id="data-hidden-key"
    ),
    pytest.param(
        ["ok", "--answers-file", "missing.yml"],
        _nothing,
        "cannot read the answers file missing.yml",
        id="answers-file-missing",
    ),
    pytest.param(
        ["ok", "--answers-file", "answers.yml"],
        _a_folder_named_answers,
        "cannot read the answers file",
        id="answers-file-is-a-folder",
    ),
    pytest.param(
        ["ok", "--answers-file", "answers.yml"],
        _answers_file("kind: [blog\n"),
        "answers.yml is not valid YAML (line 2, column 1: expected ',' or ']'",
        id="answers-file-invalid-yaml",
    ),
    pytest.param(
        ["ok", "--answers-file", "answers.yml"],
        _answers_file("- blog\n- fastapi\n"),
        "must be a YAML mapping",
        id="answers-file-a-list",
    ),
    pytest.param(
        ["ok", "--answers-file", "answers.yml"],
        _answers_file("just words\n"),
        "must be a YAML mapping",
        id="answers-file-a-string",
    ),
    pytest.param(
        ["ok", "--answers-file", "answers.yml"],
        _answers_file("kind: forum\n"),
        "unknown kind 'forum'",
        id="answers-file-unknown-kind",
    ),
    pytest.param(
        ["ok", "--answers-file", "answers.yml"],
        _answers_file("colour: blue\n"),
        "unknown answer 'colour'",
        id="answers-file-unknown-key",
    ),
    pytest.param(
        ["ok", "--answers-file", "answers.yml"],
        _answers_file(b"kind: \xff\xfe blog\n"),
        "answers file",
        id="answers-file-not-utf8",
    ),
    pytest.param(["taken"], _non_empty, "not empty", id="non-empty-dir"),
    pytest.param(["taken"], _a_file, "not a folder", id="dir-is-a-file"),
    pytest.param(
        ["taken/project"],
        _a_file,
        "taken",
        id="dir-inside-a-file",
    ),
    pytest.param(
        ["ok", "--template", "not-a-template"],
        _template_without_copier_yml,
        "is not a roadmap-scaffold template",
        id="template-without-copier-yml",
    ),
]


@pytest.mark.parametrize(("args", "setup", "expected"), BAD_INPUTS)
def test_new_refuses_bad_input_with_one_line_and_changes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    take_snapshot: Snap,
    args: list[str],
    setup: Callable[[Path], None],
    expected: str,
):
    setup(tmp_path)
    before = take_snapshot(tmp_path)

    code = main(["new", *args, "--yes", "--no-git"])

    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2
    assert len(lines) == 1, err
    assert lines[0].startswith("roadmap-scaffold: error: ")
    assert expected in lines[0]
    assert out == ""
    assert take_snapshot(tmp_path) == before


def test_new_refuses_a_template_path_that_does_not_exist_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], take_snapshot: Snap
):
    before = take_snapshot(tmp_path)

    code = main(["new", "ok", "--yes", "--template", str(tmp_path / "no-such-template")])

    _, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert code != 0
    assert len(lines) == 1, err
    assert lines[0].startswith("roadmap-scaffold: error: ")
    assert take_snapshot(tmp_path) == before


def test_new_from_a_folder_that_was_deleted_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()  # a shell still "in" a folder that another terminal deleted

    code = main(["new", str(tmp_path / "ok"), "--yes"])

    _, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 1
    assert lines == [
        "roadmap-scaffold: error: the current folder no longer exists: "
        "cd into a folder that exists and try again"
    ]
    assert list(tmp_path.iterdir()) == []  # no project, no staging folder left behind


def test_new_refuses_a_database_that_copier_does_not_offer_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], take_snapshot: Snap
):
    before = take_snapshot(tmp_path)

    code = main(["new", "ok", "--yes", "--no-git", "--data", "database=mysql"])

    _, err = capsys.readouterr()
    assert code != 0
    assert "roadmap-scaffold: error: " in err
    assert "mysql" in err
    assert "Traceback" not in err
    assert take_snapshot(tmp_path) == before


def test_new_leaves_an_existing_non_empty_folder_exactly_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine\n", encoding="utf-8")

    code = main(["new", "taken", "--yes"])

    assert code == 2
    assert (taken / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert [path.name for path in taken.iterdir()] == ["notes.txt"]


def test_new_without_a_terminal_and_without_yes_names_yes_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], take_snapshot: Snap
):
    before = take_snapshot(tmp_path)

    code = main(["new", "ok"])  # pytest's stdin is not a terminal

    _, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2
    assert len(lines) == 1
    assert "--yes" in lines[0]
    assert take_snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param([], "required", id="no-command"),
        pytest.param(["build"], "invalid choice: 'build'", id="unknown-command"),
        pytest.param(["new", "a", "b"], "unrecognized arguments: b", id="two-dirs"),
        pytest.param(["new", "--colour"], "unrecognized arguments: --colour", id="unknown-flag"),
        pytest.param(["new", "--kind"], "expected one argument", id="flag-without-value"),
    ],
)
def test_usage_errors_are_one_line_with_exit_code_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
):
    code = main(argv)

    _, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2
    assert len(lines) == 1, err
    assert expected in lines[0]
    assert "--help" in lines[0]


def test_version_prints_the_version(capsys: pytest.CaptureFixture[str]):
    from roadmap_scaffold import __version__

    code = main(["--version"])

    assert code == 0
    assert __version__ in capsys.readouterr().out


# --- good paths -----------------------------------------------------------------------------


def test_new_yes_generates_a_committed_blog_named_after_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    code = main(["new", "projects/conduit-api", "--yes"])

    out, _ = capsys.readouterr()
    project = tmp_path / "projects" / "conduit-api"
    answers = _answers(project)
    assert code == 0
    assert answers["project_name"] == "conduit-api"
    assert (answers["kind"], answers["framework"], answers["database"]) == (
        "blog",
        "fastapi",
        "sqlite",
    )
    assert _git(project, "rev-list", "--count", "HEAD") == "1"
    assert _git(project, "status", "--porcelain", "--untracked-files=all") == ""
    assert _git(project, "branch", "--show-current") == "main"
    assert _staging_leftovers(project.parent) == []
    assert [path.name for path in project.parent.iterdir()] == ["conduit-api"]
    for step in ("cd projects/conduit-api", "make install", "make run", "make test"):
        assert step in out


# The tests below take the template from a plain copy (`--template`): quicker than Copier
# cloning this source checkout, and they check the tool's handling of arguments.


def test_new_no_git_generates_without_a_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template_copy: Path
):
    code = main(
        [
            "new",
            "plain",
            "--yes",
            "--no-git",
            "--database",
            "postgres",
            "--template",
            str(template_copy),
        ]
    )

    project = tmp_path / "plain"
    assert code == 0
    assert (project / ".copier-answers.yml").is_file()
    assert not (project / ".git").exists()
    assert _answers(project)["database"] == "postgres"
    assert _staging_leftovers(tmp_path) == []


def test_new_accepts_an_existing_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template_copy: Path
):
    (tmp_path / "empty").mkdir()

    code = main(["new", "empty", "--yes", "--no-git", "--template", str(template_copy)])

    assert code == 0
    assert _answers(tmp_path / "empty")["project_name"] == "empty"
    assert _staging_leftovers(tmp_path) == []


def test_new_without_a_folder_creates_my_kind_in_the_current_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template_copy: Path
):
    code = main(["new", "--yes", "--no-git", "--template", str(template_copy)])

    out, _ = capsys.readouterr()
    assert code == 0
    assert _answers(tmp_path / "my-blog")["project_name"] == "my-blog"
    assert "cd my-blog" in out


def test_new_uses_the_answers_file_and_flags_override_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template_copy: Path
):
    (tmp_path / "answers.yml").write_text(
        "_src_path: /somewhere/else\n"
        "database: postgres\n"
        "project_name: from-the-file\n"
        "author_name: File Author\n"
        "author_email: file@example.org\n",
        encoding="utf-8",
    )

    code = main(
        [
            "new",
            "folder",
            "--yes",
            "--no-git",
            "--answers-file",
            "answers.yml",
            "--database",
            "sqlite",
            "--data",
            "author_name=Flag Author",
            "--template",
            str(template_copy),
        ]
    )

    answers = _answers(tmp_path / "folder")
    assert code == 0
    assert answers["project_name"] == "from-the-file"
    assert answers["author_email"] == "file@example.org"
    assert answers["database"] == "sqlite"  # --database beats the file
    assert answers["author_name"] == "Flag Author"  # --data beats the file
    # Copier's own keys in the file (_src_path...) are not taken as answers.
    assert Path(answers["_src_path"]).resolve() == template_copy.resolve()


def test_new_data_author_name_lands_in_the_answers_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template_copy: Path
):
    code = main(
        [
            "new",
            "ada",
            "--yes",
            "--no-git",
            "--data",
            "author_name=Ada Lovelace",
            "--data",
            "author_email=ada@example.org",
            "--template",
            str(template_copy),
        ]
    )

    answers = _answers(tmp_path / "ada")
    assert code == 0
    assert answers["author_name"] == "Ada Lovelace"
    assert answers["author_email"] == "ada@example.org"


def test_new_template_generates_from_another_copy_of_the_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template_copy: Path
):
    code = main(["new", "from-copy", "--yes", "--no-git", "--template", str(template_copy)])

    answers = _answers(tmp_path / "from-copy")
    assert code == 0
    assert Path(answers["_src_path"]).resolve() == template_copy.resolve()
    assert answers["project_name"] == "from-copy"
