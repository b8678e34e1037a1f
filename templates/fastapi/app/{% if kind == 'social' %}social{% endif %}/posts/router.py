"""Posts and likes (plain `def` routes: see app/social/accounts/router.py)."""

from fastapi import APIRouter, Response, status

from app.core.db import SessionDep
from app.core.openapi import error_responses
from app.social.accounts.dependencies import CurrentUser, OptionalUser, check_token
from app.social.accounts.schemas import AuthorPublic
from app.social.list_query import Cursor, Limit
from app.social.posts import service
from app.social.posts.dependencies import OwnPost, PostById
from app.social.posts.models import Post
from app.social.posts.schemas import PostCreate, PostPage, PostPublic
from app.social.posts.service import PostPageResult, PostView
from app.social.profiles.dependencies import UserByName

router = APIRouter(tags=["Posts"], dependencies=[check_token])


def post_public(view: PostView) -> PostPublic:
    post = view.post
    return PostPublic(
        id=post.id,
        body=post.body,
        author=AuthorPublic.model_validate(post.author),
        like_count=view.like_count,
        comment_count=view.comment_count,
        liked_by_me=view.liked_by_me,
        created_at=post.created_at,
    )


def post_page(page: PostPageResult) -> PostPage:
    return PostPage(items=[post_public(view) for view in page.views], next_cursor=page.next_cursor)


@router.post("/posts", status_code=status.HTTP_201_CREATED, response_model=PostPublic)
def create_post(*, session: SessionDep, user: CurrentUser, body: PostCreate) -> PostPublic:
    """Publish a post (at most 280 characters)."""
    post = service.create_post(session, author=user, data=body)
    return post_public(service.get_post_view(session, post=post, viewer=user))


@router.get("/posts/{id}", response_model=PostPublic)
def read_post(*, session: SessionDep, viewer: OptionalUser, post: PostById) -> PostPublic:
    """One post."""
    return post_public(service.get_post_view(session, post=post, viewer=viewer))


@router.delete(
    "/posts/{id}", status_code=status.HTTP_204_NO_CONTENT, responses=error_responses(403)
)
def delete_post(*, session: SessionDep, post: OwnPost) -> Response:
    """Delete your post, with its likes, comments and notifications."""
    service.delete_post(session, post=post)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/posts/{id}/like", response_model=PostPublic)
def like_post(*, session: SessionDep, user: CurrentUser, post: PostById) -> PostPublic:
    """Like a post (liking twice changes nothing)."""
    service.like_post(session, post=post, user=user)
    return post_public(service.get_post_view(session, post=post, viewer=user))


@router.delete("/posts/{id}/like", response_model=PostPublic)
def unlike_post(*, session: SessionDep, user: CurrentUser, post: PostById) -> PostPublic:
    """Take back your like (no like, no change)."""
    service.unlike_post(session, post=post, user=user)
    return post_public(service.get_post_view(session, post=post, viewer=user))


@router.get("/users/{username}/posts", response_model=PostPage)
def list_user_posts(
    *,
    session: SessionDep,
    viewer: OptionalUser,
    author: UserByName,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> PostPage:
    """A user's posts, newest first."""
    page = service.list_posts(
        session,
        conditions=[Post.author_id == author.id],
        viewer=viewer,
        limit=limit,
        cursor=cursor,
    )
    return post_page(page)
