"""Fulfilment: what happens once money is in, whoever noticed first (webhook or success page).

`fulfil_checkout` re-reads nothing itself: callers give it a session freshly retrieved from
Stripe, made before the write transaction opened (an HTTP call must not hold SQLite's write
lock). It locks the order row and moves it forward only once, so two concurrent calls give
one invoice, one e-mail, one confirmed booking.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flask import current_app
from sqlalchemy import select

from core.extensions import db
from core.mail import queue_mail
from plugins.billing import credits
from plugins.billing.config import settings
from plugins.billing.events import notify
from plugins.billing.invoices import issue_invoice
from plugins.billing.models import ORDER_RANK, Invoice, Order, Subscription
from plugins.billing.pdf import invoice_pdf


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


def fulfil_checkout(session) -> str:
    """Fulfil the order of a paid Checkout session; a no-op when unpaid or already done.

    :return: a short description of the effect, stored with the webhook event.
    """
    order_id = order_id_of(session)
    if order_id is None:
        return "not ours"
    if session.payment_status != "paid":
        return "not paid"
    order = lock_order(order_id)
    if order is None:
        return "unknown order"
    if order.status in ("paid", "refunded"):
        return "already fulfilled"
    order.status = "paid"
    order.paid_at = datetime.now(timezone.utc)
    order.stripe_payment_intent = getattr(session, "payment_intent", None)
    if session.mode == "subscription":
        sync_subscription_row(order, session.subscription)
        return "subscription started"
    return _fulfil_paid(order)


def _fulfil_paid(order: Order) -> str:
    from plugins.billing import bookings
    from plugins.billing.events import after_commit

    invoice = issue_invoice(order, service_date=bookings.service_date(order))
    if order.booking_id is not None and order.method == "stripe":
        # Booking's confirm commits on its own: it runs once this payment is committed.
        after_commit(bookings.confirm_after_payment, order.id)
    if order.kind == "bundle":
        product = settings().products.get(order.product_code)
        days = (product.credits if product else 1) * order.quantity
        expires = order.paid_at + timedelta(days=30 * (product.valid_months if product else 12))
        credits.grant(order.member_id, days, "bundle", expires, site_id=None if product and product.network
                      else order.site_id, order_id=order.id)
    announce(order, invoice)
    return f"paid: invoice {invoice.reference}"


def record_paid_on_site(order: Order) -> Invoice:
    """A manager recorded cash, a cheque or a transfer: the same invoice and e-mail follow."""
    order.status = "paid"
    order.paid_at = datetime.now(timezone.utc)
    _fulfil_paid(order)
    return db.session.scalar(select(Invoice).where(Invoice.order_id == order.id, Invoice.kind == "invoice"))


def announce(order: Order, invoice: Invoice) -> None:
    """Mail the invoice as a PDF and tell other plugins, after the commit."""
    if order.client_email:
        member = order.member
        locale = getattr(member, "locale", None) or current_app.config["BABEL_DEFAULT_LOCALE"]
        queue_mail(order.client_email, "billing_invoice", locale=locale,
                   attachments=[(f"{invoice.reference}.pdf", "application/pdf", invoice_pdf(invoice, locale))],
                   invoice=invoice, order=order)
    notify("invoice_issued", order, invoice=invoice)
    notify("payment_succeeded", order, invoice=invoice)


# --------------------------------------------------------------------------------------------
# Memberships
# --------------------------------------------------------------------------------------------


def _ts(value):
    return datetime.fromtimestamp(value, timezone.utc) if value else None


def _period_end(subscription) -> datetime | None:
    data = plain(subscription)
    end = data.get("current_period_end")
    if end is None:
        items = (data.get("items") or {}).get("data") or []
        end = items[0].get("current_period_end") if items else None
    return _ts(end)


def sync_subscription_row(order: Order, subscription) -> Subscription:
    """Create or update the mirror of a Stripe subscription (given as an id or an object)."""
    stripe_id = subscription if isinstance(subscription, str) else subscription.id
    row = db.session.scalar(select(Subscription).where(Subscription.stripe_subscription_id == stripe_id))
    if row is None:
        row = Subscription(member_id=order.member_id, site_id=order.site_id, order_id=order.id,
                           product_code=order.product_code, stripe_subscription_id=stripe_id, status="active")
        db.session.add(row)
    if not isinstance(subscription, str):
        apply_subscription_state(row, subscription)
    db.session.flush()
    return row


def apply_subscription_state(row: Subscription, subscription) -> bool:
    """Copy Stripe's state, forward only: a canceled membership never comes back to life."""
    if row.status == "canceled":
        return False
    status = {"active": "active", "trialing": "active", "past_due": "past_due", "unpaid": "past_due",
              "canceled": "canceled", "incomplete_expired": "canceled"}.get(subscription.status, row.status)
    end = _period_end(subscription)
    changed = (status, subscription.cancel_at_period_end) != (row.status, row.cancel_at_period_end)
    row.status = status
    row.cancel_at_period_end = bool(subscription.cancel_at_period_end)
    if end and (row.current_period_end is None or end > row.current_period_end):
        row.current_period_end, changed = end, True
    return changed


