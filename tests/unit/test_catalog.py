"""The catalog: what can be built, the project-name rule, and agreement with copier.yml."""

from __future__ import annotations

import itertools
import re
import warnings
from pathlib import Path

import pytest
from copier import run_copy

from roadmap_scaffold.catalog import Catalog, load_catalog
from roadmap_scaffold.errors import UserError
from roadmap_scaffold.store import default_template_root

SMALL_CATALOG = """\
project_name:
  pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
  max_length: 40
  rule: must start with a lowercase letter
kinds:
  blog: {title: Blogging platform, summary: articles}
  shop: {title: Online shop, summary: a cart}
  social: {title: Social network, summary: a timeline}
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
  go: {title: Go}
frameworks:
  flask: {title: Flask, language: python, summary: small, kinds: [blog]}
  django: {title: Django, language: python, summary: planned, recommended: true, kinds: []}
  express:
    {title: Express, language: javascript, summary: node, recommended: true, kinds: [blog],
     caches: [redis]}
  fastapi:
    {title: FastAPI, language: python, summary: typed, recommended: true, kinds: [blog, shop]}
  gohttp: {title: Go net/http, language: go, summary: planned, recommended: true}
"""


@pytest.fixture
def small(tmp_path: Path) -> Catalog:
    """A made-up catalog whose catalog order differs from the recommended order."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "_catalog.yml").write_text(SMALL_CATALOG, encoding="utf-8")
    return load_catalog(tmp_path)


# --- ordering and availability ----------------------------------------------------


def test_offered_combinations_follow_each_frameworks_kinds_in_catalog_order(small: Catalog):
    assert small.offered_combinations() == [
        ("blog", "flask"),
        ("blog", "express"),
        ("blog", "fastapi"),
        ("shop", "fastapi"),
    ]


def test_offered_kinds_leave_out_kinds_that_no_framework_builds(small: Catalog):
    assert [kind.key for kind in small.offered_kinds()] == ["blog", "shop"]


def test_offered_frameworks_leave_out_planned_ones(small: Catalog):
    assert [f.key for f in small.offered_frameworks()] == ["flask", "express", "fastapi"]
    assert [f.key for f in small.offered_frameworks("shop")] == ["fastapi"]


def test_languages_for_a_kind_are_those_with_a_framework_for_it_in_catalog_order(small: Catalog):
    assert [lang.key for lang in small.languages_for("blog")] == ["python", "javascript"]
    assert [lang.key for lang in small.languages_for("shop")] == ["python"]
    assert small.languages_for("social") == []


def test_frameworks_for_put_the_recommended_one_first_and_only_that_language(small: Catalog):
    assert [f.key for f in small.frameworks_for("blog", "python")] == ["fastapi", "flask"]
    assert [f.key for f in small.frameworks_for("blog", "javascript")] == ["express"]
    assert small.frameworks_for("blog", "go") == []


def test_default_framework_is_the_recommended_one_of_the_first_language(small: Catalog):
    assert small.default_framework("blog").key == "fastapi"
    assert small.default_framework("shop").key == "fastapi"


def test_framework_without_kinds_key_is_planned_not_offered(small: Catalog):
    assert small.frameworks["gohttp"].kinds == ()
    assert "gohttp" not in [f.key for f in small.offered_frameworks()]


# --- checks and their messages ------------------------------------------------------


def test_check_kind_accepts_an_offered_kind(small: Catalog):
    small.check_kind("shop")  # does not raise


def test_check_kind_rejects_an_unknown_kind_and_lists_the_offered_ones(small: Catalog):
    with pytest.raises(UserError) as caught:
        small.check_kind("forum")
    assert str(caught.value) == "unknown kind 'forum': choose one of blog, shop"


def test_check_kind_says_a_known_kind_without_framework_is_not_available_yet(small: Catalog):
    with pytest.raises(UserError) as caught:
        small.check_kind("social")
    assert str(caught.value) == (
        "the social network (social) is not available yet: choose one of blog, shop"
    )


def test_check_framework_rejects_an_unknown_framework(small: Catalog):
    with pytest.raises(UserError) as caught:
        small.check_framework("rails", "blog")
    message = str(caught.value)
    assert message.startswith("unknown framework 'rails': choose one of flask, express, fastapi")
    assert "planned" not in message


def test_check_framework_says_a_planned_framework_is_not_available_yet(small: Catalog):
    with pytest.raises(UserError) as caught:
        small.check_framework("django", "blog")
    assert "unknown framework 'django' (it is planned, not available yet)" in str(caught.value)


def test_check_framework_rejects_a_framework_that_cannot_build_the_kind(small: Catalog):
    with pytest.raises(UserError) as caught:
        small.check_framework("flask", "shop")
    assert str(caught.value) == (
        "Flask cannot build the online shop (shop) yet: choose one of fastapi"
    )


def test_check_framework_accepts_a_framework_that_builds_the_kind(small: Catalog):
    small.check_framework("fastapi", "shop")  # does not raise


def test_every_framework_can_go_without_a_cache_and_some_can_use_redis(small: Catalog):
    assert small.default_cache() == "none"
    assert [c.key for c in small.caches_for("flask")] == ["none"]
    assert [c.key for c in small.caches_for("express")] == ["none", "redis"]


def test_check_cache_rejects_an_unknown_cache_and_one_the_framework_cannot_use(small: Catalog):
    small.check_cache("redis", "express")
    small.check_cache("redis", None)  # no framework yet: known is enough
    with pytest.raises(UserError, match=r"unknown cache 'memcached': choose one of none, redis"):
        small.check_cache("memcached", "express")
    with pytest.raises(UserError, match=r"^Flask cannot use Redis yet: choose one of none$"):
        small.check_cache("redis", "flask")


def test_load_catalog_of_a_folder_without_one_is_a_user_error(tmp_path: Path):
    with pytest.raises(UserError, match="cannot read the template's catalog"):
        load_catalog(tmp_path)


def test_load_catalog_with_invalid_yaml_is_a_user_error(tmp_path: Path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "_catalog.yml").write_text("kinds: [blog\n", encoding="utf-8")
    with pytest.raises(UserError, match="cannot read the template's catalog"):
        load_catalog(tmp_path)


# --- project names ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["my-blog", "a", "blog2", "a1-b2-c3", "x" * 40])
def test_problem_with_accepts_valid_project_names(catalog: Catalog, name: str):
    assert catalog.project_name.problem_with(name) is None


@pytest.mark.parametrize(
    "name",
    ["My-Blog", "myBlog", "1blog", "my--blog", "-blog", "blog-", "my_blog", "my blog", "", "é"],
)
def test_problem_with_explains_the_rule_for_badly_formed_names(catalog: Catalog, name: str):
    assert catalog.project_name.problem_with(name) == catalog.project_name.rule


def test_problem_with_rejects_names_longer_than_forty_characters(catalog: Catalog):
    assert catalog.project_name.problem_with("x" * 41) == "must be at most 40 characters long"


def test_check_project_name_quotes_the_name_and_the_reason(catalog: Catalog):
    with pytest.raises(UserError) as caught:
        catalog.check_project_name("My-Blog")
    assert str(caught.value) == f"invalid project name 'My-Blog': it {catalog.project_name.rule}"


@pytest.mark.parametrize(
    ("name", "framework"),
    [
        ("fastapi", "fastapi"),
        ("starlette", "fastapi"),
        ("django", "django"),
        ("express", "express"),
    ],
)
def test_a_name_that_a_dependency_has_is_refused_for_that_framework(
    catalog: Catalog, name: str, framework: str
):
    # uv cannot lock a project named like one of its packages; npm will not install one.
    problem = catalog.name_problem(name, framework)
    assert problem is not None and problem.endswith(f"try my-{name}")
    assert catalog.name_problem(f"my-{name}", framework) is None


def test_a_dependency_name_is_refused_only_for_the_framework_that_installs_it(catalog: Catalog):
    assert catalog.name_problem("express", "fastapi") is None
    assert catalog.name_problem("express") is None


def test_every_offered_framework_with_a_lock_file_lists_what_it_installs(catalog: Catalog):
    # Go needs none: every dependency's module path starts with a domain, no project name does.
    for framework in catalog.offered_frameworks():
        if catalog.languages[framework.language].lock_file:
            assert len(catalog.installed(framework.key)) > 10, framework.key


# --- the shipped catalog ---------------------------------------------------------------------


def test_shipped_catalog_offers_a_blog_with_fastapi_on_python(catalog: Catalog):
    assert ("blog", "fastapi") in catalog.offered_combinations()
    assert catalog.default_framework("blog").key == "fastapi"
    assert catalog.frameworks["fastapi"].language == "python"


def test_shipped_catalog_offers_only_frameworks_whose_template_folder_exists(catalog: Catalog):
    root = default_template_root() / "templates"
    for framework in catalog.offered_frameworks():
        assert (root / framework.key).is_dir(), f"{framework.key} is offered but not implemented"


def test_shipped_catalog_offers_kinds_only_when_their_kind_data_exists(catalog: Catalog):
    root = default_template_root() / "templates" / "_kinds"
    for kind in catalog.offered_kinds():
        assert (root / kind.key / "kind.yml").is_file(), f"{kind.key} has no kind.yml"


def test_every_framework_names_a_known_language(catalog: Catalog):
    for framework in catalog.frameworks.values():
        assert framework.language in catalog.languages
        assert set(framework.kinds) <= set(catalog.kinds)


def test_each_offered_kind_has_exactly_one_recommended_framework_per_language(catalog: Catalog):
    for kind in catalog.offered_kinds():
        for language in catalog.languages_for(kind.key):
            frameworks = catalog.frameworks_for(kind.key, language.key)
            assert sum(f.recommended for f in frameworks) <= 1
            assert frameworks[0].recommended or len(frameworks) == 1


def _copier_answers_check(template: Path, **data: str) -> None:
    """Let Copier validate ``data`` against copier.yml without writing anything."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_copy(
            str(template),
            template / "never-written",
            data={"project_name": "demo", "author_name": "Ada", **data},
            defaults=True,
            pretend=True,
            quiet=True,
        )


