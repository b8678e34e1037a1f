"""The Flask extensions, created here unbound and bound to an app in create_app().

Created once at import time, bound later: every app that create_app() makes (one per
test, one per server process) gets its own engine and settings, and modules can
import these objects without importing the app.
"""

from flask_cors import CORS
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

# The engine and the session of the request (db.session): Flask-SQLAlchemy opens the
# session on first use and closes it when the request ends, committed or not.
# expire_on_commit=False: after a commit, the objects keep the values just written.
# Otherwise reading one (to answer the request) would begin a new transaction, which
# on SQLite holds the write lock (app/core/db.py) until the request ends.
db = SQLAlchemy(session_options={"expire_on_commit": False})
# `flask db upgrade` and friends: Alembic, with migrations/ as its folder.
migrate = Migrate()
# Which browser origins may call the API (CORS_ORIGINS).
cors = CORS()
