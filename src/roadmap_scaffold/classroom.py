"""Classrooms: one starter repository per student, grades, status and updates.

Nothing here depends on a hosting platform: a class is a folder of ordinary git
repositories (DIR/<github name>/), a roster CSV, and make targets any CI can run.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from roadmap_scaffold.catalog import Catalog
from roadmap_scaffold.errors import GenerationError, ScaffoldError, UserError
from roadmap_scaffold.generate import (
    ANSWERS_FILE,
    GenerationRequest,
    commit_initial,
    move_into_place,
    render,
    staging_for,
)
from roadmap_scaffold.git import commit_all, git_or_none
from roadmap_scaffold.store import TemplateSource
from roadmap_scaffold.update import check_project, read_answers, undo_update, update_project

ROSTER_COLUMNS = ("name", "email", "github")
# GitHub's rule: 1 to 39 letters, digits or single inner hyphens.
GITHUB_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
SUMMARY_FILE = "class.csv"

Progress = Callable[[int, int, str], None]
T = TypeVar("T")


def _shown(items: list[T], name: Callable[[T], str], progress: Progress | None) -> Iterator[T]:
    """``items`` one by one, each announced to ``progress`` (number, total, name)."""
    for number, item in enumerate(items, start=1):
        if progress:
            progress(number, len(items), name(item))
        yield item


@dataclass(frozen=True)
class Student:
    """One roster row."""

    line: int
    name: str
    email: str
    github: str


def read_roster(path: Path, catalog: Catalog) -> list[Student]:
    """Read and validate every row; raise one `UserError` listing every problem by line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"cannot read the roster {path}: {error}") from error
    reader = csv.DictReader(text.splitlines())
    header = [column.strip().lower() for column in reader.fieldnames or []]
    missing = [column for column in ROSTER_COLUMNS if column not in header]
    if missing:
        raise UserError(
            f"{path}: line 1: the header must name the columns name,email,github "
            f"(missing: {', '.join(missing)})"
        )
    students: list[Student] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(reader, start=2):
        values = {key.strip().lower(): (value or "").strip() for key, value in row.items() if key}
        if not any(values.get(column) for column in ROSTER_COLUMNS):
            continue  # a blank line
        student = Student(line, values["name"], values["email"], values["github"])
        problems += [f"{path}: line {line}: {problem}" for problem in _problems(student, catalog)]
        first = seen.setdefault(student.github.lower(), line)
        if student.github and first != line:
            problems.append(
                f"{path}: line {line}: github name {student.github!r} is already on line {first}"
            )
        students.append(student)
    if problems:
        raise UserError("the roster has problems; nothing was written:\n" + "\n".join(problems))
    if not students:
        raise UserError(f"{path}: the roster has no students")
    return students


def _problems(student: Student, catalog: Catalog) -> list[str]:
    problems = [] if student.name else ["the name is empty"]
    if not GITHUB_NAME.match(student.github):
        problems.append(
            f"invalid github name {student.github!r} (1-39 letters, digits or single hyphens)"
        )
    if not student.email or catalog.author_email.problem_with(student.email):
        problems.append(f"invalid email {student.email!r}")
    return problems


# --- a class of repositories -------------------------------------------------------------

# Stand-ins for a student's name and e-mail: the template is rendered once per class
# with them, and each student's copy swaps in the real values.
STAND_INS = (
    {"author_name": "Rosterstudent Alphaname", "author_email": "alpha.rosterstudent@class.invalid"},
    {"author_name": "Rosterstudent Betaname", "author_email": "beta.rosterstudent@class.invalid"},
)
# Values that every file format the template writes (Markdown, YAML, TOML) takes
# verbatim; anything else gets a real render of its own.
PLAIN_NAME = re.compile(r"^[^\W\d_][\w .'-]*$")
PLAIN_EMAIL = re.compile(r"^[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+$")


def new_class(
    students: list[Student],
    destination: Path,
    template: TemplateSource,
    answers: dict[str, Any],
    progress: Progress | None = None,
) -> Path:
    """Make one personalised repository per student in ``destination``/<github>.

    The whole class is built in a staging folder and moved into place at the end,
    so a failure or Ctrl-C leaves nothing behind.
    """
    with staging_for(destination.absolute()) as staging:
        staging.mkdir()
        shared = _render_shared(staging, template, answers)
        for student in _shown(students, lambda student: student.github, progress):
            personal = {**answers, "author_name": student.name, "author_email": student.email}
            repository = staging / student.github
            if shared is not None and _plain(student):
                folder, personal_files = shared
                shutil.copytree(folder, repository, symlinks=True)
                for path in (repository / relative for relative in personal_files):
                    path.write_bytes(_swap(path.read_bytes(), STAND_INS[0], personal))
            else:
                _render(template, personal, repository)
            commit_initial(repository, personal)
        if shared is not None:
            shutil.rmtree(shared[0])
        with (staging / SUMMARY_FILE).open("w", newline="", encoding="utf-8") as summary:
            writer = csv.writer(summary)
            writer.writerow(["github", "name", "email", "repository", "kind", "framework"])
            writer.writerows(
                [s.github, s.name, s.email, s.github, answers["kind"], answers["framework"]]
                for s in students
            )
        move_into_place(staging, destination.absolute())
    return destination


