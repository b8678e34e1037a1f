"""GET /health: is the app up, and can it reach its database?

Docker's HEALTHCHECK, load balancers and uptime monitors call this.
"""

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.db import SessionDep

logger = logging.getLogger(__name__)

router = APIRouter(tags=["Operations"])


@router.get("/health")
def read_health(session: SessionDep) -> JSONResponse:
    """Report whether the app and its database answer."""
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        logger.exception("Health check: the database did not answer")
        return JSONResponse({"status": "error", "database": "error"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})
