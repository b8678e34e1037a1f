"""The /api/articles endpoints, the feed, favourites and /api/tags."""

import re
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.blog.articles import service as articles_service
from app.blog.articles.models import Article, Favorite
from app.blog.comments.models import Comment
from tests.blog.factories import (
    auth_headers,
    create_article,
    create_comment,
    create_favorite,
    create_follow,
    create_user,
)

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
NEW_ARTICLE = {
    "title": "How to train your dragon",
    "description": "Ever wonder how?",
    "body": "Very carefully.",
    "tagList": ["training", "dragons", "training"],
}


def slugs(response_json: Any) -> list[str]:
    return [article["slug"] for article in response_json["articles"]]


# --- Create ---------------------------------------------------------------------


def test_create_article_returns_201_and_stores_it(client: FlaskClient, session: Session) -> None:
    author = create_user(session, username="author")

    response = client.post(
        "/api/articles", headers=auth_headers(author), json={"article": NEW_ARTICLE}
    )

    assert response.status_code == 201
    article = response.json["article"]
    assert article["slug"] == "how-to-train-your-dragon"
    assert article["tagList"] == ["dragons", "training"]  # sorted, no duplicates
    assert article["body"] == "Very carefully."
    assert article["favorited"] is False and article["favoritesCount"] == 0
    assert article["author"] == {
        "username": "author",
        "bio": None,
        "image": None,
        "following": False,
    }
    assert TIMESTAMP.match(article["createdAt"]) and TIMESTAMP.match(article["updatedAt"])
    stored = session.scalar(select(Article).where(Article.slug == article["slug"]))
    assert stored is not None and stored.author_id == author.id


def test_articles_with_the_same_title_get_different_slugs(
    client: FlaskClient, session: Session
) -> None:
    author = create_user(session)
    headers = auth_headers(author)

    first = client.post("/api/articles", headers=headers, json={"article": NEW_ARTICLE})
    second = client.post("/api/articles", headers=headers, json={"article": NEW_ARTICLE})

    assert first.json["article"]["slug"] != second.json["article"]["slug"]
    assert second.json["article"]["slug"].startswith("how-to-train-your-dragon-")


def test_two_articles_saved_with_one_title_at_once_get_different_slugs(
    client: FlaskClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two requests saving one title at the same moment both find its slug free; the
    # second insert then breaks the UNIQUE constraint. Make the check always say
    # "free", as it would for both of them.
    monkeypatch.setattr(articles_service, "slug_taken", lambda _session, _slug: False)
    headers = auth_headers(create_user(session))

    first = client.post("/api/articles", headers=headers, json={"article": NEW_ARTICLE})
    second = client.post("/api/articles", headers=headers, json={"article": NEW_ARTICLE})

    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json["article"]["slug"] == "how-to-train-your-dragon"
    assert second.json["article"]["slug"].startswith("how-to-train-your-dragon-")


def test_create_article_without_token_returns_401(client: FlaskClient) -> None:
    response = client.post("/api/articles", json={"article": NEW_ARTICLE})

    assert response.status_code == 401


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"title": ""}, "title"), ({"body": "  "}, "body"), ({"tagList": "dragons"}, "tagList")],
)
def test_create_article_with_invalid_fields_returns_422(
    client: FlaskClient, session: Session, changes: dict[str, Any], field: str
) -> None:
    author = create_user(session)

    response = client.post(
        "/api/articles", headers=auth_headers(author), json={"article": {**NEW_ARTICLE, **changes}}
    )

    assert response.status_code == 422
    assert field in response.json["errors"]


def test_create_article_without_required_fields_returns_422(
    client: FlaskClient, session: Session
) -> None:
    author = create_user(session)

    response = client.post("/api/articles", headers=auth_headers(author), json={"article": {}})

    assert response.status_code == 422
    assert {"title", "description", "body"} <= set(response.json["errors"])


# --- Read -----------------------------------------------------------------------


def test_get_article_returns_it_in_full(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session), tags=["b", "a"])

    response = client.get(f"/api/articles/{article.slug}")

    assert response.status_code == 200
    body = response.json["article"]
    assert body["slug"] == article.slug
    assert body["body"] == article.body
    assert body["tagList"] == ["a", "b"]