def _render(template: TemplateSource, answers: dict[str, Any], folder: Path) -> None:
    render(GenerationRequest(folder, answers, template.location, template.vcs_ref), folder)


def _render_shared(
    staging: Path, template: TemplateSource, answers: dict[str, Any]
) -> tuple[Path, list[Path]] | None:
    """The class's render and its files that hold the stand-ins; None if it cannot be shared.

    Rendered with each set of stand-ins: if the template inserted them verbatim,
    swapping the first for the second turns the first render into the second
    exactly. If it did anything else with them (a filter, a condition on their
    content), each student gets a real render instead.
    """
    first, second = renders = [staging / f".shared-render-{index}" for index in range(2)]
    for folder, stand_in in zip(renders, STAND_INS, strict=True):
        _render(template, {**answers, **stand_in}, folder)
    personal = _personal_files(first, second)
    shutil.rmtree(second)
    if personal is None:
        shutil.rmtree(first)
        return None
    return first, personal


def _personal_files(first: Path, second: Path) -> list[Path] | None:
    """The files of ``first`` that hold the stand-ins, if swapping them makes ``second``."""
    entries = sorted(path.relative_to(first) for path in first.rglob("*"))
    if entries != sorted(path.relative_to(second) for path in second.rglob("*")):
        return None
    personal = []
    for relative in (entry for entry in entries if (first / entry).is_file()):
        original = (first / relative).read_bytes()
        swapped = _swap(original, STAND_INS[0], STAND_INS[1])
        counterpart = second / relative
        if not counterpart.is_file():
            return None
        if _same_version(counterpart.read_bytes()) != _same_version(swapped):
            return None
        if swapped != original:
            personal.append(relative)
    return personal


def _same_version(content: bytes) -> bytes:
    """``content`` without the answers file's ``_commit`` line.

    From a source checkout with uncommitted changes, Copier renders a throwaway
    commit of them each time, so two renders differ in that line only.
    """
    return re.sub(rb"(?m)^_commit: .*\n", b"", content)


def _swap(content: bytes, old: dict[str, str], new: dict[str, str]) -> bytes:
    for key, value in old.items():
        content = content.replace(value.encode(), new[key].encode())
    return content


def _plain(student: Student) -> bool:
    """Whether the student's values read the same everywhere (YAML would quote "No")."""
    return bool(
        PLAIN_NAME.match(student.name)
        and PLAIN_EMAIL.match(student.email)
        and yaml.safe_load(student.name) == student.name
    )


# --- the class's repositories ------------------------------------------------------------


def repositories(class_dir: Path) -> list[Path]:
    """The generated repositories in ``class_dir``, by name."""
    if not class_dir.is_dir():
        raise UserError(f"{class_dir} is not a folder")
    found = sorted(child for child in class_dir.iterdir() if (child / ANSWERS_FILE).is_file())
    if not found:
        raise UserError(f"{class_dir} holds no generated repositories")
    return found


def _uncommitted(repository: Path) -> bool:
    # One git cannot read counts as clean: `update_project` then names the problem.
    return bool((git_or_none(repository, "status", "--porcelain") or "").strip())


def class_status(class_dir: Path) -> list[str]:
    """A table: each repository's template version (behind or not), state and last commit."""
    rows = [f"  {'repository':<30} {'template':<12} {'newest':<10} {'state':<12} last commit"]
    for repository in repositories(class_dir):
        try:
            version, newest = check_project(repository)
        except ScaffoldError:
            version, newest = str(read_answers(repository).get("_commit", "?")), "?"
        version += "" if version == newest else " (behind)"
        state = "uncommitted" if _uncommitted(repository) else "clean"
        # No commit yet is an answer, not a failure.
        last = (git_or_none(repository, "log", "-1", "--format=%cs") or "").strip() or "none"
        rows.append(f"  {repository.name:<30} {version:<12} {newest:<10} {state:<12} {last}")
    return rows


@dataclass
class UpdateOutcome:
    """What `class_update` did to one repository."""

    repository: str
    result: str  # updated, conflicts, current, skipped, failed
    detail: str = ""
    files: list[str] = field(default_factory=list)


def class_update(class_dir: Path, progress: Progress | None = None) -> list[UpdateOutcome]:
    """Update and commit every clean repository; skip the others; carry on past failures.

    One with conflicts is left for a person to resolve (the files are named).
    """
    found = repositories(class_dir)
    return [_update_one(repository) for repository in _shown(found, lambda r: r.name, progress)]


