"""The command line: flags in, exit codes out.

Every subcommand builds its inputs and calls one function of the library; one
handler (`main`) turns a `ScaffoldError` into one line on stderr and an exit
code, and Ctrl-C into exit 130. No traceback reaches the user on purpose.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from roadmap_scaffold import __version__
from roadmap_scaffold.catalog import Catalog, load_catalog
from roadmap_scaffold.errors import Cancelled, ScaffoldError, UserError
from roadmap_scaffold.generate import (
    GenerationRequest,
    check_destination,
    generate,
    git_identity,
)
from roadmap_scaffold.next_steps import next_steps
from roadmap_scaffold.store import local_template_root, template_from, template_questions


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors become a `UserError` (one line, exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand."""
    parser = _Parser(
        prog="roadmap-scaffold",
        description="Start a real backend portfolio project: a blog, a shop or a social network.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    new = commands.add_parser("new", help="generate a new project (asks a few questions)")
    new.add_argument("directory", nargs="?", metavar="DIR", help="where to create it")
    new.add_argument("--kind", help="what to build: blog, ecommerce or social")
    new.add_argument("--framework", help="the web framework, e.g. fastapi")
    new.add_argument("--database", help="sqlite (the default) or postgres")
    new.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set any template answer, e.g. --data author_name='Ada Lovelace' (repeatable)",
    )
    new.add_argument("--answers-file", type=Path, metavar="FILE", help="read answers from YAML")
    new.add_argument("--template", metavar="SRC", help="generate from another template copy")
    new.add_argument("--vcs-ref", metavar="REF", help="template version (git tag or commit)")
    new.add_argument("--yes", "-y", action="store_true", help="take defaults, ask nothing")
    new.add_argument("--no-git", action="store_true", help="skip git init and the first commit")
    new.set_defaults(handler=command_new)

    update = commands.add_parser(
        "update", help="bring a project to a newer template version, keeping your work"
    )
    update.add_argument("directory", nargs="?", default=".", metavar="DIR", help="default: .")
    update.add_argument("--yes", "-y", action="store_true", help="ask nothing, take defaults")
    update.add_argument(
        "--data", action="append", default=[], metavar="KEY=VALUE", help="change an answer"
    )
    update.add_argument("--to", metavar="VERSION", help="a template version, e.g. v0.2.0")
    update.set_defaults(handler=command_update)

    check = commands.add_parser(
        "check", help="is the project's template up to date? (exit 0 yes, 1 no, 2 error)"
    )
    check.add_argument("directory", nargs="?", default=".", metavar="DIR", help="default: .")
    check.set_defaults(handler=command_check)

    _add_classroom_parsers(commands)

    listing = commands.add_parser("list", help="list the kinds and frameworks available")
    listing.add_argument("--template", metavar="SRC", help="list another template copy")
    listing.set_defaults(handler=command_list)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        try:
            args = build_parser().parse_args(argv)
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
    template = template_from(args.template)
    template_root = template.files
    catalog = load_catalog(template_root) if template_root else None
    decided = _decided_answers(args, template_root)
    destination = Path(args.directory) if args.directory else None
    suggested = _suggestions(destination)

    if args.yes:
        answers = _with_defaults(catalog, decided, suggested)
    elif sys.stdin.isatty() and sys.stdout.isatty():
        if catalog is None:
            raise UserError("the wizard needs a local template: pass --yes with a git --template")
        _check_choices(catalog, decided)
        if destination is not None:
            check_destination(destination)  # before the questions, not after them
        from roadmap_scaffold.wizard import QuestionaryPrompter, run_wizard

        answers = run_wizard(catalog, decided, suggested, QuestionaryPrompter())
    else:
        raise UserError(
            "no terminal to ask questions on: pass --yes to take the defaults "
            "(and --kind, --framework, --database or --data to choose)"
        )

    if catalog is not None:
        _check_choices(catalog, answers)
        catalog.check_project_name(str(answers["project_name"]))
    destination = destination or Path(str(answers["project_name"]))
    generate(
        GenerationRequest(
            destination=destination,
            answers=answers,
            template=template.location,
            vcs_ref=args.vcs_ref or template.vcs_ref,
            git=not args.no_git,
        )
    )
    _print_next_steps(destination, answers, catalog)
    return 0


def _parse_data(items: list[str]) -> dict[str, str]:
    """``--data KEY=VALUE`` pairs as a dict."""
    data = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserError(f"--data expects KEY=VALUE, got {item!r}")
        data[key.strip()] = value
    return data


def _decided_answers(args: argparse.Namespace, template_root: Path | None) -> dict[str, Any]:
    """Merge the answers file, then --data, then the dedicated flags (strongest last)."""
    decided: dict[str, Any] = {}
    if args.answers_file:
        decided.update(_read_answers_file(args.answers_file))
    decided.update(_parse_data(args.data))
    for key in ("kind", "framework", "database"):
        if getattr(args, key):
            decided[key] = getattr(args, key)
    if template_root is not None:
        known = template_questions(template_root)
        unknown = sorted(set(decided) - known)
        if unknown:
            raise UserError(
                f"unknown answer {unknown[0]!r}: the template asks {', '.join(sorted(known))}"
            )
    return decided


