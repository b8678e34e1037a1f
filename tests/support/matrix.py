"""What the template offers, read from the same sources as the tool and Copier."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml
from tests.support.paths import REPO_ROOT

from roadmap_scaffold.catalog import Catalog, load_catalog


@cache
def catalog() -> Catalog:
    return load_catalog(REPO_ROOT)


def offered_combinations() -> list[tuple[str, str]]:
    """Every offered (kind, framework) pair."""
    return catalog().offered_combinations()


def language_of(framework: str) -> str:
    return catalog().frameworks[framework].language


@cache
def copier_questions() -> dict[str, Any]:
    data = yaml.safe_load((REPO_ROOT / "copier.yml").read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def choice_values(question: str) -> list[str]:
    """The values of a question whose choices are written literally in copier.yml."""
    choices = copier_questions()[question]["choices"]
    if isinstance(choices, dict):
        return [str(value) for value in choices.values()]
    return [str(value) for value in choices]


def render_matrix() -> list[tuple[str, str, str]]:
    """(kind, framework, database) for every offered combination and database."""
    return [
        (kind, framework, database)
        for kind, framework in offered_combinations()
        for database in choice_values("database")
    ]
