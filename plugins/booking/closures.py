"""A site closing on days members had booked: the core asks what would be cancelled
(`closure_conflicts`) before the manager confirms, then tells booking the closure is saved
(`site_closed`), and the standing bookings are cancelled in that transaction.

Each goes through `service.cancel` as the site's own cancellation ("site_closed": not the
member's choice, so billing refunds it in full and a convention does not count it as a late
cancellation), its member mailed with the closure's reason and what comes back to them. The
freed places are offered to nobody: the site is closed then. Members waiting for a place on
those days (the waitlist, waiting or offered one) are ended in the same transaction and mailed
once each, in their language, with the closure's reason: no place will free up for them. Rooms
an event holds are blocks (no member): they stay for the event's organisers to move.
"""
from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import ngettext
from sqlalchemy import select, update

from core.db import utcnow
from core.extensions import db
from core.mail import queue_mail
from core.urls import external_url
from plugins.booking import service
from plugins.booking.errors import BookingError
from plugins.booking.models import Booking, Resource, WaitlistEntry
from plugins.booking.slots import to_utc

REASON = "site_closed"
WAITING = ("waiting", "offered")  # waitlist entries a closure ends


def _bounds(site, starts_on: date, ends_on: date):
    """The UTC instants of the first closed day's midnight and of the day after the last."""
    return to_utc(starts_on, time(0), site.timezone), to_utc(ends_on + timedelta(days=1), time(0), site.timezone)


def waiting(site, starts_on: date, ends_on: date, now=None) -> list[WaitlistEntry]:
    """The waitlist entries (waiting, or offered a place) for times on those local days
    (inclusive) not yet over, in order: what a closure over them ends."""
    start, end = _bounds(site, starts_on, ends_on)
    return list(db.session.scalars(select(WaitlistEntry).where(
        WaitlistEntry.site_id == site.id, WaitlistEntry.status.in_(WAITING), WaitlistEntry.starts_at < end,
        WaitlistEntry.ends_at > start, WaitlistEntry.ends_at > (now or utcnow()))
        .order_by(WaitlistEntry.member_id, WaitlistEntry.starts_at, WaitlistEntry.id)))


def standing(site, starts_on: date, ends_on: date, now=None) -> list[int]:
    """Ids of the members' bookings at `site` held or confirmed on those local days (inclusive)
    and not yet started, in order: what a closure over them cancels."""
    start, end = _bounds(site, starts_on, ends_on)
    return list(db.session.scalars(select(Booking.id).where(
        Booking.site_id == site.id, Booking.status.in_(("held", "confirmed")), Booking.is_block.is_(False),
        Booking.member_id.is_not(None), Booking.starts_at < end, Booking.ends_at > start,
        Booking.starts_at > (now or utcnow())).order_by(Booking.starts_at, Booking.id)))


def conflicts(site, starts_on: date, ends_on: date, now=None) -> list[str] | None:
    """The sentences the manager reads before confirming a closure; None when nothing stands."""
    count = len(standing(site, starts_on, ends_on, now))
    members = len({entry.member_id for entry in waiting(site, starts_on, ends_on, now)})
    said = []
    if members:
        said.append(ngettext("%(num)d member waiting for a place on those days will be taken off the waitlist "
                             "and told by e-mail, with the closure's reason.",
                             "%(num)d members waiting for a place on those days will be taken off the waitlist "
                             "and told by e-mail, with the closure's reason.", members))
    if not count:
        return said or None
    return [ngettext("%(num)d booking on those days will be cancelled: its member will be told by e-mail, "
                     "with the closure's reason, and refunded in full (a cancellation by the site).",
                     "%(num)d bookings on those days will be cancelled: their members will be told by e-mail, "
                     "with the closure's reason, and refunded in full (a cancellation by the site).", count)] + said


def cancel_for_closure(site, closure, actor, now=None) -> list[int]:
    """Cancel the bookings standing on the closure's days (flushes); the ids cancelled.

    Every resource of the site is locked first (PostgreSQL; SQLite's writers take turns), as a
    booking locks its resource before it checks the closures again (`service._validate`), and a
    member joining the waitlist locks one of the kind (`waitlist.join`): a booking or a wait
    being made now either commits first, and is found here and ended, or waits and then sees
    the closure and is refused. Resources, then members: the order a booking takes."""
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
    end_waiting(site, closure, now)
    return cancelled


def end_waiting(site, closure, now=None) -> list[int]:
    """End the waitlist entries for the closure's days, each by compare-and-set (an offer taken
    meanwhile is not ended), and mail each member once, in their language, with the closure's
    reason and the times they were waiting for (flushes); the ids ended."""
    now = now or utcnow()
    ended: dict[int, list[WaitlistEntry]] = {}
    for entry in waiting(site, closure.starts_on, closure.ends_on, now):
        result = db.session.execute(update(WaitlistEntry).where(WaitlistEntry.id == entry.id,
                                                                WaitlistEntry.status.in_(WAITING))
                                    .values(status="closed").execution_options(synchronize_session=False))
        if result.rowcount:
            ended.setdefault(entry.member_id, []).append(entry)
    zone = ZoneInfo(site.timezone)
    for entries in ended.values():
        member = entries[0].member
        queue_mail(member.email, "booking_waitlist_closed", locale=member.locale, member=member, site=site,
                   reason=closure.reason or "", link=external_url("booking.search"),
                   times=[(e.starts_at.astimezone(zone), e.ends_at.astimezone(zone)) for e in entries])
    return [entry.id for entries in ended.values() for entry in entries]
