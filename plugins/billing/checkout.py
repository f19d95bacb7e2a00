"""Stripe Checkout: an order is stored and committed first, then the session is created with
an Idempotency-Key derived from the order, then its id stored. A crash between the two leaves
a pending order whose retry gets the same session back from Stripe.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import select, update

from core.db import insert_now
from core.extensions import db
from core.jobs import enqueue
from core.urls import external_url
from plugins.billing import stripe_api
from plugins.billing.config import settings
from plugins.billing.errors import BillingError
from plugins.billing.models import Order
from plugins.billing.orders import lock_member
from plugins.billing.products import Quote, payment_modes
from plugins.billing.vat import totals

EXPIRE_SESSION_JOB = "billing.expire_session"


class SessionClosed(BillingError):
    """The order was closed while Stripe was opening its session: the session is not stored,
    its expiry is a job recorded in the caller's transaction, which must commit it."""


def create_order(member, site, quote: Quote, quantity: int = 1, method: str = "stripe", booking_id=None,
                 recorded_by=None, label: str | None = None) -> Order:
    """Store a pending order for `quote` (not committed); `label`: its invoice line's, when not
    the product's (a booking's names its day: `bookings.booking_order`)."""
    if method == "stripe" and not payment_modes(site)[0]:
        raise BillingError(_("This site does not take online payment."))
    figures = totals([{"quantity": quantity, "unit_ht_cents": quote.unit_cents, "vat_rate_bp": quote.vat_rate_bp}])
    from flask import current_app

    order = Order(member_id=member.id, site_id=site.id, product_code=quote.code, kind=quote.product.kind,
                  label=label or quote.invoice_label, quantity=quantity, unit_cents=quote.unit_cents,
                  vat_rate_bp=quote.vat_rate_bp,
                  total_cents=figures["ttc_cents"], currency=current_app.config["TERRITORY"].territory.currency,
                  discount_code=quote.discount_code, method=method, booking_id=booking_id,
                  client_name=member.display_name, client_email=member.email,
                  recorded_by_id=getattr(recorded_by, "id", None))
    return insert_now(order)


def _stripe_locale() -> str:
    return "en" if str(get_locale() or "fr").startswith("en") else "fr"


def session_request(order: Order, expires_at: datetime | None = None) -> tuple[dict, str]:
    """The parameters and Idempotency-Key of an order's Checkout session, read from the order
    while its transaction is open (the call itself waits until it is committed)."""
    conf = settings()
    # Derived from the order, not from the clock: a retry must send the very same parameters
    # for Stripe to honour the Idempotency-Key (a few spare minutes cover Stripe's 30-minute floor).
    expires_at = expires_at or order.created_at + timedelta(minutes=conf.checkout_minutes + 3)
    membership = order.kind == "membership"
    # Stripe charges unit x quantity, while VAT is computed on the order's total: when that total
    # does not divide by the quantity (3 hours at 12,34 € HT: 44,42 € TTC), one line of the whole
    # amount charges exactly what the invoice says.
    quantity, name = order.quantity, order.label
    if order.total_cents % quantity:
        quantity, name = 1, f"{order.label} × {order.quantity}"
    price_data = {"currency": order.currency.lower(), "unit_amount": order.total_cents // quantity,
                  "product_data": {"name": name}}
    if membership:
        price_data["recurring"] = {"interval": "month"}
    metadata = {"order_id": str(order.id), "booking_id": str(order.booking_id or "")}
    line_items = [{"price_data": price_data, "quantity": quantity}]
    if order.kind == "basket":  # one line per booking; their amounts add up to the order's total
        line_items = [{"price_data": {"currency": order.currency.lower(), "unit_amount": line.total_cents,
                                      "product_data": {"name": line.label}}, "quantity": 1} for line in order.lines]
    params = {
        "mode": "subscription" if membership else "payment",
        "line_items": line_items,
        "client_reference_id": str(order.id),
        "customer_email": order.client_email or None,
        "metadata": metadata,
        "locale": _stripe_locale(),
        "expires_at": int(expires_at.timestamp()),
        "success_url": external_url("billing.checkout_success") + "?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": external_url("billing.checkout_cancelled", order_id=order.id),
    }
    if membership:
        params["subscription_data"] = {"metadata": metadata}
    else:
        params["payment_intent_data"] = {"metadata": metadata}
    params = {k: v for k, v in params.items() if v is not None}
    return params, f"tierslieux-order-{order.id}-checkout"


def open_session(order_id: int, request: tuple[dict, str]):
    """Create (or get back, by idempotency) the Checkout session of a committed order, with no
    transaction open while Stripe answers; then store its id and expiry on the order (flush),
    only while the order is still pending.

    :return: the Stripe session.
    :raises SessionClosed: the order was closed meanwhile (a newer checkout replaced it, its
        booking was cancelled): the session is not stored and a job expires it, so nobody pays
        a closed order; the caller commits that job, then tells the member to try again.
    """
    params, key = request
    session = stripe_api.client().v1.checkout.sessions.create(params, {"idempotency_key": key})
    # The member before the order (the order every writer takes them in): the caller then
    # extends the holds, which changes bookings, while a cancellation locks the member first.
    lock_member(db.session.scalar(select(Order.member_id).where(Order.id == order_id)))
    # Conditional: between the order's commit and Stripe's answer another transaction may have
    # closed it; writing the session onto a cancelled order would make that order payable.
    stored = db.session.execute(update(Order).where(Order.id == order_id, Order.status == "pending").values(
        stripe_session_id=session.id, session_expires_at=datetime.fromtimestamp(session.expires_at, timezone.utc)))
    if stored.rowcount != 1:
        enqueue(EXPIRE_SESSION_JOB, key=f"expire:{session.id}", session_id=session.id)
        raise SessionClosed(_("This payment was replaced or cancelled meanwhile: nothing was charged, please "
                              "try again."), status=409)
    return session


def start_session(order: Order, expires_at: datetime | None = None):
    """Both steps at once, for callers that hold no write lock (benchmarks, scripts)."""
    return open_session(order.id, session_request(order, expires_at))
