"""The blog's endpoints: one blueprint per area, served under /api by app/api.py."""

from flask import Blueprint

from app.blog.accounts.routes import blueprint as accounts
from app.blog.articles.routes import blueprint as articles
from app.blog.articles.routes import tags
from app.blog.comments.routes import blueprint as comments
from app.blog.profiles.routes import blueprint as profiles
from app.core.auth import load_signed_in_user

blueprint = Blueprint("blog", __name__)
# Every blog request first reads its token, if it has one (g.user).
blueprint.before_request(load_signed_in_user)
for area in (accounts, profiles, articles, comments, tags):
    blueprint.register_blueprint(area)

# Request headers a browser front end may send besides Authorization and Content-Type
# (app/api.py lists them for CORS): none.
REQUEST_HEADERS: list[str] = []
