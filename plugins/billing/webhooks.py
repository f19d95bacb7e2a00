"""Stripe webhooks: verify, re-fetch, apply once.

The signature is checked on the raw body before anything else. Objects are re-fetched from
Stripe before the write transaction opens, so the event's own (possibly stale) copy decides
nothing and statuses only move forward. The event id is inserted in the same transaction as
its effect: a replay, or a concurrent duplicate delivery, finds it and does nothing.
"""
from __future__ import annotations

import logging

import stripe
from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core import audit
from core.db import is_unique_violation
from core.extensions import db
from core.mail import queue_mail
from plugins.billing import bookings, credits, items, stripe_api
from plugins.billing.refunds import invoice_refunded_elsewhere, refund
from plugins.billing.fulfilment import apply_subscription_state, fulfil_checkout, record_subscription_invoice
from plugins.billing.orders import lock_member, lock_order, move_forward, order_id_of, plain
from plugins.billing.models import ITEM_KIND, Invoice, Order, StripeEvent, Subscription

log = logging.getLogger("tierslieux.billing")
TOLERANCE_SECONDS = 300


class BadSignature(Exception):
    """The body was not signed by Stripe with our secret, or too long ago."""


def verify(payload: bytes, header: str):
    secret = current_app.config.get("STRIPE_WEBHOOK_SECRET")
    if not secret:
        raise BadSignature("no webhook secret configured")
    try:
        return stripe.Webhook.construct_event(payload, header, secret, tolerance=TOLERANCE_SECONDS)
    except (ValueError, stripe.SignatureVerificationError) as exc:
        raise BadSignature(str(exc)) from None


def _fetch(event):
    """The current state of the event's object, from Stripe (None for types we ignore)."""
    api = stripe_api.client().v1
    obj = event.data.object
    kind = event.type
    if kind.startswith("checkout.session."):
        return api.checkout.sessions.retrieve(obj.id)
    if kind in ("invoice.paid", "invoice.payment_failed"):
        return stripe_api.invoice(obj.id)
    if kind.startswith("customer.subscription."):
        return api.subscriptions.retrieve(obj.id)
    if kind == "charge.refunded":
        return api.charges.retrieve(obj.id)
    return None


def handle(event) -> str:
    """Apply one verified event and commit; return its effect ("replay" when seen before)."""
    if db.session.get(StripeEvent, event.id) is not None:
        db.session.rollback()
        return "replay"
    db.session.rollback()  # end the read before calling Stripe (SQLite's write lock)
    current = _fetch(event)
    try:
        record = StripeEvent(id=event.id, type=event.type, effect="")
        db.session.add(record)
        db.session.flush()
        record.effect = _apply(event.type, current)[:200]
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        if is_unique_violation(exc) and db.session.get(StripeEvent, event.id) is not None:
            return "replay"
        raise
    return record.effect


def _apply(kind: str, current) -> str:
    if current is None:
        return "ignored"
    if kind in ("checkout.session.completed", "checkout.session.async_payment_succeeded"):
        return fulfil_checkout(current)
    if kind in ("checkout.session.expired", "checkout.session.async_payment_failed"):
        return _close_unpaid(current, "expired" if kind.endswith("expired") else "failed")
    if kind == "invoice.paid":
        return record_subscription_invoice(current) if current.status == "paid" else "not paid"
    if kind == "invoice.payment_failed":
        return _renewal_failed(current)
    if kind.startswith("customer.subscription."):
        return _sync_subscription(current)
    if kind == "charge.refunded":
        return _refunded_elsewhere(current)
    return "ignored"


def _close_unpaid(session, status: str) -> str:
    if session.payment_status == "paid":
        return "paid meanwhile: unchanged"
    order_id = order_id_of(session)
    if order_id:  # the member before the order: releasing the hold cancels the booking, which locks them
        lock_member(db.session.scalar(select(Order.member_id).where(Order.id == order_id)))
    order = lock_order(order_id) if order_id else None
    if order is None:
        return "not ours"
    if not move_forward(order, status):
        return f"unchanged ({order.status})"
    bookings.release(order)
    if order.kind == ITEM_KIND:
        items.released(order)  # the seller releases what it held (an event's seat)
    return f"order {status}"


