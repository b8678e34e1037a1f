"""Generate a project: the only module that talks to Copier.

The project is rendered into a temporary folder beside the destination, made a
git repository with one initial commit, and only then moved into place, so a
failure or a Ctrl-C never leaves half a project behind and never touches
anything that was already there.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from roadmap_scaffold.errors import GenerationError, UserError


@dataclass(frozen=True)
class GenerationRequest:
    """Everything needed to generate one project."""

    destination: Path
    answers: dict[str, Any]
    template: str
    vcs_ref: str | None = None
    git: bool = True


def check_destination(destination: Path) -> None:
    """Refuse a destination that holds anything: nothing of the user's is ever overwritten."""
    if destination.is_symlink() or (destination.exists() and not destination.is_dir()):
        raise UserError(f"{destination} already exists and is not a folder")
    if destination.is_dir() and any(destination.iterdir()):
        raise UserError(f"{destination} already exists and is not empty: choose another folder")
    existing = next(folder for folder in destination.absolute().parents if folder.exists())
    if not existing.is_dir():
        raise UserError(f"{existing} is a file, so {destination} cannot be created inside it")


def generate(request: GenerationRequest) -> Path:
    """Render the template, commit it, and move it into ``request.destination``."""
    destination = request.destination.absolute()
    with staging_for(destination) as project:
        render(request, project)
        if request.git:
            commit_initial(project, request.answers)
        move_into_place(project, destination)
    return destination


@contextmanager
def staging_for(destination: Path) -> Iterator[Path]:
    """Yield a not-yet-existing folder beside ``destination`` to build it in.

    Whatever happens, the staging area is removed afterwards; on a failure or a
    Ctrl-C, so are the parent folders made for ``destination``: only what this
    run created is ever removed.
    """
    check_destination(destination)
    created_parents = _make_parents(destination.parent)
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}-", dir=destination.parent))
    try:
        yield staging / destination.name
    except BaseException:
        for folder in created_parents:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _make_parents(parent: Path) -> list[Path]:
    """Create the destination's missing parent folders; return the outermost one made."""
    missing = [folder for folder in (parent, *parent.parents) if not folder.exists()]
    parent.mkdir(parents=True, exist_ok=True)
    return missing[-1:]


def render(request: GenerationRequest, project: Path) -> None:
    """Render the template for ``request`` into the folder ``project`` (no git)."""
    from copier import run_copy  # imported late: `list` and `--help` stay instant
    from copier.errors import CopierError

    try:
        with (
            warnings.catch_warnings(),
            redirect_stderr(io.StringIO()),
            _rendering_shortcuts(),
        ):
            # Quiet means quiet: Copier still prints notes such as "No git tags found
            # in template; using HEAD as ref", and warns when the template is a source
            # checkout with local edits. Failures arrive as exceptions, handled below.
            warnings.simplefilter("ignore")
            run_copy(
                request.template,
                project,
                data=request.answers,
                vcs_ref=request.vcs_ref,
                defaults=True,
                overwrite=True,
                quiet=True,
                unsafe=False,
            )
    except (CopierError, ValueError) as error:
        # Copier reports failed validators and bad choices as plain ValueError.
        raise GenerationError(_one_line(str(error))) from error


@contextmanager
def _rendering_shortcuts() -> Iterator[None]:
    """Skip work that Copier repeats but that cannot change a fresh project.

    Both shortcuts are undone on exit, and each keeps Copier's result byte for
    byte (the render-matrix tests compare against a plain ``copier copy``):

    - After writing each file, Copier asks git (one subprocess per file) whether
      the destination repository ignores file modes, to re-stage the executable
      bit of files git already tracks. The staging folder holds no tracked file
      (the repository is made after rendering), so that sync is a no-op.
    - Copier compiles the same Jinja strings again and again: every part of every
      path, and the answers file's name once per file. Compiling a string is
      deterministic for a given environment, so each is compiled once.
    """
    from copier._main import Worker
    from jinja2.sandbox import SandboxedEnvironment

    original_sync = Worker._sync_git_index_executable_bit
    original_compile = SandboxedEnvironment.compile
    compiled: dict[tuple[Any, ...], Any] = {}

    def compile_once(env: Any, source: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(source, str):  # an already-parsed template: no shortcut
            return original_compile(env, source, *args, **kwargs)
        key = (id(env), source, args, tuple(sorted(kwargs.items())))
        if key not in compiled:
            compiled[key] = original_compile(env, source, *args, **kwargs)
        return compiled[key]

    Worker._sync_git_index_executable_bit = lambda *_args, **_kwargs: None  # type: ignore[method-assign]
    SandboxedEnvironment.compile = compile_once  # type: ignore[assignment,method-assign]
    try:
        yield
    finally:
        Worker._sync_git_index_executable_bit = original_sync  # type: ignore[method-assign]
        SandboxedEnvironment.compile = original_compile  # type: ignore[method-assign]


def update_with_copier(
    project: Path, data: dict[str, Any], vcs_ref: str | None, ask_new_questions: bool
) -> None:
    """Run ``copier update`` in ``project``, with conflicts written inline.

    Copier re-renders the project's recorded template version with its recorded
    answers, diffs that against the new version, and applies the diff to the
    project: lines the learner changed are kept, and where both sides changed
    the same lines it writes ``<<<<<<< before updating`` markers.
    """
    from copier import run_update
    from copier.errors import CopierError

    try:
        with warnings.catch_warnings(), redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            run_update(
                project,
                data=data,
                vcs_ref=vcs_ref,
                defaults=not ask_new_questions,
                skip_answered=True,
                overwrite=True,
                conflict="inline",
                quiet=True,
                unsafe=False,
            )
    except (CopierError, ValueError) as error:
        raise GenerationError(_one_line(str(error))) from error


def _one_line(message: str) -> str:
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    return " ".join(lines) or "Copier could not render the template"


def commit_initial(project: Path, answers: dict[str, Any]) -> None:
    """``git init`` and one initial commit, even when the user has no git identity."""
    if shutil.which("git") is None:
        raise GenerationError("git is not installed: install it, or pass --no-git")
    env = {**os.environ, **_fallback_identity(answers)}
    message = f"Start {answers['project_name']} from roadmap-scaffold"
    for command in (
        ["git", "init", "--quiet", "--initial-branch=main"],
        ["git", "add", "--all"],
        ["git", "-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify", "-m", message],
    ):
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            detail = _one_line(result.stderr or result.stdout)
            raise GenerationError(f"{' '.join(command[:2])} failed: {detail}")


def _fallback_identity(answers: dict[str, Any]) -> dict[str, str]:
    """Author the first commit as the learner when git has no identity configured."""
    configured = git_identity()
    name = configured.get("name") or str(answers.get("author_name") or "roadmap-scaffold")
    email = configured.get("email") or str(
        answers.get("author_email") or f"{answers['project_name']}@users.noreply.localhost"
    )
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }


@cache
def git_identity() -> dict[str, str]:
    """The user's git ``user.name`` and ``user.email`` (missing keys are left out)."""
    if shutil.which("git") is None:
        return {}
    result = subprocess.run(
        ["git", "config", "--get-regexp", r"^user\.(name|email)$"],
        capture_output=True,
        text=True,
        check=False,
    )
    identity: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        identity[key.removeprefix("user.")] = value.strip()
    return identity


def move_into_place(project: Path, destination: Path) -> None:
    """Move the finished ``project`` to ``destination``, checking it is still free."""
    check_destination(destination)  # again: something may have appeared meanwhile
    if destination.is_dir():
        destination.rmdir()  # empty, checked above
    os.replace(project, destination)
