"""Comments: 1000 code points, oldest first; deleted by their author or the post's author."""

from __future__ import annotations

import httpx
import pytest
from tests.contracts.checks import expect, expect_field_errors, expect_problem
from tests.contracts.social.network import Crowd, Network, User, assert_profile

COMMENT_MEMBERS = {"id", "body", "author", "post_id", "created_at"}


def test_commenting_answers_201_with_the_comment(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    post = net.post(alice)

    response = api.post(f"/posts/{post['id']}/comments", json={"body": "Nice!"}, headers=bob.auth)

    comment = expect(response, 201, "commenting")
    assert set(comment) >= COMMENT_MEMBERS
    assert (comment["body"], comment["post_id"]) == ("Nice!", post["id"])
    assert_profile(comment["author"])
    assert comment["author"]["username"] == bob.username
    read = expect(api.get(f"/posts/{post['id']}"), 200, "the post")
    assert read["comment_count"] == 1


@pytest.mark.parametrize("body", ["ü" * 1000, "😀" * 1000], ids=["accented", "emoji"])
def test_a_comment_of_1000_code_points_is_accepted(
    net: Network, api: httpx.Client, crowd: Crowd, body: str
) -> None:
    author = crowd.first(1)[0]
    post = net.post(author)

    response = api.post(f"/posts/{post['id']}/comments", json={"body": body}, headers=author.auth)

    assert expect(response, 201, "1000 code points")["body"] == body


@pytest.mark.parametrize("body", ["", "  \n ", "x" * 1001], ids=["empty", "blank", "1001"])
def test_an_empty_or_too_long_comment_answers_422(
    net: Network, api: httpx.Client, crowd: Crowd, body: str
) -> None:
    author = crowd.first(1)[0]
    post = net.post(author)

    response = api.post(f"/posts/{post['id']}/comments", json={"body": body}, headers=author.auth)

    expect_field_errors(response, f"a comment of {len(body)} code points", "body")
    assert net.walk(f"/posts/{post['id']}/comments") == [], "the comment was stored"


def test_commenting_needs_a_token_and_an_existing_post(
    net: Network, api: httpx.Client, alice: User
) -> None:
    post = net.post(alice)
    url = f"/posts/{post['id']}/comments"
    expect_problem(api.post(url, json={"body": "x"}), 401, "commenting anonymously")
    expect(api.delete(f"/posts/{post['id']}", headers=alice.auth), 204, "deleting the post")

    expect_problem(api.post(url, json={"body": "x"}, headers=alice.auth), 404, "a gone post")


def test_comments_are_listed_oldest_first_without_repeats_while_new_ones_arrive(
    net: Network, alice: User, bob: User
) -> None:
    post = net.post(alice)
    first = [net.comment(bob, post["id"], f"comment {n}") for n in range(5)]

    seen = net.walk(
        f"/posts/{post['id']}/comments",
        limit=2,
        between=lambda: net.comment(alice, post["id"], "late"),
    )

    ids = [c["id"] for c in seen]
    assert len(ids) == len(set(ids)), "a comment was listed twice"
    assert ids[: len(first)] == [c["id"] for c in first], "not oldest first, or one skipped"
    for comment in seen:
        assert set(comment) >= COMMENT_MEMBERS


def test_the_comment_author_may_delete_it(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    post = net.post(alice)
    comment = net.comment(bob, post["id"])

    response = api.delete(f"/comments/{comment['id']}", headers=bob.auth)

    assert response.status_code == 204, response.text
    assert net.walk(f"/posts/{post['id']}/comments") == []


def test_the_post_author_may_delete_anyones_comment_under_it(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    post = net.post(alice)
    comment = net.comment(bob, post["id"])

    response = api.delete(f"/comments/{comment['id']}", headers=alice.auth)

    assert response.status_code == 204, response.text
    assert net.walk(f"/posts/{post['id']}/comments") == []


def test_nobody_else_may_delete_a_comment(
    net: Network, api: httpx.Client, alice: User, bob: User, carol: User
) -> None:
    post = net.post(alice)
    comment = net.comment(bob, post["id"])
    # carol is the author of *another* post: that gives her no rights here.
    net.post(carol)

    expect_problem(api.delete(f"/comments/{comment['id']}"), 401, "deleting anonymously")
    expect_problem(api.delete(f"/comments/{comment['id']}", headers=carol.auth), 403, "carol")
    remaining = net.walk(f"/posts/{post['id']}/comments")
    assert [c["id"] for c in remaining] == [comment["id"]]


def test_a_comment_author_may_not_delete_other_comments_under_the_same_post(
    net: Network, api: httpx.Client, alice: User, bob: User, carol: User
) -> None:
    post = net.post(alice)
    bobs = net.comment(bob, post["id"])
    net.comment(carol, post["id"])

    expect_problem(api.delete(f"/comments/{bobs['id']}", headers=carol.auth), 403, "carol")


def test_deleting_a_gone_comment_answers_404(net: Network, api: httpx.Client, alice: User) -> None:
    post = net.post(alice)
    comment = net.comment(alice, post["id"])
    expect(api.delete(f"/comments/{comment['id']}", headers=alice.auth), 204, "deleting")

    expect_problem(api.delete(f"/comments/{comment['id']}", headers=alice.auth), 404, "again")
