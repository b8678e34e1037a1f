"""Posts: 280 code points, stored as given; read, list and delete (author only)."""

from __future__ import annotations

import httpx
import pytest
from tests.contracts.checks import expect, expect_field_errors, expect_problem
from tests.contracts.social.network import Crowd, Network, User, assert_profile

POST_MEMBERS = {"id", "body", "author", "like_count", "comment_count", "liked_by_me", "created_at"}


def test_publishing_answers_201_with_the_post(api: httpx.Client, alice: User) -> None:
    response = api.post("/posts", json={"body": "Hello, network!"}, headers=alice.auth)

    post = expect(response, 201, "publishing")
    assert set(post) >= POST_MEMBERS
    assert post["body"] == "Hello, network!"
    assert_profile(post["author"])
    assert post["author"]["username"] == alice.username
    assert (post["like_count"], post["comment_count"], post["liked_by_me"]) == (0, 0, False)
    assert post["created_at"].endswith(("Z", "+00:00")), "times are RFC 3339 UTC"


@pytest.mark.parametrize(
    "body",
    ["x" * 280, "😀" * 280, "é" * 280, "👩🏽‍💻" * 70],
    ids=["ascii", "emoji", "accented", "zwj-sequences"],
)
def test_a_post_of_280_code_points_is_accepted_whatever_its_bytes(
    api: httpx.Client, crowd: Crowd, body: str
) -> None:
    assert len(body) == 280
    author = crowd.first(1)[0]
    post = expect(api.post("/posts", json={"body": body}, headers=author.auth), 201, "280")

    assert post["body"] == body
    stored = expect(api.get(f"/posts/{post['id']}"), 200, "reading it back")
    assert stored["body"] == body


@pytest.mark.parametrize(
    "body",
    ["", " ", "   \n\t  ", "\u3000\u00a0", "x" * 281, "😀" * 281],
    ids=["empty", "space", "whitespace", "unicode-spaces", "281-ascii", "281-emoji"],
)
def test_an_empty_blank_or_too_long_post_answers_422(
    net: Network, api: httpx.Client, crowd: Crowd, body: str
) -> None:
    author = crowd.first(1)[0]
    before = net.profile(author.username)["posts_count"]

    response = api.post("/posts", json={"body": body}, headers=author.auth)

    expect_field_errors(response, f"a post of {len(body)} code points", "body")
    assert net.profile(author.username)["posts_count"] == before, "the post was stored"


def test_a_post_is_stored_as_given_and_returned_as_json(api: httpx.Client, alice: User) -> None:
    body = "  <script>alert('x')</script> & <b>bold</b>  "

    post = expect(api.post("/posts", json={"body": body}, headers=alice.auth), 201, "html")
    read = api.get(f"/posts/{post['id']}")

    assert post["body"] == body
    assert expect(read, 200, "reading it")["body"] == body
    assert read.headers["content-type"].startswith("application/json")


def test_publishing_needs_a_token(api: httpx.Client) -> None:
    expect_problem(api.post("/posts", json={"body": "anonymous"}), 401, "anonymous post")


def test_anyone_may_read_a_post(net: Network, api: httpx.Client, alice: User) -> None:
    post = net.post(alice, "Read me")

    read = expect(api.get(f"/posts/{post['id']}"), 200, "reading anonymously")

    assert set(read) >= POST_MEMBERS
    assert (read["id"], read["body"], read["liked_by_me"]) == (post["id"], "Read me", False)


def test_an_unknown_post_answers_404(net: Network, api: httpx.Client, alice: User) -> None:
    post = net.post(alice)
    expect(api.delete(f"/posts/{post['id']}", headers=alice.auth), 204, "deleting")

    expect_problem(api.get(f"/posts/{post['id']}"), 404, "a deleted post")


def test_only_the_author_may_delete_a_post(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    post = net.post(alice)

    expect_problem(api.delete(f"/posts/{post['id']}"), 401, "deleting anonymously")
    expect_problem(api.delete(f"/posts/{post['id']}", headers=bob.auth), 403, "someone else")
    expect(api.get(f"/posts/{post['id']}"), 200, "the post is still there")
    response = api.delete(f"/posts/{post['id']}", headers=alice.auth)
    assert response.status_code == 204 and not response.content, response.text


def test_deleting_a_post_takes_its_likes_comments_and_notifications(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    post = net.post(alice)
    net.like(bob, post["id"])
    net.comment(bob, post["id"])
    assert len(net.notifications(alice)["items"]) == 2

    expect(api.delete(f"/posts/{post['id']}", headers=alice.auth), 204, "deleting")

    expect_problem(api.get(f"/posts/{post['id']}/comments"), 404, "its comments")
    expect_problem(api.post(f"/posts/{post['id']}/like", headers=bob.auth), 404, "liking it")
    left = net.notifications(alice)
    assert left["items"] == [], f"notifications about the deleted post remain: {left}"
    assert left["unread_count"] == 0
    assert net.profile(alice.username)["posts_count"] == 0


def test_a_users_posts_are_listed_newest_first(net: Network, alice: User, bob: User) -> None:
    mine = [net.post(alice, f"number {n}") for n in range(4)]
    net.post(bob)

    listed = net.walk(f"/users/{alice.username}/posts")

    assert [p["id"] for p in listed] == [p["id"] for p in reversed(mine)]
    for post in listed:
        assert set(post) >= POST_MEMBERS


def test_posts_of_an_unknown_user_answer_404(api: httpx.Client) -> None:
    expect_problem(api.get("/users/no_such_user_here_x/posts"), 404, "an unknown user's posts")


@pytest.mark.parametrize("post_id", ["2147483648", "99999999999999999999"])
def test_an_id_too_large_for_any_post_is_refused_not_a_crash(
    api: httpx.Client, post_id: str
) -> None:
    response = api.get(f"/posts/{post_id}")

    assert response.status_code in (404, 422), f"/posts/{post_id}: {response.status_code}"
    expect_problem(response, response.status_code, f"post id {post_id}")
