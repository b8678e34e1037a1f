"""The tool's errors: `main` prints any of them as one line and exits with its `exit_code`."""

from __future__ import annotations


class ScaffoldError(Exception):
    """Root of every error roadmap-scaffold raises on purpose."""

    exit_code = 1


class UserError(ScaffoldError):
    """A problem the user can fix: bad input, an occupied folder, a failed validator."""

    exit_code = 2


class GenerationError(UserError):
    """Copier or git could not produce the project; nothing was left behind."""

    exit_code = 1


class Cancelled(ScaffoldError):
    """The user declined at the summary or a confirmation; nothing was written."""

    exit_code = 130
