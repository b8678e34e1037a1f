"""Generated-project runs: what a learner does right after `roadmap-scaffold new`.

For every offered kind x framework: generate with the tool, `make install`,
`make lint`, `make test` on SQLite and on PostgreSQL, then `make run` on each
database and check the running server from outside: health, metrics, security
headers, no version leak, and (on a fresh PostgreSQL database) the kind's
outside suite when it has one (RealWorld's), and `make loadtest` for a few seconds
against the SQLite server. Slow; every CI run.

One generated project per combination and one server per database, shared
with the kind's contract suite (tests/support/lab.py): each check is its own
test and a failure says which one broke.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from tests.generated.contracts import (
    CACHED_READS,
    CONTRACT_SUITES,
    PROBES,
    Probe,
    missing_security_headers,
    wrong_security_header_values,
)
from tests.support.lab import (
    DATABASES,
    METRICS_TOKEN,
    ProjectLab,
    RunningServer,
    combination_param,
)
from tests.support.matrix import cache_of, first_kind_of_each_framework, offered_combinations
from tests.support.net import free_port, request
from tests.support.output import SUMMARY_PARSERS, tail
from tests.support.postgres import PostgresServer
from tests.support.project import TIMINGS, GeneratedProject, Step

pytestmark = pytest.mark.generated

COMBOS = [combination_param(kind, framework) for kind, framework in offered_combinations()]


# --- fixtures: one project per combination, installed once ------------------------


@pytest.fixture(scope="module", params=COMBOS)
def project(request: pytest.FixtureRequest, lab: ProjectLab) -> GeneratedProject:
    kind, framework = request.param
    return lab.project(kind, framework)


@pytest.fixture(scope="module")
def install(project: GeneratedProject, lab: ProjectLab) -> Step:
    """`make install`, run once per project; tests that need it check it first."""
    return lab.install(project.kind, project.framework)


@pytest.fixture(scope="module")
def installed(project: GeneratedProject, lab: ProjectLab) -> GeneratedProject:
    return lab.installed(project.kind, project.framework)


def assert_tests_ran_and_passed(project: GeneratedProject, step: Step) -> None:
    parse = SUMMARY_PARSERS.get(project.language)
    assert parse, f"no test-summary parser for {project.language} (tests/support/output.py)"
    counts = parse(step.output)
    if counts is None:
        pytest.fail(f"no test-runner summary line in the output. {step.describe()}", pytrace=False)
    if counts.passed == 0 and counts.failed == 0 and counts.errors == 0:
        pytest.fail(f"no tests ran ({counts.line!r}). {step.describe()}", pytrace=False)
    if not step.ok or counts.failed or counts.errors:
        pytest.fail(f"tests failed ({counts.line!r}). {step.describe()}", pytrace=False)
    assert counts.passed > 0, f"no test passed, so nothing was tested: {counts.line}"


# --- the project's own commands -------------------------------------------------------


def test_project_is_a_git_repository_with_one_commit(project: GeneratedProject) -> None:
    step = project.run(["git", "rev-list", "--count", "HEAD"], "git rev-list")
    assert step.ok, f"not a git repository with a commit: {step.output}"
    assert step.output.strip() == "1", f"expected 1 initial commit, found {step.output.strip()}"
    status = project.run(["git", "status", "--porcelain"], "git status")
    assert status.output.strip() == "", f"files left out of the first commit:\n{status.output}"


def require_ok(step: Step) -> None:
    """Fail with the command, its exit status and its last output unless it succeeded."""
    if not step.ok:
        pytest.fail(step.describe(), pytrace=False)


def test_make_install_succeeds(install: Step) -> None:
    require_ok(install)


def test_make_install_leaves_the_git_tree_clean(installed: GeneratedProject) -> None:
    status = installed.run(["git", "status", "--porcelain"], "git status")
    assert status.output.strip() == "", (
        f"make install created files that .gitignore does not cover:\n{status.output}"
    )


def test_make_lint_passes(installed: GeneratedProject) -> None:
    require_ok(installed.make("lint"))


def test_make_test_passes_on_sqlite(installed: GeneratedProject) -> None:
    step = installed.make("test", "make test (SQLite)")
    assert_tests_ran_and_passed(installed, step)


def test_make_test_passes_on_postgresql(
    installed: GeneratedProject, postgres: PostgresServer, lab: ProjectLab
) -> None:
    """As the project's own CI runs them: on PostgreSQL, and with Redis where it has it."""
    env = {"DATABASE_URL": postgres.create_database(f"test_{installed.kind}_{installed.framework}")}
    if cache_of(installed.framework) == "redis":
        env["REDIS_URL"] = lab.redis(installed.kind, installed.framework).url("tests")
    step = installed.make("test", "make test (PostgreSQL)", env)
    assert_tests_ran_and_passed(installed, step)


