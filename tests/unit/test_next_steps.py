"""The Next steps printed by `roadmap-scaffold new`: complete for each framework and database.

That every address they print answers on the running project is checked in
tests/generated/test_next_steps.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from roadmap_scaffold.catalog import Catalog
from roadmap_scaffold.cli import main
from roadmap_scaffold.next_steps import default_database_url, next_steps

URL = re.compile(r"https?://\S+")


def _steps(catalog: Catalog | None, project: Path, framework: str, database: str) -> str:
    answers = {"project_name": "my-app", "framework": framework, "database": database}
    return next_steps(project, answers, catalog)


def _commands(text: str) -> list[str]:
    """The commands to type, in order (the lines before the addresses, without comments)."""
    block = text.split("Next steps:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]


@pytest.mark.parametrize("framework", ["fastapi", "django", "express"])
def test_sqlite_steps_are_cd_install_run_test(
    catalog: Catalog, tmp_path: Path, framework: str
) -> None:
    text = _steps(catalog, tmp_path / "my app", framework, "sqlite")

    assert _commands(text) == [
        f"cd '{tmp_path / 'my app'}'",
        "make install",
        "make run",
        "make test",
    ]
    assert "docker" not in text


@pytest.mark.parametrize("framework", ["fastapi", "django", "express"])
def test_postgres_steps_start_the_database_before_make_run_and_name_its_url(
    catalog: Catalog, tmp_path: Path, framework: str
) -> None:
    (tmp_path / ".env.example").write_text(
        "# where the data lives\nDATABASE_URL=postgresql://app:app@localhost:5432/app\n"
        "# DATABASE_URL=sqlite:///./app.db\n",
        encoding="utf-8",
    )

    text = _steps(catalog, tmp_path, framework, "postgres")

    commands = _commands(text)
    assert commands.index("docker compose up -d db") == commands.index("make run") - 1
    assert "postgresql://app:app@localhost:5432/app" in text
    assert "sqlite" not in text


@pytest.mark.parametrize(
    ("framework", "says"),
    [
        ("fastapi", ["Python 3.11", "uv itself into .tools/"]),
        ("django", ["Python 3.11", "uv itself into .tools/"]),
        ("express", ["Node.js 24", "22.13"]),
    ],
)
def test_make_install_says_what_it_needs_and_brings(
    catalog: Catalog, tmp_path: Path, framework: str, says: list[str]
) -> None:
    text = " ".join(_steps(catalog, tmp_path, framework, "sqlite").split())

    for words in says:
        assert words in text


@pytest.mark.parametrize(
    ("framework", "docs"),
    [("fastapi", "/api/docs"), ("django", "/api/docs"), ("express", "/api/openapi.yaml")],
)
def test_the_addresses_are_health_and_the_api_docs(
    catalog: Catalog, tmp_path: Path, framework: str, docs: str
) -> None:
    text = _steps(catalog, tmp_path, framework, "sqlite")
    addresses = text.split("open:\n", 1)[1].split("\n\n", 1)[0]

    assert URL.findall(addresses) == [
        "http://127.0.0.1:8000/health",
        f"http://127.0.0.1:8000{docs}",
    ]


@pytest.mark.parametrize("database", ["sqlite", "postgres"])
@pytest.mark.parametrize("framework", ["fastapi", "django", "express"])
def test_lines_fit_80_columns_except_an_unbreakable_address(
    catalog: Catalog, tmp_path: Path, framework: str, database: str
) -> None:
    (tmp_path / ".env.example").write_text(
        "DATABASE_URL=postgresql://app:app@localhost:5432/app\n", encoding="utf-8"
    )
    text = _steps(catalog, tmp_path, framework, database)
    # The project's folder is the user's choice: measured as a short one ("my-app").
    text = text.replace(str(tmp_path), "my-app")

    too_long = [line for line in text.splitlines() if len(line) > 80 and not URL.search(line)]
    assert too_long == []


def test_without_a_catalog_the_steps_stay_generic_and_true(tmp_path: Path) -> None:
    text = _steps(None, tmp_path, "fastapi", "sqlite")

    assert _commands(text) == [f"cd {tmp_path}", "make install", "make run", "make test"]
    assert URL.findall(text.split("open:\n", 1)[1]) == ["http://127.0.0.1:8000/health"]


def test_the_database_url_is_the_first_uncommented_one_of_env_example(tmp_path: Path) -> None:
    (tmp_path / ".env.example").write_text(
        "# DATABASE_URL=sqlite:///./app.db\n  DATABASE_URL = postgresql://u:p@db:5432/x\n",
        encoding="utf-8",
    )

    assert default_database_url(tmp_path) == "postgresql://u:p@db:5432/x"
    assert default_database_url(tmp_path / "missing") is None


def test_new_prints_the_steps_for_the_project_it_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    destination = tmp_path / "shop"

    code = main(
        [
            "new",
            str(destination),
            "--kind",
            "ecommerce",
            "--framework",
            "express",
            "--database",
            "postgres",
            "--yes",
            "--no-git",
        ]
    )

    out = capsys.readouterr().out
    assert code == 0
    assert "docker compose up -d db" in out
    assert "DATABASE_URL" in out
    assert default_database_url(destination) == "postgresql://app:app@127.0.0.1:5432/app"
    assert "postgresql://app:app@127.0.0.1:5432/app" in out
    assert "http://127.0.0.1:8000/api/openapi.yaml" in out
