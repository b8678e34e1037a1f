"""`roadmap-scaffold new` on a terminal: the wizard end to end, in-process and on a real pty."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml

from roadmap_scaffold.catalog import Catalog, load_catalog
from roadmap_scaffold.cli import main

ENTER = "\r"
DOWN = "\x1b[B"


def cache_question(framework: str) -> list[tuple[str, str]]:
    """The cache question (after the database) and Enter, where ``framework`` has a choice."""
    return [("Will several copies", ENTER)] if len(load_catalog().caches_for(framework)) > 1 else []


# The default framework's, FastAPI's.
CACHE_QUESTION = cache_question("fastapi")
CACHE = ENTER if CACHE_QUESTION else ""
CLEAR_LINE = "\x15"  # Ctrl-U: erase what is typed before the cursor

Terminal = Callable[[str], None]
Snap = Callable[[Path], Any]


def _answers(project: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((project / ".copier-answers.yml").read_text("utf-8"))
    return data


# --- in-process, with the real prompts reading prepared keystrokes ----------------------------


def test_new_on_a_terminal_generates_what_the_wizard_was_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_terminal: Terminal
):
    # kind, language, framework: Enter; database: down to PostgreSQL; name (the folder's),
    # e-mail and the summary: Enter. The author's name comes from --data, so is not asked.
    fake_terminal(ENTER * 3 + DOWN + ENTER + CACHE + ENTER * 3)

    code = main(["new", "wizard-made", "--no-git", "--data", "author_name=Ada Lovelace"])

    out, _ = capsys.readouterr()
    answers = _answers(tmp_path / "wizard-made")
    assert code == 0
    assert answers["database"] == "postgres"
    assert (answers["kind"], answers["framework"]) == ("blog", "fastapi")
    assert answers["project_name"] == "wizard-made"
    assert answers["author_name"] == "Ada Lovelace"
    assert "cd wizard-made" in out


def test_new_on_a_terminal_refuses_a_non_empty_folder_before_asking_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_terminal: Terminal, take_snapshot: Snap
):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = take_snapshot(tmp_path)
    fake_terminal("")  # no keystrokes: any question would end in EOFError

    code = main(["new", "taken"])

    _, err = capsys.readouterr()
    assert code == 2
    assert "not empty" in err
    assert take_snapshot(tmp_path) == before


def test_new_on_a_terminal_refuses_an_unknown_kind_before_asking_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_terminal: Terminal, take_snapshot: Snap
):
    before = take_snapshot(tmp_path)
    fake_terminal("")

    code = main(["new", "ok", "--kind", "forum"])

    _, err = capsys.readouterr()
    assert code == 2
    assert "unknown kind 'forum'" in err
    assert take_snapshot(tmp_path) == before


def test_new_on_a_terminal_declining_the_summary_exits_130_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_terminal: Terminal, take_snapshot: Snap
):
    before = take_snapshot(tmp_path)
    fake_terminal(ENTER * 4 + CACHE + ENTER + ENTER + DOWN + DOWN + ENTER)  # "No, cancel"

    code = main(["new", "declined", "--data", "author_name=Ada"])

    _, err = capsys.readouterr()
    assert code == 130
    assert "Cancelled" in err
    assert take_snapshot(tmp_path) == before


def test_new_on_a_terminal_refuses_an_unknown_database_from_data_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_terminal: Terminal, take_snapshot: Snap
):
    before = take_snapshot(tmp_path)
    fake_terminal(ENTER * 8 + CACHE)

    code = main(["new", "ok", "--data", "database=mysql", "--data", "author_name=Ada"])

    _, err = capsys.readouterr()
    assert code == 2
    assert [line for line in err.splitlines() if line.strip()] == [
        line for line in err.splitlines() if line.startswith("roadmap-scaffold: error: ")
    ]
    assert "mysql" in err
    assert take_snapshot(tmp_path) == before


# --- a real pseudo-terminal --------------------------------------------------------------------


def _spawn(
    args: list[str], cwd: Path, env: dict[str, str], size: tuple[int, int] = (40, 120)
) -> pexpect.spawn:
    rows, columns = size
    env = {**env, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.update(COLUMNS=str(columns), LINES=str(rows))
    return pexpect.spawn(
        sys.executable,
        ["-m", "roadmap_scaffold", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=size,
    )


def _text(screen_output: str) -> str:
    """What a terminal showed, as words: escape sequences dropped, whitespace collapsed."""
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]", " ", screen_output)
    return " ".join(plain.split())


def test_wizard_on_a_real_terminal_generates_the_project(
    tmp_path: Path, no_identity_env: dict[str, str]
):
    child = _spawn(["new", str(tmp_path / "x")], tmp_path, no_identity_env)
    try:
        for question, reply in [
            ("What do you want to build", ENTER),
            ("Which language", ENTER),
            ("Which framework", ENTER),
            ("Which database", ENTER),
            *CACHE_QUESTION,
            ("Project name", ENTER),
            ("Your name", "Ada Lovelace" + ENTER),
            ("e-mail", ENTER),
            ("Create this project", ENTER),
        ]:
            child.expect_exact(question)
            child.send(reply)
        child.expect_exact("make test", timeout=60)
        child.expect(pexpect.EOF, timeout=60)
    finally:
        child.close(force=True)

    answers = _answers(tmp_path / "x")
    assert child.exitstatus == 0
    assert answers["project_name"] == "x"
    assert answers["author_name"] == "Ada Lovelace"
    assert (tmp_path / "x" / ".git").is_dir()


def test_ctrl_c_at_the_first_question_on_a_real_terminal_exits_130_and_writes_nothing(
    tmp_path: Path, no_identity_env: dict[str, str], take_snapshot: Snap
):
    before = take_snapshot(tmp_path)
    child = _spawn(["new", str(tmp_path / "x")], tmp_path, no_identity_env)
    try:
        child.expect_exact("What do you want to build")
        child.sendintr()
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)

    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert take_snapshot(tmp_path) == before


def test_on_an_80_column_terminal_a_refused_name_shows_the_whole_reason_then_asks_again(
    tmp_path: Path, no_identity_env: dict[str, str], catalog: Catalog
):
    child = _spawn(["new", "--no-git"], tmp_path, no_identity_env, size=(24, 80))
    try:
        for question in ("What do you want to build", "Which language", "Which framework"):
            child.expect_exact(question)
            child.send(ENTER)
        for question, _ in [("Which database", ENTER), *CACHE_QUESTION]:
            child.expect_exact(question)
            child.send(ENTER)
        child.expect_exact("Project name")
        child.send("Bad Name" + ENTER)
        child.expect_exact("✗")
        child.expect_exact("Project name")  # asked again, below the reason
        shown = _text(child.before)
        child.send(CLEAR_LINE + "good-name" + ENTER)
        child.expect_exact("Your name")
        child.sendintr()
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)

    assert f"'Bad Name' {catalog.project_name.rule}" in shown  # all of it: nothing cut
    assert child.exitstatus == 130


def test_on_a_terminal_the_first_key_typed_replaces_the_suggested_name(
    tmp_path: Path, no_identity_env: dict[str, str]
):
    child = _spawn(["new", "suggested", "--no-git"], tmp_path, no_identity_env, size=(24, 80))
    try:
        for question, reply in [
            ("What do you want to build", ENTER),
            ("Which language", ENTER),
            ("Which framework", ENTER),
            ("Which database", ENTER),
            *CACHE_QUESTION,
            ("Project name", "typed" + ENTER),
            ("Your name", "Ada Lovelace" + ENTER),
            ("e-mail", ENTER),
            ("Create this project", ENTER),
        ]:
            child.expect_exact(question)
            child.send(reply)
        child.expect(pexpect.EOF, timeout=60)
    finally:
        child.close(force=True)

    assert child.exitstatus == 0
    assert _answers(tmp_path / "suggested")["project_name"] == "typed"


def test_on_an_80_column_terminal_no_choice_is_cut(
    tmp_path: Path, no_identity_env: dict[str, str], catalog: Catalog
):
    child = _spawn(["new", "--no-git"], tmp_path, no_identity_env, size=(24, 80))
    try:
        child.expect_exact("What do you want to build")
        child.expect_exact("Description:")
        first_screen = child.before
        child.send(ENTER)
        child.expect_exact("Which language")
        first_screen = _text(first_screen + child.before)
        child.sendintr()
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)

    for kind in catalog.offered_kinds():
        assert kind.title in first_screen
    # The highlighted kind's summary is shown whole, on as many lines as it needs.
    assert catalog.offered_kinds()[0].summary in first_screen


def test_no_command_on_a_terminal_starts_the_wizard(
    tmp_path: Path, no_identity_env: dict[str, str], take_snapshot: Snap
):
    before = take_snapshot(tmp_path)
    child = _spawn([], tmp_path, no_identity_env, size=(24, 80))
    try:
        child.expect_exact("What do you want to build")
        child.sendintr()
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)

    assert child.exitstatus == 130
    assert take_snapshot(tmp_path) == before


def test_on_a_terminal_change_something_goes_back_and_a_sole_framework_is_not_asked(
    tmp_path: Path, no_identity_env: dict[str, str]
):
    child = _spawn(["new", "changed", "--no-git"], tmp_path, no_identity_env, size=(24, 80))
    try:
        for question, reply in [
            ("What do you want to build", ENTER),
            ("Which language", ENTER),
            ("Which framework", ENTER),
            ("Which database", ENTER),
            *CACHE_QUESTION,
            ("Project name", ENTER),
            ("Your name", "Ada Lovelace" + ENTER),
            ("e-mail", ENTER),
            ("Create this project", DOWN + ENTER),  # No, change something
            ("What do you want to build", ENTER),
            ("Which language", DOWN + ENTER),  # JavaScript: one framework, not asked
            ("Which database", ENTER),
            *cache_question("express"),
            ("Project name", ENTER),
            ("Your name", ENTER),
            ("e-mail", ENTER),
        ]:
            child.expect_exact(question)
            child.send(reply)
        child.expect_exact("the only choice")
        child.expect_exact("Create this project")
        child.send(ENTER)
        child.expect(pexpect.EOF, timeout=60)
    finally:
        child.close(force=True)

    answers = _answers(tmp_path / "changed")
    assert child.exitstatus == 0
    assert (answers["framework"], answers["author_name"]) == ("express", "Ada Lovelace")
