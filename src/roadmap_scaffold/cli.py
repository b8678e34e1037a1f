"""The command line: flags in, exit codes out.

Every subcommand maps its flags onto the library (answers.py resolves what to
generate) and returns an exit code. One handler (`main`) turns a `ScaffoldError`
into one line on stderr and an exit code, Ctrl-C into exit 130, and anything
unforeseen into one line naming the command and ROADMAP_SCAFFOLD_DEBUG=1 (which
shows the traceback). No traceback reaches the user on purpose.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roadmap_scaffold import __version__
from roadmap_scaffold.answers import CHOICE_ANSWERS, Ask, given_answers, parse_data, resolve
from roadmap_scaffold.catalog import Catalog, load_catalog
from roadmap_scaffold.errors import Cancelled, ScaffoldError, UserError
from roadmap_scaffold.generate import GenerationRequest, check_destination, generate
from roadmap_scaffold.git import commit_identity, git_identity
from roadmap_scaffold.next_steps import next_steps
from roadmap_scaffold.store import template_from


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors become a `UserError` (one line, exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"{message} (see '{self.prog} --help')")


# Set to anything but 0 to see the traceback of an unexpected error.
DEBUG_VARIABLE = "ROADMAP_SCAFFOLD_DEBUG"


def _subcommand(commands: Any, name: str, summary: str, description: str, epilog: str) -> Any:
    """A subcommand whose --help has a description and an epilog kept as written."""
    return commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


@dataclass(frozen=True)
class _Defaults:
    """The choices of `new` and what it takes when not told, for the help text.

    From the catalog; these stand-ins serve when it cannot be read (and the help
    is printed all the same).
    """

    kinds: str = "one of `roadmap-scaffold list`"
    kind: str = "the first listed"
    frameworks: str = "one of `roadmap-scaffold list`"
    framework: str = "the recommended one"
    databases: str = "one of `roadmap-scaffold list`"
    database: str = "the first listed"

    @classmethod
    def of(cls, catalog: Catalog | None) -> _Defaults:
        if catalog is None:
            return cls()
        kind = catalog.default_kind()
        return cls(
            kinds=_either(k.key for k in catalog.offered_kinds()),
            kind=kind,
            frameworks=_either(f.key for f in catalog.offered_frameworks()),
            framework=catalog.default_framework(kind).key,
            databases=_either(catalog.databases),
            database=catalog.default_database(),
        )


def _data_flag(parser: argparse.ArgumentParser, text: str) -> None:
    """``--data KEY=VALUE``, repeatable (answers.parse_data reads it)."""
    parser.add_argument("--data", action="append", default=[], metavar="KEY=VALUE", help=text)


def _either(keys: Iterable[str]) -> str:
    names = list(keys)
    return " or ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def build_parser(catalog: Catalog | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand; ``catalog`` (when given) fills in the help's choices."""
    defaults = _Defaults.of(catalog)
    parser = _Parser(
        prog="roadmap-scaffold",
        description=(
            "Start a real backend portfolio project: a blog, a shop or a social network.\n"
            "Run it with no command on a terminal to answer a few questions (= new)."
        ),
        epilog=(
            "examples:\n"
            "  roadmap-scaffold new                  ask what to build, then create it\n"
            "  roadmap-scaffold new --help           every option of new, with its default"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    new = _subcommand(
        commands,
        "new",
        "generate a new project (asks a few questions)",
        "Generate a new project, ready to run and test: a git repository with one\n"
        "commit, a README, tests, a Dockerfile and CI. On a terminal it asks what it\n"
        "was not told; --yes asks nothing and takes the defaults below. Nothing is\n"
        "written before the end.",
        "examples:\n"
        "  roadmap-scaffold new                  ask everything, then create it\n"
        "  roadmap-scaffold new my-shop --yes \\\n"
        "      --kind ecommerce --framework django --database postgres",
    )
    new.add_argument(
        "directory",
        nargs="?",
        metavar="DIR",
        help="the folder to create; it must not exist or be empty "
        "(default: the project's name; the project's name defaults to this folder's name)",
    )
    new.add_argument("--kind", help=f"what to build: {defaults.kinds} (default: {defaults.kind})")
    new.add_argument(
        "--framework",
        help=f"the web framework: {defaults.frameworks} (default: {defaults.framework}, "
        "or the first that builds the chosen kind); `roadmap-scaffold list` shows them all",
    )
    new.add_argument("--database", help=f"{defaults.databases} (default: {defaults.database})")
    _data_flag(
        new,
        "set any template answer, e.g. --data author_name='Ada Lovelace' (repeatable); "
        "flags win over --data, which wins over --answers-file",
    )
    new.add_argument(
        "--answers-file",
        type=Path,
        metavar="FILE",
        help="read answers from a YAML file (another project's .copier-answers.yml works)",
    )
    new.add_argument(
        "--template",
        metavar="SRC",
        help="generate from another copy of the template, a folder or a git URL "
        "(default: the template that comes with this version of the tool)",
    )
    new.add_argument(
        "--vcs-ref",
        metavar="REF",
        help="the template version, a git tag or commit (default: the newest release)",
    )
    new.add_argument(
        "--yes",
        "-y",
        action="store_true",
        help="ask nothing: take the defaults (needed in scripts)",
    )
    new.add_argument("--no-git", action="store_true", help="skip git init and the first commit")
    new.set_defaults(handler=command_new)

    update = _subcommand(
        commands,
        "update",
        "bring a project to a newer template version, keeping your work",
        "Merge a newer version of the template into a project: files you never touched\n"
        "are updated, files you changed are merged, and lines both sides changed get\n"
        "conflict markers. Commit your work first: uncommitted changes are refused.",
        "examples:\n"
        "  cd my-blog && roadmap-scaffold update     the newest version\n"
        "  roadmap-scaffold update my-blog --to v0.2.0 --yes",
    )
    update.add_argument(
        "directory", nargs="?", default=".", metavar="DIR", help="the project (default: .)"
    )
    update.add_argument(
        "--yes", "-y", action="store_true", help="ask nothing: new questions take their defaults"
    )
    _data_flag(update, "change an answer, e.g. --data database=postgres (repeatable)")
    update.add_argument(
        "--to", metavar="VERSION", help="a template version, e.g. v0.2.0 (default: the newest)"
    )
    update.set_defaults(handler=command_update)

    check = _subcommand(
        commands,
        "check",
        "is the project's template up to date? (exit 0 yes, 1 no, 2 error)",
        "Compare the template version a project was made from with the newest release.",
        "exit status:\n"
        "  0  up to date\n"
        "  1  an update is available (run `roadmap-scaffold update`)\n"
        "  2  error: not a roadmap-scaffold project, or its template is unreadable\n\n"
        "examples:\n"
        "  cd my-blog && roadmap-scaffold check\n"
        "  roadmap-scaffold check my-blog || echo 'an update is available (or an error)'",
    )
    check.add_argument(
        "directory", nargs="?", default=".", metavar="DIR", help="the project (default: .)"
    )
    check.set_defaults(handler=command_check)

    _add_classroom_parsers(commands)

    listing = _subcommand(
        commands,
        "list",
        "list the kinds and frameworks available",
        "List the kinds of project, the frameworks, and the combinations this version\n"
        "of the tool can generate.",
        "examples:\n"
        "  roadmap-scaffold list\n"
        "  roadmap-scaffold list --template ../my-template-copy",
    )
    listing.add_argument(
        "--template",
        metavar="SRC",
        help="list another copy of the template (default: the one that comes with the tool)",
    )
    listing.set_defaults(handler=command_list)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if not argv and interactive:
        argv = ["new"]  # as `npm create vite` does: no command on a terminal starts the wizard
    command = "roadmap-scaffold " + " ".join(arg for arg in argv[:2] if not arg.startswith("-"))
    try:
        try:
            # No command and no terminal: one line naming --help, as for any usage error.
            args = build_parser(_catalog_for_help(argv)).parse_args(argv)
        except SystemExit as done:  # --help and --version print, then exit 0
            return int(done.code or 0)
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("\nCancelled: nothing was written.", file=sys.stderr)
        return 130
    except Cancelled as error:
        print(f"Cancelled: {error}.", file=sys.stderr)
        return error.exit_code
    except UserError as error:
        print(f"roadmap-scaffold: error: {error}", file=sys.stderr)
        return error.exit_code
    except ScaffoldError as error:
        print(f"roadmap-scaffold: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        # The file system said no (a deleted working folder, a full disk, a folder we
        # may not write to): say what failed, in one line, without a traceback.
        print(f"roadmap-scaffold: error: {_describe_os_error(error)}", file=sys.stderr)
        return 1
    except Exception as error:
        # A bug of ours: one line that says how to see it whole, not a wall of traceback.
        if os.environ.get(DEBUG_VARIABLE, "0") not in ("", "0"):
            raise
        print(
            f"roadmap-scaffold: error: `{command.strip()}` failed unexpectedly "
            f"({type(error).__name__}: {_first_line(error)}); run it again with "
            f"{DEBUG_VARIABLE}=1 to see the traceback, and please report it",
            file=sys.stderr,
        )
        return 1


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else "no message"


def _catalog_for_help(argv: list[str]) -> Catalog | None:
    """The catalog when help will be printed (its choices and defaults), else None."""
    if not {"-h", "--help"} & set(argv):
        return None
    try:
        return load_catalog()
    except ScaffoldError:
        return None  # the help still prints, with the choices of this tool's version


def _describe_os_error(error: OSError) -> str:
    try:
        os.getcwd()
    except FileNotFoundError:
        return "the current folder no longer exists: cd into a folder that exists and try again"
    reason = error.strerror or str(error)
    return f"{reason}: {error.filename}" if error.filename else reason


# --- new -------------------------------------------------------------------------


def command_new(args: argparse.Namespace) -> int:
    """`roadmap-scaffold new`: ask (or take defaults), generate, print the next steps."""
    template = template_from(args.template, args.vcs_ref)
    catalog = load_catalog(template.files) if template.files else None
    flags = {key: getattr(args, key) for key in CHOICE_ANSWERS}
    given = given_answers(template.files, args.answers_file, args.data, flags)
    destination = Path(args.directory) if args.directory else None
    suggested = _suggestions(destination)
    answers = resolve(
        catalog, given, suggested, None if args.yes else _wizard(catalog, destination, suggested)
    )
    from_folder = "project_name" not in given and answers.project_name == suggested["project_name"]
    destination = destination or Path(answers.project_name)
    generate(
        GenerationRequest(
            destination=destination,
            answers=answers.for_copier(),
            template=template.location,
            vcs_ref=template.vcs_ref,
            git=not args.no_git,
        )
    )
    if from_folder and args.yes:
        _note(f"project name: {answers.project_name} (from the folder name)")
    if not args.no_git:
        _note(commit_identity(answers.author_name or "", answers.author_email or "").note())
    print(next_steps(destination, answers.for_copier(), catalog))
    return 0


def _wizard(catalog: Catalog | None, destination: Path | None, suggested: dict[str, str]) -> Ask:
    """The wizard, asking on this terminal (refused when there is none to ask on).

    It runs once the given answers are checked, so a bad flag is reported first.
    """

    def ask(given: dict[str, Any]) -> dict[str, Any]:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UserError(
                "no terminal to ask questions on: pass --yes to take the defaults "
                "(and --kind, --framework, --database or --data to choose)"
            )
        if catalog is None:
            raise UserError("the wizard needs a local template: pass --yes with a git --template")
        if destination is not None:
            check_destination(destination)  # before the questions, not after them
        from roadmap_scaffold.wizard import QuestionaryPrompter, run_wizard

        return run_wizard(catalog, given, suggested, QuestionaryPrompter())

    return ask


def _note(text: str) -> None:
    """A line for the user beside the command's output (on stderr), if there is one."""
    if text:
        print(text, file=sys.stderr)


def _suggestions(destination: Path | None) -> dict[str, str]:
    """Defaults worth offering: the folder's name and the user's git identity."""
    identity = git_identity()
    return {
        "project_name": destination.absolute().name if destination else "",
        "author_name": identity.get("name", ""),
        "author_email": identity.get("email", ""),
    }


# --- classroom -------------------------------------------------------------------------


def _add_classroom_parsers(commands: Any) -> None:
    classroom = _subcommand(
        commands,
        "classroom",
        "one repository per student: create, grade, status, update",
        "A class is a folder of ordinary git repositories, one per student of a roster.",
        "examples:\n"
        "  roadmap-scaffold classroom new roster.csv -o class-2026 \\\n"
        "      --kind blog --framework fastapi\n"
        "  roadmap-scaffold classroom grade class-2026",
    )
    actions = classroom.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True

    new = _subcommand(
        actions,
        "new",
        "one personalised repository per roster row",
        "Make DIR/<github>/ for every row of the roster (CSV with the header\n"
        "name,email,github): a git repository with one commit, with the student's\n"
        "name and e-mail in it. Every row is checked before anything is written.",
        "examples:\n"
        "  roadmap-scaffold classroom new roster.csv -o class-2026 \\\n"
        "      --kind blog --framework fastapi\n"
        "  roadmap-scaffold classroom new roster.csv -o web-b --yes \\\n"
        "      --kind social --framework Express --data database=postgres",
    )
    new.add_argument("roster", type=Path, metavar="ROSTER.csv", help="columns: name,email,github")
    new.add_argument("--kind", required=True, help="what the class builds, e.g. blog")
    new.add_argument("--framework", required=True, help="the framework the class uses")
    new.add_argument(
        "-o", "--output", required=True, type=Path, metavar="DIR", help="the class's folder"
    )
    new.add_argument(
        "--template",
        metavar="SRC",
        help="generate from another copy of the template (default: the tool's own)",
    )
    new.add_argument(
        "--vcs-ref", metavar="REF", help="template version, a git tag (default: the newest)"
    )
    _data_flag(new, "set a template answer for the whole class (repeatable)")
    new.add_argument(
        "--yes", "-y", action="store_true", help="do not ask for confirmation (needed in scripts)"
    )
    new.set_defaults(handler=command_classroom_new)

    for name, handler, summary, description in (
        (
            "grade",
            command_classroom_grade,
            "run make grade everywhere; write grades.csv/.md",
            "Run `make grade` in every repository; write DIR/grades.csv and DIR/grades.md.\n"
            "A repository that cannot be graded gets a row saying why. Exit status 1\n"
            "when any repository has no grade.",
        ),
        (
            "status",
            command_classroom_status,
            "template version and state of every repository",
            "Show every repository's template version, whether it is behind the newest,\n"
            "whether it has uncommitted work, and the date of its last commit.",
        ),
        (
            "update",
            command_classroom_update,
            "update every clean repository",
            "Update every repository without uncommitted work to the newest template\n"
            "version and commit it; skip (and name) the others; leave conflicts for a\n"
            "person. Exit status 1 when any repository failed.",
        ),
    ):
        action = _subcommand(
            actions,
            name,
            summary,
            description,
            "examples:\n"
            f"  roadmap-scaffold classroom {name} class-2026\n"
            f"  roadmap-scaffold classroom {name} ~/teaching/web-b"
            + (" --yes" if name == "update" else ""),
        )
        action.add_argument("directory", type=Path, metavar="DIR", help="the class's folder")
        if name == "update":
            action.add_argument(
                "--yes", "-y", action="store_true", help="do not ask (needed in scripts)"
            )
        action.set_defaults(handler=handler)


def _repositories(count: int) -> str:
    return f"{count} repository" if count == 1 else f"{count} repositories"


def _progress() -> Any:
    from roadmap_scaffold.classroom import terminal_progress

    return terminal_progress if sys.stderr.isatty() else None


def _confirm(question: str, yes: bool) -> None:
    """Ask on a terminal unless --yes; without a terminal, --yes is required."""
    if yes:
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError("no terminal to confirm on: pass --yes")
    from roadmap_scaffold.wizard import QuestionaryPrompter

    if not QuestionaryPrompter().confirm(question, default=True):
        raise Cancelled("nothing was changed")


def command_classroom_new(args: argparse.Namespace) -> int:
    """`roadmap-scaffold classroom new`: the roster becomes one repository per student."""
    from roadmap_scaffold.classroom import SUMMARY_FILE, new_class, read_roster

    template = template_from(args.template, args.vcs_ref)
    if template.files is None:
        raise UserError("classroom new needs a local template folder or the default template")
    catalog = load_catalog(template.files)
    flags = {"kind": args.kind, "framework": args.framework}
    given = given_answers(template.files, None, args.data, flags)
    # Each student's name and e-mail go in later: no author is suggested.
    answers = resolve(catalog, {**given, "classroom": True}, suggested={})
    students = read_roster(args.roster, catalog)
    check_destination(args.output)
    _confirm(f"Create {_repositories(len(students))} in {args.output}?", args.yes)
    new_class(
        students,
        args.output,
        template.location,
        template.vcs_ref,
        answers.for_copier(),
        progress=_progress(),
    )
    print(
        f"Created {_repositories(len(students))} in {args.output} "
        f"(one folder per github name); the list is in {args.output / SUMMARY_FILE}."
    )
    if not commit_identity().from_git:
        _note(
            "note: git has no user.name/user.email, so each repository's first commit is by "
            "its student, as named in the roster"
        )
    return 0


def command_classroom_grade(args: argparse.Namespace) -> int:
    """`roadmap-scaffold classroom grade`: a class table of scores."""
    from roadmap_scaffold.classroom import class_grade

    rows = class_grade(args.directory, progress=_progress())
    for row in rows:
        score = f"{row.passed}/{row.total}" if row.total is not None else "no grade"
        print(f"  {row.repository:<30} {score:<10} {row.detail}")
    print(f"Wrote {args.directory / 'grades.csv'} and {args.directory / 'grades.md'}.")
    return 0 if all(row.total is not None for row in rows) else 1


def command_classroom_status(args: argparse.Namespace) -> int:
    """`roadmap-scaffold classroom status`: one row per repository."""
    from roadmap_scaffold.classroom import class_status

    print(f"  {'repository':<30} {'template':<12} {'newest':<10} {'state':<12} last commit")
    for row in class_status(args.directory):
        state = "clean" if row.clean else "uncommitted"
        behind = "" if row.version == row.newest else " (behind)"
        print(
            f"  {row.repository:<30} {row.version + behind:<12} {row.newest:<10} "
            f"{state:<12} {row.last_commit}"
        )
    return 0


def command_classroom_update(args: argparse.Namespace) -> int:
    """`roadmap-scaffold classroom update`: update the clean repositories, report on all."""
    from roadmap_scaffold.classroom import class_update, repositories

    found = repositories(args.directory)
    _confirm(f"Update the clean ones of {_repositories(len(found))}?", args.yes)
    outcomes = class_update(args.directory, progress=_progress())
    for outcome in outcomes:
        files = f" ({', '.join(outcome.files)})" if outcome.files else ""
        print(f"  {outcome.repository:<30} {outcome.result:<10} {outcome.detail}{files}")
    counts = {
        result: sum(o.result == result for o in outcomes)
        for result in ("updated", "conflicts", "current", "skipped", "failed")
    }
    print(", ".join(f"{count} {result}" for result, count in counts.items()))
    if counts["updated"]:
        _note(commit_identity().note())
    return 1 if counts["failed"] else 0


# --- update and check ----------------------------------------------------------------


def command_update(args: argparse.Namespace) -> int:
    """`roadmap-scaffold update`: merge the newest template into a project."""
    from roadmap_scaffold.update import summary, update_project

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if not args.yes and not interactive:
        raise UserError("no terminal to ask questions on: pass --yes to take the defaults")
    report = update_project(
        Path(args.directory),
        data=parse_data(args.data),
        to_version=args.to,
        ask_new_questions=not args.yes,
    )
    print(summary(report))
    return 0


def command_check(args: argparse.Namespace) -> int:
    """`roadmap-scaffold check`: 0 when up to date, 1 when an update is available."""
    from roadmap_scaffold.update import check_project

    try:
        status = check_project(Path(args.directory))
    except ScaffoldError as error:  # exit 1 means "an update is available": errors are 2
        raise UserError(str(error)) from error
    print(f"template version: {status.current}\nnewest version:   {status.newest}")
    if status.up_to_date:
        print("Up to date.")
        return 0
    print("An update is available: commit your work, then run `roadmap-scaffold update`.")
    return 1


# --- list ------------------------------------------------------------------------


def command_list(args: argparse.Namespace) -> int:
    """`roadmap-scaffold list`: kinds, frameworks and which combinations exist."""
    template_root = template_from(args.template).files
    if template_root is None:
        raise UserError("list needs a local template folder")
    catalog = load_catalog(template_root)
    offered_kinds = catalog.offered_kinds()
    print("Kinds:")
    for kind in catalog.kinds.values():
        status = "" if kind in offered_kinds else " (not available yet)"
        print(f"  {kind.key:<10} {kind.title}: {kind.summary}{status}")
    print("\nFrameworks:")
    for framework in catalog.frameworks.values():
        language = catalog.languages[framework.language].title
        builds = ", ".join(framework.kinds) if framework.kinds else "planned, not available yet"
        print(f"  {framework.key:<10} {framework.title} ({language}): {builds}")
    print("\nAvailable combinations (kind x framework):")
    for kind_key, framework_key in catalog.offered_combinations():
        print(f"  {kind_key} x {framework_key}")
    return 0
