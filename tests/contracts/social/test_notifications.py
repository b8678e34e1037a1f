"""Notifications: follow, like, comment; never for your own actions, never twice; read."""

from __future__ import annotations

from typing import Any

import httpx
from tests.contracts.checks import expect, expect_field_errors, expect_problem
from tests.contracts.social.network import Crowd, Network, User, assert_profile

NOTIFICATION_MEMBERS = {"id", "type", "actor", "post_id", "read", "created_at"}


def test_a_follow_a_like_and_a_comment_notify_the_other_user_newest_first(
    net: Network, alice: User, bob: User
) -> None:
    post = net.post(alice)
    net.follow(bob, alice)
    net.like(bob, post["id"])
    net.comment(bob, post["id"])

    page = net.notifications(alice)

    assert set(page) >= {"items", "next_cursor", "unread_count"}
    items = page["items"]
    assert [(n["type"], n["post_id"]) for n in items] == [
        ("comment", post["id"]),
        ("like", post["id"]),
        ("follow", None),
    ]
    for notification in items:
        assert set(notification) >= NOTIFICATION_MEMBERS
        assert_profile(notification["actor"])
        assert notification["actor"]["username"] == bob.username
        assert notification["read"] is False
    assert page["unread_count"] == 3
    assert page["next_cursor"] is None
    assert net.notifications(bob)["items"] == [], "the actor is not notified"


def test_nobody_is_notified_of_their_own_actions(
    net: Network, api: httpx.Client, alice: User
) -> None:
    post = net.post(alice)
    net.like(alice, post["id"])
    net.comment(alice, post["id"])
    api.post(f"/users/{alice.username}/follow", headers=alice.auth)  # refused: 422

    page = net.notifications(alice)

    assert page["items"] == []
    assert page["unread_count"] == 0


def test_liking_again_does_not_notify_twice(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    post = net.post(alice)
    for _ in range(3):
        net.like(bob, post["id"])
        expect(api.delete(f"/posts/{post['id']}/like", headers=bob.auth), 200, "unlike")
    net.like(bob, post["id"])

    likes = [n for n in net.notifications(alice)["items"] if n["type"] == "like"]

    assert len(likes) == 1


def test_following_again_does_not_notify_twice(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    for _ in range(3):
        net.follow(bob, alice)
        expect(api.delete(f"/users/{alice.username}/follow", headers=bob.auth), 200, "unfollow")
    net.follow(bob, alice)

    follows = [n for n in net.notifications(alice)["items"] if n["type"] == "follow"]

    assert len(follows) == 1


def test_every_comment_notifies(net: Network, alice: User, bob: User) -> None:
    post = net.post(alice)
    net.comment(bob, post["id"], "one")
    net.comment(bob, post["id"], "two")

    comments = [n for n in net.notifications(alice)["items"] if n["type"] == "comment"]

    assert len(comments) == 2


def test_notifications_need_a_token(api: httpx.Client) -> None:
    expect_problem(api.get("/notifications"), 401, "reading anonymously")
    response = api.post("/notifications/read", json={"all": True})
    expect_problem(response, 401, "marking anonymously")


def make_notifications(
    net: Network, crowd: Crowd, recipient: User, count: int
) -> list[dict[str, Any]]:
    """``count`` like notifications for ``recipient``, newest first."""
    post = net.post(recipient)
    for fan in crowd.first(count):
        net.like(fan, post["id"])
    items: list[dict[str, Any]] = net.notifications(recipient)["items"]
    assert len(items) == count
    return items


def test_marking_some_read_by_id(
    net: Network, api: httpx.Client, alice: User, crowd: Crowd
) -> None:
    items = make_notifications(net, crowd, alice, 3)
    chosen = [items[0]["id"], items[2]["id"]]

    response = api.post("/notifications/read", json={"ids": chosen}, headers=alice.auth)

    assert response.status_code == 204, response.text
    page = net.notifications(alice)
    assert page["unread_count"] == 1
    assert {n["id"]: n["read"] for n in page["items"]} == {
        items[0]["id"]: True,
        items[1]["id"]: False,
        items[2]["id"]: True,
    }


def test_marking_all_read(net: Network, api: httpx.Client, alice: User, crowd: Crowd) -> None:
    make_notifications(net, crowd, alice, 3)

    response = api.post("/notifications/read", json={"all": True}, headers=alice.auth)

    assert response.status_code == 204, response.text
    page = net.notifications(alice)
    assert page["unread_count"] == 0
    assert all(n["read"] for n in page["items"])


def test_nobody_can_mark_someone_elses_notifications_read(
    net: Network, api: httpx.Client, alice: User, bob: User, crowd: Crowd
) -> None:
    items = make_notifications(net, crowd, alice, 2)

    api.post("/notifications/read", json={"ids": [n["id"] for n in items]}, headers=bob.auth)
    api.post("/notifications/read", json={"all": True}, headers=bob.auth)

    assert net.notifications(alice)["unread_count"] == 2


def test_marking_read_without_ids_or_all_answers_422(api: httpx.Client, alice: User) -> None:
    response = api.post("/notifications/read", json={}, headers=alice.auth)

    expect_field_errors(response, "marking read with an empty body")


def test_notification_pages_never_repeat_or_skip_while_new_ones_arrive(
    net: Network, alice: User, crowd: Crowd
) -> None:
    existing = make_notifications(net, crowd, alice, 5)
    post = net.post(alice)
    late = iter(crowd.first(10)[5:])

    seen = net.walk(
        "/notifications",
        alice,
        limit=2,
        between=lambda: net.like(next(late), post["id"]),
    )

    assert [n["id"] for n in seen] == [n["id"] for n in existing]
