"""Billing's side of the booking contract: confirming a paid hold, releasing an unpaid one.

Booking's service is imported lazily: billing's money rules (bundles, memberships, invoices)
work and are tested without it.
"""
from __future__ import annotations

from datetime import date


def _booking(order):
    try:
        from plugins.booking.models import Booking
    except ImportError:
        return None
    from core.extensions import db

    return db.session.get(Booking, order.booking_id) if order.booking_id else None


def service_date(order) -> date:
    """The day the service is given: the booking's day, or the payment day."""
    booking = _booking(order)
    if booking is not None:
        return booking.starts_at.date()
    return (order.paid_at or order.created_at).date()


def confirm_paid(order, late: bool = False) -> bool:
    """Confirm the held booking an order paid for; False when the slot was lost meanwhile."""
    booking = _booking(order)
    if booking is None:
        return order.booking_id is None
    from plugins.booking import service

    return bool(service.confirm_held(booking.id))


def release(order) -> None:
    """Cancel the hold of an order that will not be paid (expired or failed session)."""
    booking = _booking(order)
    if booking is None or booking.status != "held":
        return
    from plugins.booking import service

    service.cancel_held(booking.id, reason="payment_failed" if order.status == "failed" else "hold_expired")
