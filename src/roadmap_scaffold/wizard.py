"""The interactive wizard: friendly questions in, the template's answers out.

It asks in the learner's terms (what to build, which language, which framework,
which database) and maps the replies onto the template's options. It does no
other I/O: the questions go through a `Prompter`, so the tests can drive the
real questionary prompts with prepared keystrokes.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from roadmap_scaffold.catalog import Catalog
from roadmap_scaffold.errors import Cancelled


class Choice(NamedTuple):
    """One answer to a multiple-choice question."""

    title: str
    """What the user reads in the list (short: it must fit an 80-column terminal)."""
    value: str
    """What the template gets."""
    description: str = ""
    """More words about it, shown below the list while it is highlighted."""


class Prompter(Protocol):
    """Asks one question at a time."""

    def select(self, message: str, choices: list[Choice], default: str) -> str:
        """Return the value of the choice the user picked."""

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        """Return the user's text; ``validate`` returns an error message or None."""

    def confirm(self, message: str, default: bool) -> bool:
        """Return the user's yes or no."""


# questionary writes a highlighted choice's description after this label.
_DESCRIPTION_LABEL = "  Description: "


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

        options = [
            questionary.Choice(
                choice.title, value=choice.value, description=self._wrapped(choice.description)
            )
            for choice in choices
        ]
        answer: str = questionary.select(
            _fit(message), choices=options, default=default, **self._io()
        ).unsafe_ask()
        return answer

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        """Ask for free text; Enter alone takes ``default``; re-ask until ``validate`` is happy.

        The default is a placeholder, not text in the field: the first key typed
        starts a new answer instead of being appended to the default. A rejected
        answer is followed by the reason on lines of its own, wrapped to the
        terminal's width (prompt_toolkit's one-line toolbar would cut it), and
        comes back to be corrected.
        """
        import questionary
        from prompt_toolkit.formatted_text import FormattedText

        typed = ""
        while True:
            placeholder = FormattedText([("fg:ansibrightblack", default)]) if default else None
            answer: str = questionary.text(
                message, default=typed, placeholder=placeholder, **self._io()
            ).unsafe_ask()
            answer = answer.strip() or default
            problem = validate(answer)
            if problem is None:
                return answer
            self._say(f"{answer!r} {problem}" if answer else problem)
            typed = answer

    def confirm(self, message: str, default: bool) -> bool:
        """Ask a yes-or-no question."""
        import questionary

        answer: bool = questionary.confirm(message, default=default, **self._io()).unsafe_ask()
        return answer

    def _say(self, problem: str) -> None:
        """Show why an answer was refused, in red, under the question."""
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.formatted_text import FormattedText

        lines = textwrap.wrap(problem, _width() - 4) or [problem]
        text = "\n".join(["  ✗ " + lines[0], *("    " + line for line in lines[1:])])
        print_formatted_text(FormattedText([("fg:ansired", text)]), output=self.output)

    @staticmethod
    def _wrapped(description: str) -> str | None:
        """``description`` broken into lines that fit beside questionary's label."""
        if not description:
            return None
        width = _width() - len(_DESCRIPTION_LABEL)
        indent = "\n" + " " * len(_DESCRIPTION_LABEL)
        return indent.join(textwrap.wrap(description, width))


def _width() -> int:
    """The terminal's width, less one column (a full last column makes some wrap early)."""
    return max(40, shutil.get_terminal_size().columns - 1)


def _fit(message: str) -> str:
    """``message`` with each long line wrapped under its value (prompt_toolkit cuts them).

    A line like ``"  Author:     Ada <ada@example.org>"`` continues under ``Ada``.
    """
    width = _width() - 2  # questionary puts "? " before the first line
    lines = []
    for line in message.splitlines():
        label = re.match(r"\s*\S+:\s+", line)
        indent = " " * (label.end() if label else len(line) - len(line.lstrip()))
        lines += textwrap.wrap(line, width, subsequent_indent=indent) or [line]
    return "\n".join(lines)


# The last question's choices.
CREATE, CHANGE, CANCEL = "create", "change", "cancel"
# The reply that leaves out a suggested e-mail address.
NO_EMAIL = "-"


def run_wizard(
    catalog: Catalog,
    decided: dict[str, Any],
    suggested: dict[str, str],
    prompter: Prompter,
) -> dict[str, Any]:
    """Ask for every answer not already ``decided`` and return the template's answers.

    ``decided`` holds what flags, ``--data`` and ``--answers-file`` settled;
    ``suggested`` holds defaults worth offering (the folder's name, the git
    identity). A question with one possible answer is not asked: the summary
    says it was the only one. At the summary, "change something" asks the
    questions again, each with the previous reply as its default. Raises
    `Cancelled` when the user cancels there; Ctrl-C propagates as KeyboardInterrupt.
    """
    previous: dict[str, Any] = {}
    while True:
        wizard = _Questions(catalog, decided, {**suggested, **previous}, prompter)
        answers = wizard.ask()
        choices = [Choice("Yes, create it", CREATE)]
        if wizard.asked:
            choices.append(Choice("No, change something", CHANGE))
        choices.append(Choice("No, cancel", CANCEL))
        reply = prompter.select(
            summary(catalog, answers, wizard.only) + "\n\nCreate this project?",
            choices,
            default=CREATE,
        )
        if reply == CREATE:
            return answers
        if reply == CANCEL:
            raise Cancelled("nothing was created")
        previous = answers


