"""Is the app up, and can it reach its database?

- GET /health/live: the process answers (an orchestrator restarts it when not);
- GET /health/ready: the database answers too (no traffic is sent until it does);
- GET /health: the same as ready, for Docker's HEALTHCHECK, load balancers and monitors.
"""

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.db import SessionDep

logger = logging.getLogger(__name__)

router = APIRouter(tags=["Operations"])


@router.get("/health/live")
def read_liveness() -> JSONResponse:
    """Report that the process answers requests (it asks nothing of the database)."""
    return JSONResponse({"status": "ok"})


@router.get("/health")
@router.get("/health/ready")
def read_health(session: SessionDep) -> JSONResponse:
    """Report whether the app and its database answer."""
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        logger.exception("Health check: the database did not answer")
        return JSONResponse({"status": "error", "database": "error"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})