def test_copier_accepts_exactly_the_combinations_the_catalog_offers(
    catalog: Catalog, template_copy: Path
):
    offered = set(catalog.offered_combinations())
    offered_kinds = {kind.key for kind in catalog.offered_kinds()}
    first_framework = next(iter(catalog.frameworks))
    # Every framework for each offered kind; a kind that is not offered fails on its own.
    combinations = [
        (kind, framework)
        for kind, framework in itertools.product(catalog.kinds, catalog.frameworks)
        if kind in offered_kinds or framework == first_framework
    ]
    for kind, framework in combinations:
        if (kind, framework) in offered:
            _copier_answers_check(template_copy, kind=kind, framework=framework)
        else:
            with pytest.raises(ValueError) as caught:
                _copier_answers_check(template_copy, kind=kind, framework=framework)
            assert re.search(rf"\b({kind}|{framework})\b", str(caught.value)), caught.value
    assert not (template_copy / "never-written").exists()


def test_copier_offers_each_framework_exactly_the_caches_the_catalog_gives_it(
    catalog: Catalog, template_copy: Path
):
    for framework in catalog.offered_frameworks():
        kind = framework.kinds[0]
        able = {cache.key for cache in catalog.caches_for(framework.key)}
        for cache in catalog.caches:
            if cache in able:
                _copier_answers_check(
                    template_copy, kind=kind, framework=framework.key, cache=cache
                )
            else:
                with pytest.raises(ValueError, match=re.escape(f"{framework.title} cannot use")):
                    _copier_answers_check(
                        template_copy, kind=kind, framework=framework.key, cache=cache
                    )


@pytest.mark.parametrize("name", ["My-Blog", "1blog", "my--blog", "x" * 41])
def test_copier_rejects_the_project_names_the_catalog_rejects_with_the_same_reason(
    catalog: Catalog, template_copy: Path, name: str
):
    reason = catalog.project_name.problem_with(name)
    assert reason is not None
    with pytest.raises(ValueError) as caught:
        _copier_answers_check(template_copy, project_name=name)
    assert reason in " ".join(str(caught.value).split())


def test_copier_accepts_a_forty_character_name(template_copy: Path):
    _copier_answers_check(template_copy, project_name="x" * 40)
