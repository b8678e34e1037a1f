"""Two copies of every generated app behind the project's own nginx, on one PostgreSQL.

DESIGN.md's scale-out rules: the app keeps nothing of its own between requests, so two
copies behind a load balancer behave as one. compose.yaml runs them that way
(`docker compose up --scale app=3` behind deploy/nginx/default.conf); here the same
configuration and certificate run with Debian's nginx (tests/support/balancer.py), in
front of the lane's `make run` on PostgreSQL and a second `make run` on the same
database. nginx shares requests out in turn, so consecutive requests reach both copies.
"""

from __future__ import annotations

import http.client
import re
import secrets
import time
from pathlib import Path

import pytest
from tests.generated.contracts import (
    ACCOUNTS,
    LOGIN_MAX_FAILURES,
    PROBES,
    missing_security_headers,
)
from tests.support.balancer import Balancer
from tests.support.lab import ProjectLab, combination_param
from tests.support.matrix import first_kind_of_each_framework, offered_combinations
from tests.support.net import Response, request
from tests.support.postgres import PostgresServer

pytestmark = pytest.mark.generated

COMBOS = [combination_param(kind, framework) for kind, framework in offered_combinations()]

#: The app server is the framework's, whatever the kind: one combination per framework.
ONE_PER_FRAMEWORK = [
    combination_param(kind, framework) for kind, framework in first_kind_of_each_framework()
]

JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module", params=COMBOS)
def balanced(
    request: pytest.FixtureRequest, lab: ProjectLab, postgres: PostgresServer
) -> tuple[str, Balancer]:
    kind, framework = request.param
    return kind, lab.balancer(kind, framework, postgres)


def _register(kind: str, balancer: Balancer) -> tuple[str, str]:
    """A new account, registered through nginx; returns its e-mail and password."""
    name = f"lb{secrets.token_hex(5)}"
    email, password = f"{name}@example.com", f"Tr0ub4dor-{secrets.token_hex(8)}"
    body = ACCOUNTS[kind].registration(name, email, password)
    response = balancer.request("POST", ACCOUNTS[kind].register_path, body, JSON)
    assert response.status in (200, 201), f"registering through nginx: {_said(response)}"
    return email, password


def _sign_in(
    kind: str,
    balancer: Balancer,
    email: str,
    password: str,
    client: str,
    headers: dict[str, str] | None = None,
) -> Response:
    body = ACCOUNTS[kind].login(email, password)
    return balancer.request(
        "POST", ACCOUNTS[kind].login_path, body, {**JSON, **(headers or {})}, client=client
    )


def _said(response: Response) -> str:
    return f"{response.status} {response.text[:200]}"


def test_plain_http_is_sent_to_https(balanced: tuple[str, Balancer]) -> None:
    _, balancer = balanced
    response = request(balancer.http_port, "GET", "/health", headers={"Host": "localhost"})
    assert response.status == 301, f"plain HTTP through nginx: {_said(response)}"
    location = response.headers.get("location", "")
    assert location == f"https://localhost:{balancer.https_port}/health", location
    assert "server" not in response.headers, f"the redirect: Server: {response.headers['server']}"


def test_nginx_own_answers_carry_the_security_headers(balanced: tuple[str, Balancer]) -> None:
    """What nginx answers itself, without asking the app: the redirect to HTTPS and a body
    over its client_max_body_size (2 MiB, above the app's 1 MiB)."""
    kind, balancer = balanced
    redirect = request(balancer.http_port, "GET", "/health", headers={"Host": "localhost"})
    too_big = balancer.request("POST", ACCOUNTS[kind].login_path, b"x" * (3 * 1024 * 1024), JSON)
    assert too_big.status == 413, f"a 3 MiB body through nginx: {_said(too_big)}"
    assert balancer.copy_that_answered(too_big) == 0, "a copy of the app answered, not nginx"
    for what, response in (("the redirect to HTTPS", redirect), ("nginx's 413", too_big)):
        missing = missing_security_headers(response.headers)
        assert not missing, f"{what} lacks security headers: {', '.join(missing)}"


def test_requests_reach_both_copies(balanced: tuple[str, Balancer]) -> None:
    _, balancer = balanced
    answered = set()
    for _ in range(6):
        response = balancer.request("GET", "/health/ready")
        assert response.status == 200, f"GET /health/ready through nginx: {_said(response)}"
        answered.add(balancer.copy_that_answered(response))
    assert answered == set(balancer.copies), (
        f"six requests reached copies {sorted(answered)}, not both of {balancer.copies}"
    )


@pytest.mark.parametrize("probe_name", ["ok", "unauthorised", "invalid", "not_found"])
def test_security_headers_and_no_version_through_nginx(
    balanced: tuple[str, Balancer], probe_name: str
) -> None:
    """nginx passes the app's headers on and names no software (no Server header)."""
    kind, balancer = balanced
    probe = PROBES[kind][probe_name]
    headers = JSON if probe.body is not None else {}
    response = balancer.request(probe.method, probe.path, probe.body, headers)
    where = f"{probe.method} {probe.path} ({probe.why}) through nginx"
    assert response.status == probe.status, f"{where}: {_said(response)}"
    missing = missing_security_headers(response.headers)
    assert not missing, f"{where} lacks security headers: {', '.join(missing)}"
    assert "server" not in response.headers, f"{where}: Server: {response.headers['server']}"


