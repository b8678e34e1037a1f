"""The generated docs tell the truth: ROADMAP.md covers the eleven roadmap steps and
points only at files that exist; the README and the licence carry the learner's answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from tests.support.matrix import offered_combinations
from tests.support.paths import REPO_ROOT
from tests.support.template_repo import source_snapshot

from roadmap_scaffold.generate import GenerationRequest, generate

ROADMAP_STEPS = (
    "How the internet works",
    "A programming language",
    "Version control",
    "Databases",
    "APIs and authentication",
    "A framework",
    "Web security",
    "Performance",
    "Testing and CI",
    "Containers and the cloud",
    "Your portfolio",
)

# `something/with.a-path` or `file.ext` in backticks; commands, URLs and headers are not paths.
PATH_IN_BACKTICKS = re.compile(r"`([A-Za-z0-9_.{}*/-]+(?:/|\.[a-z]{2,4})[A-Za-z0-9_.{}*/-]*)`")


@pytest.fixture(
    scope="module",
    params=offered_combinations(),
    ids=[f"{kind}-{framework}" for kind, framework in offered_combinations()],
)
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    kind, framework = request.param
    destination = tmp_path_factory.mktemp("docs") / f"docs-{kind}-{framework}"
    answers = {
        "kind": kind,
        "framework": framework,
        "database": "sqlite",
        "project_name": destination.name,
        "author_name": "Grace Hopper",
        "author_email": "grace@example.com",
        "copyright_year": "2031",
    }
    request_ = GenerationRequest(
        destination, answers, template=str(REPO_ROOT), vcs_ref=source_snapshot(), git=False
    )
    return generate(request_)


def _paths_named_in(markdown: str) -> set[str]:
    return {
        match
        for match in PATH_IN_BACKTICKS.findall(markdown)
        if not match.startswith(("http", "/api", "/health", "/metrics", "."))
        or match.startswith((".github/", ".gitignore", ".dockerignore", ".copier-answers"))
    }


def test_roadmap_has_the_eleven_steps_in_order(project: Path) -> None:
    headings = re.findall(r"^## (\d+)\. (.+)$", (project / "ROADMAP.md").read_text("utf-8"), re.M)

    assert [int(number) for number, _ in headings] == list(range(1, 12))
    for (_, title), expected in zip(headings, ROADMAP_STEPS, strict=True):
        assert title.startswith(expected), f"step {title!r} should start with {expected!r}"


def test_every_roadmap_step_names_at_least_one_file_of_the_project(project: Path) -> None:
    roadmap = (project / "ROADMAP.md").read_text("utf-8")
    sections = re.split(r"^## \d+\. ", roadmap, flags=re.M)[1:]

    for section in sections:
        title = section.splitlines()[0]
        assert _paths_named_in(section), f"step {title!r} names no file of the project"


def _exists(project: Path, path: str) -> bool:
    """A path with a folder is relative to the project; a bare file name may be anywhere."""
    if path.endswith(".db"):  # the SQLite database, made by the first `make run`
        return True
    pattern = path.rstrip("/")
    return bool(list(project.glob(pattern) if "/" in pattern else project.rglob(pattern)))


@pytest.mark.parametrize("document", ["ROADMAP.md", "README.md", "SECURITY.md"])
def test_every_file_the_docs_name_exists(project: Path, document: str) -> None:
    named = _paths_named_in((project / document).read_text("utf-8"))

    missing = sorted(path for path in named if not _exists(project, path))
    assert not missing, f"{document} names files that the project does not have: {missing}"


def test_readme_and_licence_carry_the_learners_answers(project: Path) -> None:
    readme = (project / "README.md").read_text("utf-8")
    licence = (project / "LICENSE").read_text("utf-8")

    assert readme.startswith(f"# {project.name}\n")
    assert "Grace Hopper" in readme and "grace@example.com" in readme
    assert "Copyright (c) 2031 Grace Hopper" in licence
    for command in ("make install", "make run", "make test", "make lint"):
        assert command in readme, f"the README never mentions {command}"


def _section(markdown: str, title: str) -> str:
    """The text under `## title`, up to the next `## ` heading ('' when there is none)."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    return match.group(1) if match else ""


def test_readme_opens_with_highlights_each_naming_its_test(project: Path) -> None:
    readme = (project / "README.md").read_text("utf-8")
    headings = re.findall(r"^## (.+)$", readme, re.M)
    highlights = re.findall(r"^- \*\*.+", _section(readme, "Highlights"), re.M)

    # For a recruiter first; then the beginner's quick start, before anything else.
    assert headings[:2] == ["Highlights", "Quick start"], headings
    assert len(highlights) >= 4, highlights
    for highlight in highlights:
        assert re.search(r"`[^`]+`\.?$", highlight), f"no test or file named: {highlight}"
    # The test files the highlights name exist: test_every_file_the_docs_name_exists.


