"""Lists take the same number of queries for 1 article as for 20 (no N+1 queries)."""

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.blog.accounts.models import User
from app.blog.articles.models import Article
from tests.blog.factories import (
    auth_headers,
    create_article,
    create_comment,
    create_favorite,
    create_follow,
    create_user,
)
from tests.query_counter import count_queries


def make_busy_blog(session: Session, viewer: User, articles: int) -> list[Article]:
    """Articles by different authors, with tags, favourites and follows."""
    created = []
    for number in range(articles):
        author = create_user(session)
        article = create_article(session, author=author, tags=[f"tag{number}", "common"])
        create_favorite(session, user=viewer, article=article)
        create_follow(session, follower=viewer, followed=author)
        create_comment(session, article=article, author=author)
        created.append(article)
    return created


def queries_for(client: TestClient, url: str, headers: dict[str, str]) -> int:
    with count_queries() as statements:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return len(statements)


def test_article_list_query_count_does_not_grow_with_page_size(
    client: TestClient, session: Session
) -> None:
    viewer = create_user(session)
    make_busy_blog(session, viewer, articles=20)
    headers = auth_headers(viewer)

    one = queries_for(client, "/api/articles?limit=1", headers)
    twenty = queries_for(client, "/api/articles?limit=20", headers)

    assert one == twenty


def test_feed_query_count_does_not_grow_with_page_size(
    client: TestClient, session: Session
) -> None:
    viewer = create_user(session)
    make_busy_blog(session, viewer, articles=20)
    headers = auth_headers(viewer)

    one = queries_for(client, "/api/articles/feed?limit=1", headers)
    twenty = queries_for(client, "/api/articles/feed?limit=20", headers)

    assert one == twenty


def test_an_article_list_page_is_two_selects_count_and_page(
    client: TestClient, session: Session
) -> None:
    viewer = create_user(session)
    make_busy_blog(session, viewer, articles=3)

    with count_queries() as statements:
        response = client.get("/api/articles")

    assert response.status_code == 200
    # Authors, tags and favourite counts come with the page's rows: no query per article,
    # and none per page for the tags.
    selects = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 2


def test_comment_list_query_count_does_not_grow_with_comments(
    client: TestClient, session: Session
) -> None:
    viewer = create_user(session)
    few = create_article(session, author=viewer)
    many = create_article(session, author=viewer)
    create_comment(session, article=few, author=create_user(session))
    for _ in range(20):
        commenter = create_user(session)
        create_follow(session, follower=viewer, followed=commenter)
        create_comment(session, article=many, author=commenter)
    headers = auth_headers(viewer)

    assert queries_for(client, f"/api/articles/{few.slug}/comments", headers) == queries_for(
        client, f"/api/articles/{many.slug}/comments", headers
    )
