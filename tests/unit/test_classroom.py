"""`roadmap-scaffold classroom`: a roster becomes one personalised repository per
student; status, update and grade work across the class. Real repositories, real
template versions."""

from __future__ import annotations

import csv
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from tests.support.template_repo import git as _git
from tests.support.template_repo import make_template_repo, release

from roadmap_scaffold import classroom
from roadmap_scaffold.classroom import terminal_progress
from roadmap_scaffold.cli import main
from roadmap_scaffold.errors import GenerationError

NAMES = [
    "Ada Lovelace", "Alan Turing", "Grace Hopper", "Zoë O'Neil", "Édouard Lucas",
    "Katherine Johnson", "Linus Torvalds", "Margaret Hamilton", "Dennis Ritchie", "Barbara Liskov",
    "Ken Thompson", "Frances Allen", "Donald Knuth", "Radia Perlman", "John McCarthy",
    "Hedy Lamarr", "Tim Berners-Lee", "Anita Borg", "Guido van Rossum", "Shafi Goldwasser",
    "Edsger Dijkstra", "Sophie Wilson", "Bjarne Stroustrup", "Jean Sammet", "Niklaus Wirth",
    "Karen Spärck Jones", "Leslie Lamport", 'Mary "Kenneth" Keller', "Yes", "Adele Goldberg",
]  # fmt: skip


