"""Comments: stored as sent, listed per article, deleted only by their author."""

from __future__ import annotations

import httpx
from tests.contracts.blog.conduit import Conduit, User, assert_validation_error
from tests.contracts.checks import expect


def test_a_comment_is_stored_and_listed_under_its_article(
    api: httpx.Client, conduit: Conduit, alice: User, bob: User
) -> None:
    slug = conduit.create_article(alice)["slug"]
    response = api.post(
        f"/articles/{slug}/comments", json={"comment": {"body": "Nice one."}}, headers=bob.auth
    )
    comment = expect(response, 200, "commenting")["comment"]
    assert comment["body"] == "Nice one."
    assert comment["author"]["username"] == bob.username
    assert isinstance(comment["id"], int)
    listed = conduit.comments(slug)
    assert [(c["id"], c["body"], c["author"]["username"]) for c in listed] == [
        (comment["id"], "Nice one.", bob.username)
    ]
    other = conduit.create_article(alice)["slug"]
    assert conduit.comments(other) == [], "a comment shows under another article"


def test_a_comment_without_a_body_is_422_and_not_stored(
    api: httpx.Client, conduit: Conduit, alice: User
) -> None:
    slug = conduit.create_article(alice)["slug"]
    for body in ({"comment": {}}, {"comment": {"body": ""}}, {}):
        response = api.post(f"/articles/{slug}/comments", json=body, headers=alice.auth)
        assert_validation_error(response, f"commenting with {body}")
    assert conduit.comments(slug) == []


def test_deleting_ones_own_comment_removes_it(
    api: httpx.Client, conduit: Conduit, alice: User, bob: User
) -> None:
    slug = conduit.create_article(alice)["slug"]
    kept = conduit.comment(alice, slug)
    gone = conduit.comment(bob, slug)
    response = api.delete(f"/articles/{slug}/comments/{gone['id']}", headers=bob.auth)
    expect(response, 204, "deleting one's own comment")
    assert [c["id"] for c in conduit.comments(slug)] == [kept["id"]]
    again = api.delete(f"/articles/{slug}/comments/{gone['id']}", headers=bob.auth)
    expect(again, 404, "deleting it a second time")


def test_deleting_someone_elses_comment_is_403_and_keeps_it(
    api: httpx.Client, conduit: Conduit, alice: User, bob: User
) -> None:
    # Even the article's author may not delete a reader's comment: only its own author may.
    slug = conduit.create_article(alice)["slug"]
    comment = conduit.comment(bob, slug)
    response = api.delete(f"/articles/{slug}/comments/{comment['id']}", headers=alice.auth)
    expect(response, 403, "alice deleting bob's comment")
    assert [c["id"] for c in conduit.comments(slug)] == [comment["id"]]


def test_an_unknown_comment_or_one_of_another_article_is_404(
    api: httpx.Client, conduit: Conduit, alice: User
) -> None:
    slug = conduit.create_article(alice)["slug"]
    other = conduit.create_article(alice)["slug"]
    comment = conduit.comment(alice, other)
    for comment_id in (comment["id"] + 1_000_000, comment["id"]):
        response = api.delete(f"/articles/{slug}/comments/{comment_id}", headers=alice.auth)
        expect(response, 404, f"deleting comment {comment_id} through article {slug}")
    assert [c["id"] for c in conduit.comments(other)] == [comment["id"]]
