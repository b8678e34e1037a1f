"""The shop's endpoints: each area's router, served under /api by app/api.py.

Also what the app needs to know about the shop: its errors' HTTP statuses, the
headers a browser may send, and the payment provider loaded at start-up.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from app.core.error_handlers import add_error_statuses
from app.shop.accounts.router import router as accounts_router
from app.shop.cart.router import router as cart_router
from app.shop.catalog.router import router as catalog_router
from app.shop.orders.router import router as orders_router
from app.shop.payments.errors import PaymentDeclinedError, UpstreamServiceError
from app.shop.payments.provider import get_payment_provider
from app.shop.payments.router import router as payments_router


@asynccontextmanager
async def load_payment_provider(_app: FastAPI) -> AsyncIterator[None]:
    # A wrong PAYMENT_PROVIDER stops the app at start-up, not at the first payment.
    get_payment_provider()
    yield


# FastAPI runs the lifespan of every included router when the app starts.
router = APIRouter(lifespan=load_payment_provider)
router.include_router(accounts_router)
router.include_router(catalog_router)
router.include_router(cart_router)
router.include_router(orders_router)
router.include_router(payments_router)

# Request headers a browser front end may send besides Authorization and Content-Type
# (app/api.py lists them for CORS): checkout and payment take an Idempotency-Key.
REQUEST_HEADERS = ["Idempotency-Key"]

# 402 Payment Required: the card was declined; 502 Bad Gateway: the provider failed.
add_error_statuses({PaymentDeclinedError: 402, UpstreamServiceError: 502})
