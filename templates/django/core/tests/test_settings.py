"""config/: settings from the environment, and the production refusals."""

import os
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest
from django.core.management import call_command

from config import env

ROOT = Path(__file__).resolve().parents[2]


def run_with_env(code: str, **variables: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DATABASE_URL": "sqlite:///./check.db", **variables}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_should_refuse_the_development_secret_key():
    result = run_with_env("import config.settings.production", APP_ENV="production", SECRET_KEY="")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_should_start_with_a_real_secret_key_and_debug_off():
    code = "import config.settings.production as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE)"
    result = run_with_env(code, APP_ENV="production", SECRET_KEY="x" * 60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


def test_production_should_redirect_to_https_unless_told_not_to():
    code = "import config.settings.production as s; print(s.SECURE_SSL_REDIRECT)"
    by_default = run_with_env(code, APP_ENV="production", SECRET_KEY="x" * 60)
    turned_off = run_with_env(
        code, APP_ENV="production", SECRET_KEY="x" * 60, SECURE_SSL_REDIRECT="false"
    )

    assert by_default.returncode == 0, by_default.stderr
    assert by_default.stdout.split() == ["True"]
    assert turned_off.stdout.split() == ["False"]


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("sqlite:///./app.db", "django.db.backends.sqlite3"),
        ("postgresql://app:app@localhost:5432/app", "django.db.backends.postgresql"),
        ("postgres://app:app@localhost:5432/app", "django.db.backends.postgresql"),
    ],
)
def test_database_url_should_accept_sqlite_and_both_postgres_schemes(url: str, engine: str):
    assert dj_database_url.parse(url)["ENGINE"] == engine


def test_app_env_should_pick_the_settings_module(monkeypatch):
    monkeypatch.setenv("APP_ENV", "production")
    assert env.settings_module() == "config.settings.production"
    monkeypatch.setenv("APP_ENV", "staging")
    with pytest.raises(ValueError, match="APP_ENV must be one of"):
        env.settings_module()


def test_list_variables_should_be_split_on_commas(monkeypatch):
    monkeypatch.setenv("CORS_ORIGINS", "http://a.example, http://b.example,")
    assert env.get_list("CORS_ORIGINS") == ["http://a.example", "http://b.example"]


@pytest.mark.django_db
def test_the_models_should_have_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
