"""The wizard: real questionary prompts driven by keystrokes, mapped onto the template's answers."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from roadmap_scaffold.catalog import Catalog, load_catalog
from roadmap_scaffold.errors import Cancelled
from roadmap_scaffold.wizard import Choice, QuestionaryPrompter, run_wizard, summary

ENTER = "\r"
DOWN = "\x1b[B"
CTRL_C = "\x03"
CLEAR_LINE = "\x15"  # Ctrl-U: erase what is typed before the cursor

SUGGESTED = {"project_name": "my-folder", "author_name": "Ada Lovelace", "author_email": ""}

# The default framework's cache question (after the database), where it has a choice.
CACHE = ENTER if len(load_catalog().caches_for("fastapi")) > 1 else ""

# What do you want to build, language, framework, database, (cache,) name, author, e-mail,
# confirm.
ALL_ENTER = ENTER * 8 + CACHE

Keys = Callable[[str], QuestionaryPrompter]


@dataclass
class Recorder:
    """Wraps a prompter and records each question asked, with its choices."""

    inner: Any
    asked: list[str] = field(default_factory=list)
    choices: dict[str, list[Choice]] = field(default_factory=dict)

    def select(self, message: str, choices: list[Choice], default: str) -> str:
        self.asked.append(message)
        self.choices[message] = choices
        return str(self.inner.select(message, choices, default))

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        self.asked.append(message)
        return str(self.inner.text(message, default, validate))

    def confirm(self, message: str, default: bool) -> bool:
        self.asked.append(message)
        return bool(self.inner.confirm(message, default))


class TakeDefaults:
    """A scripted prompter: accepts every default (checking it is valid) and confirms."""

    def select(self, message: str, choices: list[Choice], default: str) -> str:
        assert default in [choice.value for choice in choices]
        return default

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        assert validate(default) is None, (message, default)
        return default

    def confirm(self, message: str, default: bool) -> bool:
        return True


def _question(recorder: Recorder, start: str) -> str:
    matches = [message for message in recorder.asked if message.startswith(start)]
    assert len(matches) == 1, recorder.asked
    return matches[0]


def test_pressing_enter_everywhere_builds_a_fastapi_blog_on_sqlite_named_after_the_folder(
    catalog: Catalog, keys_prompter: Keys
):
    prompter = keys_prompter(ALL_ENTER)

    answers = run_wizard(catalog, {}, SUGGESTED, prompter)

    assert answers == {
        "kind": "blog",
        "framework": "fastapi",
        "database": "sqlite",
        "cache": "none",
        "project_name": "my-folder",
        "author_name": "Ada Lovelace",
        "author_email": "",
    }


def test_down_arrow_at_the_database_question_chooses_postgres(
    catalog: Catalog, keys_prompter: Keys
):
    keys = ENTER * 3 + DOWN + ENTER + CACHE + ENTER * 4

    answers = run_wizard(catalog, {}, SUGGESTED, keys_prompter(keys))

    assert answers["database"] == "postgres"
    assert answers["kind"] == "blog"
    assert answers["framework"] == "fastapi"


def test_typed_name_and_email_are_used_without_surrounding_spaces(
    catalog: Catalog, keys_prompter: Keys
):
    keys = (
        ENTER * 4 + CACHE
        + CLEAR_LINE + "  shop-api  " + ENTER
        + ENTER
        + "ada@example.org" + ENTER
        + ENTER
    )  # fmt: skip

    answers = run_wizard(catalog, {}, SUGGESTED, keys_prompter(keys))

    assert answers["project_name"] == "shop-api"
    assert answers["author_email"] == "ada@example.org"


def test_without_a_suggested_folder_name_the_default_name_is_my_kind(catalog: Catalog):
    suggested = {**SUGGESTED, "project_name": ""}

    answers = run_wizard(catalog, {}, suggested, TakeDefaults())

    assert answers["project_name"] == "my-blog"


def test_an_invalid_project_name_is_asked_again(catalog: Catalog, keys_prompter: Keys):
    # Enter on the invalid suggestion is refused; the name is then retyped.
    keys = ENTER * 4 + CACHE + ENTER + CLEAR_LINE + "good-name" + ENTER + ENTER * 3
    suggested = {**SUGGESTED, "project_name": "Bad_Name"}

    answers = run_wizard(catalog, {}, suggested, keys_prompter(keys))

    assert answers["project_name"] == "good-name"


def test_an_invalid_project_name_is_never_accepted(catalog: Catalog, keys_prompter: Keys):
    # Pressing Enter on an invalid name only re-asks, until the input runs out.
    keys = ENTER * 4 + CACHE + ENTER * 3
    suggested = {**SUGGESTED, "project_name": "1-bad"}

    with pytest.raises(EOFError):
        run_wizard(catalog, {}, suggested, keys_prompter(keys))


def test_an_empty_author_name_is_asked_again(catalog: Catalog, keys_prompter: Keys):
    keys = ENTER * 4 + CACHE + ENTER + ENTER + "Grace Hopper" + ENTER + ENTER + ENTER
    suggested = {**SUGGESTED, "author_name": ""}

    answers = run_wizard(catalog, {}, suggested, keys_prompter(keys))

    assert answers["author_name"] == "Grace Hopper"


def test_a_malformed_email_is_asked_again(catalog: Catalog, keys_prompter: Keys):
    keys = (
        ENTER * 4
        + CACHE
        + ENTER * 2
        + "not an email"
        + ENTER
        + CLEAR_LINE
        + "ada@example.org"
        + ENTER
        + ENTER
    )

    answers = run_wizard(catalog, {}, SUGGESTED, keys_prompter(keys))

    assert answers["author_email"] == "ada@example.org"


def test_cancel_at_the_summary_raises_cancelled(catalog: Catalog, keys_prompter: Keys):
    keys = ENTER * 7 + CACHE + DOWN + DOWN + ENTER  # "No, cancel"

    with pytest.raises(Cancelled):
        run_wizard(catalog, {}, SUGGESTED, keys_prompter(keys))


def test_ctrl_c_at_the_first_question_raises_keyboard_interrupt(
    catalog: Catalog, keys_prompter: Keys
):
    with pytest.raises(KeyboardInterrupt):
        run_wizard(catalog, {}, SUGGESTED, keys_prompter(CTRL_C))


def test_answers_decided_by_flags_are_not_asked(catalog: Catalog):
    recorder = Recorder(TakeDefaults())
    decided = {"kind": "blog", "framework": "fastapi", "database": "postgres", "cache": "none"}

    answers = run_wizard(catalog, decided, SUGGESTED, recorder)

    assert len(recorder.asked) == 4, recorder.asked
    assert recorder.asked[0].startswith("Project name")
    assert recorder.asked[1].startswith("Your name")
    assert recorder.asked[2].startswith("Your e-mail")
    assert recorder.asked[3].endswith("Create this project?")
    assert answers["database"] == "postgres"


def test_a_kind_from_a_flag_skips_only_the_kind_question(catalog: Catalog):
    recorder = Recorder(TakeDefaults())

    answers = run_wizard(catalog, {"kind": "blog"}, SUGGESTED, recorder)

    assert not any(message.startswith("What do you want to build") for message in recorder.asked)
    assert _question(recorder, "Which language")
    assert _question(recorder, "Which framework")
    assert answers["kind"] == "blog"
    assert answers["framework"] == "fastapi"


def test_all_answers_decided_asks_only_for_the_confirmation(catalog: Catalog):
    decided = {
        "kind": "blog",
        "framework": "fastapi",
        "database": "sqlite",
        "cache": "none",
        "project_name": "decided",
        "author_name": "Ada",
        "author_email": "",
    }
    recorder = Recorder(TakeDefaults())

    answers = run_wizard(catalog, decided, SUGGESTED, recorder)

    assert len(recorder.asked) == 1
    assert answers == decided


def test_the_kind_question_offers_only_available_kinds(catalog: Catalog):
    recorder = Recorder(TakeDefaults())

    run_wizard(catalog, {}, SUGGESTED, recorder)

    offered = [choice.value for choice in recorder.choices[_question(recorder, "What do you want")]]
    assert offered == [kind.key for kind in catalog.offered_kinds()]


@pytest.fixture
def small_catalog(tmp_path: Path) -> Catalog:
    """Two languages; Python's recommended framework comes after another in catalog order."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "_catalog.yml").write_text(
        """\
project_name: {pattern: "^[a-z][a-z0-9-]*$", max_length: 40, rule: lowercase please}
kinds:
  blog: {title: Blogging platform, summary: articles}
  shop: {title: Online shop, summary: a cart}
author_email: {pattern: '^[^@ ]+@[^@ ]+[.][^@ ]+$', rule: must look like name@example.com}
databases:
  sqlite: {title: SQLite, summary: a file}
  postgres: {title: PostgreSQL, summary: a server}
caches:
  none: {title: No cache, summary: the database alone}
  redis: {title: Redis, summary: shared}
languages:
  python: {title: Python}
  javascript: {title: JavaScript}
frameworks:
  flask: {title: Flask, language: python, summary: small, kinds: [blog]}
  django: {title: Django, language: python, summary: planned, kinds: []}
  express: {title: Express, language: javascript, summary: node, recommended: true, kinds: [blog]}
  fastapi: {title: FastAPI, language: python, summary: typed, recommended: true, kinds: [blog]}
  koa: {title: Koa, language: javascript, summary: shop only, kinds: [shop], caches: [redis]}
""",
        encoding="utf-8",
    )
    return load_catalog(tmp_path)


