"""The order rules: checkout, payment, cancellation, shipping and expiry.

Stock is taken with one conditional UPDATE per product ("... SET stock = stock - 2
WHERE id = 7 AND stock >= 2") inside a transaction: the check and the decrement
happen together in the database, so two checkouts can never both take the last
item. Every change of status is a conditional UPDATE too ("... WHERE status =
'paid'"): of two requests racing to change the same order, the second finds the
status already changed, updates no row, and is told so (409).
No HTTP in here: functions raise the errors of core/errors.py.
"""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from core.errors import ConflictError, InvalidInputError
from shop.accounts.models import User
from shop.cart.models import CartItem
from shop.catalog.models import Product
from shop.orders.models import Order, OrderItem, OrderStatus
from shop.payments.provider import PaymentProvider

PENDING = OrderStatus.PENDING_PAYMENT


def _reserve(*, product_id: int, quantity: int) -> bool:
    """Take `quantity` from the stock if there is that much; True if it was taken.

    PostgreSQL locks the row for the UPDATE: a second checkout waits, then re-checks
    stock >= quantity against the new value. SQLite lets one writer in at a time
    (BEGIN IMMEDIATE: DATABASES in config/settings/base.py).
    """
    updated = Product.objects.filter(pk=product_id, stock__gte=quantity).update(
        stock=F("stock") - quantity
    )
    return updated == 1


def _return_stock(order: Order) -> None:
    for item in order.items.all():
        if item.product_id is not None:  # the product may have left the catalogue
            Product.objects.filter(pk=item.product_id).update(stock=F("stock") + item.quantity)


def _not_being_paid(now: datetime | None = None) -> Q:
    """The orders that no payment is running for right now.

    `payment_started_at` is set while the provider is being asked to charge. If the
    server dies meanwhile (a crash, a deploy, out of memory) nobody clears it, and
    the order could never be paid, cancelled or expired again. So a mark older than
    PAYMENT_TIMEOUT_SECONDS counts as abandoned: the provider client gives up far
    sooner than that (see shop/payments/provider.py), so no live request can still
    be waiting for it.
    """
    abandoned_before = (now or timezone.now()) - timedelta(seconds=settings.PAYMENT_TIMEOUT_SECONDS)
    return Q(payment_started_at__isnull=True) | Q(payment_started_at__lt=abandoned_before)


def _move(order: Order, *, to: str, allowed_from: set[str], **values: Any) -> bool:
    """Change the status only if it is still one of `allowed_from`; True if it changed."""
    orders = Order.objects.filter(pk=order.pk, status__in=allowed_from)
    if to == OrderStatus.CANCELLED:
        # Never cancel under a payment that the provider may be charging right now.
        orders = orders.filter(_not_being_paid())
    return orders.update(status=to, updated_at=timezone.now(), **values) == 1


def _reloaded(order: Order) -> Order:
    return Order.objects.prefetch_related("items").get(pk=order.pk)


# --- checkout ---------------------------------------------------------------------


def order_checkout(*, user: User, shipping_address: dict[str, str]) -> Order:
    """Turn the cart into an order, reserving its stock: all or nothing."""
    with transaction.atomic():
        # The cart's lines are locked (select_for_update) so that two checkouts of one
        # cart, sent at once with different keys, make one order: the second waits,
        # then finds the cart empty. Stock is taken in the same order in every
        # transaction (by product id), so that two checkouts never wait for each other
        # in a circle (a deadlock) on PostgreSQL.
        items = list(
            CartItem.objects.select_related("product")
            .select_for_update(of=("self",))
            .filter(user=user)
            .order_by("product_id")
        )
        if not items:
            raise InvalidInputError("your cart is empty", field="cart")
        short = [
            item
            for item in items
            if not _reserve(product_id=item.product_id, quantity=item.quantity)
        ]
        if short:
            available = dict(
                Product.objects.filter(pk__in=[item.product_id for item in short]).values_list(
                    "id", "stock"
                )
            )
            problems = [
                {
                    "product_id": item.product_id,
                    "requested": item.quantity,
                    "available": available.get(item.product_id, 0),
                }
                for item in short
            ]
            # Raising inside atomic() rolls back what this checkout had already reserved.
            raise ConflictError(
                "not enough stock for some products", extensions={"short": problems}
            )
        order = Order.objects.create(
            user=user,
            status=PENDING,
            currency=settings.SHOP_CURRENCY,
            shipping_address=shipping_address,
            total_cents=sum(item.product.price_cents * item.quantity for item in items),
        )
        OrderItem.objects.bulk_create(
            OrderItem(
                order=order,
                product_id=item.product_id,
                name=item.product.name,
                unit_price_cents=item.product.price_cents,
                quantity=item.quantity,
            )
            for item in items
        )
        CartItem.objects.filter(pk__in=[item.pk for item in items]).delete()
    return _reloaded(order)


# --- payment ----------------------------------------------------------------------


