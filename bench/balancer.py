"""Measure a generated blog through its own nginx with one and with two copies of the app.

Issue #18's measure: p95 latency (and throughput) of the project's `make loadtest`,
through the project's load balancer (deploy/nginx, over HTTPS), in front of one copy and
then two copies of the app, alternately for `--rounds` rounds so that machine noise hits
both alike.

What it does:

1. generates a blog from this checkout (`--framework`, default go; or takes `--project
   DIR`), `make install`, `make migrate` on its default SQLite file, and seeds it through
   the API as bench/article_list.py does;
2. starts two copies with `make run` on free ports (the same database file), and nginx with
   the project's configuration as the generated-project lane does
   (tests/support/balancer.py), once in front of the first copy and once in front of both;
3. warms both copies with one uncounted run through nginx in front of both (the seeding
   warmed only the first; a JVM or V8 compiles hot code as it serves), then
   runs `make loadtest` against nginx's HTTPS address for `--seconds`, with the project's
   certificate trusted (SSL_CERT_FILE for Go, NODE_EXTRA_CA_CERTS for Node,
   REQUESTS_CA_BUNDLE for Locust; Gatling's client trusts any certificate unless told
   otherwise);
4. prints each setting's median req/s and p95, and the two ratios. It asserts nothing.

Two copies on a 2-core machine share the same two cores (and nginx and the load generator
take their part): the figure says what a second copy buys on this machine, not on a cluster.

    python bench/balancer.py [--framework go|express|fastapi|django|flask|spring] [--project DIR]
        [--rounds N] [--seconds S]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from article_list import generate, seed  # noqa: E402
from tests.support.balancer import start_balancer  # noqa: E402
from tests.support.net import free_port  # noqa: E402
from tests.support.server import ServerProcess  # noqa: E402

SUMMARY = re.compile(r"^loadtest: .*?([\d.]+) req/s, p50 [\d.]+ ms, p95 ([\d.]+) ms", re.M)


def make(project: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        ["make", "-s", *args],
        cwd=project,
        env=env or dict(os.environ),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"make {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return result.stdout


def load(project: Path, url: str, certificate: Path, seconds: float) -> tuple[float, float]:
    """`make loadtest` against ``url``; its req/s and p95 (ms)."""
    trusted = str(certificate)
    env = {
        **os.environ,
        "SSL_CERT_FILE": trusted,
        "NODE_EXTRA_CA_CERTS": trusted,
        "REQUESTS_CA_BUNDLE": trusted,
    }
    output = make(project, "loadtest", f"URL={url}", f"DURATION={seconds:g}", env=env)
    found = SUMMARY.search(output)
    if not found:
        sys.exit(f"no loadtest summary line in:\n{output[-2000:]}")
    return float(found.group(1)), float(found.group(2))


def warm_up(project: Path, ports: tuple[int, ...], seconds: float) -> None:
    balancer = start_balancer(project, ports)
    try:
        load(project, balancer.base_url, balancer.certificate, seconds)
    finally:
        balancer.process.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--framework",
        default="go",
        choices=["go", "express", "fastapi", "django", "flask", "spring"],
    )
    parser.add_argument("--project", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-balancer-") as work:
        project = options.project or generate(Path(work), options.framework)
        make(project, "install")
        make(project, "migrate")
        copies = []
        try:
            for _ in range(2):
                port = free_port()
                env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port)}
                log = Path(work) / f"copy-{port}.log"
                copies.append(ServerProcess(["make", "run"], project, env, port, log))
                copies[-1].start()
                copies[-1].wait_healthy("/health", timeout=120)
            seed(f"http://127.0.0.1:{copies[0].port}/api")
            # One uncounted round through both copies first: the seeding warmed only the
            # first, and a JVM (or V8) compiles its hot code while it serves.
            warm_up(project, tuple(copy.port for copy in copies), options.seconds)
            figures: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
            for round_number in range(options.rounds):
                for count in (1, 2):
                    ports = tuple(copy.port for copy in copies[:count])
                    balancer = start_balancer(project, ports)
                    try:
                        rate, p95 = load(
                            project, balancer.base_url, balancer.certificate, options.seconds
                        )
                    finally:
                        balancer.process.stop()
                    figures[count].append((rate, p95))
                    print(
                        f"round {round_number + 1}, {count} copies: {rate:.0f} req/s, p95 {p95} ms"
                    )
        except (SystemExit, AssertionError):
            for copy in copies:  # what the copies said, before the folder goes
                print(f"--- {copy.log.name}:\n{copy.log_tail()}", file=sys.stderr)
            raise
        finally:
            for copy in copies:
                copy.stop()

    throughput = {n: statistics.median(r for r, _ in figures[n]) for n in figures}
    latency = {n: statistics.median(p for _, p in figures[n]) for n in figures}
    print(f"{options.framework} blog through nginx, medians of {options.rounds} rounds:")
    for n in (1, 2):
        copies_named = "copy" if n == 1 else "copies"
        print(f"  {n} {copies_named}: {throughput[n]:.0f} req/s, p95 {latency[n]:.1f} ms")
    print(
        f"  two copies / one: throughput x{throughput[2] / throughput[1]:.2f},"
        f" p95 x{latency[2] / latency[1]:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
