"""/api/articles/<slug>/comments and /api/articles/<slug>/comments/<id>."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from blog.articles.tests.factories import ArticleFactory
from blog.comments.models import Comment
from blog.comments.tests.factories import CommentFactory
from blog.users.models import User

pytestmark = pytest.mark.django_db


def list_url(slug: str) -> str:
    return reverse("api:comment-list", args=[slug])


def detail_url(slug: str, comment_id: int) -> str:
    return reverse("api:comment-detail", args=[slug, comment_id])


def test_list_should_show_the_comments_newest_first(api_client: APIClient):
    article = ArticleFactory()
    older, newer = CommentFactory(article=article), CommentFactory(article=article)
    CommentFactory()  # under another article

    response = api_client.get(list_url(article.slug))

    assert response.status_code == 200
    assert [c["id"] for c in response.json()["comments"]] == [newer.pk, older.pk]
    assert response.json()["comments"][0]["author"]["username"] == newer.author.username


def test_list_should_return_404_for_an_unknown_article(api_client: APIClient):
    assert api_client.get(list_url("no-such-article")).status_code == 404


def test_add_should_store_the_comment(auth_client: APIClient, user: User):
    article = ArticleFactory()

    response = auth_client.post(
        list_url(article.slug), {"comment": {"body": "Thank you!"}}, format="json"
    )

    assert response.status_code == 200
    body = response.json()["comment"]
    assert (body["body"], body["author"]["username"]) == ("Thank you!", user.username)
    stored = Comment.objects.get(pk=body["id"])
    assert (stored.article, stored.author, stored.body) == (article, user, "Thank you!")


def test_add_should_return_422_for_an_empty_body(auth_client: APIClient):
    article = ArticleFactory()

    response = auth_client.post(list_url(article.slug), {"comment": {"body": ""}}, format="json")

    assert response.status_code == 422
    assert "body" in response.json()["errors"]
    assert not Comment.objects.exists()


def test_add_should_return_401_without_a_token(api_client: APIClient):
    article = ArticleFactory()

    response = api_client.post(list_url(article.slug), {"comment": {"body": "x"}}, format="json")

    assert response.status_code == 401
    assert not Comment.objects.exists()


def test_delete_should_remove_ones_own_comment(auth_client: APIClient, user: User):
    comment = CommentFactory(author=user)

    response = auth_client.delete(detail_url(comment.article.slug, comment.pk))

    assert response.status_code == 204
    assert not Comment.objects.exists()


def test_delete_should_return_403_for_someone_elses_comment(other_client: APIClient):
    comment = CommentFactory()

    response = other_client.delete(detail_url(comment.article.slug, comment.pk))

    assert response.status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_delete_should_return_404_for_a_comment_under_another_article(
    auth_client: APIClient, user: User
):
    comment = CommentFactory(author=user)
    elsewhere = ArticleFactory()

    response = auth_client.delete(detail_url(elsewhere.slug, comment.pk))

    assert response.status_code == 404
    assert Comment.objects.exists()


def test_delete_should_return_401_without_a_token(api_client: APIClient):
    comment = CommentFactory()

    assert api_client.delete(detail_url(comment.article.slug, comment.pk)).status_code == 401
