"""A project's answers, resolved once: what was given, then what was asked or defaulted.

`given_answers` reads what the user settled (an answers file, then ``--data``,
then the flags: strongest last) and refuses a key the template does not ask.
`resolve` validates that once against the catalog (the file copier.yml also
reads), fills in the rest from the wizard or the defaults, and returns one
`Answers`, for `new`, `classroom new` and the wizard; `update` reads ``--data``
with the same `parse_data`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from roadmap_scaffold.catalog import Catalog
from roadmap_scaffold.errors import UserError

# The answers whose values are keys of the catalog: matched whatever their case.
CHOICE_ANSWERS = ("kind", "framework", "database", "cache")
_NAMED = (*CHOICE_ANSWERS, "project_name", "author_name", "author_email")

Ask = Callable[[dict[str, Any]], dict[str, Any]]
"""Asks for what was not given (the wizard); returns every answer."""


@dataclass(frozen=True)
class Answers:
    """The template's answers for one project, validated against the catalog.

    A choice is None only for a template without local files (a git URL): with no
    catalog to choose from, Copier takes the template's default. So does an author
    field nobody gave.
    """

    project_name: str
    kind: str | None = None
    framework: str | None = None
    database: str | None = None
    cache: str | None = None
    author_name: str | None = None
    author_email: str | None = None
    others: Mapping[str, Any] = field(default_factory=dict)  # the other questions (classroom)

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Answers:
        """The answers in ``values`` (the template's keys), the named ones typed."""
        named = {key: str(values[key]) for key in _NAMED if values.get(key) is not None}
        others = {key: value for key, value in values.items() if key not in _NAMED}
        return cls(**named, others=others)

    def for_copier(self) -> dict[str, Any]:
        """The answers as Copier takes them: every key said, none of the unsaid."""
        named = {key: getattr(self, key) for key in _NAMED}
        return {**self.others, **{key: value for key, value in named.items() if value is not None}}


def parse_data(items: list[str]) -> dict[str, str]:
    """``--data KEY=VALUE`` pairs as a dict, the catalog's choices in lowercase."""
    data = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserError(f"--data expects KEY=VALUE, got {item!r}")
        data[key.strip()] = value
    return _normalised(data)


def given_answers(
    template_root: Path | None,
    answers_file: Path | None,
    data: list[str],
    flags: Mapping[str, str | None],
) -> dict[str, Any]:
    """The answers file, then ``--data``, then the flags (strongest last); no unknown key."""
    given: dict[str, Any] = read_answers_file(answers_file) if answers_file else {}
    given.update(parse_data(data))
    given.update({key: value for key, value in flags.items() if value})
    given = _normalised(given)
    if template_root is not None:
        known = template_questions(template_root)
        unknown = sorted(set(given) - known)
        if unknown:
            raise UserError(
                f"unknown answer {unknown[0]!r}: the template asks {', '.join(sorted(known))}"
            )
    return given


def template_questions(template_root: Path) -> set[str]:
    """The keys ``--data`` may set: copier.yml's questions, not settings or hidden answers."""
    config: dict[str, Any] = yaml.safe_load((template_root / "copier.yml").read_text("utf-8"))
    return {
        key
        for key, spec in config.items()
        if not key.startswith("_") and not (isinstance(spec, dict) and spec.get("when") is False)
    }


def read_answers_file(path: Path) -> dict[str, Any]:
    """Read a YAML answers file; Copier's own keys (``_src_path``...) are skipped."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UserError(f"cannot read the answers file {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise UserError(f"the answers file {path} is not UTF-8 text") from error
    except yaml.YAMLError as error:
        # Where PyYAML stopped, and why: " (line 3, column 7: why)".
        mark, problem = getattr(error, "problem_mark", None), getattr(error, "problem", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        where += (f": {problem})" if problem else ")") if mark else ""
        raise UserError(f"the answers file {path} is not valid YAML{where}") from error
    if not isinstance(data, dict):
        raise UserError(f"the answers file {path} must be a YAML mapping of KEY: VALUE")
    return {str(key): value for key, value in data.items() if not str(key).startswith("_")}


def _normalised(answers: dict[str, Any]) -> dict[str, Any]:
    """``answers`` with the catalog's choices in lowercase: --framework FastAPI works."""
    return {
        key: value.strip().lower() if key in CHOICE_ANSWERS and isinstance(value, str) else value
        for key, value in answers.items()
    }


def resolve(
    catalog: Catalog | None,
    given: Mapping[str, Any],
    suggested: Mapping[str, str],
    ask: Ask | None = None,
) -> Answers:
    """Validate ``given`` once, then fill in the rest: ``ask`` it, or take the defaults.

    The one check against the catalog, before anything is asked or written: what
    the wizard asks and the defaults are valid by construction. ``suggested`` holds
    defaults worth offering: the folder's name and the user's git identity.
    """
    said = {key: str(value) for key, value in given.items() if key in _NAMED}
    if catalog is not None:
        if "database" in said:
            catalog.check_database(said["database"])
        if "kind" in said:
            catalog.check_kind(said["kind"])
        if "framework" in said:
            catalog.check_framework(said["framework"], said.get("kind"))
        if "cache" in said:
            catalog.check_cache(said["cache"], said.get("framework"))
        if "project_name" in said:
            catalog.check_project_name(said["project_name"], said.get("framework"))
    if ask is not None:
        asked = ask(dict(given))
        if catalog is not None:
            catalog.check_project_name(asked["project_name"], asked["framework"])
            asked.setdefault("cache", catalog.default_cache())
            catalog.check_cache(asked["cache"], asked["framework"])
        return Answers.of(asked)
    answers = dict(given)
    if catalog is not None:
        if "kind" not in answers:
            framework = answers.get("framework")
            answers["kind"] = (
                catalog.frameworks[framework].kinds[0] if framework else catalog.default_kind()
            )
        answers.setdefault("framework", catalog.default_framework(answers["kind"]).key)
        answers.setdefault("database", catalog.default_database())
        answers.setdefault("cache", catalog.default_cache())
        # A cache given without a framework was checked above against none.
        catalog.check_cache(answers["cache"], answers["framework"])
    from_folder = "project_name" not in answers and bool(suggested.get("project_name"))
    if from_folder:
        answers["project_name"] = suggested["project_name"]
    answers.setdefault("project_name", f"my-{answers.get('kind') or 'project'}")
    if catalog is not None and from_folder:
        name = answers["project_name"]
        problem = catalog.name_problem(name, answers["framework"])
        if problem:
            raise UserError(
                f"invalid project name {name!r} (from the folder name): it {problem}; "
                "choose another folder or pass --data project_name=NAME"
            )
    elif catalog is not None:
        # A given name was checked above, but only against a framework given with it.
        catalog.check_project_name(answers["project_name"], answers["framework"])
    for key in ("author_name", "author_email"):
        if suggested.get(key):
            answers.setdefault(key, suggested[key])
    return Answers.of(answers)
