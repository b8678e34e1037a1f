"""The order rules: checkout, payment, cancellation, shipping and expiry.

Every change of status is one conditional UPDATE ("... WHERE status = 'paid'"),
so two requests racing to change the same order cannot both succeed: the second
finds the status already changed, updates no row, and is told so (409).
No HTTP in here: functions raise the errors of app/core/errors.py.
"""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from app.core.config import settings
from app.core.db import engine, read_only_engine, utc_now
from app.core.errors import ConflictError, InvalidInputError, NotFoundError
from app.shop.accounts.models import Role, User
from app.shop.cart.models import CartItem
from app.shop.cart.service import cart_items
from app.shop.catalog.models import Product
from app.shop.catalog.schemas import MAX_INT
from app.shop.orders.models import Order, OrderItem, OrderStatus
from app.shop.payments.provider import PaymentProvider

# An order that can still be cancelled without a refund.
PENDING = OrderStatus.PENDING_PAYMENT
# How an UPDATE refreshes the orders already loaded: by asking the database which rows
# it changed. (SQLAlchemy's default re-checks the WHERE in Python, which fails on the
# time comparison: SQLite hands back datetimes without a time zone.)
FETCH = "fetch"


def get_visible_order(session: Session, *, order_id: int, user: User) -> Order:
    """The caller's own order, or any order for an admin. Others get 404, not 403,
    so that nobody can find out which order numbers exist."""
    order = session.scalar(
        select(Order).options(selectinload(Order.items)).where(Order.id == order_id)
    )
    if order is None or (order.user_id != user.id and user.role != Role.ADMIN):
        raise NotFoundError("No order of yours has this id.")
    return order


