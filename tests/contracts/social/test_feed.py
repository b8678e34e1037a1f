"""The home feed, and cursor pagination that never repeats or skips while posts arrive."""

from __future__ import annotations

import base64

import httpx
import pytest
from tests.contracts.checks import expect, expect_field_errors, expect_problem
from tests.contracts.social.network import Crowd, Network, User


def test_the_feed_holds_followed_and_own_posts_newest_first(
    net: Network, alice: User, bob: User, carol: User
) -> None:
    net.follow(alice, bob)
    mine = net.post(alice)
    followed = net.post(bob)
    net.post(carol)  # not followed: not in alice's feed

    feed = net.walk("/feed", alice)

    assert [p["id"] for p in feed] == [followed["id"], mine["id"]]
    assert feed[0]["author"]["username"] == bob.username


def test_unfollowing_removes_their_posts_from_the_feed(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    net.follow(alice, bob)
    net.post(bob)
    expect(api.delete(f"/users/{bob.username}/follow", headers=alice.auth), 200, "unfollow")

    assert net.walk("/feed", alice) == []


def test_the_feed_needs_a_token(api: httpx.Client) -> None:
    expect_problem(api.get("/feed"), 401, "the feed anonymously")


def test_feed_items_carry_the_callers_like(net: Network, alice: User, bob: User) -> None:
    net.follow(alice, bob)
    liked = net.post(bob)
    other = net.post(bob)
    net.like(alice, liked["id"])

    feed = {p["id"]: p for p in net.walk("/feed", alice)}

    assert (feed[liked["id"]]["liked_by_me"], feed[liked["id"]]["like_count"]) == (True, 1)
    assert feed[other["id"]]["liked_by_me"] is False


def test_walking_the_feed_never_repeats_or_skips_while_new_posts_arrive(
    net: Network, alice: User, bob: User, carol: User
) -> None:
    net.follow(alice, bob)
    net.follow(alice, carol)
    existing = []
    for number in range(10):
        existing.append(net.post(bob if number % 2 else carol, f"existing {number}"))

    def publish_more() -> None:
        net.post(bob, "arrived while reading")
        net.post(carol, "this one too")

    seen = net.walk("/feed", alice, limit=3, between=publish_more)

    ids = [p["id"] for p in seen]
    assert len(ids) == len(set(ids)), f"a post was served twice: {ids}"
    assert ids == [p["id"] for p in reversed(existing)], "skipped, reordered or repeated"


def test_a_limit_of_1_walks_every_post(net: Network, alice: User) -> None:
    posts = [net.post(alice) for _ in range(4)]

    assert [p["id"] for p in net.walk("/feed", alice, limit=1)] == [
        p["id"] for p in reversed(posts)
    ]


def test_limit_defaults_to_20(net: Network, api: httpx.Client, alice: User) -> None:
    for _ in range(21):
        net.post(alice)

    page = expect(api.get("/feed", headers=alice.auth), 200, "the feed")

    assert len(page["items"]) == 20
    assert page["next_cursor"] is not None


@pytest.mark.parametrize("limit", ["0", "101", "-1", "many"])
def test_a_limit_outside_1_to_100_answers_422(api: httpx.Client, crowd: Crowd, limit: str) -> None:
    response = api.get("/feed", params={"limit": limit}, headers=crowd.first(1)[0].auth)

    expect_field_errors(response, f"limit={limit}", "limit")


@pytest.mark.parametrize(
    "cursor",
    [
        "not a cursor!",
        "%%%",
        base64.urlsafe_b64encode(b"hello").decode(),
        base64.urlsafe_b64encode(b'{"x": 1}').decode(),
        base64.urlsafe_b64encode(b"[]").decode(),
    ],
)
@pytest.mark.parametrize("path", ["/feed", "/notifications", "/users?search=a"])
def test_a_malformed_cursor_answers_422(
    api: httpx.Client, crowd: Crowd, cursor: str, path: str
) -> None:
    path, _, query = path.partition("?")
    params = dict([query.split("=")]) if query else {}

    headers = crowd.first(1)[0].auth
    response = api.get(path, params={**params, "cursor": cursor}, headers=headers)

    expect_field_errors(response, f"{path} with cursor {cursor!r}")


def test_a_users_posts_are_walked_without_repeats_while_they_post(
    net: Network, alice: User
) -> None:
    existing = [net.post(alice) for _ in range(6)]

    seen = net.walk(f"/users/{alice.username}/posts", limit=4, between=lambda: net.post(alice))

    ids = [p["id"] for p in seen]
    assert ids == [p["id"] for p in reversed(existing)]
