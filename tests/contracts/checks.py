"""Checks every contract suite shares: a response's status, and RFC 9457 problems.

HTTP only, written from the contracts: ``expect`` for any kind, the problem
checks for the kinds whose errors are problem details (the shop, the social
network; the blog keeps RealWorld's own error shape).
"""

from __future__ import annotations

from typing import Any

import httpx

#: A password every suite's users share: long enough for every contract's rule.
PASSWORD = "correct-horse-battery"
PROBLEM_MEDIA_TYPE = "application/problem+json"


def expect(response: httpx.Response, status: int, what: str) -> Any:
    """The JSON body of ``response`` (None when empty), after checking its status."""
    assert response.status_code == status, (
        f"{what}: {response.request.method} {response.request.url.path} answered "
        f"{response.status_code}, expected {status}: {response.text[:500]}"
    )
    return response.json() if response.content else None


def expect_problem(response: httpx.Response, status: int, what: str) -> dict[str, Any]:
    """An RFC 9457 problem: the status, application/problem+json, type/title/status/detail."""
    body = expect(response, status, what)
    content_type = response.headers.get("content-type", "")
    assert content_type.split(";")[0].strip() == PROBLEM_MEDIA_TYPE, (
        f"{what}: Content-Type is {content_type!r}, expected {PROBLEM_MEDIA_TYPE}"
    )
    assert isinstance(body, dict), f"{what}: the problem is not a JSON object: {body!r}"
    for member, kind in (("type", str), ("title", str), ("status", int), ("detail", str)):
        assert isinstance(body.get(member), kind), f"{what}: problem.{member} missing: {body}"
    assert body["status"] == status, f"{what}: problem.status {body['status']} != {status}"
    return body


def expect_field_errors(response: httpx.Response, what: str, *fields: str) -> dict[str, Any]:
    """422 problem details whose ``errors`` maps fields to messages, naming each of ``fields``.

    A field counts as named when an ``errors`` key contains it, so nested paths such
    as ``items.0.quantity`` name ``quantity``.
    """
    body = expect_problem(response, 422, what)
    errors = body.get("errors")
    assert isinstance(errors, dict) and errors, f"{what}: no 'errors' object in {body!r}"
    for name, messages in errors.items():
        assert isinstance(messages, list) and messages, f"{what}: errors.{name} is empty"
        assert all(isinstance(m, str) and m for m in messages), f"{what}: errors.{name}"
    for field_name in fields:
        assert any(field_name in name for name in errors), (
            f"{what}: errors does not name {field_name!r}: {errors}"
        )
    return body
