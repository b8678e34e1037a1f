"""The Next steps that ``roadmap-scaffold new`` prints: what to type, in order.

They follow the project's README quick start for the chosen framework and
database, and every address they print answers once ``make run`` serves the
project (tests/generated/test_next_steps.py requests each one).
"""

from __future__ import annotations

import shlex
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from roadmap_scaffold.catalog import Catalog

# Where ``make run`` serves by default (HOST and PORT in every project's Makefile).
LISTEN = "127.0.0.1:8000"
SERVER = f"http://{LISTEN}"
_COMMENT_COLUMN = 27  # where a command's comment starts, so the comments line up


def next_steps(destination: Path, answers: Mapping[str, Any], catalog: Catalog | None) -> str:
    """The text printed after a project was created in ``destination``."""
    framework = catalog.frameworks.get(str(answers.get("framework"))) if catalog else None
    language = catalog.languages.get(framework.language) if catalog and framework else None

    install = "installs the dependencies"
    if language is not None:
        install = language.install or install
        if language.requires:
            install = f"needs {language.requires}; {install}"
    steps = [(f"cd {shlex.quote(str(destination))}", ""), ("make install", install)]
    services = []
    if answers.get("database") == "postgres":
        database = "starts PostgreSQL on 127.0.0.1:5432"
        url = default_database_url(destination)
        if url:
            database += f", where the project's DATABASE_URL points: {url}"
        services.append(("db", database))
    if answers.get("cache") == "redis":
        services.append(("redis", "starts Redis on 127.0.0.1:6379, where REDIS_URL points"))
    if services:
        started = " and ".join(what for _, what in services)
        steps.append(
            (
                f"docker compose up -d {' '.join(name for name, _ in services)}",
                f"{started} (needs Docker)",
            )
        )
    steps += [
        # An address, not a link: the server's root is no page, the links below are.
        ("make run", f"migrates the database, serves on {LISTEN}"),
        ("make test", "runs the tests (in a second terminal)"),
    ]

    urls = [(f"{SERVER}/health", "is it up, and can it reach its database?")]
    if framework is not None and framework.api_docs is not None:
        path, what = framework.api_docs
        urls.append((f"{SERVER}{path}", what))
    width = max(len(url) for url, _ in urls) + 3

    lines = [f"\nCreated {answers['project_name']} in {destination}", "", "Next steps:"]
    for command, comments in steps:
        lines += _commented(f"  {command}", comments)
    lines += ["", "While make run serves it, open:"]
    lines += [f"  {url.ljust(width)}{what}" for url, what in urls]
    lines += [
        "",
        "README.md explains the rest; ROADMAP.md shows where each step of the backend",
        "roadmap is practised in this project.",
    ]
    return "\n".join(lines)


def _commented(command: str, comment: str) -> list[str]:
    """``command`` with its comment beside it, wrapped to 80 columns and lined up."""
    if not comment:
        return [command]
    first = command.ljust(_COMMENT_COLUMN - 1)
    # An address is never broken: a longer line is better than a URL that cannot be copied.
    wrapped = textwrap.wrap(comment, width=80 - len(first) - 3, break_long_words=False)
    return [f"{first if i == 0 else '':{len(first)}} # {part}" for i, part in enumerate(wrapped)]


def default_database_url(project: Path) -> str | None:
    """The DATABASE_URL the project uses when none is set, as its .env.example says."""
    try:
        text = (project / ".env.example").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and key.strip() == "DATABASE_URL":
            return value.strip() or None
    return None
