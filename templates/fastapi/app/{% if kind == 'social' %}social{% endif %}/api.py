"""The social network's endpoints: each area's router, served under /api by app/api.py."""

from fastapi import APIRouter

from app.social.accounts.router import router as accounts_router
from app.social.comments.router import router as comments_router
from app.social.feed.router import router as feed_router
from app.social.notifications.router import router as notifications_router
from app.social.posts.router import router as posts_router
from app.social.profiles.router import router as profiles_router

router = APIRouter()
router.include_router(accounts_router)
router.include_router(profiles_router)
router.include_router(posts_router)
router.include_router(comments_router)
router.include_router(feed_router)
router.include_router(notifications_router)

# Request headers a browser front end may send besides Authorization and Content-Type
# (app/api.py lists them for CORS): none.
REQUEST_HEADERS: list[str] = []
