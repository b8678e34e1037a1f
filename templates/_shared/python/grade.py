"""Turn a test run into a grade: `make grade` runs the tests, then this script.

It reads the JUnit XML report that pytest wrote (every test runner can write
one, so the format outlives this project's choice of tools), prints the score,
and writes grade.json (for machines: a teacher's class table, a CI artifact)
and grade.md (for people: the CI run's summary page).

    python scripts/grade.py REPORT.xml
"""

import json
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def count_results(report: Path) -> dict[str, int]:
    """Passed, failed and total tests in a JUnit XML report (skipped ones do not count)."""
    # The report is our own test run's output, not untrusted input (hence no defusedxml).
    root = ElementTree.parse(report).getroot()  # noqa: S314
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = failed = skipped = 0
    for suite in suites:
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    counted = total - skipped
    return {"passed": counted - failed, "failed": failed, "total": counted}


def main() -> int:
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_file():
        print("usage: python scripts/grade.py REPORT.xml (run `make grade` instead)")
        return 2
    results = count_results(Path(sys.argv[1]))
    percent = round(100 * results["passed"] / results["total"]) if results["total"] else 0
    grade = {**results, "score": f"{results['passed']}/{results['total']}", "percent": percent}
    Path("grade.json").write_text(json.dumps(grade, indent=2) + "\n", encoding="utf-8")
    Path("grade.md").write_text(
        f"## Grade\n\n**{grade['score']}** tests pass ({percent}%).\n", encoding="utf-8"
    )
    print(f"Score: {grade['score']} tests pass ({percent}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