def test_framework_choices_are_those_of_the_chosen_language_recommended_first(
    small_catalog: Catalog,
):
    recorder = Recorder(TakeDefaults())

    answers = run_wizard(small_catalog, {}, SUGGESTED, recorder)

    choices = recorder.choices[_question(recorder, "Which framework")]
    assert [choice.value for choice in choices] == ["fastapi", "flask"]  # not django, not express
    assert choices[0][0].endswith("(recommended for beginners)")
    assert "recommended" not in choices[1][0]
    assert answers["framework"] == "fastapi"


def test_a_language_with_one_framework_for_the_kind_skips_the_question_and_the_summary_says_so(
    small_catalog: Catalog, keys_prompter: Keys
):
    # kind, language (down to JavaScript); no framework question; database, name,
    # author, e-mail and the summary.
    recorder = Recorder(keys_prompter(ENTER + DOWN + ENTER + ENTER * 5))

    answers = run_wizard(small_catalog, {}, SUGGESTED, recorder)

    languages = recorder.choices[_question(recorder, "Which language")]
    assert [choice.value for choice in languages] == ["python", "javascript"]
    assert not any(message.startswith("Which framework") for message in recorder.asked)
    assert answers["framework"] == "express"  # koa cannot build a blog
    assert "Express (JavaScript), the only choice" in recorder.asked[-1]


