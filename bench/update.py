"""Measure `roadmap-scaffold update` against plain `copier update` on the same project.

A copy of this repository's template becomes a git repository with two releases:
v0.1.0, then v0.2.0, which adds a file and changes a shared one (the README). A
project is generated from v0.1.0 and committed; each run restores it to that
commit, then updates it to v0.2.0 with one tool, then restores it again and
updates it with the other. They alternate, N times each in the same run, so
machine noise hits both alike; the script prints both medians and their ratio.
It measures and prints; it asserts nothing.

    python bench/update.py [--runs N] [--kind blog] [--framework fastapi]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from generation import timed, tool_argv
from tests.support.template_repo import git, make_template_repo, release


def two_release_template(folder: Path) -> Path:
    """This repository's template as a git repository tagged v0.1.0 and v0.2.0."""
    make_template_repo(folder)
    shared_readme = folder / "templates" / "_shared" / "README.md.jinja"
    shared_readme.write_text(
        shared_readme.read_text(encoding="utf-8") + "\nA line added by v0.2.0.\n",
        encoding="utf-8",
    )
    for framework in (folder / "templates").iterdir():
        if framework.is_dir() and not framework.name.startswith("_"):
            (framework / "CHANGELOG.md").write_text("# Changes\n\n- v0.2.0\n", encoding="utf-8")
    release(folder, "0.2.0")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each (default 5)")
    parser.add_argument("--kind", default="blog")
    parser.add_argument("--framework", default="fastapi")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="roadmap-scaffold-bench-update-"))
    try:
        template = two_release_template(work / "template")
        project = work / "project"
        new = [*tool_argv(), "new", str(project), "--yes", "--template", str(template)]
        new += ["--vcs-ref", "v0.1.0", "--kind", args.kind, "--framework", args.framework]
        timed(new, work)
        start = git(project, "rev-parse", "HEAD")
        copier = Path(sys.executable).with_name("copier")
        commands = {
            "roadmap-scaffold update": [*tool_argv(), "update", "--yes"],
            "copier update": [str(copier), "update", "--defaults", "--quiet"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        # Run 0 warms file caches for both and is not counted.
        for run in range(args.runs + 1):
            line = []
            for name, argv in commands.items():
                git(project, "reset", "--quiet", "--hard", start)
                git(project, "clean", "--quiet", "-fdx")
                seconds = timed(argv, project)
                if "v0.2.0" not in (project / ".copier-answers.yml").read_text(encoding="utf-8"):
                    sys.exit(f"{name} did not bring the project to v0.2.0")
                if run:
                    times[name].append(seconds)
                    line.append(f"{name} {seconds:6.3f}s")
            if run:
                print(f"run {run:2d}: " + "   ".join(line))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    tool, bare = (statistics.median(times[name]) for name in commands)
    print()
    print(f"roadmap-scaffold update --yes: median {tool:.3f}s")
    print(f"copier update --defaults:      median {bare:.3f}s")
    print(f"ratio {tool / bare:.2f}x over {args.runs} alternating runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
