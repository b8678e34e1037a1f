"""The catalog of kinds, languages and frameworks: ``templates/_catalog.yml``.

copier.yml builds its choices from that file; this module reads it for the
wizard, ``roadmap-scaffold list`` and checking flags before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from roadmap_scaffold.errors import UserError
from roadmap_scaffold.store import default_template_root

CATALOG_PATH = Path("templates") / "_catalog.yml"


@dataclass(frozen=True)
class Option:
    """A kind of project (a blog, a shop...), a database or a cache: a key, a title, a summary."""

    key: str
    title: str
    summary: str


@dataclass(frozen=True)
class Language:
    """A programming language that a learner may be learning."""

    key: str
    title: str
    requires: str = ""  # what `make install` needs, e.g. "Python 3.11 or newer"
    install: str = ""  # what `make install` does, in a few words
    # A framework folder's lock file, and a regular expression whose first group is the
    # name of a package it installs: a project may not take one of those names.
    lock_file: str = ""
    lock_names: str = ""


@dataclass(frozen=True)
class Framework:
    """A web framework, and the kinds the template can build with it."""

    key: str
    title: str
    language: str
    summary: str
    recommended: bool
    kinds: tuple[str, ...]
    api_docs: tuple[str, str] | None = None  # (path on the running server, what it shows)
    caches: tuple[str, ...] = ()  # the caches it can use besides the default (none)


@dataclass(frozen=True)
class ProjectNameRule:
    """What a project name may look like; copier.yml's validator uses the same rule."""

    pattern: str
    max_length: int
    rule: str

    def problem_with(self, name: str) -> str | None:
        """Return why ``name`` is not a valid project name, or None when it is."""
        if not re.search(self.pattern, name):
            return self.rule
        if len(name) > self.max_length:
            return f"must be at most {self.max_length} characters long"
        return None


@dataclass(frozen=True)
class EmailRule:
    """What an author's e-mail address must look like; copier.yml uses the same rule."""

    pattern: str
    rule: str

    def problem_with(self, email: str) -> str | None:
        """Return why ``email`` is not acceptable, or None (an empty address is fine)."""
        return self.rule if email and not re.search(self.pattern, email) else None


