"""Tidying for operators who schedule it: expired holds, no-shows, stale waitlist offers, reminders.

Nothing here is needed for correctness: an expired hold never blocks a booking or a search.
Each step flushes; `tierslieux booking sweep` commits each step on its own.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from core.db import utcnow
from core.extensions import db
from plugins.booking import notify, waitlist
from plugins.booking.models import Booking
from plugins.booking.service import expire_holds_where, tell_expired

NO_SHOW_GRACE = timedelta(minutes=60)
REMIND_AHEAD = timedelta(hours=24)


def expire_holds(now=None) -> int:
    expired = expire_holds_where(now or utcnow(), skip_locked=True)
    tell_expired(expired)
    return len(expired)


def mark_no_shows(now=None, grace=NO_SHOW_GRACE) -> int:
    """Confirmed bookings not checked in `grace` after their start become no-shows; the rest of
    the slot is free again (a no-show is not an active status) and offered to the waitlist."""
    now = now or utcnow()
    rows = db.session.scalars(select(Booking).where(Booking.status == "confirmed", Booking.is_block.is_(False),
                                                    Booking.starts_at < now - grace,
                                                    Booking.starts_at > now - timedelta(days=2))).all()
    count = 0
    for booking in rows:
        result = db.session.execute(update(Booking).where(Booking.id == booking.id, Booking.status == "confirmed")
                                    .values(status="no_show").execution_options(synchronize_session=False))
        if result.rowcount:
            count += 1
            waitlist.offer_freed(booking, now)
    return count


def send_reminders(now=None) -> int:
    now = now or utcnow()
    rows = db.session.scalars(select(Booking).where(Booking.status == "confirmed", Booking.reminded_at.is_(None),
                                                    Booking.member_id.is_not(None), Booking.starts_at > now,
                                                    Booking.starts_at < now + REMIND_AHEAD)).all()
    for booking in rows:
        result = db.session.execute(update(Booking).where(Booking.id == booking.id, Booking.reminded_at.is_(None))
                                    .values(reminded_at=now).execution_options(synchronize_session=False))
        if result.rowcount:
            notify.booking_mail(booking, "booking_reminder")
    return len(rows)


STEPS = {"holds_expired": expire_holds, "no_shows": mark_no_shows, "offers_expired": waitlist.expire_offers,
         "reminders": send_reminders}
