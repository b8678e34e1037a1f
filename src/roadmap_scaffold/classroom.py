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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from roadmap_scaffold.catalog import Catalog
from roadmap_scaffold.errors import GenerationError, ScaffoldError, UserError
from roadmap_scaffold.generate import (
    GenerationRequest,
    commit_initial,
    move_into_place,
    render,
    staging_for,
)
from roadmap_scaffold.git import commit_all, git_or_none
from roadmap_scaffold.update import check_project, read_answers, undo_update, update_project

ROSTER_COLUMNS = ("name", "email", "github")
# GitHub's rule: 1 to 39 letters, digits or single inner hyphens.
GITHUB_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
SUMMARY_FILE = "class.csv"

Progress = Callable[[int, int, str], None]


def _shown(repositories: list[Path], progress: Progress | None) -> Iterator[Path]:
    """``repositories`` one by one, each announced to ``progress`` (number, total, name)."""
    for number, repository in enumerate(repositories, start=1):
        if progress:
            progress(number, len(repositories), repository.name)
        yield repository


@dataclass(frozen=True)
class Student:
    """One roster row."""

    line: int
    name: str
    email: str
    github: str


# --- the roster ------------------------------------------------------------------------


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
    problems = []
    if not student.name:
        problems.append("the name is empty")
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
    template: str,
    vcs_ref: str | None,
    answers: dict[str, Any],
    progress: Progress | None = None,
) -> Path:
    """Make one personalised repository per student in ``destination``/<github>.

    The whole class is built in a staging folder and moved into place at the end,
    so a failure or Ctrl-C leaves nothing behind.
    """
    with staging_for(destination.absolute()) as staging:
        staging.mkdir()
        shared = _render_shared(staging, template, vcs_ref, answers)
        for number, student in enumerate(students, start=1):
            if progress:
                progress(number, len(students), student.github)
            personal = {**answers, "author_name": student.name, "author_email": student.email}
            repository = staging / student.github
            if shared is not None and _plain(student):
                _personalise_copy(shared, repository, personal)
            else:
                render(GenerationRequest(repository, personal, template, vcs_ref), repository)
            commit_initial(repository, personal)
        if shared is not None:
            shutil.rmtree(shared.folder)
        _write_summary(staging / SUMMARY_FILE, students, answers)
        move_into_place(staging, destination.absolute())
    return destination


@dataclass(frozen=True)
class _SharedRender:
    """The class's template rendered once, with the files that carry the stand-ins."""

    folder: Path
    personal_files: tuple[Path, ...]


def _render_shared(
    staging: Path, template: str, vcs_ref: str | None, answers: dict[str, Any]
) -> _SharedRender | None:
    """Render with two sets of stand-ins; None when the template transforms the values.

    If the template inserted the name and e-mail verbatim, swapping the first
    stand-ins for the second turns the first render into the second exactly. If it
    does anything else with them (a filter, a condition on their content), each
    student gets a real render instead.
    """
    renders = []
    for index, stand_in in enumerate(STAND_INS):
        folder = staging / f".shared-render-{index}"
        render(GenerationRequest(folder, {**answers, **stand_in}, template, vcs_ref), folder)
        renders.append(folder)
    first, second = renders
    personal: list[Path] = []
    for path in sorted(p for p in first.rglob("*") if p.is_file()):
        relative = path.relative_to(first)
        original = path.read_bytes()
        swapped = _swap(original, STAND_INS[0], STAND_INS[1])
        counterpart = second / relative
        if not counterpart.is_file() or _same_version(counterpart.read_bytes()) != _same_version(
            swapped
        ):
            shutil.rmtree(second)
            return None
        if swapped != original:
            personal.append(relative)
    if {p.relative_to(second) for p in second.rglob("*")} != {
        p.relative_to(first) for p in first.rglob("*")
    }:
        return None
    shutil.rmtree(second)
    return _SharedRender(first, tuple(personal))


def _same_version(content: bytes) -> bytes:
    """Drop the answers file's ``_commit`` line before comparing two renders.

    From a template with uncommitted changes (a source checkout), Copier renders
    a throwaway commit of them each time, so two renders of the same files differ
    in that line only. From a release it is the same tag in both.
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


def _personalise_copy(shared: _SharedRender, repository: Path, answers: dict[str, Any]) -> None:
    shutil.copytree(shared.folder, repository, symlinks=True)
    for relative in shared.personal_files:
        path = repository / relative
        path.write_bytes(_swap(path.read_bytes(), STAND_INS[0], answers))


def _write_summary(path: Path, students: list[Student], answers: dict[str, Any]) -> None:
    with path.open("w", newline="", encoding="utf-8") as summary:
        writer = csv.writer(summary)
        writer.writerow(["github", "name", "email", "repository", "kind", "framework"])
        for student in students:
            writer.writerow(
                [
                    student.github,
                    student.name,
                    student.email,
                    student.github,
                    answers["kind"],
                    answers["framework"],
                ]
            )


# --- the class's repositories ------------------------------------------------------------


def repositories(class_dir: Path) -> list[Path]:
    """The generated repositories in ``class_dir``, by name."""
    if not class_dir.is_dir():
        raise UserError(f"{class_dir} is not a folder")
    found = sorted(
        child for child in class_dir.iterdir() if (child / ".copier-answers.yml").is_file()
    )
    if not found:
        raise UserError(f"{class_dir} holds no generated repositories")
    return found


def _uncommitted(repository: Path) -> bool:
    """Whether ``repository`` has work git does not have yet.

    A repository git cannot read counts as clean here: `update_project` then
    names the problem in the repository's row.
    """
    return bool((git_or_none(repository, "status", "--porcelain") or "").strip())


@dataclass(frozen=True)
class StatusRow:
    """One repository's state."""

    repository: str
    version: str
    newest: str
    clean: bool
    last_commit: str