def _write_roster(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as roster:
        writer = csv.writer(roster)
        writer.writerow(["name", "email", "github", "section"])
        writer.writerows(rows)
    return path


def _github(index: int) -> str:
    return f"student-{index:02d}"


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    rows = [[name, f"s{i}@example.edu", _github(i), "A"] for i, name in enumerate(NAMES)]
    return _write_roster(tmp_path / "roster.csv", rows)


@pytest.fixture(scope="module")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the template with one release, v0.1.0."""
    return make_template_repo(tmp_path_factory.mktemp("template") / "repo")


def _release_next(repo: Path, version: str) -> None:
    (repo / "templates" / "fastapi" / "CONTRIBUTING.md.jinja").write_text(
        f"# Contributing ({version})\n", encoding="utf-8"
    )
    release(repo, version.removeprefix("v"))


def test_a_roster_of_30_gives_30_personalised_repositories_with_one_commit_each(
    tmp_path: Path, roster: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "class"

    code = main(
        ["classroom", "new", str(roster), "--kind", "blog", "--framework", "fastapi",
         "-o", str(output), "--yes"]
    )  # fmt: skip

    assert code == 0, capsys.readouterr().err
    repositories = sorted(path for path in output.iterdir() if path.is_dir())
    assert [path.name for path in repositories] == [_github(i) for i in range(30)]
    for index, repository in enumerate(repositories):
        name, email = NAMES[index], f"s{index}@example.edu"
        assert _git(repository, "rev-list", "--count", "HEAD") == "1"
        assert _git(repository, "status", "--porcelain") == ""
        answers = yaml.safe_load((repository / ".copier-answers.yml").read_text("utf-8"))
        assert (answers["author_name"], answers["author_email"]) == (name, email)
        assert answers["classroom"] is True
        assert f"Made by {name} (<{email}>)" in (repository / "README.md").read_text("utf-8")
        assert f"Copyright (c) {answers['copyright_year']} {name}\n" in (
            repository / "LICENSE"
        ).read_text("utf-8")
        authors = tomllib.loads((repository / "pyproject.toml").read_text("utf-8"))["project"][
            "authors"
        ]
        assert authors == [{"name": name, "email": email}]
        assert (repository / ".github" / "workflows" / "grade.yml").is_file()
    with (output / "class.csv").open(encoding="utf-8") as summary:
        listed = [row["repository"] for row in csv.DictReader(summary)]
    assert listed == [_github(i) for i in range(30)]


def test_each_classroom_repository_is_exactly_what_new_makes_for_that_student(
    tmp_path: Path, roster: Path
) -> None:
    main(
        ["classroom", "new", str(roster), "--kind", "blog", "--framework", "fastapi",
         "-o", str(tmp_path / "class"), "--yes"]
    )  # fmt: skip
    for index in (3, 27):  # one copied and personalised; one with quotes, rendered apart
        alone = tmp_path / f"alone-{index}"
        main(
            ["new", str(alone), "--yes", "--data", "classroom=true", "--data",
             "project_name=my-blog", "--data", f"author_name={NAMES[index]}",
             "--data", f"author_email=s{index}@example.edu", "--no-git"]
        )  # fmt: skip
        from_class = tmp_path / "class" / _github(index)
        for path in alone.rglob("*"):
            if path.is_file():
                relative = path.relative_to(alone)
                expected = [
                    line
                    for line in path.read_text("utf-8").splitlines()
                    if not line.startswith("_commit:")
                ]
                actual = [
                    line
                    for line in (from_class / relative).read_text("utf-8").splitlines()
                    if not line.startswith("_commit:")
                ]
                assert actual == expected, f"{relative} differs for {NAMES[index]!r}"


def test_a_template_that_transforms_the_author_renders_each_student_and_leaves_no_scratch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_template_repo(tmp_path / "transforming")
    (repo / "templates" / "fastapi" / "AUTHOR.txt.jinja").write_text(
        "{{ author_name | upper }}\n", encoding="utf-8"
    )
    release(repo, "0.2.0")
    roster = _write_roster(tmp_path / "roster.csv", [[NAMES[0], "ada@example.edu", "ada", "A"]])
    output = tmp_path / "class"

    code = main(
        ["classroom", "new", str(roster), "--kind", "blog", "--framework", "fastapi",
         "-o", str(output), "--template", str(repo), "--yes"]
    )  # fmt: skip

    assert code == 0, capsys.readouterr().err
    assert sorted(path.name for path in output.iterdir()) == ["ada", "class.csv"]
    assert (output / "ada" / "AUTHOR.txt").read_text("utf-8") == "ADA LOVELACE\n"


def test_a_roster_with_a_duplicate_github_name_and_a_bad_email_is_refused_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = _write_roster(
        tmp_path / "roster.csv",
        [
            ["Ada Lovelace", "ada@example.edu", "ada", "A"],
            ["Bob Builder", "not-an-email", "bob", "A"],
            ["Ada Twin", "twin@example.edu", "ADA", "B"],
            ["", "nobody@example.edu", "-nobody-", "B"],
        ],
    )
    before = sorted(path.name for path in tmp_path.iterdir())

    code = main(
        ["classroom", "new", str(roster), "--kind", "blog", "--framework", "fastapi",
         "-o", str(tmp_path / "class"), "--yes"]
    )  # fmt: skip

    err = capsys.readouterr().err
    assert code == 2
    assert "line 3: invalid email 'not-an-email'" in err
    assert "line 4: github name 'ADA' is already on line 2" in err
    assert "line 5: the name is empty" in err and "line 5: invalid github name" in err
    assert "Traceback" not in err
    assert sorted(path.name for path in tmp_path.iterdir()) == before


def _class_of_three(tmp_path: Path, template_repo: Path) -> Path:
    roster = _write_roster(
        tmp_path / "roster.csv",
        [[f"Student {n}", f"{n}@example.edu", n, "A"] for n in ("ana", "ben", "cy")],
    )
    output = tmp_path / "class"
    code = main(
        ["classroom", "new", str(roster), "--kind", "blog", "--framework", "fastapi",
         "-o", str(output), "--template", str(template_repo), "--vcs-ref", "v0.1.0", "--yes"]
    )  # fmt: skip
    assert code == 0
    return output


def test_classroom_update_updates_clean_repositories_and_leaves_dirty_ones_untouched(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = _class_of_three(tmp_path, template_repo)
    (output / "ben" / "README.md").write_text("Ben's work in progress\n", encoding="utf-8")
    ben_before = _git(output / "ben", "rev-parse", "HEAD")
    _release_next(template_repo, "v0.2.0")
    capsys.readouterr()

    code = main(["classroom", "update", str(output), "--yes"])

    out = capsys.readouterr().out
    assert code == 0
    for name in ("ana", "cy"):
        repository = output / name
        assert (repository / "CONTRIBUTING.md").read_text("utf-8") == "# Contributing (v0.2.0)\n"
        assert _git(repository, "status", "--porcelain") == ""
        assert _git(repository, "log", "-1", "--format=%s") == "Update from the template v0.2.0"
    assert not (output / "ben" / "CONTRIBUTING.md").exists()
    assert (output / "ben" / "README.md").read_text("utf-8") == "Ben's work in progress\n"
    assert _git(output / "ben", "rev-parse", "HEAD") == ben_before
    assert "2 updated" in out and "1 skipped" in out and "0 failed" in out
    ben_row = next(line for line in out.splitlines() if line.strip().startswith("ben"))
    assert "skipped" in ben_row and "uncommitted" in ben_row


def test_classroom_update_carries_on_past_a_failure_and_exits_non_zero(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = _class_of_three(tmp_path, template_repo)
    answers_file = output / "ana" / ".copier-answers.yml"
    answers_file.write_text(
        answers_file.read_text("utf-8").replace(str(template_repo), str(tmp_path / "gone")),
        encoding="utf-8",
    )
    _git(output / "ana", "commit", "--quiet", "--all", "-m", "Point at a template that is gone")
    capsys.readouterr()

    code = main(["classroom", "update", str(output), "--yes"])

    out = capsys.readouterr().out
    assert code == 1
    ana_row = next(line for line in out.splitlines() if line.strip().startswith("ana"))
    assert "failed" in ana_row
    assert "1 failed" in out
    # ben and cy were still handled (updated or already current, depending on the tags).
    assert all(
        any(word in line for word in ("updated", "current"))
        for line in out.splitlines()
        if line.strip().startswith(("ben", "cy"))
    )


def test_classroom_status_shows_version_state_and_last_commit(
    tmp_path: Path, template_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = _class_of_three(tmp_path, template_repo)
    (output / "cy" / "NOTES.md").write_text("draft\n", encoding="utf-8")
    capsys.readouterr()

    assert main(["classroom", "status", str(output)]) == 0

    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert set(rows) == {"ana", "ben", "cy"}
    assert "uncommitted" in rows["cy"] and "clean" in rows["ana"]
    assert "v0.1.0" in rows["ana"]
    newest = _git(template_repo, "tag", "--sort=-v:refname").splitlines()[0]
    assert newest in rows["ana"]
    assert ("(behind)" in rows["ana"]) == (newest != "v0.1.0")
    assert _git(output / "ana", "log", "-1", "--format=%cs") in rows["ana"]


def test_terminal_progress_draws_a_bar_and_ends_the_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    terminal_progress(15, 30, "ana")
    terminal_progress(30, 30, "cy")

    err = capsys.readouterr().err
    assert "[" + "#" * 15 + "-" * 15 + "] 15/30 ana" in err
    assert err.endswith("\n") and "30/30 cy" in err


@pytest.fixture
def no_git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This process's git has no user.name or user.email from any source."""
    home = tmp_path / "home-without-git-identity"
    home.mkdir()
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                "GIT_COMMITTER_EMAIL", "EMAIL", "GIT_CONFIG"):  # fmt: skip
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "no-such-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert subprocess.run(["git", "config", "user.email"], capture_output=True).stdout == b""