@dataclass(frozen=True)
class Catalog:
    """Everything roadmap-scaffold knows how to generate."""

    kinds: dict[str, Option]
    databases: dict[str, Option]
    caches: dict[str, Option]
    languages: dict[str, Language]
    frameworks: dict[str, Framework]
    project_name: ProjectNameRule
    author_email: EmailRule
    template_root: Path
    _installed: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def offered_combinations(self) -> list[tuple[str, str]]:
        """Every (kind, framework) pair the template can generate, in catalog order.

        The one rule of what is offered: a framework builds the kinds under its ``kinds:``.
        """
        return [
            (kind, framework.key)
            for kind in self.kinds
            for framework in self.frameworks.values()
            if kind in framework.kinds
        ]

    def offered_kinds(self) -> list[Option]:
        """The kinds that at least one framework can build."""
        offered = {kind for kind, _ in self.offered_combinations()}
        return [kind for key, kind in self.kinds.items() if key in offered]

    def offered_frameworks(self, kind: str | None = None) -> list[Framework]:
        """The frameworks that can build ``kind`` (or anything, when ``kind`` is None)."""
        able = {key for built, key in self.offered_combinations() if kind in (None, built)}
        return [framework for key, framework in self.frameworks.items() if key in able]

    def languages_for(self, kind: str) -> list[Language]:
        """The languages with at least one framework that can build ``kind``."""
        keys = {framework.language for framework in self.offered_frameworks(kind)}
        return [language for key, language in self.languages.items() if key in keys]

    def frameworks_for(self, kind: str, language: str) -> list[Framework]:
        """The frameworks of ``language`` that can build ``kind``, recommended first."""
        matching = [f for f in self.offered_frameworks(kind) if f.language == language]
        return sorted(matching, key=lambda framework: not framework.recommended)

    def default_kind(self) -> str:
        """The kind to build when the user did not choose one."""
        return self.offered_kinds()[0].key

    def default_framework(self, kind: str) -> Framework:
        """The framework to use when the user did not choose one."""
        return self.frameworks_for(kind, self.languages_for(kind)[0].key)[0]

    def default_database(self) -> str:
        """The database to use when the user did not choose one."""
        return next(iter(self.databases))

    def default_cache(self) -> str:
        """The cache to use when the user did not choose one: the first, no cache."""
        return next(iter(self.caches))

    def caches_for(self, framework: str) -> list[Option]:
        """The caches a ``framework`` project can use, the default first."""
        able = {self.default_cache(), *self.frameworks[framework].caches}
        return [cache for key, cache in self.caches.items() if key in able]

    def check_kind(self, kind: str) -> None:
        """Raise `UserError` unless ``kind`` is known and offered."""
        offered = [k.key for k in self.offered_kinds()]
        choices = ", ".join(offered)
        if kind not in self.kinds:
            raise UserError(f"unknown kind {kind!r}: choose one of {choices}")
        if kind not in offered:
            title = self.kinds[kind].title.lower()
            raise UserError(f"the {title} ({kind}) is not available yet: choose one of {choices}")

    def check_framework(self, framework: str, kind: str | None) -> None:
        """Raise `UserError` unless ``framework`` is offered (and can build ``kind``)."""
        offered = [f.key for f in self.offered_frameworks()]
        if framework not in offered:
            planned = " (it is planned, not available yet)" if framework in self.frameworks else ""
            raise UserError(
                f"unknown framework {framework!r}{planned}: choose one of {', '.join(offered)}"
            )
        able = [f.key for f in self.offered_frameworks(kind)] if kind else offered
        if framework not in able:
            title = self.kinds[kind].title.lower() if kind in self.kinds else kind
            raise UserError(
                f"{self.frameworks[framework].title} cannot build the {title} ({kind}) yet: "
                f"choose one of {', '.join(able)}"
            )

    def check_database(self, database: str) -> None:
        """Raise `UserError` unless ``database`` is one the template offers."""
        if database not in self.databases:
            raise UserError(
                f"unknown database {database!r}: choose one of {', '.join(self.databases)}"
            )

    def check_cache(self, cache: str, framework: str | None) -> None:
        """Raise `UserError` unless ``cache`` is known (and ``framework`` can use it)."""
        if cache not in self.caches:
            raise UserError(f"unknown cache {cache!r}: choose one of {', '.join(self.caches)}")
        if framework in self.frameworks:
            able = [option.key for option in self.caches_for(framework)]
            if cache not in able:
                raise UserError(
                    f"{self.frameworks[framework].title} cannot use {self.caches[cache].title} "
                    f"yet: choose one of {', '.join(able)}"
                )

    def name_problem(self, name: str, framework: str | None = None) -> str | None:
        """Why ``name`` cannot name a project (built with ``framework``), or None."""
        problem = self.project_name.problem_with(name)
        if problem is None and framework and _canonical(name) in self.installed(framework):
            # uv refuses a lock file where the project and a dependency share a name,
            # and npm refuses to install a package into one of the same name.
            title = self.frameworks[framework].title
            problem = f"is the name of a package {title} projects install; try my-{name}"
        return problem

    def check_project_name(self, name: str, framework: str | None = None) -> None:
        """Raise `UserError` unless ``name`` is a valid project name (for ``framework``)."""
        problem = self.name_problem(name, framework)
        if problem:
            raise UserError(f"invalid project name {name!r}: it {problem}")

    def installed(self, framework: str) -> frozenset[str]:
        """The names of the packages a ``framework`` project installs, from its lock file."""
        if framework not in self._installed:
            language = self.languages[self.frameworks[framework].language]
            lock = self.template_root / "templates" / framework / language.lock_file
            names: frozenset[str] = frozenset()
            if language.lock_file and lock.is_file():
                text = lock.read_text(encoding="utf-8")
                names = frozenset(_canonical(n) for n in re.findall(language.lock_names, text))
            self._installed[framework] = names
        return self._installed[framework]


def _canonical(name: str) -> str:
    """A package name as package indexes compare them (PEP 503): case and -_. ignored."""
    return re.sub(r"[-_.]+", "-", name).lower()


def load_catalog(template_root: Path | None = None) -> Catalog:
    """Read the catalog of the template at ``template_root`` (default: the shipped one)."""
    template_root = template_root or default_template_root()
    path = template_root / CATALOG_PATH
    try:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise UserError(f"cannot read the template's catalog {path}: {error}") from error
    return Catalog(
        kinds=_options(data["kinds"]),
        databases=_options(data["databases"]),
        caches=_options(data["caches"]),
        languages={
            key: Language(
                key,
                item["title"],
                item.get("requires", ""),
                item.get("install", ""),
                item.get("lock_file", ""),
                item.get("lock_names", ""),
            )
            for key, item in data["languages"].items()
        },
        frameworks={key: _framework(key, item) for key, item in data["frameworks"].items()},
        project_name=ProjectNameRule(**data["project_name"]),
        author_email=EmailRule(**data["author_email"]),
        template_root=template_root,
    )


def _options(section: dict[str, Any]) -> dict[str, Option]:
    return {key: Option(key, item["title"], item["summary"]) for key, item in section.items()}


def _framework(key: str, item: dict[str, Any]) -> Framework:
    docs = item.get("api_docs")
    return Framework(
        key,
        item["title"],
        item["language"],
        item["summary"],
        recommended=bool(item.get("recommended", False)),
        kinds=tuple(item.get("kinds") or ()),
        api_docs=(docs["path"], docs["what"]) if docs else None,
        caches=tuple(item.get("caches") or ()),
    )
