"""The contract-suite harness: run each kind's black-box HTTP suite against real servers.

A suite lives in ``tests/contracts/<kind>/test_*.py`` (each folder with an
``__init__.py``) and talks to the server only over HTTP, through these fixtures:

``framework``
    Parametrised over every framework that offers the module's kind (the name of
    its folder under tests/contracts/), from the catalog. When none does yet,
    the suite's tests are skipped: "no framework offers <kind> yet".
``contract_server``
    The running server for (kind, framework): generated with
    ``python -m roadmap_scaffold new DIR --kind K --framework F --yes``, installed
    with ``make install`` and started with ``make run`` on 127.0.0.1, a free port
    and a fresh database on the session's throwaway PostgreSQL, with
    ``APP_ENV=development`` and the kind's extra settings from ``KIND_ENV``.
    Started lazily on first use, shared by every test of the session, stopped
    at the end. Attributes: ``base_url`` ("http://127.0.0.1:PORT"), ``api``
    (base_url + "/api"), ``project_dir`` (Path), ``env`` (the server's
    environment) and ``run_make(target, **variables)`` (runs
    ``make target NAME=value...`` in the project against the same database and
    returns the CompletedProcess, stdout and stderr together in ``.stdout``).
``api``
    An ``httpx.Client`` whose base URL is ``contract_server.api``: call
    ``api.get("/articles")``. It keeps no cookies, so a request carries exactly
    the credentials the test gives it.
``contract_kind``
    The module's kind, e.g. "blog".

Against a server that is already running (to see a suite fail on a broken one):
``pytest tests/contracts/blog --contract-base-url http://127.0.0.1:8000 --contract-kind blog``.
Then the other kinds' suites are skipped, and so is every test that needs
``project_dir``, ``env`` or ``run_make``.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path

import httpx
import pytest
from tests.contracts.fuzz import RESULTS
from tests.support.matrix import catalog, language_of
from tests.support.net import HOST, free_port, wait_for_port_closed
from tests.support.postgres import PostgresServer
from tests.support.project import TIMINGS, generate
from tests.support.server import ServerProcess
from tests.support.tools import require_tool

CONTRACTS_DIR = Path(__file__).resolve().parent

#: Per kind: settings its servers need beyond HOST, PORT, DATABASE_URL and APP_ENV.
KIND_ENV: dict[str, dict[str, str]] = {
    "blog": {},
    "ecommerce": {"PAYMENT_WEBHOOK_SECRET": "contract-webhook-secret", "SHOP_CURRENCY": "EUR"},
    "social": {},
}

#: /metrics is private: every server gets this bearer token (METRICS_TOKEN), and the
#: metrics checks send it. Against --contract-base-url, set CONTRACT_METRICS_TOKEN.
METRICS_TOKEN = os.environ.get("CONTRACT_METRICS_TOKEN", "contract-metrics-token-0123456789")
METRICS_AUTH = {"Authorization": f"Bearer {METRICS_TOKEN}"}

#: The ``framework`` value when the suite runs against --contract-base-url.
EXTERNAL = "external"

HTTP_TIMEOUT = 15.0


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "contract suites (tests/contracts)")
    group.addoption(
        "--contract-base-url",
        default=None,
        metavar="URL",
        help="run the contract suite of --contract-kind against this running server "
        "(e.g. http://127.0.0.1:8000, without /api) instead of generating one",
    )
    group.addoption(
        "--contract-kind",
        default=None,
        metavar="KIND",
        help="the kind the server at --contract-base-url serves (blog, ecommerce, social)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "contract: black-box HTTP contract suites (tests/contracts/<kind>)"
    )
    base_url, kind = _external(config)
    if base_url and not kind:
        raise pytest.UsageError("--contract-base-url needs --contract-kind (blog, ecommerce...)")
    if kind and kind not in catalog().kinds:
        raise pytest.UsageError(
            f"--contract-kind {kind!r} is not a kind of the catalog: {', '.join(catalog().kinds)}"
        )


def _external(config: pytest.Config) -> tuple[str | None, str | None]:
    # getoption's default covers a run where this conftest was loaded after parsing.
    base_url = config.getoption("contract_base_url", None)
    return (base_url.rstrip("/") if base_url else None), config.getoption("contract_kind", None)


def kind_of(path: Path) -> str:
    """The kind a contract test belongs to: its folder right under tests/contracts/."""
    parts = path.resolve().relative_to(CONTRACTS_DIR).parts
    kind = parts[0] if len(parts) > 1 else ""
    if kind not in catalog().kinds:
        raise pytest.UsageError(
            f"{path}: contract suites live in tests/contracts/<kind>/, and {kind!r} "
            f"is not a kind of the catalog ({', '.join(catalog().kinds)})"
        )
    return kind


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "framework" not in metafunc.fixturenames:
        return
    kind = kind_of(metafunc.definition.path)
    base_url, external_kind = _external(metafunc.config)
    values: list[object]
    if base_url:
        marks = []
        if external_kind != kind:
            reason = f"--contract-base-url serves {external_kind}, not {kind}"
            marks.append(pytest.mark.skip(reason=reason))
        values = [pytest.param(EXTERNAL, marks=marks)]
    else:
        frameworks = [framework.key for framework in catalog().offered_frameworks(kind)]
        skip = pytest.mark.skip(reason=f"no framework offers {kind} yet")
        values = list(frameworks) or [pytest.param("none", marks=skip)]
    # Session scope: pytest groups the tests by framework, so servers start one by one.
    metafunc.parametrize("framework", values, scope="session")


@pytest.hookimpl(trylast=True)  # after pytest has grouped the tests by framework
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.resolve().is_relative_to(CONTRACTS_DIR):
            item.add_marker(pytest.mark.contract)
    # The fuzzer (test_fuzz.py) runs after every other test: its failed logins count
    # toward the per-address limit, and as the shop's admin it deletes what it finds,
    # which must not change what the suites' own tests see. The servers live until
    # the end of the session either way.
    fuzz = [item for item in items if item.get_closest_marker("fuzz")]
    if fuzz:
        items[:] = [item for item in items if not item.get_closest_marker("fuzz")] + fuzz


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if RESULTS:
        terminalreporter.section("fuzz lane (Schemathesis)")
        for label, result in RESULTS:
            terminalreporter.write_line(f"{label}: {result.describe()}")


# --- the servers ------------------------------------------------------------------


@dataclass
class ContractServer:
    """A server a contract suite talks to, and (when we started it) its project."""

    kind: str
    framework: str
    base_url: str
    _project_dir: Path | None = None
    _env: dict[str, str] | None = None
    process: ServerProcess | None = field(default=None, repr=False)

    @property
    def api(self) -> str:
        return f"{self.base_url}/api"

    @property
    def project_dir(self) -> Path:
        return self._local()[0]

    @property
    def env(self) -> dict[str, str]:
        return dict(self._local()[1])

    def run_make(
        self, target: str, timeout: float = 300, **variables: object
    ) -> subprocess.CompletedProcess[str]:
        """``make target NAME=value...`` in the project, with the server's environment."""
        project_dir, env = self._local()
        make = require_tool("make", f"run `make {target}` in the generated project")
        return subprocess.run(
            [make, target, *(f"{name}={value}" for name, value in variables.items())],
            cwd=project_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )

    def log_tail(self, lines: int = 40) -> str:
        return self.process.log_tail(lines) if self.process else "(not started by the tests)"

    def _local(self) -> tuple[Path, dict[str, str]]:
        if self._project_dir is None or self._env is None:
            pytest.skip(
                "needs the generated project (project_dir, env, run_make), and this run "
                f"uses --contract-base-url {self.base_url}"
            )
        return self._project_dir, self._env


