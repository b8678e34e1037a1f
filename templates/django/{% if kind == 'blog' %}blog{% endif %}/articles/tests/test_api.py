"""/api/articles, /api/articles/feed, /api/articles/<slug>[/favorite] and /api/tags."""

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from blog.articles.models import Article, Favorite
from blog.articles.tests.factories import ArticleFactory, FavoriteFactory
from blog.comments.models import Comment
from blog.comments.tests.factories import CommentFactory
from blog.profiles.tests.factories import FollowFactory
from blog.users.models import User
from blog.users.tests.factories import UserFactory
from core import rows

pytestmark = pytest.mark.django_db

LIST = reverse("api:article-list")
FEED = reverse("api:article-feed")
TAGS = reverse("api:tag-list")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$")


def detail_url(slug: str) -> str:
    return reverse("api:article-detail", args=[slug])


def favorite_url(slug: str) -> str:
    return reverse("api:article-favorite", args=[slug])


def slugs(response) -> list[str]:
    return [article["slug"] for article in response.json()["articles"]]


def new_article(**changes: object) -> dict[str, object]:
    article = {"title": "How to train your dragon", "description": "Ever wonder how?"}
    article |= {"body": "You have to believe", "tagList": ["training", "dragons"], **changes}
    return {"article": article}


# --- creating ----------------------------------------------------------------------------


def test_create_should_store_the_article_and_return_it(auth_client: APIClient, user: User):
    response = auth_client.post(LIST, new_article(), format="json")

    assert response.status_code == 201
    body = response.json()["article"]
    assert body["slug"] == "how-to-train-your-dragon"
    assert body["tagList"] == ["dragons", "training"]
    assert (body["favorited"], body["favoritesCount"]) == (False, 0)
    assert body["author"] == {
        "username": user.username,
        "bio": user.bio,
        "image": None,
        "following": False,
    }
    assert TIMESTAMP.match(body["createdAt"]) and TIMESTAMP.match(body["updatedAt"])
    stored = Article.objects.get(slug=body["slug"])
    assert (stored.author, stored.body) == (user, "You have to believe")


def test_create_should_give_equal_titles_different_slugs(auth_client: APIClient):
    first = auth_client.post(LIST, new_article(), format="json").json()["article"]["slug"]
    second = auth_client.post(LIST, new_article(), format="json").json()["article"]["slug"]

    assert first != second
    assert second.startswith("how-to-train-your-dragon-")


def test_create_should_give_different_slugs_to_one_title_saved_at_once(
    auth_client: APIClient, monkeypatch: pytest.MonkeyPatch
):
    # Two requests saving one title at the same moment both find its slug free; the
    # second save then breaks the unique constraint. Make the check always say "free",
    # as it would for both of them.
    monkeypatch.setattr(rows, "slug_taken", lambda model, slug: False)

    first = auth_client.post(LIST, new_article(), format="json")
    second = auth_client.post(LIST, new_article(), format="json")

    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["article"]["slug"] == "how-to-train-your-dragon"
    assert second.json()["article"]["slug"].startswith("how-to-train-your-dragon-")


def test_create_should_sort_tags_and_drop_duplicates(auth_client: APIClient):
    response = auth_client.post(LIST, new_article(tagList=["b", "a", "b"]), format="json")

    assert response.json()["article"]["tagList"] == ["a", "b"]


@pytest.mark.parametrize("missing", ["title", "description", "body"])
def test_create_should_return_422_when_a_field_is_missing(auth_client: APIClient, missing: str):
    body = new_article()
    del body["article"][missing]

    response = auth_client.post(LIST, body, format="json")

    assert response.status_code == 422
    assert missing in response.json()["errors"]
    assert not Article.objects.exists()


def test_create_should_return_401_without_a_token(api_client: APIClient):
    assert api_client.post(LIST, new_article(), format="json").status_code == 401
    assert not Article.objects.exists()


# --- reading -------------------------------------------------------------------------------


