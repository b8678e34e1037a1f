"""The command line: flags in, exit codes out.

Every subcommand maps its flags onto the library (answers.py resolves what to
generate) and returns an exit code. `main` is the one handler: a `ScaffoldError`
or an `OSError` is one line on stderr, Ctrl-C exit 130, and anything unforeseen
one line naming the command and ROADMAP_SCAFFOLD_DEBUG=1 (which shows the traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
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

# Set to anything but 0 to see the traceback of an unexpected error.
DEBUG_VARIABLE = "ROADMAP_SCAFFOLD_DEBUG"


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors become a `UserError` (one line, exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"{message} (see '{self.prog} --help')")


def _subcommand(commands: Any, name: str, summary: str, description: str, *examples: str) -> Any:
    """A subcommand whose --help has a description and examples, kept as written."""
    epilog = "\n".join(["examples:", *(f"  {example}" for example in examples)])
    return commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


# The flags several subcommands share, declared once; each says what it means there.
def _directory(parser: argparse.ArgumentParser, default: str | None = ".") -> None:
    what = "the project (default: .)" if default else "the class's folder"
    parser.add_argument(
        "directory",
        nargs="?" if default else None,
        default=default,
        type=Path,
        metavar="DIR",
        help=what,
    )


def _yes(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--yes", "-y", action="store_true", help=what)


def _data(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--data", action="append", default=[], metavar="KEY=VALUE", help=what)


def _template(parser: argparse.ArgumentParser, what: str, versions: str | None = None) -> None:
    parser.add_argument("--template", metavar="SRC", help=what)
    if versions:
        parser.add_argument("--vcs-ref", metavar="REF", help=versions)


def _choice_help(catalog: Catalog | None) -> dict[str, str]:
    """The help of --kind, --framework, --database and --cache: the catalog's choices."""
    if catalog is None:  # the template is unreadable: the help prints all the same
        listed = "one of `roadmap-scaffold list`"
        return {"kind": listed, "framework": listed, "database": listed, "cache": listed}
    kind = catalog.default_kind()
    frameworks = _either(f.key for f in catalog.offered_frameworks())
    return {
        "kind": f"what to build: {_either(k.key for k in catalog.offered_kinds())} "
        f"(default: {kind})",
        "framework": f"the web framework: {frameworks} (default: "
        f"{catalog.default_framework(kind).key}, or the first that builds the chosen kind); "
        "`roadmap-scaffold list` shows them all",
        "database": f"{_either(catalog.databases)} (default: {catalog.default_database()})",
        "cache": f"{_either(catalog.caches)} (default: {catalog.default_cache()}); Redis lets "
        "several copies of the app share login limits and cached reads",
    }


