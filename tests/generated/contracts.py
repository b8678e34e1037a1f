"""What each kind's running server is checked against, keyed by kind.

A new kind adds its probes here (and, if it has one, an outside suite such as
RealWorld's); the tests in test_projects.py pick them up by the project's kind.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from tests.support.paths import require_shared
from tests.support.tools import require_tool


@dataclass(frozen=True)
class Probe:
    """A request whose response must carry the security headers."""

    method: str
    path: str
    status: int
    body: bytes | None = None
    why: str = ""


#: Per kind: a normal 200, an authorisation error, a validation error and a 404.
PROBES: dict[str, dict[str, Probe]] = {
    "blog": {
        "ok": Probe("GET", "/api/tags", 200, why="a normal list"),
        "unauthorised": Probe("GET", "/api/user", 401, why="the current user, without a token"),
        "invalid": Probe(
            "POST", "/api/users", 422, b'{"user": {}}', why="registration with no fields"
        ),
        "not_found": Probe("GET", "/api/no-such-route", 404, why="an unknown route"),
    },
    "ecommerce": {
        "ok": Probe("GET", "/api/products", 200, why="the product list"),
        "unauthorised": Probe("GET", "/api/cart", 401, why="the cart, without a token"),
        "invalid": Probe(
            "POST", "/api/auth/register", 422, b"{}", why="registration with no fields"
        ),
        "not_found": Probe("GET", "/api/no-such-route", 404, why="an unknown route"),
    },
    "social": {
        "ok": Probe("GET", "/api/users?search=a", 200, why="the user search"),
        "unauthorised": Probe("GET", "/api/feed", 401, why="the feed, without a token"),
        "invalid": Probe(
            "POST", "/api/auth/register", 422, b"{}", why="registration with no fields"
        ),
        "not_found": Probe("GET", "/api/no-such-route", 404, why="an unknown route"),
    },
}


#: Per kind: one read that a `cache: redis` project looks up in its cache (kind.yml's
#: `cache:`), whatever the answer (an unknown profile is looked up, then answers 404).
CACHED_READS: dict[str, str] = {
    "blog": "/api/articles?limit=5",
    "ecommerce": "/api/categories",
    "social": "/api/users/nobody_by_this_name",
}


@dataclass(frozen=True)
class Accounts:
    """How a kind's API registers an account and signs in (its contract's paths and bodies)."""

    register_path: str
    login_path: str
    #: Whether bodies are wrapped, as RealWorld's {"user": {...}} are.
    wrapper: str | None = None
    #: What registration asks for besides e-mail and password: name -> value prefix.
    extra: tuple[tuple[str, str], ...] = ()

    def registration(self, name: str, email: str, password: str) -> bytes:
        fields = {"email": email, "password": password}
        fields.update({field: f"{prefix}{name}" for field, prefix in self.extra})
        return json.dumps({self.wrapper: fields} if self.wrapper else fields).encode()

    def login(self, email: str, password: str) -> bytes:
        fields = {"email": email, "password": password}
        return json.dumps({self.wrapper: fields} if self.wrapper else fields).encode()


ACCOUNTS: dict[str, Accounts] = {
    "blog": Accounts("/api/users", "/api/users/login", "user", (("username", ""),)),
    "ecommerce": Accounts("/api/auth/register", "/api/auth/login", None, (("name", "Customer "),)),
    "social": Accounts("/api/auth/register", "/api/auth/login", None, (("username", ""),)),
}

#: Failed sign-ins per account and client before 429 (LOGIN_MAX_FAILURES's default).
LOGIN_MAX_FAILURES = 5

#: The eight headers of DESIGN.md contract 5, on every response, errors included.
SECURITY_HEADERS = (
    "content-security-policy",
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "permissions-policy",
    "cross-origin-opener-policy",
    "cross-origin-resource-policy",
)


def missing_security_headers(headers: dict[str, str]) -> list[str]:
    """The security headers absent (or empty) in ``headers`` (lower-case names)."""
    missing = [name for name in SECURITY_HEADERS if not headers.get(name, "").strip()]
    # "X-Frame-Options (or frame-ancestors)": a CSP frame-ancestors directive replaces it.
    if "x-frame-options" in missing and "frame-ancestors" in headers.get(
        "content-security-policy", ""
    ):
        missing.remove("x-frame-options")
    return missing


def wrong_security_header_values(headers: dict[str, str]) -> list[str]:
    """Headers that are present but say nothing useful."""
    wrong = []
    if headers.get("x-content-type-options", "").strip().lower() not in ("", "nosniff"):
        value = headers["x-content-type-options"]
        wrong.append(f"X-Content-Type-Options: {value!r} (want nosniff)")
    hsts = headers.get("strict-transport-security", "")
    max_age = re.search(r"max-age=(\d+)", hsts)
    if hsts and (not max_age or int(max_age.group(1)) <= 0):
        wrong.append(f"Strict-Transport-Security: {hsts!r} (want a positive max-age)")
    return wrong


# --- contract suites -------------------------------------------------------------


@dataclass
class SuiteResult:
    ok: bool
    summary: str
    output: str


SuiteRunner = Callable[[str], SuiteResult]


def run_realworld(api_url: str, expected_assertions: int = 311) -> SuiteResult:
    """The official RealWorld (Conduit) API suite, via ../shared/realworld/run-conduit-tests."""
    script = require_shared("realworld/run-conduit-tests")
    require_tool("node", "run the RealWorld API suite (newman)")
    require_tool("npm", "install newman for the RealWorld API suite")
    env = {**os.environ, "MIN_ASSERTIONS": str(expected_assertions), "QUIET": "1"}
    result = subprocess.run(
        ["bash", str(script), api_url],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout + result.stderr
    summary = next(
        (line for line in reversed(output.splitlines()) if line.startswith("CONDUIT_API_TESTS")),
        "",
    )
    fields = dict(re.findall(r"(\w+)=(\S+)", summary))
    ok = (
        result.returncode == 0
        and fields.get("result") == "PASS"
        and fields.get("assertions_passed") == str(expected_assertions)
        and fields.get("assertions_failed") == "0"
    )
    return SuiteResult(ok, summary or "(no CONDUIT_API_TESTS line)", output)


#: Per kind: an outside suite run against this project's running server's /api.
#: Our own black-box suites (tests/contracts/<kind>, every kind) are not listed:
#: pytest collects them, and they run against the same PostgreSQL server right
#: after this lane's tests (tests/support/lab.py).
CONTRACT_SUITES: dict[str, SuiteRunner] = {
    "blog": run_realworld,
}