def test_read_should_return_the_article_with_its_body(api_client: APIClient):
    article = ArticleFactory(tags=["b", "a"])

    response = api_client.get(detail_url(article.slug))

    assert response.status_code == 200
    assert response.json()["article"]["body"] == article.body
    assert response.json()["article"]["tagList"] == ["a", "b"]


def test_read_should_return_404_for_an_unknown_slug(api_client: APIClient):
    response = api_client.get(detail_url("no-such-article"))

    assert response.status_code == 404
    assert response.json() == {"errors": {"article": ["article not found"]}}


# --- changing and deleting -------------------------------------------------------------------


def test_update_should_store_only_the_fields_sent(auth_client: APIClient, user: User):
    article = ArticleFactory(author=user, tags=["kept"])

    response = auth_client.put(
        detail_url(article.slug), {"article": {"body": "New body"}}, format="json"
    )

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.body == "New body"
    assert response.json()["article"]["tagList"] == ["kept"]
    assert response.json()["article"]["slug"] == article.slug


def test_update_should_give_a_new_title_a_new_slug(auth_client: APIClient, user: User):
    article = ArticleFactory(author=user)

    response = auth_client.put(
        detail_url(article.slug), {"article": {"title": "A brand new title"}}, format="json"
    )

    assert response.json()["article"]["slug"] == "a-brand-new-title"
    article.refresh_from_db()
    assert (article.title, article.slug) == ("A brand new title", "a-brand-new-title")


def test_update_should_replace_the_tags_when_sent(auth_client: APIClient, user: User):
    article = ArticleFactory(author=user, tags=["old"])

    auth_client.put(detail_url(article.slug), {"article": {"tagList": ["new"]}}, format="json")

    assert list(article.tags.values_list("name", flat=True)) == ["new"]


def test_update_should_return_403_for_someone_elses_article(other_client: APIClient, user: User):
    article = ArticleFactory(author=user, body="Original")

    response = other_client.put(
        detail_url(article.slug), {"article": {"body": "Hijacked"}}, format="json"
    )

    assert response.status_code == 403
    assert "errors" in response.json()
    article.refresh_from_db()
    assert article.body == "Original"


def test_update_should_return_422_for_an_empty_title(auth_client: APIClient, user: User):
    article = ArticleFactory(author=user)

    response = auth_client.put(detail_url(article.slug), {"article": {"title": ""}}, format="json")

    assert response.status_code == 422


def test_delete_should_remove_the_article_and_its_comments(auth_client: APIClient, user: User):
    article = ArticleFactory(author=user)
    CommentFactory(article=article)

    response = auth_client.delete(detail_url(article.slug))

    assert response.status_code == 204
    assert not Article.objects.exists()
    assert not Comment.objects.exists()


def test_delete_should_return_403_for_someone_elses_article(other_client: APIClient, user: User):
    article = ArticleFactory(author=user)

    assert other_client.delete(detail_url(article.slug)).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize("method", ["put", "delete"])
def test_changing_should_return_401_without_a_token(api_client: APIClient, method: str):
    article = ArticleFactory()

    response = getattr(api_client, method)(detail_url(article.slug), {}, format="json")

    assert response.status_code == 401


def test_changing_should_return_404_for_an_unknown_slug(auth_client: APIClient):
    assert auth_client.delete(detail_url("no-such-article")).status_code == 404


# --- listing ---------------------------------------------------------------------------------


def test_list_should_show_newest_first_without_bodies(api_client: APIClient):
    older, newer = ArticleFactory(), ArticleFactory()

    response = api_client.get(LIST)

    assert response.status_code == 200
    assert slugs(response) == [newer.slug, older.slug]
    assert response.json()["articlesCount"] == 2
    assert all("body" not in article for article in response.json()["articles"])


def test_list_should_page_with_limit_and_offset(api_client: APIClient):
    made = [ArticleFactory().slug for _ in range(5)][::-1]

    response = api_client.get(LIST, {"limit": 2, "offset": 1})

    assert slugs(response) == made[1:3]
    assert response.json()["articlesCount"] == 5


