"""What every settings class of the app shares: where the values come from, and APP_ENV.

app/core/config.py's Settings is built on this, and so are the settings that belong to
one part of the app: Settings inherits them, so they are read and checked together.
Docs: https://docs.pydantic.dev/latest/concepts/pydantic_settings/
"""

from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class AppSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # "production" turns on the strict checks; "test" makes password hashing cheap.
    APP_ENV: Literal["development", "production", "test"] = "development"
