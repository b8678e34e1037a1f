"""Measure a generated blog's article list against its tag list, in one run (Go, or
FastAPI, Flask or Spring Boot with --framework fastapi, flask or spring).

The tag list (`GET /api/tags`) is the cheapest read the API has: one small query.
The article list (`GET /api/articles`, RealWorld's default page of 20) joins
authors, tags, favourite counts and the reader's flags. Their rates divided give a
number that does not depend on how fast this machine is or how loaded: the goal is
an article list at least half as fast as the tag list (ratio >= 0.5).

What it does:

1. generates a blog with `roadmap-scaffold new --framework go` (or fastapi, flask, spring)
   from this checkout (or takes `--project DIR`, an already generated one, to measure
   your changes), builds `bin/api` (Go) or installs it (`make install`, the others),
   migrates a fresh database and serves on a free port of 127.0.0.1, the way `make run`
   does (FastAPI: uvicorn; Flask: gunicorn with the project's gunicorn.conf.py; Spring
   Boot: the jar);
2. seeds it through the API, as clients would: 50 users who follow 10 others each,
   500 articles with 3 tags each from 30, and 20 favourites per user;
3. builds a small Go load generator (standard library only: keep-alive
   connections, N concurrent workers, every answer must be a 200) and runs it
   against the tag list, the anonymous article list and a signed-in article list,
   alternately for `--rounds` rounds, so that machine noise hits all three alike;
4. prints each endpoint's median rate and the two ratios. It measures; it asserts
   nothing.

A benchmark is not a timed test: a 2-core machine shared with other work gives
rates that vary by half from one minute to the next, which only a ratio survives.

    python bench/article_list.py [--framework go|fastapi|flask|spring] [--project DIR] [--rounds N]
        [--seconds S] [--workers N] [--database-url postgresql://...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOAL = 0.5
USERS, FOLLOWS_EACH, ARTICLES_EACH, TAGS, TAGS_EACH, FAVOURITES_EACH = 50, 10, 10, 30, 3, 20

# The load generator: each worker keeps one connection alive and sends the same
# GET until the time is up; the answers per second of all workers are printed.
LOADGEN = r"""package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	url := flag.String("url", "", "the URL to GET")
	token := flag.String("token", "", "the Authorization token, if any")
	workers := flag.Int("workers", 8, "concurrent connections")
	seconds := flag.Float64("seconds", 3, "how long to send")
	flag.Parse()
	transport := &http.Transport{MaxIdleConnsPerHost: *workers, DisableCompression: true}
	client := &http.Client{Transport: transport}
	var done, failed atomic.Int64
	deadline := time.Now().Add(time.Duration(*seconds * float64(time.Second)))
	start := time.Now()
	var wg sync.WaitGroup
	for range *workers {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				req, _ := http.NewRequest(http.MethodGet, *url, nil)
				if *token != "" {
					req.Header.Set("Authorization", "Token "+*token)
				}
				resp, err := client.Do(req)
				if err != nil {
					failed.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failed.Add(1)
					continue
				}
				done.Add(1)
			}
		})
	}
	wg.Wait()
	if failed.Load() > 0 {
		fmt.Fprintf(os.Stderr, "%d requests to %s did not answer 200\n", failed.Load(), *url)
		os.Exit(1)
	}
	fmt.Printf("%.1f\n", float64(done.Load())/time.Since(start).Seconds())
}
"""


def go_env() -> dict[str, str]:
    """The environment for go: the go on PATH, never a downloaded toolchain."""
    return {**os.environ, "GOTOOLCHAIN": "local", "GOFLAGS": "-modcacherw", "GOWORK": "off"}


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run a command; its output on success, one line and exit on failure."""
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def generate(work: Path, framework: str, cache: str = "none") -> Path:
    """A blog generated from this checkout's template."""
    dest = work / "blog"
    cli = [sys.executable, "-m", "roadmap_scaffold", "new", str(dest)]
    answers = ["--kind", "blog", "--framework", framework, "--database", "sqlite", "--yes"]
    run([*cli, *answers, "--cache", cache], work, dict(os.environ))
    return dest


# How each framework's blog is built, migrated and served (from the project's folder).
SERVERS = {
    "go": (["make", "build"], ["bin/api", "migrate"], ["bin/api", "serve"]),
    "fastapi": (
        ["make", "install"],
        [".venv/bin/alembic", "upgrade", "head"],
        [
            "sh",
            "-c",
            'exec .venv/bin/uvicorn app.main:app --host "$HOST" --port "$PORT"'
            " --no-server-header --no-proxy-headers --no-access-log",
        ],
    ),
    "flask": (
        ["make", "install"],
        [".venv/bin/flask", "--app", "app", "db", "upgrade"],
        [".venv/bin/gunicorn", "--config", "gunicorn.conf.py", "app:create_app()"],
    ),
    # The jar's own commands, with the Java 21+ the project's Makefile would pick.
    "spring": (
        ["make", "install"],
        ["sh", "-c", 'exec "$(sh scripts/java-home.sh)/bin/java" -jar target/app.jar migrate'],
        ["sh", "-c", 'exec "$(sh scripts/java-home.sh)/bin/java" -jar target/app.jar'],
    ),
}