def _either(keys: Iterable[str]) -> str:
    names = list(keys)
    return " or ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def build_parser(catalog: Catalog | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand; ``catalog`` (when given) fills in the help's choices."""
    parser = _Parser(
        prog="roadmap-scaffold",
        description="Start a real backend portfolio project: a blog, a shop or a social network.\n"
        "Run it with no command on a terminal to answer a few questions (= new).",
        epilog="examples:\n"
        "  roadmap-scaffold new                  ask what to build, then create it\n"
        "  roadmap-scaffold new --help           every option of new, with its default",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    new = _subcommand(
        commands,
        "new",
        "generate a new project (asks a few questions)",
        "Generate a project ready to run and test: a git repository with one commit, a\n"
        "README, tests, a Dockerfile and CI. On a terminal it asks what it was not told;\n"
        "--yes takes the defaults below. Nothing is written before the end.",
        "roadmap-scaffold new                  ask everything, then create it",
        "roadmap-scaffold new my-shop --yes \\\n"
        "      --kind ecommerce --framework django --database postgres",
    )
    new.add_argument(
        "directory",
        nargs="?",
        metavar="DIR",
        help="the folder to create, missing or empty (default: the project's name, "
        "which defaults to this folder's name)",
    )
    for key, text in _choice_help(catalog).items():
        new.add_argument(f"--{key}", help=text)
    _data(
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
    _template(
        new,
        "generate from another copy of the template, a folder or a git URL "
        "(default: the template that comes with this version of the tool)",
        "the template version, a git tag or commit (default: the newest release)",
    )
    _yes(new, "ask nothing: take the defaults (needed in scripts)")
    new.add_argument("--no-git", action="store_true", help="skip git init and the first commit")
    new.set_defaults(handler=command_new)

    update = _subcommand(
        commands,
        "update",
        "bring a project to a newer template version, keeping your work",
        "Merge a newer version of the template into a project: files you never touched\n"
        "are updated, files you changed are merged, and lines both sides changed get\n"
        "conflict markers. Commit your work first: uncommitted changes are refused.",
        "cd my-blog && roadmap-scaffold update     the newest version",
        "roadmap-scaffold update my-blog --to v0.2.0 --yes",
    )
    _directory(update)
    _yes(update, "ask nothing: new questions take their defaults")
    _data(update, "change an answer, e.g. --data database=postgres (repeatable)")
    update.add_argument(
        "--to", metavar="VERSION", help="a template version, e.g. v0.2.0 (default: the newest)"
    )
    update.set_defaults(handler=command_update)

    check = _subcommand(
        commands,
        "check",
        "is the project's template up to date? (exit 0 yes, 1 no, 2 error)",
        "Compare the template version a project was made from with the newest release.\n\n"
        "exit status:\n"
        "  0  up to date\n"
        "  1  an update is available (run `roadmap-scaffold update`)\n"
        "  2  error: not a roadmap-scaffold project, or its template is unreadable",
        "cd my-blog && roadmap-scaffold check",
        "roadmap-scaffold check my-blog || echo 'an update is available (or an error)'",
    )
    _directory(check)
    check.set_defaults(handler=command_check)

    _add_classroom_parsers(commands)

    listing = _subcommand(
        commands,
        "list",
        "list the kinds and frameworks available",
        "List the kinds of project, the frameworks, and the combinations this version\n"
        "of the tool can generate.",
        "roadmap-scaffold list",
        "roadmap-scaffold list --template ../my-template-copy",
    )
    _template(
        listing, "list another copy of the template (default: the one that comes with the tool)"
    )
    listing.set_defaults(handler=command_list)
    return parser


def _add_classroom_parsers(commands: Any) -> None:
    classroom = _subcommand(
        commands,
        "classroom",
        "one repository per student: create, grade, status, update",
        "A class is a folder of ordinary git repositories, one per student of a roster.",
        "roadmap-scaffold classroom new roster.csv -o class-2026 \\\n"
        "      --kind blog --framework fastapi",
        "roadmap-scaffold classroom grade class-2026",
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
        "roadmap-scaffold classroom new roster.csv -o class-2026 \\\n"
        "      --kind blog --framework fastapi",
        "roadmap-scaffold classroom new roster.csv -o web-b --yes \\\n"
        "      --kind social --framework Express --data database=postgres",
    )
    new.add_argument("roster", type=Path, metavar="ROSTER.csv", help="columns: name,email,github")
    new.add_argument("--kind", required=True, help="what the class builds, e.g. blog")
    new.add_argument("--framework", required=True, help="the framework the class uses")
    new.add_argument(
        "-o", "--output", required=True, type=Path, metavar="DIR", help="the class's folder"
    )
    _template(
        new,
        "generate from another copy of the template (default: the tool's own)",
        "template version, a git tag (default: the newest)",
    )
    _data(new, "set a template answer for the whole class (repeatable)")
    _yes(new, "do not ask for confirmation (needed in scripts)")
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
        yes = " --yes" if name == "update" else ""
        action = _subcommand(
            actions,
            name,
            summary,
            description,
            f"roadmap-scaffold classroom {name} class-2026",
            f"roadmap-scaffold classroom {name} ~/teaching/web-b{yes}",
        )
        _directory(action, default=None)
        if yes:
            _yes(action, "do not ask (needed in scripts)")
        action.set_defaults(handler=handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv and _on_terminal():
        argv = ["new"]  # as `npm create vite` does: no command on a terminal starts the wizard
    command = "roadmap-scaffold " + " ".join(arg for arg in argv[:2] if not arg.startswith("-"))
    try:
        try:
            # The catalog fills in the help's choices, so it is read only for --help.
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
    except ScaffoldError as error:
        print(f"roadmap-scaffold: error: {error}", file=sys.stderr)
        return error.exit_code
    except OSError as error:
        # The file system said no (a deleted working folder, a full disk, a folder we
        # may not write to): say what failed, in one line, without a traceback.
        print(f"roadmap-scaffold: error: {_describe_os_error(error)}", file=sys.stderr)
        return 1
    except Exception as error:
        # A bug of ours: one line that says how to see it whole, not a wall of traceback.
        if os.environ.get(DEBUG_VARIABLE, "0") not in ("", "0"):
            raise
        first_line = (str(error).strip().splitlines() or ["no message"])[0]
        print(
            f"roadmap-scaffold: error: `{command.strip()}` failed unexpectedly "
            f"({type(error).__name__}: {first_line}); run it again with "
            f"{DEBUG_VARIABLE}=1 to see the traceback, and please report it",
            file=sys.stderr,
        )
        return 1


def _catalog_for_help(argv: list[str]) -> Catalog | None:
    if not {"-h", "--help"} & set(argv):
        return None
    try:
        return load_catalog()
    except ScaffoldError:
        return None


def _describe_os_error(error: OSError) -> str:
    try:
        os.getcwd()
    except FileNotFoundError:
        return "the current folder no longer exists: cd into a folder that exists and try again"
    reason = error.strerror or str(error)
    return f"{reason}: {error.filename}" if error.filename else reason


def _on_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _require_terminal(refusal: str) -> None:
    """The tool never waits for input nobody can type: without a terminal, ``refusal``."""
    if not _on_terminal():
        raise UserError(refusal)


def _note(text: str) -> None:
    """A line for the user beside the command's output (on stderr), if there is one."""
    if text:
        print(text, file=sys.stderr)


# --- new -------------------------------------------------------------------------


def command_new(args: argparse.Namespace) -> int:
    """`roadmap-scaffold new`: ask (or take defaults), generate, print the next steps."""
    template = template_from(args.template, args.vcs_ref)
    catalog = load_catalog(template.files) if template.files else None
    flags = {key: getattr(args, key) for key in CHOICE_ANSWERS}
    given = given_answers(template.files, args.answers_file, args.data, flags)
    destination = Path(args.directory) if args.directory else None
    identity = git_identity()  # the user's, offered as the project's author
    suggested = {
        "project_name": destination.absolute().name if destination else "",
        "author_name": identity.get("name", ""),
        "author_email": identity.get("email", ""),
    }
    ask = None if args.yes else _wizard(catalog, destination, suggested)
    answers = resolve(catalog, given, suggested, ask)
    from_folder = "project_name" not in given and answers.project_name == suggested["project_name"]
    destination = destination or Path(answers.project_name)
    generate(
        GenerationRequest(
            destination, answers.for_copier(), template.location, template.vcs_ref, not args.no_git
        )
    )
    if from_folder and args.yes:
        _note(f"project name: {answers.project_name} (from the folder name)")
    if not args.no_git:
        _note(commit_identity(answers.author_name or "", answers.author_email or "").note())
    print(next_steps(destination, answers.for_copier(), catalog))
    return 0


def _wizard(catalog: Catalog | None, destination: Path | None, suggested: dict[str, str]) -> Ask:
    """The wizard on this terminal; it runs once the given answers are checked."""

    def ask(given: dict[str, Any]) -> dict[str, Any]:
        _require_terminal(
            "no terminal to ask questions on: pass --yes to take the defaults "
            "(and --kind, --framework, --database, --cache or --data to choose)"
        )
        if catalog is None:
            raise UserError("the wizard needs a local template: pass --yes with a git --template")
        if destination is not None:
            check_destination(destination)  # before the questions, not after them
        from roadmap_scaffold.wizard import QuestionaryPrompter, run_wizard

        return run_wizard(catalog, given, suggested, QuestionaryPrompter())

    return ask


# --- classroom -------------------------------------------------------------------------


def _repositories(count: int) -> str:
    return f"{count} repository" if count == 1 else f"{count} repositories"


def _progress() -> Any:
    from roadmap_scaffold.classroom import terminal_progress

    return terminal_progress if sys.stderr.isatty() else None


def _confirm(question: str, yes: bool) -> None:
    if yes:
        return
    _require_terminal("no terminal to confirm on: pass --yes")
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
    new_class(students, args.output, template, answers.for_copier(), _progress())
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

    print("\n".join(class_status(args.directory)))
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


# --- update, check and list -------------------------------------------------------------


def command_update(args: argparse.Namespace) -> int:
    """`roadmap-scaffold update`: merge the newest template into a project."""
    from roadmap_scaffold.update import summary, update_project

    if not args.yes:
        _require_terminal("no terminal to ask questions on: pass --yes to take the defaults")
    data = parse_data(args.data)
    print(summary(update_project(args.directory, data, args.to, ask_new_questions=not args.yes)))
    return 0


def command_check(args: argparse.Namespace) -> int:
    """`roadmap-scaffold check`: 0 when up to date, 1 when an update is available."""
    from roadmap_scaffold.update import check_project

    try:
        current, newest = check_project(args.directory)
    except ScaffoldError as error:  # exit 1 means "an update is available": errors are 2
        raise UserError(str(error)) from error
    print(f"template version: {current}\nnewest version:   {newest}")
    if current == newest:
        print("Up to date.")
        return 0
    print("An update is available: commit your work, then run `roadmap-scaffold update`.")
    return 1


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
        caches = "".join(f"; with {catalog.caches[key].title} too" for key in framework.caches)
        print(f"  {framework.key:<10} {framework.title} ({language}): {builds}{caches}")
    print("\nCaches (--cache):")
    for cache in catalog.caches.values():
        print(f"  {cache.key:<10} {cache.title}: {cache.summary}")
    print("\nAvailable combinations (kind x framework):")
    for kind_key, framework_key in catalog.offered_combinations():
        print(f"  {kind_key} x {framework_key}")
    return 0
