"""Lists cost the same number of queries for 1 article or 20 (no N+1).

With force_authenticate there is no token to look up, so the numbers are the
queries of the endpoint itself: the count, the page, and the page's tags.
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from blog.articles.tests.factories import ArticleFactory, FavoriteFactory
from blog.comments.tests.factories import CommentFactory
from blog.profiles.tests.factories import FollowFactory
from blog.users.models import User
from blog.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def make_articles(count: int, reader: User) -> None:
    for _ in range(count):
        article = ArticleFactory(tags=["a", "b"])
        FavoriteFactory(article=article)
        FollowFactory(follower=reader, followed=article.author)


@pytest.mark.parametrize("page_size", [1, 20])
def test_article_list_should_use_three_queries_whatever_the_page_size(
    auth_client: APIClient, user: User, django_assert_num_queries, page_size: int
):
    make_articles(page_size, user)

    with django_assert_num_queries(3):
        response = auth_client.get(reverse("api:article-list"), {"limit": page_size})

    assert len(response.json()["articles"]) == page_size


@pytest.mark.parametrize("page_size", [1, 20])
def test_feed_should_use_three_queries_whatever_the_page_size(
    auth_client: APIClient, user: User, django_assert_num_queries, page_size: int
):
    make_articles(page_size, user)

    with django_assert_num_queries(3):
        response = auth_client.get(reverse("api:article-feed"), {"limit": page_size})

    assert len(response.json()["articles"]) == page_size


@pytest.mark.parametrize("count", [1, 20])
def test_comment_list_should_use_two_queries_whatever_the_count(
    auth_client: APIClient, django_assert_num_queries, count: int
):
    article = ArticleFactory()
    for _ in range(count):
        CommentFactory(article=article, author=UserFactory())

    with django_assert_num_queries(2):  # the article, then its comments with their authors
        response = auth_client.get(reverse("api:comment-list", args=[article.slug]))

    assert len(response.json()["comments"]) == count
