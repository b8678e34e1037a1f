"""A small Conduit (RealWorld) client for the blog contract suite: setup steps only.

The tests call the API directly for the requests they check; these helpers make
the users, articles and comments a test needs, asserting each step succeeded so
that a broken setup is never mistaken for the behaviour under test. Every name
is unique (uuid), so tests never collide and run on a database that holds data.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from tests.contracts.checks import PASSWORD, expect


def unique(prefix: str) -> str:
    """A name no other test uses: ``prefix`` plus 12 hex digits."""
    return f"{prefix}{uuid.uuid4().hex[:12]}"


@dataclass(frozen=True)
class User:
    username: str
    email: str
    password: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        """RealWorld's header: ``Authorization: Token <jwt>``."""
        return {"Authorization": f"Token {self.token}"}


def assert_validation_error(response: httpx.Response, what: str) -> None:
    """422 in RealWorld's error shape: {"errors": {"<field>": ["<message>", ...]}}."""
    body = expect(response, 422, what)
    errors = body.get("errors") if isinstance(body, dict) else None
    assert isinstance(errors, dict) and errors, f"{what}: no 'errors' object in {body!r}"
    for field_name, messages in errors.items():
        assert isinstance(messages, list) and messages, f"{what}: errors.{field_name} is empty"
        assert all(isinstance(message, str) and message for message in messages), (
            f"{what}: errors.{field_name} holds something other than messages: {messages!r}"
        )


class Conduit:
    """Setup steps over one HTTP client whose base URL is the API's (…/api)."""

    def __init__(self, api: httpx.Client) -> None:
        self.api = api

    def register(self, prefix: str = "user") -> User:
        username = unique(prefix)
        email = f"{username}@example.com"
        body = {"user": {"username": username, "email": email, "password": PASSWORD}}
        user = expect(self.api.post("/users", json=body), 201, "registering")["user"]
        return User(username, email, PASSWORD, user["token"])

    def create_article(
        self, author: User, title: str | None = None, tags: list[str] | None = None
    ) -> dict[str, Any]:
        article = {
            "title": title or unique("Title "),
            "description": unique("description "),
            "body": unique("body "),
            "tagList": tags or [],
        }
        response = self.api.post("/articles", json={"article": article}, headers=author.auth)
        created: dict[str, Any] = expect(response, 201, "creating an article")["article"]
        return created

    def read_article(self, slug: str, viewer: User | None = None) -> dict[str, Any]:
        headers = viewer.auth if viewer else {}
        article: dict[str, Any] = expect(
            self.api.get(f"/articles/{slug}", headers=headers), 200, "reading an article"
        )["article"]
        return article

    def list_articles(self, viewer: User | None = None, **params: Any) -> dict[str, Any]:
        headers = viewer.auth if viewer else {}
        page: dict[str, Any] = expect(
            self.api.get("/articles", params=params, headers=headers), 200, "listing articles"
        )
        return page

    def feed(self, reader: User, **params: Any) -> dict[str, Any]:
        response = self.api.get("/articles/feed", params=params, headers=reader.auth)
        page: dict[str, Any] = expect(response, 200, "reading the feed")
        return page

    def comment(self, author: User, slug: str, body: str | None = None) -> dict[str, Any]:
        payload = {"comment": {"body": body or unique("comment ")}}
        response = self.api.post(f"/articles/{slug}/comments", json=payload, headers=author.auth)
        comment: dict[str, Any] = expect(response, 200, "commenting")["comment"]
        return comment

    def comments(self, slug: str) -> list[dict[str, Any]]:
        response = self.api.get(f"/articles/{slug}/comments")
        comments: list[dict[str, Any]] = expect(response, 200, "listing comments")["comments"]
        return comments

    def follow(self, follower: User, username: str) -> None:
        response = self.api.post(f"/profiles/{username}/follow", headers=follower.auth)
        expect(response, 200, "following")

    def favorite(self, user: User, slug: str) -> None:
        expect(self.api.post(f"/articles/{slug}/favorite", headers=user.auth), 200, "favouriting")


def slugs(page: dict[str, Any]) -> list[str]:
    return [article["slug"] for article in page["articles"]]
