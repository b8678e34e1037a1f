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


#: The parser of each language's standard test runner, as `make test` runs it.
#: Frameworks in other languages add theirs here (node --test, JUnit, go test, PHPUnit).
SUMMARY_PARSERS = {
    "python": parse_pytest_summary,
}


def tail(text: str, lines: int = 60) -> str:
    return "\n".join(text.splitlines()[-lines:])
