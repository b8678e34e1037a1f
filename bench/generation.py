"""Measure `roadmap-scaffold new DIR --yes` against a bare `copier copy`.

The baseline is Copier copying a one-file template: the least any generation can
cost (interpreter start, Copier import, one render). `roadmap-scaffold new` does
the real work on top: the full template, the catalog checks, `git init` and the
first commit. The two run alternately, N times each in the same run, so that
machine noise hits both alike; the script prints both medians and their ratio.
The target is a ratio of at most 1.2. It measures and prints; it asserts nothing.

What a user runs is the installed tool, whose template is a git bundle of release
tags: pass one as --template (make one with `git bundle create x.bundle v0.1.0` in
a tagged copy of the template). The tool keeps the release's files and compiled
templates in its cache folder (src/roadmap_scaffold/releases.py); by default every
run after the first finds them there, as every `new` after a user's first one
does. --cold gives each run an empty cache folder: the cost of a first `new`.

    python bench/generation.py [--runs N] [--kind blog] [--framework fastapi]
                               [--template x.bundle] [--cold]
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
from pathlib import Path

TARGET_RATIO = 1.2


def one_file_template(root: Path) -> Path:
    template = root / "one-file-template"
    template.mkdir()
    (template / "copier.yml").write_text(
        "project_name:\n  type: str\n  default: bench\n", encoding="utf-8"
    )
    (template / "README.md.jinja").write_text("# {{ project_name }}\n", encoding="utf-8")
    return template


def tool_argv() -> list[str]:
    script = Path(sys.executable).with_name("roadmap-scaffold")
    return [str(script)] if script.exists() else [sys.executable, "-m", "roadmap_scaffold"]


def tool_command(
    dest: Path, kind: str | None, framework: str | None, template: str | None = None
) -> list[str]:
    argv = [*tool_argv(), "new", str(dest), "--yes"]
    if template:
        argv += ["--template", template]
    if kind:
        argv += ["--kind", kind]
    if framework:
        argv += ["--framework", framework]
    return argv


def copier_command(template: Path, dest: Path) -> list[str]:
    script = Path(sys.executable).with_name("copier")
    argv = [str(script)] if script.exists() else [sys.executable, "-m", "copier"]
    return [*argv, "copy", "--defaults", "--quiet", str(template), str(dest)]


def timed(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        argv,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"`{' '.join(argv)}` failed (exit {result.returncode}):\n{result.stderr}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="measured runs of each (default 10)")
    parser.add_argument("--kind", help="passed to roadmap-scaffold new (default: its own)")
    parser.add_argument("--framework", help="passed to roadmap-scaffold new (default: its own)")
    parser.add_argument(
        "--template",
        help="passed to roadmap-scaffold new, e.g. a bundle of release tags as a wheel installs",
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="an empty cache folder for every run of the tool (a user's first `new`)",
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="roadmap-scaffold-bench-"))
    try:
        template = one_file_template(work)
        tool_times: list[float] = []
        copier_times: list[float] = []
        # Run 0 warms file caches for both and is not counted.
        for run in range(args.runs + 1):
            tool_dest, copier_dest = work / f"tool-{run}", work / f"copier-{run}"
            cache = work / f"cache-{run}" if args.cold else None
            tool = timed(
                tool_command(tool_dest, args.kind, args.framework, args.template),
                work,
                env={**os.environ, "XDG_CACHE_HOME": str(cache)} if cache else None,
            )
            bare = timed(copier_command(template, copier_dest), work)
            shutil.rmtree(tool_dest, ignore_errors=True)
            shutil.rmtree(copier_dest, ignore_errors=True)
            if cache:
                shutil.rmtree(cache, ignore_errors=True)
            if run:
                tool_times.append(tool)
                copier_times.append(bare)
                print(f"run {run:2d}: roadmap-scaffold new {tool:6.3f}s   copier copy {bare:6.3f}s")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    tool_median = statistics.median(tool_times)
    copier_median = statistics.median(copier_times)
    ratio = tool_median / copier_median
    verdict = "within" if ratio <= TARGET_RATIO else "ABOVE"
    print()
    print(
        f"roadmap-scaffold new --yes (with git init + commit): median {tool_median:.3f}s "
        f"(min {min(tool_times):.3f}s)"
    )
    print(
        f"copier copy of a one-file template:                 median {copier_median:.3f}s "
        f"(min {min(copier_times):.3f}s)"
    )
    cache_state = "an empty cache each run" if args.cold else "the cache of earlier runs"
    print(
        f"ratio {ratio:.2f}x over {args.runs} alternating runs ({cache_state}): {verdict} the "
        f"{TARGET_RATIO}x target"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
