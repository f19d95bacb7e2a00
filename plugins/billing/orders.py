"""Orders read and moved under lock: the small pieces every money path shares."""
from __future__ import annotations

from datetime import timedelta
from functools import cache

from sqlalchemy import bindparam, select

from core.db import as_id, lock_row, read, utcnow
from core.extensions import db
from plugins.billing.config import settings
from plugins.billing.models import ORDER_RANK, Order, Subscription


def lock_order(order_id: int) -> Order | None:
    """The order, read again under a row lock (PostgreSQL) or the write lock (SQLite)."""
    return db.session.scalar(select(Order).where(Order.id == order_id).with_for_update()
                             .execution_options(populate_existing=True))


# How long a pending order without a session is taken for a click still waiting for Stripe
# (reused, not replaced): its session's request stays valid that long (`session_request`
# derives expires_at from the order's creation; Stripe wants it 30 minutes ahead at least).
AWAITING_SESSION_MINUTES = 2


def lock_member(member_id: int | None) -> None:
    """Serialise a member's checkouts and purchases (two clicks, two tabs): the member's row
    under lock (PostgreSQL; SQLite's write lock already does it). Taken before any order's lock,
    always in that order, so two transactions never wait for each other in a circle."""
    from core.accounts.models import User

    if member_id is not None:
        lock_row(User, member_id)


def awaiting_session(order: Order) -> bool:
    """A pending order whose first click is still waiting for Stripe's session: another click
    reuses it (Stripe's Idempotency-Key, derived from the order, gives both the same session)
    instead of closing it under the first click's feet."""
    return (order.status == "pending" and order.stripe_session_id is None
            and order.created_at > utcnow() - timedelta(minutes=AWAITING_SESSION_MINUTES))


def session_open(order: Order, margin_minutes: int = 2) -> bool:
    """A pending order whose Checkout session is stored and not about to expire."""
    return (order.status == "pending" and order.stripe_session_id is not None
            and order.session_expires_at > utcnow() + timedelta(minutes=margin_minutes))


def reusable(order: Order) -> bool:
    """A pending order a new click pays again rather than replacing it."""
    return session_open(order) or awaiting_session(order)


def move_forward(order: Order, status: str) -> bool:
    """Set a later status; an earlier or equal one is ignored (out-of-order events)."""
    if ORDER_RANK[status] <= ORDER_RANK[order.status]:
        return False
    order.status = status
    return True


def plain(stripe_object) -> dict:
    """A Stripe object as a plain dict (StripeObject refuses dict methods such as `get`)."""
    if stripe_object is None:
        return {}
    return stripe_object.to_dict() if hasattr(stripe_object, "to_dict") else dict(stripe_object)


def order_id_of(stripe_object) -> int | None:
    data = plain(stripe_object)
    value = (data.get("metadata") or {}).get("order_id") or data.get("client_reference_id")
    return as_id(value) if value else None  # ASCII digits only ("²" is a digit int() refuses)


@cache
def _active_subscriptions():
    """`active_unlimited_membership`'s read, built once (every booking asks it): rows, not
    objects, since it only reads them."""
    return select(Subscription.id, Subscription.product_code, Subscription.site_id, Subscription.current_period_end,
                  Subscription.cancel_at_period_end).where(Subscription.member_id == bindparam("member_id"),
                                                           Subscription.status == "active")


def active_unlimited_membership(member_id: int, site_id: int, on=None):
    """An unlimited membership that covers this site at the instant `on` (now by default), if
    the member has one: within its paid period, or after it when it renews. One that ends at
    the close of its period (the member asked to stop) does not pay a day booked beyond it:
    that day was never charged, since nothing asks again when the membership ends.

    :return: the membership's row (`id`, `product_code`, `site_id`, `current_period_end`,
        `cancel_at_period_end`), or None.
    """
    on = on or utcnow()
    rows = read(_active_subscriptions(), {"member_id": member_id}).all()
    products = settings().products
    for row in rows:
        product = products.get(row.product_code)
        if (product and product.unlimited and (product.network or row.site_id == site_id)
                and (row.current_period_end is None or row.current_period_end > max(on, utcnow())
                     or (row.current_period_end > utcnow() and not row.cancel_at_period_end))):
            return row
    return None
