"""File-level checks on a rendered project: leftover Jinja and parse errors.

Each function returns a list of problems ("path:line: what"), empty when clean,
so a failing test lists every broken file at once.
"""

from __future__ import annotations

import configparser
import fnmatch
import json
import re
import subprocess
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

import yaml
from tests.support.tools import run_captured

# Places where a target ecosystem legitimately writes what looks like Jinja. The
# matching text is removed before looking for leftovers, so anything else on the
# same line is still checked. Add an entry per framework when it needs one
# (e.g. Blade's {{ }} in *.blade.php, Go's {{ }} in *.tmpl), never a blanket skip.
LEGITIMATE_BRACES: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    # GitHub Actions expressions: ${{ github.sha }}.
    (
        (".github/workflows/*.yml", ".github/workflows/*.yaml", ".github/actions/*/action.yml"),
        re.compile(r"\$\{\{.*?\}\}"),
    ),
    # Shell's length expansion ${#name} (also $${#name} inside a Makefile).
    (
        ("*.sh", "Makefile", "*.mk", "Dockerfile", "Dockerfile.*", "*.Dockerfile"),
        re.compile(r"\$\{#"),
    ),
]

# Opening markers only: a closing "}}" is ordinary in Python, JSON and JS.
_JINJA_MARKERS = re.compile(r"\{\{|\{%|\{#")


def project_files(root: Path) -> Iterator[Path]:
    """Every regular file in the rendered project, sorted."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and ".git" not in path.relative_to(root).parts[:1]:
            yield path


def read_text(path: Path) -> str | None:
    """The file's text, or None for a binary file."""
    data = path.read_bytes()
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _matches(relative: str, patterns: tuple[str, ...]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


def leftover_jinja(root: Path) -> list[str]:
    problems = []
    for path in project_files(root):
        text = read_text(path)
        if text is None:
            continue
        relative = path.relative_to(root).as_posix()
        allowed = [regex for patterns, regex in LEGITIMATE_BRACES if _matches(relative, patterns)]
        for number, line in enumerate(text.splitlines(), 1):
            for regex in allowed:
                line = regex.sub("", line)
            found = _JINJA_MARKERS.search(line)
            if found:
                problems.append(f"{relative}:{number}: {found.group()!r} in {line.strip()[:120]!r}")
    return problems


def jinja_suffixes(root: Path) -> list[str]:
    return [
        path.relative_to(root).as_posix()
        for path in project_files(root)
        if path.name.endswith(".jinja")
    ]


def files_with_suffix(root: Path, *suffixes: str) -> list[Path]:
    return [p for p in project_files(root) if p.name.endswith(suffixes)]


def python_errors(root: Path) -> list[str]:
    problems = []
    for path in files_with_suffix(root, ".py", ".pyi"):
        try:
            compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError, UnicodeDecodeError) as error:
            problems.append(f"{path.relative_to(root)}: {error}")
    return problems


def yaml_errors(root: Path) -> list[str]:
    problems = []
    for path in files_with_suffix(root, ".yml", ".yaml"):
        try:
            list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            problems.append(f"{path.relative_to(root)}: {error}")
    return problems


def json_errors(root: Path) -> list[str]:
    problems = []
    for path in files_with_suffix(root, ".json"):
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            problems.append(f"{path.relative_to(root)}: {error}")
    return problems


def toml_errors(root: Path) -> list[str]:
    problems = []
    for path in files_with_suffix(root, ".toml"):
        try:
            tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            problems.append(f"{path.relative_to(root)}: {error}")
    return problems


def ini_errors(root: Path) -> list[str]:
    problems = []
    for path in files_with_suffix(root, ".ini", ".cfg"):
        try:
            # Raw: alembic.ini and friends use %(here)s, resolved by their own reader.
            configparser.RawConfigParser().read_string(path.read_text(encoding="utf-8"))
        except (configparser.Error, UnicodeDecodeError) as error:
            problems.append(f"{path.relative_to(root)}: {error}")
    return problems


JAVASCRIPT_SUFFIXES = (".js", ".mjs", ".cjs")

# One Node process compiles every file (tests/render/check_syntax.mjs): a `node --check`
# per file cost a Node start-up each, 6 to 11 s per Express rendering.
_JAVASCRIPT_CHECKER = Path(__file__).with_name("check_syntax.mjs")


