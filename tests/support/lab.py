"""The generated projects of a test session: each kind x framework generated and installed once.

The generated-project lane (tests/generated/test_projects.py) and the contract suites
(tests/contracts/<kind>) check the same projects: the lane runs the project's own
commands and probes its running servers, the suites talk to the server over HTTP.
Both ask the session's :class:`ProjectLab`, so a combination is generated once,
installed once and served once per database, whichever test asks first.

Servers run while their combination's tests run. ``order_by_combination`` puts
those tests next to each other (the lane's, then the suites', then the fuzzer's),
and :meth:`ProjectLab.release` stops the combination's servers when the next test
belongs to another one, so at most one combination's servers are up at a time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest
from tests.support.balancer import PROXY_ADDRESS, Balancer, start_balancer
from tests.support.matrix import cache_of, language_of, offered_combinations
from tests.support.net import HOST, free_port, wait_for_port_closed
from tests.support.paths import REPO_ROOT
from tests.support.postgres import PostgresServer
from tests.support.project import TIMINGS, GeneratedProject, Step, generate
from tests.support.redis import RedisServer
from tests.support.server import ServerProcess
from tests.support.tools import require_tool

#: Per kind: settings its server needs beyond HOST, PORT, DATABASE_URL and APP_ENV
#: (on the PostgreSQL server, which the kind's contract suite talks to).
KIND_ENV: dict[str, dict[str, str]] = {
    "blog": {},
    "ecommerce": {"PAYMENT_WEBHOOK_SECRET": "contract-webhook-secret", "SHOP_CURRENCY": "EUR"},
    "social": {},
}

#: /metrics is private: every server gets this bearer token (METRICS_TOKEN), and the
#: metrics checks send it. Against --contract-base-url, set CONTRACT_METRICS_TOKEN.
METRICS_TOKEN = os.environ.get("CONTRACT_METRICS_TOKEN", "contract-metrics-token-0123456789")

DATABASES = ("postgresql", "sqlite")

Combination = tuple[str, str]
T = TypeVar("T")

_CONTRACTS_DIR = REPO_ROOT / "tests" / "contracts"


@dataclass
class RunningServer:
    """``make run`` of one generated project on one database."""

    project: GeneratedProject
    database: str
    env: dict[str, str]
    process: ServerProcess

    @property
    def port(self) -> int:
        return self.process.port

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"


class ProjectLab:
    """Every generated project and server of the session, made on first use.

    A step that failed (generation, install, start) fails every later test that
    needs it at once, with the same message, instead of being tried again.
    """

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.tmp_path_factory = tmp_path_factory
        self.projects: dict[Combination, GeneratedProject] = {}
        #: What each `roadmap-scaffold new` printed (the Next steps among it).
        self.generations: dict[Combination, Step] = {}
        self.installs: dict[Combination, Step] = {}
        self.servers: dict[tuple[str, str, str], RunningServer] = {}
        #: Per combination: nginx in front of two copies of its PostgreSQL server.
        self.balancers: dict[tuple[str, str, str], Balancer] = {}
        #: Per combination: what `balancer` started besides the server (stopped on release).
        self.extras: dict[Combination, list[ServerProcess]] = {}
        #: Per combination: the second copy of its PostgreSQL server, for `balancer`.
        self.second_copies: dict[Combination, ServerProcess] = {}
        #: Per combination of a framework that can use Redis: the Redis its servers share.
        self.redis_servers: dict[tuple[str, str, str], RedisServer] = {}
        self.failures: dict[tuple[str, ...], str] = {}
        #: Servers whose port stayed open after they were stopped.
        self.lingering: list[str] = []

    def _once(self, key: tuple[str, ...], make: Callable[[], T], cache: dict[Any, T]) -> T:
        if key in self.failures:
            pytest.fail(self.failures[key], pytrace=False)
        if key not in cache:
            try:
                cache[key] = make()
            except _Failed as error:
                self.failures[key] = str(error)
                pytest.fail(self.failures[key], pytrace=False)
        return cache[key]

    def project(self, kind: str, framework: str) -> GeneratedProject:
        """``roadmap-scaffold new`` for this combination, run once."""
        return self._once((kind, framework), lambda: self._generate(kind, framework), self.projects)

    def generation(self, kind: str, framework: str) -> Step:
        """The ``roadmap-scaffold new`` step that made the combination's project."""
        self.project(kind, framework)
        return self.generations[(kind, framework)]

    def install(self, kind: str, framework: str) -> Step:
        """``make install`` in the combination's project, run once (the step, failed or not)."""
        project = self.project(kind, framework)
        if (kind, framework) not in self.installs:
            self.installs[(kind, framework)] = project.make("install", timeout=1200)
        return self.installs[(kind, framework)]

    def installed(self, kind: str, framework: str) -> GeneratedProject:
        """The project, installed; fails the test when ``make install`` failed."""
        install = self.install(kind, framework)
        if not install.ok:
            pytest.fail(f"cannot go on: make install failed. {install.describe()}", pytrace=False)
        return self.project(kind, framework)

    def server(
        self, kind: str, framework: str, database: str, postgres: PostgresServer | None = None
    ) -> RunningServer:
        """``make run`` of the combination on ``database``, started once and left running.

        PostgreSQL: a fresh database, ``APP_ENV=development`` and the kind's settings
        (``KIND_ENV``), as the contract suites need. SQLite: ``DATABASE_URL`` stays
        unset, so the server uses the default local file a learner gets.
        """
        key = (kind, framework, database)
        return self._once(key, lambda: self._start(key, postgres), self.servers)

    def stop(self, kind: str, framework: str, database: str) -> bool:
        """Stop that server if it runs; True when its port is closed afterwards."""
        server = self.servers.pop((kind, framework, database), None)
        if server is None:
            return True
        server.process.stop()
        # Stopping make's process group must stop the server too, not orphan it.
        closed = wait_for_port_closed(server.port, timeout=10)
        if not closed:
            self.lingering.append(f"{kind}-{framework} on {database}, port {server.port}")
        return closed

    def balancer(self, kind: str, framework: str, postgres: PostgresServer) -> Balancer:
        """nginx, with the project's deploy/nginx configuration, in front of two copies of
        the combination's PostgreSQL server (the lab's and a second ``make run`` on the
        same database), as ``docker compose up --scale app=2`` runs them. Started once."""
        return self._once(
            (kind, framework, "balancer"),
            lambda: self._start_balancer(kind, framework, postgres),
            self.balancers,
        )

    def redis(self, kind: str, framework: str) -> RedisServer:
        """The Redis that the combination's servers share, started once (``cache: redis``)."""
        return self._once((kind, framework, "redis"), self._start_redis, self.redis_servers)

    def release(self, kind: str, framework: str) -> None:
        """Stop the combination's servers: its tests are done."""
        self.balancers.pop((kind, framework, "balancer"), None)
        self.second_copies.pop((kind, framework), None)
        for process in reversed(self.extras.pop((kind, framework), [])):
            process.stop()
        for database in DATABASES:
            self.stop(kind, framework, database)
        redis = self.redis_servers.pop((kind, framework, "redis"), None)
        if redis is not None:
            redis.close()

    def stop_all(self) -> None:
        for kind, framework in list(self.extras) + [key[:2] for key in self.redis_servers]:
            self.release(kind, framework)
        for kind, framework, database in list(self.servers):
            self.stop(kind, framework, database)

    def _start_second_copy(self, first: RunningServer) -> ServerProcess:
        """Another ``make run`` of ``first``'s project on the same database, started now
        and not waited for: it warms up while the combination's other tests run."""
        kind, framework = first.project.kind, first.project.framework
        env = {**first.env, "PORT": str(port := free_port())}
        log = self.tmp_path_factory.mktemp(f"log-{kind}-{framework}-copy") / "server.log"
        second = ServerProcess(first.process.argv, first.project.root, env, port, log)
        # Registered before it starts: release() always stops it.
        self.extras.setdefault((kind, framework), []).append(second)
        self.second_copies[(kind, framework)] = second
        second.start()
        return second

    def _start_balancer(self, kind: str, framework: str, postgres: PostgresServer) -> Balancer:
        first = self.server(kind, framework, "postgresql", postgres)
        second = self.second_copies.get((kind, framework)) or self._start_second_copy(first)
        try:
            seconds = second.wait_healthy("/health", timeout=120)
            TIMINGS.append((f"{kind}-{framework}: a second copy, still to wait for", seconds))
            balancer = start_balancer(first.project.root, (first.port, second.port))
        except AssertionError as error:
            raise _Failed(f"{kind}-{framework}: two copies behind nginx: {error}") from None
        self.extras[(kind, framework)].append(balancer.process)
        return balancer

    def _start_redis(self) -> RedisServer:
        redis = RedisServer()
        try:
            redis.start()
        except RuntimeError as error:
            redis.close()
            raise _Failed(str(error)) from None
        return redis

    def _generate(self, kind: str, framework: str) -> GeneratedProject:
        require_tool("git", "let roadmap-scaffold make the first commit")
        dest = self.tmp_path_factory.mktemp(f"gen-{kind}-{framework}") / f"my-{kind}"
        step, project = generate(kind, framework, language_of(framework), dest, cache_of(framework))
        self.generations[(kind, framework)] = step
        if not step.ok:
            raise _Failed(f"{kind}-{framework}: roadmap-scaffold new failed: {step.describe()}")
        return project

    def _start(self, key: tuple[str, str, str], postgres: PostgresServer | None) -> RunningServer:
        kind, framework, database = key
        project = self.installed(kind, framework)
        make = require_tool("make", "start the generated project with make run")
        env = {"HOST": HOST, "PORT": str(port := free_port()), "METRICS_TOKEN": METRICS_TOKEN}
        if database == "postgresql":
            if postgres is None:
                raise AssertionError("a PostgreSQL server needs the session's `postgres`")
            env["DATABASE_URL"] = postgres.create_database(f"run_{kind}_{framework}")
            env["APP_ENV"] = "development"
            # Behind the lab's nginx (balancer()), the proxy's address; clients that talk
            # to the server directly (127.0.0.1) are not trusted, as before.
            env["TRUSTED_PROXIES"] = PROXY_ADDRESS
            env.update(KIND_ENV.get(kind, {}))
        if cache_of(framework) == "redis":
            env["REDIS_URL"] = self.redis(kind, framework).url(database)
        log = self.tmp_path_factory.mktemp(f"log-{kind}-{framework}-{database}") / "server.log"
        env = {**project.env, **env}
        process = ServerProcess([make, "run"], project.root, env, port, log)
        server = RunningServer(project, database, env, process)
        self.servers[key] = server  # registered before it starts: stop() always finds it
        process.start()
        try:
            seconds = process.wait_healthy("/health", timeout=120)
        except AssertionError as error:
            self.stop(kind, framework, database)
            raise _Failed(
                f"{kind}-{framework}: make run on {database} never became healthy: {error}"
            ) from None
        TIMINGS.append((f"{kind}-{framework}: make run until healthy ({database})", seconds))
        if database == "postgresql":
            # Once the first copy has migrated the database: two `make run` at once would
            # race to migrate it, which is what compose's one-off `migrate` step prevents.
            self._start_second_copy(server)
        return server


