"""The blog's endpoints: each area's router, served under /api by app/api.py."""

from fastapi import APIRouter

from app.blog.accounts.router import router as accounts_router
from app.blog.articles.router import router as articles_router
from app.blog.articles.router import tags_router
from app.blog.comments.router import router as comments_router
from app.blog.profiles.router import router as profiles_router

router = APIRouter()
router.include_router(accounts_router)
router.include_router(profiles_router)
router.include_router(articles_router)
router.include_router(comments_router)
router.include_router(tags_router)

# Request headers a browser front end may send besides Authorization and Content-Type
# (app/api.py lists them for CORS): none.
REQUEST_HEADERS: list[str] = []
