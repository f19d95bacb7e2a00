"""Orders read and moved under lock: the small pieces every money path shares."""
from __future__ import annotations

from sqlalchemy import select

from core.db import utcnow
from core.extensions import db
from plugins.billing.config import settings
from plugins.billing.models import ORDER_RANK, Order, Subscription


def lock_order(order_id: int) -> Order | None:
    """The order, read again under a row lock (PostgreSQL) or the write lock (SQLite)."""
    return db.session.scalar(select(Order).where(Order.id == order_id).with_for_update()
                             .execution_options(populate_existing=True))


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
    return int(value) if value and str(value).isdigit() else None


def active_unlimited_membership(member_id: int, site_id: int) -> Subscription | None:
    """An unlimited membership that covers this site now, if the member has one."""
    rows = db.session.scalars(select(Subscription).where(Subscription.member_id == member_id,
                                                         Subscription.status == "active")).all()
    products = settings().products
    for row in rows:
        product = products.get(row.product_code)
        if (product and product.unlimited and (product.network or row.site_id == site_id)
                and (row.current_period_end is None or row.current_period_end > utcnow())):
            return row
    return None
