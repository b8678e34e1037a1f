"""How Alembic connects: with the app's own engine, and the app's models as the target.

Flask-Migrate runs this inside the app (`flask --app app db upgrade`), so db.engine
is the engine of the app that create_app() built, with its DATABASE_URL.
"""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection

import app.models  # noqa: F401 (registers every table in Base.metadata)
from app.core.db import Base, DatabaseUnavailable, check_connection
from app.extensions import db

if context.config.config_file_name is not None:
    fileConfig(context.config.config_file_name, disable_existing_loggers=False)


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things in place; "batch" mode rebuilds the table.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not set up for this project.")

try:
    check_connection(db.engine)
except DatabaseUnavailable as error:
    raise SystemExit(str(error)) from None  # one line on stderr, exit status 1
with db.engine.connect() as app_connection:
    run_migrations(app_connection)
