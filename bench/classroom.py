"""Measure `roadmap-scaffold classroom new` for 30 students against one `new`.

The two run alternately, N times each in the same run, so machine noise hits
both alike; the script prints both medians and their ratio. The target is at
most 6x: the template is rendered once per class, not once per student.

    python bench/classroom.py [--runs N] [--students 30] [--template SRC]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generation import timed, tool_argv, tool_command

TARGET_RATIO = 6.0


def write_roster(path: Path, students: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as roster:
        writer = csv.writer(roster)
        writer.writerow(["name", "email", "github"])
        for number in range(students):
            writer.writerow([f"Student Number{number}", f"s{number}@example.edu", f"s-{number}"])
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each (default 5)")
    parser.add_argument("--students", type=int, default=30, help="roster size (default 30)")
    parser.add_argument("--template", help="passed to both commands")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="roadmap-scaffold-bench-"))
    roster = write_roster(work / "roster.csv", args.students)
    extra = ["--template", args.template] if args.template else []
    single_times: list[float] = []
    class_times: list[float] = []
    try:
        for run in range(args.runs + 1):  # run 0 warms the caches and is not counted
            single_dest, class_dest = work / f"single-{run}", work / f"class-{run}"
            single = timed(tool_command(single_dest, "blog", "fastapi", args.template), work)
            whole = timed(
                [*tool_argv(), "classroom", "new", str(roster), "--kind", "blog",
                 "--framework", "fastapi", "-o", str(class_dest), "--yes", *extra],
                work,
            )  # fmt: skip
            shutil.rmtree(single_dest, ignore_errors=True)
            shutil.rmtree(class_dest, ignore_errors=True)
            if run:
                single_times.append(single)
                class_times.append(whole)
                print(f"run {run:2d}: new {single:6.3f}s   classroom new ({args.students}) "
                      f"{whole:6.3f}s")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)

    ratio = statistics.median(class_times) / statistics.median(single_times)
    verdict = "within" if ratio <= TARGET_RATIO else "ABOVE"
    print(f"\nnew: median {statistics.median(single_times):.3f}s; classroom new for "
          f"{args.students}: median {statistics.median(class_times):.3f}s")  # fmt: skip
    print(f"ratio {ratio:.2f}x over {args.runs} alternating runs: {verdict} the "
          f"{TARGET_RATIO}x target")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