def order_pay(
    *, order: Order, payment_token: str, idempotency_key: str, provider: PaymentProvider
) -> Order:
    """Charge the order's total. The charge is made outside any database transaction:
    a slow provider must not hold locks (on SQLite, the whole database) meanwhile."""
    _start_payment(order)
    try:
        charge = provider.charge(
            amount_cents=order.total_cents,
            currency=order.currency,
            token=payment_token,
            idempotency_key=idempotency_key,
        )
    except Exception:
        # Declined or failed: nothing was charged, the order stays payable.
        with transaction.atomic():
            Order.objects.filter(pk=order.pk).update(payment_started_at=None)
        raise
    with transaction.atomic():
        _record_charge(order, charge_id=charge.id)
    return _reloaded(order)


def _record_charge(order: Order, *, charge_id: str) -> None:
    """The provider charged: the order is paid, and the charge id is kept for refunds.

    The provider's payment.succeeded webhook often arrives before its answer to our
    call does, and may already have marked the order paid. The charge id is then
    recorded all the same: without it a later cancel could not refund the money.
    """
    if not _move(order, to=OrderStatus.PAID, allowed_from={PENDING}, payment_id=charge_id):
        Order.objects.filter(pk=order.pk, payment_id="").update(payment_id=charge_id)
    Order.objects.filter(pk=order.pk).update(payment_started_at=None)


def _start_payment(order: Order) -> None:
    """Mark the order as being paid, unless it is not payable or already being paid.

    A mark left behind by a payment that died half-way is taken over (_not_being_paid).
    """
    now = timezone.now()
    with transaction.atomic():
        started = (
            Order.objects.filter(pk=order.pk, status=PENDING)
            .filter(_not_being_paid(now))
            .update(payment_started_at=now)
        )
    if not started:
        current = Order.objects.values_list("status", flat=True).get(pk=order.pk)
        if current != PENDING:
            raise ConflictError(f"this order is {current}: it cannot be paid")
        raise ConflictError("another payment for this order is in progress")


# --- cancel, refund, ship ---------------------------------------------------------


def order_cancel(*, order: Order, provider: PaymentProvider) -> Order:
    """Cancel an unpaid order, or refund a paid one; either way the stock comes back."""
    if order.status == PENDING:
        with transaction.atomic():
            if not _move(order, to=OrderStatus.CANCELLED, allowed_from={PENDING}):
                raise ConflictError("this order is being paid or has changed: try again")
            _return_stock(order)
    elif order.status == OrderStatus.PAID:
        if not order.payment_id:
            # Paid by the provider's webhook while our own pay call has not returned
            # the charge id yet. A refund needs that id: never mark the order refunded
            # without one, or the customer would lose the money.
            raise ConflictError("the payment of this order is still being confirmed: try again")
        # Refund first, outside the transaction: if the provider fails (502),
        # nothing changes here and the customer can simply try again.
        provider.refund(
            charge_id=order.payment_id,
            amount_cents=order.total_cents,
            idempotency_key=f"refund-order-{order.pk}",
        )
        with transaction.atomic():
            if not _move(order, to=OrderStatus.REFUNDED, allowed_from={OrderStatus.PAID}):
                raise ConflictError("this order has changed meanwhile: try again")
            _return_stock(order)
    else:
        raise ConflictError(f"this order is {order.status}: it cannot be cancelled")
    return _reloaded(order)


def order_ship(*, order: Order) -> Order:
    with transaction.atomic():
        if not _move(order, to=OrderStatus.SHIPPED, allowed_from={OrderStatus.PAID}):
            raise ConflictError(f"this order is {order.status}: only a paid order can be shipped")
    return _reloaded(order)


# --- events from the payment provider (shop/payments/services.py) -------------------


def order_mark_paid(*, order: Order, charge_id: str | None) -> bool:
    """payment.succeeded: a pending order becomes paid, with the event's charge id if it
    has one (else the pay call records it when it returns). Call inside a transaction."""
    values = {} if charge_id is None else {"payment_id": charge_id}
    return _move(order, to=OrderStatus.PAID, allowed_from={PENDING}, **values)


def order_mark_refunded(*, order: Order) -> bool:
    """payment.refunded: a paid or shipped order becomes refunded. Call inside a transaction.

    The stock comes back only if the goods never left the warehouse."""
    was_shipped = order.status == OrderStatus.SHIPPED
    moved = _move(
        order,
        to=OrderStatus.REFUNDED,
        allowed_from={OrderStatus.SHIPPED} if was_shipped else {OrderStatus.PAID},
    )
    if moved and not was_shipped:
        _return_stock(order)
    return moved


# --- expiry -----------------------------------------------------------------------


def orders_expire_overdue() -> int:
    """Cancel every order left unpaid longer than ORDER_HOLD_MINUTES; return how many.

    Run by `make expire-orders` (from a scheduler) and before orders are read. A quick
    read comes first, so that reading orders takes no write lock when, as usual,
    nothing is overdue.
    """
    now = timezone.now()
    cutoff = now - timedelta(minutes=settings.ORDER_HOLD_MINUTES)
    overdue = Order.objects.filter(status=PENDING, created_at__lt=cutoff).filter(
        _not_being_paid(now)
    )
    if not overdue.exists():
        return 0
    expired = 0
    with transaction.atomic():
        for order in overdue.prefetch_related("items"):
            if _move(order, to=OrderStatus.CANCELLED, allowed_from={PENDING}):
                _return_stock(order)
                expired += 1
    return expired
