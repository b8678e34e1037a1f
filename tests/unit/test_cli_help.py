"""The command line teaches: help with defaults and examples, forgiving choices, one-line errors."""

from __future__ import annotations

import errno
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from roadmap_scaffold import cli
from roadmap_scaffold.catalog import Catalog
from roadmap_scaffold.cli import main

Snap = Callable[[Path], Any]

SUBCOMMANDS = [
    ["new"],
    ["update"],
    ["check"],
    ["list"],
    ["classroom"],
    ["classroom", "new"],
    ["classroom", "grade"],
    ["classroom", "status"],
    ["classroom", "update"],
]


def _help(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    assert main([*command, "--help"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=" ".join)
def test_every_subcommand_help_has_a_description_two_examples_and_fits_80_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
):
    monkeypatch.setenv("COLUMNS", "80")

    text = _help(capsys, *command)

    usage, description = text.split("\n\n")[:2]
    assert usage.startswith("usage: roadmap-scaffold " + " ".join(command))
    assert not description.startswith(("positional arguments", "options")), text
    examples = text.split("examples:\n")[1].splitlines()
    assert sum(line.startswith("  roadmap-scaffold") or "&& roadmap-scaffold" in line
               for line in examples) == 2, text  # fmt: skip
    assert max(len(line) for line in text.splitlines()) <= 80, text


def test_new_help_gives_each_choice_with_its_default(
    capsys: pytest.CaptureFixture[str], catalog: Catalog
):
    text = " ".join(_help(capsys, "new").split())

    kinds = [kind.key for kind in catalog.offered_kinds()]
    kind = kinds[0]
    assert f"what to build: {', '.join(kinds[:-1])} or {kinds[-1]}" in text
    assert f"(default: {kind})" in text
    assert f"(default: {catalog.default_framework(kind).key}," in text
    assert f"sqlite or postgres (default: {next(iter(catalog.databases))})" in text
    assert "(default: the newest release)" in text


def test_check_help_gives_its_exit_statuses(capsys: pytest.CaptureFixture[str]):
    text = _help(capsys, "check")

    statuses = text.split("exit status:\n")[1].split("\n\n")[0].splitlines()
    assert [line.split()[0] for line in statuses] == ["0", "1", "2"]
    assert "up to date" in statuses[0] and "update is available" in statuses[1]
    assert "error" in statuses[2]


def test_choices_are_taken_whatever_their_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code = main(
        ["new", "cased", "--yes", "--no-git", "--kind", "Social", "--framework", "FastAPI",
         "--database", "SQLite"]
    )  # fmt: skip

    assert code == 0, capsys.readouterr().err
    answers = yaml.safe_load((tmp_path / "cased" / ".copier-answers.yml").read_text("utf-8"))
    assert (answers["kind"], answers["framework"], answers["database"]) == (
        "social",
        "fastapi",
        "sqlite",
    )


def test_a_project_name_taken_from_the_folder_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["new", "apps/my-app", "--yes", "--no-git"]) == 0
    assert capsys.readouterr().err.splitlines() == ["project name: my-app (from the folder name)"]

    assert main(["new", "named", "--yes", "--no-git", "--data", "project_name=chosen"]) == 0
    assert "project name" not in capsys.readouterr().err


def test_an_unwritable_destination_names_the_users_folder_not_a_staging_one(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    take_snapshot: Snap,
):
    # Running as root, no folder is unwritable: the refusal is what the OS would say.
    def refuse(prefix: str = "", dir: str = "", **_: Any) -> str:
        raise PermissionError(errno.EACCES, "Permission denied", str(Path(dir) / f"{prefix}x1y2"))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    before = take_snapshot(tmp_path)

    code = main(["new", "locked/inside/app", "--yes", "--no-git"])

    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [
        f"roadmap-scaffold: error: cannot create {tmp_path / 'locked/inside/app'}: "
        "Permission denied"
    ]
    assert take_snapshot(tmp_path) == before  # the parent folders it made are gone too


def test_an_unexpected_error_is_one_line_naming_the_command_and_the_debug_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("something we did not foresee\nsecond line")

    monkeypatch.setattr(cli, "generate", broken)
    monkeypatch.delenv("ROADMAP_SCAFFOLD_DEBUG", raising=False)

    code = main(["new", "app", "--yes", "--no-git"])

    err = capsys.readouterr().err
    assert code == 1
    assert len(err.splitlines()) == 1, err
    assert "`roadmap-scaffold new app` failed unexpectedly" in err
    assert "RuntimeError: something we did not foresee" in err
    assert "ROADMAP_SCAFFOLD_DEBUG=1" in err

    monkeypatch.setenv("ROADMAP_SCAFFOLD_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["new", "app", "--yes", "--no-git"])


def test_classroom_new_takes_the_framework_whatever_its_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,github\nAda Lovelace,ada@example.edu,ada\n", encoding="utf-8")

    code = main(
        ["classroom", "new", str(roster), "--kind", "Blog", "--framework", "FastAPI",
         "-o", str(tmp_path / "class"), "--yes"]
    )  # fmt: skip

    assert code == 0, capsys.readouterr().err
    answers = yaml.safe_load((tmp_path / "class" / "ada" / ".copier-answers.yml").read_text())
    assert (answers["kind"], answers["framework"]) == ("blog", "fastapi")