def test_get_unknown_article_returns_404(client: FlaskClient) -> None:
    response = client.get("/api/articles/no-such-article")

    assert response.status_code == 404
    assert response.json == {"errors": {"article": ["article not found"]}}


def test_get_article_shows_the_viewers_favorite_and_follow(
    client: FlaskClient, session: Session
) -> None:
    author = create_user(session)
    article = create_article(session, author=author)
    viewer = create_user(session)
    create_favorite(session, user=viewer, article=article)
    create_follow(session, follower=viewer, followed=author)

    body = client.get(f"/api/articles/{article.slug}", headers=auth_headers(viewer)).json

    assert body["article"]["favorited"] is True
    assert body["article"]["favoritesCount"] == 1
    assert body["article"]["author"]["following"] is True


# --- List, filters and pagination ----------------------------------------------------


def test_list_articles_newest_first_without_body(client: FlaskClient, session: Session) -> None:
    author = create_user(session)
    older = create_article(session, author=author)
    newer = create_article(session, author=author)

    response = client.get("/api/articles")

    assert response.status_code == 200
    assert slugs(response.json) == [newer.slug, older.slug]
    assert response.json["articlesCount"] == 2
    assert "body" not in response.json["articles"][0]


def test_list_articles_on_empty_database(client: FlaskClient) -> None:
    assert client.get("/api/articles").json == {"articles": [], "articlesCount": 0}


def test_list_articles_pages_with_limit_and_offset(client: FlaskClient, session: Session) -> None:
    author = create_user(session)
    created = [create_article(session, author=author) for _ in range(5)]
    newest_first = [article.slug for article in reversed(created)]

    page = client.get("/api/articles", query_string={"limit": 2, "offset": 1}).json

    assert slugs(page) == newest_first[1:3]
    assert page["articlesCount"] == 5


def test_list_articles_default_limit_is_20(client: FlaskClient, session: Session) -> None:
    author = create_user(session)
    for _ in range(21):
        create_article(session, author=author)

    page = client.get("/api/articles").json

    assert len(page["articles"]) == 20
    assert page["articlesCount"] == 21


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 101},
        {"limit": "many"},
        {"limit": "99999999999999999999999"},
        {"offset": -1},
        {"tag": "x" * 101},
    ],
)
def test_list_articles_with_out_of_range_paging_returns_422(
    client: FlaskClient, params: dict[str, Any]
) -> None:
    response = client.get("/api/articles", query_string=params)

    assert response.status_code == 422
    assert set(response.json["errors"]) <= {"limit", "offset", "tag"}


def test_list_articles_filtered_by_tag(client: FlaskClient, session: Session) -> None:
    author = create_user(session)
    dragons = create_article(session, author=author, tags=["dragons", "fantasy"])
    create_article(session, author=author, tags=["cooking"])

    page = client.get("/api/articles", query_string={"tag": "dragons"}).json

    assert slugs(page) == [dragons.slug]
    assert page["articlesCount"] == 1
    assert page["articles"][0]["tagList"] == ["dragons", "fantasy"]


def test_list_articles_filtered_by_author(client: FlaskClient, session: Session) -> None:
    alice = create_user(session, username="alice")
    by_alice = create_article(session, author=alice)
    create_article(session, author=create_user(session))

    page = client.get("/api/articles", query_string={"author": "alice"}).json

    assert slugs(page) == [by_alice.slug]
    assert page["articlesCount"] == 1


def test_list_articles_filtered_by_favorited(client: FlaskClient, session: Session) -> None:
    author = create_user(session)
    liked = create_article(session, author=author)
    create_article(session, author=author)
    fan = create_user(session, username="fan")
    create_favorite(session, user=fan, article=liked)

    page = client.get("/api/articles", query_string={"favorited": "fan"}).json

    assert slugs(page) == [liked.slug]
    assert page["articles"][0]["favoritesCount"] == 1


def test_list_articles_filters_combine(client: FlaskClient, session: Session) -> None:
    alice = create_user(session, username="alice")
    wanted = create_article(session, author=alice, tags=["python"])
    create_article(session, author=alice, tags=["rust"])
    create_article(session, author=create_user(session), tags=["python"])

    page = client.get("/api/articles", query_string={"author": "alice", "tag": "python"}).json

    assert slugs(page) == [wanted.slug]


