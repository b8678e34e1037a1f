"""The interactive wizard: friendly questions in, the template's answers out.

It asks in the learner's terms (what to build, which language, which framework,
which database) and maps the replies onto the template's options. Its questions
go through a `Prompter`, so the tests can drive the real questionary prompts
with prepared keystrokes.
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

# The last question's choices, and the reply that leaves out a suggested e-mail address.
CREATE, CHANGE, CANCEL = "create", "change", "cancel"
NO_EMAIL = "-"
# questionary writes a highlighted choice's description after this label.
_DESCRIPTION_LABEL = "  Description: "


class Choice(NamedTuple):
    """One answer to a multiple-choice question."""

    title: str  # what the user reads in the list (it must fit an 80-column terminal)
    value: str  # what the template gets
    description: str = ""  # shown below the list while the choice is highlighted


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
    """A `Prompter` on questionary (imported when asked: `--yes` never pays for it).

    ``input`` and ``output`` are for tests; Ctrl-C raises KeyboardInterrupt (unsafe_ask).
    """

    input: Any = None
    output: Any = None

    def _io(self) -> dict[str, Any]:
        return {"input": self.input, "output": self.output} if self.input else {}

    def select(self, message: str, choices: list[Choice], default: str) -> str:
        """Ask with arrow keys."""
        import questionary

        options = [
            questionary.Choice(c.title, value=c.value, description=_wrapped(c.description))
            for c in choices
        ]
        question = questionary.select(_fit(message), options, default=default, **self._io())
        answer: str = question.unsafe_ask()
        return answer

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        """Ask for free text; Enter alone takes ``default``; re-ask until ``validate`` is happy.

        The default is a placeholder, not text in the field, so the first key typed
        starts a new answer. A refused answer is followed by the reason, wrapped to
        the terminal (prompt_toolkit's one-line toolbar would cut it), and comes
        back to be corrected.
        """
        import questionary
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.formatted_text import FormattedText

        placeholder = FormattedText([("fg:ansibrightblack", default)]) if default else None
        typed = ""
        while True:
            question = questionary.text(message, typed, placeholder=placeholder, **self._io())
            answer: str = question.unsafe_ask().strip() or default
            problem = validate(answer)
            if problem is None:
                return answer
            problem = f"{answer!r} {problem}" if answer else problem
            lines = textwrap.wrap(problem, _width() - 4) or [problem]
            shown = "\n".join(["  ✗ " + lines[0], *("    " + line for line in lines[1:])])
            print_formatted_text(FormattedText([("fg:ansired", shown)]), output=self.output)
            typed = answer

    def confirm(self, message: str, default: bool) -> bool:
        """Ask a yes-or-no question."""
        import questionary

        answer: bool = questionary.confirm(message, default=default, **self._io()).unsafe_ask()
        return answer


def _width() -> int:
    """The terminal's width, less one column (a full last column makes some wrap early)."""
    return max(40, shutil.get_terminal_size().columns - 1)


def _wrapped(description: str) -> str | None:
    """``description`` broken into lines that fit beside questionary's label."""
    indent = "\n" + " " * len(_DESCRIPTION_LABEL)
    width = _width() - len(_DESCRIPTION_LABEL)
    return indent.join(textwrap.wrap(description, width)) if description else None


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


def run_wizard(
    catalog: Catalog, decided: dict[str, Any], suggested: dict[str, str], prompter: Prompter
) -> dict[str, Any]:
    """Ask for every answer not already ``decided`` and return the template's answers.

    ``decided`` holds what flags, ``--data`` and ``--answers-file`` settled;
    ``suggested``, defaults worth offering (the folder's name, the git identity).
    At the summary, "change something" asks again, each previous reply the
    default; "cancel" raises `Cancelled`.
    """
    previous: dict[str, Any] = {}
    while True:
        wizard = _Questions(catalog, decided, {**suggested, **previous}, prompter)
        answers = wizard.ask()
        choices = [Choice("Yes, create it", CREATE)]
        if wizard.asked:
            choices.append(Choice("No, change something", CHANGE))
        choices.append(Choice("No, cancel", CANCEL))
        message = summary(catalog, answers, wizard.only) + "\n\nCreate this project?"
        reply = prompter.select(message, choices, default=CREATE)
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
    only: set[str] = field(default_factory=set)  # the answers that were the only choice

    def ask(self) -> dict[str, Any]:
        catalog, answers = self.catalog, dict(self.decided)
        if "kind" not in answers:
            # With a framework already chosen, offer only the kinds it can build.
            framework = catalog.frameworks.get(answers.get("framework", ""))
            kinds = [
                k for k in catalog.offered_kinds() if not framework or k.key in framework.kinds
            ]
            answers["kind"] = self._select(
                "kind",
                "What do you want to build?",
                [Choice(kind.title, kind.key, kind.summary) for kind in kinds],
            )
        kind = answers["kind"]
        if "framework" not in answers:
            previous = self.defaults.get("framework")
            language = self._select(
                "language",
                "Which language are you learning?",
                [Choice(language.title, language.key) for language in catalog.languages_for(kind)],
                default=catalog.frameworks[previous].language if previous else None,
            )
            answers["framework"] = self._select(
                "framework",
                "Which framework?",
                [
                    Choice(f"{f.title} (recommended for beginners)", f.key, f.summary)
                    if f.recommended
                    else Choice(f.title, f.key, f.summary)
                    for f in catalog.frameworks_for(kind, language)
                ],
            )
        if "database" not in answers:
            answers["database"] = self._select(
                "database",
                "Which database?",
                [Choice(db.title, db.key, db.summary) for db in catalog.databases.values()],
            )
        if "cache" not in answers:
            answers["cache"] = self._select(
                "cache",
                "Will several copies of your app run at once? (add Redis)",
                [
                    Choice(cache.title, cache.key, cache.summary)
                    for cache in catalog.caches_for(answers["framework"])
                ],
            )
        if "project_name" not in answers:
            answers["project_name"] = self._text(
                "Project name (also the folder's name):",
                self.defaults.get("project_name") or f"my-{kind}",
                lambda name: catalog.name_problem(name, answers["framework"]),
            )
        if "author_name" not in answers:
            answers["author_name"] = self._text(
                "Your name (for the README and the licence):",
                self.defaults.get("author_name", ""),
                lambda value: None if value else "please enter a name",
            )
        if "author_email" not in answers:
            # Enter takes the suggested address, so "none" needs a word of its own.
            suggested = str(self.defaults.get("author_email", ""))
            email = self._text(
                "Your e-mail address (optional, for the README"
                + (f"; {NO_EMAIL} for none):" if suggested else "):"),
                suggested,
                lambda value: (
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

    def _text(self, message: str, default: Any, validate: Callable[[str], str | None]) -> str:
        self.asked += 1
        return self.prompter.text(message, default=str(default), validate=validate)


def summary(catalog: Catalog, answers: dict[str, Any], only: set[str] | None = None) -> str:
    """Describe the project that ``answers`` will generate, for a last look.

    ``only`` names the answers that were the only possible one (and so were not asked).
    """
    framework = catalog.frameworks[answers["framework"]]
    author = answers.get("author_name", "")
    if answers.get("author_email"):
        author += f" <{answers['author_email']}>"
    chosen = {
        "kind": catalog.kinds[answers["kind"]].title,
        "framework": f"{framework.title} ({catalog.languages[framework.language].title})",
        "database": catalog.databases[answers["database"]].title,
    }
    # The cache is news only where there was a choice: most frameworks have none yet.
    cache = answers.get("cache", catalog.default_cache())
    if len(catalog.caches_for(framework.key)) > 1 or cache != catalog.default_cache():
        chosen["cache"] = catalog.caches[cache].title
    for key in (only or set()) & chosen.keys():
        chosen[key] += ", the only choice"
    return "\n".join(
        [
            "Here is your project:",
            f"  Project:    {answers['project_name']}",
            f"  Building:   {chosen['kind']}",
            f"  Framework:  {chosen['framework']}",
            f"  Database:   {chosen['database']}",
            *([f"  Cache:      {chosen['cache']}"] if "cache" in chosen else []),
            f"  Author:     {author}",
        ]
    )
