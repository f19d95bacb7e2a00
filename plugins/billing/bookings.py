"""Billing's side of the booking contract: who pays a booking, its price, its checkout, and
what a confirmation or a cancellation means for money and credits.

Booking's service commits its own transactions (`confirm`, `extend_hold`, `cancel`), so
billing calls them after its own commit: a paid order is recorded and invoiced first, then the
hold is confirmed; when the slot was lost meanwhile, the explicit refund path runs. A crash in
between leaves a paid order and a held booking whose expiry (`booking_cancelled` with
"hold_expired") triggers the same refund: money is never silently kept.
"""
from __future__ import annotations

import logging
from datetime import date, timedelta
from math import ceil

from flask import current_app, has_request_context, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from core.db import READ_ONLY_METHODS, utcnow
from core.extensions import db
from core.plugins import hooks
from plugins.billing import credits, stripe_api
from plugins.billing.config import settings
from plugins.billing.errors import BillingError
from plugins.billing.events import after_commit
from plugins.billing.models import CreditEntry, Order
from plugins.billing.products import payment_modes, products_at, quote

log = logging.getLogger("tierslieux.billing")
ROOM_KINDS = ("room", "visio")  # paid by the hour; desks and offices by the (half) day
HALF_DAY_MAX_MINUTES = 5 * 60


def _service():
    from plugins.booking import service

    return service


def _booking(order):
    if not order.booking_id:
        return None
    try:
        from plugins.booking.models import Booking
    except ImportError:
        return None
    return db.session.get(Booking, order.booking_id)


def service_date(order) -> date:
    """The day the service is given: the booking's day, or the payment day."""
    booking = _booking(order)
    if booking is not None:
        return booking.starts_at.date()
    return (order.paid_at or order.created_at).date()


# --------------------------------------------------------------------------------------------
# Price and payer (asked by booking before it stores a booking)
# --------------------------------------------------------------------------------------------


def product_for(booking) -> tuple[str, int]:
    """(product code, quantity) a booking costs: a pass for a desk, hours for a room."""
    minutes = (booking.ends_at - booking.starts_at).total_seconds() / 60
    if booking.resource.kind in ROOM_KINDS:
        return "room_hour", max(1, ceil(minutes / 60))
    return ("half_day_pass" if minutes <= HALF_DAY_MAX_MINUTES else "day_pass"), 1


def price(booking):
    from plugins.booking.payment import Price

    site = booking.resource.site
    code, quantity = product_for(booking)
    if code not in products_at(site):
        return None  # this site sells nothing for it: free
    offer = quote(site, code, booking.member_id)
    currency = current_app.config["TERRITORY"].territory.currency
    return Price(offer.unit_cents * quantity, currency, offer.vat_rate_bp, offer.label)


def _read_only() -> bool:
    return has_request_context() and request.method in READ_ONLY_METHODS


def payer(booking):
    """Partner first (conventions), then a membership, then credits, then the member pays."""
    from plugins.booking.payment import Payer
    from plugins.billing.fulfilment import active_unlimited_membership

    site = booking.resource.site
    partner = hooks(site).billing_payer(booking=booking)
    if partner is not None:
        return partner
    if booking.member_id is None:
        return None
    code, _quantity = product_for(booking)
    if code not in products_at(site):
        return None
    membership = active_unlimited_membership(booking.member_id, site.id)
    if membership is not None:
        return Payer("membership", reference=f"subscription:{membership.id}")
    if code != "room_hour":
        if _read_only():  # a preview on a GET: say what would happen, spend nothing
            if credits.balance(booking.member_id, site.id) >= 1:
                return Payer("credits")
        else:
            # Spent in booking's own transaction: a refused booking rolls the use back.
            entry = credits.consume(booking.member_id, site.id, None, 1)
            if entry is not None:
                return Payer("credits", reference=f"credit:{entry.id}")
    online, _on_site = payment_modes(site)
    if online and stripe_api.configured():
        return Payer("member", needs_payment=True, hold_minutes=settings().checkout_minutes + 5)
    return Payer("member", needs_payment=False, reference="on_site")


def payment_url(booking) -> str:
    return url_for("billing.pay_booking", booking_id=booking.id)


# --------------------------------------------------------------------------------------------
# Checkout of a held booking
# --------------------------------------------------------------------------------------------


def pending_order(booking_id: int) -> Order | None:
    return db.session.scalar(select(Order).where(Order.booking_id == booking_id, Order.status == "pending")
                             .order_by(Order.id.desc()))