def class_status(class_dir: Path) -> list[StatusRow]:
    """Template version, up to date or behind, clean or not, last commit: per repository."""
    rows = []
    for repository in repositories(class_dir):
        try:
            status = check_project(repository)
            version, newest = status.current, status.newest
        except ScaffoldError:
            version, newest = str(read_answers(repository).get("_commit", "?")), "?"
        rows.append(
            StatusRow(
                repository=repository.name,
                version=version,
                newest=newest,
                clean=not _uncommitted(repository),
                # No commit yet is an answer, not a failure.
                last_commit=(git_or_none(repository, "log", "-1", "--format=%cs") or "").strip()
                or "none",
            )
        )
    return rows


@dataclass
class UpdateOutcome:
    """What `class_update` did to one repository."""

    repository: str
    result: str  # updated, conflicts, current, skipped, failed
    detail: str = ""
    files: list[str] = field(default_factory=list)


def class_update(class_dir: Path, progress: Progress | None = None) -> list[UpdateOutcome]:
    """Update every clean repository; skip the others; carry on past failures.

    A clean update is committed in the student's repository; one with conflicts
    is left for a person to resolve (the files are named).
    """
    return [_update_one(repository) for repository in _shown(repositories(class_dir), progress)]


def _update_one(repository: Path) -> UpdateOutcome:
    name = repository.name
    if _uncommitted(repository):
        return UpdateOutcome(name, "skipped", "uncommitted work: left untouched")
    try:
        report = update_project(repository, {}, None, ask_new_questions=False)
    except ScaffoldError as error:
        return UpdateOutcome(name, "failed", str(error))
    if report.conflicts:
        return UpdateOutcome(
            name, "conflicts", f"{report.old_version} -> {report.new_version}", report.conflicts
        )
    if report.old_version == report.new_version and not (report.changed or report.merged):
        return UpdateOutcome(name, "current", report.new_version)
    try:
        commit_all(repository, f"Update from the template {report.new_version}")
    except GenerationError as error:
        # Left dirty, the next run would skip it as "uncommitted work": undo the update
        # (the repository was clean before it, so this removes nothing of the student's).
        undo_update(repository)
        return UpdateOutcome(name, "failed", f"{error}; update undone")
    return UpdateOutcome(name, "updated", f"{report.old_version} -> {report.new_version}")


@dataclass(frozen=True)
class GradeRow:
    """One repository's grade."""

    repository: str
    name: str
    passed: int | None
    total: int | None
    detail: str = ""


def class_grade(
    class_dir: Path, progress: Progress | None = None, timeout: int = 900
) -> list[GradeRow]:
    """Run `make grade` in every repository and collect grade.json."""
    rows = [_grade_one(repo, timeout) for repo in _shown(repositories(class_dir), progress)]
    _write_grades(class_dir, rows)
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
    """The line of ``make``'s output that says why it stopped.

    That is the last line before make's "*** [target] Error 1" lines: a
    Makefile's own message ("uv is not installed: ...") or the failing tool's.
    When there is nothing else, make's own line is the reason ("No rule to make
    target 'grade'").
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
    counts = []
    for key in ("passed", "total"):
        value = grade.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{key} must be a whole number, got {value!r}")
        counts.append(value)
    passed, total = counts
    if passed > total:
        raise ValueError(f"passed ({passed}) is more than total ({total})")
    return passed, total


def _write_grades(class_dir: Path, rows: Iterable[GradeRow]) -> None:
    rows = list(rows)
    with (class_dir / "grades.csv").open("w", newline="", encoding="utf-8") as table:
        writer = csv.writer(table)
        writer.writerow(["repository", "name", "passed", "total", "percent", "note"])
        for row in rows:
            writer.writerow(
                [row.repository, row.name, row.passed, row.total, _percent(row), row.detail]
            )
    lines = ["| Repository | Name | Score | % | Note |", "| --- | --- | --- | --- | --- |"]
    for row in rows:
        score = f"{row.passed}/{row.total}" if row.total is not None else "-"
        lines.append(
            f"| {row.repository} | {row.name} | {score} | {_percent(row)} | {row.detail} |"
        )
    (class_dir / "grades.md").write_text("# Grades\n\n" + "\n".join(lines) + "\n", "utf-8")


def _percent(row: GradeRow) -> str:
    if not row.total or row.passed is None:
        return ""
    return str(round(100 * row.passed / row.total))


def terminal_progress(number: int, total: int, label: str) -> None:
    """A one-line progress bar on stderr (only called when stderr is a terminal)."""
    width = 30
    filled = width * number // total
    bar = "#" * filled + "-" * (width - filled)
    end = "\n" if number == total else ""
    print(f"\r[{bar}] {number}/{total} {label:<40}", end=end, file=sys.stderr, flush=True)
