"""Git, run one way: its output, or one line naming the command and git's own last line."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from roadmap_scaffold.errors import GenerationError


def require_git() -> None:
    """Refuse to start work that ends in a commit when there is no git to make it."""
    if shutil.which("git") is None:
        raise GenerationError("git is not installed: install it, or pass --no-git")


def git(where: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run ``git args`` in ``where``; its output, or a GenerationError of one line."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=where, env=env, capture_output=True, check=False
        )
    except FileNotFoundError:
        require_git()  # says so when git is missing; else ``where`` was, and that is raised
        raise
    if result.returncode != 0:
        command = next(arg for arg in args if not arg.startswith("-") and "=" not in arg)
        said = os.fsdecode(result.stderr or result.stdout).strip().splitlines()
        detail = said[-1].strip() if said else f"exit status {result.returncode}"
        raise GenerationError(f"git {command} failed: {detail}")
    return os.fsdecode(result.stdout)