# Lines that make and npm print around a command's own output (npm warns of the
# harness's cache settings).
_WRAPPER_LINE = re.compile(r"^(make(\[\d+\])?: |> |npm warn )")


def _own_lines(output: str) -> list[str]:
    """The command's own non-empty lines, without make's and npm's."""
    lines = [line for line in output.splitlines() if line.strip()]
    return [line for line in lines if not _WRAPPER_LINE.match(line)]


def _once_per_framework() -> list[object]:
    """One combination per framework (its first kind): for what no kind's code does."""
    return [
        combination_param(kind, framework) for kind, framework in first_kind_of_each_framework()
    ]


@pytest.mark.parametrize("project", _once_per_framework(), indirect=True)
@pytest.mark.parametrize("target", ["migrate", "run", "test"])
def test_no_postgresql_server_is_one_line_naming_it(
    installed: GeneratedProject, target: str
) -> None:
    """A learner who forgot `docker compose up -d db` reads one line, not a traceback."""
    port = free_port()  # nothing listens there
    url = f"postgresql://app:app@127.0.0.1:{port}/app"
    step = installed.run(
        ["make", "-s", target], f"make {target} (no server)", {"DATABASE_URL": url}, timeout=120
    )
    assert not step.ok, f"make {target} succeeded with no database server: {step.describe()}"
    own = _own_lines(step.output)
    expected = f"cannot reach PostgreSQL at 127.0.0.1:{port}: start it with `docker compose"
    assert len(own) == 1 and own[0].startswith(expected), (
        f"make {target} with no server should print one line starting {expected!r}, "
        f"printed {len(own)}:\n{tail(step.output)}"
    )


@pytest.mark.parametrize("project", _once_per_framework(), indirect=True)
@pytest.mark.parametrize("target", ["migrate", "test"])
def test_a_postgresql_server_that_refuses_is_one_line_saying_why(
    installed: GeneratedProject, postgres: PostgresServer, target: str
) -> None:
    """A wrong database name (or user, or password) reads as the server's reason, in one line."""
    url = f"{postgres.url}no_such_database"
    step = installed.run(
        ["make", "-s", target], f"make {target} (refused)", {"DATABASE_URL": url}, timeout=120
    )
    assert not step.ok, f"make {target} succeeded on a missing database: {step.describe()}"
    own = _own_lines(step.output)
    expected = (
        f"PostgreSQL at 127.0.0.1:{postgres.port} refused the connection: "
        'database "no_such_database" does not exist; check the user'
    )
    assert len(own) == 1 and own[0].startswith(expected), (
        f"make {target} on a missing database should print one line starting {expected!r}, "
        f"printed {len(own)}:\n{tail(step.output)}"
    )


# --- the running server ------------------------------------------------------------------


@pytest.fixture(scope="module", params=DATABASES)
def server(
    request: pytest.FixtureRequest, installed: GeneratedProject, lab: ProjectLab
) -> RunningServer:
    """`make run` on 127.0.0.1 and a free port, left running for the combination's tests.

    PostgreSQL gets a fresh database (the contract suites use this server too);
    SQLite runs with the project's default DATABASE_URL (a local file), exactly as
    after `make install && make run`. test_stopping_make_run_closes_its_port stops it.
    """
    database: str = request.param
    postgres = request.getfixturevalue("postgres") if database == "postgresql" else None
    return lab.server(installed.kind, installed.framework, database, postgres)


@pytest.mark.last_in_combination
def test_stopping_make_run_closes_its_port(
    server: RunningServer, installed: GeneratedProject, lab: ProjectLab
) -> None:
    """Stopping make's process group must stop the server too, not orphan it."""
    closed = lab.stop(installed.kind, installed.framework, server.database)
    assert closed, f"make run on {server.database}: port {server.port} still open after stopping"


def _probes(kind: str) -> dict[str, Probe]:
    probes = PROBES.get(kind)
    if not probes:
        pytest.fail(f"no HTTP probes for kind {kind!r} in tests/generated/contracts.py")
    return probes


def _with_outside_suite() -> list[object]:
    return [
        combination_param(kind, framework)
        for kind, framework in offered_combinations()
        if kind in CONTRACT_SUITES
    ]


