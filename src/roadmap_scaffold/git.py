"""Git, run one way: every git command of the tool goes through this module.

One error policy: `git` returns git's output or raises a one-line
`GenerationError` naming the command and git's own last line. A caller to whom
git's "no" is an answer (is this a repository?) calls `git_or_none` instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from roadmap_scaffold.errors import GenerationError

# Who commits when git knows nobody (no user.name or user.email anywhere): a name
# that says what happened, so that `git log` shows it and the user can amend it.
STAND_IN_NAME = "roadmap-scaffold"
STAND_IN_EMAIL = "roadmap-scaffold@users.noreply.localhost"


def require_git() -> None:
    """Refuse to start work that ends in a commit when there is no git to make it."""
    if shutil.which("git") is None:
        raise GenerationError("git is not installed: install it, or pass --no-git")


def git(where: Path | None, *args: str, env: Mapping[str, str] | None = None) -> str:
    """Run ``git args`` in ``where`` (None: here), ``env`` added to ours; return its output."""
    result = _run(where, args, env)
    if result.returncode != 0:
        command = next(arg for arg in args if not arg.startswith("-") and "=" not in arg)
        said = os.fsdecode(result.stderr or result.stdout).strip().splitlines()
        detail = said[-1].strip() if said else f"exit status {result.returncode}"
        raise GenerationError(f"git {command} failed: {detail}")
    return os.fsdecode(result.stdout)


def git_or_none(where: Path | None, *args: str, env: Mapping[str, str] | None = None) -> str | None:
    """Like `git`, but None when git fails: for a caller to whom a failure is an answer."""
    result = _run(where, args, env)
    return os.fsdecode(result.stdout) if result.returncode == 0 else None


def _run(
    where: Path | None, args: tuple[str, ...], env: Mapping[str, str] | None
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **env} if env else None
    try:
        return subprocess.run(["git", *args], cwd=where, env=environment, capture_output=True)
    except FileNotFoundError:
        require_git()  # says so when git is missing; else ``where`` was, and that is raised
        raise


def commit_all(
    project: Path, message: str, committer: CommitIdentity | None = None
) -> CommitIdentity:
    """Commit everything in ``project`` as ``committer`` (default: `commit_identity`).

    Never signed or hooked: it is the tool's commit, made for the user.
    """
    committer = committer or commit_identity()
    git(project, "add", "--all", env=committer.env())
    git(project, "-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify",
        "-m", message, env=committer.env())  # fmt: skip
    return committer


@dataclass(frozen=True)
class CommitIdentity:
    """The name and e-mail address the tool's commits carry, as author and committer."""

    name: str
    email: str
    from_git: bool  # False: git has no identity, and this one stands in for it

    def env(self) -> dict[str, str]:
        """The environment variables that make ``git commit`` use this identity."""
        return {
            "GIT_AUTHOR_NAME": self.name,
            "GIT_AUTHOR_EMAIL": self.email,
            "GIT_COMMITTER_NAME": self.name,
            "GIT_COMMITTER_EMAIL": self.email,
        }

    def note(self) -> str:
        """One line for the user when git had no identity, else empty."""
        if self.from_git:
            return ""
        return (
            "note: git has no user.name/user.email, so the tool's commits are by "
            f"{self.name} <{self.email}>; set yours with `git config --global user.name "
            "'Your Name'` and `git config --global user.email you@example.com`, then "
            "`git commit --amend --no-edit --reset-author` signs the last one as you"
        )


def commit_identity(author_name: str = "", author_email: str = "") -> CommitIdentity:
    """Who the tool's commits are by, for every command that commits.

    git's identity (``GIT_AUTHOR_*``, then ``user.name`` and ``user.email``) wins.
    Without one git would refuse to commit, so the project's author (when known)
    or else the stand-in signs instead, and `CommitIdentity.note` says how to amend it.
    """
    configured = git_identity()
    name = os.environ.get("GIT_AUTHOR_NAME") or configured.get("name", "")
    email = os.environ.get("GIT_AUTHOR_EMAIL") or configured.get("email", "")
    if name and email:
        return CommitIdentity(name, email, from_git=True)
    return CommitIdentity(
        name or author_name.strip() or STAND_IN_NAME,
        email or author_email.strip() or STAND_IN_EMAIL,
        from_git=False,
    )


@cache
def git_identity() -> dict[str, str]:
    """The user's git ``user.name`` and ``user.email`` (missing keys are left out)."""
    if shutil.which("git") is None:
        return {}
    # git config exits 1 when nothing matches: no identity is an answer, not a failure.
    found = git_or_none(None, "config", "--get-regexp", r"^user\.(name|email)$") or ""
    pairs = (line.partition(" ") for line in found.splitlines())
    return {key.removeprefix("user."): value.strip() for key, _, value in pairs}