def list_orders(
    session: Session, *, user: User, page: int, page_size: int
) -> tuple[list[Order], int]:
    """The user's orders, newest first, with their items: three queries, whatever the page."""
    mine = select(Order).where(Order.user_id == user.id)
    total = session.scalar(mine.with_only_columns(func.count(Order.id))) or 0
    orders = session.scalars(
        mine.options(selectinload(Order.items))
        .order_by(Order.created_at.desc(), Order.id.desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    )
    return list(orders), total


def checkout(session: Session, *, user: User, shipping_address: dict[str, Any]) -> Order:
    """Turn the cart into an order, reserving its stock, all or nothing."""
    items = cart_items(session, user=user)
    if not items:
        raise InvalidInputError("Your cart is empty.", field="cart")
    total_cents = sum(item.product.price_cents * item.quantity for item in items)
    if total_cents > MAX_INT:  # more than the total_cents column holds
        raise InvalidInputError("The order's total is too large for one order.", field="cart")
    _claim_cart(session, items)
    # The same order of locks in every transaction (by product id), so two checkouts
    # never wait for each other in a circle (a deadlock) on PostgreSQL.
    items.sort(key=lambda item: item.product_id)
    short = [item for item in items if not _reserve(session, item.product_id, item.quantity)]
    if short:
        rows = session.execute(
            select(Product.id, Product.stock).where(
                Product.id.in_([item.product_id for item in short])
            )
        )
        available = {product_id: stock for product_id, stock in rows}
        problems = [
            {
                "product_id": item.product_id,
                "requested": item.quantity,
                "available": available.get(item.product_id, 0),
            }
            for item in short
        ]
        session.rollback()  # give back what this checkout had already reserved
        raise ConflictError("Not enough stock for some products.", extensions={"short": problems})
    order = Order(
        user_id=user.id,
        status=PENDING,
        currency=settings.SHOP_CURRENCY,
        shipping_address=shipping_address,
        total_cents=total_cents,
        items=[
            OrderItem(
                product_id=item.product_id,
                name=item.product.name,
                unit_price_cents=item.product.price_cents,
                quantity=item.quantity,
            )
            for item in items
        ],
    )
    session.add(order)
    session.commit()
    return order


def _claim_cart(session: Session, items: list[CartItem]) -> None:
    """Empty the cart before anything is reserved, or 409 if another checkout got there first.

    Two checkouts of one cart (two tabs, two Idempotency-Keys) must not make two
    orders. On PostgreSQL this DELETE locks the lines: the second checkout waits
    here until the first commits, then deletes nothing and stops. On SQLite the
    second cannot even start until the first is done (BEGIN IMMEDIATE), and then
    finds the cart empty. If anything below fails, the rollback restores the cart.
    """
    claimed = session.execute(
        delete(CartItem)
        .where(CartItem.id.in_([item.id for item in items]))
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != len(items):  # type: ignore[attr-defined]
        session.rollback()
        raise ConflictError("Your cart changed during checkout: look at it and try again.")


def _reserve(session: Session, product_id: int, quantity: int) -> bool:
    """Take `quantity` from the stock if there is that much: one atomic statement.

    The check and the decrement happen together in the database, so two checkouts
    cannot both see "1 left" and both take it. PostgreSQL locks the row for the
    UPDATE (the second waits, then re-checks stock >= quantity on the new value);
    SQLite lets one writer in at a time (BEGIN IMMEDIATE, app/core/db.py).
    """
    result = session.execute(
        update(Product)
        .where(Product.id == product_id, Product.stock >= quantity)
        .values(stock=Product.stock - quantity)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _return_stock(session: Session, order: Order) -> None:
    for item in order.items:
        if item.product_id is not None:  # the product may have left the catalogue
            session.execute(
                update(Product)
                .where(Product.id == item.product_id)
                .values(stock=Product.stock + item.quantity)
            )


def _not_being_paid(now: datetime | None = None) -> ColumnElement[bool]:
    """SQL condition: no payment of the order is running right now.

    `payment_started_at` is set while the provider is being asked to charge. If the
    server dies meanwhile (a crash, a deploy, out of memory) nobody clears it, and
    the order could never be paid, cancelled or expired again. So a marker older
    than PAYMENT_TIMEOUT_SECONDS counts as abandoned: the provider client gives up
    far sooner than that (see app/shop/payments/provider.py), so no live request can
    still be waiting for it.
    """
    abandoned_before = (now or utc_now()) - timedelta(seconds=settings.PAYMENT_TIMEOUT_SECONDS)
    return or_(Order.payment_started_at.is_(None), Order.payment_started_at < abandoned_before)


def _move(
    session: Session,
    order: Order,
    *,
    to: OrderStatus,
    allowed_from: set[OrderStatus],
    **values: Any,
) -> bool:
    """Change the status only if it is still one of `allowed_from`; True if it changed."""
    conditions = [Order.id == order.id, Order.status.in_(allowed_from)]
    if to == OrderStatus.CANCELLED:
        # Never cancel under a payment that the provider may be charging right now.
        conditions.append(_not_being_paid())
    result = session.execute(
        update(Order)
        .where(*conditions)
        .values(status=to, updated_at=utc_now(), **values)
        .execution_options(synchronize_session=FETCH)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _reload(session: Session, order: Order) -> Order:
    session.expire_all()
    return session.scalars(
        select(Order).options(selectinload(Order.items)).where(Order.id == order.id)
    ).one()


# --- payment ---------------------------------------------------------------------


def pay(
    session: Session,
    *,
    order: Order,
    payment_token: str,
    idempotency_key: str,
    provider: PaymentProvider,
) -> Order:
    """Charge the order's total. The charge is made outside any database transaction:
    a slow provider must not hold locks (on SQLite, the whole database) meanwhile."""
    _start_payment(session, order)
    try:
        charge = provider.charge(
            amount_cents=order.total_cents,
            currency=order.currency,
            token=payment_token,
            idempotency_key=idempotency_key,
        )
    except Exception:
        _end_payment(session, order)  # declined or failed: the order stays payable
        raise
    _record_charge(session, order, charge_id=charge.id)
    session.commit()
    return _reload(session, order)


def _record_charge(session: Session, order: Order, *, charge_id: str) -> None:
    """The provider charged: the order is paid, and the charge id is kept for refunds.

    The provider's payment.succeeded webhook often arrives before its answer to our
    call does, and may already have marked the order paid. The charge id is then
    recorded all the same: without it a later cancel could not refund the money.
    """
    paid_now = _move(
        session,
        order,
        to=OrderStatus.PAID,
        allowed_from={PENDING},
        payment_id=charge_id,
        payment_started_at=None,
    )
    if not paid_now:
        session.execute(
            update(Order)
            .where(Order.id == order.id, Order.payment_id.is_(None))
            .values(payment_id=charge_id)
        )
        session.execute(update(Order).where(Order.id == order.id).values(payment_started_at=None))


def _start_payment(session: Session, order: Order) -> None:
    """Mark the order as being paid, unless it is not payable or already being paid.

    A marker left behind by a payment that died half-way is taken over (_not_being_paid).
    """
    now = utc_now()
    result = session.execute(
        update(Order)
        .where(Order.id == order.id, Order.status == PENDING, _not_being_paid(now))
        .values(payment_started_at=now)
        .execution_options(synchronize_session=FETCH)
    )
    session.commit()
    if not result.rowcount:  # type: ignore[attr-defined]
        current = session.scalar(select(Order.status).where(Order.id == order.id))
        if current != PENDING:
            raise ConflictError(f"This order is {current}: it cannot be paid.")
        raise ConflictError("Another payment for this order is in progress.")


def _end_payment(session: Session, order: Order) -> None:
    session.rollback()
    session.execute(update(Order).where(Order.id == order.id).values(payment_started_at=None))
    session.commit()


# --- cancel, refund, ship ----------------------------------------------------------


def cancel(session: Session, *, order: Order, provider: PaymentProvider) -> Order:
    """Cancel an unpaid order, or refund a paid one; either way the stock comes back."""
    if order.status == PENDING:
        if not _move(session, order, to=OrderStatus.CANCELLED, allowed_from={PENDING}):
            session.rollback()
            raise ConflictError("This order is being paid or has changed: try again.")
    elif order.status == OrderStatus.PAID:
        if order.payment_id is None:
            # Paid by the provider's webhook while our own pay call has not returned
            # the charge id yet. A refund needs that id: never mark the order refunded
            # without one, or the customer would lose the money.
            raise ConflictError(
                "The payment of this order is still being confirmed: try again in a moment."
            )
        # Refund first: if the provider fails, nothing changes here (502).
        provider.refund(
            charge_id=order.payment_id,
            amount_cents=order.total_cents,
            idempotency_key=f"refund-order-{order.id}",
        )
        if not _move(session, order, to=OrderStatus.REFUNDED, allowed_from={OrderStatus.PAID}):
            session.rollback()
            raise ConflictError("This order has changed meanwhile: try again.")
    else:
        raise ConflictError(f"This order is {order.status}: it cannot be cancelled.")
    _return_stock(session, order)
    session.commit()
    return _reload(session, order)


def ship(session: Session, *, order: Order) -> Order:
    if not _move(session, order, to=OrderStatus.SHIPPED, allowed_from={OrderStatus.PAID}):
        raise ConflictError(f"This order is {order.status}: only a paid order can be shipped.")
    session.commit()
    return _reload(session, order)


# --- events from the payment provider --------------------------------------------


def mark_paid(session: Session, *, order: Order, charge_id: str | None) -> bool:
    """payment.succeeded: a pending order becomes paid, with the event's charge id if it
    has one (else the pay call records it when it returns). Does not commit."""
    values = {} if charge_id is None else {"payment_id": charge_id}
    return _move(session, order, to=OrderStatus.PAID, allowed_from={PENDING}, **values)


def mark_refunded(session: Session, *, order: Order) -> bool:
    """payment.refunded: a paid or shipped order becomes refunded. Does not commit.

    The stock comes back only if the goods never left the warehouse."""
    was_shipped = order.status == OrderStatus.SHIPPED
    moved = _move(
        session,
        order,
        to=OrderStatus.REFUNDED,
        allowed_from={OrderStatus.SHIPPED} if was_shipped else {OrderStatus.PAID},
    )
    if moved and not was_shipped:
        _return_stock(session, order)
    return moved


# --- expiry ---------------------------------------------------------------------


def expire_overdue_orders(now: datetime | None = None) -> int:
    """Cancel every order left unpaid longer than ORDER_HOLD_MINUTES; return how many.

    Run by `make expire-orders` (from a scheduler) and before orders are read. It
    uses sessions of its own: a quick read-only look first, so that reading orders
    costs no write lock when, as usual, nothing is overdue.
    """
    now = now or utc_now()
    cutoff = now - timedelta(minutes=settings.ORDER_HOLD_MINUTES)
    overdue = (
        select(Order.id)
        .where(Order.status == PENDING, Order.created_at < cutoff)
        .where(_not_being_paid(now))
    )
    with Session(read_only_engine) as session:
        if session.scalar(overdue.limit(1)) is None:
            return 0
    expired = 0
    with Session(engine, expire_on_commit=False) as session:
        orders = session.scalars(
            select(Order).options(selectinload(Order.items)).where(Order.id.in_(overdue))
        ).all()
        for order in orders:
            if _move(session, order, to=OrderStatus.CANCELLED, allowed_from={PENDING}):
                _return_stock(session, order)
                expired += 1
        session.commit()
    return expired