class _Failed(Exception):
    pass


# --- test order ------------------------------------------------------------------------

COMBINATION_MARK = "combination"
#: Runs before anything else touches the combination's servers (a suite that
#: counts what it finds in a fresh database).
FIRST_MARK = "first_in_combination"
#: Runs after every other test of the combination (it stops the servers).
LAST_MARK = "last_in_combination"


def combination_param(
    kind: str, framework: str, value: object | None = None, id: str | None = None
) -> Any:
    """A parameter of a test that uses the combination's project, marked with it.

    The value is ``(kind, framework)`` unless given, and the id ``kind-framework``.
    """
    return pytest.param(
        (kind, framework) if value is None else value,
        id=id or f"{kind}-{framework}",
        marks=pytest.mark.combination(kind, framework),
    )


def combination_of(item: pytest.Item | None) -> Combination | None:
    if item is None:
        return None
    mark = item.get_closest_marker(COMBINATION_MARK)
    return (mark.args[0], mark.args[1]) if mark else None


def order_by_combination(items: list[pytest.Item]) -> None:
    """Put each combination's tests together, where the first of them was.

    Within a combination: the tests marked first, then the lane's own tests, then
    the contract suites, then the fuzzer (it deletes what it finds as the shop's
    admin, and its failed logins count toward the per-address limit), then the
    tests marked last. Otherwise pytest's order is kept.
    """
    rank = {combination: index for index, combination in enumerate(offered_combinations())}

    def phase(item: pytest.Item) -> int:
        if item.get_closest_marker(FIRST_MARK):
            return 0
        if item.get_closest_marker(LAST_MARK):
            return 4
        if item.get_closest_marker("fuzz"):
            return 3
        return 2 if item.path.is_relative_to(_CONTRACTS_DIR) else 1

    grouped = [item for item in items if combination_of(item)]
    if not grouped:
        return
    start = items.index(grouped[0])
    rest = [item for item in items if not combination_of(item)]
    grouped.sort(key=lambda item: (rank.get(combination_of(item), len(rank)), phase(item)))
    items[:] = rest[:start] + grouped + rest[start:]
