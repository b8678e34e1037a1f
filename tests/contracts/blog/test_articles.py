"""Articles: what is stored, who may change it, and how lists page and filter."""

from __future__ import annotations

import re
from datetime import datetime

import httpx
import pytest
from tests.contracts.blog.conduit import Conduit, User, assert_validation_error, slugs, unique
from tests.contracts.checks import expect

# RealWorld's clients and its Postman suite expect e.g. 2026-01-02T03:04:05.678Z.
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+(Z|[+-]\d{2}:\d{2})$")


def parse_timestamp(value: str) -> datetime:
    assert TIMESTAMP.match(value), f"{value!r} is not ISO 8601 with fractional seconds"
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


# --- creating and reading ---------------------------------------------------------------------


def test_a_created_article_is_stored_as_sent(
    api: httpx.Client, conduit: Conduit, alice: User
) -> None:
    sent = {"title": unique("Stored "), "description": "what it is", "body": "# All of it"}
    response = api.post("/articles", json={"article": sent}, headers=alice.auth)
    created = expect(response, 201, "creating an article")["article"]
    stored = conduit.read_article(created["slug"])
    for article in (created, stored):
        assert {key: article[key] for key in sent} == sent
        assert article["author"]["username"] == alice.username
        assert article["favorited"] is False and article["favoritesCount"] == 0
        assert article["tagList"] == []


def test_tag_list_is_sorted_and_without_duplicates(conduit: Conduit, alice: User) -> None:
    tag = unique("t")
    sent = [f"zeta-{tag}", f"alpha-{tag}", f"mid-{tag}", f"alpha-{tag}"]
    expected = sorted(set(sent))
    created = conduit.create_article(alice, tags=sent)
    assert created["tagList"] == expected, "tagList in the create response"
    assert conduit.read_article(created["slug"])["tagList"] == expected, "tagList when read"
    listed = conduit.list_articles(tag=f"mid-{tag}")["articles"]
    assert [article["tagList"] for article in listed] == [expected], "tagList in a list"
    tags = expect(conduit.api.get("/tags"), 200, "GET /tags")["tags"]
    assert set(expected) <= set(tags), "the article's tags are missing from GET /tags"


def test_timestamps_have_fractional_seconds(conduit: Conduit, alice: User) -> None:
    created = conduit.create_article(alice)
    listed = conduit.list_articles(author=alice.username)["articles"][0]
    comment = conduit.comment(alice, created["slug"])
    for where, item in (("article", created), ("list", listed), ("comment", comment)):
        for key in ("createdAt", "updatedAt"):
            assert TIMESTAMP.match(item[key]), f"{where} {key} {item[key]!r}"


def test_articles_with_equal_titles_get_different_slugs(
    conduit: Conduit, alice: User, bob: User
) -> None:
    title = unique("Same title ")
    first = conduit.create_article(alice, title=title)
    second = conduit.create_article(alice, title=title)
    third = conduit.create_article(bob, title=title)
    assert len({first["slug"], second["slug"], third["slug"]}) == 3, "slugs collide"
    for article in (first, second, third):
        assert conduit.read_article(article["slug"])["body"] == article["body"]


@pytest.mark.parametrize("missing", ["title", "description", "body"])
def test_creating_an_article_without_a_required_field_is_422(
    api: httpx.Client, conduit: Conduit, alice: User, missing: str
) -> None:
    article = {"title": unique("Incomplete "), "description": "d", "body": "b"}
    del article[missing]
    response = api.post("/articles", json={"article": article}, headers=alice.auth)
    assert_validation_error(response, f"an article without {missing}")
    assert conduit.list_articles(author=alice.username)["articlesCount"] == 0


def test_an_unknown_slug_is_404_everywhere(api: httpx.Client, alice: User) -> None:
    slug = unique("no-such-article-")
    for method, path, body in (
        ("GET", f"/articles/{slug}", None),
        ("PUT", f"/articles/{slug}", {"article": {"body": "b"}}),
        ("DELETE", f"/articles/{slug}", None),
        ("POST", f"/articles/{slug}/favorite", None),
        ("DELETE", f"/articles/{slug}/favorite", None),
        ("GET", f"/articles/{slug}/comments", None),
        ("POST", f"/articles/{slug}/comments", {"comment": {"body": "c"}}),
        ("DELETE", f"/articles/{slug}/comments/1", None),
    ):
        response = api.request(method, path, json=body, headers=alice.auth)
        assert response.status_code == 404, (
            f"{method} {path}: {response.status_code}, expected 404: {response.text[:200]}"
        )


# --- changing and deleting ---------------------------------------------------------------------