class ContractServers:
    """Every contract server of the session, started on first use and stopped at the end."""

    def __init__(
        self,
        tmp_path_factory: pytest.TempPathFactory,
        postgres: PostgresServer | None,
        external: tuple[str | None, str | None],
    ) -> None:
        self.tmp_path_factory = tmp_path_factory
        self.postgres = postgres
        self.external = external
        self.servers: dict[tuple[str, str], ContractServer] = {}
        # A server that failed to start fails every test that needs it at once.
        self.failures: dict[tuple[str, str], str] = {}

    def get(self, kind: str, framework: str) -> ContractServer:
        key = (kind, framework)
        if key in self.failures:
            pytest.fail(self.failures[key], pytrace=False)
        if key not in self.servers:
            base_url, _ = self.external
            if base_url:
                self.servers[key] = ContractServer(kind, framework, base_url)
            else:
                try:
                    self.servers[key] = self._start(kind, framework)
                except _StartFailed as error:
                    self.failures[key] = f"{kind}-{framework} contract server: {error}"
                    pytest.fail(self.failures[key], pytrace=False)
        return self.servers[key]

    def _start(self, kind: str, framework: str) -> ContractServer:
        assert self.postgres is not None
        require_tool("git", "let roadmap-scaffold make the first commit")
        make = require_tool("make", "install and start the generated project")
        workdir = self.tmp_path_factory.mktemp(f"contract-{kind}-{framework}")
        step, project = generate(kind, framework, language_of(framework), workdir / f"my-{kind}")
        if not step.ok:
            raise _StartFailed(f"roadmap-scaffold new failed: {step.describe()}")
        install = project.make("install", timeout=1200)
        if not install.ok:
            raise _StartFailed(f"make install failed: {install.describe()}")
        port = free_port()
        env = {
            **project.env,
            "HOST": HOST,
            "PORT": str(port),
            "DATABASE_URL": self.postgres.create_database(f"contract_{kind}_{framework}"),
            "APP_ENV": "development",
            "METRICS_TOKEN": METRICS_TOKEN,
            **KIND_ENV.get(kind, {}),
        }
        process = ServerProcess([make, "run"], project.root, env, port, workdir / "server.log")
        server = ContractServer(
            kind, framework, f"http://{HOST}:{port}", project.root, env, process
        )
        self.servers[(kind, framework)] = server  # registered first: stop_all stops it
        process.start()
        try:
            seconds = process.wait_healthy("/health", timeout=120)
        except AssertionError as error:
            raise _StartFailed(f"make run never became healthy: {error}") from None
        TIMINGS.append((f"{kind}-{framework}: contract server until healthy", seconds))
        return server

    def stop_all(self) -> list[str]:
        """Stop every server we started; return those whose port stayed open."""
        lingering = []
        for server in self.servers.values():
            if server.process is None:
                continue
            server.process.stop()
            if not wait_for_port_closed(server.process.port, timeout=10):
                lingering.append(f"{server.kind}-{server.framework} on {server.base_url}")
        return lingering


class _StartFailed(Exception):
    pass


@pytest.fixture(scope="session")
def _contract_servers(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ContractServers]:
    external = _external(request.config)
    # Requested here, not later, so that PostgreSQL outlives every server using it.
    postgres = None if external[0] else request.getfixturevalue("postgres")
    servers = ContractServers(tmp_path_factory, postgres, external)
    yield servers
    lingering = servers.stop_all()
    assert not lingering, f"contract servers still listening after stop: {lingering}"


@pytest.fixture(scope="module")
def contract_kind(request: pytest.FixtureRequest) -> str:
    return kind_of(request.path)


@pytest.fixture(scope="module")
def contract_server(
    _contract_servers: ContractServers, contract_kind: str, framework: str
) -> ContractServer:
    return _contract_servers.get(contract_kind, framework)


@pytest.fixture
def api(contract_server: ContractServer) -> Iterator[httpx.Client]:
    # A cookie policy that accepts no domain: nothing is stored between requests.
    no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    with httpx.Client(
        base_url=contract_server.api, timeout=HTTP_TIMEOUT, cookies=no_cookies
    ) as client:
        yield client
