"""Template updates that never lose a learner's work.

`update_project` refuses what could lose work (uncommitted changes, a change of
kind or framework), runs Copier's update, and says which files the template
changed, which it merged with the learner's own changes and which are in
conflict. `check_project` compares the project's version with the newest one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from roadmap_scaffold.errors import UserError
from roadmap_scaffold.generate import ANSWERS_FILE, update_with_copier
from roadmap_scaffold.git import git, git_or_none
from roadmap_scaffold.store import (
    install_bundle,
    is_installed_bundle,
    release_tags,
    require_version,
)

CONFLICT_MARKER = "<<<<<<< before updating"
# Answers that choose which files exist: changing them in an update deletes the
# old framework's (or kind's) files, the learner's edits included.
FIXED_ANSWERS = ("kind", "framework")


@dataclass
class UpdateReport:
    """What an update did, for the summary."""

    old_version: str
    new_version: str
    changed: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def read_answers(project: Path) -> dict[str, Any]:
    """The answers a project was generated with; a clear error if it was not generated."""
    path = project / ANSWERS_FILE
    if not path.is_file():
        raise UserError(f"{project} is not a roadmap-scaffold project (it has no {ANSWERS_FILE})")
    try:
        answers = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise UserError(f"cannot read {path}: {error}") from error
    if not isinstance(answers, dict) or "_src_path" not in answers:
        raise UserError(f"{path} does not say which template made the project (_src_path)")
    return answers


def _restore_store(answers: dict[str, Any]) -> None:
    """Restore or upgrade this user's template store when it made the project."""
    if is_installed_bundle(str(answers["_src_path"])):
        install_bundle()


def check_project(project: Path) -> tuple[str, str]:
    """The project's template version and the newest release of its template."""
    answers = read_answers(project)
    _restore_store(answers)
    tags = release_tags(str(answers["_src_path"]))
    if not tags:
        raise UserError(f"the template at {answers['_src_path']} has no release versions")
    return str(answers.get("_commit") or "unknown"), tags[-1].name


def update_project(
    project: Path, data: dict[str, Any], to_version: str | None, ask_new_questions: bool
) -> UpdateReport:
    """Bring ``project`` to ``to_version`` (default: the newest) of its template."""
    answers = read_answers(project)
    if git_or_none(project, "rev-parse", "--is-inside-work-tree") is None:
        raise UserError(f"{project} is not a git repository: the update needs git to merge safely")
    if git(project, "status", "--porcelain").strip():
        raise UserError(
            f"{project} has uncommitted changes: commit (or stash) them first, "
            "so that the update can never mix with unsaved work"
        )
    for key in FIXED_ANSWERS:
        if key in data and str(data[key]) != str(answers.get(key)):
            raise UserError(
                f"an update cannot change {key} from {answers.get(key)!r} to {data[key]!r}: "
                f"it would delete the {answers.get(key)} files with your work in them; "
                "generate a new project instead"
            )
    _restore_store(answers)
    if to_version is not None:
        to_version = require_version(str(answers["_src_path"]), to_version)
    # The files the learner changed since the first commit (none without a commit).
    first = (git_or_none(project, "rev-list", "--max-parents=0", "HEAD") or "").split()
    own_changes = (
        set(git(project, "diff", "--name-only", first[-1], "HEAD").split()) if first else set()
    )
    try:
        update_with_copier(project, data, to_version, ask_new_questions)
    except BaseException:
        undo_update(project)
        raise
    new_version = str(read_answers(project).get("_commit"))
    report = UpdateReport(old_version=str(answers.get("_commit")), new_version=new_version)
    status = git(project, "status", "--porcelain", "--untracked-files=all").splitlines()
    for path in sorted(line[3:].strip() for line in status if line.strip()):
        if path == ANSWERS_FILE:  # bookkeeping: the version is in the summary's first line
            continue
        if _has_conflict_markers(project / path):
            report.conflicts.append(path)
        elif path in own_changes:
            report.merged.append(path)
        else:
            report.changed.append(path)
    return report


def _has_conflict_markers(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except (IsADirectoryError, FileNotFoundError):
        return False
    return any(line.startswith(CONFLICT_MARKER) for line in text.splitlines())


def undo_update(project: Path) -> None:
    """Put ``project`` back at its last commit: it was clean before the update began.

    Best effort on purpose: it runs while another error is on its way to the
    user, and that error, not a failed undo, is what they need to read.
    """
    git_or_none(project, "reset", "--hard", "--quiet", "HEAD")
    git_or_none(project, "clean", "-fd", "--quiet")


def summary(report: UpdateReport) -> str:
    """The text printed after an update."""
    if report.old_version == report.new_version and not (report.changed or report.merged):
        return f"Already up to date with template version {report.new_version}."
    lines = [f"Updated from template version {report.old_version} to {report.new_version}.", ""]
    for title, paths in (
        ("Changed by the template", report.changed),
        ("Merged with your own changes", report.merged),
        ("In conflict (both changed the same lines)", report.conflicts),
    ):
        if paths:
            lines += [f"{title}:", *(f"  {path}" for path in paths), ""]
    if report.conflicts:
        lines += [
            "To resolve a conflict, open the file, find the lines between",
            "'<<<<<<< before updating' and '>>>>>>> after updating', keep what you want,",
            "and delete the markers. Then:",
        ]
    else:
        lines.append("Review the changes with `git diff`, run `make test`, then:")
    lines.append(
        f'  git add --all && git commit -m "Update from the template {report.new_version}"'
    )
    return "\n".join(lines)
