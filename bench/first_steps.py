"""Measure a generated project's first steps as a learner meets them, per kind.

For each kind asked, it generates the project from this checkout (SQLite, no cache) and times:

1. `make install` with empty caches: a fresh HOME, so nothing is downloaded yet (Maven's
   repository and wrapper, uv's, npm's or Go's caches all live under HOME);
   `--runs 0` stops there;
2. `make install` warm: a clone of the same project, with the HOME the first install filled
   (a learner's second project);
3. `make test`: its time and how many tests ran (read from the runner's own summary);
4. `make run` until `GET /health` answers 200 (it migrates a new SQLite database first).

Steps 2 to 4 run `--runs` times and print each run and their median. Every step gets the
same environment but HOME, so the project finds the language as a learner's shell would.
It measures; it asserts nothing. A step that fails stops the script with its output.

    python bench/first_steps.py --framework spring [--kind blog --kind social] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

KINDS = ("blog", "ecommerce", "social")

#: Each test runner's closing summary; its first group is the number of tests that ran.
TEST_COUNTS = (
    # JUnit through Maven Surefire: "Tests run: 66, Failures: 0, Errors: 0, Skipped: 1"
    re.compile(r"Tests run: (\d+), Failures: \d+, Errors: \d+, Skipped: \d+\s*$", re.M),
    # pytest: "===== 193 passed, 2 skipped in 5.51s ====="
    re.compile(r"^=+ (\d+) passed", re.M),
    # node's test runner: "# tests 120"
    re.compile(r"^# tests (\d+)", re.M),
    # go test -v: "--- PASS: TestName (0.00s)", one line per test and subtest
    re.compile(r"^\s*--- PASS: ()", re.M),
)


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """Run a command; its duration in seconds and its output. Exits on failure."""
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if result.returncode != 0:
        tail = result.stdout[-3000:] + result.stderr[-3000:]
        sys.exit(f"{' '.join(argv)} in {cwd} failed:\n{tail}")
    return took, result.stdout + result.stderr


def tests_run(output: str) -> str:
    """How many tests the runner says it ran, or "?"."""
    for pattern in TEST_COUNTS:
        found = pattern.findall(output)
        if found:
            return found[-1] or str(len(found))
    return "?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def time_to_healthy(project: Path, env: dict[str, str], limit: float = 180.0) -> float:
    """Seconds from `make run` to a 200 from /health, on a new SQLite database."""
    for database in project.glob("*.db*"):
        database.unlink()
    port = free_port()
    server = subprocess.Popen(
        ["make", "run"],
        cwd=project,
        env={**env, "PORT": str(port), "HOST": "127.0.0.1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    start = time.perf_counter()
    try:
        while time.perf_counter() - start < limit:
            if server.poll() is not None:
                sys.exit(f"make run in {project} exited with {server.returncode}")
            if healthy(f"http://127.0.0.1:{port}/health"):
                return time.perf_counter() - start
            time.sleep(0.1)
        sys.exit(f"make run in {project}: /health did not answer 200 within {limit:.0f} s")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def measure(kind: str, framework: str, runs: int, work: Path) -> dict[str, object]:
    home = work / f"home-{kind}"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    # Java takes its home folder from the system's user database, not from HOME: Maven would
    # find the machine's own repository (~/.m2) full. Its wrapper's shell script reads HOME.
    env["MAVEN_OPTS"] = f"{os.environ.get('MAVEN_OPTS', '')} -Duser.home={home}".strip()
    project = work / kind
    new = [sys.executable, "-m", "roadmap_scaffold", "new", str(project), "--yes"]
    answers = ["--kind", kind, "--framework", framework, "--database", "sqlite", "--cache", "none"]
    run(new + answers, work, dict(os.environ))
    cold, _ = run(["make", "install"], project, env)
    warm = []
    for i in range(runs):
        copy = work / f"{kind}-copy{i}"
        run(["git", "clone", "--quiet", str(project), str(copy)], work, env)
        warm.append(run(["make", "install"], copy, env)[0])
    tests, counts = [], set()
    for _ in range(runs):
        took, output = run(["make", "test"], project, env)
        tests.append(took)
        counts.add(tests_run(output))
    starts = [time_to_healthy(project, env) for _ in range(runs)]
    return {"cold": cold, "warm": warm, "test": tests, "count": counts, "run": starts}


def seconds(values: list[float]) -> str:
    each = ", ".join(f"{v:.1f}" for v in values)
    return f"{statistics.median(values):.1f} s (runs: {each})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--framework", required=True)
    parser.add_argument("--kind", action="append", choices=KINDS, help="default: all three")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="first-steps-") as scratch:
        for kind in args.kind or KINDS:
            result = measure(kind, args.framework, args.runs, Path(scratch))
            print(f"{args.framework} {kind}", flush=True)
            print(f"  make install, empty caches: {result['cold']:.1f} s")
            if not args.runs:
                continue
            print(f"  make install, warm:         {seconds(result['warm'])}")  # type: ignore[arg-type]
            print(
                f"  make test:                  {seconds(result['test'])}"  # type: ignore[arg-type]
                f", tests run: {'/'.join(sorted(result['count']))}"
            )  # type: ignore[arg-type]
            print(f"  make run to a healthy /health: {seconds(result['run'])}", flush=True)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