def _update_one(repository: Path) -> UpdateOutcome:
    name = repository.name
    if _uncommitted(repository):
        return UpdateOutcome(name, "skipped", "uncommitted work: left untouched")
    try:
        report = update_project(repository, {}, None, ask_new_questions=False)
    except ScaffoldError as error:
        return UpdateOutcome(name, "failed", str(error))
    versions = f"{report.old_version} -> {report.new_version}"
    if report.conflicts:
        return UpdateOutcome(name, "conflicts", versions, report.conflicts)
    if report.old_version == report.new_version and not (report.changed or report.merged):
        return UpdateOutcome(name, "current", report.new_version)
    try:
        commit_all(repository, f"Update from the template {report.new_version}")
    except GenerationError as error:
        # Left dirty, the next run would skip it as "uncommitted work": undo the update
        # (the repository was clean before it, so this removes nothing of the student's).
        undo_update(repository)
        return UpdateOutcome(name, "failed", f"{error}; update undone")
    return UpdateOutcome(name, "updated", versions)


@dataclass(frozen=True)
class GradeRow:
    """One repository's grade."""

    repository: str
    name: str
    passed: int | None
    total: int | None
    detail: str = ""

    @property
    def percent(self) -> str:
        """The score in percent, or empty without one."""
        return (
            str(round(100 * self.passed / self.total))
            if self.total and self.passed is not None
            else ""
        )


def class_grade(
    class_dir: Path, progress: Progress | None = None, timeout: int = 900
) -> list[GradeRow]:
    """Run `make grade` in every repository, collect grade.json, write grades.csv and .md."""
    found = repositories(class_dir)
    rows = [_grade_one(repo, timeout) for repo in _shown(found, lambda r: r.name, progress)]
    with (class_dir / "grades.csv").open("w", newline="", encoding="utf-8") as table:
        writer = csv.writer(table)
        writer.writerow(["repository", "name", "passed", "total", "percent", "note"])
        writer.writerows(
            [row.repository, row.name, row.passed, row.total, row.percent, row.detail]
            for row in rows
        )
    lines = ["# Grades", "", "| Repository | Name | Score | % | Note |", "| --- " * 5 + "|"]
    for row in rows:
        score = f"{row.passed}/{row.total}" if row.total is not None else "-"
        lines.append(f"| {row.repository} | {row.name} | {score} | {row.percent} | {row.detail} |")
    (class_dir / "grades.md").write_text("\n".join(lines) + "\n", "utf-8")
    return rows


def _grade_one(repository: Path, timeout: int) -> GradeRow:
    """One repository's row; whatever goes wrong is the row's note, never the class's end."""
    try:
        name = str(read_answers(repository).get("author_name", ""))
    except ScaffoldError:
        name = ""  # the answers file is damaged: grade the repository all the same
    grade_file = repository / "grade.json"
    grade_file.unlink(missing_ok=True)  # never report an old grade

    def failed(detail: str) -> GradeRow:
        return GradeRow(repository.name, name, None, None, detail)

    try:
        result = subprocess.run(
            ["make", "grade"],
            cwd=repository,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # one stream, in order: the reason is near its end
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return failed(f"make grade took over {timeout} s")
    except OSError as error:  # make itself is missing
        return failed(f"cannot run make: {error.strerror or error}")
    if not grade_file.is_file():
        return failed(f"no grade.json: {_reason(result.stdout)}")
    try:
        passed, total = _read_grade(grade_file)
    except ValueError as error:
        return failed(f"grade.json is unreadable: {error}")
    return GradeRow(repository.name, name, passed, total)


# make's own lines that are not the cause: "a recipe failed" names the target, and
# "Entering/Leaving directory" appears when grade runs under another make (a CI recipe).
_MAKE_NOISE = re.compile(
    r"^g?make(\[\d+\])?: (\*\*\* \[.*\] Error \d+|(Entering|Leaving) directory )"
)


def _reason(output: str) -> str:
    """The last line of ``make``'s output before its own: why it stopped.

    That is a Makefile's own message or the failing tool's; when there is nothing
    else, make's own line ("No rule to make target 'grade'").
    """
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    telling = [line for line in lines if not _MAKE_NOISE.match(line)]
    return (telling or lines or ["no output"])[-1]


def _read_grade(path: Path) -> tuple[int, int]:
    """``passed`` and ``total`` from grade.json; ValueError saying what is wrong."""
    try:
        grade = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(str(error)) from error
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at line {error.lineno})") from error
    if not isinstance(grade, dict):
        raise ValueError("expected an object with passed and total")
    for key in ("passed", "total"):
        value = grade.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{key} must be a whole number, got {value!r}")
    passed, total = grade["passed"], grade["total"]
    if passed > total:
        raise ValueError(f"passed ({passed}) is more than total ({total})")
    return passed, total


def terminal_progress(number: int, total: int, label: str) -> None:
    """A one-line progress bar on stderr (only called when stderr is a terminal)."""
    filled = 30 * number // total
    bar = "#" * filled + "-" * (30 - filled)
    end = "\n" if number == total else ""
    print(f"\r[{bar}] {number}/{total} {label:<40}", end=end, file=sys.stderr, flush=True)
