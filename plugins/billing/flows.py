"""Units of work shared by billing's pages and API views: they own their transactions because
a call to Stripe must sit between two of them (SQLite's write lock is never held while Stripe
answers). Nothing else in billing commits."""
from __future__ import annotations

from datetime import datetime, timezone

from flask_babel import gettext as _

import stripe

from core.extensions import db
from plugins.billing import basket, bookings, items, memberships, stripe_api
from plugins.billing.checkout import SessionClosed, create_order, open_session, session_request
from plugins.billing.errors import BillingError
from plugins.billing.models import Order
from plugins.billing.products import products_at, quote

BUYABLE = ("bundle", "membership")


def _open(order_id: int, request):
    """`open_session`, committing the expiry job of a session opened on an order closed
    meanwhile before the refusal goes up (the caller's rollback must not lose it)."""
    try:
        return open_session(order_id, request)
    except SessionClosed:
        db.session.commit()
        raise


def checkout_held_booking(booking, member):
    """The Checkout session paying a held booking: the open one again, or a new one.

    :raises BillingError: not waiting for this member's payment, or the hold lapsed meanwhile.
    """
    order = bookings.checkout_order(booking, member)
    booking_id, order_id, current = booking.id, order.id, order.stripe_session_id
    request = None if current else session_request(order)
    db.session.commit()  # the order exists before Stripe hears of it (its id keys the session)
    if current:
        session = stripe_api.client().v1.checkout.sessions.retrieve(current)
        if session.status == "open":
            return session
        request = session_request(db.session.get(Order, order_id))
        db.session.commit()
    session = _open(order_id, request)
    until = datetime.fromtimestamp(session.expires_at, timezone.utc)
    if not bookings.hold_until_paid(booking_id, order_id, until):
        db.session.commit()  # the order is closed, its session's expiry is a job: keep both
        raise BillingError(_("This booking is not held any more: please book again."), status=409)
    db.session.commit()
    return session


def checkout_basket(member, site):
    """The Checkout session paying the member's whole basket at a site (every booking held
    for their payment there): one session, one order, one line per booking. A basket of one
    is paid as that one booking.

    :raises BillingError: the basket is empty, or one of its holds lapsed meanwhile (the
        order is then closed; the member sees what is left and pays again).
    """
    held = basket.held(member.id, site.id)
    if len(held) == 1:
        return checkout_held_booking(held[0], member)
    order = basket.checkout_order(member, site)
    order_id, current = order.id, order.stripe_session_id
    request = None if current else session_request(order)
    db.session.commit()  # the order exists before Stripe hears of it (its id keys the session)
    if current:
        session = stripe_api.client().v1.checkout.sessions.retrieve(current)
        if session.status == "open":
            return session
        request = session_request(db.session.get(Order, order_id))
        db.session.commit()
    session = _open(order_id, request)
    until = datetime.fromtimestamp(session.expires_at, timezone.utc)
    if not basket.hold_until_paid(order_id, until):
        db.session.commit()  # the order is closed, its session's expiry is a job: keep both
        raise BillingError(_("One of your bookings is not held any more: check your basket and pay again."),
                           status=409)
    db.session.commit()
    return session


def checkout_item(buyer, site, **item):
    """The Checkout session paying an item another plugin sells (`items.item_order`'s
    arguments): its still-open one again, or a new one. Commits: the order before Stripe hears
    of it (with the caller's pending changes), then the session's id.

    :raises BillingError: no online payment at the site, paid already or being paid (409), or
        Stripe unreachable (503; the order stays pending without a session and the next call
        replaces it).
    """
    try:
        for _attempt in range(2):
            order = items.item_order(buyer, site, **item)
            order_id, current = order.id, order.stripe_session_id
            request = None if current else session_request(order)
            db.session.commit()  # the order exists before Stripe hears of it (its id keys the session)
            if not current:
                session = _open(order_id, request)
                db.session.commit()
                return session
            session = stripe_api.client().v1.checkout.sessions.retrieve(current)
            if session.status == "open":
                return session
            if session.status == "complete":
                raise BillingError(_("Your payment is being processed; you will receive an e-mail once it is "
                                     "confirmed."), status=409)
            bookings.abandon(db.session.get(Order, order_id))  # expired at Stripe: a new one
            db.session.commit()
    except stripe.StripeError:
        db.session.rollback()
        raise BillingError(_("Online payment is unavailable at the moment: try again in a few minutes."),
                           status=503) from None
    raise BillingError(_("Online payment is unavailable at the moment: try again in a few minutes."), status=503)


def checkout_product(member, site, code: str, discount_code: str | None = None):
    """The Checkout session buying a bundle or a membership at a site. A membership is one per
    member and site: refused when the member holds one there; their pending membership order
    is paid again (its still-open session) rather than a second one opened (two tabs, two
    clicks: made one after the other under the member's lock).

    :raises BillingError: not sold here, a discount refused, a membership held (409), or its
        payment being processed (409).
    """
    for _attempt in range(2):
        if code not in products_at(site, BUYABLE):
            raise BillingError(_("This product is not sold at this site."))
        offer = quote(site, code, member.id, discount_code)
        order = memberships.checkout_order(member, site, offer) if offer.product.kind == "membership" else None
        order = order or create_order(member, site, offer)
        order_id, current = order.id, order.stripe_session_id
        request = None if current else session_request(order)
        db.session.commit()  # the order exists before Stripe hears of it (its id keys the session)
        if not current:
            session = _open(order_id, request)
            db.session.commit()
            return session
        session = stripe_api.client().v1.checkout.sessions.retrieve(current)
        if session.status == "open":
            return session
        if session.status == "complete":
            raise BillingError(_("Your payment is being processed; you will receive an e-mail once it is "
                                 "confirmed."), status=409)
        bookings.abandon(db.session.get(Order, order_id))  # expired at Stripe: a new one
        db.session.commit()
    raise BillingError(_("Online payment is unavailable at the moment: try again in a few minutes."), status=503)
