"""The one place that reads the environment (plus the settings modules that call it).

Twelve-factor style: every setting that differs between your laptop, CI and
production comes from an environment variable, with a safe development default.
A `.env` file next to manage.py is read too (copy .env.example); real environment
variables win over it.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SETTINGS_BY_APP_ENV = {
    "development": "config.settings.local",
    "production": "config.settings.production",
    "test": "config.settings.test",
}


def load_dotenv(path: Path = BASE_DIR / ".env") -> None:
    """Read KEY=value lines from .env into os.environ, never overriding what is set."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip().strip("'\""))


def get_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def get_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def get_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None


def get_list(name: str, default: str = "") -> list[str]:
    """A comma-separated variable as a list: "a, b" -> ["a", "b"]."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def settings_module() -> str:
    """The settings module for APP_ENV (development, production or test)."""
    load_dotenv()
    app_env = get_str("APP_ENV", "development")
    try:
        return SETTINGS_BY_APP_ENV[app_env]
    except KeyError:
        choices = ", ".join(SETTINGS_BY_APP_ENV)
        raise ValueError(f"APP_ENV must be one of {choices}, not {app_env!r}") from None