def javascript_errors(root: Path, node: str) -> list[str]:
    """What ``node --check`` says of each JavaScript file, checked in one Node process."""
    sources = files_with_suffix(root, *JAVASCRIPT_SUFFIXES)
    if not sources:
        return []
    flags = ["--experimental-vm-modules", "--no-warnings"]  # vm.SourceTextModule, quietly
    result = run_captured(
        [node, *flags, _JAVASCRIPT_CHECKER, *sources], root, timeout=120, merge_stderr=False
    )
    if result.returncode != 0:
        return [f"{_JAVASCRIPT_CHECKER.name} failed (exit {result.returncode}): {result.stderr}"]
    problems = []
    for found in json.loads(result.stdout):
        # The few files that fail get `node --check` itself, for its message with the
        # line and a caret (V8 gives an ES module's SyntaxError no line in the vm API).
        check = subprocess.run(
            [node, "--check", found["file"]], cwd=root, capture_output=True, text=True, check=False
        )
        message = check.stderr.strip() if check.returncode != 0 else found["message"]
        problems.append(f"{Path(found['file']).relative_to(root)}: {message}")
    return problems


def shell_errors(root: Path, bash: str) -> list[str]:
    """What ``bash -n`` says of each shell script."""
    problems = []
    for script in files_with_suffix(root, ".sh"):
        result = subprocess.run(
            [bash, "-n", str(script)], cwd=root, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            problems.append(f"{script.relative_to(root)}: {result.stderr.strip()}")
    return problems


def php_errors(root: Path, php: str) -> list[str]:
    """What ``php -l`` says of each PHP file."""
    problems = []
    for source in files_with_suffix(root, ".php"):
        result = subprocess.run(
            [php, "-l", str(source)], cwd=root, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            found = f"{result.stdout.strip()} {result.stderr.strip()}"
            problems.append(f"{source.relative_to(root)}: {found}")
    return problems


def dockerfiles(root: Path) -> list[Path]:
    return [
        p
        for p in project_files(root)
        if p.name == "Dockerfile"
        or p.name.startswith("Dockerfile.")
        or p.name.endswith(".Dockerfile")
    ]


def workflows(root: Path) -> list[Path]:
    folder = root / ".github" / "workflows"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml"))


_MAKE_TARGET = re.compile(r"^([A-Za-z0-9][^$#/\t=:%]*?):(?:[^=]|$)")


def make_targets(database: str) -> set[str]:
    """The explicit targets in ``make -p`` output."""
    targets: set[str] = set()
    not_a_target = False
    for line in database.splitlines():
        if line.startswith("# Not a target:"):
            not_a_target = True
            continue
        match = _MAKE_TARGET.match(line)
        if match and not not_a_target:
            targets.update(match.group(1).split())
        not_a_target = False
    return targets


def go_errors(root: Path, gofmt: str) -> list[str]:
    """Go files that do not parse, or that gofmt would change (as `make lint` checks).

    ``gofmt -l -e`` lists the files whose formatting differs and prints every syntax
    error; both are mistakes in the template.
    """
    result = run_captured([gofmt, "-l", "-e", "."], root, timeout=120, merge_stderr=False)
    problems = [f"{line}: not gofmt-formatted" for line in result.stdout.splitlines() if line]
    problems += [line for line in result.stderr.splitlines() if line]
    return problems


_JAVA_PACKAGE = re.compile(r"^package\s+([\w.]+)\s*;", re.MULTILINE)


def java_errors(root: Path, javac: str) -> list[str]:
    """Java files that do not parse, or whose package is not their folder.

    javac stops after parsing (``-XDshould-stop.ifNoError=PARSE``): no library is
    needed and nothing is compiled, so every file of a rendering is checked in one
    second. A file whose ``package`` line disagrees with its folder under src/*/java
    compiles nowhere: a mistake in the template's paths.
    """
    files = sorted(files_with_suffix(root, ".java"))
    if not files:
        return []
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run(
            [javac, "-proc:none", "-XDshould-stop.ifNoError=PARSE",
             "-XDshould-stop.ifError=PARSE", "-d", out, *map(str, files)],
            cwd=root, capture_output=True, text=True, check=False,
        )  # fmt: skip
    problems = [line for line in result.stderr.splitlines() if ": error: " in line]
    for path in files:
        relative = path.relative_to(root)
        parts = relative.parts
        if "java" not in parts:
            continue
        folder = ".".join(parts[parts.index("java") + 1 : -1])
        match = _JAVA_PACKAGE.search(path.read_text(encoding="utf-8"))
        if match is None or match.group(1) != folder:
            declared = match.group(1) if match else "none"
            problems.append(f"{relative}: package {declared}, but its folder says {folder}")
    return problems
