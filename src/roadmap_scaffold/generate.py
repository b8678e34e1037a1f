"""Generate a project: the module that drives Copier (releases.py only clones with it).

The project is rendered into a temporary folder beside the destination, made a
git repository with one initial commit, and only then moved into place, so a
failure or a Ctrl-C never leaves half a project behind and never touches
anything that was already there.

Rendering is Copier's public ``run_copy`` (from a kept release tree, see
releases.py), with the guarded speed-ups of copier_patches.py; the render tests
compare every file and the git tree with a plain ``copier copy``.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from roadmap_scaffold import copier_patches
from roadmap_scaffold.errors import GenerationError, UserError
from roadmap_scaffold.git import CommitIdentity, commit_all, commit_identity, git, require_git
from roadmap_scaffold.releases import release_tree

ANSWERS_FILE = ".copier-answers.yml"  # as copier.yml's _answers_file names it


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
    if request.git:
        require_git()
    with staging_for(destination) as project:
        render(request, project)
        if request.git:
            commit_initial(project, request.answers)
        move_into_place(project, destination)
    return destination


@contextmanager
def staging_for(destination: Path) -> Iterator[Path]:
    """Yield a not-yet-existing folder beside ``destination`` to build it in.

    The staging area is always removed afterwards; on a failure or a Ctrl-C, so
    are the parent folders made for ``destination``: only what this run made.
    """
    check_destination(destination)
    parent = destination.parent
    created = [folder for folder in (parent, *parent.parents) if not folder.exists()][-1:]
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}-", dir=parent))
    except OSError as error:
        for folder in created:
            shutil.rmtree(folder, ignore_errors=True)
        # The error names the staging folder, which the user never asked for: name theirs.
        raise UserError(f"cannot create {destination}: {error.strerror or error}") from error
    try:
        yield staging / destination.name
    except BaseException:
        for folder in created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def render(request: GenerationRequest, project: Path) -> None:
    """Render the template for ``request`` into the folder ``project`` (no git).

    A git bundle's newest release is rendered from the tree kept for it
    (releases.py) rather than from a fresh clone, and its answers file then
    names the bundle and the tag, as Copier's clone would have.
    """
    from copier import run_copy  # imported late: `list` and `--help` stay instant

    release = release_tree(request.template) if request.vcs_ref is None else None
    with _copier_quietly(), copier_patches.applied():
        run_copy(
            str(release.files) if release else request.template,
            project,
            data=request.answers,
            vcs_ref=request.vcs_ref,
            defaults=True,
            overwrite=True,
            quiet=True,
            unsafe=False,
        )
    if release is not None:
        # Copier documents ``_commit`` and ``_src_path`` as the answers file's source
        # lines: the release, and where `copier update` finds it again (the bundle).
        answers_file = project / ANSWERS_FILE
        lines = answers_file.read_text(encoding="utf-8").splitlines(keepends=True)
        source = {"_commit": release.commit, "_src_path": request.template}
        at = next(index for index, line in enumerate(lines) if line.startswith("_src_path:"))
        lines[at : at + 1] = [yaml.safe_dump(source, allow_unicode=True)]
        answers_file.write_text("".join(lines), encoding="utf-8")


@contextmanager
def _copier_quietly() -> Iterator[None]:
    """Run Copier with nothing on the terminal; its failures become one line.

    Even quiet, Copier prints notes ("No git tags found in template; using HEAD
    as ref") and warnings; it reports failed validators and bad choices as plain
    ValueError.
    """
    from copier.errors import CopierError

    try:
        with warnings.catch_warnings(), redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            yield
    except (CopierError, ValueError) as error:
        lines = [line.strip() for line in str(error).splitlines() if line.strip()]
        raise GenerationError(" ".join(lines) or "Copier could not render the template") from error


def update_with_copier(
    project: Path, data: dict[str, Any], vcs_ref: str | None, ask_new_questions: bool
) -> None:
    """Run ``copier update`` in ``project``, with conflicts written inline.

    Copier re-renders the project's recorded version with its recorded answers,
    diffs that against the new version, and applies the diff to the project;
    where both sides changed the same lines it writes ``<<<<<<< before updating``.
    """
    from copier import run_update

    with _copier_quietly():
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


def commit_initial(project: Path, answers: dict[str, Any]) -> CommitIdentity:
    """``git init`` and one initial commit of everything, even when git knows nobody."""
    committer = commit_identity(
        str(answers.get("author_name") or ""), str(answers.get("author_email") or "")
    )
    git(project, "init", "--quiet", "--initial-branch=main")
    return commit_all(project, f"Start {answers['project_name']} from roadmap-scaffold", committer)


def move_into_place(project: Path, destination: Path) -> None:
    """Move the finished ``project`` to ``destination``, checking it is still free."""
    check_destination(destination)  # again: something may have appeared meanwhile
    if destination.is_dir():
        destination.rmdir()  # empty, checked above
    os.replace(project, destination)
