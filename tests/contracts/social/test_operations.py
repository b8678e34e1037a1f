"""Problem details, security headers, /health, /metrics and make seed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import yaml
from tests.contracts.checks import expect, expect_field_errors, expect_problem
from tests.contracts.conftest import METRICS_AUTH
from tests.contracts.social.network import Network, User
from tests.generated.contracts import missing_security_headers, wrong_security_header_values

SEED_FILE = Path(__file__).resolve().parents[3] / "templates" / "_kinds" / "social" / "seed.yaml"


def test_an_unknown_route_answers_404_problem_details(api: httpx.Client) -> None:
    expect_problem(api.get("/no-such-route"), 404, "an unknown route")


def test_malformed_json_answers_422_problem_details(api: httpx.Client, alice: User) -> None:
    response = api.post(
        "/posts",
        content=b'{"body": ',
        headers={**alice.auth, "Content-Type": "application/json"},
    )

    expect_field_errors(response, "a truncated JSON body")


def test_a_missing_field_is_named_in_errors(api: httpx.Client) -> None:
    response = api.post("/auth/register", json={"email": "x@example.com"})

    expect_field_errors(response, "register without a username", "username", "password")


def probes(net: Network, alice: User) -> list[tuple[str, str, dict[str, Any]]]:
    post = net.post(alice)
    return [
        ("GET", "/health", {}),
        ("GET", "/metrics", {"headers": METRICS_AUTH}),
        ("GET", "/api/users?search=a", {}),
        ("GET", f"/api/posts/{post['id']}", {}),
        ("POST", "/api/posts", {"json": {"body": "headers"}, "headers": alice.auth}),
        ("DELETE", f"/api/posts/{post['id']}", {"headers": alice.auth}),
        ("GET", "/api/auth/me", {}),  # 401
        ("GET", "/api/feed", {"headers": {"Authorization": "Bearer bad"}}),  # 401
        ("POST", "/api/posts", {"json": {"body": ""}, "headers": alice.auth}),  # 422
        ("GET", "/api/no-such-route", {}),  # 404
        ("DELETE", f"/api/posts/{post['id']}", {"headers": alice.auth}),  # 404 now
    ]


def test_every_response_carries_the_security_headers(
    net: Network, contract_server: Any, alice: User
) -> None:
    with contract_server.client(contract_server.base_url, timeout=15) as client:
        for method, path, options in probes(net, alice):
            response = client.request(method, path, **options)
            headers = {name.lower(): value for name, value in response.headers.items()}
            what = f"{method} {path} ({response.status_code})"
            assert missing_security_headers(headers) == [], f"{what}: missing headers"
            assert wrong_security_header_values(headers) == [], what
            assert "x-powered-by" not in headers, what
            server = headers.get("server", "")
            assert not any(char.isdigit() for char in server), f"{what}: Server: {server}"


def test_health_reports_the_app_and_the_database(contract_server: Any) -> None:
    with contract_server.client(contract_server.base_url, timeout=15) as client:
        response = client.get("/health")

    assert expect(response, 200, "/health") == {"status": "ok", "database": "ok"}


def test_metrics_are_prometheus_text(contract_server: Any, api: httpx.Client) -> None:
    api.get("/users", params={"search": "metrics"})

    with contract_server.client(contract_server.base_url, timeout=15) as client:
        response = client.get("/metrics", headers=METRICS_AUTH)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    lines = [line for line in response.text.splitlines() if line and not line.startswith("#")]
    assert lines, "no samples"
    assert "# TYPE" in response.text


def test_make_seed_creates_users_who_follow_each_other_with_posts(
    contract_server: Any, api: httpx.Client
) -> None:
    seed = yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))

    for attempt in ("seed", "seed again"):
        result = contract_server.run_make("seed")
        assert result.returncode == 0, f"make {attempt} failed:\n{result.stdout[-2000:]}"

    first = seed["users"][0]
    login = api.post("/auth/login", json={"email": first["email"], "password": seed["password"]})
    token = expect(login, 200, "logging in as a seed user")["token"]
    feed = expect(api.get("/feed", headers={"Authorization": f"Bearer {token}"}), 200, "feed")
    assert feed["items"], "the seeded feed is empty"
    for user in seed["users"]:
        profile = expect(api.get(f"/users/{user['username']}"), 200, user["username"])
        assert profile["followers_count"] > 0 or profile["following_count"] > 0
    authors = {post["author"] for post in seed["posts"]}
    assert sum(
        expect(api.get(f"/users/{name}"), 200, name)["posts_count"] > 0 for name in authors
    ) == len(authors)