def record_subscription_invoice(stripe_invoice) -> str:
    """A membership's invoice was paid (first month or renewal): invoice it and, for counted
    memberships, grant the period's days. Keyed by Stripe's invoice id, so once only."""
    data = plain(stripe_invoice)
    details = (data.get("parent") or {}).get("subscription_details") or {}
    order_id = order_id_of({"metadata": details.get("metadata") or {}})
    sub_id = details.get("subscription") or data.get("subscription")
    if order_id is None or not sub_id:
        return "not ours"
    order = lock_order(order_id)
    if order is None:
        return "unknown order"
    if db.session.scalar(select(Invoice.id).where(Invoice.stripe_invoice_id == stripe_invoice.id)):
        return "already invoiced"
    if order.status == "pending":
        order.status, order.paid_at = "paid", datetime.now(timezone.utc)
    row = sync_subscription_row(order, sub_id)
    if row.status == "past_due":
        row.status = "active"
    period_end = _ts(data.get("period_end"))
    if period_end and (row.current_period_end is None or period_end > row.current_period_end):
        row.current_period_end = period_end
    lines = [{"label": order.label, "quantity": order.quantity, "unit_ht_cents": order.unit_cents,
              "vat_rate_bp": order.vat_rate_bp}]
    invoice = issue_invoice(order, service_date=(_ts(data.get("period_start")) or order.paid_at).date(),
                            stripe_invoice_id=stripe_invoice.id, lines=lines)
    product = settings().products.get(order.product_code)
    if product and not product.unlimited:
        credits.grant(order.member_id, product.credits * order.quantity, "membership",
                      period_end or order.paid_at + timedelta(days=31),
                      site_id=None if product.network else order.site_id, order_id=order.id)
    announce(order, invoice)
    return f"membership invoiced: {invoice.reference}"


def active_unlimited_membership(member_id: int, site_id: int) -> Subscription | None:
    """An unlimited membership that covers this site now, if the member has one."""
    from core.db import utcnow

    rows = db.session.scalars(select(Subscription).where(Subscription.member_id == member_id,
                                                         Subscription.status == "active")).all()
    products = settings().products
    for row in rows:
        product = products.get(row.product_code)
        if (product and product.unlimited and (product.network or row.site_id == site_id)
                and (row.current_period_end is None or row.current_period_end > utcnow())):
            return row
    return None


def fulfil_session_id(session_id: str) -> None:
    """Re-read a Checkout session from Stripe and fulfil it, in its own write transaction.

    The success page is a GET, and on SQLite the core opens a GET's transactions as readers
    (plain BEGIN), which cannot later take the write lock. So this runs in a short-lived
    thread with only an app context: its transaction starts with BEGIN IMMEDIATE like any
    other write.
    """
    import threading

    from plugins.billing import stripe_api

    app = current_app._get_current_object()
    failure = []

    def run():
        with app.app_context():
            try:
                api = stripe_api.client().v1
                session = api.checkout.sessions.retrieve(session_id)
                first = (api.invoices.retrieve(session.invoice)
                         if session.mode == "subscription" and session.invoice else None)
                fulfil_checkout(session)
                if first is not None and first.status == "paid":
                    record_subscription_invoice(first)
                db.session.commit()
            except Exception as exc:  # re-raised in the request's thread
                db.session.rollback()
                failure.append(exc)
            finally:
                db.session.remove()

    worker = threading.Thread(target=run, name="billing-fulfil")
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