def test_a_framework_that_builds_one_kind_skips_the_kind_question(small_catalog: Catalog):
    recorder = Recorder(TakeDefaults())

    answers = run_wizard(small_catalog, {"framework": "koa"}, SUGGESTED, recorder)

    assert answers["kind"] == "shop"
    assert not any(message.startswith("What do you want") for message in recorder.asked)
    assert "Online shop, the only choice" in recorder.asked[-1]


def test_the_cache_is_asked_only_for_a_framework_that_can_use_redis(small_catalog: Catalog):
    recorder = Recorder(TakeDefaults())
    answers = run_wizard(small_catalog, {"framework": "koa"}, SUGGESTED, recorder)

    caches = recorder.choices[_question(recorder, "Will several copies")]
    assert [choice.value for choice in caches] == ["none", "redis"]
    assert answers["cache"] == "none"
    assert "Cache:      No cache" in recorder.asked[-1]

    recorder = Recorder(TakeDefaults())
    answers = run_wizard(small_catalog, {"framework": "fastapi"}, SUGGESTED, recorder)
    assert not any(message.startswith("Will several copies") for message in recorder.asked)
    assert answers["cache"] == "none"
    assert "Cache:" not in recorder.asked[-1]


def test_down_arrow_at_the_framework_question_chooses_the_second_framework(
    small_catalog: Catalog, keys_prompter: Keys
):
    keys = ENTER * 2 + DOWN + ENTER + ENTER * 5

    answers = run_wizard(small_catalog, {}, SUGGESTED, keys_prompter(keys))

    assert answers["framework"] == "flask"


def test_summary_names_project_kind_framework_language_database_and_author(catalog: Catalog):
    answers = {
        "kind": "blog",
        "framework": "fastapi",
        "database": "postgres",
        "project_name": "conduit",
        "author_name": "Ada",
        "author_email": "ada@example.org",
    }

    text = summary(catalog, answers)

    assert "conduit" in text
    assert catalog.kinds["blog"].title in text
    assert "FastAPI (Python)" in text
    assert "PostgreSQL" in text
    assert "Ada <ada@example.org>" in text


def test_the_confirmation_shows_the_summary(catalog: Catalog):
    recorder = Recorder(TakeDefaults())

    answers = run_wizard(catalog, {}, SUGGESTED, recorder)

    assert recorder.asked[-1].startswith(summary(catalog, answers))