def start_checkout(booking, member):
    """The Checkout session paying a held booking (a still-open one is reused); the hold is
    then extended to the session's expiry, which bounds it.

    :raises BillingError: not held for payment any more.
    """
    from plugins.billing.checkout import create_order, start_session

    if booking.status != "held" or booking.hold_reason != "payment" or booking.member_id != member.id:
        raise BillingError(_("This booking is not waiting for a payment."), status=409)
    now = utcnow()
    order = pending_order(booking.id)
    if order is not None and order.stripe_session_id and order.session_expires_at > now + timedelta(minutes=2):
        session = stripe_api.client().v1.checkout.sessions.retrieve(order.stripe_session_id)
        if session.status == "open":
            return session
    code, quantity = product_for(booking)
    site = booking.resource.site
    order = create_order(member, site, quote(site, code, member.id), quantity, booking_id=booking.id)
    db.session.commit()
    session = start_session(order)
    db.session.commit()
    if not _service().extend_hold(booking.id, order.session_expires_at):
        _abandon(order.id, session.id)
        raise BillingError(_("This booking is not held any more: please book again."), status=409)
    return session


def _abandon(order_id: int, session_id: str | None) -> None:
    """Close an order that must not be paid; expire its session so nobody can pay it."""
    from plugins.billing.fulfilment import lock_order, move_forward

    order = lock_order(order_id)
    if order is not None:
        move_forward(order, "cancelled")
    db.session.commit()
    if session_id:
        _expire_session(session_id)


def _expire_session(session_id: str) -> None:
    try:
        stripe_api.client().v1.checkout.sessions.expire(session_id, {},
                                                        {"idempotency_key": f"tierslieux-{session_id}-expire"})
    except Exception as exc:  # already expired or completed: the webhook settles it
        log.info("could not expire %s: %s", session_id, exc)


# --------------------------------------------------------------------------------------------
# After billing's commit: confirm, release
# --------------------------------------------------------------------------------------------


def confirm_after_payment(order_id: int) -> None:
    """Confirm the held booking a paid order was for; if the slot was lost, refund."""
    from plugins.billing.fulfilment import lock_order
    from plugins.billing.refunds import refund_lost_slot

    order = db.session.get(Order, order_id)
    if _service().confirm(order.booking_id) is not None:
        return
    order = lock_order(order_id)
    booking = _booking(order)
    if booking is not None and booking.status in ("confirmed", "checked_in"):
        db.session.rollback()
        return  # confirmed by a concurrent fulfilment
    refund_lost_slot(order)
    db.session.commit()


def release(order) -> None:
    """After the commit, cancel the hold of an order that will not be paid."""
    if order.booking_id:
        reason = "payment_failed" if order.status == "failed" else "hold_expired"
        after_commit(_cancel_hold, order.booking_id, reason)


def _cancel_hold(booking_id: int, reason: str) -> None:
    from plugins.booking.errors import BookingError

    booking = db.session.get(_booking_model(), booking_id)
    if booking is None or booking.status != "held":
        return
    try:
        _service().cancel(booking_id, None, reason=reason, enforce_deadline=False)
    except BookingError:
        db.session.rollback()  # confirmed or cancelled meanwhile


def _booking_model():
    from plugins.booking.models import Booking

    return Booking


# --------------------------------------------------------------------------------------------
# Booking's events
# --------------------------------------------------------------------------------------------


def _credit_use(booking):
    if booking.payer_kind != "credits" or not (booking.payer_reference or "").startswith("credit:"):
        return None
    return db.session.get(CreditEntry, int(booking.payer_reference.split(":", 1)[1]))


def booking_stored(booking) -> None:
    """Link a credit use to its booking; open the unpaid order of a pay-on-site booking."""
    from plugins.billing.checkout import create_order

    use = _credit_use(booking)
    if use is not None and use.booking_id is None:
        use.booking_id = booking.id
        db.session.commit()
    if booking.payer_kind == "member" and booking.payer_reference == "on_site" and pending_order(booking.id) is None:
        code, quantity = product_for(booking)
        site = booking.resource.site
        order = create_order(booking.member, site, quote(site, code, booking.member_id), quantity,
                             method="on_site", booking_id=booking.id)
        order.session_expires_at = None
        db.session.commit()


def refundable(booking, reason: str) -> bool:
    """The site's cancellation rule: a member cancelling late gets nothing back."""
    if reason != "member":
        return True
    return booking.starts_at - utcnow() >= timedelta(hours=settings().cancel_notice_hours)


def booking_cancelled(booking, actor, reason: str) -> None:
    from plugins.billing.fulfilment import lock_order, move_forward
    from plugins.billing.refunds import refund

    give = refundable(booking, reason)
    if give and _credit_use(booking) is not None:
        credits.give_back(booking.id, note=reason)
    sessions = []
    for order in db.session.scalars(select(Order).where(Order.booking_id == booking.id)).all():
        order = lock_order(order.id)
        if order.status == "pending":
            move_forward(order, "cancelled")
            sessions.append(order.stripe_session_id)
        elif order.status == "paid" and give:
            refund(order, None, f"booking cancelled ({reason})", actor=actor,
                   to="card" if reason != "member" else settings().refund_policy)
    db.session.commit()
    for session_id in filter(None, sessions):
        _expire_session(session_id)