# Once per project, on PostgreSQL, before any other test uses that server: the suite
# counts exactly 311 assertions only on a database with no other articles.
@pytest.mark.first_in_combination
@pytest.mark.parametrize("project", _with_outside_suite(), indirect=True)
@pytest.mark.parametrize("server", ["postgresql"], indirect=True)
def test_kind_outside_suite_passes(server: RunningServer, installed: GeneratedProject) -> None:
    process = server.process
    suite = CONTRACT_SUITES[installed.kind]
    started = time.monotonic()
    result = suite(f"{server.base_url}/api")
    TIMINGS.append((f"{installed.label}: contract suite", time.monotonic() - started))
    print(result.summary)  # shown with -rP / -s: the suite's one-line verdict
    failures = "\n".join(line for line in result.output.splitlines() if line.startswith("FAIL"))
    assert result.ok, (
        f"{installed.kind} contract suite failed: {result.summary}\n"
        f"{failures or tail(result.output)}\nserver log:\n{process.log_tail()}"
    )


@pytest.mark.parametrize("path", ["/health", "/health/ready", "/health/live"])
def test_health_answers(server: RunningServer, path: str) -> None:
    """Readiness (/health, /health/ready) and liveness (/health/live), as DESIGN.md asks."""
    database, process = server.database, server.process
    response = request(process.port, "GET", path)
    assert response.status == 200, f"GET {path} on {database}: {response.status} {response.text}"
    assert json.loads(response.text).get("status") == "ok", f"GET {path}: {response.text}"


_PROM_SAMPLE = re.compile(
    r"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?\s+"
    r"([-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|[-+]?Inf|NaN)(\s+-?\d+)?$"
)


def test_metrics_are_in_prometheus_text_format(server: RunningServer) -> None:
    database, process = server.database, server.process
    response = request(
        process.port, "GET", "/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}
    )
    assert response.status == 200, f"GET /metrics on {database}: {response.status}"
    content_type = response.headers.get("content-type", "")
    assert content_type.startswith(("text/plain", "application/openmetrics-text")), (
        f"GET /metrics Content-Type is {content_type!r}, not Prometheus text format"
    )
    lines = [line for line in response.text.splitlines() if line.strip()]
    assert any(line.startswith("# TYPE ") for line in lines), "no '# TYPE' line in /metrics"
    bad = [line for line in lines if not line.startswith("#") and not _PROM_SAMPLE.match(line)]
    assert not bad, "lines of /metrics that are not Prometheus samples:\n" + "\n".join(bad[:10])
    assert any(not line.startswith("#") for line in lines), "/metrics has no samples"


