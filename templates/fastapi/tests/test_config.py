"""Settings come from the environment, are checked at startup, and fail with one clear line."""

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from app.core.config import DEVELOPMENT_SECRET_KEY, Settings, load_settings


def make_settings(**values: Any) -> Settings:
    # _env_file=None: ignore any .env file on the developer's machine.
    return Settings(_env_file=None, **values)


def test_production_refuses_the_development_secret_key() -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY must be set"):
        make_settings(APP_ENV="production", SECRET_KEY=DEVELOPMENT_SECRET_KEY)


def test_production_refuses_a_short_secret_key() -> None:
    with pytest.raises(ValidationError, match="at least 32 characters"):
        make_settings(APP_ENV="production", SECRET_KEY="too-short")


def test_production_accepts_a_real_secret_key() -> None:
    settings = make_settings(APP_ENV="production", SECRET_KEY="x" * 48)

    assert settings.SECRET_KEY == "x" * 48


def test_startup_in_production_without_secret_stops_with_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("JWT_SECRET", raising=False)

    with pytest.raises(SystemExit) as stopped:
        load_settings()

    message = str(stopped.value)
    assert message.startswith("Invalid configuration:")
    assert "SECRET_KEY must be set" in message
    assert "\n" not in message


def test_jwt_secret_is_accepted_as_the_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("JWT_SECRET", "from-jwt-secret")

    assert make_settings().SECRET_KEY == "from-jwt-secret"


@pytest.mark.parametrize(
    "url",
    ["postgres://u:p@db:5432/app", "postgresql://u:p@db:5432/app"],
)
def test_postgres_urls_use_the_psycopg_driver(url: str) -> None:
    assert make_settings(DATABASE_URL=url).DATABASE_URL == "postgresql+psycopg://u:p@db:5432/app"


def test_cors_origins_are_read_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORS_ORIGINS", "http://localhost:5173, https://front.example")

    assert make_settings().CORS_ORIGINS == ["http://localhost:5173", "https://front.example"]


def test_unknown_app_env_is_refused() -> None:
    with pytest.raises(ValidationError):
        make_settings(APP_ENV="staging")