def test_list_articles_with_unknown_filter_values_is_empty(
    client: FlaskClient, session: Session
) -> None:
    create_article(session, author=create_user(session), tags=["a"])

    for params in [{"tag": "nope"}, {"author": "nobody"}, {"favorited": "nobody"}]:
        assert client.get("/api/articles", query_string=params).json == {
            "articles": [],
            "articlesCount": 0,
        }


# --- Feed -----------------------------------------------------------------------------


def test_feed_lists_only_followed_authors_newest_first(
    client: FlaskClient, session: Session
) -> None:
    followed = create_user(session)
    older = create_article(session, author=followed)
    create_article(session, author=create_user(session))
    newer = create_article(session, author=followed)
    reader = create_user(session)
    create_follow(session, follower=reader, followed=followed)

    page = client.get("/api/articles/feed", headers=auth_headers(reader)).json

    assert slugs(page) == [newer.slug, older.slug]
    assert page["articlesCount"] == 2
    assert all(article["author"]["following"] for article in page["articles"])


def test_feed_pages_with_limit_and_offset(client: FlaskClient, session: Session) -> None:
    followed = create_user(session)
    created = [create_article(session, author=followed) for _ in range(3)]
    reader = create_user(session)
    create_follow(session, follower=reader, followed=followed)

    page = client.get(
        "/api/articles/feed", headers=auth_headers(reader), query_string={"limit": 1, "offset": 2}
    ).json

    assert slugs(page) == [created[0].slug]
    assert page["articlesCount"] == 3


def test_feed_is_empty_when_following_nobody(client: FlaskClient, session: Session) -> None:
    create_article(session, author=create_user(session))
    reader = create_user(session)

    page = client.get("/api/articles/feed", headers=auth_headers(reader)).json

    assert page == {"articles": [], "articlesCount": 0}


def test_feed_without_token_returns_401(client: FlaskClient) -> None:
    assert client.get("/api/articles/feed").status_code == 401


# --- Update ---------------------------------------------------------------------------


def test_update_article_by_author_changes_what_is_stored(
    client: FlaskClient, session: Session
) -> None:
    author = create_user(session)
    article = create_article(session, author=author, title="Old title", tags=["old"])

    response = client.put(
        f"/api/articles/{article.slug}",
        headers=auth_headers(author),
        json={"article": {"title": "New title", "body": "New body", "tagList": ["new"]}},
    )

    assert response.status_code == 200
    body = response.json["article"]
    assert (body["title"], body["slug"], body["body"]) == ("New title", "new-title", "New body")
    assert body["tagList"] == ["new"]
    assert body["description"] == article.description
    session.expire_all()
    stored = session.get(Article, article.id)
    assert stored is not None
    assert (stored.title, stored.slug, stored.body) == ("New title", "new-title", "New body")
    assert client.get("/api/articles/old-title").status_code == 404


def test_update_article_body_only_keeps_the_slug(client: FlaskClient, session: Session) -> None:
    author = create_user(session)
    article = create_article(session, author=author, title="Stable")

    response = client.put(
        f"/api/articles/{article.slug}",
        headers=auth_headers(author),
        json={"article": {"body": "With two hands"}},
    )

    assert response.json["article"]["slug"] == "stable"
    assert response.json["article"]["body"] == "With two hands"


def test_update_article_by_non_author_returns_403(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session), title="Mine")
    intruder = create_user(session)

    response = client.put(
        f"/api/articles/{article.slug}",
        headers=auth_headers(intruder),
        json={"article": {"title": "Hacked"}},
    )

    assert response.status_code == 403
    session.expire_all()
    stored = session.get(Article, article.id)
    assert stored is not None and stored.title == "Mine"


def test_update_article_without_token_returns_401(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))

    response = client.put(f"/api/articles/{article.slug}", json={"article": {"title": "x"}})

    assert response.status_code == 401


def test_update_unknown_article_returns_404(client: FlaskClient, session: Session) -> None:
    user = create_user(session)

    response = client.put(
        "/api/articles/nope", headers=auth_headers(user), json={"article": {"title": "x"}}
    )

    assert response.status_code == 404


