"""answers.py: a project's answers resolved once (file, then --data, then flags, then
defaults), validated once against the catalog, into one typed value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from roadmap_scaffold.answers import Answers, given_answers, parse_data, resolve
from roadmap_scaffold.catalog import Catalog
from roadmap_scaffold.cli import main
from roadmap_scaffold.errors import UserError
from roadmap_scaffold.store import default_template_root

NO_SUGGESTION = {"project_name": "", "author_name": "", "author_email": ""}


def test_flags_win_over_data_which_wins_over_the_answers_file(tmp_path: Path):
    answers_file = tmp_path / "answers.yml"
    answers_file.write_text("kind: social\ndatabase: postgres\nproject_name: filed\n", "utf-8")

    given = given_answers(
        default_template_root(),
        answers_file,
        ["kind=ecommerce", "project_name=from-data"],
        {"kind": "Blog", "framework": None, "database": None},
    )

    assert given == {"kind": "blog", "database": "postgres", "project_name": "from-data"}


def test_defaults_fill_what_was_not_given_from_the_catalog(catalog: Catalog):
    answers = resolve(catalog, {}, NO_SUGGESTION)

    assert answers == Answers(
        project_name="my-blog", kind="blog", framework="fastapi", database="sqlite", cache="none"
    )


def test_a_framework_alone_chooses_a_kind_it_can_build(catalog: Catalog):
    answers = resolve(catalog, {"framework": "express"}, NO_SUGGESTION)

    assert answers.kind in catalog.frameworks["express"].kinds
    assert answers.framework == "express"


def test_suggestions_fill_the_name_and_author_but_never_override_what_was_given(catalog: Catalog):
    suggested = {"project_name": "folder", "author_name": "Ada", "author_email": "ada@example.org"}

    answers = resolve(catalog, {"author_name": "Grace"}, suggested)

    assert (answers.project_name, answers.author_name, answers.author_email) == (
        "folder",
        "Grace",
        "ada@example.org",
    )


def test_a_folder_name_that_is_no_project_name_says_where_it_came_from(catalog: Catalog):
    with pytest.raises(UserError, match=r"'My_Folder' \(from the folder name\)"):
        resolve(catalog, {}, {**NO_SUGGESTION, "project_name": "My_Folder"})


def test_a_folder_named_like_a_dependency_is_refused_before_anything_is_written(
    catalog: Catalog,
):
    with pytest.raises(UserError, match=r"'django' \(from the folder name\).*Django"):
        resolve(catalog, {"framework": "django"}, {**NO_SUGGESTION, "project_name": "django"})


def test_a_name_given_with_the_framework_the_wizard_chose_is_checked_against_it(
    catalog: Catalog,
):
    def wizard(given: dict[str, Any]) -> dict[str, Any]:
        return {**given, "kind": "blog", "framework": "fastapi", "database": "sqlite"}

    with pytest.raises(UserError, match="invalid project name 'starlette'"):
        resolve(catalog, {"project_name": "starlette"}, NO_SUGGESTION, ask=wizard)


def test_given_answers_are_checked_before_the_wizard_is_asked(catalog: Catalog):
    def wizard(_given: dict[str, Any]) -> dict[str, Any]:
        raise AssertionError("asked before the kind was checked")

    with pytest.raises(UserError, match="unknown kind 'forum'"):
        resolve(catalog, {"kind": "forum"}, NO_SUGGESTION, wizard)


def test_the_wizard_gets_what_was_given_and_its_replies_become_the_answers(catalog: Catalog):
    def wizard(given: dict[str, Any]) -> dict[str, Any]:
        assert given == {"kind": "social"}
        return {**given, "framework": "django", "database": "postgres", "project_name": "net"}

    answers = resolve(catalog, {"kind": "social"}, NO_SUGGESTION, wizard)

    assert (answers.kind, answers.framework, answers.database) == ("social", "django", "postgres")


def test_copier_gets_every_answer_said_and_none_unsaid():
    answers = Answers.of(
        {"project_name": "x", "kind": "blog", "author_email": "", "classroom": True}
    )

    assert answers.for_copier() == {
        "project_name": "x",
        "kind": "blog",
        "author_email": "",
        "classroom": True,
    }


def test_data_choices_are_matched_whatever_their_case():
    assert parse_data(["database=PostgreS", "author_name=Ada Lovelace"]) == {
        "database": "postgres",
        "author_name": "Ada Lovelace",
    }


def test_a_bad_flag_without_a_terminal_names_the_flag_not_the_terminal(
    capsys: pytest.CaptureFixture[str],
):
    code = main(["new", "ok", "--kind", "nope"])  # pytest's stdin is not a terminal

    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [
        "roadmap-scaffold: error: unknown kind 'nope': choose one of blog, ecommerce, social"
    ]