def test_classroom_new_and_update_without_a_git_identity_commit_as_a_named_stand_in(
    tmp_path: Path, template_repo: Path, no_git_identity: None, capsys: pytest.CaptureFixture[str]
) -> None:
    output = _class_of_three(tmp_path, template_repo)
    assert "git has no user.name/user.email" in capsys.readouterr().err
    assert _git(output / "ana", "log", "-1", "--format=%an <%ae>") == (
        "Student ana <ana@example.edu>"
    )
    _release_next(template_repo, "v0.3.0")

    code = main(["classroom", "update", str(output), "--yes"])

    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert "3 updated" in out and "0 failed" in out
    for name in ("ana", "ben", "cy"):
        repository = output / name
        assert _git(repository, "status", "--porcelain") == ""
        assert _git(repository, "log", "-1", "--format=%s|%an <%ae>|%cn") == (
            "Update from the template v0.3.0|roadmap-scaffold "
            "<roadmap-scaffold@users.noreply.localhost>|roadmap-scaffold"
        )
    assert "git commit --amend --no-edit --reset-author" in err
    assert len(err.strip().splitlines()) == 1


def test_classroom_update_undoes_an_update_it_cannot_commit_so_the_next_run_retries_it(
    tmp_path: Path, template_repo: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    output = _class_of_three(tmp_path, template_repo)
    before = {name: _git(output / name, "rev-parse", "HEAD") for name in ("ana", "ben", "cy")}
    _release_next(template_repo, "v0.4.0")
    capsys.readouterr()

    def refused(*_args: object) -> None:
        raise GenerationError("git commit failed: fatal: the disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(classroom, "commit_all", refused)
        assert main(["classroom", "update", str(output), "--yes"]) == 1

    out = capsys.readouterr().out
    assert "3 failed" in out and "git commit failed: fatal: the disk is full; update undone" in out
    for name, head in before.items():
        assert _git(output / name, "status", "--porcelain") == ""
        assert _git(output / name, "rev-parse", "HEAD") == head

    assert main(["classroom", "update", str(output), "--yes"]) == 0
    assert "3 updated" in capsys.readouterr().out


def _graded_repository(class_dir: Path, name: str, recipe: str | None) -> None:
    """A repository as `classroom grade` finds one, whose `make grade` runs ``recipe``."""
    repository = class_dir / name
    repository.mkdir(parents=True)
    (repository / ".copier-answers.yml").write_text(
        f"_src_path: /nowhere\nauthor_name: Student {name}\n", encoding="utf-8"
    )
    makefile = "all:\n\t@true\n" if recipe is None else f"grade:\n\t{recipe}\n"
    (repository / "Makefile").write_text(makefile, encoding="utf-8")


def test_classroom_grade_gives_every_repository_a_row_whatever_went_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As when a CI recipe runs the grading: each `make grade` is a sub-make that
    # prints "Entering/Leaving directory" around its output.
    monkeypatch.setenv("MAKELEVEL", "1")
    monkeypatch.setenv("MAKEFLAGS", "w")
    class_dir = tmp_path / "class"
    missing_tool = (
        "@command -v no-such-tool-here >/dev/null 2>&1 || "
        '{ echo "uv is not installed: see https://docs.astral.sh/uv/"; exit 1; }'
    )
    for name, recipe in (
        ("a-good", """@echo '{"passed": 3, "total": 4}' > grade.json"""),
        ("b-no-uv", missing_tool),
        ("c-malformed", "@echo '{\"passed\": 3,' > grade.json"),
        ("d-no-total", """@echo '{"passed": 3}' > grade.json"""),
        ("e-a-list", "@echo '[3, 4]' > grade.json"),
        ("f-no-rule", None),
        ("g-tool-gone", "@no-such-command-here --run-tests"),
    ):
        _graded_repository(class_dir, name, recipe)

    code = main(["classroom", "grade", str(class_dir)])

    out, err = capsys.readouterr()
    assert code == 1  # not every repository has a grade
    assert "Traceback" not in out + err
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert "3/4" in rows["a-good"]
    assert "uv is not installed: see https://docs.astral.sh/uv/" in rows["b-no-uv"]
    assert "grade.json is unreadable: not JSON" in rows["c-malformed"]
    assert "total must be a whole number, got None" in rows["d-no-total"]
    assert "expected an object" in rows["e-a-list"]
    assert "No rule to make target" in rows["f-no-rule"]
    assert "no-such-command-here" in rows["g-tool-gone"]
    with (class_dir / "grades.csv").open(encoding="utf-8") as table:
        graded = {row["repository"]: row for row in csv.DictReader(table)}
    assert sorted(graded) == sorted(rows)
    assert graded["a-good"]["percent"] == "75"
    assert graded["b-no-uv"]["name"] == "Student b-no-uv"
    assert "uv is not installed" in graded["b-no-uv"]["note"]
