"""The interactive wizard: friendly questions in, the template's answers out.

It asks in the learner's terms (what to build, which language, which framework,
which database) and maps the replies onto the template's options. It does no
other I/O: the questions go through a `Prompter`, so the tests can drive the
real questionary prompts with prepared keystrokes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from roadmap_scaffold.catalog import Catalog
from roadmap_scaffold.errors import Cancelled

Choice = tuple[str, str]
"""A choice as (what the user reads, the value the template gets)."""


class Prompter(Protocol):
    """Asks one question at a time."""

    def select(self, message: str, choices: list[Choice], default: str) -> str:
        """Return the value of the choice the user picked."""

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        """Return the user's text; ``validate`` returns an error message or None."""

    def confirm(self, message: str, default: bool) -> bool:
        """Return the user's yes or no."""


@dataclass
class QuestionaryPrompter:
    """A `Prompter` on questionary; ``input`` and ``output`` are for tests."""

    input: Any = None
    output: Any = None

    def _io(self) -> dict[str, Any]:
        return {"input": self.input, "output": self.output} if self.input else {}

    def select(self, message: str, choices: list[Choice], default: str) -> str:
        """Ask with arrow keys; Ctrl-C raises KeyboardInterrupt (unsafe_ask)."""
        import questionary  # imported here: `--yes` runs never pay for it

        options = [questionary.Choice(title, value=value) for title, value in choices]
        answer: str = questionary.select(
            message, choices=options, default=default, **self._io()
        ).unsafe_ask()
        return answer

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        """Ask for free text, re-asking until ``validate`` is happy."""
        import questionary

        answer: str = questionary.text(
            message,
            default=default,
            validate=lambda value: validate(value.strip()) or True,
            **self._io(),
        ).unsafe_ask()
        return answer.strip()

    def confirm(self, message: str, default: bool) -> bool:
        """Ask a yes-or-no question."""
        import questionary

        answer: bool = questionary.confirm(message, default=default, **self._io()).unsafe_ask()
        return answer


def run_wizard(
    catalog: Catalog,
    decided: dict[str, Any],
    suggested: dict[str, str],
    prompter: Prompter,
) -> dict[str, Any]:
    """Ask for every answer not already ``decided`` and return the template's answers.

    ``decided`` holds what flags, ``--data`` and ``--answers-file`` settled;
    ``suggested`` holds defaults worth offering (the folder's name, the git
    identity). Raises `Cancelled` when the user declines the summary; Ctrl-C
    propagates as KeyboardInterrupt.
    """
    answers = dict(decided)

    if "kind" not in answers:
        # With a framework already chosen, offer only the kinds it can build.
        framework_kinds = (
            catalog.frameworks[answers["framework"]].kinds if "framework" in answers else None
        )
        kinds = [
            k
            for k in catalog.offered_kinds()
            if framework_kinds is None or k.key in framework_kinds
        ]
        answers["kind"] = prompter.select(
            "What do you want to build?",
            [(f"{kind.title}: {kind.summary}", kind.key) for kind in kinds],
            default=kinds[0].key,
        )
    kind = answers["kind"]

    if "framework" not in answers:
        languages = catalog.languages_for(kind)
        language = prompter.select(
            "Which language are you learning?",
            [(language.title, language.key) for language in languages],
            default=languages[0].key,
        )
        frameworks = catalog.frameworks_for(kind, language)
        answers["framework"] = prompter.select(
            "Which framework?",
            [(_framework_line(f.title, f.summary, f.recommended), f.key) for f in frameworks],
            default=frameworks[0].key,
        )

    if "database" not in answers:
        answers["database"] = prompter.select(
            "Which database?",
            [(f"{db.title}: {db.summary}", db.key) for db in catalog.databases.values()],
            default=next(iter(catalog.databases)),
        )

    if "project_name" not in answers:
        answers["project_name"] = prompter.text(
            "Project name (also the folder's name):",
            default=suggested.get("project_name") or f"my-{kind}",
            validate=catalog.project_name.problem_with,
        )
    if "author_name" not in answers:
        answers["author_name"] = prompter.text(
            "Your name (for the README and the licence):",
            default=suggested.get("author_name", ""),
            validate=lambda value: None if value else "please enter a name",
        )
    if "author_email" not in answers:
        answers["author_email"] = prompter.text(
            "Your e-mail address (optional, for the README):",
            default=suggested.get("author_email", ""),
            validate=catalog.author_email.problem_with,
        )

    if not prompter.confirm(summary(catalog, answers) + "\nCreate this project?", default=True):
        raise Cancelled("nothing was created")
    return answers


def _framework_line(title: str, summary_text: str, recommended: bool) -> str:
    line = f"{title}: {summary_text}"
    return f"{line} (recommended for beginners)" if recommended else line


def summary(catalog: Catalog, answers: dict[str, Any]) -> str:
    """Describe the project that ``answers`` will generate, for a last look."""
    kind = catalog.kinds[answers["kind"]]
    framework = catalog.frameworks[answers["framework"]]
    language = catalog.languages[framework.language]
    database = catalog.databases[answers["database"]]
    author = answers.get("author_name", "")
    if answers.get("author_email"):
        author += f" <{answers['author_email']}>"
    return "\n".join(
        [
            "",
            f"  Project:    {answers['project_name']}",
            f"  Building:   {kind.title}",
            f"  Framework:  {framework.title} ({language.title})",
            f"  Database:   {database.title}",
            f"  Author:     {author}",
        ]
    )
