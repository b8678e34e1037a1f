"""Measure a generated blog's anonymous article list without and with its Redis cache.

Issue #18's measure: the article list's throughput (`GET /api/articles`, anonymous, RealWorld's
default page of 20) served by two copies of one blog generated with `cache: redis`, side by
side on the same seeded SQLite database: one with `REDIS_URL` empty (no cache: every request
reads the database) and one with `REDIS_URL` pointing at a Redis started here. The goal is at
least twice the throughput with the cache.

What it does:

1. generates a blog with `--cache redis` (`--framework`, default go; or takes `--project DIR`),
   `make install`;
2. starts redis-server on a free port (no disk), then `make run` twice on free ports and one
   SQLite file: the first without Redis (it migrates), then the second with it;
3. seeds the database through the first copy as bench/article_list.py does (50 users, 500
   articles, follows, favourites);
4. runs bench/article_list.py's small Go load generator (keep-alive connections, every answer
   must be a 200) against each copy in turn, for `--rounds` rounds, so that machine noise hits
   both alike; the first round warms up (and fills the cache) and is not counted;
5. prints each copy's median rate and their ratio. It asserts nothing.

    python bench/cache.py [--framework go|express|fastapi|...] [--project DIR] [--rounds N]
        [--seconds S] [--workers N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "src")]

from article_list import build_loadgen, generate, go_env, run, seed  # noqa: E402
from tests.support.net import free_port  # noqa: E402
from tests.support.redis import RedisServer  # noqa: E402
from tests.support.server import ServerProcess  # noqa: E402

GOAL = 2.0


def serve(project: Path, database: Path, redis_url: str, log: Path) -> ServerProcess:
    """`make run` of the project on a free port; started, and healthy before it returns."""
    port = free_port()
    env = go_env() | {
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "DATABASE_URL": f"sqlite:///{database}",
        "REDIS_URL": redis_url,
        "LOG_LEVEL": "warn",
    }
    server = ServerProcess(["make", "run"], project, env, port, log)
    server.start()
    try:
        server.wait_healthy("/health", timeout=180)
    except AssertionError as error:
        server.stop()
        sys.exit(f"make run (REDIS_URL={redis_url!r}) never became healthy: {error}")
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--framework", default="go", help="the blog's framework (one that can use Redis)")
    add("--project", type=Path, help="a blog generated with --cache redis")
    add("--rounds", type=int, default=5, help="counted rounds (default 5)")
    add("--seconds", type=float, default=3.0, help="seconds per copy per round (default 3)")
    add("--workers", type=int, default=8, help="concurrent keep-alive connections (default 8)")
    args = parser.parse_args()
    for tool in ("go", "make", "redis-server"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not on PATH")

    with tempfile.TemporaryDirectory(prefix="cache-bench-") as tmp:
        work = Path(tmp)
        env = go_env()
        project = (
            args.project.resolve() if args.project else generate(work, args.framework, "redis")
        )
        run(["make", "install"], project, env)
        loadgen = build_loadgen(work, env)

        redis = RedisServer()
        redis.start()
        servers: list[ServerProcess] = []
        try:
            database = work / "bench.db"
            servers.append(serve(project, database, "", work / "without.log"))
            servers.append(serve(project, database, redis.url("postgresql"), work / "with.log"))
            without, with_redis = (f"http://127.0.0.1:{server.port}" for server in servers)
            seed(without + "/api")
            copies = {"without Redis": without, "with Redis": with_redis}
            rates: dict[str, list[float]] = {name: [] for name in copies}
            for _ in range(args.rounds + 1):
                for name, origin in copies.items():
                    argv = [
                        str(loadgen / "loadgen"),
                        "-url",
                        origin + "/api/articles",
                        "-token",
                        "",
                    ]
                    argv += ["-workers", str(args.workers), "-seconds", str(args.seconds)]
                    rates[name].append(float(run(argv, work, env)))
            cached = redis.keys("postgresql", "cache:*")
        except (SystemExit, AssertionError):
            for server in servers:  # what the servers said, before the folder goes
                print(f"--- {server.log.name}:\n{server.log_tail()}", file=sys.stderr)
            raise
        finally:
            for server in servers:
                server.stop()
            redis.close()

    medians = {name: statistics.median(values[1:]) for name, values in rates.items()}
    for name, rate in medians.items():
        print(f"{name:14} {rate:9,.0f} req/s (median of {args.rounds})")
    print(f"Redis keys under cache:* after the runs: {len(cached)}")
    ratio = medians["with Redis"] / medians["without Redis"]
    print(f"with / without = {ratio:.2f} (goal at least {GOAL})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