def test_a_write_through_one_copy_is_read_through_the_other(
    balanced: tuple[str, Balancer],
) -> None:
    kind, balancer = balanced
    email, password = _register(kind, balancer)
    answered = {}
    for _ in range(4):
        response = _sign_in(kind, balancer, email, password, client="127.0.0.3")
        answered[balancer.copy_that_answered(response)] = response.status
    assert set(answered) == set(balancer.copies), f"sign-ins reached only {sorted(answered)}"
    assert set(answered.values()) == {200}, f"signing in after registering: {answered}"


def test_the_login_limit_holds_across_copies(balanced: tuple[str, Balancer]) -> None:
    """Wrong passwords alternate between the copies; the limit still counts them all."""
    kind, balancer = balanced
    email, _ = _register(kind, balancer)
    statuses, answered = [], set()
    for _ in range(LOGIN_MAX_FAILURES + 1):
        response = _sign_in(kind, balancer, email, "not-the-password-1", client="127.0.0.4")
        statuses.append(response.status)
        answered.add(balancer.copy_that_answered(response))
    assert answered == set(balancer.copies), f"the attempts reached only {sorted(answered)}"
    assert statuses == [401] * LOGIN_MAX_FAILURES + [429], (
        f"wrong passwords through two copies answered {statuses}: each copy kept its own count"
        if statuses.count(401) > LOGIN_MAX_FAILURES
        else f"wrong passwords through two copies answered {statuses}"
    )


def test_a_forged_forwarded_for_does_not_escape_the_limit(
    balanced: tuple[str, Balancer],
) -> None:
    """nginx replaces what the client claims in X-Forwarded-For with what it sees."""
    kind, balancer = balanced
    email, _ = _register(kind, balancer)
    statuses = []
    for attempt in range(LOGIN_MAX_FAILURES + 1):
        forged = {"X-Forwarded-For": f"203.0.113.{attempt + 1}"}
        response = _sign_in(
            kind, balancer, email, "not-the-password-1", client="127.0.0.5", headers=forged
        )
        statuses.append(response.status)
    assert statuses[-1] == 429, f"forged X-Forwarded-For through nginx answered {statuses}"


def test_the_app_tells_clients_behind_nginx_apart(balanced: tuple[str, Balancer]) -> None:
    """TRUSTED_PROXIES: the limit is the client's, not the proxy's (which all share)."""
    kind, balancer = balanced
    email, password = _register(kind, balancer)
    for _ in range(LOGIN_MAX_FAILURES + 1):
        locked = _sign_in(kind, balancer, email, "not-the-password-1", client="127.0.0.6")
    assert locked.status == 429, f"the first client, after its failures: {_said(locked)}"
    other = _sign_in(kind, balancer, email, password, client="127.0.0.7")
    assert other.status == 200, (
        f"another client, with the right password, behind the same nginx: {_said(other)} "
        "(the app counted the proxy's address, not the client's)"
    )


@pytest.mark.parametrize("combination", ONE_PER_FRAMEWORK)
def test_the_app_keeps_an_idle_connection_longer_than_nginx(
    combination: tuple[str, str], lab: ProjectLab, postgres: PostgresServer
) -> None:
    """nginx reuses an idle connection to the app for its upstream ``keepalive_timeout``.
    Were the app to close one first, a request nginx sent on it just then would be lost:
    a POST, which nginx never sends twice, would get a 502 (seen in CI, issue #18)."""
    kind, framework = combination
    balancer = lab.balancer(kind, framework, postgres)
    nginx_idle = _upstream_keepalive_seconds(lab.project(kind, framework).root)
    connection = http.client.HTTPConnection("127.0.0.1", balancer.copies[0], timeout=10)
    try:
        for attempt in ("first", "idle"):
            connection.request("GET", "/health/live")
            response = connection.getresponse()
            response.read()
            assert response.status == 200, f"GET /health/live ({attempt}): {response.status}"
            assert connection.sock is not None, "the app closed the connection after answering"
            if attempt == "first":
                time.sleep(nginx_idle + 1)
    except (ConnectionError, http.client.RemoteDisconnected) as error:
        raise AssertionError(
            f"{framework}: the app closed a connection idle {nginx_idle + 1} s, "
            f"while nginx may reuse one idle {nginx_idle} s: {error!r}"
        ) from None
    finally:
        connection.close()


def _upstream_keepalive_seconds(project_root: Path) -> int:
    conf = (project_root / "deploy" / "nginx" / "default.conf").read_text()
    found = re.search(r"^\s*keepalive_timeout\s+(\d+)s;", conf, re.MULTILINE)
    assert found, "deploy/nginx/default.conf sets no upstream keepalive_timeout (default 60 s)"
    return int(found.group(1))