def test_readme_has_a_ci_badge_placeholder_and_says_how_to_fill_it_in(project: Path) -> None:
    readme = (project / "README.md").read_text("utf-8")
    top = readme[: readme.index("## Highlights")]
    notes = "\n".join(re.findall(r"<!--(.*?)-->", top, re.S))  # hidden until filled in

    assert "replace OWNER/REPO" in notes, "no sentence says how to fill in the badge"
    badge = "[![CI](https://github.com/OWNER/REPO/actions/workflows/ci.yml/badge.svg)]"
    assert badge in notes, "no commented CI badge above the Highlights"
    assert (project / ".github/workflows/ci.yml").is_file()


def _make_targets(project: Path) -> set[str]:
    makefile = (project / "Makefile").read_text("utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*):", makefile, re.M))


@pytest.mark.parametrize("document", ["ROADMAP.md", "README.md", "SECURITY.md"])
def test_every_make_command_the_docs_name_exists(project: Path, document: str) -> None:
    markdown = (project / document).read_text("utf-8")
    # Commands are code: fenced blocks and `spans` (prose such as "make writes safe" is not).
    code = re.findall(r"^```.*?^```", markdown, re.M | re.S) + re.findall(r"`[^`\n]+`", markdown)
    named = {
        target
        for text in code
        for target in re.findall(r"(?:^|[\s`])make ([a-z][a-z0-9-]*)", text, re.M)
    }

    missing = sorted(named - _make_targets(project))
    assert not missing, f"{document} names make targets the Makefile lacks: {missing}"


# Words that belong to another kind: a project's docs speak only of itself.
OTHER_KINDS_WORDS = {
    "blog": ("cart", "checkout", "idempotency"),
    "ecommerce": ("article", "comment", "realworld", "favourite", "feed"),
    "social": ("article", "realworld", "cart", "checkout", "favourite"),
}


@pytest.mark.parametrize("document", ["ROADMAP.md", "README.md", "SECURITY.md"])
def test_the_docs_speak_of_this_kind_only(project: Path, document: str) -> None:
    kind = project.name.split("-")[1]
    text = (project / document).read_text("utf-8").lower()

    found = [word for word in OTHER_KINDS_WORDS[kind] if re.search(rf"\b{word}", text)]
    assert not found, f"{document} of a {kind} speaks of {found}"


def test_roadmap_undoes_a_migration_with_a_command_the_makefile_has(project: Path) -> None:
    roadmap = (project / "ROADMAP.md").read_text("utf-8")
    step = re.split(r"^## \d+\. ", roadmap, flags=re.M)[4]
    try_it = step[step.index("Try it:") :]

    assert "undo" in try_it, "the databases step's try-it no longer undoes its migration"
    assert "`make rollback" in try_it, "it undoes the migration without naming a command"
    assert "rollback" in _make_targets(project)


# Each kind's own settings, listed once in its kind.yml (DESIGN.md, "Layout rule").
def _kind_settings(kind: str) -> list[dict[str, object]]:
    kind_yml = REPO_ROOT / "templates" / "_kinds" / kind / "kind.yml"
    return yaml.safe_load(kind_yml.read_text("utf-8")).get("settings", [])


def test_every_kind_setting_is_in_env_example_and_in_the_readme_table(project: Path) -> None:
    kind = project.name.split("-")[1]
    env_example = (project / ".env.example").read_text("utf-8")
    configuration = _section((project / "README.md").read_text("utf-8"), "Configuration")

    for setting in _kind_settings(kind):
        name = setting["name"]
        # A secret is shown commented out (its development default is refused in production).
        line = f"# {name}=" if setting.get("secret") else f"{name}={setting['default']}"
        assert re.search(rf"^{re.escape(line)}", env_example, re.M), f".env.example lacks {line}"
        assert f"| `{name}` |" in configuration, f"the README's settings table lacks {name}"


@pytest.mark.parametrize(
    "framework", sorted({framework for _, framework in offered_combinations()})
)
def test_no_framework_writes_a_kind_setting_by_hand(framework: str) -> None:
    names = [
        setting["name"]
        for kind_yml in (REPO_ROOT / "templates" / "_kinds").glob("*/kind.yml")
        for setting in _kind_settings(kind_yml.parent.name)
    ]
    tree = REPO_ROOT / "templates" / framework
    env_example = (tree / ".env.example.jinja").read_text("utf-8")
    readme_rows = re.findall(r"^\|.*$", (tree / "README.md.jinja").read_text("utf-8"), re.M)

    assert [name for name in names if name in env_example] == [], ".env.example.jinja"
    assert [name for name in names if f"`{name}`" in "\n".join(readme_rows)] == [], "README rows"
