"""Measure `roadmap-scaffold new DIR --yes` against a bare `copier copy` of the same template.

Both sides do the same work: render this checkout's template, released as a git
bundle of one tag (as the installed tool ships it), with the default answers, then
`git init`, `git add --all` and `git commit`. The bare side is `copier copy` on the
command line followed by those three git commands; the tool side is one `new`.

Two conditions, each with the two commands run alternately (tool, bare, tool, bare,
...) so that machine noise hits both alike, one warm-up pair not counted:

- warm: the tool's cache folder kept from earlier runs (every `new` after a user's
  first one: the release's files are already out of the bundle);
- cold: an empty cache folder for every run (a learner's first `new`).

It prints both medians and their ratio for each condition, against the targets:
warm at most 0.6x the bare copy, cold at most 1.1x. It measures; it asserts nothing.

    python bench/generation.py [--runs N] [--template x.bundle]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"warm": 0.6, "cold": 1.1}
IDENTITY = {
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}


def release_bundle(work: Path) -> Path:
    """This checkout's committed copier.yml and templates/, as a bundle of tag v0.1.0."""
    repo = work / "template"
    repo.mkdir()
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "HEAD", "copier.yml", "templates"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(repo)], input=archive, check=True)
    for args in (
        ["init", "--quiet", "--initial-branch=main"],
        ["add", "--all"],
        ["commit", "--quiet", "--no-verify", "-m", "Release v0.1.0"],
        ["tag", "v0.1.0"],
        ["bundle", "create", "--quiet", str(work / "template.bundle"), "v0.1.0"],
    ):
        subprocess.run(["git", *args], cwd=repo, env={**os.environ, **IDENTITY}, check=True)
    return work / "template.bundle"


def venv_script(name: str, module: str) -> list[str]:
    script = Path(sys.executable).with_name(name)
    return [str(script)] if script.exists() else [sys.executable, "-m", module]


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run(
        argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"`{' '.join(argv)}` failed (exit {result.returncode}):\n{result.stderr!r}")


def tool_new(template: Path, dest: Path, env: dict[str, str]) -> None:
    tool = venv_script("roadmap-scaffold", "roadmap_scaffold")
    run([*tool, "new", str(dest), "--yes", "--template", str(template)], dest.parent, env)


def bare_copier(template: Path, dest: Path, env: dict[str, str]) -> None:
    copier = venv_script("copier", "copier")
    answers = ["--defaults", "-d", f"project_name={dest.name}"]
    run([*copier, "copy", "--quiet", *answers, str(template), str(dest)], dest.parent, env)
    run(["git", "init", "--quiet", "--initial-branch=main"], dest, env)
    run(["git", "add", "--all"], dest, env)
    run(["git", "commit", "--quiet", "--no-verify", "-m", "Start"], dest, env)


Step = Callable[[Path, Path, dict[str, str]], None]


def timed(step: Step, template: Path, dest: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    step(template, dest, env)
    return time.perf_counter() - started


def measure(template: Path, work: Path, runs: int, cold: bool) -> tuple[list[float], list[float]]:
    """Alternate the tool and the bare copy ``runs`` times (plus one warm-up pair)."""
    tool_times: list[float] = []
    bare_times: list[float] = []
    warm_cache = work / "warm-cache"
    for number in range(runs + 1):
        cache = work / f"cold-cache-{number}" if cold else warm_cache
        env = {**os.environ, **IDENTITY, "XDG_CACHE_HOME": str(cache)}
        tool_dest, bare_dest = work / f"tool-{number}", work / f"bare-{number}"
        tool = timed(tool_new, template, tool_dest, env)
        bare = timed(bare_copier, template, bare_dest, env)
        for folder in (tool_dest, bare_dest, *([cache] if cold else [])):
            shutil.rmtree(folder, ignore_errors=True)
        if number:  # run 0 warms file caches (and, warm, the tool's cache folder)
            tool_times.append(tool)
            bare_times.append(bare)
    return tool_times, bare_times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="counted runs of each (default 10)")
    parser.add_argument(
        "--template", type=Path, help="a bundle of release tags (default: one made from HEAD)"
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="roadmap-scaffold-bench-"))
    try:
        template = args.template.absolute() if args.template else release_bundle(work)
        for condition in ("warm", "cold"):
            tool, bare = measure(template, work, args.runs, cold=condition == "cold")
            ratio = statistics.median(tool) / statistics.median(bare)
            verdict = "within" if ratio <= TARGETS[condition] else "ABOVE"
            print(
                f"{condition}: roadmap-scaffold new median {statistics.median(tool):.3f}s, "
                f"copier copy + git median {statistics.median(bare):.3f}s, ratio {ratio:.2f}x "
                f"over {args.runs} alternating runs: {verdict} the {TARGETS[condition]}x target"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