@pytest.mark.parametrize(
    "params", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "many"}]
)
def test_list_should_return_422_for_bad_paging(api_client: APIClient, params: dict[str, object]):
    response = api_client.get(LIST, params)

    assert response.status_code == 422
    assert set(response.json()["errors"]) == set(params)


def test_list_should_filter_by_tag_author_and_favorited(api_client: APIClient):
    ada, grace = UserFactory(username="ada"), UserFactory(username="grace")
    tagged = ArticleFactory(author=ada, tags=["django"])
    by_grace = ArticleFactory(author=grace)
    liked = ArticleFactory(author=ada)
    FavoriteFactory(user=grace, article=liked)

    assert slugs(api_client.get(LIST, {"tag": "django"})) == [tagged.slug]
    assert slugs(api_client.get(LIST, {"author": "grace"})) == [by_grace.slug]
    assert slugs(api_client.get(LIST, {"favorited": "grace"})) == [liked.slug]
    both = api_client.get(LIST, {"author": "ada", "tag": "django"})
    assert (slugs(both), both.json()["articlesCount"]) == ([tagged.slug], 1)
    nothing = api_client.get(LIST, {"author": "nobody"})
    assert (slugs(nothing), nothing.json()["articlesCount"]) == ([], 0)


def test_list_should_show_the_callers_flags(auth_client: APIClient, user: User):
    article = ArticleFactory()
    FavoriteFactory(user=user, article=article)
    FollowFactory(follower=user, followed=article.author)
    FavoriteFactory(article=article)

    listed = auth_client.get(LIST).json()["articles"][0]

    assert (listed["favorited"], listed["favoritesCount"]) == (True, 2)
    assert listed["author"]["following"] is True


# --- the feed --------------------------------------------------------------------------------


def test_feed_should_show_only_followed_authors_newest_first(
    auth_client: APIClient, user: User, other_user: User
):
    FollowFactory(follower=user, followed=other_user)
    first, second = ArticleFactory(author=other_user), ArticleFactory(author=other_user)
    ArticleFactory()  # by someone not followed

    response = auth_client.get(FEED, {"limit": 10})

    assert slugs(response) == [second.slug, first.slug]
    assert response.json()["articlesCount"] == 2
    assert all(a["author"]["following"] for a in response.json()["articles"])


def test_feed_should_return_401_without_a_token(api_client: APIClient):
    assert api_client.get(FEED).status_code == 401


# --- favourites ------------------------------------------------------------------------------


def test_favorite_should_count_each_user_once(auth_client: APIClient, user: User):
    article = ArticleFactory()

    auth_client.post(favorite_url(article.slug))
    response = auth_client.post(favorite_url(article.slug))

    assert response.status_code == 200
    assert (
        response.json()["article"]["favorited"],
        response.json()["article"]["favoritesCount"],
    ) == (
        True,
        1,
    )
    assert Favorite.objects.filter(user=user, article=article).count() == 1


def test_unfavorite_should_remove_the_favourite(auth_client: APIClient, user: User):
    article = ArticleFactory()
    FavoriteFactory(user=user, article=article)

    response = auth_client.delete(favorite_url(article.slug))

    assert response.status_code == 200
    assert response.json()["article"]["favoritesCount"] == 0
    assert not Favorite.objects.exists()


@pytest.mark.parametrize("method", ["post", "delete"])
def test_favorite_should_return_401_without_a_token(api_client: APIClient, method: str):
    article = ArticleFactory()

    assert getattr(api_client, method)(favorite_url(article.slug)).status_code == 401


def test_favorite_should_return_404_for_an_unknown_slug(auth_client: APIClient):
    assert auth_client.post(favorite_url("no-such-article")).status_code == 404


# --- tags ------------------------------------------------------------------------------------


def test_tags_should_list_the_tags_in_use_alphabetically(api_client: APIClient):
    ArticleFactory(tags=["python", "django"])
    ArticleFactory(tags=["django"])

    response = api_client.get(TAGS)

    assert response.status_code == 200
    assert response.json() == {"tags": ["django", "python"]}