def test_updating_an_article_changes_what_is_stored(
    api: httpx.Client, conduit: Conduit, alice: User
) -> None:
    original = conduit.create_article(alice, tags=["kept"])
    changes = {"title": unique("New title "), "description": "new description", "body": "new"}
    response = api.put(
        f"/articles/{original['slug']}", json={"article": changes}, headers=alice.auth
    )
    updated = expect(response, 200, "updating an article")["article"]
    stored = conduit.read_article(updated["slug"])
    for article in (updated, stored):
        assert {key: article[key] for key in changes} == changes
        assert article["tagList"] == ["kept"], "an update without tagList changed the tags"
        assert article["createdAt"] == original["createdAt"]
        assert parse_timestamp(article["updatedAt"]) > parse_timestamp(original["updatedAt"])


def test_updating_one_field_keeps_the_others(
    api: httpx.Client, conduit: Conduit, alice: User
) -> None:
    original = conduit.create_article(alice)
    response = api.put(
        f"/articles/{original['slug']}", json={"article": {"body": "only this"}}, headers=alice.auth
    )
    expect(response, 200, "updating the body only")
    stored = conduit.read_article(original["slug"])
    assert stored["body"] == "only this"
    assert (stored["title"], stored["description"]) == (original["title"], original["description"])


def test_editing_someone_elses_article_is_403_and_changes_nothing(
    api: httpx.Client, conduit: Conduit, alice: User, bob: User
) -> None:
    article = conduit.create_article(alice)
    response = api.put(
        f"/articles/{article['slug']}", json={"article": {"body": "bob was here"}}, headers=bob.auth
    )
    expect(response, 403, "bob editing alice's article")
    assert conduit.read_article(article["slug"])["body"] == article["body"]


def test_deleting_someone_elses_article_is_403_and_keeps_it(
    api: httpx.Client, conduit: Conduit, alice: User, bob: User
) -> None:
    article = conduit.create_article(alice)
    expect(api.delete(f"/articles/{article['slug']}", headers=bob.auth), 403, "bob deleting")
    assert conduit.read_article(article["slug"])["slug"] == article["slug"]


def test_deleting_ones_own_article_removes_it_and_its_comments(
    api: httpx.Client, conduit: Conduit, alice: User
) -> None:
    article = conduit.create_article(alice, tags=[unique("gone")])
    conduit.comment(alice, article["slug"])
    expect(api.delete(f"/articles/{article['slug']}", headers=alice.auth), 204, "deleting")
    expect(api.get(f"/articles/{article['slug']}"), 404, "reading a deleted article")
    expect(api.get(f"/articles/{article['slug']}/comments"), 404, "its comments")
    assert conduit.list_articles(author=alice.username)["articlesCount"] == 0


# --- pagination -------------------------------------------------------------------------------


@pytest.fixture
def five_tagged(conduit: Conduit, alice: User) -> tuple[str, list[str]]:
    """Five articles with a tag of their own, and their slugs newest first."""
    tag = unique("page")
    created = [conduit.create_article(alice, tags=[tag])["slug"] for _ in range(5)]
    return tag, created[::-1]


def test_articles_are_listed_newest_first(
    conduit: Conduit, five_tagged: tuple[str, list[str]]
) -> None:
    tag, newest_first = five_tagged
    page = conduit.list_articles(tag=tag)
    assert slugs(page) == newest_first
    assert page["articlesCount"] == 5


def test_limit_and_offset_page_through_and_articles_count_stays_the_total(
    conduit: Conduit, five_tagged: tuple[str, list[str]]
) -> None:
    tag, newest_first = five_tagged
    pages = [conduit.list_articles(tag=tag, limit=2, offset=offset) for offset in (0, 2, 4)]
    assert [slugs(page) for page in pages] == [
        newest_first[:2],
        newest_first[2:4],
        newest_first[4:],
    ]
    assert [page["articlesCount"] for page in pages] == [5, 5, 5]
    beyond = conduit.list_articles(tag=tag, limit=2, offset=5)
    assert (slugs(beyond), beyond["articlesCount"]) == ([], 5)


def test_list_items_leave_out_the_body(
    conduit: Conduit, five_tagged: tuple[str, list[str]]
) -> None:
    # RealWorld's MultipleArticlesResponse has no body: lists stay small.
    tag, _ = five_tagged
    for article in conduit.list_articles(tag=tag, limit=1)["articles"]:
        assert "body" not in article


@pytest.mark.parametrize(("name", "value"), [("limit", 0), ("limit", -1), ("offset", -1)])
def test_a_negative_offset_or_a_limit_below_one_is_422(
    api: httpx.Client, name: str, value: int
) -> None:
    assert_validation_error(api.get("/articles", params={name: value}), f"{name}={value}")


# --- filters ----------------------------------------------------------------------------------