@dataclass
class _Questions:
    """One pass through the questions; ``defaults`` may hold the previous pass's replies."""

    catalog: Catalog
    decided: dict[str, Any]
    defaults: dict[str, Any]
    prompter: Prompter
    asked: int = 0
    only: set[str] = field(default_factory=set)
    """The answers that were the only possible one, so were not asked."""

    def ask(self) -> dict[str, Any]:
        catalog, answers = self.catalog, dict(self.decided)
        if "kind" not in answers:
            # With a framework already chosen, offer only the kinds it can build.
            able = (
                catalog.frameworks[answers["framework"]].kinds if "framework" in answers else None
            )
            kinds = [k for k in catalog.offered_kinds() if able is None or k.key in able]
            answers["kind"] = self._select(
                "kind",
                "What do you want to build?",
                [Choice(kind.title, kind.key, kind.summary) for kind in kinds],
            )
        kind = answers["kind"]

        if "framework" not in answers:
            languages = catalog.languages_for(kind)
            previous = self.defaults.get("framework")
            language = self._select(
                "language",
                "Which language are you learning?",
                [Choice(language.title, language.key) for language in languages],
                default=catalog.frameworks[previous].language if previous else None,
            )
            answers["framework"] = self._select(
                "framework",
                "Which framework?",
                [
                    Choice(_framework_title(f.title, f.recommended), f.key, f.summary)
                    for f in catalog.frameworks_for(kind, language)
                ],
            )

        if "database" not in answers:
            answers["database"] = self._select(
                "database",
                "Which database?",
                [Choice(db.title, db.key, db.summary) for db in catalog.databases.values()],
            )

        if "project_name" not in answers:
            answers["project_name"] = self._text(
                "project_name",
                "Project name (also the folder's name):",
                default=self.defaults.get("project_name") or f"my-{kind}",
                validate=lambda name: catalog.name_problem(name, answers["framework"]),
            )
        if "author_name" not in answers:
            answers["author_name"] = self._text(
                "author_name",
                "Your name (for the README and the licence):",
                default=self.defaults.get("author_name", ""),
                validate=lambda value: None if value else "please enter a name",
            )
        if "author_email" not in answers:
            # Enter takes the suggested address, so "none" needs a word of its own.
            suggested = str(self.defaults.get("author_email", ""))
            email = self._text(
                "author_email",
                "Your e-mail address (optional, for the README"
                + (f"; {NO_EMAIL} for none):" if suggested else "):"),
                default=suggested,
                validate=lambda value: (
                    None if value == NO_EMAIL else catalog.author_email.problem_with(value)
                ),
            )
            answers["author_email"] = "" if email == NO_EMAIL else email
        return answers

    def _select(
        self, key: str, message: str, choices: list[Choice], default: str | None = None
    ) -> str:
        """Ask unless there is only one choice; default: the previous reply, else the first."""
        if len(choices) == 1:
            self.only.add(key)
            return choices[0].value
        values = [choice.value for choice in choices]
        default = default or self.defaults.get(key)
        self.asked += 1
        return self.prompter.select(message, choices, default if default in values else values[0])

    def _text(
        self, key: str, message: str, default: str, validate: Callable[[str], str | None]
    ) -> str:
        self.asked += 1
        return self.prompter.text(message, default=str(default), validate=validate)


def _framework_title(title: str, recommended: bool) -> str:
    return f"{title} (recommended for beginners)" if recommended else title


def summary(catalog: Catalog, answers: dict[str, Any], only: set[str] | None = None) -> str:
    """Describe the project that ``answers`` will generate, for a last look.

    ``only`` names the answers that were the only possible one (and so were not asked).
    """
    only = only or set()
    kind = catalog.kinds[answers["kind"]]
    framework = catalog.frameworks[answers["framework"]]
    language = catalog.languages[framework.language]
    database = catalog.databases[answers["database"]]
    author = answers.get("author_name", "")
    if answers.get("author_email"):
        author += f" <{answers['author_email']}>"
    chosen = {
        "kind": kind.title,
        "framework": f"{framework.title} ({language.title})",
        "database": database.title,
    }
    for key in only & chosen.keys():
        chosen[key] += ", the only choice"
    return "\n".join(
        [
            "Here is your project:",
            f"  Project:    {answers['project_name']}",
            f"  Building:   {chosen['kind']}",
            f"  Framework:  {chosen['framework']}",
            f"  Database:   {chosen['database']}",
            f"  Author:     {author}",
        ]
    )
