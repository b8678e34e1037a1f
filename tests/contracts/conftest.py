"""The contract-suite harness: run each kind's black-box HTTP suite against real servers.

A suite lives in ``tests/contracts/<kind>/test_*.py`` (each folder with an
``__init__.py``) and talks to the server only over HTTP, through these fixtures:

``framework``
    Parametrised over every framework that offers the module's kind (the name of
    its folder under tests/contracts/), from the catalog. When none does yet,
    the suite's tests are skipped: "no framework offers <kind> yet".
``contract_server``
    The running server for (kind, framework): the PostgreSQL server of the
    generated-project lane (tests/support/lab.py), the same project and process,
    so each combination is generated and installed once per session. It runs
    ``make run`` on 127.0.0.1, a free port and a fresh database on the session's
    throwaway PostgreSQL, with ``APP_ENV=development`` and the kind's extra
    settings from ``KIND_ENV``. Started on first use, stopped once the
    combination's tests are done (lane, suite, fuzzer: they run together).
    The suites reach it through the project's own nginx configuration, over
    HTTPS, with a second copy of the app on the same database behind it
    (``ProjectLab.balancer``), as ``docker compose up --scale app=2`` runs it.
    Attributes: ``base_url`` ("https://127.0.0.1:PORT", nginx), ``api``
    (base_url + "/api"), ``verify`` (the SSL context that trusts the project's
    certificate), ``client(base_url=api, **options)`` (a new httpx client with it),
    ``app_url`` (the first copy itself, for the fuzzer), ``project_dir`` (Path),
    ``env`` (the server's environment) and ``run_make(target, **variables)`` (runs
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

import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.contracts.fuzz import RESULTS
from tests.support.lab import METRICS_TOKEN, ProjectLab, RunningServer, combination_param
from tests.support.matrix import catalog
from tests.support.postgres import PostgresServer
from tests.support.tools import require_tool, run_captured

CONTRACTS_DIR = Path(__file__).resolve().parent

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
        values = [combination_param(kind, key, value=key, id=key) for key in frameworks]
        values = values or [pytest.param("none", marks=skip)]
    # Each value carries its combination's mark: tests/support/lab.py runs the suite
    # right after the generated-project lane of the same kind x framework.
    metafunc.parametrize("framework", values, scope="session")


@pytest.hookimpl(trylast=True)  # after pytest has grouped the tests by framework
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.resolve().is_relative_to(CONTRACTS_DIR):
            item.add_marker(pytest.mark.contract)
    # Against --contract-base-url, the fuzzer (test_fuzz.py) runs after every other
    # test (tests/support/lab.py orders the generated servers' tests itself): its
    # failed logins count toward the per-address limit, and as the shop's admin it
    # deletes what it finds, which must not change what the suites' own tests see.
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
    running: RunningServer | None = field(default=None, repr=False)
    #: How clients check the server's certificate: the project's own for the lab's
    #: nginx, the system's authorities (True) for --contract-base-url.
    verify: ssl.SSLContext | bool = field(default=True, repr=False)

    @property
    def api(self) -> str:
        return f"{self.base_url}/api"

    @property
    def app_url(self) -> str:
        """The first copy of the app itself, not nginx in front of it (the fuzzer's target:
        it checks the app's answers against the app's document, and nginx answers some
        malformed requests itself, with its own HTML page)."""
        return self.running.base_url if self.running else self.base_url

    def client(self, base_url: str | None = None, **options: Any) -> httpx.Client:
        """A new client of its own (its own connections) for ``base_url``, the API by default."""
        return httpx.Client(base_url=base_url or self.api, verify=self.verify, **options)

    @property
    def project_dir(self) -> Path:
        return self._local().project.root

    @property
    def env(self) -> dict[str, str]:
        return dict(self._local().env)

    def run_make(
        self, target: str, timeout: float = 300, **variables: object
    ) -> subprocess.CompletedProcess[str]:
        """``make target NAME=value...`` in the project, with the server's environment."""
        running = self._local()
        make = require_tool("make", f"run `make {target}` in the generated project")
        return run_captured(
            [make, target, *(f"{name}={value}" for name, value in variables.items())],
            running.project.root,
            env=running.env,
            timeout=timeout,
        )

    def log_tail(self, lines: int = 40) -> str:
        if self.running is None:
            return "(not started by the tests)"
        return self.running.process.log_tail(lines)

    def _local(self) -> RunningServer:
        if self.running is None:
            pytest.skip(
                "needs the generated project (project_dir, env, run_make), and this run "
                f"uses --contract-base-url {self.base_url}"
            )
        return self.running


@pytest.fixture(scope="module")
def contract_server(
    request: pytest.FixtureRequest, contract_kind: str, framework: str
) -> ContractServer:
    base_url, _ = _external(request.config)
    if base_url:
        return ContractServer(contract_kind, framework, base_url)
    lab: ProjectLab = request.getfixturevalue("lab")
    postgres: PostgresServer = request.getfixturevalue("postgres")
    running = lab.server(contract_kind, framework, "postgresql", postgres)
    # Through nginx, over HTTPS, in front of two copies of the app on the same database,
    # as compose runs them: the suite holds for the app scaled out, not just one process.
    balancer = lab.balancer(contract_kind, framework, postgres)
    return ContractServer(
        contract_kind, framework, balancer.base_url, running, balancer.ssl_context()
    )


@pytest.fixture(scope="module")
def contract_kind(request: pytest.FixtureRequest) -> str:
    return kind_of(request.path)


@pytest.fixture
def api(contract_server: ContractServer) -> Iterator[httpx.Client]:
    # A cookie policy that accepts no domain: nothing is stored between requests.
    no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    with contract_server.client(timeout=HTTP_TIMEOUT, cookies=no_cookies) as client:
        yield client
