"""Is the app up, and can it reach its database?

- GET /health/live: the process answers (a container orchestrator restarts it if not);
- GET /health/ready: the database answers too (no traffic is sent until it does);
- GET /health: the same as ready, for Docker's HEALTHCHECK, load balancers and monitors.
"""

import logging

from flask import Blueprint, Response, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.db import session

logger = logging.getLogger(__name__)

blueprint = Blueprint("health", __name__, url_prefix="/health")


@blueprint.get("/live")
def live() -> Response:
    """The process answers requests."""
    return jsonify({"status": "ok"})


@blueprint.get("")
@blueprint.get("/ready")
def ready() -> tuple[Response, int]:
    """The app and its database answer."""
    try:
        session().execute(text("SELECT 1"))
    except SQLAlchemyError:
        logger.exception("Health check: the database did not answer")
        return jsonify({"status": "error", "database": "error"}), 503
    return jsonify({"status": "ok", "database": "ok"}), 200
