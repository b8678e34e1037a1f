"""A small client for the social contract suite: setup steps and shared checks.

The tests call the API directly for the requests they check; these helpers make
the users, posts and comments a test needs, asserting each step succeeded so that
a broken setup is never mistaken for the behaviour under test. Every username is
unique (uuid), so tests never collide and run on a database that holds data.

Written from the contract alone (../shared/contracts/social.md and
templates/_kinds/social/openapi.yaml): HTTP only, no knowledge of any framework.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from tests.contracts.checks import PASSWORD, expect

#: The contract's login limit: 5 failures for one e-mail from one client address.
LOGIN_MAX_FAILURES = 5


def unique(prefix: str) -> str:
    """A username no other test uses: ``prefix`` plus 12 hex digits (a-z, 0-9, _ only)."""
    assert len(prefix) <= 18, "usernames are at most 30 characters"
    return f"{prefix}{uuid.uuid4().hex[:12]}"


@dataclass(frozen=True)
class User:
    id: Any
    username: str
    email: str
    password: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def assert_profile(profile: dict[str, Any]) -> None:
    """The author/actor shape: {username, bio, avatar_url}."""
    for member in ("username", "bio", "avatar_url"):
        assert member in profile, f"no {member!r} in {profile!r}"


class Network:
    """Setup steps over one HTTP client whose base URL is the API's (…/api)."""

    def __init__(self, api: httpx.Client) -> None:
        self.api = api

    def register(self, prefix: str = "user") -> User:
        username = unique(prefix)
        email = f"{username}@example.com"
        body = {"username": username, "email": email, "password": PASSWORD}
        answer = expect(self.api.post("/auth/register", json=body), 201, "registering")
        return User(answer["user"]["id"], username, email, PASSWORD, answer["token"])

    def post(self, author: User, body: str | None = None) -> dict[str, Any]:
        response = self.api.post(
            "/posts", json={"body": body or unique("post ")}, headers=author.auth
        )
        post: dict[str, Any] = expect(response, 201, "publishing a post")
        return post

    def comment(self, author: User, post_id: Any, body: str = "Nice post!") -> dict[str, Any]:
        response = self.api.post(
            f"/posts/{post_id}/comments", json={"body": body}, headers=author.auth
        )
        comment: dict[str, Any] = expect(response, 201, "commenting")
        return comment

    def follow(self, follower: User, followed: User) -> dict[str, Any]:
        response = self.api.post(f"/users/{followed.username}/follow", headers=follower.auth)
        profile: dict[str, Any] = expect(response, 200, "following")
        return profile

    def like(self, user: User, post_id: Any) -> dict[str, Any]:
        post: dict[str, Any] = expect(
            self.api.post(f"/posts/{post_id}/like", headers=user.auth), 200, "liking"
        )
        return post

    def profile(self, username: str, viewer: User | None = None) -> dict[str, Any]:
        headers = viewer.auth if viewer else {}
        profile: dict[str, Any] = expect(
            self.api.get(f"/users/{username}", headers=headers), 200, "reading a profile"
        )
        return profile

    def notifications(self, user: User, **params: Any) -> dict[str, Any]:
        response = self.api.get("/notifications", params=params, headers=user.auth)
        page: dict[str, Any] = expect(response, 200, "reading notifications")
        return page

    def walk(
        self,
        path: str,
        user: User | None = None,
        *,
        limit: int = 3,
        between: Callable[[], object] | None = None,
        params: dict[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """Every item of a list, page by page; ``between()`` runs after each page."""
        items: list[dict[str, Any]] = []
        cursor = None
        headers = user.auth if user else {}
        for _ in range(1000):
            query = {**(params or {}), "limit": limit, **({"cursor": cursor} if cursor else {})}
            page = expect(self.api.get(path, params=query, headers=headers), 200, f"GET {path}")
            assert set(page) >= {"items", "next_cursor"}, f"{path}: not a page: {page!r}"
            assert len(page["items"]) <= limit, f"{path}: more than limit={limit} items"
            items += page["items"]
            if between is not None:
                between()
            cursor = page["next_cursor"]
            if cursor is None:
                return items
        raise AssertionError(f"{path}: more than 1000 pages; the cursor never ends")


class Crowd:
    """Users registered on demand and shared by a module's tests, as actors only."""

    def __init__(self, net: Network) -> None:
        self.net = net
        self.members: list[User] = []

    def first(self, count: int) -> list[User]:
        while len(self.members) < count:
            self.members.append(self.net.register("crowd"))
        return self.members[:count]
