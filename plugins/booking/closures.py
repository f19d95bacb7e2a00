"""A site closing on days members had booked: the core asks what would be cancelled
(`closure_conflicts`) before the manager confirms, then tells booking the closure is saved
(`site_closed`), and the standing bookings are cancelled in that transaction.

Each goes through `service.cancel` as the site's own cancellation ("site_closed": not the
member's choice, so billing refunds it in full and a convention does not count it as a late
cancellation), its member mailed with the closure's reason and what comes back to them. The
freed places are offered to nobody: the site is closed then. Rooms an event holds are blocks
(no member): they stay for the event's organisers to move.
"""
from __future__ import annotations

from datetime import date, time, timedelta

from flask_babel import ngettext
from sqlalchemy import select

from core.db import utcnow
from core.extensions import db
from plugins.booking import service
from plugins.booking.errors import BookingError
from plugins.booking.models import Booking, Resource
from plugins.booking.slots import to_utc

REASON = "site_closed"


def standing(site, starts_on: date, ends_on: date, now=None) -> list[int]:
    """Ids of the members' bookings at `site` held or confirmed on those local days (inclusive)
    and not yet started, in order: what a closure over them cancels."""
    start = to_utc(starts_on, time(0), site.timezone)
    end = to_utc(ends_on + timedelta(days=1), time(0), site.timezone)
    return list(db.session.scalars(select(Booking.id).where(
        Booking.site_id == site.id, Booking.status.in_(("held", "confirmed")), Booking.is_block.is_(False),
        Booking.member_id.is_not(None), Booking.starts_at < end, Booking.ends_at > start,
        Booking.starts_at > (now or utcnow())).order_by(Booking.starts_at, Booking.id)))


def conflicts(site, starts_on: date, ends_on: date, now=None) -> list[str] | None:
    """The sentence the manager reads before confirming a closure; None when nothing stands."""
    count = len(standing(site, starts_on, ends_on, now))
    if not count:
        return None
    return [ngettext("%(num)d booking on those days will be cancelled: its member will be told by e-mail, "
                     "with the closure's reason, and refunded in full (a cancellation by the site).",
                     "%(num)d bookings on those days will be cancelled: their members will be told by e-mail, "
                     "with the closure's reason, and refunded in full (a cancellation by the site).", count)]


def cancel_for_closure(site, closure, actor, now=None) -> list[int]:
    """Cancel the bookings standing on the closure's days (flushes); the ids cancelled.

    Every resource of the site is locked first (PostgreSQL; SQLite's writers take turns), as a
    booking locks its resource before it checks the closures again (`service._validate`): a
    booking being made now either commits first, and is found here and cancelled, or waits and
    then sees the closure and is refused. Resources, then members: the order a booking takes."""
    now = now or utcnow()
    if db.session.get_bind().dialect.name != "sqlite":
        db.session.execute(select(Resource.id).where(Resource.site_id == site.id).order_by(Resource.id)
                           .with_for_update(key_share=True))
    cancelled = []
    for booking_id in standing(site, closure.starts_on, closure.ends_on, now):
        try:
            with db.session.begin_nested():  # its mail says the closure's reason and what comes back
                service.cancel(booking_id, actor, REASON, now=now, enforce_deadline=False, offer=False,
                               note=closure.reason)
        except BookingError:
            continue  # no longer active: cancelled or expired meanwhile
        cancelled.append(booking_id)
    return cancelled
