"""The social network's endpoints: one blueprint per area, served under /api by app/api.py."""

from flask import Blueprint

from app.social.accounts.auth import load_signed_in_user
from app.social.accounts.routes import blueprint as accounts
from app.social.comments.routes import blueprint as comments
from app.social.feed.routes import blueprint as feed
from app.social.notifications.routes import blueprint as notifications
from app.social.posts.routes import blueprint as posts
from app.social.profiles.routes import blueprint as profiles
from app.social.seed import seed_command

# cli_group=None: this blueprint's commands are top-level ones, `flask --app app seed`.
blueprint = Blueprint("social", __name__, cli_group=None)
# Every request first reads its token, if it has one (g.user).
blueprint.before_request(load_signed_in_user)
for area in (accounts, profiles, posts, comments, feed, notifications):
    blueprint.register_blueprint(area)
blueprint.cli.add_command(seed_command)

# Request headers a browser front end may send besides Authorization and Content-Type
# (app/api.py lists them for CORS): none.
REQUEST_HEADERS: list[str] = []