def _subscription_row(stripe_id: str):
    """The membership's row under lock, its member's taken first (the order every path takes:
    a booking locks its member, then asks who pays)."""
    query = select(Subscription).where(Subscription.stripe_subscription_id == stripe_id)
    member_id = db.session.scalar(query.with_only_columns(Subscription.member_id))
    lock_member(member_id)
    return db.session.scalar(query.with_for_update())


def _sync_subscription(subscription) -> str:
    row = _subscription_row(subscription.id)
    if row is None:
        return "unknown subscription"
    return f"subscription {row.status}" if apply_subscription_state(row, subscription) else "unchanged"


def _renewal_failed(stripe_invoice) -> str:
    data = plain(stripe_invoice)
    if data.get("status") == "paid":
        return "paid meanwhile: unchanged"
    details = (data.get("parent") or {}).get("subscription_details") or {}
    row = _subscription_row(details.get("subscription") or data.get("subscription") or "")
    if row is None:
        return "unknown subscription"
    if row.status == "canceled":  # ended meanwhile (stopped at once): nothing more is charged, nothing to tell
        return "ended: unchanged"
    if row.status == "active":
        row.status = "past_due"
    order = row.order
    if order.client_email:
        queue_mail(order.client_email, "billing_renewal_failed",
                   locale=getattr(order.member, "locale", None) or current_app.config["BABEL_DEFAULT_LOCALE"],
                   order=order)
    return f"renewal failed: {row.status}"


def _renewal_refunded_elsewhere(charge) -> str:
    """A refund of a membership's renewal, paid by its own payment (kept on its invoice)."""
    invoice = db.session.scalar(select(Invoice).where(Invoice.stripe_payment_intent == charge.payment_intent,
                                                      Invoice.kind == "invoice"))
    if invoice is None:
        return "not ours"
    lock_member(invoice.order.member_id)
    lock_order(invoice.order_id)
    return invoice_refunded_elsewhere(invoice, charge.amount_refunded, f"charge:{charge.id}:{charge.amount_refunded}")


def _refunded_elsewhere(charge) -> str:
    """A refund made outside the platform (Stripe's dashboard): issue its credit note.

    Money already given back as credit days is not money Stripe paid: refunded again in the
    dashboard, it was taken for a refund already recorded, and the member kept both. Money
    beyond what is left on the order pays those credits back: the days it stands for are taken
    back, unused ones first (a spent day too, so it does not come back with its booking's
    cancellation; the audit says how many were unused).
    """
    order = db.session.scalar(select(Order).where(Order.stripe_payment_intent == charge.payment_intent))
    if order is None:
        return _renewal_refunded_elsewhere(charge)
    lock_member(order.member_id)  # before the order, as everywhere (its seller may cancel a ticket)
    order = lock_order(order.id)
    in_money = order.refunded_cents - order.credited_cents  # through Stripe, or on its way (a refund job)
    missing = charge.amount_refunded - in_money
    if missing <= 0:
        return "already recorded"
    effects = []
    recorded = min(missing, order.total_cents - order.refunded_cents)
    if recorded > 0:
        note = refund(order, recorded, "refunded in Stripe",
                      stripe_refund_id=f"charge:{charge.id}:{charge.amount_refunded}", tell_member=True)
        effects.append(f"credit note {note.reference}")
    paid_back = min(missing - recorded, order.credited_cents)
    if paid_back > 0:
        wanted, taken = credits.take_back_refunded(order.id, paid_back, order.credited_cents)
        order.credited_cents -= paid_back
        audit.record(None, "billing.credits_paid_back", f"order:{order.id}", amount_cents=paid_back,
                     days=wanted, days_taken_back=taken)
        if taken < wanted:
            log.warning("order %s: %s cents refunded in Stripe for credit days, %s of %s days already used",
                        order.id, paid_back, wanted - taken, wanted)
        effects.append(f"credits paid back: {taken} of {wanted} days taken back")
    return "; ".join(effects) or "already recorded"
