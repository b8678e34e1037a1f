"""The migrations build exactly the schema that the models describe, through the
same `flask db` commands that `make migrate` and `make rollback` run."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import create_engine, inspect

from app import create_app
from app.core.db import Base


def migrated_app(tmp_path: Path) -> tuple[Flask, str]:
    url = f"sqlite:///{tmp_path / 'migrated.db'}"
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url}), url


def test_migrations_match_the_models(tmp_path: Path) -> None:
    app, url = migrated_app(tmp_path)

    result = app.test_cli_runner().invoke(args=["db", "upgrade"])

    assert result.exit_code == 0, result.output
    with create_engine(url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == [], "run: make migration m='describe the change'"


def test_migrations_can_be_undone(tmp_path: Path) -> None:
    app, url = migrated_app(tmp_path)
    runner = app.test_cli_runner()

    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    result = runner.invoke(args=["db", "downgrade", "base"])

    assert result.exit_code == 0, result.output
    assert inspect(create_engine(url)).get_table_names() == ["alembic_version"]


def test_the_app_s_command_line_has_the_migration_commands(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["db", "--help"])

    assert result.exit_code == 0, result.output
    for command in ("upgrade", "downgrade", "migrate"):
        assert command in result.output
