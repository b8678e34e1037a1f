"""The tool's errors.

Everything the tool raises on purpose derives from `ScaffoldError`. The
`UserError` branch means "tell the user in one line, no traceback": the CLI's
single handler prints its message and exits with its `exit_code`.
"""

from __future__ import annotations


class ScaffoldError(Exception):
    """Root of every error roadmap-scaffold raises on purpose."""


class UserError(ScaffoldError):
    """A problem the user can fix: bad input, an occupied folder, a failed validator."""

    exit_code = 2


class GenerationError(UserError):
    """Copier or git could not produce the project; nothing was left behind."""

    exit_code = 1


class Cancelled(ScaffoldError):
    """The user pressed Ctrl-C or declined the summary; nothing was written."""

    exit_code = 130