def _read_answers_file(path: Path) -> dict[str, Any]:
    """Read a YAML answers file; Copier's own keys (``_src_path``...) are skipped."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UserError(f"cannot read the answers file {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise UserError(f"the answers file {path} is not UTF-8 text") from error
    except yaml.YAMLError as error:
        raise UserError(f"the answers file {path} is not valid YAML") from error
    if not isinstance(data, dict):
        raise UserError(f"the answers file {path} must be a YAML mapping of KEY: VALUE")
    return {str(key): value for key, value in data.items() if not str(key).startswith("_")}


def _suggestions(destination: Path | None) -> dict[str, str]:
    """Defaults worth offering: the folder's name and the user's git identity."""
    identity = git_identity()
    return {
        "project_name": destination.absolute().name if destination else "",
        "author_name": identity.get("name", ""),
        "author_email": identity.get("email", ""),
    }


def _with_defaults(
    catalog: Catalog | None, decided: dict[str, Any], suggested: dict[str, str]
) -> dict[str, Any]:
    """`--yes`: everything not decided takes its default."""
    answers = dict(decided)
    if catalog is not None:
        if "framework" in answers and "kind" not in answers:
            catalog.check_framework(str(answers["framework"]), kind=None)
            answers["kind"] = catalog.frameworks[str(answers["framework"])].kinds[0]
        answers.setdefault("kind", catalog.offered_kinds()[0].key)
        catalog.check_kind(str(answers["kind"]))
        answers.setdefault("framework", catalog.default_framework(str(answers["kind"])).key)
    answers.setdefault("database", next(iter(catalog.databases)) if catalog else "sqlite")
    answers.setdefault("project_name", suggested["project_name"] or f"my-{answers.get('kind')}")
    for key in ("author_name", "author_email"):
        if suggested.get(key):
            answers.setdefault(key, suggested[key])
    return answers


def _check_choices(catalog: Catalog, answers: dict[str, Any]) -> None:
    """Refuse a bad kind, framework, database or name before anything is asked or written."""
    if "database" in answers:
        catalog.check_database(str(answers["database"]))
    if "kind" in answers:
        catalog.check_kind(str(answers["kind"]))
    if "framework" in answers:
        kind = str(answers["kind"]) if "kind" in answers else None
        catalog.check_framework(str(answers["framework"]), kind)
    if "project_name" in answers:
        catalog.check_project_name(str(answers["project_name"]))


def _print_next_steps(destination: Path, answers: dict[str, Any], catalog: Catalog | None) -> None:
    print(next_steps(destination, answers, catalog))


# --- classroom -------------------------------------------------------------------------


def _add_classroom_parsers(commands: Any) -> None:
    classroom = commands.add_parser(
        "classroom", help="one repository per student: create, grade, status, update"
    )
    actions = classroom.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True

    new = actions.add_parser("new", help="one personalised repository per roster row")
    new.add_argument("roster", type=Path, metavar="ROSTER.csv", help="columns: name,email,github")
    new.add_argument("--kind", required=True, help="what the class builds")
    new.add_argument("--framework", required=True, help="the framework the class uses")
    new.add_argument("-o", "--output", required=True, type=Path, metavar="DIR")
    new.add_argument("--template", metavar="SRC", help="generate from another template copy")
    new.add_argument("--vcs-ref", metavar="REF", help="template version (git tag or commit)")
    new.add_argument("--data", action="append", default=[], metavar="KEY=VALUE")
    new.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    new.set_defaults(handler=command_classroom_new)

    for name, handler, text in (
        ("grade", command_classroom_grade, "run make grade everywhere; write grades.csv/.md"),
        ("status", command_classroom_status, "template version and state of every repository"),
        ("update", command_classroom_update, "update every clean repository"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("directory", type=Path, metavar="DIR")
        if name == "update":
            action.add_argument("--yes", "-y", action="store_true", help="do not ask")
        action.set_defaults(handler=handler)


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

    template = template_from(args.template)
    if template.files is None:
        raise UserError("classroom new needs a local template folder or the default template")
    catalog = load_catalog(template.files)
    answers: dict[str, Any] = {
        "kind": args.kind,
        "framework": args.framework,
        **_parse_data(args.data),
        "classroom": True,
    }
    unknown = sorted(set(answers) - template_questions(template.files))
    if unknown:
        raise UserError(f"unknown answer {unknown[0]!r}")
    _check_choices(catalog, answers)
    answers.setdefault("database", next(iter(catalog.databases)))
    answers.setdefault("project_name", f"my-{args.kind}")
    catalog.check_project_name(str(answers["project_name"]))
    students = read_roster(args.roster, catalog)
    check_destination(args.output)
    _confirm(f"Create {len(students)} repositories in {args.output}?", args.yes)
    new_class(
        students,
        args.output,
        template.location,
        args.vcs_ref or template.vcs_ref,
        answers,
        progress=_progress(),
    )
    print(
        f"Created {len(students)} repositories in {args.output} "
        f"(one folder per github name); the list is in {args.output / SUMMARY_FILE}."
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
    _confirm(f"Update the clean ones of {len(found)} repositories?", args.yes)
    outcomes = class_update(args.directory, progress=_progress())
    for outcome in outcomes:
        files = f" ({', '.join(outcome.files)})" if outcome.files else ""
        print(f"  {outcome.repository:<30} {outcome.result:<10} {outcome.detail}{files}")
    counts = {
        result: sum(o.result == result for o in outcomes)
        for result in ("updated", "conflicts", "current", "skipped", "failed")
    }
    print(", ".join(f"{count} {result}" for result, count in counts.items()))
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
        data=_parse_data(args.data),
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
    template_root = local_template_root(args.template)
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