def build_loadgen(work: Path, env: dict[str, str]) -> Path:
    """LOADGEN, built in ``work``; the program's folder (the program is ``loadgen`` in it)."""
    loadgen = work / "loadgen"
    loadgen.mkdir()
    (loadgen / "main.go").write_text(LOADGEN)
    run(["go", "mod", "init", "loadgen"], loadgen, env)
    run(["go", "build", "-o", "loadgen", "."], loadgen, env)
    return loadgen


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def call(base: str, method: str, path: str, body: Any = None, token: str = "") -> Any:
    """One JSON request; the decoded answer.

    A 503 with Retry-After (SQLite's write lock stayed taken past the server's busy timeout,
    nothing was written) is sent again after the wait it names, as a client would.
    """
    data = json.dumps(body).encode() if body else None
    tries = 0
    while True:
        tries += 1
        request = urllib.request.Request(base + path, method=method, data=data)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Token " + token)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            wait = error.headers.get("Retry-After", "")
            if error.code == 503 and wait.isdigit() and tries < 5:
                time.sleep(int(wait))
                continue
            sys.exit(f"{method} {path} answered {error.code}: {error.read()[:300]!r}")


def seed(base: str) -> str:
    """Users, follows, tagged articles and favourites; one reader's token."""
    with ThreadPoolExecutor(8) as pool:

        def register(i: int) -> Any:
            user = {
                "username": f"user{i}",
                "email": f"user{i}@example.com",
                "password": "password123",
            }
            return call(base, "POST", "/users", {"user": user})["user"]

        users = list(pool.map(register, range(USERS)))

        def follows(i: int) -> None:
            for k in range(1, FOLLOWS_EACH + 1):
                other = users[(i + k) % USERS]["username"]
                call(base, "POST", f"/profiles/{other}/follow", token=users[i]["token"])

        def write(i: int) -> list[str]:
            slugs = []
            for n in range(ARTICLES_EACH):
                number = i * ARTICLES_EACH + n
                tags = [f"tag{(number + k * 7) % TAGS}" for k in range(TAGS_EACH)]
                article = {
                    "title": f"Article {number} by {users[i]['username']}",
                    "description": f"What article {number} is about, in one line.",
                    "body": f"The body of article {number}. " * 40,
                    "tagList": tags,
                }
                written = call(base, "POST", "/articles", {"article": article}, users[i]["token"])
                slugs.append(written["article"]["slug"])
            return slugs

        list(pool.map(follows, range(USERS)))
        slugs = [slug for written in pool.map(write, range(USERS)) for slug in written]

        def favourite(i: int) -> None:
            for k in range(FAVOURITES_EACH):
                slug = slugs[(i * 37 + k * 11) % len(slugs)]
                call(base, "POST", f"/articles/{slug}/favorite", token=users[i]["token"])

        list(pool.map(favourite, range(USERS)))
    return str(users[0]["token"])


def wait_healthy(origin: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(1200):  # a JVM may take a minute on a loaded machine
        if server.poll() is not None:
            sys.exit("the server stopped before it answered /health")
        try:
            with urllib.request.urlopen(origin + "/health", timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    sys.exit("the server did not answer /health within 60 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--framework", choices=sorted(SERVERS), default="go", help="the blog's framework")
    add(
        "--project",
        type=Path,
        help="a generated blog (default: one generated from this checkout)",
    )
    add("--rounds", type=int, default=7, help="rounds of the three endpoints (default 7)")
    add("--seconds", type=float, default=3.0, help="seconds per endpoint per round (default 3)")
    add("--workers", type=int, default=8, help="concurrent keep-alive connections (default 8)")
    add("--database-url", help="an empty PostgreSQL database (default: a fresh SQLite file)")
    args = parser.parse_args()
    for tool in ("go", "make"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not on PATH")

    with tempfile.TemporaryDirectory(prefix="article-list-") as tmp:
        work = Path(tmp)
        env = go_env()
        project = args.project.resolve() if args.project else generate(work, args.framework)
        build, migrate, serve = SERVERS[args.framework]
        run(build, project, env)
        loadgen = build_loadgen(work, env)

        port = free_port()
        server_env = env | {
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "DATABASE_URL": args.database_url or f"sqlite:///{work / 'bench.db'}",
            "LOG_LEVEL": "warn",
        }
        run(migrate, project, server_env)
        server = subprocess.Popen(
            serve,
            cwd=project,
            env=server_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            origin = f"http://127.0.0.1:{port}"
            wait_healthy(origin, server)
            started = time.monotonic()
            token = seed(origin + "/api")
            seconds = time.monotonic() - started
            print(f"seeded {USERS} users, {USERS * ARTICLES_EACH} articles in {seconds:.1f} s")
            endpoints = {
                "tags": ("/api/tags", ""),
                "articles (anonymous)": ("/api/articles", ""),
                "articles (signed in)": ("/api/articles", token),
            }
            rates: dict[str, list[float]] = {name: [] for name in endpoints}
            for _ in range(args.rounds + 1):  # the first round warms up, uncounted
                for name, (path, auth) in endpoints.items():
                    argv = [str(loadgen / "loadgen"), "-url", origin + path, "-token", auth]
                    argv += ["-workers", str(args.workers), "-seconds", str(args.seconds)]
                    rates[name].append(float(run(argv, work, env)))
        finally:
            server.terminate()
            server.wait(timeout=10)

    medians = {name: statistics.median(values[1:]) for name, values in rates.items()}
    for name, rate in medians.items():
        print(f"{name:22} {rate:9,.0f} req/s (median of {args.rounds})")
    for name in ("articles (anonymous)", "articles (signed in)"):
        ratio = medians[name] / medians["tags"]
        print(f"{name} / tags = {ratio:.2f} (goal at least {GOAL})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