def test_update_article_with_empty_title_returns_422(client: FlaskClient, session: Session) -> None:
    author = create_user(session)
    article = create_article(session, author=author)

    response = client.put(
        f"/api/articles/{article.slug}",
        headers=auth_headers(author),
        json={"article": {"title": ""}},
    )

    assert response.status_code == 422


# --- Delete ---------------------------------------------------------------------------


def test_delete_article_by_author_returns_204_and_removes_it_with_its_comments(
    client: FlaskClient, session: Session
) -> None:
    author = create_user(session)
    article = create_article(session, author=author, tags=["gone"])
    article_id, author_id, slug = article.id, author.id, article.slug
    comment_id = create_comment(session, article=article, author=author).id
    create_favorite(session, user=author, article=article)

    response = client.delete(f"/api/articles/{slug}", headers=auth_headers(author))

    assert response.status_code == 204
    session.expire_all()
    assert session.get(Article, article_id) is None
    assert session.get(Comment, comment_id) is None
    assert session.get(Favorite, (author_id, article_id)) is None
    assert client.get("/api/tags").json == {"tags": []}


def test_delete_article_by_non_author_returns_403(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))
    intruder = create_user(session)

    response = client.delete(f"/api/articles/{article.slug}", headers=auth_headers(intruder))

    assert response.status_code == 403
    session.expire_all()
    assert session.get(Article, article.id) is not None


def test_delete_article_without_token_returns_401(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))

    assert client.delete(f"/api/articles/{article.slug}").status_code == 401


def test_delete_unknown_article_returns_404(client: FlaskClient, session: Session) -> None:
    user = create_user(session)

    assert client.delete("/api/articles/nope", headers=auth_headers(user)).status_code == 404


# --- Favourites -------------------------------------------------------------------------


def test_favorite_article_counts_it_and_stores_it(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))
    first_fan, second_fan = create_user(session), create_user(session)

    client.post(f"/api/articles/{article.slug}/favorite", headers=auth_headers(first_fan))
    response = client.post(
        f"/api/articles/{article.slug}/favorite", headers=auth_headers(second_fan)
    )

    assert response.status_code == 200
    assert response.json["article"]["favorited"] is True
    assert response.json["article"]["favoritesCount"] == 2
    assert session.get(Favorite, (second_fan.id, article.id)) is not None


def test_favorite_twice_counts_once(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))
    fan = create_user(session)

    client.post(f"/api/articles/{article.slug}/favorite", headers=auth_headers(fan))
    response = client.post(f"/api/articles/{article.slug}/favorite", headers=auth_headers(fan))

    assert response.json["article"]["favoritesCount"] == 1


def test_unfavorite_article_uncounts_it(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))
    fan = create_user(session)
    create_favorite(session, user=fan, article=article)

    response = client.delete(f"/api/articles/{article.slug}/favorite", headers=auth_headers(fan))

    assert response.status_code == 200
    assert response.json["article"]["favorited"] is False
    assert response.json["article"]["favoritesCount"] == 0
    session.expire_all()
    assert session.get(Favorite, (fan.id, article.id)) is None


def test_favorite_without_token_returns_401(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))

    assert client.post(f"/api/articles/{article.slug}/favorite").status_code == 401
    assert client.delete(f"/api/articles/{article.slug}/favorite").status_code == 401


def test_favorite_unknown_article_returns_404(client: FlaskClient, session: Session) -> None:
    fan = create_user(session)

    response = client.post("/api/articles/nope/favorite", headers=auth_headers(fan))

    assert response.status_code == 404


# --- Tags -------------------------------------------------------------------------------


def test_tags_lists_tags_in_use_alphabetically_once_each(
    client: FlaskClient, session: Session
) -> None:
    author = create_user(session)
    create_article(session, author=author, tags=["python", "fastapi"])
    create_article(session, author=author, tags=["python", "alembic"])

    response = client.get("/api/tags")

    assert response.status_code == 200
    assert response.json == {"tags": ["alembic", "fastapi", "python"]}


def test_slugify_handles_accents_symbols_and_empty_titles() -> None:
    from app.blog.articles.service import slugify

    assert slugify("Héllo, Wörld!  2026") == "hello-world-2026"
    assert slugify("???") == "article"