# A metric a dashboard query reads: its name, then a selector or a range ("[5m]").
_QUERIED_METRIC = re.compile(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?=\{[^}]*\}\s*\[|\[)")
_GROUPED_BY = re.compile(r"\bby \(([^)]*)\)")


def test_the_dashboard_reads_metrics_the_app_publishes(
    server: RunningServer, installed: GeneratedProject
) -> None:
    """Every metric Grafana's dashboard (deploy/monitoring/app-dashboard.json) asks for is
    in the app's /metrics after a few requests, with the labels the dashboard groups by
    (the database's and, with Redis, the cache's timings too)."""
    process = server.process
    for probe in _probes(installed.kind).values():
        headers = {"Content-Type": "application/json"} if probe.body is not None else {}
        request(process.port, probe.method, probe.path, probe.body, headers)
    request(process.port, "GET", CACHED_READS[installed.kind])
    response = request(
        process.port, "GET", "/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}
    )
    published: dict[str, set[str]] = {}
    for line in response.text.splitlines():
        sample = re.match(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s", line)
        if sample and not line.startswith("#"):
            labels = re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="', sample.group(2) or "")
            published.setdefault(sample.group(1), set()).update(labels)
    dashboard = json.loads(
        (installed.root / "deploy" / "monitoring" / "app-dashboard.json").read_text()
    )
    missing = []
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            metrics = set(_QUERIED_METRIC.findall(target["expr"]))
            grouped = {
                label.strip()
                for found in _GROUPED_BY.findall(target["expr"])
                for label in found.split(",")
            } - {"le", ""}
            labels = set().union(*(published.get(name, set()) for name in metrics))
            missing += [f"{panel['title']}: {name}" for name in metrics if name not in published]
            missing += [f"{panel['title']}: label {label}" for label in grouped - labels]
    assert not missing, "the dashboard asks for what /metrics does not publish: " + "; ".join(
        missing
    )


@pytest.mark.parametrize("probe_name", ["ok", "unauthorised", "invalid", "not_found"])
def test_security_headers_on_every_response(
    server: RunningServer, installed: GeneratedProject, probe_name: str
) -> None:
    database, process = server.database, server.process
    probe = _probes(installed.kind)[probe_name]
    headers = {"Content-Type": "application/json"} if probe.body is not None else {}
    response = request(process.port, probe.method, probe.path, probe.body, headers)
    where = f"{probe.method} {probe.path} ({probe.why}) on {database}"
    assert response.status == probe.status, (
        f"{where} answered {response.status}, expected {probe.status}: {response.text[:300]}"
    )
    missing = missing_security_headers(response.headers)
    assert not missing, f"{where} lacks security headers: {', '.join(missing)}"
    wrong = wrong_security_header_values(response.headers)
    assert not wrong, f"{where} has weak security headers: {'; '.join(wrong)}"


def test_no_server_version_or_stack_trace_leaks(
    server: RunningServer, installed: GeneratedProject
) -> None:
    database, process = server.database, server.process
    leaks = []
    for name, probe in _probes(installed.kind).items():
        headers = {"Content-Type": "application/json"} if probe.body is not None else {}
        response = request(process.port, probe.method, probe.path, probe.body, headers)
        server_header = response.headers.get("server", "")
        if re.search(r"\d", server_header):
            leaks.append(f"{name}: Server: {server_header}")
        if "x-powered-by" in response.headers:
            leaks.append(f"{name}: X-Powered-By: {response.headers['x-powered-by']}")
        if "Traceback (most recent call last)" in response.text:
            leaks.append(f"{name}: a stack trace in the body")
    assert not leaks, f"on {database}, responses leak: " + "; ".join(leaks)


def test_running_leaves_the_git_tree_clean(
    server: RunningServer, installed: GeneratedProject
) -> None:
    """The default SQLite file, caches and logs must all be ignored by .gitignore."""
    database = server.database
    status = installed.run(["git", "status", "--porcelain"], "git status")
    assert status.output.strip() == "", (
        f"after make install/test/run on {database}, files not covered by .gitignore:\n"
        f"{status.output}"
    )


# --- make loadtest ---------------------------------------------------------------------

# The summary line that every framework's `make loadtest` ends with.
_LOADTEST_SUMMARY = re.compile(
    r"^loadtest: (?P<requests>\d+) requests in (?P<seconds>[\d.]+) s, (?P<rate>[\d.]+) req/s, "
    r"p50 (?P<p50>[\d.]+) ms, p95 (?P<p95>[\d.]+) ms, p99 (?P<p99>[\d.]+) ms, "
    r"(?P<errors>\d+) errors$",
    re.MULTILINE,
)
# Long enough to show the numbers are coherent (a rate, ordered percentiles, the duration
# asked for); the load itself is benches' work (bench/), not CI's.
LOADTEST_SECONDS = 4


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_make_loadtest_reports_throughput_percentiles_and_no_errors(
    server: RunningServer, installed: GeneratedProject
) -> None:
    """`make loadtest` against the running server, as a learner runs it (`make run` first)."""
    step = installed.run(
        ["make", "-s", "loadtest", f"URL={server.base_url}", f"DURATION={LOADTEST_SECONDS}"],
        "make loadtest",
        timeout=300,
    )
    found = _LOADTEST_SUMMARY.findall(step.output)
    summary = _LOADTEST_SUMMARY.search(step.output)
    assert summary and len(found) == 1, f"no single loadtest summary line. {step.describe()}"
    print(summary.group(0))  # shown with -rP / -s: each framework's figures, side by side
    requests, errors = int(summary["requests"]), int(summary["errors"])
    p50, p95, p99 = (float(summary[name]) for name in ("p50", "p95", "p99"))
    assert requests > 0, f"no request was sent: {summary.group(0)}"
    assert errors == 0, f"{errors} requests failed: {step.describe()}\n{server.process.log_tail()}"
    assert step.ok, f"make loadtest failed with no failed request: {step.describe()}"
    assert 0 < p50 <= p95 <= p99, f"percentiles out of order: {summary.group(0)}"
    seconds = float(summary["seconds"])
    # A second's slack below: Locust counts from its first request, once its users have started.
    assert LOADTEST_SECONDS - 1 <= seconds <= LOADTEST_SECONDS * 1.5, (
        f"ran {seconds} s, asked for {LOADTEST_SECONDS}: {summary.group(0)}"
    )
    rate, expected_rate = float(summary["rate"]), requests / seconds
    assert abs(rate - expected_rate) <= max(1.0, expected_rate * 0.05), (
        f"req/s is not requests / seconds: {summary.group(0)}"
    )


@pytest.mark.parametrize("project", _once_per_framework(), indirect=True)
def test_make_loadtest_with_no_server_is_one_line_saying_so(installed: GeneratedProject) -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    step = installed.run(["make", "-s", "loadtest", f"URL={url}"], "make loadtest (no server)")
    assert not step.ok, f"make loadtest succeeded with no server: {step.describe()}"
    own = _own_lines(step.output)
    expected = f"loadtest: nothing answers at {url} ("
    assert len(own) == 1 and own[0].startswith(expected), (
        f"make loadtest with no server should print one line starting {expected!r}, "
        f"printed {len(own)}:\n{tail(step.output)}"
    )
    assert own[0].endswith("start the server with `make run` in another terminal, or set URL")