def test_the_first_key_typed_replaces_the_suggested_name_instead_of_adding_to_it(
    catalog: Catalog, keys_prompter: Keys
):
    keys = ENTER * 4 + CACHE + "shop-api" + ENTER + ENTER * 3

    answers = run_wizard(catalog, {}, SUGGESTED, keys_prompter(keys))

    assert answers["project_name"] == "shop-api"


def test_change_something_at_the_summary_asks_again_with_the_previous_replies_as_defaults(
    catalog: Catalog, keys_prompter: Keys
):
    first_pass = ENTER * 3 + ENTER + CACHE + "first-name" + ENTER + ENTER * 2
    change = DOWN + ENTER  # "No, change something"
    second_pass = ENTER * 3 + DOWN + ENTER + CACHE + ENTER * 3  # only the database changes
    recorder = Recorder(keys_prompter(first_pass + change + second_pass + ENTER))

    answers = run_wizard(catalog, {}, SUGGESTED, recorder)

    assert answers == {
        "kind": "blog",
        "framework": "fastapi",
        "database": "postgres",
        "cache": "none",
        "project_name": "first-name",
        "author_name": "Ada Lovelace",
        "author_email": "",
    }
    assert sum(message.startswith("What do you want") for message in recorder.asked) == 2
    summaries = [message for message in recorder.asked if message.endswith("Create this project?")]
    assert len(summaries) == 2 and "SQLite" in summaries[0] and "PostgreSQL" in summaries[1]


def test_with_everything_decided_the_summary_offers_no_change(catalog: Catalog):
    decided = {"kind": "blog", "framework": "fastapi", "database": "sqlite", "cache": "none",
               "project_name": "decided", "author_name": "Ada", "author_email": ""}  # fmt: skip
    recorder = Recorder(TakeDefaults())

    run_wizard(catalog, decided, SUGGESTED, recorder)

    assert [choice.value for choice in recorder.choices[recorder.asked[-1]]] == [
        "create",
        "cancel",
    ]


def test_a_refused_answer_is_explained_on_lines_of_its_own_and_kept_for_editing(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
):
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.plain_text import PlainTextOutput

    monkeypatch.setattr("shutil.get_terminal_size", lambda *_: os.terminal_size((60, 24)))
    shown = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text("Bad Name" + ENTER + "\x7f" * 8 + "good" + ENTER)
        prompter = QuestionaryPrompter(input=pipe, output=PlainTextOutput(shown))

        name = prompter.text("Name:", "my-blog", catalog.project_name.problem_with)

    assert name == "good"
    lines = [line.strip() for line in shown.getvalue().splitlines()]
    reason = [line for line in lines if line.startswith("✗")]
    assert reason and reason[0].startswith("✗ 'Bad Name' must start with a lowercase letter")
    assert all(len(line) <= 60 for line in shown.getvalue().splitlines() if "✗" in line)


def test_a_summary_line_too_long_for_the_terminal_continues_under_its_value(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
):
    from roadmap_scaffold.wizard import _fit

    monkeypatch.setattr("shutil.get_terminal_size", lambda *_: os.terminal_size((80, 24)))
    answers = {"kind": "blog", "framework": "fastapi", "database": "sqlite",
               "project_name": "conduit", "author_name": "Ada Augusta King, Countess of Lovelace",
               "author_email": "ada.lovelace.countess@analytical-engine.example.org"}  # fmt: skip

    lines = _fit(summary(catalog, answers)).splitlines()

    assert all(len(line) <= 77 for line in lines), lines
    author = next(index for index, line in enumerate(lines) if "Author:" in line)
    assert lines[author] == "  Author:     Ada Augusta King, Countess of Lovelace"
    assert lines[author + 1] == " " * 14 + "<ada.lovelace.countess@analytical-engine.example.org>"


def test_a_suggested_email_can_be_left_out_with_a_dash(catalog: Catalog, keys_prompter: Keys):
    suggested = {**SUGGESTED, "author_email": "ada@example.org"}
    recorder = Recorder(keys_prompter(ENTER * 4 + CACHE + ENTER * 2 + "-" + ENTER + ENTER))

    answers = run_wizard(catalog, {}, suggested, recorder)

    assert answers["author_email"] == ""
    assert "- for none" in _question(recorder, "Your e-mail")