def test_filters_by_tag_author_and_favorited_and_their_combinations(
    conduit: Conduit, alice: User, bob: User
) -> None:
    fan = conduit.register("fan")
    tag = unique("filter")
    a_tagged = conduit.create_article(alice, tags=[tag])["slug"]
    a_plain = conduit.create_article(alice)["slug"]
    b_tagged = conduit.create_article(bob, tags=[tag, unique("other")])["slug"]
    b_plain = conduit.create_article(bob)["slug"]
    for slug in (a_plain, b_tagged):
        conduit.favorite(fan, slug)

    cases = {
        "tag": ({"tag": tag}, {a_tagged, b_tagged}),
        "author": ({"author": alice.username}, {a_tagged, a_plain}),
        "favorited": ({"favorited": fan.username}, {a_plain, b_tagged}),
        "tag+author": ({"tag": tag, "author": bob.username}, {b_tagged}),
        "tag+favorited": ({"tag": tag, "favorited": fan.username}, {b_tagged}),
        "author+favorited": ({"author": alice.username, "favorited": fan.username}, {a_plain}),
        "all three, none match": (
            {"tag": tag, "author": alice.username, "favorited": fan.username},
            set(),
        ),
    }
    for name, (params, expected) in cases.items():
        page = conduit.list_articles(**params)
        assert set(slugs(page)) == expected, f"filter {name}: {slugs(page)}"
        assert page["articlesCount"] == len(expected), f"filter {name}: articlesCount"
    assert b_plain not in slugs(conduit.list_articles(favorited=fan.username))


def test_filters_for_unknown_names_match_nothing(conduit: Conduit) -> None:
    for params in (
        {"tag": unique("nope")},
        {"author": unique("nobody")},
        {"favorited": unique("x")},
    ):
        page = conduit.list_articles(**params)
        assert (page["articles"], page["articlesCount"]) == ([], 0), f"{params}"


# --- the feed -----------------------------------------------------------------------------------


def test_the_feed_shows_only_followed_authors_newest_first(
    api: httpx.Client, conduit: Conduit, alice: User, bob: User
) -> None:
    reader = conduit.register("reader")
    conduit.follow(reader, alice.username)
    first = conduit.create_article(alice)["slug"]
    conduit.create_article(bob)
    second = conduit.create_article(alice)["slug"]
    conduit.create_article(reader)  # one's own articles are not in one's feed either
    feed = conduit.feed(reader)
    assert slugs(feed) == [second, first]
    assert feed["articlesCount"] == 2
    assert all(article["author"]["following"] is True for article in feed["articles"])
    paged = conduit.feed(reader, limit=1, offset=1)
    assert (slugs(paged), paged["articlesCount"]) == ([first], 2)

    expect(api.delete(f"/profiles/{alice.username}/follow", headers=reader.auth), 200, "unfollow")
    after = conduit.feed(reader)
    assert (after["articles"], after["articlesCount"]) == ([], 0)


def test_the_feed_of_someone_who_follows_nobody_is_empty(conduit: Conduit, alice: User) -> None:
    conduit.create_article(alice)
    feed = conduit.feed(conduit.register("loner"))
    assert (feed["articles"], feed["articlesCount"]) == ([], 0)


# --- favourites ------------------------------------------------------------------------------


def test_favouriting_counts_each_user_once_and_flags_only_for_them(
    api: httpx.Client, conduit: Conduit, alice: User, bob: User
) -> None:
    slug = conduit.create_article(alice)["slug"]
    first = expect(api.post(f"/articles/{slug}/favorite", headers=bob.auth), 200, "favourite")
    assert (first["article"]["favorited"], first["article"]["favoritesCount"]) == (True, 1)
    again = expect(api.post(f"/articles/{slug}/favorite", headers=bob.auth), 200, "again")
    assert again["article"]["favoritesCount"] == 1, "favouriting twice counted twice"
    conduit.favorite(alice, slug)

    as_bob = conduit.read_article(slug, viewer=bob)
    assert (as_bob["favorited"], as_bob["favoritesCount"]) == (True, 2)
    anonymous = conduit.read_article(slug)
    assert (anonymous["favorited"], anonymous["favoritesCount"]) == (False, 2)
    carol = conduit.register("carol")
    assert conduit.read_article(slug, viewer=carol)["favorited"] is False
    listed = conduit.list_articles(viewer=bob, author=alice.username)["articles"][0]
    assert (listed["favorited"], listed["favoritesCount"]) == (True, 2)

    undone = expect(api.delete(f"/articles/{slug}/favorite", headers=bob.auth), 200, "unfavourite")
    assert (undone["article"]["favorited"], undone["article"]["favoritesCount"]) == (False, 1)
    stored = conduit.read_article(slug, viewer=bob)
    assert (stored["favorited"], stored["favoritesCount"]) == (False, 1)
    assert slugs(conduit.list_articles(favorited=bob.username)) == []
