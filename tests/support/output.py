"""Reading test runners' closing lines, so that "it passed" means tests ran."""

from __future__ import annotations

import re
from dataclasses import dataclass

# pytest's closing line, with or without -q:
#   "===== 42 passed, 1 warning in 3.21s ====="   or   "42 passed in 3.21s"
_PYTEST_SUMMARY = re.compile(
    r"^(?:=+ )?(?P<counts>\d+ [a-z]+(?:, \d+ [a-z]+)*) in [\d.]+s(?: \([^)]*\))?(?: =+)?$"
)
_PYTEST_NOTHING = re.compile(r"^(?:=+ )?no tests ran in [\d.]+s(?: =+)?$")


@dataclass
class TestCounts:
    """Counts from a test runner's closing line."""

    passed: int = 0
    failed: int = 0
    errors: int = 0
    skipped: int = 0
    line: str = ""


def parse_pytest_summary(output: str) -> TestCounts | None:
    """Return the counts of pytest's last closing line in ``output``, or None."""
    for raw in reversed(output.splitlines()):
        line = raw.strip()
        if _PYTEST_NOTHING.match(line):
            return TestCounts(line=line)
        match = _PYTEST_SUMMARY.match(line)
        if match:
            counts = TestCounts(line=line)
            for part in match.group("counts").split(", "):
                number, word = part.split(" ", 1)
                if word == "passed":
                    counts.passed = int(number)
                elif word == "failed":
                    counts.failed = int(number)
                elif word in ("error", "errors"):
                    counts.errors = int(number)
                elif word == "skipped":
                    counts.skipped = int(number)
            return counts
    return None


# node --test's closing lines, one count per line after every test's own line: "# tests 42",
# "# pass 41", "# fail 1"... with the TAP reporter; the spec reporter starts them with an
# information sign (U+2139) instead of "#".
_NODE_COUNT = re.compile(r"^(?:\u2139|#) (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$")
# Jest's: "Tests:       1 failed, 2 skipped, 41 passed, 44 total".
_JEST_SUMMARY = re.compile(r"^Tests:\s+(?P<counts>\d+ [a-z]+(?:, \d+ [a-z]+)*)$")


def parse_node_summary(output: str) -> TestCounts | None:
    """Counts from node's test runner (spec or TAP reporter) or from Jest, or None."""
    lines = [raw.strip() for raw in output.splitlines()]
    for index in range(len(lines) - 1, -1, -1):
        jest = _JEST_SUMMARY.match(lines[index])
        if jest:
            counts = TestCounts(line=lines[index])
            for part in jest.group("counts").split(", "):
                number, word = part.split(" ", 1)
                if word == "passed":
                    counts.passed = int(number)
                elif word == "failed":
                    counts.failed = int(number)
                elif word in ("skipped", "todo"):
                    counts.skipped += int(number)
            return counts
        first = _NODE_COUNT.match(lines[index])
        if first and first.group(1) == "tests":
            found: dict[str, int] = {}
            for line in lines[index : index + 8]:
                match = _NODE_COUNT.match(line)
                if match:
                    found[match.group(1)] = int(match.group(2))
            return TestCounts(
                passed=found.get("pass", 0),
                failed=found.get("fail", 0) + found.get("cancelled", 0),
                skipped=found.get("skipped", 0) + found.get("todo", 0),
                line=", ".join(f"{name} {number}" for name, number in found.items()),
            )
    return None


# go test's line per package: "ok  \tmy-blog/internal/auth\t0.31s" (or "(cached)"), "FAIL\tpkg
# 1.2s", "?   \tpkg\t[no test files]"; and "FAIL" alone when a package did not build.
_GO_PACKAGE = re.compile(r"^(?P<result>ok|FAIL|\?)\s+(?P<package>\S+)(?:\s+(?P<rest>.*))?$")


def parse_go_summary(output: str) -> TestCounts | None:
    """Packages whose tests passed and failed in ``go test ./...``'s output, or None.

    Without -v, go test prints one line per package, not per test: the counts are of
    packages (those without test files are left out), which is enough to tell that
    tests ran and whether any failed.
    """
    counts = TestCounts()
    seen = False
    for raw in output.splitlines():
        match = _GO_PACKAGE.match(raw.strip())
        if not match:
            continue
        seen = True
        if match.group("result") == "ok":
            counts.passed += 1
        elif match.group("result") == "FAIL":
            counts.failed += 1
    if not seen:
        return None
    counts.line = f"{counts.passed} packages passed, {counts.failed} failed"
    return counts


# Maven Surefire's closing count, after its per-class lines (which end "-- in <class>"):
# "[INFO] Tests run: 52, Failures: 0, Errors: 0, Skipped: 0" ([ERROR] when some failed).
_SUREFIRE_TOTAL = re.compile(
    r"^\[(?:INFO|WARNING|ERROR)\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)$"
)


def parse_surefire_summary(output: str) -> TestCounts | None:
    """The last total that Maven Surefire printed (JUnit's tests, as ``./mvnw test`` runs them)."""
    for raw in reversed(output.splitlines()):
        match = _SUREFIRE_TOTAL.match(raw.strip())
        if match:
            run, failures, errors, skipped = map(int, match.groups())
            return TestCounts(
                passed=run - failures - errors - skipped,
                failed=failures + errors,
                skipped=skipped,
                line=raw.strip(),
            )
    return None


#: The parser of each language's standard test runner, as `make test` runs it.
#: Frameworks in other languages add theirs here (JUnit, go test, PHPUnit).
SUMMARY_PARSERS = {
    "python": parse_pytest_summary,
    "javascript": parse_node_summary,
    "go": parse_go_summary,
    "java": parse_surefire_summary,
}


def tail(text: str, lines: int = 60) -> str:
    return "\n".join(text.splitlines()[-lines:])
