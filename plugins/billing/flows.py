"""Units of work shared by billing's pages and API views: they own their transactions because
a call to Stripe must sit between two of them (SQLite's write lock is never held while Stripe
answers). Nothing else in billing commits."""
from __future__ import annotations

from core.extensions import db
from plugins.billing import bookings, stripe_api
from plugins.billing.checkout import start_session


def checkout_held_booking(booking, member):
    """The Checkout session paying a held booking: the open one again, or a new one.

    :raises BillingError: not waiting for this member's payment, or the hold lapsed meanwhile.
    """
    order = bookings.checkout_order(booking, member)
    booking_id = booking.id
    if order.stripe_session_id:
        session = stripe_api.client().v1.checkout.sessions.retrieve(order.stripe_session_id)
        if session.status == "open":
            db.session.rollback()
            return session
    db.session.commit()  # the order exists before Stripe hears of it (its id keys the session)
    session = start_session(order)
    bookings.hold_until_paid(booking_id, order)
    db.session.commit()
    return session
