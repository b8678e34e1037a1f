"""What the template offers, read from the catalog the tool and copier.yml both use."""

from __future__ import annotations

from functools import cache

from tests.support.paths import REPO_ROOT

from roadmap_scaffold.catalog import Catalog, load_catalog


@cache
def catalog() -> Catalog:
    return load_catalog(REPO_ROOT)


def offered_combinations() -> list[tuple[str, str]]:
    """Every offered (kind, framework) pair."""
    return catalog().offered_combinations()


def first_kind_of_each_framework() -> list[tuple[str, str]]:
    """(kind, framework) once per framework, with its first kind: for what no kind's code does."""
    first: dict[str, str] = {}
    for kind, framework in offered_combinations():
        first.setdefault(framework, kind)
    return [(kind, framework) for framework, kind in first.items()]


def language_of(framework: str) -> str:
    return catalog().frameworks[framework].language


def cache_of(framework: str) -> str:
    """The cache the lane generates ``framework``'s projects with: Redis where it can use it.

    The scale-out tests (two copies behind nginx) need what Redis brings; the default (no
    cache) is what a learner gets, and the render matrix renders it for every framework.
    """
    return "redis" if "redis" in catalog().frameworks[framework].caches else "none"


def databases() -> list[str]:
    """Every database a project can be generated for (copier.yml's choices come from here)."""
    return list(catalog().databases)


def render_matrix() -> list[tuple[str, str, str]]:
    """(kind, framework, database) for every offered combination and database."""
    return [
        (kind, framework, database)
        for kind, framework in offered_combinations()
        for database in databases()
    ]
